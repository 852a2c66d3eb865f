// Hand-built cluster models for the TOSCA emitter tests (lowering is written separately).
// `haModel()` mirrors design.md §2's examples/mesos-ha.cluster; `upstreamShapeModel()` has the
// shape of tosca-templates/mesos_cluster.yaml (1 master, 1 pool of N agents, 1 load balancer).
// Spans point into the fictional file `ha.cluster` at distinct offsets so tests can tell them apart.
import type { Span } from '../../../src/diagnostics/span.js';
import type { ClusterModel, HostGroup, Input, Param, Services } from '../../../src/model/model.js';
import { sparkOff } from '../hot/bootstrap/fixtures.js';

/** A span in the fixture file at [start, start+len). */
export function sp(start: number, len = 4): Span {
  return { file: 'ha.cluster', start, end: start + len };
}

export function lit<T>(value: T, at?: number): Param<T> {
  return { kind: 'literal', value, origin: at === undefined ? undefined : sp(at) };
}

export function inp<T>(input: string, at?: number): Param<T> {
  return { kind: 'input', input, origin: at === undefined ? undefined : sp(at) };
}

export function input(name: string, type: Input['type'], extra: Partial<Input> = {}): Input {
  return { name, type, secret: false, description: `the ${name}`, implicit: false, origin: sp(900), ...extra };
}

const GB = 1e9;

function group(g: Partial<HostGroup> & Pick<HostGroup, 'kind' | 'id' | 'size'>, at: number): HostGroup {
  return { public: false, origin: sp(at), ...g };
}

function services(over: Partial<Services> = {}): Services {
  const base = { enabled: true, origin: undefined };
  return {
    mesos: { ...base, hosts: ['masters', 'agents'], username: lit('admin'), password: inp('mesos_password'), authenticateHttp: true, clusterName: 'IndigoCluster' },
    marathon: { ...base, hosts: ['masters'], username: lit('admin', 500), password: inp('marathon_password', 510), ssl: true, origin: sp(495) },
    chronos: { ...base, hosts: ['masters'], username: lit('admin'), password: inp('chronos_password', 540), ssl: true },
    zookeeper: { ...base, hosts: ['masters'] },
    consul: { ...base, hosts: ['masters', 'agents', 'load_balancers'], datacenter: 'dc1', domain: 'consul' },
    marathonLb: { ...base, hosts: ['load_balancers'] },
    keepalived: { ...base, enabled: false, hosts: [] },
    calico: { ...base, enabled: false, hosts: [], etcdEndpoints: [] },
    rexray: { ...base, enabled: false, hosts: [], driver: 'cinder', options: {} },
    elasticity: { ...base, enabled: false, hosts: [], idleTimeout: 600, pools: [] },
    docker: { ...base, hosts: ['masters', 'agents', 'load_balancers'] },
    hadoop: { enabled: false, hosts: [], origin: undefined },
    spark: sparkOff(lit('')),
    ...over,
  };
}

/** The shape of upstream mesos_cluster.yaml: 1 public master, `agents slave_num` (input), 1 public LB. */
export function upstreamShapeModel(): ClusterModel {
  return {
    name: 'mesos-basic',
    nameSpan: sp(8, 11),
    description: 'Deploy a Mesos Cluster (with Marathon and Chronos frameworks) on top of Virtual machines',
    sourceFile: 'examples/basic.cluster',
    cloud: { os: { distribution: 'ubuntu', version: '16.04' }, origin: sp(30) },
    masters: group({ kind: 'masters', id: 'masters', size: { kind: 'fixed', count: lit(1), origin: undefined }, cpus: lit(2), memory: lit(2 * GB), public: true }, 100),
    agentPools: [
      group({ kind: 'agents', id: 'agents', size: { kind: 'fixed', count: inp('slave_num', 210), origin: sp(210) }, cpus: inp('slave_cpus', 220), memory: inp('slave_mem', 230) }, 200),
    ],
    loadBalancers: group({ kind: 'load_balancers', id: 'load_balancers', size: { kind: 'fixed', count: lit(1), origin: undefined }, cpus: lit(2), memory: lit(2 * GB), public: true }, 300),
    services: services(),
    inputs: [
      input('mesos_password', 'string', { secret: true }),
      input('marathon_password', 'string', { secret: true }),
      input('chronos_password', 'string', { secret: true }),
      input('slave_num', 'integer', { default: 2, min: 1 }),
      input('slave_cpus', 'integer', { default: 1, min: 1 }),
      input('slave_mem', 'size', { default: 2 * GB }),
    ],
    origin: sp(0, 1000),
  };
}

/** design.md §2 mesos-ha: 3 masters, elastic agents 2..10, elastic gpu pool 0..4, 2 LBs with a VIP, consul dc, rexray. */
export function haModel(): ClusterModel {
  return {
    name: 'mesos-prod',
    nameSpan: sp(8, 12),
    description: 'HA Mesos cluster with elastic agents',
    sourceFile: 'examples/mesos-ha.cluster',
    cloud: {
      image: lit('ubuntu-22.04', 40),
      os: { distribution: 'ubuntu', version: '22.04' },
      network: lit('private-net', 60),
      publicNetwork: lit('public', 80),
      keyName: inp('key_name', 100),
      origin: sp(30),
    },
    masters: group({ kind: 'masters', id: 'masters', size: { kind: 'fixed', count: lit(3), origin: sp(130) }, flavor: lit('m1.large'), cpus: lit(2), memory: lit(4 * GB), public: true }, 120),
    agentPools: [
      group({ kind: 'agents', id: 'agents', size: { kind: 'range', min: 2, max: 10, origin: sp(210) }, cpus: lit(4), memory: lit(8 * GB), disk: lit(100 * GB) }, 200),
      group({ kind: 'agents', id: 'agents_gpu', label: 'gpu', size: { kind: 'range', min: 0, max: 4, origin: sp(310) }, flavor: lit('g1.xlarge') }, 300),
    ],
    loadBalancers: group({ kind: 'load_balancers', id: 'load_balancers', size: { kind: 'fixed', count: lit(2), origin: sp(410) }, public: true, vip: { address: '10.0.0.100', public: true, origin: sp(425, 10) } }, 400),
    services: services({
      keepalived: { enabled: true, hosts: ['load_balancers'], origin: sp(425, 10) },
      consul: { enabled: true, hosts: ['masters', 'agents', 'agents_gpu', 'load_balancers'], origin: sp(560), datacenter: 'bari', domain: 'consul' },
      rexray: { enabled: true, hosts: ['agents'], origin: sp(600), driver: 'cinder', options: {} },
      elasticity: { enabled: true, hosts: [], origin: undefined, idleTimeout: 600, pools: ['agents', 'agents_gpu'] },
    }),
    inputs: [
      input('key_name', 'string', { origin: sp(100) }),
      input('marathon_password', 'string', { secret: true, origin: sp(510) }),
      input('chronos_password', 'string', { secret: true, origin: sp(540) }),
      input('mesos_password', 'string', { secret: true, implicit: true, origin: undefined }),
    ],
    origin: sp(0, 1000),
  };
}

/** One input of every type with bounds, for the type mapping (unused by nodes, which TOSCA allows). */
export function extraInputs(): Input[] {
  return [
    input('ratio', 'number', { default: 0.5, min: 0, max: 1 }),
    input('debug', 'boolean', { default: false }),
    input('disk', 'size', { default: 4 * 2 ** 30, min: 2 ** 30 }),
    input('idle', 'duration', { default: 600, max: 86400 }),
    input('zones', 'list', { default: ['a', 'b'] }),
    input('ports', 'list', { default: [1, 2] }),
    input('token', 'string', { secret: true, default: 'never-written' }),
  ];
}
