// CS1xxx: lexical and syntax errors of the cluster-spec language (src/spec).
import { defineCodes } from './define.js';

export const SPEC_CODES = defineCodes({});
