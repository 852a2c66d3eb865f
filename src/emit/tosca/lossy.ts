// Lossy-emit warnings and notes (CS3101-CS3109, CS3111-CS3114): spec features that the INDIGO custom types at
// the pinned commit cannot express, one warning per feature with its span on the spec text
// (kompose checkUnsupportedKey; style.md §5). Each service entry reports its own (src/services,
// tosca.lossy); this module adds the cloud settings and the notes that list every service's part. Checked against custom_types.yaml @40fa4d6: no
// keepalived/VIP, calico, rexray, consul naming, cluster name, network or key pair property exists
// on the Mesos types or on tosca.nodes.indigo.Compute; availability_zone only on a placement policy
// that needs a cloud_id the spec cannot know.
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, Param } from '../../model/model.js';
import { SERVICES, serviceModel } from '../../services/index.js';
import type { ToscaContext } from '../../services/types.js';

function show(p: Param<string>): string {
  return p.kind === 'literal' ? p.value : `input ${p.input}`;
}

/** Reports the cloud settings TOSCA does not use (CS3106-CS3108). */
function reportCloud(m: ClusterModel, diag: DiagnosticCollector): void {
  const c = m.cloud;
  if (c.availabilityZone) {
    diag.report('CS3106', c.availabilityZone.origin ?? c.origin ?? m.origin, { zone: show(c.availabilityZone) }, { label: 'used by the HOT output only' });
  }
  if (c.network) diag.report('CS3107', c.network.origin ?? c.origin ?? m.origin, { what: 'network name' }, { label: 'used by the HOT output only' });
  if (c.publicNetwork) {
    diag.report('CS3107', c.publicNetwork.origin ?? c.origin ?? m.origin, { what: 'public network name' }, { label: 'used by the HOT output only' });
  }
  if (c.keyName) diag.report('CS3108', c.keyName.origin ?? c.origin ?? m.origin, {}, { label: 'used by the HOT output only' });
}

/** Reports every lossy feature of `m` for the TOSCA target: each service's, then the cluster's. */
export function reportLossy(m: ClusterModel, diag: DiagnosticCollector, cx: ToscaContext): void {
  const entries = SERVICES.map((e) => ({ e, svc: serviceModel(m.services, e) }));
  for (const { e, svc } of entries) e.tosca?.lossy?.(svc, cx);
  reportCloud(m, diag);
  // Type-level role artifacts not overridden (custom_types.yaml @40fa4d6: LRMS.FrontEnd/WorkerNode.Mesos
  // nfs_role, Compute os_users_role; the services add theirs, e.g. ElasticCluster clues_role and im_role).
  const unpinned = ['`indigo-dc.nfs,master`', '`indigo-dc.os_users`', ...entries.flatMap(({ e, svc }) => e.tosca?.unpinnedRoles?.(svc) ?? [])];
  diag.report('CS3113', m.nameSpan, { roles: unpinned.join(', ') }, { label: 'roles pinned in the HOT output only' });
  const tls = entries.map(({ e, svc }) => e.tosca?.keystore?.(svc)).filter((x): x is string => x !== undefined);
  if (tls.length > 0) diag.report('CS3114', m.nameSpan, { services: tls.join(' and ') }, { label: 'per-cluster keystore passwords in the HOT output only' });
}
