// fast-check arbitraries for the property tests (test/property/*.test.ts): VALID cluster specs across the
// whole vocabulary of grammar/README.md, kept as a small structured form (clusters → blocks → attributes)
// so that tests can reorder blocks and attributes and re-render, plus a renderer with random but valid
// formatting (spaces, tabs, LF / CRLF / CR line breaks, `#` and `//` comments, tight or loose `=`).
//
// Sample sizes: `propertyRuns(n)` is n by default (small, so CI on 2 cores stays fast) and
// $CLUSTERC_PROPERTY_RUNS when set (e.g. `CLUSTERC_PROPERTY_RUNS=1000`). Seeds are fixed by default
// (`propertySeed()`, override with $CLUSTERC_PROPERTY_SEED); fast-check prints seed and path on failure.
import { imageOs } from '../../src/model/checks/platform.js';
import fc from 'fast-check';

/** Number of runs of a property: `n` by default, $CLUSTERC_PROPERTY_RUNS when set. */
export function propertyRuns(n: number): number {
  const env = Number(process.env['CLUSTERC_PROPERTY_RUNS']);
  return Number.isInteger(env) && env > 0 ? env : n;
}

/** Seed of every property: fixed (reproducible CI) unless $CLUSTERC_PROPERTY_SEED is set. */
export function propertySeed(): number {
  const env = Number(process.env['CLUSTERC_PROPERTY_SEED']);
  return Number.isInteger(env) ? env : 20240607;
}

/** Parameters shared by every `fc.assert`. */
export function params(n: number): fc.Parameters<unknown> {
  return { numRuns: propertyRuns(n), seed: propertySeed(), endOnFailure: true };
}

/** One attribute: its name and the value as source text (already valid). */
export interface GenAttr {
  readonly name: string;
  /** Value tokens; rendered separated by same-line whitespace (a unit never goes to the next line). */
  readonly value: readonly string[];
}

/** One block: `name ["label"] [count] [{ attrs }]`. */
export interface GenBlock {
  /** `agents`, `slaves`, `masters`, ... */
  readonly name: string;
  readonly label?: string;
  /** Count tokens, e.g. ['3'], ['2', '..', '10'], ['input', '(', '4', ')']. */
  readonly count?: readonly string[];
  readonly attrs: readonly GenAttr[];
  /** Written without braces (only when `attrs` is empty). */
  readonly bare?: boolean;
  /** A host group (masters, agent pools, load balancers): its order relative to other pools may matter. */
  readonly hostGroup: boolean;
}

/** One cluster of a spec. */
export interface GenCluster {
  readonly name: string;
  readonly description?: string;
  readonly blocks: readonly GenBlock[];
}

/** A whole valid spec file. */
export interface GenSpec {
  readonly clusters: readonly GenCluster[];
}

// ---------------------------------------------------------------------------------------------------
// Values

const lowerName = (maxTail: number) =>
  fc
    .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: maxTail }))
    .map(([h, t]) => h + t);

/** Escapes a JS string into the spec's string syntax (`\"` `\\` `\n` `\t`). */
export function quote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
}

/**
 * Content of a non-empty string literal: plain names mostly, sometimes escapes, YAML-special text and
 * Unicode. Never a Jinja opening delimiter (`{{`, `{%`, `{#`): the TOSCA emitter rejects those (CS3110).
 */
const stringContent: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('m1.large', 'ubuntu-22.04', 'say "hi"', 'back\\slash', 'tab\there', 'line\nbreak', '{ brace }', '%}', '}}', ': yaml', '- dash', '#hash', 'yes', 'null', '0x10', '*alias', '&anchor', "it's", 'ünïcødé', '日本語', '🙂 emoji', '  spaced  ') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[\r\n\u0085\u2028\u2029]/.test(s) && s.trim() !== '') },
).filter((s) => !/\{[{%#]/.test(s));

/** String content a literal may hold in both targets: no `"` or `\` (CS3115, the IM writes name: "value"). */
const literalContent = stringContent.filter((s) => !/["\\]/.test(s));
const str = literalContent.map((s) => [quote(s)]);
/** A string attribute that may be an input: literal, `input`, `input("default")`. */
const strOrInput = fc.oneof(
  { weight: 4, arbitrary: str },
  { weight: 1, arbitrary: fc.constant<string[]>(['input']) },
  { weight: 1, arbitrary: literalContent.map((s) => ['input', '(', quote(s), ')']) },
);
/** An image name that names no other platform than the default (CS2061 would refuse it). */
const image = strOrInput.filter((t) => imageOs(t.join(' ')) === undefined);

const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

/** A size literal `N UNIT` (or `NUNIT`) strictly inside [min, max] bytes, with every unit and sometimes a decimal. */
function size(min: number, max: number): fc.Arbitrary<string[]> {
  const units = Object.keys(SIZE_UNITS).filter((u) => {
    const f = SIZE_UNITS[u]!;
    return Math.ceil((min * 1.01) / f) <= Math.floor((max * 0.99) / f) && Math.floor((max * 0.99) / f) < 1e15;
  });
  return fc.constantFrom(...units).chain((u) => {
    const f = SIZE_UNITS[u]!;
    const lo = Math.ceil((min * 1.01) / f);
    const hi = Math.floor((max * 0.99) / f);
    return fc.tuple(fc.integer({ min: lo, max: Math.min(hi, lo + 100000) }), fc.boolean(), fc.boolean()).map(([n, dec, glued]) => {
      const num = dec && n > lo ? `${n - 1}.5` : String(n);
      return glued ? [num + u] : [num, u];
    });
  });
}

const memory = size(64 * 1024 ** 2, 64 * 1024 ** 4);
const disk = size(1e9, 1000e12);
const cpus = fc.integer({ min: 1, max: 1024 }).map((n) => [String(n)]);
const bool = fc.boolean().map((b) => [String(b)]);
/** A duration between 1 min and 30 d in every unit. */
const duration = fc.oneof(
  fc.integer({ min: 60, max: 30 * 86400 }).map((n) => [String(n), 's']),
  fc.integer({ min: 1, max: 30 * 1440 }).map((n) => [String(n), 'min']),
  fc.integer({ min: 1, max: 720 }).map((n) => [String(n), 'h']),
  fc.integer({ min: 1, max: 30 }).map((n) => [String(n), 'd']),
);

/** Value that may be an input of a sized / numeric attribute: literal, `input`, `input(literal)`. */
function orInput(lit: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  return fc.oneof({ weight: 4, arbitrary: lit }, { weight: 1, arbitrary: fc.constant<string[]>(['input']) }, { weight: 1, arbitrary: lit.map((v) => ['input', '(', ...v, ')']) });
}

/** Password: `secret` mostly, `input`, or (rarely, a CS2021 warning) a literal. */
const password = fc.oneof({ weight: 4, arbitrary: fc.constant<string[]>(['secret']) }, { weight: 1, arbitrary: fc.constant<string[]>(['input']) }, { weight: 1, arbitrary: str });

/** Picks a random subset of optional attributes (each arbitrary gives the value tokens). */
function attrs(spec: Record<string, fc.Arbitrary<string[]>>): fc.Arbitrary<GenAttr[]> {
  const entries = Object.entries(spec);
  return fc.tuple(...entries.map(([name, a]) => fc.option(a.map((value) => ({ name, value }) as GenAttr), { nil: undefined }))).map((xs) =>
    xs.filter((x): x is GenAttr => x !== undefined),
  );
}

/** Shuffles an array (fast-check controlled). */
function shuffled<T>(xs: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
}

// ---------------------------------------------------------------------------------------------------
// Blocks

const hostAttrs = (extra: Record<string, fc.Arbitrary<string[]>> = {}) =>
  attrs({ flavor: strOrInput, cpus: orInput(cpus), memory: orInput(memory), disk: orInput(disk), image, public: bool, ...extra });

/** The supported platforms only (src/roles/platform.ts): any other `os` is CS2060. */
const OS = fc.constantFrom('ubuntu', 'Ubuntu', 'UBUNTU').map((d) => [quote(`${d} 22.04`)]);

/** A subnet and (possibly) a usable address in it. */
const subnet = fc
  .tuple(fc.constantFrom(8, 16, 24), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map(([prefix, a, b, c, h]) => {
    const net = prefix === 8 ? '10.0.0.0' : prefix === 16 ? `10.${a}.0.0` : `10.${a}.${b}.0`;
    const vip = prefix === 8 ? `10.${b}.${c}.${h}` : prefix === 16 ? `10.${a}.${c}.${h}` : `10.${a}.${b}.${h}`;
    return { cidr: `${net}/${prefix}`, vip };
  });

const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map((p) => p.join('.'));

/** A count of an agent pool: fixed, range (elastic), `input`, `input(N)`. */
const poolCount = fc.oneof(
  fc.integer({ min: 1, max: 20 }).map((n) => ({ tokens: [String(n)], range: false })),
  fc.integer({ min: 0, max: 1000 }).chain((lo) => fc.integer({ min: Math.max(lo, 1), max: Math.min(1000, lo + 50) }).map((hi) => ({ tokens: [String(lo), '..', String(hi)], range: true }))),
  fc.constant({ tokens: ['input'], range: false }),
  fc.integer({ min: 1, max: 50 }).map((n) => ({ tokens: ['input', '(', String(n), ')'], range: false })),
);

/** Masters: an odd literal count (even is CS2015; an input count is CS3202 in the HOT output). */
const mastersCount = fc.constantFrom(1, 3, 5, 7).map((n) => [String(n)]);

interface Shape {
  cluster: GenCluster;
}

/** One valid cluster named `name`. */
function cluster(name: string): fc.Arbitrary<Shape> {
  return fc
    .record({
      description: fc.option(fc.oneof(fc.constant(''), stringContent), { nil: undefined }),
      cloudAttrs: attrs({ image, os: OS, network: strOrInput, public_network: strOrInput, key_name: strOrInput, availability_zone: strOrInput }),
      net: fc.option(subnet, { nil: undefined }),
      mastersCount,
      masters: hostAttrs(),
      slavesAlias: fc.boolean(),
      unnamed: fc.boolean(),
      labels: fc.uniqueArray(lowerName(10), { minLength: 0, maxLength: 3 }),
      counts: fc.array(poolCount, { minLength: 4, maxLength: 4 }),
      poolAttrs: fc.array(hostAttrs(), { minLength: 4, maxLength: 4 }),
      lb: fc.option(
        fc.record({ vip: fc.boolean(), count: fc.integer({ min: 1, max: 5 }), attrs: hostAttrs() }),
        { nil: undefined },
      ),
      anyVip: ipv4,
      mesos: fc.option(attrs({ username: strOrInput, password, authenticate_http: bool, cluster_name: lowerName(12).map((s) => [quote(s)]) }), { nil: undefined }),
      marathon: fc.option(attrs({ enabled: bool, username: strOrInput, password, ssl: bool }), { nil: undefined }),
      chronos: fc.option(attrs({ enabled: bool, username: strOrInput, password, ssl: bool }), { nil: undefined }),
      zookeeper: fc.option(fc.boolean(), { nil: undefined }),
      // a DNS label may not end in `-` (CS2064)
      consul: fc.option(attrs({ datacenter: lowerName(8).map((s) => [quote(s)]), domain: lowerName(8).map((s) => [quote(s.replace(/-+$/, ''))]) }), { nil: undefined }),
      // calico and rexray are refused (CS2062, CS2063: nothing can deploy them), so valid specs have neither.
      elasticity: fc.option(attrs({ idle_timeout: duration }), { nil: undefined }),
    })
    .map((r) => {
      const blocks: GenBlock[] = [];
      const cloudAttrs = [...r.cloudAttrs];
      if (r.net) cloudAttrs.push({ name: 'subnet', value: [r.net.cidr] });
      blocks.push({ name: 'cloud', attrs: cloudAttrs, hostGroup: false });
      blocks.push({ name: 'masters', count: r.mastersCount, attrs: r.masters, hostGroup: true });
      const pools: (string | undefined)[] = [...(r.unnamed || r.labels.length === 0 ? [undefined] : []), ...r.labels];
      let anyRange = false;
      pools.forEach((label, i) => {
        const c = r.counts[i]!;
        anyRange ||= c.range;
        blocks.push({
          name: r.slavesAlias && i === 0 ? 'slaves' : 'agents',
          ...(label !== undefined ? { label: quote(label) } : {}),
          count: c.tokens,
          attrs: r.poolAttrs[i]!,
          hostGroup: true,
        });
      });
      if (r.lb) {
        const lbAttrs = [...r.lb.attrs];
        let n = r.lb.count;
        if (r.lb.vip) {
          n = Math.max(2, n);
          lbAttrs.push({ name: 'vip', value: [r.net ? r.net.vip : r.anyVip] });
        }
        // A literal count: an input count is CS3202 in the HOT output.
        blocks.push({ name: 'load_balancers', count: [String(n)], attrs: lbAttrs, hostGroup: true });
      }
      if (r.mesos) blocks.push({ name: 'mesos', attrs: r.mesos, hostGroup: false });
      if (r.marathon) blocks.push({ name: 'marathon', attrs: r.marathon, hostGroup: false });
      if (r.chronos) blocks.push({ name: 'chronos', attrs: r.chronos, hostGroup: false });
      if (r.zookeeper !== undefined) blocks.push({ name: 'zookeeper', attrs: [], bare: r.zookeeper, hostGroup: false });
      if (r.consul) blocks.push({ name: 'consul', attrs: r.consul, hostGroup: false });
      if (r.elasticity && anyRange) blocks.push({ name: 'elasticity', attrs: r.elasticity, hostGroup: false });
      return { cluster: { name, ...(r.description !== undefined ? { description: r.description } : {}), blocks } };
    });
}

/** A valid spec: one cluster mostly, sometimes two (distinct names). Blocks come in canonical order. */
export const validSpec: fc.Arbitrary<GenSpec> = fc
  .uniqueArray(lowerName(20), { minLength: 1, maxLength: 2 })
  .chain((names) => fc.tuple(...names.map((n) => cluster(n))))
  .map((shapes) => ({ clusters: shapes.map((s) => s.cluster) }));

// ---------------------------------------------------------------------------------------------------
// Rendering

/** How a spec is laid out: whitespace and comments between tokens (cycled), newline style. */
export interface Layout {
  /** Separators where a line break is allowed (at least one whitespace character each). */
  readonly gaps: readonly string[];
  /** Separators inside a value (number and unit, list items): spaces/tabs, may be empty. */
  readonly inline: readonly string[];
  /** Separators around `=`, `{`, `}`: may be empty. */
  readonly tight: readonly string[];
}

/** The plain layout: one space everywhere, a newline between statements. */
export const PLAIN: Layout = { gaps: ['\n'], inline: [' '], tight: [' '] };

const commentText = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n\u0085\u2028\u2029]/g, ' '));
const nl = fc.constantFrom('\n', '\r\n', '\r');

/** Random valid layouts. */
export const layout: fc.Arbitrary<Layout> = fc.record({
  gaps: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t ') },
      { weight: 3, arbitrary: fc.tuple(nl, fc.constantFrom('', '  ', '\t', '    ')).map(([n, i]) => n + i) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('#', '//', ' # ', '\t// '), commentText, nl).map(([m, t, n]) => ` ${m}${t}${n}`) },
      { weight: 1, arbitrary: fc.tuple(nl, nl).map(([a, b]) => a + b) },
    ),
    { minLength: 1, maxLength: 12 },
  ),
  inline: fc.array(fc.constantFrom('', ' ', '  ', '\t'), { minLength: 1, maxLength: 5 }),
  tight: fc.array(fc.constantFrom('', ' ', '  ', '\t', '\n', ' \n'), { minLength: 1, maxLength: 6 }),
});

class Writer {
  private out = '';
  private gi = 0;
  private ii = 0;
  private ti = 0;
  constructor(private readonly l: Layout) {}
  tok(t: string): this {
    this.out += t;
    return this;
  }
  gap(): this {
    this.out += this.l.gaps[this.gi++ % this.l.gaps.length]!;
    return this;
  }
  inline(): this {
    this.out += this.l.inline[this.ii++ % this.l.inline.length]!;
    return this;
  }
  tight(): this {
    this.out += this.l.tight[this.ti++ % this.l.tight.length]!;
    return this;
  }
  text(): string {
    return this.out;
  }
}

function writeValue(w: Writer, value: readonly string[]): void {
  value.forEach((v, i) => {
    if (i > 0) {
      // A unit must stay on the line of its number; `input` and `(` may not be separated by a line break
      // either, to keep the layout obviously valid.
      w.inline();
    }
    w.tok(v);
  });
}

function writeBlock(w: Writer, b: GenBlock): void {
  w.tok(b.name);
  if (b.label !== undefined) w.gap().tok(b.label);
  if (b.count) {
    w.gap();
    writeValue(w, b.count);
  }
  if (b.bare && b.attrs.length === 0) return;
  w.tight().tok('{');
  for (const a of b.attrs) {
    w.gap().tok(a.name).tight().tok('=').tight();
    writeValue(w, a.value);
  }
  w.gap().tok('}');
}

/** Renders a spec with a layout; an optional header comment first. */
export function render(spec: GenSpec, l: Layout = PLAIN): string {
  const w = new Writer(l);
  for (const c of spec.clusters) {
    w.tok('cluster').gap().tok(quote(c.name)).tight().tok('{');
    if (c.description !== undefined) w.gap().tok('description').tight().tok('=').tight().tok(quote(c.description));
    for (const b of c.blocks) {
      w.gap();
      writeBlock(w, b);
    }
    w.gap().tok('}').gap();
  }
  return w.text();
}

/** A valid spec rendered with a random layout, with its structure. */
export const validSpecText: fc.Arbitrary<{ spec: GenSpec; layout: Layout; text: string }> = fc
  .tuple(validSpec, layout)
  .map(([spec, l]) => ({ spec, layout: l, text: render(spec, l) }));

/** The same spec with every block's attributes permuted and the blocks other than host groups moved anywhere. */
export function reordered(spec: GenSpec): fc.Arbitrary<GenSpec> {
  return fc.tuple(
    ...spec.clusters.map((c) => {
      const groups = c.blocks.filter((b) => b.hostGroup);
      const others = c.blocks.filter((b) => !b.hostGroup);
      return fc
        .tuple(
          fc.tuple(...c.blocks.map((b) => shuffled(b.attrs).map((attrs) => ({ ...b, attrs })))),
          shuffled(others.map((_, i) => i)),
          fc.array(fc.nat(groups.length), { minLength: others.length, maxLength: others.length }),
        )
        .map(([blocks, perm, slots]) => {
          const g = blocks.filter((b) => b.hostGroup);
          const o = blocks.filter((b) => !b.hostGroup);
          // Host groups keep their relative order; each other block goes into a random slot between them.
          const out: GenBlock[][] = g.map(() => []).concat([[]]);
          perm.forEach((oi, k) => out[slots[k]!]!.push(o[oi]!));
          const res: GenBlock[] = [...out[0]!];
          g.forEach((b, i) => res.push(b, ...out[i + 1]!));
          return { ...c, blocks: res };
        });
    }),
  ).map((clusters) => ({ clusters }));
}
