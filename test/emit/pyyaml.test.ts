// What Heat, tosca-parser and Ansible read is what we meant (issue 16 item 1). Every text below is
// read by the real consumers' PyYAML (/usr/bin/python3, both yaml.safe_load and libyaml's
// CSafeLoader, the reader Heat and tosca-parser use) and compared with the data the emitter built:
// - canonical YAML of JSON-like values whose strings and keys are drawn from every Unicode class
//   (controls, line separators, non-characters, surrogates, format characters, letters, marks, ...);
// - every output (TOSCA, HOT in both modes) of generated valid specs in which every free-form string
//   attribute carries such strings.
// Many documents go through one Python process (test/support/pyyaml.ts). Runs: 400 values and 40 specs
// by default, $CLUSTERC_PROPERTY_RUNS to change; the seed is fixed ($CLUSTERC_PROPERTY_SEED).
import { expect } from 'chai';
import fc from 'fast-check';
import { compile } from '../../src/compile.js';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { renderHuman } from '../../src/diagnostics/render.js';
import { buildHot } from '../../src/emit/hot/index.js';
import { buildTosca } from '../../src/emit/tosca/index.js';
import { canonicalize, needsEscape, toCanonicalYaml, type YamlValue } from '../../src/emit/yaml.js';
import { propertyRuns, propertySeed, quote, render, validSpec, type GenSpec } from '../property/generators.js';
import { pyyamlLoadAll, pyyamlUnavailable, type PyYamlRead } from '../support/pyyaml.js';
import { skipOrFail } from '../support/shared.js';

const cp = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));

/** One character from each Unicode class that matters to a YAML reader, and anything at all. */
const hostileChar: fc.Arbitrary<string> = fc.oneof(
  cp(0x00, 0x1f), // C0 controls (the spec lexer takes them raw; `\n` and `\t` by escape)
  fc.constantFrom('\u007f', '\u0085', '\u2028', '\u2029'), // DEL and the line separators PyYAML breaks lines at
  cp(0x80, 0x9f), // C1 controls
  fc.constantFrom('\ufffe', '\uffff', '\ufdd0', '\ufdef', '\u{1fffe}', '\u{10ffff}'), // non-characters
  fc.constantFrom('\ufeff', '\u200b', '\u200e', '\u202e', '\u2066', '\u00ad', '\u061c'), // format (Cf)
  cp(0xe000, 0xf8ff), // private use
  fc.constantFrom('\u00a0', '\u2003', '\u3000', '\u1680'), // space separators (Zs)
  fc.constantFrom('\u0378', '\u{e0080}', '\u{40000}'), // unassigned
  fc.constantFrom('é', 'ß', 'Ж', '日', '\u0301', '\u0663', '€', '\u{1f642}', '\u{10348}'), // letters, marks, numbers, symbols
  cp(0x20, 0x7e), // printable ASCII, YAML indicators included
  cp(0, 0x10ffff), // anything
);

/** YAML-meaningful fragments, so that strings also look like keys, comments, documents, tags. */
const fragment = fc.constantFrom(': ', ' #', '- ', '---', '...', '? ', '!!python/object', '&a', '*a', '|', '>', "'", '"', '\\', '%index%', 'yes', '0x1f', '1e3', '\n', '\t', '  ');

/** A non-blank string from every Unicode class, without what the language itself refuses. */
const hostileString: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: hostileChar }, { weight: 1, arbitrary: fragment }), { minLength: 1, maxLength: 14 })
  .map((xs) => xs.join(''))
  // CR cannot be written in a spec string; `{{` `{%` `{#` are refused by the TOSCA emitter (CS3110).
  // A lone surrogate (in-process text only) is refused by the spec (CS1011) and the emitter.
  .map((s) => s.replace(/\r|[\ud800-\udfff]/gu, ''))
  .filter((s) => s.trim() !== '' && !/\{[{%#]/.test(s));

const wellFormed = (s: string): string => s.replace(/[\ud800-\udfff]/gu, '\ufffd');

/** JSON-like values with hostile strings as keys and values (what an emitter could build). */
const hostileValue: fc.Arbitrary<YamlValue> = fc.letrec<{ v: YamlValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.string({ unit: 'binary', maxLength: 8 }).map(wellFormed),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }).map(wellFormed)), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** The attributes whose value is free text, per block: each gets hostile strings. */
const FREE_TEXT: Readonly<Record<string, readonly string[]>> = {
  cloud: ['image', 'network', 'public_network', 'key_name', 'availability_zone'],
  masters: ['flavor', 'image'],
  agents: ['flavor', 'image'],
  slaves: ['flavor', 'image'],
  load_balancers: ['flavor', 'image'],
  mesos: ['username', 'password'],
  marathon: ['username', 'password'],
  chronos: ['username', 'password'],
  rexray: ['auth_url', 'username', 'password', 'tenant', 'domain', 'region', 'availability_zone'],
};

/** `spec` without `"` and `\\` inside its string literals (what the TOSCA target refuses, CS3115). */
function withoutImUnsafe(spec: GenSpec): GenSpec {
  const clean = (t: string): string => (t.startsWith('"') && t.length >= 2 ? `"${t.slice(1, -1).replace(/\\\\|\\"/g, '')}"` : t);
  return {
    clusters: spec.clusters.map((c) => ({
      ...c,
      ...(c.description !== undefined ? { description: c.description } : {}),
      blocks: c.blocks.map((b) => ({ ...b, attrs: b.attrs.map((a) => ({ ...a, value: a.value.map(clean) })) })),
    })),
  };
}

/** `spec` with every free-text string literal (and the description) replaced by a hostile string. */
function hostileSpec(spec: GenSpec): fc.Arbitrary<GenSpec> {
  let n = 1;
  for (const c of spec.clusters) for (const b of c.blocks) n += b.attrs.length;
  return fc.array(hostileString, { minLength: n * 2, maxLength: n * 2 }).map((pool) => {
    let i = 0;
    const next = () => pool[i++ % pool.length]!;
    return {
      clusters: spec.clusters.map((c) => ({
        ...c,
        description: next(),
        blocks: c.blocks.map((b) => ({
          ...b,
          attrs: b.attrs.map((a) => {
            if (!(FREE_TEXT[b.name] ?? []).includes(a.name)) return a;
            return { ...a, value: a.value.map((t) => (t.startsWith('"') ? quote(next()) : t)) };
          }),
        })),
      })),
    };
  });
}

/** What went wrong reading `text` (empty when both readers read exactly `meant`). */
function mismatch(read: PyYamlRead, meant: unknown): string {
  const out: string[] = [];
  for (const [name, r] of [['yaml.safe_load', read.safe], ['CSafeLoader', read.csafe]] as const) {
    if (!r.ok) out.push(`${name}: ${r.error}`);
    else {
      try {
        expect(r.value).to.deep.equal(meant);
      } catch (e) {
        out.push(`${name} read another document: ${(e as Error).message.slice(0, 400)}`);
      }
    }
  }
  return out.join('\n');
}

describe('emit: PyYAML reads exactly what we meant', function () {
  this.timeout(300_000);
  before(function () {
    const why = pyyamlUnavailable();
    if (why !== null) skipOrFail(this, why);
  });

  it('escapes line separators, controls and non-characters (the audit\'s injection)', () => {
    const data = {
      flavor: 'm1\u2028admin_pass: evil',
      block: 'line one\nline two\u2028admin_pass: evil\nline three',
      nel: 'a\u0085b',
      refused: ['\u007f', '\u0090', '\ufffe', '\uffff'],
      ['key\u2029personality']: 1,
    };
    const text = toCanonicalYaml(data, { topOrder: [], header: ['from evil\u2028admin_pass: x.cluster'] });
    for (const c of ['\u2028', '\u2029', '\u0085', '\u007f', '\u0090', '\ufffe', '\uffff']) expect(text).to.not.include(c);
    const [read] = pyyamlLoadAll([text]);
    expect(mismatch(read!, data)).to.equal('');
  });

  it('refuses a lone surrogate: CS1011 in the spec, an exception in the emitter', () => {
    const r = compile('cluster "x" {\n  description = "a\ud800b"\n}\n', 'x.cluster', { stopAfter: 'parse' });
    const d = r.diagnostics.find((x) => x.code === 'CS1011');
    expect(d?.primary?.span).to.deep.include({ start: 30, end: 35 });
    expect(() => toCanonicalYaml({ a: 'x\udc00' }, { topOrder: [], header: [] })).to.throw(/lone surrogate/);
    expect(() => toCanonicalYaml({ ['k\ud800']: 1 }, { topOrder: [], header: [] })).to.throw(/lone surrogate/);
  });

  it('round-trips canonical YAML of values with strings and keys from every Unicode class', () => {
    const values = fc.sample(hostileValue, { numRuns: propertyRuns(400), seed: propertySeed() });
    const texts = values.map((v) => toCanonicalYaml({ doc: v }, { topOrder: [], header: ['generated by a property test'] }));
    const reads = pyyamlLoadAll(texts);
    const bad: string[] = [];
    reads.forEach((r, i) => {
      const meant = JSON.parse(JSON.stringify(canonicalize({ doc: values[i]! })));
      const why = mismatch(r, meant);
      if (why !== '') bad.push(`${why}\n--- value ---\n${JSON.stringify(values[i])}\n--- text ---\n${texts[i]}`);
    });
    expect(bad.slice(0, 3).join('\n\n'), `${bad.length} of ${texts.length} documents`).to.equal('');
    // The generator does reach the characters that need escapes.
    expect(values.filter((v) => needsEscape(JSON.stringify(v))).length).to.be.greaterThan(values.length / 8);
  });

  it('round-trips every output of specs whose strings come from every Unicode class', () => {
    const specs = fc.sample(validSpec.chain(hostileSpec), { numRuns: propertyRuns(40), seed: propertySeed() + 7 });
    const texts: string[] = [];
    const meant: unknown[] = [];
    const origin: string[] = [];
    let escaped = 0;
    for (const spec of specs) {
      // HOT carries any string; TOSCA refuses `"` and `\\` (CS3115: the IM writes name: "value"), so
      // it gets the same spec with those two removed from the hostile strings.
      const hotText = render(spec);
      const toscaText = render(withoutImUnsafe(spec));
      for (const [mode, targets, text] of [['cloud-init', ['hot'], hotText], ['cloud-init', ['tosca'], toscaText], ['software-config', ['hot'], hotText]] as const) {
        const r = compile(text, 'gen.cluster', { targets: [...targets], hot: { mode } });
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.length, renderHuman(errors, new Map([['gen.cluster', text]])) + '\n' + text).to.equal(0);
        for (const f of r.files) {
          const m = r.models.find((x) => x.name === f.cluster)!;
          const built = f.target === 'tosca' ? buildTosca(m, {}, new DiagnosticCollector()) : buildHot(m, { mode }, new DiagnosticCollector());
          texts.push(f.content);
          meant.push(JSON.parse(JSON.stringify(canonicalize(built))));
          origin.push(`${f.name} (${mode}) of\n${text}`);
          if (/\\u20(28|29)|\\x85|\\x7f|\\ufff[ef]/.test(f.content)) escaped++;
        }
      }
    }
    const reads = pyyamlLoadAll(texts);
    const bad: string[] = [];
    reads.forEach((r, i) => {
      const why = mismatch(r, meant[i]);
      if (why !== '') bad.push(`${why}\n--- output ---\n${origin[i]}`);
    });
    expect(bad.slice(0, 2).join('\n\n'), `${bad.length} of ${texts.length} outputs`).to.equal('');
    // The property is not vacuous: hostile characters did reach the outputs (escaped).
    expect(escaped, 'outputs holding an escaped line separator, DEL or non-character').to.be.greaterThan(texts.length / 4);
  });
});
