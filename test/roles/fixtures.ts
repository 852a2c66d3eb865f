// Hand-built ClusterModel fixtures for the role-catalog tests (and for the emitter tests that want a
// model without running the spec front end). `cluster(opts)` builds a model the way lowering does
// (grammar/LOWERING.md): consul everywhere, ZooKeeper on the masters, Mesos on masters and agents,
// Marathon/Chronos on the masters unless disabled, marathon-lb on the load balancers when Marathon
// is on, keepalived when a vip is given, passwords as secret inputs.
import type { ClusterModel, GroupSize, HostGroup, Input, Param, Services } from '../../src/model/model.js';

const span = { file: 'test.cluster', start: 0, end: 0 };

/** A literal param. */
export function literal<T>(value: T): Param<T> {
  return { kind: 'literal', value, origin: undefined };
}

/** A param referring to a cluster input. */
export function input<T>(name: string): Param<T> {
  return { kind: 'input', input: name, origin: undefined };
}

/** A fixed-size group size. */
export function fixed(count: number): GroupSize {
  return { kind: 'fixed', count: literal(count), origin: undefined };
}

/** An elastic group size. */
export function range(min: number, max: number): GroupSize {
  return { kind: 'range', min, max, origin: undefined };
}

/** Options of `cluster()`; every field is optional. */
export interface ClusterOptions {
  readonly masters?: number;
  readonly mastersPublic?: boolean;
  /** Agent pools: label (undefined = the unnamed pool) and size. Default: one unnamed pool of 2. */
  readonly pools?: readonly { readonly label?: string; readonly size: GroupSize }[];
  /** Number of load balancers (0 = none). */
  readonly loadBalancers?: number;
  readonly lbPublic?: boolean;
  readonly vip?: string;
  readonly marathon?: boolean;
  readonly chronos?: boolean;
  readonly ssl?: boolean;
  readonly authenticateHttp?: boolean;
  /** RexRay options (model option name → param); undefined = no rexray block. */
  readonly rexray?: Readonly<Record<string, Param<string>>>;
  /** Calico etcd endpoints; undefined = no calico block. */
  readonly calico?: readonly string[];
}

function group(kind: HostGroup['kind'], id: string, size: GroupSize, isPublic: boolean, label?: string): HostGroup {
  return { kind, id, ...(label !== undefined ? { label } : {}), size, flavor: literal('m1.medium'), public: isPublic, origin: span };
}

function secret(name: string): Input {
  return { name, type: 'string', secret: true, description: `${name} (secret)`, implicit: true, origin: undefined };
}

/** Builds a cluster model like lowering would for these options. */
export function cluster(o: ClusterOptions = {}): ClusterModel {
  const masters = group('masters', 'masters', fixed(o.masters ?? 1), o.mastersPublic ?? true);
  const pools = (o.pools ?? [{ size: fixed(2) }]).map((p) =>
    group('agents', p.label === undefined ? 'agents' : `agents_${p.label}`, p.size, false, p.label),
  );
  const lbs = (o.loadBalancers ?? 0) > 0 ? group('load_balancers', 'load_balancers', fixed(o.loadBalancers ?? 0), o.lbPublic ?? true) : undefined;
  const mIds = [masters.id];
  const aIds = pools.map((p) => p.id);
  const lbIds = lbs ? [lbs.id] : [];
  const all = [...mIds, ...aIds, ...lbIds];
  const marathonOn = o.marathon ?? true;
  const chronosOn = o.chronos ?? true;
  const auth = o.authenticateHttp ?? true;
  const ssl = o.ssl ?? true;
  const inputs: Input[] = [];
  if (auth) inputs.push(secret('mesos_password'));
  if (marathonOn) inputs.push(secret('marathon_password'));
  if (chronosOn) inputs.push(secret('chronos_password'));
  const elasticPools = pools.filter((p) => p.size.kind === 'range').map((p) => p.id);
  const services: Services = {
    mesos: {
      enabled: true,
      hosts: [...mIds, ...aIds],
      origin: undefined,
      username: literal('admin'),
      password: auth ? input('mesos_password') : literal(''),
      authenticateHttp: auth,
      clusterName: 'test-cluster',
    },
    marathon: {
      enabled: marathonOn,
      hosts: marathonOn ? mIds : [],
      origin: undefined,
      username: literal('admin'),
      password: marathonOn ? input('marathon_password') : literal(''),
      ssl,
    },
    chronos: {
      enabled: chronosOn,
      hosts: chronosOn ? mIds : [],
      origin: undefined,
      username: literal('admin'),
      password: chronosOn ? input('chronos_password') : literal(''),
      ssl,
    },
    zookeeper: { enabled: true, hosts: mIds, origin: undefined },
    consul: { enabled: true, hosts: all, origin: undefined, datacenter: 'dc1', domain: 'consul' },
    marathonLb: { enabled: lbs !== undefined && marathonOn, hosts: lbs !== undefined && marathonOn ? lbIds : [], origin: undefined },
    keepalived: {
      enabled: o.vip !== undefined && lbs !== undefined,
      hosts: o.vip !== undefined ? lbIds : [],
      origin: undefined,
      ...(o.vip !== undefined ? { vip: { address: o.vip, origin: span } } : {}),
      public: lbs?.public ?? true,
    },
    calico: {
      enabled: o.calico !== undefined,
      hosts: o.calico !== undefined ? all : [],
      origin: undefined,
      etcdEndpoints: (o.calico ?? []).map((e) => literal(e)),
    },
    rexray: {
      enabled: o.rexray !== undefined,
      hosts: o.rexray !== undefined ? aIds : [],
      origin: undefined,
      driver: 'cinder',
      options: o.rexray ?? {},
    },
    elasticity: { enabled: elasticPools.length > 0, hosts: elasticPools.length > 0 ? mIds : [], origin: undefined, idleTimeout: 600, pools: elasticPools },
  };
  return {
    name: 'test-cluster',
    nameSpan: span,
    description: 'a test cluster',
    sourceFile: 'test.cluster',
    cloud: { os: { distribution: 'ubuntu', version: '22.04' }, origin: undefined },
    masters,
    agentPools: pools,
    loadBalancers: lbs,
    services,
    inputs,
    origin: span,
  };
}
