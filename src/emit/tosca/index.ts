// TOSCA emitter: cluster model → TOSCA Simple Profile in YAML 1.0 text for the INDIGO PaaS
// Orchestrator, shaped like the upstream INDIGO templates (tosca-templates/mesos_cluster.yaml,
// tosca-types/examples/mesos_elastic_cluster.yaml). Pure: no file system. Reports lossy-emit
// warnings (CS31xx) and Jinja errors (CS3110) on the spec spans; returns undefined when it
// reported an error. The built object is checked against node-types/ before it is serialised; a
// failed self-check is an internal error (CS0001), never a returned text.
import { reportSubnetNote } from '../subnet-note.js';
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { ClusterModel, ServiceBase } from '../../model/model.js';
import { hostGroups } from '../../model/model.js';
import type { PortRule } from '../../roles/types.js';
import { SERVICES, serviceModel, serviceOfBlock } from '../../services/index.js';
import type { PrepareContext } from '../../services/types.js';
import { inputUses } from '../unused-inputs.js';
import { ANYWHERE, classSources, reportWorldOpen, ruleSources } from '../access.js';
import { canonicalize, sectionOf, toCanonicalDocument, type EmittedDocument, type YamlValue } from '../yaml.js';
import { artifactFile, planCluster, ROLES, type RoleId } from '../../roles/index.js';
import type { ArtifactResolver } from './artifacts.js';
import { buildInputs } from './inputs.js';
import { reportLossy } from './lossy.js';
import { buildNodeTemplates, toscaContext, type NodeContext } from './node-templates.js';
import { buildOutputs } from './outputs.js';
import { selfCheck } from './self-check.js';

/** The INDIGO custom types the output imports: indigo-dc/tosca-types pinned to commit 40fa4d6 (2025-08-08). */
export const DEFAULT_TOSCA_TYPES_URL =
  'https://raw.githubusercontent.com/indigo-dc/tosca-types/40fa4d6023fd2c4492a9a784a29c83ba759ce8a6/custom_types.yaml';

/** `metadata.template_version` when the spec has no cluster `version`. */
export const DEFAULT_TEMPLATE_VERSION = '1.0.0';

/** Top-level key order of a TOSCA service template (style.md §5). */
export const TOSCA_TOP_ORDER = ['tosca_definitions_version', 'description', 'metadata', 'imports', 'topology_template'] as const;

/** Options of the TOSCA emitter. */
export interface ToscaOptions {
  /** URL of the INDIGO custom_types.yaml to import. @default DEFAULT_TOSCA_TYPES_URL */
  readonly toscaTypesUrl?: string;
}

/** The role catalog's pinned version of a role, as an INDIGO artifact `file:` (artifacts.ts). */
const resolveArtifact: ArtifactResolver = (id) => {
  const role = (ROLES as Readonly<Record<string, (typeof ROLES)[RoleId] | undefined>>)[id];
  return role ? artifactFile(role) : undefined;
};

/** The model as the TOSCA output sees it: each service entry's `tosca.prepare` (e.g. a password input INDIGO requires). */
function toscaModel(m: ClusterModel): ClusterModel {
  const inputs = [...m.inputs];
  const taken = new Set(m.inputs.map((i) => i.name));
  const cx: PrepareContext = {
    secretInput: (base, description, origin) => {
      let name = base;
      for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
      taken.add(name);
      inputs.push({ name, type: 'string', secret: true, implicit: true, origin: undefined, description });
      return { kind: 'input', input: name, origin };
    },
  };
  const services: Record<string, ServiceBase> = { ...m.services };
  for (const e of SERVICES) {
    if (e.tosca?.prepare) services[e.key] = e.tosca.prepare(serviceModel(m.services, e), cx);
  }
  return inputs.length === m.inputs.length ? m : { ...m, services: services as unknown as ClusterModel['services'], inputs };
}

/** Cloud inputs whose absence from the TOSCA output another note already reports (CS3106-CS3108). */
const REPORTED_ELSEWHERE = /^cloud\.(network|public_network|key_name|availability_zone)$/;

/** Why TOSCA does not read the input of `attribute` (CS3120), or null when another note says so. */
function unusedReason(m: ClusterModel, attribute: string): string | null {
  if (REPORTED_ELSEWHERE.test(attribute)) return null;
  const e = serviceOfBlock(attribute.split('.')[0] ?? '');
  const reason = e?.tosca?.unusedReason?.(serviceModel(m.services, e), attribute);
  return reason === undefined ? 'no INDIGO property takes it' : reason;
}

/** Builds the TOSCA service template object (TOSCA §3.9) for one cluster. */
export function buildTosca(spec: ClusterModel, opts: ToscaOptions, diag: DiagnosticCollector): Record<string, YamlValue> {
  const m = toscaModel(spec);
  // The world-facing ports come from the role catalog's plan, the same rules the HOT security groups use.
  const plans = new Map(planCluster(m).map((p) => [p.group.id, p.ports]));
  const sources = (r: PortRule): readonly string[] => ruleSources(m, r, 'tosca');
  const cx: NodeContext = { m, diag, resolveArtifact, worldPorts: (g) => plans.get(g.id) ?? [], sources };
  reportLossy(m, diag, toscaContext(cx));
  reportSubnetNote(m, diag);
  const inputs = buildInputs(m.inputs, diag);
  const nodeTemplates = buildNodeTemplates(cx);
  reportExposure(m, plans, diag);
  const outputs = buildOutputs(m);
  // An input nothing reads is not declared: it would be a required TOSCA input that does nothing
  // (and an unused-input lint). Each is reported once, at the attribute that made it (CS3120).
  const used = referencedInputs([nodeTemplates, outputs]);
  const uses = inputUses(m);
  for (const i of m.inputs) {
    if (used.has(i.name)) continue;
    delete inputs[i.name];
    for (const u of uses.get(i.name) ?? []) {
      const reason = unusedReason(m, u.attribute);
      if (reason === null) continue;
      diag.report('CS3120', u.origin ?? i.origin ?? m.origin, { attribute: u.attribute, input: i.name, reason }, { label: 'not used by the tosca output' });
    }
  }
  return {
    tosca_definitions_version: 'tosca_simple_yaml_1_0',
    description: m.description !== '' ? m.description : `Mesos cluster ${m.name}`,
    // template_name / template_version (TOSCA §3.9.3.2 metadata keynames): the orchestrator's
    // rewrite registers templates by them, as the orchestrator's Alien4Cloud parser did.
    metadata: { display_name: m.name, template_name: m.name, template_version: m.version ?? DEFAULT_TEMPLATE_VERSION },
    imports: [{ indigo_custom_types: opts.toscaTypesUrl ?? DEFAULT_TOSCA_TYPES_URL }],
    topology_template: {
      inputs: Object.keys(inputs).length > 0 ? inputs : undefined,
      node_templates: nodeTemplates,
      outputs,
    },
  };
}

/**
 * The exposure notes of the TOSCA output: CS3160 per public group with ports open to anywhere;
 * about SSH, which the IM needs on public hosts: CS3161 when `access.ssh` is empty (the IM then
 * opens 22 to anywhere itself, grycap/im CloudConnector.add_ssh_port), CS3162 when it names
 * networks (they must include the IM's).
 */
function reportExposure(m: ClusterModel, plans: ReadonlyMap<string, readonly PortRule[]>, diag: DiagnosticCollector): void {
  const publics = hostGroups(m).filter((g) => g.public);
  const open = publics.flatMap((g) => (plans.get(g.id) ?? []).filter((r) => r.source === 'world').map((rule) => ({ group: g, rule, cidrs: ruleSources(m, rule, 'tosca') })));
  reportWorldOpen(m, 'tosca', open, diag, 'CS3160');
  const ssh = classSources(m, 'ssh', 'tosca');
  if (!ssh.explicit || publics.length === 0 || ssh.origin === undefined) return;
  if (ssh.cidrs.length === 0) diag.report('CS3161', ssh.origin, {}, { help: 'name the networks of the orchestrator\'s IM (and yours) in `access.ssh`' });
  else if (!ssh.cidrs.includes(ANYWHERE)) diag.report('CS3162', ssh.origin, {});
}

/** Names of every input referenced with `get_input` anywhere in `value`. */
export function referencedInputs(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) referencedInputs(value[i], into);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = o[k];
      if (k === 'get_input' && typeof v === 'string') into.add(v);
      else if (k === 'get_input' && Array.isArray(v) && typeof v[0] === 'string') into.add(v[0]);
      else referencedInputs(v, into);
    }
  }
  return into;
}

/** Emits the TOSCA text for one cluster, or undefined when it reported errors. */
export function emitTosca(m: ClusterModel, opts: ToscaOptions, diag: DiagnosticCollector): string | undefined {
  return emitToscaDocument(m, opts, diag)?.text;
}

/**
 * The TOSCA text for one cluster and its `topology_template.inputs` as written, or undefined when
 * it reported errors. `{ text: false }` (check only) reports the same diagnostics, canonicalises the
 * data (which refuses what cannot be written) and leaves the text empty.
 */
export function emitToscaDocument(m: ClusterModel, opts: ToscaOptions, diag: DiagnosticCollector, what: { text: boolean } = { text: true }): EmittedDocument | undefined {
  const errorsBefore = diag.diagnostics.filter((d) => d.severity === 'error').length;
  const doc = buildTosca(m, opts, diag);
  if (diag.diagnostics.filter((d) => d.severity === 'error').length > errorsBefore) return undefined;
  const problems = selfCheck(doc);
  if (problems.length > 0) {
    diag.report('CS0001', undefined, { detail: `the tosca output for cluster \`${m.name}\` fails its self-check: ${problems.join('; ')}` }, {
      notes: ['nothing was written; this is a bug in clusterc, please report it with the input'],
    });
    return undefined;
  }
  const canonical = { topOrder: TOSCA_TOP_ORDER, header: [`generated by clusterc from ${m.sourceFile}; do not edit`] };
  const { data, text } = what.text ? toCanonicalDocument(doc, canonical) : { data: canonicalize(doc, canonical.topOrder), text: '' };
  return { text, definitions: sectionOf(data, ['topology_template', 'inputs']) };
}
