// Build-time code generation of the linter's schema validator (ajv standalone code). Used by
// src/tools/gen-lint-validator.ts and by the freshness test; never imported by `clusterc lint`.
import AjvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS } from './schema-options.js';
import { TOSCA_1_0_SCHEMA } from './schema/tosca-1-0.schema.js';

// ajv is CommonJS; under NodeNext its default export is the module object.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (o: object) => { compile(s: object): unknown };
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: unknown, v: unknown) => string;

/** The text of src/lint/schema/validator.generated.ts. */
export function generateValidatorModule(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const validate = ajv.compile(TOSCA_1_0_SCHEMA);
  const code = standaloneCode(ajv, validate);
  return `// @ts-nocheck\n// generated from src/lint/schema/tosca-1-0.schema.ts by \`node dist/src/tools/gen-lint-validator.js\`; do not edit\n${code}\n`;
}
