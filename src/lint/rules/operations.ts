// TOSCA Simple Profile 1.0 §3.5.14 (interface definitions), §3.6.4 (interface types), §3.7.3 (node templates):
// the operations assigned in an interface of a node template, or of a relationship template or a requirement's
// relationship, are operations of that interface's type (LT2024 unknown-operation). The type is the one the
// assignment names or the one the node type's interface definition names (Standard: create, configure, start,
// stop, delete). Node type definitions may add operations (tosca-parser accepts them), so they are not checked.
// From 1.3 operations may also sit under an `operations:` map, in interface types, interface
// definitions and assignments alike; both forms are read in every version.
import type { RuleContext } from '../context.js';
import type { TypeEntry } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { helpFor } from '../suggest.js';

/** Keys of an interface assignment that are not operations. */
const NOT_OPERATIONS = new Set(['type', 'inputs', 'description', 'notifications', 'operations']);

/** Operation names of interface type `entry` and its parents. */
export function operationsOf(ctx: RuleContext, entry: TypeEntry): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.scope.ancestors(entry)) {
    for (const k of Object.keys(e.def)) {
      const v = e.def[k];
      if (k === 'operations' && isYMap(v)) for (const op of Object.keys(v)) out.add(op);
      else if (!['derived_from', 'version', 'metadata', 'description', 'inputs', 'notifications', 'operations'].includes(k)) out.add(k);
    }
  }
  return out;
}

/** Checks interface assignments of node templates and relationship templates. */
export function checkInterfaceOperations(ctx: RuleContext): void {
  const topo = own(ctx.root, 'topology_template');
  const nodes = own(topo, 'node_templates');
  if (isYMap(nodes)) {
    for (const [n, t] of Object.entries(nodes)) {
      const type = own(t, 'type');
      const entry = typeof type === 'string' ? ctx.scope.lookup('node', type) : undefined;
      const defs = entry && !ctx.scope.broken(entry) ? ctx.scope.merged(entry, 'interfaces') : new Map<string, unknown>();
      assignments(ctx, own(t, 'interfaces'), ['topology_template', 'node_templates', n, 'interfaces'], defs);
    }
  }
  const rels = own(topo, 'relationship_templates');
  if (isYMap(rels)) {
    for (const [n, t] of Object.entries(rels)) {
      const type = own(t, 'type');
      const entry = typeof type === 'string' ? ctx.scope.lookup('relationship', type) : undefined;
      const defs = entry && !ctx.scope.broken(entry) ? ctx.scope.merged(entry, 'interfaces') : new Map<string, unknown>();
      assignments(ctx, own(t, 'interfaces'), ['topology_template', 'relationship_templates', n, 'interfaces'], defs);
    }
  }
}

function assignments(ctx: RuleContext, ifaces: unknown, path: DataPath, defs: ReadonlyMap<string, unknown>): void {
  if (!isYMap(ifaces)) return;
  for (const [iname, assigned] of Object.entries(ifaces)) {
    if (!isYMap(assigned)) continue;
    const itype = own(assigned, 'type') ?? own(defs.get(iname), 'type') ?? (iname === 'Standard' ? 'tosca.interfaces.node.lifecycle.Standard' : undefined);
    if (typeof itype !== 'string') continue;
    const ientry = ctx.scope.lookup('interface', itype);
    if (!ientry || ctx.scope.broken(ientry) || ctx.scope.incomplete) continue;
    const ops = operationsOf(ctx, ientry);
    // Operations the node type's own interface definition adds are allowed too.
    const extra = defs.get(iname);
    if (isYMap(extra)) {
      for (const k of Object.keys(extra)) if (!NOT_OPERATIONS.has(k)) ops.add(k);
      const listed = own(extra, 'operations');
      if (isYMap(listed)) for (const k of Object.keys(listed)) ops.add(k);
    }
    const check = (names: Iterable<string>, at: DataPath) => {
      for (const op of names) {
        if (ops.has(op)) continue;
        ctx.report('LT2024', [...at, op], { name: op, iface: ientry.name }, { key: true, ...helpFor(op, ops) });
      }
    };
    check(Object.keys(assigned).filter((op) => !NOT_OPERATIONS.has(op)), [...path, iname]);
    const listed = own(assigned, 'operations');
    if (isYMap(listed)) check(Object.keys(listed), [...path, iname, 'operations']);
  }
}
