// Where each attribute of the one-of-a-kind blocks was written (`consul.datacenter` → its
// statement span), so that an emitter note about a setting it cannot apply sits on that
// setting, not on its block (issue 11: a diagnostic names the attribute and the target). Built
// from the resolved blocks of a cluster; host groups keep their own spans in HostGroup.
import type { Span } from '../diagnostics/span.js';
import type { Block } from '../spec/ast.js';

/** `block.attribute` → span of the attribute statement, for the blocks written once. */
export function attributeSpans(blocks: ReadonlyMap<string, Block>): Readonly<Record<string, Span>> {
  const out: Record<string, Span> = {};
  for (const [name, block] of blocks) {
    for (const st of block.body ?? []) {
      const key = `${name}.${st.name.name}`;
      if (st.kind === 'attribute' && !Object.hasOwn(out, key)) out[key] = st.span;
    }
  }
  return out;
}
