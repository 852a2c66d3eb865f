#!/usr/bin/env node
'use strict';
// The `clusterc` command. Starts the CLI from the start-up fast path in dist/fast/ when that was
// built for this very Node (by `npm install`, see src/tools/build-fast.ts) and is intact, else
// from the plain tsc build, dist/src/cli.js. Both run the same code, so their outputs are the
// same; the fast path only starts sooner:
// - dist/fast/*.cjs: the CLI bundled by esbuild with code splitting (each command's modules stay
//   in their own chunks, loaded only when that command runs), converted to CommonJS so that
// - dist/fast/*.cjs.cache: V8 code caches of every chunk can skip parsing and compiling;
// - V8 runs without its optimising compiler (--no-opt): a run of a fraction of a second never
//   repays optimisation, whose background compiles compete for the CPU.
// Checked before use: the manifest names the Node version, platform and V8 flags it was built for
// and the SHA-256 of every chunk and cache. Any mismatch, a missing or changed chunk, or an error
// while the entry chunk loads falls back to the plain build silently; a cache that does not match
// is not used (V8 compiles the chunk from source). CLUSTERC_NO_FAST=1 forces the plain build.
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');

const ROOT = path.join(__dirname, '..');
const FAST = path.join(ROOT, 'dist', 'fast');
/** V8 flags of the fast path; the code caches are only valid under the same flags. */
const V8_FLAGS = ['--no-opt'];
/** CLUSTERC_FAST_DEBUG=1 reports on stderr which path runs and why (for the tests). */
const trace = process.env.CLUSTERC_FAST_DEBUG === '1' ? (s) => process.stderr.write(`clusterc-launcher: ${s}\n`) : () => {};

function plain(why) {
  trace(`plain: ${why}`);
  // A dynamic import from CommonJS: dist/src/cli.js is an ES module.
  return import(require('node:url').pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli.js')).href);
}

/** The manifest and every chunk's source when the fast path can be used, else why not (a string). */
function readFast() {
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
    if (fs.statSync(path.join(ROOT, 'dist', 'src', 'cli.js')).mtimeMs > fs.statSync(manifestFile).mtimeMs) return 'older than dist/src';
  } catch {
    return 'no dist/src/cli.js';
  }
  const { createHash } = require('node:crypto');
  const sources = new Map();
  for (const [name, info] of Object.entries(manifest.chunks)) {
    let buf;
    try {
      buf = fs.readFileSync(path.join(FAST, name));
    } catch {
      return `cannot read ${name}`;
    }
    if (createHash('sha256').update(buf).digest('hex') !== info.sha256) return `${name} does not match the manifest`;
    sources.set(name, buf.toString('utf8'));
  }
  return { manifest, sources, createHash };
}

/** Loads the chunks as CommonJS modules through vm.Script, with their code caches. */
function loader(fast, writeCache) {
  const vm = require('node:vm');
  const { pathToFileURL } = require('node:url');
  const { createRequire } = require('node:module');
  const nodeRequire = createRequire(path.join(FAST, fast.manifest.entry));
  const modules = new Map();
  // What src/tools/build-fast.ts puts where a module used import.meta (paths are relative to dist/fast).
  const meta = {
    url: (rel) => pathToFileURL(path.join(FAST, rel)).href,
    resolve: (spec, rel) => pathToFileURL(createRequire(path.join(FAST, rel)).resolve(spec)).href,
  };
  const compile = (name, cachedData) =>
    new vm.Script(`(function (exports, require, module, __filename, __dirname, __clusterc) {${fast.sources.get(name)}\n})`, {
      filename: path.join(FAST, name),
      cachedData,
    });
  /** The cache of chunk `name` when its hash is the manifest's. */
  const cacheOf = (name) => {
    const want = fast.manifest.chunks[name].cache;
    if (!want) return undefined;
    try {
      const buf = fs.readFileSync(path.join(FAST, name + '.cache'));
      return fast.createHash('sha256').update(buf).digest('hex') === want ? buf : undefined;
    } catch {
      return undefined;
    }
  };
  const load = (name) => {
    const known = modules.get(name);
    if (known) return known.exports;
    if (!fast.sources.has(name)) throw new Error(`clusterc: no chunk ${name} in dist/fast`);
    const module = { exports: {} };
    modules.set(name, module);
    const file = path.join(FAST, name);
    const cachedData = cacheOf(name);
    const script = compile(name, cachedData);
    if (cachedData === undefined || script.cachedDataRejected) trace(`no code cache for ${name}`);
    const fn = script.runInThisContext();
    fn.call(module.exports, module.exports, (id) => (id.startsWith('./') ? load(id.slice(2).replace(/\.js$/, '.cjs')) : nodeRequire(id)), module, file, FAST, meta);
    return module.exports;
  };
  const writeCaches = () => {
    // Every chunk compiled eagerly (--no-lazy), so that its cache holds every function, not only
    // those one run happened to call; the flag is restored before the cache is made, because V8
    // rejects a cache made under other flags.
    for (const name of fast.sources.keys()) {
      v8.setFlagsFromString('--no-lazy');
      const script = compile(name, undefined);
      v8.setFlagsFromString('--lazy');
      const data = script.createCachedData();
      fs.writeFileSync(path.join(FAST, name + '.cache'), data);
      fast.manifest.chunks[name].cache = fast.createHash('sha256').update(data).digest('hex');
    }
    fs.writeFileSync(path.join(FAST, 'manifest.json'), JSON.stringify(fast.manifest, null, 2) + '\n');
  };
  return writeCache ? writeCaches : () => load(fast.manifest.entry);
}

const fast = readFast();
if (typeof fast === 'string') {
  plain(fast);
} else {
  for (const f of V8_FLAGS) v8.setFlagsFromString(f);
  if (process.env.CLUSTERC_FAST_WRITE_CACHE === '1') {
    loader(fast, true)();
  } else {
    try {
      trace('fast');
      loader(fast, false)();
    } catch (e) {
      // An entry chunk that does not load: the plain build (the CLI has not run yet: its
      // commands run asynchronously, after the entry chunk has loaded).
      plain(`the entry chunk failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
