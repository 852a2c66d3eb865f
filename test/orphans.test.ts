// Fails when a golden file under test/cases/ was not produced by any test in this run
// (esbuild's validateSnapshots). Runs as a root-level `after` hook, after every test file.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'chai';
import { ROOT, checkedGoldens } from './support/golden.js';

/** Golden files by name; every other file in a case folder is an input. */
export const GOLDEN_NAME = /^(diagnostics\.(txt|json|sarif)|(ast|model|tosca|hot)\.yaml|.+\.golden\.[a-z]+)$/;

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (GOLDEN_NAME.test(name)) out.push(p);
  }
  return out;
}

after(function () {
  // Only meaningful when the whole suite ran (not with --grep or a single file).
  if (process.argv.some((a) => a === '--grep' || a === '-g' || a === '--fgrep')) return;
  const cases = resolve(ROOT, 'test/cases');
  let files: string[] = [];
  try {
    files = walk(cases, []);
  } catch {
    return;
  }
  const seen = checkedGoldens();
  const orphans = files.filter((f) => !seen.has(f)).map((f) => relative(ROOT, f));
  expect(orphans, 'golden files that no test produced (delete them or add the case)').to.deep.equal([]);
});
