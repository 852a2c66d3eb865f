// Property tests of the compiler on generated VALID specs (test/property/generators.ts): every spec checks
// and compiles with zero errors to TOSCA and HOT (both HOT modes), compiling twice is byte-identical, every
// output is one YAML document, and a small sample passes both conformance harnesses (tosca-parser, Heat).
//
// Runs: 200 specs for the check, 15 for the compile (each HOT emit takes ~0.1 s: about 6 s) by default, $CLUSTERC_PROPERTY_RUNS to change (e.g. 1000);
// conformance sample: 3 specs by default, $CLUSTERC_PROPERTY_CONFORMANCE to change. The seed is fixed
// ($CLUSTERC_PROPERTY_SEED overrides); fast-check prints the seed and the counterexample on failure.
// The conformance part is skipped (with the reason printed) when the Python tools are missing, and fails
// instead when $CI is set.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import YAML from 'yaml';
import { compile, type CompileResult } from '../../src/compile.js';
import { renderHuman } from '../../src/diagnostics/render.js';
import { conformanceAvailable, runHeatValidate, runToscaValidate } from '../conformance/harness.js';
import { params, propertySeed, validSpecText } from './generators.js';
import { skipOrFail } from '../support/shared.js';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { buildHot } from '../../src/emit/hot/index.js';
import { buildTosca } from '../../src/emit/tosca/index.js';
import { expectReadsBack } from '../support/yaml.js';

type Mode = 'cloud-init' | 'software-config';
const MODES: readonly Mode[] = ['cloud-init', 'software-config'];

function build(text: string, mode: Mode): CompileResult {
  return compile(text, 'gen.cluster', { targets: ['tosca', 'hot'], hot: { mode } });
}

function errorsOf(r: CompileResult, text: string): string {
  const errs = r.diagnostics.filter((d) => d.severity === 'error');
  return errs.length === 0 ? '' : renderHuman(errs, new Map([['gen.cluster', text]])) + '\n--- spec ---\n' + text;
}

describe('property: generated valid specs', function () {
  this.timeout(120_000);

  it('check with zero errors (warnings only CS2015/CS2021/CS2071/CS2072)', () => {
    fc.assert(
      fc.property(validSpecText, ({ text }) => {
        const r = compile(text, 'gen.cluster', { stopAfter: 'lower' });
        expect(errorsOf(r, text)).to.equal('');
        // even masters, a literal password, an unauthenticated or plain-HTTP admin port facing the world
        for (const d of r.diagnostics) expect(['CS2015', 'CS2021', 'CS2071', 'CS2072'], `unexpected ${d.code}: ${d.message}`).to.include(d.code);
      }),
      params(200),
    );
  });

  it('compile to TOSCA and HOT in both modes, deterministically, as single YAML documents', () => {
    fc.assert(
      fc.property(validSpecText, ({ spec, text }) => {
        for (const mode of MODES) {
          const a = build(text, mode);
          expect(errorsOf(a, text)).to.equal('');
          expect(a.files.map((f) => f.name).sort()).to.deep.equal(
            spec.clusters.flatMap((c) => [`${c.name}.hot.yaml`, `${c.name}.tosca.yaml`]).sort(),
          );
          const b = build(text, mode);
          expect(b.files.map((f) => f.content)).to.deep.equal(a.files.map((f) => f.content));
          for (const f of a.files) {
            const docs = YAML.parseAllDocuments(f.content);
            expect(docs, f.name).to.have.length(1);
            expect(docs[0]!.errors.map(String), f.name).to.deep.equal([]);
            const value: unknown = docs[0]!.toJS();
            expect(value, f.name).to.be.an('object');
            if (f.target === 'tosca') expect(value).to.have.property('tosca_definitions_version');
            else expect(value).to.have.property('heat_template_version');
            // The text reads back (YAML 1.1, as PyYAML) as exactly the data the emitter built.
            const m = a.models.find((x) => f.name.startsWith(`${x.name}.`))!;
            const built = f.target === 'tosca' ? buildTosca(m, {}, new DiagnosticCollector()) : buildHot(m, { mode }, new DiagnosticCollector());
            expectReadsBack(f.content, JSON.parse(JSON.stringify(built)), f.name);
          }
        }
      }),
      params(15),
    );
  });

  describe('conformance sample', function () {
    this.timeout(900_000);
    it('passes tosca-parser and the Heat engine', function () {
      const avail = conformanceAvailable();
      const reason = avail.tosca ?? avail.heat;
      if (reason !== null) skipOrFail(this, `conformance harness unavailable: ${reason}`);
      const n = Number(process.env['CLUSTERC_PROPERTY_CONFORMANCE']) || 3;
      const samples = fc.sample(validSpecText, { numRuns: n, seed: propertySeed() + 1 });
      const dir = mkdtempSync(join(tmpdir(), 'clusterc-prop-'));
      try {
        const tosca: string[] = [];
        const hot: string[] = [];
        const origin = new Map<string, string>();
        samples.forEach(({ text }, i) => {
          MODES.forEach((mode, k) => {
            const r = build(text, mode);
            expect(errorsOf(r, text)).to.equal('');
            for (const f of r.files) {
              if (f.target === 'tosca' && k > 0) continue; // TOSCA does not depend on the HOT mode
              const p = join(dir, `${i}-${mode}-${f.name}`);
              writeFileSync(p, f.content);
              origin.set(p, text);
              (f.target === 'tosca' ? tosca : hot).push(p);
            }
          });
        });
        const bad: string[] = [];
        for (const r of runToscaValidate(tosca)) if (!r.ok) bad.push(`${r.file}: ${r.errors.join('; ')}\n--- spec ---\n${origin.get(r.file)}`);
        for (const r of runHeatValidate(hot)) if (!r.ok) bad.push(`${r.file}: ${r.errors.join('; ')}\n--- spec ---\n${origin.get(r.file)}`);
        expect(bad.join('\n\n')).to.equal('');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
