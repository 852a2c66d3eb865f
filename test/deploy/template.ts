// test/deploy: the servers of an emitted HOT template and what each one boots, read from the
// template itself (not from the bootstrap module), with every HOT value resolved by Heat's own
// function classes (test/emit/hot/bootstrap/harness.ts resolveWithHeat). Inputs: the template
// text and the stack's parameter values; output: one ServerBoot per server, with the address it
// gets and, by mode, its resolved user_data script or its ordered software deployments.
// Servers: every top-level OS::Nova::Server, and the members of every OS::Heat::ResourceGroup
// (count) and OS::Heat::AutoScalingGroup (desired_capacity, at least one so that every distinct
// bootstrap runs). Config resources a user_data may point at (OS::Heat::SoftwareConfig `config`,
// OS::Heat::Value `value`) are followed, so a template that shares one bootstrap between servers
// resolves the same as one with a copy per server.
import YAML from 'yaml';
import { resolveWithHeat, type HeatJob } from '../emit/hot/bootstrap/harness.js';

type Obj = Record<string, unknown>;

/** One software deployment as the server's agent applies it. */
export interface Deployment {
  readonly name: string;
  /** The SoftwareConfig group: `script` (heat-config-script) or `ansible` (heat-config-ansible). */
  readonly group: string;
  readonly config: string;
  /** The config's inputs with the values Heat resolved (the hook's variables). */
  readonly inputs: { name: string; value: unknown }[];
}

/** One server of the stack. */
export interface ServerBoot {
  /** Resource name (`master_0`), or `<pool>[<i>]` for a group member. */
  readonly resource: string;
  /** The `group` metadata of the server (the model's group id). */
  readonly group: string;
  readonly hostname: string;
  readonly address: string;
  /** cloud-init: the resolved user_data (RAW) script. */
  readonly userData?: string;
  /** software-config: deployments in the order Heat applies them. */
  readonly deployments: readonly Deployment[];
}

/** The stack: its servers, the parameter values used, and the address of every port. */
export interface Stack {
  readonly servers: readonly ServerBoot[];
  readonly params: Readonly<Record<string, unknown>>;
  /** Address of each host group's servers, in resource order (masters, load_balancers, pools). */
  readonly addresses: Readonly<Record<string, readonly string[]>>;
  /** The wait-condition curl command of each handle (its URL names the handle). */
  readonly curl: (handle: string) => string;
}

/** The subnet every server is on (a /24), its gateway, and where each kind of host starts. */
export const SUBNET = { prefix: 24, gateway: '10.0.0.1', base: '10.0.0.' } as const;
const FIRST_HOST: Readonly<Record<string, number>> = { masters: 11, load_balancers: 31 };
const FIRST_AGENT = 101;

/** A value for every parameter: its default, else one derived from its name and type. */
export function stackParams(tpl: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries((tpl['parameters'] ?? {}) as Record<string, Obj>)) {
    if (p['default'] !== undefined) out[name] = p['default'];
    else if (p['type'] === 'number') out[name] = 1;
    else if (p['type'] === 'boolean') out[name] = true;
    else if (p['type'] === 'comma_delimited_list') out[name] = [`${name}-a`];
    // Secrets with a space and a quote: they must reach the roles as one value.
    else if (p['hidden'] === true) out[name] = `s3cr3t ${name}'x`;
    else out[name] = `${name}-value`;
  }
  return out;
}

/**
 * A hostile string (issue 16 item 2): Jinja in all three delimiters, Ruby-style `#{ }`, shell
 * substitutions, quotes, a backslash, a placeholder lookalike, `%index%` and the line separators
 * PyYAML and Python's splitlines honour. Each payload that runs creates /tmp/pwned-<kind>.
 */
export function hostileString(tag: string): string {
  return `{{ lookup('pipe','touch /tmp/pwned-j') }} {% set x = lookup('pipe','touch /tmp/pwned-s') %}{{ x }} {# c #} #{\`touch /tmp/pwned-b\`} $(touch /tmp/pwned-d) 'q' "dq" \\ @CLUSTERC_V1@ %index% \u2028ls\u2029ps\u0085nel ${tag}`;
}

/** The files a payload of hostileString creates when it runs. */
export const PWNED_FILES: readonly string[] = ['/tmp/pwned-j', '/tmp/pwned-s', '/tmp/pwned-b', '/tmp/pwned-d'];

/** Overrides giving every string parameter of a template (hidden or not) a hostile value. */
export function hostileParams(text: string): Record<string, unknown> {
  const tpl = YAML.parse(text) as Obj;
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries((tpl['parameters'] ?? {}) as Record<string, Obj>)) {
    if (p['type'] === 'string') out[name] = hostileString(name);
  }
  return out;
}

const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** The servers of a template, in a stable order, with their boots resolved by Heat. */
export function readStack(text: string, overrides: Readonly<Record<string, unknown>> = {}): Stack {
  const tpl = YAML.parse(text) as Obj;
  const resources = tpl['resources'] as Record<string, Obj>;
  const params = { ...stackParams(tpl), ...overrides };
  const typeOf = (n: string): string => String(resources[n]?.['type'] ?? '');
  const props = (n: string): Obj => (resources[n]?.['properties'] ?? {}) as Obj;
  const curl = (handle: string): string =>
    `curl -i -X POST -H 'X-Auth-Token: t' -H 'Content-Type: application/json' -H 'Accept: application/json' http://heat.invalid/v1/signal/${handle}`;

  // Servers and their addresses: unrolled servers by their port, group members numbered.
  const attrs: Record<string, unknown> = {};
  const addresses: Record<string, string[]> = {};
  const members: { resource: string; group: string; hostname: string; address: string; def: Obj; owner: string }[] = [];
  const take = (group: string, first: number): string => {
    const list = (addresses[group] ??= []);
    const a = `${SUBNET.base}${first + list.length}`;
    list.push(a);
    return a;
  };
  for (const name of Object.keys(resources).sort(natural)) {
    if (typeOf(name) !== 'OS::Nova::Server') continue;
    const p = props(name);
    const group = String((p['metadata'] as Obj | undefined)?.['group'] ?? name);
    const address = take(group, FIRST_HOST[group] ?? 51);
    const port = ((p['networks'] as Obj[] | undefined)?.[0]?.['port'] as Obj | undefined)?.['get_resource'];
    if (typeof port === 'string') {
      attrs[`${port}.fixed_ips.0.ip_address`] = address;
      attrs[`${port}.fixed_ips`] = [{ ip_address: address, subnet_id: 'subnet' }];
    }
    members.push({ resource: name, group, hostname: String(p['name'] ?? name), address, def: p, owner: name });
  }
  let pool = 0;
  for (const name of Object.keys(resources).sort(natural)) {
    const t = typeOf(name);
    if (t !== 'OS::Heat::ResourceGroup' && t !== 'OS::Heat::AutoScalingGroup') continue;
    const p = props(name);
    const def = ((t === 'OS::Heat::ResourceGroup' ? p['resource_def'] : p['resource']) ?? {}) as Obj;
    const dp = (def['properties'] ?? {}) as Obj;
    const raw = t === 'OS::Heat::ResourceGroup' ? p['count'] : p['desired_capacity'] ?? p['min_size'];
    const count = Math.max(1, Number(typeof raw === 'object' && raw !== null ? params[String((raw as Obj)['get_param'])] : raw));
    const group = String((dp['metadata'] as Obj | undefined)?.['group'] ?? name);
    for (let i = 0; i < count; i++) {
      const address = take(group, FIRST_AGENT + 10 * pool);
      const hostname = typeof dp['name'] === 'string' ? dp['name'].replace('%index%', String(i)) : `${name.replace(/_/g, '-')}-${i}`;
      members.push({ resource: `${name}[${i}]`, group, hostname, address, def: dp, owner: name });
    }
    pool++;
  }
  for (const [name, r] of Object.entries(resources)) {
    if (r['type'] === 'OS::Heat::WaitConditionHandle') attrs[`${name}.curl_cli`] = curl(name);
    // A generated secret: letters and digits, as OS::Heat::RandomString gives by default.
    if (r['type'] === 'OS::Heat::RandomString') attrs[`${name}.value`] = `Rnd${name.replace(/[^A-Za-z0-9]/g, '')}0123456789abcdefghij`.slice(0, 32);
  }

  // Values to resolve: each server's user_data, each deployment's input_values.
  const follow = (v: unknown): unknown => followConfigs(v, resources);
  const deployments = softwareDeployments(resources, members.map((m) => ({ resource: m.resource, owner: m.owner })));
  const jobs: HeatJob[] = [
    { values: members.map((m) => follow(m.def['user_data'] ?? null)), params, attrs },
    { values: deployments.map((d) => follow(d.inputValues)), params, attrs },
  ];
  const [userData, inputValues] = resolveWithHeat(jobs) as [unknown[], unknown[]];
  const servers = members.map((m, i): ServerBoot => {
    const mine = deployments.map((d, j) => ({ d, values: (inputValues[j] ?? {}) as Obj })).filter((x) => x.d.servers.includes(m.resource));
    return {
      resource: m.resource,
      group: m.group,
      hostname: m.hostname,
      address: m.address,
      ...(typeof userData[i] === 'string' && m.def['user_data_format'] !== 'SOFTWARE_CONFIG' ? { userData: userData[i] as string } : {}),
      deployments: mine.map(({ d, values }) => ({
        name: d.name,
        group: d.group,
        config: d.config,
        inputs: d.inputs.map((n) => ({ name: n, value: values[n] ?? '' })),
      })),
    };
  });
  return { servers, params, addresses, curl };
}

/** Replaces references to config resources (SoftwareConfig `config`, Value `value`) by their content. */
function followConfigs(v: unknown, resources: Record<string, Obj>): unknown {
  if (Array.isArray(v)) return v.map((x) => followConfigs(x, resources));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Obj;
  const keys = Object.keys(o);
  const content = (name: string, attr: string | undefined): unknown => {
    const r = resources[name];
    const p = (r?.['properties'] ?? {}) as Obj;
    if (r?.['type'] === 'OS::Heat::SoftwareConfig' && (attr === undefined || attr === 'config')) return followConfigs(p['config'], resources);
    if (r?.['type'] === 'OS::Heat::Value' && attr === 'value') return followConfigs(p['value'], resources);
    return undefined;
  };
  if (keys.length === 1 && keys[0] === 'get_resource') {
    const c = content(String(o['get_resource']), undefined);
    if (c !== undefined) return c;
  }
  if (keys.length === 1 && keys[0] === 'get_attr' && Array.isArray(o['get_attr'])) {
    const [name, attr] = o['get_attr'] as [string, string];
    const c = content(name, attr);
    if (c !== undefined) return c;
  }
  return Object.fromEntries(keys.map((k) => [k, followConfigs(o[k], resources)]));
}

interface RawDeployment {
  readonly name: string;
  readonly group: string;
  readonly config: string;
  readonly inputs: string[];
  readonly inputValues: unknown;
  /** The server resources (as ServerBoot.resource) it applies to. */
  readonly servers: string[];
}

/** SoftwareDeployment(Group)s with their configs and servers, in an order respecting depends_on. */
function softwareDeployments(resources: Record<string, Obj>, members: { resource: string; owner: string }[]): RawDeployment[] {
  const names = Object.keys(resources).filter((n) => ['OS::Heat::SoftwareDeployment', 'OS::Heat::SoftwareDeploymentGroup'].includes(String(resources[n]!['type']))).sort(natural);
  const out: RawDeployment[] = [];
  const done = new Set<string>();
  const visit = (n: string, stack: string[]): void => {
    if (done.has(n)) return;
    if (stack.includes(n)) throw new Error(`depends_on cycle at ${n}`);
    const r = resources[n]!;
    const deps = r['depends_on'] === undefined ? [] : ([] as string[]).concat(r['depends_on'] as string | string[]);
    for (const d of deps) if (names.includes(d)) visit(d, [...stack, n]);
    done.add(n);
    const p = (r['properties'] ?? {}) as Obj;
    const configName = String((p['config'] as Obj)['get_resource']);
    const cp = (resources[configName]?.['properties'] ?? {}) as Obj;
    // `server` (SoftwareDeployment), or `servers`: a map of get_resource, or a pool's refs_map.
    const sv = (r['type'] === 'OS::Heat::SoftwareDeployment' ? p['server'] : p['servers']) as Obj | undefined;
    const refs = sv === undefined ? [] : 'get_attr' in sv || 'get_resource' in sv ? [sv] : Object.values(sv);
    const targets = new Set<string>();
    for (const ref of refs as Obj[]) {
      if (typeof ref['get_resource'] === 'string') {
        targets.add(ref['get_resource']);
      } else if (Array.isArray(ref['get_attr'])) {
        const owner = (ref['get_attr'] as string[])[0];
        for (const m of members) if (m.owner === owner) targets.add(m.resource);
      } else {
        throw new Error(`deployment ${n}: unsupported server reference ${JSON.stringify(ref)}`);
      }
    }
    out.push({
      name: n,
      group: String(cp['group'] ?? 'Heat::Ungrouped'),
      config: String(cp['config'] ?? ''),
      inputs: ((cp['inputs'] ?? []) as Obj[]).map((i) => String(i['name'])),
      inputValues: p['input_values'] ?? {},
      servers: members.filter((m) => targets.has(m.resource)).map((m) => m.resource),
    });
  };
  for (const n of names) visit(n, []);
  return out;
}
