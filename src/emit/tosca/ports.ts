// The ports a public host group opens to the world, as the INDIGO Endpoint capability's
// `ports` map of tosca.datatypes.indigo.network.PortSpec (TOSCA §3.3.10 PortSpec; names as in
// tosca-templates/mesos_cluster.yaml: mesos_port, marathon_port, chronos_port).
// Source of the numbers: the role catalog's PortRules with source `world` (src/roles/plan.ts), the
// same rules the HOT security groups use: ssh 22, mesos 5050, marathon 8443 (8080 without ssl),
// chronos 4443 (4400), and on load balancers marathon-lb's 80/443 plus the proxied UIs.
// Who may connect comes from the exposure policy (src/emit/access.ts): a port nobody outside may
// reach is left out; one open to anywhere has no `remote_cidr` (the IM's default, 0.0.0.0/0); one
// open to some networks is one entry per CIDR with `remote_cidr`, the property
// tosca.datatypes.indigo.network.PortSpec adds (custom_types.yaml @40fa4d6), which grycap/im
// (IM/tosca/Tosca.py _format_outports) turns into a `<cidr>-<port>/<protocol>` outport and its
// connectors into one security-group rule per entry.
import type { PortRule } from '../../roles/types.js';
import { ANYWHERE } from '../access.js';
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

/**
 * The `ports` map for an Endpoint capability, or undefined when no port is open (min_length 1).
 * `sources` gives the CIDRs that may reach a world rule.
 */
export function portSpecs(rules: readonly PortRule[], sources: (r: PortRule) => readonly string[]): Record<string, YamlValue> | undefined {
  const out: Record<string, YamlValue> = {};
  for (const r of rules) {
    if (r.source !== 'world' || r.from === undefined || (r.protocol !== 'tcp' && r.protocol !== 'udp')) continue;
    const cidrs = sources(r);
    const to = r.to ?? r.from;
    const key = `${r.protocol}/${r.from}`;
    let name = to === r.from ? PORT_NAMES[key] ?? `${r.protocol}_${r.from}` : `${r.protocol}_${r.from}_${to}`;
    while (name in out) name = `${name}_${r.protocol}`;
    const spec = to === r.from
      ? { protocol: r.protocol, source: r.from }
      : { protocol: r.protocol, source_range: [r.from, to] };
    if (cidrs.includes(ANYWHERE)) {
      out[name] = spec;
      continue;
    }
    cidrs.forEach((cidr, i) => {
      out[i === 0 ? name : `${name}_${i + 1}`] = { ...spec, remote_cidr: cidr };
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
