// JSON Schema (draft-07, ajv) of the TOSCA Simple Profile in YAML grammar (OASIS TOSCA-Simple-Profile-YAML
// v1.0, chapter 3, plus the few keys 1.1-1.3 added: workflows, key_schema, operations, notifications): service template /
// definitions file, every *_types section and type definition, and the topology_template. Structure only;
// names, cross references and which version has which key are checked by the semantic rules
// (rules/version.ts). Kept permissive where real processors are (metadata values, property values, inputs).
// Every optional section may be empty (`inputs:` with no value is null), as in tosca-parser.

const str = { type: 'string' } as const;
const anyValue = {} as const;
const nameList = { type: ['array', 'null'], items: { type: 'string' } } as const;
const metadata = { type: 'object', additionalProperties: true } as const;
const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const mapOf = (name: string) => ({ type: ['object', 'null'], additionalProperties: ref(name) });
/** A list of single-key maps (requirements, policies, constraints, imports). */
const singleKeyList = (value: object) => ({
  type: ['array', 'null'],
  items: { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: value },
});
const occurrences = { type: 'array', minItems: 2, maxItems: 2, items: { type: ['integer', 'string'] } } as const;
const common = { derived_from: str, version: { type: ['string', 'number'] }, metadata, description: str } as const;

/** The TOSCA schema (1.0 to 1.3), compiled at build time into schema/validator.generated.ts. */
export const TOSCA_1_0_SCHEMA = {
  $id: 'https://clusterc.dev/schema/tosca-simple-yaml-1.0.json',
  type: 'object',
  required: ['tosca_definitions_version'],
  additionalProperties: false,
  properties: {
    // The value is checked before the schema runs (index.ts, LT1005): an unknown version stops the lint.
    tosca_definitions_version: { type: 'string' },
    // template_name/author/version: TOSCA 1.0 CSD keys, still accepted by tosca-parser and Alien4Cloud.
    template_name: str,
    template_author: str,
    template_version: { type: ['string', 'number'] },
    metadata,
    description: str,
    dsl_definitions: anyValue,
    repositories: { type: ['object', 'null'], additionalProperties: ref('repository') },
    imports: { type: ['array', 'null'], items: ref('import') },
    artifact_types: mapOf('artifactType'),
    data_types: mapOf('dataType'),
    capability_types: mapOf('capabilityType'),
    interface_types: mapOf('interfaceType'),
    relationship_types: mapOf('relationshipType'),
    node_types: mapOf('nodeType'),
    group_types: mapOf('groupType'),
    policy_types: mapOf('policyType'),
    topology_template: ref('topologyTemplate'),
  },
  definitions: {
    repository: {
      type: ['string', 'object'],
      required: ['url'],
      additionalProperties: false,
      properties: { description: str, url: str, credential: anyValue },
    },
    import: {
      type: ['string', 'object'],
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: {
        type: ['string', 'object'],
        required: ['file'],
        additionalProperties: false,
        properties: { file: str, repository: str, namespace_uri: str, namespace_prefix: str },
      },
    },
    constraints: singleKeyList(anyValue),
    entrySchema: {
      type: ['string', 'object'],
      required: ['type'],
      additionalProperties: false,
      properties: { type: str, description: str, constraints: ref('constraints'), entry_schema: ref('entrySchema'), key_schema: ref('entrySchema') },
    },
    propertyDefinition: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: str,
        description: str,
        required: { type: 'boolean' },
        default: anyValue,
        status: { type: 'string', enum: ['supported', 'unsupported', 'experimental', 'deprecated'] },
        constraints: ref('constraints'),
        entry_schema: ref('entrySchema'),
        key_schema: ref('entrySchema'),
      },
    },
    attributeDefinition: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: str,
        description: str,
        default: anyValue,
        status: { type: 'string', enum: ['supported', 'unsupported', 'experimental', 'deprecated'] },
        entry_schema: ref('entrySchema'),
        key_schema: ref('entrySchema'),
      },
    },
    parameterDefinition: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: str,
        description: str,
        required: { type: 'boolean' },
        default: anyValue,
        status: { type: 'string', enum: ['supported', 'unsupported', 'experimental', 'deprecated'] },
        constraints: ref('constraints'),
        entry_schema: ref('entrySchema'),
        key_schema: ref('entrySchema'),
        value: anyValue,
      },
    },
    implementation: {
      type: ['string', 'object'],
      additionalProperties: false,
      properties: { primary: str, dependencies: nameList },
    },
    operationDefinition: {
      type: ['string', 'object', 'null'],
      additionalProperties: false,
      properties: { description: str, implementation: ref('implementation'), inputs: { type: 'object' } },
    },
    interfaceDefinition: {
      type: 'object',
      properties: { type: str, inputs: { type: ['object', 'null'] }, operations: mapOf('operationDefinition'), notifications: { type: ['object', 'null'] } },
      additionalProperties: ref('operationDefinition'),
    },
    artifactDefinition: {
      type: ['string', 'object'],
      required: ['file'],
      additionalProperties: false,
      // `file` may be a function call in templates (INDIGO: `file: { get_input: docker_image }`).
      properties: { type: str, file: { type: ['string', 'object'] }, repository: str, description: str, deploy_path: str },
    },
    capabilityDefinition: {
      type: ['string', 'object'],
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: str,
        description: str,
        properties: mapOf('propertyDefinition'),
        attributes: mapOf('attributeDefinition'),
        valid_source_types: nameList,
        occurrences,
      },
    },
    requirementDefinition: {
      type: ['string', 'object'],
      required: ['capability'],
      additionalProperties: false,
      properties: {
        capability: str,
        node: str,
        relationship: {
          type: ['string', 'object'],
          additionalProperties: false,
          properties: { type: str, interfaces: mapOf('interfaceDefinition') },
        },
        occurrences,
        description: str,
      },
    },
    nodeType: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...common,
        properties: mapOf('propertyDefinition'),
        attributes: mapOf('attributeDefinition'),
        requirements: singleKeyList(ref('requirementDefinition')),
        capabilities: mapOf('capabilityDefinition'),
        interfaces: mapOf('interfaceDefinition'),
        artifacts: mapOf('artifactDefinition'),
      },
    },
    capabilityType: {
      type: 'object',
      additionalProperties: false,
      properties: { ...common, properties: mapOf('propertyDefinition'), attributes: mapOf('attributeDefinition'), valid_source_types: nameList },
    },
    dataType: {
      type: 'object',
      additionalProperties: false,
      properties: { ...common, constraints: ref('constraints'), properties: mapOf('propertyDefinition') },
    },
    artifactType: {
      type: 'object',
      additionalProperties: false,
      properties: { ...common, mime_type: str, file_ext: nameList, properties: mapOf('propertyDefinition') },
    },
    interfaceType: {
      type: 'object',
      properties: { ...common, inputs: { type: ['object', 'null'] }, operations: mapOf('operationDefinition'), notifications: { type: ['object', 'null'] } },
      additionalProperties: ref('operationDefinition'),
    },
    relationshipType: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...common,
        properties: mapOf('propertyDefinition'),
        attributes: mapOf('attributeDefinition'),
        interfaces: mapOf('interfaceDefinition'),
        valid_target_types: nameList,
      },
    },
    groupType: {
      type: 'object',
      additionalProperties: false,
      properties: { ...common, properties: mapOf('propertyDefinition'), members: nameList, targets: nameList, interfaces: mapOf('interfaceDefinition') },
    },
    policyType: {
      type: 'object',
      additionalProperties: false,
      properties: { ...common, properties: mapOf('propertyDefinition'), targets: nameList, triggers: { type: 'object' } },
    },
    requirementAssignment: {
      type: ['string', 'object'],
      additionalProperties: false,
      properties: {
        node: str,
        capability: str,
        relationship: { type: ['string', 'object'] },
        node_filter: { type: 'object' },
        occurrences,
      },
    },
    nodeTemplate: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: str,
        description: str,
        metadata,
        directives: nameList,
        properties: { type: ['object', 'null'] },
        attributes: { type: ['object', 'null'] },
        requirements: singleKeyList(ref('requirementAssignment')),
        capabilities: {
          type: 'object',
          additionalProperties: {
            type: ['object', 'null'],
            additionalProperties: false,
            properties: { properties: { type: ['object', 'null'] }, attributes: { type: ['object', 'null'] } },
          },
        },
        interfaces: mapOf('interfaceDefinition'),
        artifacts: mapOf('artifactDefinition'),
        node_filter: { type: 'object' },
        copy: str,
      },
    },
    relationshipTemplate: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: str,
        description: str,
        metadata,
        properties: { type: ['object', 'null'] },
        attributes: { type: ['object', 'null'] },
        interfaces: mapOf('interfaceDefinition'),
        copy: str,
      },
    },
    group: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: str, description: str, metadata, properties: { type: 'object' }, members: nameList, interfaces: mapOf('interfaceDefinition') },
    },
    policy: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: { type: str, description: str, metadata, properties: { type: ['object', 'null'] }, targets: nameList, triggers: { type: ['object', 'null'] } },
    },
    topologyTemplate: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        description: str,
        inputs: mapOf('parameterDefinition'),
        node_templates: mapOf('nodeTemplate'),
        relationship_templates: mapOf('relationshipTemplate'),
        groups: mapOf('group'),
        policies: singleKeyList(ref('policy')),
        outputs: mapOf('parameterDefinition'),
        substitution_mappings: { type: 'object' },
        workflows: { type: ['object', 'null'] },
      },
    },
  },
} as const;
