// `clusterc grammar`: prints or writes the generated grammar documents (EBNF, offline HTML).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGRAM_SCRIPTS, grammarEbnf, grammarHtml, type DiagramAssets } from '../spec/grammar.js';
import { EXIT_OK } from './io.js';
import { writeFilesAtomic } from './write.js';

/** Reads chevrotain's diagram scripts so the page can inline them. */
export function diagramAssets(): DiagramAssets {
  // chevrotain's "exports" hide package.json: walk up from its entry point to the package root.
  let dir = dirname(fileURLToPath(import.meta.resolve('chevrotain')));
  while (!existsSync(join(dir, 'diagrams', 'diagrams.css')) && dirname(dir) !== dir) dir = dirname(dir);
  dir = join(dir, 'diagrams');
  const scripts: Record<string, string> = {};
  for (const p of DIAGRAM_SCRIPTS) scripts[p] = readFileSync(join(dir, p), 'utf8');
  return { css: readFileSync(join(dir, 'diagrams.css'), 'utf8'), scripts };
}

/** Runs `grammar`; returns the exit code. */
export async function runGrammar(opts: { ebnf?: boolean; html?: boolean; write?: string }): Promise<number> {
  if (opts.write !== undefined) {
    await writeFilesAtomic([
      { path: join(opts.write, 'cluster-spec.ebnf'), content: grammarEbnf() },
      { path: join(opts.write, 'diagrams.html'), content: grammarHtml(diagramAssets()) },
    ]);
    process.stderr.write(`wrote ${join(opts.write, 'cluster-spec.ebnf')} and ${join(opts.write, 'diagrams.html')}\n`);
    return EXIT_OK;
  }
  process.stdout.write(opts.html ? grammarHtml(diagramAssets()) : grammarEbnf());
  return EXIT_OK;
}
