// CS32xx: HOT emitter warnings and errors (src/emit/hot).
import { defineCodes } from './define.js';

export const HOT_CODES = defineCodes({});
