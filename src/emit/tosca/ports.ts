// The ports a public host group opens to the world, as the INDIGO Endpoint capability's
// `ports` map of tosca.datatypes.indigo.network.PortSpec (TOSCA §3.3.10 PortSpec; names as in
// tosca-templates/mesos_cluster.yaml: mesos_port, marathon_port, chronos_port).
// Source of the numbers: the role catalog's PortRules with source `world` (src/roles/plan.ts), the
// same rules the HOT security groups use: ssh 22, mesos 5050, marathon 8443 (8080 without ssl),
// chronos 4443 (4400), and on load balancers marathon-lb's 80/443 plus the proxied UIs.
import type { PortRule } from '../../roles/types.js';
import type { YamlValue } from '../yaml.js';

/** Well-known port names, by `protocol/port`, so the map reads like upstream. */
const PORT_NAMES: Readonly<Record<string, string>> = {
  'tcp/22': 'ssh_port',
  'tcp/5050': 'mesos_port',
  'tcp/8443': 'marathon_port',
  'tcp/8080': 'marathon_port',
  'tcp/4443': 'chronos_port',
  'tcp/4400': 'chronos_port',
  'tcp/80': 'http_port',
  'tcp/443': 'https_port',
  'tcp/9090': 'marathon_lb_stats_port',
};

/** The `ports` map for an Endpoint capability, or undefined when no port is open (min_length 1). */
export function portSpecs(rules: readonly PortRule[]): Record<string, YamlValue> | undefined {
  const out: Record<string, YamlValue> = {};
  for (const r of rules) {
    if (r.source !== 'world' || r.from === undefined || (r.protocol !== 'tcp' && r.protocol !== 'udp')) continue;
    const to = r.to ?? r.from;
    const key = `${r.protocol}/${r.from}`;
    let name = to === r.from ? PORT_NAMES[key] ?? `${r.protocol}_${r.from}` : `${r.protocol}_${r.from}_${to}`;
    while (name in out) name = `${name}_${r.protocol}`;
    out[name] = to === r.from
      ? { protocol: r.protocol, source: r.from }
      : { protocol: r.protocol, source_range: [r.from, to] };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
