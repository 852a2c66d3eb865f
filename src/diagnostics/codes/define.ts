// The shape of one catalogue entry and a helper that keeps each band's literal types.
// Bands live in their own files (spec.ts, model.ts, ...) so each phase owns its codes;
// codes.ts merges them into the one catalogue.
import type { Severity } from '../diagnostic.js';

/** One diagnostic code: its stable name, default severity, message builder and long explanation. */
export interface CodeInfo<A = any> {
  /** kebab-case name users type in `--allow` / `--deny` (reads as "allow <name>"). */
  readonly name: string;
  readonly severity: Severity;
  /** Builds the message (lowercase, no final period, names in `backticks`). */
  readonly message: (args: A) => string;
  /** Long explanation printed by `clusterc explain CODE`. */
  readonly explain: string;
  /** Lint rules and lossy-emit warnings may be allowed or denied; compile errors may not. */
  readonly configurable?: boolean;
  /** A retired code: kept so that it is never reused. */
  readonly retired?: true;
}

/** Identity function that checks a band's entries against `CodeInfo` and keeps their types. */
export function defineCodes<T extends Record<string, CodeInfo>>(codes: T): T {
  return codes;
}

/** Wraps a name in backticks for messages, escaping backticks inside it. */
export function tick(name: string | number): string {
  return '`' + String(name).replace(/`/g, "'") + '`';
}
