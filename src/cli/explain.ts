// `clusterc explain CODE`: the long explanation of a diagnostic code, or `--list` of all codes.
import { allCodes, lookupCode } from '../diagnostics/codes.js';
import { isConfigurable } from '../diagnostics/policy.js';
import { CliError, EXIT_OK } from './io.js';

/** Prints the explanation of `code` (by code or name). */
export async function runExplain(code: string | undefined, opts: { list?: boolean }): Promise<number> {
  if (opts.list || code === undefined) {
    if (code === undefined && !opts.list) throw new CliError('missing code (e.g. `clusterc explain CS1001`, or `clusterc explain --list`)');
    for (const c of allCodes()) {
      process.stdout.write(`${c.code}  ${c.severity.padEnd(7)}  ${c.name}${c.retired ? ' (retired)' : ''}\n`);
    }
    return EXIT_OK;
  }
  const info = lookupCode(code);
  if (!info) throw new CliError(`unknown code \`${code}\` (run \`clusterc explain --list\` to see every code)`);
  const header = `${info.code} (${info.name}): ${info.severity}${isConfigurable(info) ? ', configurable with --allow/--deny ' + info.name : ''}${info.retired ? ', retired' : ''}`;
  process.stdout.write(`${header}\n\n${info.explain.trim()}\n`);
  return EXIT_OK;
}
