// Normative types that TOSCA Simple Profile 1.1, 1.2 and 1.3 add to (or change in) the 1.0 set, written for
// this project (names, parents and the keys the linter reads; no descriptions). Each level is loaded on top of
// tosca-parser's 1.0 definitions (tosca-definition-1-0.ts) and of the levels below it; a type named again
// replaces the earlier definition (scope.ts `normative`). tosca-parser 2.6.0 itself reads every 1.x file with
// its 1.0 types only, so the 1.0 names (tosca.nodes.BlockStorage, tosca.nodes.ObjectStorage) stay in every
// version and tosca.capabilities.Container keeps its 1.0 properties (num_cpus, mem_size, ...): templates that
// tosca-parser accepts are not flagged.
//
// Checked against (see src/lint/README.md, "Versions"):
// - the TOSCA Simple Profile in YAML 1.3 OASIS Standard text (docs.oasis-open.org/tosca/TOSCA-Simple-Profile-YAML/
//   v1.3/os/TOSCA-Simple-Profile-YAML-v1.3-os.html), read for §3.3.6.7 (scalar-unit.bitrate), §4.3 (concat, join,
//   token), §5.9.8-§5.9.13 (Database, Abstract.Storage, Container.Runtime, Container.Application);
// - for the other definitions and for the level at which a type appears (the 1.1 and 1.2 texts were not available
//   here): the OASIS TOSCA TC's per-version normative profiles (github.com/oasis-open/tosca-community-contributions,
//   commit e5b0a3ee, profiles/org/oasis-open/simple/{1.0,1.1,1.2,1.3}/*.yaml) and Puccini's per-version profiles,
//   written from the spec texts with section citations (github.com/xDaryamo/puccini, a fork of tliron/puccini,
//   commit e5f3b549, assets/tosca/profiles/simple/{1.0,1.1,1.2,1.3}/*.yaml). Where the two disagree the note at the
//   type says which reading is used.

/**
 * Every version: the root interface type, which the OASIS and Puccini profiles of 1.0-1.3 all define and
 * tosca-parser's file lacks (its Standard and Configure have no parent), so that `derived_from:
 * tosca.interfaces.Root` is not reported.
 */
export const NORMATIVE_SIMPLE_ALL_YAML = `tosca_definitions_version: tosca_simple_yaml_1_0
interface_types:
  tosca.interfaces.Root: {}
`;

/** TOSCA 1.1 (loaded for 1.1, 1.2, 1.3). */
export const NORMATIVE_SIMPLE_1_1_YAML = `tosca_definitions_version: tosca_simple_yaml_1_1
capability_types:
  # 1.1 §5.5.3: a new capability type; tosca.capabilities.Container derives from it in 1.1.
  tosca.capabilities.Compute:
    derived_from: tosca.capabilities.Root
    properties:
      name: { type: string, required: false }
      num_cpus: { type: integer, required: false, constraints: [ { greater_or_equal: 1 } ] }
      cpu_frequency: { type: scalar-unit.frequency, required: false, constraints: [ { greater_or_equal: 0.1 GHz } ] }
      disk_size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 MB } ] }
      mem_size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 MB } ] }
  tosca.capabilities.Container:
    derived_from: tosca.capabilities.Compute
    properties:
      num_cpus: { type: integer, required: false, constraints: [ { greater_or_equal: 1 } ] }
      cpu_frequency: { type: scalar-unit.frequency, required: false, constraints: [ { greater_or_equal: 0.1 GHz } ] }
      disk_size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 MB } ] }
      mem_size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 MB } ] }
  tosca.capabilities.Network:
    derived_from: tosca.capabilities.Root
    properties:
      name: { type: string, required: false }
  tosca.capabilities.Storage:
    derived_from: tosca.capabilities.Root
    properties:
      name: { type: string, required: false }
data_types:
  tosca.datatypes.TimeInterval:
    derived_from: tosca.datatypes.Root
    properties:
      start_time: { type: timestamp, required: true }
      end_time: { type: timestamp, required: true }
node_types:
  # 1.1 renamed tosca.nodes.ObjectStorage and tosca.nodes.BlockStorage (both sources agree on ObjectStorage;
  # Puccini's 1.1 has Storage.BlockStorage, the OASIS 1.1 profile still BlockStorage: it is accepted from 1.1).
  tosca.nodes.Storage.ObjectStorage:
    derived_from: tosca.nodes.Root
    properties:
      name: { type: string, required: true }
      size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 GB } ] }
      maxsize: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 GB } ] }
    capabilities:
      storage_endpoint:
        type: tosca.capabilities.Endpoint
  tosca.nodes.Storage.BlockStorage:
    derived_from: tosca.nodes.Root
    properties:
      size: { type: scalar-unit.size, constraints: [ { greater_or_equal: 1 MB } ] }
      volume_id: { type: string, required: false }
      snapshot_id: { type: string, required: false }
    attributes:
      volume_id: { type: string }
    capabilities:
      attachment:
        type: tosca.capabilities.Attachment
  # 1.1 adds the storage and network requirements (network: tosca.capabilities.Endpoint, as in the 1.3 text
  # §5.9.13 and the OASIS profiles; Puccini has tosca.capabilities.Network).
  tosca.nodes.Container.Application:
    derived_from: tosca.nodes.Root
    requirements:
      - host:
          capability: tosca.capabilities.Container
          node: tosca.nodes.Container.Runtime
          relationship: tosca.relationships.HostedOn
      - storage:
          capability: tosca.capabilities.Storage
      - network:
          capability: tosca.capabilities.Endpoint
`;

/** TOSCA 1.2 (loaded for 1.2, 1.3). */
export const NORMATIVE_SIMPLE_1_2_YAML = `tosca_definitions_version: tosca_simple_yaml_1_2
capability_types:
  # 1.2 turned the 1.1 relation round: Compute derives from Container. Container keeps tosca-parser's 1.0
  # properties here (1.2/1.3 list them on Compute only), so Compute inherits them and adds name.
  tosca.capabilities.Compute:
    derived_from: tosca.capabilities.Container
    properties:
      name: { type: string, required: false }
  tosca.capabilities.Container:
    derived_from: tosca.capabilities.Root
    properties:
      num_cpus: { type: integer, required: false, constraints: [ { greater_or_equal: 1 } ] }
      cpu_frequency: { type: scalar-unit.frequency, required: false, constraints: [ { greater_or_equal: 0.1 GHz } ] }
      disk_size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 MB } ] }
      mem_size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 MB } ] }
data_types:
  tosca.datatypes.json:
    derived_from: string
  tosca.datatypes.xml:
    derived_from: string
node_types:
  tosca.nodes.Abstract.Compute:
    derived_from: tosca.nodes.Root
    capabilities:
      host:
        type: tosca.capabilities.Compute
  # 1.3 §5.9.3: Compute derives from Abstract.Compute (from 1.2 on, in both profiles) and its host is a Compute.
  tosca.nodes.Compute:
    derived_from: tosca.nodes.Abstract.Compute
    attributes:
      private_address: { type: string }
      public_address: { type: string }
      networks: { type: map, entry_schema: { type: tosca.datatypes.network.NetworkInfo } }
      ports: { type: map, entry_schema: { type: tosca.datatypes.network.PortInfo } }
    requirements:
      - local_storage:
          capability: tosca.capabilities.Attachment
          node: tosca.nodes.Storage.BlockStorage
          relationship: tosca.relationships.AttachesTo
          occurrences: [ 0, UNBOUNDED ]
    capabilities:
      host:
        type: tosca.capabilities.Compute
        valid_source_types: [ tosca.nodes.SoftwareComponent ]
      endpoint:
        type: tosca.capabilities.Endpoint.Admin
      os:
        type: tosca.capabilities.OperatingSystem
      scalable:
        type: tosca.capabilities.Scalable
      binding:
        type: tosca.capabilities.network.Bindable
  tosca.nodes.Abstract.Storage:
    derived_from: tosca.nodes.Root
    properties:
      name: { type: string }
      size: { type: scalar-unit.size, default: 0 MB, constraints: [ { greater_or_equal: 0 MB } ] }
  tosca.nodes.Storage.ObjectStorage:
    derived_from: tosca.nodes.Abstract.Storage
    properties:
      maxsize: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 0 GB } ] }
    capabilities:
      storage_endpoint:
        type: tosca.capabilities.Endpoint
  tosca.nodes.Storage.BlockStorage:
    derived_from: tosca.nodes.Abstract.Storage
    properties:
      size: { type: scalar-unit.size, required: false, constraints: [ { greater_or_equal: 1 MB } ] }
      volume_id: { type: string, required: false }
      snapshot_id: { type: string, required: false }
    attributes:
      volume_id: { type: string }
    capabilities:
      attachment:
        type: tosca.capabilities.Attachment
  tosca.nodes.Container.Runtime:
    derived_from: tosca.nodes.SoftwareComponent
    capabilities:
      host:
        type: tosca.capabilities.Compute
        valid_source_types: [ tosca.nodes.Container.Application ]
      scalable:
        type: tosca.capabilities.Scalable
  tosca.nodes.Container.Application:
    derived_from: tosca.nodes.Root
    requirements:
      - host:
          capability: tosca.capabilities.Compute
          node: tosca.nodes.Container.Runtime
          relationship: tosca.relationships.HostedOn
      - storage:
          capability: tosca.capabilities.Storage
      - network:
          capability: tosca.capabilities.Endpoint
`;

/** TOSCA 1.3 (loaded for 1.3). scalar-unit.bitrate (§3.3.6.7) is a primitive type: values.ts. */
export const NORMATIVE_SIMPLE_1_3_YAML = `tosca_definitions_version: tosca_simple_yaml_1_3
artifact_types:
  # 1.3 §5.4.5.1 (template artifacts, e.g. a Jinja2 file an orchestrator renders).
  tosca.artifacts.template:
    derived_from: tosca.artifacts.Root
`;
