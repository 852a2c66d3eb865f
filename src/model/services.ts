// Lowering of the cloud block and the service blocks into CloudSettings and Services, with the
// defaults of grammar/README.md: Marathon and Chronos on unless `enabled = false`, ZooKeeper and
// Consul servers on the masters, Consul agents elsewhere, marathon-lb and keepalived on the load
// balancers, implicit secret inputs `<service>_password` where an enabled service needs one.
import type { Span } from '../diagnostics/span.js';
import type { Block } from '../spec/ast.js';
import { resolveBody } from './body.js';
import type { LoweredGroup } from './groups.js';
import type { CloudSettings, HostGroup, LiteralValue, Param, Services } from './model.js';
import { closest } from './suggest.js';
import { literalOf, lowerParam, type ValueCtx } from './values.js';
import { BLOCKS, OS_DISTRIBUTIONS, describeType, type AttrSpec } from './vocabulary.js';

/** Default Consul datacenter and domain (indigo-dc.consul defaults). */
export const CONSUL_DEFAULTS = { datacenter: 'dc1', domain: 'consul' } as const;
/** Default idle time of an elastic agent before it is powered off, in seconds. */
export const DEFAULT_IDLE_TIMEOUT = 600;
/** Default RexRay driver (OpenStack Cinder, as in indigo-dc.mesos rexray.yml). */
export const DEFAULT_REXRAY_DRIVER = 'cinder';

/** Accessors for the resolved attributes of one block. */
class Settings {
  private readonly attrs;
  constructor(
    private readonly ctx: ValueCtx,
    private readonly block: Block | undefined,
    private readonly name: string,
  ) {
    const spec = BLOCKS[name];
    this.attrs = resolveBody(ctx.diag, block?.body ?? [], spec ? spec.attrs : {}, block?.name.name ?? name);
  }

  private spec(attr: string): AttrSpec | undefined {
    return BLOCKS[this.name]?.attrs[attr];
  }

  /** True when the block was written. */
  get present(): boolean {
    return this.block !== undefined;
  }

  /** The span of the block name, when written. */
  get origin(): Span | undefined {
    return this.block?.name.span;
  }

  /** The spans of the items of `attr` when it is written as a list. */
  itemSpans(attr: string): readonly Span[] {
    const v = this.attrs.attrs.get(attr)?.value;
    return v?.kind === 'list' ? v.items.map((i) => i.span) : [];
  }

  /** True when `attr` is written. */
  has(attr: string): boolean {
    return this.attrs.attrs.has(attr);
  }

  /** A value that cannot be an input; undefined when absent or wrong (reported). */
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

  bool(attr: string, dflt: boolean): boolean {
    return this.boolAt(attr, dflt).value;
  }

  /** A boolean with the span of the written value (undefined when defaulted). */
  boolAt(attr: string, dflt: boolean): { value: boolean; span?: Span } {
    const v = this.plain(attr);
    return v && typeof v.value === 'boolean' ? { value: v.value, span: v.span } : { value: dflt };
  }

  str(attr: string, dflt: string): string {
    const v = this.plain(attr)?.value;
    return typeof v === 'string' ? v : dflt;
  }

  /** A value that may be an input named `inputName`. */
  param<T extends LiteralValue>(attr: string, inputName: string): Param<T> | undefined {
    const a = this.attrs.attrs.get(attr);
    const s = this.spec(attr);
    if (!a || !s) return undefined;
    return lowerParam<T>(this.ctx, a, s, inputName, s.doc);
  }
}

const lit = <T>(value: T): Param<T> => ({ kind: 'literal', value, origin: undefined });

/** Lowers the `cloud` block (or its absence) into CloudSettings. */
export function lowerCloud(ctx: ValueCtx, block: Block | undefined): CloudSettings {
  const s = new Settings(ctx, block, 'cloud');
  const image = s.param<string>('image', 'image');
  const network = s.param<string>('network', 'network');
  const publicNetwork = s.param<string>('public_network', 'public_network');
  const keyName = s.param<string>('key_name', 'key_name');
  const availabilityZone = s.param<string>('availability_zone', 'availability_zone');
  let os = { distribution: 'ubuntu', version: '22.04' };
  const osv = s.plain('os');
  if (osv && typeof osv.value === 'string') {
    const parsed = parseOs(osv.value);
    if (parsed) os = parsed;
    else {
      const first = osv.value.trim().split(/\s+/)[0] ?? '';
      const dist = closest(first.toLowerCase(), OS_DISTRIBUTIONS);
      ctx.diag.report('CS2026', osv.span, { os: osv.value }, {
        help: dist !== undefined && dist !== first.toLowerCase() ? `did you mean \`${dist}\`? write "<distribution> <version>", e.g. "${dist} 22.04"` : 'write "<distribution> <version>", e.g. "ubuntu 22.04"',
      });
    }
  }
  const subnetv = s.plain('subnet');
  return {
    ...(image ? { image } : {}),
    os,
    ...(network ? { network } : {}),
    ...(subnetv && typeof subnetv.value === 'string' ? { subnet: { cidr: subnetv.value, origin: subnetv.span } } : {}),
    ...(publicNetwork ? { publicNetwork } : {}),
    ...(keyName ? { keyName } : {}),
    ...(availabilityZone ? { availabilityZone } : {}),
    origin: s.origin,
  };
}

/** Parses "<distribution> <version>" (case-insensitive), or undefined. */
export function parseOs(text: string): { distribution: string; version: string } | undefined {
  const m = /^\s*([A-Za-z]+)\s+(\d+(?:\.\d+)*)\s*$/.exec(text);
  if (!m || !m[1] || !m[2]) return undefined;
  const distribution = m[1].toLowerCase();
  return OS_DISTRIBUTIONS.includes(distribution) ? { distribution, version: m[2] } : undefined;
}

/** What service lowering needs from the rest of the cluster. */
export interface ServiceInfo {
  readonly clusterName: string;
  readonly blocks: ReadonlyMap<string, Block>;
  readonly hostIds: { readonly masters: readonly string[]; readonly agents: readonly string[]; readonly loadBalancers: readonly string[] };
  readonly pools: readonly HostGroup[];
  readonly loadBalancers: LoweredGroup | undefined;
  /** The masters get public (floating) IPs, so their world rules open to 0.0.0.0/0. */
  readonly mastersPublic: boolean;
  /** The `access.admin` list when it names at least one CIDR (the admin ports of public hosts are reachable from outside). */
  readonly adminOrigin: Span | undefined;
}

/** Lowers every service block and the services the topology implies. */
export function lowerServices(ctx: ValueCtx, info: ServiceInfo): Services {
  const { masters, agents, loadBalancers } = info.hostIds;
  const all = [...masters, ...agents, ...loadBalancers];
  const implicitPassword = (service: string, what: string): Param<string> => {
    const name = `${service}_password`;
    ctx.inputs.add({ name, type: 'string', secret: true, description: `${what} password`, implicit: true, origin: undefined });
    return { kind: 'input', input: name, origin: undefined };
  };

  const mesosS = new Settings(ctx, info.blocks.get('mesos'), 'mesos');
  const authHttp = mesosS.boolAt('authenticate_http', true);
  const authenticateHttp = authHttp.value;
  const mesosUser = mesosS.param<string>('username', 'mesos_username') ?? lit('admin');
  const mesosPass = mesosS.param<string>('password', 'mesos_password')
    ?? (authenticateHttp && !mesosS.has('password') ? implicitPassword('mesos', 'Mesos HTTP') : lit(''));
  const mesos: Services['mesos'] = {
    enabled: true,
    hosts: [...masters, ...agents],
    origin: mesosS.origin,
    username: mesosUser,
    password: mesosPass,
    authenticateHttp,
    clusterName: mesosS.str('cluster_name', info.clusterName),
  };

  // Admin ports reachable from outside: the masters' own when they are public, and the UIs
  // marathon-lb proxies on public load balancers (src/roles/plan.ts) while Marathon runs, when
  // `access.admin` lets anyone in (src/emit/access.ts: nobody by default).
  const lbPublic = info.loadBalancers?.group.public === true;
  const worldOpen = (marathonOn: boolean): boolean => info.adminOrigin !== undefined && (info.mastersPublic || (lbPublic && marathonOn));
  const privateHelp = (marathonOn: boolean): string =>
    `make the ${lbPublic && marathonOn ? 'masters and load balancers' : 'masters'} private with \`public = false\`, or empty \`access.admin\``;
  const framework = (name: 'marathon' | 'chronos', what: string, marathonOn?: boolean): Services['marathon'] => {
    const s = new Settings(ctx, info.blocks.get(name), name);
    const enabled = s.bool('enabled', true);
    const username = s.param<string>('username', `${name}_username`) ?? lit('admin');
    const password = s.param<string>('password', `${name}_password`)
      ?? (enabled && !s.has('password') ? implicitPassword(name, what) : lit(''));
    const ssl = s.boolAt('ssl', true);
    if (enabled && !ssl.value && ssl.span && worldOpen(marathonOn ?? enabled)) {
      ctx.diag.report('CS2072', ssl.span, { service: what, port: name === 'marathon' ? 8080 : 4400 }, {
        label: 'plain HTTP with Basic authentication',
        help: `remove \`ssl = false\`, or ${privateHelp(marathonOn ?? enabled)}`,
      });
    }
    return { enabled, hosts: enabled ? masters : [], origin: s.origin, username, password, ssl: ssl.value };
  };
  const marathon = framework('marathon', 'Marathon');
  const chronos = framework('chronos', 'Chronos', marathon.enabled);
  // Mesos serves its API on plain HTTP only (the roles configure no TLS for 5050): with
  // authentication on, every request carries the Basic-auth password in clear text.
  if (authenticateHttp && info.adminOrigin !== undefined && worldOpen(marathon.enabled)) {
    ctx.diag.report('CS2072', info.adminOrigin, { service: 'Mesos', port: 5050 }, {
      label: 'opens the Mesos port 5050, plain HTTP with Basic authentication',
      help: 'Mesos has no TLS here: reach port 5050 through SSH (`access.ssh`) or a VPN and leave `access.admin` empty, or accept it with --allow plaintext-framework-auth',
    });
  }
  if (!authenticateHttp && authHttp.span && worldOpen(marathon.enabled)) {
    ctx.diag.report('CS2071', authHttp.span, {}, {
      label: 'anyone who reaches port 5050 can use the Mesos API',
      help: `remove \`authenticate_http = false\`, or ${privateHelp(marathon.enabled)}`,
    });
  }

  const zk = new Settings(ctx, info.blocks.get('zookeeper'), 'zookeeper');
  const consulS = new Settings(ctx, info.blocks.get('consul'), 'consul');
  const consul: Services['consul'] = {
    enabled: true,
    hosts: all,
    origin: consulS.origin,
    datacenter: consulS.str('datacenter', CONSUL_DEFAULTS.datacenter),
    domain: consulS.str('domain', CONSUL_DEFAULTS.domain),
  };

  const lb = info.loadBalancers;
  const marathonLb: Services['marathonLb'] = {
    enabled: lb !== undefined && marathon.enabled,
    hosts: lb !== undefined && marathon.enabled ? loadBalancers : [],
    origin: undefined,
  };
  const vip = lb?.vip?.address !== undefined ? { address: lb.vip.address, origin: lb.vip.span } : undefined;
  const keepalived: Services['keepalived'] = {
    enabled: vip !== undefined,
    hosts: vip !== undefined ? loadBalancers : [],
    origin: lb?.vip?.span,
    ...(vip ? { vip } : {}),
    public: lb?.group.public ?? true,
  };

  const calicoS = new Settings(ctx, info.blocks.get('calico'), 'calico');
  const endpoints = calicoS.plain('etcd_endpoints');
  const calico: Services['calico'] = {
    enabled: calicoS.present,
    hosts: calicoS.present ? all : [],
    origin: calicoS.origin,
    etcdEndpoints: Array.isArray(endpoints?.value)
      ? endpoints.value.map((e, i) => ({ kind: 'literal' as const, value: String(e), origin: calicoS.itemSpans('etcd_endpoints')[i] ?? endpoints.span }))
      : [],
  };

  const rexS = new Settings(ctx, info.blocks.get('rexray'), 'rexray');
  const options: Record<string, Param<string>> = {};
  for (const opt of Object.keys(BLOCKS['rexray']?.attrs ?? {})) {
    if (opt === 'driver') continue;
    const p = rexS.param<string>(opt, `rexray_${opt}`);
    if (p) options[opt] = p;
  }
  const rexray: Services['rexray'] = {
    enabled: rexS.present,
    hosts: rexS.present ? agents : [],
    origin: rexS.origin,
    driver: rexS.str('driver', DEFAULT_REXRAY_DRIVER),
    options,
  };

  const elS = new Settings(ctx, info.blocks.get('elasticity'), 'elasticity');
  const elasticPools = info.pools.filter((p) => p.size.kind === 'range').map((p) => p.id);
  const idle = elS.plain('idle_timeout')?.value;
  const elasticity: Services['elasticity'] = {
    enabled: elasticPools.length > 0,
    // CLUES, the elasticity manager, runs on the masters (INDIGO ElasticCluster is hosted there).
    hosts: elasticPools.length > 0 ? masters : [],
    origin: elS.origin,
    idleTimeout: typeof idle === 'number' ? idle : DEFAULT_IDLE_TIMEOUT,
    pools: elasticPools,
  };

  return {
    mesos,
    marathon,
    chronos,
    zookeeper: { enabled: true, hosts: masters, origin: zk.origin },
    consul,
    marathonLb,
    keepalived,
    calico,
    rexray,
    elasticity,
  };
}
