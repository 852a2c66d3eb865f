// Lint name resolution: the TOSCA types visible from one file — its own, those of its transitive imports
// (TOSCA 1.0 §3.5.7, resolved through the reader and the --import-map) and the normative TOSCA 1.0 types
// (parsed once, lazily). Reports import problems (LT2016-LT2018) for the imports of the linted file.
// Invariants: parsed files are cached per workspace, so each import is read and parsed once per run.
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { NORMATIVE_TOSCA_1_0_YAML } from './normative/tosca-definition-1-0.js';
import { resolveRelative, type SourceReader } from './reader.js';
import { isYMap, own, parseYamlFile, spanAt, type DataPath, type ParsedFile, type YMap } from './source.js';

/** The kinds of TOSCA types, one per *_types section. */
export type TypeKind = 'node' | 'capability' | 'relationship' | 'data' | 'artifact' | 'interface' | 'group' | 'policy';

/** Section name → kind. */
export const SECTION_KIND: Readonly<Record<string, TypeKind>> = {
  node_types: 'node',
  capability_types: 'capability',
  relationship_types: 'relationship',
  data_types: 'data',
  artifact_types: 'artifact',
  interface_types: 'interface',
  group_types: 'group',
  policy_types: 'policy',
};

/** One type definition and where it came from (`pf` undefined for the normative types). */
export interface TypeEntry {
  readonly name: string;
  readonly kind: TypeKind;
  readonly def: YMap;
  readonly pf: ParsedFile | undefined;
  readonly path: DataPath;
}

/** An `--import-map` entry: a URL (or URL prefix ending in `/`) served from a local path. */
export interface ImportMapping {
  readonly from: string;
  readonly to: string;
}

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** True when `s` looks like a URL (has a scheme followed by `//`). */
export function isUrl(s: string): boolean {
  return URL_RE.test(s);
}

/** Maps `url` to a local path through `map` (exact match first, then the longest `/`-ending prefix). */
export function mapUrl(url: string, map: readonly ImportMapping[]): string | undefined {
  const exact = map.find((m) => m.from === url);
  if (exact) return exact.to;
  let best: ImportMapping | undefined;
  for (const m of map) if (m.from.endsWith('/') && url.startsWith(m.from) && (!best || m.from.length > best.from.length)) best = m;
  if (!best) return undefined;
  const to = best.to.endsWith('/') ? best.to : best.to + '/';
  return to + url.slice(best.from.length);
}

let normativeTypes: Map<TypeKind, Map<string, TypeEntry>> | undefined;

/** The normative TOSCA 1.0 types with their full names, short names (`Compute`) and `tosca:` names. */
export function normative(): Map<TypeKind, Map<string, TypeEntry>> {
  if (normativeTypes) return normativeTypes;
  const pf = parseYamlFile('<normative>', NORMATIVE_TOSCA_1_0_YAML, new DiagnosticCollector());
  const out = new Map<TypeKind, Map<string, TypeEntry>>();
  for (const [section, kind] of Object.entries(SECTION_KIND)) {
    const table = new Map<string, TypeEntry>();
    const sec = own(pf.value, section);
    if (isYMap(sec)) {
      for (const [name, def] of Object.entries(sec)) {
        if (!isYMap(def)) continue;
        const entry: TypeEntry = { name, kind, def, pf: undefined, path: [section, name] };
        table.set(name, entry);
        const short = name.replace(/^tosca\.[a-z]+\./, '');
        for (const alias of [short, `tosca:${short}`, short.split('.').pop() ?? short]) if (!table.has(alias)) table.set(alias, entry);
      }
    }
    out.set(kind, table);
  }
  normativeTypes = out;
  return out;
}

/** Files read and parsed once per run, shared by every linted file. */
export class Workspace {
  private readonly cache = new Map<string, ParsedFile | { error: string }>();
  constructor(readonly reader: SourceReader, readonly importMap: readonly ImportMapping[] = []) {}

  /** Parses `path` (diagnostics of reading go to `diag`; cached after the first call). */
  load(path: string, diag: DiagnosticCollector = new DiagnosticCollector()): ParsedFile | { error: string } {
    const hit = this.cache.get(path);
    if (hit) return hit;
    const r = this.reader.read(path);
    const res = 'error' in r ? { error: r.error } : parseYamlFile(path, r.text, diag);
    this.cache.set(path, res);
    return res;
  }
}

/** One import of a file: its target string and the data path of the entry. */
export interface ImportRef {
  readonly target: string;
  readonly path: DataPath;
}

/** The imports of a parsed file (string entries and `name: file` / `name: {file}` entries). */
export function importsOf(pf: ParsedFile): ImportRef[] {
  const list = own(pf.value, 'imports');
  if (!Array.isArray(list)) return [];
  const out: ImportRef[] = [];
  list.forEach((entry, i) => {
    if (typeof entry === 'string') out.push({ target: entry, path: ['imports', i] });
    else if (isYMap(entry)) {
      for (const [name, v] of Object.entries(entry)) {
        const file = typeof v === 'string' ? v : own(v, 'file');
        if (typeof file === 'string') out.push({ target: file, path: typeof v === 'string' ? ['imports', i, name] : ['imports', i, name, 'file'] });
      }
    }
  });
  return out;
}

/** The types visible from one file, and whether some import could not be followed. */
export class Scope {
  /** Types by kind and name, from the file and its imports (normative types are looked up last). */
  private readonly local = new Map<TypeKind, Map<string, TypeEntry>>();
  /** True when an import was a URL without a mapping, or unreadable: unknown names may come from it. */
  incomplete = false;

  /** Looks up a type of `kind` by name. */
  lookup(kind: TypeKind, name: string): TypeEntry | undefined {
    return this.local.get(kind)?.get(name) ?? normative().get(kind)?.get(name);
  }

  /** Every name of `kind` (for did-you-mean). */
  *names(kind: TypeKind): Iterable<string> {
    yield* this.local.get(kind)?.keys() ?? [];
    for (const [n, e] of normative().get(kind) ?? []) if (n === e.name) yield n;
  }

  /** Adds the types of `pf` (first definition wins, so the linted file shadows its imports). */
  addFile(pf: ParsedFile): void {
    for (const [section, kind] of Object.entries(SECTION_KIND)) {
      const sec = own(pf.value, section);
      if (!isYMap(sec)) continue;
      let table = this.local.get(kind);
      if (!table) this.local.set(kind, (table = new Map()));
      for (const [name, def] of Object.entries(sec)) {
        if (isYMap(def) && !table.has(name)) table.set(name, { name, kind, def, pf, path: [section, name] });
      }
    }
  }

  /** The chain `entry`, parent, grandparent... (stops at a missing parent or a cycle). */
  ancestors(entry: TypeEntry): TypeEntry[] {
    const out: TypeEntry[] = [];
    const seen = new Set<TypeEntry>();
    let cur: TypeEntry | undefined = entry;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      out.push(cur);
      const parent = own(cur.def, 'derived_from');
      cur = typeof parent === 'string' ? this.lookup(cur.kind, parent) : undefined;
    }
    return out;
  }

  /** True when type `name` of `kind` is `ancestor` or derives from it. */
  derivesFrom(kind: TypeKind, name: string, ancestor: string): boolean {
    const e = this.lookup(kind, name);
    const a = this.lookup(kind, ancestor);
    return !!e && !!a && this.ancestors(e).includes(a);
  }

  /** Merged map section (`properties`, `attributes`, `capabilities`, ...) along the hierarchy; the child wins. */
  merged(entry: TypeEntry, section: string): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const e of this.ancestors(entry)) {
      const sec = own(e.def, section);
      if (isYMap(sec)) for (const [k, v] of Object.entries(sec)) if (!out.has(k)) out.set(k, v);
    }
    return out;
  }

  /** Requirement definitions (name → definition) along the hierarchy; the child wins. */
  requirements(entry: TypeEntry): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const e of this.ancestors(entry)) {
      const reqs = own(e.def, 'requirements');
      if (!Array.isArray(reqs)) continue;
      for (const r of reqs) if (isYMap(r)) for (const [k, v] of Object.entries(r)) if (!out.has(k)) out.set(k, v);
    }
    return out;
  }
}

/**
 * Builds the scope of `root`: its own types, then its imports depth-first. Import diagnostics are
 * reported for the entries of `root` only (an import of an import is reported when that file is linted).
 */
export function buildScope(root: ParsedFile, ws: Workspace, diag: DiagnosticCollector): Scope {
  const scope = new Scope();
  scope.addFile(root);
  const visited = new Set<string>([root.file]);
  const visit = (pf: ParsedFile, stack: string[], entry: ImportRef | undefined): void => {
    for (const imp of importsOf(pf)) {
      const at = entry ?? imp;
      let target: string;
      if (isUrl(imp.target)) {
        const mapped = mapUrl(imp.target, ws.importMap);
        if (mapped === undefined) {
          scope.incomplete = true;
          if (!entry) diag.report('LT2018', spanAt(root, imp.path), { url: imp.target }, { path: imp.path, help: `map it to a local copy with \`--import-map ${imp.target}=PATH\`` });
          continue;
        }
        target = mapped;
      } else target = resolveRelative(pf.file, imp.target);
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].join(' → ');
        diag.report('LT2017', spanAt(root, at.path), { cycle }, { path: at.path, help: 'move the shared definitions into a file both import' });
        continue;
      }
      if (visited.has(target)) continue;
      visited.add(target);
      const loaded = ws.load(target);
      if ('error' in loaded) {
        scope.incomplete = true;
        diag.report('LT2016', spanAt(root, at.path), { file: target }, { path: at.path, notes: [loaded.error] });
        continue;
      }
      if (loaded.value === undefined) scope.incomplete = true;
      scope.addFile(loaded);
      visit(loaded, [...stack, target], at);
    }
  };
  visit(root, [root.file], undefined);
  return scope;
}
