// TOSCA Simple Profile §4 (intrinsic functions; 1.0 §4.3-§4.8; 1.3 §4.3.1 concat, §4.3.2 join, §4.3.3 token):
// every function call has the arguments its definition takes (LT2022: arity, token's string/separators/index, an
// index into a value that is not a list, join before 1.3; an argument may itself be a function call); get_input names a declared input (LT2013); get_property / get_attribute name
// an existing node template or SELF / HOST / SOURCE / TARGET (LT2012), and a property, attribute, capability or
// requirement of it (LT2014). HOST (§4.1) is searched along the HostedOn chain, and HOST where the node has no
// host is LT2021. Inputs no get_input uses are warnings (LT2015). Node types are checked for SELF and HOST too.
import type { RuleContext } from '../context.js';
import type { TypeEntry } from '../scope.js';
import { isYMap, own, type DataPath } from '../source.js';
import { helpFor } from '../suggest.js';
import { FUNCTIONS, isFunctionCall } from '../values.js';
import { VERSIONED_FUNCTIONS, versionOfLevel } from '../versions.js';
import { unknownTypeHelp } from './version.js';

/** Where a function call appears: the node template or node type SELF refers to. */
interface Site {
  readonly self: TypeEntry | undefined;
  /** The node template name; undefined inside a node type, '' outside node templates. */
  readonly template: string | undefined;
}

/** Checks every function call of the file. */
export function checkFunctions(ctx: RuleContext): void {
  const topo = own(ctx.root, 'topology_template');
  const inputs = own(topo, 'inputs');
  const nodes = own(topo, 'node_templates');
  const used = new Set<string>();
  // One mutable path for the whole walk; copied only where a call is found (most values hold none).
  const stack: (string | number)[] = [];
  // Only collections are walked into (leaves are most values: no call for them).
  const walk = (v: object, site: Site): void => {
    if (stack.length > 96) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x === null || typeof x !== 'object') continue;
        stack.push(i);
        walk(x, site);
        stack.pop();
      }
    } else if (!(v instanceof Date)) {
      const m = v as Record<string, unknown>;
      const keys = Object.keys(m);
      const fn = keys.length === 1 ? keys[0] : undefined;
      if (fn !== undefined && FUNCTIONS.has(fn)) call(ctx, fn, m[fn], [...stack, fn], site, nodes, isYMap(inputs) ? inputs : undefined, used);
      for (const k of keys) {
        const x = m[k];
        if (x === null || typeof x !== 'object') continue;
        stack.push(k);
        walk(x, site);
        stack.pop();
      }
    }
  };
  const visit = (v: unknown, path: DataPath, site: Site, _depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    stack.length = 0;
    stack.push(...path);
    walk(v, site);
  };
  const types = own(ctx.root, 'node_types');
  if (isYMap(types)) {
    for (const [n, d] of Object.entries(types)) {
      const site = { self: ctx.scope.lookup('node', n), template: undefined };
      for (const sec of ['interfaces', 'properties', 'attributes']) visit(own(d, sec), ['node_types', n, sec], site, 0);
    }
  }
  if (isYMap(nodes)) {
    for (const [n, t] of Object.entries(nodes)) {
      const type = own(t, 'type');
      visit(t, ['topology_template', 'node_templates', n], { self: typeof type === 'string' ? ctx.scope.lookup('node', type) : undefined, template: n }, 0);
    }
  }
  for (const sec of ['outputs', 'relationship_templates', 'groups', 'policies', 'substitution_mappings']) {
    visit(own(topo, sec), ['topology_template', sec], { self: undefined, template: '' }, 0);
  }
  if (isYMap(inputs)) {
    for (const name of Object.keys(inputs)) {
      if (!used.has(name)) ctx.report('LT2015', ['topology_template', 'inputs', name], { name }, { key: true, help: 'remove the input or use it with `{ get_input: ' + name + ' }`' });
    }
  }
}

function call(ctx: RuleContext, fn: string, arg: unknown, path: DataPath, site: Site, nodes: unknown, inputs: Record<string, unknown> | undefined, used: Set<string>): void {
  const bad = (problem: string, p: DataPath = path, help?: string) => ctx.report('LT2022', p, { fn, problem }, help ? { help } : {});
  const since = VERSIONED_FUNCTIONS.get(fn);
  if (since !== undefined && ctx.scope.version.level < since) {
    bad(`is a ${versionOfLevel(since)} function; this file declares \`${ctx.scope.version.id}\``, path, `declare \`tosca_definitions_version: ${versionOfLevel(since)}\`, or use \`concat\``);
    return;
  }
  const list = Array.isArray(arg) ? arg : undefined;
  switch (fn) {
    case 'get_input':
      if (site.template === undefined) return; // inputs of a node type's operations: not topology inputs
      if (typeof arg === 'string' || (list && typeof list[0] === 'string')) getInput(ctx, arg, path, inputs, used);
      else bad('takes an input name (or, from 1.3, a list: the name and indexes)');
      return;
    case 'get_property':
    case 'get_attribute':
      if (!list || list.length < 2 || typeof list[0] !== 'string') bad('takes a list: a node template (or SELF, HOST, SOURCE, TARGET), an optional capability or requirement, a name, then nested names or indexes');
      else getProp(ctx, fn, list, path, site, nodes);
      return;
    case 'get_operation_output':
      if (!list || list.length !== 4 || !list.every((x) => typeof x === 'string')) bad('takes four names: node, interface, operation, output variable');
      return;
    case 'get_nodes_of_type':
      if (typeof arg !== 'string') bad('takes one node type name');
      else if (!ctx.scope.lookup('node', arg) && !ctx.scope.incomplete) ctx.report('LT2005', path, { kind: 'node', name: arg }, unknownTypeHelp(ctx, 'node', arg, ctx.scope.names('node')));
      return;
    case 'get_artifact':
      if (!list || list.length < 2 || list.length > 4 || typeof list[0] !== 'string' || typeof list[1] !== 'string') bad('takes a node (or SELF, HOST, SOURCE, TARGET), an artifact name, an optional location and an optional remove flag');
      return;
    case 'concat':
      if (!list || list.length < 1) bad('takes a list of one or more values to join');
      return;
    case 'join':
      // 1.3 §4.3.2: [ <list of string value expressions>, <delimiter>? ]; the list may come from a function
      // (`join: [ { get_input: my_IPs }, "," ]` is the spec's own example).
      if (!list || list.length < 1 || list.length > 2) bad('takes a list of values and an optional delimiter string: `join: [ [a, b], "," ]`');
      else if (!(Array.isArray(list[0]) && list[0].length > 0) && !isFunctionCall(list[0])) bad('takes a non-empty list of values (or a function returning one) as its first argument', [...path, 0]);
      else if (list.length === 2 && typeof list[1] !== 'string' && !isFunctionCall(list[1])) bad('takes a delimiter string as its second argument', [...path, 1]);
      return;
    case 'token':
      // 1.3 §4.3.3 (in every version): [ <string_with_tokens>, <string_of_token_chars>, <substring_index> ], index from 0.
      if (!list || list.length !== 3) bad('takes three arguments: a string, a string of separator characters and an index');
      else if (!isFunctionCall(list[1]) && (typeof list[1] !== 'string' || list[1].length === 0)) bad('takes a non-empty string of separator characters as its second argument', [...path, 1]);
      else if (!(typeof list[2] === 'number' && Number.isInteger(list[2]) && list[2] >= 0) && !isFunctionCall(list[2])) bad('takes a non-negative integer index as its third argument', [...path, 2]);
      return;
    default:
      return;
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

/** The node templates of the HostedOn chain of `template`, nearest first; undefined when it has no host. */
function hostChain(ctx: RuleContext, nodes: Record<string, unknown>, template: string): { chain: string[]; open: boolean } | undefined {
  const chain: string[] = [];
  let cur = template;
  for (let i = 0; i < 32; i++) {
    const target = hostTarget(nodes[cur]);
    if (target === undefined || !Object.prototype.hasOwnProperty.call(nodes, target) || chain.includes(target)) {
      // No host assigned: an abstract `host` requirement of the type is fulfilled by the orchestrator.
      const entry = typeOfTemplate(ctx, nodes, cur);
      const open = target !== undefined || !entry || ctx.scope.broken(entry) || ctx.scope.requirements(entry).has('host');
      if (chain.length > 0 || open) return { chain, open };
      return undefined;
    }
    chain.push(target);
    cur = target;
  }
  return { chain, open: true };
}

function hostTarget(t: unknown): string | undefined {
  const reqs = own(t, 'requirements');
  if (!Array.isArray(reqs)) return undefined;
  for (const r of reqs) {
    const h = own(r, 'host');
    const target = typeof h === 'string' ? h : own(h, 'node');
    if (typeof target === 'string') return target;
  }
  return undefined;
}

function typeOfTemplate(ctx: RuleContext, nodes: Record<string, unknown>, name: string): TypeEntry | undefined {
  const t = own(nodes[name], 'type');
  return typeof t === 'string' ? ctx.scope.lookup('node', t) : undefined;
}

function getProp(ctx: RuleContext, fn: string, args: unknown[], path: DataPath, site: Site, nodes: unknown): void {
  const [node, name] = args;
  if (typeof node !== 'string' || typeof name !== 'string') return;
  let candidates: TypeEntry[] = [];
  if (node === 'SELF') candidates = site.self ? [site.self] : [];
  else if (node === 'SOURCE' || node === 'TARGET') return;
  else if (node === 'HOST') {
    if (site.template === undefined) {
      // In a node type: the type must be one that is hosted at all.
      if (site.self && !ctx.scope.broken(site.self) && !ctx.scope.incomplete && !ctx.scope.requirements(site.self).has('host')) {
        ctx.report('LT2021', [...path, 0], { fn, template: site.self.name }, { help: 'add a `host` requirement to the type, or name the node' });
      }
      return;
    }
    if (site.template === '' || !isYMap(nodes)) return;
    const hc = hostChain(ctx, nodes, site.template);
    if (!hc) {
      if (!ctx.scope.incomplete) ctx.report('LT2021', [...path, 0], { fn, template: site.template }, { help: `add \`requirements: [ { host: NODE } ]\` to \`${site.template}\`, or name the node` });
      return;
    }
    // An abstract host, or a chain that leaves the topology, is decided at deployment: nothing to check.
    if (hc.open || hc.chain.length === 0) return;
    candidates = hc.chain.map((n) => typeOfTemplate(ctx, nodes, n)).filter((e): e is TypeEntry => e !== undefined);
    if (candidates.length !== hc.chain.length) return;
  } else {
    if (!isYMap(nodes) || !Object.prototype.hasOwnProperty.call(nodes, node)) {
      ctx.report('LT2012', [...path, 0], { name: node }, helpFor(node, isYMap(nodes) ? Object.keys(nodes) : []));
      return;
    }
    const e = typeOfTemplate(ctx, nodes, node);
    candidates = e ? [e] : [];
  }
  const known = candidates.filter((e) => !ctx.scope.broken(e));
  if (known.length === 0 || known.length !== candidates.length || ctx.scope.incomplete) return;
  const results = known.map((e) => lookupName(ctx, fn, e, args));
  const hit = results.find((r) => r.kind !== 'missing');
  if (hit) {
    if (hit.kind === 'found') checkIndexes(ctx, fn, args, hit.rest, hit.def, path);
    return;
  }
  const first = results[0];
  const entry = known[0];
  if (!first || !entry || first.kind !== 'missing') return;
  ctx.report('LT2014', [...path, first.at], { fn, name: String(args[first.at]), node: first.owner }, {
    ...helpFor(String(args[first.at]), first.candidates),
    ...(node === 'HOST' && known.length > 1 ? { notes: [`searched the HostedOn chain: ${known.map((e) => `\`${e.name}\``).join(' → ')}`] } : {}),
  });
}

type Lookup =
  | { kind: 'found'; def: unknown; rest: number }
  | { kind: 'opaque' }
  | { kind: 'missing'; at: number; owner: string; candidates: string[] };

/** Finds `args[1]` (and a capability's property `args[2]`) on node type `entry`. */
function lookupName(ctx: RuleContext, fn: string, entry: TypeEntry, args: unknown[]): Lookup {
  const name = String(args[1]);
  const sub = args[2];
  const props = ctx.scope.merged(entry, 'properties');
  const attrs = fn === 'get_attribute' ? ctx.scope.merged(entry, 'attributes') : new Map<string, unknown>();
  const direct = attrs.get(name) ?? props.get(name);
  if (direct !== undefined) return { kind: 'found', def: direct, rest: 2 };
  const caps = ctx.scope.merged(entry, 'capabilities');
  const cap = caps.get(name);
  if (cap !== undefined && typeof sub === 'string') {
    const ctype = typeof cap === 'string' ? cap : own(cap, 'type');
    const centry = typeof ctype === 'string' ? ctx.scope.lookup('capability', ctype) : undefined;
    if (!centry || ctx.scope.broken(centry)) return { kind: 'opaque' };
    const cprops = new Map(ctx.scope.merged(centry, 'properties'));
    const local = own(cap, 'properties');
    if (isYMap(local)) for (const [k, v] of Object.entries(local)) cprops.set(k, v);
    const cattrs = fn === 'get_attribute' ? ctx.scope.merged(centry, 'attributes') : new Map<string, unknown>();
    const d = cattrs.get(sub) ?? cprops.get(sub);
    if (d !== undefined) return { kind: 'found', def: d, rest: 3 };
    return { kind: 'missing', at: 2, owner: centry.name, candidates: [...cprops.keys(), ...cattrs.keys()] };
  }
  if (cap !== undefined || ctx.scope.requirements(entry).has(name)) return { kind: 'opaque' };
  return { kind: 'missing', at: 1, owner: entry.name, candidates: [...props.keys(), ...attrs.keys(), ...caps.keys()] };
}

/** Nested names and indexes after the property (tosca-parser GetAttribute.validate): each fits the value's type. */
function checkIndexes(ctx: RuleContext, fn: string, args: unknown[], from: number, def: unknown, path: DataPath): void {
  let cur: unknown = def;
  for (let i = from; i < args.length; i++) {
    const type = own(cur, 'type');
    const elem = args[i];
    if (typeof type !== 'string') return;
    if (type === 'list') {
      if (!(typeof elem === 'number' && Number.isInteger(elem) && elem >= 0)) {
        ctx.report('LT2022', [...path, i], { fn, problem: `indexes a list with ${JSON.stringify(elem)}; a list takes a non-negative integer index` });
        return;
      }
      cur = entryDef(own(cur, 'entry_schema'));
    } else if (type === 'map') {
      cur = entryDef(own(cur, 'entry_schema'));
    } else {
      const dt = ctx.scope.lookup('data', type);
      if (!dt || typeof elem !== 'string') {
        if (dt && ctx.scope.broken(dt)) return;
        ctx.report('LT2022', [...path, i], { fn, problem: `goes into ${JSON.stringify(elem)}, but the value there is a \`${type}\`, which has no ${typeof elem === 'number' ? 'indexes' : 'nested names'}` });
        return;
      }
      if (ctx.scope.broken(dt)) return;
      const props = ctx.scope.merged(dt, 'properties');
      const next = props.get(elem);
      if (next === undefined) {
        if (ctx.scope.ancestors(dt).some((e) => typeof own(e.def, 'derived_from') === 'string' && /^(string|integer|float|boolean|list|map)$/.test(String(own(e.def, 'derived_from'))))) return;
        ctx.report('LT2014', [...path, i], { fn, name: elem, node: dt.name }, helpFor(elem, props.keys()));
        return;
      }
      cur = next;
    }
    if (cur === undefined) return;
  }
}

function entryDef(es: unknown): unknown {
  return typeof es === 'string' ? { type: es } : es;
}
