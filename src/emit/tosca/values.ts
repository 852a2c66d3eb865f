// TOSCA value helpers for the emitter: model parameters → literal or `get_input`, byte and
// second counts → TOSCA scalar-unit strings, and the Jinja guard. TOSCA Simple Profile 1.0
// §3.2.6 (scalar-unit.size / scalar-unit.time) and §4.4.1 (get_input). Pure functions; the only
// side effect is reporting CS3110 on the collector that is passed in.
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Span } from '../../diagnostics/span.js';
import type { Param } from '../../model/model.js';
import type { YamlValue } from '../yaml.js';

/** Matches the delimiters Jinja evaluates: `{{`, `{%`, `{#`. */
export const JINJA_DELIMITER = /\{[{%#]/;

/**
 * A regular expression that matches exactly the strings the orchestrator can pass on: no `{{`, `{%`
 * or `{#` (every `{` is followed by another allowed character or ends the string), and no `"` or `\`,
 * because the Infrastructure Manager writes every string variable into its Ansible recipe as
 * `name: "value"` without escaping (grycap/im IM/tosca/Tosca.py:969-975), where a quote ends the
 * scalar and a backslash starts an escape. It avoids look-ahead so that Java (Alien4Cloud in the
 * orchestrator) and Python (tosca-parser) read it the same way; TOSCA §3.5.2 `pattern` is a full match.
 */
export const IM_SAFE_PATTERN = '([^{"\\\\]|\\{[^{%#"\\\\])*\\{?';

/** Matches the characters the IM's recipe writer cannot carry in a double-quoted scalar. */
export const IM_UNSAFE_CHAR = /["\\]/;

/** `{ get_input: name }` (TOSCA §4.4.1). */
export function getInput(name: string): YamlValue {
  return { get_input: name };
}

/**
 * The TOSCA value of a model parameter: the literal, or `get_input` for an input. A literal
 * string with a Jinja delimiter is reported as CS3110 (`what` names it in the message).
 */
export function paramValue<T extends string | number | boolean>(
  p: Param<T>,
  what: string,
  diag: DiagnosticCollector,
  convert: (v: T) => YamlValue = (v) => v,
): YamlValue {
  if (p.kind === 'input') return getInput(p.input);
  if (typeof p.value === 'string') checkJinja(p.value, what, p.origin, diag);
  return convert(p.value);
}

/**
 * Reports CS3110 when a literal string from the spec contains a Jinja delimiter, and CS3115 when it
 * contains a character the Infrastructure Manager's recipe writer breaks on (IM_SAFE_PATTERN).
 */
export function checkJinja(value: string, what: string, span: Span | undefined, diag: DiagnosticCollector): void {
  if (JINJA_DELIMITER.test(value)) {
    diag.report('CS3110', span, { what }, {
      label: 'ansible would evaluate this as a template',
      help: `declare it as an input (\`= input\` or \`= secret\`) and give the value at deployment time; string inputs reject ${tick('{{')}, ${tick('{%')} and ${tick('{#')}`,
    });
  }
  const bad = IM_UNSAFE_CHAR.exec(value)?.[0];
  if (bad !== undefined) {
    diag.report('CS3115', span, { what, char: bad }, {
      label: `${tick(bad)} breaks the orchestrator's recipe`,
      help: `remove the ${tick(bad)}; the TOSCA target cannot carry ${tick('"')} or ${tick('\\')} in a string (the HOT target can)`,
    });
  }
}

const SIZE_UNITS: readonly (readonly [string, number])[] = [
  ['TB', 1e12], ['TiB', 2 ** 40], ['GB', 1e9], ['GiB', 2 ** 30], ['MB', 1e6], ['MiB', 2 ** 20], ['kB', 1e3], ['KiB', 2 ** 10],
];

/**
 * Bytes → scalar-unit.size (TOSCA §3.2.6.4), in the largest unit that divides the count
 * exactly, decimal before binary at equal magnitude: 4e9 → `4 GB`, 2^32 → `4 GiB`, 1536 → `1536 B`
 * would be `1.5 KiB`, so exactness wins over brevity.
 */
export function sizeValue(bytes: number): string {
  for (const [unit, factor] of SIZE_UNITS) {
    if (bytes >= factor && Number.isInteger(bytes / factor)) return `${bytes / factor} ${unit}`;
  }
  return `${bytes} B`;
}

const TIME_UNITS: readonly (readonly [string, number])[] = [['d', 86400], ['h', 3600], ['m', 60]];

/** Seconds → scalar-unit.time (TOSCA §3.2.6.5), in the largest exact unit: 600 → `10 m`. */
export function durationValue(seconds: number): string {
  for (const [unit, factor] of TIME_UNITS) {
    if (seconds >= factor && Number.isInteger(seconds / factor)) return `${seconds / factor} ${unit}`;
  }
  return `${seconds} s`;
}

/** Turns a group id or pool label into a TOSCA-friendly name part ([a-z0-9_]). */
export function sanitize(label: string): string {
  const s = label.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return s === '' ? 'pool' : s;
}
