// The inputs files read only the `parameters` / `topology_template.inputs` lines of an emitted
// document (src/inputs/index.ts `section`), not the whole document: parsed alone, those lines must
// read as exactly what the whole document reads, on every output the compiler can write (the
// examples in both HOT modes, the compile cases and generated specs with hostile strings).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import YAML from 'yaml';
import { compile, type EmittedFile } from '../../src/compile.js';
import { section } from '../../src/inputs/index.js';
import { exampleFiles } from '../../src/tools/examples.js';
import { params, validSpecText } from '../property/generators.js';
import { ROOT } from '../support/golden.js';

const KEYS = { hot: ['parameters'], tosca: ['topology_template', 'inputs'] } as const;

/** The section as the whole document reads it, and as its lines alone read it. */
function bothWays(f: EmittedFile): { whole: unknown; alone: unknown } {
  const keys = KEYS[f.target];
  const whole = keys.reduce<any>((o, k) => o?.[k], YAML.parse(f.content, { version: '1.1' }));
  const text = section(f.content, keys);
  expect(text, `${f.name}: no ${keys.join('.')}`).to.be.a('string');
  const alone = keys.reduce<any>((o, k) => o?.[k], YAML.parse(text!, { version: '1.1' }));
  return { whole, alone };
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

describe('inputs: the parameters section read alone', function () {
  this.timeout(120_000);

  it('reads as the whole document does, on every example and compile case, both HOT modes', function () {
    const specs = [
      ...exampleFiles(ROOT).map((f) => join(ROOT, f)),
      ...readdirSync(join(ROOT, 'test/cases/compile')).map((d) => join(ROOT, 'test/cases/compile', d, 'input.cluster')),
    ];
    let nonEmpty = 0;
    let files = 0;
    for (const spec of specs) {
      let text: string;
      try {
        text = readFileSync(spec, 'utf8');
      } catch {
        continue;
      }
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

  it('ends a block at the next key no deeper than its own, past block scalars, blank lines and comments', function () {
    const doc = [
      '# header',
      'a: 1',
      'parameters:',
      '  p:',
      '    description: |',
      '      line one',
      '',
      '      # not a comment',
      '    default: x',
      '# a comment',
      '  q: {}',
      'parameters_2: no',
      'topology_template:',
      '  description: d',
      '  inputs:',
      '    i: { default: 1 }',
      '  node_templates: {}',
      '  inputs_x: 2',
      'inputs: 3',
      '',
    ].join('\n');
    expect(section(doc, ['parameters'])).to.equal(doc.split('\n').slice(2, 11).join('\n') + '\n');
    expect(section(doc, ['topology_template', 'inputs'])).to.equal('topology_template:\n  inputs:\n    i: { default: 1 }\n');
    expect(section(doc, ['inputs'])).to.equal('inputs: 3\n\n');
    expect(section(doc, ['outputs'])).to.equal(undefined);
    expect(section(doc, ['topology_template', 'outputs'])).to.equal(undefined);
    // `  inputs:` outside topology_template is not its inputs
    expect(section('topology_template:\n  a: 1\nother:\n  inputs:\n    x: 1\n', ['topology_template', 'inputs'])).to.equal(undefined);
  });
});
