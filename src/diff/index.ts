// `clusterc diff`: compiles two versions of a spec and says what changes in each output. TOSCA:
// the inputs, node templates and outputs added, removed or changed (with the changed paths). HOT:
// the parameters and outputs, and for every resource what Heat does on `openstack stack update`
// (heat-update.ts), servers that Heat replaces called out. Pure: the CLI reads the texts.
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { compile, type CompileResult } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { heatResourceChanges, type ResourceChange } from './heat-update.js';

/** Changes of one named section (inputs, node_templates, parameters, outputs, ...). */
export interface SectionChange {
  readonly section: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Entry name → the paths (dotted) that differ inside it. */
  readonly changed: Readonly<Record<string, readonly string[]>>;
}

/** What changes in one output document. */
export interface DocumentDiff {
  readonly file: string;
  readonly target: 'tosca' | 'hot';
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly sections: readonly SectionChange[];
  /** HOT only: the verdict on every resource that is not unchanged. */
  readonly resources?: readonly ResourceChange[];
}

/** The whole comparison. */
export interface SpecDiff {
  readonly documents: readonly DocumentDiff[];
  /** Servers (and server groups whose members) Heat replaces. */
  readonly replacedServers: readonly string[];
}

type Doc = Record<string, unknown>;

/** Dotted paths where `a` and `b` differ (maps recursed, lists and scalars compared whole), at most `limit`. */
export function differingPaths(a: unknown, b: unknown, prefix = '', limit = 8, out: string[] = []): string[] {
  if (out.length >= limit || isDeepStrictEqual(a, b)) return out;
  const isMap = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isMap(a) && isMap(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) differingPaths(ao[k], bo[k], prefix ? `${prefix}.${k}` : k, limit, out);
  } else out.push(prefix || '(value)');
  return out;
}

function section(name: string, a: unknown, b: unknown): SectionChange | undefined {
  const ao = (a ?? {}) as Record<string, unknown>;
  const bo = (b ?? {}) as Record<string, unknown>;
  const added = Object.keys(bo).filter((k) => !(k in ao));
  const removed = Object.keys(ao).filter((k) => !(k in bo));
  const changed: Record<string, string[]> = {};
  for (const k of Object.keys(bo)) if (k in ao && !isDeepStrictEqual(ao[k], bo[k])) changed[k] = differingPaths(ao[k], bo[k]);
  if (added.length + removed.length + Object.keys(changed).length === 0) return undefined;
  return { section: name, added, removed, changed };
}

function diffTosca(a: Doc, b: Doc): SectionChange[] {
  const ta = (a['topology_template'] ?? {}) as Doc;
  const tb = (b['topology_template'] ?? {}) as Doc;
  const out = [
    section('metadata', { metadata: a['metadata'], imports: a['imports'], description: a['description'] }, { metadata: b['metadata'], imports: b['imports'], description: b['description'] }),
    section('inputs', ta['inputs'], tb['inputs']),
    section('node_templates', ta['node_templates'], tb['node_templates']),
    section('outputs', ta['outputs'], tb['outputs']),
  ];
  return out.filter((s): s is SectionChange => s !== undefined);
}

function diffHot(a: Doc, b: Doc): { sections: SectionChange[]; resources: ResourceChange[] } {
  const out = [
    section('template', { heat_template_version: a['heat_template_version'], description: a['description'], parameter_groups: a['parameter_groups'] }, { heat_template_version: b['heat_template_version'], description: b['description'], parameter_groups: b['parameter_groups'] }),
    section('parameters', a['parameters'], b['parameters']),
    section('outputs', a['outputs'], b['outputs']),
  ].filter((s): s is SectionChange => s !== undefined);
  const resources = heatResourceChanges((a['resources'] ?? {}) as Record<string, any>, (b['resources'] ?? {}) as Record<string, any>).filter((r) => r.action !== 'unchanged');
  return { sections: out, resources };
}

const parse = (text: string) => YAML.parse(text, { version: '1.1' }) as Doc;

/** Compares the outputs of two compile results (both without errors). */
export function diffResults(before: CompileResult, after: CompileResult): SpecDiff {
  const documents: DocumentDiff[] = [];
  const replacedServers: string[] = [];
  const names = [...new Set([...before.files.map((f) => f.name), ...after.files.map((f) => f.name)])];
  for (const name of names) {
    const a = before.files.find((f) => f.name === name);
    const b = after.files.find((f) => f.name === name);
    const target = (a ?? b)!.target;
    if (!a || !b) {
      documents.push({ file: name, target, status: a ? 'removed' : 'added', sections: [] });
      continue;
    }
    if (target === 'tosca') {
      const sections = diffTosca(parse(a.content), parse(b.content));
      documents.push({ file: name, target, status: sections.length > 0 ? 'changed' : 'unchanged', sections });
      continue;
    }
    const { sections, resources } = diffHot(parse(a.content), parse(b.content));
    for (const r of resources) {
      if (r.type === 'OS::Nova::Server' && r.action === 'replace') replacedServers.push(r.name);
      if (r.members === 'replace') replacedServers.push(`${r.name} (every member)`);
    }
    const status = sections.length > 0 || resources.length > 0 ? 'changed' : 'unchanged';
    documents.push({ file: name, target, status, sections, resources });
  }
  return { documents, replacedServers };
}

/** Compiles both spec texts and compares them; diagnostics when either has errors. */
export function diffSpecs(
  before: { text: string; file: string },
  after: { text: string; file: string },
  compileOpts: Parameters<typeof compile>[2] = {},
): { diff?: SpecDiff; before: CompileResult; after: CompileResult; diagnostics: readonly Diagnostic[] } {
  const opts = { targets: ['tosca', 'hot'] as const, ...compileOpts };
  const rb = compile(before.text, before.file, opts);
  const ra = compile(after.text, after.file, opts);
  const errors = [...rb.diagnostics, ...ra.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0) return { before: rb, after: ra, diagnostics: errors };
  return { diff: diffResults(rb, ra), before: rb, after: ra, diagnostics: [] };
}

const SIGN: Record<ResourceChange['action'], string> = { create: '+', delete: '-', replace: '!', update: '~', unchanged: ' ' };

/** Human rendering of a diff. */
export function renderDiff(d: SpecDiff): string {
  const lines: string[] = [];
  for (const doc of d.documents) {
    if (doc.status === 'unchanged') {
      lines.push(`${doc.file}: no changes`);
      continue;
    }
    if (doc.status !== 'changed') {
      lines.push(`${doc.file}: ${doc.status}`);
      continue;
    }
    lines.push(`${doc.file}:`);
    for (const s of doc.sections) {
      for (const n of s.added) lines.push(`  + ${s.section}.${n}`);
      for (const n of s.removed) lines.push(`  - ${s.section}.${n}`);
      for (const [n, paths] of Object.entries(s.changed)) lines.push(`  ~ ${s.section}.${n}: ${paths.join(', ')}`);
    }
    for (const r of doc.resources ?? []) {
      const what = r.action === 'create' ? 'created' : r.action === 'delete' ? 'deleted'
        : r.action === 'replace' ? `REPLACED: ${r.reasons.join('; ')}`
        : r.members === 'replace' ? `updated in place, and every member REPLACED: ${r.reasons.join('; ')}`
        : `updated in place: ${r.changed.join(', ')}`;
      lines.push(`  ${SIGN[r.action]} resources.${r.name} (${r.type}) ${what}`);
    }
  }
  if (d.replacedServers.length > 0) {
    lines.push('', `servers Heat replaces (new disks and addresses; their data is lost): ${d.replacedServers.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
