// `clusterc compile FILE...`: compile every file; write `<out-dir>/<cluster>.<target>.yaml`
// and beside each its inputs file (`<cluster>.hot.env.yaml`, `<cluster>.tosca.inputs.json`, see
// src/inputs) atomically, or print one target with --stdout. Any error anywhere writes nothing.
import { join } from 'node:path';
import { compile, type EmittedFile, type Target } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { unknownPolicyNames } from '../diagnostics/policy.js';
import type { HotMode } from '../emit/hot/index.js';
import { inputsFiles } from '../inputs/index.js';
import { CliError, EXIT_ERRORS, exitCodeOf, printDiagnostics, readSpecFile, writeFilesAtomic, type OutputOptions } from './io.js';

/** Options of `compile`. */
export interface CompileCliOptions extends OutputOptions {
  readonly target: 'tosca' | 'hot' | 'all';
  readonly outDir: string;
  readonly stdout?: boolean;
  readonly toscaTypesUrl?: string;
  readonly hotVersion: string;
  readonly hotMode: HotMode;
}

/** Runs `compile`; returns the exit code. */
export async function runCompile(files: string[], opts: CompileCliOptions): Promise<number> {
  const targets: Target[] = opts.target === 'all' ? ['tosca', 'hot'] : [opts.target];
  if (opts.stdout && targets.length !== 1) throw new CliError('--stdout needs a single target: add `--target tosca` or `--target hot`');
  const bad = unknownPolicyNames([...(opts.allow ?? []), ...(opts.deny ?? [])]);
  if (bad.length > 0) throw new CliError(`unknown warning name \`${bad[0]}\` for --allow/--deny (run \`clusterc explain --list\`)`);
  if (!/^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/.test(opts.hotVersion) && !/^[a-z]+$/.test(opts.hotVersion)) {
    throw new CliError(`--hot-version expects a date such as 2018-08-31 or a release name, got \`${opts.hotVersion}\``);
  }
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const outputs: EmittedFile[] = [];
  const sourceOf = new Map<EmittedFile, string>();
  for (const file of files) {
    const { text, diagnostic } = readSpecFile(file);
    sources.set(file, text);
    if (diagnostic) {
      diagnostics.push(diagnostic);
      continue;
    }
    const r = compile(text, file, {
      targets,
      tosca: opts.toscaTypesUrl !== undefined ? { toscaTypesUrl: opts.toscaTypesUrl } : {},
      hot: { hotVersion: opts.hotVersion, mode: opts.hotMode },
    });
    // Loops, not push(...spread): 125k diagnostics would overflow the argument stack.
    for (const d of r.diagnostics) diagnostics.push(d);
    for (const f of r.files) {
      outputs.push(f);
      sourceOf.set(f, file);
    }
  }
  const printed = printDiagnostics(diagnostics, sources, opts);
  const code = exitCodeOf(printed);
  if (code !== 0) return code;
  const seen = new Map<string, string>();
  for (const f of outputs) {
    const prev = seen.get(f.name);
    if (prev !== undefined) {
      process.stderr.write(`error: two clusters would both write \`${f.name}\`: rename one of them\n`);
      return EXIT_ERRORS;
    }
    seen.set(f.name, f.cluster);
  }
  if (opts.stdout) {
    process.stdout.write(outputs.map((f) => f.content).join('---\n'));
  } else {
    const inputs = inputsFiles(outputs, (f) => sourceOf.get(f) ?? '');
    // One transaction: the documents and their inputs files are replaced together or not at all.
    const written = [
      ...outputs.map((f) => ({ path: join(opts.outDir, f.name), content: f.content })),
      ...inputs.map((f) => ({ path: join(opts.outDir, f.name), content: f.content })),
    ];
    await writeFilesAtomic(written);
    if (opts.format !== 'json') for (const f of written) process.stderr.write(`wrote ${f.path}\n`);
  }
  return code;
}
