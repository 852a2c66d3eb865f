// Lint phase 1 (reading): YAML text → a small node tree with source ranges plus plain data, read the way
// PyYAML's SafeLoader reads it (tosca-parser, heat-translator and the orchestrator all use it): YAML 1.1
// implicit types by PyYAML's own resolver rules (`y`/`n` are strings, `yes`/`no` booleans, `0o17` a string,
// `017` octal), `<<` merge keys applied, only the safe tags, unprintable characters refused. Most TOSCA files
// are read by fast-yaml.ts, which builds the same tree and data directly; the rest by js-yaml's event parser
// `parseEvents` (offsets only) and the composer here; composing, resolving and checks are ours.
// Reports LT0001 (syntax, encoding, tags), LT0002 (duplicate keys) and LT0003 (alias expansion). Invariants:
// never throws on bad input; maps become null-prototype objects, so `__proto__` keys are plain data; an alias
// is converted once and shared, and its expanded size is bounded before any later phase walks it.
import { parseEvents, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import { parseFast } from './fast-yaml.js';
import { resolvePlain, resolveTagged, SAFE_TAGS } from './resolve.js';

/** A data path into a YAML document (map keys and sequence indexes). */
export type DataPath = readonly (string | number)[];

/** A plain-data YAML map: null prototype, so every key is data. */
export type YMap = { [key: string]: unknown };

/** A node of the source tree: its range, and for collections their children. */
export type YNode =
  | { readonly kind: 'scalar'; readonly start: number; readonly end: number; readonly key: string }
  | { readonly kind: 'seq'; readonly start: number; end: number; readonly items: YNode[] }
  | { readonly kind: 'map'; readonly start: number; end: number; readonly pairs: [YNode, YNode][]; readonly merges: YNode[] }
  | { readonly kind: 'alias'; readonly start: number; readonly end: number; readonly target: YNode };

/** One parsed YAML file. `value` is undefined when the file is empty or unusable. */
export interface ParsedFile {
  readonly file: string;
  readonly text: string;
  readonly tree: YNode | undefined;
  readonly value: unknown;
}

/** Largest expanded size (nodes, counting each alias expansion in full) a document may have. */
export const MAX_EXPANDED_NODES = 200_000;
/** Deepest collection nesting read (PyYAML has no limit but recursion; TOSCA files nest under 20). */
export const MAX_DEPTH = 500;

/** True for a plain-data map produced by `parseYamlFile`. */
export function isYMap(v: unknown): v is YMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Own-property lookup that never reaches a prototype. */
export function own(m: unknown, key: string): unknown {
  return isYMap(m) && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

/** PyYAML's reader refuses these code points anywhere in the stream (reader.py NON_PRINTABLE). */
const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** Anything but printable ASCII: where NON_PRINTABLE (slower, by code point) has to look from. */
const NOT_ASCII = /[^\x09\x0A\x0D\x20-\x7E]/g;

/** Options of `parseYamlFile`. */
export interface ParseOptions {
  /** UTF-16 offset of the first byte that was not valid UTF-8 (the reader decoded it lossily). */
  readonly invalidUtf8At?: number;
  /** Try the fast path (fast-yaml.ts) first; false reads with js-yaml's event parser only. @default true */
  readonly fast?: boolean;
}

/** Parses `text` (file name `file`), reporting reading problems into `diag`. */
export function parseYamlFile(file: string, text: string, diag: DiagnosticCollector, opts: ParseOptions = {}): ParsedFile {
  const empty = { file, text, tree: undefined, value: undefined };
  const at = (start: number, end = start + 1): Span => ({ file, start, end: Math.min(Math.max(end, start + 1), Math.max(text.length, start + 1)) });
  if (opts.invalidUtf8At !== undefined) {
    diag.report('LT0001', at(opts.invalidUtf8At), { message: 'the file is not valid UTF-8' }, { notes: ['PyYAML (and so tosca-parser) refuses the whole file'] });
    return empty;
  }
  NOT_ASCII.lastIndex = 0;
  const other = NOT_ASCII.exec(text);
  const bad = other ? NON_PRINTABLE.exec(text.slice(other.index)) : null;
  if (bad && other) bad.index += other.index;
  if (bad) {
    const cp = bad[0].codePointAt(0) ?? 0;
    diag.report('LT0001', at(bad.index, bad.index + bad[0].length), { message: `unacceptable character #x${cp.toString(16).padStart(4, '0')}: special characters are not allowed` }, {
      notes: ['PyYAML (and so tosca-parser) refuses the whole file'],
      help: 'remove the character, or write it as an escape inside a double-quoted string',
    });
    return empty;
  }
  if (opts.fast !== false) {
    const fast = parseFast(text);
    if (fast) {
      for (const d of fast.duplicates) reportDuplicateKey(diag, file, d.key, d.at, d.first);
      return { file, text, tree: fast.tree, value: fast.value };
    }
  }
  const parsed = eventsOf(text);
  if ('error' in parsed) {
    const pos = parsed.pos;
    diag.report('LT0001', at(pos), { message: parsed.error });
    return empty;
  }
  const { events, source, toOrig } = parsed;
  const docStarts: number[] = [];
  for (let i = 0; i < events.length; i++) if (events[i]?.type === 1) docStarts.push(i);
  if (docStarts.length > 1) {
    const second = events[(docStarts[1] ?? 0) + 1];
    const pos = second ? toOrig(startOf(second)) : text.length;
    diag.report('LT0004', at(Math.max(0, text.lastIndexOf('---', pos) >= 0 ? text.lastIndexOf('---', pos) : pos), 0), {}, { help: 'split the documents into separate files' });
  }
  if (docStarts.length === 0) return empty;
  const c = new Composer(events, source, toOrig, file, diag);
  const root = c.document((docStarts[0] ?? 0) + 1);
  if (c.failed || !root) return empty;
  return { file, text, tree: root.node, value: root.value };
}

/** The start offset (in the parsed source) of an event. */
function startOf(e: Event): number {
  switch (e.type) {
    case 2:
    case 3:
      return e.anchorStart >= 0 ? e.anchorStart - 1 : e.tagStart >= 0 ? e.tagStart : e.start;
    case 4:
      return e.anchorStart >= 0 ? e.anchorStart - 1 : e.tagStart >= 0 ? e.tagStart : e.valueStart;
    case 5:
      return e.anchorStart - 1;
    default:
      return 0;
  }
}

type Parsed = { events: Event[]; source: string; toOrig: (n: number) => number } | { error: string; pos: number };

/**
 * Runs the event parser. PyYAML does not check indentation inside flow collections and quoted scalars;
 * js-yaml does ("deficient indentation"). Such a line is re-indented (leading white space there carries
 * no meaning) and parsing retried, a bounded number of times; offsets are mapped back to the original.
 */
function eventsOf(text: string): Parsed {
  const inserts: { at: number; n: number }[] = [];
  let source = text;
  const toOrig = (m: number): number => {
    let shift = 0;
    for (const { at, n } of inserts) {
      const mp = at + shift;
      if (m < mp) break;
      if (m < mp + n) return at;
      shift += n;
    }
    return m - shift;
  };
  let firstError: { error: string; pos: number } | undefined;
  for (let attempt = 0; attempt < 256; attempt++) {
    try {
      return { events: parseEvents(source, { maxDepth: MAX_DEPTH }), source, toOrig };
    } catch (e) {
      const reason = (e as { reason?: unknown }).reason;
      const pos = (e as { mark?: { position?: unknown } }).mark?.position;
      const p = typeof pos === 'number' ? pos : 0;
      const err = { error: typeof reason === 'string' ? reason : 'unreadable YAML', pos: toOrig(p) };
      firstError ??= err;
      if (err.error !== 'deficient indentation') return err;
      const lineStart = text.lastIndexOf('\n', Math.max(0, err.pos - 1)) + 1;
      const prev = inserts.find((x) => x.at === lineStart);
      if (prev) {
        if (prev.n >= 4096) return firstError;
        prev.n *= 2;
      } else {
        inserts.push({ at: lineStart, n: 64 });
        inserts.sort((a, b) => a.at - b.at);
      }
      source = '';
      let last = 0;
      for (const { at, n } of inserts) {
        source += text.slice(last, at) + ' '.repeat(n);
        last = at;
      }
      source += text.slice(last);
    }
  }
  return firstError ?? { error: 'unreadable YAML', pos: 0 };
}

/** A node and its plain value. */
interface Built {
  readonly node: YNode;
  readonly value: unknown;
}

/** Builds nodes and values from one document's events; reports LT0001-LT0003. */
class Composer {
  failed = false;
  private i = 0;
  private total = 0;
  private readonly anchors = new Map<string, { node: YNode; value: unknown; size: number } | 'open'>();
  private readonly sizes = new WeakMap<YNode, number>();

  constructor(
    private readonly events: Event[],
    private readonly source: string,
    private readonly toOrig: (n: number) => number,
    private readonly file: string,
    private readonly diag: DiagnosticCollector,
  ) {}

  /** The document whose first content event is at `index` (undefined for an empty document). */
  document(index: number): Built | undefined {
    this.i = index;
    const e = this.events[index];
    if (!e || e.type === 6) return undefined;
    return this.node();
  }

  private span(start: number, end: number): Span {
    return { file: this.file, start, end: Math.max(end, start + 1) };
  }

  private fail(start: number, end: number, message: string, extra: { notes?: string[]; help?: string } = {}): Built {
    if (!this.failed) this.diag.report('LT0001', this.span(start, end), { message }, extra);
    this.failed = true;
    return { node: { kind: 'scalar', start, end, key: '' }, value: null };
  }

  private text(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  /** The tag of an event, resolved (`!!str` → `tag:yaml.org,2002:str`); undefined when untagged. */
  private tag(e: { tagStart: number; tagEnd: number }): string | undefined {
    if (e.tagStart < 0) return undefined;
    const raw = this.text(e.tagStart, e.tagEnd);
    if (raw === '!') return '!';
    if (raw.startsWith('!<') && raw.endsWith('>')) return decodeURIComponent(raw.slice(2, -1));
    if (raw.startsWith('!!')) return 'tag:yaml.org,2002:' + decodeURIComponent(raw.slice(2));
    return raw;
  }

  private checkTag(tag: string | undefined, kind: 'scalar' | 'seq' | 'map', start: number, end: number): boolean {
    if (tag === undefined || tag === '!') return true;
    if (SAFE_TAGS[kind].has(tag)) return true;
    const shown = tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice(18) : tag;
    this.fail(start, end, `could not determine a constructor for the tag ${JSON.stringify(shown)}`, {
      notes: ["PyYAML's safe loader (tosca-parser, the orchestrator) refuses every tag it does not know"],
      help: 'remove the tag; TOSCA files use plain YAML values',
    });
    return false;
  }

  private node(depth = 0): Built {
    const e = this.events[this.i++];
    if (!e || this.failed) return this.fail(0, 0, 'unexpected end of the document');
    switch (e.type) {
      case 4:
        return this.scalar(e);
      case 5:
        return this.alias(e.anchorStart, e.anchorEnd);
      case 2:
      case 3: {
        const start = this.toOrig(startOf(e));
        const anchor = e.anchorStart >= 0 ? this.text(e.anchorStart, e.anchorEnd) : undefined;
        if (anchor !== undefined) this.anchors.set(anchor, 'open');
        const tag = this.tag(e);
        const built = e.type === 2 ? this.seq(start, depth) : this.map(start, depth);
        this.checkTag(tag, e.type === 2 ? 'seq' : 'map', start, start + 1);
        if (tag === 'tag:yaml.org,2002:set' && isYMap(built.value)) for (const k of Object.keys(built.value)) built.value[k] = null;
        if (anchor !== undefined) this.anchors.set(anchor, { ...built, size: this.size(built.node) });
        return built;
      }
      default:
        return this.fail(0, 0, 'unexpected document structure');
    }
  }

  private scalar(e: ScalarEvent): Built {
    const start = this.toOrig(e.valueStart >= 0 ? e.valueStart : startOf(e));
    const end = e.valueEnd >= 0 ? this.toOrig(e.valueEnd) : start;
    const raw = getScalarValue(this.source, e);
    const tag = this.tag(e);
    let value: unknown;
    if (tag === undefined) value = e.style === 1 ? resolvePlain(raw) : raw;
    else if (tag === '!') value = raw;
    else {
      if (!this.checkTag(tag, 'scalar', this.toOrig(e.tagStart), end)) return { node: { kind: 'scalar', start, end, key: '' }, value: null };
      const r = resolveTagged(tag, raw);
      if (r.error) return this.fail(start, end, r.error);
      value = r.value;
    }
    if (value instanceof Error) return this.fail(start, end, value.message);
    this.total++;
    const node: YNode = { kind: 'scalar', start, end, key: keyString(value, raw) };
    if (e.anchorStart >= 0) this.anchors.set(this.text(e.anchorStart, e.anchorEnd), { node, value, size: 1 });
    return { node, value };
  }

  /** An alias: the anchored node's value, shared; its full expanded size counts against the budget. */
  private alias(s: number, t: number): Built {
    const name = this.text(s, t);
    const start = this.toOrig(s - 1);
    const end = this.toOrig(t);
    const a = this.anchors.get(name);
    if (a === undefined) return this.fail(start, end, `found undefined alias ${JSON.stringify(name)}`);
    if (a === 'open') return this.fail(start, end, `alias ${JSON.stringify(name)} refers to a node that contains it`, { help: 'TOSCA values cannot be recursive; write the value out' });
    this.total += a.size;
    if (this.total > MAX_EXPANDED_NODES) {
      if (!this.failed) {
        this.diag.report('LT0003', this.span(start, end), { limit: MAX_EXPANDED_NODES }, { help: 'reduce the number of nested aliases; TOSCA files do not need them' });
      }
      this.failed = true;
      return { node: { kind: 'scalar', start, end, key: '' }, value: null };
    }
    return { node: { kind: 'alias', start, end, target: a.node }, value: a.value };
  }

  private seq(start: number, depth: number): Built {
    const items: YNode[] = [];
    const value: unknown[] = [];
    const node: YNode = { kind: 'seq', start, end: start + 1, items };
    this.total++;
    while (!this.failed && this.events[this.i] && this.events[this.i]?.type !== 6) {
      const b = this.node(depth + 1);
      items.push(b.node);
      value.push(b.value);
    }
    this.i++;
    node.end = items.length > 0 ? Math.max(start + 1, items[items.length - 1]?.end ?? start + 1) : start + 2;
    return { node, value };
  }

  private map(start: number, depth: number): Built {
    const pairs: [YNode, YNode][] = [];
    const merges: YNode[] = [];
    const out: YMap = Object.create(null);
    const node: YNode = { kind: 'map', start, end: start + 1, pairs, merges };
    const mergeValues: unknown[] = [];
    this.total++;
    while (!this.failed && this.events[this.i] && this.events[this.i]?.type !== 6) {
      const ke = this.events[this.i];
      const k = this.node(depth + 1);
      const v = this.node(depth + 1);
      if (this.failed) break;
      if (ke?.type === 4 && isMergeKey(this.source, ke, this.tag(ke))) {
        const target = v.node.kind === 'alias' ? v.node.target : v.node;
        if (isYMap(v.value)) mergeValues.push(v.value);
        else if (Array.isArray(v.value) && v.value.every(isYMap) && target.kind === 'seq') mergeValues.push(...v.value);
        else {
          this.fail(v.node.start, v.node.end, 'expected a mapping or list of mappings for merging', { help: 'merge (`<<:`) an alias of a mapping, or a list of such aliases' });
          break;
        }
        merges.push(v.node);
        pairs.push([k.node, v.node]);
        continue;
      }
      if (k.node.kind !== 'scalar' && !(k.node.kind === 'alias' && k.node.target.kind === 'scalar')) {
        this.fail(k.node.start, k.node.end, 'found unhashable key', { notes: ['PyYAML cannot use a list or a map as a mapping key'] });
        break;
      }
      const key = k.node.kind === 'scalar' ? k.node.key : keyString(k.value, '');
      const prev = Object.prototype.hasOwnProperty.call(out, key) ? pairs.find((p) => p[0].kind === 'scalar' && p[0].key === key && !merges.includes(p[1]))?.[0] : undefined;
      if (prev) reportDuplicateKey(this.diag, this.file, key, k.node, prev);
      out[key] = v.value;
      pairs.push([k.node, v.node]);
    }
    this.i++;
    // PyYAML (constructor.flatten_mapping): explicit keys win over merged ones; among merged maps the first wins.
    for (const m of mergeValues) if (isYMap(m)) for (const [mk, mv] of Object.entries(m)) if (!Object.prototype.hasOwnProperty.call(out, mk)) out[mk] = mv;
    const last = pairs[pairs.length - 1];
    node.end = last ? Math.max(start + 1, last[1].end, last[0].end) : start + 2;
    return { node, value: out };
  }

  /** Expanded node count of `node` (aliases count their target's size), memoized and capped. */
  private size(node: YNode): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (node.kind === 'alias') n = this.size(node.target);
    else if (node.kind === 'seq') for (const it of node.items) n += this.size(it);
    else if (node.kind === 'map') for (const [, v] of node.pairs) n += this.size(v);
    n = Math.min(n, MAX_EXPANDED_NODES + 1);
    this.sizes.set(node, n);
    return n;
  }
}

/** LT0002 for the mapping key `at` that repeats the earlier key `first`. */
function reportDuplicateKey(diag: DiagnosticCollector, file: string, key: string, at: YNode, first: YNode): void {
  const span = (n: YNode): Span => ({ file, start: n.start, end: Math.max(n.end, n.start + 1) });
  diag.report('LT0002', span(at), { key }, {
    label: 'duplicate key',
    secondary: [{ span: span(first), message: 'first defined here' }],
    notes: ['PyYAML-based tools (tosca-parser, the orchestrator) silently keep the last value'],
    help: `remove one of the \`${key}\` entries or merge them`,
  });
}

/** A plain `<<` key (or one tagged `!!merge`): PyYAML's merge key. */
function isMergeKey(source: string, e: ScalarEvent, tag: string | undefined): boolean {
  if (tag === 'tag:yaml.org,2002:merge') return true;
  return tag === undefined && e.style === 1 && getScalarValue(source, e) === '<<';
}

/** The string a scalar key becomes in plain data (PyYAML keys are Python values; ours are strings). */
function keyString(value: unknown, raw: string): string {
  if (value instanceof Date) return raw;
  return value === null ? 'null' : String(value);
}

/** The source node at `path` (following aliases and merges), or undefined; the key node when `key`. */
export function nodeAt(root: YNode | undefined, path: DataPath, key = false): YNode | undefined {
  let cur: YNode | undefined = root;
  for (let i = 0; i < path.length && cur; i++) {
    while (cur && cur.kind === 'alias') cur = cur.target;
    if (!cur) return undefined;
    const seg = path[i];
    if (cur.kind === 'seq' && typeof seg === 'number') cur = cur.items[seg];
    else if (cur.kind === 'map') {
      const found = findPair(cur, String(seg), 0);
      if (!found) return undefined;
      if (key && i === path.length - 1) return found[0];
      cur = found[1];
    } else return undefined;
  }
  return cur;
}

function findPair(m: Extract<YNode, { kind: 'map' }>, seg: string, depth: number): [YNode, YNode] | undefined {
  let found: [YNode, YNode] | undefined;
  for (const p of m.pairs) if (p[0].kind === 'scalar' && p[0].key === seg && !m.merges.includes(p[1])) found = p;
  if (found || depth > 8) return found;
  for (const src of m.merges) {
    let t: YNode = src;
    while (t.kind === 'alias') t = t.target;
    const maps = t.kind === 'seq' ? t.items : [t];
    for (let x of maps) {
      while (x.kind === 'alias') x = x.target;
      if (x.kind === 'map') {
        const f = findPair(x, seg, depth + 1);
        if (f) return f;
      }
    }
  }
  return undefined;
}

/** The smallest span for `path` in `pf` (the key when `key`), else the key of the nearest ancestor. */
export function spanAt(pf: ParsedFile, path: DataPath, key = false): Span {
  if (pf.tree) {
    for (let n = path.length; n >= 1; n--) {
      const node = nodeAt(pf.tree, path.slice(0, n), n === path.length ? key : true);
      if (node) return { file: pf.file, start: node.start, end: Math.max(node.end, node.start + 1) };
    }
    return { file: pf.file, start: pf.tree.start, end: pf.tree.start + 1 };
  }
  return { file: pf.file, start: 0, end: Math.min(1, pf.text.length) };
}
