// Meaning checks across blocks of one cluster, run after its blocks are lowered: masters exist
// (CS2010) with an odd count (CS2015), the images are a supported platform (CS2060, CS2061:
// checks/platform.ts), the vip has two load balancers (CS2016) and lies in the subnet (CS2018), then
// every service entry's own checks (src/services: CS2019, CS2020, CS2062-CS2064).
// Reads lowered groups and the AST blocks; reports only, changes nothing.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Span } from '../../diagnostics/span.js';
import type { Block } from '../../spec/ast.js';
import type { LoweredGroup } from '../groups.js';
import { SERVICES } from '../../services/index.js';
import { checkPlatform } from './platform.js';
import type { CloudSettings, GroupSize, Input } from '../model.js';

/** What the topology checks look at. */
export interface TopologyInfo {
  readonly clusterName: string;
  readonly nameSpan: Span;
  readonly cloud: CloudSettings;
  readonly masters: LoweredGroup | undefined;
  readonly pools: readonly LoweredGroup[];
  readonly loadBalancers: LoweredGroup | undefined;
  readonly blocks: ReadonlyMap<string, Block>;
  readonly inputs: readonly Input[];
}

/** The count a fixed size has or defaults to, with the span to point at; undefined if unknown. */
function knownCount(size: GroupSize, inputs: readonly Input[]): { n: number; span: Span | undefined } | undefined {
  if (size.kind !== 'fixed') return undefined;
  const c = size.count;
  if (c.kind === 'literal') return c.origin ? { n: c.value, span: c.origin } : undefined;
  const input = inputs.find((i) => i.name === c.input);
  return typeof input?.default === 'number' ? { n: input.default, span: c.origin } : undefined;
}

/** Runs every cross-block check of one cluster. */
export function checkTopology(diag: DiagnosticCollector, t: TopologyInfo): void {
  if (!t.masters && !t.blocks.has('masters')) {
    diag.report('CS2010', t.nameSpan, { name: t.clusterName }, { help: 'add `masters 3 { ... }`' });
  }
  if (t.masters) {
    const k = knownCount(t.masters.group.size, t.inputs);
    if (k && k.span && k.n >= 2 && k.n % 2 === 0) {
      diag.report('CS2015', k.span, { count: k.n }, {
        label: `tolerates no more failures than ${k.n - 1} masters`,
        help: `use ${k.n - 1} or ${k.n + 1} masters`,
      });
    }
  }
  const groups = [t.masters, ...t.pools, t.loadBalancers].filter((g): g is LoweredGroup => g !== undefined);
  const images = [t.cloud.image, ...groups.map((g) => g.group.image)].filter((i): i is NonNullable<typeof i> => i !== undefined);
  checkPlatform(diag, t.cloud, t.blocks.get('cloud'), images);
  checkVip(diag, t);
  for (const e of SERVICES) e.check?.({ diag, block: e.block ? t.blocks.get(e.block.name) : undefined, pools: t.pools });
}

function checkVip(diag: DiagnosticCollector, t: TopologyInfo): void {
  const lb = t.loadBalancers;
  if (!lb?.vip) return;
  const k = knownCount(lb.group.size, t.inputs);
  if (k && k.n < 2 && k.n >= 1) {
    diag.report('CS2016', lb.vip.span, {}, {
      ...(k.span ? { secondary: [{ span: k.span, message: `only ${k.n} load balancer` }] } : {}),
      help: 'declare `load_balancers 2` or more, or remove the vip',
    });
  }
  const subnet = t.cloud.subnet;
  const vip = lb.vip.address;
  if (!subnet || vip === undefined) return;
  const net = parseCidr(subnet.cidr);
  const addr = ipToInt(vip);
  if (!net || addr === undefined) return;
  const size = 2 ** (32 - net.prefix);
  const base = net.base - (net.base % size);
  const inside = addr >= base && addr < base + size;
  const special = net.prefix <= 30 && (addr === base || addr === base + size - 1);
  if (!inside || special) {
    diag.report('CS2018', lb.vip.span, { vip, subnet: subnet.cidr }, {
      secondary: [{ span: subnet.origin, message: 'the subnet is declared here' }],
      ...(special ? { notes: ['the network and broadcast addresses of a subnet cannot be assigned'] } : {}),
      help: `pick a free address of \`${subnet.cidr}\``,
    });
  }
}

/** A dotted quad as an unsigned 32-bit number, or undefined. */
export function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** `a.b.c.d/len` as a base address and prefix length, or undefined. */
export function parseCidr(cidr: string): { base: number; prefix: number } | undefined {
  const [ip, len] = cidr.split('/');
  if (ip === undefined || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const base = ipToInt(ip);
  const prefix = Number(len);
  return base === undefined || prefix > 32 ? undefined : { base, prefix };
}
