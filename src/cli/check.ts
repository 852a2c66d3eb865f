// `clusterc check FILE...`: parse and lower every file, print every diagnostic, write nothing.
// `--dump ast|model` prints what the compiler understood as YAML on stdout.
import { compile } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { dumpAst } from '../spec/dump.js';
import { dumpModel } from '../model/dump.js';
import { exitCodeOf, printDiagnostics, readSpecFile, type OutputOptions } from './io.js';

/** Options of `check`. */
export interface CheckOptions extends OutputOptions {
  readonly dump?: 'ast' | 'model';
}

/** Runs `check`; returns the exit code. */
export async function runCheck(files: string[], opts: CheckOptions): Promise<number> {
  const sources = new Map<string, string>();
  const all: Diagnostic[] = [];
  const dumps: string[] = [];
  for (const file of files) {
    const { text, diagnostic } = readSpecFile(file);
    sources.set(file, text);
    if (diagnostic) {
      all.push(diagnostic);
      continue;
    }
    const r = compile(text, file, { stopAfter: opts.dump === 'ast' ? 'parse' : 'lower' });
    for (const d of r.diagnostics) all.push(d);
    if (opts.dump === 'ast' && r.ast) dumps.push(dumpAst(r.ast, text));
    if (opts.dump === 'model') for (const m of r.models) dumps.push(dumpModel(m, text));
  }
  if (dumps.length > 0) process.stdout.write(dumps.join('---\n'));
  return exitCodeOf(printDiagnostics(all, sources, opts));
}
