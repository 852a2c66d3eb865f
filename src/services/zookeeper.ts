// ZooKeeper: the coordination service of Mesos, Marathon and Chronos. No attributes; it always runs
// on the masters (the `zookeeper` block may be written, empty). Role indigo-dc.zookeeper
// (ansible-role-zookeeper defaults/main.yml:5-7 ports, :10-11 zookeeper_host_list).
import type { ServiceBase } from '../model/model.js';
import { addresses } from './helpers.js';
import { defineService, type ServiceEntry } from './types.js';

/** The zookeeper service. */
export const zookeeper: ServiceEntry<'zookeeper', ServiceBase> = defineService({
  key: 'zookeeper',
  block: { name: 'zookeeper', attrs: {} },
  lower: (cx) => ({ enabled: true, hosts: cx.cluster.ids.masters, origin: cx.block.origin }),
  plan(_svc, cx) {
    const masters = cx.m.masters.id;
    cx.invoke('zookeeper', { zookeeper_host_list: addresses(masters) });
    cx.open({ protocol: 'tcp', from: 2181, to: 2181, audience: 'cluster', class: 'service', description: 'zookeeper client' });
    cx.open({ protocol: 'tcp', from: 2888, to: 2888, audience: `group:${masters}`, class: 'service', description: 'zookeeper peers' });
    cx.open({ protocol: 'tcp', from: 3888, to: 3888, audience: `group:${masters}`, class: 'service', description: 'zookeeper leader election' });
  },
  tosca: {
    contribute: (_svc, _g, kind) => (kind === 'master' ? { artifacts: { zookeeper_agent_role: 'zookeeper' } } : {}),
  },
});
