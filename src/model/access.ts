// Lowering of the `access` block: who outside the cluster may reach each class of world-facing
// ports (ssh, admin, apps), as lists of IPv4 CIDRs checked by values.ts (CS2005, CS2080). The
// block is optional; an absent class takes the target's default, decided in src/emit/access.ts.
import type { Block } from '../spec/ast.js';
import { resolveBody } from './body.js';
import type { Access, AccessList } from './model.js';
import { literalOf, type ValueCtx } from './values.js';
import { BLOCKS, describeType } from './vocabulary.js';

/** Lowers the `access` block, or undefined when the spec has none. */
export function lowerAccess(ctx: ValueCtx, block: Block | undefined): Access | undefined {
  if (block === undefined) return undefined;
  const spec = BLOCKS['access']!;
  const body = resolveBody(ctx.diag, block.body ?? [], spec.attrs, block.name.name);
  const list = (name: 'ssh' | 'admin' | 'apps'): AccessList | undefined => {
    const a = body.attrs.get(name);
    const s = spec.attrs[name];
    if (!a?.value || !s) return undefined;
    if (a.value.kind === 'input') {
      // Who may reach a port shapes the security groups: it is part of the template, not an input.
      ctx.diag.report('CS2030', a.value.keywordSpan, { name }, { help: `write the value in the spec, as ${describeType(s.type)}` });
      return undefined;
    }
    const v = literalOf(ctx, a.value, s, name);
    return Array.isArray(v) ? { cidrs: v.map(String), origin: a.value.span } : undefined;
  };
  const ssh = list('ssh');
  const admin = list('admin');
  const apps = list('apps');
  return { ...(ssh ? { ssh } : {}), ...(admin ? { admin } : {}), ...(apps ? { apps } : {}), origin: block.name.span };
}
