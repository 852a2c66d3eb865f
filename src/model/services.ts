// Lowering of the services: runs every registry entry's `lower` (src/services) in registry order
// on its block (or its absence), then the checks an entry deferred until all are lowered. Each
// entry decides its own `enabled`, `hosts` and settings; this module only wires the context.
import type { Block } from '../spec/ast.js';
import { SERVICES, type Services } from '../services/index.js';
import type { ClusterFacts, LowerContext } from '../services/types.js';
import type { Param, ServiceBase } from './model.js';
import { Settings } from './settings.js';
import type { ValueCtx } from './values.js';

/** Lowers every registered service of one cluster. */
export function lowerServices(ctx: ValueCtx, cluster: ClusterFacts, blocks: ReadonlyMap<string, Block>): Services {
  const lowered: Record<string, ServiceBase> = {};
  const deferred: ((services: Services) => void)[] = [];
  for (const e of SERVICES) {
    const name = e.block?.name ?? e.key;
    const block = e.block ? blocks.get(e.block.name) : undefined;
    const cx: LowerContext = {
      diag: ctx.diag,
      block: new Settings(ctx, block, name, e.block?.attrs ?? {}),
      cluster,
      earlier: (key) => {
        const svc = lowered[key];
        if (svc === undefined) throw new Error(`service \`${e.key}\` reads \`${key}\`, which is lowered after it`);
        return svc as never;
      },
      implicitPassword: (description): Param<string> => {
        const input = `${name}_password`;
        ctx.inputs.add({ name: input, type: 'string', secret: true, description, implicit: true, origin: undefined });
        return { kind: 'input', input, origin: undefined };
      },
      afterAll: (check) => deferred.push(check),
    };
    lowered[e.key] = e.lower(cx);
  }
  const services = lowered as unknown as Services;
  for (const check of deferred) check(services);
  return services;
}
