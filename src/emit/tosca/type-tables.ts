// Shapes of the TOSCA type tables the self-check reads (generated from node-types/ by
// src/tools/gen-node-types.ts into node-types.generated.ts). Plain data, no behaviour.

/** A property definition (TOSCA §3.5.8), reduced. */
export interface PropDef {
  readonly type: string;
  /** entry_schema type of a list or map. */
  readonly entry?: string;
  readonly required: boolean;
  readonly hasDefault: boolean;
}

/** A type definition of any section, reduced. */
export interface TypeDef {
  readonly derivedFrom: string | null;
  readonly properties: Readonly<Record<string, PropDef>>;
  readonly attributes: readonly string[];
  /** Capability name → capability type. */
  readonly capabilities: Readonly<Record<string, string>>;
  readonly requirements: Readonly<Record<string, { readonly capability: string | null; readonly node: string | null }>>;
  readonly artifacts: readonly string[];
}

/** All sections of node-types/. */
export interface TypeTables {
  readonly nodeTypes: Readonly<Record<string, TypeDef>>;
  readonly capabilityTypes: Readonly<Record<string, TypeDef>>;
  readonly dataTypes: Readonly<Record<string, TypeDef>>;
  readonly artifactTypes: Readonly<Record<string, TypeDef>>;
  readonly relationshipTypes: Readonly<Record<string, TypeDef>>;
}
