// CLI support: reading inputs, writing outputs (./write.ts), and printing diagnostics with the
// user's format/colour/policy options. Only the CLI (src/cli.ts, src/cli/*) touches fs and process.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { CliError, reason } from './io-errors.js';
import { MAX_SPEC_BYTES, specTooLarge } from '../spec-size.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyPolicy, type Policy } from '../diagnostics/policy.js';
import { renderHuman, renderJson, renderSummary, type SourceMap } from '../diagnostics/render.js';
import { sortDiagnostics } from '../diagnostics/collector.js';

import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit.js';

/** Exit codes (./exit.ts): 0 no errors, 1 input has errors, 2 usage, I/O or internal error. */
export { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, parseMaxErrors } from './exit.js';

export { CliError, ioError, reason } from './io-errors.js';
// (writeFilesAtomic is in ./write.js, imported by the commands that write: it loads node:crypto
// and node:fs/promises, which `explain` and `--help` need not load.)

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

/** Stats an input file; throws CliError unless it is a regular file. Returns its size in bytes. */
function inputSize(path: string): number {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new CliError(`cannot read \`${path}\`: ${reason(e)}`);
  }
  if (st.isDirectory()) throw new CliError(`cannot read \`${path}\`: it is a directory`);
  if (!st.isFile()) throw new CliError(`cannot read \`${path}\`: not a regular file`);
  return st.size;
}

function readUtf8(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read \`${path}\`: ${reason(e)}`);
  }
}

/**
 * Reads a spec file: its text or, for a file above MAX_SPEC_BYTES (which is then not read, so a
 * huge file cannot exhaust memory), an empty text and the CS0002 diagnostic.
 */
export function readSpecFile(path: string): { text: string; diagnostic?: Diagnostic } {
  if (path === '-') {
    let text: string;
    try {
      text = readFileSync(0, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read the standard input: ${reason(e)}`);
    }
    const size = Buffer.byteLength(text, 'utf8');
    return size > MAX_SPEC_BYTES ? { text: '', diagnostic: specTooLarge('<stdin>', size) } : { text };
  }
  const size = inputSize(path);
  if (size > MAX_SPEC_BYTES) return { text: '', diagnostic: specTooLarge(path, size) };
  return { text: readUtf8(path) };
}

/**
 * Reads one spec file for a command that takes a single spec (fmt, graph, diff, submit): the text,
 * or a CliError (exit 2) for a file over MAX_SPEC_BYTES, as readSpecFile reports it.
 */
export function readTextFile(path: string): string {
  const r = readSpecFile(path);
  if (r.diagnostic) throw new CliError(r.diagnostic.message);
  return r.text;
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

/**
 * Human output shows at most this many errors (and as many warnings and notes) unless --max-errors
 * says otherwise: 100k diagnostics of a pathological file would take minutes and flood a terminal.
 */
export const DEFAULT_MAX_ERRORS = 100;

/** Keeps the first `max` errors and the first `max` other diagnostics; counts what it dropped. */
function cap(list: readonly Diagnostic[], max: number): { shown: Diagnostic[]; errors: number; others: number } {
  const shown: Diagnostic[] = [];
  let nErr = 0;
  let nOther = 0;
  for (const d of list) {
    const isError = d.severity === 'error';
    const n = isError ? ++nErr : ++nOther;
    if (n <= max) shown.push(d);
  }
  return { shown, errors: Math.max(0, nErr - max), others: Math.max(0, nOther - max) };
}

const plural = (n: number, word: string): string => `${n} more ${word}${n === 1 ? '' : 's'}`;

/**
 * Applies the policy, sorts, caps (`--max-errors`: errors in every format; by default
 * DEFAULT_MAX_ERRORS errors and other diagnostics in human output only), prints (human → stderr,
 * json → stdout, or stderr when stdout carries a document) and returns the diagnostics as printed.
 */
export function printDiagnostics(ds: readonly Diagnostic[], sources: SourceMap, opts: OutputOptions): Diagnostic[] {
  let list = sortDiagnostics(applyPolicy(ds, policyOf(opts)));
  if (opts.quiet) list = list.filter((d) => d.severity !== 'note');
  const explicit = opts.maxErrors !== undefined ? Number(opts.maxErrors) : undefined;
  const human = opts.format !== 'json';
  let dropped = { errors: 0, others: 0 };
  let max: number | undefined;
  if (explicit !== undefined && explicit > 0) {
    max = explicit;
    dropped = { errors: cap(list, explicit).errors, others: 0 };
    list = keepErrors(list, explicit);
  } else if (human) {
    max = DEFAULT_MAX_ERRORS;
    const c = cap(list, DEFAULT_MAX_ERRORS);
    list = c.shown;
    dropped = { errors: c.errors, others: c.others };
  }
  if (!human) {
    (opts.diagnosticsToStderr ? process.stderr : process.stdout).write(renderJson(list, sources));
  } else if (list.length > 0) {
    const color = useColor(opts.color);
    let text = renderHuman(list, sources, { color }) + '\n';
    if (dropped.errors > 0) text += `note: ${plural(dropped.errors, 'error')} not shown (--max-errors ${max}${explicit === undefined ? ', the default of human output' : ''})\n`;
    if (dropped.others > 0) text += `note: ${plural(dropped.others, 'warning or note')} not shown\n`;
    text += renderSummary(list) + (dropped.errors + dropped.others > 0 ? ` shown` : '') + '\n';
    process.stderr.write(text);
  }
  return list;
}

/** The first `max` errors and every other diagnostic, in order (an explicit --max-errors). */
function keepErrors(list: readonly Diagnostic[], max: number): Diagnostic[] {
  let errors = 0;
  return list.filter((d) => d.severity !== 'error' || ++errors <= max);
}

/** The exit code for a printed diagnostic list. */
export function exitCodeOf(ds: readonly Diagnostic[]): number {
  if (ds.some((d) => d.code === 'CS0001')) return EXIT_USAGE;
  return ds.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK;
}
