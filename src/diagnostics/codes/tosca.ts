// CS31xx: TOSCA emitter warnings and errors (src/emit/tosca).
import { defineCodes } from './define.js';

export const TOSCA_CODES = defineCodes({});
