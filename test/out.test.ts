// out/ holds the compiled examples, regenerated only by `npm run examples`: this test fails when
// a file there is stale, missing or extra, so the committed outputs are always what the
// compiler produces today.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { buildExamples } from '../src/tools/examples.js';
import { ROOT } from './support/golden.js';

describe('out/ (compiled examples)', function () {
  const { outputs, diagnostics } = buildExamples(ROOT);

  it('every example compiles without diagnostics', function () {
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).to.deep.equal([]);
  });

  it('every example produces a TOSCA and a HOT file', function () {
    const byExample = new Map<string, string[]>();
    for (const o of outputs) byExample.set(o.example, [...(byExample.get(o.example) ?? []), o.name]);
    for (const [ex, names] of byExample) {
      expect(names.some((n) => n.endsWith('.tosca.yaml')), ex).to.equal(true);
      expect(names.some((n) => n.endsWith('.hot.yaml')), ex).to.equal(true);
    }
    expect(byExample.size).to.be.greaterThan(0);
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
