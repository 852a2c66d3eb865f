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
  /**
   * The member names of the archive (a CSAR) at `path`, or why it cannot be read as one. Its members are then
   * read and tested as `path!/member` (csar.ts). Readers without archives leave it out.
   */
  archive?(path: string): { readonly names: readonly string[] } | { readonly error: string };
}

/** Decodes UTF-8 like PyYAML (strict); on an invalid byte, the lossy text and the UTF-16 offset of that byte. */
export function decodeUtf8(buf: Uint8Array): ReadResult {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    let i = 0;
    while (i < buf.length) {
      const b = buf[i] ?? 0;
      const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (n === 0 || i + n > buf.length) break;
      let ok = true;
      for (let k = 1; k < n; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
      if (ok && n > 1 && new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(i, i + n)).includes('\uFFFD')) ok = false;
      if (!ok) break;
      i += n;
    }
    const before = new TextDecoder('utf-8').decode(buf.subarray(0, i));
    return { text: new TextDecoder('utf-8').decode(buf), invalidUtf8At: before.length };
  }
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

/** `x.csar!/Definitions/a.yaml` → the archive `x.csar` and the member `Definitions/a.yaml` (also `.zip`). */
export function archiveMember(path: string): { archive: string; member: string } | undefined {
  const m = /\.(?:csar|zip)!\//i.exec(path);
  if (!m) return undefined;
  const end = m.index + m[0].length - 2;
  return { archive: path.slice(0, end), member: path.slice(end + 2) };
}

/**
 * Resolves `rel` against the directory of `from` (both `/`-separated), keeping relative paths relative. Inside
 * an archive the result stays in it: a member path that climbs out (`../x`, or an absolute path) is kept as
 * `archive!/../x`, which the archive reader reports as outside the archive.
 */
export function resolveRelative(from: string, rel: string): string {
  const inArchive = archiveMember(from);
  if (inArchive) {
    const target = rel.startsWith('/') ? rel : posix.normalize(posix.join(posix.dirname(inArchive.member), rel));
    return `${inArchive.archive}!/${target}`;
  }
  if (rel.startsWith('/')) return posix.normalize(rel);
  return posix.normalize(posix.join(posix.dirname(from), rel));
}
