// `node dist/src/tools/build-fast.js`: builds the start-up fast path, dist/fast/, that the
// `clusterc` launcher (bin/clusterc.cjs) uses when it was built for the Node that runs it. Run by
// `npm install` (the `prepare` script, after tsc), because the code caches are tied to the exact
// Node version and V8 flags. Nothing here is specific to one command:
// 1. esbuild bundles src/cli.ts as ES modules with code splitting: every `import()` of a command
//    module (src/cli.ts loads each command lazily) becomes its own chunk, and the code two commands
//    share goes into shared chunks, so a command still loads only its own dependencies;
// 2. each chunk is converted to CommonJS (`import()` becomes a lazy require), because Node 20 has
//    a code cache for scripts but none for ES modules; `import.meta` is replaced by the URL of the
//    module's plain counterpart (dist/src/… or node_modules/…), so file lookups relative to a
//    module find the same files;
// 3. the launcher, run with CLUSTERC_FAST_WRITE_CACHE=1, writes a V8 code cache of every chunk
//    under the flags it runs with, and the size, SHA-256 and modification time of each file into
//    dist/fast/manifest.json.
// The output is written to a temporary directory and renamed into place. A failure leaves no
// dist/fast/ (the launcher then runs the plain build) and is reported; `--strict` makes it fatal.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the fast path goes, relative to the package root. */
export const FAST_DIR = join('dist', 'fast');

const IMPORT_META = /\bimport\.meta\.(url|resolve|dirname|filename)\b/g;

/** Rewrites `import.meta.*` in the module at `file` for a chunk in `fastDir` (see the header). */
export function rewriteImportMeta(text: string, file: string, root: string, fastDir: string): string {
  // The plain counterpart: src/x/y.ts → dist/src/x/y.js (tsc's output); other files as they are.
  const rel = relative(root, file);
  const plainFile = rel.startsWith('src' + sep) && /\.ts$/.test(rel) ? join(root, 'dist', rel.replace(/\.ts$/, '.js')) : file;
  const fromFast = JSON.stringify(relative(fastDir, plainFile).split(sep).join('/'));
  return text.replace(IMPORT_META, (_m, what: string) => {
    if (what === 'url') return `__clusterc.url(${fromFast})`;
    if (what === 'resolve') return `((s) => __clusterc.resolve(s, ${fromFast}))`;
    if (what === 'filename') return `require("node:url").fileURLToPath(__clusterc.url(${fromFast}))`;
    return `require("node:path").dirname(require("node:url").fileURLToPath(__clusterc.url(${fromFast})))`;
  });
}

/** Builds dist/fast/ under `root`; throws on failure (leaving the previous dist/fast/ removed). */
export async function buildFast(root: string): Promise<{ chunks: string[] }> {
  const esbuild = await import('esbuild');
  const out = join(root, FAST_DIR);
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    // chevrotain's package entry loads hundreds of lodash-es modules; src/spec/chevrotain.ts loads its
    // one-file bundle instead, with a top-level await that CommonJS cannot have: here the same bundle
    // is imported statically.
    const chevrotainBundle = join(dirname(fileURLToPath(import.meta.resolve('chevrotain'))), '..', 'chevrotain.mjs');
    // `explain` prints from a table of the catalogue (src/diagnostics/explain-table.ts): in the bundle
    // that module is the table itself, taken from the plain build, as one JSON string (V8 parses JSON
    // faster than the same object literal), so that `explain` loads none of the catalogue's modules.
    const { explainTable } = (await import(pathToFileURL(join(root, 'dist', 'src', 'diagnostics', 'explain-table.js')).href)) as typeof import('../diagnostics/explain-table.js');
    const explainTableModule = `const TABLE = JSON.parse(${JSON.stringify(JSON.stringify(explainTable()))});\nexport function explainTable() { return TABLE; }\n`;
    const plugin = {
      name: 'clusterc-fast',
      setup(b: import('esbuild').PluginBuild) {
        b.onLoad({ filter: /[\\/]src[\\/]diagnostics[\\/]explain-table\.ts$/ }, () => ({ contents: explainTableModule, loader: 'js' }));
        b.onLoad({ filter: /[\\/]src[\\/]spec[\\/]chevrotain\.ts$/ }, (args) => ({
          contents: `export { ${chevrotainExports(readFileSync(args.path, 'utf8')).join(', ')} } from ${JSON.stringify(chevrotainBundle)};\n`,
          loader: 'ts',
          resolveDir: dirname(args.path),
        }));
        // commander requires node:child_process (about 10 ms to load) at the top of lib/command.js,
        // only to spawn executable subcommands, which clusterc has none of: required when used.
        b.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          const line = "const childProcess = require('node:child_process');";
          if (!text.includes(line) || (text.match(/childProcess\./g) ?? []).length !== (text.match(/childProcess\.spawn\(/g) ?? []).length) {
            throw new Error(`commander's lib/command.js no longer has \`${line}\` used only for spawn`);
          }
          return { contents: text.replace(line, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js', resolveDir: dirname(args.path) };
        });
        b.onLoad({ filter: /\.(ts|mjs|js|cjs)$/ }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          if (!text.includes('import.meta')) return undefined;
          return { contents: rewriteImportMeta(text, args.path, root, out), loader: args.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
        });
      },
    };
    const esm = join(tmp, 'esm');
    const built = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [join(root, 'src', 'cli.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: esm,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      metafile: true,
      plugins: [plugin],
      logLevel: 'silent',
    });
    const chunks: Record<string, { size: number; sha256: string }> = {};
    for (const file of Object.keys(built.metafile.outputs)) {
      const abs = resolve(root, file);
      const code = (
        await esbuild.transform(readFileSync(abs, 'utf8'), {
          format: 'cjs',
          platform: 'node',
          target: 'node20',
          supported: { 'dynamic-import': false },
          logLevel: 'silent',
        })
      ).code.replace(/^#!.*\n/, '');
      const name = basename(abs).replace(/\.js$/, '.cjs');
      writeFileSync(join(tmp, name), code);
      chunks[name] = { size: Buffer.byteLength(code), sha256: createHash('sha256').update(code).digest('hex') };
    }
    rmSync(esm, { recursive: true, force: true });
    const manifest = {
      format: 1,
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      v8Flags: launcherFlags(root),
      entry: 'cli.cjs',
      chunks,
    };
    if (!chunks[manifest.entry]) throw new Error(`esbuild wrote no ${manifest.entry}`);
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    renameSync(tmp, out);
    writeCodeCaches(root);
    await buildSnapshot(root, esbuild, plugin);
    return { chunks: Object.keys(chunks).sort() };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Has the launcher write the code cache of every chunk (it makes them under the flags it runs
 * with) and record them in the manifest; throws when a cache is missing afterwards.
 */
function writeCodeCaches(root: string): void {
  const out = join(root, FAST_DIR);
  const r = spawnSync(process.execPath, [join(root, 'bin', 'clusterc.cjs')], {
    env: { ...process.env, CLUSTERC_FAST_WRITE_CACHE: '1', CLUSTERC_NO_FAST: '', NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  const written = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { chunks: Record<string, { cache?: unknown }> };
  if (r.status !== 0 || !Object.values(written.chunks).every((c) => c.cache)) {
    throw new Error(`writing the code caches failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n')[0]}`);
  }
}

/**
 * Re-makes what is tied to the Node binary from the bundles a package carries (bin/postinstall.cjs,
 * at a registry install, where `prepare` does not run and neither esbuild nor src/ is there): the
 * code caches of the chunks for this Node, then the snapshot blob and its stamp. The chunks and the
 * snapshot bundle are plain JavaScript, the same for any Node >= 20; the manifest is re-pointed at
 * this Node only after the launcher has verified every chunk's SHA-256 against it (writeCaches). On
 * a failure the stamp is gone, so bin/clusterc uses bin/clusterc.cjs, which uses the caches only if
 * they were made for this Node, else the plain build.
 */
export function rebuildForThisNode(root: string): void {
  const out = join(root, FAST_DIR);
  rmSync(join(out, SNAPSHOT.stamp), { force: true });
  const manifestFile = join(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, node: process.version, platform: process.platform, arch: process.arch }, null, 2) + '\n');
  writeCodeCaches(root);
  makeSnapshotBlob(root);
}

/**
 * The names src/spec/chevrotain.ts exports (its `export const { a, b } = chevrotain;`), which the
 * fast path re-exports from chevrotain's bundle: derived, so the two cannot differ.
 */
export function chevrotainExports(moduleText: string): string[] {
  const m = /^export const \{([^}]*)\} = chevrotain;$/m.exec(moduleText);
  const names = m ? m[1]!.split(',').map((n) => n.trim()).filter((n) => n !== '') : [];
  if (names.length === 0 || names.some((n) => !/^[A-Za-z_$][\w$]*$/.test(n))) {
    throw new Error('src/spec/chevrotain.ts has no `export const { ... } = chevrotain;` line of plain names');
  }
  return names;
}

/** Files of the start-up snapshot in dist/fast/ (read by bin/clusterc; see buildSnapshot). */
export const SNAPSHOT = { bundle: 'snapshot.cjs', blob: 'snapshot.blob', stamp: 'snapshot.stamp' } as const;

/**
 * Builds the start-up snapshot into dist/fast/ (after the chunks): src/snapshot.ts bundled by
 * esbuild as one CommonJS file (`node --build-snapshot` loads no other user-land module; packages loaded
 * with import(), such as the graph command's WebAssembly renderer, stay outside), then
 * `node --build-snapshot` under the launcher's V8 flags. The blob is tried (`check --help`) before it
 * is moved into place; last comes the stamp that bin/clusterc checks: the Node binary and the
 * package directory it was built for, one per line, written after the blob so that it is newer.
 */
async function buildSnapshot(root: string, esbuild: typeof import('esbuild'), plugin: import('esbuild').Plugin): Promise<void> {
  const out = join(root, FAST_DIR);
  const bundle = join(out, SNAPSHOT.bundle);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'snapshot.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: bundle,
    // The bundle's source text stays in the snapshot's heap (V8 compiles lazily from it): without
    // comments and whitespace it is a quarter smaller and one-byte (a comment with `→` or `§` made
    // the whole 1.8 MB a two-byte string), the blob 10.5 MB → 8.3 MB, and a snapshot start
    // deserialises that much less. Names and syntax stay as they are.
    minifyWhitespace: true,
    // What the import.meta rewrite (rewriteImportMeta) calls; paths relative to dist/fast/.
    banner: {
      js:
        'var __clusterc = { url: (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href, ' +
        'resolve: (s, rel) => require("node:url").pathToFileURL(require("node:module").createRequire(require("node:path").join(__dirname, rel)).resolve(s)).href };',
    },
    plugins: [
      plugin,
      {
        // A package the code loads with import() (a heavy one, loaded by the one command that needs
        // it) stays out of the snapshot: loaded from node_modules if that command ever runs.
        name: 'lazy-packages-outside',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
        },
      },
    ],
    logLevel: 'silent',
  });
  makeSnapshotBlob(root);
}

/**
 * Runs `node --build-snapshot` on dist/fast/snapshot.cjs under the launcher's V8 flags, tries the
 * blob, moves it into place and writes the stamp (see buildSnapshot).
 */
function makeSnapshotBlob(root: string): void {
  const out = join(root, FAST_DIR);
  const bundle = join(out, SNAPSHOT.bundle);
  const flags = launcherFlags(root);
  // bin/clusterc starts the snapshot with the same flags, written out in its `exec` line.
  if (!readFileSync(join(root, 'bin', 'clusterc'), 'utf8').includes(`exec "$node" ${flags.join(' ')} --snapshot-blob `)) {
    throw new Error(`bin/clusterc does not start the snapshot with the V8 flags of bin/clusterc.cjs (${flags.join(' ')})`);
  }
  // ... and bin/clusterc.cjs with none (it sets them at run time; see bin/clusterc).
  if (!readFileSync(join(root, 'bin', 'clusterc'), 'utf8').includes('\nexec node "$root/bin/clusterc.cjs" "$@"\n')) {
    throw new Error('bin/clusterc does not start bin/clusterc.cjs without V8 flags (it sets them itself)');
  }
  const tmp = join(out, `${SNAPSHOT.blob}.tmp-${process.pid}`);
  const built = spawnSync(process.execPath, [...flags, '--snapshot-blob', tmp, '--build-snapshot', bundle], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (built.status !== 0) {
    rmSync(tmp, { force: true });
    throw new Error(`node --build-snapshot failed (exit ${built.status}): ${(built.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
  }
  // (The first argument must be a command: Node takes options before it for its own.)
  const tried = spawnSync(process.execPath, [...flags, '--snapshot-blob', tmp, 'check', '--help'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (tried.status !== 0 || !tried.stdout.startsWith('Usage: clusterc check ')) {
    rmSync(tmp, { force: true });
    throw new Error(`the snapshot does not start (exit ${tried.status}): ${(tried.stderr ?? '').trim().split('\n')[0]}`);
  }
  renameSync(tmp, join(out, SNAPSHOT.blob));
  writeFileSync(join(out, SNAPSHOT.stamp), `${realpathSync(process.execPath)}\n${realpathSync(root)}\n`);
}

/** The V8_FLAGS array of bin/clusterc.cjs (the manifest records what the caches were made for). */
function launcherFlags(root: string): string[] {
  const m = /const V8_FLAGS = (\[[^\]]*\]);/.exec(readFileSync(join(root, 'bin', 'clusterc.cjs'), 'utf8'));
  if (!m) throw new Error('bin/clusterc.cjs has no V8_FLAGS');
  return JSON.parse(m[1]!.replace(/'/g, '"')) as string[];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const strict = process.argv.includes('--strict');
  try {
    if (!existsSync(join(root, 'bin', 'clusterc.cjs'))) throw new Error('bin/clusterc.cjs not found');
    const { chunks } = await buildFast(root);
    process.stderr.write(`built ${FAST_DIR} (${chunks.length} chunks) for Node ${process.version}\n`);
  } catch (e) {
    process.stderr.write(`warning: the start-up fast path (${FAST_DIR}) was not built: ${e instanceof Error ? e.message : String(e)}; clusterc runs from the plain build\n`);
    if (strict) process.exitCode = 1;
  }
}
