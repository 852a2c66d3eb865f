// Consul: service discovery, servers on the masters and agents on every other host (role
// indigo-dc.consul, consul_mode server | agent). Its datacenter and domain reach the container's
// command line (compat fix consul-datacenter-domain), so they are checked (CS2064); the INDIGO types
// cannot set them (CS3104).
import { tick } from '../diagnostics/codes/define.js';
import type { ServiceBase } from '../model/model.js';
import { addresses, lit, str } from './helpers.js';
import { defineService, type ServiceEntry } from './types.js';

/** Consul settings. */
export interface ConsulModel extends ServiceBase {
  readonly datacenter: string;
  readonly domain: string;
}

/**
 * The docker bridge CIDR every INDIGO playbook sets (TOSCA mesos_*_install.yml HEAD, reference §1.5:
 * `docker_bridge_ip_cidr: "172.0.17.1/24"`). consul HEAD derives docker_bridge_ip from it
 * (ansible-role-consul defaults/main.yml:34) and binds its DNS there; the docker dependency makes it
 * the daemon's `bip` (ansible-role-docker defaults/main.yml:6).
 */
export const DOCKER_BRIDGE_IP_CIDR = '172.0.17.1/24';

const NAME_RULES: readonly (readonly [string, RegExp, string])[] = [
  ['datacenter', /^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, `-` and `_`'],
  ['domain', /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, 'DNS labels (letters, digits, inner `-`) joined by dots'],
];

const ATTRS = { datacenter: str('Consul datacenter', false, 'dc1'), domain: str('Consul DNS domain', false, 'consul') };

/** The consul service. */
export const consul: ServiceEntry<'consul', ConsulModel> = defineService({
  key: 'consul',
  block: { name: 'consul', attrs: ATTRS },
  lower: (cx) => ({ enabled: true, hosts: cx.cluster.ids.all, origin: cx.block.origin, datacenter: cx.block.str('datacenter'), domain: cx.block.str('domain') }),
  // A datacenter is letters, digits, `-` and `_`; a domain is DNS labels joined by dots (CS2064).
  check(cx) {
    for (const [name, re, what] of NAME_RULES) {
      const a = cx.block?.body?.find((st) => st.kind === 'attribute' && st.name.name === name);
      if (a?.kind !== 'attribute' || a.value?.kind !== 'string' || re.test(a.value.value)) continue;
      cx.diag.report('CS2064', a.value.span, { name, value: a.value.value, what }, { help: `use ${what}, e.g. \`${name === 'domain' ? 'consul' : 'bari'}\`` });
    }
  },
  plan(svc, cx) {
    cx.invoke('consul', {
      consul_mode: lit(cx.group.kind === 'masters' ? 'server' : 'agent'),
      consul_servers: addresses(cx.m.masters.id),
      consul_dc: lit(svc.datacenter),
      consul_domain: lit(svc.domain),
      docker_bridge_ip_cidr: lit(DOCKER_BRIDGE_IP_CIDR),
    });
    // Consul container ports (reference §4 indigo-dc.consul): 8300 server RPC, 8301/8302 serf LAN/WAN
    // (tcp and udp), 8400 CLI RPC. DNS (8600) is published on the docker bridge address only
    // (`{{docker_bridge_ip}}:8600:53`), unreachable from other hosts, so it is not opened. Nor is the
    // HTTP API 8500: every client uses its own host's agent (the roles register at localhost:8500,
    // marathon-lb's `consul:` task defaults to localhost), and the API has no ACLs here while the
    // masters' agents hold Marathon's check script with its credentials (issue 16 item 7).
    cx.open({ protocol: 'tcp', from: 8300, to: 8302, audience: 'cluster', class: 'service', description: 'consul server RPC and serf' });
    cx.open({ protocol: 'udp', from: 8301, to: 8302, audience: 'cluster', class: 'service', description: 'consul serf' });
    cx.open({ protocol: 'tcp', from: 8400, to: 8400, audience: 'cluster', class: 'service', description: 'consul CLI RPC' });
  },
  tosca: {
    contribute: (svc) => ({ properties: { enable_consul_sd: svc.enabled }, artifacts: { consul_agent_role: 'consul' } }),
    lossy(svc, cx) {
      const what = [
        svc.datacenter !== ATTRS.datacenter.default ? `datacenter ${tick(svc.datacenter)}` : undefined,
        svc.domain !== ATTRS.domain.default ? `domain ${tick(svc.domain)}` : undefined,
      ].filter((x): x is string => x !== undefined);
      if (!svc.enabled || what.length === 0) return;
      // On the attributes themselves (issue 11): the first written one, the other as a secondary label.
      const at = cx.m.attributeSpans ?? {};
      const written = (['datacenter', 'domain'] as const).filter((a) => svc[a] !== ATTRS[a].default && at[`consul.${a}`]);
      const [first, second] = written.map((a) => at[`consul.${a}`]!);
      cx.diag.report('CS3104', first ?? svc.origin ?? cx.m.origin, { what: what.join(' and ') }, {
        label: 'not representable in tosca',
        ...(second ? { secondary: [{ span: second, message: 'not representable in tosca either' }] } : {}),
      });
    },
  },
});
