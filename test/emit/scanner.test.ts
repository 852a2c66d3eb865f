// The security-scanner rule set (test/support/scanner.ts, issue 16) over every compiled output of the
// suite, read with PyYAML as Heat, tosca-parser and Ansible read them: every example, every deploy
// case and every compile case that compiles, in both HOT modes and in TOSCA, and the committed
// outputs (out/, the hand-built HA goldens in test/cases/{hot,tosca}). Each must have no finding.
// The rules are proven able to fail on outputs mutated the way a regression would.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { compile } from '../../src/compile.js';
import type { ClusterModel } from '../../src/model/model.js';
import { ROOT } from '../support/golden.js';
import { pyyamlLoadAll, pyyamlUnavailable } from '../support/pyyaml.js';
import { scanHot, scanTosca, specFacts, type Finding, type SpecFacts } from '../support/scanner.js';
import { skipOrFail } from '../support/shared.js';
import { haModel } from './tosca/fixtures.js';

interface Output {
  readonly label: string;
  readonly target: 'hot' | 'tosca';
  readonly text: string;
  readonly facts: SpecFacts;
}

/** Every spec of the suite that may compile. */
function specs(): string[] {
  const dir = (d: string): string[] => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.cluster')).sort().map((f) => `${d}/${f}`);
  const cases = readdirSync(join(ROOT, 'test/cases/compile')).sort().map((c) => `test/cases/compile/${c}/input.cluster`).filter((f) => existsSync(join(ROOT, f)));
  return [...dir('examples'), ...dir('test/deploy/cases'), ...cases];
}

/** The compiled outputs of every spec (each target on its own, so one target's error keeps the other). */
function compiledOutputs(): { outputs: Output[]; models: Map<string, ClusterModel> } {
  const outputs: Output[] = [];
  const models = new Map<string, ClusterModel>();
  for (const file of specs()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [target, opts] of [['tosca', {}], ['hot', { hot: { mode: 'cloud-init' } }], ['hot', { hot: { mode: 'software-config' } }]] as const) {
      const r = compile(text, file, { targets: [target], ...opts });
      for (const m of r.models) if (file.startsWith('examples/')) models.set(m.name, m);
      for (const f of r.files) {
        const m = r.models.find((x) => x.name === f.cluster)!;
        outputs.push({ label: `${file} ${f.name}${'hot' in opts ? ` (${opts.hot.mode})` : ''}`, target, text: f.content, facts: specFacts(m) });
      }
    }
  }
  return { outputs, models };
}

/** The committed outputs: out/ (from the examples) and the hand-built HA goldens. */
function committedOutputs(models: ReadonlyMap<string, ClusterModel>): Output[] {
  const out: Output[] = [];
  for (const f of readdirSync(join(ROOT, 'out')).sort()) {
    const m = /^(.*)\.(hot|tosca)\.yaml$/.exec(f);
    if (!m) continue;
    const model = models.get(m[1]!);
    if (model === undefined) throw new Error(`out/${f}: no example compiles to cluster ${m[1]}`);
    out.push({ label: `out/${f}`, target: m[2] as 'hot' | 'tosca', text: readFileSync(join(ROOT, 'out', f), 'utf8'), facts: specFacts(model) });
  }
  const ha = specFacts(haModel());
  for (const f of ['test/cases/hot/mesos-ha/cloud-init.hot.yaml', 'test/cases/hot/mesos-ha/software-config.hot.yaml']) out.push({ label: f, target: 'hot', text: readFileSync(join(ROOT, f), 'utf8'), facts: ha });
  out.push({ label: 'test/cases/tosca/mesos-ha/tosca.yaml', target: 'tosca', text: readFileSync(join(ROOT, 'test/cases/tosca/mesos-ha/tosca.yaml'), 'utf8'), facts: ha });
  return out;
}

/** Scans outputs as PyYAML reads them. */
function scanAll(outputs: readonly Output[]): Record<string, Finding[]> {
  const read = pyyamlLoadAll(outputs.map((o) => o.text));
  const found: Record<string, Finding[]> = {};
  outputs.forEach((o, i) => {
    const r = read[i]!.safe;
    if (!r.ok) {
      found[o.label] = [{ rule: 'S1', path: '', what: `PyYAML cannot read it: ${r.error}` }];
      return;
    }
    const f = o.target === 'hot' ? scanHot(r.value, o.facts) : scanTosca(r.value, o.facts);
    if (f.length > 0) found[o.label] = f;
  });
  return found;
}

describe('security scanner rules over every compiled output', function () {
  this.timeout(300000);
  before(function () {
    const why = pyyamlUnavailable();
    if (why !== null) skipOrFail(this, why);
  });

  it('finds nothing in any output of any spec of the suite, nor in the committed outputs', () => {
    const { outputs, models } = compiledOutputs();
    const all = [...outputs, ...committedOutputs(models)];
    // not vacuous: every example in both targets and both modes, the deploy cases, compile cases
    expect(all.length).to.be.greaterThan(30);
    expect(all.filter((o) => o.target === 'tosca').length).to.be.greaterThan(10);
    expect(scanAll(all)).to.deep.equal({});
  });

  describe('each rule can fail', () => {
    const base = (file: string, target: 'hot' | 'tosca', text = readFileSync(join(ROOT, file), 'utf8')): { doc: any; facts: SpecFacts } => {
      const r = compile(text, file, { targets: [target] });
      const read = pyyamlLoadAll([r.files[0]!.content])[0]!.safe;
      if (!read.ok) throw new Error(read.error);
      return { doc: read.value, facts: specFacts(r.models[0]!) };
    };
    const rules = (f: Finding[]): string[] => [...new Set(f.map((x) => x.rule))].sort();

    it('S1/S3: SSH or an admin port from anywhere, or beyond the spec\'s networks', () => {
      const { doc, facts } = base('examples/mesos-minimal.cluster', 'hot');
      const sg = doc.resources.masters_secgroup.properties.rules as any[];
      sg.push({ direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' });
      expect(rules(scanHot(doc, facts))).to.deep.equal(['S1']);
      sg.push({ direction: 'ingress', protocol: 'tcp', port_range_min: 8080, port_range_max: 8080, remote_ip_prefix: '0.0.0.0/0' });
      expect(rules(scanHot(doc, facts))).to.deep.equal(['S1', 'S3']);
      const narrow = 'cluster "c" {\n  masters 1 { flavor = "f" }\n  agents 1 { flavor = "f" }\n  access { ssh = [192.0.2.0/24]  admin = [192.0.2.0/24] }\n}\n';
      const ha = base('c.cluster', 'tosca', narrow);
      delete ha.doc.topology_template.node_templates.mesos_master_server.capabilities.endpoint.properties.ports.mesos_port.remote_cidr;
      expect(scanTosca(ha.doc, ha.facts).map((f) => f.what)).to.deep.equal(['admin port 5050 open to 0.0.0.0/0, which access.admin does not name', 'plain-HTTP authentication port 5050 open to 0.0.0.0/0']);
      const ssh = base('c.cluster', 'tosca', narrow);
      delete ssh.doc.topology_template.node_templates.mesos_master_server.capabilities.endpoint.properties.ports.ssh_port;
      expect(scanTosca(ssh.doc, ssh.facts).map((f) => f.path)).to.deep.equal(['topology_template.node_templates.mesos_master_server.capabilities.endpoint (the IM\'s SSH)']);
    });

    it('S2: a secret parameter that is not hidden or has a default', () => {
      const { doc, facts } = base('examples/mesos-minimal.cluster', 'hot');
      delete doc.parameters.marathon_password.hidden;
      expect(scanHot(doc, facts).map((f) => f.path)).to.deep.equal(['parameters.marathon_password']);
      const t = base('examples/mesos-minimal.cluster', 'tosca');
      t.doc.topology_template.inputs.marathon_password.default = 'x';
      expect(rules(scanTosca(t.doc, t.facts))).to.deep.equal(['S2']);
    });

    it('S4: a secret in outputs, metadata or a description', () => {
      const { doc, facts } = base('examples/mesos-minimal.cluster', 'hot');
      doc.outputs.leak = { value: { get_param: 'marathon_password' } };
      doc.resources.master_0.properties.metadata.pw = { get_attr: ['marathon_key_password_generated', 'value'] };
      expect(scanHot(doc, facts).map((f) => f.path)).to.deep.equal(['resources.master_0.properties.metadata.pw', 'outputs.leak.value']);
      const t = base('examples/mesos-minimal.cluster', 'tosca');
      t.doc.topology_template.outputs.leak = { value: { get_input: 'marathon_password' } };
      expect(rules(scanTosca(t.doc, t.facts))).to.deep.equal(['S4']);
      expect(rules(scanHot({ description: 'pw hunter2', parameters: {}, resources: {} }, { ...facts, literalPasswords: ['hunter2'] }))).to.deep.equal(['S4']);
    });
  });
});
