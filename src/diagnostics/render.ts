// Renderers: diagnostics → rustc-style text (code frame, optional ANSI colour) or JSON.
// Positions come from LineIndex only. The code frame expands tabs and measures display
// width per code point, so tabs, CRLF and non-ASCII text never shift the caret.
import { CODES } from './codes.js';
import type { CodeInfo } from './codes/define.js';
import type { Diagnostic, Label, Severity } from './diagnostic.js';
import { LineIndex, type Position } from './line-index.js';

/** Source texts by file name, so the renderer can show code frames. */
export type SourceMap = ReadonlyMap<string, string>;

/** Options of the human renderer. */
export interface HumanOptions {
  /** Emit ANSI colours. @default false */
  readonly color?: boolean;
}

const TAB_WIDTH = 4;
/** Longest source line shown whole, in UTF-16 units; longer ones are windowed around the span. */
const MAX_LINE = 160;
const WINDOW_BEFORE = 60;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
const ANSI = { red: '31', yellow: '33', cyan: '36', blue: '34', bold: '1' } as const;

class Frames {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(readonly sources: SourceMap) {}
  index(file: string): LineIndex | undefined {
    let idx = this.indexes.get(file);
    if (!idx) {
      const text = this.sources.get(file);
      if (text === undefined) return undefined;
      idx = new LineIndex(text);
      this.indexes.set(file, idx);
    }
    return idx;
  }
}

/** Renders diagnostics rustc-style; blocks are separated by a blank line. */
export function renderHuman(ds: readonly Diagnostic[], sources: SourceMap, opts: HumanOptions = {}): string {
  const frames = new Frames(sources);
  return ds.map((d) => renderOne(d, frames, opts.color === true)).join('\n');
}

/** One-line summary such as `2 errors, 1 warning`, or '' when there is nothing. */
export function renderSummary(ds: readonly Diagnostic[]): string {
  const n = (s: Severity) => ds.filter((d) => d.severity === s).length;
  const parts: string[] = [];
  const e = n('error');
  const w = n('warning');
  if (e) parts.push(`${e} error${e === 1 ? '' : 's'}`);
  if (w) parts.push(`${w} warning${w === 1 ? '' : 's'}`);
  const o = n('note');
  if (o) parts.push(`${o} note${o === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function paint(color: boolean, code: string, s: string): string {
  return color ? `\u001b[${code}m${s}\u001b[0m` : s;
}

function severityColor(s: Severity): string {
  return s === 'error' ? ANSI.red : s === 'warning' ? ANSI.yellow : ANSI.cyan;
}

function renderOne(d: Diagnostic, frames: Frames, color: boolean): string {
  const sc = severityColor(d.severity);
  const out: string[] = [];
  out.push(paint(color, `${ANSI.bold};${sc}`, `${d.severity}[${d.code}]`) + paint(color, ANSI.bold, `: ${d.message}`));
  // Labels in source order per file, the primary's file first (as rustc shows one snippet).
  const labels: { label: Label; primary: boolean }[] = [];
  if (d.primary) labels.push({ label: d.primary, primary: true });
  for (const s of d.secondary ?? []) labels.push({ label: s, primary: false });
  const firstFile = labels[0]?.label.span.file;
  labels.sort((a, b) => {
    const fa = a.label.span.file === firstFile ? '' : a.label.span.file;
    const fb = b.label.span.file === firstFile ? '' : b.label.span.file;
    return fa < fb ? -1 : fa > fb ? 1 : a.label.span.start - b.label.span.start;
  });
  // Gutter width from the largest line number shown.
  let maxLine = 1;
  for (const { label } of labels) {
    const idx = frames.index(label.span.file);
    if (idx) maxLine = Math.max(maxLine, idx.position(label.span.start).line);
  }
  const pad = ' '.repeat(String(maxLine).length);
  const bar = paint(color, ANSI.blue, '|');
  let currentFile: string | undefined;
  for (const { label, primary } of labels) {
    const idx = frames.index(label.span.file);
    const pos: Position | undefined = idx?.position(label.span.start);
    const where = pos ? `${label.span.file}:${pos.line}:${pos.column}` : label.span.file;
    if (currentFile === undefined) {
      // The header always names the primary location, whatever label is drawn first.
      const p = d.primary?.span ?? label.span;
      const ppos = frames.index(p.file)?.position(p.start);
      out.push(`${pad}${paint(color, ANSI.blue, '-->')} ${ppos ? `${p.file}:${ppos.line}:${ppos.column}` : p.file}`);
    }
    else if (currentFile !== label.span.file) out.push(`${pad}${paint(color, ANSI.blue, ':::')} ${where}`);
    currentFile = label.span.file;
    if (!idx || !pos) {
      if (label.message) out.push(`${pad} = ${label.message}`);
      continue;
    }
    const line0 = pos.line - 1;
    const lineStart = idx.lineStart(line0);
    const lineEnd = idx.lineEnd(line0);
    const text = frames.sources.get(label.span.file) ?? '';
    // Very long lines are shown as a window around the span (`...` marks the cuts), so a
    // minified or pathological line does not flood the terminal.
    let from = lineStart;
    let to = lineEnd;
    if (lineEnd - lineStart > MAX_LINE) {
      from = Math.max(lineStart, Math.min(label.span.start - WINDOW_BEFORE, lineEnd - MAX_LINE));
      to = Math.min(lineEnd, from + MAX_LINE);
      if (from > lineStart && isLowSurrogate(text.charCodeAt(from))) from++;
      if (to < lineEnd && isLowSurrogate(text.charCodeAt(to))) to++;
    }
    const lead = from > lineStart ? '...' : '';
    const tailCut = to < lineEnd ? '...' : '';
    const lineText = text.slice(from, to);
    const startCol = lead.length + displayWidth(lineText, 0, Math.max(0, label.span.start - from));
    const endOffset = Math.min(Math.max(label.span.end, label.span.start), to);
    let width = lead.length + displayWidth(lineText, 0, Math.max(0, endOffset - from)) - startCol;
    if (width <= 0) width = 1;
    out.push(`${pad} ${bar}`);
    out.push(`${paint(color, ANSI.blue, String(pos.line).padStart(pad.length))} ${bar} ${lead}${expandLine(lineText)}${tailCut}`.trimEnd());
    const mark = (primary ? '^' : '-').repeat(width);
    const caret = paint(color, primary ? `${ANSI.bold};${sc}` : ANSI.blue, mark + (label.message ? ` ${label.message}` : ''));
    out.push(`${pad} ${bar} ${' '.repeat(startCol)}${caret}`);
  }
  const tail: string[] = [];
  if (d.help) tail.push(`${pad} = ${paint(color, ANSI.bold, 'help')}: ${d.help}`);
  for (const n of d.notes ?? []) tail.push(`${pad} = ${paint(color, ANSI.bold, 'note')}: ${n}`);
  if (tail.length > 0 && labels.length > 0) out.push(`${pad} ${bar}`);
  out.push(...tail);
  return out.join('\n') + '\n';
}

/** Display width of lineText[from, to): tabs to the next stop, wide characters 2, combining 0. */
export function displayWidth(lineText: string, from: number, to: number): number {
  let col = 0;
  const end = Math.min(to, lineText.length);
  for (let i = from; i < end; ) {
    const cp = lineText.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (cp === 9) col += TAB_WIDTH - (col % TAB_WIDTH);
    else col += charWidth(cp);
  }
  return col;
}

/** The line as displayed: tabs expanded, control characters made visible. */
function expandLine(lineText: string): string {
  let out = '';
  let col = 0;
  for (const ch of lineText) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 9) {
      const n = TAB_WIDTH - (col % TAB_WIDTH);
      out += ' '.repeat(n);
      col += n;
    } else if (cp < 0x20 || cp === 0x7f) {
      out += '\ufffd';
      col += 1;
    } else {
      out += ch;
      col += charWidth(cp);
    }
  }
  return out;
}

/** Terminal column width of one code point (0, 1 or 2). */
export function charWidth(cp: number): number {
  if (cp < 0x20 || cp === 0x7f) return 1; // shown as U+FFFD
  if (
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f)
  ) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

/** A position in JSON output: 1-based line and code-point column, plus the UTF-16 offset. */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** One diagnostic in JSON output. Absent values are null so the shape is stable. */
export interface JsonDiagnostic {
  readonly code: string;
  readonly name: string | null;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string | null;
  readonly start: JsonPosition | null;
  readonly end: JsonPosition | null;
  readonly label: string | null;
  readonly help: string | null;
  readonly notes: readonly string[];
  readonly related: readonly { file: string; start: JsonPosition | null; end: JsonPosition | null; message: string | null }[];
  readonly path: readonly (string | number)[] | null;
  /**
   * The suggested fix as edits of the primary file (offsets are UTF-16, as in `start.offset`);
   * present only when the fix is mechanical.
   */
  readonly fix?: readonly { start: JsonPosition | null; end: JsonPosition | null; text: string }[];
}

/** Converts diagnostics to their JSON shape (positions resolved through `sources`). */
export function toJson(ds: readonly Diagnostic[], sources: SourceMap): JsonDiagnostic[] {
  const frames = new Frames(sources);
  const pos = (file: string, offset: number): JsonPosition | null => frames.index(file)?.position(offset) ?? null;
  return ds.map((d) => {
    const p = d.primary;
    return {
      code: d.code,
      name: (CODES as Record<string, CodeInfo>)[d.code]?.name ?? null,
      severity: d.severity,
      message: d.message,
      file: p?.span.file ?? null,
      start: p ? pos(p.span.file, p.span.start) : null,
      end: p ? pos(p.span.file, p.span.end) : null,
      label: p?.message ?? null,
      help: d.help ?? null,
      notes: d.notes ?? [],
      related: (d.secondary ?? []).map((s) => ({
        file: s.span.file,
        start: pos(s.span.file, s.span.start),
        end: pos(s.span.file, s.span.end),
        message: s.message ?? null,
      })),
      path: d.path ?? null,
      ...(d.fix ? { fix: d.fix.map((e) => ({ start: pos(e.span.file, e.span.start), end: pos(e.span.file, e.span.end), text: e.text })) } : {}),
    };
  });
}

/** Renders the JSON document `{"diagnostics": [...], "summary": {...}}` with a final newline. */
export function renderJson(ds: readonly Diagnostic[], sources: SourceMap): string {
  const count = (s: Severity) => ds.filter((d) => d.severity === s).length;
  return (
    JSON.stringify(
      { diagnostics: toJson(ds, sources), summary: { errors: count('error'), warnings: count('warning'), notes: count('note') } },
      null,
      2,
    ) + '\n'
  );
}
