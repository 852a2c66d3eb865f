// The compiled examples in out/: what `npm run examples` writes and what the freshness test
// expects. Every examples/*.cluster is compiled with default options (both targets, HOT in
// cloud-init mode); out/ holds exactly these files, named <cluster>.<target>.yaml, and the
// inputs file of each (<cluster>.hot.env.yaml, <cluster>.tosca.inputs.json), as `compile` writes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../compile.js';
import { inputsFiles } from '../inputs/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One expected file of out/. */
export interface ExampleOutput {
  readonly example: string;
  readonly name: string;
  readonly content: string;
}

/** The example spec files, sorted, as paths relative to `root`. */
export function exampleFiles(root: string): string[] {
  return readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.cluster'))
    .sort()
    .map((f) => `examples/${f}`);
}

/** Compiles every example; returns the outputs and any diagnostics (examples must have none). */
export function buildExamples(root: string): { outputs: ExampleOutput[]; diagnostics: Diagnostic[] } {
  const outputs: ExampleOutput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const example of exampleFiles(root)) {
    const text = readFileSync(join(root, example), 'utf8');
    const r = compile(text, example, { targets: ['tosca', 'hot'] });
    for (const d of r.diagnostics) diagnostics.push(d);
    for (const f of r.files) outputs.push({ example, name: f.name, content: f.content });
    for (const f of inputsFiles(r.files, () => example)) outputs.push({ example, name: f.name, content: f.content });
  }
  return { outputs, diagnostics };
}
