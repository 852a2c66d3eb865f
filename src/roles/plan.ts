// The role plan of a cluster: for each host group, the catalog roles it runs (in play order), the
// variables each role gets (as target-neutral VarExpr that the emitters translate), and the firewall
// rules those roles need, with where each port may be reached from. Both emitters call planCluster,
// so TOSCA and HOT run the same recipe and open the same ports.
//
// Each service entry (src/services) says which roles it runs with which variables and which ports
// they listen on, for whom (PortNeed.audience); this module runs the entries on every group the
// service runs on (Services.*.hosts, the model's decision), orders the roles as the catalog does
// (the host recipe of ../shared/indigo-reference.md §4: consul → zookeeper → mesos → marathon →
// chronos on the masters, consul → mesos on the agents, consul → marathon-lb → keepalived on the load
// balancers, calico last), and decides reachability once (Reach): `users` ports face the world on a
// public group, the world through the VIP on a private group holding a public VIP, and are not opened
// otherwise; SSH faces the world on public groups and the cluster elsewhere.
// indigo-dc.docker is not invoked: every role pulls it in through meta/main.yml `dependencies`
// (reference §4), as the upstream HOT playbooks rely on; galaxyRequirements() installs it pinned.
import type { ClusterModel, HostGroup } from '../model/model.js';
import { hostGroups } from '../model/model.js';
import { SERVICES, serviceModel } from '../services/index.js';
import type { Audience, PlanContext } from '../services/types.js';
import { ROLES, ROLE_LIST } from './catalog.js';
import type { GroupPlan, PortRule, Reach, RoleEntry, RoleInvocation } from './types.js';

export { DOCKER_BRIDGE_IP_CIDR, majority } from '../services/index.js';

/**
 * Variables that must be visible play-wide, not only to the role that lists them: the indigo-dc.docker
 * meta dependency (and consul's meta/main.yml:21 `docker_dns`) read them while they run as a
 * dependency. Emitters put these in play vars / the vars file, never only as role parameters.
 */
export const PLAY_WIDE_VARS: readonly string[] = ['docker_bridge_ip_cidr'];

/** Builds the role plan of every host group of the cluster, in hostGroups() order. */
export function planCluster(m: ClusterModel): GroupPlan[] {
  return hostGroups(m).map((g) => planGroup(m, g));
}

/** Where a port for `audience` on group `g` may be reached from, or undefined when it is not opened. */
export function reachOf(g: HostGroup, audience: Audience): Reach | undefined {
  if (audience !== 'users') return audience;
  if (g.public) return 'world';
  return g.vip?.public === true ? 'vip' : undefined;
}

/** Builds the role plan of one host group. */
export function planGroup(m: ClusterModel, g: HostGroup): GroupPlan {
  const roles: RoleInvocation[] = [];
  const ports: PortRule[] = [];
  const cx: PlanContext = {
    m,
    group: g,
    on: (svc) => svc.enabled && svc.hosts.includes(g.id),
    invoke: (id, vars) => {
      const role = ROLES[id];
      // The model and the catalog must agree on where a role may run; a mismatch is a compiler bug.
      if (!role.groups.includes(g.kind)) throw new Error(`role \`${role.galaxy}\` cannot run on ${g.kind} (group \`${g.id}\`)`);
      roles.push({ role, vars });
    },
    addVars: (id, vars) => {
      const i = roles.findIndex((r) => r.role.id === id);
      const r = roles[i];
      if (r === undefined) throw new Error(`role \`${id}\` is not invoked on group \`${g.id}\``);
      roles[i] = { role: r.role, vars: { ...r.vars, ...vars } };
    },
    open: ({ audience, ...p }) => {
      const source = reachOf(g, audience);
      // SSH is the planner's own (below), never reached through a VIP.
      if (source !== undefined && !(source === 'vip' && p.class === 'ssh')) ports.push({ ...p, source });
    },
  };
  cx.open({ protocol: 'tcp', from: 22, to: 22, audience: 'users', class: 'ssh', description: 'SSH' });
  for (const e of SERVICES) {
    const svc = serviceModel(m.services, e);
    if (cx.on(svc)) e.plan?.(svc, cx);
  }
  const order = (r: RoleInvocation): number => ROLE_LIST.indexOf(r.role);
  return { group: g, roles: [...roles].sort((a, b) => order(a) - order(b)), ports: withSsh(normalisePorts(ports)) };
}

/** SSH from the cluster on a group that opens port 22 to nobody else (listed last). */
function withSsh(rules: PortRule[]): PortRule[] {
  if (rules.some((r) => r.protocol === 'tcp' && r.from !== undefined && r.from <= 22 && (r.to ?? r.from) >= 22)) return rules;
  return [...rules, { protocol: 'tcp', from: 22, to: 22, source: 'cluster', class: 'ssh', description: 'ssh' }];
}

const PROTOCOL_ORDER: readonly PortRule['protocol'][] = ['tcp', 'udp', 'icmp', 'vrrp'];

/** Deduplicates rules (same protocol, range and source; descriptions joined) and sorts them. */
function normalisePorts(rules: readonly PortRule[]): PortRule[] {
  const byKey = new Map<string, PortRule>();
  for (const r of rules) {
    const key = `${r.protocol}|${r.from ?? ''}|${r.to ?? ''}|${r.source}|${r.class}`;
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, r);
    else if (!prev.description.split('; ').includes(r.description)) byKey.set(key, { ...prev, description: `${prev.description}; ${r.description}` });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol) ||
      (a.from ?? 0) - (b.from ?? 0) ||
      (a.to ?? 0) - (b.to ?? 0) ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
      (a.class < b.class ? -1 : a.class > b.class ? 1 : 0),
  );
}

/** The distinct catalog roles a plan invokes, in catalog order (feed it to galaxyRequirements). */
export function rolesOfPlan(plans: readonly GroupPlan[]): RoleEntry[] {
  const used = new Set(plans.flatMap((p) => p.roles.map((r) => r.role.id)));
  return ROLE_LIST.filter((r) => used.has(r.id));
}
