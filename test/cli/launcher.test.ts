// The `clusterc` launcher (bin/clusterc.cjs) and its start-up fast path (dist/fast/, built by
// src/tools/build-fast.ts at `npm run build` / `npm install`): the fast path is built and used,
// it prints exactly what the plain build (dist/src/cli.js) prints, byte for byte, and every kind
// of stale, foreign or corrupted artifact falls back to a correct run. Outputs are asserted,
// never times (speed is measured by `npm run bench`).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { chevrotainExports, rewriteImportMeta } from '../../src/tools/build-fast.js';
import { exampleFiles } from '../../src/tools/examples.js';
import { ROOT } from '../support/golden.js';
import { sharedDir } from '../support/shared.js';

const LAUNCHER = join(ROOT, 'bin/clusterc.cjs');
const PLAIN = join(ROOT, 'dist/src/cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> args` with the launcher's trace on; returns the run and the trace lines apart. */
function run(script: string, args: readonly string[], env: Record<string, string> = {}): Run & { trace: string[] } {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CLUSTERC_NO_FAST: '', CLUSTERC_FAST_DEBUG: '1', ...env },
  });
  const lines = r.stderr.split('\n');
  const trace = lines.filter((l) => l.startsWith('clusterc-launcher: '));
  return { status: r.status, stdout: r.stdout, stderr: lines.filter((l) => !l.startsWith('clusterc-launcher: ')).join('\n'), trace };
}

const plainRuns = new Map<string, Run>();
/** The plain build's run of `args` (memoized: the plain build is not what these tests vary). */
function plainRun(args: readonly string[]): Run {
  const key = JSON.stringify(args);
  let r = plainRuns.get(key);
  if (!r) {
    const p = run(PLAIN, args);
    r = { status: p.status, stdout: p.stdout, stderr: p.stderr };
    plainRuns.set(key, r);
  }
  return r;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('clusterc launcher and start-up fast path', function () {
  this.timeout(120_000);
  const types = join(sharedDir(), 'upstream/tosca-types/custom_types.yaml');
  const examples = exampleFiles(ROOT);
  /** Invocations covering every command, errors and usage errors. */
  const invocations: string[][] = [
    ['--help'],
    ['--version'],
    ['help', 'lint'],
    ['explain', 'CS0001'],
    ['explain', '--list'],
    ['explain', 'NO9999'],
    ['explain', 'cs3209'],
    ['explain', 'hot-template-too-large'],
    ['explain'],
    ['frobnicate'],
    ['check', '--no-such-option', 'x'],
    ['check', 'no/such/file.cluster'],
    ['check', '--dump', 'model', examples[0]!],
    ['grammar', '--ebnf'],
    ['lint', '--format', 'json', types],
    ['lint', types],
    ['lint', 'node-types'],
    ...examples.flatMap((ex) => [
      ['check', ex],
      ['compile', '--stdout', '--target', 'tosca', ex],
      ['compile', '--format', 'json', '--stdout', '--target', 'hot', '--hot-mode', 'software-config', ex],
    ]),
  ];

  it('is built for this Node and runs with every code cache accepted', function () {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/fast/manifest.json'), 'utf8')) as { node: string; chunks: Record<string, unknown> };
    expect(manifest.node).to.equal(process.version);
    // One chunk per lazily loaded command module at least, plus the entry.
    expect(Object.keys(manifest.chunks).length).to.be.greaterThan(5);
    const r = run(LAUNCHER, ['compile', '--stdout', '--target', 'hot', examples[0]!]);
    expect(r.status).to.equal(0);
    expect(r.trace).to.deep.equal(['clusterc-launcher: fast']);
  });

  it('keeps each command lazy: explain loads no chunk of the compiler, lint none of the spec parser', function () {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/fast/manifest.json'), 'utf8')) as { chunks: Record<string, unknown> };
    const chunkText = (name: string) => readFileSync(join(ROOT, 'dist/fast', name), 'utf8');
    /** Chunks loaded by `name`, transitively (the converted chunks require each other as ./x.js). */
    const closure = (name: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(name)) return seen;
      seen.add(name);
      for (const m of chunkText(name).matchAll(/require\("\.\/([^"]+)\.js"\)/g)) closure(`${m[1]}.cjs`, seen);
      return seen;
    };
    const commandChunk = (cmd: string) => Object.keys(manifest.chunks).find((n) => n.startsWith(`${cmd}-`))!;
    const has = (chunks: Set<string>, marker: string) => [...chunks].some((c) => chunkText(c).includes(marker));
    // The entry's static imports only (its lazy requires are inside `Promise.resolve().then`).
    const entryStatic = new Set<string>(['cli.cjs']);
    for (const m of chunkText('cli.cjs').matchAll(/^var import_\w+ = require\("\.\/([^"]+)\.js"\)/gm)) closure(`${m[1]}.cjs`, entryStatic);
    const explain = new Set([...entryStatic, ...closure(commandChunk('explain'))]);
    const lint = new Set([...entryStatic, ...closure(commandChunk('lint'))]);
    expect(has(explain, 'CstParser = class extends'), 'explain loads chevrotain').to.equal(false);
    expect(has(explain, 'parseAllDocuments'), 'explain loads yaml').to.equal(false);
    expect(has(lint, 'CstParser = class extends'), 'lint loads chevrotain').to.equal(false);
    // `--help` and `explain` load neither the catalogue's modules (their message builders) nor the renderers.
    expect(has(entryStatic, 'defineCodes('), 'the entry loads the catalogue').to.equal(false);
    expect(has(explain, 'defineCodes('), 'explain loads the catalogue').to.equal(false);
    expect(has(explain, 'function renderHuman('), 'explain loads the renderer').to.equal(false);
    expect(has(closure(commandChunk('check')), 'defineCodes('), 'check has the catalogue').to.equal(true);
    expect(has(closure(commandChunk('compile')), 'CstParser = class extends'), 'compile has the parser').to.equal(true);
  });

  it('explains every code, by code and by name, and lists them, byte for byte as the plain build does', async function () {
    // The fast explain chunk prints from a table generated at build time (src/tools/build-fast.ts),
    // the plain build from the catalogue's modules. 171 codes in child processes would take minutes
    // on a loaded machine: the chunk is loaded here, as the launcher loads it (CommonJS, chunks
    // requiring each other as ./x.js), and run with process.stdout captured.
    const { createRequire } = await import('node:module');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/fast/manifest.json'), 'utf8')) as { chunks: Record<string, unknown> };
    const loaded = new Map<string, { exports: unknown }>();
    const nodeRequire = createRequire(join(ROOT, 'dist/fast/cli.cjs'));
    const load = (name: string): unknown => {
      let m = loaded.get(name);
      if (!m) {
        m = { exports: {} };
        loaded.set(name, m);
        const fn = new Function('exports', 'require', 'module', '__filename', '__dirname', readFileSync(join(ROOT, 'dist/fast', name), 'utf8'));
        fn(m.exports, (s: string) => (s.startsWith('./') ? load(s.slice(2).replace(/\.js$/, '.cjs')) : nodeRequire(s)), m, join(ROOT, 'dist/fast', name), join(ROOT, 'dist/fast'));
      }
      return m.exports;
    };
    type RunExplain = (code: string | undefined, opts: { list?: boolean }) => Promise<number>;
    const explainChunk = Object.keys(manifest.chunks).find((n) => n.startsWith('explain-'))!;
    const fast = (load(explainChunk) as { runExplain: RunExplain }).runExplain;
    const plain = ((await import('../../src/cli/explain.js')) as { runExplain: RunExplain }).runExplain;
    const { allCodes } = await import('../../src/diagnostics/codes.js');
    const capture = async (f: RunExplain, code: string | undefined, opts: { list?: boolean }) => {
      const write = process.stdout.write;
      let out = '';
      process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
      try {
        const status = await f(code, opts).catch((e: Error) => `${e.constructor.name}: ${e.message}`);
        return { status, out };
      } finally {
        process.stdout.write = write;
      }
    };
    const keys: [string | undefined, { list?: boolean }][] = [[undefined, { list: true }], [undefined, {}], ['NO9999', {}], ['', {}]];
    for (const c of allCodes()) keys.push([c.code, {}], [c.code.toLowerCase(), {}], [c.name, {}]);
    expect(keys.length).to.be.greaterThan(3 * 150);
    for (const [code, opts] of keys) {
      const want = await capture(plain, code, opts);
      expect(await capture(fast, code, opts), `explain ${code} ${JSON.stringify(opts)}`).to.deep.equal(want);
    }
    // The plain build's output for a code is its catalogue entry (the header and the explanation).
    const cs0001 = allCodes().find((c) => c.code === 'CS0001')!;
    expect((await capture(plain, 'CS0001', {})).out).to.equal(`CS0001 (internal-error): error\n\n${cs0001.explain.trim()}\n`);
  });

  it('prints byte for byte what the plain build prints, for every command', function () {
    for (const args of invocations) {
      const fast = run(LAUNCHER, args);
      expect(fast.trace, args.join(' ')).to.deep.equal(['clusterc-launcher: fast']);
      expect({ status: fast.status, stdout: fast.stdout, stderr: fast.stderr }, args.join(' ')).to.deep.equal(plainRun(args));
    }
  });

  it('compiles the examples into exactly the committed out/ files', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-launcher-'));
    try {
      for (const ex of examples) expect(run(LAUNCHER, ['compile', ex, '--out-dir', dir]).status, ex).to.be.oneOf([0, 1]);
      const written = readdirSync(dir).sort();
      expect(written.length).to.be.greaterThan(0);
      for (const f of written) expect(readFileSync(join(dir, f), 'utf8'), f).to.equal(readFileSync(join(ROOT, 'out', f), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('falls back silently and correctly', function () {
    let pkg = '';
    const fastDir = () => join(pkg, 'dist/fast');
    const manifestPath = () => join(fastDir(), 'manifest.json');
    const readManifest = () => JSON.parse(readFileSync(manifestPath(), 'utf8')) as { node: string; chunks: Record<string, { size: number; sha256: string; mtimeMs: number; cache: { size: number; sha256: string; mtimeMs: number } }> };
    const writeManifest = (m: unknown) => writeFileSync(manifestPath(), JSON.stringify(m));

    // A copy of the package: the launcher and dist/fast/ copied (to be damaged), dist/src and
    // node_modules linked.
    beforeEach(function () {
      pkg = mkdtempSync(join(tmpdir(), 'clusterc-pkg-'));
      mkdirSync(join(pkg, 'bin'));
      mkdirSync(join(pkg, 'dist'));
      cpSync(LAUNCHER, join(pkg, 'bin/clusterc.cjs'));
      cpSync(join(ROOT, 'dist/fast'), fastDir(), { recursive: true, preserveTimestamps: true });
      symlinkSync(join(ROOT, 'dist/src'), join(pkg, 'dist/src'));
      symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    });
    afterEach(() => rmSync(pkg, { recursive: true, force: true }));

    /** Runs the copied launcher on a few commands, checks them against the plain build; returns the traces by command. */
    function expectCorrect(trace: RegExp): Map<string, string> {
      const traces = new Map<string, string>();
      for (const args of [['--help'], ['explain', 'CS1001'], ['compile', '--stdout', '--target', 'tosca', examples[0]!], ['lint', types], ['check', 'no/such/file']]) {
        const r = run(join(pkg, 'bin/clusterc.cjs'), args);
        expect(r.trace.join('\n'), args.join(' ')).to.match(trace);
        expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).to.deep.equal(plainRun(args));
        traces.set(args[0]!, r.trace.join('\n'));
      }
      return traces;
    }

    it('the intact copy runs the fast path (the control case)', function () {
      expectCorrect(/^clusterc-launcher: fast$/);
    });

    it('no dist/fast/ at all', function () {
      rmSync(fastDir(), { recursive: true });
      expectCorrect(/^clusterc-launcher: plain: no readable dist\/fast\/manifest.json$/);
    });

    it('a manifest that is not JSON, or of an unknown format', function () {
      writeFileSync(manifestPath(), '{"format": 1, "chunks": {');
      expectCorrect(/^clusterc-launcher: plain: no readable/);
      writeManifest({ ...readManifestOf(ROOT), format: 2 });
      expectCorrect(/^clusterc-launcher: plain: unknown manifest$/);
    });

    it('a fast path built by another Node version (foreign artifacts)', function () {
      writeManifest({ ...readManifest(), node: 'v20.0.0' });
      expectCorrect(/^clusterc-launcher: plain: built for Node v20\.0\.0 /);
    });

    it('a fast path older than the plain build (stale)', function () {
      const old = new Date(Date.now() - 3_600_000 * 24 * 365);
      utimesSync(manifestPath(), old, old);
      expectCorrect(/^clusterc-launcher: plain: older than dist\/src$/);
    });

    it('files with the right bytes but new times (as npm unpacks them) are hashed and used', function () {
      const later = new Date(Date.now() + 60_000);
      for (const f of readdirSync(fastDir())) if (f !== 'manifest.json') utimesSync(join(fastDir(), f), later, later);
      utimesSync(manifestPath(), later, later);
      const traces = expectCorrect(/^clusterc-launcher: fast$/);
      expect(traces.size).to.equal(5);
    });

    it('a truncated chunk, or one altered in place', function () {
      const m = readManifest();
      const compileChunk = Object.keys(m.chunks).find((n) => n.startsWith('compile-'))!;
      const path = join(fastDir(), compileChunk);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.slice(0, text.length >> 1));
      expectCorrect(new RegExp(`^clusterc-launcher: plain: ${compileChunk.replace(/\./g, '\\.')} does not match the manifest$`));
      // The same size: found when the chunk loads; the command (which has done nothing yet) runs again.
      expect(text).to.include('function');
      writeFileSync(path, text.replace('function', 'funktion'));
      const traces = expectCorrect(/^clusterc-launcher: fast(\nclusterc-launcher: plain: \S+ does not match the manifest \(the command runs again from the plain build\))?$/);
      expect(traces.get('compile')).to.match(/runs again/);
      expect(traces.get('--help')).to.equal('clusterc-launcher: fast');
    });

    it('an entry chunk that fails to load, even with a manifest that vouches for it', function () {
      const m = readManifest();
      const broken = 'throw new Error("damaged");\n';
      writeFileSync(join(fastDir(), 'cli.cjs'), broken);
      m.chunks['cli.cjs']!.sha256 = sha256(broken);
      m.chunks['cli.cjs']!.size = broken.length;
      writeManifest(m);
      expectCorrect(/^clusterc-launcher: fast\nclusterc-launcher: no code cache for cli\.cjs\nclusterc-launcher: plain: the entry chunk failed: damaged$/);
    });

    it('corrupted code caches are not used: V8 compiles the chunks from source', function () {
      const m = readManifest();
      for (const name of Object.keys(m.chunks)) {
        const cache = readFileSync(join(fastDir(), `${name}.cache`));
        for (let i = 64; i < cache.length; i += 97) cache[i] = cache[i]! ^ 0x5a;
        writeFileSync(join(fastDir(), `${name}.cache`), cache);
      }
      expectCorrect(/^clusterc-launcher: fast\n(clusterc-launcher: no code cache for \S+\n?)+$/);
    });

    it('code caches made under other V8 flags (a foreign cache the manifest vouches for) are rejected by V8', function () {
      const m = readManifest();
      // Caches that V8 rejects: made by this Node with --max-lazy, so their flag hash differs.
      const make = `const vm=require('vm'),fs=require('fs');for(const n of process.argv.slice(1)){const s=new vm.Script('(function (exports, require, module, __filename, __dirname, __clusterc) {'+fs.readFileSync(n,'utf8')+'\\n})',{filename:n});fs.writeFileSync(n+'.cache',s.createCachedData())}`;
      const names = Object.keys(m.chunks).map((n) => join(fastDir(), n));
      expect(spawnSync(process.execPath, ['--max-lazy', '-e', make, ...names]).status).to.equal(0);
      for (const name of Object.keys(m.chunks)) {
        const data = readFileSync(join(fastDir(), `${name}.cache`));
        m.chunks[name]!.cache = { size: data.length, sha256: sha256(data), mtimeMs: 0 };
      }
      writeManifest(m);
      expectCorrect(/^clusterc-launcher: fast\n(clusterc-launcher: no code cache for \S+\n?)+$/);
    });
  });

  it('re-exports from chevrotain’s bundle exactly what src/spec/chevrotain.ts exports (the list is derived)', async function () {
    const names = chevrotainExports(readFileSync(join(ROOT, 'src/spec/chevrotain.ts'), 'utf8'));
    const plainModule = (await import('../../src/spec/chevrotain.js')) as Record<string, unknown>;
    expect([...names].sort()).to.deep.equal(Object.keys(plainModule).sort());
    const bundle = (await import(new URL('../chevrotain.mjs', import.meta.resolve('chevrotain')).href)) as Record<string, unknown>;
    for (const n of names) expect(bundle[n], n).to.not.equal(undefined);
    expect(() => chevrotainExports('export const x = 1;\n')).to.throw(/export const/);
  });

  it('rewrites import.meta to the URL of the module’s plain counterpart', function () {
    const fast = join(ROOT, 'dist/fast');
    const text = 'const a = import.meta.url; const b = import.meta.resolve("x"); const c = import.meta.dirname;';
    const out = rewriteImportMeta(text, join(ROOT, 'src/cli/grammar.ts'), ROOT, fast);
    expect(out).to.equal(
      'const a = __clusterc.url("../src/cli/grammar.js"); const b = ((s) => __clusterc.resolve(s, "../src/cli/grammar.js"))("x"); ' +
        'const c = require("node:path").dirname(require("node:url").fileURLToPath(__clusterc.url("../src/cli/grammar.js")));',
    );
    expect(rewriteImportMeta('x(import.meta.url)', join(ROOT, 'node_modules/p/a.mjs'), ROOT, fast)).to.equal('x(__clusterc.url("../../node_modules/p/a.mjs"))');
  });
});

function readManifestOf(root: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'dist/fast/manifest.json'), 'utf8')) as Record<string, unknown>;
}

// The sh launcher bin/clusterc (package.json "bin"): check, compile and lint start from the
// start-up snapshot dist/fast/snapshot.blob when its stamp matches this Node and directory;
// everything else, and every stale, foreign, damaged or missing snapshot, runs bin/clusterc.cjs.
describe('clusterc start-up snapshot (bin/clusterc)', function () {
  this.timeout(180_000);
  const SH = join(ROOT, 'bin/clusterc');
  const types = join(sharedDir(), 'upstream/tosca-types/custom_types.yaml');
  const examples = exampleFiles(ROOT);

  /** The V8 flags bin/clusterc starts the snapshot with (its `exec` line). */
  const snapshotFlags = (): string[] => /exec "\$node" (.*?) --snapshot-blob /.exec(readFileSync(SH, 'utf8'))![1]!.split(' ');
  /** Runs the sh launcher at `bin` with its trace on; the trace lines apart from stderr. */
  function runSh(bin: string, args: readonly string[], env: Record<string, string> = {}): Run & { trace: string[] } {
    const r = spawnSync(bin, [...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CLUSTERC_NO_FAST: '', NODE_OPTIONS: '', CLUSTERC_FAST_DEBUG: '1', CLUSTERC_KEEP_CA_CERTS: '', ...env },
    });
    const lines = (r.stderr ?? '').split('\n');
    const trace = lines.filter((l) => l.startsWith('clusterc-launcher: '));
    return { status: r.status, stdout: r.stdout, stderr: lines.filter((l) => !l.startsWith('clusterc-launcher: ')).join('\n'), trace };
  }
  const plain = (args: readonly string[]): Run => {
    const p = spawnSync(process.execPath, [PLAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' } });
    return { status: p.status, stdout: p.stdout, stderr: p.stderr };
  };
  const plainMemo = new Map<string, Run>();
  const plainOf = (args: readonly string[]) => {
    const k = JSON.stringify(args);
    if (!plainMemo.has(k)) plainMemo.set(k, plain(args));
    return plainMemo.get(k)!;
  };

  it('is built by the build, with a stamp naming this Node and this directory', function () {
    const [node, dir] = readFileSync(join(ROOT, 'dist/fast/snapshot.stamp'), 'utf8').split('\n');
    expect(node).to.equal(realpathSync(process.execPath));
    expect(dir).to.equal(realpathSync(ROOT));
    expect(statSync(join(ROOT, 'dist/fast/snapshot.blob')).size).to.be.greaterThan(1 << 20);
  });

  it('starts check and compile from the snapshot, lint from bin/clusterc.cjs, and prints byte for byte what the plain build prints', function () {
    const invocations: string[][] = [
      ['check', 'no/such/file.cluster'],
      ['check', '--no-such-option', 'x'],
      ['check', '--help'],
      ['check', '--dump', 'ast', examples[0]!],
      ['lint', types],
      ['lint', '--format', 'sarif', types],
      ['lint', 'node-types'],
      ['lint', 'no/such/dir'],
      ...examples.flatMap((ex) => [
        ['check', ex],
        ['check', '--format', 'json', '--target', 'hot', '--hot-mode', 'software-config', ex],
        ['compile', '--stdout', '--target', 'tosca', ex],
        ['compile', '--stdout', '--target', 'hot', '--hot-mode', 'software-config', ex],
      ]),
    ];
    for (const args of invocations) {
      const r = runSh(SH, args);
      expect(r.trace, args.join(' ')).to.deep.equal([`clusterc-launcher: ${args[0] === 'lint' ? 'fast' : 'snapshot'}`]);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).to.deep.equal(plainOf(args));
    }
  });

  it('reads the standard input like the plain build', function () {
    const text = readFileSync(join(ROOT, examples[0]!), 'utf8');
    const r = spawnSync(SH, ['compile', '--stdout', '--target', 'hot', '-'], { cwd: ROOT, input: text, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', CLUSTERC_FAST_DEBUG: '1' } });
    const p = spawnSync(process.execPath, [PLAIN, 'compile', '--stdout', '--target', 'hot', '-'], { cwd: ROOT, input: text, encoding: 'utf8' });
    expect(r.stderr.split('\n')[0]).to.equal('clusterc-launcher: snapshot');
    expect(r.stdout).to.equal(p.stdout);
    expect(r.stdout.length).to.be.greaterThan(1000);
  });

  it('compiles the examples into exactly the committed out/ files', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-snapshot-'));
    try {
      for (const ex of examples) {
        const r = runSh(SH, ['compile', ex, '--out-dir', dir]);
        expect(r.trace, ex).to.deep.equal(['clusterc-launcher: snapshot']);
        expect(r.status, ex).to.be.oneOf([0, 1]);
      }
      const written = readdirSync(dir).sort();
      expect(written).to.deep.equal(readdirSync(join(ROOT, 'out')).sort());
      for (const f of written) expect(readFileSync(join(dir, f), 'utf8'), f).to.equal(readFileSync(join(ROOT, 'out', f), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the other commands through bin/clusterc.cjs', function () {
    for (const args of [['--help'], ['explain', 'CS0001'], ['grammar', '--ebnf'], ['frobnicate'], []]) {
      const r = runSh(SH, args);
      expect(r.trace, args.join(' ')).to.deep.equal(['clusterc-launcher: fast']);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).to.deep.equal(plainOf(args));
    }
  });

  it('prints every command’s help, the usage and the explanations exactly as the plain build', function () {
    const commands = ['check', 'compile', 'lint', 'explain', 'grammar', 'submit', 'status', 'outputs', 'logs', 'delete', 'init', 'fmt', 'diff', 'graph'];
    const cases = [['--help'], ['-h'], ['help'], [], ['--version'], ['explain', '--list'], ['explain', 'CS0001'], ['explain', 'CS3209'], ['explain'], ...commands.map((c) => [c, '--help'])];
    for (const args of cases) {
      const r = runSh(SH, args);
      const via = ['check', 'compile'].includes(args[0] ?? '') ? 'snapshot' : 'fast';
      expect(r.trace, args.join(' ')).to.deep.equal([`clusterc-launcher: ${via}`]);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).to.deep.equal(plainOf(args));
      if (args.length === 2 && args[1] === '--help') expect(r.stdout, args.join(' ')).to.match(new RegExp(`^Usage: clusterc ${args[0]} `));
    }
  });

  it('works through a symbolic link, as npm links node_modules/.bin/clusterc', function () {
    const dir = mkdtempSync(join(tmpdir(), 'clusterc-bin-'));
    try {
      symlinkSync(SH, join(dir, 'clusterc'));
      const r = runSh(join(dir, 'clusterc'), ['check', examples[0]!]);
      expect(r.trace).to.deep.equal(['clusterc-launcher: snapshot']);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).to.deep.equal(plainOf(['check', examples[0]!]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Node reads every certificate of NODE_EXTRA_CA_CERTS when it starts (about 30 ms for a full
  // ca-certificates.crt); a file it cannot read gives a warning, which shows whether the variable
  // reached Node. Only the commands that talk to the orchestrator (those with --url) keep it.
  it('starts the commands that open no connection without NODE_EXTRA_CA_CERTS, and keeps it for the orchestrator commands', function () {
    const m = /^ +([^)\n]+)\) unset NODE_EXTRA_CA_CERTS ;;$/m.exec(readFileSync(SH, 'utf8'));
    expect(m, 'the case line of bin/clusterc').to.not.equal(null);
    const dropped = m![1]!.split('|').map((s) => s.trim());
    const commands = [...plain(['--help']).stdout.matchAll(/^ {2}([a-z]+) /gm)].map((x) => x[1]!).filter((c) => c !== 'help');
    expect(commands).to.include.members(['check', 'compile', 'lint', 'submit', 'status']);
    const orchestrator = commands.filter((c) => /--url <url>/.test(plain([c, '--help']).stdout));
    expect(orchestrator).to.have.members(['submit', 'status', 'outputs', 'logs', 'delete']);
    expect(dropped.filter((c) => /^[a-z]+$/.test(c) && c !== 'help')).to.have.members(commands.filter((c) => !orchestrator.includes(c)));
    const env = { NODE_EXTRA_CA_CERTS: join(tmpdir(), 'clusterc-no-such-ca.pem'), ORCHENT_URL: '' };
    const warned = (r: Run) => /Ignoring extra certs from/.test(r.stderr);
    for (const args of [['check', examples[0]!], ['compile', '--stdout', '--target', 'hot', examples[0]!], ['lint', types], ['--help'], ['explain', 'CS0001'], ['fmt', '--check', examples[0]!]]) {
      const r = runSh(SH, args, env);
      expect(warned(r), args.join(' ')).to.equal(false);
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).to.deep.equal(plainOf(args));
    }
    for (const c of orchestrator) {
      const r = runSh(SH, [c, ...(c === 'submit' ? [examples[0]!] : ['00000000-0000-0000-0000-000000000000'])], env);
      expect(warned(r), c).to.equal(true);
      expect(r.stderr, c).to.match(/error\[CS40(01|11)\]/);
      expect(r.status, c).to.equal(1);
    }
    // CLUSTERC_KEEP_CA_CERTS=1 (for measuring: bench/run.ts) keeps it for every command, output unchanged.
    for (const args of [['check', examples[0]!], ['--help']]) {
      const r = runSh(SH, args, { ...env, CLUSTERC_KEEP_CA_CERTS: '1' });
      expect(warned(r), args.join(' ')).to.equal(true);
      const want = plainOf(args);
      expect({ status: r.status, stdout: r.stdout }, args.join(' ')).to.deep.equal({ status: want.status, stdout: want.stdout });
    }
  });

  describe('falls back silently and correctly', function () {
    let pkg = '';
    const blob = () => join(pkg, 'dist/fast/snapshot.blob');
    const stamp = () => join(pkg, 'dist/fast/snapshot.stamp');
    /** A stamp for the copy (as a build there would write it), written after everything else. */
    const vouch = (node = realpathSync(process.execPath), dir = realpathSync(pkg)) => {
      writeFileSync(stamp(), `${node}\n${dir}\n`);
      // Just newer than the blob and the plain build (as at the end of a build), older than now.
      const t = new Date(Math.max(statSync(blob()).mtimeMs, statSync(PLAIN).mtimeMs) + 500);
      utimesSync(stamp(), t, t);
    };

    // A copy of the package: bin/ and dist/fast/ copied (to be damaged), dist/src and node_modules linked.
    beforeEach(function () {
      pkg = mkdtempSync(join(tmpdir(), 'clusterc-snap-'));
      mkdirSync(join(pkg, 'dist'));
      cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true, preserveTimestamps: true });
      cpSync(join(ROOT, 'dist/fast'), join(pkg, 'dist/fast'), { recursive: true, preserveTimestamps: true });
      symlinkSync(join(ROOT, 'dist/src'), join(pkg, 'dist/src'));
      symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
      vouch();
    });
    afterEach(() => rmSync(pkg, { recursive: true, force: true }));

    /** Runs the copy on check and compile; each must print what the plain build prints. */
    function expectCorrect(trace: RegExp, env: Record<string, string> = {}): void {
      for (const args of [['check', examples[0]!], ['compile', '--stdout', '--target', 'tosca', examples[0]!], ['compile', '--stdout', '--target', 'hot', examples[1]!], ['check', 'no/such/file']]) {
        const r = runSh(join(pkg, 'bin/clusterc'), args, env);
        expect(r.trace.join('\n'), args.join(' ')).to.match(trace);
        expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, args.join(' ')).to.deep.equal(plainOf(args));
      }
    }
    const FALLBACK = (why: string) => new RegExp(`^clusterc-launcher: no snapshot: ${why}\nclusterc-launcher: fast$`);

    it('a package as a registry install unpacks it is made fast for this Node by its postinstall (bin/postinstall.cjs)', function () {
      // As npm unpacks a package: every file dated 1985, packed elsewhere, by another Node.
      const manifestFile = join(pkg, 'dist/fast/manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, node: 'v19.0.0' }, null, 2) + '\n');
      writeFileSync(stamp(), '/elsewhere/bin/node\n/elsewhere/clusterc\n');
      symlinkSync(join(ROOT, 'examples'), join(pkg, 'examples'));
      const npmTime = new Date('1985-10-26T08:15:00Z');
      for (const dir of ['bin', 'dist/fast']) for (const f of readdirSync(join(pkg, dir))) utimesSync(join(pkg, dir, f), npmTime, npmTime);
      expectCorrect(/^clusterc-launcher: no snapshot: built for another Node\nclusterc-launcher: plain: built for Node v19.0.0 /);
      const r = spawnSync(process.execPath, [join(pkg, 'bin/postinstall.cjs')], { cwd: pkg, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(r.status).to.equal(0);
      expect(r.stderr).to.equal('');
      expect(readFileSync(stamp(), 'utf8')).to.equal(`${realpathSync(process.execPath)}\n${realpathSync(pkg)}\n`);
      expect(JSON.parse(readFileSync(manifestFile, 'utf8')).node).to.equal(process.version);
      expectCorrect(/^clusterc-launcher: snapshot$/);
      const explain = runSh(join(pkg, 'bin/clusterc'), ['explain', 'CS0001']);
      expect(explain.trace).to.deep.equal(['clusterc-launcher: fast']);
      expect({ status: explain.status, stdout: explain.stdout, stderr: explain.stderr }).to.deep.equal(plainOf(['explain', 'CS0001']));
    });

    it('postinstall does nothing in a checkout (src/ present: `prepare` builds), nor with CLUSTERC_NO_FAST', function () {
      const before = readFileSync(stamp(), 'utf8');
      const t0 = statSync(blob()).mtimeMs;
      const r1 = spawnSync(process.execPath, [join(pkg, 'bin/postinstall.cjs')], { cwd: pkg, encoding: 'utf8', env: { ...process.env, CLUSTERC_NO_FAST: '1' } });
      mkdirSync(join(pkg, 'src'));
      writeFileSync(join(pkg, 'src/cli.ts'), '');
      const r2 = spawnSync(process.execPath, [join(pkg, 'bin/postinstall.cjs')], { cwd: pkg, encoding: 'utf8', env: { ...process.env, CLUSTERC_NO_FAST: '' } });
      for (const r of [r1, r2]) expect({ status: r.status, stderr: r.stderr }).to.deep.equal({ status: 0, stderr: '' });
      expect(readFileSync(stamp(), 'utf8')).to.equal(before);
      expect(statSync(blob()).mtimeMs).to.equal(t0);
    });

    it('a postinstall that cannot make the snapshot leaves a correct fallback and the install passes', function () {
      writeFileSync(join(pkg, 'dist/fast/snapshot.cjs'), 'throw new Error("broken bundle")\n');
      const r = spawnSync(process.execPath, [join(pkg, 'bin/postinstall.cjs')], { cwd: pkg, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', CLUSTERC_NO_FAST: '' } });
      expect(r.status).to.equal(0);
      expect(r.stderr).to.match(/^clusterc: the start-up fast path was not made for Node .*node --build-snapshot failed/);
      expectCorrect(FALLBACK('no readable dist/fast/snapshot.stamp'));
    });

    it('the intact copy with its stamp starts from the snapshot (the control case)', function () {
      expectCorrect(/^clusterc-launcher: snapshot$/);
    });

    it('no snapshot, or no stamp', function () {
      rmSync(blob());
      expectCorrect(FALLBACK('no dist/fast/snapshot.blob'));
      rmSync(stamp());
      expectCorrect(FALLBACK('no readable dist/fast/snapshot.stamp'));
    });

    it('a corrupted snapshot: truncated, or bytes altered in place', function () {
      const bytes = readFileSync(blob());
      // Started as bin/clusterc starts it, the intact blob runs (so the failures below are the damage's).
      const intact = spawnSync(process.execPath, [...snapshotFlags(), '--snapshot-blob', blob(), 'check', examples[0]!], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(intact.status, intact.stderr).to.equal(0);
      // What Node does with it: no clean start (a crash or an error exit), before clusterc runs.
      writeFileSync(blob(), bytes.subarray(0, bytes.length >> 1));
      const crash = spawnSync(process.execPath, [...snapshotFlags(), '--snapshot-blob', blob(), 'check', examples[0]!], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(crash.status, 'Node started from a truncated snapshot').to.not.equal(0);
      expectCorrect(FALLBACK('snapshot.blob changed after its stamp'));
      const altered = Buffer.from(bytes);
      for (let i = 4096; i < altered.length; i += 4099) altered[i] = altered[i]! ^ 0xa5;
      writeFileSync(blob(), altered);
      expectCorrect(FALLBACK('snapshot.blob changed after its stamp'));
    });

    it('a snapshot whose header names another Node version (a foreign snapshot)', function () {
      const bytes = readFileSync(blob());
      const version = Buffer.from(process.versions.node);
      const at = bytes.subarray(0, 64).indexOf(version);
      expect(at, 'the Node version in the snapshot header').to.be.greaterThan(0);
      const other = Buffer.from(version.toString().replace(/\d$/, (d) => String((Number(d) + 1) % 10)));
      other.copy(bytes, at);
      writeFileSync(blob(), bytes);
      // Node refuses it (exit 14, with a message), so the launcher must not start it.
      const refused = spawnSync(process.execPath, [...snapshotFlags(), '--snapshot-blob', blob(), 'check', examples[0]!], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(refused.status).to.equal(14);
      expect(refused.stderr).to.match(/snapshot/i);
      expectCorrect(FALLBACK('snapshot.blob changed after its stamp'));
    });

    it('a stamp for another Node binary, or for another directory', function () {
      vouch('/bin/sh');
      expectCorrect(FALLBACK('built for another Node'));
      vouch(realpathSync(process.execPath), ROOT === pkg ? '/' : realpathSync(ROOT));
      expectCorrect(FALLBACK('built for another directory'));
    });

    it('a plain build newer than the snapshot (tsc run alone after a build)', function () {
      const plainTime = statSync(PLAIN).mtimeMs;
      utimesSync(blob(), new Date(plainTime - 20_000), new Date(plainTime - 20_000));
      utimesSync(stamp(), new Date(plainTime - 10_000), new Date(plainTime - 10_000));
      expectCorrect(FALLBACK('older than dist/src'));
    });

    it('NODE_OPTIONS set (its V8 flags would not match the snapshot), or CLUSTERC_NO_FAST', function () {
      expectCorrect(FALLBACK('NODE_OPTIONS is set'), { NODE_OPTIONS: '--no-warnings' });
      for (const args of [['check', examples[0]!]]) {
        const r = runSh(join(pkg, 'bin/clusterc'), args, { CLUSTERC_NO_FAST: '1' });
        expect(r.trace.join('\n')).to.equal('clusterc-launcher: no snapshot: CLUSTERC_NO_FAST is set\nclusterc-launcher: plain: CLUSTERC_NO_FAST is set');
        expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).to.deep.equal(plainOf(args));
      }
    });
  });
});
