// End-to-end tests of the command line: exit codes, one-line I/O errors, JSON output, atomic
// and all-or-nothing writes. They run the built CLI (dist/src/cli.js) as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../support/golden.js';

const CLI = join(ROOT, 'dist/src/cli.js');

/** Runs the CLI with `args` in `cwd`; returns status, stdout and stderr. */
export function clusterc(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'clusterc-cli-'));
}

const BROKEN = 'cluster "x" {\n  masters 1 {\n    cpus = = 2\n  }\n  agents 2 { memory = "unterminated\n  }\n}\n';

describe('clusterc CLI', function () {
  this.timeout(30000);

  it('--help exits 0 and lists the commands', function () {
    const r = clusterc(['--help']);
    expect(r.status).to.equal(0);
    for (const c of ['check', 'compile', 'lint', 'explain', 'grammar']) expect(r.stdout).to.include(c);
  });

  // A reader that stops reading (`clusterc compile --stdout … | head`): Node reports the broken
  // pipe as an 'error' event of process.stdout, which used to end the run with a stack trace.
  it('ends quietly, with the command\'s exit code, when the reader of its output goes away', async function () {
    const closedEarly = (cmd: string, args: string[]) =>
      new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
        let stderr = '';
        child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        // The read end closed before the child writes: its first write finds no reader.
        child.stdout.destroy();
        child.on('close', (status) => done({ status, stderr }));
      });
    const hot = ['compile', '--stdout', '--target', 'hot', 'examples/mesos-ha.cluster'];
    for (const [cmd, args] of [[process.execPath, [CLI, ...hot]], [join(ROOT, 'bin/clusterc'), hot]] as const) {
      const r = await closedEarly(cmd, [...args]);
      expect(r.stderr, cmd).to.match(/1 warning, 6 notes/);
      expect(r.stderr, cmd).to.not.match(/EPIPE|node:events|\n {4}at /);
      expect(r.stderr, cmd).to.not.match(/internal error/);
      expect(r.status, cmd).to.equal(0);
    }
  });

  it('an unknown command or option exits 2 with a message', function () {
    expect(clusterc(['frobnicate']).status).to.equal(2);
    const r = clusterc(['check', '--no-such-option', 'x']);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/unknown option/);
  });

  for (const [what, path, reason] of [
    ['a missing file', 'no/such/file.cluster', 'no such file or directory'],
    ['a directory', 'examples', 'it is a directory'],
    ['a path through a file', 'package.json/x.cluster', 'a parent is not a directory'],
    ['a device', '/dev/null', 'not a regular file'],
  ] as const) {
    it(`reading ${what} exits 2 with one line and no stack trace`, function () {
      for (const cmd of ['check', 'compile']) {
        const r = clusterc([cmd, path]);
        expect(r.status, cmd).to.equal(2);
        expect(r.stderr.trim().split('\n'), r.stderr).to.have.length(1);
        expect(r.stderr).to.include(reason);
        expect(r.stderr).to.not.match(/\n\s+at /);
      }
    });
  }

  it('explain prints the long text of a code and rejects unknown codes', function () {
    const ok = clusterc(['explain', 'CS0001']);
    expect(ok.status).to.equal(0);
    expect(ok.stdout).to.match(/^CS0001 \(internal-error\)/);
    expect(clusterc(['explain', 'internal-error']).status).to.equal(0);
    const bad = clusterc(['explain', 'CS9999']);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.include('unknown code');
    const list = clusterc(['explain', '--list']);
    expect(list.status).to.equal(0);
    expect(list.stdout).to.include('CS0001');
  });

  it('check reports every syntax error of a broken file in one run, exit 1', function () {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.cluster'), BROKEN);
    const r = clusterc(['check', 'broken.cluster'], dir);
    expect(r.status, r.stderr).to.equal(1);
    const codes = r.stderr.match(/^error\[CS\d{4}\]/gm) ?? [];
    expect(codes.length, r.stderr).to.be.greaterThanOrEqual(2);
    expect(r.stderr).to.match(/--> broken\.cluster:3:\d+/);
    expect(r.stderr).to.match(/--> broken\.cluster:5:\d+/);
  });

  it('check --format json gives machine-readable diagnostics on stdout', function () {
    const dir = tmp();
    writeFileSync(join(dir, 'broken.cluster'), BROKEN);
    const r = clusterc(['check', '--format', 'json', 'broken.cluster'], dir);
    expect(r.status).to.equal(1);
    const json = JSON.parse(r.stdout);
    expect(json.summary.errors).to.be.greaterThanOrEqual(2);
    const d = json.diagnostics[0];
    for (const k of ['code', 'severity', 'message', 'file', 'start', 'end', 'help', 'notes']) expect(d).to.have.property(k);
    expect(d.start).to.have.keys(['line', 'column', 'offset']);
  });

  it('compile of a spec with errors writes nothing and leaves existing outputs untouched', function () {
    const dir = tmp();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'x.tosca.yaml'), 'old tosca\n');
    writeFileSync(join(out, 'x.hot.yaml'), 'old hot\n');
    const before = statSync(join(out, 'x.tosca.yaml')).mtimeMs;
    writeFileSync(join(dir, 'broken.cluster'), BROKEN);
    const r = clusterc(['compile', 'broken.cluster', '--out-dir', 'out'], dir);
    expect(r.status).to.equal(1);
    expect(readdirSync(out).sort()).to.deep.equal(['x.hot.yaml', 'x.tosca.yaml']);
    expect(readFileSync(join(out, 'x.tosca.yaml'), 'utf8')).to.equal('old tosca\n');
    expect(readFileSync(join(out, 'x.hot.yaml'), 'utf8')).to.equal('old hot\n');
    expect(statSync(join(out, 'x.tosca.yaml')).mtimeMs).to.equal(before);
  });

  it('compile writes both documents atomically and leaves no temporary file', function () {
    const dir = tmp();
    const out = join(dir, 'o');
    mkdirSync(out);
    writeFileSync(join(out, 'mesos-minimal.tosca.yaml'), 'stale\n');
    const r = clusterc(['compile', 'examples/mesos-minimal.cluster', '--out-dir', out]);
    expect(r.status, r.stderr).to.equal(0);
    expect(readdirSync(out).sort()).to.deep.equal(['mesos-minimal.hot.env.yaml', 'mesos-minimal.hot.yaml', 'mesos-minimal.tosca.inputs.json', 'mesos-minimal.tosca.yaml']);
    expect(readFileSync(join(out, 'mesos-minimal.tosca.yaml'), 'utf8')).to.equal(readFileSync(join(ROOT, 'out/mesos-minimal.tosca.yaml'), 'utf8'));
    expect(readFileSync(join(out, 'mesos-minimal.hot.yaml'), 'utf8')).to.equal(readFileSync(join(ROOT, 'out/mesos-minimal.hot.yaml'), 'utf8'));
  });

  it('compile --stdout prints one target and writes nothing', function () {
    const dir = tmp();
    const r = clusterc(['compile', 'examples/mesos-minimal.cluster', '--target', 'tosca', '--stdout', '--out-dir', join(dir, 'o')]);
    expect(r.status).to.equal(0);
    expect(r.stdout).to.equal(readFileSync(join(ROOT, 'out/mesos-minimal.tosca.yaml'), 'utf8'));
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('compile --deny-warnings turns lossy-emit warnings into errors and writes nothing', function () {
    const dir = tmp();
    const r = clusterc(['compile', join(ROOT, 'examples/mesos-ha.cluster'), '--deny-warnings', '--out-dir', join(dir, 'o')], dir);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/^error\[CS3101\]/m);
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('compile --allow silences a lossy-emit warning by name; unknown names are usage errors', function () {
    const dir = tmp();
    const r = clusterc(['compile', join(ROOT, 'examples/mesos-ha.cluster'), '--allow', 'tosca-keepalived-vip', '--out-dir', join(dir, 'o')], dir);
    expect(r.status).to.equal(0);
    expect(r.stderr).to.not.include('CS3101');
    expect(r.stderr).to.include('CS3104');
    expect(clusterc(['compile', 'examples/mesos-ha.cluster', '--allow', 'no-such-warning']).status).to.equal(2);
  });

  it('compile --stdout needs a single target', function () {
    const r = clusterc(['compile', '--stdout', 'examples/mesos-minimal.cluster']);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include('--stdout needs a single target');
  });
});
