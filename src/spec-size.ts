// The spec size limit and its diagnostic, in a module of their own so that the CLI's I/O helpers
// (src/cli/io.ts, loaded by every command) do not pull in the compiler: `explain` and `lint`
// must stay free of the spec parser (test/cli/launcher.test.ts).
import { DiagnosticCollector } from './diagnostics/collector.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';

/** The largest spec clusterc reads, in bytes (README "Diagnostics"; CS0002 above it). */
export const MAX_SPEC_BYTES = 1024 * 1024;

/** The CS0002 diagnostic of a spec of `size` bytes (the CLI reports it without reading the file). */
export function specTooLarge(file: string, size: number): Diagnostic {
  const diag = new DiagnosticCollector();
  diag.report('CS0002', { file, start: 0, end: 0 }, { size, limit: MAX_SPEC_BYTES }, {
    label: 'the file is not read',
    help: 'split the clusters into several files, or check that this is the spec you meant',
  });
  return diag.diagnostics[0]!;
}
