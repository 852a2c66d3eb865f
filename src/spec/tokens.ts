// Lexical grammar of the cluster-spec language (chevrotain tokens). Comments (`#`, `//`) and
// whitespace are skipped. Malformed literals get their own tokens (UnterminatedString,
// BadNumber) in the category of the literal they imitate, so the parser carries on as if the
// literal were fine and build-ast.ts reports one precise diagnostic instead of a cascade.
import type { CustomPatternMatcherFunc, Lexer as LexerType, TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

/** Size units (bytes) and duration units (seconds), by spelling. */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};
/** Duration units in seconds. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, min: 60, h: 3600, d: 86400 };

/** True when `word` is a size or duration unit. */
export function isUnit(word: string): boolean {
  return Object.hasOwn(SIZE_UNITS, word) || Object.hasOwn(DURATION_UNITS, word);
}

const UNIT_BY_LOWER = new Map([...Object.keys(SIZE_UNITS), ...Object.keys(DURATION_UNITS)].map((u) => [u.toLowerCase(), u]));
/** The unit `word` means when spelled with the wrong case (`gb` → `GB`), if any. */
export function unitIgnoringCase(word: string): string | undefined {
  if (isUnit(word)) return word;
  // One-letter words (`b`, `S`, `H`, `D`) are too likely to be names to be read as misspelt units.
  return word.length > 1 ? UNIT_BY_LOWER.get(word.toLowerCase()) : undefined;
}

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /(?:#|\/\/)[^\n\r]*/, group: Lexer.SKIPPED });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

/** A run of letters that contains a non-ASCII letter (`ménage`): one token, rejected by build-ast (CS1008). */
const badIdentifier: CustomPatternMatcherFunc = (text, offset) => {
  const re = /[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*/uy;
  re.lastIndex = offset;
  const m = re.exec(text);
  return m && /[^\x00-\x7f]/.test(m[0]) ? m : null;
};
export const BadIdentifier = createToken({
  name: 'BadIdentifier',
  pattern: badIdentifier,
  line_breaks: false,
  categories: [Identifier],
  label: 'a name',
});
const keyword = (name: string, word: string): TokenType =>
  createToken({ name, pattern: new RegExp(word), longer_alt: [BadIdentifier, Identifier], label: `\`${word}\`` });
export const Cluster = keyword('Cluster', 'cluster');
export const Input = keyword('Input', 'input');
export const Secret = keyword('Secret', 'secret');
export const True = keyword('True', 'true');
export const False = keyword('False', 'false');

/** Category of every string token. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, label: 'a string' });
export const CompleteString = createToken({
  name: 'CompleteString',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [StringLiteral],
  label: 'a string',
});
/** A string that reaches the end of its line without a closing quote. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/,
  categories: [StringLiteral],
  label: 'a string',
});

/** Category of integers and decimals. */
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA, label: 'a number' });

/**
 * Digits glued to letters that are not a unit (`4x`, `1e5`), or dotted runs that are neither a
 * number nor an IPv4 address (`1.2.3`, `1.2.3.4.5`): one bad-number token, not several tokens.
 */
const badNumber: CustomPatternMatcherFunc = (text, offset) => {
  const re = /[0-9]+(?:\.[0-9]+)*(?:[A-Za-z_][A-Za-z0-9_]*)?/y;
  re.lastIndex = offset;
  const m = re.exec(text);
  if (!m) return null;
  const s = m[0];
  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(s)?.[0];
  const numeric = word ? s.slice(0, s.length - word.length) : s;
  const dots = (numeric.match(/\./g) ?? []).length;
  if (word !== undefined && !unitIgnoringCase(word)) return m;
  if (dots === 2 || dots > 3) return m;
  return null;
};
export const BadNumber = createToken({
  name: 'BadNumber',
  pattern: badNumber,
  line_breaks: false,
  start_chars_hint: [...'0123456789'],
  categories: [NumberLiteral],
  label: 'a number',
});
export const Cidr = createToken({ name: 'Cidr', pattern: /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+\/[0-9]+/, label: 'a CIDR' });
export const Ipv4 = createToken({ name: 'Ipv4', pattern: /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/, label: 'an IPv4 address' });
export const Decimal = createToken({ name: 'Decimal', pattern: /[0-9]+\.[0-9]+/, categories: [NumberLiteral], label: 'a number' });
export const Integer = createToken({ name: 'Integer', pattern: /[0-9]+/, categories: [NumberLiteral], label: 'a number' });

export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./, label: '`..`' });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, label: '`{`' });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, label: '`}`' });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: '`]`' });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: '`)`' });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: '`=`' });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: '`,`' });
/** `:` is not part of the language; the parser accepts it where `=` belongs to report one precise error. */
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: '`:`' });
/** A single-quoted string: read as a string so parsing goes on, rejected by build-ast (CS1009). */
export const SingleQuotedString = createToken({
  name: 'SingleQuotedString',
  pattern: /'[^'\n\r]*'?/,
  categories: [StringLiteral],
  label: 'a string',
});

/** Every token, in matching order (longest/most specific first). */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  CompleteString,
  UnterminatedString,
  SingleQuotedString,
  NumberLiteral,
  BadNumber,
  Cidr,
  Ipv4,
  Decimal,
  Integer,
  DotDot,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Equals,
  Comma,
  Colon,
  Cluster,
  Input,
  Secret,
  True,
  False,
  BadIdentifier,
  Identifier,
];

let lexer: LexerType | undefined;
/** The lexer, built on first use. */
export function specLexer(): LexerType {
  lexer ??= new Lexer(ALL_TOKENS, { positionTracking: 'full', ensureOptimizations: false });
  return lexer;
}
