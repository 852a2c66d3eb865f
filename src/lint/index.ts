// The linter core: TOSCA Simple Profile 1.0 files → diagnostics. Phases per file: read (source.ts, LT0xxx),
// structure (schema.ts, LT1xxx), then names and meaning (scope.ts + rules/*.ts, LT2xxx). Files come through
// a SourceReader, so the core does no I/O of its own. Never throws on bad input: semantic rules run only on a
// file that parsed to a map, and an unexpected exception becomes a CS0001 internal error diagnostic.
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeContext, type Rule } from './context.js';
import type { SourceReader } from './reader.js';
import { checkArtifacts } from './rules/artifacts.js';
import { checkDefinitions } from './rules/definitions.js';
import { checkDerivedFrom } from './rules/derived-from.js';
import { checkFunctions } from './rules/functions.js';
import { checkTemplates } from './rules/templates.js';
import { checkTypeRefs } from './rules/type-refs.js';
import { checkStructure } from './schema.js';
import { buildScope, Workspace, type ImportMapping } from './scope.js';
import { isYMap } from './source.js';

export type { SourceReader } from './reader.js';
export { memoryReader } from './reader.js';
export type { ImportMapping } from './scope.js';

/** Options of `lintFiles`. */
export interface LintOptions {
  /** URL (or URL prefix ending in `/`) → local path. @default [] */
  readonly importMap?: readonly ImportMapping[];
}

/** The result of a lint run: diagnostics in report order and the texts of every file they point into. */
export interface LintResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: Map<string, string>;
}

/** Semantic rules, in the order they run. */
export const RULES: readonly Rule[] = [checkDerivedFrom, checkDefinitions, checkTypeRefs, checkArtifacts, checkTemplates, checkFunctions];

/** Lints each file of `paths` (read through `reader`). */
export function lintFiles(paths: readonly string[], reader: SourceReader, opts: LintOptions = {}): LintResult {
  const diag = new DiagnosticCollector();
  const sources = new Map<string, string>();
  const ws = new Workspace(reader, opts.importMap ?? []);
  for (const path of paths) {
    try {
      lintOne(path, ws, diag, sources);
    } catch (e) {
      diag.report('CS0001', undefined, { detail: `lint of \`${path}\` failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { diagnostics: diag.diagnostics, sources };
}

function lintOne(path: string, ws: Workspace, diag: DiagnosticCollector, sources: Map<string, string>): void {
  const pf = ws.load(path, diag);
  if ('error' in pf) {
    diag.report('LT2016', undefined, { file: path }, { notes: [pf.error] });
    return;
  }
  sources.set(pf.file, pf.text);
  if (pf.value === undefined) return;
  if (!isYMap(pf.value)) {
    checkStructure(pf, diag);
    return;
  }
  checkStructure(pf, diag);
  const scope = buildScope(pf, ws, diag);
  const ctx = makeContext(pf, pf.value, scope, ws.reader, diag);
  for (const rule of RULES) rule(ctx);
}
