// The service registry: every service of a cluster, in one list that every phase iterates
// (vocabulary, lowering, checks, role plan, TOSCA nodes and notes, HOT notes). The list order is
// the order services are lowered (so implicit inputs appear in that order) and the order their
// blocks are listed in help texts; roles run in the role catalog's order. `Services`, the
// `services` field of the cluster model, is derived from the list: registering an entry here is all
// it takes to give the model a typed field for it. See README.md.
import { calico } from './calico.js';
import { chronos } from './chronos.js';
import { consul } from './consul.js';
import { docker } from './docker.js';
import { elasticity } from './elasticity.js';
import { hadoop } from './hadoop.js';
import { keepalived } from './keepalived.js';
import { marathonLb } from './marathon-lb.js';
import { marathon } from './marathon.js';
import { mesos } from './mesos.js';
import { rexray } from './rexray.js';
import { spark } from './spark.js';
import type { ServiceBase } from '../model/model.js';
import type { AnyServiceEntry, ModelOf } from './types.js';
import { zookeeper } from './zookeeper.js';

export { DOCKER_BRIDGE_IP_CIDR } from './consul.js';
export { majority } from './mesos.js';
export { DOCKER_UNIT } from './docker.js';

/** Every service, in lowering order. */
export const SERVICE_LIST = [mesos, marathon, chronos, zookeeper, consul, marathonLb, keepalived, calico, rexray, elasticity, hadoop, spark, docker] as const;

/** The entries as phases iterate them. */
export const SERVICES: readonly AnyServiceEntry[] = SERVICE_LIST;

/** The services of a cluster model, by key, each with its entry's model shape. */
export type Services = { readonly [E in (typeof SERVICE_LIST)[number] as E['key']]: ModelOf<E> };

/** The model of entry `e` in `services` (the one place the key/shape correlation is asserted). */
export function serviceModel(services: Services, e: AnyServiceEntry): ServiceBase {
  const svc = (services as unknown as Readonly<Record<string, ServiceBase | undefined>>)[e.key];
  if (svc === undefined) throw new Error(`service \`${e.key}\` is not in the model`);
  return svc;
}

/** The entry whose block is called `name`, if any. */
export function serviceOfBlock(name: string): AnyServiceEntry | undefined {
  return SERVICES.find((e) => e.block?.name === name);
}
