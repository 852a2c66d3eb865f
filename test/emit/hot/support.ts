// Helpers of the HOT emitter tests: emit a model to text and object, find resources by type.
import YAML from 'yaml';
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { emitHot, type HotOptions } from '../../../src/emit/hot/index.js';
import type { ClusterModel } from '../../../src/model/model.js';
import { haModel } from '../tosca/fixtures.js';

/** A HOT resource. */
export interface Res {
  type: string;
  properties?: Record<string, any>;
  depends_on?: string[];
}

/** The emitted text, parsed template and diagnostics. */
export interface Emitted {
  text: string | undefined;
  hot: { parameters: Record<string, any>; parameter_groups: any[]; resources: Record<string, Res>; outputs: Record<string, any>; [k: string]: any };
  diagnostics: readonly Diagnostic[];
}

/** Emits a model. */
export function emit(m: ClusterModel, opts: HotOptions = {}): Emitted {
  const diag = new DiagnosticCollector();
  const text = emitHot(m, opts, diag);
  return { text, hot: text === undefined ? ({} as Emitted['hot']) : YAML.parse(text, { version: '1.1' }), diagnostics: diag.diagnostics };
}

/** Resources of a type, by name. */
export function findResources(hot: Emitted['hot'], type: string): Record<string, Res> {
  return Object.fromEntries(Object.entries(hot.resources).filter(([, r]) => r.type === type));
}

/** The codes of the diagnostics. */
export function codes(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => d.code);
}

/** The HA model (it is lowered from spec text, so mesos is on every agent pool as lowering places it). */
export function loweredHaModel(): ClusterModel {
  return haModel();
}
