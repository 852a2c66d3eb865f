// Security groups (OS::Neutron::SecurityGroup, Heat 19 neutron/security_group.py): one per host
// group, holding exactly the ingress rules of the group's PortRules, plus `cluster_secgroup`, a
// rule-less group every host joins so that "any host of the cluster" is one remote_group_id.
// Source mapping: cluster → remote_group_id cluster_secgroup; world → one remote_ip_prefix rule per
// CIDR the exposure policy gives the port's class (src/emit/access.ts: the spec's `access` lists,
// else nobody for SSH and the admin ports, anywhere for marathon-lb's 80/443) on world-facing
// groups only (on a private group it narrows to the cluster); group:<id> → remote_group_id of that
// group's security group (remote_mode remote_group_id without an id means the group itself,
// which avoids a self-reference); vrrp → IP protocol `vrrp` (112). SSH: nothing in the HOT
// bootstrap needs it, so it is open only when `access.ssh` names CIDRs: from them on public
// groups, from the cluster on private ones (reached through a public host).
import { isDeepStrictEqual as isEqual } from 'node:util';
import type { HostGroup } from '../../../model/model.js';
import { planGroup } from '../../../roles/index.js';
import type { GroupPlan, PortRule } from '../../../roles/types.js';
import type { YamlValue } from '../../yaml.js';
import { ANYWHERE, classSources, ruleSources, type OpenPort } from '../../access.js';
import { ref, type HotContext } from '../context.js';

/** Name of the security group every host of the cluster is a member of. */
export const CLUSTER_SECGROUP = 'cluster_secgroup';

/** Security group resource name of a host group. */
export function secgroupName(groupId: string): string {
  return `${groupId}_secgroup`;
}

/** True when world rules apply to the group: it is public, or it holds a public VIP. */
export function worldFacing(ctx: HotContext, g: HostGroup): boolean {
  const k = ctx.m.services.keepalived;
  return g.public || (g.kind === 'load_balancers' && k.enabled && k.public && k.vip !== undefined);
}

/** The Neutron rules of one PortRule: none for a world rule nobody outside may use. */
function rule(ctx: HotContext, g: HostGroup, r: PortRule): Record<string, YamlValue>[] {
  const ports = r.protocol === 'tcp' || r.protocol === 'udp'
    ? { port_range_min: r.from, port_range_max: r.to ?? r.from }
    : {};
  const base = { direction: 'ingress', ethertype: 'IPv4', protocol: r.protocol, ...ports };
  if (r.source === 'world' && worldFacing(ctx, g)) {
    return ruleSources(ctx.m, r, 'hot').map((cidr) => ({ ...base, remote_mode: 'remote_ip_prefix', remote_ip_prefix: cidr }));
  }
  if (r.source === 'cluster' || r.source === 'world') return [{ ...base, remote_mode: 'remote_group_id', remote_group_id: ref(CLUSTER_SECGROUP) }];
  const other = r.source.slice('group:'.length);
  if (other === g.id) return [{ ...base, remote_mode: 'remote_group_id' }];
  return [{ ...base, remote_mode: 'remote_group_id', remote_group_id: ref(secgroupName(other)) }];
}

/** The world rules of every group as the HOT output writes them (for the world-open note). */
export function openPorts(ctx: HotContext): OpenPort[] {
  return ctx.plans.flatMap((plan) => worldFacing(ctx, plan.group)
    ? portRules(ctx, plan).filter((r) => r.source === 'world').map((r) => ({ group: plan.group, rule: r, cidrs: ruleSources(ctx.m, r, 'hot') }))
    : []);
}

/**
 * The PortRules of a group. The catalog gives `world` rules to public groups only; private load
 * balancers behind a public VIP serve the world through the VIP's floating IP, so they get the
 * world rules of their public twin (SSH excepted: it stays within the cluster there).
 */
function portRules(ctx: HotContext, plan: GroupPlan): PortRule[] {
  const g = plan.group;
  if (g.public || !worldFacing(ctx, g)) return [...plan.ports];
  const twin = planGroup(ctx.m, { ...g, public: true }).ports;
  return [...plan.ports, ...twin.filter((r) => r.source === 'world' && !(r.protocol === 'tcp' && r.from === 22))];
}

function rules(ctx: HotContext, plan: GroupPlan): YamlValue[] {
  const g = plan.group;
  const list = portRules(ctx, plan);
  // SSH inside the cluster (through a public host) only when someone outside may use SSH at all.
  const ssh = classSources(ctx.m, 'ssh', 'hot').cidrs.length > 0;
  if (ssh && !list.some((r) => r.protocol === 'tcp' && r.from !== undefined && r.from <= 22 && (r.to ?? r.from) >= 22)) {
    list.push({ protocol: 'tcp', from: 22, to: 22, source: 'cluster', description: 'ssh' });
  }
  const out: Record<string, YamlValue>[] = [];
  for (const r of list) {
    for (const x of rule(ctx, g, r)) if (!out.some((y) => isEqual(y, x))) out.push(x);
  }
  // A rule open to the world already admits the cluster: drop the narrower duplicate.
  const ports = (x: Record<string, YamlValue>): string => `${x['protocol']}/${x['port_range_min']}/${x['port_range_max']}`;
  const open = new Set(out.filter((x) => x['remote_ip_prefix'] === ANYWHERE).map(ports));
  return out.filter((x) => x['remote_ip_prefix'] === ANYWHERE || !open.has(ports(x)));
}

/** The security group resources, keyed by resource name. */
export function buildSecurityGroups(ctx: HotContext): Record<string, YamlValue> {
  const out: Record<string, YamlValue> = {
    [CLUSTER_SECGROUP]: {
      type: 'OS::Neutron::SecurityGroup',
      properties: { name: `${ctx.m.name}-cluster`, description: `every host of cluster ${ctx.m.name} (no rules: a remote group for the others)`.slice(0, 255) },
    },
  };
  for (const plan of ctx.plans) {
    const g = plan.group;
    out[secgroupName(g.id)] = {
      type: 'OS::Neutron::SecurityGroup',
      properties: {
        name: `${ctx.m.name}-${g.id.replace(/_/g, '-')}`,
        // Neutron limits descriptions to 255 characters: the rules speak for themselves.
        description: `ports the roles of the ${g.id} of cluster ${ctx.m.name} need`.slice(0, 255),
        rules: rules(ctx, plan),
      },
    };
  }
  return out;
}

/** The security groups a host of group `g` is a member of. */
export function hostSecgroups(g: HostGroup): YamlValue[] {
  return [ref(secgroupName(g.id)), ref(CLUSTER_SECGROUP)];
}
