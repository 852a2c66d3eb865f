// CS2xxx: meaning errors found while lowering the AST into the cluster model (src/model).
import { defineCodes } from './define.js';

export const MODEL_CODES = defineCodes({});
