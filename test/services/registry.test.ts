// Registry rules (issue 12): functions in src/model, src/roles and src/services stay under 60 lines
// (measured with the TypeScript compiler API over every function, method, accessor, constructor
// and arrow body), and no phase outside src/services names a service: services are reached only
// through the registry (src/services/index.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import ts from 'typescript';
import { SERVICES } from '../../src/services/index.js';
import { ROOT } from '../support/golden.js';

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (n.endsWith('.ts') && !n.endsWith('.generated.ts')) out.push(p);
  }
  return out;
}

/** Every function-like body of a file with its length in lines. */
function functionLengths(file: string): { name: string; lines: number }[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const body = node.body as ts.Node;
      const first = sf.getLineAndCharacterOfPosition(body.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(body.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '<anonymous>';
      out.push({ name: `${relative(ROOT, file)}:${first + 1} ${name}`, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Code without comments (so a comment may cite a service). */
function code(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map((l) => l.replace(/(^|[^:'"`])\/\/.*$/, '$1')).join('\n');
}

describe('service registry', function () {
  it('keeps every function in src/model, src/roles and src/services under 60 lines', function () {
    const all = ['src/model', 'src/roles', 'src/services'].flatMap((d) => sources(join(ROOT, d))).flatMap(functionLengths);
    expect(all.length).to.be.greaterThan(50);
    const long = all.filter((f) => f.lines >= 60).map((f) => `${f.name}: ${f.lines} lines`);
    expect(long).to.deep.equal([]);
  });

  it('measures a long function as long (the check can fail)', function () {
    const body = Array.from({ length: 70 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    const sf = ts.createSourceFile('x.ts', `function f() {\n${body}\n}\n`, ts.ScriptTarget.ES2022, true);
    const fn = sf.statements[0] as ts.FunctionDeclaration;
    const lines = sf.getLineAndCharacterOfPosition(fn.body!.getEnd()).line - sf.getLineAndCharacterOfPosition(fn.body!.getStart(sf)).line + 1;
    expect(lines).to.equal(72);
  });

  it('has no phase outside src/services that names a service', function () {
    // Role-keyed tables (the role catalog and the compatibility fixes of the pinned roles) name roles, not services.
    const roleTables = ['src/roles/catalog.ts', 'src/emit/hot/bootstrap/compat.ts'];
    const phases = ['src/model', 'src/roles', 'src/emit', 'src/graph', 'src/compile.ts'];
    const files = phases.flatMap((d) => (d.endsWith('.ts') ? [join(ROOT, d)] : sources(join(ROOT, d)))).filter((f) => !roleTables.includes(relative(ROOT, f)));
    const names = new Set<string>();
    for (const e of SERVICES) {
      names.add(e.key);
      if (e.block) names.add(e.block.name);
    }
    names.add('marathon-lb');
    names.add('marathon_lb');
    const word = new RegExp(`(^|[^A-Za-z0-9_.-])(${[...names].join('|')})(?![A-Za-z0-9_-])`, 'g');
    const bad: string[] = [];
    for (const f of files) {
      code(f).split('\n').forEach((l, i) => {
        for (const m of l.matchAll(word)) bad.push(`${relative(ROOT, f)}:${i + 1}: ${m[2]}`);
      });
    }
    expect(bad).to.deep.equal([]);
  });
});
