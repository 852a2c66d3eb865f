// Lowering of the GPU attributes of an agent pool (`gpus`, `gpu_vendor`, `gpu_model`, `cuda`,
// `cudnn`; vocabulary.ts GPU_ATTRS) into HostGroup.gpu. `gpus` makes the pool a GPU pool; the other
// attributes need it (CS2122). Mesos isolates NVIDIA GPUs only (indigo-dc.mesos tasks/slave.yml adds
// the `gpu/nvidia` isolator where nvidia-smi runs), so another vendor is refused (CS2121).
import type { Span } from '../diagnostics/span.js';
import type { Attribute } from '../spec/ast.js';
import type { GpuSettings } from './model.js';
import { literalOf, type ValueCtx } from './values.js';
import type { AttrSpec } from './vocabulary.js';

/** The GPU attributes other than `gpus`, in the order they are documented. */
export const GPU_DETAILS = ['gpu_vendor', 'gpu_model', 'cuda', 'cudnn'] as const;

/** Lowers the GPU attributes of one pool body; undefined when the pool has no (valid) `gpus`. */
export function lowerGpu(
  ctx: ValueCtx,
  attrs: ReadonlyMap<string, Attribute>,
  specs: Readonly<Record<string, AttrSpec>>,
): GpuSettings | undefined {
  const spans: Record<string, Span> = {};
  const plain = (name: string): string | number | undefined => {
    const a = attrs.get(name);
    const s = specs[name];
    if (!a?.value || !s) return undefined;
    spans[name] = a.span;
    if (a.value.kind === 'input') {
      ctx.diag.report('CS2030', a.value.keywordSpan, { name }, { help: `write the value in the spec, e.g. \`${name} = ${name === 'gpus' ? '1' : '"..."'}\`` });
      return undefined;
    }
    const v = literalOf(ctx, a.value, s, name);
    return typeof v === 'string' || typeof v === 'number' ? v : undefined;
  };
  const count = plain('gpus');
  const details: Record<string, string> = {};
  for (const name of GPU_DETAILS) {
    const v = plain(name);
    if (typeof v !== 'string') continue;
    details[name] = v;
    if (!attrs.has('gpus')) {
      ctx.diag.report('CS2122', attrs.get(name)!.name.span, { name }, { help: 'add `gpus = 1` (the GPUs of each host) to this pool, or remove the line' });
    }
  }
  const vendor = details['gpu_vendor'];
  if (vendor !== undefined && vendor.toLowerCase() !== 'nvidia') {
    const at = attrs.get('gpu_vendor')?.value?.span ?? spans['gpu_vendor'];
    if (at) ctx.diag.report('CS2121', at, { vendor }, { help: 'write `gpu_vendor = "NVIDIA"`, or remove it' });
  }
  if (typeof count !== 'number') return undefined;
  return {
    count,
    ...(vendor !== undefined ? { vendor } : {}),
    ...(details['gpu_model'] !== undefined ? { model: details['gpu_model'] } : {}),
    ...(details['cuda'] !== undefined ? { cuda: details['cuda'] } : {}),
    ...(details['cudnn'] !== undefined ? { cudnn: details['cudnn'] } : {}),
    spans,
    origin: spans['gpus'] ?? attrs.get('gpus')!.span,
  };
}
