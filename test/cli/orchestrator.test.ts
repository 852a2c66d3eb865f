// The deployment commands (submit, status, outputs, logs, delete) run as a user runs them, against
// the fake orchestrator of test/support (same status codes, shapes and state machine as the real
// one): the happy paths, every error answer, a request that never gets an answer, a dropped
// connection, Ctrl-C during --wait, oidc-agent and a private CA. In every run the access token
// must not appear in anything clusterc prints.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ROOT } from '../support/golden.js';
import { startFakeOrchestrator, type FakeOptions, type FakeOrchestrator } from '../support/fake-orchestrator.js';
import { skipOrFail } from '../support/shared.js';

const CLI = join(ROOT, 'dist/src/cli.js');
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.fake-access-token.c2lnbmF0dXJl';
const SPEC = 'examples/mesos-minimal.cluster';
/** The inputs of out/mesos-minimal.tosca.inputs.json, filled in. */
const FILLED = { mesos_password: 'm-secret', marathon_password: 'ma-secret', chronos_password: 'c-secret' };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI asynchronously (the fake answers from this process's event loop, so spawnSync
 * would deadlock). `env` replaces the orchestrator variables; `onStderr` sees stderr as it comes.
 */
function clusterc(args: string[], env: Record<string, string | undefined>, onStderr?: (all: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  const base = { ...process.env, NO_COLOR: '1' } as Record<string, string | undefined>;
  for (const k of ['ORCHENT_URL', 'ORCHENT_TOKEN', 'ORCHENT_AGENT_ACCOUNT', 'ORCHENT_CAFILE']) delete base[k];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...base, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    onStderr?.(stderr, child);
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'clusterc-orch-'));
}

function inputsFile(values: Record<string, unknown>): string {
  const f = join(tmp(), 'inputs.json');
  writeFileSync(f, JSON.stringify(values));
  return f;
}

/** Error codes in human output. */
function codes(stderr: string): string[] {
  return [...stderr.matchAll(/^error\[(CS\d{4})\]/gm)].map((m) => m[1]!);
}

describe('deployment commands against the fake orchestrator', function () {
  this.timeout(60_000);
  let fake: FakeOrchestrator;
  let env: Record<string, string>;
  const runs: Run[] = [];

  async function start(opts: Partial<FakeOptions> = {}): Promise<void> {
    await fake?.close();
    fake = await startFakeOrchestrator({ token: TOKEN, groups: ['cms'], ...opts });
    env = { ORCHENT_URL: fake.url, ORCHENT_TOKEN: TOKEN };
  }
  async function cli(args: string[], e: Record<string, string | undefined> = env, onStderr?: Parameters<typeof clusterc>[2]): Promise<Run> {
    const r = await clusterc(args, e, onStderr);
    runs.push(r);
    return r;
  }
  const fast = ['--poll-interval', '0.02s'];

  beforeEach(() => start());
  afterEach(() => fake.close());
  after(function () {
    // The token reaches the fake in the Authorization header and nowhere else.
    for (const r of runs) {
      expect(r.stdout + r.stderr).to.not.include(TOKEN);
      expect(r.stdout + r.stderr).to.not.include('fake-access-token');
    }
    expect(runs.length).to.be.greaterThan(20);
  });

  it('submit sends the TOSCA with the inputs file and --parameter values, prints the uuid, and --wait reaches CREATE_COMPLETE', async function () {
    const r = await cli(['submit', SPEC, '--inputs', inputsFile({ ...FILLED, marathon_password: null }), '-p', 'marathon_password=from-cli', '--group', 'cms', '--wait', ...fast]);
    expect(r.status, r.stderr).to.equal(0);
    const id = r.stdout.trim();
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    const d = fake.deployments.get(id)!;
    expect(d.status).to.equal('CREATE_COMPLETE');
    expect(d.template).to.equal(readFileSync(join(ROOT, 'out/mesos-minimal.tosca.yaml'), 'utf8'));
    expect(d.parameters).to.deep.equal({ ...FILLED, marathon_password: 'from-cli' });
    expect(d.userGroup).to.equal('cms');
    const post = fake.requests.find((q) => q.method === 'POST')!;
    expect(post.headers.authorization).to.equal(`Bearer ${TOKEN}`);
    expect(post.headers['content-type']).to.equal('application/json');
    expect(Object.keys(JSON.parse(post.body)).sort()).to.deep.equal(['parameters', 'template', 'userGroup']);
    expect(r.stderr).to.match(/CREATE_IN_PROGRESS \(deployer\)/);
    expect(r.stderr).to.match(new RegExp(`${id}: CREATE_COMPLETE`));
    // The secrets went to the orchestrator only.
    expect(r.stderr + r.stdout).to.not.include('m-secret');
  });

  it('status, outputs and logs print what the orchestrator says', async function () {
    const s = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED), '--wait', ...fast]);
    const id = s.stdout.trim();
    const st = await cli(['status', id]);
    expect(st.status, st.stderr).to.equal(0);
    expect(st.stdout).to.equal('CREATE_COMPLETE\n');
    const js = await cli(['status', id, '--format', 'json']);
    expect(JSON.parse(js.stdout)).to.deep.include({ uuid: id, status: 'CREATE_COMPLETE', statusReason: '' });
    expect(JSON.parse(js.stdout).creationTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d\+0000$/);
    const out = await cli(['outputs', id, '--format', 'json']);
    expect(out.status, out.stderr).to.equal(0);
    expect(Object.keys(JSON.parse(out.stdout)).sort()).to.include.members(['marathon_endpoint', 'mesos_endpoint']);
    const human = await cli(['outputs', id]);
    expect(human.stdout).to.match(/^mesos_endpoint +https:\/\/192\.0\.2\.10\/mesos_endpoint$/m);
    const log = await cli(['logs', id]);
    expect(log.status).to.equal(0);
    expect(log.stdout).to.include(`deployment ${id}: CREATE_COMPLETE`);
  });

  it('delete --wait waits until the record is gone (DELETE_IN_PROGRESS, then 404); a second delete is 404', async function () {
    await start({ deletePolls: 2 });
    const id = (await cli(['submit', SPEC, '--inputs', inputsFile(FILLED), '--wait', ...fast])).stdout.trim();
    const r = await cli(['delete', id, '--wait', ...fast]);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stderr).to.include(`${id}: DELETE_IN_PROGRESS`);
    expect(r.stderr).to.include(`deployment ${id} is deleted`);
    expect(fake.deployments.has(id)).to.equal(false);
    const again = await cli(['delete', id]);
    expect(again.status).to.equal(1);
    expect(codes(again.stderr)).to.deep.equal(['CS4104']);
    const st = await cli(['status', id]);
    expect(codes(st.stderr)).to.deep.equal(['CS4104']);
  });

  it('deleting a deployment that is already being deleted is a 409 conflict (CS4105)', async function () {
    const id = (await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)])).stdout.trim();
    expect((await cli(['delete', id])).status).to.equal(0);
    const r = await cli(['delete', id]);
    expect(r.status).to.equal(1);
    expect(codes(r.stderr)).to.deep.equal(['CS4105']);
    expect(r.stderr).to.include('Deployment already in DELETE_IN_PROGRESS state.');
  });

  it('a failed deployment is CS4201 with the status reason, exit 1', async function () {
    await start({ failWith: 'Error creating the infrastructure: quota exceeded' });
    const r = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED), '--wait', ...fast]);
    expect(r.status).to.equal(1);
    expect(codes(r.stderr)).to.deep.equal(['CS4201']);
    expect(r.stderr).to.include('CREATE_FAILED: Error creating the infrastructure: quota exceeded');
    const st = await cli(['status', r.stdout.trim()]);
    expect(st.stdout).to.equal('CREATE_FAILED\nError creating the infrastructure: quota exceeded\n');
  });

  it('inputs are checked before anything is sent: missing (CS4011), unknown (CS4012), wrong type (CS4013), bad file (CS4010)', async function () {
    const missing = await cli(['submit', SPEC, '-p', 'mesos_password=x']);
    expect(missing.status).to.equal(1);
    expect(codes(missing.stderr)).to.deep.equal(['CS4011']);
    expect(missing.stderr).to.include('`marathon_password`, `chronos_password`');
    const unknown = await cli(['submit', SPEC, '--inputs', inputsFile({ ...FILLED, slave_num: 3 }), '-p', 'nope=1']);
    expect(codes(unknown.stderr)).to.deep.equal(['CS4012', 'CS4012']);
    const typed = await cli(['submit', SPEC, '--inputs', inputsFile({ ...FILLED, mesos_password: 42 })]);
    expect(codes(typed.stderr)).to.deep.equal(['CS4013', 'CS4011']);
    const f = join(tmp(), 'broken.json');
    writeFileSync(f, '{"mesos_password": ');
    const bad = await cli(['submit', SPEC, '--inputs', f]);
    expect(codes(bad.stderr)).to.deep.equal(['CS4010']);
    expect(fake.requests).to.deep.equal([]);
  });

  it('--parameter values are converted to the input type and checked', async function () {
    const spec = join(tmp(), 'typed.cluster');
    writeFileSync(spec, 'cluster "typed" {\n  cloud { image = "ubuntu" }\n  masters 1 { flavor = "m"  cpus = input(2) }\n  agents input(3) { flavor = "m" }\n}\n');
    const ok = await cli(['submit', spec, '--inputs', inputsFile(FILLED), '-p', 'agents_count=5', '-p', 'masters_cpus=4']);
    expect(ok.status, ok.stderr).to.equal(0);
    expect(fake.deployments.get(ok.stdout.trim())!.parameters).to.deep.include({ agents_count: 5, masters_cpus: 4 });
    const bad = await cli(['submit', spec, '--inputs', inputsFile(FILLED), '-p', 'agents_count=many']);
    expect(codes(bad.stderr)).to.deep.equal(['CS4013']);
  });

  it('a 400 answer is CS4101; a token the server echoes back is shown redacted', async function () {
    fake.faults.push({ match: 'POST /deployments', kind: 'echo-token' });
    const r = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)]);
    expect(r.status).to.equal(1);
    expect(codes(r.stderr)).to.deep.equal(['CS4101']);
    // The fake echoed the Authorization header in its message: clusterc shows it redacted.
    expect(r.stderr).to.include('cannot use header Bearer <token>');
  });

  it('a group outside the token is 403 (CS4103); a bad token is 401 (CS4102)', async function () {
    const g = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED), '--group', 'atlas']);
    expect(g.status).to.equal(1);
    expect(codes(g.stderr)).to.deep.equal(['CS4103']);
    expect(g.stderr).to.include('group atlas');
    const t = await cli(['status', 'x'], { ...env, ORCHENT_TOKEN: 'expired' });
    expect(codes(t.stderr)).to.deep.equal(['CS4102']);
    expect(t.stderr).to.include('invalid_token: Invalid access token');
  });

  it('server errors (500), answers that never come, dropped connections and non-JSON answers are diagnostics, never stack traces', async function () {
    const id = (await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)])).stdout.trim();
    const cases: [string, 'error500' | 'hang' | 'drop' | 'garbage', string, string[]][] = [
      ['server error', 'error500', 'CS4106', []],
      ['timeout', 'hang', 'CS4108', ['--request-timeout', '0.3s']],
      ['dropped connection', 'drop', 'CS4107', []],
      ['not json', 'garbage', 'CS4109', []],
    ];
    for (const [what, kind, code, extra] of cases) {
      fake.faults.push({ match: 'GET /deployments/', kind });
      const r = await cli(['status', id, ...extra]);
      expect(r.status, what).to.equal(1);
      expect(codes(r.stderr), what).to.deep.equal([code]);
      expect(r.stderr, what).to.not.match(/\n\s+at /);
      expect(r.stdout, what).to.equal('');
    }
    const down = await cli(['status', id], { ...env, ORCHENT_URL: 'http://127.0.0.1:1/orchestrator' });
    expect(codes(down.stderr)).to.deep.equal(['CS4107']);
    expect(down.stderr).to.include('connection refused');
    fake.faults.push({ match: 'POST /deployments', kind: 'drop' });
    const sub = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)]);
    expect(codes(sub.stderr)).to.deep.equal(['CS4107']);
    expect(sub.stdout).to.equal('');
  });

  it('--wait rides out a dropped poll and a 500, and gives up after --wait-timeout (CS4202) without touching the deployment', async function () {
    const id = (await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)])).stdout.trim();
    fake.faults.push({ match: 'GET /deployments/', kind: 'drop' }, { match: 'GET /deployments/', kind: 'error500' });
    const ok = await cli(['status', id]);
    expect(codes(ok.stderr)).to.deep.equal(['CS4107']);
    // (the first fault was used by that status; the 500 is met by the wait, which retries)
    const w = await clusterc(['delete', id, '--wait', ...fast], env);
    runs.push(w);
    expect(w.status, w.stderr).to.equal(0);
    await start({ neverFinish: true });
    const slow = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED), '--wait', '--wait-timeout', '0.3s', ...fast]);
    expect(slow.status).to.equal(1);
    expect(codes(slow.stderr)).to.deep.equal(['CS4202']);
    expect(slow.stderr).to.include('is still CREATE_IN_PROGRESS after 0.3s');
    expect(fake.requests.filter((q) => q.method === 'DELETE')).to.deep.equal([]);
  });

  it('Ctrl-C stops --wait, exits 130 and leaves the deployment alone', async function () {
    await start({ neverFinish: true });
    let sent = false;
    const r = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED), '--wait', ...fast], env, (all, child) => {
      if (!sent && /: CREATE_IN_PROGRESS/.test(all)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(sent).to.equal(true);
    expect(r.status, r.stderr).to.equal(130);
    expect(r.stderr).to.match(/stopped waiting; deployment [0-9a-f-]+ is left as it is/);
    const id = r.stdout.trim();
    expect(fake.deployments.get(id)!.status).to.equal('CREATE_IN_PROGRESS');
    expect(fake.requests.filter((q) => q.method === 'DELETE')).to.deep.equal([]);
  });

  it('no url is CS4001, no token CS4002; the token comes from oidc-agent when ORCHENT_AGENT_ACCOUNT is set', async function () {
    expect(codes((await cli(['status', 'x'], { ORCHENT_TOKEN: TOKEN })).stderr)).to.deep.equal(['CS4001']);
    expect(codes((await cli(['status', 'x'], { ORCHENT_URL: fake.url })).stderr)).to.deep.equal(['CS4002']);
    const spaced = await cli(['status', 'x'], { ORCHENT_URL: fake.url, ORCHENT_TOKEN: 'two words' });
    expect(codes(spaced.stderr)).to.deep.equal(['CS4002']);
    expect(spaced.stderr).to.not.include('two words');
    const bin = tmp();
    writeFileSync(join(bin, 'oidc-token'), `#!/bin/sh\n[ "$1" = "infn" ] && echo '${TOKEN}' && exit 0\necho "Error: account not loaded" >&2\nexit 1\n`);
    chmodSync(join(bin, 'oidc-token'), 0o755);
    const path = `${bin}:${process.env['PATH'] ?? ''}`;
    const id = (await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)])).stdout.trim();
    const ok = await cli(['status', id], { ORCHENT_URL: fake.url, ORCHENT_AGENT_ACCOUNT: 'infn', PATH: path });
    expect(ok.status, ok.stderr).to.equal(0);
    expect(ok.stdout).to.equal('CREATE_IN_PROGRESS\n');
    const bad = await cli(['status', id], { ORCHENT_URL: fake.url, ORCHENT_AGENT_ACCOUNT: 'other', PATH: path });
    expect(codes(bad.stderr)).to.deep.equal(['CS4003']);
    expect(bad.stderr).to.include('Error: account not loaded');
    const none = await cli(['status', id], { ORCHENT_URL: fake.url, ORCHENT_AGENT_ACCOUNT: 'infn', PATH: '/nonexistent' });
    expect(codes(none.stderr)).to.deep.equal(['CS4003']);
  });

  it('ORCHENT_CAFILE: a private CA is trusted when given, refused otherwise; an unreadable file is CS4004', async function () {
    const dir = tmp();
    const gen = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (gen.status !== 0) skipOrFail(this, `openssl cannot make a test certificate: ${gen.stderr ?? gen.error}`);
    await start({ tls: { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') } });
    const ok = await cli(['submit', SPEC, '--inputs', inputsFile(FILLED)], { ...env, ORCHENT_CAFILE: join(dir, 'cert.pem') });
    expect(ok.status, ok.stderr).to.equal(0);
    const untrusted = await cli(['status', ok.stdout.trim()]);
    expect(codes(untrusted.stderr)).to.deep.equal(['CS4107']);
    expect(untrusted.stderr).to.include('ORCHENT_CAFILE');
    const missing = await cli(['status', 'x'], { ...env, ORCHENT_CAFILE: join(dir, 'nope.pem') });
    expect(codes(missing.stderr)).to.deep.equal(['CS4004']);
  });

  it('a spec with several clusters needs --cluster (CS4014); a bad duration is a usage error', async function () {
    const spec = join(tmp(), 'two.cluster');
    writeFileSync(spec, 'cluster "a" { cloud { image = "u" } masters 1 { flavor = "m" } agents 1 { flavor = "m" } }\ncluster "b" { cloud { image = "u" } masters 1 { flavor = "m" } agents 1 { flavor = "m" } }\n');
    const r = await cli(['submit', spec, '--inputs', inputsFile(FILLED)]);
    expect(codes(r.stderr)).to.deep.equal(['CS4014']);
    const b = await cli(['submit', spec, '--cluster', 'b', '--inputs', inputsFile(FILLED)]);
    expect(b.status, b.stderr).to.equal(0);
    const d = await cli(['status', 'x', '--request-timeout', 'soon']);
    expect(d.status).to.equal(2);
    expect(d.stderr).to.include('--request-timeout expects a duration');
  });
});
