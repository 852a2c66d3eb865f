// The service registry's contract: what one service (mesos, marathon, consul, ...) tells every
// phase about itself. One file per service in src/services/ exports one ServiceEntry; index.ts lists
// them, and each phase iterates that list instead of naming services:
//   vocabulary (block, attributes, types, defaults, inputs) → model/vocabulary.ts, model/body.ts
//   lower + check                                          → model/lower.ts (typed model shape)
//   plan (roles, variables, ports with their audience)      → roles/plan.ts (decides reachability)
//   endpoint, uses, tosca.*, hot.*                          → emit/tosca, emit/hot (notes, nodes)
// Entries import only types from model/, roles/ and emit/ (and runtime helpers from roles/ and this
// folder): lowering must not load the emitters. Hooks get what they need through their context.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import type { YamlValue } from '../emit/yaml.js';
import type { LoweredGroup } from '../model/groups.js';
import type { ClusterModel, HostGroup, LiteralValue, Param, ServiceBase } from '../model/model.js';
import type { AttrSpec } from '../model/vocabulary.js';
import type { Block } from '../spec/ast.js';
import type { RoleId } from '../roles/catalog.js';
import type { PortClass, VarExpr } from '../roles/types.js';
import type { Services } from './index.js';

export type { PortClass } from '../roles/types.js';

/** The spec block of a service: its name and attributes (type, bounds, default, input, doc). */
export interface ServiceBlock {
  /** Block name in the spec (`marathon`); also the prefix of input names (`marathon_password`). */
  readonly name: string;
  /** Attributes by name. `AttrSpec.default` is the documented default, `param` says `input` may stand for it. */
  readonly attrs: Readonly<Record<string, AttrSpec>>;
}

/** Read access to the attributes of one service block (an empty block when it is not written). */
export interface BlockSettings {
  /** True when the block was written. */
  readonly present: boolean;
  /** The span of the block name, when written. */
  readonly origin: Span | undefined;
  /** True when `attr` is written. */
  has(attr: string): boolean;
  /** A value that cannot be an input; undefined when absent or wrong (reported). */
  plain(attr: string): { value: LiteralValue; span: Span } | undefined;
  /** A boolean, or `dflt` (the attribute's `default` when omitted). */
  bool(attr: string, dflt?: boolean): boolean;
  /** A boolean with the span of the written value (no span when defaulted). */
  boolAt(attr: string, dflt?: boolean): { value: boolean; span?: Span };
  /** A string, or `dflt` (the attribute's `default` when omitted). */
  str(attr: string, dflt?: string): string;
  /** A value that may be an input; the input is named `<block>_<attr>`. Undefined when not written. */
  param<T extends LiteralValue>(attr: string): Param<T> | undefined;
  /** The spans of the items of `attr` when it is written as a list. */
  itemSpans(attr: string): readonly Span[];
}

/** What lowering knows about the cluster when services are lowered (host groups are lowered first). */
export interface ClusterFacts {
  readonly name: string;
  /** Undefined when the spec has no masters block (no model is built, services are still checked). */
  readonly masters: HostGroup | undefined;
  readonly pools: readonly HostGroup[];
  /** The load balancers, with their `vip`. */
  readonly loadBalancers: HostGroup | undefined;
  /** Group ids by kind, and every id in group order. */
  readonly ids: {
    readonly masters: readonly string[];
    readonly agents: readonly string[];
    readonly loadBalancers: readonly string[];
    readonly all: readonly string[];
  };
  /**
   * The `access.admin` list when it names at least one CIDR: only then are the admin ports of public
   * hosts reachable from outside (the exposure policy, src/emit/access.ts: nobody by default).
   */
  readonly adminOrigin: Span | undefined;
}

/** The context of ServiceEntry.lower. */
export interface LowerContext {
  readonly diag: DiagnosticCollector;
  /** This service's block (empty when not written or when the service has no block). */
  readonly block: BlockSettings;
  readonly cluster: ClusterFacts;
  /** A service lowered before this one (registry order); asking for a later one is a compiler bug. */
  earlier<K extends keyof Services>(key: K): Services[K];
  /** Declares the implicit secret input `<block>_password` and returns a reference to it. */
  implicitPassword(description: string): Param<string>;
  /** Runs `check` once every service is lowered (a check that depends on a later service). */
  afterAll(check: (services: Services) => void): void;
}

/** The context of ServiceEntry.check (cross-block meaning checks, after lowering). */
export interface CheckContext {
  readonly diag: DiagnosticCollector;
  /** The service's block as written, if it is. */
  readonly block: Block | undefined;
  readonly pools: readonly LoweredGroup[];
}

/**
 * Who a service means a port for. The planner (roles/plan.ts) turns it into a Reach, once, for
 * both targets: `users` → `world` on a public group, `vip` on a private group holding a public VIP,
 * nothing otherwise; `cluster` → `cluster`; `group:<id>` → the hosts of that group only.
 */
export type Audience = 'users' | 'cluster' | `group:${string}`;

/** A port a service's role listens on. */
export interface PortNeed {
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'vrrp';
  /** First port (inclusive); absent for icmp/vrrp. */
  readonly from?: number;
  /** Last port (inclusive). */
  readonly to?: number;
  readonly audience: Audience;
  /** What kind of port it is, so operator-given source lists can narrow each class (`admin` UIs/APIs, `service` traffic). */
  readonly class: PortClass;
  /** Why the port is open (`mesos master API`). */
  readonly description: string;
}

/** The context of ServiceEntry.plan: one host group of one cluster. */
export interface PlanContext {
  readonly m: ClusterModel;
  readonly group: HostGroup;
  /** True when `svc` is enabled and runs on this group. */
  on(svc: ServiceBase): boolean;
  /** Runs catalog role `role` on this group with `vars` (play order = registry order). */
  invoke(role: RoleId, vars: Readonly<Record<string, VarExpr>>): void;
  /** Adds variables to a role an earlier service invoked on this group (RexRay → mesos). */
  addVars(role: RoleId, vars: Readonly<Record<string, VarExpr>>): void;
  /** Opens a port on this group's hosts. */
  open(port: PortNeed): void;
}

/** An endpoint output (both targets): `<scheme>://<first master>:<port>`. */
export interface Endpoint {
  /** Output name, e.g. `marathon_endpoint`. */
  readonly output: string;
  readonly scheme: 'http' | 'https';
  readonly port: number;
  readonly description: string;
}

/** The software node kinds a host group gets in TOSCA. */
export type ToscaNodeKind = 'master' | 'agent' | 'load_balancer';

/** What a service adds to the TOSCA software node of one host group. */
export interface NodeContribution {
  readonly properties?: Readonly<Record<string, YamlValue>>;
  readonly capabilities?: Readonly<Record<string, YamlValue>>;
  /** Role artifacts: artifact name (the INDIGO type's) → catalog role id, pinned by the emitter. */
  readonly artifacts?: Readonly<Record<string, RoleId>>;
}

/** The context of the TOSCA hooks. */
export interface ToscaContext {
  readonly m: ClusterModel;
  readonly diag: DiagnosticCollector;
  /** A model Param as a TOSCA value (`get_input` for an input; Jinja checked, CS3110). */
  value(p: Param<string | number | boolean>, what: string): YamlValue;
  /** The node template names of a host group: its software node and its Compute. */
  names(g: HostGroup): { readonly software: string; readonly server: string };
  /** The agent pool CLUES scales (the first with a range), if any. */
  readonly elasticPool: HostGroup | undefined;
}

/** The context of ToscaHooks.prepare: the model as the TOSCA output sees it. */
export interface PrepareContext {
  /** Declares a new secret input (a fresh name based on `name`) and returns a reference to it. */
  secretInput(name: string, description: string, origin: Span | undefined): Param<string>;
}

/** TOSCA per-target knowledge of a service. */
export interface ToscaHooks<M extends ServiceBase> {
  /** The INDIGO type of the software node of a group kind; only the platform service (mesos) gives it. */
  nodeType?(kind: ToscaNodeKind): string;
  /** What the service adds to the software node of group `g` (called for every service, enabled or not). */
  contribute?(svc: M, g: HostGroup, kind: ToscaNodeKind, cx: ToscaContext): NodeContribution;
  /** Node templates of its own, by name (ElasticCluster; a framework's own node). */
  nodes?(svc: M, cx: ToscaContext): Readonly<Record<string, YamlValue>>;
  /** Lossy-emit warnings and notes (CS31xx) for what TOSCA cannot express. */
  lossy?(svc: M, cx: ToscaContext): void;
  /** Role artifacts the INDIGO types install unpinned because of this service (CS3113). */
  unpinnedRoles?(svc: M): readonly string[];
  /** The service's display name when its TLS keystores get published default passwords in TOSCA (CS3114). */
  keystore?(svc: M): string | undefined;
  /** The service's model as TOSCA needs it (e.g. an input for a password INDIGO requires). */
  prepare?(svc: M, cx: PrepareContext): M;
  /** Why TOSCA does not read the input of `attribute` (CS3120); null when another note says so. */
  unusedReason?(svc: M, attribute: string): string | null | undefined;
}

/** The context of the HOT hooks. */
export interface HotNoteContext {
  readonly m: ClusterModel;
  readonly mode: 'cloud-init' | 'software-config';
  readonly diag: DiagnosticCollector;
}

/** HOT per-target knowledge of a service (ports, roles and bootstrap come from the plan). */
export interface HotHooks<M extends ServiceBase> {
  /** Lossy-emit warnings (CS32xx). */
  lossy?(svc: M, cx: HotNoteContext): void;
  /** Why HOT does not read the input of `attribute` (CS3280); undefined for the default reason. */
  unusedReason?(svc: M, attribute: string): string | undefined;
}

/** One service of the registry. `K` is its key in `ClusterModel.services`, `M` its model shape. */
export interface ServiceEntry<K extends string, M extends ServiceBase> {
  readonly key: K;
  /** The spec block that configures it; absent for a service the topology implies (marathon-lb). */
  readonly block?: ServiceBlock;
  /** Lowers the block (or its absence) to the typed model shape, `enabled` and `hosts` decided. */
  lower(cx: LowerContext): M;
  /** Meaning checks on the written block after every block is lowered (CS20xx). */
  check?(cx: CheckContext): void;
  /** The spec attributes that are inputs: `[attribute as written, e.g. 'marathon.password', param]`. */
  uses?(svc: M): Iterable<readonly [string, Param<unknown>]>;
  /** Roles, variables and ports on one host group. */
  plan?(svc: M, cx: PlanContext): void;
  /** Its endpoint output in a target, if any. */
  endpoint?(svc: M, target: 'tosca' | 'hot'): Endpoint | undefined;
  readonly tosca?: ToscaHooks<M>;
  readonly hot?: HotHooks<M>;
}

/** Any entry, as phases iterate them (hooks are methods, so entries of every shape fit). */
export type AnyServiceEntry = ServiceEntry<string, ServiceBase>;

/** The model shape of an entry. */
export type ModelOf<E> = E extends ServiceEntry<string, infer M> ? M : never;

/** Declares an entry with its key and model types checked. */
export function defineService<K extends string, M extends ServiceBase>(e: ServiceEntry<K, M>): ServiceEntry<K, M> {
  return e;
}
