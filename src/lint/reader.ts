// How the linter core reaches files: a small reader interface. The CLI passes an fs-backed reader
// (src/cli/lint.ts); tests pass `memoryReader`. Imports and artifact checks go through it, so the
// core never touches the file system itself.
import { posix } from 'node:path';

/** Largest file the linter reads (bytes); bigger files are refused with a diagnostic, never loaded. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The result of reading one file: its text (with the UTF-16 offset of the first byte that was not
 * valid UTF-8, when the text had to be decoded lossily), or a one-line reason it could not be read.
 */
export type ReadResult = { readonly text: string; readonly invalidUtf8At?: number } | { readonly error: string };

/** File access used by the linter core. Paths use `/` and are relative to the working directory or absolute. */
export interface SourceReader {
  /** Reads a UTF-8 text file. */
  read(path: string): ReadResult;
  /** True when `path` names an existing file. */
  exists(path: string): boolean;
}

/** A reader over an in-memory map of path → text (for tests). */
export function memoryReader(files: Readonly<Record<string, string>>): SourceReader {
  const norm = (p: string) => posix.normalize(p);
  const table = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    read: (p) => {
      const t = table.get(norm(p));
      return t === undefined ? { error: 'no such file or directory' } : { text: t };
    },
    exists: (p) => table.has(norm(p)),
  };
}

/** Resolves `rel` against the directory of `from` (both `/`-separated), keeping relative paths relative. */
export function resolveRelative(from: string, rel: string): string {
  if (rel.startsWith('/')) return posix.normalize(rel);
  return posix.normalize(posix.join(posix.dirname(from), rel));
}
