// Test support for the model tests: spec text → AST. Uses the real parser (src/spec) once it
// parses; until it lands (the placeholder returns no clusters) a small stand-in parser of the
// design-brief grammar builds the same AST shapes with the same span conventions. The stand-in
// has no error recovery and is for well-formed test inputs only.
import { DiagnosticCollector } from '../../../src/diagnostics/collector.js';
import type { Span } from '../../../src/diagnostics/span.js';
import type * as A from '../../../src/spec/ast.js';
import { parseSpec } from '../../../src/spec/index.js';

/** Parses `text` with the real parser, or the stand-in while the real one is a placeholder. */
export function parseForTest(text: string, file: string, diag: DiagnosticCollector = new DiagnosticCollector()): A.SpecFile {
  const real = parseSpec(text, file, diag);
  if (real.clusters.length > 0 || !/\bcluster\b/.test(text.replace(/#.*$/gm, ''))) return real;
  return standIn(text, file);
}

/** True when the real parser is still the placeholder. */
export function realParserMissing(): boolean {
  return parseSpec('cluster "a" {}', 't', new DiagnosticCollector()).clusters.length === 0;
}

interface Tok { kind: 'str' | 'num' | 'ip' | 'cidr' | 'id' | 'p'; text: string; value: string; start: number; end: number }

const SIZE = new Set(['B', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB']);
const DURATION = new Set(['s', 'min', 'h', 'd']);

function lex(text: string): Tok[] {
  const re = /(\s+|#[^\n]*|\/\/[^\n]*)|("(?:[^"\\\n]|\\.)*")|(\d+\.\d+\.\d+\.\d+\/\d+)|(\d+\.\d+\.\d+\.\d+)|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\.\.|[{}[\]()=,])/y;
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw new Error(`stand-in lexer: unexpected ${JSON.stringify(text[i])} at ${i}`);
    const start = i;
    i = re.lastIndex;
    const t = m[0];
    if (m[1] !== undefined) continue;
    if (m[2] !== undefined) out.push({ kind: 'str', text: t, value: JSON.parse(t) as string, start, end: i });
    else if (m[3] !== undefined) out.push({ kind: 'cidr', text: t, value: t, start, end: i });
    else if (m[4] !== undefined) out.push({ kind: 'ip', text: t, value: t, start, end: i });
    else if (m[5] !== undefined) out.push({ kind: 'num', text: t, value: t, start, end: i });
    else if (m[6] !== undefined) out.push({ kind: 'id', text: t, value: t, start, end: i });
    else out.push({ kind: 'p', text: t, value: t, start, end: i });
  }
  return out;
}

function standIn(text: string, file: string): A.SpecFile {
  const toks = lex(text);
  let p = 0;
  const sp = (start: number, end: number): Span => ({ file, start, end });
  const peek = (o = 0): Tok | undefined => toks[p + o];
  const next = (): Tok => {
    const t = toks[p++];
    if (!t) throw new Error('stand-in parser: unexpected end');
    return t;
  };
  const expectP = (s: string): Tok => {
    const t = next();
    if (t.text !== s) throw new Error(`stand-in parser: expected ${s}, found ${t.text}`);
    return t;
  };
  const str = (t: Tok): A.StringLit => ({ kind: 'string', span: sp(t.start, t.end), value: t.value });
  const num = (t: Tok): A.NumberLit => ({ kind: 'number', span: sp(t.start, t.end), value: Number(t.text), raw: t.text, integer: !t.text.includes('.') });
  const inputRef = (): A.InputRef => {
    const kw = next();
    const keywordSpan = sp(kw.start, kw.end);
    if (kw.text === 'secret') return { kind: 'input', span: keywordSpan, keywordSpan, secret: true, default: undefined };
    if (peek()?.text === '(') {
      next();
      const d = value();
      const close = expectP(')');
      return { kind: 'input', span: sp(kw.start, close.end), keywordSpan, secret: false, default: d };
    }
    return { kind: 'input', span: keywordSpan, keywordSpan, secret: false, default: undefined };
  };
  const value = (): A.Value => {
    const t = peek();
    if (!t) throw new Error('stand-in parser: value expected');
    if (t.kind === 'str') return (next(), str(t));
    if (t.kind === 'ip') return (next(), { kind: 'ipv4', span: sp(t.start, t.end), value: t.text });
    if (t.kind === 'cidr') {
      next();
      const [address = '', prefix = '0'] = t.text.split('/');
      return { kind: 'cidr', span: sp(t.start, t.end), address, prefix: Number(prefix), value: t.text };
    }
    if (t.kind === 'num') {
      next();
      const n = num(t);
      const u = peek();
      if (u && u.kind === 'id' && (SIZE.has(u.text) || DURATION.has(u.text))) {
        next();
        return { kind: 'quantity', span: sp(t.start, u.end), number: n, unit: { span: sp(u.start, u.end), text: u.text, dimension: SIZE.has(u.text) ? 'size' : 'duration' } };
      }
      return n;
    }
    if (t.text === '[') {
      next();
      const items: A.Value[] = [];
      while (peek()?.text !== ']') {
        items.push(value());
        if (peek()?.text === ',') next();
      }
      const close = next();
      return { kind: 'list', span: sp(t.start, close.end), items };
    }
    if (t.kind === 'id') {
      if (t.text === 'true' || t.text === 'false') return (next(), { kind: 'bool', span: sp(t.start, t.end), value: t.text === 'true' });
      if (t.text === 'input' || t.text === 'secret') return inputRef();
      next();
      return { kind: 'identValue', span: sp(t.start, t.end), name: t.text };
    }
    throw new Error(`stand-in parser: unexpected ${t.text}`);
  };
  const statements = (): { body: A.Statement[]; end: number } => {
    const body: A.Statement[] = [];
    for (;;) {
      const t = peek();
      if (!t || t.text === '}') return { body, end: next().end };
      body.push(statement());
    }
  };
  const statement = (): A.Statement => {
    const id = next();
    const name: A.Ident = { kind: 'ident', span: sp(id.start, id.end), name: id.text };
    if (peek()?.text === '=') {
      next();
      const v = value();
      return { kind: 'attribute', span: sp(id.start, v.span.end), name, value: v };
    }
    let end = id.end;
    let label: A.StringLit | undefined;
    let count: A.Count | undefined;
    if (peek()?.kind === 'str') {
      const t = next();
      label = str(t);
      end = t.end;
    }
    const c = peek();
    if (c?.kind === 'num') {
      next();
      if (peek()?.text === '..') {
        next();
        const m = next();
        count = { kind: 'range', span: sp(c.start, m.end), min: num(c), max: num(m) };
      } else count = { kind: 'count', span: sp(c.start, c.end), value: num(c) };
      end = count.span.end;
    } else if (c?.kind === 'id' && (c.text === 'input' || c.text === 'secret')) {
      count = inputRef();
      end = count.span.end;
    }
    let body: A.Statement[] | undefined;
    if (peek()?.text === '{') {
      next();
      const r = statements();
      body = r.body;
      end = r.end;
    }
    return { kind: 'block', span: sp(id.start, end), name, label, count, body };
  };
  const clusters: A.ClusterDecl[] = [];
  while (peek()) {
    const kw = next();
    const name = peek()?.kind === 'str' ? str(next()) : undefined;
    expectP('{');
    const r = statements();
    clusters.push({ kind: 'cluster', span: sp(kw.start, r.end), keywordSpan: sp(kw.start, kw.end), name, body: r.body });
  }
  return { kind: 'spec', span: sp(0, text.length), clusters };
}
