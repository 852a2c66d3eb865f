// Sizes: CS3209 (a HOT template above Heat's default max_template_size), output linear in the number of
// servers (one shared bootstrap per group), CS3250 (user_data nova cannot take), CS3251 (too many resources).
import { expect } from 'chai';
import { compile } from '../../../src/compile.js';
import YAML from 'yaml';
import { HEAT_MAX_TEMPLATE_SIZE } from '../../../src/emit/hot/index.js';
import { minUserDataBase64 } from '../../../src/emit/hot/resources/limits.js';
import { resolveHot } from './bootstrap/fixtures.js';

function spec(pools: number): string {
  const lines = ['cluster "big" {', '  cloud { image = "ubuntu-22.04" network = "n" key_name = "k" public_network = "p" }', '  masters 3 { flavor = "m1" }'];
  for (let i = 0; i < pools; i++) lines.push(`  agents "p${i}" 1 { flavor = "m1" }`);
  return [...lines, '}'].join('\n') + '\n';
}

describe('emit/hot template size', function () {
  this.timeout(60000);
  it('warns with CS3209 above Heat\'s max_template_size, and not below', function () {
    const small = compile(spec(2), 'small.cluster', { targets: ['hot'] });
    expect(small.diagnostics.map((d) => d.code)).to.not.include('CS3209');
    const big = compile(spec(120), 'big.cluster', { targets: ['hot'] });
    const hot = big.files.find((f) => f.target === 'hot')!;
    expect(Buffer.byteLength(hot.content)).to.be.greaterThan(HEAT_MAX_TEMPLATE_SIZE);
    const d = big.diagnostics.filter((x) => x.code === 'CS3209');
    expect(d).to.have.length(1);
    expect(d[0]!.severity).to.equal('warning');
    expect(d[0]!.primary?.span.start).to.equal('cluster '.length);
  });
});

/** A cluster with `masters` masters and `lbs` load balancers (0: none), public, every host a literal count. */
function hosts(masters: number, lbs: number): string {
  return [
    'cluster "big" {',
    '  cloud { image = "ubuntu-22.04" network = "n" key_name = "k" public_network = "p" }',
    `  masters ${masters} { flavor = "m1" }`,
    '  agents 2 { flavor = "m1" }',
    ...(lbs > 0 ? [`  load_balancers ${lbs} { flavor = "m1" }`] : []),
    '}',
  ].join('\n') + '\n';
}

function hotOf(text: string, mode: 'cloud-init' | 'software-config' = 'cloud-init'): { size: number; codes: string[]; doc: Record<string, any> | undefined } {
  const r = compile(text, 'big.cluster', { targets: ['hot'], hot: { mode } });
  const f = r.files.find((x) => x.target === 'hot');
  return { size: f ? Buffer.byteLength(f.content) : 0, codes: r.diagnostics.map((d) => d.code), doc: f ? (YAML.parse(f.content) as Record<string, any>) : undefined };
}

/** Every get_attr / get_param a value uses, resolved as short as possible: addresses `1.1.1.1`, the rest empty. */
function shortestStack(v: unknown, params: Record<string, string> = {}, attrs: Record<string, unknown> = {}): { params: Record<string, string>; attrs: Record<string, unknown> } {
  if (Array.isArray(v)) for (const x of v) shortestStack(x, params, attrs);
  else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['get_attr'])) attrs[(o['get_attr'] as string[]).join('.')] = (o['get_attr'] as string[]).at(-1) === 'ip_address' ? '1.1.1.1' : '';
    else if (typeof o['get_param'] === 'string') params[o['get_param']] = '';
    else for (const x of Object.values(o)) shortestStack(x, params, attrs);
  }
  return { params, attrs };
}

describe('emit/hot output bounds', function () {
  this.timeout(300000);

  it('grows linearly with the masters and load balancers (each group\'s bootstrap is shared once)', function () {
    // Per-host growth between 11→51 and 51→91 hosts per group: equal when linear; a copy of the
    // group's script per host (which lists every host's address) makes the second 2.3 times the first.
    const [a, b, c] = [11, 51, 91].map((n) => hotOf(hosts(n, n)).size) as [number, number, number];
    const first = (b - a) / 40;
    const second = (c - b) / 40;
    expect(second / first, `bytes per host: ${first} then ${second}`).to.be.lessThan(1.1);
    // And the same holds in software-config mode.
    const [x, y, z] = [11, 51, 91].map((n) => hotOf(hosts(n, n), 'software-config').size) as [number, number, number];
    expect((z - y) / (y - x)).to.be.lessThan(1.1);
  });

  it('refuses with CS3250 a group whose user_data nova cannot take, and writes nothing', function () {
    const big = hotOf(hosts(999, 0));
    expect(big.codes).to.include('CS3250');
    expect(big.doc).to.equal(undefined);
    // software-config sends the values as deployment inputs: no user_data limit (warnings only).
    const sc = compile(hosts(999, 0), 'big.cluster', { targets: ['hot'], hot: { mode: 'software-config' } });
    expect(sc.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    expect(sc.diagnostics.map((d) => d.code)).to.include.members(['CS3209', 'CS3251']);
    expect(hotOf(hosts(301, 0)).codes).to.not.include('CS3250');
  });

  it('bounds CS3250 from below: the user_data resolved with the shortest values is never smaller', function () {
    for (const n of [1, 51, 301]) {
      const { doc } = hotOf(hosts(n, 3));
      for (const [name, r] of Object.entries(doc!['resources'] as Record<string, any>)) {
        if (r.type !== 'OS::Heat::Value') continue;
        const stack = shortestStack(r.properties.value);
        const text = resolveHot(r.properties.value, stack.params, stack.attrs) as string;
        const real = Buffer.from(text, 'utf8').toString('base64').length;
        const bound = minUserDataBase64(r.properties.value);
        expect(bound, `${name} of ${n} masters`).to.be.at.most(real);
        expect(bound, `${name} of ${n} masters: the bound is close`).to.be.at.least(real * 0.95);
      }
    }
  });

  it('warns with CS3251 above heat\'s default max_resources_per_stack, and not below', function () {
    expect(hotOf(hosts(301, 0)).codes).to.not.include('CS3251');
    const d = compile(hosts(301, 200), 'big.cluster', { targets: ['hot'] }).diagnostics.filter((x) => x.code === 'CS3251');
    expect(d).to.have.length(1);
    expect(d[0]!.severity).to.equal('warning');
  });
});
