// Severity policy applied after the phases ran: `--allow NAME`, `--deny NAME` (configurable
// codes only: every warning and note, and the lint rules) and `--deny-warnings`.
import { CODES } from './codes.js';
import type { CodeInfo } from './codes/define.js';
import type { Diagnostic } from './diagnostic.js';

/** What the user asked for on the command line. */
export interface Policy {
  readonly allow?: ReadonlySet<string>;
  readonly deny?: ReadonlySet<string>;
  readonly denyWarnings?: boolean;
}

/**
 * Whether `--allow` / `--deny` may name a code: every warning and note (a warning is advice the
 * user may decline), and the lint rules marked configurable; compile errors never.
 */
export function isConfigurable(info: CodeInfo): boolean {
  return info.configurable === true || info.severity !== 'error';
}

/** Applies `policy`: allowed codes are dropped, denied ones and (with denyWarnings) warnings become errors. */
export function applyPolicy(ds: readonly Diagnostic[], policy: Policy): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const info = (CODES as Record<string, CodeInfo>)[d.code];
    const names = info ? [info.name, d.code] : [d.code];
    const configurable = info !== undefined && isConfigurable(info);
    if (configurable && names.some((n) => policy.allow?.has(n))) continue;
    const denied = configurable && names.some((n) => policy.deny?.has(n));
    if ((d.severity === 'warning' && policy.denyWarnings) || (d.severity !== 'error' && denied)) {
      out.push({ ...d, severity: 'error' });
    } else out.push(d);
  }
  return out;
}

/** Names (or codes) in `names` that are not configurable codes; used to reject bad `--allow/--deny`. */
export function unknownPolicyNames(names: Iterable<string>): string[] {
  const known = new Set<string>();
  for (const [code, info] of Object.entries(CODES as Record<string, CodeInfo>)) {
    if (isConfigurable(info)) {
      known.add(code);
      known.add(info.name);
    }
  }
  return [...names].filter((n) => !known.has(n));
}
