/**
 * `npm run bench -- transfer`: the bytes a browser receives (compressed, headers included, as
 * sent over the wire) for the sign-in page (its HTML and the JS and CSS it loads) and for the
 * first dashboard after signing in (its JS, CSS and API answers). The real server runs in a
 * process of its own on the demo (as `npm start`: a fresh PGlite in a temporary directory, the
 * web build of web/dist), and Chromium loads the pages; each response's size is Playwright's
 * `request.sizes()` (headers and body as transferred). Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Request } from 'playwright-core';
import { launchChromium } from '../src/report/chromium.js';
import { buildWeb } from '../web/build.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const port = await new Promise<number>((resolve, reject) => {
  const srv = createServer();
  srv.once('error', reject);
  srv.listen(0, '127.0.0.1', () => {
    const a = srv.address();
    const p = typeof a === 'object' && a ? a.port : 0;
    srv.close(() => resolve(p));
  });
});
await buildWeb('if-stale', { quiet: true });
const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-bench-transfer-'));
const url = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env };
for (const k of Object.keys(env)) if (k.startsWith('KINERJA_') || k === 'DATABASE_URL' || k === 'NODE_ENV') delete env[k];
Object.assign(env, { PORT: String(port), KINERJA_HOST: '127.0.0.1', KINERJA_PUBLIC_URL: url, KINERJA_DATA_DIR: dataDir, KINERJA_DEMO: '1' });
const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'server', 'main.ts')], { cwd: REPO, env, stdio: ['ignore', 'ignore', 'inherit'] });
const exited = new Promise((resolve) => child.once('exit', resolve));

try {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('the server did not answer /healthz within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await launchChromium({ args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    // every response of the page while `load` runs, with its transferred size
    const record = async (page: Page, load: () => Promise<void>) => {
      const seen: Request[] = [];
      const on = (r: Request) => seen.push(r);
      page.on('requestfinished', on);
      await load();
      page.off('requestfinished', on);
      const rows = await Promise.all(
        seen.map(async (r) => {
          const s = await r.sizes();
          const res = await r.response();
          return { url: new URL(r.url()).pathname, bytes: s.responseBodySize + s.responseHeadersSize, encoding: (await res?.headerValue('content-encoding')) ?? '' };
        }),
      );
      return { bytes: rows.reduce((a, r) => a + r.bytes, 0), rows };
    };
    const signInPage = await record(page, async () => {
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.getByLabel('Kata sandi').waitFor();
    });
    const dashboard = await record(page, async () => {
      await page.getByLabel('Email atau nama pengguna').fill('perencana@diskopum');
      await page.getByLabel('Kata sandi').fill('kinerja-demo');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByTestId('user-name').waitFor();
      await page.goto(`${url}/#/a/diskopum/dashboard/2025`, { waitUntil: 'networkidle' });
      await page.locator('.chart svg').first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
    });
    // the first dashboard as a fresh browser gets it: everything since the sign-in form (JS, CSS, API)
    console.log(JSON.stringify({ phase: 'transfer', signInBytes: signInPage.bytes, signIn: signInPage.rows, dashboardBytes: dashboard.bytes, dashboard: dashboard.rows }));
  } finally {
    await browser.close();
  }
} finally {
  if (child.exitCode === null) child.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true });
}
