/**
 * HTTP benchmark of the web server (src/server): autocannon against the real server on the
 * loopback interface only (127.0.0.1, a free port), each route for a bounded time (10 s by
 * default) at 50 connections, printing requests per second and p50/p99 latency.
 *
 * Routes: /healthz (the floor: no session, one `SELECT 1`), an agency's dashboard and its
 * measurements (signed in as the region's admin), on the demo agency (Diskopum 2025) and on
 * a generated region of 60 agencies × 40 indicators × 10 years (one agency of it; and the
 * region's dashboard of all 60). The store is a fresh embedded PGlite in a temporary
 * directory (as `npm start` runs), or PostgreSQL with `--engine postgres`
 * (BENCH_DATABASE_URL, else TEST_DATABASE_URL, in a schema of its own, dropped afterwards).
 *
 *   node --import tsx bench/http.ts [--duration 10] [--connections 50] [--engine pglite|postgres]
 *
 * The last line printed is the results as JSON.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { generateRegion } from '../src/core/dataset/generate.js';
import { validateDocument } from '../src/core/dataset/validate.js';
import { createDatasetQueries } from '../src/store/datasets.js';
import { openDatabase, type Db } from '../src/store/db.js';
import { createApp } from '../src/server/app.js';
import { createAccount } from '../src/server/auth.js';
import { DEMO_AGENCY, DEMO_PASSWORD, seedDemo } from '../src/server/demo.js';
import { createDeps } from '../src/server/server.js';

const REGION_SHAPE = { seed: 1, agencies: 60, indicators: 40, years: 10, agreementsPerYear: 2 as const };
const REGION_YEAR = 2021 + REGION_SHAPE.years - 1;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '50'));
const engine = arg('engine', 'pglite');
if (!(duration > 0 && duration <= 60) || !(connections > 0 && connections <= 500)) {
  console.error('expected --duration in (0, 60] seconds and --connections in (0, 500]');
  process.exit(2);
}

const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-bench-http-'));
let db: Db;
let dropSchema: (() => Promise<void>) | undefined;
if (engine === 'postgres') {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_http_${randomBytes(4).toString('hex')}`;
  db = await openDatabase({ databaseUrl: url, schema });
  dropSchema = async () => {
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await admin.end();
  };
} else {
  db = await openDatabase({ dataDir });
}

const deps = createDeps({
  pool: db.pool,
  secret: randomBytes(32).toString('hex'),
  settings: { dataDir, maxDatasetBytes: 64 * 1024 * 1024, publicUrl: 'http://127.0.0.1', trustedOrigins: [], trustProxy: false },
});
process.stderr.write('bench http: loading the demo and a generated region of 60 agencies …\n');
await seedDemo(deps);
const region = validateDocument(generateRegion(REGION_SHAPE));
if (region.kind !== 'region') throw new Error('the generated region is not valid');
await createDatasetQueries(db.pool).importRegion(region.region);
const generatedRegion = region.region.region;
const generatedAgency = 'opd-001';
await createAccount(deps.auth, { username: 'admin@bench', name: 'Bench admin', role: 'admin', region: generatedRegion, password: DEMO_PASSWORD });

const app = createApp(deps);
let inFlight = 0;
const server = serve({
  fetch: async (req, env) => {
    inFlight++;
    try {
      return await app.fetch(req, env);
    } finally {
      inFlight--;
    }
  },
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Sign in over HTTP like a browser: CSRF token, then the session cookie. */
async function sessionCookie(username: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie()[0]!.split(';')[0]!;
  const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrfCookie, 'x-csrf-token': token },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return [csrfCookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0]!)].join('; ');
}

interface Target {
  name: string;
  path: string;
  cookie?: string;
}
const demoCookie = await sessionCookie('admin@demo');
const regionCookie = await sessionCookie('admin@bench');
const targets: Target[] = [
  { name: 'healthz (floor)', path: '/healthz' },
  { name: 'demo: dashboard 2025', path: `/api/agencies/${DEMO_AGENCY}/dashboard?year=2025`, cookie: demoCookie },
  { name: 'demo: measurements 2025', path: `/api/agencies/${DEMO_AGENCY}/measurements?year=2025`, cookie: demoCookie },
  { name: `region60: dashboard ${generatedAgency} ${REGION_YEAR}`, path: `/api/agencies/${generatedAgency}/dashboard?year=${REGION_YEAR}`, cookie: regionCookie },
  { name: `region60: measurements ${generatedAgency} ${REGION_YEAR}`, path: `/api/agencies/${generatedAgency}/measurements?year=${REGION_YEAR}`, cookie: regionCookie },
  { name: `region60: region dashboard ${REGION_YEAR}`, path: `/api/regions/${encodeURIComponent(generatedRegion)}/dashboard?year=${REGION_YEAR}`, cookie: regionCookie },
];

interface Row {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  firstMs: number;
}
const rows: Row[] = [];
for (const t of targets) {
  // the first request alone: a cold cache (export + measure) for the data routes
  const t0 = performance.now();
  const first = await fetch(base + t.path, { headers: t.cookie ? { cookie: t.cookie } : {} });
  await first.arrayBuffer();
  const firstMs = performance.now() - t0;
  if (!first.ok) throw new Error(`${t.path}: ${first.status}`);
  process.stderr.write(`bench http: ${t.name} (${duration} s, ${connections} connections) …\n`);
  // the load comes from a worker thread, so it does not share the server's event loop
  const r = await autocannon({ url: base + t.path, connections, duration, workers: 1, headers: t.cookie ? { cookie: t.cookie } : {} });
  rows.push({
    name: t.name,
    path: t.path,
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    firstMs,
  });
}

await new Promise<void>((resolve) => server.close(() => resolve()));
// requests autocannon gave up on may still be running: let them finish before the store closes
for (let waited = 0; inFlight > 0 && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
await db.close();
await dropSchema?.();
await rm(dataDir, { recursive: true, force: true });

const w = Math.max(...rows.map((r) => r.name.length));
console.log(`HTTP (${engine}, loopback, ${connections} connections, ${duration} s per route)`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(w)}  ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50Ms).padStart(5)} ms  p99 ${String(r.p99Ms).padStart(5)} ms` +
      `  (first request ${r.firstMs.toFixed(0)} ms${r.non2xx || r.errors ? `; ${r.non2xx} non-2xx, ${r.errors} errors` : ''})`,
  );
}
console.log(JSON.stringify({ phase: 'http', engine, connections, duration, routes: rows }));
