// `clusterc grammar`. PLACEHOLDER until the parser lands.
import { CliError } from './io.js';

/** Runs `grammar`; returns the exit code. */
export async function runGrammar(_opts: { ebnf?: boolean; html?: boolean; write?: string }): Promise<number> {
  throw new CliError('grammar is not implemented yet');
}
