// Lint value checks: does a YAML value fit a TOSCA type? TOSCA Simple Profile 1.0 §3.2 (primitive and
// special types: scalar-unit, version, range, list/map with entry_schema) and §3.6.6 (data types).
// Function calls (§4: get_input, get_property, concat, ...) are accepted everywhere: their value is known
// only at deployment. Returns a list of mismatches with their relative paths; never throws.
import type { Scope } from './scope.js';
import { isYMap, own } from './source.js';

/** Primitive and special TOSCA type names (plus tosca-parser's `number` and `any`); bitrate only from 1.3. */
export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  'string', 'integer', 'float', 'boolean', 'timestamp', 'null', 'version', 'range', 'list', 'map',
  'scalar-unit.size', 'scalar-unit.time', 'scalar-unit.frequency', 'scalar-unit.bitrate', 'number', 'any',
]);

/** Primitive types introduced after TOSCA 1.0, with the first level that has them (1.3 §3.3.6.7). */
export const VERSIONED_PRIMITIVES: ReadonlyMap<string, number> = new Map([['scalar-unit.bitrate', 13]]);

/** True when `type` is a primitive type of Simple Profile level `level` (10..13). */
export function isPrimitive(type: string, level: number): boolean {
  return PRIMITIVE_TYPES.has(type) && (VERSIONED_PRIMITIVES.get(type) ?? 0) <= level;
}

/** The primitive type names of level `level`, for did-you-mean help. */
export function primitivesOf(level: number): string[] {
  return [...PRIMITIVE_TYPES].filter((t) => isPrimitive(t, level));
}

/** TOSCA intrinsic function names (§4). */
export const FUNCTIONS: ReadonlySet<string> = new Set([
  'get_input', 'get_property', 'get_attribute', 'get_operation_output', 'get_nodes_of_type', 'get_artifact', 'concat', 'token', 'join',
]);

/** True when `v` is a single-key map whose key is a TOSCA function. */
export function isFunctionCall(v: unknown): boolean {
  if (!isYMap(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && FUNCTIONS.has(keys[0] ?? '');
}

const SCALAR_UNITS: Readonly<Record<string, RegExp>> = {
  'scalar-unit.size': /^\s*[0-9]+(\.[0-9]+)?\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)\s*$/i,
  // 1.3 §3.3.6.7.1: bits (bps, Kbps, Kibps, ...) and bytes (Bps, KBps, KiBps, ...) per second; case-sensitive
  // (§3.3.6.7.3), unlike the other scalar units.
  'scalar-unit.bitrate': /^\s*[0-9]+(\.[0-9]+)?\s*(bps|Kbps|Kibps|Mbps|Mibps|Gbps|Gibps|Tbps|Tibps|Bps|KBps|KiBps|MBps|MiBps|GBps|GiBps|TBps|TiBps)\s*$/,
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
  // A type of a later version is unknown here (reported as LT2003 where it is declared).
  if ((VERSIONED_PRIMITIVES.get(type) ?? 0) > scope.version.level) return [];
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

/** Scalar-unit factors (TOSCA 1.0 §3.2.6), keyed by the lower-cased unit; bitrate below (case-sensitive). */
const UNIT_FACTORS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'scalar-unit.size': { b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3, tb: 1e12, tib: 1024 ** 4 },
  'scalar-unit.time': { d: 86400, h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 },
  'scalar-unit.frequency': { hz: 1, khz: 1e3, mhz: 1e6, ghz: 1e9 },
};

/** Bits per second of each scalar-unit.bitrate unit (1.3 §3.3.6.7.1; one byte is 8 bits, §3.3.6.7.3). */
const BITRATE_FACTORS: Readonly<Record<string, number>> = (() => {
  const out: Record<string, number> = {};
  const prefixes: [string, number][] = [['', 1], ['K', 1e3], ['Ki', 1024], ['M', 1e6], ['Mi', 1024 ** 2], ['G', 1e9], ['Gi', 1024 ** 3], ['T', 1e12], ['Ti', 1024 ** 4]];
  for (const [p, f] of prefixes) {
    out[`${p}bps`] = f;
    out[`${p}Bps`] = f * 8;
  }
  return out;
})();

/** A value made comparable: numbers stay, scalar-units become their base unit, anything else undefined. */
function magnitude(v: unknown, type: string): number | undefined {
  if (typeof v === 'number') return v;
  const f = UNIT_FACTORS[type];
  const bitrate = type === 'scalar-unit.bitrate';
  if ((!f && !bitrate) || typeof v !== 'string') return undefined;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)\s*$/.exec(v);
  const factor = m?.[2] ? (bitrate ? BITRATE_FACTORS[m[2]] : f?.[m[2].toLowerCase()]) : undefined;
  return m && typeof factor === 'number' ? Number(m[1]) * factor : undefined;
}

function sameValue(a: unknown, b: unknown, type: string): boolean {
  const ma = magnitude(a, type);
  const mb = magnitude(b, type);
  if (ma !== undefined && mb !== undefined) return ma === mb;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function sizeOf(v: unknown): number | undefined {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (isYMap(v)) return Object.keys(v).length;
  return undefined;
}

/**
 * A `pattern` as tosca-parser applies it (re.match, and the match must cover the whole value). Patterns with a nested
 * quantifier (`(a+)+`) or over 200 characters are not applied (catastrophic backtracking on hostile input).
 */
function patternMatches(pattern: string, value: string): boolean | undefined {
  if (pattern.length > 200 || value.length > 4096 || /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(pattern)) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return undefined;
  }
}

/** The text of one constraint clause, for messages: `greater_or_equal: 1`. */
function clauseText(op: string, arg: unknown): string {
  return `${op}: ${JSON.stringify(arg instanceof Date ? arg.toISOString() : arg)}`;
}

/** True when `value` fits clause `op: arg` (undefined when the clause cannot be judged on this value). */
function satisfies(value: unknown, type: string, op: string, arg: unknown): boolean | undefined {
  const cmp = (f: (x: number, y: number) => boolean) => {
    const x = magnitude(value, type);
    const y = magnitude(arg, type);
    return x === undefined || y === undefined ? undefined : f(x, y);
  };
  switch (op) {
    case 'equal':
      return sameValue(value, arg, type);
    case 'greater_than':
      return cmp((x, y) => x > y);
    case 'greater_or_equal':
      return cmp((x, y) => x >= y);
    case 'less_than':
      return cmp((x, y) => x < y);
    case 'less_or_equal':
      return cmp((x, y) => x <= y);
    case 'in_range': {
      if (!Array.isArray(arg) || arg.length !== 2) return undefined;
      const x = magnitude(value, type);
      const lo = arg[0] === 'UNBOUNDED' ? -Infinity : magnitude(arg[0], type);
      const hi = arg[1] === 'UNBOUNDED' ? Infinity : magnitude(arg[1], type);
      return x === undefined || lo === undefined || hi === undefined ? undefined : x >= lo && x <= hi;
    }
    case 'valid_values':
      return Array.isArray(arg) ? arg.some((a) => sameValue(value, a, type)) : undefined;
    case 'length':
    case 'min_length':
    case 'max_length': {
      const n = sizeOf(value);
      if (n === undefined || typeof arg !== 'number') return undefined;
      return op === 'length' ? n === arg : op === 'min_length' ? n >= arg : n <= arg;
    }
    case 'pattern':
      return typeof value === 'string' && typeof arg === 'string' ? patternMatches(arg, value) : undefined;
    default:
      return undefined;
  }
}

/** One constraint a value breaks: where (relative to the value) and the clause. */
export interface Violation {
  readonly path: readonly (string | number)[];
  readonly constraint: string;
}

/**
 * The constraint clauses (TOSCA 1.0 §3.5.2) that `value` breaks: those of its definition `def` (a property,
 * input or data-type definition), of its entry_schema for list and map entries, and of the properties of a
 * data-type value, recursively. Function calls and values of the wrong type are not judged here.
 */
export function constraintViolations(value: unknown, def: unknown, scope: Scope, depth = 0): Violation[] {
  if (depth > 16 || isFunctionCall(value) || value === null || value === undefined) return [];
  const type = own(def, 'type');
  if (typeof type !== 'string' || checkValue(value, type, own(def, 'entry_schema'), scope).length > 0) return [];
  const out: Violation[] = [];
  const clauses = own(def, 'constraints');
  if (Array.isArray(clauses)) {
    for (const c of clauses) {
      if (!isYMap(c)) continue;
      for (const [op, arg] of Object.entries(c)) if (satisfies(value, baseType(type, scope), op, arg) === false) out.push({ path: [], constraint: clauseText(op, arg) });
    }
  }
  const es = own(def, 'entry_schema');
  const esDef = typeof es === 'string' ? { type: es } : es;
  if (esDef !== undefined && (type === 'list' || type === 'map')) {
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isYMap(value) ? Object.entries(value) : [];
    for (const [k, v] of entries) out.push(...constraintViolations(v, esDef, scope, depth + 1).map((x) => ({ ...x, path: [k, ...x.path] })));
  }
  const dt = scope.lookup('data', type);
  if (dt && isYMap(value)) {
    const props = scope.merged(dt, 'properties');
    for (const [k, v] of Object.entries(value)) {
      const pd = props.get(k);
      if (pd !== undefined) out.push(...constraintViolations(v, pd, scope, depth + 1).map((x) => ({ ...x, path: [k, ...x.path] })));
    }
  }
  if (dt && !isYMap(value)) {
    // A data type derived from a primitive carries its own constraints (§3.6.6).
    for (const e of scope.ancestors(dt)) {
      const cs = own(e.def, 'constraints');
      if (!Array.isArray(cs)) continue;
      for (const c of cs) if (isYMap(c)) for (const [op, arg] of Object.entries(c)) if (satisfies(value, baseType(type, scope), op, arg) === false) out.push({ path: [], constraint: clauseText(op, arg) });
    }
  }
  return out;
}

/** The primitive a type reduces to (a data type derived from `scalar-unit.size` compares as one). */
function baseType(type: string, scope: Scope): string {
  const e = scope.lookup('data', type);
  if (!e) return type;
  for (const a of scope.ancestors(e)) {
    const p = own(a.def, 'derived_from');
    if (typeof p === 'string' && PRIMITIVE_TYPES.has(p)) return p;
  }
  return type;
}
