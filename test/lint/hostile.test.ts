// `clusterc lint` on hostile input (issue 7 part 2), in-process (lintFiles + memoryReader) and through the
// built CLI (node dist/src/cli.js lint): alias bombs, 50k-level nesting, a 100k-line file, prototype-
// pollution keys, cyclic derived_from across imports, import loops, imports outside the working tree and
// of devices. Bounds are on work, not wall time (a loaded machine must not fail them; speed is measured
// by `npm run bench`): at most one diagnostic per input line plus a few, output linear in the input, < 1 GB
// peak RSS per CLI run (maxRSS via a preload written to a temp dir), exit code 0 or 1, no stack trace,
// codes on every finding, and Object.prototype untouched. Runtime: about 10 s.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { lintFiles, memoryReader } from '../../src/lint/index.js';
import { ROOT } from '../support/golden.js';

const CLI = join(ROOT, 'dist/src/cli.js');
const HEAD = 'tosca_definitions_version: tosca_simple_yaml_1_0\n';
/** Only a guard against a hang (mocha's own timeout is 120 s), not a budget. */
const HANG_MS = 100_000;
const RSS_KB = 1024 * 1024;
/** Work bounds: diagnostics per input line (plus a constant), output bytes per diagnostic. */
const DIAGNOSTICS_SLACK = 20;
const OUTPUT_PER_DIAGNOSTIC = 2000;
const lineCount = (name: string) => (FILES[name] ?? '').split('\n').length;

const bomb = (levels: number) => {
  let s = HEAD + 'metadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < levels; i++) s += `  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
  return s;
};

/** Hostile files by name; each is linted alone. */
const FILES: Record<string, string> = {
  'alias-bomb.yaml': bomb(9),
  'nested-maps.yaml': HEAD + 'metadata: ' + '{a: '.repeat(50_000) + '1' + '}'.repeat(50_000) + '\n',
  'nested-seqs.yaml': HEAD + 'metadata: ' + '['.repeat(50_000) + '1' + ']'.repeat(50_000) + '\n',
  'nested-block-maps.yaml': HEAD + 'metadata:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + ' 1\n',
  'hundred-k-lines.yaml':
    HEAD +
    'node_types:\n' +
    Array.from({ length: 25_000 }, (_, i) => `  t.T${i}:\n    derived_from: tosca.nodes.Root\n    properties:\n      p: { type: string }\n`).join(''),
  'proto.yaml':
    HEAD +
    `node_types:\n  __proto__:\n    derived_from: constructor\n    properties:\n      __proto__: { type: string, default: polluted }\n      constructor: { type: prototype }\n  constructor:\n    derived_from: tosca.nodes.Root\n  prototype:\n    derived_from: __proto__\ndata_types:\n  __proto__: { derived_from: tosca.datatypes.Root, properties: { polluted: { type: string } } }\ntopology_template:\n  inputs:\n    __proto__: { type: string, default: x }\n  node_templates:\n    __proto__:\n      type: prototype\n      properties: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }\n    constructor:\n      type: tosca.nodes.Compute\n      requirements: [ { __proto__: prototype } ]\nmetadata: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }\n`,
  'cycle-a.yaml': HEAD + 'imports: [cycle-b.yaml]\nnode_types:\n  t.A: { derived_from: t.B }\n',
  'cycle-b.yaml': HEAD + 'imports: [cycle-a.yaml]\nnode_types:\n  t.B: { derived_from: t.A }\n',
  'self-import.yaml': HEAD + 'imports: [self-import.yaml, ./self-import.yaml, sub/../self-import.yaml]\n',
  'outside.yaml': HEAD + 'imports:\n  - ../../../../../../../../etc/passwd\n  - ../../../../../../../../etc/shadow\n  - /etc/hostname\n',
  'devices.yaml': HEAD + 'imports:\n  - /dev/zero\n  - /dev/urandom\n  - /dev/stdin\n  - /proc/self/fd/0\n',
};

function assertClean(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe['polluted'], 'Object.prototype polluted').to.equal(undefined);
  expect(Object.keys(Object.prototype)).to.deep.equal([]);
  expect(typeof Object.prototype.toString).to.equal('function');
}

describe('lint: hostile input', function () {
  this.timeout(120_000);
  let dir = '';
  let preload = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'clusterc-hostile-'));
    mkdirSync(join(dir, 'sub'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    preload = join(dir, 'maxrss.mjs');
    writeFileSync(
      preload,
      "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.MAXRSS_FILE) writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS)); });\n",
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('in-process (memory reader)', () => {
    for (const name of Object.keys(FILES)) {
      it(`${name}: bounded work, coded diagnostics, no pollution`, () => {
        const r = lintFiles([name], memoryReader(FILES));
        expect(r.diagnostics.length, 'diagnostics').to.be.at.most(lineCount(name) + DIAGNOSTICS_SLACK);
        for (const d of r.diagnostics) {
          expect(d.code).to.match(/^(LT|CS)\d{4}$/);
          expect(d.code, d.message).not.to.equal('CS0001');
        }
        assertClean();
      });
    }

    it('reports the alias bomb (LT0003), the derivation cycle (LT2002) and the import cycle (LT2017)', () => {
      const codes = (f: string) => lintFiles([f], memoryReader(FILES)).diagnostics.map((d) => d.code);
      expect(codes('alias-bomb.yaml')).to.include('LT0003');
      expect(codes('cycle-a.yaml')).to.include.members(['LT2002', 'LT2017']);
      expect(codes('self-import.yaml')).to.include('LT2017');
    });

    it('reports prototype-named types and properties as ordinary names', () => {
      const r = lintFiles(['proto.yaml'], memoryReader(FILES));
      // `type: prototype` names a node type declared in the file; `type: prototype` for a property is unknown.
      expect(r.diagnostics.map((d) => d.code)).to.include('LT2003');
      assertClean();
    });
  });

  describe('through the CLI', () => {
    function cli(...args: string[]): { code: number | null; stdout: string; stderr: string; rssKb: number } {
      const rssFile = join(dir, 'rss.txt');
      rmSync(rssFile, { force: true });
      const r = spawnSync(process.execPath, ['--import', preload, CLI, 'lint', '--color', 'never', ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: HANG_MS,
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, MAXRSS_FILE: rssFile },
      });
      let rssKb = -1;
      try {
        rssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        /* killed before exit */
      }
      return { code: r.status, stdout: r.stdout, stderr: r.stderr, rssKb };
    }

    function expectSane(r: ReturnType<typeof cli>, what: string, name = what.split(' ')[0]!): void {
      const inputBytes = (FILES[name] ?? '').length;
      expect(r.stdout.length + r.stderr.length, `${what}: output bytes`).to.be.at.most(OUTPUT_PER_DIAGNOSTIC * (lineCount(name) + DIAGNOSTICS_SLACK) + 2 * inputBytes);
      expect(r.code, `${what}: exit code (stderr: ${r.stderr.slice(0, 500)})`).to.be.oneOf([0, 1]);
      expect(r.rssKb, `${what}: peak RSS ${r.rssKb} KB`).to.be.within(1, RSS_KB);
      expect(r.stderr + r.stdout, `${what}: stack trace`).not.to.match(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(r.stderr, `${what}: internal error`).not.to.include('CS0001');
    }

    for (const name of Object.keys(FILES)) {
      it(`${name}: exit 0/1, output linear in the input, within 1 GB, no stack trace`, () => {
        const r = cli(name);
        expectSane(r, name);
        const json = cli('--format', 'json', name);
        expectSane(json, `${name} --format json`);
        const doc = JSON.parse(json.stdout) as { diagnostics: { code: string }[] };
        for (const d of doc.diagnostics) expect(d.code).to.match(/^(LT|CS)\d{4}$/);
      });
    }

    it('never echoes a file imported from outside the tree', () => {
      const r = cli('outside.yaml');
      expectSane(r, 'outside.yaml');
      let passwd = '';
      try {
        passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? '';
      } catch {
        /* no /etc/passwd */
      }
      if (passwd !== '') expect(r.stderr + r.stdout).not.to.include(passwd);
    });

    it('reports devices given as imports as unreadable (LT2016), without reading them', () => {
      const r = cli('--format', 'json', 'devices.yaml');
      expectSane(r, 'devices.yaml');
      const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
      expect(codes).to.include('LT2016');
      expect(r.code).to.equal(1);
    });

    it('linting /dev/zero itself ends with a diagnostic, not an endless read', () => {
      const r = cli('/dev/zero');
      expect(r.code, 'ended (not killed by the hang guard)').not.to.equal(null);
      expect(r.code).to.be.oneOf([1, 2]);
      expect(r.stderr).not.to.match(/\n\s+at /);
    });
  });
});
