// `npm run examples`: recompiles every examples/*.cluster into out/ and removes files in out/
// that no example produces. Refuses to write anything when an example has a diagnostic.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHuman } from '../diagnostics/render.js';
import { buildExamples } from './examples.js';

const root = process.cwd();
const { outputs, diagnostics } = buildExamples(root);
const errors = diagnostics.filter((d) => d.severity === 'error');
if (diagnostics.length > 0) {
  const sources = new Map<string, string>();
  for (const d of diagnostics) if (d.primary) sources.set(d.primary.span.file, readFileSync(join(root, d.primary.span.file), 'utf8'));
  process.stderr.write(renderHuman(diagnostics, sources) + '\n');
  if (errors.length > 0) {
    process.stderr.write('error: the examples must compile without errors; out/ left unchanged\n');
    process.exit(1);
  }
}
const outDir = join(root, 'out');
mkdirSync(outDir, { recursive: true });
const keep = new Set(outputs.map((o) => o.name));
for (const f of readdirSync(outDir)) if (!keep.has(f)) rmSync(join(outDir, f), { recursive: true, force: true });
for (const o of outputs) writeFileSync(join(outDir, o.name), o.content);
process.stderr.write(`wrote ${outputs.length} files into out/\n`);
