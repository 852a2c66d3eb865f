// test/deploy (issue 10): the generated HOT bootstrap of every server of every example and of every
// spec case in test/deploy/cases, in both HOT modes, with the real indigo-dc roles at the pinned
// commits, each server in its own bubblewrap sandbox that looks like an Ubuntu 22.04 server (see
// README.md). It passes when every server's play completes and the rendered files and recorded
// calls say what the spec says (expect.ts). The roles cannot be downloaded here, so the suite runs
// where CLUSTERC_ROLES_DIR names a directory of role checkouts, and otherwise skips (also in CI).
// Environment: CLUSTERC_DEPLOY_ONLY (a regex on "<file> <mode>") picks cases; CLUSTERC_DEPLOY_JOBS
// (default 1) runs that many servers of a stack at once; CLUSTERC_DEPLOY_LOGS keeps every
// server's log and recorded calls in that directory.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { compile } from '../../src/compile.js';
import { ROOT } from '../support/golden.js';
import { skipOrFail } from '../support/shared.js';
import { bootServer, type Mode } from './boot.js';
import { checkServer } from './expect.js';
import { prepareStubs, runServer, sandboxUnavailable, type ServerResult } from './sandbox.js';
import { PWNED_FILES, hostileParams, readStack, type ServerBoot } from './template.js';

const ROLES_DIR = process.env['CLUSTERC_ROLES_DIR'];
const ONLY = process.env['CLUSTERC_DEPLOY_ONLY'] === undefined ? undefined : new RegExp(process.env['CLUSTERC_DEPLOY_ONLY']);
const JOBS = Math.max(1, Number(process.env['CLUSTERC_DEPLOY_JOBS'] ?? '1') || 1);
const MODES: readonly Mode[] = ['cloud-init', 'software-config'];

/** The spec files: every example, every case. */
function specFiles(): string[] {
  const list = (dir: string): string[] => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.cluster')).sort().map((f) => `${dir}/${f}`);
  return [...list('examples'), ...list('test/deploy/cases')];
}

/** Runs `f` over `items`, at most `jobs` at a time, keeping the order of the results. */
async function pool<T, R>(items: readonly T[], jobs: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return out;
}

/** The last lines of a failed play that say why (Ansible `fatal:` lines, the bootstrap's own). */
function whyFailed(r: ServerResult, mode: Mode): string {
  const log = (mode === 'cloud-init' ? r.read('/var/log/clusterc-bootstrap.log') : r.read('/var/log/heat-agent.log')) ?? r.output;
  const lines = log.split('\n').filter((l) => /^fatal:|^ERROR|^clusterc compat|FAILED!|^ERROR!|failed=[1-9]/.test(l));
  return (lines.length > 0 ? lines.slice(-3) : log.split('\n').slice(-5)).map((l) => l.slice(0, 600)).join('\n          ');
}

describe('test/deploy: every server boots with the real roles at the pinned commits', function () {
  // Bounded by work (one sandboxed play per server), not by a clock.
  this.timeout(0);
  let stubs = '';
  let logs: string | undefined;

  before(function () {
    if (ROLES_DIR === undefined || ROLES_DIR === '') {
      console.warn('      skipped: CLUSTERC_ROLES_DIR is not set. The deploy test needs checkouts of the indigo-dc roles at the commits of src/roles/catalog.ts (they cannot be downloaded in CI); test/deploy/README.md says how to get them, then run CLUSTERC_ROLES_DIR=/path/to/roles npx mocha dist/test/deploy/deploy.test.js');
      this.skip();
    }
    const why = sandboxUnavailable();
    if (why !== undefined) skipOrFail(this, why);
    stubs = mkdtempSync(join(tmpdir(), 'clusterc-stubs-'));
    prepareStubs(stubs);
    logs = process.env['CLUSTERC_DEPLOY_LOGS'];
    if (logs !== undefined) mkdirSync(logs, { recursive: true });
  });

  after(() => {
    if (stubs !== '') rmSync(stubs, { recursive: true, force: true });
  });

  it('a sandbox looks like Ubuntu 22.04 with the server\'s address, keeps writes and stubs ansible.builtin.apt', async () => {
    const facts = '/var/lib/clusterc-test/facts.json';
    const probe = `/etc/clusterc-probe-${process.pid}`;
    const r = await runServer({
      hostname: 'probe-master-0', address: '10.0.0.42', prefix: 24, gateway: '10.0.0.1', files: {},
      command: ['/bin/bash', '-ec', [
        'mkdir -p /var/lib/clusterc-test',
        `ansible -i localhost, -c local localhost -m setup -a 'filter=ansible_distribution*,ansible_default_ipv4,ansible_hostname' --tree /tmp/facts >/dev/null`,
        `cp /tmp/facts/localhost ${facts}`,
        `ansible -i localhost, -c local localhost -m ansible.builtin.apt -a 'name=docker-ce state=present' >/dev/null`,
        `echo written > ${probe}`,
        // The positive control of the hostile case: a payload that does run leaves its file.
        `ansible -i localhost, -c local localhost -m debug -a "msg={{ lookup('pipe','touch ${PWNED_FILES[0]}') }}" >/dev/null`,
      ].join('\n')],
    }, stubs, resolve(ROLES_DIR!));
    try {
      expect(r.status, r.output).to.equal(0);
      const f = (JSON.parse(r.read(facts)!) as { ansible_facts: Record<string, unknown> }).ansible_facts;
      expect([f['ansible_distribution'], f['ansible_distribution_version'], f['ansible_distribution_release']]).to.deep.equal(['Ubuntu', '22.04', 'jammy']);
      expect((f['ansible_default_ipv4'] as Record<string, unknown>)['address']).to.equal('10.0.0.42');
      expect(f['ansible_hostname']).to.equal('probe-master-0');
      expect(r.records.map((x) => [x['fqcn'], (x['args'] as Record<string, unknown>)['name']])).to.deep.equal([['ansible.builtin.apt', ['docker-ce']]]);
      expect(r.read(probe)).to.equal('written\n');
      expect(existsSync(probe), 'a write reached the real /etc').to.equal(false);
      expect(r.read(PWNED_FILES[0]!), 'a payload that runs is seen').to.equal('');
    } finally {
      r.dispose();
    }
  });

  for (const file of specFiles()) {
    for (const mode of MODES) {
      if (ONLY !== undefined && !ONLY.test(`${file} ${mode}`)) continue;
      it(`${file} (${mode}): every server completes and is configured as the spec says`, async () => {
        const res = compile(readFileSync(join(ROOT, file), 'utf8'), file, { targets: ['hot'], hot: { mode } });
        const errors = res.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.map((d) => `${d.code} ${d.message}`), 'the spec compiles').to.deep.equal([]);
        const failures: Record<string, string[]> = {};
        for (const out of res.files) {
          const m = res.models.find((x) => x.name === out.cluster)!;
          // The hostile case: every string parameter hostile too, and no payload may run anywhere.
          const hostile = /\/hostile[^/]*\.cluster$/.test(file);
          const stack = readStack(out.content, hostile ? hostileParams(out.content) : {});
          await pool(stack.servers, JOBS, async (server: ServerBoot) => {
            const r = await bootServer(server, mode, stubs, resolve(ROLES_DIR!));
            try {
              const failed = checkServer(m, stack, server, mode, r);
              if (hostile) for (const f of PWNED_FILES) if (r.read(f) !== undefined) failed.push(`a hostile payload ran: ${f} exists`);
              const label = `${out.cluster} ${server.resource} ${server.address}`;
              if (failed.length > 0) failures[label] = failed;
              const detail = r.status !== 0 ? [whyFailed(r, mode)] : failed;
              console.log(`        ${failed.length === 0 ? 'ok  ' : 'FAIL'} ${label}${detail.map((d) => `\n          ${d}`).join('')}`);
              if (logs !== undefined) {
                const base = join(logs, `${out.cluster}.${mode}.${server.resource.replace(/\W+/g, '_')}`);
                writeFileSync(`${base}.log`, [r.read('/var/log/clusterc-bootstrap.log') ?? '', r.read('/var/log/heat-agent.log') ?? '', r.output].join('\n'));
                writeFileSync(`${base}.records.jsonl`, r.records.map((x) => JSON.stringify(x)).join('\n') + '\n');
              }
            } finally {
              r.dispose();
            }
          });
        }
        expect(failures, 'servers whose play failed or whose configuration differs from the spec').to.deep.equal({});
      });
    }
  }
});
