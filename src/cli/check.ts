// `clusterc check FILE...`: parse, lower and emit (in memory, `checkOnly`: no TOSCA text is written) every file, print every diagnostic,
// write nothing: it reports every error `compile` would, emit-phase ones and clashing outputs
// included. `--dump ast|model` prints what the compiler understood as YAML on stdout (then JSON
// diagnostics go to stderr, so stdout stays one document). `-` reads the standard input.
import { compileAll, type SpecInput } from '../compile.js';
import { emitOptionsOf, readInputs, type EmitCliOptions } from './compile.js';
import { EXIT_USAGE, exitCodeOf, printDiagnostics } from './io.js';

/** Options of `check`. */
export interface CheckOptions extends EmitCliOptions {
  readonly dump?: 'ast' | 'model';
}

/** Runs `check`; returns the exit code. */
export async function runCheck(files: string[], opts: CheckOptions): Promise<number> {
  const emit = emitOptionsOf(opts);
  const { inputs, unreadable, tooLarge } = readInputs(files);
  const r = compileAll(inputs, opts.dump === 'ast' ? { stopAfter: 'parse' } : opts.dump === 'model' ? { stopAfter: 'lower' } : { ...emit, checkOnly: true });
  const dumps: string[] = [];
  // The dumps (and the yaml library they write with) are loaded only for --dump.
  const { dumpAst } = opts.dump === 'ast' ? await import('../spec/dump.js') : { dumpAst: undefined };
  const { dumpModel } = opts.dump === 'model' ? await import('../model/dump.js') : { dumpModel: undefined };
  r.results.forEach((res, i) => {
    const text = (inputs[i] as SpecInput).text;
    if (dumpAst && res.ast) dumps.push(dumpAst(res.ast, text));
    if (dumpModel) dumps.push(...res.models.map((m) => dumpModel(m, text)));
  });
  if (dumps.length > 0) process.stdout.write(dumps.join('---\n'));
  // a file too large to read is shown with an empty text (CS0002 points at 1:1)
  const sources = new Map([...tooLarge.map((d) => [d.primary?.span.file ?? '', ''] as const), ...inputs.map((i) => [i.file, i.text] as const)]);
  const code = exitCodeOf(printDiagnostics([...tooLarge, ...r.diagnostics], sources, { ...opts, diagnosticsToStderr: opts.dump !== undefined }));
  return unreadable > 0 ? EXIT_USAGE : code;
}
