// Source spans: half-open [start, end) UTF-16 offsets into one file's text.
// Line and column are never stored; they are computed when rendering (line-index.ts).

/** A half-open range of UTF-16 code-unit offsets in one source file. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** The span covering both `a` and `b` (same file assumed). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** A zero-width span at `offset`. */
export function pointSpan(file: string, offset: number): Span {
  return { file, start: offset, end: offset };
}
