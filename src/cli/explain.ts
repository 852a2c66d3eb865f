// `clusterc explain CODE`: the long explanation of a diagnostic code, or `--list` of all codes.
// It reads the catalogue through ../diagnostics/explain-table.ts (a plain table in the start-up
// bundle), not the catalogue's modules.
import { explainTable, type ExplainEntry } from '../diagnostics/explain-table.js';
import { CliError } from './io-errors.js';
import { EXIT_OK } from './exit.js';

/** Looks a code up by code (`CS1001`, case-insensitive) or by name, as `lookupCode` in codes.ts. */
function lookup(table: readonly ExplainEntry[], key: string): ExplainEntry | undefined {
  const upper = key.toUpperCase();
  return table.find((e) => e.code === upper) ?? table.find((e) => e.name === key);
}

/** Prints the explanation of `code` (by code or name). */
export async function runExplain(code: string | undefined, opts: { list?: boolean }): Promise<number> {
  const table = explainTable();
  if (opts.list || code === undefined) {
    if (code === undefined && !opts.list) throw new CliError('missing code (e.g. `clusterc explain CS1001`, or `clusterc explain --list`)');
    for (const c of [...table].sort((a, b) => a.code.localeCompare(b.code))) {
      process.stdout.write(`${c.code}  ${c.severity.padEnd(7)}  ${c.name}${c.retired ? ' (retired)' : ''}\n`);
    }
    return EXIT_OK;
  }
  const info = lookup(table, code);
  if (!info) throw new CliError(`unknown code \`${code}\` (run \`clusterc explain --list\` to see every code)`);
  const header = `${info.code} (${info.name}): ${info.severity}${info.configurable ? ', configurable with --allow/--deny ' + info.name : ''}${info.retired ? ', retired' : ''}`;
  process.stdout.write(`${header}\n\n${info.explain.trim()}\n`);
  return EXIT_OK;
}
