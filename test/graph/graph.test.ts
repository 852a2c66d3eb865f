// `clusterc graph` (src/graph/topology.ts, src/cli/graph.ts): the topology graph of the examples
// from the role plan, its DOT read by Graphviz itself (@viz-js/viz renders it: a syntax error would
// throw), Mermaid with escaped labels, SVG through the CLI, and the rule that Graphviz is loaded by
// this command only (dynamic imports, nowhere else).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { instance } from '@viz-js/viz';
import { compile } from '../../src/compile.js';
import { buildTopology, portsText, toDot, toMermaid } from '../../src/graph/topology.js';
import { ROOT } from '../support/golden.js';

function model(file: string, text = readFileSync(join(ROOT, file), 'utf8')) {
  const r = compile(text, file, { stopAfter: 'lower' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
  return r.models[0]!;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('graph', function () {
  this.timeout(60_000);

  it('shows who reaches which port: the internet on public groups, peers inside a group, the VIP', function () {
    const g = buildTopology(model('examples/mesos-ha.cluster'));
    expect(g.nodes.map((n) => n.id)).to.deep.equal(['internet', 'masters', 'agents', 'agents_gpu', 'load_balancers', 'vip', 'inputs']);
    // what `access` lets in (examples/mesos-ha.cluster: SSH only; the admin UIs stay inside)
    expect(g.edges).to.deep.include({ from: 'internet', to: 'masters', label: 'tcp 22' });
    expect(g.edges).to.deep.include({ from: 'internet', to: 'load_balancers', label: 'tcp 22, 80, 443' });
    expect(g.edges).to.deep.include({ from: 'masters', to: 'masters', label: 'tcp 2888, 3888' });
    expect(g.edges).to.deep.include({ from: 'load_balancers', to: 'load_balancers', label: 'vrrp' });
    expect(g.edges.some((e) => e.from === 'internet' && e.to.startsWith('agents'))).to.equal(false);
    expect(g.nodes.find((n) => n.id === 'inputs')!.lines).to.include('marathon_password (secret)');
    expect(g.nodes.find((n) => n.id === 'agents')!.lines[0]).to.equal('agents 2..10 (elastic)');
  });

  it('compacts port rules into ranges per protocol', function () {
    expect(portsText([
      { protocol: 'udp', from: 8301, to: 8302, source: 'cluster', class: 'service', description: '' },
      { protocol: 'tcp', from: 5050, to: 5050, source: 'cluster', class: 'service', description: '' },
      { protocol: 'tcp', from: 22, to: 22, source: 'cluster', class: 'service', description: '' },
      { protocol: 'vrrp', source: 'cluster', class: 'service', description: '' },
    ])).to.equal('tcp 22, 5050; udp 8301-8302; vrrp');
  });

  it('its DOT is read by Graphviz, for every example and for hostile flavor strings', async function () {
    const viz = await instance();
    const hostile = 'cluster "h" { cloud { image = "u" } masters 1 { flavor = "a\\"b\\\\c } -> x [label=\\"<y>\\"" } agents 1 { flavor = "m" } }';
    for (const m of [...['examples/mesos-ha.cluster', 'examples/mesos-minimal.cluster', 'examples/mesos-elastic.cluster'].map((f) => model(f)), model('h.cluster', hostile)]) {
      const dot = toDot(buildTopology(m));
      const r = viz.render(dot, { format: 'svg' });
      expect(r.status, `${m.name}: ${JSON.stringify(r.errors)}`).to.equal('success');
      expect(r.errors.filter((e) => e.level === 'error')).to.deep.equal([]);
      for (const n of buildTopology(m).nodes) expect(r.output).to.include(`<title>${n.id}</title>`);
    }
    const mer = toMermaid(buildTopology(model('h.cluster', hostile)));
    expect(mer).to.include('a#quot;b\\c } -#gt; x [label=#quot;#lt;y#gt;#quot;');
  });

  it('the command writes DOT, Mermaid and SVG', function () {
    const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/src/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    const dot = cli(['graph', 'examples/mesos-minimal.cluster']);
    expect(dot.status, dot.stderr).to.equal(0);
    expect(dot.stdout).to.match(/^digraph "mesos-minimal" \{\n/);
    expect(cli(['graph', 'examples/mesos-minimal.cluster', '--to', 'mermaid']).stdout).to.match(/^flowchart LR\n/);
    const out = join(mkdtempSync(join(tmpdir(), 'clusterc-graph-')), 'g.svg');
    const svg = cli(['graph', 'examples/mesos-minimal.cluster', '--to', 'svg', '-o', out]);
    expect(svg.status, svg.stderr).to.equal(0);
    expect(readFileSync(out, 'utf8')).to.match(/<svg[\s\S]*<title>masters<\/title>[\s\S]*<\/svg>/);
  });

  it('Graphviz (@viz-js/viz) is imported by src/cli/graph.ts only, and only dynamically', function () {
    const users = sources(join(ROOT, 'src')).filter((f) => readFileSync(f, 'utf8').includes('@viz-js/viz'));
    expect(users.map((f) => f.slice(ROOT.length + 1))).to.deep.equal(['src/cli/graph.ts']);
    const text = readFileSync(join(ROOT, 'src/cli/graph.ts'), 'utf8');
    expect(text).to.match(/await import\('@viz-js\/viz'\)/);
    expect(text).to.not.match(/^import .*@viz-js/m);
    // Every command module is loaded lazily by src/cli.ts (its static imports: the CLI error and the exit codes).
    const cliText = readFileSync(join(ROOT, 'src/cli.ts'), 'utf8');
    expect([...cliText.matchAll(/^import .* from '(\.\/[^']+)'/gm)].map((m) => m[1])).to.deep.equal(['./cli/io-errors.js', './cli/exit.js']);
  });
});
