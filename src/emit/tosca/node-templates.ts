// topology_template.node_templates (TOSCA Simple Profile 1.0 §3.7.3) following the upstream
// INDIGO templates tosca-templates/mesos_cluster.yaml and tosca-types/examples/
// mesos_elastic_cluster.yaml: one software node (MesosMaster, MesosSlave per agent pool,
// MesosLoadBalancer) hosted (`requirements: - host: X`, §3.7.3.1 short form) on one
// tosca.nodes.indigo.Compute per host group, plus an ElasticCluster (CLUES) node for the first
// agent pool with a range. Names are the upstream ones, so the result reads like what INDIGO
// users know; they come from group ids, never from counters.
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, HostGroup, Param } from '../../model/model.js';
import type { PortRule } from '../../roles/types.js';
import type { YamlValue } from '../yaml.js';
import { roleArtifacts, type ArtifactResolver } from './artifacts.js';
import { portSpecs } from './ports.js';
import { paramValue, sanitize, sizeValue } from './values.js';

/** The node template names of one host group: its software node and the Compute hosting it. */
export interface GroupNames {
  readonly software: string;
  readonly server: string;
}

/** Upstream node names: `mesos_master`/`mesos_master_server`, `mesos_slave[_<label>]`/`…_server`, `mesos_load_balancer`/`mesos_lb_server`. */
export function groupNames(g: HostGroup): GroupNames {
  if (g.kind === 'masters') return { software: 'mesos_master', server: 'mesos_master_server' };
  if (g.kind === 'load_balancers') return { software: 'mesos_load_balancer', server: 'mesos_lb_server' };
  if (g.label === undefined && g.id === 'agents') return { software: 'mesos_slave', server: 'mesos_slave_server' };
  // The id is unique and already [a-z0-9_]; the label is only a fallback for hand-made models.
  const label = sanitize(g.id.startsWith('agents_') ? g.id.slice('agents_'.length) : g.label ?? g.id);
  return { software: `mesos_slave_${label}`, server: `mesos_slave_${label}_server` };
}

/** Name of the CLUES node, as in mesos_elastic_cluster.yaml. */
export const ELASTIC_NODE = 'elastic_cluster_front_end';

/** The agent pools with a range: the first is elastic (CLUES), the others get a fixed size. */
export function rangePools(m: ClusterModel): HostGroup[] {
  return m.agentPools.filter((p) => p.size.kind === 'range');
}

/** Everything the node builders need besides the model. */
export interface NodeContext {
  readonly m: ClusterModel;
  readonly diag: DiagnosticCollector;
  readonly resolveArtifact: ArtifactResolver;
  /** World-facing port rules of a group. */
  readonly worldPorts: (g: HostGroup) => readonly PortRule[];
  /** The CIDRs that may reach a world rule (src/emit/access.ts). */
  readonly sources: (r: PortRule) => readonly string[];
}

function str(p: Param<string>, what: string, cx: NodeContext): YamlValue {
  return paramValue(p, what, cx.diag);
}

/** `scalable.properties.count` of a group's Compute (a range starts at its minimum). */
function countValue(g: HostGroup, cx: NodeContext): YamlValue {
  if (g.size.kind === 'range') return g.size.min;
  return paramValue(g.size.count, 'the host count', cx.diag);
}

/**
 * The tosca.nodes.indigo.Compute of a group. Capabilities (custom_types.yaml @40fa4d6):
 * endpoint (indigo.Endpoint, only for public groups: network_name PUBLIC and the open ports),
 * scalable (indigo.Scalable count), host (indigo.Container: num_cpus, mem_size, disk_size,
 * instance_type for the flavor), os (indigo.OperatingSystem: type, distribution, version, image).
 */
export function computeNode(g: HostGroup, cx: NodeContext): Record<string, YamlValue> {
  const { m } = cx;
  const host: Record<string, YamlValue> = {
    num_cpus: g.cpus ? paramValue(g.cpus, 'the cpu count', cx.diag) : undefined,
    mem_size: g.memory ? paramValue(g.memory, 'the memory size', cx.diag, sizeValue) : undefined,
    disk_size: g.disk ? paramValue(g.disk, 'the disk size', cx.diag, sizeValue) : undefined,
    instance_type: g.flavor ? str(g.flavor, `the flavor of ${tick(g.id)}`, cx) : undefined,
  };
  const image = g.image ?? m.cloud.image;
  const endpoint = g.public
    ? { properties: { network_name: 'PUBLIC', ports: portSpecs(cx.worldPorts(g), cx.sources) } }
    : undefined;
  return {
    type: 'tosca.nodes.indigo.Compute',
    capabilities: {
      endpoint,
      scalable: { properties: { count: countValue(g, cx) } },
      host: Object.values(host).some((v) => v !== undefined) ? { properties: host } : undefined,
      os: {
        properties: {
          type: 'linux',
          distribution: m.cloud.os.distribution,
          version: m.cloud.os.version,
          image: image ? str(image, 'the image name', cx) : undefined,
        },
      },
    },
  };
}

/** `{ get_attribute: [ mesos_master_server, private_address ] }`: every master's private IP. */
const MASTER_IPS: YamlValue = { get_attribute: ['mesos_master_server', 'private_address'] };

/** The MesosMaster node (tosca.nodes.indigo.LRMS.FrontEnd.Mesos properties). */
export function masterNode(cx: NodeContext): Record<string, YamlValue> {
  const s = cx.m.services;
  const chronos = s.chronos.enabled;
  return {
    type: 'tosca.nodes.indigo.MesosMaster',
    properties: {
      mesos_masters_list: { get_attribute: ['HOST', 'private_address'] },
      mesos_authenticate_http: s.mesos.authenticateHttp,
      mesos_username: str(s.mesos.username, 'the mesos username', cx),
      mesos_password: str(s.mesos.password, 'the mesos password', cx),
      marathon_enable_ssl: s.marathon.ssl,
      marathon_username: str(s.marathon.username, 'the marathon username', cx),
      marathon_password: str(s.marathon.password, 'the marathon password', cx),
      enable_chronos: chronos,
      chronos_enable_ssl: chronos ? s.chronos.ssl : undefined,
      chronos_username: chronos ? str(s.chronos.username, 'the chronos username', cx) : undefined,
      chronos_password: chronos ? str(s.chronos.password, 'the chronos password', cx) : undefined,
      enable_consul_sd: s.consul.enabled,
    },
    artifacts: roleArtifacts('master', cx.resolveArtifact),
    requirements: [{ host: 'mesos_master_server' }],
  };
}

/** A MesosSlave node for one agent pool (tosca.nodes.indigo.LRMS.WorkerNode.Mesos properties). */
export function agentNode(g: HostGroup, elastic: boolean, cx: NodeContext): Record<string, YamlValue> {
  const names = groupNames(g);
  const wn = elastic && g.size.kind === 'range'
    ? { wn: { properties: { min_instances: g.size.min, max_instances: g.size.max } } }
    : undefined;
  return {
    type: 'tosca.nodes.indigo.MesosSlave',
    properties: {
      master_ips: MASTER_IPS,
      front_end_ip: { get_attribute: ['mesos_master_server', 'private_address', 0] },
      enable_consul_sd: cx.m.services.consul.enabled,
    },
    artifacts: roleArtifacts('agent', cx.resolveArtifact),
    requirements: [{ host: names.server }],
    capabilities: wn,
  };
}

/** The MesosLoadBalancer node (marathon-lb; custom_types.yaml tosca.nodes.indigo.MesosLoadBalancer). */
export function loadBalancerNode(cx: NodeContext): Record<string, YamlValue> {
  const s = cx.m.services;
  return {
    type: 'tosca.nodes.indigo.MesosLoadBalancer',
    properties: {
      master_ips: MASTER_IPS,
      marathon_username: str(s.marathon.username, 'the marathon username', cx),
      marathon_password: str(s.marathon.password, 'the marathon password', cx),
      enable_consul_sd: s.consul.enabled,
    },
    artifacts: roleArtifacts('load_balancer', cx.resolveArtifact),
    requirements: [{ host: 'mesos_lb_server' }],
  };
}

/**
 * The ElasticCluster (CLUES) node of mesos_elastic_cluster.yaml: `lrms` → the master, `wn` →
 * the elastic pool's software node; CLUES reaches the frameworks with these credentials
 * (tosca.datatypes.Credential, TOSCA §3.3.5). deployment_id, orchestrator_url and the IAM
 * fields keep their type defaults: the orchestrator fills them in at deployment.
 */
export function elasticNode(pool: HostGroup, cx: NodeContext): Record<string, YamlValue> {
  const s = cx.m.services;
  const cred = (ssl: boolean, user: Param<string>, password: Param<string>, svc: string): YamlValue => ({
    protocol: ssl ? 'https' : 'http',
    token_type: 'password',
    token: str(password, `the ${svc} password`, cx),
    user: str(user, `the ${svc} username`, cx),
  });
  return {
    type: 'tosca.nodes.indigo.ElasticCluster',
    properties: {
      marathon_credentials: cred(s.marathon.ssl, s.marathon.username, s.marathon.password, 'marathon'),
      chronos_credentials: s.chronos.enabled ? cred(s.chronos.ssl, s.chronos.username, s.chronos.password, 'chronos') : undefined,
      mesos_credentials: cred(false, s.mesos.username, s.mesos.password, 'mesos'),
    },
    requirements: [{ lrms: 'mesos_master' }, { wn: groupNames(pool).software }],
  };
}

/** All node templates, software nodes first (ElasticCluster, master, agents, LB), then Computes, as upstream orders them. */
export function buildNodeTemplates(cx: NodeContext): Record<string, YamlValue> {
  const { m } = cx;
  const elastic = rangePools(m)[0];
  const out: Record<string, YamlValue> = {};
  if (elastic) out[ELASTIC_NODE] = elasticNode(elastic, cx);
  out['mesos_master'] = masterNode(cx);
  for (const p of m.agentPools) out[groupNames(p).software] = agentNode(p, p === elastic, cx);
  if (m.loadBalancers) out['mesos_load_balancer'] = loadBalancerNode(cx);
  out['mesos_master_server'] = computeNode(m.masters, cx);
  for (const p of m.agentPools) out[groupNames(p).server] = computeNode(p, cx);
  if (m.loadBalancers) out['mesos_lb_server'] = computeNode(m.loadBalancers, cx);
  return out;
}
