// CS0xxx: codes that belong to no phase (internal errors).
import { defineCodes } from './define.js';

export const CORE_CODES = defineCodes({
  CS0001: {
    name: 'internal-error',
    severity: 'error',
    message: (a: { detail: string }) => `internal compiler error: ${a.detail}`,
    explain: `clusterc hit a bug: an exception escaped a phase, or the compiler's own self-check found
that an output it was about to write is invalid. Nothing was written. Please report it with the
input that triggers it. The process exits with code 2.`,
  },
  CS0002: {
    name: 'spec-too-large',
    severity: 'error',
    message: (a: { size: number; limit: number }) => `the spec is ${a.size} bytes, above the limit of ${a.limit} bytes`,
    explain: `A cluster spec is a few dozen lines; the compiler refuses a file larger than 1 MiB
(1048576 bytes) without reading it, so that a wrong or hostile file cannot exhaust memory. Split
the clusters into several files (one run compiles them all), or check that the right file was given.`,
  },
});
