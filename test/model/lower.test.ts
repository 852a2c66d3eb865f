// Unit tests of lowering (src/model/lower.ts and friends): defaults, unit normalisation, input
// naming, implicit inputs, and the code and span of each meaning check. Inputs mark expected
// spans inline with `<|...|>`; assertions are on codes and spans, never on message text.
import { expect } from 'chai';
import { DiagnosticCollector, sortDiagnostics } from '../../src/diagnostics/collector.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lowerSpec } from '../../src/model/lower.js';
import { hostGroups, type ClusterModel } from '../../src/model/model.js';
import { parseForTest } from './support/parse.js';

const FILE = 'test.cluster';

/** Removes `<|` `|>` markers; returns the clean text and the marked spans in order. */
function marked(src: string): { text: string; spans: { start: number; end: number }[] } {
  let text = '';
  const spans: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src.startsWith('<|', i)) {
      open.push(text.length);
      i++;
    } else if (src.startsWith('|>', i)) {
      spans.push({ start: open.pop() ?? 0, end: text.length });
      i++;
    } else text += src[i];
  }
  return { text, spans };
}

function lower(src: string): { models: ClusterModel[]; ds: readonly Diagnostic[]; spans: { start: number; end: number }[] } {
  const { text, spans } = marked(src);
  const diag = new DiagnosticCollector();
  const ast = parseForTest(text, FILE, diag);
  const parseErrors = diag.diagnostics.filter((d) => d.code.startsWith('CS1'));
  expect(parseErrors, 'test input must parse').to.deep.equal([]);
  const models = lowerSpec(ast, diag);
  return { models, ds: sortDiagnostics(diag.diagnostics), spans };
}

function only(src: string): ClusterModel {
  const r = lower(src);
  expect(r.ds.map((d) => d.code)).to.deep.equal([]);
  const m = r.models[0];
  if (!m) throw new Error('no model');
  return m;
}

/** Asserts exactly these codes in source order, each at the marked span of the same index. */
function expectCodes(src: string, codes: string[]): readonly Diagnostic[] {
  const r = lower(src);
  expect(r.ds.map((d) => d.code), 'codes').to.deep.equal(codes);
  r.ds.forEach((d, i) => {
    const s = r.spans[i];
    if (s) expect({ start: d.primary?.span.start, end: d.primary?.span.end }, `${d.code} span`).to.deep.equal(s);
  });
  return r.ds;
}

describe('lowering: defaults', function () {
  it('applies the documented defaults to the smallest cluster', function () {
    const m = only('cluster "tiny" { masters 1  agents 2 }');
    expect(m.masters.public).to.equal(true);
    expect(m.agentPools[0]?.public).to.equal(false);
    expect(m.agentPools[0]?.id).to.equal('agents');
    expect(m.loadBalancers).to.equal(undefined);
    expect(m.cloud.os).to.deep.equal({ distribution: 'ubuntu', version: '22.04' });
    const s = m.services;
    expect(s.marathon.enabled && s.chronos.enabled).to.equal(true);
    expect(s.zookeeper.hosts).to.deep.equal(['masters']);
    expect(s.consul.hosts).to.deep.equal(['masters', 'agents']);
    expect(s.mesos.hosts).to.deep.equal(['masters', 'agents']);
    expect(s.marathonLb.enabled || s.keepalived.enabled || s.calico.enabled || s.rexray.enabled || s.elasticity.enabled).to.equal(false);
    expect(s.mesos.clusterName).to.equal('tiny');
    expect(s.consul.datacenter).to.equal('dc1');
    expect(m.inputs.map((i) => [i.name, i.secret, i.implicit])).to.deep.equal([
      ['image', false, true],
      ['mesos_password', true, true],
      ['marathon_password', true, true],
      ['chronos_password', true, true],
    ]);
    expect(m.cloud.image).to.deep.equal({ kind: 'input', input: 'image', origin: undefined });
  });

  it('puts marathon-lb and keepalived on the load balancers (keepalived only with a vip)', function () {
    const m = only('cluster "c" { masters 3  agents 1  load_balancers 2 { vip = 10.0.0.5 } }');
    expect(m.services.marathonLb.hosts).to.deep.equal(['load_balancers']);
    expect(m.services.keepalived.hosts).to.deep.equal(['load_balancers']);
    expect(m.loadBalancers?.vip?.address).to.equal('10.0.0.5');
    expect(m.loadBalancers?.public).to.equal(true);
    const n = only('cluster "c" { masters 3  load_balancers 2 }');
    expect(n.services.keepalived.enabled).to.equal(false);
    expect(n.services.marathonLb.enabled).to.equal(true);
  });

  it('switches Marathon and Chronos off and then asks for no password', function () {
    // Private masters: on public ones `authenticate_http = false` is a warning (CS2071, test/model/insecure.test.ts).
    const m = only('cluster "c" { masters 1 { public = false }  marathon { enabled = false }  chronos { enabled = false }  mesos { authenticate_http = false } }');
    expect(m.services.marathon.hosts).to.deep.equal([]);
    expect(m.inputs.map((i) => i.name)).to.deep.equal(['image']);
  });

  it('treats `slaves` as `agents` and names labelled pools agents_<label>', function () {
    const m = only('cluster "c" { masters 1  slaves 2  agents "gpu-big" 0..4 { flavor = "g1" } }');
    expect(m.agentPools.map((p) => [p.kind, p.id, p.label])).to.deep.equal([['agents', 'agents', undefined], ['agents', 'agents_gpu_big', 'gpu-big']]);
    expect(m.services.elasticity.pools).to.deep.equal(['agents_gpu_big']);
    expect(m.services.elasticity.enabled).to.equal(true);
    expect(hostGroups(m).map((g) => g.id)).to.deep.equal(['masters', 'agents', 'agents_gpu_big']);
  });

  it('normalises sizes to bytes and durations to seconds', function () {
    const m = only('cluster "c" { masters 1 { memory = 4 GB  disk = 1.5 TiB }  agents 1..2  elasticity { idle_timeout = 2 h } }');
    expect(m.masters.memory).to.include({ kind: 'literal', value: 4_000_000_000 });
    expect(m.masters.disk).to.include({ kind: 'literal', value: 1.5 * 1024 ** 4 });
    expect(m.services.elasticity.idleTimeout).to.equal(7200);
  });

  it('keeps Jinja delimiters in strings as they are', function () {
    const m = only('cluster "c" { masters 1 { flavor = "{{ evil }}{% x %}{# y #}" } }');
    expect(m.masters.flavor).to.include({ kind: 'literal', value: '{{ evil }}{% x %}{# y #}' });
  });
});

describe('lowering: cluster version', function () {
  it('keeps the cluster `version` string, and has none by default', function () {
    expect(only('cluster "v" { version = "2.1.0"  masters 1  agents 1 }').version).to.equal('2.1.0');
    expect(only('cluster "v" { masters 1  agents 1 }').version).to.equal(undefined);
  });
  it('reports CS2030 for `version = input` and CS2005 for a number', function () {
    expectCodes('cluster "v" { version = <|input|>  masters 1  agents 1 }', ['CS2030']);
    expectCodes('cluster "v" { version = <|2|>  masters 1  agents 1 }', ['CS2005']);
  });
});

describe('lowering: inputs', function () {
  // Order: block by block (cloud, masters, agent pools, load balancers, services), within a
  // block in vocabulary order, implicit inputs where they are first needed.
  it('names inputs predictably and converts defaults', function () {
    const m = only(`cluster "c" {
      cloud { key_name = input  network = input("net") }
      masters input(3) { flavor = secret }
      agents "gpu" 1 { memory = input(2 GiB) }
      marathon { password = secret }
    }`);
    const byName = Object.fromEntries(m.inputs.map((i) => [i.name, i]));
    expect(Object.keys(byName)).to.deep.equal(['network', 'key_name', 'image', 'masters_count', 'masters_flavor', 'agents_gpu_memory', 'mesos_password', 'marathon_password', 'chronos_password']);
    expect(byName['masters_count']).to.include({ type: 'integer', default: 3, min: 1 });
    expect(byName['masters_flavor']).to.include({ secret: true });
    expect(byName['masters_flavor']).to.not.have.property('default');
    expect(byName['agents_gpu_memory']).to.include({ type: 'size', default: 2 * 1024 ** 3 });
    expect(byName['marathon_password']).to.include({ secret: true, implicit: false });
    expect(m.masters.size).to.deep.include({ kind: 'fixed' });
    expect(m.masters.flavor).to.include({ kind: 'input', input: 'masters_flavor' });
  });

  it('gives the load balancer count input a minimum of 2 when there is a vip', function () {
    const m = only('cluster "c" { masters 1  load_balancers input(2) { vip = 10.0.0.9 } }');
    expect(m.inputs.find((i) => i.name === 'load_balancers_count')).to.include({ min: 2, default: 2 });
  });

  it('reports CS2028 when two uses derive the same input name', async function () {
    const { InputTable } = await import('../../src/model/inputs.js');
    const diag = new DiagnosticCollector();
    const t = new InputTable(diag);
    const base = { type: 'string' as const, secret: false, description: 'd', implicit: false };
    expect(t.add({ ...base, name: 'x', origin: { file: FILE, start: 1, end: 2 } })).to.equal(true);
    expect(t.add({ ...base, name: 'x', origin: { file: FILE, start: 5, end: 6 } })).to.equal(false);
    expect(diag.diagnostics.map((d) => [d.code, d.primary?.span.start, d.secondary?.[0]?.span.start])).to.deep.equal([['CS2028', 5, 1]]);
    expect(t.all).to.have.length(1);
  });

  it('never gives a secret input a default', async function () {
    const { InputTable } = await import('../../src/model/inputs.js');
    const t = new InputTable(new DiagnosticCollector());
    t.add({ name: 's', type: 'string', secret: true, default: 'leak', description: 'd', implicit: false, origin: undefined });
    expect(t.all[0]).to.not.have.property('default');
  });
});

describe('lowering: meaning checks (codes and spans)', function () {
  it('reports unknown blocks and attributes with did-you-mean', function () {
    const ds = expectCodes('cluster "c" { <|mastres|> 3  masters 1 { <|flavour|> = "x" } }', ['CS2001', 'CS2002']);
    expect(ds[0]?.help).to.include('`masters`');
    expect(ds[1]?.help).to.include('`flavor`');
  });

  it('reports a block used as attribute and an attribute used as block', function () {
    expectCodes('cluster "c" { <|cloud|> = "x"  masters 1 { <|cpus|> { } } }', ['CS2004', 'CS2003']);
  });

  it('reports wrong value types on the value', function () {
    expectCodes('cluster "c" { masters 1 { memory = <|"lots"|>  cpus = <|2 GB|> } }', ['CS2005', 'CS2005']);
  });

  it('reports duplicates with a secondary label on the first', function () {
    const ds = expectCodes('cluster "c" { masters 1 { cpus = 1  <|cpus|> = 2 }  agents 1  <|slaves|> 2  agents "a" 1  agents "b" 1 }', ['CS2006', 'CS2007']);
    expect(ds.map((d) => d.secondary?.length)).to.deep.equal([1, 1]);
  });

  it('reports duplicate and invalid cluster names', function () {
    expectCodes('cluster "a" { masters 1 } cluster <|"a"|> { masters 1 } cluster <|"B"|> { masters 1 }', ['CS2008', 'CS2009']);
  });

  it('reports a cluster without masters and yields no model for it', function () {
    const r = lower('cluster "c" { agents 2 }');
    expect(r.ds.map((d) => d.code)).to.deep.equal(['CS2010']);
    expect(r.models).to.deep.equal([]);
  });

  it('reports counts below 1, but lets an agent range start at 0', function () {
    expectCodes('cluster "c" { masters <|0|>  agents <|0|>  agents "e" 0..3  load_balancers <|0|> }', ['CS2011', 'CS2011', 'CS2011']);
  });

  it('reports reversed and empty ranges and ranges where none is allowed', function () {
    expectCodes('cluster "c" { masters <|1..3|>  agents <|5..2|>  agents "z" <|0..0|> }', ['CS2014', 'CS2012', 'CS2013']);
  });

  it('warns on an even number of masters', function () {
    const r = lower('cluster "c" { masters <|4|> }');
    expect(r.ds.map((d) => [d.code, d.severity, d.primary?.span.start])).to.deep.equal([['CS2015', 'warning', r.spans[0]?.start]]);
  });

  it('checks the vip: two load balancers, IPv4, inside the subnet', function () {
    expectCodes('cluster "c" { masters 1  load_balancers 1 { vip = <|10.0.0.1|> } }', ['CS2016']);
    expectCodes('cluster "c" { masters 1  load_balancers 2 { vip = <|"x"|> } }', ['CS2017']);
    expectCodes('cluster "c" { cloud { subnet = 10.0.0.0/24 } masters 1  load_balancers 2 { vip = <|10.0.1.1|> } }', ['CS2018']);
    expectCodes('cluster "c" { cloud { subnet = 10.0.0.0/24 } masters 1  load_balancers 2 { vip = 10.0.0.254 } }', []);
  });

  it('reports calico without etcd and elasticity without a range', function () {
    // calico is refused as well (CS2063: it cannot work with current Docker); both point at its name
    const r = lower('cluster "c" { masters 1  <|calico|> { }  agents 2  <|elasticity|> { } }');
    expect(r.ds.map((d) => d.code)).to.deep.equal(['CS2063', 'CS2019', 'CS2020']);
    expect(r.ds.map((d) => d.primary?.span.start)).to.deep.equal([r.spans[0]!.start, r.spans[0]!.start, r.spans[1]!.start]);
  });

  it('warns on literal passwords', function () {
    const r = lower('cluster "c" { masters 1  marathon { password = <|"pw"|> } }');
    expect(r.ds.map((d) => [d.code, d.severity, d.primary?.span.start])).to.deep.equal([['CS2021', 'warning', r.spans[0]?.start]]);
    expect(r.models[0]?.inputs.some((i) => i.name === 'marathon_password')).to.equal(false);
  });

  it('reports counts and labels on blocks that take none', function () {
    expectCodes('cluster "c" { cloud <|2|> { }  masters <|"x"|> 1 }', ['CS2022', 'CS2023']);
  });

  it('reports non-integer counts, values out of range and huge numbers', function () {
    expectCodes('cluster "c" { masters <|1.5|>  agents 1 { cpus = <|0|>  memory = <|99999999 TiB|> } }', ['CS2024', 'CS2025', 'CS2025']);
  });

  it('reports a bad os, a bad pool label, a missing count and inputs where none is allowed', function () {
    expectCodes('cluster "c" { cloud { os = <|"windows 11"|>  subnet = <|input|> } <|masters|> { }  agents <|"A B"|> 1 }', ['CS2026', 'CS2030', 'CS2029', 'CS2027']);
  });

  it('reports every problem of a spec in one run', function () {
    const r = lower('cluster "C" { mastres 1  masters 2 { cpus = "x" }  agents 5..2  calico { }  marathon { password = "p" } }');
    expect(r.ds.map((d) => d.code).sort()).to.deep.equal(['CS2001', 'CS2005', 'CS2009', 'CS2012', 'CS2015', 'CS2019', 'CS2021', 'CS2063']);
  });
});

describe('lowering: robustness', function () {
  it('never throws on a partial AST', function () {
    const ast = {
      kind: 'spec' as const,
      span: { file: FILE, start: 0, end: 0 },
      clusters: [{
        kind: 'cluster' as const,
        span: { file: FILE, start: 0, end: 0 },
        keywordSpan: { file: FILE, start: 0, end: 7 },
        name: undefined,
        body: [
          { kind: 'attribute' as const, span: { file: FILE, start: 0, end: 0 }, name: { kind: 'ident' as const, span: { file: FILE, start: 0, end: 0 }, name: 'description' }, value: undefined },
          { kind: 'block' as const, span: { file: FILE, start: 0, end: 0 }, name: { kind: 'ident' as const, span: { file: FILE, start: 0, end: 0 }, name: 'agents' }, label: undefined, count: { kind: 'range' as const, span: { file: FILE, start: 0, end: 0 }, min: { kind: 'number' as const, span: { file: FILE, start: 0, end: 0 }, value: 1, raw: '1', integer: true }, max: undefined }, body: undefined },
        ],
      }],
    };
    const diag = new DiagnosticCollector();
    expect(() => lowerSpec(ast, diag)).to.not.throw();
    expect(diag.diagnostics.map((d) => d.code)).to.deep.equal(['CS2010']);
  });

  it('never throws on any prefix of the golden inputs', async function () {
    const { readFixture } = await import('../support/golden.js');
    const text = readFixture('test/cases/compile/model-full/input.cluster');
    for (let i = 0; i <= text.length; i += 7) {
      const diag = new DiagnosticCollector();
      const ast = parseForTest(text.slice(0, i), FILE, diag);
      expect(() => lowerSpec(ast, diag), `prefix ${i}`).to.not.throw();
    }
  });
});
