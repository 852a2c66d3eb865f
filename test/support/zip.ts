// A small ZIP writer for tests (CSARs built in the test, not committed as binary files): stored or deflated
// members, and the hostile variants the reader must refuse (a lying declared size, a symbolic link, an
// encrypted flag, any name), written as PKWARE APPNOTE §4.3 lays them out.
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/lint/zip.js';

export interface ZipMember {
  readonly name: string;
  readonly data?: string | Uint8Array;
  /** Store instead of deflate. @default false */
  readonly store?: boolean;
  /** Declared uncompressed size (a lie, for bomb tests). @default the real size */
  readonly declaredSize?: number;
  /** A Unix symbolic link (mode 0120777, made by Unix). @default false */
  readonly symlink?: boolean;
  /** Set the encryption flag. @default false */
  readonly encrypted?: boolean;
}

/** The bytes of a ZIP archive holding `members` in order. */
export function zip(members: readonly ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const raw = typeof m.data === 'string' ? Buffer.from(m.data, 'utf8') : Buffer.from(m.data ?? new Uint8Array());
    const body = m.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(m.name, 'utf8');
    const method = m.store ? 0 : 8;
    const flags = 0x800 | (m.encrypted ? 1 : 0);
    const crc = crc32(raw);
    const size = m.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE((3 << 8) | 20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    const mode = m.symlink ? 0o120777 : m.name.endsWith('/') ? 0o40755 : 0o100644;
    cd.writeUInt32LE(((mode << 16) | (m.name.endsWith('/') ? 0x10 : 0)) >>> 0, 38);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}
