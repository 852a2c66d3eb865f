// `clusterc diff` (src/diff): what changes per output between two versions of a spec, and for HOT
// which resources Heat updates in place or replaces. The update-rules table must be what Heat's
// code says (regenerated from python3-heat and compared); the verdicts are checked on spec
// changes whose Heat behaviour is known from that code: a flavor change resizes in place
// (flavor_update_policy RESIZE), a count change updates the group, a change that reaches
// user_data updates the servers in place (clusterc sets user_data_update_policy IGNORE; REPLACE
// would replace them), and a replaced resource's
// dependents are re-judged.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { diffSpecs, renderDiff, type SpecDiff } from '../../src/diff/index.js';
import { heatResourceChanges, replaceReasons } from '../../src/diff/heat-update.js';
import { conformanceAvailable } from '../conformance/harness.js';
import { ROOT } from '../support/golden.js';
import { skipOrFail } from '../support/shared.js';

const MINIMAL = readFileSync(join(ROOT, 'examples/mesos-minimal.cluster'), 'utf8');
const HA = readFileSync(join(ROOT, 'examples/mesos-ha.cluster'), 'utf8');

function diff(a: string, b: string): SpecDiff {
  const r = diffSpecs({ text: a, file: 'a.cluster' }, { text: b, file: 'a.cluster' });
  expect(r.diagnostics).to.deep.equal([]);
  return r.diff!;
}

function hot(d: SpecDiff) {
  return d.documents.find((x) => x.target === 'hot')!;
}

function edit(text: string, from: string, to: string): string {
  expect(text).to.include(from);
  return text.replace(from, to);
}

describe('diff', function () {
  this.timeout(60_000);

  it('the update-rules table is what Heat 19 says (test/conformance/heat_update_rules.py)', function () {
    if (conformanceAvailable().heat) skipOrFail(this, conformanceAvailable().heat!);
    const py = process.env['CLUSTERC_PYTHON'] ?? '/usr/bin/python3';
    const now = execFileSync(py, [join(ROOT, 'test/conformance/heat_update_rules.py')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(readFileSync(join(ROOT, 'src/diff/heat-update-rules.generated.ts'), 'utf8')).to.equal(now);
  });

  it('a spec against itself has no changes', function () {
    const d = diff(HA, HA);
    expect(d.documents.map((x) => x.status)).to.deep.equal(['unchanged', 'unchanged']);
    expect(d.replacedServers).to.deep.equal([]);
    expect(renderDiff(d)).to.equal('mesos-prod.tosca.yaml: no changes\nmesos-prod.hot.yaml: no changes\n');
  });

  it('a new master flavor resizes the server in place (flavor_update_policy RESIZE), and changes the TOSCA instance_type', function () {
    const d = diff(MINIMAL, edit(MINIMAL, 'flavor = "m1.medium"', 'flavor = "m1.large"'));
    expect(hot(d).resources).to.deep.equal([{ name: 'master_0', type: 'OS::Nova::Server', action: 'update', changed: ['flavor'], reasons: [] }]);
    const tosca = d.documents.find((x) => x.target === 'tosca')!;
    expect(tosca.sections).to.deep.equal([{ section: 'node_templates', added: [], removed: [], changed: { mesos_master_server: ['capabilities.host.properties.instance_type'] } }]);
    expect(d.replacedServers).to.deep.equal([]);
  });

  it('more agents update the group and its wait condition in place', function () {
    const d = diff(MINIMAL, edit(MINIMAL, 'agents 2 {', 'agents 3 {'));
    expect(hot(d).resources!.map((r) => [r.name, r.action, r.changed])).to.deep.equal([
      ['agents', 'update', ['count']],
      ['agents_wait', 'update', ['count']],
    ]);
  });

  it('a change that reaches the bootstrap replaces no server (user_data_update_policy IGNORE): they update in place', function () {
    const d = diff(HA, edit(HA, 'datacenter = "bari"', 'datacenter = "bari2"'));
    const rs = hot(d).resources!;
    expect(rs.filter((r) => r.action === 'replace')).to.deep.equal([]);
    // each group's script sits once in an OS::Heat::Value the servers reference: it updates in place
    expect(rs.filter((r) => r.name.endsWith('_user_data')).map((r) => [r.name, r.action])).to.deep.equal(
      ['agents_gpu_user_data', 'agents_user_data', 'load_balancers_user_data', 'masters_user_data'].map((n) => [n, 'update']),
    );
    expect(d.replacedServers).to.deep.equal([]);
    // the policy is what decides: with REPLACE the same change replaces the server
    expect(replaceReasons('OS::Nova::Server', ['user_data'], { user_data_update_policy: 'REPLACE' }, {})).to.deep.equal(['`user_data` changes and user_data_update_policy is REPLACE']);
    expect(replaceReasons('OS::Nova::Server', ['user_data'], { user_data_update_policy: 'IGNORE' }, {})).to.deep.equal([]);
  });

  it('adding a load balancer pair creates resources and adds TOSCA node templates', function () {
    const d = diff(MINIMAL, edit(MINIMAL, '  agents 2 {', '  load_balancers 2 { flavor = "m1.small" }\n  agents 2 {'));
    const created = hot(d).resources!.filter((r) => r.action === 'create').map((r) => r.name);
    expect(created).to.include.members(['load_balancer_0', 'load_balancer_1']);
    const tosca = d.documents.find((x) => x.target === 'tosca')!;
    expect(tosca.sections.find((s) => s.section === 'node_templates')!.added).to.include('mesos_lb_server');
  });

  it('Heat rules: a non-updatable property replaces, a replaced resource makes its dependents change', function () {
    expect(replaceReasons('OS::Neutron::Port', ['network'], {}, {})).to.deep.equal(['`network` cannot be updated in place']);
    expect(replaceReasons('OS::Nova::Server', ['flavor'], { flavor_update_policy: 'REPLACE' }, {})).to.deep.equal(['`flavor` changes and flavor_update_policy is REPLACE']);
    expect(replaceReasons('OS::Nova::Server', ['image'], {}, {})).to.deep.equal([]);
    expect(replaceReasons('OS::Nova::Server', ['key_name'], {}, {})).to.deep.equal(['`key_name` cannot be updated in place']);
    const before = {
      port: { type: 'OS::Neutron::Port', properties: { network: 'a' } },
      server: { type: 'OS::Nova::Server', properties: { networks: [{ port: { get_resource: 'port' } }], user_data: { get_attr: ['port', 'fixed_ips'] } } },
      fip: { type: 'OS::Neutron::FloatingIP', properties: { port_id: { get_resource: 'port' } } },
    };
    const after = { ...before, port: { type: 'OS::Neutron::Port', properties: { network: 'b' } } };
    const v = heatResourceChanges(before, after);
    expect(v.map((x) => [x.name, x.action])).to.deep.equal([['fip', 'update'], ['port', 'replace'], ['server', 'replace']]);
    expect(v.find((x) => x.name === 'server')!.changed).to.deep.equal(['networks', 'user_data']);
  });

  it('the command compares a spec with a git revision, or two files; JSON with --format json', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-diff-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    writeFileSync(join(dir, 'c.cluster'), MINIMAL);
    git('add', 'c.cluster');
    git('commit', '-qm', 'v1');
    writeFileSync(join(dir, 'c.cluster'), edit(MINIMAL, 'agents 2 {', 'agents 3 {'));
    const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/src/cli.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const r = cli(['diff', 'c.cluster']);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.include('~ resources.agents (OS::Heat::ResourceGroup) updated in place: count');
    const j = cli(['diff', 'HEAD:c.cluster', 'c.cluster', '--format', 'json']);
    expect((JSON.parse(j.stdout) as SpecDiff).documents.map((x) => x.status)).to.deep.equal(['changed', 'changed']);
    const bad = cli(['diff', 'v9:c.cluster', 'c.cluster']);
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.match(/error\[CS4302\]/);
    writeFileSync(join(dir, 'broken.cluster'), 'cluster "c" { masters = }');
    const broken = cli(['diff', 'c.cluster', 'broken.cluster']);
    expect(broken.status).to.equal(1);
    expect(broken.stderr).to.match(/error\[CS4303\]: the new spec does not compile/);
  });
});
