// Dependency rule of the model phase (style guide §2): src/model imports nothing from the
// emitters, the CLI or the role catalog's consumers, and speaks no TOSCA or Heat vocabulary.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../support/golden.js';

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('src/model dependency rule', function () {
  const files = sources(join(ROOT, 'src/model'));

  it('finds the model sources', function () {
    expect(files.length).to.be.greaterThan(3);
  });

  it('imports nothing from src/emit, src/cli or src/lint', function () {
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
        const spec = m[1] ?? m[2] ?? '';
        if (/(^|\/)(emit|cli|lint)(\/|$)/.test(spec) || spec.endsWith('compile.js')) bad.push(`${relative(ROOT, f)}: ${spec}`);
      }
    }
    expect(bad).to.deep.equal([]);
  });

  it('uses no TOSCA or Heat vocabulary in code', function () {
    const bad: string[] = [];
    for (const f of files) {
      const code = readFileSync(f, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l)).join('\n');
      for (const w of ['tosca.nodes', 'OS::', 'get_input', 'get_param', 'node_templates', 'heat_template_version']) {
        if (code.includes(w)) bad.push(`${relative(ROOT, f)}: ${w}`);
      }
    }
    expect(bad).to.deep.equal([]);
  });
});
