// topology_template.inputs (TOSCA Simple Profile 1.0 §3.5.12 parameter definitions) from the
// model's inputs, in the model's first-use order. Secrets never get a default. Every string
// input (and every string list entry) gets a `pattern` constraint (IM_SAFE_PATTERN) rejecting Jinja
// delimiters, `"` and `\`: its value reaches the orchestrator's Ansible run untagged (design.md §5)
// inside a double-quoted scalar the IM writes without escaping.
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Input, LiteralValue } from '../../model/model.js';
import type { YamlValue } from '../yaml.js';
import { checkJinja, durationValue, IM_SAFE_PATTERN, sizeValue } from './values.js';

/** The TOSCA type of a model input type (TOSCA §3.2 and §3.3.1). */
export function toscaInputType(i: Input): string {
  switch (i.type) {
    case 'string': return 'string';
    case 'integer': return 'integer';
    case 'number': return 'float';
    case 'boolean': return 'boolean';
    case 'size': return 'scalar-unit.size';
    case 'duration': return 'scalar-unit.time';
    case 'list': return 'list';
  }
}

/** The entry type of a list input, from its default's elements (string when unknown or mixed). */
function listEntryType(i: Input): string {
  const d = i.default;
  if (!Array.isArray(d) || d.length === 0) return 'string';
  if (d.every((x) => typeof x === 'boolean')) return 'boolean';
  if (d.every((x) => typeof x === 'number' && Number.isInteger(x))) return 'integer';
  if (d.every((x) => typeof x === 'number')) return 'float';
  return 'string';
}

/** A scalar in the input's TOSCA type (sizes and durations become scalar-unit strings). */
function scalar(i: Input, v: number): YamlValue {
  if (i.type === 'size') return sizeValue(v);
  if (i.type === 'duration') return durationValue(v);
  return v;
}

function defaultValue(i: Input, d: LiteralValue): YamlValue {
  if (Array.isArray(d)) return (d as readonly (string | number | boolean)[]).map((x) => x);
  if (typeof d === 'number') return scalar(i, d);
  return d as string | boolean;
}

/** `greater_or_equal` / `less_or_equal` / `in_range` from the input's bounds (TOSCA §3.5.2). */
function boundConstraints(i: Input): YamlValue[] {
  if (i.min !== undefined && i.max !== undefined) return [{ in_range: [scalar(i, i.min), scalar(i, i.max)] }];
  if (i.min !== undefined) return [{ greater_or_equal: scalar(i, i.min) }];
  if (i.max !== undefined) return [{ less_or_equal: scalar(i, i.max) }];
  return [];
}

/** Builds the inputs section; reports CS3110 for a string default with a Jinja delimiter. */
export function buildInputs(inputs: readonly Input[], diag: DiagnosticCollector): Record<string, YamlValue> {
  const out: Record<string, YamlValue> = {};
  for (const i of inputs) {
    const type = toscaInputType(i);
    const constraints = boundConstraints(i);
    if (i.type === 'string') constraints.push({ pattern: IM_SAFE_PATTERN });
    let entrySchema: YamlValue;
    if (i.type === 'list') {
      const entry = listEntryType(i);
      entrySchema = entry === 'string' ? { type: entry, constraints: [{ pattern: IM_SAFE_PATTERN }] } : { type: entry };
    }
    const d = i.secret ? undefined : i.default;
    if (d !== undefined) {
      for (const s of Array.isArray(d) ? d : [d]) {
        if (typeof s === 'string') checkJinja(s, `the default of input ${tick(i.name)}`, i.origin, diag);
      }
    }
    out[i.name] = {
      type,
      description: i.description,
      entry_schema: entrySchema,
      default: d === undefined ? undefined : defaultValue(i, d),
      required: true,
      constraints: constraints.length > 0 ? constraints : undefined,
    };
  }
  return out;
}
