// CLI support: file-system errors as one line that names the path the system refused and says what
// to do, in words (never a bare errno name such as `eexist`, never a `?` for the path).

/** A usage or I/O problem: printed as one line, exit code 2. */
export class CliError extends Error {}

/** What a file-system error code means, and what the user can do about it. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied; check the permissions of the file and its directory',
  EPERM: 'the operation is not permitted here; check the permissions or choose another path',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
  ENOSPC: 'no space left on the device; free some space or choose another output directory',
  EDQUOT: 'the disk quota is exceeded; free some space or choose another output directory',
  EFBIG: 'the file is too large for this file system; choose another output directory',
  EROFS: 'the file system is read-only; choose another output directory',
  EEXIST: 'a file with that name already exists',
  ELOOP: 'too many levels of symbolic links (or a symbolic link where none is allowed)',
  ENAMETOOLONG: 'the path is too long; choose a shorter one',
  EMFILE: 'too many open files; close some programs and retry',
  ENFILE: 'too many open files in the system; retry later',
  EIO: 'an input/output error of the device; check the disk and retry',
  EBUSY: 'the file or device is busy; retry later',
  ETXTBSY: 'the file is busy; retry later',
  EXDEV: 'it is on another file system',
  EINVAL: 'this file system does not support the operation; choose another path',
  ENOTSUP: 'this file system does not support the operation; choose another path',
  EOPNOTSUPP: 'this file system does not support the operation; choose another path',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EAGAIN: 'the resource is temporarily unavailable; retry',
  EINTR: 'interrupted; retry',
};

/** A short reason for a file-system error, with what to do where there is something to do. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  if (code !== undefined) return `the system reported error ${code}; check the path and retry`;
  return String((e as Error | undefined)?.message ?? e);
}

/** A CliError `<what> \`<path>\`: <reason>`. */
export function ioError(what: string, path: string, e: unknown): CliError {
  return new CliError(`${what} \`${path}\`: ${reason(e)}`);
}
