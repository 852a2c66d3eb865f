// Did-you-mean for the model phase: Damerau-Levenshtein (optimal string alignment) distance and
// a picker of the closest known name. Pure functions; lowering uses them for `help` lines.

/** Edit distance with insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = v;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name closest to `name`, or undefined when none is close enough
 * (distance at most a third of the longer name, and at least 1; case is ignored).
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const limit = Math.max(1, Math.floor(Math.max(lower.length, k.length) / 3));
    // The distance is at least the length difference: skip the quadratic table when that is too far.
    if (Math.abs(lower.length - k.length) > limit) continue;
    const dist = editDistance(lower, k.toLowerCase());
    if (dist <= limit && dist < bestD) {
      best = k;
      bestD = dist;
    }
  }
  return best;
}
