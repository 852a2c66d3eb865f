// out/ holds the compiled examples, regenerated only by `npm run examples`: this test fails when
// a file there is stale, missing or extra, so the committed outputs are always what the
// compiler produces today.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { buildExamples } from '../src/tools/examples.js';
import { compile } from '../src/compile.js';
import { DiagnosticCollector, sortDiagnostics } from '../src/diagnostics/collector.js';
import { buildHot } from '../src/emit/hot/index.js';
import { buildTosca } from '../src/emit/tosca/index.js';
import { expectReadsBack } from './support/yaml.js';
import { renderHuman, renderSummary } from '../src/diagnostics/render.js';
import { ROOT, expectGolden } from './support/golden.js';

describe('out/ (compiled examples)', function () {
  const { outputs, diagnostics } = buildExamples(ROOT);

  it('every example compiles without errors', function () {
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
  });

  // What the outputs cannot express is never dropped silently: the lossy-emit warnings and notes
  // each example gets are reviewed goldens (test/cases/compile/example-<name>/compile.golden.txt).
  for (const example of [...new Set(outputs.map((o) => o.example))]) {
    it(`${example} has the reviewed compile diagnostics`, function () {
      const name = example.replace(/^examples\//, '').replace(/\.cluster$/, '');
      const mine = sortDiagnostics(diagnostics.filter((d) => d.primary?.span.file === example));
      const text = readFileSync(join(ROOT, example), 'utf8');
      const rendered = mine.length > 0 ? renderHuman(mine, new Map([[example, text]])) + '\n' + renderSummary(mine) + '\n' : '';
      expectGolden(`test/cases/compile/example-${name}/compile.golden.txt`, rendered);
    });
  }

  it('every example produces a TOSCA and a HOT file', function () {
    const byExample = new Map<string, string[]>();
    for (const o of outputs) byExample.set(o.example, [...(byExample.get(o.example) ?? []), o.name]);
    for (const [ex, names] of byExample) {
      expect(names.some((n) => n.endsWith('.tosca.yaml')), ex).to.equal(true);
      expect(names.some((n) => n.endsWith('.hot.yaml')), ex).to.equal(true);
    }
    expect(byExample.size).to.be.greaterThan(0);
  });

  it('every output reads back (YAML 1.1) as the data its emitter built', function () {
    for (const example of [...new Set(outputs.map((o) => o.example))]) {
      const r = compile(readFileSync(join(ROOT, example), 'utf8'), example, { stopAfter: 'lower' });
      for (const m of r.models) {
        const tosca = outputs.find((o) => o.name === `${m.name}.tosca.yaml`)!;
        const hot = outputs.find((o) => o.name === `${m.name}.hot.yaml`)!;
        expectReadsBack(tosca.content, JSON.parse(JSON.stringify(buildTosca(m, {}, new DiagnosticCollector()))), tosca.name);
        expectReadsBack(hot.content, JSON.parse(JSON.stringify(buildHot(m, {}, new DiagnosticCollector()))), hot.name);
      }
    }
  });

  it('out/ is up to date (run `npm run examples`)', function () {
    const dir = join(ROOT, 'out');
    const present = existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')).sort() : [];
    expect(present, 'files in out/').to.deep.equal(outputs.map((o) => o.name).sort());
    for (const o of outputs) {
      expect(readFileSync(join(dir, o.name), 'utf8'), `out/${o.name} is stale: run npm run examples`).to.equal(o.content);
    }
  });
});
