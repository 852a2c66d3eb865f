// Golden syntax cases: each test/cases/compile/syntax-<case>/input.cluster goes through the
// real front end and lowering (what `clusterc check` runs); the rendered diagnostics (no colour,
// paths relative to the repo root) must equal diagnostics.txt. UPDATE_GOLDEN=1 rewrites them.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticCollector, sortDiagnostics } from '../../src/diagnostics/collector.js';
import { renderHuman, renderSummary } from '../../src/diagnostics/render.js';
import { lowerSpec } from '../../src/model/lower.js';
import { parseSpec } from '../../src/spec/index.js';
import { ROOT, expectGolden, readFixture } from '../support/golden.js';

const CASES = 'test/cases/compile';

/** Rendered diagnostics of `clusterc check` on one file ('' when there are none). */
export function checkRendered(rel: string): string {
  const text = readFixture(rel);
  const diag = new DiagnosticCollector();
  lowerSpec(parseSpec(text, rel, diag), diag);
  const ds = sortDiagnostics(diag.diagnostics);
  return ds.length > 0 ? renderHuman(ds, new Map([[rel, text]])) + '\n' + renderSummary(ds) + '\n' : '';
}

describe('syntax golden cases', function () {
  const names = readdirSync(join(ROOT, CASES)).filter((n) => n.startsWith('syntax-')).sort();
  for (const name of names) {
    const input = `${CASES}/${name}/input.cluster`;
    if (!existsSync(join(ROOT, input))) continue;
    it(`case ${name}`, function () {
      expectGolden(`${CASES}/${name}/diagnostics.txt`, checkRendered(input));
    });
  }
});
