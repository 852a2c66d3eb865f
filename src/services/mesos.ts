// Mesos: the platform itself, masters on the masters and agents on every agent pool (role
// indigo-dc.mesos, mesos_install_mode master | slave). It also gives the INDIGO node types of the
// host groups' TOSCA software nodes (MesosMaster, MesosSlave, MesosLoadBalancer), which the other
// services contribute properties and role artifacts to.
import type { Credentials, ServiceBase } from '../model/model.js';
import { clusterHasGpus, gpuAgentVars } from '../roles/gpu.js';
import type { VarExpr } from '../roles/types.js';
import { adminWorldOpen, privateHelp } from './framework.js';
import { addresses, bool, lit, literal, param, password, str } from './helpers.js';
import { defineService, type PlanContext, type ServiceEntry, type ToscaNodeKind } from './types.js';

/** Mesos settings. */
export interface MesosModel extends ServiceBase, Credentials {
  readonly authenticateHttp: boolean;
  readonly clusterName: string;
}

/** Default Mesos cluster name of the role (indigo-dc.mesos defaults/main.yml); the INDIGO types cannot set another. */
const ROLE_CLUSTER_NAME = 'IndigoCluster';

const NODE_TYPES: Readonly<Record<ToscaNodeKind, string>> = {
  master: 'tosca.nodes.indigo.MesosMaster',
  agent: 'tosca.nodes.indigo.MesosSlave',
  load_balancer: 'tosca.nodes.indigo.MesosLoadBalancer',
};

/** The smallest strict majority of n masters (the Mesos and ZooKeeper quorum). */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

function planMaster(svc: MesosModel, cx: PlanContext): void {
  const m = cx.m;
  const masters = addresses(m.masters.id);
  const count = m.masters.size.kind === 'fixed' && m.masters.size.count.kind === 'literal' ? m.masters.size.count.value : undefined;
  cx.invoke('mesos', {
    mesos_install_mode: lit('master'),
    zookeeper_peers: masters,
    mesos_masters_list: masters,
    // The role's default (ansible-role-mesos defaults/main.yml:52-62) is ceil(n/2) rendered with
    // leading blanks (`MESOS_QUORUM=  2`), not a majority for even n (1 of 2, 2 of 4). A majority
    // is floor(n/2)+1 (Mesos docs: --quorum must be a strict majority of the masters).
    ...(count !== undefined ? { mesos_quorum: lit(String(majority(count))) } : {}),
    mesos_cluster_name: lit(svc.clusterName),
    mesos_authenticate_http: lit(svc.authenticateHttp),
    // Credentials only matter with HTTP authentication; lowering gives a disabled one an empty literal.
    ...(svc.authenticateHttp ? { mesos_username: param(svc.username), mesos_password: param(svc.password) } : {}),
  });
  // ansible-role-mesos defaults/main.yml:36 mesos_master_port.
  cx.open({ protocol: 'tcp', from: 5050, to: 5050, audience: 'cluster', class: 'admin', description: 'mesos master' });
  cx.open({ protocol: 'tcp', from: 5050, to: 5050, audience: 'users', class: 'admin', description: 'mesos master UI and API' });
}

function planAgent(cx: PlanContext): void {
  const masters = addresses(cx.m.masters.id);
  const vars: Record<string, VarExpr> = { mesos_install_mode: lit('slave'), zookeeper_peers: masters, mesos_masters_list: masters, ...gpuAgentVars(cx.group) };
  cx.invoke('mesos', vars);
  // ansible-role-mesos defaults/main.yml:23 mesos_slave_port; task port resources `ports:[31000-32000]`
  // (Mesos agent default), where marathon-lb and other tasks reach the apps.
  cx.open({ protocol: 'tcp', from: 5051, to: 5051, audience: 'cluster', class: 'service', description: 'mesos agent' });
  cx.open({ protocol: 'tcp', from: 31000, to: 32000, audience: 'cluster', class: 'service', description: 'mesos task ports' });
}

/** The mesos service. */
export const mesos: ServiceEntry<'mesos', MesosModel> = defineService({
  key: 'mesos',
  block: {
    name: 'mesos',
    attrs: {
      username: str('Mesos HTTP user', true, 'admin'),
      password: password('Mesos HTTP password'),
      authenticate_http: bool('Mesos requires HTTP authentication', true),
      cluster_name: str('Mesos cluster name', false),
    },
  },
  lower(cx) {
    const s = cx.block;
    const authHttp = s.boolAt('authenticate_http');
    const authenticateHttp = authHttp.value;
    const username = s.param<string>('username') ?? literal(s.str('username'));
    const pw = s.param<string>('password') ?? (authenticateHttp && !s.has('password') ? cx.implicitPassword('Mesos HTTP password') : literal(''));
    cx.afterAll((services) => {
      const marathonOn = services.marathon.enabled;
      if (!adminWorldOpen(cx.cluster, marathonOn)) return;
      // Mesos serves its API on plain HTTP only (the roles configure no TLS for 5050): with
      // authentication on, every request carries the Basic-auth password in clear text.
      if (authenticateHttp && cx.cluster.adminOrigin) {
        cx.diag.report('CS2072', cx.cluster.adminOrigin, { service: 'Mesos', port: 5050 }, {
          label: 'opens the Mesos port 5050, plain HTTP with Basic authentication',
          help: 'Mesos has no TLS here: reach port 5050 through SSH (`access.ssh`) or a VPN and leave `access.admin` empty, or accept it with --allow plaintext-framework-auth',
        });
      }
      if (authenticateHttp || !authHttp.span) return;
      cx.diag.report('CS2071', authHttp.span, {}, {
        label: 'anyone who reaches port 5050 can use the Mesos API',
        help: `remove \`authenticate_http = false\`, or ${privateHelp(cx.cluster, marathonOn)}`,
      });
    });
    const { masters, agents } = cx.cluster.ids;
    return {
      enabled: true,
      hosts: [...masters, ...agents],
      origin: s.origin,
      username,
      password: pw,
      authenticateHttp,
      clusterName: s.str('cluster_name', cx.cluster.name),
    };
  },
  uses: (svc) => [['mesos.username', svc.username], ['mesos.password', svc.password]],
  plan: (svc, cx) => (cx.group.kind === 'masters' ? planMaster(svc, cx) : planAgent(cx)),
  endpoint: () => ({ output: 'mesos_endpoint', scheme: 'http', port: 5050, description: 'Mesos master web UI and API' }),
  tosca: {
    nodeType: (kind) => NODE_TYPES[kind],
    contribute(svc, g, kind, cx) {
      const server = cx.names(cx.m.masters).server;
      const masterIps = { get_attribute: [server, 'private_address'] };
      if (kind === 'load_balancer') return { properties: { master_ips: masterIps } };
      if (kind === 'agent') {
        const gpu = g.gpu ? true : undefined;
        return { properties: { master_ips: masterIps, front_end_ip: { get_attribute: [server, 'private_address', 0] }, enable_gpu_support: gpu }, artifacts: { mesos_agent_role: 'mesos' } };
      }
      return {
        properties: {
          mesos_masters_list: { get_attribute: ['HOST', 'private_address'] },
          mesos_authenticate_http: svc.authenticateHttp,
          mesos_username: cx.value(svc.username, 'the mesos username'),
          mesos_password: cx.value(svc.password, 'the mesos password'),
          // LRMS.FrontEnd.Mesos enable_gpu_support: the INDIGO playbook turns on GPU offers in Marathon and Chronos.
          enable_gpu_support: clusterHasGpus(cx.m) ? true : undefined,
        },
        artifacts: { mesos_agent_role: 'mesos' },
      };
    },
    lossy(svc, cx) {
      if (svc.clusterName === ROLE_CLUSTER_NAME || svc.clusterName === cx.m.name) return;
      cx.diag.report('CS3105', cx.m.attributeSpans?.['mesos.cluster_name'] ?? svc.origin ?? cx.m.origin, { name: svc.clusterName }, { label: 'not representable in tosca' });
    },
  },
  hot: {
    unusedReason: (svc) => (svc.authenticateHttp ? undefined : 'Mesos HTTP authentication is off'),
  },
});
