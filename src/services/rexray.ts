// RexRay: persistent Docker volumes on the agents, installed by indigo-dc.mesos itself (no role of
// its own: the plan adds the mesos_rexray_* variables to the agents' mesos role). Refused today
// (CS2062): the role downloads REX-Ray from dl.bintray.com, which stopped serving in 2021. The INDIGO
// types have no RexRay (CS3103, naming the driver options dropped).
import { tick } from '../diagnostics/codes/define.js';
import type { Param, ServiceBase } from '../model/model.js';
import type { VarExpr } from '../roles/types.js';
import { lit, param, password, str } from './helpers.js';
import { defineService, type ServiceEntry } from './types.js';

/** RexRay settings. */
export interface RexrayModel extends ServiceBase {
  readonly driver: string;
  /** Driver options by name (for `cinder`: auth_url, username, password, tenant, region, ...). */
  readonly options: Readonly<Record<string, Param<string>>>;
}

/** Rexray option → mesos role variable (ansible-role-mesos defaults/main.yml:76-82). */
const REXRAY_VARS: Readonly<Record<string, string>> = {
  auth_url: 'mesos_rexray_os_authurl',
  username: 'mesos_rexray_os_username',
  password: 'mesos_rexray_os_password',
  tenant: 'mesos_rexray_os_tenantname',
  domain: 'mesos_rexray_os_domainname',
  region: 'mesos_rexray_os_regionname',
  availability_zone: 'mesos_rexray_os_availabilityzonename',
};

const ATTRS = {
  // OpenStack Cinder, as in indigo-dc.mesos rexray.yml.
  driver: str('RexRay storage driver', false, 'cinder'),
  auth_url: str('Keystone URL'),
  username: str('OpenStack user'),
  password: password('OpenStack password'),
  tenant: str('OpenStack project (tenant)'),
  domain: str('OpenStack domain'),
  region: str('OpenStack region'),
  availability_zone: str('availability zone of the volumes'),
};

/** The rexray service. */
export const rexray: ServiceEntry<'rexray', RexrayModel> = defineService({
  key: 'rexray',
  block: { name: 'rexray', attrs: ATTRS },
  lower(cx) {
    const s = cx.block;
    const options: Record<string, Param<string>> = {};
    for (const opt of Object.keys(ATTRS)) {
      if (opt === 'driver') continue;
      const p = s.param<string>(opt);
      if (p) options[opt] = p;
    }
    return { enabled: s.present, hosts: s.present ? cx.cluster.ids.agents : [], origin: s.origin, driver: s.str('driver'), options };
  },
  check(cx) {
    if (cx.block) {
      cx.diag.report('CS2062', cx.block.name.span, {}, { label: 'cannot be installed', help: 'remove the `rexray` block; give agents volumes another way (e.g. Marathon local persistent volumes)' });
    }
  },
  uses: (svc) => Object.entries(svc.options).map(([k, p]) => [`rexray.${k}`, p] as const),
  plan(svc, cx) {
    // mesoscluster-rexray.yaml passes the OpenStack credentials as mesos_rexray_os_*; the role
    // only installs RexRay and the DVDI isolator when asked (defaults/main.yml:70,72 are false).
    const vars: Record<string, VarExpr> = { mesos_enable_dvdi_mod: lit(true), mesos_install_rexray: lit(true) };
    for (const [opt, name] of Object.entries(REXRAY_VARS)) {
      const p = svc.options[opt];
      if (p !== undefined) vars[name] = param(p);
    }
    cx.addVars('mesos', vars);
  },
  tosca: {
    lossy(svc, cx) {
      if (!svc.enabled) return;
      const opts = Object.keys(svc.options);
      cx.diag.report('CS3103', svc.origin ?? cx.m.origin, { driver: svc.driver }, {
        label: 'not representable in tosca',
        ...(opts.length > 0 ? { notes: [`driver options dropped: ${opts.map((o) => tick(o)).join(', ')}`] } : {}),
      });
    },
    // CS3103 names the dropped options.
    unusedReason: () => null,
  },
});
