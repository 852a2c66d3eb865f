// A note both emitters report (CS2120): `cloud.subnet` only checks addresses (the vip, CS2018);
// neither output creates or selects a subnet. Reported by each emitter at the same span, so the
// collector keeps one (its key is code and span) whatever targets run; lowering (`--stop-after
// lower`, `--dump model`) stays quiet about it, as it is about every output note.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { ClusterModel } from '../model/model.js';

/** Reports CS2120 when the cluster gives a subnet. */
export function reportSubnetNote(m: ClusterModel, diag: DiagnosticCollector): void {
  const span = m.attributeSpans?.['cloud.subnet'] ?? m.cloud.subnet?.origin;
  if (m.cloud.subnet && span) diag.report('CS2120', span, {}, { label: 'checks the vip only' });
}
