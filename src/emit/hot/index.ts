// HOT emitter: cluster model → OpenStack Heat Orchestration Template YAML (one self-contained
// file, no nested templates). Input: a ClusterModel without errors; output: canonical YAML text
// (style.md §5), or undefined after reporting an error (CS32xx). Sections: parameters.ts,
// resources/{security-groups,servers,agents,vip,bootstrap}.ts, outputs.ts; warnings: lossy.ts.
// Role plans (roles, variables, firewall rules per group) come from the catalog's planCluster.
import { reportSubnetNote } from '../subnet-note.js';
import { tick } from '../../diagnostics/codes/define.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';
import { canonicalSizeBound, canonicalize, sectionOf, toCanonicalDocument, type EmittedDocument, type YamlValue } from '../yaml.js';
import type { HotRefs } from './bootstrap/index.js';
import { hostAddress, literalCount, type HotContext, type HotMode } from './context.js';
import { reportLossy } from './lossy.js';
import { hotDescription, reportSettings } from './settings.js';
import { buildOutputs } from './outputs.js';
import { buildParameters, type ParameterPlan } from './parameters.js';
import { inputUses } from '../unused-inputs.js';
import { planCluster } from '../../roles/index.js';
import { serviceModel, serviceOfBlock } from '../../services/index.js';
import { buildGeneratedSecrets, generatedSecretResource } from './resources/secrets.js';
import { buildAgentPool } from './resources/agents.js';
import { buildBootstrap } from './resources/bootstrap.js';
import { checkLimits } from './resources/limits.js';
import { buildSecurityGroups, openPorts } from './resources/security-groups.js';
import { reportWorldOpen } from '../access.js';
import { buildUnrolledGroup } from './resources/servers.js';
import { buildVip } from './resources/vip.js';

export type { HotMode } from './context.js';

/** Options of the HOT emitter. */
export interface HotOptions {
  /** @default '2018-08-31' */
  readonly hotVersion?: string;
  /** @default 'cloud-init' */
  readonly mode?: HotMode;
}

/** The default heat_template_version (Rocky). */
export const DEFAULT_HOT_VERSION = '2018-08-31';

/** Top-level key order of a HOT template (style.md §5). */
export const HOT_TOP_ORDER = ['heat_template_version', 'description', 'parameter_groups', 'parameters', 'resources', 'outputs'] as const;

/**
 * The HOT versions Heat 19 registers (setup.cfg heat.templates entry points) that have what the
 * output uses (str_replace as ReplaceJson, list_join with lists, SoftwareDeploymentGroup):
 * 2015-10-15 and later, and the release aliases.
 */
export const SUPPORTED_HOT_VERSIONS: readonly string[] = [
  '2015-10-15', '2016-04-08', '2016-10-14', '2017-02-24', '2017-09-01', '2018-03-02', '2018-08-31', '2021-04-16',
  'newton', 'ocata', 'pike', 'queens', 'rocky', 'wallaby',
];

/** The HotRefs of a model: parameters by name, and the port addresses of unrolled groups. */
function makeRefs(m: ClusterModel): HotRefs {
  return {
    param: (name) => ({ get_param: name }),
    generatedSecret: (id) => ({ get_attr: [generatedSecretResource(id), 'value'] }),
    groupAddresses: (id) => {
      const g = hostGroups(m).find((x) => x.id === id);
      if (!g || g.kind === 'agents') throw new Error(`no address list for host group \`${id}\` (only masters and load balancers are unrolled)`);
      return Array.from({ length: literalCount(g) ?? 0 }, (_, i) => hostAddress(g, i));
    },
  };
}

/** Builds the HOT template object for one cluster (errors are reported, not thrown). */
export function buildHot(m: ClusterModel, opts: HotOptions, diag: DiagnosticCollector): Record<string, YamlValue> {
  const version = opts.hotVersion ?? DEFAULT_HOT_VERSION;
  const mode = opts.mode ?? 'cloud-init';
  if (!SUPPORTED_HOT_VERSIONS.includes(version)) {
    diag.report('CS3201', undefined, { version }, {
      help: `use one of ${SUPPORTED_HOT_VERSIONS.map(tick).join(', ')} (default ${tick(DEFAULT_HOT_VERSION)})`,
    });
  }
  reportLossy(m, mode, diag);
  reportSubnetNote(m, diag);
  reportSettings(m, diag);
  const p = buildParameters(m, diag);
  const ctx: HotContext = { m, mode, diag, plans: planCluster(m), cloud: p.cloud, flavors: p.flavors, refs: makeRefs(m) };
  const resources: Record<string, YamlValue> = { ...buildSecurityGroups(ctx), ...buildVip(ctx), ...buildGeneratedSecrets(ctx.plans) };
  reportWorldOpen(m, 'hot', openPorts(ctx), diag, 'CS3320');
  for (const plan of ctx.plans) {
    const b = buildBootstrap(ctx, plan);
    const hosts = plan.group.kind === 'agents' ? buildAgentPool(ctx, plan, b.serverProperties, Object.values(b.resources)) : buildUnrolledGroup(ctx, plan, b.serverProperties);
    Object.assign(resources, hosts, b.resources);
  }
  checkLimits(ctx, resources);
  const outputs = buildOutputs(ctx);
  pruneUnused(m, p, [resources, outputs], diag);
  return {
    heat_template_version: version,
    description: hotDescription(m),
    parameter_groups: p.groups,
    parameters: p.parameters,
    resources,
    outputs,
  };
}

/** Why the HOT output does not read the input of `attribute` (CS3280), or undefined when CS3206 says so. */
function unusedReason(m: ClusterModel, attribute: string): string | undefined {
  const [owner, attr] = attribute.split('.');
  if (attr === 'disk') return undefined;
  if (attr === 'cpus' || attr === 'memory') return `the servers get the ${attr} of their flavor`;
  const e = serviceOfBlock(owner ?? '');
  return (e && e.hot?.unusedReason?.(serviceModel(m.services, e), attribute)) ?? 'no resource reads it';
}

/**
 * Removes the parameters of model inputs that no `get_param` in `used` reads (and their
 * parameter_groups entries), reporting CS3280 at each attribute that made one.
 */
function pruneUnused(m: ClusterModel, p: ParameterPlan, used: YamlValue[], diag: DiagnosticCollector): void {
  const read = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'get_param' && typeof x === 'string') read.add(x);
        else if (k === 'get_param' && Array.isArray(x) && typeof x[0] === 'string') read.add(x[0]);
        else walk(x);
      }
    }
  };
  walk(used);
  const uses = inputUses(m);
  const dropped = new Set<string>();
  for (const i of m.inputs) {
    if (read.has(i.name)) continue;
    delete p.parameters[i.name];
    dropped.add(i.name);
    for (const u of uses.get(i.name) ?? []) {
      const reason = unusedReason(m, u.attribute);
      if (reason === undefined) continue;
      diag.report('CS3280', u.origin ?? i.origin ?? m.origin, { attribute: u.attribute, input: i.name, reason }, { label: 'not used by the heat output' });
    }
  }
  if (dropped.size === 0) return;
  const groups = p.groups as { label: string; description: string; parameters: string[] }[];
  for (const g of groups) g.parameters = g.parameters.filter((n) => !dropped.has(n));
  const kept = groups.filter((g) => g.parameters.length > 0);
  p.groups.splice(0, p.groups.length, ...kept);
}

/** Emits the HOT text for one cluster, or undefined when it reported errors. */
export function emitHot(m: ClusterModel, opts: HotOptions, diag: DiagnosticCollector): string | undefined {
  return emitHotDocument(m, opts, diag)?.text;
}

/**
 * The HOT text for one cluster and its `parameters` as written, or undefined when it reported errors.
 * With `what.text` false (check) the text is written only when an upper bound of its size
 * (`canonicalSizeBound`) exceeds Heat's limit, to report CS3209 exactly as a compile does; the
 * returned text is then empty.
 */
export function emitHotDocument(m: ClusterModel, opts: HotOptions, diag: DiagnosticCollector, what: { text: boolean } = { text: true }): EmittedDocument | undefined {
  const errorsBefore = diag.diagnostics.filter((d) => d.severity === 'error').length;
  const doc = buildHot(m, opts, diag);
  if (diag.diagnostics.filter((d) => d.severity === 'error').length > errorsBefore) return undefined;
  const canonical = { topOrder: HOT_TOP_ORDER, header: [`generated by clusterc from ${m.sourceFile}; do not edit`] };
  let data: YamlValue;
  let text = '';
  if (what.text) ({ data, text } = toCanonicalDocument(doc, canonical));
  else {
    data = canonicalize(doc, canonical.topOrder);
    if (canonicalSizeBound(data, canonical.header) > HEAT_MAX_TEMPLATE_SIZE) text = toCanonicalDocument(doc, canonical).text;
  }
  // Heat rejects larger templates unless the operator raised max_template_size (heat.conf).
  const size = Buffer.byteLength(text, 'utf8');
  if (size > HEAT_MAX_TEMPLATE_SIZE) diag.report('CS3209', m.nameSpan, { size, limit: HEAT_MAX_TEMPLATE_SIZE });
  return { text: what.text ? text : '', definitions: sectionOf(data, ['parameters']) };
}

/** Heat's default `max_template_size` in bytes (heat/common/config.py). */
export const HEAT_MAX_TEMPLATE_SIZE = 524288;
