// src/roles is below the emitters and beside the model (style.md §2): it may import the model and
// its own files, never src/emit or src/spec. Scans the import lines of every module.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

describe('roles: import rule', () => {
  it('src/roles imports nothing from src/emit or src/spec', () => {
    const dir = resolve(process.cwd(), 'src', 'roles');
    let scanned = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const specs = [...readFileSync(join(dir, f), 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      scanned += specs.length;
      for (const s of specs) expect(s, `${f} imports ${s}`).to.not.match(/(^|\/)(emit|spec)(\/|$)/);
    }
    expect(scanned, 'the import scan found no imports at all').to.be.greaterThan(0);
  });
});
