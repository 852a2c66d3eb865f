// `clusterc graph`: the topology of a cluster as a small graph, built from the model and the role
// plan (the same port rules both emitters use): one node per host group (size, flavor, the roles
// it runs, the ports the rest of the cluster reaches), the internet and who it reaches on which
// port (public groups only), peer traffic inside a group (ZooKeeper, VRRP), the load balancers' VIP
// (with the roles that hold it and the ports the internet reaches through it) and the inputs. Rendered as DOT or Mermaid here; SVG is DOT rendered by Graphviz (src/cli/graph.ts).
import type { ClusterModel, HostGroup, Param } from '../model/model.js';
import { hostGroups } from '../model/model.js';
import { planCluster } from '../roles/index.js';
import type { PortRule } from '../roles/types.js';
import { isOutside, ruleSources } from '../emit/access.js';

/** One node: an id safe in DOT and Mermaid, and its label lines. */
export interface GraphNode {
  readonly id: string;
  readonly lines: readonly string[];
  readonly kind: 'group' | 'internet' | 'vip' | 'inputs';
}

/** One edge with the ports it carries. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** The topology graph of one cluster. */
export interface TopologyGraph {
  readonly name: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** `tcp 22, 5050, 8300-8302; udp 8301-8302; vrrp` from port rules (sorted, deduplicated). */
export function portsText(rules: readonly PortRule[]): string {
  const byProto = new Map<string, Set<string>>();
  for (const r of rules) {
    const set = byProto.get(r.protocol) ?? new Set<string>();
    if (r.from !== undefined) set.add(r.to !== undefined && r.to !== r.from ? `${r.from}-${r.to}` : String(r.from));
    byProto.set(r.protocol, set);
  }
  const first = (s: string) => Number(s.split('-')[0]);
  return [...byProto.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, s]) => (s.size === 0 ? p : `${p} ${[...s].sort((a, b) => first(a) - first(b)).join(', ')}`))
    .join('; ');
}

function param(p: Param<string | number> | undefined, show: (v: string | number) => string = String): string | undefined {
  if (!p) return undefined;
  return p.kind === 'literal' ? show(p.value) : `input ${p.input}`;
}

function sizeText(g: HostGroup): string {
  if (g.size.kind === 'range') return `${g.size.min}..${g.size.max} (elastic)`;
  return g.size.count.kind === 'literal' ? `×${g.size.count.value}` : `× input ${g.size.count.input}`;
}

/** Builds the graph of cluster `m`. */
export function buildTopology(m: ClusterModel): TopologyGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const plans = planCluster(m);
  // What the internet reaches: the world rules someone outside may use, by the exposure policy of
  // the HOT output (src/emit/access.ts; TOSCA also opens SSH to the orchestrator's IM).
  const reached = (rules: readonly PortRule[]): PortRule[] => rules.filter((r) => isOutside(r) && ruleSources(m, r, 'hot').length > 0);
  const worldReached = plans.some((p) => reached(p.ports).length > 0);
  if (worldReached) nodes.push({ id: 'internet', lines: ['internet'], kind: 'internet' });
  for (const p of plans) {
    const g = p.group;
    const lines = [`${g.id} ${sizeText(g)}${g.public ? ', public' : ''}`];
    const hw = [param(g.flavor), param(g.cpus, (v) => `${v} cpus`), param(g.memory, (v) => `${+(Number(v) / 1e9).toFixed(2)} GB`)].filter((x) => x !== undefined);
    if (hw.length > 0) lines.push(hw.join(', '));
    lines.push(`runs ${[...new Set(p.roles.map((r) => r.role.id))].join(', ')}`);
    const fromCluster = p.ports.filter((r) => r.source === 'cluster');
    if (fromCluster.length > 0) lines.push(`cluster reaches ${portsText(fromCluster)}`);
    nodes.push({ id: g.id, lines, kind: 'group' });
    const world = reached(p.ports).filter((r) => r.source === 'world');
    if (g.public && world.length > 0) edges.push({ from: 'internet', to: g.id, label: portsText(world) });
    const peers = new Map<string, PortRule[]>();
    for (const r of p.ports) if (r.source.startsWith('group:')) peers.set(r.source.slice(6), [...(peers.get(r.source.slice(6)) ?? []), r]);
    for (const [src, rules] of peers) edges.push({ from: src, to: g.id, label: portsText(rules) });
  }
  const lb = m.loadBalancers;
  const vip = lb?.vip;
  if (lb && vip) {
    // The roles that hold the VIP: those given its address.
    const lbPlan = plans.find((p) => p.group.id === lb.id);
    const holders = (lbPlan?.roles ?? []).filter((r) => Object.values(r.vars).some((v) => v.kind === 'literal' && v.value === vip.address)).map((r) => r.role.id);
    nodes.push({ id: 'vip', lines: [`VIP ${vip.address}${vip.public ? ', public' : ''}`, ...holders], kind: 'vip' });
    edges.push({ from: 'vip', to: lb.id, label: 'held by one load balancer' });
    const world = reached(lbPlan?.ports ?? []);
    if (vip.public && worldReached && world.length > 0) edges.push({ from: 'internet', to: 'vip', label: portsText(world) });
  }
  if (m.inputs.length > 0) {
    nodes.push({ id: 'inputs', lines: ['inputs', ...m.inputs.map((i) => `${i.name}${i.secret ? ' (secret)' : ''}${i.default !== undefined && !i.secret ? ` = ${JSON.stringify(i.default)}` : ''}`)], kind: 'inputs' });
  }
  // Keep the group order of the model for readers (masters, agent pools, load balancers).
  const order = new Map(hostGroups(m).map((g, i) => [g.id, i]));
  edges.sort((a, b) => (order.get(a.to) ?? 99) - (order.get(b.to) ?? 99));
  return { name: m.name, nodes, edges };
}

/** A DOT double-quoted string (escapes `"` and `\`; newlines as `\n`). */
function dotString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n') + '"';
}

const DOT_SHAPE: Record<GraphNode['kind'], string> = { group: 'box, style=rounded', internet: 'ellipse', vip: 'diamond', inputs: 'note' };

/** The graph as Graphviz DOT. */
export function toDot(g: TopologyGraph): string {
  const out = [`digraph ${dotString(g.name)} {`, '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  for (const n of g.nodes) {
    const label = n.kind === 'inputs' || n.kind === 'group' ? n.lines.map((l) => dotString(l).slice(1, -1)).join('\\l') + '\\l' : n.lines.map((l) => dotString(l).slice(1, -1)).join('\\n');
    out.push(`  ${dotString(n.id)} [shape=${DOT_SHAPE[n.kind]}, label="${label}"];`);
  }
  for (const e of g.edges) out.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.label)}];`);
  out.push('}');
  return out.join('\n') + '\n';
}

/** Text safe inside a Mermaid `"…"` label. */
function mermaidText(s: string): string {
  return s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[\r\n]+/g, ' ');
}

/** The graph as a Mermaid flowchart. */
export function toMermaid(g: TopologyGraph): string {
  const open: Record<GraphNode['kind'], [string, string]> = { group: ['(', ')'], internet: ['((', '))'], vip: ['{', '}'], inputs: ['[/', '/]'] };
  const out = ['flowchart LR', `  %% cluster ${mermaidText(g.name)}`];
  for (const n of g.nodes) {
    const [a, b] = open[n.kind];
    out.push(`  ${n.id}${a}"${n.lines.map(mermaidText).join('<br/>')}"${b}`);
  }
  for (const e of g.edges) out.push(`  ${e.from} -->|"${mermaidText(e.label)}"| ${e.to}`);
  return out.join('\n') + '\n';
}
