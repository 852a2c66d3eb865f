// Test support for the model tests: spec text → AST through the real front end (src/spec).
// Kept as one seam so the model tests do not depend on the parser's module layout.
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import type { SpecFile } from '../../../src/spec/ast.js';
import { parseSpec } from '../../../src/spec/index.js';

/** Parses `text` as file `file`, reporting syntax errors into `diag`. */
export function parseForTest(text: string, file: string, diag: DiagnosticCollector = new DiagnosticCollector()): SpecFile {
  return parseSpec(text, file, diag);
}
