// `clusterc lint PATH...`: expands directories to their *.yaml / *.yml / *.csar files (symbolic-link loops and dangling
// links become diagnostics), builds an fs-backed reader that never blocks and never reads more than the size
// limit, the --import-map and --severity options, runs the linter core (src/lint) and prints human, JSON or
// SARIF diagnostics. Exit code 0 without errors, 1 with errors, 2 for usage problems.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics } from '../diagnostics/collector.js';
import { CODES } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyPolicy, unknownPolicyNames } from '../diagnostics/policy.js';
import { lintFiles, MAX_FILE_BYTES, type ImportMapping, type LintInput, type SourceReader } from '../lint/index.js';
import { parseSeverityOptions } from '../lint/policy.js';
import { withArchives } from '../lint/csar.js';
import { decodeUtf8, type ReadResult } from '../lint/reader.js';
import type { ByteSource } from '../lint/zip.js';

export { decodeUtf8 };
import { CliError, exitCodeOf, policyOf, printDiagnostics, reason, type OutputOptions } from './io.js';

/** Options of `clusterc lint`. */
export interface LintCliOptions extends OutputOptions {
  readonly importMap?: string[];
  readonly severity?: string[];
  /** `--no-config`: ignore .clusterc-lint.yaml files. */
  readonly config?: boolean;
}

/** Kernel and device trees: their files report size 0, may block (/proc/kmsg) or never end (/dev/zero). */
const KERNEL_TREES = /^\/(proc|sys|dev)(\/|$)/;

/** A one-line reason for a file-system error, including the ones `reason` does not name. */
function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'ENOENT') return 'no such file or directory (or a dangling symbolic link)';
  if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return 'reading it would block (a device, FIFO or kernel file)';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  return reason(e);
}

/** Reads a regular file without blocking and without reading past MAX_FILE_BYTES. */
function readBounded(path: string): ReadResult {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    return { error: why(e) };
  }
  if (KERNEL_TREES.test(real)) return { error: 'it is a device or kernel file (never read)' };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    return { error: why(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: 'it is a directory' };
    if (!st.isFile()) return { error: 'it is not a regular file' };
    const limit = `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the size limit of \`clusterc lint\``;
    if (st.size > MAX_FILE_BYTES) return { error: limit };
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) return { error: limit };
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return decodeUtf8(Buffer.concat(chunks, total));
  } catch (e) {
    return { error: why(e) };
  } finally {
    closeSync(fd);
  }
}

/** Random access to a regular file (an archive); each read opens it again and checks it did not change size. */
function fileBytes(path: string): ByteSource | { error: string } {
  let size: number;
  try {
    const real = realpathSync(path);
    if (KERNEL_TREES.test(real)) return { error: 'it is a device or kernel file (never read)' };
    const st = statSync(path);
    if (st.isDirectory()) return { error: 'it is a directory' };
    if (!st.isFile()) return { error: 'it is not a regular file' };
    size = st.size;
  } catch (e) {
    return { error: why(e) };
  }
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
      try {
        if (fstatSync(fd).size !== size) throw new Error('the archive changed while it was read');
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        let got = 0;
        while (got < buf.length) {
          const n = readSync(fd, buf, got, buf.length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        return buf.subarray(0, got);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** A reader over the real file system; `*.csar` and `*.zip` files are read as archives (src/lint/csar.ts). */
export const fsReader: SourceReader = withArchives(
  {
    read: readBounded,
    exists: (path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
  },
  fileBytes,
);

/** Parses `URL=PATH` options. */
export function parseImportMap(entries: readonly string[]): ImportMapping[] {
  return entries.map((e) => {
    const i = e.lastIndexOf('=');
    if (i <= 0 || i === e.length - 1) throw new CliError(`--import-map expects URL=PATH, got \`${e}\``);
    return { from: e.slice(0, i), to: e.slice(i + 1) };
  });
}

function unreadable(file: string, r: string): Diagnostic {
  return { code: 'LT0005', severity: CODES.LT0005.severity, message: CODES.LT0005.message({ file, reason: r }) };
}

function loopNote(file: string): Diagnostic {
  return { code: 'LT0006', severity: CODES.LT0006.severity, message: CODES.LT0006.message({ file, what: 'a symbolic link back to a directory already walked' }) };
}

/**
 * Files to lint: files as given, directories walked for *.yaml / *.yml / *.csar (sorted, recursively, each real
 * directory once). Unreadable entries, dangling links and link loops become diagnostics, never exceptions.
 */
export function expandPaths(paths: readonly string[]): { inputs: LintInput[]; problems: Diagnostic[] } {
  const inputs: LintInput[] = [];
  const problems: Diagnostic[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      problems.push(unreadable(dir, why(e)));
      return;
    }
    if (seenDirs.has(real)) {
      problems.push(loopNote(dir));
      return;
    }
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push(unreadable(dir, why(e)));
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      const yaml = /\.(?:ya?ml|csar)$/i.test(name);
      try {
        if (statSync(p).isDirectory()) walk(p);
        else if (yaml) inputs.push({ path: p, fromDirectory: true });
      } catch (e) {
        if (yaml) problems.push(unreadable(p, why(e)));
      }
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // Not there (or a dangling link): the core reports it as LT0005 when it reads the file.
    }
    if (isDir) walk(p);
    else inputs.push({ path: p });
  }
  return { inputs, problems };
}

/** Runs `lint`; returns the exit code. */
export async function runLint(paths: string[], opts: LintCliOptions): Promise<number> {
  const bad = unknownPolicyNames([...(opts.allow ?? []), ...(opts.deny ?? [])]);
  if (bad.length > 0) throw new CliError(`unknown lint name \`${bad[0]}\` (run \`clusterc explain --list\`)`);
  const sev = parseSeverityOptions(opts.severity ?? []);
  if ('error' in sev) throw new CliError(sev.error);
  const importMap = parseImportMap(opts.importMap ?? []);
  const { inputs, problems } = expandPaths(paths);
  const { diagnostics, sources } = lintFiles(inputs, fsReader, { importMap, severity: sev.overrides, config: opts.config !== false, cwd: process.cwd(), extra: problems });
  if (opts.format === 'sarif') {
    let list = sortDiagnostics(applyPolicy(diagnostics, policyOf(opts)));
    const max = opts.maxErrors !== undefined ? Number(opts.maxErrors) : undefined;
    if (max !== undefined) {
      let n = 0;
      list = list.filter((d) => d.severity !== 'error' || ++n <= max);
    }
    // (imported here: the SARIF renderer loads node:crypto for its fingerprints, a few ms of every
    // lint that prints human output otherwise)
    const { renderSarif } = await import('../diagnostics/render-sarif.js');
    process.stdout.write(renderSarif(list, sources));
    return exitCodeOf(list);
  }
  return exitCodeOf(printDiagnostics(diagnostics, sources, opts));
}
