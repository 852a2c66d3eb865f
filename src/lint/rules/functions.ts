// TOSCA Simple Profile 1.0 §4.4.1 get_input, §4.4.2 get_property, §4.5.1 get_attribute: get_input names a
// declared input (LT2013), get_property / get_attribute name an existing node template or SELF / HOST /
// SOURCE / TARGET (LT2012) and a property, attribute, capability or requirement of its type (LT2014);
// inputs no get_input uses are warnings (LT2015). Also checks get_property/get_attribute SELF in node types.
import type { RuleContext } from '../context.js';
import type { TypeEntry } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { helpFor } from '../suggest.js';

/** Where a function call appears: the node template or node type SELF refers to. */
interface Site {
  readonly self: TypeEntry | undefined;
  readonly template: string | undefined;
}

/** Checks every function call of the file. */
export function checkFunctions(ctx: RuleContext): void {
  const topo = own(ctx.root, 'topology_template');
  const inputs = own(topo, 'inputs');
  const nodes = own(topo, 'node_templates');
  const used = new Set<string>();
  const visit = (v: unknown, path: DataPath, site: Site, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i], site, depth + 1));
    else if (isYMap(v)) {
      const keys = Object.keys(v);
      const fn = keys.length === 1 ? keys[0] : undefined;
      if (fn === 'get_input' && site.template !== undefined) getInput(ctx, v[fn], [...path, fn], isYMap(inputs) ? inputs : undefined, used);
      else if ((fn === 'get_property' || fn === 'get_attribute') && Array.isArray(v[fn])) getProp(ctx, fn, v[fn] as unknown[], [...path, fn], site, nodes);
      for (const k of keys) visit(v[k], [...path, k], site, depth + 1);
    }
  };
  const types = own(ctx.root, 'node_types');
  if (isYMap(types)) {
    for (const [n, d] of Object.entries(types)) {
      visit(own(d, 'interfaces'), ['node_types', n, 'interfaces'], { self: ctx.scope.lookup('node', n), template: undefined }, 0);
      visit(own(d, 'properties'), ['node_types', n, 'properties'], { self: ctx.scope.lookup('node', n), template: undefined }, 0);
    }
  }
  if (isYMap(nodes)) {
    for (const [n, t] of Object.entries(nodes)) {
      const type = own(t, 'type');
      visit(t, ['topology_template', 'node_templates', n], { self: typeof type === 'string' ? ctx.scope.lookup('node', type) : undefined, template: n }, 0);
    }
  }
  visit(own(topo, 'outputs'), ['topology_template', 'outputs'], { self: undefined, template: '' }, 0);
  visit(own(topo, 'relationship_templates'), ['topology_template', 'relationship_templates'], { self: undefined, template: '' }, 0);
  visit(own(topo, 'groups'), ['topology_template', 'groups'], { self: undefined, template: '' }, 0);
  visit(own(topo, 'policies'), ['topology_template', 'policies'], { self: undefined, template: '' }, 0);
  if (isYMap(inputs)) {
    for (const name of Object.keys(inputs)) {
      if (!used.has(name)) ctx.report('LT2015', ['topology_template', 'inputs', name], { name }, { key: true, help: 'remove the input or use it with `{ get_input: ' + name + ' }`' });
    }
  }
}

function getInput(ctx: RuleContext, arg: unknown, path: DataPath, inputs: Record<string, unknown> | undefined, used: Set<string>): void {
  const name = Array.isArray(arg) ? arg[0] : arg;
  const p = Array.isArray(arg) ? [...path, 0] : path;
  if (typeof name !== 'string') return;
  used.add(name);
  if (!inputs || !Object.prototype.hasOwnProperty.call(inputs, name)) {
    ctx.report('LT2013', p, { name }, helpFor(name, inputs ? Object.keys(inputs) : []));
  }
}

function getProp(ctx: RuleContext, fn: string, args: unknown[], path: DataPath, site: Site, nodes: unknown): void {
  const [node, name, sub] = args;
  if (typeof node !== 'string' || typeof name !== 'string') return;
  let entry: TypeEntry | undefined;
  if (node === 'SELF') entry = site.self;
  else if (node === 'SOURCE' || node === 'TARGET') return;
  else if (node === 'HOST') {
    if (site.template === undefined || !isYMap(nodes)) return;
    entry = hostOf(ctx, nodes, site.template);
  } else {
    if (!isYMap(nodes) || !Object.prototype.hasOwnProperty.call(nodes, node)) {
      ctx.report('LT2012', [...path, 0], { name: node }, helpFor(node, isYMap(nodes) ? Object.keys(nodes) : []));
      return;
    }
    const t = own(nodes[node], 'type');
    entry = typeof t === 'string' ? ctx.scope.lookup('node', t) : undefined;
  }
  if (!entry || ctx.scope.incomplete) return;
  const props = ctx.scope.merged(entry, 'properties');
  const attrs = fn === 'get_attribute' ? ctx.scope.merged(entry, 'attributes') : new Map<string, unknown>();
  if (props.has(name) || attrs.has(name)) return;
  const caps = ctx.scope.merged(entry, 'capabilities');
  const cap = caps.get(name);
  if (cap !== undefined && typeof sub === 'string') {
    const ctype = typeof cap === 'string' ? cap : own(cap, 'type');
    const centry = typeof ctype === 'string' ? ctx.scope.lookup('capability', ctype) : undefined;
    if (!centry) return;
    const cprops = ctx.scope.merged(centry, 'properties');
    const cattrs = fn === 'get_attribute' ? ctx.scope.merged(centry, 'attributes') : new Map<string, unknown>();
    if (!cprops.has(sub) && !cattrs.has(sub)) ctx.report('LT2014', [...path, 2], { fn, name: sub, node: centry.name }, helpFor(sub, [...cprops.keys(), ...cattrs.keys()]));
    return;
  }
  if (cap !== undefined || ctx.scope.requirements(entry).has(name)) return;
  ctx.report('LT2014', [...path, 1], { fn, name, node: entry.name }, helpFor(name, [...props.keys(), ...attrs.keys(), ...caps.keys()]));
}

/** The type of the node template that `template`'s `host` requirement points to. */
function hostOf(ctx: RuleContext, nodes: Record<string, unknown>, template: string): TypeEntry | undefined {
  const reqs = own(nodes[template], 'requirements');
  if (!Array.isArray(reqs)) return undefined;
  for (const r of reqs) {
    const h = own(r, 'host');
    const target = typeof h === 'string' ? h : own(h, 'node');
    if (typeof target === 'string' && Object.prototype.hasOwnProperty.call(nodes, target)) {
      const t = own(nodes[target], 'type');
      return typeof t === 'string' ? ctx.scope.lookup('node', t) : undefined;
    }
  }
  return undefined;
}
