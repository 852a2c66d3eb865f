// Issue 3 part 4: planCluster on models lowered from spec text (test/roles/fixtures.ts): role order per group
// (indigo-reference.md §4 host recipe), the variables and where their values come from, the ports,
// secrets kept as input references, and determinism.
import { expect } from 'chai';
import type { ClusterModel } from '../../src/model/model.js';
import { DOCKER_BRIDGE_IP_CIDR, planCluster, planGroup } from '../../src/roles/index.js';
import type { GroupPlan, PortRule, VarExpr } from '../../src/roles/index.js';
import { withoutOrigins } from '../support/spec.js';
import { cluster, fixed, input, literal, range } from './fixtures.js';

const MASTERS: VarExpr = { kind: 'groupAddresses', group: 'masters' };
const lit = (value: string | number | boolean | readonly string[]): VarExpr => ({ kind: 'literal', value });

const order = (p: GroupPlan): string[] => p.roles.map((r) => r.role.galaxy);
const varsOf = (p: GroupPlan, id: string): Readonly<Record<string, VarExpr>> => {
  const inv = p.roles.find((r) => r.role.id === id);
  if (inv === undefined) throw new Error(`${id} not in ${p.group.id}`);
  // What each variable is, not where the spec wrote it.
  return withoutOrigins(inv.vars);
};
const has = (p: GroupPlan, rule: Partial<PortRule>): boolean =>
  p.ports.some((r) => Object.entries(rule).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v));

/** Every VarExpr of a plan, nested ones included. */
function allExprs(plans: readonly GroupPlan[]): VarExpr[] {
  const out: VarExpr[] = [];
  const walk = (e: VarExpr): void => {
    out.push(e);
    if (e.kind === 'concat') e.parts.forEach(walk);
  };
  for (const p of plans) for (const r of p.roles) Object.values(r.vars).forEach(walk);
  return out;
}

const HA = (): ClusterModel =>
  cluster({
    masters: 3,
    loadBalancers: 2,
    vip: '10.0.0.100',
    rexray: { auth_url: literal('https://keystone:5000/v3'), username: input('rexray_username'), password: input('rexray_password') },
  });

describe('roles: planCluster', () => {
  describe('minimal cluster (1 master, 1 pool, no load balancer)', () => {
    const plans = planCluster(cluster());

    it('has one plan per group in hostGroups() order', () => {
      expect(plans.map((p) => p.group.id)).to.deep.equal(['masters', 'agents']);
    });

    it('runs consul(server) → zookeeper → mesos(master) → marathon → chronos on the masters', () => {
      expect(order(plans[0]!)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.zookeeper', 'indigo-dc.mesos', 'indigo-dc.marathon', 'indigo-dc.chronos']);
      expect(varsOf(plans[0]!, 'consul')).to.deep.equal({
        consul_mode: lit('server'),
        consul_servers: MASTERS,
        consul_dc: lit('dc1'),
        consul_domain: lit('consul'),
        docker_bridge_ip_cidr: lit(DOCKER_BRIDGE_IP_CIDR),
      });
      expect(varsOf(plans[0]!, 'zookeeper')).to.deep.equal({ zookeeper_host_list: MASTERS });
      expect(varsOf(plans[0]!, 'mesos')).to.deep.equal({
        mesos_install_mode: lit('master'),
        zookeeper_peers: MASTERS,
        mesos_masters_list: MASTERS,
        // a strict majority of the masters, as a string without blanks (the role renders it verbatim)
        mesos_quorum: lit('1'),
        mesos_cluster_name: lit('test-cluster'),
        mesos_authenticate_http: lit(true),
        mesos_username: { kind: 'param', param: literal('admin') },
        mesos_password: { kind: 'param', param: input('mesos_password') },
      });
      expect(varsOf(plans[0]!, 'marathon')).to.deep.equal({
        zookeeper_peers: MASTERS,
        marathon_username: { kind: 'param', param: literal('admin') },
        marathon_password: { kind: 'param', param: input('marathon_password') },
        marathon_enable_ssl: lit(true),
        marathon_key_password: { kind: 'generatedSecret', id: 'marathon_key_password' },
        marathon_pkcs_password: { kind: 'generatedSecret', id: 'marathon_pkcs_password' },
        marathon_jks_password: { kind: 'generatedSecret', id: 'marathon_jks_password' },
      });
      expect(varsOf(plans[0]!, 'chronos')).to.deep.equal({
        zookeeper_peers: MASTERS,
        chronos_username: { kind: 'param', param: literal('admin') },
        chronos_password: { kind: 'param', param: input('chronos_password') },
        chronos_enable_ssl: lit(true),
        chronos_key_password: { kind: 'generatedSecret', id: 'chronos_key_password' },
        chronos_pkcs_password: { kind: 'generatedSecret', id: 'chronos_pkcs_password' },
        chronos_jks_password: { kind: 'generatedSecret', id: 'chronos_jks_password' },
      });
    });

    it('runs consul(agent) → mesos(slave) on the agents, without RexRay', () => {
      expect(order(plans[1]!)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.mesos']);
      expect(varsOf(plans[1]!, 'consul')['consul_mode']).to.deep.equal(lit('agent'));
      expect(varsOf(plans[1]!, 'mesos')).to.deep.equal({ mesos_install_mode: lit('slave'), zookeeper_peers: MASTERS, mesos_masters_list: MASTERS });
    });

    it('opens the master UIs to the world on public masters and nothing to the world on private agents', () => {
      const [m, a] = [plans[0]!, plans[1]!];
      for (const port of [22, 5050, 8443, 4443]) expect(has(m, { protocol: 'tcp', from: port, to: port, source: 'world' }), `${port}`).to.equal(true);
      // Plain HTTP stays inside the cluster when SSL is on (upstream secgroup_mesos: 5050, 8443, 4443).
      expect(has(m, { from: 8080, source: 'world' })).to.equal(false);
      expect(has(m, { from: 4400, source: 'world' })).to.equal(false);
      expect(a.ports.filter((r) => r.source === 'world')).to.deep.equal([]);
      for (const port of [2181, 5050, 8080, 8443, 4400, 4443, 8300, 8400]) expect(has(m, { from: port, source: 'cluster' }), `${port}`).to.equal(true);
      // Consul's HTTP API is for each host's own processes only (the masters' holds Marathon's check credentials)
      for (const p of plans) expect(has(p, { from: 8500 }), `${p.group.id} 8500`).to.equal(false);
      expect(has(m, { protocol: 'tcp', from: 2888, source: 'group:masters' })).to.equal(true);
      expect(has(m, { protocol: 'tcp', from: 3888, source: 'group:masters' })).to.equal(true);
      expect(has(m, { protocol: 'udp', from: 8301, to: 8302, source: 'cluster' })).to.equal(true);
      expect(has(a, { protocol: 'tcp', from: 5051, to: 5051, source: 'cluster' })).to.equal(true);
      expect(has(a, { protocol: 'tcp', from: 31000, to: 32000, source: 'cluster' })).to.equal(true);
      expect(has(a, { from: 2181 })).to.equal(false);
    });
  });

  describe('HA cluster (3 masters, 2 load balancers + vip, RexRay)', () => {
    const plans = planCluster(HA());

    it('sets the Mesos quorum to a strict majority for every master count', () => {
      // the role default ceil(n/2) is 1 of 2 and 2 of 4, no majority (ansible-role-mesos defaults/main.yml:52-62)
      const quorum = (n: number): unknown => varsOf(planCluster(cluster({ masters: n }))[0]!, 'mesos')['mesos_quorum'];
      expect([1, 2, 3, 4, 5].map(quorum)).to.deep.equal(['1', '2', '2', '3', '3'].map(lit));
    });

    it('runs consul(agent) → marathon-lb → keepalived on the load balancers', () => {
      expect(plans.map((p) => p.group.id)).to.deep.equal(['masters', 'agents', 'load_balancers']);
      const lb = plans[2]!;
      expect(order(lb)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.marathon-lb', 'indigo-dc.keepalived']);
      expect(varsOf(lb, 'marathon-lb')).to.deep.equal({
        marathon_lb_auth_creds: {
          kind: 'shellQuoted',
          inner: { kind: 'concat', parts: [{ kind: 'param', param: literal('admin') }, lit(':'), { kind: 'param', param: input('marathon_password') }] },
        },
        marathon_lb_marathon_url: { kind: 'groupEndpoints', group: 'masters', prefix: 'http://', suffix: ':8080', separator: ' ' },
        marathon_lb_marathon_servers: MASTERS,
        marathon_lb_mesos_servers: MASTERS,
        marathon_lb_chronos_servers: MASTERS,
      });
      expect(varsOf(lb, 'keepalived')).to.deep.equal({
        keepalived_virtual_ip: lit('10.0.0.100'),
        load_balancers_list: { kind: 'groupAddresses', group: 'load_balancers' },
      });
    });

    it('opens VRRP between the load balancers only, and 80/443 to the world', () => {
      const lb = plans[2]!;
      expect(lb.ports.filter((r) => r.protocol === 'vrrp')).to.deep.equal([
        { protocol: 'vrrp', source: 'group:load_balancers', class: 'service', description: 'keepalived VRRP' },
      ]);
      for (const port of [80, 443]) expect(has(lb, { protocol: 'tcp', from: port, to: port, source: 'world' })).to.equal(true);
      expect(has(lb, { protocol: 'tcp', from: 9090, source: 'cluster' })).to.equal(true);
    });

    it('passes RexRay settings to the agents as mesos_rexray_os_*, only those given', () => {
      expect(varsOf(plans[1]!, 'mesos')).to.deep.equal({
        mesos_install_mode: lit('slave'),
        zookeeper_peers: MASTERS,
        mesos_masters_list: MASTERS,
        mesos_enable_dvdi_mod: lit(true),
        mesos_install_rexray: lit(true),
        mesos_rexray_os_authurl: { kind: 'param', param: literal('https://keystone:5000/v3') },
        mesos_rexray_os_username: { kind: 'param', param: input('rexray_username') },
        mesos_rexray_os_password: { kind: 'param', param: input('rexray_password') },
      });
      // RexRay is an agent concern: the masters' mesos gets none of it.
      expect(Object.keys(varsOf(plans[0]!, 'mesos')).filter((k) => /rexray|dvdi/.test(k))).to.deep.equal([]);
    });

    it('keeps every secret an input reference (no secret value can reach a template)', () => {
      const m = HA();
      const secrets = new Set(m.inputs.filter((i) => i.secret).map((i) => i.name));
      secrets.add('rexray_password');
      const params = allExprs(planCluster(m)).flatMap((e) => (e.kind === 'param' ? [e.param] : []));
      const refs = params.flatMap((p) => (p.kind === 'input' ? [p.input] : []));
      expect([...new Set(refs)].sort()).to.deep.equal(['chronos_password', 'marathon_password', 'mesos_password', 'rexray_password', 'rexray_username']);
      for (const name of secrets) expect(refs, name).to.include(name);
    });
  });

  describe('Marathon and Chronos disabled', () => {
    it('runs only consul → zookeeper → mesos on the masters, and no marathon-lb', () => {
      const plans = planCluster(cluster({ marathon: false, chronos: false, loadBalancers: 2, vip: '10.0.0.100' }));
      expect(order(plans[0]!)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.zookeeper', 'indigo-dc.mesos']);
      expect(order(plans[2]!)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.keepalived']);
      for (const port of [8080, 8443, 4400, 4443, 32768]) expect(has(plans[0]!, { from: port }), `${port}`).to.equal(false);
      expect(has(plans[2]!, { from: 80 })).to.equal(false);
    });

    it('turns the Chronos frontend of marathon-lb off when only Chronos is disabled', () => {
      const plans = planCluster(cluster({ chronos: false, loadBalancers: 2 }));
      expect(order(plans[0]!)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.zookeeper', 'indigo-dc.mesos', 'indigo-dc.marathon']);
      // No vip: no keepalived.
      expect(order(plans[2]!)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.marathon-lb']);
      const vars = varsOf(plans[2]!, 'marathon-lb');
      expect(vars['marathon_lb_enable_chronos_lb']).to.deep.equal(lit(false));
      // tasks/main.yml:4-8 reads the list whatever is enabled: an empty one, never the inventory group
      expect(vars['marathon_lb_chronos_servers']).to.deep.equal(lit([]));
      expect(has(plans[2]!, { from: 4443 })).to.equal(false);
    });

    it('omits the Mesos credentials without HTTP authentication and opens plain HTTP UIs without SSL', () => {
      const plans = planCluster(cluster({ authenticateHttp: false, ssl: false }));
      const mesos = varsOf(plans[0]!, 'mesos');
      expect(mesos['mesos_authenticate_http']).to.deep.equal(lit(false));
      expect(mesos).to.not.have.property('mesos_password');
      expect(mesos).to.not.have.property('mesos_username');
      expect(varsOf(plans[0]!, 'marathon')['marathon_enable_ssl']).to.deep.equal(lit(false));
      expect(has(plans[0]!, { from: 8080, source: 'world' })).to.equal(true);
      expect(has(plans[0]!, { from: 8443 })).to.equal(false);
      expect(has(plans[0]!, { from: 4400, source: 'world' })).to.equal(true);
    });
  });

  describe('elastic pools', () => {
    it('plans every pool, fixed or elastic, with the agent recipe, in declaration order', () => {
      const plans = planCluster(cluster({ pools: [{ size: fixed(2) }, { label: 'gpu', size: range(0, 5) }, { label: 'big', size: range(1, 3) }] }));
      expect(plans.map((p) => p.group.id)).to.deep.equal(['masters', 'agents', 'agents_gpu', 'agents_big']);
      for (const p of plans.slice(1)) {
        expect(order(p)).to.deep.equal(['indigo-dc.consul', 'indigo-dc.mesos']);
        expect(p.roles).to.deep.equal(plans[1]!.roles);
        expect(p.ports).to.deep.equal(plans[1]!.ports);
      }
    });
  });

  describe('calico', () => {
    it('runs last on every group with the etcd endpoints and opens BGP inside the cluster', () => {
      const plans = planCluster(cluster({ loadBalancers: 2, vip: '10.0.0.100', calico: ['10.0.0.5:2379', 'etcd.example:4001'] }));
      for (const p of plans) {
        expect(order(p).at(-1), p.group.id).to.equal('indigo-dc.calico');
        expect(has(p, { protocol: 'tcp', from: 179, to: 179, source: 'cluster' })).to.equal(true);
      }
      expect(varsOf(plans[0]!, 'calico')).to.deep.equal({
        etcd_peers: { kind: 'literal', value: ['10.0.0.5', 'etcd.example'] },
        etcd_client_port: lit(2379),
        etcd_peer_url_scheme: lit('http'),
        etcd_endpoints: lit('http://10.0.0.5:2379,http://etcd.example:4001'),
        docker_cluster_store: lit('etcd://10.0.0.5:2379,etcd.example:4001'),
      });
    });
  });

  describe('invariants', () => {
    const models = [cluster(), HA(), cluster({ mastersPublic: false, lbPublic: false, loadBalancers: 2, vip: '10.0.0.9' })];

    it('is deterministic: the same model gives the same plan, down to key order', () => {
      for (const m of models) expect(JSON.stringify(planCluster(m))).to.equal(JSON.stringify(planCluster(m)));
    });

    it('lists ports sorted and without duplicates', () => {
      for (const m of models)
        for (const p of planCluster(m)) {
          const keys = p.ports.map((r) => `${r.protocol}|${r.from ?? ''}|${r.to ?? ''}|${r.source}`);
          expect(new Set(keys).size, p.group.id).to.equal(keys.length);
          const protocols = ['tcp', 'udp', 'icmp', 'vrrp'];
          // The cluster-only SSH rule of a group nobody else reaches on 22 closes the list (roles/plan.ts withSsh).
          const last = p.ports.at(-1);
          const sorted = last?.class === 'ssh' && last.source === 'cluster' ? p.ports.length - 1 : p.ports.length;
          for (let i = 1; i < sorted; i++) {
            const [a, b] = [p.ports[i - 1]!, p.ports[i]!];
            const cmp = protocols.indexOf(a.protocol) - protocols.indexOf(b.protocol) || (a.from ?? 0) - (b.from ?? 0) || (a.to ?? 0) - (b.to ?? 0);
            expect(cmp <= 0, `${p.group.id}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`).to.equal(true);
          }
          for (const r of p.ports) if (r.from !== undefined) expect(r.to ?? -1).to.be.at.least(r.from);
        }
    });

    it('opens nothing to the world on groups that are not public', () => {
      for (const p of planCluster(models[2]!)) expect(p.ports.filter((r) => r.source === 'world'), p.group.id).to.deep.equal([]);
    });

    it('refuses a model that puts a role on a group kind the catalog does not allow', () => {
      const m = cluster();
      const bad: ClusterModel = { ...m, services: { ...m.services, zookeeper: { ...m.services.zookeeper, hosts: ['masters', 'agents'] } } };
      expect(() => planGroup(bad, bad.agentPools[0]!)).to.throw(/indigo-dc\.zookeeper.*agents/);
    });
  });
});
