/**
 * The server side of the HTTP benchmark (bench/http.ts forks it): the real web server in a
 * process of its own, so that the load generator never shares its event loop, heap or
 * garbage collector. It opens a fresh store (embedded PGlite in a temporary directory, as
 * `npm start` runs it, or PostgreSQL with `--engine postgres` in a schema of its own, dropped
 * afterwards), loads the demo agency and a generated region of 60 agencies, listens on a free
 * port of 127.0.0.1 and tells its parent, over the IPC channel:
 *
 *   → { ready: { port, region, agency, year } }
 *   ← 'cpu'   → { cpu: µs of CPU this process used so far (user + system) }
 *   ← { profile: 'start' } → { profiling: true }: the V8 CPU profiler starts (node:inspector)
 *   ← { profile: 'stop', file } → { profiled: file }: … stops and writes its profile to `file`
 *   ← 'stop'  → { stopped: true }, after the requests still in flight finished and the store closed
 *
 * Run by bench/http.ts only (its `--cpu-prof DIR` asks for one profile per route).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { generateRegion } from '../src/core/dataset/generate.js';
import { validateDocument } from '../src/core/dataset/validate.js';
import { createDatasetQueries } from '../src/store/datasets.js';
import { openDatabase, type Db } from '../src/store/db.js';
import { createApp } from '../src/server/app.js';
import { createAccount } from '../src/server/auth.js';
import { DEMO_PASSWORD, seedDemo } from '../src/server/demo.js';
import { createDeps, fixedDay } from '../src/server/server.js';
import { asSourceRows, drillDataset, drillRows } from '../src/core/registers/drill-fixtures.js';
import { createRegisterQueries } from '../src/store/registers.js';

export const REGION_SHAPE = { seed: 1, agencies: 60, indicators: 40, years: 10, agreementsPerYear: 2 as const };
const REGION_YEAR = 2021 + REGION_SHAPE.years - 1;

if (!process.send) {
  console.error('bench/http-server.ts is started by bench/http.ts (it needs an IPC channel)');
  process.exit(2);
}
const send = (m: unknown) => process.send!(m);

const engine = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'pglite';
/** `--drill N`: also an agency with registers of N cooperatives (and their facilitations) and N micro businesses, for the drill-down's route */
const drillSize = process.argv.includes('--drill') ? Number(process.argv[process.argv.indexOf('--drill') + 1]) : 0;
const DRILL_AGENCY = 'dinrinci';
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
  settings: { dataDir, maxDatasetBytes: 64 * 1024 * 1024, publicUrl: 'http://127.0.0.1', trustedOrigins: [], trustProxy: false, loopbackHosts: true },
  // the drill-down's figures are of the periods ended by today: a fixed day keeps them the same from run to run
  ...(drillSize > 0 ? { now: fixedDay('2026-10-15') } : {}),
});
process.stderr.write('bench http: loading the demo and a generated region of 60 agencies …\n');
await seedDemo(deps);
const region = validateDocument(generateRegion(REGION_SHAPE));
if (region.kind !== 'region') throw new Error('the generated region is not valid');
await createDatasetQueries(db.pool).importRegion(region.region);
const generatedRegion = region.region.region;
await createAccount(deps.auth, { username: 'admin@bench', name: 'Bench admin', role: 'admin', region: generatedRegion, password: DEMO_PASSWORD });

let drill: { agency: string; rows: number } | undefined;
if (drillSize > 0) {
  process.stderr.write(`bench http: an agency with registers of ${drillSize} cooperatives and ${drillSize} micro businesses …\n`);
  const ds = drillDataset();
  ds.agency = { ...ds.agency, name: 'Dinas Contoh Rincian', abbreviation: 'Dinrinci', region: 'Kabupaten Jember' };
  await createDatasetQueries(db.pool).importDataset(ds);
  const rows = drillRows(drillSize, 13);
  const q = createRegisterQueries(db.pool);
  for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro'] as const) {
    const r = await q.importRows(DRILL_AGENCY, id, asSourceRows(rows[id]), { store: true });
    if (!r.stored) throw new Error(`${id}: ${JSON.stringify(r.problems.slice(0, 3))}`);
  }
  drill = { agency: DRILL_AGENCY, rows: rows.koperasi.length - 1 + rows.fasilitasi.length - 1 + rows.usaha_mikro.length - 1 };
}

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

async function stop(): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // requests the load generator gave up on may still be running: let them finish before the store closes
  for (let waited = 0; inFlight > 0 && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await db.close();
  await dropSchema?.();
  await rm(dataDir, { recursive: true, force: true });
}

let profiler: Session | undefined;
async function profile(m: { profile: 'start' | 'stop'; file?: string }): Promise<unknown> {
  if (m.profile === 'start') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    return { profiling: true };
  }
  const { profile } = await profiler!.post('Profiler.stop');
  profiler!.disconnect();
  profiler = undefined;
  await writeFile(m.file!, JSON.stringify(profile));
  return { profiled: m.file };
}

process.on('message', (m) => {
  if (typeof m === 'object' && m !== null && 'profile' in m) {
    profile(m as { profile: 'start' | 'stop'; file?: string }).then(send, (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  } else if (m === 'cpu') {
    const u = process.cpuUsage();
    send({ cpu: u.user + u.system });
  } else if (m === 'stop') {
    stop().then(
      () => {
        send({ stopped: true });
        process.disconnect();
      },
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  }
});
send({ ready: { port: (server.address() as AddressInfo).port, region: generatedRegion, agency: 'opd-001', year: REGION_YEAR, ...(drill ? { drill } : {}) } });
