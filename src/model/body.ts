// Name resolution of block bodies: sorts the statements of a cluster or block into known
// attributes and known blocks, reporting unknown names with did-you-mean (CS2001, CS2002),
// attributes written as blocks and vice versa (CS2003, CS2004) and duplicates (CS2006, CS2007).
// Output: the first occurrence of each attribute by name, the blocks in source order.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Attribute, Block, Statement } from '../spec/ast.js';
import { closest } from './suggest.js';
import { BLOCKS, BLOCK_ALIASES, type AttrSpec } from './vocabulary.js';

/** The resolved statements of one body. */
export interface Body {
  readonly attrs: ReadonlyMap<string, Attribute>;
  readonly blocks: readonly Block[];
}

/** Canonical name of a block (`slaves` → `agents`), or undefined when unknown. */
export function canonicalBlock(name: string): string | undefined {
  if (Object.hasOwn(BLOCKS, name)) return name;
  return Object.hasOwn(BLOCK_ALIASES, name) ? BLOCK_ALIASES[name] : undefined;
}

/** The blocks that have an attribute called `name` (for "belongs in" help). */
function blocksWithAttr(name: string): string[] {
  return Object.entries(BLOCKS).filter(([, b]) => Object.hasOwn(b.attrs, name)).map(([n]) => n);
}

/**
 * Resolves `body` against `attrs`; `where` names the enclosing block in messages (`cluster` for
 * the top level, where blocks are allowed; nested blocks allow none).
 */
export function resolveBody(
  diag: DiagnosticCollector,
  body: readonly Statement[],
  attrs: Readonly<Record<string, AttrSpec>>,
  where: string,
): Body {
  const topLevel = where === 'cluster';
  const found = new Map<string, Attribute>();
  const blocks: Block[] = [];
  for (const st of body) {
    const name = st.name.name;
    if (st.kind === 'attribute') {
      if (Object.hasOwn(attrs, name)) {
        const first = found.get(name);
        if (first) {
          diag.report('CS2006', st.name.span, { name }, {
            secondary: [{ span: first.name.span, message: 'first given here' }],
            help: `remove one of the two \`${name}\` lines`,
          });
        } else found.set(name, st);
      } else if (canonicalBlock(name) !== undefined) {
        diag.report('CS2004', st.name.span, { name }, {
          help: topLevel ? `write \`${name} { ... }\`` : `\`${name}\` is a block of its own, inside \`cluster\``,
        });
      } else {
        const help = attrHelp(name, attrs, where);
        diag.report('CS2002', st.name.span, { name, block: where }, help !== undefined ? { help } : {});
      }
      continue;
    }
    if (topLevel && canonicalBlock(name) !== undefined) {
      blocks.push(st);
    } else if (Object.hasOwn(attrs, name)) {
      diag.report('CS2003', st.name.span, { name }, { help: `write \`${name} = value\`` });
    } else {
      const help = topLevel
        ? didYouMean(name, [...Object.keys(BLOCKS), ...Object.keys(BLOCK_ALIASES)]) ?? `known blocks: ${Object.keys(BLOCKS).map((k) => '`' + k + '`').join(', ')}`
        : canonicalBlock(name) !== undefined
          ? `\`${name}\` goes directly inside \`cluster\`, not inside \`${where}\``
          : `\`${where}\` takes attributes only` + suffix(didYouMean(name, Object.keys(attrs)));
      diag.report('CS2001', st.name.span, { name, where: topLevel ? 'a cluster' : '`' + where + '`' }, help !== undefined ? { help } : {});
    }
  }
  return { attrs: found, blocks };
}

function didYouMean(name: string, known: readonly string[]): string | undefined {
  const c = closest(name, known);
  return c !== undefined ? `did you mean \`${c}\`?` : undefined;
}

function suffix(s: string | undefined): string {
  return s !== undefined ? `; ${s}` : '';
}

function attrHelp(name: string, attrs: Readonly<Record<string, AttrSpec>>, where: string): string | undefined {
  const dym = didYouMean(name, Object.keys(attrs));
  if (dym !== undefined) return dym;
  const elsewhere = where === 'cluster' ? blocksWithAttr(name) : blocksWithAttr(name).filter((b) => b !== where);
  if (elsewhere.length > 0) return `\`${name}\` belongs in ${elsewhere.map((b) => '`' + b + '`').join(' or ')}`;
  const known = Object.keys(attrs);
  return known.length > 0 ? `known attributes: ${known.map((k) => '`' + k + '`').join(', ')}` : `\`${where}\` takes no attributes`;
}

