// Grammar documents generated from the parser (the single source of truth): an EBNF text
// printed from chevrotain's serialized grammar, and the railroad-diagram HTML. Pure: the CLI
// (src/cli/grammar.ts) supplies the diagram scripts so the HTML works offline.
import type { ISerializedGast } from 'chevrotain';
import { createSyntaxDiagramsCode } from './chevrotain.js';
import { specParser } from './parser.js';

/** EBNF spellings of terminals: keywords and punctuation quoted, other tokens by class. */
const TERMINALS: Readonly<Record<string, string>> = {
  Cluster: '"cluster"',
  Input: '"input"',
  Secret: '"secret"',
  True: '"true"',
  False: '"false"',
  LBrace: '"{"',
  RBrace: '"}"',
  LBracket: '"["',
  RBracket: '"]"',
  LParen: '"("',
  RParen: '")"',
  Equals: '"="',
  Comma: '","',
  DotDot: '".."',
  Colon: '":"',
  StringLiteral: 'STRING',
  NumberLiteral: 'NUMBER',
  Ipv4: 'IPV4',
  Cidr: 'CIDR',
  Identifier: 'IDENT',
  DashRange: 'DASHRANGE',
};

type Gast = ISerializedGast & { name?: string; terminalLabel?: string; definition?: Gast[] };

function seq(defs: Gast[] | undefined): string {
  return (defs ?? []).map(item).filter((s) => s !== '').join(' ');
}

function item(g: Gast): string {
  switch (g.type) {
    case 'Terminal':
      return g.terminalLabel === 'unit' ? 'UNIT' : (TERMINALS[g.name ?? ''] ?? g.name ?? '?');
    case 'NonTerminal':
      return g.name ?? '?';
    case 'Alternative':
      return seq(g.definition);
    case 'Alternation': {
      const alts = (g.definition ?? []).map(item);
      return alts.length === 1 ? alts[0]! : `( ${alts.join(' | ')} )`;
    }
    case 'Option':
      return `[ ${seq(g.definition)} ]`;
    case 'Repetition':
      return `{ ${seq(g.definition)} }`;
    case 'RepetitionMandatory':
      return `${seq(g.definition)} { ${seq(g.definition)} }`;
    default:
      return seq(g.definition);
  }
}

/** The lexical classes, documented at the end of the EBNF. */
const LEXICAL = `(* lexical classes — see grammar/README.md for the full rules *)
STRING = '"' { any character except '"', '\\', line break | '\\' ( '"' | '\\' | 'n' | 't' ) } '"' ;
NUMBER = digit { digit } [ "." digit { digit } ] ;
UNIT   = "B" | "KB" | "MB" | "GB" | "TB" | "KiB" | "MiB" | "GiB" | "TiB" | "s" | "min" | "h" | "d" ;
         (* a UNIT follows its NUMBER on the same line; a unit word followed by "=" starts an attribute *)
IPV4   = octet "." octet "." octet "." octet ;    (* octet: 0-255, no leading zero *)
CIDR   = IPV4 "/" prefix ;                        (* prefix: 0-32 *)
IDENT  = ( letter | "_" ) { letter | digit | "_" } ;  (* except the keywords cluster input secret true false *)
         (* a name with "-" or "." inside (ubuntu-22.04) is read as one IDENT and rejected: it needs quotes (CS1020) *)
DASHRANGE = digit { digit } "-" digit { digit } ;  (* read where a count belongs and rejected: write N..M (CS1021) *)
comment = ( "#" | "//" ) { any character except line break } ;   (* skipped, like white space *)
`;

/** The grammar as EBNF (ISO 14977 style), rule per line, in parser order. */
export function grammarEbnf(): string {
  const rules = specParser().getSerializedGastProductions() as Gast[];
  const width = Math.max(...rules.map((r) => (r.name ?? '').length));
  const body = rules.map((r) => `${(r.name ?? '').padEnd(width)} = ${seq(r.definition)} ;`).join('\n');
  return `(* cluster-spec grammar: generated from src/spec/parser.ts by \`clusterc grammar --ebnf\`; do not edit *)\n${body}\n\n${LEXICAL}`;
}

/** Scripts and stylesheet to inline into the diagrams page (read by the CLI from chevrotain's package). */
export interface DiagramAssets {
  readonly css: string;
  /** Keyed by the path under chevrotain/diagrams/ that the page references. */
  readonly scripts: Readonly<Record<string, string>>;
}

/** The railroad-diagram page with every script and style inlined: it works offline. */
export function grammarHtml(assets: DiagramAssets): string {
  const rules = specParser().getSerializedGastProductions();
  const base = 'CLUSTERC_ASSET/';
  let html = createSyntaxDiagramsCode(rules, { resourceBase: base, css: `${base}diagrams.css` });
  html = html.replace(`<link rel='stylesheet' href='${base}diagrams.css'>`, () => `<style>\n${assets.css}\n</style>`);
  html = html.replace(/<script src='CLUSTERC_ASSET\/([^']+)'><\/script>/g, (_m, path: string) => {
    const js = assets.scripts[path];
    if (js === undefined) throw new Error(`missing diagram asset ${path}`);
    return `<script>\n${js.replace(/<\/script/gi, '<\\/script')}\n</script>`;
  });
  if (html.includes(base) || /src=['"]https?:/.test(html)) throw new Error('diagram page still references external resources');
  html = html.replace('<!-- This is a generated file -->', '<!-- generated from src/spec/parser.ts by `clusterc grammar --html`; do not edit -->');
  return html.replace(/[ \t]+$/gm, '').replace(/^\n+/, '') + (html.endsWith('\n') ? '' : '\n');
}

/** The asset paths the page needs, relative to chevrotain's diagrams/ folder. */
export const DIAGRAM_SCRIPTS = ['vendor/railroad-diagrams.js', 'src/diagrams_builder.js', 'src/diagrams_behavior.js', 'src/main.js'] as const;
