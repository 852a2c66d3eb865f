// The spec vocabulary as data: which blocks exist, which attributes each takes, their types,
// bounds and whether `input` / `secret` may stand for them (service blocks come from the registry). Lowering validates against this
// table, did-you-mean suggests from it, and the grammar reference documents it.
// Pure data, no AST or diagnostics here.
import { SERVICES } from '../services/index.js';
import type { LiteralValue } from './model.js';

/** The type of an attribute value, in the spec's vocabulary. */
export type ValueType = 'string' | 'integer' | 'boolean' | 'size' | 'duration' | 'ipv4' | 'cidr' | 'string-list' | 'cidr-list';

/** One attribute of a block. */
export interface AttrSpec {
  readonly type: ValueType;
  /** `input` / `secret` may stand for the value. */
  readonly param: boolean;
  /** The value is a password: a literal triggers a warning; an input is always hidden and takes no default. */
  readonly password?: boolean;
  /** Inclusive bounds in normalised units (bytes, seconds). */
  readonly min?: number;
  readonly max?: number;
  /** One line for input descriptions and the grammar reference. */
  readonly doc: string;
  /** The value when the attribute is not written (documented in grammar/README.md). */
  readonly default?: LiteralValue;
}

/** How a block is written: host groups take a count, agent pools a label too. */
export interface BlockSpec {
  readonly attrs: Readonly<Record<string, AttrSpec>>;
  readonly count: 'none' | 'fixed' | 'range';
  readonly label: boolean;
}

const KB = 1000;
const MB = KB * 1000;
const GB = MB * 1000;
const TB = GB * 1000;
const MiB = 1024 * 1024;
const TiB = MiB * 1024 * 1024;

const str = (doc: string, param = true): AttrSpec => ({ type: 'string', param, doc });
const bool = (doc: string): AttrSpec => ({ type: 'boolean', param: false, doc });

const HOST_ATTRS: Record<string, AttrSpec> = {
  flavor: str('cloud flavor of each host'),
  cpus: { type: 'integer', param: true, min: 1, max: 1024, doc: 'virtual CPUs of each host' },
  memory: { type: 'size', param: true, min: 64 * MiB, max: 64 * TiB, doc: 'memory of each host' },
  disk: { type: 'size', param: true, min: GB, max: 1000 * TB, doc: 'root disk of each host' },
  image: str('image of each host (overrides cloud.image)'),
  public: bool('hosts get a public (floating) IP'),
};

/**
 * GPUs of an agent pool (Mesos runs tasks on agents only). None can be an input: a GPU pool shapes
 * both outputs (the GPU support of the roles). src/model/gpu.ts lowers them.
 */
const GPU_ATTRS: Record<string, AttrSpec> = {
  gpus: { type: 'integer', param: false, min: 1, max: 16, doc: 'GPUs of each host (NVIDIA)' },
  gpu_vendor: str('GPU vendor of each host; Mesos supports only "NVIDIA"', false),
  gpu_model: str('GPU model of each host, e.g. "Tesla V100"', false),
  cuda: str('CUDA version the image must have, e.g. "11.8"', false),
  cudnn: str('cuDNN version the image must have, e.g. "8.6"', false),
};

/** Largest host count of any group. */
export const MAX_COUNT = 1000;

/** The blocks of the registered services (src/services), in registry order. */
function serviceBlocks(): Record<string, BlockSpec> {
  const out: Record<string, BlockSpec> = {};
  for (const e of SERVICES) if (e.block) out[e.block.name] = { count: 'none', label: false, attrs: e.block.attrs };
  return out;
}

/** Every block a cluster may contain, by canonical name (`slaves` is an alias of `agents`). */
export const BLOCKS: Readonly<Record<string, BlockSpec>> = {
  cloud: {
    count: 'none',
    label: false,
    attrs: {
      image: str('image name or id of every host'),
      os: str('operating system of the image, "<distribution> <version>"', false),
      network: str('private network name or id'),
      subnet: { type: 'cidr', param: false, doc: 'CIDR of the private subnet' },
      public_network: str('external network for floating IPs'),
      key_name: str('ssh key pair name'),
      availability_zone: str('availability zone'),
    },
  },
  masters: { count: 'fixed', label: false, attrs: HOST_ATTRS },
  agents: { count: 'range', label: true, attrs: { ...HOST_ATTRS, ...GPU_ATTRS } },
  load_balancers: {
    count: 'fixed',
    label: false,
    attrs: { ...HOST_ATTRS, vip: { type: 'ipv4', param: false, doc: 'virtual IP shared by the load balancers' } },
  },
  ...serviceBlocks(),
  access: {
    count: 'none',
    label: false,
    attrs: {
      ssh: { type: 'cidr-list', param: false, doc: 'who may reach SSH (22) on public hosts' },
      admin: { type: 'cidr-list', param: false, doc: 'who may reach the admin UIs and APIs (Mesos, Marathon, Chronos, Zeppelin, ...) on public hosts' },
      apps: { type: 'cidr-list', param: false, doc: 'who may reach the application ports (80, 443 of the load balancers) on public hosts' },
    },
  },
};

/** Attributes allowed directly in a cluster body. */
export const CLUSTER_ATTRS: Readonly<Record<string, AttrSpec>> = {
  description: str('what the cluster is for', false),
  version: str('version of this cluster spec (TOSCA `metadata.template_version`)', false),
};

/** Alternative block names and their canonical name. */
export const BLOCK_ALIASES: Readonly<Record<string, string>> = { slaves: 'agents' };

/** Size units in bytes. */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1, KB, MB, GB, TB, KiB: 1024, MiB, GiB: MiB * 1024, TiB,
};

/** Duration units in seconds. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, min: 60, h: 3600, d: 86400 };

/** Distributions accepted in `cloud.os`. */
export const OS_DISTRIBUTIONS: readonly string[] = ['ubuntu', 'debian', 'centos', 'rhel', 'rocky', 'almalinux', 'fedora'];

/** Human wording of a value type, for messages. */
export function describeType(t: ValueType): string {
  switch (t) {
    case 'string': return 'a string';
    case 'integer': return 'a whole number';
    case 'boolean': return '`true` or `false`';
    case 'size': return 'a size such as `4 GB`';
    case 'duration': return 'a duration such as `10 min`';
    case 'ipv4': return 'an IPv4 address';
    case 'cidr': return 'a CIDR such as `10.0.0.0/24`';
    case 'string-list': return 'a list of strings';
    case 'cidr-list': return 'a list of CIDRs such as `[192.0.2.0/24]`';
  }
}
