// TOSCA Simple Profile 1.0 §3.5.8 (property definitions), §3.5.2 (constraints), §3.7.3 (assignments): the shared
// check of property assignments against their definitions, used for node templates, capability assignments,
// groups and policies: each assigned property exists (LT2009), its value fits the type (LT2004) and satisfies
// the constraints (LT2023), and required properties without a default are assigned (LT2010).
import type { RuleContext } from '../context.js';
import { isYMap, own, type DataPath } from '../source.js';
import { helpFor } from '../suggest.js';
import { checkValue, constraintViolations } from '../values.js';

/** Where the assignments are, for messages: the owner type's name and the template's name. */
export interface Owner {
  readonly type: string;
  readonly template: string;
  /** Data path of the template's `type` key (where a missing required property is reported). */
  readonly typePath: DataPath;
}

/** Checks assigned `given` (at `path`) against definitions `defs`; `required` also reports missing ones. */
export function checkAssignments(ctx: RuleContext, defs: ReadonlyMap<string, unknown>, given: unknown, path: DataPath, owner: Owner, required: boolean): void {
  if (isYMap(given)) {
    for (const [pn, pv] of Object.entries(given)) {
      const def = defs.get(pn);
      if (def === undefined) {
        if (!ctx.scope.incomplete) ctx.report('LT2009', [...path, pn], { name: pn, type: owner.type }, { key: true, ...helpFor(pn, defs.keys()) });
        continue;
      }
      checkOneValue(ctx, pv, def, [...path, pn], `value of \`${pn}\``);
    }
  }
  if (!required) return;
  for (const [pn, def] of defs) {
    const isRequired = own(def, 'required') !== false;
    const hasDefault = own(def, 'default') !== undefined && own(def, 'default') !== null;
    if (isRequired && !hasDefault && !(isYMap(given) && Object.prototype.hasOwnProperty.call(given, pn))) {
      ctx.report('LT2010', owner.typePath, { name: pn, template: owner.template }, { label: `\`${owner.type}\` requires \`${pn}\``, help: `add \`${pn}:\` under \`properties\`` });
    }
  }
}

/** Type (LT2004) and constraints (LT2023) of one value against its definition. */
export function checkOneValue(ctx: RuleContext, value: unknown, def: unknown, path: DataPath, what: string): void {
  const pt = own(def, 'type');
  if (typeof pt !== 'string') return;
  const mismatches = checkValue(value, pt, own(def, 'entry_schema'), ctx.scope);
  for (const m of mismatches) {
    ctx.report('LT2004', [...path, ...m.path], { what: m.path.length === 0 ? what : `value at \`${m.path.join('.')}\``, type: m.type });
  }
  if (mismatches.length > 0) return;
  for (const v of constraintViolations(value, def, ctx.scope)) {
    ctx.report('LT2023', [...path, ...v.path], { what: v.path.length === 0 ? what : `value at \`${v.path.join('.')}\``, constraint: v.constraint });
  }
}
