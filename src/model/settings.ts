// Read access to the attributes of one block during lowering (cloud and service blocks): resolves
// the body against the block's attribute specs once (reporting unknown names, CS2001-CS2007), then
// gives typed values with the spec's defaults. Used by lowerCloud and by the service entries
// (src/services), which see it as BlockSettings.
import type { Span } from '../diagnostics/span.js';
import type { BlockSettings } from '../services/types.js';
import type { Block } from '../spec/ast.js';
import { resolveBody } from './body.js';
import type { LiteralValue, Param } from './model.js';
import { literalOf, lowerParam, type ValueCtx } from './values.js';
import { describeType, type AttrSpec } from './vocabulary.js';

/** Accessors for the resolved attributes of one block. */
export class Settings implements BlockSettings {
  private readonly attrs;
  constructor(
    private readonly ctx: ValueCtx,
    private readonly block: Block | undefined,
    /** The canonical block name: the prefix of the input names (`marathon` → `marathon_password`). */
    private readonly name: string,
    private readonly specs: Readonly<Record<string, AttrSpec>>,
  ) {
    this.attrs = resolveBody(ctx.diag, block?.body ?? [], specs, block?.name.name ?? name);
  }

  private spec(attr: string): AttrSpec | undefined {
    return Object.hasOwn(this.specs, attr) ? this.specs[attr] : undefined;
  }

  get present(): boolean {
    return this.block !== undefined;
  }

  get origin(): Span | undefined {
    return this.block?.name.span;
  }

  itemSpans(attr: string): readonly Span[] {
    const v = this.attrs.attrs.get(attr)?.value;
    return v?.kind === 'list' ? v.items.map((i) => i.span) : [];
  }

  has(attr: string): boolean {
    return this.attrs.attrs.has(attr);
  }

  plain(attr: string): { value: LiteralValue; span: Span } | undefined {
    const a = this.attrs.attrs.get(attr);
    const s = this.spec(attr);
    if (!a?.value || !s) return undefined;
    if (a.value.kind === 'input') {
      this.ctx.diag.report('CS2030', a.value.keywordSpan, { name: attr }, { help: `write the value in the spec, as ${describeType(s.type)}` });
      return undefined;
    }
    const v = literalOf(this.ctx, a.value, s, attr);
    return v === undefined ? undefined : { value: v, span: a.value.span };
  }

  bool(attr: string, dflt?: boolean): boolean {
    return this.boolAt(attr, dflt).value;
  }

  boolAt(attr: string, dflt?: boolean): { value: boolean; span?: Span } {
    const v = this.plain(attr);
    if (v && typeof v.value === 'boolean') return { value: v.value, span: v.span };
    const d = dflt ?? this.spec(attr)?.default;
    if (typeof d !== 'boolean') throw new Error(`attribute \`${this.name}.${attr}\` has no boolean default`);
    return { value: d };
  }

  str(attr: string, dflt?: string): string {
    const v = this.plain(attr)?.value;
    if (typeof v === 'string') return v;
    const d = dflt ?? this.spec(attr)?.default;
    if (typeof d !== 'string') throw new Error(`attribute \`${this.name}.${attr}\` has no string default`);
    return d;
  }

  /** `inputName` overrides the input name (the cloud block's inputs are named after the attribute). */
  param<T extends LiteralValue>(attr: string, inputName = `${this.name}_${attr}`): Param<T> | undefined {
    const a = this.attrs.attrs.get(attr);
    const s = this.spec(attr);
    if (!a || !s) return undefined;
    return lowerParam<T>(this.ctx, a, s, inputName, s.doc);
  }
}
