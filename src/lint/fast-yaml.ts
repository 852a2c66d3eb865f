// Lint phase 1, fast path: the block-style YAML TOSCA files are written in, read straight into the node tree
// and plain data that source.ts's composer builds from js-yaml's events, without the event list and without a
// loop over every character (each line is scanned by a sticky regular expression, which runs as native code
// even when V8 only interprets). The subset: one document of nested block mappings and sequences (compact
// `- key: value` entries and `key:` followed by a sequence at the same indentation included), plain scalars
// (multi-line too), quoted scalars on one line, block scalars (`|`, `>`, with indicators), flow collections on
// one line, comments. Anything else gives up and returns undefined, and the caller runs the full path
// (js-yaml's event parser): anchors, aliases, tags, merge keys, explicit keys, document markers, directives,
// tabs, CR, U+0085/U+2028/U+2029/BOM anywhere, multi-line quoted scalars or flow collections, empty flow
// entries, deep nesting, and every input js-yaml reports as an error. On what it accepts, the result is the
// full path's (tree, value and duplicate keys), offset for offset; test/lint/fast-yaml.test.ts compares the
// two on every YAML file of the test corpus and on generated documents.
import { getScalarValue, type ScalarEvent } from 'js-yaml';
import { resolvePlain } from './resolve.js';
import type { YMap, YNode } from './source.js';

/** A duplicate mapping key: the later key node and the first one (reported as LT0002 by the caller). */
export interface DuplicateKey {
  readonly key: string;
  readonly at: YNode;
  readonly first: YNode;
}

/** What the fast path read. */
export interface FastParse {
  readonly tree: YNode;
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
}

/** Characters and line forms the fast path leaves to the full parser. */
const UNSUPPORTED = /[\t\r\x85\u2028\u2029\uFEFF]|^(?:---|\.\.\.)(?=[ \n]|$)|^%/m;
/** Blank and comment-only lines, then the indentation of the next line. */
const NEXT = /(?: *(?:#[^\n]*)?\n)* */y;
/** The rest of a line after a value: spaces, then maybe a comment (after at least one space). */
const REST = /(?: +#[^\n]*| *)(?:\n|$)/y;
/**
 * A plain scalar's first line in block context, without trailing spaces: a first character that may start one
 * (js-yaml's canStartPlainScalar), then anything up to `: ` (or `:` at the line end), ` #` or the line end.
 * A `#` after a non-space character is text.
 */
const PLAIN_BLOCK = /(?:[^ \n#&*!|>'"%@`,[\]{}?:-]|[?:-](?![ \n]|$))(?:[^\n: ]+|:(?![ \n]|$)| +(?=[^ \n#:]|:(?![ \n]|$)))*/y;
/** A continuation line of a plain scalar in block context (any first character but `#`). */
const PLAIN_MORE = /(?:[^\n: ]+|:(?![ \n]|$)| +(?=[^ \n#:]|:(?![ \n]|$)))*/y;
/** The same as PLAIN_BLOCK in a flow collection: it also stops at `,[]{}` and at `:` before one of them. */
const PLAIN_FLOW =
  /(?:[^ \n#&*!|>'"%@`,[\]{}?:-]|[?:-](?![ \n,[\]{}]|$))(?:[^\n:, [\]{}]+|:(?![ \n,[\]{}]|$)| +(?=[^ \n#:,[\]{}]|:(?![ \n,[\]{}]|$)))*/y;
/** A double-quoted scalar closed on its line, with only escapes js-yaml and PyYAML both read. */
const DQ = /(?:[^"\\\n]|\\(?:[0abtnvfre "/\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))*"/y;
/** A single-quoted scalar closed on its line. */
const SQ = /(?:[^'\n]|'')*'/y;
/** After a quoted key: the value indicator. */
const COLON = / *:(?= |\n|$)/y;
/** Deepest nesting read here (the full path allows 500). */
const MAX_FAST_DEPTH = 100;

class GiveUp {}
const GIVE_UP = new GiveUp();

/** Reads `text` on the fast path, or undefined when the full path must read it. Never throws. */
export function parseFast(text: string): FastParse | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new FastReader(text).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

/** A scalar event for js-yaml's `getScalarValue` (which decodes escapes and folds lines). */
function scalarEvent(valueStart: number, valueEnd: number, style: 1 | 2 | 3 | 4 | 5, chomping: 1 | 2 | 3 = 1, indent = -1): ScalarEvent {
  return { type: 4, valueStart, valueEnd, anchorStart: -1, anchorEnd: -1, tagStart: -1, tagEnd: -1, style, chomping, indent, fast: false };
}

const EMPTY_KEY = 'null';

class FastReader {
  private readonly t: string;
  private readonly n: number;
  /** Start of the next line not read yet. */
  private p = 0;
  /** Set by `peek`: the next content line's start, indentation and first content character. */
  private ls = 0;
  private ind = 0;
  private cs = 0;
  /** The value of the node last returned. */
  private v: unknown = null;
  /** The last plain first line scanned by `key`: start and end (a scalar that is no key is not scanned again). */
  private plainAt = -1;
  private plainEnd = -1;
  /** Set by `key`: the key's string and the position after its `:`. */
  private kv = '';
  private ka = 0;
  private depth = 0;
  private readonly duplicates: DuplicateKey[] = [];

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
  }

  document(): FastParse | undefined {
    if (!this.peek() || this.ind !== 0) giveUp();
    const start = this.cs;
    if (this.key(start) === undefined) giveUp();
    const tree = this.map(0, start);
    const value = this.v;
    if (this.peek()) giveUp();
    return { tree, value, duplicates: this.duplicates };
  }

  /** The character code at `i`, 0 past the end (as js-yaml's sentinel). */
  private code(i: number): number {
    return i < this.n ? this.t.charCodeAt(i) : 0;
  }

  private lineEnd(i: number): number {
    const e = this.t.indexOf('\n', i);
    return e < 0 ? this.n : e;
  }

  /** Skips blank and comment lines from `p`; false at the end of the text (else sets ls, ind, cs). */
  private peek(): boolean {
    NEXT.lastIndex = this.p;
    NEXT.test(this.t);
    const cs = NEXT.lastIndex;
    const ls = cs === 0 ? 0 : this.t.lastIndexOf('\n', cs - 1) + 1;
    this.ls = ls;
    this.ind = cs - ls;
    this.cs = cs;
    return cs < this.n && this.t.charCodeAt(cs) !== 35;
  }

  /** After a value ending at `i`: the rest of the line is blank or a comment; `p` moves to the next line. */
  private rest(i: number): void {
    REST.lastIndex = i;
    if (!REST.test(this.t)) giveUp();
    this.p = REST.lastIndex;
  }

  private isSeqEntry(i: number): boolean {
    if (this.t.charCodeAt(i) !== 45) return false;
    const c = this.code(i + 1);
    return c === 32 || c === 10 || c === 0;
  }

  /** A scalar node; its `key` is the string the value becomes as a mapping key (source.ts keyString). */
  private scalarNode(start: number, end: number, value: unknown, raw: string): YNode {
    this.v = value;
    const key = typeof value === 'string' ? value : value instanceof Date ? raw : value === null ? 'null' : String(value);
    return { kind: 'scalar', start, end, key };
  }

  private emptyScalar(): YNode {
    this.v = null;
    return { kind: 'scalar', start: -1, end: -1, key: EMPTY_KEY };
  }

  private plainValue(start: number, end: number, multiline: boolean): YNode {
    const raw = multiline ? getScalarValue(this.t, scalarEvent(start, end, 1)) : this.t.slice(start, end);
    const value = resolvePlain(raw);
    if (typeof value === 'object' && value instanceof Error) giveUp();
    return this.scalarNode(start, end, value, raw);
  }

  /**
   * A mapping key at `i` (plain, or quoted on one line, followed by `:` and a space or the line end): its node
   * (the key string in `kv`, the position after the `:` in `ka`), or undefined when the line holds no key.
   */
  private key(i: number): YNode | undefined {
    const c = this.t.charCodeAt(i);
    if (c === 34 || c === 39) {
      const re = c === 34 ? DQ : SQ;
      re.lastIndex = i + 1;
      if (!re.test(this.t)) return undefined;
      const close = re.lastIndex - 1;
      COLON.lastIndex = close + 1;
      if (!COLON.test(this.t)) return undefined;
      const node = this.quoted(i + 1, close, c === 34);
      this.kv = this.v as string;
      this.ka = COLON.lastIndex;
      return node;
    }
    PLAIN_BLOCK.lastIndex = i;
    if (!PLAIN_BLOCK.test(this.t)) return undefined;
    const end = PLAIN_BLOCK.lastIndex;
    this.plainAt = i;
    this.plainEnd = end;
    let colon = end;
    while (this.t.charCodeAt(colon) === 32) colon++;
    if (this.t.charCodeAt(colon) !== 58) return undefined;
    if (end - i === 2 && this.t.startsWith('<<', i)) giveUp();
    const node = this.plainValue(i, end, false);
    this.kv = (node as { key: string }).key;
    this.ka = colon + 1;
    return node;
  }

  private quoted(start: number, end: number, double: boolean): YNode {
    const slice = this.t.slice(start, end);
    const escaped = double ? slice.includes('\\') : slice.includes("''");
    const raw = escaped ? getScalarValue(this.t, scalarEvent(start, end, double ? 3 : 2)) : slice;
    return this.scalarNode(start, end, raw, raw);
  }

  /** A block mapping whose keys are at column `col`, the first at `start` (on the current line). */
  private map(col: number, start: number): YNode {
    if (++this.depth > MAX_FAST_DEPTH) giveUp();
    const pairs: [YNode, YNode][] = [];
    const node: YNode = { kind: 'map', start, end: start + 1, pairs, merges: [] };
    const out: YMap = Object.create(null);
    let i = start;
    for (;;) {
      const k = this.key(i);
      if (k === undefined) giveUp();
      const key = this.kv;
      let a = this.ka;
      while (this.t.charCodeAt(a) === 32) a++;
      let v: YNode;
      const c = this.code(a);
      if (c === 0 || c === 10 || c === 35) {
        // The value starts on a later line (or is empty).
        this.rest(this.ka);
        if (!this.peek()) v = this.emptyScalar();
        else if (this.ind > col) v = this.blockNode(col);
        else if (this.ind === col && this.isSeqEntry(this.cs)) v = this.seq(col);
        else v = this.emptyScalar();
      } else v = this.inline(a, col + 1);
      // An own-key test (the map has no prototype, and no value is undefined).
      if (out[key] !== undefined) {
        const first = pairs.find((p) => p[0].kind === 'scalar' && p[0].key === key)?.[0];
        if (first) this.duplicates.push({ key, at: k, first });
      }
      out[key] = this.v;
      pairs.push([k, v]);
      if (!this.peek() || this.ind < col) break;
      if (this.ind > col) giveUp();
      i = this.cs;
    }
    const last = pairs[pairs.length - 1] as [YNode, YNode];
    node.end = Math.max(start + 1, last[1].end, last[0].end);
    this.v = out;
    this.depth--;
    return node;
  }

  /** A block sequence whose `-` are at column `col`, the first on the line `peek` found. */
  private seq(col: number): YNode {
    if (++this.depth > MAX_FAST_DEPTH) giveUp();
    const start = this.cs;
    const items: YNode[] = [];
    const value: unknown[] = [];
    const node: YNode = { kind: 'seq', start, end: start + 1, items };
    for (;;) {
      const dash = this.cs;
      let a = dash + 1;
      while (this.t.charCodeAt(a) === 32) a++;
      const c = this.code(a);
      let item: YNode;
      if (c === 0 || c === 10 || c === 35) {
        this.rest(dash + 1);
        item = this.peek() && this.ind > col ? this.blockNode(col) : this.emptyScalar();
      } else if (this.isSeqEntry(a)) giveUp();
      else if (this.key(a) !== undefined) item = this.map(a - this.ls, a);
      else item = this.inline(a, col + 1);
      items.push(item);
      value.push(this.v);
      if (!this.peek() || this.ind < col) break;
      if (this.ind > col) giveUp();
      if (!this.isSeqEntry(this.cs)) break;
    }
    node.end = Math.max(start + 1, (items[items.length - 1] as YNode).end);
    this.v = value;
    this.depth--;
    return node;
  }

  /** The node starting a line more indented than its parent at column `col` (the line `peek` found). */
  private blockNode(col: number): YNode {
    const i = this.cs;
    if (this.isSeqEntry(i)) return this.seq(this.ind);
    if (this.key(i) !== undefined) return this.map(this.ind, i);
    return this.inline(i, col + 1);
  }

  /**
   * A scalar or flow collection starting at `i`, not a block collection; `indent` is js-yaml's flowIndent
   * (continuation lines of a plain scalar, block scalar content). Moves `p` past its last line.
   */
  private inline(i: number, indent: number): YNode {
    const c = this.t.charCodeAt(i);
    if (c === 34 || c === 39) {
      const re = c === 34 ? DQ : SQ;
      re.lastIndex = i + 1;
      if (!re.test(this.t)) giveUp();
      const close = re.lastIndex - 1;
      const node = this.quoted(i + 1, close, c === 34);
      this.rest(close + 1);
      return node;
    }
    if (c === 91 || c === 123) {
      const end = this.lineEnd(i);
      this.depth++;
      const node = this.flow(i, end);
      this.depth--;
      this.rest(this.ka);
      return node;
    }
    if (c === 124 || c === 62) return this.blockScalar(i, indent);
    return this.plain(i, indent);
  }

  /** A plain scalar at `i` in block context; continuation lines must be indented at least `indent`. */
  private plain(i: number, indent: number): YNode {
    const t = this.t;
    let end: number;
    if (this.plainAt === i) end = this.plainEnd;
    else {
      PLAIN_BLOCK.lastIndex = i;
      if (!PLAIN_BLOCK.test(t)) giveUp();
      end = PLAIN_BLOCK.lastIndex;
    }
    let stop = end;
    while (t.charCodeAt(stop) === 32) stop++;
    let multiline = false;
    for (;;) {
      const s = t.charCodeAt(stop);
      if (s === 58) giveUp(); // `: ` inside a value: js-yaml reports it
      if (s === 35) {
        // ` #`: a comment ends the scalar and the line.
        this.p = this.lineEnd(stop) + 1;
        break;
      }
      // The line ended: continuation lines (blank lines between them fold into line breaks).
      if (stop >= this.n) {
        this.p = this.n;
        break;
      }
      let j = stop + 1;
      let k = j;
      for (;;) {
        while (t.charCodeAt(k) === 32) k++;
        if (t.charCodeAt(k) !== 10) break;
        j = ++k;
      }
      if (k >= this.n || k - j < indent || t.charCodeAt(k) === 35) {
        this.p = stop + 1;
        break;
      }
      multiline = true;
      PLAIN_MORE.lastIndex = k;
      PLAIN_MORE.test(t);
      end = PLAIN_MORE.lastIndex;
      stop = end;
      while (t.charCodeAt(stop) === 32) stop++;
    }
    if (this.p > this.n) this.p = this.n;
    return this.plainValue(i, end, multiline);
  }

  /** A block scalar whose header (`|` or `>`) is at `i`; js-yaml's readBlockScalar with `parentIndent`. */
  private blockScalar(i: number, parentIndent: number): YNode {
    const t = this.t;
    const style = t.charCodeAt(i) === 124 ? 4 : 5;
    let chomping: 1 | 2 | 3 = 1;
    let indent = -1;
    let detected = false;
    i++;
    for (;;) {
      const c = this.code(i);
      if (c === 43 || c === 45) {
        if (chomping !== 1) giveUp();
        chomping = c === 43 ? 3 : 2;
        i++;
      } else if (c >= 48 && c <= 57) {
        if (c === 48 || detected) giveUp();
        indent = parentIndent + (c - 48) - 1;
        detected = true;
        i++;
      } else break;
    }
    let hadSpace = false;
    while (t.charCodeAt(i) === 32) {
      hadSpace = true;
      i++;
    }
    if (hadSpace && t.charCodeAt(i) === 35) i = this.lineEnd(i);
    if (t.charCodeAt(i) === 10) i++;
    else if (i < this.n) giveUp();
    let contentIndent = detected ? indent : -1;
    let maxLeadingIndent = 0;
    const valueStart = i;
    let valueEnd = i;
    let next = this.n;
    while (i < this.n) {
      const line = i;
      let column = 0;
      while (t.charCodeAt(line + column) === 32) column++;
      const first = this.code(line + column);
      if (first === 0) {
        if (contentIndent >= 0) {
          if (column > contentIndent) valueEnd = line + column;
        } else if (column > 0) valueEnd = line + column;
        break;
      }
      const content = first !== 10;
      if (!detected && contentIndent === -1) {
        if (!content) maxLeadingIndent = Math.max(maxLeadingIndent, column);
        else if (column >= parentIndent && column < maxLeadingIndent) giveUp();
      }
      if (contentIndent === -1 && content && column < parentIndent) {
        next = line;
        break;
      }
      if (!detected && content && contentIndent === -1) contentIndent = column;
      const required = contentIndent === -1 ? parentIndent + 1 : contentIndent;
      if (content && column < required) {
        next = line;
        break;
      }
      i = this.lineEnd(line);
      valueEnd = i;
      if (i < this.n) {
        i++;
        valueEnd = i;
      }
    }
    this.p = next;
    const raw = getScalarValue(t, scalarEvent(valueStart, valueEnd, style, chomping, contentIndent));
    return this.scalarNode(valueStart, valueEnd, raw, raw);
  }

  private skipSpaces(i: number): number {
    while (this.t.charCodeAt(i) === 32) i++;
    return i;
  }

  /** A flow collection at `i` closed before `lineEnd`; the position after it goes into `ka`. */
  private flow(i: number, lineEnd: number): YNode {
    if (this.depth > MAX_FAST_DEPTH) giveUp();
    const t = this.t;
    const isMap = t.charCodeAt(i) === 123;
    const close = isMap ? 125 : 93;
    const start = i;
    const items: YNode[] = [];
    const value: unknown[] = [];
    const pairs: [YNode, YNode][] = [];
    const out: YMap = Object.create(null);
    i++;
    let readNext = true;
    for (;;) {
      i = this.skipSpaces(i);
      if (i >= lineEnd) giveUp();
      const c = t.charCodeAt(i);
      if (c === close) {
        i++;
        break;
      }
      if (!readNext || c === 44 || c === 35) giveUp();
      if (c === 63 && this.code(i + 1) === 32) giveUp();
      if (isMap) {
        const k = this.flowNode(i, lineEnd, true);
        const key = k.kind === 'scalar' ? k.key : giveUp();
        i = this.skipSpaces(this.ka);
        if (t.charCodeAt(i) !== 58) giveUp();
        i = this.skipSpaces(i + 1);
        const d = t.charCodeAt(i);
        if (i >= lineEnd || d === 44 || d === 125 || d === 35) giveUp();
        const v = this.flowNode(i, lineEnd, false);
        if (out[key] !== undefined) {
          const first = pairs.find((p) => p[0].kind === 'scalar' && p[0].key === key)?.[0];
          if (first) this.duplicates.push({ key, at: k, first });
        }
        out[key] = this.v;
        pairs.push([k, v]);
      } else {
        const entry = i;
        let item = this.flowNode(i, lineEnd, false);
        i = this.skipSpaces(this.ka);
        if (t.charCodeAt(i) === 58) {
          // `[ key: value ]`: a single-pair mapping starting at the key.
          if (item.kind !== 'scalar') giveUp();
          const k = item;
          i = this.skipSpaces(i + 1);
          const d = t.charCodeAt(i);
          if (i >= lineEnd || d === 44 || d === 93 || d === 35) giveUp();
          const v = this.flowNode(i, lineEnd, false);
          const pair: YMap = Object.create(null);
          pair[k.key] = this.v;
          this.v = pair;
          item = { kind: 'map', start: entry, end: Math.max(entry + 1, v.end, k.end), pairs: [[k, v]], merges: [] };
        }
        items.push(item);
        value.push(this.v);
      }
      i = this.skipSpaces(this.ka);
      const e = t.charCodeAt(i);
      if (e === 44) {
        readNext = true;
        i++;
      } else readNext = false;
    }
    this.ka = i;
    if (isMap) {
      const last = pairs[pairs.length - 1];
      this.v = out;
      return { kind: 'map', start, end: last ? Math.max(start + 1, last[1].end, last[0].end) : start + 2, pairs, merges: [] };
    }
    const last = items[items.length - 1];
    this.v = value;
    return { kind: 'seq', start, end: last ? Math.max(start + 1, last.end) : start + 2, items };
  }

  /** A node inside a flow collection at `i`; the position after it goes into `ka`. */
  private flowNode(i: number, lineEnd: number, isKey: boolean): YNode {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (isKey) giveUp();
      this.depth++;
      const node = this.flow(i, lineEnd);
      this.depth--;
      return node;
    }
    if (c === 34 || c === 39) {
      const re = c === 34 ? DQ : SQ;
      re.lastIndex = i + 1;
      if (!re.test(t) || re.lastIndex > lineEnd) giveUp();
      const close = re.lastIndex - 1;
      this.ka = close + 1;
      return this.quoted(i + 1, close, c === 34);
    }
    PLAIN_FLOW.lastIndex = i;
    if (!PLAIN_FLOW.test(t)) giveUp();
    const end = PLAIN_FLOW.lastIndex;
    let stop = end;
    while (t.charCodeAt(stop) === 32) stop++;
    const s = t.charCodeAt(stop);
    // Only `,`, `]`, `}` or a `:` indicator may end it on this line.
    if (!(s === 44 || s === 93 || s === 125 || s === 58)) giveUp();
    this.ka = stop;
    return this.plainValue(i, end, false);
  }
}
