// CLI support: reading inputs, writing outputs atomically, and printing diagnostics with the
// user's format/colour/policy options. Only the CLI (src/cli.ts, src/cli/*) touches fs and process.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyPolicy, type Policy } from '../diagnostics/policy.js';
import { renderHuman, renderJson, renderSummary, type SourceMap } from '../diagnostics/render.js';
import { sortDiagnostics } from '../diagnostics/collector.js';

/** Exit codes: 0 no errors, 1 input has errors, 2 usage, I/O or internal error. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A usage or I/O problem: printed as one line, exit code 2. */
export class CliError extends Error {}

/** Options shared by every command that prints diagnostics. */
export interface OutputOptions {
  readonly format?: string;
  /** `auto`, `always`, `never`, or false for `--no-color`. */
  readonly color?: string | boolean;
  readonly maxErrors?: string;
  readonly denyWarnings?: boolean;
  readonly allow?: string[];
  readonly deny?: string[];
  /** Hide notes (`--quiet`). */
  readonly quiet?: boolean;
  /** Print JSON diagnostics on stderr (stdout carries a document: `--stdout`, `--dump`). */
  readonly diagnosticsToStderr?: boolean;
}

/** The name a file's diagnostics use: `<stdin>` for `-`, else the path as given. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/**
 * The spec path generated outputs record: relative to the working directory with `/`
 * separators, so no output names a machine-specific absolute path.
 */
export function recordedName(path: string): string {
  if (path === '-') return '<stdin>';
  const rel = relative(process.cwd(), resolve(path));
  return (rel === '' ? path : rel).split(sep).join('/');
}

/** Reads a UTF-8 text file or throws CliError with a one-line reason. CRLF is kept (spans stay exact). */
export function readTextFile(path: string): string {
  if (path === '-') {
    try {
      return readFileSync(0, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read the standard input: ${reason(e)}`);
    }
  }
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new CliError(`cannot read \`${path}\`: ${reason(e)}`);
  }
  if (st.isDirectory()) throw new CliError(`cannot read \`${path}\`: it is a directory`);
  if (!st.isFile()) throw new CliError(`cannot read \`${path}\`: not a regular file`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read \`${path}\`: ${reason(e)}`);
  }
}

/** A short reason for a file-system error (`no such file or directory`, `permission denied`, ...). */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return code ? code.toLowerCase() : String((e as Error)?.message ?? e);
  }
}

/**
 * Writes all `files` atomically: each goes to a temporary file in its target directory, then
 * every temporary is renamed over its target. On any failure the temporaries are removed and
 * no target is touched (the renames happen only after every write succeeded).
 */
export function writeFilesAtomic(files: readonly { path: string; content: string }[]): void {
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      temps.push({ tmp, path: f.path });
      const fd = openSync(tmp, 'w', 0o644);
      try {
        writeSync(fd, f.content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw new CliError(`cannot write \`${temps[temps.length - 1]?.path ?? '?'}\`: ${reason(e)}`);
  }
  for (const t of temps) renameSync(t.tmp, t.path);
}

/** Builds the severity policy from the options (names are validated by the caller). */
export function policyOf(opts: OutputOptions): Policy {
  return {
    allow: new Set(opts.allow ?? []),
    deny: new Set(opts.deny ?? []),
    denyWarnings: opts.denyWarnings === true,
  };
}

/**
 * Whether to colour output: `--color always|never` (`--no-color` is `never`) wins; with `auto`,
 * FORCE_COLOR (`0` or `false` turns colour off, any other value on) wins over NO_COLOR (any
 * non-empty value turns it off), as in Node.js; else colour when stderr is a terminal.
 */
export function useColor(opt: string | boolean | undefined, env: NodeJS.ProcessEnv = process.env, tty = process.stderr.isTTY === true): boolean {
  if (opt === 'always') return true;
  if (opt === 'never' || opt === false) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  return tty;
}

/** Parses `--max-errors`: a positive integer, or a message saying why the value is refused. */
export function parseMaxErrors(v: string): number | string {
  if (/^[1-9][0-9]*$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  if (/^-?[0-9]+$/.test(v)) {
    return 'it must be a positive number of errors to show (leave --max-errors out to show them all)';
  }
  return 'it must be a positive whole number of errors to show, such as 10';
}

/**
 * Applies the policy, sorts, caps at `--max-errors`, prints (human → stderr, json → stdout)
 * and returns the diagnostics as printed.
 */
export function printDiagnostics(ds: readonly Diagnostic[], sources: SourceMap, opts: OutputOptions): Diagnostic[] {
  let list = sortDiagnostics(applyPolicy(ds, policyOf(opts)));
  if (opts.quiet) list = list.filter((d) => d.severity !== 'note');
  const max = opts.maxErrors !== undefined ? Number(opts.maxErrors) : undefined;
  let dropped = 0;
  if (max !== undefined && max > 0) {
    let errors = 0;
    list = list.filter((d) => {
      if (d.severity !== 'error') return true;
      errors++;
      if (errors > max) dropped++;
      return errors <= max;
    });
  }
  if (opts.format === 'json') {
    (opts.diagnosticsToStderr ? process.stderr : process.stdout).write(renderJson(list, sources));
  } else if (list.length > 0) {
    const color = useColor(opts.color);
    let text = renderHuman(list, sources, { color }) + '\n';
    if (dropped > 0) text += `note: ${dropped} more error${dropped === 1 ? '' : 's'} not shown (--max-errors ${max})\n`;
    text += renderSummary(list) + (dropped > 0 ? ` shown` : '') + '\n';
    process.stderr.write(text);
  }
  return list;
}

/** The exit code for a printed diagnostic list. */
export function exitCodeOf(ds: readonly Diagnostic[]): number {
  if (ds.some((d) => d.code === 'CS0001')) return EXIT_USAGE;
  return ds.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}
