// Unit tests of lint reading (src/lint/source.ts) and the did-you-mean helper: duplicate-key spans,
// alias bounds, prototype-safe conversion, syntax errors; spans are marked inline with <|…|>.
import { expect } from 'chai';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { lintFiles, memoryReader } from '../../src/lint/index.js';
import { MAX_EXPANDED_NODES, parseYamlFile } from '../../src/lint/source.js';
import { didYouMean, editDistance } from '../../src/lint/suggest.js';

/** Strips `<|` `|>` markers, returning the text and the marked ranges. */
function marked(src: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (let i = 0; i < src.length; i++) {
    if (src.startsWith('<|', i)) { open = text.length; i++; }
    else if (src.startsWith('|>', i)) { spans.push({ start: open, end: text.length }); i++; }
    else text += src[i];
  }
  return { text, spans };
}

describe('lint reading', () => {
  it('reports LT0002 at the second key with the first as secondary', () => {
    const { text, spans } = marked('a: 1\n<|b|>: 2\nc: 3\n<|b|>: 4\n');
    const diag = new DiagnosticCollector();
    const pf = parseYamlFile('f.yaml', text, diag);
    const [d] = diag.diagnostics;
    expect(d?.code).to.equal('LT0002');
    expect(d?.primary?.span).to.deep.include(spans[1]);
    expect(d?.secondary?.[0]?.span).to.deep.include(spans[0]);
    expect((pf.value as Record<string, unknown>)['b']).to.equal(4);
  });

  it('keeps __proto__ and constructor keys as plain data without touching prototypes', () => {
    const diag = new DiagnosticCollector();
    const pf = parseYamlFile('f.yaml', '__proto__: { polluted: true }\nconstructor: x\n', diag);
    const v = pf.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).to.equal(null);
    expect(Object.keys(v)).to.deep.equal(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(diag.diagnostics).to.deep.equal([]);
  });

  it('does not resolve `derived_from: constructor` to a prototype member (LT2001)', () => {
    const text = 'tosca_definitions_version: tosca_simple_yaml_1_0\nnode_types:\n  a:\n    derived_from: <|constructor|>\n';
    const m = marked(text);
    const { diagnostics } = lintFiles(['f.yaml'], memoryReader({ 'f.yaml': m.text }));
    expect(diagnostics.map((d) => [d.code, d.primary?.span.start, d.primary?.span.end])).to.deep.equal([['LT2001', m.spans[0]?.start, m.spans[0]?.end]]);
  });

  it('bounds alias expansion with LT0003 instead of hanging', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 30; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const diag = new DiagnosticCollector();
    const pf = parseYamlFile('bomb.yaml', text, diag);
    expect(diag.diagnostics.map((d) => d.code)).to.deep.equal(['LT0003']);
    expect(pf.value).to.equal(undefined);
    expect(MAX_EXPANDED_NODES).to.be.greaterThan(1000);
  });

  it('shares, but accepts, ordinary aliases', () => {
    const diag = new DiagnosticCollector();
    const pf = parseYamlFile('f.yaml', 'a: &x { k: 1 }\nb: *x\n', diag);
    expect(diag.diagnostics).to.deep.equal([]);
    expect(pf.value).to.deep.equal(Object.assign(Object.create(null), { a: Object.assign(Object.create(null), { k: 1 }), b: Object.assign(Object.create(null), { k: 1 }) }));
  });

  it('reports LT0001 for syntax errors and never throws on any prefix of a case', () => {
    const text = 'tosca_definitions_version: tosca_simple_yaml_1_0\nnode_types:\n  a: { derived_from: [\n';
    const diag = new DiagnosticCollector();
    parseYamlFile('f.yaml', text, diag);
    expect(diag.diagnostics.map((d) => d.code)).to.include('LT0001');
    const full = 'tosca_definitions_version: tosca_simple_yaml_1_0\nnode_types:\n  a:\n    derived_from: tosca.nodes.Root\n    properties:\n      p: { type: integer, default: 1 }\n';
    for (let i = 0; i <= full.length; i++) {
      expect(() => lintFiles(['f.yaml'], memoryReader({ 'f.yaml': full.slice(0, i) }))).not.to.throw();
    }
  });

  it('suggests close names (with transpositions) and nothing for distant ones', () => {
    expect(editDistance('prot', 'port', 3)).to.equal(1);
    expect(didYouMean('propertes', ['properties', 'attributes'])).to.equal('properties');
    expect(didYouMean('zzz', ['properties'])).to.equal(undefined);
  });
});
