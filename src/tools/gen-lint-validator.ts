// `node dist/src/tools/gen-lint-validator.js`: compiles the TOSCA 1.0 JSON Schema of the linter
// (src/lint/schema/tosca-1-0.schema.ts) into standalone validation code with ajv, and writes it to
// src/lint/schema/validator.generated.ts, and the normative type files into plain data in
// src/lint/normative/normative.generated.ts. `clusterc lint` then loads a ready validator and ready types
// instead of compiling the schema and parsing YAML at every start. A test fails when either file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNormativeModule } from '../lint/normative-codegen.js';
import { generateValidatorModule } from '../lint/schema-codegen.js';

const out = join(process.cwd(), 'src/lint/schema/validator.generated.ts');
writeFileSync(out, generateValidatorModule());
process.stderr.write(`wrote ${out}\n`);
const normativeOut = join(process.cwd(), 'src/lint/normative/normative.generated.ts');
writeFileSync(normativeOut, generateNormativeModule());
process.stderr.write(`wrote ${normativeOut}\n`);
