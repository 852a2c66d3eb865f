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
});
