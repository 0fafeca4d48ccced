/**
 * The end-to-end harness: the real server (src/server/main.ts, as `npm start` runs it) in a child
 * process on a free loopback port with a temporary data directory (embedded PGlite) and the demo
 * loaded, the built front end (web/dist, built first when stale), and the Chromium the PDFs are
 * printed with (src/report/chromium.ts: the npm package's build, `CHROMIUM_PATH`, or Debian's)
 * driven by playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/report/chromium.js';
import { buildWeb } from '../build.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(REPO, 'artifacts', 'screenshots');
export const DEMO_PASSWORD = 'kinerja-demo';
export const VIEWPORT = { width: 1366, height: 768 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** everything the server printed, for diagnosing a failure */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `env`: more of the server's variables (e.g. `KINERJA_TODAY`, the day the server takes as today);
 * `prepare`: what to put in the data directory before the server opens it (e.g. an agency and its
 * register rows written through the store: the embedded database has one writer, the server).
 */
export async function startServer(opts: { env?: Record<string, string>; prepare?: (dataDir: string) => Promise<void> } = {}): Promise<RunningServer> {
  await buildWeb('if-stale', { quiet: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-e2e-'));
  await opts.prepare?.(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // the test's own database and settings only: nothing from the developer's environment leaks in
  for (const k of Object.keys(env)) if (k.startsWith('KINERJA_') || k === 'DATABASE_URL' || k === 'NODE_ENV') delete env[k];
  Object.assign(env, {
    PORT: String(port),
    KINERJA_HOST: '127.0.0.1',
    KINERJA_PUBLIC_URL: url,
    KINERJA_DATA_DIR: dataDir,
    KINERJA_DEMO: '1',
    ...opts.env,
  });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'server', 'main.ts')], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within 90 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // the usual switches of a headless browser on a closed network (not the print's memory savers)
  return launchChromium({
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** browser errors seen on the page (uncaught exceptions) */
  errors: string[];
  /** the console's Content-Security-Policy violations, in any page of the context (previews too) */
  csp: string[];
}

/** A fresh browser context (own cookies) signed in as `username` through the sign-in form. */
export async function signIn(browser: Browser, base: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const csp: string[] = [];
  context.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) csp.push(m.text());
  });
  page.setDefaultTimeout(15_000);
  await page.goto(base);
  await page.getByLabel('Email atau nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByTestId('user-name').waitFor();
  return { context, page, errors, csp };
}

/** One test file's server and browser, and the browser contexts its tests opened. */
export interface E2E {
  /** the running server (from the file's `beforeAll` on) */
  readonly server: RunningServer;
  /** the server's address, `http://127.0.0.1:<port>` */
  readonly base: string;
  /** the file's Chromium */
  readonly browser: Browser;
  /** every session opened through `as` or added by a test, closed after the file; their `errors` are the browser errors seen */
  readonly sessions: Session[];
  /** A fresh browser context signed in as `username` (see `signIn`), kept in `sessions`. */
  as(username: string, password?: string): Promise<Session>;
}

/**
 * Registers the file's `beforeAll` (start the server with the demo, then launch Chromium) and
 * `afterAll` (close every kept session, the browser, stop the server) and returns their accessors.
 * Call it once at the top level of a test file; read `server`, `base` and `browser` inside tests
 * and hooks only (they throw before `beforeAll` has run).
 */
export function useE2E(opts: { env?: Record<string, string>; prepare?: (dataDir: string) => Promise<void> } = {}): E2E {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  const running = (): RunningServer => {
    if (!server) throw new Error('the e2e server is not running (read it inside a test, after beforeAll)');
    return server;
  };
  const launched = (): Browser => {
    if (!browser) throw new Error('the e2e browser is not launched (read it inside a test, after beforeAll)');
    return browser;
  };

  beforeAll(async () => {
    server = await startServer(opts);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 60_000);

  return {
    get server() {
      return running();
    },
    get base() {
      return running().url;
    },
    get browser() {
      return launched();
    },
    sessions,
    async as(username, password) {
      const s = await signIn(launched(), running().url, username, password);
      sessions.push(s);
      return s;
    },
  };
}

/** The page itself never scrolls sideways (wide tables scroll inside their own box). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Open a page of the application by its hash route and wait for its heading. */
export async function open(page: Page, base: string, route: string): Promise<void> {
  await page.goto(`${base}/#${route}`);
  await page.locator('main h1').first().waitFor();
}

/** A JSON API call with the context's session and CSRF token (for setting up what the browser then shows). */
export async function apiCall(context: BrowserContext, base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  let csrf = (await context.cookies(base)).find((c) => c.name === 'kinerja.csrf')?.value;
  if (!csrf) {
    await context.request.get(`${base}/api/auth/csrf`);
    csrf = (await context.cookies(base)).find((c) => c.name === 'kinerja.csrf')?.value;
  }
  const res = await context.request.fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    ...(body !== undefined ? { data: JSON.stringify(body) } : {}),
  });
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    json = await res.text();
  }
  return { status: res.status(), json };
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
