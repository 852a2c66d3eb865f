// Integrity of the diagnostic catalogue: codes sit in their band, names are unique kebab-case,
// every code is explained, and every live code is produced by at least one test (its code
// appears in a golden diagnostics file or is asserted in a test source).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { allCodes } from '../../src/diagnostics/codes.js';
import { isConfigurable } from '../../src/diagnostics/policy.js';
import { ROOT } from '../support/golden.js';
import { BLOCKS, BLOCK_ALIASES } from '../../src/model/vocabulary.js';

function files(dir: string, pick: (name: string) => boolean, out: string[] = []): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, pick, out);
    else if (pick(n)) out.push(p);
  }
  return out;
}

describe('diagnostic catalogue', function () {
  const codes = allCodes();

  it('has well-formed, unique codes and names', function () {
    const names = new Set<string>();
    for (const c of codes) {
      expect(c.code).to.match(/^(CS[0-4]\d{3}|LT[0-2]\d{3})$/);
      expect(c.name, c.code).to.match(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(names.has(c.name), `duplicate name ${c.name}`).to.equal(false);
      names.add(c.name);
    }
  });

  it('explains every code', function () {
    for (const c of codes) expect(c.explain.trim().length, `${c.code} explain`).to.be.greaterThan(40);
  });

  it('every warning and note is configurable; of the errors, only lint rules are', function () {
    for (const c of codes) {
      if (c.severity !== 'error') expect(isConfigurable(c), c.code).to.equal(true);
      else if (isConfigurable(c)) expect(c.code.startsWith('LT'), c.code).to.equal(true);
    }
  });

  it('every live code is produced by at least one test', function () {
    const goldens = files(join(ROOT, 'test/cases'), (n) => /^diagnostics\.(txt|json|sarif)$/.test(n));
    const sources = files(join(ROOT, 'test'), (n) => n.endsWith('.ts') && n !== 'codes.test.ts');
    const corpus = [...goldens, ...sources].map((f) => readFileSync(f, 'utf8')).join('\n');
    const missing = codes.filter((c) => !c.retired && !corpus.includes(c.code)).map((c) => c.code);
    expect(missing, 'codes no test produces').to.deep.equal([]);
  });

  it('CS2001 explains the top-level blocks the vocabulary has, every one of them and no other', function () {
    // the explain text is written by hand (explain loads no compiler code), so it is kept true here
    const text = allCodes().find((c) => c.code === 'CS2001')!.explain.replace(/\s+/g, ' ');
    const listed = /the blocks are (.*?); the other blocks/.exec(text)![1]!.replace(/ \(alias (\w+)\)/g, ', $1').split(/, | and /);
    expect([...listed].sort()).to.deep.equal([...Object.keys(BLOCKS), ...Object.keys(BLOCK_ALIASES)].sort());
  });
});
