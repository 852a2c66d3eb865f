// Unit tests of the documents a host runs: Galaxy requirements (plan order, pinned, git for
// commits), the playbook (localhost, local connection, docker bridge vars like upstream, roles in
// plan order, role params only Jinja references we generate), the software-config parts and the
// user_data shape the topology emitter wires.
import { expect } from 'chai';
import YAML from 'yaml';
import { cloudInitUserData, softwareConfig } from '../../../../src/emit/hot/bootstrap/index.js';
import { spawnSync } from 'node:child_process';
import { WRITER_PY, requirementsYaml } from '../../../../src/emit/hot/bootstrap/documents.js';
import { installLines } from '../../../../src/emit/hot/bootstrap/install.js';
import { ANSIBLE_CORE_VERSION, ANSIBLE_VENV, BOOTSTRAP_PACKAGES } from '../../../../src/roles/platform.js';
import { ROLES as CATALOG, type RoleEntry } from '../../../../src/roles/index.js';
import { SHELL_QUOTED_SUFFIX, layoutGroup, toHotValue } from '../../../../src/emit/hot/bootstrap/layout.js';
import { MASTERS, ROLES, SIGNAL, mastersPlan, model, refs } from './fixtures.js';
import { ANSIBLE_TAGS, PYTHON, bashSyntaxError, loadWithPyYaml, resolvedUserData, runWriter, splitHeredocs } from './harness.js';

interface Play {
  hosts: string;
  connection: string;
  become: boolean;
  vars: Record<string, string>;
  pre_tasks: Record<string, unknown>[];
  roles: ({ role: string } & Record<string, string>)[];
}

function parsePlaybook(text: string): Play {
  const docs = YAML.parse(text, { customTags: ANSIBLE_TAGS }) as Play[];
  expect(docs).to.have.length(1);
  return docs[0]!;
}

describe('HOT bootstrap documents', () => {
  describe('requirements', () => {
    it('lists the roles and their dependencies from the catalog, pinned to commits, fetched with git', () => {
      const files = splitHeredocs(resolvedUserData('x')).files;
      const req = YAML.parse(files.get('/var/lib/clusterc/requirements.yml')!) as unknown[];
      const pin = (r: RoleEntry): unknown => ({ src: r.src, scm: 'git', version: r.version, name: r.galaxy });
      expect(req).to.deep.equal([CATALOG.docker, ROLES.consul, ROLES.zookeeper, ROLES.mesos, ROLES.marathon].map(pin));
      for (const r of req as { version: string }[]) expect(r.version).to.match(/^[0-9a-f]{40}$/);
    });

    it('lists a role once when the plan runs it twice', () => {
      const plan = { group: MASTERS, roles: [{ role: ROLES.consul, vars: {} }, { role: ROLES.consul, vars: {} }], ports: [] };
      const req = YAML.parse(requirementsYaml(plan)) as { name: string }[];
      expect(req.map((r) => r.name)).to.deep.equal(['indigo-dc.docker', 'indigo-dc.consul']);
    });

    it('is the same in the software-config setup script', () => {
      const setup = softwareConfig(mastersPlan('x'), model(), refs).setupConfig;
      const cloud = splitHeredocs(resolvedUserData('x')).files.get('/var/lib/clusterc/requirements.yml');
      expect(splitHeredocs(setup).files.get('/var/lib/clusterc/requirements.yml')).to.equal(cloud);
    });
  });

  describe('playbook', () => {
    const cloud = (): Play => parsePlaybook(splitHeredocs(resolvedUserData('x')).files.get('/var/lib/clusterc/playbook.yml')!);
    const sc = (): Play => parsePlaybook(softwareConfig(mastersPlan('x'), model(), refs).config);

    it('runs locally on localhost with the docker bridge vars like upstream', () => {
      for (const p of [cloud(), sc()]) {
        expect(p.hosts).to.equal('localhost');
        expect(p.connection).to.equal('local');
        expect(p.become).to.equal(true);
        expect(p.vars).to.deep.equal({ docker_bridge_ip: '172.0.17.1', docker_bridge_ip_cidr: '172.0.17.1/24' });
      }
    });

    it('runs the roles in plan order', () => {
      for (const p of [cloud(), sc()]) {
        expect(p.roles.map((r) => r.role)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.zookeeper', 'indigo-dc.mesos', 'indigo-dc.marathon']);
      }
    });

    it('loads the vars file before the roles and sets the self address from facts', () => {
      for (const p of [cloud(), sc()]) {
        const load = p.pre_tasks.find((t) => 'include_vars' in t);
        expect(load).to.deep.include({ include_vars: { file: '/var/lib/clusterc/masters.vars.yml' } });
        const self = p.pre_tasks.find((t) => 'set_fact' in t);
        expect(self).to.deep.include({ set_fact: { clusterc_self_address: '{{ ansible_default_ipv4.address }}' } });
        expect(p.pre_tasks.indexOf(load!)).to.be.below(p.pre_tasks.indexOf(self!));
      }
    });

    it('gives role params only for clashes and the self address, as references', () => {
      const p = cloud();
      expect(p.roles[0]).to.deep.equal({ role: 'indigo-dc.consul', consul_advertise: '{{ clusterc_self_address }}' });
      expect(p.roles[1]).to.deep.equal({ role: 'indigo-dc.zookeeper', shared_flag: '{{ clusterc_r1_shared_flag }}' });
      expect(p.roles[2]).to.deep.equal({
        role: 'indigo-dc.mesos',
        mesos_url: "{{ [clusterc_r2_mesos_url_p0, clusterc_self_address, clusterc_r2_mesos_url_p2] | join('') }}",
        shared_flag: '{{ clusterc_r2_shared_flag }}',
      });
      expect(p.roles[3]).to.deep.equal({ role: 'indigo-dc.marathon' });
    });

    it('software-config converts the hook variables file first, with an !unsafe program', () => {
      const text = softwareConfig(mastersPlan('x'), model(), refs).config;
      const doc = YAML.parseDocument(text, { customTags: ANSIBLE_TAGS });
      const program = doc.getIn([0, 'pre_tasks', 0, 'command', 'argv', 2], true);
      expect(YAML.isScalar(program) && program.tag).to.equal('!unsafe');
      const argv = sc().pre_tasks[0]!['command'] as { argv: string[] };
      expect(argv.argv.slice(3)).to.deep.equal([
        '{{ playbook_dir }}/{{ heat_config_id }}_variables.json', '/var/lib/clusterc/masters.vars.yml', 'clusterc_in_', 'plain',
      ]);
    });
  });

  describe('software-config parts', () => {
    it('declares one input per data slot with a type, and a value for each', () => {
      const parts = softwareConfig(mastersPlan('x'), model(), refs);
      expect(parts.inputs.map((i) => i.name)).to.deep.equal(Object.keys(parts.inputValues));
      expect(parts.inputs.every((i) => i.name.startsWith('clusterc_in_'))).to.equal(true);
      expect(parts.inputs.find((i) => i.name === 'clusterc_in_consul_servers')).to.deep.equal({ name: 'clusterc_in_consul_servers', type: 'CommaDelimitedList' });
      expect(parts.inputValues['clusterc_in_consul_servers']).to.deep.equal(refs.groupAddresses('masters'));
      expect(parts.inputValues['clusterc_in_consul_mode']).to.equal('server');
      expect(bashSyntaxError(parts.setupConfig)).to.equal(undefined);
      expect(parts.setupConfig).to.match(/^#!\/bin\/bash\n/).and.include('set -Eeuo pipefail');
    });
  });

  describe('cloud-init user_data', () => {
    it('is a str_replace of a bash script whose params are the signal and the Heat values', () => {
      const ud = cloudInitUserData(mastersPlan('x'), model(), refs, SIGNAL) as { str_replace: { template: string; params: Record<string, unknown> } };
      expect(ud.str_replace.template).to.match(/^#!\/bin\/bash\n/).and.include('set -Eeuo pipefail');
      expect(ud.str_replace.params['@CLUSTERC_WC_NOTIFY@']).to.deep.equal(SIGNAL);
      // every other param is a one-element list, so Heat JSON-encodes it (ReplaceJson)
      for (const [k, v] of Object.entries(ud.str_replace.params)) {
        if (k !== '@CLUSTERC_WC_NOTIFY@') expect(v, k).to.be.an('array').with.length(1);
      }
    });

    it('installs the platform packages, ansible-core in a venv, the collections and roles, and runs the playbook locally', () => {
      const { code } = splitHeredocs(resolvedUserData('x'));
      expect(code).to.include(`install -y -q ${BOOTSTRAP_PACKAGES.join(' ')}`);
      expect(code).to.include(`python3 -m venv --system-site-packages ${ANSIBLE_VENV}`);
      expect(code).to.include(`${ANSIBLE_VENV}/bin/pip install -q 'ansible-core==${ANSIBLE_CORE_VERSION}'`);
      expect(code).to.include(`${ANSIBLE_VENV}/bin/ansible-galaxy collection install -p /usr/share/ansible/collections 'community.docker:`);
      expect(code).to.include(`${ANSIBLE_VENV}/bin/ansible-galaxy role install --force -p /etc/ansible/roles -r /var/lib/clusterc/requirements.yml`);
      expect(code).to.include(`${ANSIBLE_VENV}/bin/ansible-playbook -i localhost, /var/lib/clusterc/playbook.yml`);
      // the software-config setup installs the same, so heat-config-ansible finds the same ansible-playbook
      const setup = softwareConfig(mastersPlan('x'), model(), refs).setupConfig;
      for (const line of installLines('exit 1')) expect(setup).to.include(line);
      expect(setup).to.include(`ln -sf ${ANSIBLE_VENV}/bin/$clusterc_bin /usr/local/bin/$clusterc_bin`);
    });

    it('writes a shell-quoted slot under its variable name, quoted so that shlex gives the value back', () => {
      const tricky = `ad min:p'a"s s$(id)`;
      const vars = runWriter(WRITER_PY, JSON.stringify({ [`clusterc_in_creds${SHELL_QUOTED_SUFFIX}`]: [tricky] }), 'wrapped');
      const data = loadWithPyYaml(vars) as Record<string, { __unsafe__: string }>;
      expect(Object.keys(data)).to.deep.equal(['creds']);
      const r = spawnSync(PYTHON, ['-c', 'import shlex, sys; print(repr(shlex.split("--auth-credentials=" + sys.argv[1])))', data['creds']!.__unsafe__], { encoding: 'utf8' });
      expect(r.stdout.trim()).to.equal(`['--auth-credentials=${tricky.replace(/'/g, "\\'")}']`);
    });
  });

  describe('VarExpr to HOT', () => {
    const m = model();
    it('translates each kind', () => {
      expect(toHotValue({ kind: 'literal', value: 'a' }, m, refs)).to.equal('a');
      expect(toHotValue({ kind: 'literal', value: ['a', 1] }, m, refs)).to.deep.equal(['a', 1]);
      expect(toHotValue({ kind: 'param', param: { kind: 'literal', value: 5, origin: undefined } }, m, refs)).to.equal(5);
      expect(toHotValue({ kind: 'param', param: { kind: 'input', input: 'network', origin: undefined } }, m, refs)).to.deep.equal({ get_param: 'network' });
      expect(toHotValue({ kind: 'groupAddresses', group: 'masters' }, m, refs)).to.deep.equal(refs.groupAddresses('masters'));
      expect(() => toHotValue({ kind: 'selfAddress' }, m, refs)).to.throw();
    });

    it('joins a concatenation with list_join, numbers from parameters through str_replace', () => {
      expect(toHotValue({
        kind: 'concat',
        parts: [
          { kind: 'literal', value: 'zk://' },
          { kind: 'groupAddresses', group: 'masters' },
          { kind: 'literal', value: 2181 },
          { kind: 'param', param: { kind: 'input', input: 'agents_count', origin: undefined } },
        ],
      }, m, refs)).to.deep.equal({
        list_join: ['', ['zk://', { list_join: [',', refs.groupAddresses('masters')] }, '2181', { str_replace: { template: 'VALUE', params: { VALUE: { get_param: 'agents_count' } } } }]],
      });
    });

    it('shares a variable every role sets alike and splits one they set differently', () => {
      const layout = layoutGroup(mastersPlan('x'), m, refs);
      const keys = layout.slots.map((s) => s.key);
      expect(keys.filter((k) => k === 'zookeeper_peers')).to.have.length(1);
      expect(keys).to.include.members(['clusterc_r1_shared_flag', 'clusterc_r2_shared_flag']);
      expect(keys).to.not.include('shared_flag');
      expect(layout.needsSelfAddress).to.equal(true);
    });

    it('needs no self address when no role asks for it', () => {
      const plan = { group: MASTERS, roles: [{ role: ROLES.zookeeper, vars: {} }], ports: [] };
      expect(layoutGroup(plan, m, refs).needsSelfAddress).to.equal(false);
      const p = parsePlaybook(softwareConfig(plan, m, refs).config);
      expect(p.pre_tasks.some((t) => 'set_fact' in t)).to.equal(false);
    });
  });
});
