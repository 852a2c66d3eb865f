// Lowering of host-group blocks (masters, agent pools, load balancers) into HostGroup: ids,
// labels, sizes (count, range or input `<id>_count`), host attributes and public exposure.
// Reports count and range problems (CS2011-CS2014, CS2024, CS2025, CS2027, CS2029).
import type { Span } from '../diagnostics/span.js';
import type { Attribute, Block, Count, NumberLit } from '../spec/ast.js';
import { resolveBody, type Body } from './body.js';
import type { GroupKind, GroupSize, HostGroup, Param } from './model.js';
import { literalOf, lowerParam, type ValueCtx } from './values.js';
import { BLOCKS, MAX_COUNT, type AttrSpec } from './vocabulary.js';

/** A lowered host group plus what later checks need from its block. */
export interface LoweredGroup {
  readonly group: HostGroup;
  readonly block: Block;
  /** The vip attribute of the load balancers, as written. */
  readonly vip?: { readonly address: string | undefined; readonly span: Span };
  /** True when the block sets `image`. */
  readonly hasImage: boolean;
}

const LABEL = /^[a-z][a-z0-9-]{0,31}$/;

/** The id of a group: `masters`, `agents`, `agents_<label>`, `load_balancers`. */
export function groupId(kind: GroupKind, label: string | undefined): string {
  return label !== undefined ? `${kind}_${label.replace(/-/g, '_')}` : kind;
}

const WHAT: Record<GroupKind, string> = { masters: 'master', agents: 'agent', load_balancers: 'load balancer' };

/** Attribute names people give a host count (`masters { count = 3 }`). */
const COUNT_WORDS = /^(count|size|instances|replicas|nodes|hosts)$/;

/**
 * `masters { count = 3 }`: reports CS2040 once, with the fix that moves the count after the name,
 * and returns the block as it is meant (count after the name, attribute removed), so neither
 * "needs a host count" nor "unknown attribute `count`" follows.
 */
function withMisplacedCount(ctx: ValueCtx, block: Block): Block {
  if (block.count) return block;
  const attr = (block.body ?? []).find((s): s is Attribute => s.kind === 'attribute' && COUNT_WORDS.test(s.name.name));
  const v = attr?.value;
  if (!attr || !v || !((v.kind === 'number' && v.integer) || v.kind === 'input')) return block;
  const raw = v.kind === 'number' ? v.raw : 'input(...)';
  const after = block.label?.span.end ?? block.name.span.end;
  ctx.diag.report('CS2040', attr.name.span, { group: block.name.name, name: attr.name.name }, {
    label: 'not an attribute',
    help: `write the count after the name: \`${block.name.name}${block.label ? ' "' + block.label.value + '"' : ''} ${raw} { ... }\``,
    ...(v.kind === 'number' ? { fix: [{ span: { ...attr.span, start: after, end: after }, text: ` ${v.raw}` }, { span: attr.span, text: '' }] } : {}),
  });
  const count: Count = v.kind === 'number' ? { kind: 'count', span: v.span, value: v } : v;
  return { ...block, count, body: (block.body ?? []).filter((s) => s !== attr) };
}

/** The label of an agent pool, reporting CS2027 for one that is not a safe name. */
function lowerLabel(ctx: ValueCtx, kind: GroupKind, block: Block): string | undefined {
  const label = kind === 'agents' ? block.label?.value : undefined;
  if (label !== undefined && block.label && !LABEL.test(label)) {
    const fixed = label.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').slice(0, 32);
    const suggested = fixed !== '' ? fixed : 'gpu';
    ctx.diag.report('CS2027', block.label.span, { label }, {
      help: `use lowercase letters, digits and hyphens, e.g. \`"${suggested}"\``,
      ...(LABEL.test(suggested) ? { fix: [{ span: block.label.span, text: `"${suggested}"` }] } : {}),
    });
  }
  return label;
}

/** The `public` attribute (a literal boolean); masters and load balancers are public by default. */
function lowerPublic(ctx: ValueCtx, kind: GroupKind, body: Body, attrs: Readonly<Record<string, AttrSpec>>): boolean {
  const pub = body.attrs.get('public');
  if (pub?.value?.kind === 'input') {
    ctx.diag.report('CS2030', pub.value.keywordSpan, { name: 'public' }, { help: 'write `public = true` or `public = false`' });
  } else if (pub?.value && attrs['public']) {
    const v = literalOf(ctx, pub.value, attrs['public'], 'public');
    if (typeof v === 'boolean') return v;
  }
  return kind !== 'agents';
}

/** The `vip` attribute as written (CS2030 for an input, CS2017 for anything but an IPv4 literal). */
function lowerVip(ctx: ValueCtx, body: Body): LoweredGroup['vip'] {
  const v = body.attrs.get('vip')?.value;
  if (!v) return undefined;
  if (v.kind === 'ipv4') return { address: v.value, span: v.span };
  if (v.kind === 'input') {
    ctx.diag.report('CS2030', v.keywordSpan, { name: 'vip' }, { help: 'write the address, e.g. `vip = 10.0.0.100`' });
    return { address: undefined, span: v.span };
  }
  const quoted = v.kind === 'string' && /^\d+\.\d+\.\d+\.\d+$/.test(v.value) ? v.value : undefined;
  ctx.diag.report('CS2017', v.span, {}, {
    help: quoted !== undefined ? `drop the quotes: \`vip = ${quoted}\`` : 'write one address, e.g. `vip = 10.0.0.100`',
    ...(quoted !== undefined ? { fix: [{ span: v.span, text: quoted }] } : {}),
  });
  return { address: undefined, span: v.span };
}

/** Lowers one host-group block of kind `kind`. */
export function lowerGroup(ctx: ValueCtx, kind: GroupKind, written: Block): LoweredGroup {
  const block = withMisplacedCount(ctx, written);
  const label = lowerLabel(ctx, kind, block);
  const id = groupId(kind, label);
  const spec = BLOCKS[kind];
  const attrs: Readonly<Record<string, AttrSpec>> = spec ? spec.attrs : {};
  const body = resolveBody(ctx.diag, block.body ?? [], attrs, block.name.name);
  const size = lowerSize(ctx, kind, id, block, body.attrs.has('vip') ? 2 : 1);
  const what = label !== undefined ? `${WHAT[kind]} (pool ${label})` : WHAT[kind];
  const param = <T extends string | number>(attr: string): Param<T> | undefined => {
    const a = body.attrs.get(attr);
    const s = attrs[attr];
    if (!a || !s) return undefined;
    return lowerParam<T>(ctx, a, s, `${id}_${attr}`, `${s.doc.replace('each host', `each ${what} host`)}${s.type === 'size' ? ' (bytes)' : ''}`);
  };
  const flavor = param<string>('flavor');
  const cpus = param<number>('cpus');
  const memory = param<number>('memory');
  const disk = param<number>('disk');
  const image = param<string>('image');
  const isPublic = lowerPublic(ctx, kind, body, attrs);
  const vip = lowerVip(ctx, body);
  const group: HostGroup = {
    kind,
    id,
    ...(label !== undefined ? { label } : {}),
    size,
    ...(flavor ? { flavor } : {}),
    ...(cpus ? { cpus } : {}),
    ...(memory ? { memory } : {}),
    ...(disk ? { disk } : {}),
    ...(image ? { image } : {}),
    public: isPublic,
    // The VIP of a public group is public (it gets a floating IP in HOT).
    ...(vip?.address !== undefined ? { vip: { address: vip.address, public: isPublic, origin: vip.span } } : {}),
    origin: block.name.span,
  };
  return { group, block, ...(vip ? { vip } : {}), hasImage: body.attrs.has('image') };
}

/** A whole-number count, or undefined after reporting CS2024 / CS2025. */
function countOf(ctx: ValueCtx, n: NumberLit): number | undefined {
  if (!n.integer) {
    ctx.diag.report('CS2024', n.span, { raw: n.raw }, { help: `write a whole number, e.g. \`${Math.max(1, Math.round(n.value))}\`` });
    return undefined;
  }
  if (!Number.isSafeInteger(n.value) || n.value > MAX_COUNT) {
    ctx.diag.report('CS2025', n.span, { name: 'host count', min: '0', max: String(MAX_COUNT) });
    return undefined;
  }
  return n.value;
}

function lowerSize(ctx: ValueCtx, kind: GroupKind, id: string, block: Block, inputMin: number): GroupSize {
  const c = block.count;
  const placeholder: GroupSize = { kind: 'fixed', count: { kind: 'literal', value: 0, origin: undefined }, origin: undefined };
  if (!c) {
    ctx.diag.report('CS2029', block.name.span, { group: block.name.name }, {
      help: kind === 'agents' ? `write a count or a range: \`${block.name.name} 2..10\`` : `write a count: \`${block.name.name} ${kind === 'masters' ? 3 : 2}\``,
    });
    return placeholder;
  }
  if (c.kind === 'count') {
    const n = countOf(ctx, c.value);
    if (n === undefined) return placeholder;
    if (n < 1) {
      ctx.diag.report('CS2011', c.span, { group: id, count: n }, {
        ...(kind === 'agents' ? { help: `a pool that may be empty is written as a range: \`${block.name.name} 0..${Math.max(1, n)}\`` } : {}),
      });
    }
    return { kind: 'fixed', count: { kind: 'literal', value: n, origin: c.span }, origin: c.span };
  }
  if (c.kind === 'range') {
    if (kind !== 'agents') {
      const n = c.max?.raw ?? c.min.raw;
      ctx.diag.report('CS2014', c.span, { group: id }, { help: `write a fixed count, e.g. \`${block.name.name} ${n}\``, fix: [{ span: c.span, text: n }] });
      return placeholder;
    }
    const min = countOf(ctx, c.min);
    const max = c.max ? countOf(ctx, c.max) : undefined;
    if (min === undefined || max === undefined) return placeholder;
    if (max < min) {
      ctx.diag.report('CS2012', c.span, { min, max }, { help: `write \`${max}..${min}\``, fix: [{ span: c.span, text: `${max}..${min}` }] });
    } else if (max === 0) {
      ctx.diag.report('CS2013', c.span, {}, { help: 'give a maximum above zero, e.g. `0..4`' });
    }
    return { kind: 'range', min, max, origin: c.span };
  }
  return inputSize(ctx, kind, id, c, inputMin);
}

/** An input count: `masters input(3)` → integer input `<id>_count`, at least 1 (2 with a vip). */
function inputSize(ctx: ValueCtx, kind: GroupKind, id: string, c: Extract<Count, { kind: 'input' }>, inputMin: number): GroupSize {
  const spec: AttrSpec = { type: 'integer', param: true, min: 1, max: MAX_COUNT, doc: '' };
  let def: number | undefined;
  if (c.default) {
    if (c.default.kind === 'number') {
      const n = countOf(ctx, c.default);
      if (n !== undefined && n < 1) ctx.diag.report('CS2011', c.default.span, { group: id, count: n });
      else def = n;
    } else {
      const v = literalOf(ctx, c.default, spec, `${id} count`);
      if (typeof v === 'number') def = v;
    }
  }
  const name = `${id}_count`;
  ctx.inputs.add({
    name,
    type: 'integer',
    ...(def !== undefined ? { default: def } : {}),
    secret: c.secret,
    description: `number of ${WHAT[kind]} hosts${id.startsWith('agents_') ? ` in pool ${id.slice(7)}` : ''}`,
    min: inputMin,
    max: MAX_COUNT,
    implicit: false,
    origin: c.span,
  });
  return { kind: 'fixed', count: { kind: 'input', input: name, origin: c.span }, origin: c.span };
}
