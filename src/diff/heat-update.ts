// What Heat does to each resource when a stack is updated from one HOT template to another, per
// Heat's own update rules (heat/engine/resource.py update_template_diff_properties and
// _needs_update, the resource plugins' properties_schema and needs_replace* hooks; the table is
// read from Heat's code, heat-update-rules.generated.ts):
// - a new name is created, a vanished one deleted, a changed `type` replaced;
// - a changed property that is not update_allowed → replace (UpdateReplace);
// - OS::Nova::Server: a changed flavor / image / user_data is replaced when its *_update_policy
//   is REPLACE (user_data's default), else updated in place (resize, rebuild);
// - OS::Neutron::Port with replacement_policy REPLACE_ALWAYS → always replaced;
// - only metadata / depends_on / deletion_policy changed → updated in place (no property diff);
// - a property that refers (get_resource, get_attr) to a replaced resource changes too: the new
//   resource has a new id and addresses, so the rules are applied again until nothing changes.
// Groups (ResourceGroup resource_def, AutoScalingGroup resource) are updated in place, and their
// members are judged by the same rules on the member definition.
import { isDeepStrictEqual } from 'node:util';
import { HEAT_UPDATE_RULES } from './heat-update-rules.generated.js';

/** What happens to one resource. */
export type HeatAction = 'create' | 'delete' | 'replace' | 'update' | 'unchanged';

/** The verdict on one resource. */
export interface ResourceChange {
  readonly name: string;
  readonly type: string;
  readonly action: HeatAction;
  /** Top-level properties that differ (for update and replace). */
  readonly changed: readonly string[];
  /** Why it is replaced (or why the members of a group are). */
  readonly reasons: readonly string[];
  /** For a group that is updated: what happens to each member. */
  readonly members?: 'replace' | 'update';
}

type Res = { type?: unknown; properties?: Record<string, unknown>; [k: string]: unknown };

/** Names of resources `value` refers to with get_resource / get_attr. */
function references(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) references(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'get_resource' && typeof v === 'string') into.add(v);
      else if (k === 'get_attr' && Array.isArray(v) && typeof v[0] === 'string') into.add(v[0]);
      else references(v, into);
    }
  }
  return into;
}

/** The policy value in effect (the new one, else the old one, else Heat's default). */
function policy(type: string, name: string, after: Record<string, unknown>, before: Record<string, unknown>): string | undefined {
  const p = HEAT_UPDATE_RULES[type]?.policies[name];
  const v = after[name] ?? before[name] ?? p?.default;
  return typeof v === 'string' ? v : undefined;
}

/** Replace reasons of a property diff of one resource of `type`; empty = updated in place. */
export function replaceReasons(type: string, changed: readonly string[], after: Record<string, unknown>, before: Record<string, unknown>): string[] {
  const rules = HEAT_UPDATE_RULES[type];
  if (!rules) return changed.length > 0 ? [`clusterc has no update rules for ${type}: assumed replaced`] : [];
  const reasons: string[] = [];
  if (type === 'OS::Neutron::Port' && after['replacement_policy'] === 'REPLACE_ALWAYS') reasons.push('replacement_policy REPLACE_ALWAYS');
  if (type === 'OS::Nova::Server') {
    for (const [prop, pol] of [['flavor', 'flavor_update_policy'], ['image', 'image_update_policy'], ['user_data', 'user_data_update_policy']] as const) {
      if (changed.includes(prop) && policy(type, pol, after, before) === 'REPLACE') reasons.push(`\`${prop}\` changes and ${pol} is REPLACE`);
    }
  }
  for (const c of changed) if (!rules.updateAllowed.includes(c)) reasons.push(`\`${c}\` cannot be updated in place`);
  return reasons;
}

function props(r: Res | undefined): Record<string, unknown> {
  const p = r?.properties;
  return p && typeof p === 'object' ? p : {};
}

/** The member definition of a group resource, if `r` is one. */
function memberOf(r: Res): Res | undefined {
  const p = props(r);
  if (r.type === 'OS::Heat::ResourceGroup') return p['resource_def'] as Res | undefined;
  if (r.type === 'OS::Heat::AutoScalingGroup') return p['resource'] as Res | undefined;
  return undefined;
}

/** Top-level property names whose values differ, or that refer to a resource in `moved`. */
function changedProperties(before: Res, after: Res, moved: ReadonlySet<string>): string[] {
  const b = props(before);
  const a = props(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.filter((k) => !isDeepStrictEqual(b[k], a[k]) || [...references(a[k])].some((n) => moved.has(n)));
}

/** Compares the `resources` of two HOT documents. */
export function heatResourceChanges(before: Record<string, Res>, after: Record<string, Res>): ResourceChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const replaced = new Set<string>();
  let verdicts: ResourceChange[] = [];
  // Replacing one resource can change the properties of those that refer to it: iterate.
  for (let round = 0; round <= names.length; round++) {
    verdicts = names.map((n) => judge(n, before[n], after[n], replaced));
    const now = verdicts.filter((v) => v.action === 'replace' || v.action === 'create').map((v) => v.name);
    if (now.every((n) => replaced.has(n))) break;
    for (const n of now) replaced.add(n);
  }
  return verdicts;
}

function judge(name: string, b: Res | undefined, a: Res | undefined, moved: ReadonlySet<string>): ResourceChange {
  const type = String(a?.type ?? b?.type ?? '');
  if (!b) return { name, type, action: 'create', changed: [], reasons: [] };
  if (!a) return { name, type, action: 'delete', changed: [], reasons: [] };
  if (a.type !== b.type) return { name, type, action: 'replace', changed: ['type'], reasons: [`the type changes from ${String(b.type)}`] };
  const changed = changedProperties(b, a, moved);
  const reasons = replaceReasons(type, changed, props(a), props(b));
  if (reasons.length > 0) return { name, type, action: 'replace', changed, reasons };
  const others = Object.keys({ ...a, ...b }).filter((k) => k !== 'properties' && !isDeepStrictEqual(a[k], b[k]));
  if (changed.length === 0 && others.length === 0) return { name, type, action: 'unchanged', changed: [], reasons: [] };
  const mb = memberOf(b);
  const ma = memberOf(a);
  if (mb && ma && !isDeepStrictEqual(mb, ma)) {
    const member = judge(`${name} member`, mb, ma, moved);
    if (member.action === 'replace') return { name, type, action: 'update', changed: [...changed, ...others], reasons: member.reasons, members: 'replace' };
    return { name, type, action: 'update', changed: [...changed, ...others], reasons: [], members: 'update' };
  }
  return { name, type, action: 'update', changed: [...changed, ...others], reasons: [] };
}
