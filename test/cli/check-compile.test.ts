// `clusterc check` runs the emitters without writing the TOSCA text (compile's `checkOnly`), and
// must still report exactly the diagnostics `compile` reports: the same set, in the same order,
// for every example and every compile case spec (both HOT modes, both targets alone and together),
// for generated specs, and through the command line (JSON diagnostics of both commands).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { compileAll, type CompileOptions, type SpecInput } from '../../src/compile.js';
import { HEAT_MAX_TEMPLATE_SIZE } from '../../src/emit/hot/index.js';
import { exampleFiles } from '../../src/tools/examples.js';
import { params, validSpecText } from '../property/generators.js';
import { ROOT } from '../support/golden.js';
import { specCorpus } from '../support/spec.js';

/** Asserts that check-only compiles report what full compiles report, and keep no file. */
function expectSameDiagnostics(inputs: readonly SpecInput[], opts: CompileOptions, what: string): number {
  const full = compileAll(inputs, opts);
  const check = compileAll(inputs, { ...opts, checkOnly: true });
  expect(check.diagnostics, what).to.deep.equal(full.diagnostics);
  expect(check.files, what).to.deep.equal([]);
  return full.diagnostics.length;
}

describe('check reports exactly what compile reports', function () {
  this.timeout(300_000);

  it('on every example and compile case, for each target and HOT mode', function () {
    let compared = 0;
    let diagnostics = 0;
    for (const { file, text } of specCorpus()) {
      for (const targets of [['tosca', 'hot'], ['tosca'], ['hot']] as const) {
        for (const mode of ['cloud-init', 'software-config'] as const) {
          diagnostics += expectSameDiagnostics([{ file, text }], { targets, hot: { mode } }, `${file} ${targets.join('+')} ${mode}`);
          compared++;
        }
      }
    }
    expect(compared).to.be.greaterThan(100);
    expect(diagnostics).to.be.greaterThan(300);
  });

  it('on all examples at once (clashes between files included)', function () {
    const inputs = exampleFiles(ROOT).map((f) => ({ file: f, text: readFileSync(join(ROOT, f), 'utf8') }));
    expectSameDiagnostics([...inputs, { file: 'again.cluster', text: inputs[0]!.text }], { targets: ['tosca', 'hot'] }, 'all examples');
  });

  it('on specs near and over Heat\'s template size limit (CS3209), in both HOT modes', function () {
    // check decides CS3209 from a size bound and writes the text only when the bound is above the limit.
    const spec = (pools: number) =>
      ['cluster "big" {', '  cloud { image = "ubuntu-22.04" network = "n" key_name = "k" public_network = "p" }', '  masters 3 { flavor = "m1" }']
        .concat(Array.from({ length: pools }, (_, i) => `  agents "p${i}" 1 { flavor = "m1" }`), ['}'])
        .join('\n') + '\n';
    for (const mode of ['cloud-init', 'software-config'] as const) {
      const size = (pools: number) => Buffer.byteLength(compileAll([{ file: 'big.cluster', text: spec(pools) }], { targets: ['hot'], hot: { mode } }).files[0]?.content ?? '');
      // the largest pool count whose template is within the limit (sizes grow with the pools)
      let lo = 1;
      let hi = 400;
      expect(size(hi)).to.be.greaterThan(HEAT_MAX_TEMPLATE_SIZE);
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (size(mid) > HEAT_MAX_TEMPLATE_SIZE) hi = mid;
        else lo = mid;
      }
      const seen = new Set<boolean>();
      for (const pools of [lo - 1, lo, hi, hi + 1]) {
        const text = spec(pools);
        expectSameDiagnostics([{ file: 'big.cluster', text }], { targets: ['hot'], hot: { mode } }, `${pools} pools ${mode}`);
        seen.add(compileAll([{ file: 'big.cluster', text }], { targets: ['hot'], hot: { mode }, checkOnly: true }).diagnostics.some((d) => d.code === 'CS3209'));
      }
      expect([...seen].sort(), mode).to.deep.equal([false, true]);
    }
  });

  it('on generated specs', function () {
    fc.assert(
      fc.property(validSpecText, ({ text }) => {
        expectSameDiagnostics([{ file: 'gen.cluster', text }], { targets: ['tosca', 'hot'] }, text);
      }),
      params(40),
    );
  });

  it('through the command line: the JSON diagnostics of `check` and `compile` are the same', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-check-'));
    try {
      for (const ex of exampleFiles(ROOT)) {
        const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/src/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
        const check = run(['check', '--format', 'json', ex]);
        const compile = run(['compile', '--format', 'json', '--out-dir', dir, ex]);
        expect(check.status, ex).to.equal(compile.status);
        expect(JSON.parse(check.stdout), ex).to.deep.equal(JSON.parse(compile.stdout));
        expect(JSON.parse(check.stdout).diagnostics, ex).to.not.be.empty;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
