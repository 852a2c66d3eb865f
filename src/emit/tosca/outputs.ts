// topology_template.outputs (TOSCA Simple Profile 1.0 §3.5.13 parameter definitions, §4.3.1
// concat, §4.5.1 get_attribute), as in tosca-templates/mesos_cluster.yaml: the services' endpoints
// (src/services `endpoint`) on the first master, and the node addresses. A group that is not public
// has no public address, so its private one is used.
import type { ClusterModel, HostGroup } from '../../model/model.js';
import type { YamlValue } from '../yaml.js';
import { SERVICES, serviceModel } from '../../services/index.js';
import { groupNames } from './node-templates.js';

function addressAttr(g: HostGroup): string {
  return g.public ? 'public_address' : 'private_address';
}

/** Builds the outputs section. */
export function buildOutputs(m: ClusterModel): Record<string, YamlValue> {
  const first = { get_attribute: ['mesos_master_server', addressAttr(m.masters), 0] };
  const endpoint = (scheme: string, port: number, description: string): YamlValue => ({
    description,
    value: { concat: [`${scheme}://`, first, `:${port}`] },
  });
  const out: Record<string, YamlValue> = {};
  for (const e of SERVICES) {
    const ep = e.endpoint?.(serviceModel(m.services, e), 'tosca');
    if (ep) out[ep.output] = endpoint(ep.scheme, ep.port, ep.description);
  }
  Object.assign(out, {
    mesos_master_ips: {
      description: 'addresses of the Mesos masters',
      value: { get_attribute: ['mesos_master_server', addressAttr(m.masters)] },
    },
  });
  for (const p of m.agentPools) {
    const n = groupNames(p);
    out[`${n.software}_ips`] = { description: `addresses of the agents of pool ${p.id}`, value: { get_attribute: [n.server, addressAttr(p)] } };
  }
  if (m.loadBalancers) {
    out['mesos_lb_ips'] = {
      description: 'addresses of the load balancers',
      value: { get_attribute: ['mesos_lb_server', addressAttr(m.loadBalancers)] },
    };
  }
  return out;
}
