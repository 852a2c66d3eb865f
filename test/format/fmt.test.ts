// `clusterc fmt` (src/format/format.ts): the canonical layout of a known messy spec, and properties
// over generated valid specs with random layouts and comments (test/property/generators.ts):
// formatting is idempotent, keeps every token and comment, and the formatted spec compiles to
// byte-identical outputs. The CLI part checks --check, the rewrite and a file with syntax errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { compile } from '../../src/compile.js';
import { formatSpec } from '../../src/format/format.js';
import { params, validSpecText } from '../property/generators.js';
import { ROOT } from '../support/golden.js';

const MESSY = 'cluster "x"{\n\n\n  masters 1{flavor="a" cpus=2 memory=4GB}   # c  \n agents 1..3 {\n// own\nflavor = "b"\n     # trailing own\n  image=input("i")  # t\n  }\n  marathon{ password = secret }\n  chronos { password = secret }\n\n\n}\n';
const CANONICAL = `cluster "x" {
  masters 1 { flavor = "a"  cpus = 2  memory = 4 GB }  # c
  agents 1..3 {
    // own
    flavor = "b"
    # trailing own
    image  = input("i")                 # t
  }
  marathon { password = secret }
  chronos  { password = secret }
}
`;

function comments(text: string): string[] {
  return [...text.matchAll(/"(?:[^"\\\n\r]|\\[^\n\r])*"|((?:#|\/\/)[^\n\r]*)/g)].filter((m) => m[1]).map((m) => m[1]!.trimEnd());
}

describe('fmt: canonical layout', function () {
  this.timeout(120_000);

  it('lays out a messy spec canonically: indentation, spacing, aligned `=` and `{`, comments kept', function () {
    expect(formatSpec(MESSY)).to.equal(CANONICAL);
    expect(formatSpec(MESSY.replace(/\n/g, '\r\n'))).to.equal(CANONICAL);
  });

  it('leaves the minimal and elastic examples as they are (they follow the same layout)', function () {
    for (const f of ['examples/mesos-minimal.cluster', 'examples/mesos-elastic.cluster']) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(formatSpec(text), f).to.equal(text);
    }
  });

  it('property: fmt(fmt(x)) = fmt(x), and every comment is kept', function () {
    fc.assert(
      fc.property(validSpecText, ({ text }) => {
        const once = formatSpec(text);
        expect(formatSpec(once)).to.equal(once);
        expect(comments(once)).to.deep.equal(comments(text));
      }),
      params(300),
    );
  });

  it('property: the formatted spec compiles to byte-identical outputs', function () {
    fc.assert(
      fc.property(validSpecText, ({ text }) => {
        const before = compile(text, 'gen.cluster', { targets: ['tosca', 'hot'] });
        const after = compile(formatSpec(text), 'gen.cluster', { targets: ['tosca', 'hot'] });
        expect(before.files.length).to.be.greaterThan(0);
        expect(after.files).to.deep.equal(before.files);
        expect(after.diagnostics.map((d) => d.code)).to.deep.equal(before.diagnostics.map((d) => d.code));
      }),
      params(15),
    );
  });
});

describe('fmt: command line', function () {
  this.timeout(30_000);
  const CLI = join(ROOT, 'dist/src/cli.js');
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('--check lists the files that would change and exits 1; fmt rewrites them; then --check passes', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-fmt-'));
    const messy = join(dir, 'messy.cluster');
    const clean = join(dir, 'clean.cluster');
    writeFileSync(messy, MESSY);
    writeFileSync(clean, CANONICAL);
    const c = run(['fmt', '--check', messy, clean]);
    expect(c.status).to.equal(1);
    expect(c.stdout).to.equal(`${messy}\n`);
    expect(readFileSync(messy, 'utf8')).to.equal(MESSY);
    const f = run(['fmt', messy, clean]);
    expect(f.status, f.stderr).to.equal(0);
    expect(readFileSync(messy, 'utf8')).to.equal(CANONICAL);
    expect(run(['fmt', '--check', messy, clean]).status).to.equal(0);
    expect(run(['fmt', '--stdout', join(ROOT, 'examples/mesos-minimal.cluster')]).stdout).to.equal(readFileSync(join(ROOT, 'examples/mesos-minimal.cluster'), 'utf8'));
  });

  it('a file with syntax errors is reported (CS4301) and left as it is', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-fmt-'));
    const bad = join(dir, 'bad.cluster');
    writeFileSync(bad, 'cluster "x" {  masters = = }\n');
    const r = run(['fmt', bad]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/error\[CS4301\]/);
    expect(r.stderr).to.match(/error\[CS1006\]/);
    expect(readFileSync(bad, 'utf8')).to.equal('cluster "x" {  masters = = }\n');
  });
});
