// Recovery from the common mistakes in the front end: the AST is what the text means (so lowering
// reports no consequences), the error is at the marked span, and its fix edits, applied, leave a
// text without syntax errors. Braces are matched by indentation only when the file is unbalanced.
import { expect } from 'chai';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import type { Edit } from '../../src/diagnostics/diagnostic.js';
import type * as A from '../../src/spec/ast.js';
import { parseSpec } from '../../src/spec/index.js';
import { marked } from '../support/marked.js';

function parse(text: string): { ast: A.SpecFile; diag: DiagnosticCollector } {
  const diag = new DiagnosticCollector();
  return { ast: parseSpec(text, 'f', diag), diag };
}

function apply(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

/** Asserts one diagnostic `code` at the marked span whose fix gives a text without diagnostics. */
function expectFixed(src: string, code: string): A.SpecFile {
  const { text, spans } = marked(src);
  const { ast, diag } = parse(text);
  expect(diag.diagnostics.map((d) => [d.code, d.primary?.span.start, d.primary?.span.end])).to.deep.equal([[code, spans[0]?.start, spans[0]?.end]]);
  const fix = diag.diagnostics[0]!.fix;
  expect(fix, 'a mechanical fix').to.not.equal(undefined);
  const fixed = apply(text, fix!);
  const again = parse(fixed);
  expect(again.diag.diagnostics.map((d) => d.code), fixed).to.deep.equal([]);
  return ast;
}

describe('parser recovery from common mistakes', function () {
  it('reads `image = ubuntu-22.04` as the string it means (CS1020)', function () {
    const ast = expectFixed('cluster "a" { cloud { image = <|ubuntu-22.04|> } }', 'CS1020');
    const cloud = ast.clusters[0]!.body[0] as A.Block;
    expect((cloud.body![0] as A.Attribute).value).to.include({ kind: 'string', value: 'ubuntu-22.04' });
  });

  it('reads `agents 1-5` as the range 1..5 (CS1021) with the spans of both bounds', function () {
    const ast = expectFixed('cluster "a" { agents <|1 - 5|> { } }', 'CS1021');
    const count = (ast.clusters[0]!.body[0] as A.Block).count as A.RangeLit;
    expect([count.min.value, count.max?.value]).to.deep.equal([1, 5]);
    expect([count.min.span.start, count.max?.span.start]).to.deep.equal([21, 25]);
  });

  it('reads `cloud = { ... }` as the block (CS1022 at the `=`)', function () {
    const ast = expectFixed('cluster "a" { cloud <|=|> { image = "x" } }', 'CS1022');
    expect(ast.clusters[0]!.body[0]).to.include({ kind: 'block' });
  });

  it('reads `masters: 3` in a cluster as the host group, `cpus: 2` in a block as the attribute', function () {
    const top = expectFixed('cluster "a" {\n  masters<|:|> 3\n}', 'CS1005');
    expect(top.clusters[0]!.body[0]).to.deep.include({ kind: 'block' });
    const inner = expectFixed('cluster "a" {\n  masters 3 { cpus<|:|> 2 }\n}', 'CS1005');
    expect(((inner.clusters[0]!.body[0] as A.Block).body![0] as A.Attribute).value).to.include({ kind: 'number', value: 2 });
  });

  it('reads an unambiguous misspelt unit as meant; `m` is ambiguous and has no fix', function () {
    const ast = expectFixed('cluster "a" { masters 3 { memory = 8 <|G|> } }', 'CS1003');
    const v = ((ast.clusters[0]!.body[0] as A.Block).body![0] as A.Attribute).value as A.QuantityLit;
    expect(v.unit.text).to.equal('GB');
    expectFixed('cluster "a" { masters 3 { memory = <|8G|> } }', 'CS1003');
    expectFixed('cluster "a" { elasticity { idle_timeout = 30 <|seconds|> } }', 'CS1003');
    const { diag } = parse('cluster "a" { elasticity { idle_timeout = 10 m } }');
    expect(diag.diagnostics.map((d) => [d.code, d.fix])).to.deep.equal([['CS1003', undefined]]);
  });

  it('does not read a unit-like word that starts a block as a unit', function () {
    const { ast, diag } = parse('cluster "a" { masters 3 { cpus = 2 G { } } }');
    expect(diag.diagnostics.map((d) => d.code)).to.deep.equal([]);
    expect((ast.clusters[0]!.body[0] as A.Block).body!.map((s) => s.kind)).to.deep.equal(['attribute', 'block']);
  });

  it('finds the block left open by the indentation (CS1023) and checks the rest where it belongs', function () {
    const ast = expectFixed('cluster "a" {\n  masters 3 <|{|>\n    cpus = 2\n  agents 2 { }\n}\n', 'CS1023');
    expect(ast.clusters[0]!.body.map((s) => s.name.name)).to.deep.equal(['masters', 'agents']);
  });

  it('closes two blocks left open, one error each', function () {
    const { text } = marked('cluster "a" {\n  masters 3 {\n    cpus = 2\n  agents 2 {\n    cpus = 4\n  cloud { }\n}\n');
    const { ast, diag } = parse(text);
    expect(diag.diagnostics.map((d) => d.code)).to.deep.equal(['CS1023', 'CS1023']);
    expect(ast.clusters[0]!.body.map((s) => s.name.name)).to.deep.equal(['masters', 'agents', 'cloud']);
    const fixed = apply(text, diag.diagnostics.flatMap((d) => d.fix ?? []));
    expect(parse(fixed).diag.diagnostics).to.deep.equal([]);
  });

  it('leaves balanced files alone, however they are indented', function () {
    const { diag } = parse('cluster "a" {\nmasters 3 {\ncpus = 2\n}\n  agents 2 { }\n}\n');
    expect(diag.diagnostics).to.deep.equal([]);
  });

  it('drops the extra `}` the indentation points at (CS1027)', function () {
    const ast = expectFixed('cluster "a" {\n  masters 3 {\n  }\n  <|}|>\n  agents 2 { }\n}\n', 'CS1027');
    expect(ast.clusters[0]!.body.map((s) => s.name.name)).to.deep.equal(['masters', 'agents']);
  });

  it('closes an unclosed cluster at the end of the file (CS1005 with the fix)', function () {
    expectFixed('cluster "a" {\n  masters 3 { }\n<||>', 'CS1005');
  });

  it('reads `clustr "x" { }` as the cluster it means (CS1026)', function () {
    const ast = expectFixed('<|clustr|> "x" { masters 3 { } }', 'CS1026');
    expect(ast.clusters.map((c) => c.name?.value)).to.deep.equal(['x']);
  });

  it('rejects a TOSCA or Heat document once, without reading it as a spec (CS1024)', function () {
    for (const key of ['tosca_definitions_version', 'heat_template_version', 'topology_template']) {
      const { text, spans } = marked(`# a comment\n<|${key}|>: x\nfoo:\n  - bar: 1\n`);
      const { ast, diag } = parse(text);
      expect(diag.diagnostics.map((d) => [d.code, d.primary?.span.start, d.primary?.span.end]), key).to.deep.equal([['CS1024', spans[0]?.start, spans[0]?.end]]);
      expect(ast.clusters).to.deep.equal([]);
    }
  });

  it('reports an empty or comment-only file once (CS1025), and not after another error', function () {
    for (const text of ['', '# only\n// comments\n']) expectFixed(text === '' ? '<||>' : text.replace(/^/, '<||>'), 'CS1025');
    expect(parse('masters 3 { }').diag.diagnostics.map((d) => d.code)).to.deep.equal(['CS1007']);
    expect(parse(';').diag.diagnostics.map((d) => d.code)).to.deep.equal(['CS1002']);
  });
});
