// `clusterc compile FILE...`: compile every file; write `<out-dir>/<cluster>.<target>.yaml`
// and its inputs file atomically, all together, or print one target with --stdout (diagnostics then go to stderr in every format).
// Any error anywhere, or any unreadable file, writes nothing; every readable file is still checked.
import { join } from 'node:path';
import { compileAll, type CompileOptions, type SpecInput, type Target } from '../compile.js';
import { unknownPolicyNames } from '../diagnostics/policy.js';
import type { HotMode } from '../emit/hot/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { inputsFiles } from '../inputs/index.js';
import { CliError, EXIT_USAGE, displayName, exitCodeOf, printDiagnostics, readSpecFile, recordedName, type OutputOptions } from './io.js';
import { writeFilesAtomic } from './write.js';

/** Options that shape the emitted documents, shared by `check` and `compile`. */
export interface EmitCliOptions extends OutputOptions {
  readonly target?: 'tosca' | 'hot' | 'all';
  readonly toscaTypesUrl?: string;
  readonly hotVersion?: string;
  readonly hotMode?: HotMode;
}

/** Options of `compile`. */
export interface CompileCliOptions extends EmitCliOptions {
  readonly outDir: string;
  readonly stdout?: boolean;
}

/** Validates the emit options (throws CliError, exit 2) and turns them into compile options. */
export function emitOptionsOf(opts: EmitCliOptions): CompileOptions {
  const target = opts.target ?? 'all';
  const targets: Target[] = target === 'all' ? ['tosca', 'hot'] : [target];
  const bad = unknownPolicyNames([...(opts.allow ?? []), ...(opts.deny ?? [])]);
  if (bad.length > 0) throw new CliError(`unknown warning name \`${bad[0]}\` for --allow/--deny (run \`clusterc explain --list\`)`);
  const hotVersion = opts.hotVersion ?? '2018-08-31';
  if (!/^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/.test(hotVersion) && !/^[a-z]+$/.test(hotVersion)) {
    throw new CliError(`--hot-version expects a date such as 2018-08-31 or a release name, got \`${hotVersion}\``);
  }
  return {
    targets,
    tosca: opts.toscaTypesUrl !== undefined ? { toscaTypesUrl: opts.toscaTypesUrl } : {},
    hot: { hotVersion, mode: opts.hotMode ?? 'cloud-init' },
  };
}

/**
 * Reads every file (`-` is the standard input, read once). An unreadable file is reported on
 * one line and skipped, so the readable ones are still checked; the caller exits 2.
 */
export function readInputs(files: readonly string[]): { inputs: SpecInput[]; unreadable: number; tooLarge: Diagnostic[] } {
  const inputs: SpecInput[] = [];
  const tooLarge: Diagnostic[] = [];
  let unreadable = 0;
  for (const file of new Set(files)) {
    try {
      // A spec over MAX_SPEC_BYTES is not read (CS0002): it is reported like any error in it.
      const { text, diagnostic } = readSpecFile(file);
      if (diagnostic) tooLarge.push(diagnostic);
      else inputs.push({ file: displayName(file), text, sourceName: recordedName(file) });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      process.stderr.write(`error: ${e.message}\n`);
      unreadable++;
    }
  }
  return { inputs, unreadable, tooLarge };
}

/** Runs `compile`; returns the exit code. */
export async function runCompile(files: string[], opts: CompileCliOptions): Promise<number> {
  const emit = emitOptionsOf(opts);
  if (opts.stdout && emit.targets?.length !== 1) throw new CliError('--stdout needs a single target: add `--target tosca` or `--target hot`');
  const { inputs, unreadable, tooLarge } = readInputs(files);
  const r = compileAll(inputs, emit);
  // a file too large to read is shown with an empty text (CS0002 points at 1:1)
  const sources = new Map([...tooLarge.map((d) => [d.primary?.span.file ?? '', ''] as const), ...inputs.map((i) => [i.file, i.text] as const)]);
  const code = exitCodeOf(printDiagnostics([...tooLarge, ...r.diagnostics], sources, { ...opts, diagnosticsToStderr: opts.stdout === true }));
  if (unreadable > 0) {
    if (inputs.length > 0) process.stderr.write(`error: nothing written: ${unreadable === 1 ? 'a file' : `${unreadable} files`} could not be read\n`);
    return EXIT_USAGE;
  }
  if (code !== 0) return code;
  if (opts.stdout) {
    process.stdout.write(r.files.map((f) => f.content).join('---\n'));
  } else {
    const sourceOf = new Map(r.results.flatMap((res, i) => res.files.map((f) => [f, inputs[i]!.sourceName ?? inputs[i]!.file] as const)));
    const inputsFor = inputsFiles(r.files, (f) => sourceOf.get(f) ?? '');
    // One transaction: the documents and their inputs files are replaced together or not at all.
    const written = [...r.files, ...inputsFor].map((f) => ({ path: join(opts.outDir, f.name), content: f.content }));
    await writeFilesAtomic(written);
    if (opts.format !== 'json') for (const f of written) process.stderr.write(`wrote ${f.path}\n`);
  }
  return code;
}
