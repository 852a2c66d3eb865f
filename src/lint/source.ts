// Lint phase 1 (reading): YAML text → a yaml Document with source ranges plus a plain-data value.
// Reports LT0001 syntax errors, LT0002 duplicate keys (at the second key, first one as secondary)
// and LT0003 alias expansion beyond a fixed budget. Invariants: never throws on bad input; maps
// become null-prototype objects, so `__proto__` / `constructor` keys are plain data; an alias is
// converted once and shared, and its expanded size is bounded before any later phase walks it.
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';

/** A data path into a YAML document (map keys and sequence indexes). */
export type DataPath = readonly (string | number)[];

/** A plain-data YAML map: null prototype, so every key is data. */
export type YMap = { [key: string]: unknown };

/** One parsed YAML file. `value` is undefined when the file is empty or unusable. */
export interface ParsedFile {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed | undefined;
  readonly value: unknown;
}

/** Largest expanded size (nodes, counting each alias expansion in full) a document may have. */
export const MAX_EXPANDED_NODES = 200_000;

/** True for a plain-data map produced by `parseYamlFile`. */
export function isYMap(v: unknown): v is YMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own-property lookup that never reaches a prototype. */
export function own(m: unknown, key: string): unknown {
  return isYMap(m) && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

/** Parses `text` (file name `file`), reporting reading problems into `diag`. */
export function parseYamlFile(file: string, text: string, diag: DiagnosticCollector): ParsedFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const list = Array.isArray(docs) ? docs : [];
  let hadSyntax = false;
  for (const d of list) {
    for (const e of d.errors) {
      hadSyntax = true;
      const [s, t] = e.pos;
      diag.report('LT0001', { file, start: s, end: Math.max(t, s + 1) }, { message: firstLine(e.message) }, { notes: [`yaml error code ${e.code}`] });
    }
  }
  if (list.length > 1) {
    const second = list[1];
    const at = second?.range?.[0] ?? 0;
    diag.report('LT0004', { file, start: at, end: at + 3 }, {}, { help: 'split the documents into separate files' });
  }
  const doc = list[0];
  if (!doc || hadSyntax) return { file, text, doc, value: undefined };
  const conv = new Converter(doc, file, diag);
  const value = conv.value(doc.contents);
  if (conv.overflow) return { file, text, doc, value: undefined };
  return { file, text, doc, value };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.replace(/\.$/, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
}

/** Converts yaml nodes to plain data, detecting duplicate keys and bounding alias expansion. */
class Converter {
  overflow = false;
  private readonly aliasValues = new Map<Node, unknown>();
  private readonly sizes = new Map<Node, number>();
  private total = 0;

  constructor(private readonly doc: Document.Parsed, private readonly file: string, private readonly diag: DiagnosticCollector) {}

  value(node: unknown): unknown {
    if (this.overflow || node === null || node === undefined) return null;
    if (isAlias(node)) return this.alias(node);
    this.total++;
    if (isScalar(node)) return node.value ?? null;
    if (isSeq(node)) return node.items.map((it) => this.value(it));
    if (isMap(node)) {
      const out: YMap = Object.create(null);
      const firstKey = new Map<string, Node>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as Node | null;
        const key = isScalar(k) ? String(k.value) : k === null ? '' : JSON.stringify(this.value(k));
        const prev = firstKey.get(key);
        if (prev && k?.range) {
          this.diag.report('LT0002', this.span(k), { key }, {
            label: 'duplicate key',
            secondary: prev.range ? [{ span: this.span(prev), message: 'first defined here' }] : [],
            notes: ['PyYAML-based tools (tosca-parser, the orchestrator) silently keep the last value'],
            help: `remove one of the \`${key}\` entries or merge them`,
          });
        } else if (k) firstKey.set(key, k);
        out[key] = this.value(pair.value);
      }
      return out;
    }
    return null;
  }

  /** An alias: converted once and shared; its full expanded size counts against the budget. */
  private alias(node: Alias): unknown {
    const target = node.resolve(this.doc) as Node | undefined;
    if (!target) return null;
    this.total += this.size(target);
    if (this.total > MAX_EXPANDED_NODES) {
      this.overflow = true;
      this.diag.report('LT0003', this.span(node), { limit: MAX_EXPANDED_NODES }, {
        help: 'reduce the number of nested aliases; TOSCA files do not need them',
      });
      return null;
    }
    if (this.aliasValues.has(target)) return this.aliasValues.get(target);
    this.total -= this.size(target);
    const v = this.value(target);
    this.aliasValues.set(target, v);
    return v;
  }

  /** Expanded node count of `node` (aliases count their target's size), memoized. */
  private size(node: Node, depth = 0): number {
    const known = this.sizes.get(node);
    if (known !== undefined) return known;
    if (depth > 1000) return MAX_EXPANDED_NODES + 1;
    let n = 1;
    if (isAlias(node)) {
      const t = node.resolve(this.doc) as Node | undefined;
      n = t ? this.size(t, depth + 1) : 1;
    } else if (isSeq(node)) {
      for (const it of node.items) if (it) n += this.size(it as Node, depth + 1);
    } else if (isMap(node)) {
      for (const p of node.items) if (isPair(p) && p.value) n += this.size(p.value as Node, depth + 1);
    }
    n = Math.min(n, MAX_EXPANDED_NODES + 1);
    this.sizes.set(node, n);
    return n;
  }

  private span(node: Node): Span {
    const r = node.range ?? [0, 0, 0];
    return { file: this.file, start: r[0], end: Math.max(r[1], r[0] + 1) };
  }
}

/**
 * The yaml node at `path` (following aliases), or undefined. With duplicate keys the last one
 * wins, as in the converted value. When `key` is true, the key node of the last segment.
 */
export function nodeAt(doc: Document.Parsed, path: DataPath, key = false): Node | undefined {
  let cur: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(cur)) cur = cur.resolve(doc);
    const seg = path[i];
    if (isSeq(cur) && typeof seg === 'number') {
      cur = cur.items[seg];
    } else if (isMap(cur)) {
      let found: { key: unknown; value: unknown } | undefined;
      for (const p of cur.items) if (isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg)) found = p;
      if (!found) return undefined;
      if (key && i === path.length - 1) return found.key as Node;
      cur = found.value;
    } else return undefined;
  }
  if (isAlias(cur)) return cur as Node;
  return (cur ?? undefined) as Node | undefined;
}

/** The smallest span for `path` in `pf` (the key when `key`), else the key of the nearest ancestor. */
export function spanAt(pf: ParsedFile, path: DataPath, key = false): Span {
  if (pf.doc) {
    for (let n = path.length; n >= 1; n--) {
      const node = nodeAt(pf.doc, path.slice(0, n), n === path.length ? key : true);
      const r = node?.range;
      if (r) return { file: pf.file, start: r[0], end: Math.max(r[1], r[0] + 1) };
    }
    const r = (pf.doc.contents as Node | null)?.range;
    if (r) return { file: pf.file, start: r[0], end: r[0] + 1 };
  }
  return { file: pf.file, start: 0, end: Math.min(1, pf.text.length) };
}
