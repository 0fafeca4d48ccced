/**
 * HTTP benchmark of the web server (src/server): autocannon against the real server on the
 * loopback interface only (127.0.0.1, a free port), each route for a bounded time (10 s by
 * default) at 50 connections, printing requests per second, p50/p99 latency and the CPU time
 * per request of the server process and of this one (the load generator).
 *
 * The server runs in a process of its own (bench/http-server.ts, forked), the load generator
 * in this one: on a 2-core machine each has a core, and neither's event loop, heap or garbage
 * collection delays the other's.
 *
 * Routes: /healthz (the floor: no session, one `SELECT 1`), an agency's dashboard and its
 * measurements (signed in as the region's admin), on the demo agency (Diskopum 2025) and on
 * a generated region of 60 agencies × 40 indicators × 10 years (one agency of it; and the
 * region's dashboard of all 60). The store is a fresh embedded PGlite in a temporary
 * directory (as `npm start` runs), or PostgreSQL with `--engine postgres`
 * (BENCH_DATABASE_URL, else TEST_DATABASE_URL, in a schema of its own, dropped afterwards).
 *
 *   node --import tsx bench/http.ts [--duration 10] [--warmup 2] [--connections 50] [--engine pglite|postgres]
 *                                   [--only dashboard,measurements] [--cpu-prof DIR] [--encoding 'br, gzip'|identity]
 *
 * Every request sends `Accept-Encoding: br, gzip` as a browser does (`--encoding` changes it;
 * `identity` asks for none), so the latencies are those of compressed answers
 * (src/server/transfer.ts compresses JSON over 1 KiB); each route's answer is printed with its
 * encoding and its size as sent and as decoded.
 *
 * Each route is first loaded for `--warmup` seconds (default 2) that are not counted, so that
 * the figures are of a server that has compiled the route's code (the floor is warmed the
 * same way); the first request alone, before that, is printed as the cold one.
 *
 * `--only` keeps the floor and the routes whose name contains one of the words; `--cpu-prof DIR`
 * writes a V8 CPU profile of the server process during each route's load into
 * DIR/<route>.cpuprofile (open it in Chrome's DevTools; the figures of such a run are slower).
 * The last line printed is the results as JSON.
 */
import { fork } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_AGENCY, DEMO_PASSWORD } from '../src/server/demo.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const duration = Number(arg('duration', '10'));
const warmup = Number(arg('warmup', '2'));
const connections = Number(arg('connections', '50'));
const engine = arg('engine', 'pglite');
const only = arg('only', '').split(',').filter(Boolean);
const cpuProf = arg('cpu-prof', '');
/** `--drill N`: the drill-down's first page over registers of N cooperatives (and N micro businesses) */
const drillSize = Number(arg('drill', '0'));
if (!(duration > 0 && duration <= 60) || !(warmup >= 0 && warmup <= 60) || !(connections > 0 && connections <= 500) || !['pglite', 'postgres'].includes(engine)) {
  console.error('expected --duration in (0, 60] seconds, --warmup in [0, 60], --connections in (0, 500] and --engine pglite|postgres');
  process.exit(2);
}

if (engine === 'postgres') {
  // like the import-postgres phase: skipped (and saying so) when PostgreSQL does not answer
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
    await probe.end();
  } catch (e) {
    console.log(`HTTP (postgres): skipped, ${url.replace(/\/\/[^@/]*@/, '//…@')} does not answer`);
    console.log(JSON.stringify({ phase: 'http', engine, skipped: `PostgreSQL does not answer: ${(e as Error).message}` }));
    process.exit(0);
  }
}

interface Ready {
  port: number;
  region: string;
  agency: string;
  year: number;
  drill?: { agency: string; rows: number };
}
const child = fork(new URL('./http-server.ts', import.meta.url).pathname, ['--engine', engine, ...(drillSize > 0 ? ['--drill', String(drillSize)] : [])], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const messages: Record<string, unknown>[] = [];
let waiting: ((m: Record<string, unknown>) => void) | undefined;
child.on('message', (m) => {
  if (waiting) {
    const w = waiting;
    waiting = undefined;
    w(m as Record<string, unknown>);
  } else messages.push(m as Record<string, unknown>);
});
const exited = once(child, 'exit');
void exited.then(([code]) => {
  if (waiting) {
    console.error(`bench http: the server process exited (${String(code)})`);
    process.exit(1);
  }
});
/** The server process's next message. */
const next = (): Promise<Record<string, unknown>> =>
  messages.length ? Promise.resolve(messages.shift()!) : new Promise((r) => (waiting = r));
const serverCpuUs = async (): Promise<number> => {
  child.send('cpu');
  return (await next()).cpu as number;
};

const ready = (await next()).ready as Ready;
if (cpuProf) await mkdir(resolve(cpuProf), { recursive: true });
const base = `http://127.0.0.1:${ready.port}`;

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
/** What every request accepts, as a browser sends it. */
const acceptEncoding = arg('encoding', 'br, gzip');

/** One GET as sent on the wire (no decoding): its status, content-encoding and body size as transferred. */
function wireGet(path: string, headers: Record<string, string>): Promise<{ status: number; encoding: string; wireBytes: number }> {
  return new Promise((done, fail) => {
    const req = httpRequest(base + path, { headers }, (res) => {
      let wireBytes = 0;
      res.on('data', (b: Buffer) => (wireBytes += b.length));
      res.on('end', () => done({ status: res.statusCode ?? 0, encoding: String(res.headers['content-encoding'] ?? 'identity'), wireBytes }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const demoCookie = await sessionCookie('admin@demo');
const regionCookie = await sessionCookie('admin@bench');
const { agency, year, region } = ready;
const targets: Target[] = [
  { name: 'healthz (floor)', path: '/healthz' },
  { name: 'demo: dashboard 2025', path: `/api/agencies/${DEMO_AGENCY}/dashboard?year=2025`, cookie: demoCookie },
  { name: 'demo: measurements 2025', path: `/api/agencies/${DEMO_AGENCY}/measurements?year=2025`, cookie: demoCookie },
  { name: `region60: dashboard ${agency} ${year}`, path: `/api/agencies/${agency}/dashboard?year=${year}`, cookie: regionCookie },
  { name: `region60: measurements ${agency} ${year}`, path: `/api/agencies/${agency}/measurements?year=${year}`, cookie: regionCookie },
  { name: `region60: region dashboard ${year}`, path: `/api/regions/${encodeURIComponent(region)}/dashboard?year=${year}`, cookie: regionCookie },
  ...(ready.drill
    ? [
        {
          name: `drill: first page (${ready.drill.rows} register rows)`,
          path: `/api/agencies/${ready.drill.agency}/drill?indicator=${encodeURIComponent('renstra-2021-2026/KOP')}&year=2026`,
          cookie: demoCookie,
        },
      ]
    : []),
].filter((t) => t.name.startsWith('healthz') || only.length === 0 || only.some((w) => t.name.includes(w)));

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
  /** the answer's size, decoded */
  bytes: number;
  /** the answer's content-encoding (for `Accept-Encoding: <--encoding>`) and its size as sent */
  encoding: string;
  wireBytes: number;
  /** the server process's CPU time (user + system) per request of the load */
  serverCpuUsPerRequest: number;
  /** this process's (the load generator's) CPU time per request */
  clientCpuUsPerRequest: number;
}
const rows: Row[] = [];
for (const t of targets) {
  // the first request alone: a cold cache (export + measure) for the data routes
  const t0 = performance.now();
  const headers: Record<string, string> = { 'accept-encoding': acceptEncoding, ...(t.cookie ? { cookie: t.cookie } : {}) };
  const first = await wireGet(t.path, headers);
  const firstMs = performance.now() - t0;
  if (first.status !== 200) throw new Error(`${t.path}: ${first.status}`);
  const body = await (await fetch(base + t.path, { headers: t.cookie ? { cookie: t.cookie } : {} })).arrayBuffer();
  process.stderr.write(`bench http: ${t.name} (${warmup} s warm-up, ${duration} s, ${connections} connections) …\n`);
  if (warmup > 0) await autocannon({ url: base + t.path, connections, duration: warmup, headers });
  if (cpuProf) {
    child.send({ profile: 'start' });
    await next();
  }
  const cpu0 = await serverCpuUs();
  const own0 = process.cpuUsage();
  const r = await autocannon({ url: base + t.path, connections, duration, headers });
  const own = process.cpuUsage(own0);
  const cpu1 = await serverCpuUs();
  if (cpuProf) {
    child.send({ profile: 'stop', file: join(resolve(cpuProf), `${t.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+$/, '')}.cpuprofile`) });
    process.stderr.write(`bench http: profile ${String((await next()).profiled)}\n`);
  }
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
    bytes: body.byteLength,
    encoding: first.encoding,
    wireBytes: first.wireBytes,
    serverCpuUsPerRequest: r.requests.total > 0 ? (cpu1 - cpu0) / r.requests.total : NaN,
    clientCpuUsPerRequest: r.requests.total > 0 ? (own.user + own.system) / r.requests.total : NaN,
  });
}

child.send('stop');
await next();
await exited;

const w = Math.max(...rows.map((r) => r.name.length));
console.log(`HTTP (${engine}, loopback, ${connections} connections, ${duration} s per route after ${warmup} s of warm-up; the server in its own process; Accept-Encoding: ${acceptEncoding})`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(w)}  ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50Ms).padStart(5)} ms  p99 ${String(r.p99Ms).padStart(5)} ms` +
      `  CPU per request: server ${r.serverCpuUsPerRequest.toFixed(0).padStart(5)} µs, load generator ${r.clientCpuUsPerRequest.toFixed(0).padStart(5)} µs  (${(r.bytes / 1024).toFixed(1)} KiB, ${r.encoding} ${(r.wireBytes / 1024).toFixed(1)} KiB sent; first request ${r.firstMs.toFixed(0)} ms${r.non2xx || r.errors ? `; ${r.non2xx} non-2xx, ${r.errors} errors` : ''})`,
  );
}
console.log(JSON.stringify({ phase: 'http', engine, connections, duration, warmup, acceptEncoding, routes: rows }));
