/**
 * Building the web application (web/dist) when it is needed:
 *
 *   node --import tsx web/build.ts --if-missing   `npm start`'s prestart: build only when web/dist has no index.html
 *   node --import tsx web/build.ts --if-stale     also rebuild when a source is newer than the build (the e2e tests)
 *   node --import tsx web/build.ts                always build (same as `npm run build:web`)
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');
const REPO = join(WEB_ROOT, '..');

/** The newest modification time among the files the build reads (web sources, the shared core formatting and types). */
function newestSource(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && name !== 'dist') visit(join(path, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of [join(WEB_ROOT, 'src'), join(WEB_ROOT, 'index.html'), join(WEB_ROOT, 'vite.config.ts'), join(REPO, 'src', 'core'), join(REPO, 'package-lock.json')]) visit(p);
  return newest;
}

export type BuildMode = 'always' | 'if-missing' | 'if-stale';

/** Whether web/dist must be (re)built under `mode`. */
export function needsBuild(mode: BuildMode): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (mode === 'always' || !existsSync(index)) return true;
  if (mode === 'if-missing') return false;
  return newestSource() > statSync(index).mtimeMs;
}

/** Build web/dist with Vite when `mode` says so; returns whether it built. */
export async function buildWeb(mode: BuildMode = 'always', opts: { quiet?: boolean } = {}): Promise<boolean> {
  if (!needsBuild(mode)) return false;
  const { build } = await import('vite');
  // always the production build: Vite keeps a NODE_ENV it finds set (vitest sets "test"), and React's
  // development build in web/dist (three times the bytes) would then be what `npm start` serves
  const was = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), mode: 'production', logLevel: opts.quiet ? 'warn' : 'info' });
  } finally {
    if (was === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = was;
  }
  return true;
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const mode: BuildMode = process.argv.includes('--if-missing') ? 'if-missing' : process.argv.includes('--if-stale') ? 'if-stale' : 'always';
  const built = await buildWeb(mode);
  if (!built) console.log(`web/dist is up to date (${mode}); \`npm run build:web\` rebuilds it`);
}
