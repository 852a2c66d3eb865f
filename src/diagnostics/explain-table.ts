// What `clusterc explain` prints of the catalogue (src/diagnostics/codes.ts): each code's name,
// severity, explanation and whether --allow/--deny may name it, without the message builders.
// Here it is derived from the catalogue; the start-up bundle (src/tools/build-fast.ts) replaces
// this module by the table this function returns, as one JSON literal, so that `explain` does not
// load the catalogue's modules. test/cli/launcher.test.ts compares the two for every code.
import { CODES, type CodeInfo } from './codes.js';
import { isConfigurable } from './policy.js';

/** One code as `explain` shows it. */
export interface ExplainEntry {
  readonly code: string;
  readonly name: string;
  readonly severity: string;
  readonly explain: string;
  readonly configurable: boolean;
  readonly retired: boolean;
}

/** Every code, in the catalogue's own order (that of `CODES`). */
export function explainTable(): readonly ExplainEntry[] {
  return Object.entries(CODES as Record<string, CodeInfo>).map(([code, info]) => ({
    code,
    name: info.name,
    severity: info.severity,
    explain: info.explain,
    configurable: isConfigurable(info),
    retired: info.retired === true,
  }));
}
