// Reading ZIP archives (CSARs) for lint, bounded: the central directory is read from the end of the archive
// (PKWARE APPNOTE §4.3.16 end of central directory, §4.3.12 central directory headers), and a member is
// inflated only when the linter needs its text, with node's zlib, never past its declared size, with its
// CRC-32 checked, as Python's zipfile (tosca-parser) checks it. Refused, for the whole archive: more than
// MAX_ENTRIES entries, a central directory over MAX_DIRECTORY_BYTES, ZIP64 or multi-disk archives, encrypted
// entries, symbolic links, absolute names, names with a `..` segment (either slash), NUL or a drive letter, two
// entries of the same name. A member is read only up to MAX_FILE_BYTES, and at most MAX_INFLATED_BYTES are
// inflated per archive (zip bombs). Never throws on bad input: every problem is a one-line reason.
import { createRequire } from 'node:module';
import type * as Zlib from 'node:zlib';
import { MAX_FILE_BYTES } from './reader.js';

// node:zlib (and the streams it loads) costs tens of milliseconds to load: only when a member is inflated.
let zlib: typeof Zlib | undefined;
const inflateRawSync = (data: Uint8Array, opts: Zlib.ZlibOptions): Buffer => (zlib ??= createRequire(import.meta.url)('node:zlib') as typeof Zlib).inflateRawSync(data, opts);

/** Random access to the bytes of an archive; `read` may return fewer bytes at the end. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/** Most entries an archive may have. */
export const MAX_ENTRIES = 10_000;
/** Largest central directory read (bytes). */
export const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
/** Most bytes inflated from one archive in one run, over all the members read. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** One member as the central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly isDirectory: boolean;
}

/** An archive whose directory could be read. */
export interface ZipArchive {
  /** Member names in directory order. */
  readonly names: readonly string[];
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The bytes of member `name`, or why they cannot be read. */
  read(name: string): { bytes: Uint8Array } | { error: string };
}

// IBM code page 437, bytes 0x80-0xFF: how Python's zipfile decodes a name without the UTF-8 flag.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(bytes: Uint8Array, utf8: boolean): string | undefined {
  if (utf8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return s;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, the ZIP checksum). */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (crcTable[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Why a member name is refused, or undefined when it is a plain relative path. */
function badName(name: string): string | undefined {
  if (name.includes('\0')) return 'a NUL character';
  if (name.startsWith('/') || name.startsWith('\\')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  if (name.split(/[\\/]/).includes('..')) return 'a `..` segment';
  return undefined;
}

const u16 = (b: Uint8Array, o: number) => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** Reads the central directory of the archive in `src`; a reason when it is not a usable ZIP archive. */
export function openZip(src: ByteSource): ZipArchive | { error: string } {
  try {
    return open(src);
  } catch (e) {
    return { error: `it cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

function open(src: ByteSource): ZipArchive | { error: string } {
  const notZip = { error: 'it is not a ZIP archive (no end of central directory record)' };
  if (src.size < 22) return notZip;
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  const tailStart = Math.max(0, src.size - 22 - 65_535);
  const tail = src.read(tailStart, src.size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      at = i;
      break;
    }
  }
  if (at < 0) return notZip;
  const disk = u16(tail, at + 4);
  const cdDisk = u16(tail, at + 6);
  const onDisk = u16(tail, at + 8);
  const total = u16(tail, at + 10);
  const cdSize = u32(tail, at + 12);
  const cdOffset = u32(tail, at + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { error: 'it is a ZIP64 archive, which `clusterc lint` does not read' };
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) return { error: 'it is a multi-disk ZIP archive' };
  if (total > MAX_ENTRIES) return { error: `it has ${total} entries, more than the limit of ${MAX_ENTRIES}` };
  if (cdSize > MAX_DIRECTORY_BYTES) return { error: `its central directory is larger than ${MAX_DIRECTORY_BYTES / 1024 / 1024} MiB` };
  const endAt = tailStart + at;
  // Bytes before the archive (a self-extracting stub) shift every offset, as Python's zipfile allows.
  const shift = endAt - cdSize - cdOffset;
  if (shift < 0) return { error: 'its central directory is out of bounds' };
  const cd = src.read(cdOffset + shift, cdSize);
  if (cd.length !== cdSize) return { error: 'its central directory is truncated' };
  const entries = new Map<string, ZipEntry>();
  const names: string[] = [];
  let p = 0;
  for (let n = 0; n < total; n++) {
    if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) return { error: 'its central directory is damaged' };
    const madeBy = u16(cd, p + 4) >> 8;
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    const crc = u32(cd, p + 16);
    const compressedSize = u32(cd, p + 20);
    const size = u32(cd, p + 24);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    const external = u32(cd, p + 38);
    const localOffset = u32(cd, p + 42);
    if (p + 46 + nameLen > cd.length) return { error: 'its central directory is damaged' };
    const name = decodeName(cd.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    p += 46 + nameLen + extraLen + commentLen;
    if (name === undefined) return { error: 'an entry name is not valid UTF-8' };
    const shown = JSON.stringify(name);
    const bad = badName(name);
    if (bad) return { error: `entry ${shown} has ${bad} (refused: it would be written outside the archive's folder)` };
    if (flags & 0x1) return { error: `entry ${shown} is encrypted` };
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return { error: 'it is a ZIP64 archive, which `clusterc lint` does not read' };
    // Unix mode in the high half of the external attributes (made by Unix, 3): S_IFLNK.
    if (madeBy === 3 && ((external >>> 16) & 0o170000) === 0o120000) return { error: `entry ${shown} is a symbolic link (refused)` };
    if (entries.has(name)) return { error: `it has two entries named ${shown}` };
    entries.set(name, { name, method, crc, compressedSize, size, localOffset: localOffset + shift, isDirectory: name.endsWith('/') });
    names.push(name);
  }
  let inflated = 0;
  const read = (name: string): { bytes: Uint8Array } | { error: string } => {
    const e = entries.get(name);
    if (!e) return { error: 'no such file in the archive' };
    if (e.isDirectory) return { error: 'it is a directory' };
    if (e.size > MAX_FILE_BYTES) return { error: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the size limit of \`clusterc lint\`` };
    if (e.method !== 0 && e.method !== 8) return { error: `it is compressed with method ${e.method}; only stored and deflated members are read` };
    if (inflated + e.size > MAX_INFLATED_BYTES) return { error: `reading it would inflate more than ${MAX_INFLATED_BYTES / 1024 / 1024} MiB from the archive` };
    const head = src.read(e.localOffset, 30);
    if (head.length < 30 || u32(head, 0) !== 0x04034b50) return { error: 'its local header is damaged' };
    const localName = src.read(e.localOffset + 30, u16(head, 26));
    if (decodeName(localName, (u16(head, 6) & 0x800) !== 0) !== name) return { error: 'the names in the directory and the local header differ' };
    const dataAt = e.localOffset + 30 + u16(head, 26) + u16(head, 28);
    const data = src.read(dataAt, e.compressedSize);
    if (data.length !== e.compressedSize) return { error: 'it is truncated' };
    let bytes: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) return { error: 'its stored size and size differ' };
      bytes = data;
    } else {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch {
        return { error: 'it does not inflate to its declared size (damaged, or a zip bomb)' };
      }
      if (bytes.length !== e.size) return { error: 'it does not inflate to its declared size (damaged, or a zip bomb)' };
    }
    inflated += e.size;
    if (crc32(bytes) !== e.crc) return { error: 'its CRC-32 does not match (damaged)' };
    return { bytes };
  };
  return { names, entries, read };
}
