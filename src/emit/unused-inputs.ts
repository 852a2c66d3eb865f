// Inputs a target does not use (issue 11, "no dead outputs"): after an emitter has built its
// document, every model input that no `get_input` (TOSCA) / `get_param` (HOT) reads is removed
// from the document's inputs / parameters, and the emitter reports a note naming the spec
// attribute and the target, unless another lossy-emit diagnostic of that target already says so.
import type { ClusterModel, Param } from '../model/model.js';
import { hostGroups } from '../model/model.js';
import { SERVICES, serviceModel } from '../services/index.js';
import type { Span } from '../diagnostics/span.js';

/** The spec attribute an input comes from, as the operator wrote it (`masters.cpus`, `chronos.password`). */
export interface InputUse {
  readonly attribute: string;
  readonly origin: Span | undefined;
}

const CLOUD_ATTRS = { image: 'image', network: 'network', publicNetwork: 'public_network', keyName: 'key_name', availabilityZone: 'availability_zone' } as const;

/** Input name → the spec attributes that are that input, in model order. */
export function inputUses(m: ClusterModel): Map<string, InputUse[]> {
  const out = new Map<string, InputUse[]>();
  const add = (p: Param<unknown> | undefined, attribute: string): void => {
    if (p?.kind !== 'input') return;
    const l = out.get(p.input) ?? [];
    l.push({ attribute, origin: p.origin });
    out.set(p.input, l);
  };
  for (const [k, a] of Object.entries(CLOUD_ATTRS)) add(m.cloud[k as keyof typeof CLOUD_ATTRS], `cloud.${a}`);
  for (const g of hostGroups(m)) {
    add(g.flavor, `${g.id}.flavor`);
    add(g.cpus, `${g.id}.cpus`);
    add(g.memory, `${g.id}.memory`);
    add(g.disk, `${g.id}.disk`);
    add(g.image, `${g.id}.image`);
    if (g.size.kind === 'fixed') add(g.size.count, `${g.id} count`);
  }
  for (const e of SERVICES) for (const [attribute, p] of e.uses?.(serviceModel(m.services, e)) ?? []) add(p, attribute);
  return out;
}
