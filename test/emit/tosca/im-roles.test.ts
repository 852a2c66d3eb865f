// The TOSCA outputs' role artifacts as the orchestrator's Infrastructure Manager installs them: for
// every Compute node of every example, collect the AnsibleGalaxy.role artifacts of the nodes it
// hosts (type-level artifacts of the real INDIGO custom_types.yaml, overridden by the template's
// own, as IM/tosca/Tosca.py:1768-1822 _get_node_artifacts/_add_ansible_roles do), parse each file
// as IM/CtxtAgentBase.py:543-561 and ansible-galaxy do (src/roles/im-artifact.ts), and check that
// every role the INDIGO artifact playbook of the node includes is installed under that name, and
// that the roles clusterc overrides are the catalog's pinned commits.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { ROLE_LIST, installedRole } from '../../../src/roles/index.js';
import { buildExamples } from '../../../src/tools/examples.js';
import { ROOT } from '../../support/golden.js';
import { sharedDir, skipOrFail } from '../../support/shared.js';

type Obj = Record<string, any>;

/**
 * The roles each INDIGO artifact playbook includes (`include_role: name:`), read from
 * indigo-dc/tosca-types at 40fa4d6: artifacts/mesos/mesos_master_install.yml:27,52,62,68,77,88,
 * mesos_slave_install.yml:10,39,49,57, mesos_lb_install.yml:9,30,45.
 */
const INCLUDED: Readonly<Record<string, readonly string[]>> = {
  'tosca.nodes.indigo.MesosMaster': ['indigo-dc.nfs', 'indigo-dc.consul', 'indigo-dc.zookeeper', 'indigo-dc.mesos', 'indigo-dc.marathon', 'indigo-dc.chronos'],
  'tosca.nodes.indigo.MesosSlave': ['indigo-dc.docker', 'indigo-dc.consul', 'indigo-dc.mesos', 'indigo-dc.nfs'],
  'tosca.nodes.indigo.MesosLoadBalancer': ['indigo-dc.docker', 'indigo-dc.consul', 'indigo-dc.marathon-lb'],
};

describe('emit/tosca role artifacts as the Infrastructure Manager installs them', () => {
  let types: Obj;
  before(function () {
    const file = join(sharedDir(), 'upstream/tosca-types/custom_types.yaml');
    if (!existsSync(file)) skipOrFail(this, `${file} not found (set CLUSTERC_SHARED)`);
    types = (YAML.parse(readFileSync(file, 'utf8'), { uniqueKeys: false }) as Obj)['node_types'];
  });

  /** Type-level artifacts along the derived_from chain (nearest type wins). */
  const typeArtifacts = (type: string): Obj => {
    const chain: string[] = [];
    for (let t: string | undefined = type; t !== undefined && types[t] !== undefined; t = types[t]['derived_from']) chain.unshift(t);
    return Object.assign({}, ...chain.map((t) => types[t]['artifacts'] ?? {}));
  };

  const { outputs } = buildExamples(ROOT);
  const toscaOutputs = outputs.filter((o) => o.name.endsWith('.tosca.yaml'));

  it('has TOSCA outputs to check', () => expect(toscaOutputs.length).to.be.above(0));

  for (const out of toscaOutputs) {
    it(`${out.name}: every included role is installed under its name; overridden roles are pinned`, () => {
      const nodes = (YAML.parse(out.content) as Obj)['topology_template']['node_templates'] as Obj;
      const hostOf = (n: Obj): string | undefined =>
        ((n['requirements'] ?? []) as Obj[]).map((r) => r['host']).find((h) => typeof h === 'string');
      let checked = 0;
      for (const [compute, c] of Object.entries(nodes)) {
        if (c['type'] !== 'tosca.nodes.indigo.Compute') continue;
        const hosted = Object.entries(nodes).filter(([name, n]) => name === compute || hostOf(n) === compute);
        const installed = new Map<string, ReturnType<typeof installedRole>>();
        for (const [, n] of hosted) {
          const artifacts = { ...typeArtifacts(n['type']), ...(n['artifacts'] ?? {}) };
          for (const a of Object.values(artifacts) as Obj[]) {
            if (a['type'] !== 'tosca.artifacts.AnsibleGalaxy.role') continue;
            const role = installedRole(String(a['file']));
            installed.set(role.name, role);
          }
        }
        for (const [name, n] of hosted) {
          for (const want of INCLUDED[n['type']] ?? []) {
            expect(installed.has(want), `${compute}/${name}: the playbook includes ${want}, installed: ${[...installed.keys()].join(', ')}`).to.equal(true);
            checked++;
          }
        }
        for (const r of ROLE_LIST) {
          const got = installed.get(r.galaxy);
          if (got?.pinned === false) expect.fail(`${compute}: ${r.galaxy} is installed unpinned (${got.version})`);
          if (got?.pinned) expect(got.version, `${compute}: ${r.galaxy}`).to.equal(r.version);
        }
      }
      expect(checked, 'no node with an INDIGO playbook was checked').to.be.above(0);
    });
  }
});
