// Security groups (OS::Neutron::SecurityGroup, Heat 19 neutron/security_group.py): one per host
// group, holding exactly the ingress rules of the group's PortRules, plus `cluster_secgroup`, a
// rule-less group every host joins so that "any host of the cluster" is one remote_group_id.
// The plan decided where each port is reached from (roles/plan.ts); this writes it: world and vip →
// one remote_ip_prefix rule per CIDR the exposure policy gives the port's class (src/emit/access.ts:
// the spec's `access` lists, else nobody for SSH and the admin ports, anywhere for the application
// ports such as marathon-lb's 80/443; none when nobody outside may reach it); cluster →
// remote_group_id cluster_secgroup; group:<id> → remote_group_id of that group's security group
// (remote_mode remote_group_id without an id means the group itself, which avoids a
// self-reference); vrrp → IP protocol `vrrp` (112). SSH: nothing in the HOT bootstrap needs it, so
// the planner's SSH from the cluster (to private hosts, through a public one) is written only when
// `access.ssh` names CIDRs.
import type { HostGroup } from '../../../model/model.js';
import type { GroupPlan, PortRule } from '../../../roles/types.js';
import type { YamlValue } from '../../yaml.js';
import { ANYWHERE, classSources, isOutside, ruleSources, type OpenPort } from '../../access.js';
import { ref, type HotContext } from '../context.js';

/** Name of the security group every host of the cluster is a member of. */
export const CLUSTER_SECGROUP = 'cluster_secgroup';

/** Security group resource name of a host group. */
export function secgroupName(groupId: string): string {
  return `${groupId}_secgroup`;
}

/** The Neutron rules of one PortRule: none for an outside rule nobody outside may use. */
function rule(ctx: HotContext, g: HostGroup, r: PortRule): Record<string, YamlValue>[] {
  const ports = r.protocol === 'tcp' || r.protocol === 'udp'
    ? { port_range_min: r.from, port_range_max: r.to ?? r.from }
    : {};
  const base = { direction: 'ingress', ethertype: 'IPv4', protocol: r.protocol, ...ports };
  // `vip`: the VIP port carries this group's security group, so its floating IP reaches these rules.
  if (isOutside(r)) return ruleSources(ctx.m, r, 'hot').map((cidr) => ({ ...base, remote_mode: 'remote_ip_prefix', remote_ip_prefix: cidr }));
  if (r.source === 'cluster') {
    if (r.class === 'ssh' && classSources(ctx.m, 'ssh', 'hot').cidrs.length === 0) return [];
    return [{ ...base, remote_mode: 'remote_group_id', remote_group_id: ref(CLUSTER_SECGROUP) }];
  }
  const other = r.source.slice('group:'.length);
  if (other === g.id) return [{ ...base, remote_mode: 'remote_group_id' }];
  return [{ ...base, remote_mode: 'remote_group_id', remote_group_id: ref(secgroupName(other)) }];
}

/** The world rules of every group as the HOT output writes them (for the world-open note). */
export function openPorts(ctx: HotContext): OpenPort[] {
  return ctx.plans.flatMap((plan) => plan.ports.filter(isOutside).map((r) => ({ group: plan.group, rule: r, cidrs: ruleSources(ctx.m, r, 'hot') })));
}

function rules(ctx: HotContext, plan: GroupPlan): YamlValue[] {
  const out: Record<string, YamlValue>[] = [];
  // Duplicates by their JSON text: every rule of a kind is built with its keys in one order (rule()),
  // so equal rules have equal texts; a Set of texts instead of comparing each rule with all before.
  const seen = new Set<string>();
  for (const r of plan.ports) {
    for (const x of rule(ctx, plan.group, r)) {
      const key = JSON.stringify(x);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(x);
      }
    }
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
