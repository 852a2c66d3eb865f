// The mistake corpus: test/cases/mistakes/<case>/input.cluster (or input.yaml), one common mistake
// each, run through everything `clusterc check` runs (parse, lower, both emitters). Each input
// opens with a reviewed header:
//   # mistake: what the operator did
//   # error: CODE at LINE:COL          the one error it must produce, where it must point
//   # fix: `OLD` => `NEW`              only when the error has no mechanical fix: the fix its help
//                                      describes, applied as a text replacement (`\n` = newline)
//   # fix: lint | none (why)           a YAML document: `lint` means the help's `clusterc lint` passes
//   # not: `TEXT`                      the help must not say TEXT
// The test asserts exactly that one error (no consequences), applies the diagnostic's own fix
// edits (or the header's manual fix) and checks that the result compiles without errors. The
// rendered diagnostics (notes hidden, as `check --quiet` prints them) are the reviewed golden
// diagnostics.txt.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { compileAll } from '../src/compile.js';
import { sortDiagnostics } from '../src/diagnostics/collector.js';
import type { Diagnostic, Edit } from '../src/diagnostics/diagnostic.js';
import { LineIndex } from '../src/diagnostics/line-index.js';
import { renderHuman, renderSummary } from '../src/diagnostics/render.js';
import { lintFiles } from '../src/lint/index.js';
import { ROOT, expectGolden, readFixture } from './support/golden.js';
import { fsReader } from '../src/cli/lint.js';

const CASES = 'test/cases/mistakes';

/** The mistakes issue 11 lists: each must have its case. */
const REQUIRED = [
  'range-with-dash', 'hcl-block-equals', 'yaml-count-top-level', 'yaml-colon-in-block', 'unquoted-image',
  'unquoted-flavor', 'unit-letter-g', 'unit-letter-m', 'quoted-size', 'unitless-duration', 'misspelt-first-block',
  'unclosed-block', 'gpus-attribute', 'tosca-file', 'hot-file', 'masters-count-attribute',
];

interface Header {
  readonly mistake: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly fix?: { readonly from: string; readonly to: string } | 'lint' | 'none';
  readonly not?: string;
}

function header(text: string, rel: string): Header {
  const get = (key: string) => new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1];
  const mistake = get('mistake');
  const error = /^([A-Z]{2}\d{4}) at (\d+):(\d+)$/.exec(get('error') ?? '');
  if (!mistake || !error) throw new Error(`${rel}: the header needs \`# mistake:\` and \`# error: CODE at LINE:COL\``);
  const fixText = get('fix');
  const manual = fixText ? /^`(.*)` => `(.*)`$/.exec(fixText) : null;
  const unescape = (s: string) => s.replace(/\\n/g, '\n');
  let fix: Header['fix'];
  if (manual) fix = { from: unescape(manual[1]!), to: unescape(manual[2]!) };
  else if (fixText === 'lint') fix = 'lint';
  else if (fixText?.startsWith('none (')) fix = 'none';
  else if (fixText !== undefined) throw new Error(`${rel}: unreadable \`# fix:\` line`);
  const not = get('not')?.replace(/^`|`$/g, '');
  return { mistake, code: error[1]!, line: Number(error[2]), column: Number(error[3]), ...(fix ? { fix } : {}), ...(not ? { not } : {}) };
}

/** Every diagnostic `clusterc check` reports for `text` (default targets and options). */
function check(rel: string, text: string): readonly Diagnostic[] {
  return sortDiagnostics(compileAll([{ file: rel, text }], { targets: ['tosca', 'hot'] }).diagnostics);
}

/** Applies edits (non-overlapping) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const describe1 = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code} ${d.message}`).join('; ');

describe('mistake corpus', function () {
  const names = existsSync(join(ROOT, CASES)) ? readdirSync(join(ROOT, CASES)).sort() : [];

  it('has at least 30 cases, covering every mistake the issue lists', function () {
    expect(names.length).to.be.at.least(30);
    expect(REQUIRED.filter((r) => !names.includes(r))).to.deep.equal([]);
  });

  for (const name of names) {
    const input = readdirSync(join(ROOT, CASES, name)).find((f) => f.startsWith('input.'));
    if (!input) continue;
    const rel = `${CASES}/${name}/${input}`;
    it(`${name}: one error at the right place, with a fix that works`, function () {
      const text = readFixture(rel);
      const h = header(text, rel);
      const ds = check(rel, text);
      expectGolden(`${CASES}/${name}/diagnostics.txt`, renderHuman(ds.filter((d) => d.severity !== 'note'), new Map([[rel, text]])) + '\n' + renderSummary(ds.filter((d) => d.severity !== 'note')) + '\n');
      const errors = errorsOf(ds);
      expect(errors.length, `exactly one error, got: ${describe1(errors)}`).to.equal(1);
      const e = errors[0]!;
      expect(e.code).to.equal(h.code);
      const pos = new LineIndex(text).position(e.primary!.span.start);
      expect(`${pos.line}:${pos.column}`, 'where the error points').to.equal(`${h.line}:${h.column}`);
      expect(e.help, 'the error has a help line').to.be.a('string');
      if (h.not !== undefined) expect(e.help).to.not.include(h.not);
      if (h.fix === 'lint') {
        expect(e.help).to.include(`clusterc lint ${rel}`);
        const linted = lintFiles([join(ROOT, rel)], fsReader, { importMap: [] });
        expect(errorsOf(linted.diagnostics).map((d) => d.code), 'clusterc lint passes on it').to.deep.equal([]);
        return;
      }
      if (h.fix === 'none') return;
      let fixed: string;
      if (h.fix) {
        expect(e.fix, 'a manual fix is declared only for errors without a mechanical one').to.equal(undefined);
        // Replace in the spec itself, after the header lines.
        const body = /^(?:# (?:mistake|error|fix|not): .*\n)*/.exec(text)![0].length;
        const at = text.indexOf(h.fix.from, body);
        expect(at, `the text to replace, ${JSON.stringify(h.fix.from)}`).to.be.at.least(0);
        fixed = text.slice(0, at) + h.fix.to + text.slice(at + h.fix.from.length);
      } else {
        expect(e.fix, 'the error has a mechanical fix, or the header declares the fix its help describes').to.not.equal(undefined);
        fixed = applyEdits(text, e.fix!);
      }
      const after = errorsOf(check(rel, fixed));
      expect(after.map((d) => d.code), `after the fix:\n${fixed}`).to.deep.equal([]);
    });
  }
});
