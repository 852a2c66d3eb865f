// Golden cases of the linter: each test/cases/lint/<case>/ holds input.yaml (plus any files it imports or
// references, and optionally lint.json: `{ "inputs": [ { "path", "fromDirectory"? } ], "archives": { "x.csar": "dir" } }`
// to lint other inputs, with each `dir` of the case zipped into the archive `x.csar` by the test), linted through
// an in-memory reader; the rendered human output (no colour, paths relative to the case) must
// equal diagnostics.txt and the JSON output diagnostics.json. An absent golden means no findings. Also checks
// that every LT code is produced by at least one case.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { allCodes } from '../../src/diagnostics/codes.js';
import { sortDiagnostics } from '../../src/diagnostics/collector.js';
import { renderHuman, renderJson, renderSummary } from '../../src/diagnostics/render.js';
import { withArchives } from '../../src/lint/csar.js';
import { lintFiles, memoryReader, type LintInput } from '../../src/lint/index.js';
import { expectGolden, readFixture, ROOT } from '../support/golden.js';
import { zip } from '../support/zip.js';

const CASES = 'test/cases/lint';

/** Every file of a case folder, keyed by its path relative to the case (CRLF → LF). */
function caseFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d))) {
      const p = join(d, name);
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else if (!/^diagnostics\.|^lint\.json$/.test(name)) out[relative(dir, p)] = readFixture(p);
    }
  };
  walk(dir);
  return out;
}

const produced = new Set<string>();

describe('lint golden cases', () => {
  for (const name of readdirSync(join(ROOT, CASES)).sort()) {
    const dir = join(CASES, name);
    it(`lints ${name}`, () => {
      const spec = existsSync(join(ROOT, dir, 'lint.json')) ? (JSON.parse(readFixture(join(dir, 'lint.json'))) as { inputs: LintInput[]; archives?: Record<string, string> }) : undefined;
      const files = caseFiles(dir);
      const archives = new Map<string, Buffer>();
      for (const [name, sub] of Object.entries(spec?.archives ?? {})) {
        const members = Object.entries(files).filter(([f]) => f.startsWith(sub + '/')).map(([f, data]) => ({ name: f.slice(sub.length + 1), data }));
        archives.set(name, zip(members.sort((a, b) => a.name.localeCompare(b.name))));
      }
      const reader = withArchives(memoryReader(files), (p) => {
        const b = archives.get(p) ?? (files[p] !== undefined ? Buffer.from(files[p] as string) : undefined);
        return b ? { size: b.length, read: (o: number, n: number) => b.subarray(o, o + n) } : { error: 'no such file or directory' };
      });
      const { diagnostics, sources } = lintFiles(spec?.inputs ?? ['input.yaml'], reader);
      const ds = sortDiagnostics(diagnostics);
      for (const d of ds) produced.add(d.code);
      const text = ds.length === 0 ? '' : `${renderHuman(ds, sources)}\n${renderSummary(ds)}\n`;
      expectGolden(join(dir, 'diagnostics.txt'), text);
      expectGolden(join(dir, 'diagnostics.json'), ds.length === 0 ? '' : renderJson(ds, sources));
    });
  }

  it('never throws on any prefix of any case input (robustness)', () => {
    for (const name of readdirSync(join(ROOT, CASES))) {
      const files = caseFiles(join(CASES, name));
      const input = files['input.yaml'] ?? '';
      for (let i = 0; i <= input.length; i += 5) {
        const r = lintFiles(['input.yaml'], memoryReader({ ...files, 'input.yaml': input.slice(0, i) }));
        expect(r.diagnostics.filter((d) => d.code === 'CS0001'), `${name} prefix ${i}`).to.deep.equal([]);
      }
    }
  });

  it('produces every LT code in at least one case', function () {
    if (process.argv.some((a) => a === '--grep' || a === '-g')) this.skip();
    const lt = allCodes().filter((c) => c.code.startsWith('LT') && !c.retired).map((c) => c.code);
    expect(lt.filter((c) => !produced.has(c))).to.deep.equal([]);
  });
});
