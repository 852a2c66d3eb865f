// Issue 5 part 5: the TOSCA and the HOT output of each example (and of the fixture models)
// describe the same cluster. Both YAML texts are parsed back and compared per host group: the
// same masters and load balancers (count), the same agent pools (count, or min/max), the same
// roles with the same pinned versions, and the same inputs. Differences are allowed only where an
// emitter reported a lossy warning that names them (e.g. CS3101: TOSCA has no keepalived role).
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { compile } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { emitHot, type HotMode } from '../../src/emit/hot/index.js';
import { emitTosca } from '../../src/emit/tosca/index.js';
import { hostGroups, type ClusterModel, type HostGroup } from '../../src/model/model.js';
import { haModel, upstreamShapeModel } from './tosca/fixtures.js';
import { installedRole } from '../../src/roles/index.js';

type Obj = Record<string, any>;
/** A group size as both outputs can state it: a count (number or input name) or a range. */
type Size = { count: number | string } | { min: number; max: number };

/** Installed role name → version, read from the artifact files as the IM and ansible-galaxy read them. */
function toscaRoles(node: Obj): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of Object.values((node['artifacts'] ?? {}) as Obj)) {
    const { name, version } = installedRole(String(a.file));
    out.set(name, version!);
  }
  // the INDIGO types download chronos but do not run it when enable_chronos is false
  if (node['properties']?.['enable_chronos'] === false) out.delete('indigo-dc.chronos');
  return out;
}

/** TOSCA software node of a host group (the names the TOSCA emitter uses). */
function toscaNodeName(g: HostGroup): string {
  if (g.kind === 'masters') return 'mesos_master';
  if (g.kind === 'load_balancers') return 'mesos_load_balancer';
  return g.label !== undefined ? `mesos_slave_${g.label}` : 'mesos_slave';
}

function countValue(v: unknown, fn: string): number | string {
  return typeof v === 'number' ? v : String((v as Obj)[fn]);
}

function toscaGroup(tosca: Obj, g: HostGroup): { size: Size; roles: Map<string, string> } {
  const nodes = tosca['topology_template']['node_templates'] as Obj;
  const soft = nodes[toscaNodeName(g)];
  expect(soft, `TOSCA node of ${g.id}`).to.be.an('object');
  const hostName = (n: Obj): string | undefined => ((n['requirements'] ?? []) as Obj[]).find((r) => 'host' in r)?.['host'];
  const server = hostName(soft)!;
  const host = nodes[server];
  const wn = soft.capabilities?.wn?.properties;
  const size: Size = wn
    ? { min: wn.min_instances, max: wn.max_instances }
    : { count: countValue(host.capabilities.scalable.properties.count, 'get_input') };
  // The roles of the group: its Mesos node's, and those of every other software node hosted on its
  // Compute or on that Mesos node (a service's own INDIGO node: SparkMesos, HadoopMaster/Slave).
  const roles = toscaRoles(soft);
  for (const [name, n] of Object.entries(nodes) as [string, Obj][]) {
    if (name === toscaNodeName(g) || ![server, toscaNodeName(g)].includes(hostName(n) ?? '')) continue;
    for (const [role, version] of toscaRoles(n)) roles.set(role, version);
  }
  return { size, roles };
}

/** Every string under a value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The pinned roles of the requirements file embedded in a bootstrap script. */
function requirementsIn(texts: string[]): Map<string, string> {
  for (const t of texts) {
    const m = /<<'CLUSTERC_REQUIREMENTS_EOF'\n([\s\S]*?)\nCLUSTERC_REQUIREMENTS_EOF/.exec(t);
    if (!m) continue;
    const reqs = YAML.parse(m[1]!, { version: '1.1' }) as { name: string; version: string }[];
    return new Map(reqs.map((r) => [r.name, String(r.version)]));
  }
  throw new Error('no requirements file found');
}

function hotGroup(hot: Obj, g: HostGroup): { size: Size; roles: Map<string, string> } {
  const res = hot['resources'] as Obj;
  let size: Size;
  let bootstrap: unknown[];
  if (g.kind === 'agents') {
    const pool = res[g.id];
    if (pool.type === 'OS::Heat::AutoScalingGroup') {
      size = { min: pool.properties.min_size, max: pool.properties.max_size };
      bootstrap = [pool.properties.resource];
    } else {
      expect(pool.type).to.equal('OS::Heat::ResourceGroup');
      size = { count: countValue(pool.properties.count, 'get_param') };
      bootstrap = [pool.properties.resource_def];
    }
  } else {
    const servers = Object.values(res).filter((r: Obj) => r.type === 'OS::Nova::Server' && r.properties.metadata?.group === g.id);
    size = { count: servers.length };
    bootstrap = servers;
  }
  // cloud-init mode: the servers take their user_data from the group's shared OS::Heat::Value.
  for (const b of [...bootstrap]) {
    const ref = (b as Obj)?.properties?.user_data?.get_attr;
    if (Array.isArray(ref) && res[ref[0]]?.type === 'OS::Heat::Value') bootstrap.push(res[ref[0]]);
  }
  bootstrap.push(res[`${g.id}_setup_config`]); // software-config mode
  return { size, roles: requirementsIn(strings(bootstrap)) };
}

function has(ds: readonly Diagnostic[], code: string): boolean {
  return ds.some((d) => d.code === code);
}

/** Compares the two outputs of one model. */
function compare(m: ClusterModel, tosca: Obj, hot: Obj, ds: readonly Diagnostic[]): void {
  for (const g of hostGroups(m)) {
    const t = toscaGroup(tosca, g);
    const h = hotGroup(hot, g);
    if ('min' in h.size && !('min' in t.size)) {
      // TOSCA has one ElasticCluster: further elastic pools start at their minimum (CS3109)
      expect(has(ds, 'CS3109'), `${g.id}: CS3109`).to.equal(true);
      expect(t.size).to.deep.equal({ count: h.size.min });
    } else {
      expect(t.size, `${g.id} size`).to.deep.equal(h.size);
    }
    expect(t.roles.size, `${g.id}: TOSCA roles`).to.be.greaterThan(0);
    expect(h.roles.size, `${g.id}: HOT roles`).to.be.greaterThan(0);
    for (const [name, version] of t.roles) {
      if (!h.roles.has(name) && name === 'indigo-dc.marathon' && has(ds, 'CS3111')) continue;
      expect(h.roles.get(name), `${g.id}: ${name}`).to.equal(version);
    }
    for (const name of h.roles.keys()) {
      if (t.roles.has(name)) continue;
      const lossy: Record<string, string> = { 'indigo-dc.keepalived': 'CS3101', 'indigo-dc.calico': 'CS3102', 'indigo-dc.etcd': 'CS3102' };
      expect(lossy[name], `${g.id}: ${name} only in HOT`).to.be.a('string');
      expect(has(ds, lossy[name]!), `${g.id}: ${name} needs ${lossy[name]}`).to.equal(true);
    }
  }
  // inputs: every model input is a TOSCA input and a HOT parameter, unless the target that leaves
  // it out says so: CS3120 / CS3280 name the input, CS3106-CS3108 the cloud placement settings
  // (TOSCA), CS3206 a group's disk (HOT). HOT adds only cloud parameters of its own.
  const inputs = Object.keys(tosca['topology_template']['inputs'] ?? {});
  const params = Object.keys(hot['parameters'] ?? {});
  const names = (code: string): string[] => ds.filter((d) => d.code === code).map((d) => /`([^`]+)` is not declared there$/.exec(d.message)?.[1] ?? '');
  const c = m.cloud;
  const cloudNote = (name: string): boolean =>
    ([[c.keyName, 'CS3108'], [c.network, 'CS3107'], [c.publicNetwork, 'CS3107'], [c.availabilityZone, 'CS3106']] as const)
      .some(([p, code]) => p?.kind === 'input' && p.input === name && has(ds, code));
  const diskNote = (name: string): boolean => hostGroups(m).some((g) => g.disk?.kind === 'input' && g.disk.input === name) && has(ds, 'CS3206');
  for (const i of m.inputs) {
    if (!inputs.includes(i.name)) expect(names('CS3120').includes(i.name) || cloudNote(i.name), `input ${i.name} missing in TOSCA`).to.equal(true);
    if (!params.includes(i.name)) expect(names('CS3280').includes(i.name) || diskNote(i.name), `input ${i.name} missing in HOT`).to.equal(true);
  }
  for (const i of inputs) expect(params.includes(i) || names('CS3280').includes(i), `TOSCA input ${i} missing in HOT`).to.equal(true);
  const cloud = (hot['parameter_groups'] as Obj[]).find((g) => g['label'] === 'cloud')?.['parameters'] ?? [];
  // HOT-only: its cloud parameters, and inputs TOSCA has no place for (CS3120 names them, e.g. Zeppelin's password).
  for (const p of params.filter((x) => !inputs.includes(x) && !names('CS3120').includes(x))) expect(cloud, `HOT-only parameter ${p}`).to.include(p);
}

const MODES: readonly HotMode[] = ['cloud-init', 'software-config'];

describe('TOSCA and HOT outputs describe the same cluster', () => {
  // Both fixtures are lowered from spec text (./tosca/fixtures.ts): the models the compiler builds.
  for (const [name, make] of [['ha model', () => haModel()], ['upstream-shape model', () => upstreamShapeModel()]] as const) {
    for (const mode of MODES) {
      it(`for the ${name} (${mode})`, () => {
        const m = make();
        const diag = new DiagnosticCollector();
        const t = emitTosca(m, {}, diag);
        const h = emitHot(m, { mode }, diag);
        expect(t).to.be.a('string');
        expect(h).to.be.a('string');
        compare(m, YAML.parse(t!, { version: '1.1' }), YAML.parse(h!, { version: '1.1' }), diag.diagnostics);
      });
    }
  }

  it('notices a different role version, pool size or master count', () => {
    const m = upstreamShapeModel();
    const diag = new DiagnosticCollector();
    const t = YAML.parse(emitTosca(m, {}, diag)!, { version: '1.1' });
    const h = emitHot(m, {}, diag)!;
    const version = /version: ([0-9a-f]{40})/.exec(h)![1]!;
    const broken = [
      h.split(version).join('0'.repeat(40)),
      h.replace('get_param: agents_count', 'get_param: other_num'),
      h.replace(/  master_0:\n    type: OS::Nova::Server\n/, '  master_0:\n    type: OS::Nova::ServerX\n'),
    ];
    for (const b of broken) {
      expect(b).to.not.equal(h);
      expect(() => compare(m, t, YAML.parse(b, { version: '1.1' }), diag.diagnostics)).to.throw();
    }
  });

  for (const file of readdirSync('examples').filter((f) => f.endsWith('.cluster')).sort()) {
    for (const mode of MODES) {
      it(`for examples/${file} (${mode})`, () => {
        const path = `examples/${file}`;
        const r = compile(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'), path, { targets: ['tosca', 'hot'], hot: { mode } });
        expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
        for (const m of r.models) {
          const t = r.files.find((f) => f.cluster === m.name && f.target === 'tosca');
          const h = r.files.find((f) => f.cluster === m.name && f.target === 'hot');
          compare(m, YAML.parse(t!.content, { version: '1.1' }), YAML.parse(h!.content, { version: '1.1' }), r.diagnostics);
        }
      });
    }
  }
});
