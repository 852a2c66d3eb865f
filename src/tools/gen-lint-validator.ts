// `node dist/src/tools/gen-lint-validator.js`: compiles the TOSCA 1.0 JSON Schema of the linter
// (src/lint/schema/tosca-1-0.schema.ts) into standalone validation code with ajv, and writes it to
// src/lint/schema/validator.generated.ts. `clusterc lint` then loads a ready validator instead of
// compiling the schema at every start (about 150 ms). A test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateValidatorModule } from '../lint/schema-codegen.js';

const out = join(process.cwd(), 'src/lint/schema/validator.generated.ts');
writeFileSync(out, generateValidatorModule());
process.stderr.write(`wrote ${out}\n`);
