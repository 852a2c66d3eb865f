// Robustness: every prefix of every example and golden input, and random single-character
// edits of them, parse (and lower) without throwing, and every diagnostic span lies in the text.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { DiagnosticCollector } from '../../src/diagnostics/collector.js';
import { lowerSpec } from '../../src/model/lower.js';
import { parseSpec } from '../../src/spec/index.js';
import { ROOT } from '../support/golden.js';

function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.cluster'))) {
    out.push({ name: `examples/${f}`, text: readFileSync(join(ROOT, 'examples', f), 'utf8') });
  }
  const cases = join(ROOT, 'test/cases/compile');
  for (const c of existsSync(cases) ? readdirSync(cases) : []) {
    const p = join(cases, c, 'input.cluster');
    if (existsSync(p)) out.push({ name: `test/cases/compile/${c}`, text: readFileSync(p, 'utf8') });
  }
  return out;
}

function check(text: string, where: string): void {
  const diag = new DiagnosticCollector();
  let ast;
  try {
    ast = parseSpec(text, 'f', diag);
    lowerSpec(ast, diag);
  } catch (e) {
    throw new Error(`${where}: threw ${(e as Error).stack}\n--- input ---\n${text}`);
  }
  for (const d of diag.diagnostics) {
    const s = d.primary?.span;
    if (!s) continue;
    if (!(s.start >= 0 && s.end >= s.start && s.end <= text.length)) throw new Error(`${where}: span ${s.start}-${s.end} outside the text (${text.length})`);
  }
}

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ' \n\t{}[]()=,."\\#/0123456789abcxyzGBmin.@;é😀\u0000';

describe('robustness of the front end', function () {
  this.timeout(120000);
  const all = inputs();

  it('has inputs to work on', function () {
    expect(all.length).to.be.greaterThan(5);
  });

  it('every prefix of every example and golden input gives diagnostics, never a throw', function () {
    for (const { name, text } of all) for (let i = 0; i <= text.length; i++) check(text.slice(0, i), `${name} prefix ${i}`);
  });

  it('random single-character edits never throw', function () {
    const rand = rng(20261125);
    const pick = (s: string) => [...s][Math.floor(rand() * [...s].length)]!;
    for (const { name, text } of all) {
      for (let n = 0; n < 150; n++) {
        const at = Math.floor(rand() * (text.length + 1));
        const op = rand();
        const edited =
          op < 0.34 ? text.slice(0, at) + text.slice(at + 1)
          : op < 0.67 ? text.slice(0, at) + pick(ALPHABET) + text.slice(at)
          : text.slice(0, at) + pick(ALPHABET) + text.slice(at + 1);
        check(edited, `${name} edit ${n} at ${at}`);
      }
    }
  });
});
