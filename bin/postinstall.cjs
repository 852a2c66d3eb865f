#!/usr/bin/env node
'use strict';
// package.json "postinstall": makes clusterc's start-up fast path for the Node that installs it.
// - In a checkout (src/cli.ts present: a clone, a git dependency) it does nothing: `prepare`
//   (`npm run build`) builds dist/ and the fast path after it.
// - In a package from a registry (`npm install clusterc`, `npm install -g clusterc`), where
//   `prepare` does not run, dist/fast/ holds the bundles as packed but code caches, snapshot and
//   stamp made by the Node of whoever packed it: src/tools/build-fast.ts `rebuildForThisNode` makes
//   them again for this Node, from the bundles (no esbuild, no sources needed).
// It never fails the install: anything that goes wrong leaves the launcher's fallback (bin/clusterc
// checks the stamp; bin/clusterc.cjs the manifest), which is correct, only slower to start; one line
// says so. CLUSTERC_NO_FAST=1 skips it.
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.join(__dirname, '..');

async function main() {
  if (process.env.CLUSTERC_NO_FAST) return;
  if (fs.existsSync(path.join(ROOT, 'src', 'cli.ts'))) return;
  const tool = path.join(ROOT, 'dist', 'src', 'tools', 'build-fast.js');
  if (!fs.existsSync(tool) || !fs.existsSync(path.join(ROOT, 'dist', 'fast', 'manifest.json'))) return;
  try {
    const { rebuildForThisNode } = await import(pathToFileURL(tool).href);
    rebuildForThisNode(ROOT);
  } catch (e) {
    process.stderr.write(`clusterc: the start-up fast path was not made for Node ${process.version} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); clusterc runs, only starts slower\n`);
  }
}

main().finally(() => {
  process.exitCode = 0;
});
