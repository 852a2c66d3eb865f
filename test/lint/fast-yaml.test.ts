// The fast YAML path of lint (src/lint/fast-yaml.ts) against the full path (js-yaml's events + source.ts's
// composer): on every YAML file of the repository and of ../shared/upstream, on hand-written edge cases and on
// generated documents, whenever the fast path reads a text its tree, value and diagnostics are the full path's.
// Also: it does read the files the speed figures are about (the upstream custom_types.yaml, node-types/,
// compiled TOSCA), and it gives up on what it does not handle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { parseFast } from '../../src/lint/fast-yaml.js';
import { parseYamlFile } from '../../src/lint/source.js';
import { ROOT } from '../support/golden.js';
import { sharedDir, skipOrFail } from '../support/shared.js';

const UP = join(sharedDir(), 'upstream');

/** Both paths on `text`: whether the fast one read it, and a description of the first difference (or undefined). */
function compare(text: string): { fast: boolean; diff?: string } {
  const fast = parseFast(text) !== undefined;
  const d1 = new DiagnosticCollector();
  const d2 = new DiagnosticCollector();
  const a = parseYamlFile('f.yaml', text, d1);
  const b = parseYamlFile('f.yaml', text, d2, { fast: false });
  if (!isDeepStrictEqual(a.tree, b.tree)) return { fast, diff: `tree: ${JSON.stringify(a.tree)} vs ${JSON.stringify(b.tree)}` };
  if (!isDeepStrictEqual(a.value, b.value)) return { fast, diff: `value: ${JSON.stringify(a.value)} vs ${JSON.stringify(b.value)}` };
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
  if (isMap(a.value) && Object.getPrototypeOf(a.value) !== null) return { fast, diff: 'the map has a prototype' };
  if (!isDeepStrictEqual(d1.diagnostics, d2.diagnostics)) return { fast, diff: `diagnostics: ${JSON.stringify(d1.diagnostics)} vs ${JSON.stringify(d2.diagnostics)}` };
  return { fast };
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir).sort()) {
    if (n === 'node_modules' || n.startsWith('.')) continue;
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(n) && st.size < 1 << 20) out.push(p);
  }
  return out;
}

/** A small deterministic random number generator (mulberry32) from a seed. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

const PLAIN = ['x', 'hello world', 'a:b', 'tosca.nodes.Compute', '1', '-2', '0o17', '017', 'yes', 'y', '~', 'null', '1:30', '2001-01-01', 'a#b', 'é ☕', '-x', ':x', '?x', 'x [y] {z}', 'x,y', 'http://a/b#c', '1.5', '.inf', '.5', 'True'];
const QUOTED = ['"q"', '"a b"', '"e\\n\\t\\u00e9\\\\"', '"# no comment"', '""', "'s'", "'it''s'", "''", "'a: b'"];
const FLOW = ['[a, b]', '[]', '{}', '{k: v}', '{ k: v, l: [1, 2] }', '[k: v, w]', '["q": 1]', '[a, ]', '{"a":b}', '[[1], {x: y}]', '[ -1, x:y ]'];
const KEYS = ['a', 'b', 'c', 'name', 'x y', 'x-y', '"q k"', "'s k'", '1', 'true', 'é', 'a.b', 'tosca:Compute', '__proto__'];
const pick = <T,>(rnd: (n: number) => number, xs: readonly T[]): T => xs[rnd(xs.length)] as T;

/** A random document: a root mapping of random depth, in random block and flow styles, with comments. */
function document(rnd: (n: number) => number): string {
  const out: string[] = [];
  const sp = (n: number) => ' '.repeat(n);
  const comment = () => (rnd(8) === 0 ? ' # c' : '');
  const scalar = (col: number): string[] => {
    switch (rnd(5)) {
      case 0:
        return [pick(rnd, QUOTED) + comment()];
      case 1:
        return [pick(rnd, FLOW) + comment()];
      case 2: {
        const head = pick(rnd, ['|', '>', '|-', '>+', '|2', '>-1', '|+']) + comment();
        const body = Array.from({ length: rnd(4) }, () => (rnd(4) === 0 ? '' : sp(col + 2 + rnd(2)) + pick(rnd, PLAIN)));
        return [head, ...body];
      }
      case 3: {
        const more = Array.from({ length: 1 + rnd(3) }, () => (rnd(5) === 0 ? '' : sp(col + 1 + rnd(3)) + pick(rnd, PLAIN)));
        return [pick(rnd, PLAIN), ...more];
      }
      default:
        return [pick(rnd, PLAIN) + comment()];
    }
  };
  const map = (col: number, depth: number, first: string) => {
    const n = 1 + rnd(4);
    for (let i = 0; i < n; i++) {
      const lead = i === 0 ? first : sp(col);
      const key = rnd(10) === 0 ? pick(rnd, KEYS.slice(0, 3)) : pick(rnd, KEYS);
      if (rnd(6) === 0) out.push(sp(col + rnd(3)) + '# note');
      const kind = depth > 3 ? 0 : rnd(5);
      if (kind === 0 || kind === 1) {
        const [h, ...rest] = scalar(col);
        out.push(`${lead}${key}: ${h}`, ...rest);
      } else if (kind === 2) out.push(`${lead}${key}:${comment()}`);
      else if (kind === 3) {
        out.push(`${lead}${key}:`);
        const c2 = col + 1 + rnd(4);
        map(c2, depth + 1, sp(c2));
      } else {
        out.push(`${lead}${key}:`);
        seq(rnd(2) === 0 ? col : col + 2, depth + 1);
      }
      if (rnd(8) === 0) out.push('');
    }
  };
  const seq = (col: number, depth: number) => {
    const n = 1 + rnd(3);
    for (let i = 0; i < n; i++) {
      const kind = depth > 3 ? 0 : rnd(4);
      if (kind === 0) {
        const [h, ...rest] = scalar(col);
        out.push(`${sp(col)}- ${h}`, ...rest);
      } else if (kind === 1) map(col + 2, depth + 1, `${sp(col)}- `);
      else if (kind === 2) {
        out.push(`${sp(col)}-`);
        map(col + 2, depth + 1, sp(col + 2));
      } else out.push(`${sp(col)}-${comment()}`);
    }
  };
  if (rnd(4) === 0) out.push('# header');
  map(0, 0, '');
  return out.join('\n') + (rnd(4) === 0 ? '' : '\n');
}

/** `text` with one character inserted, deleted or replaced (to probe the borders of the subset). */
function mutated(text: string, rnd: (n: number) => number): string {
  const at = rnd(text.length + 1);
  const ch = pick(rnd, [' ', ':', '#', '-', '\n', '"', "'", ',', '[', '{', ']', '|', '>', '&', '?', 'x', '\\']);
  switch (rnd(3)) {
    case 0:
      return text.slice(0, at) + ch + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + ch + text.slice(at + 1);
  }
}

describe('lint fast YAML path', () => {
  describe('reads like the full path', () => {
    const files = [...['test', 'node-types', 'out', 'examples', 'grammar'].flatMap((d) => yamlFiles(join(ROOT, d))), ...yamlFiles(UP)];
    it('on every YAML file of the repository and of shared/upstream', () => {
      expect(files.length).to.be.greaterThan(100);
      const diffs: string[] = [];
      let fast = 0;
      for (const f of files) {
        const r = compare(readFileSync(f, 'utf8'));
        if (r.fast) fast++;
        if (r.diff) diffs.push(`${f}: ${r.diff.slice(0, 300)}`);
      }
      expect(diffs).to.deep.equal([]);
      // Most of them are in the subset (the rest use anchors, tags, `---`, tabs, or are broken on purpose).
      expect(fast / files.length).to.be.greaterThan(0.6);
    });

    const cases: Record<string, string> = {
      'nested maps and sequences': 'a:\n  b: 1\n  c:\n    - x\n    - y: 2\n      z: 3\n    -\n      w: 4\nd: e\n',
      'a sequence at the indentation of its key': 'a:\n- 1\n- 2\nb:\n- c: d\n  e: f\n',
      'empty values': 'a:\nb: \nc:   # comment\nd:\n  -\n  - \ne: ~\n',
      'multi-line plain scalars': 'a: one\n  two\n\n   three\nb:\n  four\n  five\nc: x\n  - y\n',
      'a comment ends a plain scalar': 'a: one # c\nb: two\n  # c\nc: three\n',
      'plain scalars with indicators inside': 'a: b:c, d[e]{f} #g\nb: http://x/y?z=1#frag\nc: -1\nd: :x\ne: ?y\nf: a - b\n',
      'quoted scalars and keys': `"k 1": 'it''s'\n'k: 2': "a\\tb\\u00e9\\x41\\"\\\\"\n"": ''\nq: "a # b"   # c\n`,
      'block scalars': 'a: |\n  x\n   y\n\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\n\nd: |2\n    two\ne: >\n\n  leading\nf: |\ng: end\n',
      'block scalars at the end of the text': 'a: |-\n  x\n  ',
      'flow collections': 'a: [x, y z, "q", \'s\', [1, 2], {k: v}]\nb: { k: v, "q": [a], r: {s: t} }\nc: []\nd: {}\ne: [a, ]\nf: [ k: v, "q": w ]\n',
      'typed plain scalars': 'a: yes\nb: y\nc: 017\nd: 0o17\ne: 1e3\nf: 1:30\ng: 2001-12-14\nh: .inf\ni: -.5\nj: null\n1: one\ntrue: t\n',
      'duplicate keys': 'a: 1\nb: 2\na: 3\nc: {x: 1, x: 2}\n',
      'prototype names as keys': '__proto__: 1\nconstructor: {toString: 2}\n',
      'non-ASCII text': 'name: café ☕ 𝄞\nlist: [ünï, cödé]\n',
      'no final line break': 'a: b',
      'comments and blank lines everywhere': '# head\n\na: 1 # x\n\n  # indented\nb:\n  # before\n  c: 2\n# tail',
    };
    for (const [name, text] of Object.entries(cases)) {
      it(`on ${name}`, () => {
        const r = compare(text);
        expect(r.diff).to.equal(undefined);
        expect(r.fast, 'read on the fast path').to.equal(true);
      });
    }

    const fallbacks: Record<string, string> = {
      anchors: 'a: &x 1\nb: *x\n',
      tags: 'a: !!str 1\n',
      'merge keys': 'a: {x: 1}\nb:\n  <<: {y: 2}\n',
      'document markers': '---\na: 1\n',
      tabs: 'a:\t1\n',
      'CR line ends': 'a: 1\r\nb: 2\r\n',
      'multi-line quoted scalars': 'a: "one\n  two"\n',
      'multi-line flow collections': 'a: [1,\n  2]\n',
      'explicit keys': '? a\n: 1\n',
      'a root sequence': '- a\n',
      'a mapping value on the key line': 'a: b: c\n',
      'bad indentation': 'a: 1\n b: 2\n',
      'a plain `=`': 'a: =\n',
      'an invalid escape': 'a: "\\q"\n',
    };
    for (const [name, text] of Object.entries(fallbacks)) {
      it(`gives up on ${name} (the full path reads it)`, () => {
        expect(parseFast(text)).to.equal(undefined);
        expect(compare(text).diff).to.equal(undefined);
      });
    }

    it('on generated documents (random trees in random styles, some with one character changed)', () => {
      let fastRuns = 0;
      fc.assert(
        fc.property(fc.integer(), fc.integer({ min: 0, max: 9 }), (seed, mutate) => {
          const rnd = prng(seed);
          let text = document(rnd);
          if (mutate < 4) text = mutated(text, rnd);
          const r = compare(text);
          if (r.fast) fastRuns++;
          if (r.diff) throw new Error(`${JSON.stringify(text)}: ${r.diff}`);
        }),
        { numRuns: 3000, seed: 14 },
      );
      // The generator reaches the fast path often enough to mean something.
      expect(fastRuns).to.be.greaterThan(1500);
    });
  });

  describe('reads the files the speed figures are about', () => {
    it('the upstream custom_types.yaml and the INDIGO templates', function () {
      const types = join(UP, 'tosca-types/custom_types.yaml');
      if (!existsSync(types)) skipOrFail(this, `shared upstream fixtures not found at ${UP} (set CLUSTERC_SHARED)`);
      expect(parseFast(readFileSync(types, 'utf8'))).to.not.equal(undefined);
      expect(parseFast(readFileSync(join(UP, 'tosca-templates/mesos_cluster.yaml'), 'utf8'))).to.not.equal(undefined);
    });

    it('node-types/ and the compiled TOSCA in out/', () => {
      const files = [...yamlFiles(join(ROOT, 'node-types')), ...yamlFiles(join(ROOT, 'out')).filter((f) => f.endsWith('.tosca.yaml'))];
      expect(files.length).to.be.greaterThan(3);
      expect(files.filter((f) => parseFast(readFileSync(f, 'utf8')) === undefined)).to.deep.equal([]);
    });
  });
});
