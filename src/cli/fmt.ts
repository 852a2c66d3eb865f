// `clusterc fmt [--check] FILE...`: rewrites specs in the canonical layout (src/format). --check
// writes nothing, lists the files that would change on stdout and exits 1 if there are any.
// A file with syntax errors is reported (CS4301 after its errors) and left as it is.
import { compile } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { formatSpec } from '../format/format.js';
import { CliError, EXIT_ERRORS, EXIT_OK, exitCodeOf, printDiagnostics, readTextFile, type OutputOptions } from './io.js';
import { writeFilesAtomic } from './write.js';

/** Options of `fmt`. */
export interface FmtOptions extends OutputOptions {
  readonly check?: boolean;
  readonly stdout?: boolean;
}

/** Runs `fmt`; returns the exit code. */
export async function runFmt(files: string[], opts: FmtOptions): Promise<number> {
  if (opts.stdout && files.length !== 1) throw new CliError('--stdout formats a single file');
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const changed: { path: string; content: string }[] = [];
  for (const file of files) {
    const text = readTextFile(file);
    sources.set(file, text);
    const syntax = compile(text, file, { stopAfter: 'parse' }).diagnostics.filter((d) => d.severity === 'error');
    if (syntax.length > 0) {
      const diag = new DiagnosticCollector();
      diag.report('CS4301', undefined, { file }, { help: `run \`clusterc check ${file}\`` });
      diagnostics.push(...syntax, ...diag.diagnostics);
      continue;
    }
    const formatted = formatSpec(text);
    if (opts.stdout) process.stdout.write(formatted);
    else if (formatted !== text) changed.push({ path: file, content: formatted });
  }
  const printed = printDiagnostics(diagnostics, sources, opts);
  if (opts.check) {
    for (const c of changed) process.stdout.write(`${c.path}\n`);
    return changed.length > 0 ? EXIT_ERRORS : exitCodeOf(printed);
  }
  if (!opts.stdout && changed.length > 0) {
    await writeFilesAtomic(changed);
    for (const c of changed) process.stderr.write(`formatted ${c.path}\n`);
  }
  return printed.length > 0 ? exitCodeOf(printed) : EXIT_OK;
}
