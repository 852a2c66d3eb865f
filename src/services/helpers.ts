// Small builders shared by the service entries: attribute specs for their vocabulary, and the
// target-neutral role-variable expressions (VarExpr) their plans pass to the roles. Pure data.
import type { Param } from '../model/model.js';
import type { AttrSpec } from '../model/vocabulary.js';
import type { VarExpr } from '../roles/types.js';

/** A string attribute (`input` allowed unless `param` is false). */
export const str = (doc: string, param = true, dflt?: string): AttrSpec => ({ type: 'string', param, doc, ...(dflt !== undefined ? { default: dflt } : {}) });
/** A boolean attribute (never an input: it shapes the templates). */
export const bool = (doc: string, dflt?: boolean): AttrSpec => ({ type: 'boolean', param: false, doc, ...(dflt !== undefined ? { default: dflt } : {}) });
/** A password attribute: a literal warns, an input is always hidden and takes no default. */
export const password = (doc: string): AttrSpec => ({ type: 'string', param: true, password: true, doc });

/** A constant role variable. */
export const lit = (value: string | number | boolean | readonly string[]): VarExpr => ({ kind: 'literal', value });
/** A role variable from a model value (literal or input). */
export const param = (p: Param<string | number | boolean>): VarExpr => ({ kind: 'param', param: p });
/** The private addresses of every host of a group. */
export const addresses = (group: string): VarExpr => ({ kind: 'groupAddresses', group });
/** A literal model Param without a span (a default). */
export const literal = <T>(value: T): Param<T> => ({ kind: 'literal', value, origin: undefined });
