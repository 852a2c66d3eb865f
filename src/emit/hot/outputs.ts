// HOT `outputs` (HOT spec, "Outputs section"): the service endpoints (src/services `endpoint`) on the first master (its
// floating IP when the masters are public, else its private address), http(s) and port per the
// service's ssl setting; the master and load balancer addresses; the VIP and its floating IP;
// the scale-up/down webhooks of the elastic pools (ScalingPolicy alarm_url: a pre-signed URL
// any POST triggers; signal_url: needs a Keystone token).
import type { HostGroup } from '../../model/model.js';
import { SERVICES, serviceModel } from '../../services/index.js';
import type { YamlValue } from '../yaml.js';
import { hostAddress, hostName, literalCount, type HotContext } from './context.js';
import { scalingPolicies } from './resources/agents.js';
import { VIP_FLOATING_IP, vipAddress, vipPublic } from './resources/vip.js';

function publicAddress(g: HostGroup, i: number): YamlValue {
  return { get_attr: [`${hostName(g, i)}_floating_ip`, 'floating_ip_address'] };
}

function addresses(g: HostGroup, f: (g: HostGroup, i: number) => unknown): YamlValue {
  return Array.from({ length: literalCount(g) ?? 0 }, (_, i) => f(g, i) as YamlValue);
}

function endpoint(host: YamlValue, scheme: string, port: number, description: string): YamlValue {
  return { description, value: { list_join: ['', [`${scheme}://`, host, `:${port}`]] } };
}

/** The outputs section. */
export function buildOutputs(ctx: HotContext): Record<string, YamlValue> {
  const { m } = ctx;
  const out: Record<string, YamlValue> = {};
  const first = m.masters.public ? publicAddress(m.masters, 0) : (hostAddress(m.masters, 0) as YamlValue);
  if ((literalCount(m.masters) ?? 0) > 0) {
    for (const e of SERVICES) {
      const svc = serviceModel(m.services, e);
      const ep = svc.enabled ? e.endpoint?.(svc, 'hot') : undefined;
      if (ep) out[ep.output] = endpoint(first, ep.scheme, ep.port, ep.description);
    }
  }
  out['master_addresses'] = { description: 'private addresses of the masters', value: addresses(m.masters, hostAddress) };
  if (m.masters.public) out['master_public_addresses'] = { description: 'floating IPs of the masters', value: addresses(m.masters, publicAddress) };
  const lbs = m.loadBalancers;
  if (lbs) {
    out['load_balancer_addresses'] = { description: 'private addresses of the load balancers', value: addresses(lbs, hostAddress) };
    if (lbs.public) out['load_balancer_public_addresses'] = { description: 'floating IPs of the load balancers', value: addresses(lbs, publicAddress) };
  }
  const vip = vipAddress(ctx);
  if (vip !== undefined) {
    // Named after the role the plan gives the address to (the one that moves it).
    const holder = ctx.plans.find((p) => p.group.id === m.loadBalancers?.id)?.roles.find((r) => Object.values(r.vars).some((v) => v.kind === 'literal' && v.value === vip));
    out['vip_address'] = { description: `${holder?.role.id ?? 'the'} virtual IP of the load balancers`, value: vip };
    if (vipPublic(ctx)) out['vip_public_address'] = { description: 'floating IP of the virtual IP', value: { get_attr: [VIP_FLOATING_IP, 'floating_ip_address'] } };
  }
  for (const g of m.agentPools) {
    if (g.size.kind !== 'range') continue;
    const { up, down } = scalingPolicies(g.id);
    out[`${up}_url`] = { description: `webhook (POST) adding one agent to ${g.id}`, value: { get_attr: [up, 'alarm_url'] } };
    out[`${down}_url`] = { description: `webhook (POST) removing one agent from ${g.id}`, value: { get_attr: [down, 'alarm_url'] } };
    out[`${up}_signal_url`] = { description: `keystone-authenticated signal URL adding one agent to ${g.id}`, value: { get_attr: [up, 'signal_url'] } };
    out[`${down}_signal_url`] = { description: `keystone-authenticated signal URL removing one agent from ${g.id}`, value: { get_attr: [down, 'signal_url'] } };
    out[`${g.id}_size`] = { description: `current number of agents in ${g.id}`, value: { get_attr: [g.id, 'current_size'] } };
  }
  return out;
}
