// Galaxy-role artifact overrides for the software node templates (TOSCA §3.5.6 artifact
// definitions in a node template replace the type's artifacts of the same name). The INDIGO types
// at the pinned commit install every role from its `master` branch (`indigo-dc.mesos,master`);
// overriding the artifacts with the role catalog's pinned versions makes the orchestrator install
// the same role versions as the HOT output. Artifact names are the types' own; the service entries
// (src/services, tosca.contribute) say which artifact installs which catalog role.
import type { YamlValue } from '../yaml.js';

/** Gives `<galaxy name>,<version>` for a role id, or undefined when the catalog has no such role. */
export type ArtifactResolver = (roleId: string) => string | undefined;

/** The `artifacts` map of a software node (artifact name → role id), or undefined when no role resolves. */
export function roleArtifacts(roles: Readonly<Record<string, string>>, resolve: ArtifactResolver): Record<string, YamlValue> | undefined {
  const out: Record<string, YamlValue> = {};
  for (const [name, role] of Object.entries(roles)) {
    const file = resolve(role);
    if (file !== undefined) out[name] = { file, type: 'tosca.artifacts.AnsibleGalaxy.role' };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
