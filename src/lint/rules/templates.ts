// TOSCA Simple Profile 1.0 §3.7.3 (node templates), §3.7.2 (requirement assignments), §3.8 (topology
// template outputs): node types exist (LT2005), properties exist on the type (LT2009) and required ones are
// set directly or through defaults (LT2010), requirement names exist (LT2011) and targets exist (LT2012),
// capability names exist (LT2020), property values fit their types (LT2004) and constraints (LT2023), outputs
// have a value (LT2019). A template of a type with a broken hierarchy gets only the LT2001 at the cause.
import type { RuleContext } from '../context.js';
import { isYMap, own } from '../source.js';
import { helpFor } from '../suggest.js';
import { checkAssignments } from './properties.js';
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
      // A type whose hierarchy is broken (LT2001 at its derived_from) is not checked any further here.
      if (!entry || ctx.scope.broken(entry)) continue;
      checkAssignments(ctx, ctx.scope.merged(entry, 'properties'), own(t, 'properties'), [...base, 'properties'], { type, template: tname, typePath: [...base, 'type'] }, true);
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
  if (!centry || ctx.scope.broken(centry)) return;
  const props = new Map(ctx.scope.merged(centry, 'properties'));
  const local = own(cdef, 'properties');
  if (isYMap(local)) for (const [k, v] of Object.entries(local)) props.set(k, v);
  checkAssignments(ctx, props, given, path, { type: centry.name, template: '', typePath: path }, false);
}
