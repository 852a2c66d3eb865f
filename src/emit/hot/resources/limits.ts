// Sizes the cloud cannot take, checked on the built template (before it is written):
// - CS3250 (error): Nova refuses a server whose user_data, base64-encoded, is longer than 65535
//   bytes (nova/api/openstack/compute/schemas/servers.py `user_data` maxLength; not configurable).
//   The shared user_data of a group lists addresses of other hosts, so it grows with their number.
//   Only what is certain is reported: a LOWER bound of the text Heat resolves (str_replace is
//   ReplaceJson: a string param is inserted as is, any other as ASCII JSON, `[value]` lists here),
//   with every address as short as an address can be (`1.1.1.1`) and every parameter empty.
// - CS3251 (warning): Heat refuses a stack with more resources than max_resources_per_stack (1000
//   by default, heat/common/config.py; members of a ResourceGroup or AutoScalingGroup count too).
import type { HostGroup } from '../../../model/model.js';
import type { YamlValue } from '../../yaml.js';
import type { HotContext } from '../context.js';
import { userDataName } from './bootstrap.js';

/** Nova's limit on the base64-encoded user_data of a server. */
export const NOVA_MAX_USER_DATA = 65535;
/** Heat's default `max_resources_per_stack`. */
export const HEAT_MAX_RESOURCES_PER_STACK = 1000;
/** The shortest text of an IPv4 address. */
const SHORTEST_ADDRESS = '1.1.1.1'.length;

type Obj = { readonly [k: string]: YamlValue };
const isObj = (v: YamlValue): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Length of JSON.stringify(s) with non-ASCII as \uXXXX escapes (Python's ensure_ascii). */
function asciiJsonLength(s: string): number {
  let n = JSON.stringify(s).length;
  for (const ch of s) if (ch.charCodeAt(0) > 0x7e) n += 5 * ch.length;
  return n;
}

/** The fewest characters `v` resolves to as a string (list_join parts). */
function minString(v: YamlValue): number {
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v).length;
  if (isObj(v) && Array.isArray(v['get_attr']) && v['get_attr'].at(-1) === 'ip_address') return SHORTEST_ADDRESS;
  if (isObj(v) && Array.isArray(v['list_join'])) {
    const [sep, items] = v['list_join'] as readonly YamlValue[];
    if (typeof sep === 'string' && Array.isArray(items)) return items.reduce<number>((n, x) => n + minString(x), 0) + sep.length * Math.max(0, items.length - 1);
  }
  return 0;
}

/** The fewest characters of the JSON Heat writes for the resolved `v` (json.dumps, ', ' separators). */
function minJson(v: YamlValue): number {
  if (typeof v === 'string') return asciiJsonLength(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return JSON.stringify(v).length;
  if (Array.isArray(v)) return 2 + v.reduce<number>((n, x) => n + minJson(x), 0) + 2 * Math.max(0, v.length - 1);
  if (isObj(v) && ('get_attr' in v || 'list_join' in v || 'str_replace' in v)) return 2 + minString(v);
  return 1; // get_param and the like: at least a one-character number or `""` / `[]`
}

/** A lower bound of the bytes of a resolved `str_replace` (ReplaceJson), base64-encoded. */
export function minUserDataBase64(userData: YamlValue): number {
  if (!isObj(userData) || !isObj(userData['str_replace'] ?? null)) return 0;
  const sr = userData['str_replace'] as Obj;
  const template = typeof sr['template'] === 'string' ? sr['template'] : '';
  let n = Buffer.byteLength(template, 'utf8');
  for (const [key, value] of Object.entries(isObj(sr['params'] ?? null) ? (sr['params'] as Obj) : {})) {
    const uses = template.split(key).length - 1;
    // A function (the wait handle's curl_cli) may resolve to a string, inserted as is: 0 at least.
    const least = typeof value === 'string' ? value.length : Array.isArray(value) ? minJson(value) : 0;
    n += uses * (least - key.length);
  }
  return 4 * Math.ceil(n / 3);
}

/** Members a group resource can hold: a literal count, a range's maximum, else 0 (unknown). */
function members(g: HostGroup): number {
  if (g.kind !== 'agents') return 0; // unrolled: already top-level resources
  if (g.size.kind === 'range') return g.size.max;
  return g.size.count.kind === 'literal' ? g.size.count.value : 0;
}

/** Reports CS3250 and CS3251 for the built `resources`. */
export function checkLimits(ctx: HotContext, resources: Readonly<Record<string, YamlValue>>): void {
  for (const plan of ctx.plans) {
    const g = plan.group;
    const shared = resources[userDataName(g.id)];
    const value = isObj(shared ?? null) && isObj((shared as Obj)['properties'] ?? null) ? ((shared as Obj)['properties'] as Obj)['value'] : undefined;
    if (value === undefined) continue;
    const size = minUserDataBase64(value);
    if (size > NOVA_MAX_USER_DATA) {
      ctx.diag.report('CS3250', g.origin ?? ctx.m.nameSpan, { group: g.id, size, limit: NOVA_MAX_USER_DATA }, {
        help: 'use fewer hosts in the groups whose addresses it lists, or `--hot-mode software-config` (the values then travel as deployment inputs, not in user_data)',
      });
    }
  }
  const total = Object.keys(resources).length + ctx.plans.reduce((n, p) => n + members(p.group), 0);
  if (total > HEAT_MAX_RESOURCES_PER_STACK) {
    ctx.diag.report('CS3251', ctx.m.nameSpan, { count: total, limit: HEAT_MAX_RESOURCES_PER_STACK });
  }
}
