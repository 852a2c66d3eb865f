// The service registry: every service of a cluster, in one list that every phase iterates
// (lowering, checks, role plan, TOSCA nodes and notes, HOT notes). The list order is the order
// services are lowered (so inputs appear in that order) and the play order of their roles on a host.
// `Services`, the `services` field of the cluster model, is derived from the list: registering an
// entry here is all it takes to give the model a typed field for it. See README.md.
import { chronos } from './chronos.js';
import { hadoop } from './hadoop.js';
import { marathon } from './marathon.js';
import { spark } from './spark.js';
import type { AnyServiceEntry, ModelOf } from './types.js';
import { zookeeper } from './zookeeper.js';

/** Every service, in lowering and play order. */
export const SERVICE_LIST = [zookeeper, marathon, chronos, hadoop, spark] as const;

/** The entries as phases iterate them. */
export const SERVICES: readonly AnyServiceEntry[] = SERVICE_LIST;

/** The services of a cluster model, by key, each with its entry's model shape. */
export type Services = { readonly [E in (typeof SERVICE_LIST)[number] as E['key']]: ModelOf<E> };
