// Fixtures of the bootstrap renderer tests: a synthetic role plan with the model it reads, a HotRefs
// that emits get_param/get_attr like the topology emitter, and a simulator of the HOT intrinsic
// functions the bootstrap uses, written after Heat 19's code (heat/engine/hot/functions.py:
// GetParam, ReplaceJson, JoinMultiple).
//
// The model comes from spec text through the real front end (test/support/spec.ts), like the other
// emitter models (issue 12 part 2): the renderer reads only the types of the inputs the plan refers
// to (`network`, a string; `agents_count`, an integer; the two secrets), all of which lowering
// declares for `HOSTILE_SPEC`. The plan stays hand-built, on purpose: `mastersPlan` is a plan no
// spec gives the planner, every VarExpr kind in one group (a concat of a literal, a string input and
// an integer input, a list literal, the self address) and one variable name set by two roles with
// different values, with the hostile string in every literal, so the renderer's quoting and its
// clash handling are tested on every shape at once. Most HOSTILE strings could not be spec values
// anyway: the lexer refuses control characters (CS1004), an empty string is CS2031 and consul names
// are checked (CS2064). The real-plan path, spec text through the planner to the rendered
// bootstrap, is covered by test/emit/hot/emit.test.ts and the HOT goldens.
import type { ClusterModel, HostGroup, Param } from '../../../../src/model/model.js';
import { ROLES as CATALOG, type GroupPlan, type RoleEntry, type RoleInvocation, type VarExpr } from '../../../../src/roles/index.js';
import type { HotRefs } from '../../../../src/emit/hot/bootstrap/index.js';
import { specModel } from '../../../support/spec.js';

/** A HotRefs like the topology emitter's. */
export const refs: HotRefs = {
  param: (name) => ({ get_param: name }),
  groupAddresses: (id) => ({ get_attr: [`${id}_ports`, 'fixed_ips_list'] }),
  generatedSecret: (id) => ({ get_attr: [`${id}_generated`, 'value'] }),
};

/** The signal value the topology emitter passes (the wait handle's curl_cli). */
export const SIGNAL = { get_attr: ['masters_wait_handle', 'curl_cli'] };

/** Role entries from the real catalog (pinned commits, git sources). */
export const ROLES = { consul: CATALOG.consul, zookeeper: CATALOG.zookeeper, mesos: CATALOG.mesos, marathon: CATALOG.marathon };

/** A string param that is an input. */
export function inputParam(name: string): Param<string> {
  return { kind: 'input', input: name, origin: undefined };
}

/** A string param that is a literal. */
export function literalParam(value: string): Param<string> {
  return { kind: 'literal', value, origin: undefined };
}

/** The spec of the bootstrap tests' model; see the header. */
export const HOSTILE_SPEC = `cluster "hostile" {
  cloud { image = "ubuntu-22.04"  network = input }
  masters 3 { flavor = "m1.medium" }
  agents input(3) { flavor = "m1.medium" }
  marathon { password = secret }
}
`;

/** The model of HOSTILE_SPEC: inputs `network` (string), `agents_count` (integer), the mesos/marathon/chronos secrets. */
export function model(): ClusterModel {
  return specModel(HOSTILE_SPEC);
}

/** The masters group of the model. */
export const MASTERS: HostGroup = model().masters;

const lit = (value: string): VarExpr => ({ kind: 'literal', value });
const par = (p: Param<string>): VarExpr => ({ kind: 'param', param: p });

/**
 * A masters plan in which every variable kind occurs and every string attribute is `s`:
 * literals, literal params, input params (secret or not), group addresses, the self address,
 * concatenations (with and without the self address), a list literal, and a name clash between roles.
 */
export function mastersPlan(s: string): GroupPlan {
  const inv = (r: RoleEntry, vars: Record<string, VarExpr>): RoleInvocation => ({ role: r, vars });
  return {
    group: MASTERS,
    roles: [
      inv(ROLES.consul, {
        consul_mode: lit('server'),
        consul_dc: par(literalParam(s)),
        consul_domain: lit(s),
        consul_servers: { kind: 'groupAddresses', group: 'masters' },
        consul_advertise: { kind: 'selfAddress' },
        consul_tag: par(inputParam('network')),
      }),
      inv(ROLES.zookeeper, { zookeeper_host_list: { kind: 'groupAddresses', group: 'masters' }, shared_flag: lit(s) }),
      inv(ROLES.mesos, {
        mesos_install_mode: lit('master'),
        mesos_username: par(literalParam(s)),
        mesos_password: par(inputParam('mesos_password')),
        mesos_masters_list: { kind: 'groupAddresses', group: 'masters' },
        mesos_cluster_name: { kind: 'concat', parts: [lit(s), par(inputParam('network')), { kind: 'param', param: { kind: 'input', input: 'agents_count', origin: undefined } }] },
        mesos_url: { kind: 'concat', parts: [lit('http://'), { kind: 'selfAddress' }, lit(s)] },
        mesos_extra: { kind: 'literal', value: [s, 5, true] },
        shared_flag: lit('different'),
      }),
      inv(ROLES.marathon, {
        marathon_username: par(literalParam(s)),
        marathon_password: par(inputParam('marathon_password')),
        zookeeper_peers: { kind: 'groupAddresses', group: 'masters' },
      }),
    ],
    ports: [],
  };
}

/** Parameter values of a stack: every input by name. */
export type StackParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/** Attribute values: `<resource>.<attr>` → value. */
export type StackAttrs = Readonly<Record<string, unknown>>;

/** Python's str() of a scalar, as ReplaceJson._validate_replacement does. */
function pyStr(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/**
 * json.dumps(value, sort_keys=True) with ensure_ascii (oslo jsonutils.dumps defaults): ASCII
 * output, `, ` and `: ` separators, every non-ASCII UTF-16 unit as \uXXXX.
 */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') {
    let out = '"';
    for (const ch of v) {
      for (let i = 0; i < ch.length; i++) {
        const c = ch.charCodeAt(i);
        if (ch[i] === '"') out += '\\"';
        else if (ch[i] === '\\') out += '\\\\';
        else if (c === 0x0a) out += '\\n';
        else if (c === 0x0d) out += '\\r';
        else if (c === 0x09) out += '\\t';
        else if (c === 0x08) out += '\\b';
        else if (c === 0x0c) out += '\\f';
        else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0');
        else out += ch[i];
      }
    }
    return out + '"';
  }
  if (Array.isArray(v)) return '[' + v.map(pyJsonDumps).join(', ') + ']';
  const o = v as Record<string, unknown>;
  return '{' + Object.keys(o).sort().map((k) => `${pyJsonDumps(k)}: ${pyJsonDumps(o[k])}`).join(', ') + '}';
}

/** Resolves the HOT functions the bootstrap emits, as Heat 19 does for 2018-08-31 templates. */
export function resolveHot(v: unknown, params: StackParams, attrs: StackAttrs): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveHot(x, params, attrs));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const fn = keys[0]!;
    const arg = o[fn];
    if (fn === 'get_param') {
      if (!(String(arg) in params)) throw new Error(`no parameter ${String(arg)}`);
      return params[String(arg)];
    }
    if (fn === 'get_attr') {
      const k = (arg as string[]).join('.');
      if (k in attrs) return attrs[k];
      // Heat's GetAttr follows further path items into the attribute's value (list index, map key).
      const [res, attr, ...path] = arg as (string | number)[];
      const base = `${String(res)}.${String(attr)}`;
      if (!(base in attrs)) throw new Error(`no attribute ${k}`);
      return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], attrs[base]);
    }
    if (fn === 'list_join') {
      // JoinMultiple.result: strings as is, lists/maps JSON-serialised, anything else a TypeError.
      const [delim, ...lists] = resolveHot(arg, params, attrs) as [string, ...unknown[][]];
      const items = lists.flat();
      return items.map((s) => {
        if (s === null) return '';
        if (typeof s === 'string') return s;
        if (typeof s === 'object') return pyJsonDumps(s);
        throw new Error(`list_join item ${String(s)} is not a string`);
      }).join(delim);
    }
    if (fn === 'repeat') {
      // Repeat.result (one loop variable): the template per item, the variable replaced textually.
      const a = resolveHot(arg, params, attrs) as { template: string; for_each: Record<string, unknown[]> };
      const [[key, items]] = Object.entries(a.for_each) as [[string, unknown[]]];
      return items.map((item) => a.template.split(key).join(String(item)));
    }
    if (fn === 'str_replace') {
      const a = arg as { template: unknown; params: Record<string, unknown> };
      const template = resolveHot(a.template, params, attrs);
      if (typeof template !== 'string') throw new Error('str_replace template must be a string');
      const mapping = resolveHot(a.params, params, attrs) as Record<string, unknown>;
      // Replace.result: keys sorted lexicographically, then by length (longest first); each
      // value joins the pieces of the template split on its key, so values are never rescanned.
      const order = Object.keys(mapping).sort().sort((x, y) => y.length - x.length);
      const value = (k: string): string => {
        const x = mapping[k];
        if (x === null || x === undefined) return '';
        if (typeof x === 'object') return pyJsonDumps(x);
        return pyStr(x);
      };
      const replace = (strings: string[], ks: string[]): string[] => {
        if (ks.length === 0) return strings;
        const [k, ...rest] = ks as [string, ...string[]];
        return strings.map((s) => replace(s.split(k), rest).join(value(k)));
      };
      return replace([template], order)[0];
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = resolveHot(o[k], params, attrs);
  return out;
}

/** Stack values for the fixtures: every input and attribute holds `s`. */
export function stackValues(s: string, secret = s): { params: StackParams; attrs: StackAttrs } {
  return {
    params: { network: s, mesos_password: secret, marathon_password: secret, agents_count: 3 },
    attrs: {
      'masters_ports.fixed_ips_list': ['10.0.0.1', s],
      'masters_wait_handle.curl_cli': "curl -i -X POST -H 'X-Auth-Token: gAAAAABtoken' -H 'Content-Type: application/json' -H 'Accept: application/json' http://heat.example:8004/v1/signal",
    },
  };
}

/** Strings that break naive quoting in bash, YAML, JSON, Jinja, heredocs or str_replace. */
export const HOSTILE: readonly string[] = [
  `it's`,
  `say "hi"`,
  `$(touch /tmp/pwned)`,
  '`touch /tmp/pwned`',
  '${HOME} $HOME $0 $$ \\$ \\',
  'line one\nline two\n',
  '\nCLUSTERC_VALUES_EOF\ntouch /tmp/pwned\nCLUSTERC_VALUES_EOF\n',
  "{{ lookup('pipe','id') }}",
  '{% for x in range(3) %}{{ x }}{% endfor %}',
  '{# comment #} {%raw%}{{ x }}{%endraw%}',
  '- item',
  'key: value',
  '# comment',
  '&a',
  '*a',
  '!tag',
  '!unsafe',
  '|',
  '>',
  '%YAML 1.1',
  '@CLUSTERC_V1@',
  '@CLUSTERC_WC_NOTIFY@',
  '@home',
  '  leading and trailing  ',
  '',
  'yes',
  '010',
  '1e3',
  'null',
  '~',
  'ünïcödé ✓ 😀 \u2028\u2029\u0085 \u00a0',
  'ctl \x01\x07\x08\x0b\x0c\x1b\x7f \t tab \r cr',
  '\'; rm -rf / #',
  '"]}, {"status": "SUCCESS"}',
  '\\u0022 \\n literal backslash escapes',
  'a'.repeat(3000),
];
