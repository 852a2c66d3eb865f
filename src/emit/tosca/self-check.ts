// Self-check of the emitted TOSCA object against node-types/ (via the generated TYPE_TABLES),
// run before the text is returned: every node template's type exists; every property exists on
// the type or an ancestor (TOSCA §3.6.9 derivation) and every required property without a
// default is set (§3.5.8); capability properties likewise on the capability type (§3.6.2);
// data-typed values (Credential, PortSpec maps) only use fields of their data type; requirements
// exist on the type and name an existing node template (§3.7.3); artifacts override an artifact
// of the type; every get_input names an input (§4.4.1); every get_attribute names an existing
// node (or HOST/SELF) and an attribute of its type (§4.5.1). Returns problems as strings.
import { TYPE_TABLES } from './node-types.generated.js';
import type { PropDef, TypeDef, TypeTables } from './type-tables.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The type and its ancestors, nearest first (unknown ancestors end the chain). */
function chain(table: Readonly<Record<string, TypeDef>>, name: string): TypeDef[] {
  const out: TypeDef[] = [];
  const seen = new Set<string>();
  let cur: string | null = name;
  while (cur !== null && !seen.has(cur)) {
    seen.add(cur);
    const t: TypeDef | undefined = table[cur];
    if (!t) break;
    out.push(t);
    cur = t.derivedFrom;
  }
  return out;
}

/** Merged properties: a child's definition overrides its parent's. */
function mergedProps(table: Readonly<Record<string, TypeDef>>, name: string): Record<string, PropDef> {
  const out: Record<string, PropDef> = {};
  for (const t of chain(table, name).reverse()) Object.assign(out, t.properties);
  return out;
}

function merged<K extends 'capabilities' | 'requirements'>(table: Readonly<Record<string, TypeDef>>, name: string, key: K): TypeDef[K] {
  const out: Record<string, unknown> = {};
  for (const t of chain(table, name).reverse()) Object.assign(out, t[key]);
  return out as TypeDef[K];
}

function namesOf(table: Readonly<Record<string, TypeDef>>, name: string, key: 'attributes' | 'artifacts'): Set<string> {
  return new Set(chain(table, name).flatMap((t) => t[key]));
}

const FUNCTIONS = new Set(['get_input', 'get_attribute', 'get_property', 'concat', 'token', 'get_operation_output', 'get_nodes_of_type', 'get_artifact']);

function isFunction(v: unknown): boolean {
  return isObj(v) && Object.keys(v).length === 1 && FUNCTIONS.has(Object.keys(v)[0] ?? '');
}

/** Checks `doc` (the object the emitter built); returns the problems found, empty when valid. */
export function selfCheck(doc: unknown, tables: TypeTables = TYPE_TABLES): string[] {
  const problems: string[] = [];
  const tt = isObj(doc) && isObj(doc['topology_template']) ? doc['topology_template'] : {};
  const inputs = isObj(tt['inputs']) ? tt['inputs'] : {};
  const nodes = isObj(tt['node_templates']) ? tt['node_templates'] : {};

  const hostOf = (node: string): string | undefined => {
    const n = nodes[node];
    const reqs = isObj(n) && Array.isArray(n['requirements']) ? n['requirements'] : [];
    for (const r of reqs) if (isObj(r) && typeof r['host'] === 'string') return r['host'];
    return undefined;
  };

  // Intrinsic functions anywhere in a value (§4).
  const walkFunctions = (v: unknown, where: string, self: string | undefined): void => {
    if (Array.isArray(v)) return v.forEach((x) => walkFunctions(x, where, self));
    if (!isObj(v)) return;
    if ('get_input' in v) {
      const name = v['get_input'];
      if (typeof name !== 'string' || !(name in inputs)) problems.push(`${where}: get_input names no input (${String(name)})`);
    }
    if ('get_attribute' in v) {
      const args = v['get_attribute'];
      if (!Array.isArray(args) || args.length < 2) problems.push(`${where}: malformed get_attribute`);
      else {
        const [entity, attr] = args as unknown[];
        const target = entity === 'SELF' ? self : entity === 'HOST' ? (self ? hostOf(self) : undefined) : String(entity);
        const tn = target !== undefined ? nodes[target] : undefined;
        if (!isObj(tn) || typeof tn['type'] !== 'string') problems.push(`${where}: get_attribute names no node template (${String(entity)})`);
        else if (!namesOf(tables.nodeTypes, tn['type'], 'attributes').has(String(attr))) {
          problems.push(`${where}: node ${target} (${tn['type']}) has no attribute ${String(attr)}`);
        }
      }
    }
    for (const [k, x] of Object.entries(v)) walkFunctions(x, `${where}.${k}`, self);
  };

  // Properties against definitions; data-typed values field by field (§3.5.8, §3.6.6).
  const checkValue = (def: PropDef, value: unknown, where: string): void => {
    if (isFunction(value)) return;
    const dataType = tables.dataTypes[def.type] ? def.type : undefined;
    if (dataType && isObj(value)) return checkProps(tables.dataTypes, dataType, value, where);
    if ((def.type === 'map' || def.type === 'list') && def.entry && tables.dataTypes[def.entry]) {
      const entries = def.type === 'map' && isObj(value) ? Object.entries(value) : Array.isArray(value) ? value.map((x, i) => [String(i), x] as const) : [];
      for (const [k, x] of entries) if (isObj(x)) checkProps(tables.dataTypes, def.entry, x, `${where}.${k}`);
    }
  };
  const checkProps = (table: Readonly<Record<string, TypeDef>>, type: string, values: Obj, where: string): void => {
    const defs = mergedProps(table, type);
    for (const [k, v] of Object.entries(values)) {
      const def = defs[k];
      if (!def) problems.push(`${where}: ${type} has no property ${k}`);
      else checkValue(def, v, `${where}.${k}`);
    }
    for (const [k, d] of Object.entries(defs)) {
      if (d.required && !d.hasDefault && !(k in values)) problems.push(`${where}: required property ${k} of ${type} is not set`);
    }
  };

  for (const [name, n] of Object.entries(nodes)) {
    const where = `node_templates.${name}`;
    if (!isObj(n) || typeof n['type'] !== 'string' || !tables.nodeTypes[n['type']]) {
      problems.push(`${where}: unknown node type ${isObj(n) ? String(n['type']) : ''}`);
      continue;
    }
    const type = n['type'];
    checkProps(tables.nodeTypes, type, isObj(n['properties']) ? n['properties'] : {}, `${where}.properties`);
    const caps = merged(tables.nodeTypes, type, 'capabilities');
    for (const [c, cv] of Object.entries(isObj(n['capabilities']) ? n['capabilities'] : {})) {
      const ct = caps[c];
      if (!ct) problems.push(`${where}: ${type} has no capability ${c}`);
      else if (!tables.capabilityTypes[ct]) problems.push(`${where}: unknown capability type ${ct}`);
      else checkProps(tables.capabilityTypes, ct, isObj(cv) && isObj(cv['properties']) ? cv['properties'] : {}, `${where}.capabilities.${c}`);
    }
    const reqDefs = merged(tables.nodeTypes, type, 'requirements');
    for (const r of Array.isArray(n['requirements']) ? n['requirements'] : []) {
      for (const [rn, target] of Object.entries(isObj(r) ? r : {})) {
        if (!reqDefs[rn]) problems.push(`${where}: ${type} has no requirement ${rn}`);
        const tn = typeof target === 'string' ? target : isObj(target) ? target['node'] : undefined;
        if (typeof tn !== 'string' || !isObj(nodes[tn])) problems.push(`${where}: requirement ${rn} targets no node template (${String(tn)})`);
      }
    }
    const arts = namesOf(tables.nodeTypes, type, 'artifacts');
    for (const [a, av] of Object.entries(isObj(n['artifacts']) ? n['artifacts'] : {})) {
      if (!arts.has(a)) problems.push(`${where}: ${type} has no artifact ${a} to override`);
      const at = isObj(av) ? av['type'] : undefined;
      if (typeof at !== 'string' || !tables.artifactTypes[at]) problems.push(`${where}.artifacts.${a}: unknown artifact type ${String(at)}`);
    }
    walkFunctions(n, where, name);
  }
  const outputs = isObj(tt['outputs']) ? tt['outputs'] : {};
  for (const [o, ov] of Object.entries(outputs)) walkFunctions(ov, `outputs.${o}`, undefined);
  return problems;
}
