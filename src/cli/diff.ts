// `clusterc diff OLD [NEW]`: compares what two versions of a spec compile to. OLD or NEW may be
// `REV:PATH` (read with `git show REV:./PATH` in the current directory); with one argument FILE,
// OLD is HEAD:FILE and NEW is FILE. Prints the changes per output (src/diff) on stdout, or JSON
// with --format json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { diffSpecs, renderDiff } from '../diff/index.js';
import type { HotMode } from '../emit/hot/index.js';
import { EXIT_OK, exitCodeOf, printDiagnostics, readTextFile, type OutputOptions } from './io.js';

/** Options of `diff`. */
export interface DiffOptions extends OutputOptions {
  readonly hotMode: HotMode;
  readonly toscaTypesUrl?: string;
}

/** Reads FILE, or REV:PATH from git; reports CS4302 when git cannot. */
function readSide(arg: string, diag: DiagnosticCollector): { text: string; file: string } | undefined {
  const m = /^([^:]+):(.+)$/.exec(arg);
  if (!m || existsSync(arg)) return { text: readTextFile(arg), file: arg };
  const [, rev, path] = m;
  try {
    const rel = path!.startsWith('/') ? path! : `./${path!}`;
    const text = execFileSync('git', ['show', `${rev!}:${rel}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    return { text, file: path! };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    const why = err.code === 'ENOENT' ? 'git is not installed' : String(err.stderr ?? '').trim().split('\n')[0] || 'git show failed';
    diag.report('CS4302', undefined, { what: arg, reason: why });
    return undefined;
  }
}

/** Runs `diff`; returns the exit code. */
export async function runDiff(oldArg: string, newArg: string | undefined, opts: DiffOptions): Promise<number> {
  const diag = new DiagnosticCollector();
  const before = readSide(newArg === undefined ? `HEAD:${oldArg}` : oldArg, diag);
  const after = readSide(newArg ?? oldArg, diag);
  if (!before || !after) return exitCodeOf(printDiagnostics(diag.diagnostics, new Map(), opts));
  const r = diffSpecs(before, after, {
    hot: { mode: opts.hotMode },
    tosca: opts.toscaTypesUrl !== undefined ? { toscaTypesUrl: opts.toscaTypesUrl } : {},
  });
  if (!r.diff) {
    if (r.before.diagnostics.some((d) => d.severity === 'error')) diag.report('CS4303', undefined, { which: 'old' });
    if (r.after.diagnostics.some((d) => d.severity === 'error')) diag.report('CS4303', undefined, { which: 'new' });
    // Both sides may carry the same file name (HEAD:x vs x): the new text wins for code frames.
    const sources = new Map([[before.file, before.text], [after.file, after.text]]);
    return exitCodeOf(printDiagnostics([...r.diagnostics, ...diag.diagnostics], sources, opts));
  }
  if (opts.format === 'json') process.stdout.write(JSON.stringify(r.diff, null, 2) + '\n');
  else process.stdout.write(renderDiff(r.diff));
  return EXIT_OK;
}
