// Pure orchestration of the compiler phases: text → AST → model → emitted files, with all
// diagnostics. No file system, no process: the CLI reads and writes. Emitters run only when
// parsing and lowering reported no errors; an exception in any phase becomes CS0001.
import { DiagnosticCollector } from './diagnostics/collector.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { parseSpec } from './spec/index.js';
import type { SpecFile } from './spec/ast.js';
import { lowerSpec } from './model/lower.js';
import type { ClusterModel } from './model/model.js';
import { emitToscaDocument, type ToscaOptions } from './emit/tosca/index.js';
import { emitHotDocument, type HotOptions } from './emit/hot/index.js';
import type { YamlValue } from './emit/yaml.js';

/** An output target. */
export type Target = 'tosca' | 'hot';

/** Options of `compile`. */
export interface CompileOptions {
  /** Targets to emit. @default [] (check only) */
  readonly targets?: readonly Target[];
  /** Stop after this phase. */
  readonly stopAfter?: 'parse' | 'lower';
  /**
   * Check only (`clusterc check`): run every emitter for its diagnostics but keep no file, and skip
   * writing the TOSCA text and the HOT text (CS3209 is decided from an upper bound of the HOT
   * text's size; the text is written only when the bound is above Heat's limit).
   */
  readonly checkOnly?: boolean;
  readonly tosca?: ToscaOptions;
  readonly hot?: HotOptions;
  /**
   * The spec path the outputs' header records (relative to the working directory, so outputs
   * name no machine-specific path). @default the `file` argument
   */
  readonly sourceName?: string;
}

/** One emitted document, named `<cluster-name>.<target>.yaml`. */
export interface EmittedFile {
  readonly name: string;
  readonly cluster: string;
  readonly target: Target;
  readonly content: string;
  /** The input definitions the document declares, as written (HOT `parameters`, TOSCA `topology_template.inputs`). */
  readonly definitions: Readonly<Record<string, YamlValue>>;
}

/** Everything a compile produced. `files` is empty whenever `diagnostics` has an error. */
export interface CompileResult {
  readonly ast: SpecFile | undefined;
  readonly models: readonly ClusterModel[];
  readonly files: readonly EmittedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The largest spec the compiler reads, in UTF-8 bytes (README: 1 MiB); larger is CS0002. */
export { MAX_SPEC_BYTES, specTooLarge } from './spec-size.js';
import { MAX_SPEC_BYTES, specTooLarge } from './spec-size.js';

/** Compiles one spec text. Never throws. */
export function compile(text: string, file: string, opts: CompileOptions = {}): CompileResult {
  const diag = new DiagnosticCollector();
  let ast: SpecFile | undefined;
  let models: ClusterModel[] = [];
  const files: EmittedFile[] = [];
  const size = text.length > MAX_SPEC_BYTES / 3 ? Buffer.byteLength(text, 'utf8') : 0;
  if (size > MAX_SPEC_BYTES) return { ast, models, files, diagnostics: [specTooLarge(file, size)] };
  try {
    ast = parseSpec(text, file, diag);
    if (opts.stopAfter === 'parse') return { ast, models, files, diagnostics: diag.diagnostics };
    models = lowerSpec(ast, diag);
    if (opts.sourceName !== undefined) models = models.map((m) => ({ ...m, sourceFile: opts.sourceName! }));
    if (opts.stopAfter === 'lower' || diag.hasErrors) return { ast, models, files, diagnostics: diag.diagnostics };
    for (const m of models) {
      for (const target of opts.targets ?? []) {
        const doc = target === 'tosca' ? emitToscaDocument(m, opts.tosca ?? {}, diag, { text: !opts.checkOnly }) : emitHotDocument(m, opts.hot ?? {}, diag, { text: !opts.checkOnly });
        if (doc !== undefined && !opts.checkOnly) files.push({ name: `${m.name}.${target}.yaml`, cluster: m.name, target, content: doc.text, definitions: doc.definitions });
      }
    }
  } catch (e) {
    diag.report('CS0001', undefined, { detail: e instanceof Error ? e.message : String(e) }, {
      notes: ['this is a bug in clusterc; please report it with the input that triggers it'],
    });
  }
  return { ast, models, files: diag.hasErrors ? [] : files, diagnostics: diag.diagnostics };
}

/** One spec to compile: its text, the name its diagnostics use and the name its outputs record. */
export interface SpecInput {
  readonly file: string;
  readonly text: string;
  readonly sourceName?: string;
}

/** Everything compiling several files produced. `files` is empty whenever there is an error. */
export interface CompileAllResult {
  readonly results: readonly CompileResult[];
  readonly files: readonly EmittedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compiles every input, then checks what no single file can: two clusters of different files
 * with the same name would write the same output files (CS2041; within one file it is CS2008).
 * `check` and `compile` both run this, so `check` reports every error `compile` would.
 */
export function compileAll(inputs: readonly SpecInput[], opts: Omit<CompileOptions, 'sourceName'> = {}): CompileAllResult {
  const results = inputs.map((i) => compile(i.text, i.file, { ...opts, ...(i.sourceName !== undefined ? { sourceName: i.sourceName } : {}) }));
  const diag = new DiagnosticCollector();
  const first = new Map<string, ClusterModel>();
  for (const m of results.flatMap((r) => r.models)) {
    const prev = first.get(m.name);
    if (!prev) first.set(m.name, m);
    else if (prev.nameSpan.file !== m.nameSpan.file) {
      diag.report('CS2041', m.nameSpan, { file: `${m.name}.${opts.targets?.[0] ?? 'tosca'}.yaml` }, {
        secondary: [{ span: prev.nameSpan, message: 'the other cluster is declared here' }],
        help: 'rename one of the two clusters',
      });
    }
  }
  const diagnostics = [...results.flatMap((r) => r.diagnostics), ...diag.diagnostics];
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { results, files: failed ? [] : results.flatMap((r) => r.files), diagnostics };
}
