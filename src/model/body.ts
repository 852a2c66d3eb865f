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
      resolveAttribute(diag, st, attrs, where, found, blocks);
      continue;
    }
    if (topLevel && canonicalBlock(name) !== undefined) {
      blocks.push(st);
    } else if (Object.hasOwn(attrs, name)) {
      diag.report('CS2003', st.name.span, { name }, { help: `write \`${name} = value\`` });
    } else if (topLevel) {
      const known = [...Object.keys(BLOCKS), ...Object.keys(BLOCK_ALIASES)];
      const meant = closest(name, known);
      diag.report('CS2001', st.name.span, { name, where: 'a cluster' }, {
        help: meant !== undefined ? `did you mean \`${meant}\`?` : `known blocks: ${Object.keys(BLOCKS).map((k) => '`' + k + '`').join(', ')}`,
        ...(meant !== undefined ? { fix: [{ span: st.name.span, text: meant }] } : {}),
      });
      // A misspelt block (`mastres 3 { }`) is checked as the block it is close to, unless that
      // block is present too: its body is still checked, and "no masters" is not reported.
      if (meant !== undefined && !body.some((o) => o.kind === 'block' && canonicalBlock(o.name.name) === canonicalBlock(meant))) {
        blocks.push({ ...st, name: { ...st.name, name: meant } });
      }
    } else {
      const help = canonicalBlock(name) !== undefined
        ? `\`${name}\` goes directly inside \`cluster\`, not inside \`${where}\``
        : `\`${where}\` takes attributes only` + suffix(didYouMean(name, Object.keys(attrs)));
      diag.report('CS2001', st.name.span, { name, where: '`' + where + '`' }, { help });
    }
  }
  return { attrs: found, blocks };
}

/** Sorts one attribute statement: known (first wins, CS2006), a block written as one (CS2004), or unknown (CS2002). */
function resolveAttribute(
  diag: DiagnosticCollector,
  st: Attribute,
  attrs: Readonly<Record<string, AttrSpec>>,
  where: string,
  found: Map<string, Attribute>,
  blocks: Block[],
): void {
  const topLevel = where === 'cluster';
  const name = st.name.name;
    if (Object.hasOwn(attrs, name)) {
      const first = found.get(name);
      if (first) {
        diag.report('CS2006', st.name.span, { name }, {
          secondary: [{ span: first.name.span, message: 'first given here' }],
          help: `remove one of the two \`${name}\` lines`,
          fix: [{ span: st.span, text: '' }],
        });
      } else found.set(name, st);
    } else if (canonicalBlock(name) !== undefined) {
      const counted = BLOCKS[canonicalBlock(name)!]?.count !== 'none';
      const v = st.value;
      if (topLevel && counted && v?.kind === 'number' && v.integer) {
        // `masters = 3`: the host group it means, with one error.
        diag.report('CS2004', st.name.span, { name }, {
          help: `a host group's count follows its name: \`${name} ${v.raw}\``,
          fix: [{ span: { ...v.span, start: st.name.span.end, end: v.span.start }, text: ' ' }],
        });
        blocks.push({ kind: 'block', span: st.span, name: st.name, label: undefined, count: { kind: 'count', span: v.span, value: v }, body: undefined });
      } else {
        diag.report('CS2004', st.name.span, { name }, {
          help: topLevel ? `write \`${name} { ... }\`` : `\`${name}\` is a block of its own, inside \`cluster\``,
        });
      }
    } else {
      const { help, fix } = attrHelp(name, attrs, where);
      diag.report('CS2002', st.name.span, { name, block: where }, {
        ...(help !== undefined ? { help } : {}),
        ...(fix !== undefined ? { fix: [{ span: st.name.span, text: fix }] } : {}),
      });
    }
}

function didYouMean(name: string, known: readonly string[]): string | undefined {
  const c = closest(name, known);
  return c !== undefined ? `did you mean \`${c}\`?` : undefined;
}

function suffix(s: string | undefined): string {
  return s !== undefined ? `; ${s}` : '';
}

/**
 * Words that name a concept the vocabulary spells differently or lacks: did-you-mean by edit
 * distance would point elsewhere (`gpus` → `cpus`), so these get a help of their own.
 */
function conceptHelp(name: string, attrs: Readonly<Record<string, AttrSpec>>): { help: string; fix?: string } | undefined {
  if (/gpu/i.test(name)) {
    const gpu = Object.keys(attrs).find((k) => /gpu/i.test(k));
    if (gpu !== undefined) return { help: `did you mean \`${gpu}\`?`, fix: gpu };
    if (!Object.hasOwn(attrs, 'flavor')) return undefined;
    return {
      help: `there is no GPU attribute: the hosts of a pool get GPUs from its flavor (\`flavor = "g1.xlarge"\`, used by HOT; TOSCA asks for cpus and memory only); remove \`${name}\``,
    };
  }
  if (/^(count|size|instances|replicas|nodes|hosts)$/.test(name) && Object.hasOwn(attrs, 'cpus')) {
    return { help: `the host count is written after the block name (\`masters 3 { ... }\`), not as \`${name}\`` };
  }
  return undefined;
}

function attrHelp(name: string, attrs: Readonly<Record<string, AttrSpec>>, where: string): { help?: string; fix?: string } {
  const concept = conceptHelp(name, attrs);
  if (concept) return concept;
  const meant = closest(name, Object.keys(attrs));
  if (meant !== undefined) return { help: `did you mean \`${meant}\`?`, fix: meant };
  const elsewhere = where === 'cluster' ? blocksWithAttr(name) : blocksWithAttr(name).filter((b) => b !== where);
  if (elsewhere.length > 0) return { help: `\`${name}\` belongs in ${elsewhere.map((b) => '`' + b + '`').join(' or ')}` };
  const known = Object.keys(attrs);
  return { help: known.length > 0 ? `known attributes: ${known.map((k) => '`' + k + '`').join(', ')}` : `\`${where}\` takes no attributes` };
}

