// Types shared by the HOT bootstrap modules and the topology emitter (src/emit/hot).

/** A plain object with HOT intrinsic functions (get_param, get_attr, list_join, str_replace, ...). */
export type HotValue = unknown;

/** How a bootstrap refers to things in the template. */
export interface HotRefs {
  /** HOT value of a cluster input: { get_param: name }. */
  param(name: string): HotValue;
  /** HOT value (a list of IP strings) of the private addresses of every host of a group, e.g. masters. */
  groupAddresses(groupId: string): HotValue;
  /** HOT value of a secret generated per deployment (the `value` of its OS::Heat::RandomString). */
  generatedSecret(id: string): HotValue;
}
