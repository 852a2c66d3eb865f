// TOSCA emitter: cluster model → TOSCA Simple Profile 1.0 YAML for the INDIGO PaaS Orchestrator.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel } from '../../model/model.js';

/** Options of the TOSCA emitter. */
export interface ToscaOptions {
  /** URL of the INDIGO custom_types.yaml to import. @default the pinned upstream commit */
  readonly toscaTypesUrl?: string;
}

/** Emits the TOSCA text for one cluster, or undefined when it reported errors. PLACEHOLDER. */
export function emitTosca(_m: ClusterModel, _opts: ToscaOptions, _diag: DiagnosticCollector): string | undefined {
  return undefined;
}
