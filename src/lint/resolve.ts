// Scalar typing exactly as PyYAML's SafeLoader does it (resolver.py implicit resolvers, constructor.py
// SafeConstructor), because every TOSCA consumer reads files with PyYAML: `yes`/`on` are booleans but `y`/`n`
// strings, `017` is octal, `0o17` and `1e3` are strings, `1:30` is sexagesimal (90), `=` has no constructor.
// Timestamps become Date values (a `string` property holding one is a type mismatch there too).

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const TIMESTAMP_PARTS =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

const Y = 'tag:yaml.org,2002:';

/** Tags PyYAML's SafeConstructor can build, per node kind. */
export const SAFE_TAGS: Readonly<Record<'scalar' | 'seq' | 'map', ReadonlySet<string>>> = {
  scalar: new Set(['null', 'bool', 'int', 'float', 'binary', 'timestamp', 'str'].map((t) => Y + t)),
  seq: new Set(['seq', 'omap', 'pairs'].map((t) => Y + t)),
  map: new Set(['map', 'set'].map((t) => Y + t)),
};

/** First characters (ASCII) some implicit type or `=` may start with; any other one makes a plain string. */
const SPECIAL_FIRST = new Uint8Array(128);
for (const ch of '~nNyYtTfFoO-+0123456789.=') SPECIAL_FIRST[ch.charCodeAt(0)] = 1;

/** The value of a plain (unquoted, untagged) scalar; an Error for `=` (tag:yaml.org,2002:value). */
export function resolvePlain(s: string): unknown {
  // Most scalars are names (`derived_from`, `tosca.nodes.Compute`): no regular expression needed.
  const code = s.charCodeAt(0);
  if (code < 128 && SPECIAL_FIRST[code] === 0) return s;
  const c = s.charAt(0);
  if (c === '' || c === '~' || c === 'n' || c === 'N') if (NULL.test(s)) return null;
  if (BOOL.test(s)) return /^(?:yes|true|on)$/i.test(s);
  if ('-+0123456789.'.includes(c) && c !== '') {
    if (INT.test(s)) return toInt(s);
    if (FLOAT.test(s)) return toFloat(s);
    if (TIMESTAMP.test(s)) return toTimestamp(s) ?? new Error(`invalid timestamp ${JSON.stringify(s)}`);
  }
  if (s === '=') return new Error('could not determine a constructor for the tag "tag:yaml.org,2002:value" (a plain `=`)');
  return s;
}

/** The value of a scalar with an explicit safe tag, or the construction error PyYAML raises. */
export function resolveTagged(tag: string, s: string): { value?: unknown; error?: string } {
  const bad = (what: string) => ({ error: `${JSON.stringify(s)} is not a valid ${what} (explicit tag)` });
  switch (tag) {
    case Y + 'str':
    case Y + 'binary':
      return { value: s };
    case Y + 'null':
      return { value: null };
    case Y + 'bool':
      return BOOL.test(s) ? { value: /^(?:yes|true|on)$/i.test(s) } : bad('boolean');
    case Y + 'int':
      return INT.test(s) ? { value: toInt(s) } : bad('integer');
    case Y + 'float':
      return FLOAT.test(s) || INT.test(s) ? { value: FLOAT.test(s) ? toFloat(s) : toInt(s) } : bad('float');
    case Y + 'timestamp': {
      const d = TIMESTAMP.test(s) ? toTimestamp(s) : undefined;
      return d ? { value: d } : bad('timestamp');
    }
    default:
      return { value: s };
  }
}

/** PyYAML construct_yaml_int. */
function toInt(text: string): number {
  let s = text.replace(/_/g, '');
  let sign = 1;
  if (s[0] === '-') sign = -1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '0') return 0;
  if (s.startsWith('0b')) return sign * parseInt(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * parseInt(s.slice(2), 16);
  if (s.startsWith('0')) return sign * parseInt(s, 8);
  if (s.includes(':')) return sign * sexagesimal(s);
  return sign * Number(s);
}

/** PyYAML construct_yaml_float. */
function toFloat(text: string): number {
  let s = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s[0] === '-') sign = -1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) return sign * sexagesimal(s);
  return sign * Number(s);
}

function sexagesimal(s: string): number {
  let value = 0;
  for (const part of s.split(':')) value = value * 60 + Number(part);
  return value;
}

/** PyYAML construct_yaml_timestamp; undefined when the date does not exist (PyYAML raises ValueError). */
function toTimestamp(s: string): Date | undefined {
  const m = TIMESTAMP_PARTS.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, frac, tz, tzSign, tzH, tzM] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(se ?? 0), Math.floor(Number(`0.${frac ?? '0'}`) * 1000)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(se ?? 0) > 59) return undefined;
  if (tz && tz !== 'Z') {
    const off = (Number(tzH) * 60 + Number(tzM ?? 0)) * (tzSign === '-' ? -1 : 1);
    date.setTime(date.getTime() - off * 60_000);
  }
  return date;
}
