// `clusterc lint PATH...`. PLACEHOLDER until the linter lands.
import { CliError, type OutputOptions } from './io.js';

/** Runs `lint`; returns the exit code. */
export async function runLint(_paths: string[], _opts: OutputOptions): Promise<number> {
  throw new CliError('lint is not implemented yet');
}
