// HOT emitter: cluster model → OpenStack Heat Orchestration Template YAML.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel } from '../../model/model.js';

/** How the roles run on the servers. */
export type HotMode = 'cloud-init' | 'software-config';

/** Options of the HOT emitter. */
export interface HotOptions {
  /** @default '2018-08-31' */
  readonly hotVersion?: string;
  /** @default 'cloud-init' */
  readonly mode?: HotMode;
}

/** Emits the HOT text for one cluster, or undefined when it reported errors. PLACEHOLDER. */
export function emitHot(_m: ClusterModel, _opts: HotOptions, _diag: DiagnosticCollector): string | undefined {
  return undefined;
}
