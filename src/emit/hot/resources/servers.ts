// Masters and load balancers, unrolled: per host an OS::Neutron::Port (`master_0_port`) and an
// OS::Nova::Server (`master_0`) on that port, so every master address is a port attribute known
// before any server boots (Heat 19 neutron/port.py attribute fixed_ips; nova/server.py networks
// `port`). Public hosts get an OS::Neutron::FloatingIP on their port (neutron/floatingip.py
// `floating_network`, `port_id`). Load balancer ports carry the VIP in allowed_address_pairs.
// Also the server properties shared with the agent pools (agents.ts).
import type { HostGroup } from '../../../model/model.js';
import type { GroupPlan } from '../../../roles/types.js';
import type { YamlValue } from '../../yaml.js';
import { hostName, literalCount, ref, type HotContext } from '../context.js';
import { hostSecgroups } from './security-groups.js';

/** The properties of a server of group `g`, except networks/name; `bootstrap` adds user_data. */
export function serverProperties(ctx: HotContext, g: HostGroup, bootstrap: Record<string, YamlValue>): Record<string, YamlValue> {
  return {
    image: g.image ? (g.image.kind === 'literal' ? g.image.value : { get_param: g.image.input }) : ctx.cloud.image,
    flavor: ctx.flavors.get(g.id),
    key_name: ctx.cloud.keyName,
    availability_zone: ctx.cloud.availabilityZone,
    metadata: { cluster: ctx.m.name, group: g.id },
    ...bootstrap,
  };
}

/** The hostname stem of a group's servers: `<cluster>-<noun>`. */
export function serverNameStem(ctx: HotContext, g: HostGroup): string {
  const noun = g.kind === 'masters' ? 'master' : g.kind === 'load_balancers' ? 'lb' : g.label !== undefined ? `agent-${g.label}` : 'agent';
  return `${ctx.m.name}-${noun}`.replace(/[^A-Za-z0-9-]/g, '-');
}

/** Port, server and floating IP resources of one unrolled group (masters or load balancers). */
export function buildUnrolledGroup(ctx: HotContext, plan: GroupPlan, bootstrap: Record<string, YamlValue>): Record<string, YamlValue> {
  const g = plan.group;
  const count = literalCount(g) ?? 0;
  const vip = g.vip;
  const out: Record<string, YamlValue> = {};
  for (let i = 0; i < count; i++) {
    const host = hostName(g, i);
    out[`${host}_port`] = {
      type: 'OS::Neutron::Port',
      properties: {
        network: ctx.cloud.network,
        security_groups: hostSecgroups(g),
        allowed_address_pairs: vip ? [{ ip_address: vip.address }] : undefined,
      },
    };
    out[host] = {
      type: 'OS::Nova::Server',
      properties: {
        name: `${serverNameStem(ctx, g)}-${i}`,
        ...serverProperties(ctx, g, bootstrap),
        networks: [{ port: ref(`${host}_port`) }],
      },
    };
    if (g.public) {
      out[`${host}_floating_ip`] = {
        type: 'OS::Neutron::FloatingIP',
        properties: { floating_network: ctx.cloud.publicNetwork, port_id: ref(`${host}_port`) },
      };
    }
  }
  return out;
}

/** Resource names of the servers of an unrolled group. */
export function unrolledServers(g: HostGroup): string[] {
  return Array.from({ length: literalCount(g) ?? 0 }, (_, i) => hostName(g, i));
}
