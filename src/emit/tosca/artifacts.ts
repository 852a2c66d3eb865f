// Galaxy-role artifact overrides for the software node templates (TOSCA §3.5.6 artifact
// definitions in a node template replace the type's artifacts of the same name). The INDIGO types
// at the pinned commit install every role from its `master` branch (`indigo-dc.mesos,master`);
// overriding the artifacts with the role catalog's pinned versions makes the orchestrator install
// the same role versions as the HOT output. Artifact names are the types' own.
import type { YamlValue } from '../yaml.js';

/** Artifact name → role id (the catalog's short id), per INDIGO node type, as custom_types.yaml names them. */
export const ROLE_ARTIFACTS: Readonly<Record<'master' | 'agent' | 'load_balancer', Readonly<Record<string, string>>>> = {
  master: {
    docker_agent_role: 'docker',
    consul_agent_role: 'consul',
    zookeeper_agent_role: 'zookeeper',
    mesos_agent_role: 'mesos',
    marathon_agent_role: 'marathon',
    chronos_agent_role: 'chronos',
  },
  agent: { docker_agent_role: 'docker', consul_agent_role: 'consul', mesos_agent_role: 'mesos' },
  load_balancer: { docker_agent_role: 'docker', consul_agent_role: 'consul', marathon_lb_role: 'marathon-lb' },
};

/** Gives `<galaxy name>,<version>` for a role id, or undefined when the catalog has no such role. */
export type ArtifactResolver = (roleId: string) => string | undefined;

/** The `artifacts` map of a software node, or undefined when no role resolves. */
export function roleArtifacts(kind: keyof typeof ROLE_ARTIFACTS, resolve: ArtifactResolver): Record<string, YamlValue> | undefined {
  const out: Record<string, YamlValue> = {};
  for (const [name, role] of Object.entries(ROLE_ARTIFACTS[kind])) {
    const file = resolve(role);
    if (file !== undefined) out[name] = { file, type: 'tosca.artifacts.AnsibleGalaxy.role' };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
