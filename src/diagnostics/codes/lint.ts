// LT0xxx YAML reading, LT1xxx TOSCA structure (schema), LT2xxx TOSCA semantics (src/lint).
// Every lint code is configurable: users turn it off with `--allow NAME` or make a warning an
// error with `--deny NAME`. Names read as "allow <name>".
import { defineCodes, tick } from './define.js';

/** The lint band: LT0xxx reading, LT1xxx structure, LT2xxx semantics; every entry is configurable. */
export const LINT_CODES = defineCodes({
  LT0001: {
    name: 'yaml-syntax',
    severity: 'error',
    configurable: true,
    message: (a: { message: string }) => `yaml syntax error: ${a.message}`,
    explain: `The file is not valid YAML, so nothing else in it was checked. The note gives the code of the
yaml library's error (e.g. BAD_INDENT, MISSING_CHAR). Fix the syntax and run the linter again.`,
  },
  LT0002: {
    name: 'duplicate-key',
    severity: 'error',
    configurable: true,
    message: (a: { key: string }) => `duplicate key ${tick(a.key)}`,
    explain: `A mapping has the same key twice. YAML forbids it, but PyYAML-based tools (tosca-parser, heat-translator)
and many others silently keep the last value, so the first definition is lost without notice. The real INDIGO
custom_types.yaml has such a defect: \`constraints\` twice in tosca.nodes.indigo.Container.Application.Docker.
The error points at the second key; the first is shown as "first defined here". Remove or merge one of them.`,
  },
  LT0003: {
    name: 'alias-limit',
    severity: 'error',
    configurable: true,
    message: (a: { limit: number }) => `alias expansion exceeds ${a.limit} nodes`,
    explain: `YAML aliases (*name) repeat an anchored node. Nested aliases can expand exponentially ("billion laughs"),
so the linter bounds the expanded size of a document and stops checking it past the limit. TOSCA
definitions never need such structures; write the values out or use fewer nested aliases.`,
  },
  LT0004: {
    name: 'multiple-documents',
    severity: 'error',
    configurable: true,
    message: (_a: object) => `a TOSCA file must hold exactly one yaml document`,
    explain: `The file contains a \`---\` separator followed by a second YAML document. TOSCA processors read one
document per file; only the first one is checked. Split the documents into separate files.`,
  },
  LT0005: {
    name: 'unreadable-file',
    severity: 'error',
    configurable: true,
    message: (a: { file: string; reason: string }) => `cannot read ${tick(a.file)}: ${a.reason}`,
    explain: `A file named on the command line, or found in a linted directory, could not be read: it does not exist,
is a dangling symbolic link or a symbolic link loop, is not a regular file (a device, FIFO or kernel file such as
/proc/kmsg, which are never read), is larger than the linter's size limit (8 MiB), or cannot be opened.`,
  },
  LT0006: {
    name: 'not-tosca',
    severity: 'note',
    configurable: true,
    message: (a: { file: string; what: string }) => `skipped ${tick(a.file)}: ${a.what}`,
    explain: `When a directory is linted, YAML files without a top-level \`tosca_definitions_version\` (Heat templates,
Ansible files, CI configuration, ...) are skipped with this note. Name the file on the command line to lint it
anyway; it is then checked as TOSCA.`,
  },
  LT0007: {
    name: 'bad-config',
    severity: 'error',
    configurable: true,
    message: (a: { message: string }) => `invalid lint configuration: ${a.message}`,
    explain: `A \`.clusterc-lint.yaml\` file (found in the linted file's directory or one of its parents) or a
\`--severity\` option could not be applied. The configuration has one key, \`severity\`, a map from a rule name or
code to \`error\`, \`warning\`, \`note\` or \`off\`.`,
  },
  LT0008: {
    name: 'unreadable-archive',
    severity: 'error',
    configurable: true,
    message: (a: { file: string; reason: string }) => `cannot read ${tick(a.file)} as a CSAR: ${a.reason}`,
    explain: `A file named \`*.csar\` or \`*.zip\` is read as a CSAR (a ZIP archive), as tosca-parser does. It could not
be: it is not a ZIP archive, or it is refused as hostile or too large. Refused are ZIP64 and multi-disk archives,
more than 10,000 entries, a central directory over 4 MiB, encrypted entries, symbolic links, entry names that
are absolute, have a \`..\` segment, a NUL or a drive letter, and two entries of the same name. A member is read
only up to 8 MiB, at most 64 MiB are inflated per archive, and a member must inflate to exactly its declared
size with a matching CRC-32 (zip bombs and damaged archives stop there).`,
  },
  LT0009: {
    name: 'bad-csar',
    severity: 'error',
    configurable: true,
    message: (a: { file: string; problem: string }) => `${tick(a.file)} is not a valid CSAR: ${a.problem}`,
    explain: `The CSAR has no usable entry definitions, which tosca-parser refuses: with \`TOSCA-Metadata/TOSCA.meta\`,
that file must be YAML (\`Name: value\` lines) with an \`Entry-Definitions\` naming a file of the archive, written
as stored in it (relative to its root, no \`./\`); without it, the archive must hold exactly one \`.yaml\` or
\`.yml\` file at its root, and that file must not declare \`tosca_simple_yaml_1_0\` (TOSCA 1.0 requires
TOSCA.meta; 1.1 and later allow the root file). The entry definitions and the files they import are then linted
as members of the archive (\`archive.csar!/Definitions/main.yaml:12:3\`).`,
  },
  LT1001: {
    name: 'unknown-key',
    severity: 'error',
    configurable: true,
    message: (a: { key: string; where: string }) => `unknown key ${tick(a.key)} in ${a.where}`,
    explain: `The TOSCA Simple Profile 1.0 grammar does not allow this key here (checked with a JSON Schema of the
grammar). It is often a typo (\`propertes\`, \`derived_form\`) or a key of another TOSCA version. TOSCA
processors either reject the file or ignore the key silently. The help suggests the closest allowed key.`,
  },
  LT1002: {
    name: 'missing-key',
    severity: 'error',
    configurable: true,
    message: (a: { key: string; where: string }) => `missing required key ${tick(a.key)} in ${a.where}`,
    explain: `The TOSCA 1.0 grammar requires this key: e.g. \`tosca_definitions_version\` at the top of every file,
\`type\` in a property definition or a node template, \`value\` in an output.`,
  },
  LT1003: {
    name: 'wrong-shape',
    severity: 'error',
    configurable: true,
    message: (a: { key: string; expected: string }) => `${tick(a.key)} must be ${a.expected}`,
    explain: `The value has the wrong YAML shape for its place in the TOSCA 1.0 grammar: a list where a map is
expected (\`properties\`), a map where a type name is expected (\`derived_from\`), a requirement list
entry with more than one key, and so on.`,
  },
  LT1004: {
    name: 'invalid-value',
    severity: 'error',
    configurable: true,
    message: (a: { key: string; allowed: string }) => `invalid value for ${tick(a.key)}: expected ${a.allowed}`,
    explain: `The value is not one of the values the TOSCA 1.0 grammar allows here, e.g. an unsupported
\`tosca_definitions_version\` or a property \`status\` other than supported, unsupported, experimental
and deprecated.`,
  },
  LT1005: {
    name: 'unsupported-version',
    severity: 'error',
    configurable: true,
    message: (a: { version: string }) => `unsupported TOSCA version ${tick(a.version)}`,
    explain: `\`tosca_definitions_version\` names the grammar and normative types of the file. Supported:
tosca_simple_yaml_1_0, tosca_simple_yaml_1_1, tosca_simple_yaml_1_2, tosca_simple_yaml_1_3 and the profiles
tosca_simple_profile_for_nfv_1_0_0 and tosca_simple_profile_for_mec_1_0_0 (as tosca-parser). Nothing else in a file
with another version is checked, since its grammar is unknown.`,
  },
  LT2001: {
    name: 'unresolved-derived-from',
    severity: 'error',
    configurable: true,
    message: (a: { kind: string; name: string }) => `${a.kind} type ${tick(a.name)} in \`derived_from\` is not defined`,
    explain: `TOSCA 1.0 §3.6: \`derived_from\` names the parent type, which must be defined in this file, in one of its
imports, or among the normative TOSCA 1.0 types, and must be of the same kind (a node type derives from a
node type). An unresolved parent makes the orchestrator reject every template that uses the type.`,
  },
  LT2002: {
    name: 'derivation-cycle',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; cycle: string }) => `type ${tick(a.name)} derives from itself: ${a.cycle}`,
    explain: `TOSCA 1.0 §3.6: the type hierarchy is a tree rooted at a normative Root type. A chain of \`derived_from\`
that returns to its start has no root and no inherited definitions; break the cycle.`,
  },
  LT2003: {
    name: 'unknown-data-type',
    severity: 'error',
    configurable: true,
    message: (a: { name: string }) => `data type ${tick(a.name)} is not defined`,
    explain: `TOSCA 1.0 §3.2, §3.5.8: the \`type\` of a property, attribute, input or \`entry_schema\` must be a primitive
(string, integer, float, boolean, timestamp, null), a TOSCA special type (version, range, list, map,
scalar-unit.size, scalar-unit.time, scalar-unit.frequency; from 1.3 also scalar-unit.bitrate) or a data type defined
in the file, its imports or the normative types of the file's version (e.g. tosca.datatypes.Credential; from 1.1
tosca.datatypes.TimeInterval, from 1.2 tosca.datatypes.json and xml).`,
  },
  LT2004: {
    name: 'value-type-mismatch',
    severity: 'error',
    configurable: true,
    message: (a: { what: string; type: string }) => `${a.what} is not a valid ${tick(a.type)}`,
    explain: `TOSCA 1.0 §3.5.8, §3.5.2: a property's \`default\` and the values in its \`constraints\` must be values of
the property's type: an integer for integer, true/false for boolean, a number with a unit for
scalar-unit.*, a list for list, a map for map. Function calls (get_input, get_property, ...) are not
checked here because their value is only known at deployment.`,
  },
  LT2005: {
    name: 'unknown-type',
    severity: 'error',
    configurable: true,
    message: (a: { kind: string; name: string }) => `${a.kind} type ${tick(a.name)} is not defined`,
    explain: `TOSCA 1.0 §3.6, §3.7: a referenced type must be defined in the file, its imports or the normative types,
and be of the expected kind: a requirement's \`capability\` a capability type, its \`node\` a node type, its
\`relationship\` a relationship type; \`valid_source_types\` node types; a node template's \`type\` a node type;
an artifact's \`type\` an artifact type; an interface's \`type\` an interface type.`,
  },
  LT2006: {
    name: 'missing-artifact-file',
    severity: 'warning',
    configurable: true,
    message: (a: { file: string }) => `artifact file ${tick(a.file)} does not exist`,
    explain: `TOSCA 1.0 §3.5.6, §3.5.13: a relative artifact or operation implementation path is resolved against the
file that declares it (the CSAR root for packaged templates). The file was not found, so the orchestrator
cannot run the operation. A warning in a plain file (the artifact may be shipped next to it later) and an
error inside a CSAR (a directory with TOSCA-Metadata/TOSCA.meta), where tosca-parser checks it too.`,
  },
  LT2007: {
    name: 'malformed-url',
    severity: 'error',
    configurable: true,
    message: (a: { url: string }) => `malformed url ${tick(a.url)}`,
    explain: `An artifact file, implementation or import looks like a URL (it has a scheme) but is not a well-formed
absolute URL (for example a space in the host or a missing host). URLs are not fetched by the linter.`,
  },
  LT2008: {
    name: 'bad-galaxy-role',
    severity: 'error',
    configurable: true,
    message: (a: { role: string; installedAs: string }) =>
      a.installedAs === a.role
        ? `ansible galaxy role ${tick(a.role)} is not \`namespace.role[,version]\``
        : `ansible galaxy role ${tick(a.role)} is installed as ${tick(a.installedAs)}, not under a \`namespace.role\` name`,
    explain: `An artifact of type tosca.artifacts.AnsibleGalaxy.role names an Ansible role that the INDIGO
orchestrator's Infrastructure Manager installs with ansible-galaxy; the node's playbook then includes it by
its \`namespace.role\` name. The IM splits the file on \`|\` (source | name) and then on \`,\` (source,
version), and keeps only the source and version when there is a comma (IM/CtxtAgentBase.py:546-559): in
\`git+https://github.com/indigo-dc/ansible-role-mesos.git,<commit>,indigo-dc.mesos\` the name is dropped and
ansible-galaxy installs the role as \`ansible-role-mesos\`, so \`include_role: indigo-dc.mesos\` fails.
Forms that work: \`indigo-dc.mesos\` (latest Galaxy release), \`indigo-dc.mesos,v1.0.0\` (a Galaxy release
or \`master\`), and, to pin a commit, the GitHub archive of that commit with the name after \`|\`:
\`https://github.com/indigo-dc/ansible-role-mesos/archive/<commit>.tar.gz|indigo-dc.mesos\`.`,
  },
  LT2009: {
    name: 'unknown-property',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; type: string }) => `property ${tick(a.name)} is not defined on ${tick(a.type)}`,
    explain: `TOSCA 1.0 §3.7.3: a node template (or a capability assignment) may only assign properties that its type
or one of its parents defines. A misspelled property is silently ignored by some orchestrators.`,
  },
  LT2010: {
    name: 'missing-required-property',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; template: string }) => `required property ${tick(a.name)} is not set on ${tick(a.template)}`,
    explain: `TOSCA 1.0 §3.5.8, §3.7.3: a property with \`required: true\` (the default) and no \`default\` must be given a
value in every node template of the type.`,
  },
  LT2011: {
    name: 'unknown-requirement',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; type: string }) => `requirement ${tick(a.name)} is not defined on ${tick(a.type)}`,
    explain: `TOSCA 1.0 §3.7.2: the requirement names of a node template must be requirements defined by its node type
or one of its parents (e.g. \`host\`, \`dependency\`).`,
  },
  LT2012: {
    name: 'unknown-node-template',
    severity: 'error',
    configurable: true,
    message: (a: { name: string }) => `node template ${tick(a.name)} is not defined`,
    explain: `TOSCA 1.0 §3.7.2, §4.4: a requirement target or the node argument of get_property / get_attribute must
name a node template of the same topology_template (or one of the keywords SELF, HOST, SOURCE, TARGET
where the function allows them).`,
  },
  LT2013: {
    name: 'unknown-input',
    severity: 'error',
    configurable: true,
    message: (a: { name: string }) => `input ${tick(a.name)} is not declared`,
    explain: `TOSCA 1.0 §4.4.1: get_input names an input declared in the \`inputs\` section of the topology_template.`,
  },
  LT2014: {
    name: 'unknown-property-reference',
    severity: 'error',
    configurable: true,
    message: (a: { fn: string; name: string; node: string }) => `${a.fn} names ${tick(a.name)}, which ${tick(a.node)} does not define`,
    explain: `TOSCA 1.0 §4.4.2, §4.5.1: get_property names a property (get_attribute an attribute or a property) of the
node, or a capability or requirement of the node followed by one of its properties. The name was found
nowhere on the node's type.`,
  },
  LT2015: {
    name: 'unused-input',
    severity: 'warning',
    configurable: true,
    message: (a: { name: string }) => `input ${tick(a.name)} is never used`,
    explain: `No get_input in the topology_template names this input, so a value given at deployment time has no effect.
Remove the input or use it.`,
  },
  LT2016: {
    name: 'import-not-found',
    severity: 'error',
    configurable: true,
    message: (a: { file: string }) => `imported file ${tick(a.file)} cannot be read`,
    explain: `TOSCA 1.0 §3.5.7: a relative import path is resolved against the directory of the importing file. The file
could not be read, so the types it defines are unknown and references to them are not checked.`,
  },
  LT2017: {
    name: 'import-cycle',
    severity: 'error',
    configurable: true,
    message: (a: { cycle: string }) => `import cycle: ${a.cycle}`,
    explain: `TOSCA 1.0 §3.5.7: files import each other in a cycle. Most processors loop or fail; move the shared
definitions into a file that both import.`,
  },
  LT2018: {
    name: 'unresolved-url-import',
    severity: 'note',
    configurable: true,
    message: (a: { url: string }) => `import ${tick(a.url)} was not fetched; names it defines were not checked`,
    explain: `The linter never fetches URLs. Map the URL to a local copy with \`--import-map URL=PATH\` (a URL prefix ending in
\`/\` maps to a directory) to check the types it defines. Until then, in a file with an unresolved import, references to types,
properties and requirements that are not found are not reported (they may come from the import).`,
  },
  LT2019: {
    name: 'bad-output',
    severity: 'error',
    configurable: true,
    message: (a: { name: string }) => `output ${tick(a.name)} has no \`value\``,
    explain: `TOSCA 1.0 §3.5.12, §3.8: every output of a topology_template is a parameter with a \`value\` (a literal or a
function such as get_attribute) that the orchestrator reports after deployment.`,
  },
  LT2020: {
    name: 'unknown-capability',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; type: string }) => `capability ${tick(a.name)} is not defined on ${tick(a.type)}`,
    explain: `TOSCA 1.0 §3.7.3: the capability assignments of a node template must name capabilities that its node type
or one of its parents defines (e.g. \`host\`, \`os\`, \`endpoint\`, \`scalable\` on tosca.nodes.Compute).`,
  },
  LT2021: {
    name: 'no-host',
    severity: 'error',
    configurable: true,
    message: (a: { fn: string; template: string }) => `${a.fn} uses \`HOST\`, but ${tick(a.template)} is not hosted on any node`,
    explain: `TOSCA 1.0 §4.1: \`HOST\` refers to the nodes along the HostedOn chain of the node the function belongs to
(its \`host\` requirement, that node's host, and so on). The node has no \`host\` requirement, so \`HOST\` refers to
nothing and the orchestrator fails when it evaluates the function. Name the node instead, or add the requirement.`,
  },
  LT2022: {
    name: 'bad-function-call',
    severity: 'error',
    configurable: true,
    message: (a: { fn: string; problem: string }) => `${tick(a.fn)} ${a.problem}`,
    explain: `TOSCA §4: the intrinsic functions take fixed arguments: get_input one input name (1.3: a list with
indexes), get_property / get_attribute a node (or SELF, HOST, SOURCE, TARGET), an optional capability or
requirement and a property name followed by nested names or list indexes, get_operation_output four strings,
concat a list, token a string, a string of separator characters and an integer index, join (1.3 §4.3.2) a
non-empty list (or a function giving one) and an optional delimiter, get_artifact a node and an artifact name. Any
argument may itself be a function call. An integer index applies only to a list value.`,
  },
  LT2023: {
    name: 'constraint-violation',
    severity: 'error',
    configurable: true,
    message: (a: { what: string; constraint: string }) => `${a.what} violates the constraint ${tick(a.constraint)}`,
    explain: `TOSCA 1.0 §3.5.2: the constraint clauses of a property, input or data type apply to every value given
to it: defaults, node and capability template values, input defaults. tosca-parser rejects such a value.`,
  },
  LT2024: {
    name: 'unknown-operation',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; iface: string }) => `operation ${tick(a.name)} is not defined on interface type ${tick(a.iface)}`,
    explain: `TOSCA 1.0 §3.5.14, §3.7.3: an interface assignment of a node template (or relationship) names operations of its
interface type (tosca.interfaces.node.lifecycle.Standard: create, configure, start, stop, delete). A misspelled
operation is never run.`,
  },
  LT2025: {
    name: 'bad-substitution-mapping',
    severity: 'error',
    configurable: true,
    message: (a: { message: string }) => `substitution mapping: ${a.message}`,
    explain: `TOSCA 1.0 §3.8.2 (substitution_mappings): \`node_type\` names a node type, and each capability or requirement
mapping is \`[ node_template, capability_or_requirement ]\` naming a node template of the topology and one of its
type's capabilities or requirements; the mapped name must exist on the substituted node type.`,
  },
  LT2026: {
    name: 'invalid-member',
    severity: 'error',
    configurable: true,
    message: (a: { name: string; owner: string; allowed: string }) => `${tick(a.name)} cannot be a member or target of ${tick(a.owner)} (allowed: ${a.allowed})`,
    explain: `TOSCA 1.0 §3.7.5, §3.7.6: group members and policy targets name node templates (policies: also groups) of the
topology; when the group or policy type restricts \`members\` / \`targets\` to some types, each must be of one of them.`,
  },
  LT2027: {
    name: 'import-version-mismatch',
    severity: 'error',
    configurable: true,
    message: (a: { file: string; version: string; importer: string }) => `imported file ${tick(a.file)} is ${tick(a.version)}, which a ${tick(a.importer)} file cannot import`,
    explain: `TOSCA §3.5.7: an imported file's grammar must be readable by the importing file's processor: a file may import
files of its own version or older ones of the same line (tosca_simple_yaml_1_3 imports 1_0 to 1_3); the NFV
and MEC profiles build on 1_0 and import 1_0 files and their own profile. Raise the importing file's version.`,
  },
  LT2028: {
    name: 'broken-import',
    severity: 'error',
    configurable: true,
    message: (a: { file: string; reason: string }) => `imported file ${tick(a.file)} cannot be used (${a.reason}), so the names it defines are unknown`,
    explain: `An imported file could not be read as TOSCA (a YAML error, a top level that is not a map, or no
\`tosca_definitions_version\`; the text of a file that is not TOSCA is never shown). Its own errors are reported in it; in the importing file, references that are not found are not reported, since they may come
from the broken import. Fix the imported file first.`,
  },
});
