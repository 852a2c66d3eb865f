// `--dump model` (src/model/dump.ts): valid YAML, spans as file:line:col-line:col, deterministic,
// and independent of the order of order-insensitive declarations.
import { expect } from 'chai';
import { parse } from 'yaml';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { dumpModel } from '../../src/model/dump.js';
import { lowerSpec } from '../../src/model/lower.js';
import type { ClusterModel } from '../../src/model/model.js';
import { parseForTest } from './support/parse.js';

function lowerText(text: string): ClusterModel {
  const diag = new DiagnosticCollector();
  const models = lowerSpec(parseForTest(text, 'x.cluster', diag), diag);
  expect(diag.diagnostics.map((d) => d.code)).to.deep.equal([]);
  const m = models[0];
  if (!m) throw new Error('no model');
  return m;
}

/** The model without spans, to compare lowerings of reordered text. */
function withoutSpans(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSpans);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'origin' && k !== 'nameSpan' && k !== 'attributeSpans' && k !== 'spans').map(([k, x]) => [k, withoutSpans(x)]));
  }
  return v;
}

const BLOCKS = [
  'cloud { image = "img"  subnet = 10.0.0.0/24 }',
  'masters 3 { memory = 4 GB }',
  'load_balancers 2 { vip = 10.0.0.10 }',
  'marathon { password = secret }',
  'consul { datacenter = "bari" }',
  'elasticity { idle_timeout = 5 min }',
];
const POOLS = 'agents 1..4  agents "gpu" 0..2 { flavor = "g" }';

describe('model dump', function () {
  it('is YAML with spans as file:line:col-line:col', function () {
    const text = 'cluster "c" {\n  masters 1\n}\n';
    const y = parse(dumpModel(lowerText(text), text)) as Record<string, unknown>;
    expect(y['name']).to.equal('c');
    expect(y['nameSpan']).to.equal('x.cluster:1:9-1:12');
    expect((y['masters'] as Record<string, unknown>)['origin']).to.equal('x.cluster:2:3-2:10');
  });

  it('prints offsets when the source is not given', function () {
    const y = parse(dumpModel(lowerText('cluster "c" { masters 1 }'))) as Record<string, unknown>;
    expect(y['nameSpan']).to.equal('x.cluster@8-11');
  });

  it('is deterministic', function () {
    const text = `cluster "c" { ${BLOCKS.join('\n')} ${POOLS} }`;
    expect(dumpModel(lowerText(text), text)).to.equal(dumpModel(lowerText(text), text));
  });

  it('does not depend on the order of blocks other than agent pools', function () {
    const base = withoutSpans(lowerText(`cluster "c" { ${BLOCKS.join('\n')} ${POOLS} }`));
    const rotations = BLOCKS.map((_, i) => [...BLOCKS.slice(i), ...BLOCKS.slice(0, i)]);
    for (const r of [...rotations, [...BLOCKS].reverse()]) {
      const m = withoutSpans(lowerText(`cluster "c" { ${POOLS} ${r.join('\n')} }`));
      expect(m).to.deep.equal(base);
    }
  });
});
