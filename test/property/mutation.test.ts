// Robustness of check/compile on hostile spec text: random mutations of valid specs (token deletion,
// insertion, swaps, byte noise), huge numbers, deep nesting, 1 MB strings, NUL bytes, invalid UTF-8
// decoded with TextDecoder, lone surrogates. Each input must: not throw, produce no CS0001 (an internal
// error caught by compile), do work bounded by the input's size (at most one diagnostic per input
// character plus a few, renderings and emitted files linear in the input), and either compile or give
// diagnostics whose spans lie in the text and whose human and JSON renderings do not throw. No wall-clock
// budget: a loaded machine must not fail the test; speed is measured by `npm run bench`.
//
// Runs: 150 random mutations by default (about 3 s), $CLUSTERC_PROPERTY_RUNS to change; fixed seed
// ($CLUSTERC_PROPERTY_SEED overrides). The large fixed inputs (10k-level nesting, 1 MB strings) run once each.
import { expect } from 'chai';
import fc from 'fast-check';
import { compile } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { renderHuman, renderJson } from '../../src/diagnostics/render.js';
import { params, render, validSpec, validSpecText } from './generators.js';

const FILE = 'm.cluster';
/** Work bounds: diagnostics per input character (plus a constant), rendered bytes per diagnostic. */
const DIAGNOSTICS_SLACK = 20;
const RENDERED_PER_DIAGNOSTIC = 2000;
/** Emitted bytes: a constant for the fixed parts of the documents, then linear in the input. */
const EMITTED_FIXED = 200_000;

/** Checks every robustness promise on one text; returns the diagnostics. */
function robust(text: string, targets: ('tosca' | 'hot')[] = ['tosca', 'hot']): readonly Diagnostic[] {
  const r = compile(text, FILE, { targets, hot: { mode: 'cloud-init' } });
  expect(r.diagnostics.length, 'diagnostics').to.be.at.most(text.length + DIAGNOSTICS_SLACK);
  const emitted = r.files.reduce((n, f) => n + f.content.length, 0);
  expect(emitted, 'emitted bytes').to.be.at.most(EMITTED_FIXED + 2 * text.length);
  const internal = r.diagnostics.filter((d) => d.code === 'CS0001').map((d) => d.message);
  expect(internal, 'internal error (CS0001)').to.deep.equal([]);
  for (const d of r.diagnostics) {
    for (const l of [...(d.primary ? [d.primary] : []), ...(d.secondary ?? [])]) {
      expect(l.span.file, d.code).to.equal(FILE);
      expect(l.span.start, `${d.code} start`).to.be.within(0, text.length);
      expect(l.span.end, `${d.code} end`).to.be.within(l.span.start, text.length);
    }
  }
  const sources = new Map([[FILE, text]]);
  // A source line is quoted by its diagnostics' snippets: bounded by the diagnostics and the text.
  const renderedBound = RENDERED_PER_DIAGNOSTIC * (r.diagnostics.length + 1) + 2 * text.length;
  const human = renderHuman(r.diagnostics, sources);
  expect(human.length, 'human rendering').to.be.at.most(renderedBound);
  expect(renderHuman(r.diagnostics, sources, { color: true })).to.be.a('string');
  const json = renderJson(r.diagnostics, sources);
  expect(json.length, 'JSON rendering').to.be.at.most(renderedBound);
  expect(() => JSON.parse(json)).not.to.throw();
  if (r.diagnostics.some((d) => d.severity === 'error')) expect(r.files).to.deep.equal([]);
  return r.diagnostics;
}

/** Splits a text into tokens and separators (so that mutations work on tokens). */
function tokens(text: string): string[] {
  return text.match(/"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)*(?:\/\d+)?|\.\.|\s+|#[^\n]*|\/\/[^\n]*|./gsu) ?? [];
}

const noise = fc.oneof(
  fc.constantFrom('{', '}', '[', ']', '(', ')', '=', ':', ',', '..', '"', "'", '\\', '#', '//', ';', '@', '\0', '\uD800', '\uDFFF', '\uFEFF', '\u2028', '\r', '\t'),
  fc.constantFrom('1e400', '99999999999999999999', '-1', '0', '0..0', '1.2.3', '256.1.1.1', '10.0.0.0/33', '4 gb', 'input', 'secret', 'input(', 'cluster', 'agents', 'masters', 'load_balancers', 'elasticity', 'vip', 'true', 'NaN', 'Infinity', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

type Mutation = { kind: 'delete' | 'insert' | 'swap' | 'replace'; at: number; other: number; with: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('delete', 'insert', 'swap', 'replace'), at: fc.nat(), other: fc.nat(), with: noise });

function mutate(text: string, ms: readonly Mutation[]): string {
  const t = tokens(text);
  for (const m of ms) {
    if (t.length === 0) t.push('');
    const i = m.at % t.length;
    const j = m.other % t.length;
    if (m.kind === 'delete') t.splice(i, 1);
    else if (m.kind === 'insert') t.splice(i, 0, m.with);
    else if (m.kind === 'replace') t[i] = m.with;
    else [t[i], t[j]] = [t[j]!, t[i]!];
  }
  return t.join('');
}

/** Byte noise: UTF-8 encode, flip / insert random bytes, decode with TextDecoder (U+FFFD for invalid bytes). */
function byteNoise(text: string, edits: readonly [number, number][]): string {
  const bytes = Array.from(new TextEncoder().encode(text));
  for (const [at, b] of edits) bytes.splice(at % (bytes.length + 1), b % 2, b);
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

describe('property: hostile spec text', function () {
  this.timeout(120_000);

  it('token deletions, insertions, swaps and replacements never throw and keep spans valid', () => {
    fc.assert(
      fc.property(validSpecText, fc.array(mutation, { minLength: 1, maxLength: 6 }), ({ text }, ms) => {
        robust(mutate(text, ms), ['tosca']);
      }),
      params(150),
    );
  });

  it('byte noise decoded with TextDecoder never throws', () => {
    fc.assert(
      fc.property(validSpecText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), ({ text }, edits) => {
        robust(byteNoise(text, edits), ['tosca']);
      }),
      params(100),
    );
  });

  it('random bytes, decoded or as lone surrogates, never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 100 }), (bytes, s) => {
        robust(new TextDecoder().decode(bytes));
        robust(s);
        robust(`cluster "a" { description = "${s}" masters 1 { } agents 1 { flavor = "${s}" } }`);
      }),
      params(100),
    );
  });

  describe('fixed hostile inputs', () => {
    const base = render(fc.sample(validSpec, { numRuns: 1, seed: 7 })[0]!);
    const cases: Record<string, () => string> = {
      'huge numbers': () =>
        `cluster "a" { masters 1e400 { cpus = 99999999999999999999 memory = 1e400 GB disk = 99999999999999999999999999999 TB } agents 99999999999999999999..1e400 { } agents "b" input(99999999999999999999) { } elasticity { idle_timeout = 99999999999999999999 d } }`,
      'a number of 100k digits': () => `cluster "a" { masters 1 { cpus = ${'9'.repeat(100_000)} } agents 1 { } }`,
      '300 levels of nested blocks': () => `cluster "a" { masters 1 { } agents 1 { ${'x { '.repeat(300)}${'} '.repeat(300)} } }`,
      '10k levels of nested blocks': () => `cluster "a" { masters 1 { } agents 1 { ${'x { '.repeat(10_000)}${'} '.repeat(10_000)} } }`,
      '10k unclosed nested blocks': () => `cluster "a" { masters 1 { ${'x { '.repeat(10_000)}`,
      '10k nested lists': () => `cluster "a" { masters 1 { } agents 1 { } calico { etcd_endpoints = ${'['.repeat(10_000)}"a:1"${']'.repeat(10_000)} } }`,
      '10k nested inputs': () => `cluster "a" { masters 1 { } agents 1 { flavor = ${'input('.repeat(10_000)}"x"${')'.repeat(10_000)} } }`,
      '10k clusters': () => Array.from({ length: 10_000 }, (_, i) => `cluster "c${i}" { masters 1 { } agents 1 { } }`).join('\n'),
      '1 MB string': () => `cluster "a" { description = "${'x'.repeat(1 << 20)}" masters 1 { flavor = "${'y'.repeat(1 << 20)}" } agents 1 { } }`,
      '1 MB unterminated string': () => `cluster "a" { masters 1 { flavor = "${'y'.repeat(1 << 20)}\n } }`,
      '1 MB name': () => `cluster "a" { ${'n'.repeat(1 << 20)} = 1 masters 1 { } agents 1 { } }`,
      '1 MB comment': () => `# ${'c'.repeat(1 << 20)}\n${base}`,
      '1 MB of unexpected characters': () => `cluster "a" { ${';'.repeat(1 << 20)} }`,
      '100k lines of statements': () => `cluster "a" { masters 1 { } agents 1 { }\n${'description = "d"\n'.repeat(100_000)} }`,
      'NUL bytes': () => base.replace(/ /g, '\0'),
      'NUL inside strings': () => `cluster "a\0b" { masters 1 { flavor = "m1\0x" } agents 1 { } }`,
      'lone surrogates': () => `cluster "\uD800" { masters 1 { flavor = "\uDC00\uD83D" } agents "\uDFFF" 1 { } \uD800 }`,
      'BOM and invalid UTF-8': () => '\uFEFF' + new TextDecoder().decode(new Uint8Array([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80])) + base,
      'only an open brace': () => '{',
      'empty text': () => '',
    };
    // Deep nesting (10k levels) is cut at MAX_NESTING by the parser front end (CS1010), so it
    // ends after bounded work with a positioned diagnostic instead of exhausting the stack.
    for (const [name, make] of Object.entries(cases)) {
      it(`${name}: bounded work, no throw, valid spans`, () => {
        const text = make();
        // 10k clusters are checked only: emitting 20k documents is linear but takes ~30 s.
        robust(text, name === '10k clusters' ? [] : text.length > 100_000 ? ['tosca'] : ['tosca', 'hot']);
      });
    }
  });
});
