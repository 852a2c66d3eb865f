// The cluster-spec AST: pure, readonly data with no methods, a discriminated union on `kind`.
// Built from the CST by build-ast.ts. Every node has a half-open `span`; names and keywords
// have their own spans so diagnostics can underline just the name. Parts the parser could not
// recover are `undefined`, never invented.
import type { Span } from '../diagnostics/span.js';

/** A whole file: zero or more clusters. */
export interface SpecFile {
  readonly kind: 'spec';
  readonly span: Span;
  readonly clusters: readonly ClusterDecl[];
}

/** `cluster "name" { ... }` */
export interface ClusterDecl {
  readonly kind: 'cluster';
  readonly span: Span;
  /** Span of the `cluster` keyword. */
  readonly keywordSpan: Span;
  readonly name: StringLit | undefined;
  readonly body: readonly Statement[];
}

/** A statement inside a cluster or a block. */
export type Statement = Attribute | Block;

/** An identifier with its own span. */
export interface Ident {
  readonly kind: 'ident';
  readonly span: Span;
  readonly name: string;
}

/** `name = value` */
export interface Attribute {
  readonly kind: 'attribute';
  readonly span: Span;
  readonly name: Ident;
  readonly value: Value | undefined;
}

/** `name ["label"] [count] [{ statements }]`, e.g. `agents "gpu" 0..4 { ... }`. */
export interface Block {
  readonly kind: 'block';
  readonly span: Span;
  readonly name: Ident;
  readonly label: StringLit | undefined;
  readonly count: Count | undefined;
  /** Statements between the braces; undefined when the block has no braces. */
  readonly body: readonly Statement[] | undefined;
}

/** `N`, `N..M`, or an input reference, after a block name. */
export type Count = CountLit | RangeLit | InputRef;

/** A fixed count `N`. */
export interface CountLit {
  readonly kind: 'count';
  readonly span: Span;
  readonly value: NumberLit;
}

/** A range `N..M`. */
export interface RangeLit {
  readonly kind: 'range';
  readonly span: Span;
  readonly min: NumberLit;
  readonly max: NumberLit | undefined;
}

/** Any attribute value. */
export type Value = StringLit | NumberLit | QuantityLit | BoolLit | Ipv4Lit | CidrLit | ListLit | InputRef | IdentValue;

/** A double-quoted string; `value` has its escapes resolved. */
export interface StringLit {
  readonly kind: 'string';
  readonly span: Span;
  readonly value: string;
}

/** An integer or decimal number. */
export interface NumberLit {
  readonly kind: 'number';
  readonly span: Span;
  readonly value: number;
  /** The text as written. */
  readonly raw: string;
  readonly integer: boolean;
}

/** A unit of a quantity (`GB`, `MiB`, `min`, ...). */
export interface Unit {
  readonly span: Span;
  readonly text: string;
  readonly dimension: 'size' | 'duration';
}

/** A number with a unit: `4 GB`, `30 s`. */
export interface QuantityLit {
  readonly kind: 'quantity';
  readonly span: Span;
  readonly number: NumberLit;
  readonly unit: Unit;
}

/** `true` or `false`. */
export interface BoolLit {
  readonly kind: 'bool';
  readonly span: Span;
  readonly value: boolean;
}

/** A dotted-quad IPv4 address, each octet 0-255. */
export interface Ipv4Lit {
  readonly kind: 'ipv4';
  readonly span: Span;
  readonly value: string;
}

/** An IPv4 CIDR `a.b.c.d/len`, len 0-32. */
export interface CidrLit {
  readonly kind: 'cidr';
  readonly span: Span;
  readonly address: string;
  readonly prefix: number;
  /** The text as written. */
  readonly value: string;
}

/** `[a, b, c]` */
export interface ListLit {
  readonly kind: 'list';
  readonly span: Span;
  readonly items: readonly Value[];
}

/** `input`, `input(DEFAULT)` or `secret`: the value becomes an input/parameter of the outputs. */
export interface InputRef {
  readonly kind: 'input';
  readonly span: Span;
  /** Span of the `input` / `secret` keyword. */
  readonly keywordSpan: Span;
  readonly secret: boolean;
  readonly default: Value | undefined;
}

/** A bare identifier used as a value, e.g. `driver = cinder`. */
export interface IdentValue {
  readonly kind: 'identValue';
  readonly span: Span;
  readonly name: string;
}

/** Any AST node. */
export type Node = SpecFile | ClusterDecl | Statement | Ident | Count | Value;
