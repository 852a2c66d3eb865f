// Parser and AST builder: shapes, spans, and the code and span of each syntax error.
import { expect } from 'chai';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import type * as A from '../../src/spec/ast.js';
import { parseSpec } from '../../src/spec/index.js';
import { SpecParser } from '../../src/spec/parser.js';
import { marked } from '../support/marked.js';

function parse(text: string): { ast: A.SpecFile; diag: DiagnosticCollector } {
  const diag = new DiagnosticCollector();
  return { ast: parseSpec(text, 'f', diag), diag };
}

/** Asserts the diagnostics (code and primary span) of a marked input, in order. */
function expectErrors(src: string, codes: string[]): void {
  const { text, spans } = marked(src);
  const { diag } = parse(text);
  const got = diag.diagnostics.map((d) => ({ code: d.code, start: d.primary?.span.start, end: d.primary?.span.end }));
  expect(got).to.deep.equal(codes.map((code, i) => ({ code, start: spans[i]?.start, end: spans[i]?.end })));
}

function body(text: string): readonly A.Statement[] {
  const { ast, diag } = parse(text);
  expect(diag.diagnostics).to.deep.equal([]);
  return ast.clusters[0]!.body;
}

describe('parser', function () {
  it('has a grammar that passes chevrotain\'s validations (ambiguity, recursion)', function () {
    expect(() => new SpecParser(true)).to.not.throw();
  });

  it('parses several clusters with names, spans and keyword spans', function () {
    const { text } = marked('cluster "a" { }\ncluster "b" { }');
    const { ast, diag } = parse(text);
    expect(diag.diagnostics).to.deep.equal([]);
    expect(ast.clusters.map((c) => c.name?.value)).to.deep.equal(['a', 'b']);
    expect(ast.clusters[1]!.span).to.deep.equal({ file: 'f', start: 16, end: 31 });
    expect(ast.clusters[1]!.keywordSpan).to.deep.equal({ file: 'f', start: 16, end: 23 });
  });

  it('parses named blocks with ranges and nested statements', function () {
    const [b] = body('cluster "c" { agents "gpu" 0..4 { flavor = "g1" } }');
    expect(b).to.deep.include({ kind: 'block' });
    const blk = b as A.Block;
    expect(blk.name.name).to.equal('agents');
    expect(blk.name.span).to.deep.equal({ file: 'f', start: 14, end: 20 });
    expect(blk.label?.value).to.equal('gpu');
    expect(blk.count).to.deep.include({ kind: 'range' });
    const r = blk.count as A.RangeLit;
    expect([r.min.value, r.max?.value]).to.deep.equal([0, 4]);
    expect(blk.body?.[0]).to.deep.include({ kind: 'attribute' });
  });

  it('distinguishes a block without braces from one with an empty body', function () {
    const [a, b] = body('cluster "c" { zookeeper  consul { } }') as A.Block[];
    expect(a!.body).to.equal(undefined);
    expect(b!.body).to.deep.equal([]);
  });

  it('builds every kind of value', function () {
    const st = body(
      'cluster "c" { a = "s" b = 4 c = 1.5 d = 4 GB e = 10 min f = true g = false h = 10.0.0.1 i = 10.0.0.0/24 j = [1, "x",] k = input l = input(3) m = secret n = cinder }',
    ) as A.Attribute[];
    const v = Object.fromEntries(st.map((s) => [s.name.name, s.value]));
    expect(v['a']).to.deep.include({ kind: 'string', value: 's' });
    expect(v['b']).to.deep.include({ kind: 'number', value: 4, integer: true, raw: '4' });
    expect(v['c']).to.deep.include({ kind: 'number', value: 1.5, integer: false });
    expect(v['d']).to.deep.include({ kind: 'quantity' });
    expect((v['d'] as A.QuantityLit).unit).to.deep.include({ text: 'GB', dimension: 'size' });
    expect((v['e'] as A.QuantityLit).unit).to.deep.include({ text: 'min', dimension: 'duration' });
    expect(v['f']).to.deep.include({ kind: 'bool', value: true });
    expect(v['g']).to.deep.include({ kind: 'bool', value: false });
    expect(v['h']).to.deep.include({ kind: 'ipv4', value: '10.0.0.1' });
    expect(v['i']).to.deep.include({ kind: 'cidr', address: '10.0.0.0', prefix: 24 });
    expect((v['j'] as A.ListLit).items.map((x) => x.kind)).to.deep.equal(['number', 'string']);
    expect(v['k']).to.deep.include({ kind: 'input', secret: false, default: undefined });
    expect((v['l'] as A.InputRef).default).to.deep.include({ kind: 'number', value: 3 });
    expect(v['m']).to.deep.include({ kind: 'input', secret: true });
    expect(v['n']).to.deep.include({ kind: 'identValue', name: 'cinder' });
  });

  it('treats a unit word followed by `=` as the next attribute', function () {
    const st = body('cluster "c" { x = 10\n min = 2 }') as A.Attribute[];
    expect(st.map((s) => s.name.name)).to.deep.equal(['x', 'min']);
    expect(st[0]!.value).to.deep.include({ kind: 'number', value: 10 });
  });

  it('accepts counts given as inputs', function () {
    const [b] = body('cluster "c" { masters input(3) { } }') as A.Block[];
    expect(b!.count).to.deep.include({ kind: 'input', secret: false });
  });

  it('resolves escapes', function () {
    const [a] = body('cluster "c" { d = "q\\" b\\\\ n\\n t\\t" }') as A.Attribute[];
    expect((a!.value as A.StringLit).value).to.equal('q" b\\ n\n t\t');
  });

  it('keeps spans exact with tabs, CRLF and non-ASCII text', function () {
    const src = 'cluster "ünï" {\r\n\tx = "😀"\r\n\ty = <|4x|>\r\n}';
    expectErrors(src, ['CS1003']);
  });

  it('reports CS1001 for an unterminated string at the string', function () {
    expectErrors('cluster "c" {\n  d = <|"open|>\n}', ['CS1001']);
  });

  it('reports CS1002 for stray characters', function () {
    expectErrors('cluster "c" { a = 1<|;|> b = 2 <|@|> }', ['CS1002', 'CS1002']);
  });

  it('reports CS1003 for bad numbers, octets and prefixes', function () {
    expectErrors('cluster "c" { a = <|1.2.3|> b = <|10.0.0.256|> c = <|10.0.0.0/40|> d = <|7y|> }', ['CS1003', 'CS1003', 'CS1003', 'CS1003']);
  });

  it('reports CS1004 at the unknown escape', function () {
    expectErrors('cluster "c" { a = "x<|\\q|>" }', ['CS1004']);
  });

  it('reports CS1005 for a missing token and points at an unclosed brace', function () {
    const { diag } = parse('cluster "c" {\n  masters 1 {\n');
    expect(diag.diagnostics.map((d) => d.code)).to.deep.equal(['CS1005']);
    expect(diag.diagnostics[0]!.secondary?.[0]?.span).to.deep.equal({ file: 'f', start: 26, end: 27 });
    expectErrors('cluster <|{|> }', ['CS1005']);
  });

  it('reports CS1006 for a missing value without a cascade', function () {
    expectErrors('cluster "c" { a = <|}|>', ['CS1006']);
    expectErrors('cluster "c" { a = <|=|> 2\n b = 3 }', ['CS1006']);
  });

  it('reports CS1007 for statements outside a cluster', function () {
    expectErrors('<|a|> = 1\n<|b|> { }\ncluster "c" { }', ['CS1007', 'CS1007']);
  });

  it('reports CS1008 once for a non-ASCII name', function () {
    expectErrors('cluster "c" { <|ménage|> = 1 }', ['CS1008']);
  });

  it('reports a forgotten `=` before a quantity once', function () {
    expectErrors('cluster "c" { masters 1 { memory<| |>4 GB } }', ['CS1005']);
  });

  it('reports one CS1005 with the fix for habits from other languages', function () {
    expectErrors('cluster <|prod|> { }', ['CS1005']);
    expectErrors('cluster "c" { cpus<|:|> 2 }', ['CS1005']);
    expectErrors('cluster "c" { <|input|> = 3 }', ['CS1005']);
  });

  it('reports CS1009 for single quotes and CS1003 for a unit in the wrong case', function () {
    expectErrors("cluster \"c\" { a = <|'x'|>  b = 4 <|gb|> }", ['CS1009', 'CS1003']);
  });

  it('reads a unit word on the next line as the next statement', function () {
    const st = body('cluster "c" { x = 2\n d { } }');
    expect(st.map((s) => s.kind)).to.deep.equal(['attribute', 'block']);
    expect((st[0] as A.Attribute).value).to.deep.include({ kind: 'number' });
  });

  it('reports each of several errors in one run', function () {
    const { diag } = parse('cluster "c" {\n a = = 1\n b = "x\n c = 1.2.3\n d = 4 @\n}');
    expect(diag.diagnostics.map((d) => d.code)).to.deep.equal(['CS1002', 'CS1006', 'CS1001', 'CS1003']);
  });

  it('returns a partial AST with missing parts undefined, never invented', function () {
    const { ast } = parse('cluster "c" { a = }');
    const a = ast.clusters[0]!.body[0] as A.Attribute;
    expect(a.name.name).to.equal('a');
    expect(a.value).to.equal(undefined);
  });
});
