// Cluster models for the role-catalog tests, built from spec text through the real front end
// (test/support/spec.ts): `cluster(opts)` writes the spec the options describe and lowers it, so
// the models are exactly what the compiler builds. Refused services (rexray CS2062, calico CS2063)
// are still lowered, so their plans can be checked; their refusal is allowed here.
import type { ClusterModel, GroupSize, Param } from '../../src/model/model.js';
import { specModel, withoutOrigins } from '../support/spec.js';

/** A literal param (as a spec attribute value), without a span: compare it with `withoutOrigins` of what lowering built. */
export function literal<T>(value: T): Param<T> {
  return withoutOrigins<Param<T>>({ kind: 'literal', value, origin: undefined });
}

/** A param referring to a cluster input (written `input` in the spec; named `<block>_<attr>` by lowering), without a span. */
export function input<T>(name: string): Param<T> {
  return withoutOrigins<Param<T>>({ kind: 'input', input: name, origin: undefined });
}

/** A fixed-size group size. */
export function fixed(count: number): GroupSize {
  return { kind: 'fixed', count: literal(count), origin: undefined };
}

/** An elastic group size. */
export function range(min: number, max: number): GroupSize {
  return { kind: 'range', min, max, origin: undefined };
}

/** Options of `cluster()`; every field is optional. */
export interface ClusterOptions {
  readonly masters?: number;
  readonly mastersPublic?: boolean;
  /** Agent pools: label (undefined = the unnamed pool) and size. Default: one unnamed pool of 2. */
  readonly pools?: readonly { readonly label?: string; readonly size: GroupSize }[];
  /** Number of load balancers (0 = none). */
  readonly loadBalancers?: number;
  readonly lbPublic?: boolean;
  readonly vip?: string;
  readonly marathon?: boolean;
  readonly chronos?: boolean;
  readonly ssl?: boolean;
  readonly authenticateHttp?: boolean;
  /** RexRay options (attribute → literal or `input`); undefined = no rexray block. */
  readonly rexray?: Readonly<Record<string, Param<string>>>;
  /** Calico etcd endpoints; undefined = no calico block. */
  readonly calico?: readonly string[];
}

function sizeText(s: GroupSize): string {
  if (s.kind === 'range') return `${s.min}..${s.max}`;
  if (s.count.kind !== 'literal') throw new Error('the fixture writes literal counts only');
  return String(s.count.value);
}

function valueText(p: Param<string>): string {
  return p.kind === 'input' ? 'input' : JSON.stringify(p.value);
}

/** The spec text of these options. */
export function clusterSpec(o: ClusterOptions = {}): string {
  const pub = (p: boolean | undefined): string => (p === false ? '  public = false' : '');
  const lines = ['cluster "test-cluster" {', '  description = "a test cluster"', '  cloud { image = "ubuntu-22.04" }'];
  lines.push(`  masters ${o.masters ?? 1} { flavor = "m1.medium"${pub(o.mastersPublic)} }`);
  for (const p of o.pools ?? [{ size: fixed(2) }]) {
    lines.push(`  agents ${p.label !== undefined ? JSON.stringify(p.label) + ' ' : ''}${sizeText(p.size)} { flavor = "m1.medium" }`);
  }
  if ((o.loadBalancers ?? 0) > 0) {
    lines.push(`  load_balancers ${o.loadBalancers} { flavor = "m1.medium"${pub(o.lbPublic)}${o.vip !== undefined ? `  vip = ${o.vip}` : ''} }`);
  }
  if (o.authenticateHttp === false) lines.push('  mesos { authenticate_http = false }');
  for (const [name, on] of [['marathon', o.marathon], ['chronos', o.chronos]] as const) {
    const attrs = [on === false ? 'enabled = false' : '', o.ssl === false ? 'ssl = false' : ''].filter((x) => x !== '');
    if (attrs.length > 0) lines.push(`  ${name} { ${attrs.join('  ')} }`);
  }
  if (o.rexray) lines.push(`  rexray { ${Object.entries(o.rexray).map(([k, p]) => `${k} = ${valueText(p)}`).join('  ')} }`);
  if (o.calico) lines.push(`  calico { etcd_endpoints = [${o.calico.map((e) => JSON.stringify(e)).join(', ')}] }`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** The model lowering builds for these options. */
export function cluster(o: ClusterOptions = {}): ClusterModel {
  return specModel(clusterSpec(o), { allow: ['CS2062', 'CS2063'] });
}
