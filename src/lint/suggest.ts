// Did-you-mean suggestions for unknown keys and type names: optimal-string-alignment distance
// (Levenshtein plus adjacent transpositions, so `prot` → `port`) with a bound,
// linear in the number of candidates (no quadratic scans across a whole file).

/** Edit distance between `a` and `b`, or `max + 1` once it is known to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** The candidate closest to `name` (within a third of its length, at least 1), or undefined. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const max = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c === name) continue;
    const d = c.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, c, max);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** `help` text for a did-you-mean, or an empty object when nothing is close. */
export function helpFor(name: string, candidates: Iterable<string>): { help?: string } {
  const best = didYouMean(name, candidates);
  return best ? { help: `did you mean \`${best}\`?` } : {};
}
