// The role plan of a cluster: for each host group, the catalog roles it runs (in play order), the
// variables each role gets (as target-neutral VarExpr that the emitters translate), and the firewall
// rules those roles need. Both emitters call planCluster, so TOSCA and HOT run the same recipe.
//
// The recipe is the host recipe of ../shared/indigo-reference.md §4 (mesos-cluster site.yml and the
// upstream HOT playbooks, mesoscluster.yaml:243-255 masters, :333-342 slaves, :159-169 LBs):
//   masters:        consul(server) → zookeeper → mesos(master) → marathon → chronos [→ calico]
//   agents:         consul(agent)  → mesos(slave, + RexRay vars)                    [→ calico]
//   load balancers: consul(agent)  → marathon-lb → keepalived                       [→ calico]
// indigo-dc.docker is not invoked: every role pulls it in through meta/main.yml `dependencies`
// (reference §4), as the upstream HOT playbooks rely on; galaxyRequirements() installs it pinned.
// Which services run on which group is the model's decision (Services.*.hosts); this module only
// decides how a service maps onto roles and variables.
import type { ClusterModel, HostGroup, Param, ServiceBase } from '../model/model.js';
import { hostGroups } from '../model/model.js';
import { ROLES, ROLE_LIST, type RoleId } from './catalog.js';
import type { GroupPlan, PortRule, RoleEntry, RoleInvocation, VarExpr } from './types.js';

/**
 * The docker bridge CIDR every INDIGO playbook sets (TOSCA mesos_*_install.yml HEAD, reference §1.5:
 * `docker_bridge_ip_cidr: "172.0.17.1/24"`). consul HEAD derives docker_bridge_ip from it
 * (ansible-role-consul defaults/main.yml:34) and binds its DNS there; the docker dependency makes it
 * the daemon's `bip` (ansible-role-docker defaults/main.yml:6).
 */
export const DOCKER_BRIDGE_IP_CIDR = '172.0.17.1/24';

/**
 * Variables that must be visible play-wide, not only to the role that lists them: the indigo-dc.docker
 * meta dependency (and consul's meta/main.yml:21 `docker_dns`) read them while they run as a
 * dependency. Emitters put these in play vars / the vars file, never only as role parameters.
 */
export const PLAY_WIDE_VARS: readonly string[] = ['docker_bridge_ip_cidr'];

/** Mesos task port resources (Mesos agent default `ports:[31000-32000]`); marathon-lb and other tasks reach apps there. */
const MESOS_TASK_PORTS = { from: 31000, to: 32000 } as const;
/**
 * Linux ephemeral port range (net.ipv4.ip_local_port_range default). Marathon and Chronos run with
 * LIBPROCESS_PORT unset, so their scheduler endpoint is an ephemeral port the Mesos master connects
 * back to; the upstream HOT template opens all TCP between cluster hosts for this (mesoscluster.yaml:88-92).
 */
const EPHEMERAL_PORTS = { from: 32768, to: 60999 } as const;

const lit = (value: string | number | boolean | readonly string[]): VarExpr => ({ kind: 'literal', value });
const param = (p: Param<string | number | boolean>): VarExpr => ({ kind: 'param', param: p });
const addresses = (group: string): VarExpr => ({ kind: 'groupAddresses', group });

/** Rexray option name in the model → mesos role variable (ansible-role-mesos defaults/main.yml:76-82). */
const REXRAY_VARS: readonly (readonly [string, string])[] = [
  ['auth_url', 'mesos_rexray_os_authurl'],
  ['username', 'mesos_rexray_os_username'],
  ['password', 'mesos_rexray_os_password'],
  ['tenant', 'mesos_rexray_os_tenantname'],
  ['domain', 'mesos_rexray_os_domainname'],
  ['region', 'mesos_rexray_os_regionname'],
  ['availability_zone', 'mesos_rexray_os_availabilityzonename'],
];

/** Builds the role plan of every host group of the cluster, in hostGroups() order. */
export function planCluster(m: ClusterModel): GroupPlan[] {
  return hostGroups(m).map((g) => planGroup(m, g));
}

/** Builds the role plan of one host group. */
export function planGroup(m: ClusterModel, g: HostGroup): GroupPlan {
  const s = m.services;
  const on = (svc: ServiceBase): boolean => svc.enabled && svc.hosts.includes(g.id);
  const masters = addresses(m.masters.id);
  const roles: RoleInvocation[] = [];
  const ports: PortRule[] = [];
  const invoke = (id: RoleId, vars: Record<string, VarExpr>): void => {
    const role = ROLES[id];
    // The model and the catalog must agree on where a role may run; a mismatch is a compiler bug.
    if (!role.groups.includes(g.kind)) throw new Error(`role \`${role.galaxy}\` cannot run on ${g.kind} (group \`${g.id}\`)`);
    roles.push({ role, vars });
  };
  const world = (p: Omit<PortRule, 'source'>): void => {
    // Only a public group exposes anything to users (PortRule.source `world`).
    if (g.public) ports.push({ ...p, source: 'world' });
  };
  const cluster = (p: Omit<PortRule, 'source'>): void => {
    ports.push({ ...p, source: 'cluster' });
  };

  world({ protocol: 'tcp', from: 22, to: 22, description: 'SSH' });

  if (on(s.consul)) {
    const server = g.kind === 'masters';
    invoke('consul', {
      consul_mode: lit(server ? 'server' : 'agent'),
      consul_servers: masters,
      consul_dc: lit(s.consul.datacenter),
      consul_domain: lit(s.consul.domain),
      docker_bridge_ip_cidr: lit(DOCKER_BRIDGE_IP_CIDR),
    });
    // Consul container ports (reference §4 indigo-dc.consul): 8300 server RPC, 8301/8302 serf LAN/WAN
    // (tcp and udp), 8400 CLI RPC. DNS (8600) is published on the docker bridge address only
    // (`{{docker_bridge_ip}}:8600:53`), unreachable from other hosts, so it is not opened. Nor is the
    // HTTP API 8500: every client uses its own host's agent (the roles register at localhost:8500,
    // marathon-lb's `consul:` task defaults to localhost), and the API has no ACLs here while the
    // masters' agents hold Marathon's check script with its credentials (issue 16 item 7).
    cluster({ protocol: 'tcp', from: 8300, to: 8302, description: 'consul server RPC and serf' });
    cluster({ protocol: 'udp', from: 8301, to: 8302, description: 'consul serf' });
    cluster({ protocol: 'tcp', from: 8400, to: 8400, description: 'consul CLI RPC' });
  }

  if (on(s.zookeeper)) {
    invoke('zookeeper', { zookeeper_host_list: masters });
    // ansible-role-zookeeper defaults/main.yml:5-7.
    cluster({ protocol: 'tcp', from: 2181, to: 2181, description: 'zookeeper client' });
    ports.push({ protocol: 'tcp', from: 2888, to: 2888, source: `group:${m.masters.id}`, description: 'zookeeper peers' });
    ports.push({ protocol: 'tcp', from: 3888, to: 3888, source: `group:${m.masters.id}`, description: 'zookeeper leader election' });
  }

  if (on(s.mesos)) {
    if (g.kind === 'masters') {
      const mesos = s.mesos;
      const count = m.masters.size.kind === 'fixed' && m.masters.size.count.kind === 'literal' ? m.masters.size.count.value : undefined;
      invoke('mesos', {
        mesos_install_mode: lit('master'),
        zookeeper_peers: masters,
        mesos_masters_list: masters,
        // The role's default (ansible-role-mesos defaults/main.yml:52-62) is ceil(n/2) rendered with
        // leading blanks (`MESOS_QUORUM=  2`), not a majority for even n (1 of 2, 2 of 4). A majority
        // is floor(n/2)+1 (Mesos docs: --quorum must be a strict majority of the masters).
        ...(count !== undefined ? { mesos_quorum: lit(String(majority(count))) } : {}),
        mesos_cluster_name: lit(mesos.clusterName),
        mesos_authenticate_http: lit(mesos.authenticateHttp),
        // Credentials only matter with HTTP authentication; lowering gives a disabled one an empty literal.
        ...(mesos.authenticateHttp ? { mesos_username: param(mesos.username), mesos_password: param(mesos.password) } : {}),
      });
      // ansible-role-mesos defaults/main.yml:36 mesos_master_port.
      cluster({ protocol: 'tcp', from: 5050, to: 5050, description: 'mesos master' });
      world({ protocol: 'tcp', from: 5050, to: 5050, description: 'mesos master UI and API' });
    } else {
      const vars: Record<string, VarExpr> = {
        mesos_install_mode: lit('slave'),
        zookeeper_peers: masters,
        mesos_masters_list: masters,
      };
      if (on(s.rexray)) {
        // mesoscluster-rexray.yaml passes the OpenStack credentials as mesos_rexray_os_*; the role
        // only installs RexRay and the DVDI isolator when asked (defaults/main.yml:70,72 are false).
        vars['mesos_enable_dvdi_mod'] = lit(true);
        vars['mesos_install_rexray'] = lit(true);
        for (const [opt, name] of REXRAY_VARS) {
          const p = s.rexray.options[opt];
          if (p !== undefined) vars[name] = param(p);
        }
      }
      invoke('mesos', vars);
      // ansible-role-mesos defaults/main.yml:23 mesos_slave_port.
      cluster({ protocol: 'tcp', from: 5051, to: 5051, description: 'mesos agent' });
      cluster({ protocol: 'tcp', ...MESOS_TASK_PORTS, description: 'mesos task ports' });
    }
  }

  const frameworks = [
    { svc: s.marathon, id: 'marathon', http: 8080, https: 8443, name: 'marathon' },
    { svc: s.chronos, id: 'chronos', http: 4400, https: 4443, name: 'chronos' },
  ] as const;
  for (const f of frameworks) {
    if (!on(f.svc)) continue;
    invoke(f.id, {
      zookeeper_peers: masters,
      [`${f.id}_username`]: param(f.svc.username),
      [`${f.id}_password`]: param(f.svc.password),
      [`${f.id}_enable_ssl`]: lit(f.svc.ssl),
      // The keystore passwords default to constants published in the role (ansible-role-marathon
      // defaults/main.yml:37-39, ansible-role-chronos defaults/main.yml:25-27): one per cluster instead.
      ...(f.svc.ssl
        ? {
            [`${f.id}_key_password`]: { kind: 'generatedSecret', id: `${f.id}_key_password` },
            [`${f.id}_pkcs_password`]: { kind: 'generatedSecret', id: `${f.id}_pkcs_password` },
            [`${f.id}_jks_password`]: { kind: 'generatedSecret', id: `${f.id}_jks_password` },
          }
        : {}),
    });
    // ansible-role-marathon defaults/main.yml:43-44, ansible-role-chronos defaults/main.yml:33-34.
    cluster({ protocol: 'tcp', from: f.http, to: f.http, description: `${f.name} HTTP` });
    if (f.svc.ssl) cluster({ protocol: 'tcp', from: f.https, to: f.https, description: `${f.name} HTTPS` });
    const ui = f.svc.ssl ? f.https : f.http;
    world({ protocol: 'tcp', from: ui, to: ui, description: `${f.name} UI and API` });
  }
  if (g.kind === 'masters' && (on(s.marathon) || on(s.chronos))) {
    cluster({ protocol: 'tcp', ...EPHEMERAL_PORTS, description: 'libprocess ports of the Mesos frameworks' });
  }

  if (on(s.marathonLb)) {
    const chronos = s.chronos.enabled;
    invoke('marathon-lb', {
      // The role puts the credentials into the container command string
      // (`--auth-credentials={{marathon_lb_auth_creds}}`, ansible-role-marathon-lb tasks/main.yml:42),
      // which docker_container splits with shlex: quoted for the shell, a space or quote stays inside.
      marathon_lb_auth_creds: {
        kind: 'shellQuoted',
        inner: { kind: 'concat', parts: [param(s.marathon.username), lit(':'), param(s.marathon.password)] },
      },
      // Every Marathon directly (marathon-lb `--marathon` takes several URLs), not the default
      // `http://marathon.service.consul:8080` (defaults/main.yml:3), which needs Consul DNS and a
      // registration in Consul before marathon-lb can start. Marathon serves plain HTTP on 8080 inside
      // the cluster even with SSL on (marathon-ssl-env.j2 does not disable HTTP).
      marathon_lb_marathon_url: { kind: 'groupEndpoints', group: m.masters.id, prefix: 'http://', suffix: ':8080', separator: ' ' },
      // The role otherwise reads inventory groups (marathon_servers, ...) that a local run does not
      // have; the TOSCA mesos_lb_install.yml passes the master IPs the same way (reference §1.5).
      // tasks/main.yml:4-8 reads all three lists whatever is enabled, so the Chronos list is always
      // given (empty without Chronos) besides turning its frontend off.
      marathon_lb_marathon_servers: masters,
      marathon_lb_mesos_servers: masters,
      marathon_lb_chronos_servers: chronos ? masters : lit([]),
      ...(chronos ? {} : { marathon_lb_enable_chronos_lb: lit(false) }),
    });
    // HAProxy with network host: 80/443 for Marathon apps (HAPROXY_GROUP external), 9090 stats and
    // health check (marathon_lb_ports, defaults/main.yml:5). The role also proxies the Mesos/Marathon/
    // Chronos UIs (defaults/main.yml:10-18), so a public LB (or its VIP) is the single entry point.
    world({ protocol: 'tcp', from: 80, to: 80, description: 'marathon-lb HTTP' });
    world({ protocol: 'tcp', from: 443, to: 443, description: 'marathon-lb HTTPS' });
    cluster({ protocol: 'tcp', from: 9090, to: 9090, description: 'marathon-lb stats and health check' });
    world({ protocol: 'tcp', from: 5050, to: 5050, description: 'mesos UI via marathon-lb' });
    const mUi = s.marathon.ssl ? 8443 : 8080;
    world({ protocol: 'tcp', from: mUi, to: mUi, description: 'marathon UI via marathon-lb' });
    if (chronos) {
      const cUi = s.chronos.ssl ? 4443 : 4400;
      world({ protocol: 'tcp', from: cUi, to: cUi, description: 'chronos UI via marathon-lb' });
    }
  }

  if (on(s.keepalived) && s.keepalived.vip !== undefined) {
    invoke('keepalived', {
      keepalived_virtual_ip: lit(s.keepalived.vip.address),
      load_balancers_list: addresses(g.id),
    });
    // VRRP (IP protocol 112) between the load balancers that share the VIP.
    ports.push({ protocol: 'vrrp', source: `group:${g.id}`, description: 'keepalived VRRP' });
  }

  if (on(s.calico)) {
    invoke('calico', calicoVars(s.calico.etcdEndpoints));
    // calicoctl node runs BIRD, which peers over BGP (tcp 179) with every other calico host.
    cluster({ protocol: 'tcp', from: 179, to: 179, description: 'calico BGP' });
  }

  return { group: g, roles, ports: normalisePorts(ports) };
}

/** The smallest strict majority of n masters (the Mesos and ZooKeeper quorum). */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * Calico variables from the spec's `"host:port"` etcd endpoints. The role builds its URLs from
 * etcd_peers + etcd_client_port + etcd_peer_url_scheme (ansible-role-calico defaults/main.yml:9-24),
 * which can only express one port; we also set the two derived values themselves (etcd_endpoints,
 * docker_cluster_store) so endpoints with different ports stay exact.
 */
function calicoVars(endpoints: readonly Param<string>[]): Record<string, VarExpr> {
  const hostPorts = endpoints.map((p) => {
    // etcd_endpoints cannot be an input (grammar/LOWERING.md CS2030), so every endpoint is literal.
    if (p.kind !== 'literal') throw new Error(`calico etcd endpoint \`${p.input}\` must be a literal`);
    const v = p.value;
    const i = v.lastIndexOf(':');
    const port = i > 0 ? Number(v.slice(i + 1)) : NaN;
    return Number.isInteger(port) && port > 0 ? { host: v.slice(0, i), port } : { host: v, port: 2379 };
  });
  return {
    etcd_peers: lit(hostPorts.map((e) => e.host)),
    etcd_client_port: lit(hostPorts[0]?.port ?? 2379),
    etcd_peer_url_scheme: lit('http'),
    etcd_endpoints: lit(hostPorts.map((e) => `http://${e.host}:${e.port}`).join(',')),
    docker_cluster_store: lit(`etcd://${hostPorts.map((e) => `${e.host}:${e.port}`).join(',')}`),
  };
}

const PROTOCOL_ORDER: readonly PortRule['protocol'][] = ['tcp', 'udp', 'icmp', 'vrrp'];

/** Deduplicates rules (same protocol, range and source; descriptions joined) and sorts them. */
function normalisePorts(rules: readonly PortRule[]): PortRule[] {
  const byKey = new Map<string, PortRule>();
  for (const r of rules) {
    const key = `${r.protocol}|${r.from ?? ''}|${r.to ?? ''}|${r.source}`;
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, r);
    else if (!prev.description.split('; ').includes(r.description)) byKey.set(key, { ...prev, description: `${prev.description}; ${r.description}` });
  }
  return [...byKey.values()].sort(
    (a, b) =>
      PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol) ||
      (a.from ?? 0) - (b.from ?? 0) ||
      (a.to ?? 0) - (b.to ?? 0) ||
      (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
  );
}

/** The distinct catalog roles a plan invokes, in catalog order (feed it to galaxyRequirements). */
export function rolesOfPlan(plans: readonly GroupPlan[]): RoleEntry[] {
  const used = new Set(plans.flatMap((p) => p.roles.map((r) => r.role.id)));
  return ROLE_LIST.filter((r) => used.has(r.id));
}
