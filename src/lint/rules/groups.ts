// TOSCA Simple Profile 1.0 §3.7.5 (group definitions), §3.7.6 (policy definitions), §3.8.2 (substitution
// mappings): group and policy types exist (LT2005); members and targets are node templates (policies: or
// groups) of the topology (LT2012) of the types the group or policy type allows (LT2026); their properties
// are checked like a node template's (rules/properties.ts); substitution_mappings names a node type and maps
// its capabilities and requirements onto capabilities and requirements of node templates (LT2025).
import type { RuleContext } from '../context.js';
import type { TypeEntry, TypeKind } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { helpFor } from '../suggest.js';
import { checkAssignments } from './properties.js';
import { checkTypeRef } from './type-refs.js';

/** Checks groups, policies and substitution mappings of the topology template. */
export function checkGroups(ctx: RuleContext): void {
  const topo = own(ctx.root, 'topology_template');
  const nodes = own(topo, 'node_templates');
  const nodeNames = isYMap(nodes) ? Object.keys(nodes) : [];
  const groups = own(topo, 'groups');
  const groupNames = isYMap(groups) ? Object.keys(groups) : [];
  const typeOf = (n: string): string | undefined => {
    const t = own(own(nodes, n), 'type');
    return typeof t === 'string' ? t : undefined;
  };
  if (isYMap(groups)) {
    for (const [g, def] of Object.entries(groups)) {
      const base = ['topology_template', 'groups', g];
      const entry = owner(ctx, 'group', def, base);
      const allowed = entry ? allowedTypes(ctx, entry, 'members') : [];
      const members = own(def, 'members');
      if (Array.isArray(members)) {
        members.forEach((m, i) => {
          if (typeof m !== 'string') return;
          if (!nodeNames.includes(m)) return ctx.report('LT2012', [...base, 'members', i], { name: m }, helpFor(m, nodeNames));
          const t = typeOf(m);
          if (t && allowed.length > 0 && !allowed.some((a) => ctx.scope.derivesFrom('node', t, a))) {
            ctx.report('LT2026', [...base, 'members', i], { name: m, owner: g, allowed: allowed.map((a) => `\`${a}\``).join(', ') });
          }
        });
      }
    }
  }
  const policies = own(topo, 'policies');
  if (Array.isArray(policies)) {
    policies.forEach((item, i) => {
      if (!isYMap(item)) return;
      for (const [p, def] of Object.entries(item)) {
        const base = ['topology_template', 'policies', i, p];
        const entry = owner(ctx, 'policy', def, base);
        const allowed = entry ? allowedTypes(ctx, entry, 'targets') : [];
        const targets = own(def, 'targets');
        if (!Array.isArray(targets)) continue;
        targets.forEach((tg, j) => {
          if (typeof tg !== 'string') return;
          const isNode = nodeNames.includes(tg);
          if (!isNode && !groupNames.includes(tg)) return ctx.report('LT2012', [...base, 'targets', j], { name: tg }, helpFor(tg, [...nodeNames, ...groupNames]));
          const t = isNode ? typeOf(tg) : (own(own(groups, tg), 'type') as string | undefined);
          const kind: TypeKind = isNode ? 'node' : 'group';
          if (typeof t === 'string' && allowed.length > 0 && !allowed.some((a) => ctx.scope.derivesFrom(kind, t, a))) {
            ctx.report('LT2026', [...base, 'targets', j], { name: tg, owner: p, allowed: allowed.map((a) => `\`${a}\``).join(', ') });
          }
        });
      }
    });
  }
  substitution(ctx, own(topo, 'substitution_mappings'), nodes);
}

/** The group or policy type of `def` (LT2005 when unknown), with its properties checked. */
function owner(ctx: RuleContext, kind: 'group' | 'policy', def: unknown, base: DataPath): TypeEntry | undefined {
  const type = own(def, 'type');
  if (typeof type !== 'string') return undefined;
  checkTypeRef(ctx, kind, type, [...base, 'type']);
  const entry = ctx.scope.lookup(kind, type);
  if (!entry || ctx.scope.broken(entry)) return undefined;
  const name = String(base[base.length - 1]);
  checkAssignments(ctx, ctx.scope.merged(entry, 'properties'), own(def, 'properties'), [...base, 'properties'], { type, template: name, typePath: [...base, 'type'] }, true);
  return entry;
}

/** The `members` / `targets` type list of a group or policy type (nearest definition in the hierarchy). */
function allowedTypes(ctx: RuleContext, entry: TypeEntry, key: 'members' | 'targets'): string[] {
  for (const e of ctx.scope.ancestors(entry)) {
    const list = own(e.def, key);
    if (Array.isArray(list) && list.length > 0) return list.filter((x): x is string => typeof x === 'string');
  }
  return [];
}

function substitution(ctx: RuleContext, sm: unknown, nodes: unknown): void {
  if (!isYMap(sm)) return;
  const base = ['topology_template', 'substitution_mappings'];
  const bad = (path: DataPath, message: string, help?: string) => ctx.report('LT2025', path, { message }, help ? { help } : {});
  const nt = own(sm, 'node_type');
  if (typeof nt !== 'string') {
    bad(base, '`node_type` is missing', 'add `node_type:` naming the node type this topology implements');
    return;
  }
  checkTypeRef(ctx, 'node', nt, [...base, 'node_type']);
  const subst = ctx.scope.lookup('node', nt);
  const usable = subst && !ctx.scope.broken(subst) && !ctx.scope.incomplete;
  for (const section of ['capabilities', 'requirements'] as const) {
    const map = own(sm, section);
    if (!isYMap(map)) continue;
    const what = section === 'capabilities' ? 'capability' : 'requirement';
    const outer = usable ? (section === 'capabilities' ? ctx.scope.merged(subst, 'capabilities') : ctx.scope.requirements(subst)) : undefined;
    for (const [name, target] of Object.entries(map)) {
      const p = [...base, section, name];
      if (outer && !outer.has(name)) bad(p, `\`${nt}\` has no ${what} \`${name}\``, helpFor(name, outer.keys()).help);
      if (!Array.isArray(target) || target.length !== 2 || typeof target[0] !== 'string' || typeof target[1] !== 'string') {
        bad(p, `the mapping of \`${name}\` must be \`[ node_template, ${what} ]\``);
        continue;
      }
      const [tn, inner] = target as [string, string];
      if (!isYMap(nodes) || !Object.prototype.hasOwnProperty.call(nodes, tn)) {
        ctx.report('LT2012', [...p, 0], { name: tn }, helpFor(tn, isYMap(nodes) ? Object.keys(nodes) : []));
        continue;
      }
      const type = own(nodes[tn], 'type');
      const entry = typeof type === 'string' ? ctx.scope.lookup('node', type) : undefined;
      if (!entry || ctx.scope.broken(entry) || ctx.scope.incomplete) continue;
      const names = section === 'capabilities' ? ctx.scope.merged(entry, 'capabilities') : ctx.scope.requirements(entry);
      if (!names.has(inner)) bad([...p, 1], `node template \`${tn}\` (\`${entry.name}\`) has no ${what} \`${inner}\``, helpFor(inner, names.keys()).help);
    }
  }
}
