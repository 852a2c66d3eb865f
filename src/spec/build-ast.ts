// CST → AST. Pure function over chevrotain's CST: converts tokens to typed literals, resolves
// string escapes, validates numbers and addresses (CS1001, CS1003, CS1004) and rejects
// statements outside a cluster (CS1007). Tokens inserted by error recovery are treated as absent,
// so the AST never contains invented parts.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Span } from '../diagnostics/span.js';
import type * as A from './ast.js';
import { DURATION_UNITS, SIZE_UNITS, isUnit, unitIgnoringCase } from './tokens.js';

function foundOf(raw: string): string {
  return '`' + raw + '`';
}

/** Converts chevrotain's inclusive endOffset: the one place this happens. */
export function spanOfToken(file: string, t: IToken): Span {
  return { file, start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

function real(t: IToken | undefined): t is IToken {
  return t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

class Builder {
  constructor(
    private readonly file: string,
    private readonly diag: DiagnosticCollector,
  ) {}

  private tok(node: CstNode, key: string, i = 0): IToken | undefined {
    const t = node.children[key]?.[i] as IToken | undefined;
    return real(t) ? t : undefined;
  }
  private sub(node: CstNode, key: string, i = 0): CstNode | undefined {
    return node.children[key]?.[i] as CstNode | undefined;
  }
  private subs(node: CstNode, key: string): CstNode[] {
    return (node.children[key] ?? []) as CstNode[];
  }

  /** The span of a CST node from its real tokens (location may include recovered tokens). */
  private spanOf(node: CstNode): Span | undefined {
    let start = Infinity;
    let end = -Infinity;
    const visit = (el: CstElement): void => {
      if ('image' in el) {
        if (real(el)) {
          start = Math.min(start, el.startOffset);
          end = Math.max(end, (el.endOffset ?? el.startOffset) + 1);
        }
      } else for (const k of Object.keys(el.children)) for (const c of el.children[k] ?? []) visit(c);
    };
    visit(node);
    return Number.isFinite(start) ? { file: this.file, start, end } : undefined;
  }

  spec(node: CstNode, textLength: number): A.SpecFile {
    const clusters: A.ClusterDecl[] = [];
    // Clusters and stray statements, in source order.
    for (const c of this.subs(node, 'cluster')) {
      const cl = this.cluster(c);
      if (cl) clusters.push(cl);
    }
    for (const s of this.subs(node, 'statement')) {
      const st = this.statement(s);
      if (st) {
        this.diag.report('CS1007', st.name.span, { name: st.name.name }, {
          help: 'put it inside `cluster "name" { ... }`',
        });
      }
    }
    clusters.sort((a, b) => a.span.start - b.span.start);
    return { kind: 'spec', span: { file: this.file, start: 0, end: textLength }, clusters };
  }

  cluster(node: CstNode): A.ClusterDecl | undefined {
    const kw = this.tok(node, 'Cluster');
    const span = this.spanOf(node);
    if (!kw || !span) return undefined;
    const nameTok = this.tok(node, 'StringLiteral');
    const bare = this.tok(node, 'Identifier');
    if (!bare && !nameTok) {
      const brace = this.tok(node, 'LBrace');
      const at = brace ? spanOfToken(this.file, brace) : { file: this.file, start: kw.endOffset! + 1, end: kw.endOffset! + 1 };
      this.diag.report('CS1005', at, { expected: 'a string', found: brace ? '`{`' : 'nothing' }, {
        label: 'the cluster name is missing',
        help: 'write `cluster "name" { ... }`',
      });
    }
    if (bare) {
      this.diag.report('CS1005', spanOfToken(this.file, bare), { expected: 'a string', found: `\`${bare.image}\`` }, {
        label: 'the cluster name is a string',
        help: `write \`cluster "${bare.image}"\``,
      });
    }
    return {
      kind: 'cluster',
      span,
      keywordSpan: spanOfToken(this.file, kw),
      name: nameTok ? this.string(nameTok) : undefined,
      body: this.statements(node),
    };
  }

  private statements(node: CstNode): A.Statement[] {
    const out: A.Statement[] = [];
    for (const s of this.subs(node, 'statement')) {
      const st = this.statement(s);
      if (!st) continue;
      // `memory 4 GB` parses as block `memory 4` then block `GB`: that is a missing `=`, one error.
      const prev = out[out.length - 1];
      if (
        st.kind === 'block' && isUnit(st.name.name) && !st.label && !st.count && !st.body &&
        prev?.kind === 'block' && prev.count?.kind === 'count' && !prev.label && !prev.body
      ) {
        out.pop();
        this.diag.report('CS1005', { file: this.file, start: prev.name.span.end, end: prev.count.span.start }, { expected: '`=`', found: foundOf(prev.count.value.raw) }, {
          label: 'missing `=`',
          help: `an attribute is written \`${prev.name.name} = ${prev.count.value.raw} ${st.name.name}\``,
        });
        continue;
      }
      out.push(st);
    }
    return out;
  }

  statement(node: CstNode): A.Statement | undefined {
    // A statement whose name is not a valid name is reported once here and dropped, so lowering
    // does not add an "unknown attribute" for the same text.
    const head = this.sub(node, 'attribute') ?? this.sub(node, 'block');
    const id = head ? this.tok(head, 'Identifier') : undefined;
    if (id && id.tokenType.name === 'BadIdentifier') {
      this.diag.report('CS1008', spanOfToken(this.file, id), { name: id.image }, {
        help: 'names are ASCII letters, digits and underscores',
      });
      return undefined;
    }
    const attr = this.sub(node, 'attribute');
    if (attr) return this.attribute(attr);
    const block = this.sub(node, 'block');
    return block ? this.block(block) : undefined;
  }

  private ident(t: IToken): A.Ident {
    return { kind: 'ident', span: spanOfToken(this.file, t), name: t.image };
  }

  attribute(node: CstNode): A.Attribute | undefined {
    const id = this.tok(node, 'Identifier');
    const span = this.spanOf(node);
    if (!id || !span) return undefined;
    const v = this.sub(node, 'value');
    const colon = this.tok(node, 'Colon');
    if (colon) {
      this.diag.report('CS1005', spanOfToken(this.file, colon), { expected: '`=`', found: '`:`' }, {
        help: `an attribute is written \`${id.image} = value\``,
      });
    }
    return { kind: 'attribute', span, name: this.ident(id), value: v ? this.value(v) : undefined };
  }

  block(node: CstNode): A.Block | undefined {
    const id = this.tok(node, 'Identifier');
    const span = this.spanOf(node);
    if (!id || !span) return undefined;
    const label = this.tok(node, 'StringLiteral');
    const count = this.sub(node, 'count');
    const hasBody = node.children['LBrace'] !== undefined && this.tok(node, 'LBrace') !== undefined;
    return {
      kind: 'block',
      span,
      name: this.ident(id),
      label: label ? this.string(label) : undefined,
      count: count ? this.count(count) : undefined,
      body: hasBody ? this.statements(node) : undefined,
    };
  }

  count(node: CstNode): A.Count | undefined {
    const span = this.spanOf(node);
    if (!span) return undefined;
    const ref = this.sub(node, 'inputRef');
    if (ref) return this.inputRef(ref);
    const first = this.tok(node, 'NumberLiteral', 0);
    const min = first ? this.number(first) : undefined;
    if (!min) return undefined;
    if (node.children['DotDot']) {
      const second = this.tok(node, 'NumberLiteral', 1);
      return { kind: 'range', span, min, max: second ? this.number(second) : undefined };
    }
    return { kind: 'count', span, value: min };
  }

  value(node: CstNode): A.Value | undefined {
    const span = this.spanOf(node);
    if (!span) return undefined;
    const c = node.children;
    const t = (k: string) => this.tok(node, k);
    let tk: IToken | undefined;
    if ((tk = t('StringLiteral'))) return this.string(tk);
    if ((tk = t('NumberLiteral'))) {
      const n = this.number(tk);
      if (!n) return undefined;
      const u = t('unit');
      if (!u) return n;
      const text = unitIgnoringCase(u.image) ?? u.image;
      if (text !== u.image) {
        this.diag.report('CS1003', spanOfToken(this.file, u), { text: u.image, what: 'unit' }, {
          help: `units are case-sensitive: write \`${text}\``,
        });
      }
      const dimension = Object.hasOwn(SIZE_UNITS, text) ? 'size' : Object.hasOwn(DURATION_UNITS, text) ? 'duration' : undefined;
      if (!dimension) return n;
      return { kind: 'quantity', span, number: n, unit: { span: spanOfToken(this.file, u), text, dimension } };
    }
    if ((tk = t('True'))) return { kind: 'bool', span, value: true };
    if ((tk = t('False'))) return { kind: 'bool', span, value: false };
    if ((tk = t('Ipv4'))) return this.ipv4(tk);
    if ((tk = t('Cidr'))) return this.cidr(tk);
    if (c['list']) {
      const items: A.Value[] = [];
      const list = this.sub(node, 'list')!;
      for (const v of this.subs(list, 'value')) {
        const x = this.value(v);
        if (x) items.push(x);
      }
      return { kind: 'list', span, items };
    }
    const ref = this.sub(node, 'inputRef');
    if (ref) return this.inputRef(ref);
    if ((tk = t('Identifier'))) return { kind: 'identValue', span, name: tk.image };
    return undefined;
  }

  inputRef(node: CstNode): A.InputRef | undefined {
    const span = this.spanOf(node);
    const kw = this.tok(node, 'Input') ?? this.tok(node, 'Secret');
    if (!span || !kw) return undefined;
    const secret = kw.tokenType.name === 'Secret';
    const d = this.sub(node, 'value');
    return { kind: 'input', span, keywordSpan: spanOfToken(this.file, kw), secret, default: d ? this.value(d) : undefined };
  }

  /** A string token: resolves escapes; reports unterminated strings and unknown escapes. */
  string(t: IToken): A.StringLit {
    const span = spanOfToken(this.file, t);
    if (t.tokenType.name === 'SingleQuotedString') {
      const inner = t.image.slice(1, t.image.endsWith("'") && t.image.length > 1 ? -1 : undefined);
      this.diag.report('CS1009', span, {}, { help: `write \`"${inner.replace(/"/g, '\\"')}"\`` });
      return { kind: 'string', span, value: inner };
    }
    const terminated = t.tokenType.name === 'CompleteString';
    if (!terminated) {
      this.diag.report('CS1001', span, {}, { label: 'the string starts here and reaches the end of the line', help: 'add the closing `"`' });
    }
    const body = t.image.slice(1, terminated ? -1 : undefined);
    let value = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch !== '\\') {
        value += ch;
        continue;
      }
      const next = body[i + 1];
      if (next === undefined) break;
      i++;
      const esc = ({ '"': '"', '\\': '\\', n: '\n', t: '\t' } as Record<string, string>)[next];
      if (esc !== undefined) value += esc;
      else {
        const at = t.startOffset + 1 + i - 1;
        const len = next.length;
        this.diag.report('CS1004', { file: this.file, start: at, end: at + 1 + len }, { text: `\\${next}` }, {
          help: 'the escapes are \\" \\\\ \\n \\t; write \\\\ for a backslash',
        });
        value += next;
      }
    }
    // A lone surrogate (only from in-process text: a UTF-8 file cannot hold one) has no UTF-8
    // encoding, so no output could carry it: refused instead of turned into U+FFFD.
    if (/[\ud800-\udfff]/u.test(value)) this.diag.report('CS1011', span, {}, { help: 'pass the spec text as well-formed UTF-16 (read files as UTF-8)' });
    return { kind: 'string', span, value };
  }

  number(t: IToken): A.NumberLit | undefined {
    const span = spanOfToken(this.file, t);
    if (t.tokenType.name === 'BadNumber') {
      const glued = /[A-Za-z_]/.test(t.image);
      this.diag.report('CS1003', span, { text: t.image, what: glued ? 'number' : 'number or address' }, {
        help: glued
          ? 'units are B KB MB GB TB KiB MiB GiB TiB and s min h d, e.g. `4 GB`'
          : 'a number has at most one dot and an IPv4 address four parts, e.g. `1.5` or `10.0.0.1`',
      });
      return undefined;
    }
    return { kind: 'number', span, value: Number(t.image), raw: t.image, integer: !t.image.includes('.') };
  }

  private octetsOk(addr: string, t: IToken, span: Span, what: string): boolean {
    const parts = addr.split('.');
    const bad = parts.find((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')));
    if (bad !== undefined) {
      this.diag.report('CS1003', span, { text: t.image, what }, {
        label: Number(bad) > 255 ? `\`${bad}\` is above 255` : `\`${bad}\` has a leading zero`,
        help: 'each part of an IPv4 address is 0-255, written without leading zeros',
      });
      return false;
    }
    return true;
  }

  ipv4(t: IToken): A.Ipv4Lit | undefined {
    const span = spanOfToken(this.file, t);
    if (!this.octetsOk(t.image, t, span, 'IPv4 address')) return undefined;
    return { kind: 'ipv4', span, value: t.image };
  }

  cidr(t: IToken): A.CidrLit | undefined {
    const span = spanOfToken(this.file, t);
    const [address = '', prefixText = ''] = t.image.split('/');
    if (!this.octetsOk(address, t, span, 'CIDR')) return undefined;
    const prefix = Number(prefixText);
    if (prefix > 32 || (prefixText.length > 1 && prefixText.startsWith('0'))) {
      this.diag.report('CS1003', span, { text: t.image, what: 'CIDR' }, { label: 'the prefix length is 0-32', help: 'e.g. `10.0.0.0/24`' });
      return undefined;
    }
    return { kind: 'cidr', span, address, prefix, value: t.image };
  }
}

/** Builds the AST of a whole file from its CST. */
export function buildAst(cst: CstNode, file: string, textLength: number, diag: DiagnosticCollector): A.SpecFile {
  return new Builder(file, diag).spec(cst, textLength);
}
