// Entry point of the start-up snapshot (dist/fast/snapshot.blob, built by src/tools/build-fast.ts
// with `node --build-snapshot` at `npm install`; the launcher bin/clusterc starts `check` and
// `compile` from it; lint starts sooner from the code-cached chunks). Building it runs this module:
// it loads the CLI and the modules of those commands, builds the spec lexer and parser, and runs
// one in-memory compile of every example, so that what every run of these commands would do first is already done in the heap
// Node starts with. Nothing here touches the process's streams, arguments or environment, which
// belong to the run, not to the build. Each process started from the snapshot then runs `main`
// on its own arguments, exactly as dist/src/cli.js does.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { Command, Option } from 'commander';
import { main } from './cli.js';
import './cli/check.js';
import { emitOptionsOf, readInputs } from './cli/compile.js';
import { compileAll } from './compile.js';
import { renderHuman, renderJson, renderSummary } from './diagnostics/render.js';
import { inputsFiles } from './inputs/index.js';

/** The package root, when the snapshot is built from dist/fast/snapshot.cjs (`node --build-snapshot FILE`). */
const ROOT = join(dirname(resolve(process.argv[1]!)), '..', '..');

/** Compiles the examples in memory: each function these commands use gets compiled now. */
function warmUp(): void {
  const dir = join(ROOT, 'examples');
  // (A package without its examples still gets a snapshot, with less compiled ahead.)
  const { inputs } = readInputs(existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cluster')).map((f) => join(dir, f)) : []);
  for (const i of inputs) {
    for (const hotMode of ['cloud-init', 'software-config'] as const) {
      const r = compileAll([i], emitOptionsOf({ hotMode }));
      inputsFiles(r.results.flatMap((x) => x.files), () => i.file);
      const sources = new Map([[i.file, i.text]]);
      renderHuman(r.diagnostics, sources);
      renderJson(r.diagnostics, sources);
      renderSummary(r.diagnostics);
    }
  }
  // Command-line parsing: a throwaway command of the same kinds of options (the CLI's own
  // program must stay unparsed), so that commander's parsing functions are compiled.
  const warm = new Command('warm-up').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  warm
    .command('sub')
    .argument('<files...>')
    .addOption(new Option('--format <format>').choices(['human', 'json']).default('human'))
    .option('--no-color')
    .option('--allow <name>', '', (v: string, prev: string[] = []) => [...prev, v])
    .action(() => {});
  warm.parse(['node', 'warm-up', 'sub', '--format', 'json', '--no-color', '--allow', 'x', 'a', 'b']);
}

warmUp();
startupSnapshot.setDeserializeMainFunction(() => {
  // Node puts the first argument of the command line at argv[1]; the CLI expects a script there.
  main([process.argv[0]!, join(ROOT, 'bin', 'clusterc'), ...process.argv.slice(1)]);
});
