// Secrets generated per deployment: one OS::Heat::RandomString per `generatedSecret` the role plans
// name (e.g. the Marathon keystore passwords, which the roles otherwise take from constants
// published in their defaults). Heat 19 heat/engine/resources/openstack/heat/random_string.py:
// `length`, `character_classes` [{class, min}]; attribute `value`. The string is generated once,
// at create time, and kept across stack updates (no property changes), so it never rotates by itself.
import type { GroupPlan, VarExpr } from '../../../roles/types.js';
import type { YamlValue } from '../../yaml.js';

/** The resource name of a generated secret (ids are `[a-z0-9_]`, unique per cluster). */
export function generatedSecretResource(id: string): string {
  return `${id}_generated`;
}

/** Every generated-secret id the plans use, in first-use order. */
export function generatedSecretIds(plans: readonly GroupPlan[]): string[] {
  const ids: string[] = [];
  const visit = (e: VarExpr): void => {
    if (e.kind === 'generatedSecret' && !ids.includes(e.id)) ids.push(e.id);
    else if (e.kind === 'concat') e.parts.forEach(visit);
    else if (e.kind === 'shellQuoted') visit(e.inner);
  };
  for (const p of plans) for (const r of p.roles) Object.values(r.vars).forEach(visit);
  return ids;
}

/** The RandomString resources of the plans' generated secrets: 32 letters and digits (safe in env files and argv). */
export function buildGeneratedSecrets(plans: readonly GroupPlan[]): Record<string, YamlValue> {
  const out: Record<string, YamlValue> = {};
  for (const id of generatedSecretIds(plans)) {
    out[generatedSecretResource(id)] = {
      type: 'OS::Heat::RandomString',
      properties: {
        length: 32,
        character_classes: [{ class: 'lettersdigits', min: 32 }],
      },
    };
  }
  return out;
}
