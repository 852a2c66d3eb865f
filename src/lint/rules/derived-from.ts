// TOSCA Simple Profile 1.0 §3.6 (type definitions, `derived_from`): the parent type of every type defined
// in the file resolves to a type of the same kind (file, imports or normative types), and following
// `derived_from` never returns to the start (LT2001 unresolved-derived-from, LT2002 derivation-cycle).
import type { RuleContext } from '../context.js';
import { SECTION_KIND } from '../scope.js';
import { isYMap, own } from '../source.js';
import { isPrimitive } from '../values.js';
import { unknownTypeHelp } from './version.js';

/** Checks `derived_from` of every type definition in the file. */
export function checkDerivedFrom(ctx: RuleContext): void {
  // One error per cycle: members of a reported cycle are not reported again.
  const inReportedCycle = new Set<string>();
  for (const [section, kind] of Object.entries(SECTION_KIND)) {
    const sec = own(ctx.root, section);
    if (!isYMap(sec)) continue;
    for (const [name, def] of Object.entries(sec)) {
      const parent = own(def, 'derived_from');
      if (typeof parent !== 'string') continue;
      const path = [section, name, 'derived_from'];
      // A data type may derive from a primitive type (§3.6.6).
      if (kind === 'data' && isPrimitive(parent, ctx.scope.version.level)) continue;
      if (!ctx.scope.lookup(kind, parent)) {
        if (!ctx.scope.incomplete) ctx.report('LT2001', path, { kind, name: parent }, unknownTypeHelp(ctx, kind, parent, ctx.scope.names(kind)));
        continue;
      }
      // Cycle: walk up from this type; a cycle through it returns to it.
      const self = ctx.scope.lookup(kind, name);
      if (!self || self.pf !== ctx.pf) continue;
      const chain = [name];
      let cur = ctx.scope.lookup(kind, parent);
      const seen = new Set<unknown>([self]);
      while (cur && !seen.has(cur)) {
        seen.add(cur);
        chain.push(cur.name);
        const p = own(cur.def, 'derived_from');
        cur = typeof p === 'string' ? ctx.scope.lookup(kind, p) : undefined;
      }
      if (cur === self && !inReportedCycle.has(`${kind}:${name}`)) {
        for (const n of chain) inReportedCycle.add(`${kind}:${n}`);
        ctx.report('LT2002', path, { name, cycle: [...chain, name].join(' → ') });
      }
    }
  }
}
