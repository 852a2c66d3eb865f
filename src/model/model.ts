// The cluster model: the target-neutral IR that lowering (lower.ts) builds from the AST and
// that both emitters read. It speaks the spec's vocabulary (masters, agents, load balancers,
// services), never TOSCA's or Heat's, and imports nothing from emit/. Every entity keeps the
// span of the text it came from (`origin`) so emitters can report warnings on the spec.
import type { Span } from '../diagnostics/span.js';
import type { Services } from '../services/index.js';

/** A literal value or a reference to a cluster input (`input`, `input(D)`, `secret`). */
export type Param<T> =
  | { readonly kind: 'literal'; readonly value: T; readonly origin: Span | undefined }
  | { readonly kind: 'input'; readonly input: string; readonly origin: Span | undefined };

/** The type of an input, in the spec's vocabulary. Sizes are bytes, durations seconds. */
export type InputType = 'string' | 'integer' | 'number' | 'boolean' | 'size' | 'duration' | 'list';

/** A literal value that an input default can hold. */
export type LiteralValue = string | number | boolean | readonly (string | number | boolean)[];

/** A deployment-time input (TOSCA input, HOT parameter). */
export interface Input {
  /** Predictable name derived from where it is used, e.g. `marathon_password`, `agents_gpu_count`. */
  readonly name: string;
  readonly type: InputType;
  /** Absent for required inputs and always absent for secrets. */
  readonly default?: LiteralValue;
  /** Hidden, never has a default, never written into an output. */
  readonly secret: boolean;
  readonly description: string;
  /** Inclusive numeric bounds (counts are at least 1, ranges give min/max). */
  readonly min?: number;
  readonly max?: number;
  /** The input was created by the compiler (e.g. a password a role requires), not written in the spec. */
  readonly implicit: boolean;
  readonly origin: Span | undefined;
}

/** The three kinds of host group. */
export type GroupKind = 'masters' | 'agents' | 'load_balancers';

/** How many hosts a group has: a fixed count, or an elastic range (agents only). */
export type GroupSize =
  | { readonly kind: 'fixed'; readonly count: Param<number>; readonly origin: Span | undefined }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly origin: Span | undefined };

/** A group of identical hosts: the masters, one agent pool, or the load balancers. */
export interface HostGroup {
  readonly kind: GroupKind;
  /**
   * Stable identifier, unique in the cluster, safe in resource names ([a-z0-9_]):
   * `masters`, `agents` (the unnamed pool), `agents_<label>` (a named pool), `load_balancers`.
   */
  readonly id: string;
  /** The label of a named agent pool (`agents "gpu"` → `gpu`). */
  readonly label?: string;
  readonly size: GroupSize;
  /** Cloud flavor (HOT uses it; TOSCA uses cpus/memory). */
  readonly flavor?: Param<string>;
  readonly cpus?: Param<number>;
  /** Memory in bytes. */
  readonly memory?: Param<number>;
  /** Root disk in bytes. */
  readonly disk?: Param<number>;
  /** Overrides `cloud.image` for this group. */
  readonly image?: Param<string>;
  /** Reachable from outside: floating IP (HOT), `network_name: PUBLIC` endpoint (TOSCA). */
  readonly public: boolean;
  /** The GPUs of an agent pool's hosts (`gpus` and friends); absent for a pool without GPUs. */
  readonly gpu?: GpuSettings;
  /** The virtual IP the hosts share (load balancers only; keepalived moves it). */
  readonly vip?: Vip;
  readonly origin: Span;
}

/** The GPUs each host of an agent pool has, and the CUDA software its image must provide. */
export interface GpuSettings {
  /** GPUs per host (`gpus`). */
  readonly count: number;
  /** `gpu_vendor` as written (only NVIDIA is accepted). */
  readonly vendor?: string;
  readonly model?: string;
  /** `cuda`: the CUDA version the image must have. */
  readonly cuda?: string;
  /** `cudnn`: the cuDNN version the image must have. */
  readonly cudnn?: string;
  /** Span of each written GPU attribute (name to value), by attribute name, for target notes. */
  readonly spans: Readonly<Record<string, Span>>;
  readonly origin: Span;
}

/** A virtual IP of a host group. */
export interface Vip {
  readonly address: string;
  /** Reachable from outside (a floating IP in HOT): the VIP of a public group is public. */
  readonly public: boolean;
  readonly origin: Span;
}

/** Cloud-level settings from the `cloud` block. */
export interface CloudSettings {
  /** Image name or id for every host (a group may override it). */
  readonly image?: Param<string>;
  /** The operating system the image runs, for the TOSCA `os` capability. */
  readonly os: { readonly distribution: string; readonly version: string };
  /** Private network name or id the hosts attach to. */
  readonly network?: Param<string>;
  /** CIDR of the private subnet, when given (used to check the VIP). */
  readonly subnet?: { readonly cidr: string; readonly origin: Span };
  /** External network for floating IPs. */
  readonly publicNetwork?: Param<string>;
  /** SSH key pair name. */
  readonly keyName?: Param<string>;
  readonly availabilityZone?: Param<string>;
  readonly origin: Span | undefined;
}

/** Fields every service has. */
export interface ServiceBase {
  readonly enabled: boolean;
  /** The host groups (by id) this service runs on, in group order. */
  readonly hosts: readonly string[];
  /** The spec block that configured it; undefined when implied by the topology. */
  readonly origin: Span | undefined;
}

/** Credentials of an HTTP service. */
export interface Credentials {
  readonly username: Param<string>;
  readonly password: Param<string>;
}

/** Every service of the cluster with its settings: derived from the service registry (src/services). */
export type { Services };

/** Who outside the cluster may reach one class of ports (the `access` block): CIDRs, possibly none. */
export interface AccessList {
  readonly cidrs: readonly string[];
  readonly origin: Span;
}

/**
 * The `access` block: who may reach each class of world-facing ports. An absent class takes the
 * target's default (src/emit/access.ts): nobody for SSH and the admin ports (except SSH in TOSCA,
 * which the orchestrator's IM needs), anyone for the load balancers' application ports.
 */
export interface Access {
  /** SSH (22) on public hosts. */
  readonly ssh?: AccessList;
  /** Mesos 5050, Marathon 8443/8080, Chronos 4443/4400 on public masters and load balancers. */
  readonly admin?: AccessList;
  /** marathon-lb 80 and 443 on public load balancers. */
  readonly apps?: AccessList;
  readonly origin: Span;
}

/** One cluster: everything an emitter needs. */
export interface ClusterModel {
  readonly name: string;
  readonly nameSpan: Span;
  readonly description: string;
  /** The cluster `version` attribute, when given (TOSCA `metadata.template_version`). */
  readonly version?: string;
  /** The spec file it came from (for output header comments). */
  readonly sourceFile: string;
  readonly cloud: CloudSettings;
  readonly masters: HostGroup;
  /** One or more agent pools, in declaration order. */
  readonly agentPools: readonly HostGroup[];
  /** Undefined when the spec declares no load balancers. */
  readonly loadBalancers: HostGroup | undefined;
  readonly services: Services;
  /** The `access` block, when written (absent: every class takes its default). */
  readonly access?: Access;
  /** Every input, explicit and implicit, in first-use order. */
  readonly inputs: readonly Input[];
  /** Span of each attribute of the blocks written once, by `block.attribute` (src/model/spans.ts). */
  readonly attributeSpans?: Readonly<Record<string, Span>>;
  readonly origin: Span;
}

/** All host groups of a cluster, in the order masters, agent pools, load balancers. */
export function hostGroups(m: ClusterModel): HostGroup[] {
  return [m.masters, ...m.agentPools, ...(m.loadBalancers ? [m.loadBalancers] : [])];
}
