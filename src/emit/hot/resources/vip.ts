// The load balancers' virtual IP (HostGroup.vip): an unbound OS::Neutron::Port holding the address (neutron/port.py
// `fixed_ips: [{ip_address}]`), so Neutron never hands the address to another port, and an
// OS::Neutron::FloatingIP on it when the VIP is public. The load balancers' own ports list the
// address in allowed_address_pairs (servers.ts), so keepalived may move it between them (as
// upstream loadbalancer.yaml does).
import type { YamlValue } from '../../yaml.js';
import { ref, type HotContext } from '../context.js';
import { secgroupName } from './security-groups.js';

/** Name of the VIP port resource. */
export const VIP_PORT = 'vip_port';
/** Name of the VIP floating IP resource. */
export const VIP_FLOATING_IP = 'vip_floating_ip';

/** The VIP address when the cluster has one. */
export function vipAddress(ctx: HotContext): string | undefined {
  return ctx.m.loadBalancers?.vip?.address;
}

/** True when the VIP gets a floating IP. */
export function vipPublic(ctx: HotContext): boolean {
  return ctx.m.loadBalancers?.vip?.public === true;
}

/** The VIP resources (empty without a VIP). */
export function buildVip(ctx: HotContext): Record<string, YamlValue> {
  const vip = vipAddress(ctx);
  if (vip === undefined || !ctx.m.loadBalancers) return {};
  const out: Record<string, YamlValue> = {
    [VIP_PORT]: {
      type: 'OS::Neutron::Port',
      properties: {
        name: `${ctx.m.name}-vip`,
        network: ctx.cloud.network,
        fixed_ips: [{ ip_address: vip }],
        security_groups: [ref(secgroupName(ctx.m.loadBalancers.id))],
      },
    },
  };
  if (vipPublic(ctx)) {
    out[VIP_FLOATING_IP] = {
      type: 'OS::Neutron::FloatingIP',
      properties: { floating_network: ctx.cloud.publicNetwork, port_id: ref(VIP_PORT) },
    };
  }
  return out;
}
