// Lowering of attribute values: type checks against the vocabulary, unit normalisation (sizes to
// bytes, durations to seconds), bounds, and `input` / `secret` → model inputs. Every failure is
// reported (CS2005, CS2025, CS2030, CS2021) and yields `undefined`; nothing here throws.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Attribute, Value } from '../spec/ast.js';
import type { InputTable } from './inputs.js';
import type { InputType, LiteralValue, Param } from './model.js';
import { DURATION_UNITS, SIZE_UNITS, describeType, type AttrSpec, type ValueType } from './vocabulary.js';

/** What lowering needs to lower one value. */
export interface ValueCtx {
  readonly diag: DiagnosticCollector;
  readonly inputs: InputTable;
}

/** Human wording of what a value is, for "found ..." in CS2005. */
export function describeValue(v: Value): string {
  switch (v.kind) {
    case 'string': return 'a string';
    case 'number': return v.integer ? 'a whole number' : 'a decimal number';
    case 'quantity': return v.unit.dimension === 'size' ? 'a size' : 'a duration';
    case 'bool': return 'a boolean';
    case 'ipv4': return 'an IPv4 address';
    case 'cidr': return 'a CIDR';
    case 'list': return 'a list';
    case 'input': return v.secret ? '`secret`' : '`input`';
    case 'identValue': return `the name ${'`' + v.name + '`'}`;
  }
}

/** The model input type for an attribute type. */
export function inputTypeOf(t: ValueType): InputType {
  switch (t) {
    case 'ipv4':
    case 'cidr':
      return 'string';
    case 'string-list':
    case 'cidr-list':
      return 'list';
    default:
      return t;
  }
}

/** Formats a normalised value with the largest unit that divides it, for bounds in messages. */
export function formatAmount(n: number, t: ValueType): string {
  const units = t === 'size' ? SIZE_UNITS : t === 'duration' ? DURATION_UNITS : undefined;
  if (!units) return String(n);
  let best: [string, number] = [t === 'size' ? 'B' : 's', 1];
  for (const [u, f] of Object.entries(units)) if (n % f === 0 && f > best[1]) best = [u, f];
  return `${n / best[1]} ${best[0]}`;
}

/** A non-empty string (an identifier counts), or undefined after reporting CS2005 / CS2031. */
function stringOf(ctx: ValueCtx, v: Value, name: string, wrong: (help?: string, fix?: string) => undefined): string | undefined {
  if (v.kind !== 'string' && v.kind !== 'identValue') {
    const t = textOf(v);
    return v.kind === 'ipv4' || v.kind === 'cidr' || v.kind === 'number' ? wrong(`write it in quotes: \`"${t}"\``, `"${t}"`) : wrong();
  }
  const out = v.kind === 'string' ? v.value : v.name;
  if (out === '' && name !== 'description') {
    ctx.diag.report('CS2031', v.span, { name }, { help: `give a value or remove \`${name}\`` });
    return undefined;
  }
  return out;
}

/** A size or duration in bytes / seconds, or undefined after reporting (through `wrong` / `unquote`). */
function quantityOf(v: Value, spec: AttrSpec, wrong: (help?: string, fix?: string) => undefined, unquote: (t: string) => undefined): number | undefined {
  const dim = spec.type === 'size' ? 'size' : 'duration';
  if (v.kind === 'quantity' && v.unit.dimension === dim) {
    const f = (dim === 'size' ? SIZE_UNITS : DURATION_UNITS)[v.unit.text];
    return f === undefined ? wrong() : Math.round(v.number.value * f);
  }
  if (v.kind === 'number') {
    const unit = unitFor(v.value, spec);
    return wrong(`add a unit, e.g. \`${v.raw} ${unit}\`${dim === 'duration' ? ' (the units are s, min, h and d)' : ''}`, `${v.raw} ${unit}`);
  }
  const text = v.kind === 'string' ? quantityText(v.value, dim) : undefined;
  return text !== undefined ? unquote(text) : wrong();
}

/** A list of strings (`string-list`), or undefined after reporting (`wrong` for a value that is no list). */
function stringListOf(ctx: ValueCtx, v: Value, name: string, wrong: (help?: string, fix?: string) => undefined): string[] | undefined {
  if (v.kind !== 'list') return v.kind === 'string' ? wrong(`write a list: \`["${v.value}"]\``, `[${JSON.stringify(v.value)}]`) : wrong();
  return stringItems(ctx, v.items, name);
}

/** The items of a string list, or undefined after reporting CS2031 / CS2005 for bad items. */
function stringItems(ctx: ValueCtx, list: readonly Value[], name: string): string[] | undefined {
  const items: string[] = [];
  let ok = true;
  for (const it of list) {
    if (it.kind === 'string' && it.value === '') {
      ok = false;
      ctx.diag.report('CS2031', it.span, { name }, { help: 'remove the empty item' });
    } else if (it.kind === 'string') items.push(it.value);
    else {
      ok = false;
      ctx.diag.report('CS2005', it.span, { name, expected: 'a list of strings', found: describeValue(it) });
    }
  }
  return ok ? items : undefined;
}

/**
 * Checks `v` against `spec` and returns it normalised (bytes, seconds, strings), or undefined
 * after reporting. `name` is the attribute name used in messages.
 */
export function literalOf(ctx: ValueCtx, v: Value, spec: AttrSpec, name: string): LiteralValue | undefined {
  const wrong = (help?: string, fix?: string): undefined => {
    ctx.diag.report('CS2005', v.span, { name, expected: describeType(spec.type), found: describeValue(v) }, {
      ...(help !== undefined ? { help } : {}),
      ...(fix !== undefined ? { fix: [{ span: v.span, text: fix }] } : {}),
    });
    return undefined;
  };
  const unquote = (text: string): undefined => wrong(`drop the quotes: \`${name} = ${text}\``, text);
  let out: LiteralValue;
  switch (spec.type) {
    case 'string':
      return stringOf(ctx, v, name, wrong);
    case 'integer':
      if (v.kind === 'number' && v.integer) out = v.value;
      else if (v.kind === 'quantity') return wrong(`drop the unit: \`${name} = ${v.number.raw}\``, v.number.raw);
      else if (v.kind === 'string' && /^[0-9]+$/.test(v.value.trim())) return unquote(v.value.trim());
      else return wrong();
      break;
    case 'boolean':
      if (v.kind === 'bool') out = v.value;
      else if (v.kind === 'string' && /^(true|false)$/.test(v.value)) return unquote(v.value);
      else return wrong();
      break;
    case 'size':
    case 'duration': {
      const q = quantityOf(v, spec, wrong, unquote);
      if (q === undefined) return undefined;
      out = q;
      break;
    }
    case 'ipv4':
    case 'cidr':
      if (v.kind === spec.type) out = v.value;
      else if (v.kind === 'string' && /^[\d.]+(\/\d+)?$/.test(v.value)) return unquote(v.value);
      else return wrong();
      break;
    case 'string-list':
    case 'cidr-list': {
      const items = spec.type === 'cidr-list' ? cidrListOf(ctx, v, name) : stringListOf(ctx, v, name, wrong);
      if (items === undefined) return undefined;
      out = items;
      break;
    }
  }
  if (typeof out === 'number' && !inBounds(out, spec)) {
    ctx.diag.report('CS2025', v.span, {
      name,
      min: formatAmount(spec.min ?? 0, spec.type),
      max: formatAmount(spec.max ?? Number.MAX_SAFE_INTEGER, spec.type),
    });
    return undefined;
  }
  return out;
}

/**
 * A list of CIDRs (`access` block): every item a CIDR literal whose host bits are zero (CS2080,
 * with the network address as the fix: Neutron and the IM would otherwise read another range than
 * the one meant, or refuse it); a quoted CIDR or a bare address is CS2005 with the fix. An empty
 * list is allowed: nobody outside the cluster.
 */
function cidrListOf(ctx: ValueCtx, v: Value, name: string): string[] | undefined {
  const expected = describeType('cidr-list');
  if (v.kind !== 'list') {
    if (v.kind === 'cidr') {
      const net = networkOf(v.value);
      return wrongItem(ctx, v, name, expected, `write a list: \`[${net}]\`${hostBitsNote(v.value, net)}`, `[${net}]`);
    }
    return wrongItem(ctx, v, name, expected);
  }
  const out: string[] = [];
  let ok = true;
  for (const it of v.items) {
    if (it.kind === 'cidr') {
      const fixed = networkOf(it.value);
      if (fixed !== it.value) {
        const [ip = '', prefix = ''] = it.value.split('/');
        ctx.diag.report('CS2080', it.span, { cidr: it.value, network: fixed }, {
          label: `the address has bits set outside the /${prefix} prefix`,
          help: `write \`${fixed}\` (the network of this address), or \`${ip}/32\` for this address alone`,
          fix: [{ span: it.span, text: fixed }],
        });
        ok = false;
      } else if (!out.includes(it.value)) out.push(it.value);
    } else if (it.kind === 'ipv4') {
      ok = false;
      wrongItem(ctx, it, name, 'a CIDR', `write \`${it.value}/32\` for this address alone`, `${it.value}/32`);
    } else if (it.kind === 'string' && /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(it.value) && Number(it.value.split('/')[1]) <= 32) {
      ok = false;
      // the fix is the one that is accepted next: unquoted, and the network address (CS2080)
      const net = networkOf(it.value);
      wrongItem(ctx, it, name, 'a CIDR', `drop the quotes: \`${net}\`${hostBitsNote(it.value, net)}`, net);
    } else {
      ok = false;
      wrongItem(ctx, it, name, 'a CIDR');
    }
  }
  return ok ? out : undefined;
}

/** The network of `a.b.c.d/n` (host bits cleared): the CIDR itself when they are clear. */
function networkOf(cidr: string): string {
  const [ip = '', len = '0'] = cidr.split('/');
  const prefix = Number(len);
  const n = ip.split('.').reduce((a, p) => a * 256 + Number(p), 0);
  const base = prefix === 0 ? 0 : n - (n % Math.pow(2, 32 - prefix));
  if (base === n) return cidr;
  return `${[24, 16, 8, 0].map((s) => Math.floor(base / Math.pow(2, s)) % 256).join('.')}/${prefix}`;
}

/** The help's tail when the written CIDR has host bits: the network is given, and the /32 alternative. */
function hostBitsNote(cidr: string, net: string): string {
  return net === cidr ? '' : ` (the network of \`${cidr}\`; \`${cidr.split('/')[0]}/32\` for this address alone)`;
}

function wrongItem(ctx: ValueCtx, v: Value, name: string, expected: string, help?: string, fix?: string): undefined {
  ctx.diag.report('CS2005', v.span, { name, expected, found: describeValue(v) }, {
    ...(help !== undefined ? { help } : {}),
    ...(fix !== undefined ? { fix: [{ span: v.span, text: fix }] } : {}),
  });
  return undefined;
}

/**
 * The unit to suggest for a number written without one: the first candidate that puts the value
 * within the attribute's bounds. Durations try seconds first (`600` → `600 s`, never `600 min`);
 * sizes try GB, or MB for numbers of a thousand and more (`8` → `8 GB`, `4096` → `4096 MB`).
 */
function unitFor(n: number, spec: AttrSpec): string {
  const table = spec.type === 'size' ? SIZE_UNITS : DURATION_UNITS;
  const order = spec.type === 'size' ? (n >= 1000 ? ['MB', 'GB'] : ['GB', 'MB']) : ['s', 'min', 'h', 'd'];
  return order.find((u) => inBounds(Math.round(n * (table[u] ?? 1)), spec)) ?? order[0]!;
}

/** `"8 GB"` / `"8GB"` as the quantity text `8 GB` when it is one of dimension `dim`. */
function quantityText(s: string, dim: 'size' | 'duration'): string | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)\s*$/.exec(s);
  if (!m) return undefined;
  const unit = m[2]!;
  const table = dim === 'size' ? SIZE_UNITS : DURATION_UNITS;
  return Object.hasOwn(table, unit) ? `${m[1]} ${unit}` : undefined;
}

function inBounds(n: number, spec: AttrSpec): boolean {
  if (!Number.isSafeInteger(n)) return false;
  return (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max);
}

function textOf(v: Value): string {
  return v.kind === 'ipv4' || v.kind === 'cidr' ? v.value : v.kind === 'number' ? v.raw : '';
}

/**
 * Lowers the value of `attr` to a Param: a literal, or a reference to a new input named
 * `inputName` when the value is `input` / `secret`. Reports literal passwords (CS2021); a password
 * input is always hidden and takes no default (CS2070).
 */
export function lowerParam<T extends LiteralValue>(
  ctx: ValueCtx,
  attr: Attribute,
  spec: AttrSpec,
  inputName: string,
  description: string,
): Param<T> | undefined {
  const v = attr.value;
  if (!v) return undefined;
  const name = attr.name.name;
  if (v.kind === 'input') {
    if (!spec.param) {
      ctx.diag.report('CS2030', v.keywordSpan, { name }, { help: `write the value in the spec, as ${describeType(spec.type)}` });
      return undefined;
    }
    let def: LiteralValue | undefined;
    if (v.default && spec.password) {
      // A password is always secret: a default would be written into both outputs (CS2070).
      ctx.diag.report('CS2070', v.default.span, { name }, {
        label: 'this default would be written into both generated templates',
        help: `write \`${name} = secret\` and supply the value at deployment time`,
      });
    } else if (v.default) {
      def = literalOf(ctx, v.default, spec, name);
      if (def === undefined) return undefined;
    }
    ctx.inputs.add({
      name: inputName,
      type: inputTypeOf(spec.type),
      ...(def !== undefined ? { default: def } : {}),
      // A password input is hidden whether it was written `input` or `secret`.
      secret: v.secret || spec.password === true,
      description,
      ...(spec.min !== undefined ? { min: spec.min } : {}),
      ...(spec.max !== undefined ? { max: spec.max } : {}),
      implicit: false,
      origin: v.span,
    });
    return { kind: 'input', input: inputName, origin: v.span };
  }
  const lit = literalOf(ctx, v, spec, name);
  if (lit === undefined) return undefined;
  if (spec.password) {
    ctx.diag.report('CS2021', v.span, { name }, {
      label: 'this ends up in plain text in the generated templates',
      help: `write \`${name} = secret\` and supply the value at deployment time`,
    });
  }
  return { kind: 'literal', value: lit as T, origin: v.span };
}
