// End to end through real Ansible (ansible-core from the distribution, skipped when absent): the
// generated playbook runs against stub roles named like the indigo-dc ones, which read every
// variable, copy it with set_fact, read the copy again, and dump both. A Jinja payload in any
// value must come out verbatim and never run (a `pipe` lookup would create a file). cloud-init
// mode: the script's own writer produces the vars file; software-config mode: the playbook runs
// exactly as heat-config-ansible runs it (`-i localhost, <id>_playbook.yaml --extra-vars
// @<id>_variables.json`). Only the vars file path is moved into a temp dir.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { softwareConfig } from '../../../../src/emit/hot/bootstrap/index.js';
import { mastersPlan, model, refs } from './fixtures.js';
import { hookVariables, resolvedUserData, runWriter, splitHeredocs, tmp } from './harness.js';
import { skipOrFail } from '../../../support/shared.js';

const HAVE_ANSIBLE = spawnSync('ansible-playbook', ['--version'], { encoding: 'utf8' }).status === 0;

/** The variables each stub role reads (the fixture plan's, plus the shared ones). */
const ROLE_VARS: Record<string, string[]> = {
  consul: ['consul_mode', 'consul_dc', 'consul_domain', 'consul_servers', 'consul_advertise', 'consul_tag'],
  zookeeper: ['zookeeper_host_list', 'shared_flag'],
  mesos: ['mesos_install_mode', 'mesos_username', 'mesos_password', 'mesos_masters_list', 'mesos_cluster_name', 'mesos_url', 'mesos_extra', 'shared_flag'],
  marathon: ['marathon_username', 'marathon_password', 'zookeeper_peers'],
};

/** Stub roles that read, copy (set_fact) and re-read every variable, then dump them as JSON. */
function writeStubRoles(dir: string, out: string): string {
  const roles = join(dir, 'roles');
  for (const [id, vars] of Object.entries(ROLE_VARS)) {
    const tasks = join(roles, `indigo-dc.${id}`, 'tasks');
    mkdirSync(tasks, { recursive: true });
    const copies = vars.map((v) => `      copy_${id}_${v}: "{{ ${v} }}"`).join('\n');
    const dump = vars.map((v) => `'${v}': ${v}, 'copy_${v}': copy_${id}_${v}`).join(', ');
    writeFileSync(join(tasks, 'main.yml'), [
      '- name: copy every variable',
      '  set_fact:',
      copies,
      '- name: dump the values and their copies',
      '  copy:',
      `    dest: ${out}/${id}.json`,
      `    content: "{{ {${dump}} | to_json }}"`,
      '',
    ].join('\n'));
  }
  return roles;
}

/** Runs ansible-playbook; returns the dumps by role. */
function runPlaybook(dir: string, playbook: string, extra: string[]): Record<string, Record<string, unknown>> {
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const roles = writeStubRoles(dir, out);
  const r = spawnSync('ansible-playbook', ['-i', 'localhost,', playbook, ...extra], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, ANSIBLE_ROLES_PATH: roles, ANSIBLE_BECOME_METHOD: 'su', ANSIBLE_NOCOLOR: '1', ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'), ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3' },
  });
  if (r.status !== 0) throw new Error(`ansible-playbook failed:\n${r.stdout}\n${r.stderr}`);
  return Object.fromEntries(Object.keys(ROLE_VARS).map((id) => [id, JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as Record<string, unknown>]));
}

/** Checks the dumps: every string value and its copy is exactly what the stack gave. */
function checkDumps(d: Record<string, Record<string, unknown>>, s: string, secret: string, pwned: string): void {
  expect(existsSync(pwned), 'a Jinja payload ran').to.equal(false);
  const addrs = ['10.0.0.1', s];
  const expected: Record<string, Record<string, unknown>> = {
    consul: { consul_mode: 'server', consul_dc: s, consul_domain: s, consul_servers: addrs, consul_tag: s },
    zookeeper: { zookeeper_host_list: addrs, shared_flag: s },
    mesos: { mesos_install_mode: 'master', mesos_username: s, mesos_password: secret, mesos_masters_list: addrs, mesos_cluster_name: `${s}${s}3`, mesos_extra: [s, 5, true], shared_flag: 'different' },
    marathon: { marathon_username: s, marathon_password: secret, zookeeper_peers: addrs },
  };
  for (const [id, vars] of Object.entries(expected)) {
    for (const [k, v] of Object.entries(vars)) {
      expect(d[id]![k], `${id}.${k}`).to.deep.equal(v);
      expect(d[id]![`copy_${k}`], `${id}.copy_${k}`).to.deep.equal(v);
    }
  }
  // the self address comes from facts; the concatenation with it keeps the data parts verbatim
  const self = d['consul']!['consul_advertise'] as string;
  expect(self).to.match(/^\d+\.\d+\.\d+\.\d+$/);
  expect(d['mesos']!['mesos_url']).to.equal(`http://${self}${s}`);
  expect(d['mesos']!['copy_mesos_url']).to.equal(`http://${self}${s}`);
}

describe('HOT bootstrap through real Ansible', function () {
  this.timeout(300000);
  before(function () {
    if (!HAVE_ANSIBLE) skipOrFail(this, 'ansible-playbook not installed (apt-get install ansible-core)');
  });

  const payloads = (dir: string): string[] => [
    `{{ lookup('pipe', 'touch ${dir}/pwned') }}`,
    `{% set x = lookup('pipe', 'touch ${dir}/pwned') %}x{{ x }}`,
    `it's "q" $(id) \`id\`\n- a: b # c {{ 1 + 1 }} {#`,
  ];

  it('cloud-init: values reach the roles verbatim, copies included, and no payload runs', () => {
    const dir = tmp();
    try {
      for (const s of payloads(dir)) {
        const secret = `S3CRET ${s}`;
        const files = splitHeredocs(resolvedUserData(s, secret)).files;
        const varsPath = join(dir, 'masters.vars.yml');
        writeFileSync(varsPath, runWriter(files.get('/var/lib/clusterc/write-vars.py')!, files.get('/var/lib/clusterc/values.json')!, 'wrapped'));
        const playbook = join(dir, 'playbook.yml');
        writeFileSync(playbook, files.get('/var/lib/clusterc/playbook.yml')!.split('/var/lib/clusterc/masters.vars.yml').join(varsPath));
        checkDumps(runPlaybook(dir, playbook, []), s, secret, join(dir, 'pwned'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('software-config: run as heat-config-ansible runs it, values reach the roles verbatim and no payload runs', () => {
    const dir = tmp();
    try {
      for (const s of payloads(dir)) {
        const secret = `S3CRET ${s}`;
        const id = '0f6a4f3e-0000-4000-8000-000000000001';
        const config = softwareConfig(mastersPlan(s), model(), refs).config;
        const playbook = join(dir, `${id}_playbook.yaml`);
        writeFileSync(playbook, config.split('/var/lib/clusterc/masters.vars.yml').join(join(dir, 'masters.vars.yml')));
        writeFileSync(join(dir, `${id}_variables.json`), hookVariables(s, secret));
        checkDumps(runPlaybook(dir, playbook, ['--extra-vars', `@${join(dir, `${id}_variables.json`)}`]), s, secret, join(dir, 'pwned'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
