// The collector every phase reports into. It is passed in explicitly (no globals), fills in
// severity and message from the catalogue, and drops duplicates keyed by (code, span).
import { CODES, type ArgsOf, type Code } from './codes.js';
import type { CodeInfo } from './codes/define.js';
import type { Diagnostic, Edit, Label } from './diagnostic.js';
import type { Span } from './span.js';

/** Optional parts of a report beyond code, span and message arguments. */
export interface ReportExtra {
  /** Message under the primary caret. */
  readonly label?: string;
  readonly secondary?: readonly Label[];
  readonly notes?: readonly string[];
  readonly help?: string;
  /** The help as mechanical edits (see Diagnostic.fix). */
  readonly fix?: readonly Edit[];
  readonly path?: readonly (string | number)[];
}

/** Accumulates diagnostics for one run. */
export class DiagnosticCollector {
  private readonly list: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  /** Reports catalogue code `code` at `span` (undefined for file-less problems). */
  report<C extends Code>(code: C, span: Span | undefined, args: ArgsOf<C>, extra: ReportExtra = {}): void {
    const info = CODES[code] as CodeInfo;
    const primary: Label | undefined = span
      ? extra.label !== undefined ? { span, message: extra.label } : { span }
      : undefined;
    this.add({
      code,
      severity: info.severity,
      message: info.message(args),
      ...(primary ? { primary } : {}),
      ...(extra.secondary && extra.secondary.length > 0 ? { secondary: extra.secondary } : {}),
      ...(extra.notes && extra.notes.length > 0 ? { notes: extra.notes } : {}),
      ...(extra.help !== undefined ? { help: extra.help } : {}),
      ...(extra.fix && extra.fix.length > 0 ? { fix: extra.fix } : {}),
      ...(extra.path ? { path: extra.path } : {}),
    });
  }

  /** Adds a ready-made diagnostic (deduplicated by code and span). */
  add(d: Diagnostic): void {
    const s = d.primary?.span;
    const key = s ? `${d.code}\u0000${s.file}\u0000${s.start}\u0000${s.end}` : `${d.code}\u0000${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(d);
  }

  /** Adds several diagnostics. */
  addAll(ds: readonly Diagnostic[]): void {
    for (const d of ds) this.add(d);
  }

  /** The diagnostics reported so far, in report order. */
  get diagnostics(): readonly Diagnostic[] {
    return this.list;
  }

  /** True when at least one error was reported. */
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

/** True when any diagnostic is an error. */
export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Sorts diagnostics by file, then start offset, keeping report order for ties. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const sa = a.d.primary?.span;
      const sb = b.d.primary?.span;
      if (!sa || !sb) return sa ? 1 : sb ? -1 : a.i - b.i;
      if (sa.file !== sb.file) return sa.file < sb.file ? -1 : 1;
      return sa.start - sb.start || a.i - b.i;
    })
    .map((x) => x.d);
}
