// The linter core: TOSCA files (Simple Profile 1.0-1.3, NFV/MEC profiles) → diagnostics. Phases per file: read
// (source.ts, LT0xxx), version (LT1005: an unsupported version stops there), structure (schema.ts, LT1xxx), then
// names and meaning (scope.ts + rules/*.ts, LT2xxx). Files reached through imports are linted too, once per run.
// Then the policy (policy.ts: CSAR severity, .clusterc-lint.yaml, --severity, inline suppressions) and output
// safety (control characters from the input are never passed on raw). Files come through a SourceReader, so
// the core does no I/O of its own. Never throws on bad input: an unexpected exception becomes CS0001.
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeContext, type Rule } from './context.js';
import { applyLintPolicy, type SeverityOverrides } from './policy.js';
import type { SourceReader } from './reader.js';
import { checkArtifacts } from './rules/artifacts.js';
import { checkDefinitions } from './rules/definitions.js';
import { checkDerivedFrom } from './rules/derived-from.js';
import { checkFunctions } from './rules/functions.js';
import { checkGroups } from './rules/groups.js';
import { checkInterfaceOperations } from './rules/operations.js';
import { checkTemplates } from './rules/templates.js';
import { checkTypeRefs } from './rules/type-refs.js';
import { checkVersionedKeys } from './rules/version.js';
import { sanitizeDiagnostics, sanitizeText } from './sanitize.js';
import { csarEntry, isArchivePath } from './csar.js';
import { checkStructure } from './schema.js';
import { buildScope, notTosca, Workspace, type ImportMapping } from './scope.js';
import { isYMap, own, spanAt, type ParsedFile } from './source.js';
import { VERSION_NAMES, VERSIONS } from './versions.js';

export type { SourceReader } from './reader.js';
export { memoryReader, MAX_FILE_BYTES } from './reader.js';
export type { ImportMapping } from './scope.js';
export type { SeverityOverrides } from './policy.js';

/** A file to lint; `fromDirectory` when it was found by walking a directory (non-TOSCA YAML is then skipped). */
export interface LintInput {
  readonly path: string;
  readonly fromDirectory?: boolean;
}

/** Options of `lintFiles`. */
export interface LintOptions {
  /** URL (or URL prefix ending in `/`) → local path. @default [] */
  readonly importMap?: readonly ImportMapping[];
  /** `--severity RULE=LEVEL` overrides (rule name or code → level); they win over configuration files. @default none */
  readonly severity?: SeverityOverrides;
  /** Look for `.clusterc-lint.yaml` in the directory of each file and its parents. @default true */
  readonly config?: boolean;
  /** Absolute directory relative paths start from, so configuration is found above it too. @default none */
  readonly cwd?: string;
  /** Diagnostics found before linting (e.g. unreadable directory entries), merged into the result. @default [] */
  readonly extra?: readonly Diagnostic[];
}

/** The result of a lint run: diagnostics in report order and the texts of every file they point into. */
export interface LintResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: Map<string, string>;
}

/** Semantic rules, in the order they run. */
export const RULES: readonly Rule[] = [
  checkVersionedKeys,
  checkDerivedFrom,
  checkDefinitions,
  checkTypeRefs,
  checkArtifacts,
  checkInterfaceOperations,
  checkTemplates,
  checkGroups,
  checkFunctions,
];

/** Lints each file of `inputs` (read through `reader`), then every local file they import. */
export function lintFiles(inputs: readonly (string | LintInput)[], reader: SourceReader, opts: LintOptions = {}): LintResult {
  const diag = new DiagnosticCollector();
  diag.addAll(opts.extra ?? []);
  const texts = new Map<string, string>();
  const ws = new Workspace(reader, opts.importMap ?? []);
  const done = new Set<string>();
  const run = (input: LintInput, imported: boolean) => {
    if (done.has(input.path)) return;
    done.add(input.path);
    try {
      if (!imported && isArchivePath(input.path)) {
        // A CSAR: its entry definitions are linted as a named file (their imports follow as usual).
        const entry = csarEntry(input.path, reader, diag, texts);
        if (entry !== undefined) run({ path: entry }, false);
        return;
      }
      lintOne(input, imported, ws, diag, texts);
    } catch (e) {
      diag.report('CS0001', undefined, { detail: `lint of \`${sanitizeText(input.path)}\` failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  for (const i of inputs) run(typeof i === 'string' ? { path: i } : i, false);
  // Imported files are linted too (after the named ones, so a file named and imported is reported as named).
  for (const path of ws.imported) run({ path }, true);
  const after = applyLintPolicy(diag.diagnostics, texts, reader, { severity: opts.severity ?? new Map(), config: opts.config !== false, ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}) });
  const used = new Set(after.map((d) => d.primary?.span.file));
  for (const d of after) for (const s of d.secondary ?? []) used.add(s.span.file);
  const sources = new Map<string, string>();
  for (const [f, t] of texts) if (used.has(f)) sources.set(sanitizeText(f), sanitizeText(t));
  return { diagnostics: sanitizeDiagnostics(after), sources };
}

function lintOne(input: LintInput, imported: boolean, ws: Workspace, diag: DiagnosticCollector, texts: Map<string, string>): void {
  const path = input.path;
  const loaded = ws.load(path, imported || ws.imported.has(path));
  if ('error' in loaded) {
    diag.report('LT0005', undefined, { file: path, reason: loaded.error });
    return;
  }
  // An imported file that is not TOSCA is reported at the import (LT2028); its text is never shown.
  if (imported && notTosca(loaded.text) !== undefined) return;
  if (input.fromDirectory) {
    const why = notTosca(loaded.text);
    if (why !== undefined) {
      diag.report('LT0006', undefined, { file: path, what: why }, { help: 'name the file on the command line to lint it as TOSCA anyway' });
      return;
    }
  }
  texts.set(path, loaded.text);
  diag.addAll(loaded.readDiagnostics);
  if (loaded.value === undefined) return;
  if (!isYMap(loaded.value)) {
    checkStructure(loaded, diag);
    return;
  }
  if (!checkVersion(loaded, diag)) return;
  checkStructure(loaded, diag);
  const scope = buildScope(loaded, ws, diag);
  const ctx = makeContext(loaded, loaded.value, scope, ws.reader, diag);
  for (const rule of RULES) rule(ctx);
}

/** LT1005 for a `tosca_definitions_version` the linter does not know; false when nothing more is checked. */
function checkVersion(pf: ParsedFile, diag: DiagnosticCollector): boolean {
  const v = own(pf.value, 'tosca_definitions_version');
  if (typeof v !== 'string' || VERSIONS.has(v)) return true;
  const path = ['tosca_definitions_version'];
  diag.report('LT1005', spanAt(pf, path), { version: v }, { path, help: `use one of ${VERSION_NAMES.map((n) => `\`${n}\``).join(', ')}` });
  return false;
}
