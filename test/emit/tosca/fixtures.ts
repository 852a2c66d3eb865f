// Cluster models for the TOSCA and HOT emitter tests, built from spec text through the real front
// end (test/support/spec.ts), so they are exactly what the compiler builds. `HA_SPEC` is
// examples/mesos-ha.cluster (design.md §2) plus a `rexray { }` block: rexray is refused by lowering
// (CS2062) but still lowered, and the emitters' rexray paths are tested on it, so that refusal is
// allowed here. `UPSTREAM_SPEC` has the shape of tosca-templates/mesos_cluster.yaml: 1 public master,
// an agent pool whose count, cpus and memory are inputs, 1 public load balancer. Both variants take
// extra spec lines (`extra`), written before the closing brace, for the tests that need one more
// block. `at(text, needle)` is the span of `needle` in the spec text, for the tests of spans.
import type { Span } from '../../../src/diagnostics/span.js';
import type { ClusterModel, Input, Param } from '../../../src/model/model.js';
import { specModel } from '../../support/spec.js';

/** The file name the fixture spans carry. */
export const HA_FILE = 'examples/mesos-ha.cluster';
export const UPSTREAM_FILE = 'examples/basic.cluster';

/** examples/mesos-ha.cluster (its comments dropped) and a refused `rexray { }`; `extra` goes before the closing brace. */
export function haSpec(extra = ''): string {
  return `cluster "mesos-prod" {
  description = "HA Mesos cluster with elastic agents"

  cloud {
    image          = "ubuntu-22.04"
    network        = "private-net"
    subnet         = 10.0.0.0/24
    public_network = "public"
    key_name       = input
  }

  masters 3 {
    flavor = "m1.large"
    cpus   = 2
    memory = 4 GB
  }

  agents 2..10 {
    flavor = "m1.xlarge"
    cpus   = 4
    memory = 8 GB
    disk   = 100 GB
  }

  agents "gpu" 0..4 {
    flavor = "g1.xlarge"
  }

  load_balancers 2 {
    flavor = "m1.small"
    vip    = 10.0.0.100
  }

  marathon { username = "admin"  password = secret }
  chronos  { password = secret }
  consul   { datacenter = "bari" }
  rexray   { }
${extra}}
`;
}

/** The shape of upstream mesos_cluster.yaml; `extra` goes before the closing brace. */
export function upstreamSpec(extra = ''): string {
  return `cluster "mesos-basic" {
  description = "Deploy a Mesos Cluster (with Marathon and Chronos frameworks) on top of Virtual machines"
  masters 1 { cpus = 2  memory = 2 GB }
  agents input(2) { cpus = input(1)  memory = input(2 GB) }
  load_balancers 1 { cpus = 2  memory = 2 GB }
  marathon { password = secret }
  chronos { password = secret }
${extra}}
`;
}

/** The model of `haSpec(extra)` (rexray's refusal CS2062 allowed, plus `allow`). */
export function haModel(extra = '', allow: readonly string[] = []): ClusterModel {
  return specModel(haSpec(extra), { file: HA_FILE, allow: ['CS2062', ...allow] });
}

/** The model of `upstreamSpec(extra)`. */
export function upstreamShapeModel(extra = '', allow: readonly string[] = []): ClusterModel {
  return specModel(upstreamSpec(extra), { file: UPSTREAM_FILE, allow });
}

/**
 * The span of the `nth` (0-based) occurrence of `needle` in `text`, in `file`; `skip` characters into
 * it and `len` long (default: the rest of the needle). Throws when the needle is not there.
 */
export function at(text: string, file: string, needle: string, opts: { skip?: number; len?: number; nth?: number } = {}): Span {
  let i = -1;
  for (let n = 0; n <= (opts.nth ?? 0); n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture text has no ${JSON.stringify(needle)}`);
  }
  const start = i + (opts.skip ?? 0);
  return { file, start, end: start + (opts.len ?? needle.length - (opts.skip ?? 0)) };
}

/** A span in the HA spec (see `at`). */
export function haAt(needle: string, opts: { skip?: number; len?: number; nth?: number } = {}): Span {
  return at(haSpec(), HA_FILE, needle, opts);
}

/** A span in the upstream-shape spec (see `at`). */
export function upAt(needle: string, opts: { skip?: number; len?: number; nth?: number } = {}): Span {
  return at(upstreamSpec(), UPSTREAM_FILE, needle, opts);
}

// What stays hand-built, and why: a literal or input param with a chosen span, and `extraInputs`, are
// for the few tests that feed the emitter a value the front end refuses or never builds (a Jinja
// delimiter in a literal, a count input nobody declares, an input of every type with bounds that no
// single attribute has); each such test says so.

/** A span in a fictional file, for hand-built values. */
export function sp(start: number, len = 4): Span {
  return { file: 'synthetic.cluster', start, end: start + len };
}

export function lit<T>(value: T, at?: number): Param<T> {
  return { kind: 'literal', value, origin: at === undefined ? undefined : sp(at) };
}

export function inp<T>(input: string, at?: number): Param<T> {
  return { kind: 'input', input, origin: at === undefined ? undefined : sp(at) };
}

export function input(name: string, type: Input['type'], extra: Partial<Input> = {}): Input {
  return { name, type, secret: false, description: `the ${name}`, implicit: false, origin: sp(900), ...extra };
}

/**
 * One input of every type with bounds, for the type mapping of buildInputs (unused by nodes, which
 * TOSCA allows). Hand-built: lowering makes an input's type and bounds from the one attribute it
 * feeds, and no attribute is a float in [0, 1], a boolean, a bounded list or a secret with a default.
 */
export function extraInputs(): Input[] {
  return [
    input('ratio', 'number', { default: 0.5, min: 0, max: 1 }),
    input('debug', 'boolean', { default: false }),
    input('disk', 'size', { default: 4 * 2 ** 30, min: 2 ** 30 }),
    input('idle', 'duration', { default: 600, max: 86400 }),
    input('zones', 'list', { default: ['a', 'b'] }),
    input('ports', 'list', { default: [1, 2] }),
    input('token', 'string', { secret: true, default: 'never-written' }),
  ];
}

/** `text` with each `find` replaced by its value; throws when one is not there (the fixture changed). */
export function edited(text: string, edits: Readonly<Record<string, string>>): string {
  for (const [find, put] of Object.entries(edits)) {
    if (!text.includes(find)) throw new Error(`fixture text has no ${JSON.stringify(find)}`);
    text = text.replace(find, put);
  }
  return text;
}
