// CLI support: writing every output of a run together or not at all. Phase 1 (async, interruptible)
// writes each file to a temporary in its target directory: a random name, created exclusively and
// without following a symlink (O_CREAT|O_EXCL|O_NOFOLLOW), every byte written in a loop (a short
// write on a full disk is not success), flushed with fsync, closed with its error checked. Phase 2
// (synchronous, so no signal handler runs in the middle) keeps a hard link to each old target, renames
// every temporary over its target, and on any failure puts the old targets back. SIGINT, SIGTERM and
// SIGHUP during phase 1 remove the temporaries and end the process by the same signal; one that
// arrives during phase 2 lets the commit finish (the outputs are then all new). SIGKILL cannot be
// handled: a temporary it leaves is named `.<target>.<random>.clusterc-tmp`.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, ioError } from './io-errors.js';

/** One file to write. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const TEMP_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** A fresh, unpredictable name beside `path` (same directory, so the rename stays atomic). */
function tempName(path: string, what: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(12).toString('hex')}.clusterc-${what}`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Creates `dir` and its missing parents one level at a time (bounded by the number of components;
 * `mkdirSync(…, {recursive})` loops forever under /proc, where mkdir fails with ENOENT although the
 * parent exists).
 */
export function ensureDirectory(dir: string): void {
  const abs = resolve(dir);
  const missing: string[] = [];
  for (let d = abs; ; d = dirname(d)) {
    let st;
    try {
      st = statSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError('cannot use the output directory', d, e);
      missing.push(d);
      if (dirname(d) === d) break;
      continue;
    }
    if (!st.isDirectory()) throw new CliError(`cannot use \`${d}\` as the output directory: it is not a directory; choose another output directory`);
    break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, 0o755);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new CliError(`cannot create the directory \`${d}\`: this file system does not allow creating it; choose another output directory`);
      }
      throw ioError('cannot create the directory', d, e);
    }
  }
}

/** Writes `content` to a new temporary beside `path` (registered in `temps`): every byte, or an error. */
async function writeTemp(path: string, content: string, temps: string[]): Promise<void> {
  const tmp = tempName(path, 'tmp');
  // Registered before the open, so a signal handled while the open completes still removes it.
  temps.push(tmp);
  let fh;
  try {
    fh = await open(tmp, TEMP_FLAGS, 0o644);
  } catch (e) {
    temps.pop(); // not ours (EEXIST) or never created
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliError(`cannot write \`${path}\`: this file system does not allow creating files in \`${dirname(path)}\`; choose another output directory`);
    }
    throw ioError('cannot write', path, e);
  }
  try {
    const data = Buffer.from(content, 'utf8');
    for (let off = 0; off < data.length; ) {
      const { bytesWritten } = await fh.write(data, off, data.length - off);
      if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      off += bytesWritten;
    }
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    throw ioError('cannot write', path, e);
  }
  try {
    await fh.close();
  } catch (e) {
    throw ioError('cannot write', path, e);
  }
}

/** Keeps the old target beside it (a hard link, or a copy where links are not supported). */
function backup(path: string): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined;
  }
  if (st.isDirectory()) throw new CliError(`cannot write \`${path}\`: a directory has that name; remove it or choose another output directory`);
  const b = tempName(path, 'old');
  try {
    linkSync(path, b);
  } catch {
    copyFileSync(path, b, constants.COPYFILE_EXCL);
  }
  return b;
}

/** Replaces every target by its temporary, or (on any failure) restores every old target. */
function commit(files: readonly OutputFile[], temps: readonly string[]): void {
  const backups: (string | undefined)[] = [];
  let renamed = 0;
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      backups.push(backup(f.path));
    }
    for (const [i, f] of files.entries()) {
      current = f.path;
      renameSync(temps[i]!, f.path);
      renamed++;
    }
  } catch (e) {
    for (let i = renamed - 1; i >= 0; i--) {
      const b = backups[i];
      try {
        if (b !== undefined) renameSync(b, files[i]!.path);
        else unlinkSync(files[i]!.path);
      } catch {
        // best effort: the error below names the file that failed
      }
    }
    for (const b of backups) if (b !== undefined) removeQuietly(b);
    throw e instanceof CliError ? e : ioError('cannot write', current, e);
  }
  for (const b of backups) if (b !== undefined) removeQuietly(b);
  for (const d of new Set(files.map((f) => dirname(f.path)))) syncDirectory(d);
}

/** Flushes a directory's entries (the renames); skipped where a directory cannot be opened. */
function syncDirectory(d: string): void {
  try {
    const fd = openSync(d, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some network file systems cannot fsync a directory: the renames stand
  }
}

/**
 * Writes all `files` together or none (see the module header). Throws CliError naming the file
 * and what to do; on failure no target is changed and no temporary is left.
 */
export async function writeFilesAtomic(files: readonly OutputFile[]): Promise<void> {
  const temps: string[] = [];
  const onSignal = (sig: NodeJS.Signals): void => {
    for (const t of temps) removeQuietly(t);
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, sig);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    for (const d of new Set(files.map((f) => dirname(f.path)))) ensureDirectory(d);
    for (const f of files) await writeTemp(f.path, f.content, temps);
    // Test seam (test/cli/write.test.ts): wait for a FIFO before committing, so a test can signal a
    // run whose temporaries exist. Unset in normal use.
    const pause = process.env['CLUSTERC_TEST_PAUSE_BEFORE_COMMIT'];
    if (pause) await readFile(pause);
    commit(files, temps);
  } catch (e) {
    for (const t of temps) removeQuietly(t);
    throw e;
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}
