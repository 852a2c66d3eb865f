// Diagnostic data types shared by every phase. Pure data: phases build these through a
// DiagnosticCollector (collector.ts); renderers (render.ts) turn them into text or JSON.
import type { Span } from './span.js';

/** How serious a diagnostic is. Errors fail the command (exit 1); warnings and notes do not. */
export type Severity = 'error' | 'warning' | 'note';

/** A span with an optional message, drawn under the source line. */
export interface Label {
  readonly span: Span;
  readonly message?: string;
}

/** One text edit of a suggested fix: replace `span` (half-open, may be empty) with `text`. */
export interface Edit {
  readonly span: Span;
  readonly text: string;
}

/** One finding: stable code, severity, message and where it is. */
export interface Diagnostic {
  /** Stable code from the catalogue, e.g. `CS1001`; never reused. */
  readonly code: string;
  readonly severity: Severity;
  /** Lowercase, no final period, names in `backticks`. */
  readonly message: string;
  /** Where the problem is; absent only for file-less errors (CLI, I/O). */
  readonly primary?: Label;
  /** Related places ("first declared here"). */
  readonly secondary?: readonly Label[];
  readonly notes?: readonly string[];
  /** The only place a fix is suggested. */
  readonly help?: string;
  /**
   * The help as edits a tool can apply (rustc's machine-applicable suggestion); present only
   * when the fix is mechanical. Applying every edit makes this diagnostic go away.
   */
  readonly fix?: readonly Edit[];
  /** Data path for YAML inputs (lint). */
  readonly path?: readonly (string | number)[];
}
