// marathon-lb: HAProxy for Marathon apps on the load balancers (role indigo-dc.marathon-lb), implied
// by the topology: it runs when there are load balancers and Marathon runs. It also proxies the
// Mesos, Marathon and Chronos UIs, so public load balancers (or their VIP) are the entry point.
import type { ServiceBase } from '../model/model.js';
import { addresses, lit, param } from './helpers.js';
import { defineService, type PlanContext, type ServiceEntry } from './types.js';

function planLb(cx: PlanContext): void {
  const { marathon, chronos } = cx.m.services;
  const masters = addresses(cx.m.masters.id);
  const chronosOn = chronos.enabled;
  cx.invoke('marathon-lb', {
    // The role puts the credentials into the container command string
    // (`--auth-credentials={{marathon_lb_auth_creds}}`, ansible-role-marathon-lb tasks/main.yml:42),
    // which docker_container splits with shlex: quoted for the shell, a space or quote stays inside.
    marathon_lb_auth_creds: { kind: 'shellQuoted', inner: { kind: 'concat', parts: [param(marathon.username), lit(':'), param(marathon.password)] } },
    // Every Marathon directly (marathon-lb `--marathon` takes several URLs), not the default
    // `http://marathon.service.consul:8080` (defaults/main.yml:3), which needs Consul DNS and a
    // registration in Consul before marathon-lb can start. Marathon serves plain HTTP on 8080 inside
    // the cluster even with SSL on (marathon-ssl-env.j2 does not disable HTTP).
    marathon_lb_marathon_url: { kind: 'groupEndpoints', group: cx.m.masters.id, prefix: 'http://', suffix: ':8080', separator: ' ' },
    // The role otherwise reads inventory groups (marathon_servers, ...) that a local run does not
    // have; the TOSCA mesos_lb_install.yml passes the master IPs the same way (reference §1.5).
    // tasks/main.yml:4-8 reads all three lists whatever is enabled, so the Chronos list is always
    // given (empty without Chronos) besides turning its frontend off.
    marathon_lb_marathon_servers: masters,
    marathon_lb_mesos_servers: masters,
    marathon_lb_chronos_servers: chronosOn ? masters : lit([]),
    ...(chronosOn ? {} : { marathon_lb_enable_chronos_lb: lit(false) }),
  });
  // HAProxy with network host: 80/443 for Marathon apps (HAPROXY_GROUP external), 9090 stats and
  // health check (marathon_lb_ports, defaults/main.yml:5), and the proxied UIs (defaults/main.yml:10-18).
  cx.open({ protocol: 'tcp', from: 80, to: 80, audience: 'users', class: 'service', description: 'marathon-lb HTTP' });
  cx.open({ protocol: 'tcp', from: 443, to: 443, audience: 'users', class: 'service', description: 'marathon-lb HTTPS' });
  cx.open({ protocol: 'tcp', from: 9090, to: 9090, audience: 'cluster', class: 'service', description: 'marathon-lb stats and health check' });
  cx.open({ protocol: 'tcp', from: 5050, to: 5050, audience: 'users', class: 'admin', description: 'mesos UI via marathon-lb' });
  const mUi = marathon.ssl ? 8443 : 8080;
  cx.open({ protocol: 'tcp', from: mUi, to: mUi, audience: 'users', class: 'admin', description: 'marathon UI via marathon-lb' });
  if (chronosOn) {
    const cUi = chronos.ssl ? 4443 : 4400;
    cx.open({ protocol: 'tcp', from: cUi, to: cUi, audience: 'users', class: 'admin', description: 'chronos UI via marathon-lb' });
  }
}

/** The marathon-lb service. */
export const marathonLb: ServiceEntry<'marathonLb', ServiceBase> = defineService({
  key: 'marathonLb',
  lower(cx) {
    const on = cx.cluster.loadBalancers !== undefined && cx.earlier('marathon').enabled;
    return { enabled: on, hosts: on ? cx.cluster.ids.loadBalancers : [], origin: undefined };
  },
  plan: (_svc, cx) => planLb(cx),
  tosca: {
    contribute: (_svc, _g, kind) => (kind === 'load_balancer' ? { artifacts: { marathon_lb_role: 'marathon-lb' } } : {}),
  },
});
