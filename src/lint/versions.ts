// The TOSCA versions the linter reads: `tosca_definitions_version` → grammar level, normative types and
// functions. Simple Profile 1.0-1.3 share one schema (schema/tosca-1-0.schema.ts accepts the union of their
// keys); keys and functions introduced after 1.0 are reported in files of an older version (rules/version.ts).
// The NFV and MEC profiles are 1.0 plus their own types (tosca-parser's extensions/*/TOSCA_*_definition_1_0_0).
// Import compatibility (§3.5.7 leaves it open): a file imports files of its own profile line at its level or below.

/** One supported `tosca_definitions_version`. */
export interface ToscaVersion {
  readonly id: string;
  /** `simple` for the Simple Profile, else the profile whose types are added (`nfv`, `mec`). */
  readonly profile: 'simple' | 'nfv' | 'mec';
  /** Simple Profile level the grammar follows: 10, 11, 12 or 13. */
  readonly level: number;
}

/** Every supported version, by its `tosca_definitions_version` value. */
export const VERSIONS: ReadonlyMap<string, ToscaVersion> = new Map(
  (
    [
      ['tosca_simple_yaml_1_0', 'simple', 10],
      ['tosca_simple_yaml_1_1', 'simple', 11],
      ['tosca_simple_yaml_1_2', 'simple', 12],
      ['tosca_simple_yaml_1_3', 'simple', 13],
      ['tosca_simple_profile_for_nfv_1_0_0', 'nfv', 10],
      ['tosca_simple_profile_for_mec_1_0_0', 'mec', 10],
    ] as const
  ).map(([id, profile, level]) => [id, { id, profile, level }]),
);

/** Names of the supported versions, for messages. */
export const VERSION_NAMES: readonly string[] = [...VERSIONS.keys()];

/** True when a file of version `importer` may import a file of version `imported`. */
export function canImport(importer: ToscaVersion, imported: ToscaVersion): boolean {
  if (imported.level > importer.level) return false;
  return imported.profile === 'simple' || imported.profile === importer.profile;
}

/** A grammar feature that appeared after TOSCA 1.0: where it is, and the first level that has it. */
export interface VersionedKey {
  /** The key name. */
  readonly key: string;
  /** Which maps it may appear in (a predicate on the data path of the map). */
  readonly where: (path: readonly (string | number)[]) => boolean;
  readonly since: number;
  readonly section: string;
}

const inTopology = (p: readonly (string | number)[]) => p.length === 1 && p[0] === 'topology_template';
const inPropertyDef = (p: readonly (string | number)[]) => p.length >= 3 && (p[p.length - 2] === 'properties' || p[p.length - 2] === 'inputs' || p[p.length - 2] === 'attributes') && typeof p[0] === 'string' && (p[0].endsWith('_types') || p[0] === 'topology_template');
const inInterface = (p: readonly (string | number)[]) => p.length >= 2 && (p[p.length - 2] === 'interfaces' || p[0] === 'interface_types');

/** Keys of TOSCA 1.1-1.3 that a file of an older version may not use. */
export const VERSIONED_KEYS: readonly VersionedKey[] = [
  { key: 'workflows', where: inTopology, since: 11, section: 'TOSCA 1.1 §3.8 (imperative workflows)' },
  { key: 'key_schema', where: inPropertyDef, since: 13, section: 'TOSCA 1.3 §3.6.10 (key_schema of a map)' },
  { key: 'notifications', where: inInterface, since: 13, section: 'TOSCA 1.3 §3.6.21 (notification definitions)' },
  { key: 'operations', where: inInterface, since: 13, section: 'TOSCA 1.3 (an `operations` map in interface types and interface definitions)' },
];

/** Functions introduced after TOSCA 1.0, with the first level that has them. */
export const VERSIONED_FUNCTIONS: ReadonlyMap<string, number> = new Map([['join', 13]]);

/** The version name of a level (`13` → `tosca_simple_yaml_1_3`). */
export function versionOfLevel(level: number): string {
  return `tosca_simple_yaml_1_${level - 10}`;
}
