// topology_template.node_templates (TOSCA Simple Profile 1.0 §3.7.3) following the upstream
// INDIGO templates tosca-templates/mesos_cluster.yaml and tosca-types/examples/
// mesos_elastic_cluster.yaml: one software node per host group (its type from the platform service,
// its properties and role artifacts from every service entry, src/services) hosted
// (`requirements: - host: X`, §3.7.3.1 short form) on one tosca.nodes.indigo.Compute per host group,
// plus the nodes services bring of their own (the ElasticCluster of an elastic pool). Names are the
// upstream ones, so the result reads like what INDIGO users know; they come from group ids, never
// from counters.
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, HostGroup, Param } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';
import { ROLE_LIST } from '../../roles/index.js';
import type { PortRule } from '../../roles/types.js';
import { SERVICES, serviceModel } from '../../services/index.js';
import type { ToscaContext, ToscaNodeKind } from '../../services/types.js';
import type { YamlValue } from '../yaml.js';
import { roleArtifacts, type ArtifactResolver } from './artifacts.js';
import { gpuHostProperties, gpuOsProperties } from './gpu.js';
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
    ...gpuHostProperties(g.gpu, cx.diag),
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
          ...gpuOsProperties(g.gpu, cx.diag),
        },
      },
    },
  };
}

const NODE_KIND: Readonly<Record<HostGroup['kind'], ToscaNodeKind>> = { masters: 'master', agents: 'agent', load_balancers: 'load_balancer' };

/** The context the service entries' TOSCA hooks get. */
export function toscaContext(cx: NodeContext): ToscaContext {
  return {
    m: cx.m,
    diag: cx.diag,
    value: (p, what) => paramValue(p, what, cx.diag),
    names: groupNames,
    elasticPool: rangePools(cx.m)[0],
  };
}

/**
 * The software node of a host group: the type the platform service gives it, and what every
 * service contributes (properties, capabilities, role artifacts pinned by the catalog), hosted on
 * the group's Compute.
 */
export function softwareNode(g: HostGroup, cx: NodeContext, tcx: ToscaContext): Record<string, YamlValue> {
  const kind = NODE_KIND[g.kind];
  const properties: Record<string, YamlValue> = {};
  const capabilities: Record<string, YamlValue> = {};
  const artifacts: Record<string, string> = {};
  let type: string | undefined;
  for (const e of SERVICES) {
    type ??= e.tosca?.nodeType?.(kind);
    const c = e.tosca?.contribute?.(serviceModel(cx.m.services, e), g, kind, tcx) ?? {};
    Object.assign(properties, c.properties);
    Object.assign(capabilities, c.capabilities);
    Object.assign(artifacts, c.artifacts);
  }
  if (type === undefined) throw new Error(`no service gives the tosca node type of ${g.kind}`);
  return {
    type,
    properties,
    artifacts: roleArtifacts(inCatalogOrder(artifacts), cx.resolveArtifact),
    requirements: [{ host: groupNames(g).server }],
    capabilities: Object.keys(capabilities).length > 0 ? capabilities : undefined,
  };
}

/** Artifact name → role id, in the role catalog's (install) order. */
function inCatalogOrder(artifacts: Readonly<Record<string, string>>): Record<string, string> {
  const rank = (id: string): number => ROLE_LIST.findIndex((r) => r.id === id);
  return Object.fromEntries(Object.entries(artifacts).sort(([, a], [, b]) => rank(a) - rank(b)));
}

/** All node templates: the services' own (ElasticCluster, ...), then per host group its software node and its Compute. */
export function buildNodeTemplates(cx: NodeContext): Record<string, YamlValue> {
  const tcx = toscaContext(cx);
  const out: Record<string, YamlValue> = {};
  for (const e of SERVICES) Object.assign(out, e.tosca?.nodes?.(serviceModel(cx.m.services, e), tcx));
  const groups = hostGroups(cx.m);
  for (const g of groups) out[groupNames(g).software] = softwareNode(g, cx, tcx);
  for (const g of groups) out[groupNames(g).server] = computeNode(g, cx);
  return out;
}
