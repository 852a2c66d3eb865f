// `clusterc graph FILE`: the cluster topology (src/graph) as DOT (default), Mermaid, or SVG. SVG
// is rendered in-process by Graphviz compiled to WebAssembly (@viz-js/viz), imported here only,
// when --to svg asks for it, so no other command loads it. --output writes a file instead of stdout.
import { compile } from '../compile.js';
import { buildTopology, toDot, toMermaid } from '../graph/topology.js';
import { tick } from '../diagnostics/codes/define.js';
import { CliError, EXIT_OK, exitCodeOf, printDiagnostics, readTextFile, type OutputOptions } from './io.js';
import { writeFilesAtomic } from './write.js';

/** Options of `graph`. */
export interface GraphOptions extends OutputOptions {
  readonly to: 'dot' | 'mermaid' | 'svg';
  readonly cluster?: string;
  readonly output?: string;
}

/** Renders DOT to SVG with Graphviz (WebAssembly). */
async function renderSvg(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return viz.renderString(dot, { format: 'svg', engine: 'dot' });
}

/** Runs `graph`; returns the exit code. */
export async function runGraph(file: string, opts: GraphOptions): Promise<number> {
  const text = readTextFile(file);
  const r = compile(text, file, { stopAfter: 'lower' });
  const printed = printDiagnostics(r.diagnostics, new Map([[file, text]]), opts);
  if (r.diagnostics.some((d) => d.severity === 'error')) return exitCodeOf(printed);
  const models = opts.cluster !== undefined ? r.models.filter((m) => m.name === opts.cluster) : r.models;
  if (models.length === 0) throw new CliError(`the spec has no cluster ${tick(opts.cluster ?? '')}`);
  if (models.length > 1) throw new CliError(`the spec declares several clusters (${r.models.map((m) => tick(m.name)).join(', ')}): pick one with --cluster`);
  const graph = buildTopology(models[0]!);
  const dot = toDot(graph);
  const out = opts.to === 'mermaid' ? toMermaid(graph) : opts.to === 'svg' ? await renderSvg(dot) : dot;
  if (opts.output !== undefined) {
    await writeFilesAtomic([{ path: opts.output, content: out }]);
    process.stderr.write(`wrote ${opts.output}\n`);
  } else process.stdout.write(out);
  return EXIT_OK;
}
