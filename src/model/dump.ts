// `--dump model`: the lowered model as YAML. PLACEHOLDER until lowering lands.
import type { ClusterModel } from './model.js';

/** Renders one cluster model as YAML text. */
export function dumpModel(m: ClusterModel): string {
  return JSON.stringify(m) + '\n';
}
