// The one way tests build cluster models: spec text through the real front end (parseSpec, then
// lowerSpec), so a test model is exactly what the compiler builds and cannot drift from it.
// `specModel` fails the test when the text has errors (except codes it is told to allow, e.g. the
// refusal of a service whose plan a test still wants to see); `lowerText` returns the diagnostics.
// `withoutOrigins` drops the spans of a value, for tests that compare what, not where.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { lowerSpec } from '../../src/model/lower.js';
import type { ClusterModel } from '../../src/model/model.js';
import { parseSpec } from '../../src/spec/index.js';
import { exampleFiles } from '../../src/tools/examples.js';
import { ROOT } from './golden.js';

/** The models and every diagnostic of `text`, read as file `file`. */
export function lowerText(text: string, file = 'test.cluster'): { models: ClusterModel[]; diagnostics: readonly Diagnostic[] } {
  const diag = new DiagnosticCollector();
  const ast = parseSpec(text, file, diag);
  return { models: lowerSpec(ast, diag), diagnostics: diag.diagnostics };
}

/** Options of specModel. */
export interface SpecModelOptions {
  /** The file name the spans carry. @default 'test.cluster' */
  readonly file?: string;
  /** Error codes that do not fail (e.g. `CS2062`, the refusal of rexray). */
  readonly allow?: readonly string[];
}

/** The one cluster model of `text`; throws (failing the test) on an error or a cluster count other than one. */
export function specModel(text: string, opts: SpecModelOptions = {}): ClusterModel {
  const { models, diagnostics } = lowerText(text, opts.file ?? 'test.cluster');
  const errors = diagnostics.filter((d) => d.severity === 'error' && !(opts.allow ?? []).includes(d.code));
  if (errors.length > 0) throw new Error(`spec has errors: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}\n${text}`);
  if (models.length !== 1 || !models[0]) throw new Error(`expected one cluster, got ${models.length}`);
  return models[0];
}

/** `v` without its `origin` fields (spans), deeply. */
export function withoutOrigins<T>(v: T): T {
  if (Array.isArray(v)) return v.map(withoutOrigins) as T;
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'origin').map(([k, x]) => [k, withoutOrigins(x)])) as T;
  }
  return v;
}

/**
 * The specs the whole-corpus tests run on: every example and every compile case that has an
 * `input.cluster` (some cases are other files), as absolute paths with their text.
 */
export function specCorpus(): { file: string; text: string }[] {
  const examples = exampleFiles(ROOT).map((f) => join(ROOT, f));
  const cases = readdirSync(join(ROOT, 'test/cases/compile')).map((d) => join(ROOT, 'test/cases/compile', d, 'input.cluster'));
  return [...examples, ...cases].filter((f) => existsSync(f)).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}
