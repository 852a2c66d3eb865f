// `--dump model`: one lowered cluster model as YAML, so a user sees exactly what the compiler
// understood. Key order follows the model; spans print as `file:line:col-line:col` when the
// source text is given (via LineIndex), else as `file@start-end` offsets. Pure function.
import { stringify } from 'yaml';
import { LineIndex } from '../diagnostics/line-index.js';
import type { Span } from '../diagnostics/span.js';
import type { ClusterModel } from './model.js';

function isSpan(v: unknown): v is Span {
  if (typeof v !== 'object' || v === null) return false;
  const keys = Object.keys(v);
  return keys.length === 3 && 'file' in v && 'start' in v && 'end' in v;
}

/** Renders one cluster model as YAML text; `source` (the spec text) gives spans line:col form. */
export function dumpModel(m: ClusterModel, source?: string): string {
  const index = source !== undefined ? new LineIndex(source) : undefined;
  const span = (s: Span): string => {
    if (!index) return `${s.file}@${s.start}-${s.end}`;
    const a = index.position(s.start);
    const b = index.position(s.end);
    return `${s.file}:${a.line}:${a.column}-${b.line}:${b.column}`;
  };
  const plain = (v: unknown): unknown => {
    if (isSpan(v)) return span(v);
    if (Array.isArray(v)) return v.map(plain);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = plain(x);
      return out;
    }
    return v;
  };
  return stringify(plain(m), { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}
