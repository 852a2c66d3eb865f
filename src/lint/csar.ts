// CSAR archives (TOSCA Simple Profile 1.0 §3.10 / 1.3 §4; tosca-parser toscaparser/prereq/csar.py): a ZIP
// archive whose entry definitions are named by `Entry-Definitions` in TOSCA-Metadata/TOSCA.meta, or, without
// that file, are its one YAML file at the root (not allowed for `tosca_simple_yaml_1_0`, which requires
// TOSCA.meta). Members are addressed as `archive.csar!/path/in/archive`; imports and artifact files of a member
// resolve inside the archive (reader.ts resolveRelative), so a missing one is reported as in any file, and the
// policy makes a missing artifact file an error there (policy.ts). Reports LT0008 (the archive cannot be read:
// not a ZIP archive, refused by the bounds of zip.ts) and LT0009 (no usable entry definitions).
import { DiagnosticCollector } from '../diagnostics/collector.js';
import { archiveMember, decodeUtf8, type ReadResult, type SourceReader } from './reader.js';
import { isYMap, own, parseYamlFile, spanAt } from './source.js';
import { helpFor } from './suggest.js';
import { openZip, type ByteSource, type ZipArchive } from './zip.js';

/** Where tosca-parser (and TOSCA 1.0 §3.10.1) looks for the metadata. */
export const TOSCA_META = 'TOSCA-Metadata/TOSCA.meta';

/** True for a path linted as a CSAR: `*.csar` or `*.zip`, as tosca-parser decides by the name. */
export function isArchivePath(path: string): boolean {
  return /\.(?:csar|zip)$/i.test(path) && archiveMember(path) === undefined;
}

/**
 * `base`, plus archives: a path ending in `.csar` or `.zip` is opened through `open` (once per run) and its
 * members are read as `archive!/member`; a member path outside the archive (`..`, absolute) does not exist.
 */
export function withArchives(base: SourceReader, open: (path: string) => ByteSource | { error: string }): SourceReader {
  const opened = new Map<string, ZipArchive | { error: string }>();
  const zip = (path: string): ZipArchive | { error: string } => {
    let z = opened.get(path);
    if (!z) {
      const src = open(path);
      z = 'error' in src ? src : openZip(src);
      opened.set(path, z);
    }
    return z;
  };
  const member = (path: string): { z: ZipArchive; name: string } | { error: string } | undefined => {
    const m = archiveMember(path);
    if (!m) return undefined;
    if (m.member.startsWith('/') || m.member === '..' || m.member.startsWith('../')) return { error: 'it is outside the archive' };
    const z = zip(m.archive);
    if ('error' in z) return { error: `the archive cannot be read: ${z.error}` };
    return { z, name: m.member };
  };
  return {
    read(path: string): ReadResult {
      const m = member(path);
      if (m === undefined) return base.read(path);
      if ('error' in m) return m;
      const r = m.z.read(m.name);
      return 'error' in r ? r : decodeUtf8(r.bytes);
    },
    exists(path: string): boolean {
      const m = member(path);
      if (m === undefined) return base.exists(path);
      if ('error' in m) return false;
      const e = m.z.entries.get(m.name);
      return e !== undefined && !e.isDirectory;
    },
    archive(path: string) {
      const z = zip(path);
      return 'error' in z ? z : { names: z.names };
    },
  };
}

/**
 * The entry definitions of the CSAR at `path` as a member path (`path!/Definitions/x.yaml`), checked as
 * tosca-parser checks them; problems go into `diag` (TOSCA.meta's text into `texts` when they point into it).
 */
export function csarEntry(path: string, reader: SourceReader, diag: DiagnosticCollector, texts: Map<string, string>): string | undefined {
  const a = reader.archive ? reader.archive(path) : { error: 'archives are not read here' };
  if ('error' in a) {
    diag.report('LT0008', undefined, { file: path, reason: a.error });
    return undefined;
  }
  if (a.names.includes(TOSCA_META)) {
    const metaPath = `${path}!/${TOSCA_META}`;
    const r = reader.read(metaPath);
    if ('error' in r) {
      diag.report('LT0008', undefined, { file: metaPath, reason: r.error });
      return undefined;
    }
    texts.set(metaPath, r.text);
    const pf = parseYamlFile(metaPath, r.text, diag, r.invalidUtf8At !== undefined ? { invalidUtf8At: r.invalidUtf8At } : {});
    if (pf.value === undefined && pf.tree === undefined && r.text.trim() !== '') return undefined; // LT0001 reported
    if (!isYMap(pf.value)) {
      diag.report('LT0009', spanAt(pf, []), { file: path, problem: '`TOSCA-Metadata/TOSCA.meta` is not a map of `Name: value` lines' }, { notes: ['tosca-parser reads TOSCA.meta as YAML and refuses the CSAR'] });
      return undefined;
    }
    const entry = own(pf.value, 'Entry-Definitions');
    if (entry === undefined) {
      diag.report('LT0009', spanAt(pf, []), { file: path, problem: 'TOSCA.meta has no `Entry-Definitions`' }, { help: 'add `Entry-Definitions: <path of the main template in the archive>`' });
      return undefined;
    }
    const yamls = a.names.filter((n) => /\.ya?ml$/.test(n));
    if (typeof entry !== 'string' || entry === '') {
      diag.report('LT0009', spanAt(pf, ['Entry-Definitions']), { file: path, problem: '`Entry-Definitions` is not a path' }, { path: ['Entry-Definitions'], ...helpFor('', yamls) });
      return undefined;
    }
    if (!a.names.includes(entry) || entry.endsWith('/')) {
      diag.report('LT0009', spanAt(pf, ['Entry-Definitions']), { file: path, problem: `\`Entry-Definitions\` names \`${entry}\`, which is not a file in the archive` }, {
        path: ['Entry-Definitions'],
        ...helpFor(entry, yamls),
        notes: ['the path is relative to the root of the archive, written as in the archive (no `./`)'],
      });
      return undefined;
    }
    return `${path}!/${entry}`;
  }
  // Without TOSCA.meta: exactly one YAML file at the root (tosca-parser counts `.yaml` and `.yml`, case as written).
  const roots = a.names.filter((n) => !n.includes('/') && /\.ya?ml$/.test(n));
  if (roots.length !== 1) {
    diag.report('LT0009', undefined, { file: path, problem: `it has no \`${TOSCA_META}\` and ${roots.length} YAML files at its root; without TOSCA.meta a CSAR has exactly one` }, {
      help: `add \`${TOSCA_META}\` with \`Entry-Definitions\`, or keep one YAML file at the root`,
    });
    return undefined;
  }
  const entry = `${path}!/${roots[0]}`;
  const r = reader.read(entry);
  if (!('error' in r)) {
    // Read for its version only; its own findings are reported when it is linted.
    const pf = parseYamlFile(entry, r.text, new DiagnosticCollector());
    if (own(pf.value, 'tosca_definitions_version') === 'tosca_simple_yaml_1_0') {
      texts.set(entry, r.text);
      diag.report('LT0009', spanAt(pf, ['tosca_definitions_version']), { file: path, problem: `it has no \`${TOSCA_META}\`, which a \`tosca_simple_yaml_1_0\` CSAR requires` }, {
        path: ['tosca_definitions_version'],
        help: `add \`${TOSCA_META}\` with \`Entry-Definitions: ${roots[0]}\`, or declare a later version`,
      });
    }
  }
  return entry;
}
