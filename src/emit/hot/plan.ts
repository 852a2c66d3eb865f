// The role plans of the HOT emitter: which roles run on each host group, with which variables and
// which firewall rules. The role catalog (src/roles/index.ts, `planCluster`) is the source of
// truth; until it lands this module holds a STAND-IN built from the host recipes of the upstream
// INDIGO templates (shared/indigo-reference.md §4 "Host recipe summary" and its ports summary),
// so the topology can be built and validated. Replace `standInPlan` by `planCluster` then.
import type { ClusterModel, HostGroup } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';
import type { GroupPlan, PortRule, RoleEntry, RoleInvocation, VarExpr } from '../../roles/types.js';

/** Builds the role plans of a cluster: one per host group, in hostGroups() order. */
export type Planner = (m: ClusterModel) => GroupPlan[];

function role(id: string, commit: string): RoleEntry {
  return {
    id,
    galaxy: `indigo-dc.${id}`,
    version: commit,
    src: `https://github.com/indigo-dc/ansible-role-${id}`,
    groups: ['masters', 'agents', 'load_balancers'],
  };
}

/** HEAD commits of the roles (indigo-reference.md §4). */
const R = {
  docker: role('docker', 'ca27259'),
  consul: role('consul', '00214b0'),
  zookeeper: role('zookeeper', '028856b'),
  mesos: role('mesos', 'c03f79e'),
  marathon: role('marathon', 'b4046a9'),
  chronos: role('chronos', '2e23323'),
  marathonLb: role('marathon-lb', '61beaae'),
  keepalived: role('keepalived', '627f55a'),
};

const lit = (value: string | number | boolean): VarExpr => ({ kind: 'literal', value });
const masters: VarExpr = { kind: 'groupAddresses', group: 'masters' };

function tcp(from: number, to: number, source: PortRule['source'], description: string): PortRule {
  return { protocol: 'tcp', from, to, source, description };
}

/** The stand-in planner (see the module header). */
export const standInPlan: Planner = (m) => hostGroups(m).map((g) => planGroup(m, g));

function planGroup(m: ClusterModel, g: HostGroup): GroupPlan {
  const s = m.services;
  const on = (svc: { enabled: boolean; hosts: readonly string[] }): boolean => svc.enabled && svc.hosts.includes(g.id);
  const roles: RoleInvocation[] = [];
  const ports: PortRule[] = [];
  const common = { docker_bridge_ip_cidr: lit('172.0.17.1/24') };
  if (on(s.consul)) {
    roles.push({
      role: R.consul,
      vars: { ...common, consul_mode: lit(g.kind === 'masters' ? 'server' : 'agent'), consul_servers: masters, consul_dc: lit(s.consul.datacenter), consul_domain: lit(s.consul.domain) },
    });
    ports.push(tcp(8300, 8302, 'cluster', 'consul'), { protocol: 'udp', from: 8301, to: 8302, source: 'cluster', description: 'consul serf' });
  }
  if (on(s.zookeeper)) {
    roles.push({ role: R.zookeeper, vars: { zookeeper_host_list: masters } });
    ports.push(tcp(2181, 2181, 'cluster', 'zookeeper client'), tcp(2888, 2888, 'group:masters', 'zookeeper peers'), tcp(3888, 3888, 'group:masters', 'zookeeper election'));
  }
  if (on(s.mesos)) {
    const master = g.kind === 'masters';
    roles.push({
      role: R.mesos,
      vars: {
        mesos_install_mode: lit(master ? 'master' : 'slave'),
        zookeeper_peers: masters,
        mesos_masters_list: masters,
        mesos_cluster_name: lit(s.mesos.clusterName),
        mesos_username: { kind: 'param', param: s.mesos.username },
        mesos_password: { kind: 'param', param: s.mesos.password },
      },
    });
    ports.push(master ? tcp(5050, 5050, 'world', 'mesos master API') : tcp(5051, 5051, 'cluster', 'mesos agent API'));
    if (master) ports.push(tcp(5050, 5050, 'cluster', 'mesos master API'));
    if (!master) ports.push(tcp(31000, 32000, 'cluster', 'mesos task ports'));
  }
  if (on(s.marathon)) {
    roles.push({ role: R.marathon, vars: { zookeeper_peers: masters, marathon_username: { kind: 'param', param: s.marathon.username }, marathon_password: { kind: 'param', param: s.marathon.password } } });
    const port = s.marathon.ssl ? 8443 : 8080;
    ports.push(tcp(port, port, 'world', 'marathon API'), tcp(8080, 8080, 'cluster', 'marathon http'));
  }
  if (on(s.chronos)) {
    roles.push({ role: R.chronos, vars: { zookeeper_peers: masters, chronos_username: { kind: 'param', param: s.chronos.username }, chronos_password: { kind: 'param', param: s.chronos.password } } });
    const port = s.chronos.ssl ? 4443 : 4400;
    ports.push(tcp(port, port, 'world', 'chronos API'), tcp(4400, 4400, 'cluster', 'chronos http'));
  }
  if (on(s.marathonLb)) {
    roles.push({
      role: R.marathonLb,
      vars: { marathon_lb_auth_creds: { kind: 'concat', parts: [{ kind: 'param', param: s.marathon.username }, lit(':'), { kind: 'param', param: s.marathon.password }] } },
    });
    ports.push(tcp(80, 80, 'world', 'marathon-lb http'), tcp(443, 443, 'world', 'marathon-lb https'), tcp(9090, 9090, 'world', 'marathon-lb stats'));
  }
  if (on(s.keepalived) && s.keepalived.vip) {
    roles.push({ role: R.keepalived, vars: { keepalived_virtual_ip: lit(s.keepalived.vip.address), load_balancers_list: { kind: 'groupAddresses', group: 'load_balancers' } } });
    ports.push({ protocol: 'vrrp', source: `group:${g.id}`, description: 'keepalived VRRP' });
  }
  ports.push(tcp(22, 22, 'world', 'ssh'));
  if (roles.length > 0) roles.unshift({ role: R.docker, vars: common });
  return { group: g, roles, ports };
}
