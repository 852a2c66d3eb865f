// Notes of the HOT emitter for settings the Heat template cannot apply itself (CS3330, CS3331):
// host sizes and GPUs a named flavor already fixes, and the GPU software an image must bring. Each
// note sits on the spec attribute it names (secondary labels on the others), so nothing is ignored
// silently. Also the stack description, which carries the spec `version` (HOT has no metadata).
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { Span } from '../../diagnostics/span.js';
import type { ClusterModel, HostGroup } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';

/** The stack description: the spec's (or a default), with the spec version when given. */
export function hotDescription(m: ClusterModel): string {
  const base = m.description !== '' ? m.description : `Mesos cluster ${m.name}`;
  return m.version !== undefined ? `${base} (spec version ${m.version})` : base;
}

/** The literal sizing attributes of `g` that a named flavor overrides, with their spans. */
function flavorDecided(g: HostGroup): [string, Span][] {
  const out: [string, Span][] = [];
  for (const [name, p] of [['cpus', g.cpus], ['memory', g.memory]] as const) {
    if (p?.kind === 'literal' && p.origin) out.push([name, p.origin]);
  }
  for (const name of ['gpus', 'gpu_vendor', 'gpu_model']) {
    const s = g.gpu?.spans[name];
    if (s) out.push([name, s]);
  }
  return out;
}

function names(list: readonly string[]): string {
  const t = list.map(tick);
  return t.length === 1 ? `${t[0]}` : `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
}

/** Reports CS3330 and CS3331 for `m`. */
export function reportSettings(m: ClusterModel, diag: DiagnosticCollector): void {
  for (const g of hostGroups(m)) {
    const decided = g.flavor ? flavorDecided(g) : [];
    const [first, ...rest] = decided;
    if (first && g.flavor) {
      const flavor = g.flavor.kind === 'literal' ? tick(g.flavor.value) : `of parameter ${tick(g.flavor.input)}`;
      diag.report('CS3330', first[1], { attrs: names(decided.map(([n]) => n)), group: g.id, flavor }, {
        label: 'used by the TOSCA output only',
        secondary: rest.map(([n, span]) => ({ span, message: `${tick(n)}: TOSCA only` })),
        help: 'choose a flavor that has them; remove these lines if the flavor alone is meant',
      });
    }
    const gpu = g.gpu;
    if (!gpu) continue;
    const needs = ['the NVIDIA driver and the NVIDIA Container Toolkit'];
    if (gpu.cuda !== undefined) needs.push(`CUDA ${gpu.cuda}`);
    if (gpu.cudnn !== undefined) needs.push(`cuDNN ${gpu.cudnn}`);
    const at = gpu.spans['cuda'] ?? gpu.spans['cudnn'] ?? gpu.origin;
    const others = (['cudnn'] as const).filter((n) => gpu.spans['cuda'] !== undefined && gpu.spans[n] !== undefined);
    diag.report('CS3331', at, { group: g.id, needs: needs.join(', ') }, {
      label: gpu.cuda !== undefined || gpu.cudnn !== undefined ? 'the TOSCA output chooses the image by this; HOT cannot' : 'a GPU pool',
      secondary: others.map((n) => ({ span: gpu.spans[n]!, message: `${tick(n)}: the image must have it` })),
      help: 'boot this pool from an image with these (`image = "..."` in the pool)',
    });
  }
}
