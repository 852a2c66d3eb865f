// Lint name resolution: the TOSCA types visible from one file — its own, those of its transitive imports
// (TOSCA 1.0 §3.5.7, resolved through the reader and the --import-map) and the normative types of its version
// (parsed once per version, lazily). Reports import problems (LT2016-LT2018, LT2027, LT2028) for the imports of
// the linted file. Invariants: imported files are cached per workspace (read and parsed once per run, with the
// diagnostics of reading kept for when the file itself is linted); files that are only linted are not kept.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { NORMATIVE_DATA } from './normative/normative.generated.js';
import { resolveRelative, type SourceReader } from './reader.js';
import { isYMap, own, parseYamlFile, spanAt, type DataPath, type ParsedFile, type YMap } from './source.js';
import { canImport, VERSIONS, type ToscaVersion } from './versions.js';

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

// A scheme of two or more characters (RFC 3986 §3.1), so `C:\\x` stays a path; `file:/x` and `urn:x` are URIs.
const URL_RE = /^[a-z][a-z0-9+.-]+:/i;

/** True when `s` is a URI with a scheme (`https://...`, `file:/path`, `urn:...`), not a relative path. */
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

const normativeTypes = new Map<string, Map<TypeKind, Map<string, TypeEntry>>>();

/** The TOSCA 1.0 version (the default when a file's own version is unknown). */
export const TOSCA_1_0: ToscaVersion = VERSIONS.get('tosca_simple_yaml_1_0') as ToscaVersion;

/**
 * The normative types of `version` with their full names, short names (`Compute`) and `tosca:` names:
 * tosca-parser's 1.0 definitions, then what Simple Profile 1.1, 1.2 and 1.3 add or change up to the file's
 * level (a type defined again replaces the earlier definition), then the NFV or MEC profile types.
 */
export function normative(version: ToscaVersion = TOSCA_1_0): Map<TypeKind, Map<string, TypeEntry>> {
  const key = `${version.profile}${version.level}`;
  const hit = normativeTypes.get(key);
  if (hit) return hit;
  // Pre-parsed at build time from the embedded files (normative-codegen.ts).
  const files = [NORMATIVE_DATA.tosca10, NORMATIVE_DATA.simpleAll];
  if (version.level >= 11) files.push(NORMATIVE_DATA.simple11);
  if (version.level >= 12) files.push(NORMATIVE_DATA.simple12);
  if (version.level >= 13) files.push(NORMATIVE_DATA.simple13);
  if (version.profile === 'nfv') files.push(NORMATIVE_DATA.nfv);
  if (version.profile === 'mec') files.push(NORMATIVE_DATA.mec);
  const out = new Map<TypeKind, Map<string, TypeEntry>>();
  for (const [section, kind] of Object.entries(SECTION_KIND)) {
    // Full names first (a later file wins), then the aliases, so an alias names the final definition.
    const full = new Map<string, TypeEntry>();
    for (const value of files) {
      const sec = own(value, section);
      if (!isYMap(sec)) continue;
      for (const [name, def] of Object.entries(sec)) if (isYMap(def)) full.set(name, { name, kind, def, pf: undefined, path: [section, name] });
    }
    const table = new Map(full);
    for (const [name, entry] of full) {
      const short = name.replace(/^tosca\.[a-z]+\./, '');
      for (const alias of [short, `tosca:${short}`, short.split('.').pop() ?? short]) if (!table.has(alias)) table.set(alias, entry);
    }
    out.set(kind, table);
  }
  normativeTypes.set(key, out);
  return out;
}

/**
 * The first Simple Profile level above `version`'s that has a normative type `name` of `kind` (a 1.1-1.3 type
 * used in an older file), or undefined. Only for Simple Profile files; the caches make it cheap.
 */
export function laterNormativeLevel(kind: TypeKind, name: string, version: ToscaVersion): number | undefined {
  if (version.profile !== 'simple') return undefined;
  for (let level = version.level + 1; level <= 13; level++) {
    const v = VERSIONS.get(`tosca_simple_yaml_1_${level - 10}`);
    if (v && normative(v).get(kind)?.has(name)) return level;
  }
  return undefined;
}

/** A short reason why a YAML text is not TOSCA (no top-level `tosca_definitions_version`), else undefined. */
export function notTosca(text: string): string | undefined {
  if (/^["']?tosca_definitions_version["']?[ \t]*:/m.test(text)) return undefined;
  if (/^heat_template_version[ \t]*:/m.test(text)) return 'a Heat template, not TOSCA';
  return 'no `tosca_definitions_version`, not a TOSCA file';
}

/** The version a parsed file declares, when it is a supported one. */
export function versionOf(pf: ParsedFile): ToscaVersion | undefined {
  const v = own(pf.value, 'tosca_definitions_version');
  return typeof v === 'string' ? VERSIONS.get(v) : undefined;
}

/** A file as read: parsed, with the diagnostics of reading it, or why it could not be read. */
export type Loaded = (ParsedFile & { readonly readDiagnostics: readonly Diagnostic[] }) | { readonly error: string };

/** Files read and parsed once per run, shared by every linted file. */
export class Workspace {
  private readonly cache = new Map<string, Loaded>();
  /** Local paths of every file some linted file imports, in the order first seen. */
  readonly imported = new Set<string>();
  constructor(readonly reader: SourceReader, readonly importMap: readonly ImportMapping[] = []) {}

  /** Reads and parses `path`; kept for the rest of the run when `keep` (imports), else read again next time. */
  load(path: string, keep = true): Loaded {
    const hit = this.cache.get(path);
    if (hit) return hit;
    const r = this.reader.read(path);
    let res: Loaded;
    if ('error' in r) res = { error: r.error };
    else {
      const diag = new DiagnosticCollector();
      const pf = parseYamlFile(path, r.text, diag, r.invalidUtf8At !== undefined ? { invalidUtf8At: r.invalidUtf8At } : {});
      res = { ...pf, readDiagnostics: diag.diagnostics };
    }
    if (keep) this.cache.set(path, res);
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
  private readonly builtin: Map<TypeKind, Map<string, TypeEntry>>;
  /**
   * What the rules ask many times of the same type (its chain, merged sections, requirements), computed once;
   * reset when a file is added. Callers never modify what they get.
   */
  private readonly chains = new Map<TypeEntry, readonly TypeEntry[]>();
  private readonly sections = new Map<string, Map<TypeEntry, ReadonlyMap<string, unknown>>>();
  private readonly reqs = new Map<TypeEntry, ReadonlyMap<string, unknown>>();

  constructor(readonly version: ToscaVersion = TOSCA_1_0) {
    this.builtin = normative(version);
  }

  /** Looks up a type of `kind` by name. */
  lookup(kind: TypeKind, name: string): TypeEntry | undefined {
    return this.local.get(kind)?.get(name) ?? this.builtin.get(kind)?.get(name);
  }

  /** Every name of `kind` (for did-you-mean). */
  *names(kind: TypeKind): Iterable<string> {
    yield* this.local.get(kind)?.keys() ?? [];
    for (const [n, e] of this.builtin.get(kind) ?? []) if (n === e.name) yield n;
  }

  /**
   * True when the hierarchy of `entry` ends at a parent that is not defined: that one error is reported at
   * the `derived_from` (LT2001); what the type lacks because of it is not reported again at every use.
   */
  broken(entry: TypeEntry): boolean {
    const chain = this.ancestors(entry);
    const last = chain[chain.length - 1];
    const parent = last ? own(last.def, 'derived_from') : undefined;
    if (typeof parent !== 'string') return false;
    if (entry.kind === 'data' && /^(string|integer|float|boolean|timestamp|null|version|range|list|map|scalar-unit\.[a-z]+|number|any)$/.test(parent)) return false;
    return this.lookup(entry.kind, parent) === undefined || chain.length > 64;
  }

  /** Adds the types of `pf` (first definition wins, so the linted file shadows its imports). */
  addFile(pf: ParsedFile): void {
    this.chains.clear();
    this.sections.clear();
    this.reqs.clear();
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
  ancestors(entry: TypeEntry): readonly TypeEntry[] {
    const known = this.chains.get(entry);
    if (known) return known;
    const out: TypeEntry[] = [];
    const seen = new Set<TypeEntry>();
    let cur: TypeEntry | undefined = entry;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      out.push(cur);
      const parent = own(cur.def, 'derived_from');
      cur = typeof parent === 'string' ? this.lookup(cur.kind, parent) : undefined;
    }
    this.chains.set(entry, out);
    return out;
  }

  /** True when type `name` of `kind` is `ancestor` or derives from it. */
  derivesFrom(kind: TypeKind, name: string, ancestor: string): boolean {
    const e = this.lookup(kind, name);
    const a = this.lookup(kind, ancestor);
    return !!e && !!a && this.ancestors(e).includes(a);
  }

  /** Merged map section (`properties`, `attributes`, `capabilities`, ...) along the hierarchy; the child wins. */
  merged(entry: TypeEntry, section: string): ReadonlyMap<string, unknown> {
    let bySection = this.sections.get(section);
    if (!bySection) this.sections.set(section, (bySection = new Map()));
    const known = bySection.get(entry);
    if (known) return known;
    const out = new Map<string, unknown>();
    for (const e of this.ancestors(entry)) {
      const sec = own(e.def, section);
      if (isYMap(sec)) for (const [k, v] of Object.entries(sec)) if (!out.has(k)) out.set(k, v);
    }
    bySection.set(entry, out);
    return out;
  }

  /** Requirement definitions (name → definition) along the hierarchy; the child wins. */
  requirements(entry: TypeEntry): ReadonlyMap<string, unknown> {
    const known = this.reqs.get(entry);
    if (known) return known;
    const out = new Map<string, unknown>();
    for (const e of this.ancestors(entry)) {
      const reqs = own(e.def, 'requirements');
      if (!Array.isArray(reqs)) continue;
      for (const r of reqs) if (isYMap(r)) for (const [k, v] of Object.entries(r)) if (!out.has(k)) out.set(k, v);
    }
    this.reqs.set(entry, out);
    return out;
  }
}

/** The local path of a `file:` URI (`file:///a/b`, `file:/a/b`), or undefined for other schemes. */
function fileUriPath(uri: string): string | undefined {
  const m = /^file:(?:\/\/(?:localhost)?)?(\/[^?#]*)$/i.exec(uri);
  if (!m || m[1] === undefined) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/**
 * Builds the scope of `root`: its own types, then its imports depth-first. Import diagnostics are
 * reported for the entries of `root` only (an import of an import is reported when that file is linted);
 * every local file reached is recorded in `ws.imported`, so the run lints it too.
 */
export function buildScope(root: ParsedFile, ws: Workspace, diag: DiagnosticCollector): Scope {
  const version = versionOf(root) ?? TOSCA_1_0;
  const scope = new Scope(version);
  scope.addFile(root);
  const visited = new Set<string>([root.file]);
  const visit = (pf: ParsedFile, stack: string[], entry: ImportRef | undefined): void => {
    for (const imp of importsOf(pf)) {
      const at = entry ?? imp;
      let target: string;
      if (isUrl(imp.target)) {
        const mapped = mapUrl(imp.target, ws.importMap) ?? fileUriPath(imp.target);
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
      const foreign = notTosca(loaded.text);
      if (foreign === undefined) ws.imported.add(target);
      if (!isYMap(loaded.value) || foreign !== undefined) {
        scope.incomplete = true;
        if (!entry) diag.report('LT2028', spanAt(root, at.path), { file: target, reason: foreign ?? 'it has errors, reported in it' }, { path: at.path });
        continue;
      }
      const iv = versionOf(loaded);
      const declared = own(loaded.value, 'tosca_definitions_version');
      if (!entry && typeof declared === 'string' && (!iv || !canImport(version, iv))) {
        diag.report('LT2027', spanAt(root, at.path), { file: target, version: declared, importer: version.id }, {
          path: at.path,
          ...(iv && iv.profile === 'simple' && iv.level > version.level ? { help: `declare \`tosca_definitions_version: ${iv.id}\` in this file` } : {}),
        });
      }
      scope.addFile(loaded);
      visit(loaded, [...stack, target], at);
    }
  };
  visit(root, [root.file], undefined);
  return scope;
}
