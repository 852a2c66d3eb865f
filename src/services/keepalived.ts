// keepalived: moves the load balancers' virtual IP (the `vip` of `load_balancers`, which the model
// keeps on that group) to a healthy load balancer (role indigo-dc.keepalived). Runs on the load
// balancers when they have a vip. The INDIGO types have no VIP (CS3101).
import type { ServiceBase } from '../model/model.js';
import { addresses, lit } from './helpers.js';
import { defineService, type ServiceEntry } from './types.js';

/** The keepalived service. */
export const keepalived: ServiceEntry<'keepalived', ServiceBase> = defineService({
  key: 'keepalived',
  lower(cx) {
    const vip = cx.cluster.loadBalancers?.vip;
    return { enabled: vip !== undefined, hosts: vip !== undefined ? cx.cluster.ids.loadBalancers : [], origin: vip?.origin };
  },
  plan(_svc, cx) {
    const vip = cx.group.vip;
    if (vip === undefined) return;
    cx.invoke('keepalived', { keepalived_virtual_ip: lit(vip.address), load_balancers_list: addresses(cx.group.id) });
    // VRRP (IP protocol 112) between the load balancers that share the VIP.
    cx.open({ protocol: 'vrrp', audience: `group:${cx.group.id}`, class: 'service', description: 'keepalived VRRP' });
  },
  tosca: {
    lossy(svc, cx) {
      const vip = cx.m.loadBalancers?.vip;
      if (svc.enabled && vip) cx.diag.report('CS3101', vip.origin, { vip: vip.address }, { label: 'not representable in tosca' });
    },
  },
});
