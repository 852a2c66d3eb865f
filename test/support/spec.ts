// The one way tests build cluster models: spec text through the real front end (parseSpec, then
// lowerSpec), so a test model is exactly what the compiler builds and cannot drift from it.
// `specModel` fails the test when the text has errors; `lowerText` returns the diagnostics too.
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lowerSpec } from '../../src/model/lower.js';
import type { ClusterModel } from '../../src/model/model.js';
import { parseSpec } from '../../src/spec/index.js';

/** The models and every diagnostic of `text`, read as file `file`. */
export function lowerText(text: string, file = 'test.cluster'): { models: ClusterModel[]; diagnostics: readonly Diagnostic[] } {
  const diag = new DiagnosticCollector();
  const ast = parseSpec(text, file, diag);
  return { models: lowerSpec(ast, diag), diagnostics: diag.diagnostics };
}

/** The one cluster model of `text`; throws (failing the test) on any error or a count other than one. */
export function specModel(text: string, file = 'test.cluster'): ClusterModel {
  const { models, diagnostics } = lowerText(text, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`spec has errors: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  if (models.length !== 1 || !models[0]) throw new Error(`expected one cluster, got ${models.length}`);
  return models[0];
}
