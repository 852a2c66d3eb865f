// CS1xxx: lexical and syntax errors of the cluster-spec language (src/spec).
import { defineCodes } from './define.js';

export const SPEC_CODES = defineCodes({
  CS1001: {
    name: 'unterminated-string',
    severity: 'error',
    message: (_a: object) => 'unterminated string',
    explain: `A string starts with a double quote and must end with one on the same line. Strings cannot
span lines; write a line break as \\n inside the string.

    description = "HA cluster       # error: no closing quote
    description = "HA cluster"      # ok`,
  },
  CS1002: {
    name: 'unexpected-character',
    severity: 'error',
    message: (a: { text: string }) => `unexpected character${a.text.length > 1 ? 's' : ''} \`${a.text}\``,
    explain: `The text contains a character that starts no token of the language. Names are ASCII letters,
digits and underscores; strings are in double quotes; comments start with # or //.

    memory = 4 GB;     # error: statements need no separator, remove the ;`,
  },
  CS1003: {
    name: 'invalid-number',
    severity: 'error',
    message: (a: { text: string; what: string }) => `invalid ${a.what} \`${a.text}\``,
    explain: `A number, IPv4 address or CIDR is malformed: digits glued to letters that are not a unit
(\`4x\`, \`1e5\`), three dotted parts (\`1.2.3\`), an octet above 255 or with a leading zero
(\`10.0.0.256\`, \`010.0.0.1\`), or a CIDR prefix above 32 (\`10.0.0.0/33\`).
Units are B KB MB GB TB KiB MiB GiB TiB (sizes) and s min h d (durations), e.g. \`4 GB\`, \`10 min\`.`,
  },
  CS1004: {
    name: 'invalid-escape',
    severity: 'error',
    message: (a: { text: string }) => `unknown escape \`${a.text}\` in string`,
    explain: `Inside a string, a backslash starts an escape. The escapes are \\" (a quote), \\\\ (a backslash),
\\n (a line break) and \\t (a tab). Any other character after a backslash is an error; write
\\\\ for a literal backslash.`,
  },
  CS1005: {
    name: 'expected-token',
    severity: 'error',
    message: (a: { expected: string; found: string }) => `expected ${a.expected}, found ${a.found}`,
    explain: `The parser needed a particular token here and found another. Common causes: a missing \`=\`
between an attribute name and its value, a missing closing \`}\` or \`]\`, or a cluster without
its name string (\`cluster "name" { ... }\`).`,
  },
  CS1006: {
    name: 'unexpected-token',
    severity: 'error',
    message: (a: { expected: string; found: string }) => `expected ${a.expected}, found ${a.found}`,
    explain: `The parser found a token that cannot start or continue the construct it is reading, for
example an attribute with no value (\`cpus =\`), \`= =\`, or a value where a statement must start.
A value is a string, number (optionally with a unit), true, false, an IPv4 address, a CIDR, a list
\`[a, b]\`, \`input\`, \`input(default)\`, \`secret\`, or a bare name.`,
  },
  CS1007: {
    name: 'statement-outside-cluster',
    severity: 'error',
    message: (a: { name: string }) => `\`${a.name}\` must be inside a \`cluster\` block`,
    explain: `Every attribute and block belongs to a cluster. A file holds one or more clusters:

    cluster "mesos-prod" {
      masters 3 { }
    }`,
  },
  CS1008: {
    name: 'invalid-name',
    severity: 'error',
    message: (a: { name: string }) => `invalid name \`${a.name}\``,
    explain: `Names of blocks and attributes are ASCII letters, digits and underscores, starting with a
letter or an underscore (\`load_balancers\`, \`key_name\`). Text in other scripts belongs in
strings: \`description = "ménage à trois"\`.`,
  },
  CS1009: {
    name: 'single-quoted-string',
    severity: 'error',
    message: (_a: object) => 'strings are written in double quotes',
    explain: `Strings use double quotes only: \`flavor = "m1.large"\`, not \`flavor = 'm1.large'\`. A double
quote inside a string is written \\".`,
  },
  CS1010: {
    name: 'nesting-too-deep',
    severity: 'error',
    message: (a: { max: number }) => `blocks, lists or inputs nested deeper than ${a.max} levels`,
    explain: `The spec language needs a few levels of nesting (a cluster, a block, maybe a list). Text
nested deeper than the limit is not parsed, so that pathological input cannot exhaust the parser:
the inner part is skipped and reported once, at the first opening bracket that is too deep.`,
  },
  CS1011: {
    name: 'lone-surrogate',
    severity: 'error',
    message: (_a: object) => 'string holds a lone UTF-16 surrogate',
    explain: `A string passed to the compiler in-process holds half of a UTF-16 surrogate pair. It has no
UTF-8 encoding, so no output file could hold it (it would silently become U+FFFD). A spec read from a
file never contains one: files are decoded as UTF-8.`,
  },
});
