#!/usr/bin/env node
'use strict';
// The `clusterc` command. Starts the CLI from the start-up fast path in dist/fast/ when that was
// built for this very Node (by `npm install`, see src/tools/build-fast.ts) and is intact, else
// from the plain tsc build, dist/src/cli.js. Both run the same code, so their outputs are the
// same; the fast path only starts sooner:
// - dist/fast/*.cjs: the CLI bundled by esbuild with code splitting (each command's modules stay
//   in their own chunks, loaded only when that command runs), converted to CommonJS so that
// - dist/fast/*.cjs.cache: V8 code caches of every chunk spare parsing and compiling;
// - V8 runs without its optimising compiler (--no-opt) and its baseline compiler (--no-sparkplug):
//   a run of a fraction of a second never repays optimisation, whose background compiles compete
//   for the CPU, nor the baseline code Sparkplug compiles on the main thread (bench/README.md).
// Checked before use: the manifest names the Node version, platform and V8 flags it was built
// for, the size, SHA-256 and modification time of every chunk and cache (a file whose size or time
// changed is hashed), and is newer than dist/src/cli.js. Anything
// else falls back to the plain build, silently: a mismatch found at start (or an entry chunk that
// does not load) runs dist/src/cli.js in this process; a lazily loaded chunk whose bytes do not
// match runs the command again from the plain build in a child process (a command loads its
// chunk before it does anything); a cache that does not match is not used (V8 compiles the chunk
// from source). CLUSTERC_NO_FAST=1 forces the plain build; CLUSTERC_FAST_DEBUG=1 traces on stderr.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const FAST = path.join(ROOT, 'dist', 'fast');
const PLAIN = path.join(ROOT, 'dist', 'src', 'cli.js');
/** V8 flags of the fast path; the code caches are only valid under the same flags. */
const V8_FLAGS = ['--no-opt', '--no-sparkplug'];
const trace = process.env.CLUSTERC_FAST_DEBUG === '1' ? (s) => process.stderr.write(`clusterc-launcher: ${s}\n`) : () => {};

function plain(why) {
  trace(`plain: ${why}`);
  // A dynamic import from CommonJS: dist/src/cli.js is an ES module.
  return import(require('node:url').pathToFileURL(PLAIN).href);
}

/** The manifest when the fast path can be used, else why not (a string). Cheap: no chunk is read. */
function readManifest() {
  if (process.env.CLUSTERC_NO_FAST) return 'CLUSTERC_NO_FAST is set';
  const manifestFile = path.join(FAST, 'manifest.json');
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return 'no readable dist/fast/manifest.json';
  }
  if (manifest === null || manifest.format !== 1 || typeof manifest.chunks !== 'object' || !manifest.chunks[manifest.entry]) return 'unknown manifest';
  if (manifest.node !== process.version || manifest.platform !== process.platform || manifest.arch !== process.arch) {
    return `built for Node ${manifest.node} ${manifest.platform}-${manifest.arch}`;
  }
  if (JSON.stringify(manifest.v8Flags) !== JSON.stringify(V8_FLAGS)) return 'built for other V8 flags';
  try {
    // The plain build newer than the fast path (tsc run alone after a change): the fast path is stale.
    if (fs.statSync(PLAIN).mtimeMs > fs.statSync(manifestFile).mtimeMs) return 'older than dist/src';
    for (const [name, info] of Object.entries(manifest.chunks)) {
      if (fs.statSync(path.join(FAST, name)).size !== info.size) return `${name} does not match the manifest`;
    }
  } catch (e) {
    return `cannot read ${e.path ? path.relative(ROOT, e.path) : 'dist'}`;
  }
  return manifest;
}

/** A chunk whose bytes are not the manifest's. */
class Damaged extends Error {}

/** Loads the chunks as CommonJS modules through vm.Script, with their code caches. */
function loader(manifest) {
  const vm = require('node:vm');
  const { pathToFileURL } = require('node:url');
  const { createRequire } = require('node:module');
  const sha256 = (buf) => require('node:crypto').createHash('sha256').update(buf).digest('hex');
  /**
   * Whether the bytes of `file` are those the manifest names (`size`, `sha256`). A file whose size
   * and modification time are still those recorded when dist/fast/ was built is taken as it is;
   * any other (copied, unpacked by npm, touched, rewritten) is hashed: loading node:crypto and
   * hashing every chunk would cost more than a tenth of a bare Node start.
   */
  const intact = (file, buf, want) => {
    if (want === undefined || buf.length !== want.size) return false;
    try {
      if (fs.statSync(file).mtimeMs === want.mtimeMs) return true;
    } catch {
      return false;
    }
    return sha256(buf) === want.sha256;
  };
  const nodeRequire = createRequire(path.join(FAST, manifest.entry));
  const modules = new Map();
  // What src/tools/build-fast.ts puts where a module used import.meta (paths relative to dist/fast).
  const meta = {
    url: (rel) => pathToFileURL(path.join(FAST, rel)).href,
    resolve: (spec, rel) => pathToFileURL(createRequire(path.join(FAST, rel)).resolve(spec)).href,
  };
  const source = (name) => {
    const file = path.join(FAST, name);
    const buf = fs.readFileSync(file);
    if (!intact(file, buf, manifest.chunks[name])) throw new Damaged(`${name} does not match the manifest`);
    return buf.toString('utf8');
  };
  const compile = (name, text, cachedData) =>
    new vm.Script(`(function (exports, require, module, __filename, __dirname, __clusterc) {${text}\n})`, { filename: path.join(FAST, name), cachedData });
  /** The cache of chunk `name` when its hash is the manifest's. */
  const cacheOf = (name) => {
    const file = path.join(FAST, name + '.cache');
    try {
      const buf = fs.readFileSync(file);
      return intact(file, buf, manifest.chunks[name].cache) ? buf : undefined;
    } catch {
      return undefined;
    }
  };
  const load = (name) => {
    const known = modules.get(name);
    if (known) return known.exports;
    if (!manifest.chunks[name]) throw new Damaged(`no chunk ${name}`);
    const text = source(name);
    const cachedData = cacheOf(name);
    const script = compile(name, text, cachedData);
    if (cachedData === undefined || script.cachedDataRejected) trace(`no code cache for ${name}`);
    const module = { exports: {} };
    modules.set(name, module);
    const file = path.join(FAST, name);
    const req = (id) => (id.startsWith('./') ? loadLazy(id.slice(2).replace(/\.js$/, '.cjs')) : nodeRequire(id));
    script.runInThisContext().call(module.exports, module.exports, req, module, file, FAST, meta);
    return module.exports;
  };
  let entryLoaded = false;
  /** `load`, but once the entry has loaded a damaged chunk re-runs the command from the plain build. */
  const loadLazy = (name) => {
    try {
      return load(name);
    } catch (e) {
      if (!entryLoaded || !(e instanceof Damaged)) throw e;
      trace(`plain: ${e.message} (the command runs again from the plain build)`);
      const r = require('node:child_process').spawnSync(process.execPath, [PLAIN, ...process.argv.slice(2)], { stdio: 'inherit' });
      if (r.signal) process.kill(process.pid, r.signal);
      process.exit(r.status ?? 2);
    }
  };
  const writeCaches = () => {
    // Every chunk compiled eagerly (--no-lazy), so that its cache holds every function, not only
    // those one run happened to call; the flag is restored before the cache is made, because V8
    // rejects a cache made under other flags.
    for (const [name, info] of Object.entries(manifest.chunks)) {
      const file = path.join(FAST, name);
      const text = fs.readFileSync(file);
      if (sha256(text) !== info.sha256) throw new Damaged(`${name} does not match the manifest`);
      require('node:v8').setFlagsFromString('--no-lazy');
      const script = compile(name, text.toString('utf8'), undefined);
      require('node:v8').setFlagsFromString('--lazy');
      const data = script.createCachedData();
      fs.writeFileSync(file + '.cache', data);
      info.mtimeMs = fs.statSync(file).mtimeMs;
      info.cache = { size: data.length, sha256: sha256(data), mtimeMs: fs.statSync(file + '.cache').mtimeMs };
    }
    fs.writeFileSync(path.join(FAST, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  };
  const start = () => {
    load(manifest.entry);
    entryLoaded = true;
  };
  return { start, writeCaches };
}

const manifest = readManifest();
if (typeof manifest === 'string') {
  plain(manifest);
} else {
  // Set here, not on Node's command line (bin/clusterc passes none): a V8 flag given there makes
  // Node refuse its built-in code cache for the internal modules it loads later; set after the
  // start, it only applies to what is compiled from now on, as the code caches expect.
  for (const f of V8_FLAGS) if (!process.execArgv.includes(f)) require('node:v8').setFlagsFromString(f);
  if (process.env.CLUSTERC_FAST_WRITE_CACHE === '1') {
    loader(manifest).writeCaches();
  } else {
    trace('fast');
    try {
      loader(manifest).start();
    } catch (e) {
      // An entry chunk that does not load: the plain build (the CLI has not run yet: its
      // commands run asynchronously, after the entry chunk has loaded).
      plain(`the entry chunk failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
