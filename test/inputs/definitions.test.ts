// The inputs files are built from the definitions compile keeps from the data each document was
// written from (EmittedFile.definitions), not by parsing the document back: they must be exactly
// what the whole document reads as (YAML 1.1) under `parameters` / `topology_template.inputs`, on
// every output the compiler can write (the examples in both HOT modes, the compile cases and
// generated specs with hostile strings).
import { expect } from 'chai';
import fc from 'fast-check';
import YAML from 'yaml';
import { compile, type EmittedFile } from '../../src/compile.js';
import { params, validSpecText } from '../property/generators.js';
import { specCorpus } from '../support/spec.js';

const KEYS = { hot: ['parameters'], tosca: ['topology_template', 'inputs'] } as const;

/** The section as the whole document reads it, and the definitions compile kept. */
function bothWays(f: EmittedFile): { whole: unknown; alone: unknown } {
  const keys = KEYS[f.target];
  const whole = keys.reduce<any>((o, k) => o?.[k], YAML.parse(f.content, { version: '1.1' })) ?? {};
  return { whole, alone: f.definitions };
}

function expectSame(files: readonly EmittedFile[]): number {
  let n = 0;
  for (const f of files) {
    const { whole, alone } = bothWays(f);
    expect(alone, f.name).to.deep.equal(whole);
    if (whole && typeof whole === 'object' && Object.keys(whole).length > 0) n++;
  }
  return n;
}

describe('inputs: the definitions compile keeps', function () {
  this.timeout(120_000);

  it('reads as the whole document does, on every example and compile case, both HOT modes', function () {
    let nonEmpty = 0;
    let files = 0;
    for (const { file: spec, text } of specCorpus()) {
      for (const mode of ['cloud-init', 'software-config'] as const) {
        const r = compile(text, spec, { targets: ['tosca', 'hot'], hot: { mode } });
        files += r.files.length;
        nonEmpty += expectSame(r.files);
      }
    }
    // The examples alone give 3 specs x 2 targets x 2 modes, each with declared inputs.
    expect(files).to.be.greaterThan(12);
    expect(nonEmpty).to.be.greaterThan(12);
  });

  it('reads as the whole document does on generated specs (hostile strings included)', function () {
    fc.assert(
      fc.property(validSpecText, ({ text }) => {
        expectSame(compile(text, 'gen.cluster', { targets: ['tosca', 'hot'] }).files);
      }),
      params(40),
    );
  });
});
