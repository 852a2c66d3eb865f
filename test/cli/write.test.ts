// Writing outputs (issue 16 item 3, issue 11 I/O errors): temporaries that are exclusive, never follow a
// planted symlink and have unpredictable names; every byte written and flushed (a full disk is an error,
// never a truncated file and "wrote"); every output of a run replaced together or none; temporaries
// removed on SIGINT and SIGTERM; I/O errors that name the real path and say what to do; an output
// directory under /proc that fails at once. The full-disk case runs the built CLI in a bubblewrap
// sandbox over a 64 KiB tmpfs (CI has bwrap; elsewhere it skips with the reason).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { writeFilesAtomic } from '../../src/cli/write.js';
import { ROOT } from '../support/golden.js';
import { skipOrFail } from '../support/shared.js';

const CLI = join(ROOT, 'dist/src/cli.js');
const HA = join(ROOT, 'examples/mesos-ha.cluster');
const TOSCA = 'mesos-prod.tosca.yaml';
const HOT = 'mesos-prod.hot.yaml';

function run(args: string[], extra: { timeout?: number } = {}): { status: number | null; signal: NodeJS.Signals | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...extra });
  return { status: r.status, signal: r.signal, stderr: r.stderr };
}

/** The lines of stderr that are not diagnostics of the spec (notes and warnings with their frames). */
function ioLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^(error|wrote)\b/.test(l));
}

/** Leftover temporaries (today's `.<name>.<pid>.tmp` and ours `.<name>.<random>.clusterc-*`). */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('.'));
}

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'clusterc-write-'));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CLI writes', function () {
  this.timeout(60000);

  it('on a full disk: exit 2, no "wrote", the path and what to do, no truncated file, old outputs kept, no temporary', function () {
    // The small tmpfs goes on a directory of its own, not over /tmp, which may hold the checkout itself.
    const base = freshDir();
    const probe = spawnSync('bwrap', ['--dev-bind', '/', '/', '--size', '65536', '--tmpfs', base, 'true'], { encoding: 'utf8' });
    if (probe.status !== 0) skipOrFail(this, `bubblewrap cannot mount a tmpfs here: ${probe.error?.message ?? probe.stderr.trim()}`);
    const dir = join(base, 'full');
    // mesos-prod: the TOSCA output (11 KB) fits in 64 KiB, the HOT output (89 KB) does not.
    const script = [
      `mkdir ${dir}`,
      `printf old > ${dir}/${TOSCA}`,
      `NO_COLOR=1 ${process.execPath} ${CLI} compile ${HA} --out-dir ${dir} 2>${base}/stderr; echo "status=$?"`,
      `cat ${base}/stderr`,
      `echo "--- files"; ls -A ${dir}`,
      `echo "--- tosca"; cat ${dir}/${TOSCA}; echo`,
    ].join('\n');
    const r = spawnSync('bwrap', ['--dev-bind', '/', '/', '--size', '65536', '--tmpfs', base, 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    const out = r.stdout;
    expect(out).to.include('status=2');
    expect(out).to.not.match(/^wrote /m);
    expect(ioLines(out)).to.deep.equal([`error: cannot write \`${dir}/${HOT}\`: no space left on the device; free some space or choose another output directory`]);
    const files = out.split('--- files\n')[1]!.split('--- tosca')[0]!.trim().split('\n');
    expect(files, 'only the old TOSCA output, no temporary, no truncated HOT output').to.deep.equal([TOSCA]);
    expect(out.split('--- tosca\n')[1]!.trim()).to.equal('old');
  });

  it('never follows a symlink planted at a temporary name (today\'s `.<name>.<pid>.tmp`)', async function () {
    const dir = freshDir();
    const victim = join(freshDir(), 'victim');
    writeFileSync(victim, 'precious');
    for (const n of ['a.yaml', 'b.yaml']) symlinkSync(victim, join(dir, `.${n}.${process.pid}.tmp`));
    await writeFilesAtomic([{ path: join(dir, 'a.yaml'), content: 'a: 1\n' }, { path: join(dir, 'b.yaml'), content: 'b: 2\n' }]);
    expect(readFileSync(victim, 'utf8')).to.equal('precious');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).to.equal('a: 1\n');
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).to.equal('b: 2\n');
    // Only the planted links remain beside the outputs: no temporary of ours is left.
    expect(leftovers(dir).sort()).to.deep.equal([`.a.yaml.${process.pid}.tmp`, `.b.yaml.${process.pid}.tmp`]);
  });

  it('replaces no output when a later one cannot be written (a directory in the way): path named, no temporary', function () {
    const dir = freshDir();
    writeFileSync(join(dir, TOSCA), 'old');
    mkdirSync(join(dir, HOT));
    writeFileSync(join(dir, HOT, 'keep'), 'x');
    const r = run(['compile', HA, '--out-dir', dir]);
    expect(r.status).to.equal(2);
    expect(ioLines(r.stderr)).to.deep.equal([`error: cannot write \`${join(dir, HOT)}\`: a directory has that name; remove it or choose another output directory`]);
    expect(readFileSync(join(dir, TOSCA), 'utf8')).to.equal('old');
    expect(leftovers(dir)).to.deep.equal([]);
  });

  it('replaces every output of a run when all can be written, and leaves no temporary', function () {
    const dir = freshDir();
    writeFileSync(join(dir, TOSCA), 'old');
    const r = run(['compile', HA, '--out-dir', dir]);
    expect(r.status).to.equal(0);
    expect(readFileSync(join(dir, TOSCA), 'utf8')).to.match(/^# generated by clusterc/);
    expect(readFileSync(join(dir, HOT), 'utf8')).to.match(/^# generated by clusterc/);
    expect(leftovers(dir)).to.deep.equal([]);
  });

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    it(`${sig} while the temporaries exist removes them, keeps the old outputs and ends by ${sig}`, async function () {
      const dir = freshDir();
      writeFileSync(join(dir, TOSCA), 'old');
      const fifo = join(freshDir(), 'pause');
      execFileSync('mkfifo', [fifo]);
      const child = spawn(process.execPath, [CLI, 'compile', HA, '--out-dir', dir], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', CLUSTERC_TEST_PAUSE_BEFORE_COMMIT: fifo },
        stdio: 'ignore',
      });
      const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
      // Wait (a bounded number of polls) until all four temporaries (the two documents and their
      // inputs files) are written and the run waits to commit.
      let polls = 0;
      while (leftovers(dir).filter((n) => n.endsWith('.clusterc-tmp')).length < 4 && polls++ < 600 && child.exitCode === null) await sleep(50);
      expect(leftovers(dir), 'temporaries written before the commit').to.have.length(4);
      child.kill(sig);
      const { signal } = await ended;
      expect(signal).to.equal(sig);
      expect(leftovers(dir)).to.deep.equal([]);
      expect(readdirSync(dir)).to.deep.equal([TOSCA]);
      expect(readFileSync(join(dir, TOSCA), 'utf8')).to.equal('old');
      rmSync(fifo);
    });
  }

  it('--out-dir under /proc fails at once with the path and what to do', function () {
    const r = run(['compile', HA, '--out-dir', '/proc/clusterc-out'], { timeout: 20000 });
    expect(r.signal, 'the run ended by itself').to.equal(null);
    expect(r.status).to.equal(2);
    expect(ioLines(r.stderr)).to.deep.equal(['error: cannot create the directory `/proc/clusterc-out`: this file system does not allow creating it; choose another output directory']);
    const inProc = run(['compile', HA, '--out-dir', '/proc/self'], { timeout: 20000 });
    expect(inProc.status).to.equal(2);
    expect(ioLines(inProc.stderr)).to.deep.equal([
      `error: cannot write \`/proc/self/${TOSCA}\`: this file system does not allow creating files in \`/proc/self\`; choose another output directory`,
    ]);
  });

  it('I/O errors name the real path and say what is wrong in words (never `?`, never an errno name)', function () {
    const file = join(freshDir(), 'plain');
    writeFileSync(file, '');
    for (const [outDir, expected] of [
      ['/dev/full', 'error: cannot use `/dev/full` as the output directory: it is not a directory; choose another output directory'],
      [`${file}/sub`, `error: cannot use the output directory \`${file}/sub\`: a parent is not a directory`],
      [file, `error: cannot use \`${file}\` as the output directory: it is not a directory; choose another output directory`],
    ] as const) {
      const r = run(['compile', HA, '--out-dir', outDir]);
      expect(r.status, outDir).to.equal(2);
      const lines = ioLines(r.stderr);
      expect(lines, outDir).to.deep.equal([expected]);
      expect(lines[0]).to.not.match(/`\?`|\bE[A-Z]{3,}\b|\be(exist|noent|acces|notdir|isdir|nospc|io|perm|rofs)\b/);
      expect(existsSync(join(outDir, TOSCA))).to.equal(false);
    }
  });
});
