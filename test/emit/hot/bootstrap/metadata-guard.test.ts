// The agents' metadata guard (issue 16 item 7d): the rule the unit installs, applied by real
// iptables in a network namespace of its own (bubblewrap, CAP_NET_ADMIN there only), as systemd
// would run it: on a fresh host (no DOCKER-USER yet), again (idempotent), and after Docker made its
// chain (`-A DOCKER-USER -j RETURN`, the rule must come first). The playbook of agents installs it,
// the other groups' playbooks do not. test/deploy checks the unit is written and started on agents.
import { spawnSync } from 'node:child_process';
import { expect } from 'chai';
import YAML from 'yaml';
import { playbookYaml } from '../../../../src/emit/hot/bootstrap/documents.js';
import { layoutGroup } from '../../../../src/emit/hot/bootstrap/layout.js';
import { METADATA_GUARD_COMMAND, METADATA_GUARD_UNIT, METADATA_GUARD_UNIT_PATH } from '../../../../src/emit/hot/bootstrap/metadata-guard.js';
import { compile } from '../../../../src/compile.js';
import { planCluster } from '../../../../src/roles/index.js';
import { skipOrFail } from '../../../support/shared.js';
import { refs } from './fixtures.js';

/** Runs `script` in a fresh network namespace (root, CAP_NET_ADMIN there only). */
function inNetns(script: string): { status: number | null; out: string } {
  const r = spawnSync('bwrap', ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/run', '--unshare-net', '--cap-add', 'CAP_NET_ADMIN', '/bin/sh', '-c', script], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

/** `script`, then the DOCKER-USER chain as `iptables -S` prints it. */
function chainAfter(script: string): { status: number | null; out: string } {
  return inNetns(`${script}\niptables -w -S DOCKER-USER`);
}

describe('HOT bootstrap: the metadata guard of the agents', () => {
  it('is in the agents\' playbook only, as a unit written and started', () => {
    const r = compile('cluster "c" {\n  masters 1 { flavor = "f" }\n  agents 1 { flavor = "f" }\n  load_balancers 1 { flavor = "f" }\n}\n', 'c.cluster', { targets: [] });
    const m = r.models[0]!;
    for (const plan of planCluster(m)) {
      const play = (YAML.parse(playbookYaml(plan, layoutGroup(plan, m, refs), { convertHookVariables: false })) as Record<string, unknown>[])[0]!;
      if (plan.group.kind !== 'agents') {
        expect(play, plan.group.id).to.not.have.property('post_tasks');
        continue;
      }
      expect(play['post_tasks']).to.deep.equal([
        { name: 'keep containers away from the cloud metadata service (169.254.169.254)', copy: { dest: METADATA_GUARD_UNIT_PATH, content: METADATA_GUARD_UNIT, owner: 'root', group: 'root', mode: '0644' } },
        { name: 'apply the metadata guard now and at every boot', systemd: { name: 'clusterc-metadata-guard.service', enabled: true, state: 'started', daemon_reload: true } },
      ]);
    }
    // the unit runs exactly the command tested below
    expect(METADATA_GUARD_UNIT).to.include(`ExecStart=/bin/sh -c '${METADATA_GUARD_COMMAND}'`);
    expect(METADATA_GUARD_COMMAND).to.not.include("'");
  });

  describe('applied by real iptables', function () {
    before(function () {
      if (spawnSync('bwrap', ['--version']).status !== 0) skipOrFail(this, 'bubblewrap is not installed (apt-get install bubblewrap)');
      const probe = inNetns('iptables -w -S >/dev/null');
      if (probe.status !== 0) skipOrFail(this, `iptables cannot run in a network namespace here (apt-get install iptables): ${probe.out.trim()}`);
    });
    const RULE = '-A DOCKER-USER -d 169.254.169.254/32 -j REJECT --reject-with icmp-port-unreachable';

    it('before Docker: creates the chain with the one rule, and again leaves one rule', () => {
      const r = chainAfter(`${METADATA_GUARD_COMMAND}\n${METADATA_GUARD_COMMAND}`);
      expect(r.status, r.out).to.equal(0);
      expect(r.out.trim().split('\n')).to.deep.equal(['-N DOCKER-USER', RULE]);
    });

    it('after Docker made its chain: the rule comes before Docker\'s RETURN', () => {
      const r = chainAfter(`iptables -w -N DOCKER-USER\niptables -w -A DOCKER-USER -j RETURN\n${METADATA_GUARD_COMMAND}`);
      expect(r.status, r.out).to.equal(0);
      expect(r.out.trim().split('\n')).to.deep.equal(['-N DOCKER-USER', RULE, '-A DOCKER-USER -j RETURN']);
    });
  });
});
