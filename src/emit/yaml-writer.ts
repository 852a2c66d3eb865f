// A direct YAML writer for the data the emitters build: plain maps, sequences, strings, numbers,
// booleans, null, and a scalar with a local tag (`!unsafe`). It writes exactly the text the `yaml`
// package (2.x) writes for the same data with the options the emitters used with it: YAML 1.1
// schema, block style, two-space indentation, sequences indented under their key (`indentSeq`),
// no line folding (`lineWidth: 0`), no anchors or aliases (an object met twice is written twice).
// Only the library's rules that this data can reach are here, each from its stringify code
// (stringify/stringifyString.js, stringifyPair.js, stringifyCollection.js): whether a string can
// be plain, how it is quoted (single or double, the library's escapes), when it becomes a literal
// block scalar and its header, and which plain strings would read back as another type in YAML
// 1.1 (null, booleans such as `y`/`no`/`on`, integers, octals, floats, sexagesimals, timestamps).
// It skips the library's document model (one node object per value, a context
// copied per pair), which made serialisation most of a compile: the writer is one recursive pass
// over the data. test/emit/yaml-writer.test.ts compares it with the library on every example
// output and on generated data with hostile strings; PyYAML reads a sample back as the data.

/** A string scalar written with a local tag, e.g. `!unsafe` (Ansible's "never template this"). */
export class TaggedString {
  constructor(
    readonly tag: string,
    readonly value: string,
  ) {
    if (!/^![A-Za-z0-9-]+$/.test(tag)) throw new Error(`unsupported tag ${tag}`);
  }
}

/** A value the writer takes. `undefined` in a map drops the key; in a sequence it is null. */
export type WritableValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | TaggedString
  | readonly WritableValue[]
  | { readonly [k: string]: WritableValue };

/** Options of `writeYaml`. */
export interface WriteOptions {
  /** Strings for which this returns true are written double-quoted (the library's QUOTE_DOUBLE type). */
  readonly doubleQuote?: (s: string) => boolean;
}

/** The YAML text of `value` (a document with a final newline), as `yaml`'s `stringify` writes it. */
export function writeYaml(value: WritableValue, opts: WriteOptions = {}): string {
  const w = new Writer(opts.doubleQuote);
  return w.root(value) + '\n';
}

/**
 * Plain strings that the YAML 1.1 schema would resolve as something else than a string: the
 * `test` patterns of the library's yaml-1.1 tags (schema/yaml-1.1/*.js, common/null.js), in one
 * alternation: null, true, false, binary/octal/decimal/hex integers, .inf/.nan, exponent and plain
 * floats, sexagesimal integers and floats, timestamps.
 */
const NOT_A_STRING = new RegExp(
  [
    /^(?:~|[Nn]ull|NULL)?$/,
    /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    /^[-+]?0b[0-1_]+$/,
    /^[-+]?0[0-7_]+$/,
    /^[-+]?[0-9][0-9_]*$/,
    /^[-+]?0x[0-9a-fA-F_]+$/,
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
  ]
    .map((r) => `(?:${r.source})`)
    .join('|'),
);
/**
 * The two plain scalars PyYAML resolves to tags its SafeLoader cannot construct: the merge key `<<`
 * and the value key `=` (pyyaml resolver.py: `tag:yaml.org,2002:merge` and `tag:yaml.org,2002:value`;
 * "could not determine a constructor for the tag"). The yaml library writes both plain, which
 * every consumer here (Heat, tosca-parser, Ansible: all PyYAML) refuses; this writer quotes them.
 */
const PYYAML_TAGGED = /^(?:<<|=)$/;
/** Characters the library always double-quotes (stringifyString). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** What a plain scalar must not have (plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** A line that starts a directive or a document marker (containsDocumentMarker). */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** Most strings the emitters write: plain, one line, no indicator, nothing to resolve (a quick yes). */
const SIMPLY_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/** Where a scalar is written. */
const enum At {
  Value,
  Key,
}

class Writer {
  /** Set by a root block scalar that needs its content indented (ctx.forceBlockIndent). */
  private forceBlockIndent = false;

  constructor(private readonly doubleQuote: ((s: string) => boolean) | undefined) {}

  /** The document body (stringifyDocument: indent ''). */
  root(v: WritableValue): string {
    return this.node(v, '');
  }

  /**
   * A value written with `indent` as its context indentation (ctx.indent): a map's items start
   * their lines with it, a sequence's items with it too ('- ' after it), and a block scalar's
   * content lines with it.
   */
  private node(v: WritableValue, indent: string): string {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return this.string(v, indent, At.Value);
    if (typeof v === 'number') return number(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v instanceof TaggedString) return `${v.tag} ${this.string(v.value, indent, At.Value)}`;
    if (Array.isArray(v)) return this.seq(v as readonly WritableValue[], indent);
    return this.map(v as { readonly [k: string]: WritableValue }, indent);
  }

  /** A block sequence (YAMLSeq.toString: items at indent + two spaces, each after '- '). */
  private seq(items: readonly WritableValue[], indent: string): string {
    if (items.length === 0) return '[]';
    const itemIndent = indent + '  ';
    let out = '';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += '\n' + indent;
      out += '- ' + this.node(items[i], itemIndent);
    }
    return out;
  }

  /** A block mapping (YAMLMap.toString and stringifyPair). */
  private map(obj: { readonly [k: string]: WritableValue }, indent: string): string {
    const keys = Object.keys(obj);
    const inner = indent + '  ';
    let out = '';
    let n = 0;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      if (n++ > 0) out += '\n' + indent;
      let key = this.string(k, inner, At.Key);
      const explicit = key.length > 1024;
      key = explicit ? `? ${key}\n${indent}:` : `${key}:`;
      const value = this.node(v, inner);
      if (!explicit && v !== null && typeof v === 'object' && !(v instanceof TaggedString)) {
        // a collection: on the next lines, unless it is empty (`{}`, `[]`)
        const empty = Array.isArray(v) ? v.length === 0 : !hasDefinedValue(v as Record<string, WritableValue>);
        out += key + (empty ? ' ' : '\n' + inner) + value;
      } else if (value === '' || value[0] === '\n') {
        out += key + value;
      } else {
        out += key + ' ' + value;
      }
    }
    return n === 0 ? '{}' : out;
  }

  /** A string scalar (stringifyString, plainString; keys are implicit keys). */
  private string(value: string, indent: string, at: At): string {
    const key = at === At.Key;
    if (SIMPLY_PLAIN.test(value) && !NOT_A_STRING.test(value)) return value;
    if ((this.doubleQuote !== undefined && this.doubleQuote(value)) || CONTROL.test(value)) return doubleQuoted(value, indent, key);
    if (key && value.includes('\n')) return quoted(value, indent, key);
    if (NOT_PLAIN.test(value)) return key || !value.includes('\n') ? quoted(value, indent, key) : this.block(value, indent, key);
    if (!key && value.includes('\n')) return this.block(value, indent, key);
    if (DOCUMENT_MARKER.test(value)) {
      if (indent === '') {
        this.forceBlockIndent = true;
        return this.block(value, indent, key);
      }
      if (key && indent === '  ') return quoted(value, indent, key);
    }
    if (NOT_A_STRING.test(value) || PYYAML_TAGGED.test(value)) return quoted(value, indent, key);
    return value;
  }

  /** A literal block scalar (blockString with lineWidth 0, which never folds). */
  private block(value: string, ctxIndent: string, key: boolean): string {
    if (/\n[\t ]+$/.test(value)) return quoted(value, ctxIndent, key);
    const indent = ctxIndent || (this.forceBlockIndent || DOCUMENT_MARKER.test(value) ? '  ' : '');
    if (!value) return '|\n';
    let chomp: string;
    let endStart: number;
    for (endStart = value.length; endStart > 0; --endStart) {
      const ch = value[endStart - 1];
      if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) chomp = '-';
    else if (value === end || endNlPos !== end.length - 1) chomp = '+';
    else chomp = '';
    if (end) {
      value = value.slice(0, -end.length);
      if (end[end.length - 1] === '\n') end = end.slice(0, -1);
      end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
    }
    let startWithSpace = false;
    let startEnd: number;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
      const ch = value[startEnd];
      if (ch === ' ') startWithSpace = true;
      else if (ch === '\n') startNlPos = startEnd;
      else break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
      value = value.substring(start.length);
      start = start.replace(/\n+/g, `$&${indent}`);
    }
    const header = (startWithSpace ? (indent ? '2' : '1') : '') + chomp;
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
  }
}

/** Whether a map has an entry that is written (undefined values are dropped). */
function hasDefinedValue(obj: Record<string, WritableValue>): boolean {
  for (const k in obj) if (Object.prototype.hasOwnProperty.call(obj, k) && obj[k] !== undefined) return true;
  return false;
}

/** A number (stringifyNumber; the emitters never write a non-finite one). */
function number(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n < 0 ? '-.inf' : '.inf';
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

/** quotedString with `singleQuote` unset: single quotes when the text has `"` but no `'`. */
function quoted(value: string, indent: string, key: boolean): string {
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  return hasDouble && !hasSingle ? singleQuoted(value, indent, key) : doubleQuoted(value, indent, key);
}

function singleQuoted(value: string, ctxIndent: string, key: boolean): string {
  if ((key && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, ctxIndent, key);
  const indent = ctxIndent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  return "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
}

/** doubleQuotedString: JSON's escapes, YAML's short escapes, line breaks as folded lines (not in keys). */
function doubleQuoted(value: string, ctxIndent: string, implicitKey: boolean): string {
  const json = JSON.stringify(value);
  const indent = ctxIndent || (DOCUMENT_MARKER.test(value) ? '  ' : '');
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // space before newline needs to be escaped to not be folded
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch === '\\') {
      switch (json[i + 1]) {
        case 'u': {
          str += json.slice(start, i);
          const code = json.substr(i + 2, 4);
          switch (code) {
            case '0000':
              str += '\\0';
              break;
            case '0007':
              str += '\\a';
              break;
            case '000b':
              str += '\\v';
              break;
            case '001b':
              str += '\\e';
              break;
            case '0085':
              str += '\\N';
              break;
            case '00a0':
              str += '\\_';
              break;
            case '2028':
              str += '\\L';
              break;
            case '2029':
              str += '\\P';
              break;
            default:
              if (code.substr(0, 2) === '00') str += '\\x' + code.substr(2);
              else str += json.substr(i, 6);
          }
          i += 5;
          start = i + 1;
          break;
        }
        case 'n':
          if (implicitKey || json[i + 2] === '"' || json.length < 40) {
            i += 1;
          } else {
            // folding will eat first newline
            str += json.slice(start, i) + '\n\n';
            while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
              str += '\n';
              i += 2;
            }
            str += indent;
            // space after newline needs to be escaped to not be folded
            if (json[i + 2] === ' ') str += '\\';
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
    }
  }
  return start ? str + json.slice(start) : json;
}
