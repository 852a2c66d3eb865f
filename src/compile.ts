// Pure orchestration of the compiler phases: text → AST → model → emitted files, with all
// diagnostics. No file system, no process: the CLI reads and writes. Emitters run only when
// parsing and lowering reported no errors; an exception in any phase becomes CS0001.
import { DiagnosticCollector } from './diagnostics/collector.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { parseSpec } from './spec/index.js';
import type { SpecFile } from './spec/ast.js';
import { lowerSpec } from './model/lower.js';
import type { ClusterModel } from './model/model.js';
import { emitTosca, type ToscaOptions } from './emit/tosca/index.js';
import { emitHot, type HotOptions } from './emit/hot/index.js';

/** An output target. */
export type Target = 'tosca' | 'hot';

/** Options of `compile`. */
export interface CompileOptions {
  /** Targets to emit. @default [] (check only) */
  readonly targets?: readonly Target[];
  /** Stop after this phase. */
  readonly stopAfter?: 'parse' | 'lower';
  readonly tosca?: ToscaOptions;
  readonly hot?: HotOptions;
}

/** One emitted document, named `<cluster-name>.<target>.yaml`. */
export interface EmittedFile {
  readonly name: string;
  readonly cluster: string;
  readonly target: Target;
  readonly content: string;
}

/** Everything a compile produced. `files` is empty whenever `diagnostics` has an error. */
export interface CompileResult {
  readonly ast: SpecFile | undefined;
  readonly models: readonly ClusterModel[];
  readonly files: readonly EmittedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The largest spec the compiler reads, in UTF-8 bytes (README: 1 MiB); larger is CS0002. */
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
    if (opts.stopAfter === 'lower' || diag.hasErrors) return { ast, models, files, diagnostics: diag.diagnostics };
    for (const m of models) {
      for (const target of opts.targets ?? []) {
        const content = target === 'tosca' ? emitTosca(m, opts.tosca ?? {}, diag) : emitHot(m, opts.hot ?? {}, diag);
        if (content !== undefined) files.push({ name: `${m.name}.${target}.yaml`, cluster: m.name, target, content });
      }
    }
  } catch (e) {
    diag.report('CS0001', undefined, { detail: e instanceof Error ? e.message : String(e) }, {
      notes: ['this is a bug in clusterc; please report it with the input that triggers it'],
    });
  }
  return { ast, models, files: diag.hasErrors ? [] : files, diagnostics: diag.diagnostics };
}
