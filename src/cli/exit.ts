// CLI support the entry (src/cli.ts) needs before any command runs: exit codes and the
// `--max-errors` check. Kept apart from ./io.ts, which loads the diagnostic catalogue and the
// renderers, so that `--help` and `explain` do not load them.

/** Exit codes: 0 no errors, 1 input has errors, 2 usage, I/O or internal error. */
export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** Parses `--max-errors`: a positive integer, or a message saying why the value is refused. */
export function parseMaxErrors(v: string): number | string {
  if (/^[1-9][0-9]*$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  if (/^-?[0-9]+$/.test(v)) {
    return 'it must be a positive number of errors to show (leave --max-errors out to show them all)';
  }
  return 'it must be a positive whole number of errors to show, such as 10';
}
