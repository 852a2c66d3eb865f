// `clusterc check --dump ast`: the AST as YAML, so a user sees exactly what was parsed.
// Spans print as `line:col-line:col` (1-based, via LineIndex); the file name is dropped
// because it is the same for every node.
import YAML from 'yaml';
import { LineIndex } from '../diagnostics/line-index.js';
import type { Span } from '../diagnostics/span.js';
import type { SpecFile } from './ast.js';

/** Renders the AST as YAML text. */
export function dumpAst(ast: SpecFile, text: string): string {
  const idx = new LineIndex(text);
  const at = (s: Span) => {
    const a = idx.position(s.start);
    const b = idx.position(s.end);
    return `${a.line}:${a.column}-${b.line}:${b.column}`;
  };
  const conv = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(conv);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['file'] === 'string' && typeof o['start'] === 'number' && typeof o['end'] === 'number') return at(o as unknown as Span);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) if (x !== undefined) out[k] = conv(x);
      return out;
    }
    return v;
  };
  return YAML.stringify(conv(ast), { lineWidth: 0, aliasDuplicateObjects: false });
}
