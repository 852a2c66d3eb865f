// The syntactic grammar (chevrotain CstParser, LL(k) with error recovery). This file is the
// single source of truth of the grammar: grammar/cluster-spec.ebnf and grammar/diagrams.html
// are generated from it. Rule names are the nonterminals of grammar/README.md.
//
//   spec      = { cluster | statement } ;          (top-level statements are parsed, then rejected: CS1007)
//   cluster   = "cluster" [ IDENT ] [ STRING ] "{" { statement } "}" ;   (exactly one STRING is valid)
//   statement = attribute | block ;
//   attribute = IDENT ( "=" | ":" ) value ;                            (":" is rejected: CS1005)
//   block     = IDENT [ STRING ] [ count ] [ "{" { statement } "}" ] ;
//   count     = NUMBER [ ".." NUMBER ] | inputRef ;
//   value     = STRING | NUMBER [ UNIT ] | "true" | "false" | IPV4 | CIDR | list | inputRef | IDENT ;
//   inputRef  = "input" [ "(" value ")" ] | "secret" ;
//   list      = "[" [ value { "," value } [ "," ] ] "]" ;
import type { CstNode, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { CstParser, EOF } from './chevrotain.js';
import * as T from './tokens.js';

/** Names a found token for messages. */
function found(t: IToken): string {
  if (t.tokenType === EOF) return 'end of file';
  const img = t.image.length > 24 ? t.image.slice(0, 24) + '…' : t.image;
  return '`' + img.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`).replace(/`/g, "'") + '`';
}

/** First tokens of each expected path, as labels. */
function firsts(paths: TokenType[][][] | TokenType[][]): string[] {
  const out: string[] = [];
  for (const p of paths as unknown[]) {
    const seqs = (Array.isArray((p as unknown[])[0]) ? p : [p]) as TokenType[][];
    for (const seq of seqs) if (seq[0]) out.push(tokenLabel(seq[0]));
  }
  return out;
}

/**
 * Error messages as structured JSON (expected labels and the found token): parseSpec decodes
 * them and reports catalogue diagnostics, so wording lives in the catalogue only.
 */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => JSON.stringify({ expected: [tokenLabel(expected)], found: found(actual) }),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => JSON.stringify({ expected: ['end of file'], found: found(firstRedundant) }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual }) =>
    JSON.stringify({ expected: firsts(expectedPathsPerAlt), found: found(actual[0]!) }),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual }) =>
    JSON.stringify({ expected: firsts(expectedIterationPaths), found: found(actual[0]!) }),
};

/** In-repetition recoveries nested in one another before the parser stops recovering (see boundRepetitionRecovery). */
export const MAX_NESTED_RECOVERIES = 100;

/** Parser for the cluster-spec language; use `specParser()` for the shared instance. */
export class SpecParser extends CstParser {
  /**
   * @param validate run chevrotain's grammar validations (ambiguities, left recursion) during
   *   self-analysis: a test does, the shared instance skips them to start faster. @default false
   */
  constructor(validate = false) {
    super(T.ALL_TOKENS, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      maxLookahead: 3,
      errorMessageProvider: messages,
      skipValidations: !validate,
    });
    this.boundRepetitionRecovery();
    this.performSelfAnalysis();
  }

  /**
   * Chevrotain recovers inside a repetition (MANY) by re-entering the repetition from the recovery
   * (attemptInRepetitionRecovery → tryInRepetitionRecovery → manyInternal), one stack level per
   * recovery in the same repetition: 1,400 stray `mesos }` overflowed the stack. Recoveries nested
   * deeper than MAX_NESTED_RECOVERIES are not attempted: the repetition ends there and the rest of
   * the input is reported once (CS1006) instead of per token.
   */
  private boundRepetitionRecovery(): void {
    type Recovery = (this: SpecParser, ...args: unknown[]) => void;
    const self = this as unknown as { attemptInRepetitionRecovery: Recovery };
    const base = self.attemptInRepetitionRecovery;
    let depth = 0;
    self.attemptInRepetitionRecovery = function (this: SpecParser, ...args: unknown[]): void {
      if (depth >= MAX_NESTED_RECOVERIES) return;
      depth++;
      try {
        base.apply(this, args);
      } finally {
        depth--;
      }
    };
  }

  public spec = this.RULE('spec', () => {
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.cluster) }, { ALT: () => this.SUBRULE(this.statement) }]);
    });
  });

  public cluster = this.RULE('cluster', () => {
    this.CONSUME(T.Cluster);
    // A bare name (`cluster prod {`) or no name at all is accepted here and rejected by
    // build-ast with one precise error, so the body is still parsed and checked.
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.OPTION2(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(T.RBrace);
  });

  public statement = this.RULE('statement', () => {
    this.OR([
      { GATE: () => this.LA(2).tokenType === T.Equals || this.LA(2).tokenType === T.Colon, ALT: () => this.SUBRULE(this.attribute) },
      { ALT: () => this.SUBRULE(this.block) },
    ]);
  });

  public attribute = this.RULE('attribute', () => {
    this.CONSUME(T.Identifier);
    // `:` instead of `=` (YAML habit) is accepted and rejected by build-ast with one error.
    this.OR([{ ALT: () => this.CONSUME(T.Equals) }, { ALT: () => this.CONSUME(T.Colon) }]);
    this.SUBRULE(this.value);
  });

  public block = this.RULE('block', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OPTION2(() => this.SUBRULE(this.count));
    this.OPTION3(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.statement));
      this.CONSUME(T.RBrace);
    });
  });

  public count = this.RULE('count', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral);
          this.OPTION(() => {
            this.CONSUME(T.DotDot);
            this.CONSUME2(T.NumberLiteral);
          });
        },
      },
      { ALT: () => this.SUBRULE(this.inputRef) },
    ]);
  });

  public value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          const n = this.CONSUME(T.NumberLiteral);
          // A unit is a unit word on the number's line that does not start an attribute: in
          // `x = 10  min = 1` and in `x = 2` + newline + `d { }`, `min` and `d` are names.
          this.OPTION({
            GATE: () =>
              this.LA(1).tokenType === T.Identifier &&
              this.LA(1).startLine === n.endLine &&
              T.unitIgnoringCase(this.LA(1).image) !== undefined &&
              this.LA(2).tokenType !== T.Equals &&
              this.LA(2).tokenType !== T.Colon,
            DEF: () => this.CONSUME(T.Identifier, { LABEL: 'unit' }),
          });
        },
      },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Ipv4) },
      { ALT: () => this.CONSUME(T.Cidr) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.inputRef) },
      { ALT: () => this.CONSUME2(T.Identifier) },
    ]);
  });

  public inputRef = this.RULE('inputRef', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Input);
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            this.SUBRULE(this.value);
            this.CONSUME(T.RParen);
          });
        },
      },
      { ALT: () => this.CONSUME(T.Secret) },
    ]);
  });

  public list = this.RULE('list', () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.value);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });
}

let parser: SpecParser | undefined;
/** The shared parser instance, built on first use (grammar analysis is not free). */
export function specParser(): SpecParser {
  parser ??= new SpecParser();
  return parser;
}

/** Parses tokens into a CST; returns the CST and the recognition errors. */
export function parseTokens(tokens: ReturnType<ReturnType<typeof T.specLexer>['tokenize']>['tokens']): {
  cst: CstNode;
  errors: IRecognitionException[];
} {
  const p = specParser();
  p.input = tokens;
  const cst = p.spec();
  return { cst, errors: p.errors };
}

/** A readable name for a token type in messages (`\`}\``, `a string`, `end of file`). */
export function tokenLabel(t: TokenType): string {
  if (t === EOF) return 'end of file';
  return t.LABEL ?? t.name;
}
