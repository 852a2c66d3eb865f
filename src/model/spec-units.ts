// Quantities written back in the spec's own notation for messages (`15 min`, not `900s` or a
// target's `15 m`), so a warning quotes what the user wrote. Used by the services' target notes (src/services/elasticity.ts).

/** Seconds as the largest spec duration unit that divides them exactly: `15 min`, `2 h`, `90 s`. */
export function specDuration(seconds: number): string {
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}`;
  }
  return `${seconds} s`;
}
