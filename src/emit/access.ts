// Exposure policy, shared by both emitters: who outside the cluster may reach a port users reach.
// The role plan (src/roles/plan.ts) gives the ports a service opens for `users` the reach `world`
// (public groups) or `vip` (a private group behind a public VIP), each with the class the service
// entry gave it (src/services: PortNeed.class); this module maps each class to an `access` list
// (ssh → ssh, admin → admin, service → apps: the application traffic marathon-lb serves) and gives
// each list its sources: the spec's `access` lists when written, else the narrowest default that
// still deploys:
//   ssh   HOT: nobody (the bootstrap needs no inbound SSH: cloud-init runs locally, the Heat
//         agents poll Heat); TOSCA: anywhere, because the orchestrator's IM contextualises the
//         hosts over SSH from an address the spec cannot know (and grycap/im
//         CloudConnector.add_ssh_port opens 22 to 0.0.0.0/0 on public hosts whenever the endpoint
//         lists no port 22, so nothing narrower is possible without naming the IM's CIDR);
//   admin nobody (the UIs and APIs that control the cluster or run code on it stay reachable from
//         within the cluster);
//   apps  anywhere (serving the applications is what public load balancers are for).
// Emitters write the result (HOT remote_ip_prefix, TOSCA PortSpec remote_cidr) and report the note
// on world-open ports; nothing else decides exposure.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import type { ClusterModel, HostGroup } from '../model/model.js';
import type { PortClass, PortRule } from '../roles/types.js';

/** The `access` lists, one per class of the ports users reach. */
export type AccessClass = 'ssh' | 'admin' | 'apps';
/** The two outputs, whose SSH defaults differ. */
export type AccessTarget = 'tosca' | 'hot';
/** Every IPv4 address. */
export const ANYWHERE = '0.0.0.0/0';

const DEFAULTS: Readonly<Record<AccessTarget, Readonly<Record<AccessClass, readonly string[]>>>> = {
  hot: { ssh: [], admin: [], apps: [ANYWHERE] },
  tosca: { ssh: [ANYWHERE], admin: [], apps: [ANYWHERE] },
};

/** The `access` list of each port class (PortRule.class, given by the service entries). */
const ACCESS_OF: Readonly<Record<PortClass, AccessClass>> = { ssh: 'ssh', admin: 'admin', service: 'apps' };

/** True when a rule faces users outside the cluster (`world` or through a public VIP). */
export function isOutside(r: PortRule): boolean {
  return r.source === 'world' || r.source === 'vip';
}

/** The `access` list that narrows rule `r`. */
export function portClass(r: PortRule): AccessClass {
  return ACCESS_OF[r.class];
}

/** The sources of one class: CIDRs (none = nobody outside the cluster), and whether the spec said so. */
export interface Sources {
  readonly cidrs: readonly string[];
  /** The spec's `access` list (else the target's default). */
  readonly explicit: boolean;
  readonly origin?: Span;
}

/** Who outside the cluster may reach ports of class `cls` in `target`. */
export function classSources(m: ClusterModel, cls: AccessClass, target: AccessTarget): Sources {
  const given = m.access?.[cls];
  if (given !== undefined) return { cidrs: given.cidrs, explicit: true, origin: given.origin };
  return { cidrs: DEFAULTS[target][cls], explicit: false };
}

/** The CIDRs that may reach world rule `r`. */
export function ruleSources(m: ClusterModel, r: PortRule, target: AccessTarget): readonly string[] {
  return classSources(m, portClass(r), target).cidrs;
}

/** A world-facing port as written into an output: group, rule and its sources. */
export interface OpenPort {
  readonly group: HostGroup;
  readonly rule: PortRule;
  readonly cidrs: readonly string[];
}

/**
 * Reports one note per group whose ports an output opens to 0.0.0.0/0, naming each port, at the
 * `access` list that says so or at the group (the default). `code` is the target's note.
 */
export function reportWorldOpen(m: ClusterModel, target: AccessTarget, open: readonly OpenPort[], diag: DiagnosticCollector, code: 'CS3160' | 'CS3320'): void {
  const byGroup = new Map<string, OpenPort[]>();
  for (const p of open) {
    if (!p.cidrs.includes(ANYWHERE)) continue;
    const list = byGroup.get(p.group.id) ?? [];
    list.push(p);
    byGroup.set(p.group.id, list);
  }
  for (const [group, ports] of byGroup) {
    const names = ports.map((p) => `${p.rule.from}${p.rule.to !== undefined && p.rule.to !== p.rule.from ? `-${p.rule.to}` : ''}/${p.rule.protocol} (${p.rule.description})`);
    const classes = [...new Set(ports.map((p) => portClass(p.rule)))];
    const said = classes.map((c) => classSources(m, c, target)).find((s) => s.explicit && s.cidrs.includes(ANYWHERE));
    const why = classes.map((c) => {
      const s = classSources(m, c, target);
      if (s.explicit) return `\`access.${c}\` allows anywhere`;
      return c === 'ssh' ? 'SSH by default, which the orchestrator\'s IM needs' : `\`${c}\` by default`;
    });
    diag.report(code, said?.origin ?? ports[0]!.group.origin, { group, ports: names.join(', '), why: [...new Set(why)].join('; ') }, {
      help: `narrow it with \`access { ${classes.map((c) => `${c} = [192.0.2.0/24]`).join('  ')} }\` (your networks${classes.includes('ssh') && target === 'tosca' ? ' and the IM\'s' : ''})`,
    });
  }
}
