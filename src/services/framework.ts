// What Marathon and Chronos share: both are Mesos frameworks on the masters with HTTP Basic
// credentials and an optional TLS listener, configured by blocks of the same shape. The admin
// ports they expose face the world when the masters are public, or through marathon-lb on public
// load balancers while Marathon runs (CS2071, CS2072 warn about plain or unauthenticated ones).
import type { Credentials, Param, ServiceBase } from '../model/model.js';
import { gpuFrameworkVars } from '../roles/gpu.js';
import type { VarExpr } from '../roles/types.js';
import { addresses, bool, lit, literal, param, password, str } from './helpers.js';
import type { ClusterFacts, LowerContext, PlanContext, ServiceBlock } from './types.js';

/** A framework's model shape. */
export interface FrameworkModel extends ServiceBase, Credentials {
  /** Serves HTTPS (with the HTTP port kept for the cluster). */
  readonly ssl: boolean;
}

/** A framework's facts: its block name, display name and ports (ansible-role-<name> defaults/main.yml). */
export interface FrameworkFacts {
  readonly name: 'marathon' | 'chronos';
  readonly what: string;
  readonly http: number;
  readonly https: number;
}

/** The block of a framework. */
export function frameworkBlock(f: FrameworkFacts): ServiceBlock {
  return {
    name: f.name,
    attrs: {
      enabled: bool(`run ${f.what}`, true),
      username: str(`${f.what} user`, true, 'admin'),
      password: password(`${f.what} password`),
      ssl: bool(`${f.what} serves HTTPS`, true),
    },
  };
}

/**
 * True when the admin ports of the masters are reachable from outside: `access.admin` names a
 * CIDR (nobody by default) and the masters are public, or marathon-lb proxies them on public load balancers.
 */
export function adminWorldOpen(c: ClusterFacts, marathonOn: boolean): boolean {
  return c.adminOrigin !== undefined && (c.masters?.public === true || (c.loadBalancers?.public === true && marathonOn));
}

/** The help that makes those ports private. */
export function privateHelp(c: ClusterFacts, marathonOn: boolean): string {
  return `make the ${c.loadBalancers?.public === true && marathonOn ? 'masters and load balancers' : 'masters'} private with \`public = false\`, or empty \`access.admin\``;
}

/** Lowers a framework block; `marathonOn` says whether marathon-lb proxies its UI. */
export function lowerFramework(cx: LowerContext, f: FrameworkFacts, marathonOn: (enabled: boolean) => boolean): FrameworkModel {
  const s = cx.block;
  const enabled = s.bool('enabled');
  const username = s.param<string>('username') ?? literal(s.str('username'));
  const pw: Param<string> = s.param<string>('password') ?? (enabled && !s.has('password') ? cx.implicitPassword(`${f.what} password`) : literal(''));
  const ssl = s.boolAt('ssl');
  const proxied = marathonOn(enabled);
  if (enabled && !ssl.value && ssl.span && adminWorldOpen(cx.cluster, proxied)) {
    cx.diag.report('CS2072', ssl.span, { service: f.what, port: f.http }, {
      label: 'plain HTTP with Basic authentication',
      help: `remove \`ssl = false\`, or ${privateHelp(cx.cluster, proxied)}`,
    });
  }
  return { enabled, hosts: enabled ? cx.cluster.ids.masters : [], origin: s.origin, username, password: pw, ssl: ssl.value };
}

/**
 * The framework's role on the masters: credentials, TLS, and the keystore passwords, which default
 * to constants published in the role (ansible-role-marathon defaults/main.yml:37-39,
 * ansible-role-chronos defaults/main.yml:25-27): one generated secret per cluster instead.
 */
export function planFramework(svc: FrameworkModel, f: FrameworkFacts, cx: PlanContext): void {
  const id = f.name;
  const secret = (n: string): VarExpr => ({ kind: 'generatedSecret', id: `${id}_${n}` });
  cx.invoke(id, {
    zookeeper_peers: addresses(cx.m.masters.id),
    [`${id}_username`]: param(svc.username),
    [`${id}_password`]: param(svc.password),
    [`${id}_enable_ssl`]: lit(svc.ssl),
    ...gpuFrameworkVars(cx.m, id),
    ...(svc.ssl ? { [`${id}_key_password`]: secret('key_password'), [`${id}_pkcs_password`]: secret('pkcs_password'), [`${id}_jks_password`]: secret('jks_password') } : {}),
  });
  // ansible-role-marathon defaults/main.yml:43-44, ansible-role-chronos defaults/main.yml:33-34.
  cx.open({ protocol: 'tcp', from: f.http, to: f.http, audience: 'cluster', class: 'admin', description: `${id} HTTP` });
  if (svc.ssl) cx.open({ protocol: 'tcp', from: f.https, to: f.https, audience: 'cluster', class: 'admin', description: `${id} HTTPS` });
  const ui = svc.ssl ? f.https : f.http;
  cx.open({ protocol: 'tcp', from: ui, to: ui, audience: 'users', class: 'admin', description: `${id} UI and API` });
  if (cx.group.kind === 'masters') {
    // LIBPROCESS_PORT is unset, so the scheduler endpoint is an ephemeral port the Mesos master
    // connects back to (Linux ip_local_port_range default; upstream mesoscluster.yaml:88-92 opens all TCP).
    cx.open({ protocol: 'tcp', from: 32768, to: 60999, audience: 'cluster', class: 'service', description: 'libprocess ports of the Mesos frameworks' });
  }
}

/** The UI port of a framework as its settings choose it. */
export function uiPort(svc: FrameworkModel, f: FrameworkFacts): number {
  return svc.ssl ? f.https : f.http;
}
