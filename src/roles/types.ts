// Types of the role catalog: the one table of indigo-dc Ansible roles that both emitters use,
// so the TOSCA and HOT outputs cannot disagree about what runs where, in which order, with
// which variables. Values are target-neutral expressions (VarExpr) that each emitter translates
// (TOSCA: get_input/get_attribute; HOT: get_param/get_attr).
import type { GroupKind, HostGroup, Param } from '../model/model.js';

/** A target-neutral value expression for a role variable. */
export type VarExpr =
  /** A constant. */
  | { readonly kind: 'literal'; readonly value: string | number | boolean | readonly (string | number | boolean)[] }
  /** A value from the model: a literal, or a reference to a cluster input (secret or not). */
  | { readonly kind: 'param'; readonly param: Param<string | number | boolean> }
  /** The list of private IPv4 addresses of every host in the group with this id (e.g. `masters`). */
  | { readonly kind: 'groupAddresses'; readonly group: string }
  /** The private IPv4 address of host `index` of a group (e.g. the first master, the Hadoop namenode). */
  | { readonly kind: 'groupAddress'; readonly group: string; readonly index: number }
  /** The private IPv4 address of the host running the role. */
  | { readonly kind: 'selfAddress' }
  /** String concatenation of the parts. */
  | { readonly kind: 'concat'; readonly parts: readonly VarExpr[] }
  /**
   * One URL per host of a group (`<prefix><address><suffix>`), joined by `separator`, e.g. every
   * Marathon of the masters as `http://10.0.0.11:8080 http://10.0.0.12:8080`.
   */
  | { readonly kind: 'groupEndpoints'; readonly group: string; readonly prefix: string; readonly suffix: string; readonly separator: string }
  /**
   * A secret generated once per deployment (HOT: OS::Heat::RandomString, letters and digits), shared by every
   * host that names the same id; never a spec value, never a default.
   */
  | { readonly kind: 'generatedSecret'; readonly id: string }
  /**
   * The inner value quoted for a POSIX shell word at boot (Python shlex.quote), for a role that splits
   * a command line with shlex (docker_container `command:` strings).
   */
  | { readonly kind: 'shellQuoted'; readonly inner: VarExpr };

/**
 * What kind of port a rule opens, so that operator-given source lists can narrow each class:
 * `ssh` (22), `admin` (UIs and APIs that control the cluster or run code on it: Mesos, Marathon,
 * Chronos, Zeppelin, proxied or not), `service` (everything else: application traffic,
 * cluster-internal protocols). For the rules users reach (`world`, `vip`) the exposure policy
 * (src/emit/access.ts) narrows `ssh` by `access.ssh`, `admin` by `access.admin` and `service` by
 * `access.apps`.
 */
export type PortClass = 'ssh' | 'admin' | 'service';

/**
 * Where a port may be reached from, as the planner decided it for both targets: `world` = anyone
 * (public groups only), `vip` = anyone through the group's public VIP (the group itself is private),
 * `cluster` = every host of the cluster, `group:<id>` = the hosts of that group only.
 */
export type Reach = 'world' | 'vip' | 'cluster' | `group:${string}`;

/** A firewall rule a role needs on the hosts that run it. */
export interface PortRule {
  readonly protocol: 'tcp' | 'udp' | 'icmp' | 'vrrp';
  /** First port (inclusive); absent for icmp/vrrp. */
  readonly from?: number;
  /** Last port (inclusive); equals `from` for a single port. */
  readonly to?: number;
  /** Where it may be reached from, as the planner decided (roles/plan.ts reachOf). */
  readonly source: Reach;
  /** What kind of port it is (operator-given source lists narrow `world`/`vip` rules per class). */
  readonly class: PortClass;
  /** Why the port is open (`mesos master API`). */
  readonly description: string;
}

/** One Ansible role of the catalog. */
export interface RoleEntry {
  /** Short id: `docker`, `consul`, `zookeeper`, `mesos`, `marathon`, `chronos`, `marathon-lb`, `keepalived`, `calico`, `etcd`, ... */
  readonly id: string;
  /** Galaxy name, e.g. `indigo-dc.mesos`. */
  readonly galaxy: string;
  /** Pinned version (a tag or a commit) installed by both targets. */
  readonly version: string;
  /** Where ansible-galaxy fetches it from when pinned to a commit (git URL); absent for Galaxy releases. */
  readonly src?: string;
  /** The host kinds that may run it. */
  readonly groups: readonly GroupKind[];
  /** Galaxy names of the roles its meta/main.yml `dependencies` pull in (e.g. `indigo-dc.docker`). */
  readonly dependencies?: readonly string[];
}

/** A role as it runs on one host group: the role, its mode-specific variables, in play order. */
export interface RoleInvocation {
  readonly role: RoleEntry;
  /** Variables passed to the role, by Ansible variable name. */
  readonly vars: Readonly<Record<string, VarExpr>>;
}

/** What the catalog says about one host group. */
export interface GroupPlan {
  readonly group: HostGroup;
  /** Roles to run on every host of the group, in order. */
  readonly roles: readonly RoleInvocation[];
  /** Firewall rules the group's roles need (deduplicated, sorted). */
  readonly ports: readonly PortRule[];
}
