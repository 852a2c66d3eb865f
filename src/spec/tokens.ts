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

/**
 * Words written after a number that are not units but clearly mean one (`8 G`, `30 sec`), with
 * the unit(s) they may mean: the parser reads them as a unit so build-ast reports one precise
 * error (CS1003) instead of a missing `=` and an unknown block. `m` is ambiguous.
 */
const UNIT_TYPOS: Readonly<Record<string, readonly string[]>> = {
  G: ['GB'], g: ['GB'], M: ['MB'], K: ['KB'], k: ['KB'], T: ['TB'], t: ['TB'],
  Gi: ['GiB'], Mi: ['MiB'], Ki: ['KiB'], Ti: ['TiB'], gig: ['GB'], gigs: ['GB'],
  m: ['min', 'MB'],
  sec: ['s'], secs: ['s'], second: ['s'], seconds: ['s'],
  mins: ['min'], minute: ['min'], minutes: ['min'],
  hr: ['h'], hrs: ['h'], hour: ['h'], hours: ['h'],
  day: ['d'], days: ['d'],
};

/** The units a misspelt unit word may mean (`G` → [`GB`]), or undefined when it is no unit typo. */
export function unitTypo(word: string): readonly string[] | undefined {
  if (Object.hasOwn(UNIT_TYPOS, word)) return UNIT_TYPOS[word];
  if (/^[A-Za-z]+s$/.test(word) && word.length > 2) {
    const u = unitIgnoringCase(word.slice(0, -1));
    if (u !== undefined) return [u]; // `GBs`, `MBs`
  }
  return undefined;
}

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /(?:#|\/\/)[^\n\r]*/, group: Lexer.SKIPPED });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

/**
 * A name with `-` or `.` inside (`ubuntu-22.04`, `m1.large`, `private-net`): a value that needs
 * quotes. Read as one name so build-ast reports one error with the quoted fix (CS1020).
 */
export const UnquotedName = createToken({
  name: 'UnquotedName',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)+/,
  categories: [Identifier],
  label: 'a name',
});

const LETTERS = /[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*/uy;
const ASCII_NAME_CHARS = /[A-Za-z0-9_]*/y;
/** A run of letters that contains a non-ASCII letter (`ménage`): one token, rejected by build-ast (CS1008). */
const badIdentifier: CustomPatternMatcherFunc = (text, offset) => {
  // The only ASCII characters of the letter run are [A-Za-z0-9_]: when the first character after
  // them is ASCII (or the end), the run has no other letter, so there is no match (the lexer asks
  // at every name; the Unicode pattern is the slow part).
  ASCII_NAME_CHARS.lastIndex = offset;
  ASCII_NAME_CHARS.exec(text);
  const next = text.charCodeAt(ASCII_NAME_CHARS.lastIndex);
  if (!(next >= 0x80)) return null;
  LETTERS.lastIndex = offset;
  const m = LETTERS.exec(text);
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
/** `1-5` where a range `1..5` belongs: one token, reported by build-ast with the fix (CS1021). */
export const DashRange = createToken({ name: 'DashRange', pattern: /[0-9]+[ \t]*-[ \t]*[0-9]+/, label: 'a range' });
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
  DashRange,
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
  UnquotedName,
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
