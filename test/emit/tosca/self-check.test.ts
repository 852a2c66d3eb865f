// Self-check (src/emit/tosca/self-check.ts): the emitted HA and upstream-shaped documents pass;
// each kind of defect it must catch is caught; Galaxy-role artifact overrides (the mechanism that
// pins role versions, artifacts.ts) pass it and are accepted by tosca-parser.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import { roleArtifacts } from '../../../src/emit/tosca/artifacts.js';
import { buildTosca } from '../../../src/emit/tosca/index.js';
import { selfCheck } from '../../../src/emit/tosca/self-check.js';
import { toCanonicalYaml } from '../../../src/emit/yaml.js';
import { haModel, upstreamShapeModel } from './fixtures.js';
import { conformanceAvailable, runToscaValidate } from '../../conformance/harness.js';

type Obj = Record<string, any>;

function doc(): Obj {
  return JSON.parse(JSON.stringify(buildTosca(haModel(), {}, new DiagnosticCollector())));
}

/** Pinned-role artifacts as the role catalog would give them. */
const pinned = (role: string): string => `indigo-dc.${role},v9.9.9`;

describe('emit/tosca self-check', () => {
  it('passes the emitted documents', () => {
    expect(selfCheck(doc())).to.deep.equal([]);
    expect(selfCheck(buildTosca(upstreamShapeModel(), {}, new DiagnosticCollector()))).to.deep.equal([]);
  });

  const cases: [string, (d: Obj) => void, string][] = [
    ['an unknown property', (d) => { d.topology_template.node_templates.mesos_master.properties.marathon_vip = 'x'; }, 'has no property marathon_vip'],
    ['an inherited property is known', (d) => { d.topology_template.node_templates.mesos_master.properties.wn_ips = []; }, ''],
    ['a missing required property', (d) => { delete d.topology_template.node_templates.mesos_slave.properties.master_ips; }, 'required property master_ips'],
    ['an unknown capability property', (d) => { d.topology_template.node_templates.mesos_slave_server.capabilities.host.properties.vcpus = 2; }, 'has no property vcpus'],
    ['an unknown capability', (d) => { d.topology_template.node_templates.mesos_slave_server.capabilities.gpu = { properties: {} }; }, 'has no capability gpu'],
    ['a bad data type field', (d) => { d.topology_template.node_templates.elastic_cluster_front_end.properties.mesos_credentials.password = 'x'; }, 'tosca.datatypes.Credential has no property password'],
    ['a bad PortSpec field', (d) => { d.topology_template.node_templates.mesos_lb_server.capabilities.endpoint.properties.ports.http_port.port = 80; }, 'has no property port'],
    ['a dangling requirement', (d) => { d.topology_template.node_templates.mesos_slave.requirements = [{ host: 'nowhere' }]; }, 'requirement host targets no node template (nowhere)'],
    ['an unknown requirement', (d) => { d.topology_template.node_templates.mesos_slave.requirements.push({ lrms: 'mesos_master' }); }, 'has no requirement lrms'],
    ['a dangling get_input', (d) => { d.topology_template.node_templates.mesos_master.properties.mesos_password = { get_input: 'nope' }; }, 'get_input names no input (nope)'],
    ['a get_attribute on an unknown node', (d) => { d.topology_template.outputs.mesos_lb_ips.value = { get_attribute: ['lb', 'public_address'] }; }, 'get_attribute names no node template (lb)'],
    ['a get_attribute of an unknown attribute', (d) => { d.topology_template.node_templates.mesos_slave.properties.front_end_ip = { get_attribute: ['HOST', 'public_ip'] }; }, 'has no attribute public_ip'],
    ['an unknown node type', (d) => { d.topology_template.node_templates.mesos_master.type = 'tosca.nodes.indigo.MesosMasterX'; }, 'unknown node type'],
    ['an artifact the type does not have', (d) => { d.topology_template.node_templates.mesos_slave.artifacts = { calico_role: { file: 'indigo-dc.calico', type: 'tosca.artifacts.AnsibleGalaxy.role' } }; }, 'has no artifact calico_role'],
  ];
  for (const [what, mutate, expected] of cases) {
    it(`${expected === '' ? 'accepts' : 'catches'} ${what}`, () => {
      const d = doc();
      mutate(d);
      const problems = selfCheck(d);
      if (expected === '') expect(problems).to.deep.equal([]);
      else expect(problems.join('\n')).to.contain(expected);
    });
  }

  it('accepts pinned Galaxy-role artifact overrides on every software node, and so does tosca-parser', function () {
    this.timeout(120000);
    const d = doc();
    const nodes = d.topology_template.node_templates;
    const base = { docker_agent_role: 'docker', consul_agent_role: 'consul' };
    nodes.mesos_master.artifacts = roleArtifacts({ ...base, zookeeper_agent_role: 'zookeeper', mesos_agent_role: 'mesos', marathon_agent_role: 'marathon', chronos_agent_role: 'chronos' }, pinned);
    nodes.mesos_slave.artifacts = roleArtifacts({ ...base, mesos_agent_role: 'mesos' }, pinned);
    nodes.mesos_load_balancer.artifacts = roleArtifacts({ ...base, marathon_lb_role: 'marathon-lb' }, pinned);
    expect(nodes.mesos_master.artifacts.mesos_agent_role).to.deep.equal({ file: 'indigo-dc.mesos,v9.9.9', type: 'tosca.artifacts.AnsibleGalaxy.role' });
    expect(Object.keys(nodes.mesos_load_balancer.artifacts)).to.deep.equal(['docker_agent_role', 'consul_agent_role', 'marathon_lb_role']);
    expect(selfCheck(d)).to.deep.equal([]);
    if (conformanceAvailable().tosca !== null) return;
    const p = join(mkdtempSync(join(tmpdir(), 'clusterc-art-')), 'artifacts.tosca.yaml');
    writeFileSync(p, toCanonicalYaml(d, { topOrder: [], header: [] }));
    const [r] = runToscaValidate([p]);
    expect(r!.errors).to.deep.equal([]);
  });
});
