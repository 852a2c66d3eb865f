// TOSCA Simple Profile 1.0 §3.7.3 (node templates), §3.7.2 (requirement assignments), §3.8 (topology
// template outputs): node types exist (LT2005), properties exist on the type (LT2009) and required ones are
// set directly or through defaults (LT2010), requirement names exist (LT2011) and targets exist (LT2012),
// capability names exist (LT2020), property values fit their types (LT2004), outputs have a value (LT2019).
import type { RuleContext } from '../context.js';
import { isYMap, own } from '../source.js';
import { helpFor } from '../suggest.js';
import { checkValue } from '../values.js';
import { checkTypeRef } from './type-refs.js';

/** Checks the node templates and outputs of the topology_template. */
export function checkTemplates(ctx: RuleContext): void {
  const topo = own(ctx.root, 'topology_template');
  const nodes = own(topo, 'node_templates');
  const names = isYMap(nodes) ? Object.keys(nodes) : [];
  if (isYMap(nodes)) {
    for (const [tname, t] of Object.entries(nodes)) {
      const base = ['topology_template', 'node_templates', tname];
      const type = own(t, 'type');
      if (typeof type !== 'string') continue;
      checkTypeRef(ctx, 'node', type, [...base, 'type']);
      const entry = ctx.scope.lookup('node', type);
      if (!entry) continue;
      const props = ctx.scope.merged(entry, 'properties');
      const given = own(t, 'properties');
      if (isYMap(given)) {
        for (const [pn, pv] of Object.entries(given)) {
          const def = props.get(pn);
          if (def === undefined) {
            if (!ctx.scope.incomplete) ctx.report('LT2009', [...base, 'properties', pn], { name: pn, type }, { key: true, ...helpFor(pn, props.keys()) });
            continue;
          }
          const pt = own(def, 'type');
          if (typeof pt === 'string') {
            for (const m of checkValue(pv, pt, own(def, 'entry_schema'), ctx.scope)) {
              ctx.report('LT2004', [...base, 'properties', pn, ...m.path], { what: `value of \`${[pn, ...m.path].join('.')}\``, type: m.type });
            }
          }
        }
      }
      for (const [pn, def] of props) {
        const required = own(def, 'required') !== false;
        const hasDefault = own(def, 'default') !== undefined && own(def, 'default') !== null;
        if (required && !hasDefault && !(isYMap(given) && Object.prototype.hasOwnProperty.call(given, pn))) {
          ctx.report('LT2010', [...base, 'type'], { name: pn, template: tname }, { label: `\`${type}\` requires \`${pn}\``, help: `add \`${pn}:\` under \`properties\`` });
        }
      }
      const reqDefs = ctx.scope.requirements(entry);
      const reqs = own(t, 'requirements');
      if (Array.isArray(reqs)) {
        reqs.forEach((r, i) => {
          if (!isYMap(r)) return;
          for (const [rn, rv] of Object.entries(r)) {
            const p = [...base, 'requirements', i, rn];
            if (!reqDefs.has(rn) && !ctx.scope.incomplete) ctx.report('LT2011', p, { name: rn, type }, { key: true, ...helpFor(rn, reqDefs.keys()) });
            const target = typeof rv === 'string' ? rv : own(rv, 'node');
            const tp = typeof rv === 'string' ? p : [...p, 'node'];
            // A requirement's node may be a node template or (for abstract requirements) a node type.
            if (typeof target === 'string' && !names.includes(target) && !ctx.scope.lookup('node', target)) {
              ctx.report('LT2012', tp, { name: target }, helpFor(target, names));
            }
          }
        });
      }
      const caps = own(t, 'capabilities');
      if (isYMap(caps)) {
        const capDefs = ctx.scope.merged(entry, 'capabilities');
        for (const [cn, cv] of Object.entries(caps)) {
          const p = [...base, 'capabilities', cn];
          const cdef = capDefs.get(cn);
          if (cdef === undefined) {
            if (!ctx.scope.incomplete) ctx.report('LT2020', p, { name: cn, type }, { key: true, ...helpFor(cn, capDefs.keys()) });
            continue;
          }
          capabilityProperties(ctx, cdef, own(cv, 'properties'), [...p, 'properties']);
        }
      }
    }
  }
  const outputs = own(topo, 'outputs');
  if (isYMap(outputs)) {
    for (const [on, ov] of Object.entries(outputs)) {
      if (!isYMap(ov) || !Object.prototype.hasOwnProperty.call(ov, 'value')) {
        ctx.report('LT2019', ['topology_template', 'outputs', on], { name: on }, { key: true, help: 'add `value:` with a literal or a function such as `{ get_attribute: [ NODE, public_address ] }`' });
      }
    }
  }
}

/** Capability assignment properties: each exists on the capability type (or the definition) and fits its type. */
function capabilityProperties(ctx: RuleContext, cdef: unknown, given: unknown, path: (string | number)[]): void {
  if (!isYMap(given)) return;
  const ctype = typeof cdef === 'string' ? cdef : own(cdef, 'type');
  const centry = typeof ctype === 'string' ? ctx.scope.lookup('capability', ctype) : undefined;
  if (!centry) return;
  const props = ctx.scope.merged(centry, 'properties');
  const local = own(cdef, 'properties');
  if (isYMap(local)) for (const [k, v] of Object.entries(local)) props.set(k, v);
  for (const [pn, pv] of Object.entries(given)) {
    const def = props.get(pn);
    if (def === undefined) {
      if (!ctx.scope.incomplete) ctx.report('LT2009', [...path, pn], { name: pn, type: centry.name }, { key: true, ...helpFor(pn, props.keys()) });
      continue;
    }
    const pt = own(def, 'type');
    if (typeof pt === 'string') {
      for (const m of checkValue(pv, pt, own(def, 'entry_schema'), ctx.scope)) {
        ctx.report('LT2004', [...path, pn, ...m.path], { what: `value of \`${[pn, ...m.path].join('.')}\``, type: m.type });
      }
    }
  }
}
