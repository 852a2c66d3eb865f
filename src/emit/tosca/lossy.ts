// Lossy-emit warnings and notes (CS3101-CS3109, CS3111-CS3114): spec features that the INDIGO custom types at
// the pinned commit cannot express, one warning per feature with its span on the spec text
// (kompose checkUnsupportedKey; style.md §5). Checked against custom_types.yaml @40fa4d6: no
// keepalived/VIP, calico, rexray, consul naming, cluster name, network or key pair property exists
// on the Mesos types or on tosca.nodes.indigo.Compute; availability_zone only on a placement policy
// that needs a cloud_id the spec cannot know.
import { specDuration } from '../spec-units.js';
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, Param } from '../../model/model.js';
import { DEFAULT_IDLE_TIMEOUT } from '../../model/services.js';
import { rangePools } from './node-templates.js';

/** Default datacenter and domain of Consul (indigo-dc.consul role defaults). */
const CONSUL_DEFAULTS = { datacenter: 'dc1', domain: 'consul' } as const;
/** Default Mesos cluster name (indigo-dc.mesos defaults/main.yml). */
const MESOS_CLUSTER_NAME = 'IndigoCluster';

function show(p: Param<string>): string {
  return p.kind === 'literal' ? p.value : `input ${p.input}`;
}

/** Reports every lossy feature of `m` for the TOSCA target. */
export function reportLossy(m: ClusterModel, diag: DiagnosticCollector): void {
  const s = m.services;
  const vip = s.keepalived.vip;
  if (s.keepalived.enabled && vip) {
    diag.report('CS3101', vip.origin, { vip: vip.address }, { label: 'not representable in tosca' });
  }
  if (s.calico.enabled) diag.report('CS3102', s.calico.origin ?? m.origin, {}, { label: 'not representable in tosca' });
  if (s.rexray.enabled) {
    const opts = Object.keys(s.rexray.options);
    diag.report('CS3103', s.rexray.origin ?? m.origin, { driver: s.rexray.driver }, {
      label: 'not representable in tosca',
      ...(opts.length > 0 ? { notes: [`driver options dropped: ${opts.map((o) => tick(o)).join(', ')}`] } : {}),
    });
  }
  const consulWhat = [
    s.consul.datacenter !== CONSUL_DEFAULTS.datacenter ? `datacenter ${tick(s.consul.datacenter)}` : undefined,
    s.consul.domain !== CONSUL_DEFAULTS.domain ? `domain ${tick(s.consul.domain)}` : undefined,
  ].filter((x): x is string => x !== undefined);
  if (s.consul.enabled && consulWhat.length > 0) {
    diag.report('CS3104', s.consul.origin ?? m.origin, { what: consulWhat.join(' and ') }, { label: 'not representable in tosca' });
  }
  if (s.mesos.clusterName !== MESOS_CLUSTER_NAME && s.mesos.clusterName !== m.name) {
    diag.report('CS3105', s.mesos.origin ?? m.origin, { name: s.mesos.clusterName }, { label: 'not representable in tosca' });
  }
  const c = m.cloud;
  if (c.availabilityZone) {
    diag.report('CS3106', c.availabilityZone.origin ?? c.origin ?? m.origin, { zone: show(c.availabilityZone) }, { label: 'used by the HOT output only' });
  }
  if (c.network) diag.report('CS3107', c.network.origin ?? c.origin ?? m.origin, { what: 'network name' }, { label: 'used by the HOT output only' });
  if (c.publicNetwork) {
    diag.report('CS3107', c.publicNetwork.origin ?? c.origin ?? m.origin, { what: 'public network name' }, { label: 'used by the HOT output only' });
  }
  if (c.keyName) diag.report('CS3108', c.keyName.origin ?? c.origin ?? m.origin, {}, { label: 'used by the HOT output only' });
  const [first, ...extra] = rangePools(m);
  for (const p of extra) {
    diag.report('CS3109', p.size.origin ?? p.origin, { pool: p.id, first: first?.id ?? '' }, {
      label: 'deployed with its minimum size, never scaled',
      help: 'give this pool a fixed count, or make it the first pool with a range',
    });
  }
  const el = s.elasticity;
  if (first && el.idleTimeout !== DEFAULT_IDLE_TIMEOUT) {
    diag.report('CS3112', el.origin ?? first.size.origin ?? m.origin, { timeout: specDuration(el.idleTimeout) }, { label: 'not representable in tosca' });
  }
  if (!s.marathon.enabled) {
    const pw = s.marathon.password;
    diag.report('CS3111', s.marathon.origin ?? m.origin, {}, {
      label: 'not representable in tosca',
      ...(pw.kind === 'input' ? { notes: [`Marathon still needs a password: the TOSCA output asks for input ${tick(pw.input)}`] } : {}),
    });
  }
  // Type-level role artifacts not overridden (custom_types.yaml @40fa4d6: LRMS.FrontEnd/WorkerNode.Mesos
  // nfs_role, Compute os_users_role, ElasticCluster clues_role and im_role).
  const unpinned = ['`indigo-dc.nfs,master`', '`indigo-dc.os_users`', ...(first ? ['`indigo-dc.clues,master`', '`grycap.im,master`'] : [])];
  diag.report('CS3113', m.nameSpan, { roles: unpinned.join(', ') }, { label: 'roles pinned in the HOT output only' });
  const tls = [s.marathon, s.chronos].filter((x) => x.enabled && x.ssl).length;
  if (tls > 0) {
    const services = [s.marathon.enabled && s.marathon.ssl ? 'Marathon' : undefined, s.chronos.enabled && s.chronos.ssl ? 'Chronos' : undefined].filter(Boolean).join(' and ');
    diag.report('CS3114', m.nameSpan, { services }, { label: 'per-cluster keystore passwords in the HOT output only' });
  }
  // indigo-dc.marathon signs its certificate with the CA in its files/ (key published) and makes the
  // host trust it; the HOT output replaces it (compat fix marathon-own-ca), TOSCA runs the role as is.
  // The INDIGO master installs Marathon even when disabled (CS3111), so this holds whenever ssl is on.
  if (s.marathon.ssl) diag.report('CS3163', s.marathon.origin ?? m.nameSpan, {}, { label: 'per-host CA in the HOT output only' });
}
