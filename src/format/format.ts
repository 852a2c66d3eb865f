// `clusterc fmt`: the canonical layout of a spec, from its tokens and the comments between them.
// Kept from the input: every token, every comment (own-line or trailing), and where lines break
// (runs of blank lines become one; none right after `{` or before `}`, nor at either end).
// Decided here: indentation (two spaces per open `{` `[` `(`), spacing (one space around `=`,
// two between statements on one line, none inside `[]` `()` or around `..`), `=` aligned in a
// run of attribute lines, `{` aligned in a run of one-line blocks, and trailing comments aligned
// in a run of lines that have one, at column COMMENT_COLUMN or two spaces after the longest code.
// Only text that lexes and parses cleanly is formatted (the caller checks); the result re-lexes to
// the same tokens and comments, which `formatSpec` verifies, so the compiled outputs cannot change.
import type { IToken } from 'chevrotain';
import { specLexer, unitIgnoringCase } from '../spec/tokens.js';

/** Column (0-based) where aligned trailing comments start when the code is shorter. */
export const COMMENT_COLUMN = 40;

const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);

interface Line {
  depth: number;
  tokens: IToken[];
  code: string;
  comment?: string;
  /** An own-line comment (no tokens). */
  commentOnly: boolean;
  blankBefore: boolean;
}

const isNumber = (t: IToken) => t.tokenType.name === 'Integer' || t.tokenType.name === 'Decimal';
const isIdent = (t: IToken) => t.tokenType.name === 'Identifier' || t.tokenType.name === 'BadIdentifier';

/** True when `t` starts a statement (an attribute or block name), given the token before it. */
function startsStatement(prev: IToken, t: IToken): boolean {
  if (!isIdent(t) && t.tokenType.name !== 'Cluster') return false;
  if (['=', '[', ',', '(', ':'].includes(prev.image)) return false;
  return !(isNumber(prev) && unitIgnoringCase(t.image) !== undefined);
}

/** The text between two tokens on one line. */
function gap(prev: IToken, t: IToken): string {
  if (OPEN.has(prev.image) && prev.image !== '{') return '';
  if ((CLOSE.has(t.image) && t.image !== '}') || t.image === ',') return '';
  if (t.image === '(' && prev.tokenType.name === 'Input') return '';
  if (t.image === '..' || prev.image === '..') return '';
  if (t.image === '}' || prev.image === '{') return ' ';
  return startsStatement(prev, t) ? '  ' : ' ';
}

/** Splits the text between tokens into comments and line breaks, in order. */
function gapEvents(text: string): ({ kind: 'newline' } | { kind: 'comment'; text: string })[] {
  const out: ({ kind: 'newline' } | { kind: 'comment'; text: string })[] = [];
  const re = /(\r\n|\n|\r)|((?:#|\/\/)[^\n\r]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) out.push({ kind: 'newline' });
    else out.push({ kind: 'comment', text: m[2]!.trimEnd() });
  }
  return out;
}

/** Builds the lines: tokens with their spacing, comments attached, depths. */
function buildLines(text: string, tokens: readonly IToken[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | undefined;
  let depth = 0;
  let newlines = 0;
  const flush = () => {
    if (cur) lines.push(cur);
    cur = undefined;
  };
  const events = (s: string) => {
    for (const e of gapEvents(s)) {
      if (e.kind === 'newline') {
        if (cur) flush();
        newlines++;
      } else if (cur && newlines === 0) cur.comment = e.text;
      else {
        lines.push({ depth, tokens: [], code: '', comment: e.text, commentOnly: true, blankBefore: newlines >= 2 });
        newlines = 0;
      }
    }
  };
  let end = 0;
  for (const t of tokens) {
    events(text.slice(end, t.startOffset));
    end = t.endOffset! + 1;
    if (CLOSE.has(t.image)) depth = Math.max(0, depth - 1);
    if (!cur) {
      cur = { depth, tokens: [t], code: t.image, commentOnly: false, blankBefore: newlines >= 2 };
      newlines = 0;
    } else {
      cur.code += gap(cur.tokens[cur.tokens.length - 1]!, t) + t.image;
      cur.tokens.push(t);
    }
    if (OPEN.has(t.image)) depth++;
  }
  events(text.slice(end));
  flush();
  return lines;
}

/** Drops blank lines at the ends, after an opener and before a closer. */
function tidyBlanks(lines: Line[]): void {
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const lastOfPrev = prev?.tokens[prev.tokens.length - 1]?.image;
    if (i === 0 || (lastOfPrev !== undefined && OPEN.has(lastOfPrev)) || (l.tokens[0] && CLOSE.has(l.tokens[0].image))) l.blankBefore = false;
  });
}

/** Runs of consecutive lines (no blank between, same depth) that satisfy `pick`; `skip` lines neither join nor break a run. */
function runs(lines: Line[], pick: (l: Line) => boolean, skip: (l: Line) => boolean = () => false): Line[][] {
  const out: Line[][] = [];
  let run: Line[] = [];
  for (const l of lines) {
    if (skip(l) && !l.blankBefore) continue;
    const joins = pick(l) && !l.blankBefore && run.length > 0 && run[0]!.depth === l.depth;
    if (!joins) {
      if (run.length > 0) out.push(run);
      run = [];
    }
    if (pick(l)) run.push(l);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** Pads the text before token index `at` of every line in each run so that token lines up. */
function alignAt(groups: Line[][], at: (l: Line) => number): void {
  for (const g of groups) {
    if (g.length < 2) continue;
    const heads = g.map((l) => l.code.slice(0, positionOf(l, at(l))).trimEnd());
    const width = Math.max(...heads.map((h) => h.length));
    g.forEach((l, i) => {
      const head = heads[i]!;
      l.code = head.padEnd(width) + ' ' + l.code.slice(head.length).trimStart();
    });
  }
}

/** Offset in `l.code` where token `i` starts (recomputed from the spacing rules). */
function positionOf(l: Line, i: number): number {
  let pos = 0;
  for (let k = 0; k < i; k++) pos += l.tokens[k]!.image.length + gap(l.tokens[k]!, l.tokens[k + 1]!).length;
  return pos;
}

/** The index of the `{` of a one-line block (`name [label] [count] { ... }`), or -1. */
function inlineBlockBrace(l: Line): number {
  const first = l.tokens[0];
  const last = l.tokens[l.tokens.length - 1];
  if (!first || !isIdent(first) || last?.image !== '}') return -1;
  const i = l.tokens.findIndex((t) => t.image === '{');
  if (i < 1 || l.tokens.slice(1, i).some((t) => t.image === '=')) return -1;
  // The block must close on this line: its braces balance.
  let d = 0;
  for (const t of l.tokens) d += t.image === '{' ? 1 : t.image === '}' ? -1 : 0;
  return d === 0 ? i : -1;
}

/** Formats spec text that lexes and parses without errors. Returns the canonical text. */
export function formatSpec(text: string): string {
  const lexed = specLexer().tokenize(text);
  if (lexed.errors.length > 0) throw new Error('formatSpec needs text that lexes without errors');
  const lines = buildLines(text, lexed.tokens);
  tidyBlanks(lines);
  const isAttr = (l: Line) => l.tokens.length >= 2 && isIdent(l.tokens[0]!) && l.tokens[1]!.image === '=';
  alignAt(runs(lines, isAttr, (l) => l.commentOnly), () => 1);
  alignAt(runs(lines, (l) => inlineBlockBrace(l) > 0), inlineBlockBrace);
  for (const g of runs(lines, (l) => !l.commentOnly && l.comment !== undefined)) {
    const indentOf = (l: Line) => 2 * l.depth;
    const col = Math.max(COMMENT_COLUMN, ...g.map((l) => indentOf(l) + l.code.length + 2));
    for (const l of g) l.comment = ' '.repeat(col - indentOf(l) - l.code.length) + l.comment!;
  }
  const out: string[] = [];
  for (const l of lines) {
    if (l.blankBefore) out.push('');
    const indent = '  '.repeat(l.depth);
    out.push(l.commentOnly ? indent + l.comment! : indent + l.code + (l.comment ?? ''));
  }
  const result = out.join('\n') + '\n';
  checkSameTokens(text, result);
  return result;
}

/** The formatted text must hold the same tokens and comments as the input. */
function checkSameTokens(before: string, after: string): void {
  const sig = (s: string) => {
    const toks = specLexer().tokenize(s).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
    const comments = [...s.matchAll(/"(?:[^"\\\n\r]|\\[^\n\r])*"|((?:#|\/\/)[^\n\r]*)/g)].filter((m) => m[1]).map((m) => m[1]!.trimEnd());
    return JSON.stringify([toks, comments]);
  };
  if (sig(before) !== sig(after)) throw new Error('the formatter changed the tokens or comments of the spec');
}
