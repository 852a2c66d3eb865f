// SARIF 2.1.0 renderer for `clusterc lint --format sarif` (GitHub code scanning). One run, tool driver
// `clusterc` with one rule per catalogue code that can appear, results with ruleId/ruleIndex/level and a
// physical location (artifact URI relative to %SRCROOT%, 1-based line/column region).
import { createHash } from 'node:crypto';
import { CODES } from './codes.js';
import type { CodeInfo } from './codes/define.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import { LineIndex } from './line-index.js';
import type { SourceMap } from './render.js';
import type { Span } from './span.js';

/** Where the SARIF rules' help links point. */
export const INFORMATION_URI = 'https://github.com/clusterc/clusterc/blob/main/src/lint/README.md';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', note: 'note' };

/** Renders `ds` as a SARIF 2.1.0 log; `rulePrefix` selects which catalogue codes are listed as rules. */
export function renderSarif(ds: readonly Diagnostic[], sources: SourceMap, rulePrefix = 'LT'): string {
  const table = CODES as Record<string, CodeInfo>;
  const ruleIds = Object.keys(table).filter((c) => c.startsWith(rulePrefix));
  for (const d of ds) if (!ruleIds.includes(d.code)) ruleIds.push(d.code);
  ruleIds.sort();
  const rules = ruleIds.map((id) => {
    const info = table[id];
    return {
      id,
      name: info?.name ?? id,
      shortDescription: { text: info?.name ?? id },
      fullDescription: { text: (info?.explain ?? id).replace(/\s+/g, ' ').trim() },
      helpUri: `${INFORMATION_URI}#${id.toLowerCase()}`,
      defaultConfiguration: { level: LEVEL[info?.severity ?? 'error'] },
    };
  });
  const indexes = new Map<string, LineIndex>();
  const index = (file: string) => {
    let i = indexes.get(file);
    const text = sources.get(file);
    if (!i && text !== undefined) indexes.set(file, (i = new LineIndex(text)));
    return i;
  };
  const results = ds.map((d) => {
    const message = d.help ? `${d.message}\nhelp: ${d.help}` : d.message;
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: ruleIds.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: message },
    };
    const location = (span: Span, message?: string) => {
      const idx = index(span.file);
      const s = idx?.position(span.start) ?? { line: 1, column: 1 };
      const e = idx?.position(Math.max(span.end, span.start)) ?? s;
      return {
        physicalLocation: {
          artifactLocation: { uri: toUri(span.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: Math.max(e.column, e.line === s.line ? s.column + 1 : 1) },
        },
        ...(message ? { message: { text: message } } : {}),
      };
    };
    const span = d.primary?.span;
    if (span) {
      result['locations'] = [location(span)];
      // Line-independent fingerprint, so an alert survives edits elsewhere in the file (GitHub matches on it).
      const fp = createHash('sha256').update(`${d.code}\u0000${toUri(span.file)}\u0000${d.message}`).digest('hex').slice(0, 32);
      result['partialFingerprints'] = { 'clusterc/v1': fp };
    }
    if (d.secondary && d.secondary.length > 0) result['relatedLocations'] = d.secondary.map((l, i) => ({ id: i + 1, ...location(l.span, l.message) }));
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'clusterc', informationUri: INFORMATION_URI, rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative file path as a URI reference (`/` separators, percent-encoded segments). */
function toUri(file: string): string {
  return file.split(/[\\/]/).map((s) => encodeURIComponent(s)).join('/').replace(/^\.\//, '');
}
