// The linter's schema validator is generated code (src/lint/schema/validator.generated.ts, from
// src/tools/gen-lint-validator.ts): this test fails when it no longer matches the schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { generateValidatorModule } from '../../src/lint/schema-codegen.js';
import { ROOT } from '../support/golden.js';

describe('lint schema validator (generated)', function () {
  it('is up to date (run `node dist/src/tools/gen-lint-validator.js`)', function () {
    expect(readFileSync(join(ROOT, 'src/lint/schema/validator.generated.ts'), 'utf8')).to.equal(generateValidatorModule());
  });
});
