// Front end entry point: text → tokens → CST → AST. Never throws on bad input: lexer and parser
// errors become CS1xxx diagnostics and a possibly partial AST is returned (error recovery on, so
// one run reports every syntax error).
import type { IRecognitionException, IToken } from 'chevrotain';
import { EOF, createTokenInstance } from './chevrotain.js';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Edit, Label } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { SpecFile } from './ast.js';
import { buildAst, spanOfToken } from './build-ast.js';
import { parseTokens, tokenLabel } from './parser.js';
import { LBrace, LBracket, LParen, RBrace, RBracket, RParen, specLexer } from './tokens.js';

export type { SpecFile } from './ast.js';

/** Parses one spec file; reports syntax errors into `diag`. */
export function parseSpec(text: string, file: string, diag: DiagnosticCollector): SpecFile {
  const empty: SpecFile = { kind: 'spec', span: { file, start: 0, end: text.length }, clusters: [] };
  if (reportYamlDocument(text, file, diag)) return empty;
  const before = diag.diagnostics.length;
  const lexed = specLexer().tokenize(text);
  for (const e of lexed.errors) {
    const shown = text.slice(e.offset, e.offset + e.length);
    diag.report(
      'CS1002',
      { file, start: e.offset, end: e.offset + e.length },
      { text: printable(shown) },
      shown.includes(';')
        ? { help: 'statements need no separator: remove the `;`', ...(/^;+$/.test(shown) ? { fix: [{ span: { file, start: e.offset, end: e.offset + e.length }, text: '' }] } : {}) }
        : {},
    );
  }
  const tokens = closeByIndentation(limitNesting(lexed.tokens, file, diag), text, file, diag);
  const { cst, errors } = parseTokens(tokens);
  const unclosed = unclosedOpeners(tokens, file);
  let lastEnd = -1;
  for (const e of errors) {
    const span = errorSpan(e, file, text);
    // One error per place: recovery can report again at the same token.
    if (span.start <= lastEnd && e.token.tokenType === EOF) continue;
    lastEnd = span.end;
    reportRecognition(e, span, diag, unclosed, text);
  }
  const ast = buildAst(cst, file, text, diag);
  if (ast.clusters.length === 0 && diag.diagnostics.length === before && tokens.length === 0) {
    const nl = text === '' || text.endsWith('\n') ? '' : '\n';
    diag.report('CS1025', { file, start: 0, end: 0 }, { file }, {
      help: 'declare a cluster: `cluster "name" { masters 3 { } }`',
      fix: [{ span: { file, start: text.length, end: text.length }, text: `${nl}cluster "name" {\n  masters 3 { }\n}\n` }],
    });
  }
  return ast;
}

/** Top-level keys that identify a YAML document given where a spec belongs. */
const YAML_KINDS: readonly [RegExp, string, (file: string) => string][] = [
  [/^tosca_definitions_version[ \t]*:/m, 'a TOSCA document', (f) => `lint it with \`clusterc lint ${f}\`; \`check\` and \`compile\` read cluster specs`],
  [
    /^heat_template_version[ \t]*:/m,
    'a Heat template',
    (f) => `clusterc writes Heat templates but does not read them: validate it with \`openstack orchestration template validate -t ${f}\`; \`clusterc lint\` checks TOSCA`,
  ],
];

/**
 * Reports CS1024 once when `text` is a YAML document (a TOSCA or Heat file given to `check`):
 * its first significant line is a `key:` at column 0 or `---`, and no line starts a cluster.
 */
function reportYamlDocument(text: string, file: string, diag: DiagnosticCollector): boolean {
  const first = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*([A-Za-z_][\w.-]*[ \t]*:(?=\s|$)|---)/.exec(text);
  if (!first || /^[ \t]*cluster\b/m.test(text)) return false;
  for (const [re, what, help] of YAML_KINDS) {
    const m = re.exec(text);
    if (m) {
      const key = m[0].replace(/[ \t]*:$/, '');
      diag.report('CS1024', { file, start: m.index, end: m.index + key.length }, { file, what }, { help: help(file) });
      return true;
    }
  }
  const start = first.index + first[0].length - first[1]!.length;
  const key = first[1]!.replace(/[ \t]*:$/, '');
  diag.report('CS1024', { file, start, end: start + key.length }, { file, what: 'a YAML document' }, {
    help: 'a cluster spec is written `cluster "name" { ... }` (see grammar/README.md); TOSCA files are checked with `clusterc lint`',
  });
  return true;
}

/** The indentation (leading blanks) of the line that holds `offset`. */
function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/**
 * When the file has fewer `}` than `{`, closes each block left open where the indentation says
 * it ends: before the first line (outside lists) indented no deeper than the line of its `{`. Each
 * inserted `}` is a recovery token (absent from the AST) reported as CS1023 at the `{`, with the
 * fix that adds it; so the statements after it are checked where they belong, without cascades.
 */
function closeByIndentation(tokens: IToken[], text: string, file: string, diag: DiagnosticCollector): IToken[] {
  let depth = 0;
  let excess = 0;
  for (const t of tokens) {
    if (t.tokenType === LBrace) depth++;
    else if (t.tokenType === RBrace && depth > 0) depth--;
    else if (t.tokenType === RBrace) excess++;
  }
  if (excess > 0) return dropStrayBraces(tokens, excess, text, file, diag);
  if (depth === 0) return tokens;
  let missing = depth;
  const out: IToken[] = [];
  const open: { t: IToken; indent: string }[] = [];
  let brackets = 0;
  let prev: IToken | undefined;
  for (const t of tokens) {
    const firstOnLine = prev === undefined || (t.startLine ?? 0) > (prev.endLine ?? 0);
    if (firstOnLine && brackets === 0 && prev) {
      const indent = indentOf(text, t.startOffset).length;
      const closes = t.tokenType === RBrace;
      for (let top = open[open.length - 1]; missing > 0 && top; top = open[open.length - 1]) {
        const deeper = closes ? top.indent.length > indent : top.indent.length >= indent;
        if (!deeper) break;
        open.pop();
        missing--;
        out.push(recoveryBrace(prev));
        const lineEnd = lineEndAt(text, prev.endOffset! + 1);
        diag.report('CS1023', spanOfToken(file, top.t), {}, {
          label: 'this block is never closed',
          secondary: [{ span: spanOfToken(file, t), message: 'the indentation says the block ends before this line' }],
          help: `add \`}\` on its own line before line ${t.startLine}`,
          fix: [{ span: { file, start: lineEnd, end: lineEnd }, text: `\n${top.indent}}` }],
        });
      }
    }
    if (t.tokenType === LBrace) open.push({ t, indent: indentOf(text, t.startOffset) });
    else if (t.tokenType === RBrace) open.pop();
    else if (t.tokenType === LBracket || t.tokenType === LParen) brackets++;
    else if ((t.tokenType === RBracket || t.tokenType === RParen) && brackets > 0) brackets--;
    out.push(t);
    prev = t;
  }
  return out;
}

/**
 * When the file has more `}` than `{`, drops each `}` that starts a line indented deeper than the
 * line of the `{` it would close (a second `}` after a block), reporting CS1027 with the fix that
 * removes it: the blocks after it stay inside their cluster instead of cascading into CS1007.
 */
function dropStrayBraces(tokens: IToken[], excess: number, text: string, file: string, diag: DiagnosticCollector): IToken[] {
  const out: IToken[] = [];
  const open: number[] = [];
  let prev: IToken | undefined;
  for (const t of tokens) {
    const firstOnLine = prev === undefined || (t.startLine ?? 0) > (prev.endLine ?? 0);
    prev = t;
    if (t.tokenType === LBrace) open.push(indentOf(text, t.startOffset).length);
    else if (t.tokenType === RBrace) {
      const top = open[open.length - 1];
      if (excess > 0 && firstOnLine && top !== undefined && indentOf(text, t.startOffset).length > top) {
        excess--;
        const span = spanOfToken(file, t);
        diag.report('CS1027', span, {}, {
          label: 'the indentation says this closes nothing',
          help: 'remove this `}`',
          fix: [{ span, text: '' }],
        });
        continue;
      }
      open.pop();
    }
    out.push(t);
  }
  return out;
}

/** The offset of the end of the line that holds `offset` (before `\r\n` or `\n`). */
function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** A `}` the parser sees but the AST does not (marked as inserted by recovery). */
function recoveryBrace(after: IToken): IToken {
  const t = createTokenInstance(RBrace, '}', NaN, NaN, after.endLine ?? NaN, NaN, NaN, NaN);
  t.isInsertedInRecovery = true;
  return t;
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

function reportRecognition(e: IRecognitionException, span: Span, diag: DiagnosticCollector, unclosed: Span[], text: string): void {
  const p = payloadOf(e);
  // `name = {` is parsed only to report CS1022: a value is what `=` expects.
  const expected = orList(p.expected.includes('a string') ? p.expected.filter((x) => x !== '`{`') : p.expected);
  const secondary: Label[] = [];
  let fix: Edit[] | undefined;
  if (e.token.tokenType === EOF && unclosed.length > 0 && (p.expected.includes('`}`') || p.expected.includes('`]`'))) {
    secondary.push({ span: unclosed[unclosed.length - 1]!, message: 'unclosed delimiter' });
    // Close every open `{` / `[` at the end of the file, innermost first, each on its own line.
    const closers = [...unclosed].reverse().map((o) => indentOf(text, o.start) + (text[o.start] === '[' ? ']' : '}'));
    const nl = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    fix = [{ span, text: nl + closers.join('\n') + '\n' }];
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
    diag.report('CS1006', span, { expected, found: p.found }, { help: 'this `}` closes nothing: remove it', fix: [{ span, text: '' }] });
    return;
  }
  if (e.name === 'MismatchedTokenException') {
    diag.report('CS1005', span, { expected, found: p.found }, {
      secondary,
      ...(fix ? { fix, help: unclosed.length === 1 ? `add \`${fix[0]!.text.trim()}\` at the end of the file` : `add the ${unclosed.length} missing closing delimiters at the end of the file` } : {}),
      ...(p.expected.includes('`=`') ? { help: 'an attribute is written `name = value`' } : {}),
    });
  } else {
    diag.report('CS1006', span, { expected, found: p.found }, { secondary });
  }
}

export { tokenLabel };
