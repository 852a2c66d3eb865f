// Shared state of one HOT emission: the model, the options, the diagnostics, the role plans,
// the resource and parameter naming rules, and the HotRefs handed to the bootstrap.
// Resource names come from the spec's vocabulary (group ids and host indexes), never from
// iteration over maps, so the same spec always yields the same names.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, HostGroup, Param } from '../../model/model.js';
import type { GroupPlan } from '../../roles/types.js';
import type { HotRefs, HotValue } from './bootstrap/index.js';
import type { YamlValue } from '../yaml.js';

/** How the roles run on the servers. */
export type HotMode = 'cloud-init' | 'software-config';

/** Everything the resource builders share. */
export interface HotContext {
  readonly m: ClusterModel;
  readonly mode: HotMode;
  readonly diag: DiagnosticCollector;
  /** One plan per host group, in hostGroups() order. */
  readonly plans: readonly GroupPlan[];
  /** Cloud values (literal or get_param), resolved by parameters.ts. */
  readonly cloud: CloudValues;
  /** The flavor value of each group (by id). */
  readonly flavors: ReadonlyMap<string, YamlValue>;
  readonly refs: HotRefs;
}

/** The HOT values of the cloud settings. */
export interface CloudValues {
  readonly image: YamlValue;
  readonly network: YamlValue;
  readonly keyName: YamlValue;
  /** Undefined when no group is public. */
  readonly publicNetwork: YamlValue;
  readonly availabilityZone: YamlValue;
}

/** Singular noun of a fixed-host group, for per-host resource names (`master_0`, `load_balancer_1`). */
export function hostNoun(g: HostGroup): string {
  return g.kind === 'masters' ? 'master' : g.kind === 'load_balancers' ? 'load_balancer' : 'agent';
}

/** Resource name of host i of an unrolled group (masters, load balancers). */
export function hostName(g: HostGroup, i: number): string {
  return `${hostNoun(g)}_${i}`;
}

/** The HOT value of a model Param: the literal, or get_param of its input. */
export function paramValue<T extends YamlValue>(p: Param<T>): YamlValue {
  return p.kind === 'literal' ? p.value : { get_param: p.input };
}

/** The literal count of a fixed group, or undefined when it is an input or a range. */
export function literalCount(g: HostGroup): number | undefined {
  return g.size.kind === 'fixed' && g.size.count.kind === 'literal' ? g.size.count.value : undefined;
}

/** The private address of host i of an unrolled group (OS::Neutron::Port attribute fixed_ips). */
export function hostAddress(g: HostGroup, i: number): HotValue {
  return { get_attr: [`${hostName(g, i)}_port`, 'fixed_ips', 0, 'ip_address'] };
}

/** get_resource of a resource name. */
export function ref(name: string): { get_resource: string } {
  return { get_resource: name };
}
