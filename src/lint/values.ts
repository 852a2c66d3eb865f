// Lint value checks: does a YAML value fit a TOSCA type? TOSCA Simple Profile 1.0 §3.2 (primitive and
// special types: scalar-unit, version, range, list/map with entry_schema) and §3.6.6 (data types).
// Function calls (§4: get_input, get_property, concat, ...) are accepted everywhere: their value is known
// only at deployment. Returns a list of mismatches with their relative paths; never throws.
import type { Scope } from './scope.js';
import { isYMap, own } from './source.js';

/** Primitive and special TOSCA 1.0 type names (plus tosca-parser's `number` and `any`). */
export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  'string', 'integer', 'float', 'boolean', 'timestamp', 'null', 'version', 'range', 'list', 'map',
  'scalar-unit.size', 'scalar-unit.time', 'scalar-unit.frequency', 'number', 'any',
]);

/** TOSCA intrinsic function names (§4). */
export const FUNCTIONS: ReadonlySet<string> = new Set([
  'get_input', 'get_property', 'get_attribute', 'get_operation_output', 'get_nodes_of_type', 'get_artifact', 'concat', 'token',
]);

/** True when `v` is a single-key map whose key is a TOSCA function. */
export function isFunctionCall(v: unknown): boolean {
  if (!isYMap(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && FUNCTIONS.has(keys[0] ?? '');
}

const SCALAR_UNITS: Readonly<Record<string, RegExp>> = {
  'scalar-unit.size': /^\s*[0-9]+(\.[0-9]+)?\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)\s*$/i,
  'scalar-unit.time': /^\s*[0-9]+(\.[0-9]+)?\s*(d|h|m|s|ms|us|ns)\s*$/i,
  'scalar-unit.frequency': /^\s*[0-9]+(\.[0-9]+)?\s*(hz|khz|mhz|ghz)\s*$/i,
};

/** One mismatch: where (relative to the checked value) and the type expected there. */
export interface Mismatch {
  readonly path: readonly (string | number)[];
  readonly type: string;
}

/** An entry_schema's type name (`string` or `{type}` form). */
export function entryType(entrySchema: unknown): string | undefined {
  if (typeof entrySchema === 'string') return entrySchema;
  const t = own(entrySchema, 'type');
  return typeof t === 'string' ? t : undefined;
}

/**
 * Checks `value` against TOSCA type `type` (with `entrySchema` for list/map). Unknown types are
 * accepted (reported elsewhere). `depth` bounds recursion through self-referencing data types.
 */
export function checkValue(value: unknown, type: string, entrySchema: unknown, scope: Scope, depth = 0): Mismatch[] {
  if (depth > 32 || isFunctionCall(value)) return [];
  const bad: Mismatch[] = [{ path: [], type }];
  switch (type) {
    case 'string':
      return typeof value === 'string' ? [] : bad;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? [] : bad;
    case 'float':
    case 'number':
      return typeof value === 'number' ? [] : bad;
    case 'boolean':
      return typeof value === 'boolean' ? [] : bad;
    case 'timestamp':
      return typeof value === 'string' || value instanceof Date ? [] : bad;
    case 'null':
      return value === null ? [] : bad;
    case 'version':
      return typeof value === 'string' || typeof value === 'number' ? [] : bad;
    case 'any':
      return [];
    case 'range':
      return Array.isArray(value) && value.length === 2 && value.every((x) => Number.isInteger(x) || x === 'UNBOUNDED') ? [] : bad;
    case 'list': {
      if (!Array.isArray(value)) return bad;
      const et = entryType(entrySchema);
      if (!et) return [];
      return value.flatMap((x, i) => checkValue(x, et, own(entrySchema, 'entry_schema'), scope, depth + 1).map((m) => ({ ...m, path: [i, ...m.path] })));
    }
    case 'map': {
      if (!isYMap(value)) return bad;
      const et = entryType(entrySchema);
      if (!et) return [];
      return Object.entries(value).flatMap(([k, x]) =>
        checkValue(x, et, own(entrySchema, 'entry_schema'), scope, depth + 1).map((m) => ({ ...m, path: [k, ...m.path] })),
      );
    }
    default:
      break;
  }
  const unit = SCALAR_UNITS[type];
  if (unit) return typeof value === 'string' && unit.test(value) ? [] : bad;
  return checkDataType(value, type, scope, depth);
}

/** A value of a data type: a map whose keys are the type's properties, each fitting its type. */
function checkDataType(value: unknown, type: string, scope: Scope, depth: number): Mismatch[] {
  const entry = scope.lookup('data', type);
  if (!entry) return [];
  const chain = scope.ancestors(entry);
  // A data type derived from a primitive (e.g. `derived_from: string`) takes values of that primitive.
  // tosca-parser's normative PortDef carries its primitive in a `type` key instead.
  const last = chain[chain.length - 1];
  const base = last ? own(last.def, 'derived_from') : undefined;
  if (typeof base === 'string' && PRIMITIVE_TYPES.has(base)) return checkValue(value, base, undefined, scope, depth + 1);
  for (const e of chain) {
    const t = own(e.def, 'type');
    if (typeof t === 'string' && PRIMITIVE_TYPES.has(t)) return checkValue(value, t, undefined, scope, depth + 1);
  }
  if (!isYMap(value)) return [{ path: [], type }];
  const props = scope.merged(entry, 'properties');
  const out: Mismatch[] = [];
  for (const [k, v] of Object.entries(value)) {
    const def = props.get(k);
    if (def === undefined) {
      out.push({ path: [k], type: `property of ${type}` });
      continue;
    }
    const t = own(def, 'type');
    if (typeof t === 'string') out.push(...checkValue(v, t, own(def, 'entry_schema'), scope, depth + 1).map((m) => ({ ...m, path: [k, ...m.path] })));
  }
  return out;
}
