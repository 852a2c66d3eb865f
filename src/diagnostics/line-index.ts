// Offset → line/column conversion, the one place where positions are computed.
// Lines end at "\n", "\r\n" or a lone "\r"; the terminator is not part of the line.
// Columns are 1-based and count Unicode code points (a surrogate pair is one column),
// so non-ASCII text does not shift positions; tabs count as one column.

/** A 1-based line and column plus the UTF-16 offset it came from. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

const HIGH_HALF = /[\ud800-\udbff]/;

/**
 * Maps offsets of one text to positions with binary searches over line starts and surrogate pairs,
 * so a position costs O(log n) even on a 200 KB line (100k diagnostics on one line stay cheap).
 */
export class LineIndex {
  private readonly starts: number[];
  /** Offsets of the high halves of the surrogate pairs, ascending. */
  private readonly pairs: number[];

  // Line breaks and surrogate pairs are found with regular expressions (native code) rather than
  // a loop over every character: the CLI runs in V8's interpreter (bin/clusterc.cjs), where such a
  // loop over a 100 KB file costs milliseconds. A pair never holds a line break, so the two scans
  // are independent; pairs are matched left to right, as a scan pairing each high half with the
  // low half right after it does.
  constructor(private readonly text: string) {
    const starts = [0];
    const pairs: number[] = [];
    const breaks = /\r\n?|\n/g;
    while (breaks.exec(text) !== null) starts.push(breaks.lastIndex);
    if (HIGH_HALF.test(text)) {
      const pair = /[\ud800-\udbff][\udc00-\udfff]/g;
      let m: RegExpExecArray | null;
      while ((m = pair.exec(text)) !== null) pairs.push(m.index);
    }
    this.starts = starts;
    this.pairs = pairs;
  }

  /** Number of lines (a text ending in a newline has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number containing `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Start offset of 0-based `line`. */
  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** Offset where the text of 0-based `line` ends (before its terminator). */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? (this.starts[line + 1] ?? this.text.length) : this.text.length;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of 0-based `line`, without its terminator. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** 1-based line and code-point column of `offset`. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    const start = this.lineStart(line);
    const to = Math.min(o, this.lineEnd(line));
    // Code points in [start, to): units minus the pairs wholly inside (a pair cut at `to` counts once).
    const column = to - start - (firstAtOrAfter(this.pairs, to - 1) - firstAtOrAfter(this.pairs, start)) + 1;
    return { line: line + 1, column, offset: o };
  }
}

/** Index of the first element of ascending `xs` that is >= `v`. */
function firstAtOrAfter(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of code points in text[from, to). A lone surrogate counts as one. */
export function countCodePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
