// Exposure policy, shared by both emitters: who outside the cluster may reach a world-facing port.
// The role plan (src/roles/plan.ts) marks the ports users reach as `world` rules of public groups;
// this module sorts them into classes (ssh, admin, apps) and gives each class its sources: the
// spec's `access` lists when written, else the narrowest default that still deploys:
//   ssh   HOT: nobody (the bootstrap needs no inbound SSH: cloud-init runs locally, the Heat
//         agents poll Heat); TOSCA: anywhere, because the orchestrator's IM contextualises the
//         hosts over SSH from an address the spec cannot know (and grycap/im
//         CloudConnector.add_ssh_port opens 22 to 0.0.0.0/0 on public hosts whenever the endpoint
//         lists no port 22, so nothing narrower is possible without naming the IM's CIDR);
//   admin nobody (Mesos, Marathon, Chronos UIs and APIs stay reachable from within the cluster);
//   apps  anywhere (marathon-lb serving the Marathon apps is what public load balancers are for).
// Emitters write the result (HOT remote_ip_prefix, TOSCA PortSpec remote_cidr) and report the note
// on world-open ports; nothing else decides exposure.
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import type { ClusterModel, HostGroup } from '../model/model.js';
import type { PortRule } from '../roles/types.js';

/** The classes of world-facing ports. */
export type PortClass = 'ssh' | 'admin' | 'apps';
/** The two outputs, whose SSH defaults differ. */
export type AccessTarget = 'tosca' | 'hot';
/** Every IPv4 address. */
export const ANYWHERE = '0.0.0.0/0';

const DEFAULTS: Readonly<Record<AccessTarget, Readonly<Record<PortClass, readonly string[]>>>> = {
  hot: { ssh: [], admin: [], apps: [ANYWHERE] },
  tosca: { ssh: [ANYWHERE], admin: [], apps: [ANYWHERE] },
};

/** The class of a world rule: SSH, marathon-lb's application ports, or an admin UI/API. */
export function portClass(r: PortRule): PortClass {
  if (r.protocol === 'tcp' && r.from === 22) return 'ssh';
  if (r.protocol === 'tcp' && (r.from === 80 || r.from === 443) && r.description.startsWith('marathon-lb')) return 'apps';
  return 'admin';
}

/** The sources of one class: CIDRs (none = nobody outside the cluster), and whether the spec said so. */
export interface Sources {
  readonly cidrs: readonly string[];
  /** The spec's `access` list (else the target's default). */
  readonly explicit: boolean;
  readonly origin?: Span;
}

/** Who outside the cluster may reach ports of class `cls` in `target`. */
export function classSources(m: ClusterModel, cls: PortClass, target: AccessTarget): Sources {
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
