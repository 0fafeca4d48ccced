// The compiled JavaScript of src/ in dist/ (same folder depth as src/, so every path a module
// takes relative to itself — ../data, ../../examples, ../../web/dist, ./migrations — is the same
// in both), and how the command line and the server start from it:
//
//   node bin/compiled.js              build dist/ (npm run build; `prepare`, so `npm ci` builds it)
//   node bin/compiled.js --if-stale   build only when dist/ is missing or older than src/
//
// Plain JavaScript on purpose: it runs before anything can compile TypeScript. Each source file
// is transpiled on its own by esbuild (no bundling, no type check: `npm run typecheck` does that);
// the files the modules read at run time (the SQL schema and migrations) are copied beside them.
//
// Staleness, cheaply (about 3 ms): the newest modification time among src/'s files and folders
// (a folder's changes when a file is added, removed or renamed in it), this file and tsconfig.json,
// against the one recorded in dist/ when it was built. A stale build is rebuilt before it runs
// (about half a second), with a notice on standard error; where it cannot be rebuilt (no esbuild,
// a read-only install), the sources run through tsx, with a notice. docs/decisions.md, "Compiled
// JavaScript".
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The install directory (where package.json is). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const STAMP = '.build.json';

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');
const isAsset = (name) => !name.endsWith('.ts') && !name.endsWith('.md');

/** The files a build reads: the sources to transpile and the assets to copy, and the newest modification time among them and their folders. */
export function scanSources(root = ROOT) {
  const sources = [];
  const assets = [];
  let newest = 0;
  const visit = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (isSource(e.name) || isAsset(e.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
        (isSource(e.name) ? sources : assets).push(path);
      }
    }
  };
  visit(join(root, 'src'));
  for (const f of [fileURLToPath(import.meta.url), join(root, 'tsconfig.json')]) if (existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return { sources, assets, newest };
}

/** The newest source time dist/ was built from (-1 when there is no build). */
function builtFrom(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'dist', STAMP), 'utf8')).newest;
  } catch {
    return -1;
  }
}

/** Why dist/ cannot be run as it is ('missing' or 'stale'), or undefined when it is up to date. */
export function staleness(root = ROOT) {
  const built = builtFrom(root);
  if (built < 0) return 'missing';
  return scanSources(root).newest > built ? 'stale' : undefined;
}

/**
 * Build dist/ from src/: into a folder of its own first, then put in place, so a command
 * starting meanwhile never runs half a build, and two builds at once both end with a whole one.
 * Unless `force`d (`npm run build`), a build finding that another one from the same sources was put
 * in place meanwhile keeps that one.
 */
export async function build(root = ROOT, { force = false } = {}) {
  const t0 = performance.now();
  const { sources, assets, newest } = scanSources(root);
  const { build: esbuild } = await import('esbuild');
  const dist = join(root, 'dist');
  const tmp = join(root, `.dist-${process.pid}-${Date.now()}`);
  try {
    await esbuild({
      entryPoints: sources,
      outbase: join(root, 'src'),
      outdir: tmp,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'linked',
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'warning',
    });
    for (const a of assets) {
      const to = join(tmp, relative(join(root, 'src'), a));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, readFileSync(a));
    }
    writeFileSync(join(tmp, STAMP), JSON.stringify({ newest, builtAt: new Date().toISOString(), files: sources.length }) + '\n');
    // another command rebuilt it meanwhile from the same sources: keep that one (whoever runs it keeps its files)
    if (!force && builtFrom(root) >= newest) return { files: sources.length, ms: performance.now() - t0 };
    const old = `${tmp}-old`;
    try {
      renameSync(dist, old);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    try {
      renameSync(tmp, dist);
    } catch (e) {
      // another build put its dist/ in place between the two renames: it is built from the same sources
      if (!existsSync(join(dist, STAMP))) throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { files: sources.length, ms: performance.now() - t0 };
}

const english = () => {
  const argv = process.argv;
  const i = argv.indexOf('--lang');
  return i >= 0 ? argv[i + 1] === 'en' : argv.includes('--lang=en') || process.env.KINERJA_LANG === 'en';
};
const seconds = (ms) => (ms / 1000).toFixed(1).replace('.', ',');

/**
 * The module `entry` (a path under src/ without its extension, e.g. 'cli/main') as the command
 * runs it: from dist/ when up to date; rebuilt first when src/ changed since; the TypeScript
 * source through tsx when dist/ cannot be built. Notices go to standard error.
 */
export async function loadEntry(entry) {
  const why = staleness();
  if (why) {
    try {
      const { ms } = await build();
      if (why === 'stale') {
        process.stderr.write(
          english()
            ? `kinerja: src/ changed since dist/ was built; rebuilt in ${(ms / 1000).toFixed(1)} s\n`
            : `kinerja: src/ berubah sejak dist/ dibangun; dibangun ulang dalam ${seconds(ms)} detik\n`,
        );
      }
    } catch (e) {
      process.stderr.write(
        english()
          ? `kinerja: dist/ is ${why === 'stale' ? 'older than src/' : 'missing'} and could not be built (${e.code ?? e.message}); running the TypeScript sources through tsx (slower to start). \`npm run build\` builds it\n`
          : `kinerja: dist/ ${why === 'stale' ? 'lebih lama dari src/' : 'tidak ada'} dan tidak dapat dibangun (${e.code ?? e.message}); sumber TypeScript dijalankan lewat tsx (lebih lambat dimulai). \`npm run build\` membangunnya\n`,
      );
      const { register } = await import('tsx/esm/api');
      register();
      return import(pathToFileURL(join(ROOT, 'src', `${entry}.ts`)).href);
    }
  }
  if (process.env.KINERJA_DEBUG) process.setSourceMapsEnabled(true); // stack traces name the TypeScript lines
  return import(pathToFileURL(join(ROOT, 'dist', `${entry}.js`)).href);
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const why = process.argv.includes('--if-stale') ? staleness() : 'asked';
  if (why) {
    const { files, ms } = await build(ROOT, { force: why === 'asked' });
    console.log(`dist/: ${files} modules built from src/ in ${Math.round(ms)} ms`);
  } else {
    console.log('dist/ is up to date with src/');
  }
}
