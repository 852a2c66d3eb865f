// The parts of test/deploy that run without the sandbox: the ansible-galaxy stub installs a
// requirement from its checkout only when the checkout's HEAD is the pinned commit, the apt-get
// and curl stubs record their calls, and the command splitter matches Python's shlex.split
// (what community.docker does to a string `command`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { tmp, PYTHON } from '../emit/hot/bootstrap/harness.js';
import { shlexSplit } from './expect.js';
import { SANDBOX_DIR } from './sandbox.js';

/** A git repository with one commit holding tasks/main.yml; returns its commit. */
function gitRole(dir: string): string {
  mkdirSync(join(dir, 'tasks'), { recursive: true });
  writeFileSync(join(dir, 'tasks', 'main.yml'), '- debug: msg=hi\n');
  const git = (...a: string[]): string => {
    const r = spawnSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim();
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'role');
  return git('rev-parse', 'HEAD');
}

/** Runs a stub binary with the stub environment of `dir`. */
function stub(name: string, dir: string, args: string[]): { status: number | null; out: string; records: Record<string, unknown>[] } {
  const records = join(dir, 'records');
  const r = spawnSync(PYTHON, [join(SANDBOX_DIR, 'bin', name), ...args], {
    encoding: 'utf8',
    env: { ...process.env, CLUSTERC_ROLES_DIR: join(dir, 'roles'), CLUSTERC_STUB_RECORDS: records, CLUSTERC_STUB_STATE: join(dir, 'state') },
  });
  const lines = existsSync(records) ? readFileSync(records, 'utf8').split('\n').filter((l) => l !== '') : [];
  return { status: r.status, out: r.stdout + r.stderr, records: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('test/deploy stubs', () => {
  it('ansible-galaxy installs a pinned checkout under its name, without .git', () => {
    const dir = tmp();
    try {
      const head = gitRole(join(dir, 'roles', 'ansible-role-demo'));
      writeFileSync(join(dir, 'req.yml'), `- src: https://github.com/indigo-dc/ansible-role-demo.git\n  scm: git\n  version: ${head}\n  name: indigo-dc.demo\n`);
      const r = stub('ansible-galaxy', dir, ['role', 'install', '--force', '-p', join(dir, 'installed'), '-r', join(dir, 'req.yml')]);
      expect(r.status, r.out).to.equal(0);
      expect(readFileSync(join(dir, 'installed', 'indigo-dc.demo', 'tasks', 'main.yml'), 'utf8')).to.equal('- debug: msg=hi\n');
      expect(existsSync(join(dir, 'installed', 'indigo-dc.demo', '.git'))).to.equal(false);
      expect(r.records[0]!['binary']).to.equal('ansible-galaxy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ansible-galaxy fails when the checkout is not at the pinned commit, or missing', () => {
    const dir = tmp();
    try {
      const head = gitRole(join(dir, 'roles', 'ansible-role-demo'));
      const other = head.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      writeFileSync(join(dir, 'req.yml'), `- src: https://github.com/indigo-dc/ansible-role-demo.git\n  scm: git\n  version: ${other}\n  name: indigo-dc.demo\n`);
      const r = stub('ansible-galaxy', dir, ['role', 'install', '--force', '-p', join(dir, 'installed'), '-r', join(dir, 'req.yml')]);
      expect(r.status).to.equal(1);
      expect(r.out).to.include(`is at ${head}, the requirements pin ${other}`);
      expect(existsSync(join(dir, 'installed', 'indigo-dc.demo'))).to.equal(false);
      writeFileSync(join(dir, 'req.yml'), `- src: https://github.com/indigo-dc/ansible-role-gone.git\n  scm: git\n  version: ${head}\n  name: indigo-dc.gone\n`);
      const missing = stub('ansible-galaxy', dir, ['role', 'install', '-p', join(dir, 'installed'), '-r', join(dir, 'req.yml')]);
      expect(missing.status).to.equal(1);
      expect(missing.out).to.include('no checkout ansible-role-gone in CLUSTERC_ROLES_DIR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('apt-get records the call and remembers installed packages; curl records the signal body', () => {
    const dir = tmp();
    try {
      mkdirSync(join(dir, 'state'));
      const a = stub('apt-get', dir, ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '-q', 'ansible', 'python3-pip']);
      expect(a.status, a.out).to.equal(0);
      expect(JSON.parse(readFileSync(join(dir, 'state', 'packages.json'), 'utf8'))).to.deep.equal(['ansible', 'python3-pip']);
      const c = stub('curl', dir, ['-sS', '--data-binary', '{"status": "SUCCESS"}', 'http://heat.invalid/signal']);
      expect(c.status).to.equal(0);
      expect(c.records.map((x) => x['data'])).to.deep.equal([undefined, '{"status": "SUCCESS"}']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a Hadoop release download leaves a tarball of its layout whose daemons record their runs; the stable2 mirrors are gone', () => {
    const dir = tmp();
    try {
      const program = [
        'import json, os, subprocess, sys',
        `sys.path.insert(0, ${JSON.stringify(join(SANDBOX_DIR, 'module_utils'))})`,
        'import clusterc_stub as c',
        'dest, url = sys.argv[1:3]',
        'ok = c._archive(os.path.join(dest, "h.tar.gz"), url)',
        'subprocess.run(["tar", "-xzf", os.path.join(dest, "h.tar.gz"), "-C", dest], check=True)',
        'subprocess.run([os.path.join(dest, "hadoop-2.7.4", "sbin", "hadoop-daemon.sh"), "--script", "hdfs", "start", "namenode"], check=True)',
        'dead = [why for p, why in c.DEAD_PATHS if p.search("http://ftp.osuosl.org/pub/apache/hadoop/core/stable2//hadoop-2.7.4.tar.gz")]',
        'print(json.dumps({"ok": ok, "other": c._archive(os.path.join(dest, "x"), "https://example.org/x.tar.gz"), "dead": len(dead),',
        '  "archive": [p.search("https://archive.apache.org/dist/hadoop/common/hadoop-2.7.4/hadoop-2.7.4.tar.gz") is not None for p, _ in c.DEAD_PATHS]}))',
      ].join('\n');
      const url = 'https://archive.apache.org/dist/hadoop/common/hadoop-2.7.4/hadoop-2.7.4.tar.gz';
      const r = spawnSync(PYTHON, ['-c', program, dir, url], { encoding: 'utf8', env: { ...process.env, CLUSTERC_STUB_RECORDS: join(dir, 'records') } });
      expect(r.status, r.stderr).to.equal(0);
      expect(JSON.parse(r.stdout)).to.deep.equal({ ok: true, other: false, dead: 1, archive: [false] });
      expect(readFileSync(join(dir, 'hadoop-2.7.4', 'etc', 'hadoop', 'hadoop-env.sh'), 'utf8')).to.include('export JAVA_HOME=');
      const rec = readFileSync(join(dir, 'records'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rec).to.deep.equal([{ binary: '/opt/hadoop-2.7.4/sbin/hadoop-daemon.sh', argv: ['--script', 'hdfs', 'start', 'namenode'] }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits a command like shlex.split', () => {
    const cases = [
      `-server -advertise "10.0.0.11" -join "10.0.0.12" -ui-dir /ui`,
      `sse --marathon http://a:8080 http://b:8080 --group external --auth-credentials='admin:it'"'"'s a secret'`,
      `a\\ b "c \\"d\\" \\n" '' x""y`,
    ];
    const py = spawnSync(PYTHON, ['-c', 'import json, shlex, sys; print(json.dumps([shlex.split(c) for c in json.load(sys.stdin)]))'], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(cases.map(shlexSplit)).to.deep.equal(JSON.parse(py.stdout));
  });
});
