// LT0xxx YAML reading, LT1xxx TOSCA structure (schema), LT2xxx TOSCA semantics (src/lint).
import { defineCodes } from './define.js';

export const LINT_CODES = defineCodes({});
