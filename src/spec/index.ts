// Front end entry point: text → tokens → CST → AST. Never throws on bad input: lexer and parser
// errors become CS1xxx diagnostics and a possibly partial AST is returned (error recovery on, so
// one run reports every syntax error).
import type { IRecognitionException, IToken } from 'chevrotain';
import { EOF } from './chevrotain.js';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Label } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { SpecFile } from './ast.js';
import { buildAst, spanOfToken } from './build-ast.js';
import { parseTokens, tokenLabel } from './parser.js';
import { LBrace, LBracket, LParen, RBrace, RBracket, RParen, specLexer } from './tokens.js';

export type { SpecFile } from './ast.js';

/** Parses one spec file; reports syntax errors into `diag`. */
export function parseSpec(text: string, file: string, diag: DiagnosticCollector): SpecFile {
  const lexed = specLexer().tokenize(text);
  for (const e of lexed.errors) {
    const shown = text.slice(e.offset, e.offset + e.length);
    diag.report(
      'CS1002',
      { file, start: e.offset, end: e.offset + e.length },
      { text: printable(shown) },
      shown.includes(';') ? { help: 'statements need no separator: remove the `;`' } : {},
    );
  }
  const { cst, errors } = parseTokens(limitNesting(lexed.tokens, file, diag));
  const unclosed = unclosedOpeners(lexed.tokens, file);
  let lastEnd = -1;
  for (const e of errors) {
    const span = errorSpan(e, file, text);
    // One error per place: recovery can report again at the same token.
    if (span.start <= lastEnd && e.token.tokenType === EOF) continue;
    lastEnd = span.end;
    reportRecognition(e, span, diag, unclosed);
  }
  return buildAst(cst, file, text.length, diag);
}

/** Deepest nesting of `{`, `[` and `(` the parser accepts; the language needs about 4 levels. */
export const MAX_NESTING = 64;

/**
 * Drops the tokens nested deeper than MAX_NESTING (reporting CS1010 once at the first opener too
 * deep), so pathological input cannot exhaust the stack of the recursive-descent parser.
 */
function limitNesting(tokens: IToken[], file: string, diag: DiagnosticCollector): IToken[] {
  let depth = 0;
  let reported = false;
  const out: IToken[] = [];
  for (const t of tokens) {
    const opens = t.tokenType === LBrace || t.tokenType === LBracket || t.tokenType === LParen;
    const closes = t.tokenType === RBrace || t.tokenType === RBracket || t.tokenType === RParen;
    if (opens) {
      depth++;
      if (depth > MAX_NESTING) {
        if (!reported) {
          reported = true;
          diag.report('CS1010', spanOfToken(file, t), { max: MAX_NESTING }, { help: 'blocks nest at most a few levels: `cluster` → `masters` → attributes' });
        }
        continue;
      }
    } else if (closes) {
      depth = Math.max(0, depth - 1);
      if (depth >= MAX_NESTING) continue;
    } else if (depth > MAX_NESTING) continue;
    out.push(t);
  }
  return out;
}

/** Control characters and invisible text made readable in messages. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`).replace(/`/g, "'");
}

/** Where a recognition error points: the offending token, or the end of the text at EOF. */
function errorSpan(e: IRecognitionException, file: string, text: string): Span {
  const t = e.token;
  if (t.tokenType === EOF || !Number.isFinite(t.startOffset)) return { file, start: text.length, end: text.length };
  return spanOfToken(file, t);
}

/** Openers `{` / `[` that are never closed, innermost last. */
function unclosedOpeners(tokens: readonly IToken[], file: string): Span[] {
  const stack: IToken[] = [];
  for (const t of tokens) {
    if (t.tokenType === LBrace || t.tokenType === LBracket) stack.push(t);
    else if (t.tokenType === RBrace || t.tokenType === RBracket) stack.pop();
  }
  return stack.map((t) => spanOfToken(file, t));
}

interface Payload {
  expected: string[];
  found: string;
}

/** Decodes the structured message our error-message provider puts into chevrotain errors. */
function payloadOf(e: IRecognitionException): Payload {
  try {
    return JSON.parse(e.message) as Payload;
  } catch {
    return { expected: [], found: foundText(e.token) };
  }
}

/** How a token is named in "found ..." (`\`x\``, `end of file`). */
export function foundText(t: IToken): string {
  if (t.tokenType === EOF) return 'end of file';
  const img = t.image.length > 24 ? t.image.slice(0, 24) + '…' : t.image;
  return `\`${printable(img)}\``;
}

function orList(xs: string[]): string {
  const u = [...new Set(xs)];
  if (u.length === 0) return 'something else';
  if (u.length === 1) return u[0]!;
  return `${u.slice(0, -1).join(', ')} or ${u[u.length - 1]}`;
}

function reportRecognition(e: IRecognitionException, span: Span, diag: DiagnosticCollector, unclosed: Span[]): void {
  const p = payloadOf(e);
  const expected = orList(p.expected);
  const secondary: Label[] = [];
  if (e.token.tokenType === EOF && unclosed.length > 0 && (p.expected.includes('`}`') || p.expected.includes('`]`'))) {
    secondary.push({ span: unclosed[unclosed.length - 1]!, message: 'unclosed delimiter' });
  }
  const keyword = ['Input', 'Secret', 'True', 'False', 'Cluster'].includes(e.token.tokenType.name);
  if (keyword && e.name !== 'MismatchedTokenException') {
    diag.report('CS1006', span, { expected, found: p.found }, { secondary, help: `${p.found} is a keyword and cannot name an attribute or a block` });
    return;
  }
  if (keyword) {
    diag.report('CS1005', span, { expected, found: p.found }, { secondary, help: `${p.found} is a keyword and cannot name an attribute or a block` });
    return;
  }
  if (e.token.tokenType === RBrace && p.expected.includes('end of file')) {
    diag.report('CS1006', span, { expected, found: p.found }, { help: 'this `}` closes nothing: remove it' });
    return;
  }
  if (e.name === 'MismatchedTokenException') {
    diag.report('CS1005', span, { expected, found: p.found }, {
      secondary,
      ...(p.expected.includes('`=`') ? { help: 'an attribute is written `name = value`' } : {}),
    });
  } else {
    diag.report('CS1006', span, { expected, found: p.found }, { secondary });
  }
}

export { tokenLabel };
