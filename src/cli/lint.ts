// `clusterc lint PATH...`: expands directories to their *.yaml / *.yml files, builds an fs-backed reader and
// the --import-map, runs the linter core (src/lint) and prints human, JSON or SARIF diagnostics.
// Exit code 0 without errors, 1 with errors, 2 for usage or I/O problems with the command line itself.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics } from '../diagnostics/collector.js';
import { applyPolicy, unknownPolicyNames } from '../diagnostics/policy.js';
import { renderSarif } from '../diagnostics/render-sarif.js';
import { lintFiles, type ImportMapping, type SourceReader } from '../lint/index.js';
import { CliError, exitCodeOf, policyOf, printDiagnostics, reason, type OutputOptions } from './io.js';

/** Options of `clusterc lint`. */
export interface LintCliOptions extends OutputOptions {
  readonly importMap?: string[];
}

/** A reader over the real file system. */
export const fsReader: SourceReader = {
  read(path) {
    try {
      if (statSync(path).isDirectory()) return { error: 'it is a directory' };
      if (!statSync(path).isFile()) return { error: 'it is not a regular file' }; // /dev/zero, FIFOs: never read
      return { text: readFileSync(path, 'utf8') };
    } catch (e) {
      return { error: reason(e) };
    }
  },
  exists: (path) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  },
};

/** Parses `URL=PATH` options. */
export function parseImportMap(entries: readonly string[]): ImportMapping[] {
  return entries.map((e) => {
    const i = e.lastIndexOf('=');
    if (i <= 0 || i === e.length - 1) throw new CliError(`--import-map expects URL=PATH, got \`${e}\``);
    return { from: e.slice(0, i), to: e.slice(i + 1) };
  });
}

/** Files to lint: files as given, directories walked for *.yaml / *.yml (sorted, recursively). */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(name)) out.push(p);
    }
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError(`cannot read \`${p}\`: no such file or directory`);
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Runs `lint`; returns the exit code. */
export async function runLint(paths: string[], opts: LintCliOptions): Promise<number> {
  const bad = unknownPolicyNames([...(opts.allow ?? []), ...(opts.deny ?? [])]);
  if (bad.length > 0) throw new CliError(`unknown lint name \`${bad[0]}\` (run \`clusterc explain --list\`)`);
  const importMap = parseImportMap(opts.importMap ?? []);
  const files = expandPaths(paths);
  const { diagnostics, sources } = lintFiles(files, fsReader, { importMap });
  if (opts.format === 'sarif') {
    let list = sortDiagnostics(applyPolicy(diagnostics, policyOf(opts)));
    const max = opts.maxErrors !== undefined ? Number(opts.maxErrors) : undefined;
    if (max !== undefined) {
      let n = 0;
      list = list.filter((d) => d.severity !== 'error' || ++n <= max);
    }
    process.stdout.write(renderSarif(list, sources));
    return exitCodeOf(list);
  }
  return exitCodeOf(printDiagnostics(diagnostics, sources, opts));
}
