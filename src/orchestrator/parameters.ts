// The `parameters` of a deployment request: the values of the TOSCA template's inputs, from the
// inputs file (the <cluster>.tosca.inputs.json `compile` writes, filled in) and `--parameter
// NAME=VALUE` (which wins). --parameter text is converted to the input's TOSCA type (§3.2); file
// values must already have it. Inputs without a value fall back to their default, and the
// orchestrator answers 400 for a required input with neither, so that is reported here first.
// Pure: the caller reads the file.
import { tick } from '../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../diagnostics/collector.js';

/** One TOSCA input definition, as emitted (`topology_template.inputs.<name>`). */
export interface InputDefinition {
  readonly type: string;
  readonly default?: unknown;
  readonly required?: boolean;
  readonly entry_schema?: { readonly type?: string };
}

/** Reads the inputs section of a parsed TOSCA document. */
export function inputDefinitions(tosca: unknown): Record<string, InputDefinition> {
  const tt = (tosca as { topology_template?: { inputs?: Record<string, InputDefinition> } })?.topology_template;
  return { ...(tt?.inputs ?? {}) };
}

/** The wording of a TOSCA type in CS4013. */
function expected(type: string): string {
  switch (type) {
    case 'integer': return 'a whole number';
    case 'float': return 'a number';
    case 'boolean': return '`true` or `false`';
    case 'list': return 'a list';
    case 'scalar-unit.size': return 'a size such as `4 GB`';
    case 'scalar-unit.time': return 'a time such as `10 m`';
    default: return 'a string';
  }
}

/** Whether a JSON value has the TOSCA type. */
function hasType(v: unknown, def: InputDefinition): boolean {
  switch (def.type) {
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'float': return typeof v === 'number' && Number.isFinite(v);
    case 'boolean': return typeof v === 'boolean';
    case 'list': return Array.isArray(v) && v.every((x) => hasType(x, { type: def.entry_schema?.type ?? 'string' }));
    case 'scalar-unit.size': return typeof v === 'string' && /^[0-9]+(\.[0-9]+)?\s*(B|kB|KB|KiB|MB|MiB|GB|GiB|TB|TiB)$/i.test(v.trim());
    case 'scalar-unit.time': return typeof v === 'string' && /^[0-9]+(\.[0-9]+)?\s*(d|h|m|s|ms|us|ns)$/i.test(v.trim());
    default: return typeof v === 'string';
  }
}

/** Converts --parameter text to the input's type; undefined when it cannot. */
export function convertText(text: string, def: InputDefinition): unknown {
  switch (def.type) {
    case 'integer': return /^-?[0-9]+$/.test(text.trim()) ? Number(text) : undefined;
    case 'float': return /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(text.trim()) ? Number(text) : undefined;
    case 'boolean': return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'list': {
      const entry: InputDefinition = { type: def.entry_schema?.type ?? 'string' };
      let items: unknown[];
      if (text.trim().startsWith('[')) {
        try {
          const v: unknown = JSON.parse(text);
          if (!Array.isArray(v)) return undefined;
          items = v;
        } catch {
          return undefined;
        }
      } else items = text === '' ? [] : text.split(',').map((s) => convertText(s.trim(), entry));
      return items.every((x) => x !== undefined && hasType(x, entry)) ? items : undefined;
    }
    default: return hasType(text, def) ? text : undefined;
  }
}

/** Splits `NAME=VALUE` (the value may contain `=`); undefined without a `=`. */
export function splitParameter(p: string): [string, string] | undefined {
  const i = p.indexOf('=');
  return i > 0 ? [p.slice(0, i), p.slice(i + 1)] : undefined;
}

/**
 * The parameters to send: every input given a value (file, then --parameter); inputs left null
 * or absent are not sent, so the orchestrator applies their defaults. Reports CS4011 (required
 * and no value), CS4012 (unknown name), CS4013 (wrong type).
 */
export function resolveParameters(
  defs: Readonly<Record<string, InputDefinition>>,
  fromFile: Readonly<Record<string, unknown>>,
  fromCli: readonly [string, string][],
  diag: DiagnosticCollector,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const own = (name: string) => Object.hasOwn(defs, name);
  for (const [name, v] of Object.entries(fromFile)) {
    if (!own(name)) diag.report('CS4012', undefined, { name }, { help: 'remove it from the inputs file' });
    else if (v === null) continue;
    else if (!hasType(v, defs[name]!)) diag.report('CS4013', undefined, { name, expected: expected(defs[name]!.type) }, { notes: ['in the inputs file (the value is not shown: it may be a secret)'] });
    else out[name] = v;
  }
  for (const [name, text] of fromCli) {
    const def = defs[name];
    if (!own(name) || !def) {
      diag.report('CS4012', undefined, { name }, { help: `the inputs are: ${Object.keys(defs).map(tick).join(', ') || 'none'}` });
      continue;
    }
    const v = convertText(text, def);
    if (v === undefined) diag.report('CS4013', undefined, { name, expected: expected(def.type) }, { help: `--parameter ${name}=… needs ${expected(def.type)}` });
    else out[name] = v;
  }
  const missing = Object.entries(defs)
    .filter(([name, d]) => d.required !== false && d.default === undefined && !Object.hasOwn(out, name))
    .map(([name]) => name);
  if (missing.length > 0) {
    diag.report('CS4011', undefined, { names: missing.map(tick).join(', ') }, {
      help: `fill ${missing.length === 1 ? 'it' : 'them'} in the inputs file, or pass ${missing.map((n) => `--parameter ${n}=…`).join(' ')}`,
    });
  }
  return out;
}
