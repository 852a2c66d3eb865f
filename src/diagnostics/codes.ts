// The one catalogue of diagnostic codes, merged from the per-phase bands in codes/.
// Bands: CS0xxx internal, CS1xxx lex/parse, CS2xxx lower/meaning, CS31xx TOSCA emit,
// CS32xx HOT emit, CS4xxx workflow commands (submit, fmt, diff), LT0xxx-LT2xxx lint. Codes are stable and never reused: a retired code
// stays in its band with `retired: true`.
import { CORE_CODES } from './codes/core.js';
import { SPEC_CODES } from './codes/spec.js';
import { MODEL_CODES } from './codes/model.js';
import { TOSCA_CODES } from './codes/tosca.js';
import { HOT_CODES } from './codes/hot.js';
import { LINT_CODES } from './codes/lint.js';
import { WORKFLOW_CODES } from './codes/workflow.js';
import { SETTINGS_CODES } from './codes/settings.js';
import type { CodeInfo } from './codes/define.js';

export type { CodeInfo } from './codes/define.js';
export { tick } from './codes/define.js';

/** Every code, by code. */
export const CODES = {
  ...CORE_CODES,
  ...SPEC_CODES,
  ...MODEL_CODES,
  ...TOSCA_CODES,
  ...HOT_CODES,
  ...LINT_CODES,
  ...WORKFLOW_CODES,
  ...SETTINGS_CODES,
};

/** A known diagnostic code. */
export type Code = keyof typeof CODES;

/** The message arguments of `C`. */
export type ArgsOf<C extends Code> = Parameters<(typeof CODES)[C]['message']>[0];

/** Looks a code up by code (`CS1001`, case-insensitive) or by name (`unterminated-string`). */
export function lookupCode(key: string): (CodeInfo & { code: string }) | undefined {
  const upper = key.toUpperCase();
  const table = CODES as Record<string, CodeInfo>;
  const direct = table[upper];
  if (direct) return { ...direct, code: upper };
  for (const [code, info] of Object.entries(table)) if (info.name === key) return { ...info, code };
  return undefined;
}

/** All codes with their info, in code order. */
export function allCodes(): (CodeInfo & { code: string })[] {
  return Object.entries(CODES as Record<string, CodeInfo>)
    .map(([code, info]) => ({ ...info, code }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
