// Bounds on pathological input (issue 16 item 4): a spec over the documented size is refused unread
// (CS0002); 125k diagnostics do not overflow an argument spread; 1,400 (or 20,000) stray `mesos }` do not
// overflow the parser's recovery; 100k errors on one 200 KB line render at most --max-errors frames
// (100 by default in human output), each a bounded window of the line. Sizes and counts are asserted,
// never time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { compile, MAX_SPEC_BYTES } from '../../src/compile.js';
import { ROOT } from '../support/golden.js';

const CLI = join(ROOT, 'dist/src/cli.js');

function file(name: string, text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'clusterc-bounds-')), name);
  writeFileSync(p, text);
  return p;
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bounds on pathological specs', function () {
  this.timeout(120000);

  it('refuses a spec over 1 MiB with CS0002 at 1:1, without reading it, and still checks the other files', () => {
    const big = file('big.cluster', '#'.repeat(MAX_SPEC_BYTES + 1));
    const ok = join(ROOT, 'examples/mesos-minimal.cluster');
    const r = run(['check', '--format', 'json', big, ok]);
    expect(r.status).to.equal(1);
    const ds = JSON.parse(r.stdout).diagnostics as { code: string; severity: string; file: string; start: { line: number; column: number } }[];
    expect(ds.filter((d) => d.code === 'CS0002').map((d) => [d.file, d.start.line, d.start.column])).to.deep.equal([[big, 1, 1]]);
    expect(ds.filter((d) => d.severity !== 'note' && d.file === ok)).to.deep.equal([]);
    // A spec of exactly the limit is read (and, being all comment, has no cluster).
    const edge = run(['check', '--format', 'json', file('edge.cluster', '#'.repeat(MAX_SPEC_BYTES))]);
    expect((JSON.parse(edge.stdout).diagnostics as { code: string }[]).map((d) => d.code)).to.not.include('CS0002');
    // In-process callers get the same refusal (multi-byte text counted in UTF-8 bytes).
    expect(compile('é'.repeat(MAX_SPEC_BYTES / 2 + 1), 'x.cluster').diagnostics.map((d) => d.code)).to.deep.equal(['CS0002']);
  });

  it('reports 150k lexer errors without an internal error, showing 100 by default', () => {
    const p = file('at.cluster', '@ '.repeat(150_000) + '\n');
    for (const cmd of ['check', 'compile']) {
      const r = run(cmd === 'compile' ? [cmd, p, '--out-dir', mkdtempSync(join(tmpdir(), 'clusterc-bounds-out-'))] : [cmd, p]);
      expect(r.status, r.stderr.slice(-500)).to.equal(1);
      expect(r.stderr).to.not.include('CS0001');
      expect(r.stderr).to.not.include('internal error');
      expect(r.stderr.match(/^error\[CS1002\]/gm)).to.have.length(100);
      expect(r.stderr).to.include('note: 149900 more errors not shown (--max-errors 100, the default of human output)');
    }
  });

  for (const n of [1400, 20000]) {
    it(`recovers from ${n} stray \`mesos }\` without overflowing the stack`, () => {
      const text = 'cluster "x" {\n' + 'mesos }\n'.repeat(n) + '}\n';
      const r = compile(text, 'x.cluster');
      const codes = r.diagnostics.map((d) => d.code);
      expect(codes).to.not.include('CS0001');
      expect(codes).to.include('CS1006');
      expect(codes).to.include('CS1007');
    });
  }

  it('renders 100k errors on one 200 KB line as at most --max-errors windowed frames', () => {
    const p = file('line.cluster', 'cluster "x" { ' + '$ '.repeat(100_000) + '}\n');
    const r = run(['check', p]);
    expect(r.status).to.equal(1);
    const frames = r.stderr.match(/^error\[/gm) ?? [];
    expect(frames).to.have.length(100);
    // Every source line shown is a window of the 200 KB line, not the line.
    const longest = Math.max(...r.stderr.split('\n').map((l) => l.length));
    expect(longest).to.be.lessThan(400);
    expect(r.stderr.length).to.be.lessThan(100 * 1000);
    const five = run(['check', '--max-errors', '5', p]);
    expect(five.stderr.match(/^error\[/gm)).to.have.length(5);
    // JSON carries every error with exact columns (the last `$` is at column 15 + 2 * 99999).
    const json = JSON.parse(run(['check', '--format', 'json', p]).stdout) as { diagnostics: { code: string; start: { column: number } }[] };
    const lex = json.diagnostics.filter((d) => d.code === 'CS1002');
    expect(lex).to.have.length(100_000);
    expect(lex.at(-1)!.start.column).to.equal(15 + 2 * 99_999);
  });
});
