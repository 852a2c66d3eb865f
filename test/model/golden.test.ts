// Golden cases of the model phase. Each test/cases/compile/<case>/input.cluster is parsed and
// lowered; its rendered diagnostics (no colour, paths relative to the repo root) must equal
// diagnostics.txt (absent = no diagnostics). Cases named `model-*` also compare the model dump
// with model.yaml. Every examples/*.cluster must lower with zero diagnostics; its model dump is
// test/cases/compile/example-<name>/model.yaml. Cases named `syntax-*` belong to the parser's
// tests (test/spec) and are skipped here.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { DiagnosticCollector, sortDiagnostics } from '../../src/diagnostics/collector.js';
import { renderHuman, renderSummary } from '../../src/diagnostics/render.js';
import { dumpModel } from '../../src/model/dump.js';
import { lowerSpec } from '../../src/model/lower.js';
import { ROOT, expectGolden, readFixture } from '../support/golden.js';
import { parseForTest } from './support/parse.js';

const CASES = 'test/cases/compile';

/** Parses and lowers one file; returns rendered diagnostics and the model dump. */
export function runCase(rel: string): { diagnostics: string; model: string; count: number } {
  const text = readFixture(rel);
  const diag = new DiagnosticCollector();
  const ast = parseForTest(text, rel, diag);
  const models = lowerSpec(ast, diag);
  const ds = sortDiagnostics(diag.diagnostics);
  const diagnostics = ds.length > 0 ? renderHuman(ds, new Map([[rel, text]])) + '\n' + renderSummary(ds) + '\n' : '';
  return { diagnostics, model: models.map((m) => dumpModel(m, text)).join('---\n'), count: ds.length };
}

function dirs(rel: string): string[] {
  const abs = join(ROOT, rel);
  return existsSync(abs) ? readdirSync(abs, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

describe('model golden cases', function () {
  for (const name of dirs(CASES).filter((n) => !n.startsWith('example-') && !n.startsWith('syntax-'))) {
    const input = `${CASES}/${name}/input.cluster`;
    if (!existsSync(join(ROOT, input))) continue;
    it(`case ${name}`, function () {
      const r = runCase(input);
      expectGolden(`${CASES}/${name}/diagnostics.txt`, r.diagnostics);
      if (name.startsWith('model-')) expectGolden(`${CASES}/${name}/model.yaml`, r.model);
    });
  }
});

describe('examples lower cleanly', function () {
  const examples = existsSync(join(ROOT, 'examples'))
    ? readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.cluster')).sort()
    : [];
  for (const f of examples) {
    it(`examples/${f} has no diagnostics and a golden model dump`, function () {
      const r = runCase(`examples/${f}`);
      expect(r.diagnostics).to.equal('');
      expect(r.model).to.not.equal('');
      expectGolden(`${CASES}/example-${f.replace(/\.cluster$/, '')}/model.yaml`, r.model);
    });
  }
});
