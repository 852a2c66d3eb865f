// `clusterc init [NAME] [--ha]`: writes a commented starter spec `NAME.cluster` (minimal, or HA
// with --ha) into the current directory, or --dir, or prints it with --stdout. It refuses to
// overwrite a file unless --force, and writes nothing when the spec would not compile (the
// compiler itself judges the name).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile.js';
import { starterSpec } from '../init/templates.js';
import { CliError, EXIT_OK, exitCodeOf, printDiagnostics, type OutputOptions } from './io.js';
import { writeFilesAtomic } from './write.js';

/** Options of `init`. */
export interface InitOptions extends OutputOptions {
  readonly ha?: boolean;
  readonly dir: string;
  readonly stdout?: boolean;
  readonly force?: boolean;
}

/** Runs `init`; returns the exit code. */
export async function runInit(name: string | undefined, opts: InitOptions): Promise<number> {
  const cluster = name ?? 'my-cluster';
  const file = `${cluster}.cluster`;
  const text = starterSpec(cluster, opts.ha === true);
  const r = compile(text, file, { stopAfter: 'lower' });
  if (r.diagnostics.some((d) => d.severity === 'error')) {
    return exitCodeOf(printDiagnostics(r.diagnostics.filter((d) => d.severity === 'error'), new Map([[file, text]]), opts));
  }
  if (opts.stdout) {
    process.stdout.write(text);
    return EXIT_OK;
  }
  const path = join(opts.dir, file);
  if (existsSync(path) && !opts.force) throw new CliError(`\`${path}\` exists: pick another name, or pass --force to overwrite it`);
  await writeFilesAtomic([{ path, content: text }]);
  process.stderr.write(`wrote ${path}; next: clusterc compile ${path}\n`);
  return EXIT_OK;
}
