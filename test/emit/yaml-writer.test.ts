// The direct YAML writer (src/emit/yaml-writer.ts) writes byte for byte what the `yaml` package
// writes with the options the emitters used with it, so replacing the library changed no output:
// - the canonical documents of every example and compile case (TOSCA, HOT in both modes) against
//   the previous implementation of toCanonicalYaml (the library's document model, kept here);
// - generated values whose strings are hostile to YAML (indicators, `: `, ` #`, quotes, leading and
//   trailing spaces and newlines, document markers, YAML 1.1 booleans, numbers, dates and
//   sexagesimals that are strings, `{{ }}`, empty strings, long keys, Unicode), at the root and
//   nested, with `!unsafe`-tagged strings, against `YAML.stringify` and a tagged document;
// - PyYAML (/usr/bin/python3, both readers) reads a sample of them back as the data.
// The bootstrap documents inside the HOT templates (playbook, requirements) are checked by the
// goldens and the out/ freshness test, which did not change.
import { expect } from 'chai';
import fc from 'fast-check';
import YAML from 'yaml';
import { compile } from '../../src/compile.js';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { buildHot, HOT_TOP_ORDER } from '../../src/emit/hot/index.js';
import { buildTosca, TOSCA_TOP_ORDER } from '../../src/emit/tosca/index.js';
import { canonicalize, needsEscape, toCanonicalYaml, type CanonicalOptions, type YamlValue } from '../../src/emit/yaml.js';
import { TaggedString, writeYaml, type WritableValue } from '../../src/emit/yaml-writer.js';
import { params, propertyRuns } from '../property/generators.js';
import { specCorpus } from '../support/spec.js';
import { pyyamlLoadAll, pyyamlUnavailable } from '../support/pyyaml.js';
import { skipOrFail } from '../support/shared.js';

const ESCAPE_ALL = /[^\n\x20-\x7e\xa0-\u200a\u2010-\u2027\u202f-\u205f\u2070-\ud7ff\ue000-\ufdcf\ufdf0-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]|[\u{1fffe}-\u{1ffff}\u{2fffe}-\u{2ffff}\u{3fffe}-\u{3ffff}\u{4fffe}-\u{4ffff}\u{5fffe}-\u{5ffff}\u{6fffe}-\u{6ffff}\u{7fffe}-\u{7ffff}\u{8fffe}-\u{8ffff}\u{9fffe}-\u{9ffff}\u{afffe}-\u{affff}\u{bfffe}-\u{bffff}\u{cfffe}-\u{cffff}\u{dfffe}-\u{dffff}\u{efffe}-\u{effff}\u{ffffe}-\u{fffff}\u{10fffe}-\u{10ffff}]/gu;
function escapeChar(c: string): string {
  if (c === '\t') return '\\t';
  const cp = c.codePointAt(0)!;
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** toCanonicalYaml as it was written with the `yaml` library's document model (before the writer). */
function libraryCanonical(value: YamlValue, opts: CanonicalOptions): string {
  const data = canonicalize(value, opts.topOrder);
  const doc = new YAML.Document(data, { version: '1.1', aliasDuplicateObjects: false });
  let escapes = false;
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsEscape(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        escapes = true;
      }
    },
  });
  let body = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  if (escapes) body = body.replace(ESCAPE_ALL, escapeChar);
  const header = opts.header.map((l) => `# ${l.replace(/\r\n?|\n/g, ' ').replace(ESCAPE_ALL, escapeChar)}`.trimEnd() + '\n').join('');
  const text = (header + body).replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text : text + '\n';
}

/** What the library writes for `v` (TaggedString: a string scalar with that tag). */
function library(v: WritableValue): string {
  const doc = new YAML.Document(null, { version: '1.1', aliasDuplicateObjects: false });
  const toNode = (x: WritableValue): unknown => {
    if (x instanceof TaggedString) {
      const n = doc.createNode(x.value);
      n.tag = x.tag;
      return n;
    }
    if (Array.isArray(x)) return x.map(toNode);
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, toNode(y)]));
    return x;
  };
  doc.contents = doc.createNode(toNode(v)) as typeof doc.contents;
  return doc.toString({ lineWidth: 0 });
}

/** Strings built to hit every rule of the writer: indicators, YAML 1.1 scalars, markers, spaces, breaks. */
const fragment = fc.constantFrom(
  ...[': ', ':', ' #', '#', '- ', '-', '? ', '?', ',', '[', ']', '{', '}', '{{ x }}', '&a', '*a', '!', '!!str', '|', '>', "'", '"', '%', '@', '`', '\\'],
  ...['---', '...', '--- x', '%YAML', '\n---\n', '\n...', '\n%'],
  ...['y', 'Y', 'n', 'N', 'yes', 'No', 'ON', 'off', 'true', 'False', 'null', 'Null', '~', '<<', ''],
  ...['0', '010', '0o7', '0x1F', '0b101', '1_000', '+1', '-0', '1e3', '1.5e-3', '.5', '1.', '.inf', '-.Inf', '.NaN', '16.04', '190:20:30', '1:20.5', '2018-08-31', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5'],
  ...[' ', '  ', '\t', '\n', '\n\n', ' \n', '\n ', '\t\n', 'a', 'b c', 'x:y', 'é', '日本', '\u{1f642}', '\u00a0', '\u2028', '\u0085', '\u0007', '\u001b', '\u0000', '\ufeff'],
);
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.array(fragment, { maxLength: 6 }).map((xs) => xs.join('')),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ minLength: 1020, maxLength: 1030 }).map((s) => s.replace(/\n/g, '')), // long keys are explicit
);
const writable: fc.Arbitrary<WritableValue> = fc.letrec<{ v: WritableValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileString.map((s) => new TaggedString('!unsafe', s)),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e21, 2 ** 53, -1.5, 0.1),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof({ weight: 9, arbitrary: tie('v') }, { weight: 1, arbitrary: fc.constant(undefined) }), { maxLength: 4 }),
    fc.dictionary(hostileString, fc.oneof({ weight: 9, arbitrary: tie('v') }, { weight: 1, arbitrary: fc.constant(undefined) }), { maxKeys: 4 }),
  ),
})).v;

describe('emit: the YAML writer writes what the yaml library writes', function () {
  this.timeout(300_000);

  it('on every canonical document of the examples and the compile cases (TOSCA, HOT in both modes)', function () {
    let documents = 0;
    let bytes = 0;
    for (const { file: spec, text } of specCorpus()) {
      const r = compile(text, spec, { stopAfter: 'lower' });
      for (const m of r.models) {
        const header = [`generated by clusterc from ${m.sourceFile}; do not edit`];
        const docs: [YamlValue, readonly string[]][] = [[buildTosca(m, {}, new DiagnosticCollector()) as YamlValue, TOSCA_TOP_ORDER]];
        for (const mode of ['cloud-init', 'software-config'] as const) docs.push([buildHot(m, { mode }, new DiagnosticCollector()) as YamlValue, HOT_TOP_ORDER]);
        for (const [doc, topOrder] of docs) {
          const ours = toCanonicalYaml(doc, { topOrder, header });
          expectSameText(ours, libraryCanonical(doc, { topOrder, header }), `${spec}: ${m.name}`);
          documents++;
          bytes += ours.length;
        }
      }
    }
    // 4 examples x 3 documents, and the compile cases that lower without errors
    expect(documents).to.be.greaterThan(30);
    expect(bytes).to.be.greaterThan(500_000);
  });

  // Where the writer departs from the library on purpose: `<<` and `=` are quoted (PYYAML_TAGGED).
  const libraryAgrees = (v: WritableValue): boolean => !allStrings(v).some((s) => s === '<<' || s === '=');

  it('on generated values with hostile strings and keys, tagged strings, numbers, nesting', () => {
    fc.assert(
      fc.property(writable.filter(libraryAgrees), (v) => {
        expectSameText(writeYaml(v), library(v));
      }),
      params(propertyRuns(3000)),
    );
  });

  it('on generated values in canonical form (escapes double-quoted)', () => {
    // (No `__proto__` key: canonicalize's copy would make it the prototype, for both writers.)
    const canonical = writable.filter((v) => !hasTag(v) && !allKeys(v).includes('__proto__') && libraryAgrees(v));
    fc.assert(
      fc.property(fc.dictionary(hostileString.filter((k) => k !== '__proto__' && k !== '<<' && k !== '='), canonical, { minKeys: 1, maxKeys: 5 }), (v) => {
        const opts = { topOrder: [], header: ['h'] };
        expectSameText(toCanonicalYaml(v as YamlValue, opts), libraryCanonical(v as YamlValue, opts));
      }),
      params(propertyRuns(1500)),
    );
  });

  it('writes the rules it copies (a few fixed cases read and checked by hand)', () => {
    expect(writeYaml({ a: 'yes', b: 'on', c: '010', d: '16.04', e: '2018-08-31', f: '', g: 'x: y', h: '{{ a }}' })).to.equal(
      'a: "yes"\nb: "on"\nc: "010"\nd: "16.04"\ne: "2018-08-31"\nf: ""\ng: "x: y"\nh: "{{ a }}"\n',
    );
    expect(writeYaml({ s: 'a\nb\n', t: '  lead\nx', u: 'it\'s "q"', v: '"hi"', w: '\'a\' "b"' })).to.equal(
      's: |\n  a\n  b\nt: |2-\n    lead\n  x\nu: it\'s "q"\nv: \'"hi"\'\nw: "\'a\' \\"b\\""\n',
    );
    expect(writeYaml([{ a: [], b: {}, c: [1, { d: null }] }, [true, -0]])).to.equal('- a: []\n  b: {}\n  c:\n    - 1\n    - d: null\n- - true\n  - -0\n');
    expect(writeYaml({ cmd: ['python3', new TaggedString('!unsafe', 'print("{{ x }}")\n')] })).to.equal('cmd:\n  - python3\n  - !unsafe |\n    print("{{ x }}")\n');
    // quoted where the library writes them plain: PyYAML reads plain `<<` and `=` as tags it cannot construct
    expect(writeYaml({ '<<': '<<', '=': ['=', '<<<', '=='] })).to.equal('"<<": "<<"\n"=":\n  - "="\n  - <<<\n  - ==\n');
    expect(library({ a: '<<' })).to.equal('a: <<\n');
  });

  describe('PyYAML reads it back', function () {
    before(function () {
      const why = pyyamlUnavailable();
      if (why !== null) skipOrFail(this, why);
    });

    it('as the data, on a sample of generated values (printable strings: what the bootstrap documents hold)', () => {
      const printable = (s: string) => !/[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u0085\u2028\u2029\ufeff\ufffe\uffff]/u.test(s);
      // Numbers: integers JSON and PyYAML agree on (PyYAML 1.1 reads `1e+21` as a string). The
      // strings `<<` and `=` (PyYAML's merge and value tags when plain) are in every sample.
      const sample = [
        { '<<': '<<', '=': ['=', { '<<': { '=': '<<' } }] },
        ...fc.sample(
          writable.filter((v) => !hasTag(v) && allStrings(v).every(printable) && allNumbers(v).every((n) => Number.isSafeInteger(n))),
          { numRuns: propertyRuns(300), seed: 15 },
        ),
      ];
      const reads = pyyamlLoadAll(sample.map((v) => writeYaml(v)));
      sample.forEach((v, i) => {
        const meant = JSON.parse(JSON.stringify(v ?? null, (_k, x) => (Object.is(x, -0) ? 0 : x)));
        for (const r of [reads[i]!.safe, reads[i]!.csafe]) {
          expect(r.ok, JSON.stringify(r)).to.equal(true);
          if (r.ok) expect(r.value, writeYaml(v)).to.deep.equal(meant);
        }
      });
    });
  });
});

/** Asserts equal texts, showing where they first differ (chai truncates long strings). */
function expectSameText(ours: string, theirs: string, what = 'text'): void {
  if (ours === theirs) return;
  let i = 0;
  while (ours[i] === theirs[i]) i++;
  const around = (t: string) => JSON.stringify(t.slice(Math.max(0, i - 60), i + 60));
  expect.fail(`${what}: first difference at ${i}:\n  writer:  ${around(ours)}\n  library: ${around(theirs)}`);
}

function hasTag(v: WritableValue): boolean {
  if (v instanceof TaggedString) return true;
  if (Array.isArray(v)) return v.some(hasTag);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasTag);
  return false;
}

function allKeys(v: WritableValue): string[] {
  if (Array.isArray(v)) return v.flatMap(allKeys);
  if (v !== null && typeof v === 'object' && !(v instanceof TaggedString)) return Object.entries(v).flatMap(([k, x]) => [k, ...allKeys(x)]);
  return [];
}

function allNumbers(v: WritableValue): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(allNumbers);
  if (v !== null && typeof v === 'object' && !(v instanceof TaggedString)) return Object.values(v).flatMap(allNumbers);
  return [];
}

function allStrings(v: WritableValue): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(allStrings);
  if (v !== null && typeof v === 'object' && !(v instanceof TaggedString)) return Object.entries(v).flatMap(([k, x]) => [k, ...allStrings(x)]);
  return [];
}
