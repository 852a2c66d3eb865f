// The ajv options of the linter's schema validator, shared by the code generator and the test
// that checks the generated validator against a freshly compiled one.

/** ajv options: every error, strict schema, union types, errors carrying the schema and data. */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true } as const;
