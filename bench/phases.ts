/**
 * One benchmark phase per process (so each phase's peak memory is its own):
 *   node --expose-gc --import tsx bench/phases.ts <phase>
 * prints one JSON line with the phase's figures. bench/run.ts runs them all.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateRegion } from '../src/core/dataset/generate.js';
import { agencyId } from '../src/core/dataset/model.js';
import type { Dataset, Region } from '../src/core/dataset/schema.js';
import { validateDocument } from '../src/core/dataset/validate.js';
import { createMeasureContext, measure, measureYear } from '../src/core/measure/index.js';
import type { PgliteServer } from '../src/store/db.js';

// The store and the report renderers are loaded only by the phases that use them, so that a
// measurement phase's peak memory is the measurement's, not that of PGlite or the renderers.
const store = async () => ({
  ...(await import('../src/store/db.js')),
  ...(await import('../src/store/migrate.js')),
  ...(await import('../src/store/datasets.js')),
});

export const REGION_SHAPE = { seed: 1, agencies: 60, indicators: 40, years: 10, agreementsPerYear: 2 as const };
const REPS = 5;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const peakMb = (): number => process.resourceUsage().maxRSS / 1024;

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

function region(): { region: Region; generateMs: number; validateMs: number } {
  const t0 = performance.now();
  const raw = generateRegion(REGION_SHAPE);
  const t1 = performance.now();
  const v = validateDocument(raw);
  const t2 = performance.now();
  if (v.kind !== 'region') throw new Error(`the generated region is not valid: ${JSON.stringify(v.findings.slice(0, 3))}`);
  return { region: v.region, generateMs: t1 - t0, validateMs: t2 - t1 };
}

const lastYear = (r: Region): number => Math.max(...r.agencies.flatMap((a) => a.agreements.map((g) => g.year)));

async function measureDemo() {
  const path = new URL('../examples/diskopum-jember-2025.json', import.meta.url);
  const v = validateDocument(JSON.parse(await readFile(path, 'utf8')));
  if (v.kind !== 'dataset') throw new Error('demo dataset invalid');
  const ds = v.dataset;
  for (let i = 0; i < 20; i++) measure(ds, 2025);
  gc();
  const times: number[] = [];
  for (let i = 0; i < 200; i++) times.push((await timed(() => measure(ds, 2025))).ms);
  return { phase: 'measure-demo', iterations: times.length, medianMs: median(times), maxMs: Math.max(...times), peakRssMb: peakMb() };
}

/** The region, one year per agency (its latest), measured in-process from the parsed dataset. */
function measureRegionOnce(r: Region, year: number): number {
  let rows = 0;
  for (const ds of r.agencies) rows += measure(ds, year, { regionSettings: r.settings }).agreements.reduce((s, a) => s + a.rows.length, 0);
  return rows;
}

async function measureRegion() {
  const { region: r, generateMs, validateMs } = region();
  const year = lastYear(r);
  gc();
  const cold = await timed(() => measureRegionOnce(r, year));
  const warm: number[] = [];
  for (let i = 0; i < REPS; i++) warm.push((await timed(() => measureRegionOnce(r, year))).ms);
  // every year of every agency: 600 agency-years, one context per agency
  const allYears = await timed(() => {
    let n = 0;
    for (const ds of r.agencies) {
      const ctx = createMeasureContext(ds, { regionSettings: r.settings });
      for (let y = REGION_SHAPE.years; y > 0; y--) n += measureYear(ctx, year - y + 1).agreements.length;
    }
    return n;
  });
  return {
    phase: 'measure-region',
    agencies: r.agencies.length,
    year,
    agreementRows: cold.value,
    generateMs,
    validateMs,
    coldMs: cold.ms,
    warmMedianMs: median(warm),
    allYearsMs: allYears.ms,
    peakRssMb: peakMb(),
  };
}

interface Target {
  engine: 'pglite' | 'postgres';
  pool(schema: string): pg.Pool;
  close(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const { startPglite, createPool } = await store();
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-bench-'));
  const server: PgliteServer = await startPglite(join(dir, 'pglite'));
  return {
    engine: 'pglite',
    pool: (schema) => createPool(server.poolConfig, schema),
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const { createPool } = await store();
  return { engine: 'postgres', pool: (schema) => createPool({ connectionString: url, max: 2 }, schema), close: async () => {} };
}

async function freshPool(t: Target, name: string): Promise<pg.Pool> {
  const { ensureSchema, migrate } = await store();
  const pool = t.pool(name);
  await ensureSchema(pool, name);
  await migrate(pool);
  return pool;
}

async function dropPool(pool: pg.Pool, name: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`);
  await pool.end();
}

async function importPhase(engine: 'pglite' | 'postgres') {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const t = engine === 'pglite' ? await pgliteTarget() : await postgresTarget(url);
  const { region: r } = region();
  const { emptyRows, flattenDataset, createDatasetQueries, readAgencyRowsQuery, rawInsertRows } = await store();
  const rows = emptyRows();
  r.agencies.forEach((ds: Dataset, i: number) => flattenDataset(ds, { region: r.region, position: i }, rows));
  const rowCount = Object.values(rows).reduce((s, list) => s + list.length, 0);
  const importMs: number[] = [];
  const rawMs: number[] = [];
  let floorMs: number[] = [];
  let exportMs = 0;
  let measureFromDbMs = 0;
  try {
    for (let i = 0; i < 3; i++) {
      const a = `bench_import_${process.pid}_${i}`;
      const pa = await freshPool(t, a);
      importMs.push((await timed(() => createDatasetQueries(pa).importRegion(r))).ms);
      if (i === 0) {
        // the floor: ONE SQL query reading the rows of every agency that measurement reads
        const ids = r.agencies.map((ds) => agencyId(ds.agency));
        const regionQuery = readAgencyRowsQuery.replaceAll('= $1', '= ANY($1::text[])');
        await pa.query(regionQuery, [ids]);
        floorMs = [];
        for (let k = 0; k < REPS; k++) floorMs.push((await timed(() => pa.query(regionQuery, [ids]))).ms);
        const exported = await timed(() => createDatasetQueries(pa).exportRegion(r.region));
        exportMs = exported.ms;
        const year = lastYear(r);
        measureFromDbMs = exportMs + (await timed(() => measureRegionOnce(exported.value!, year))).ms;
      }
      await dropPool(pa, a);
      const b = `bench_raw_${process.pid}_${i}`;
      const pb = await freshPool(t, b);
      rawMs.push((await timed(() => rawInsertRows(pb, rows, { rowsPerStatement: 1000 }))).ms);
      await dropPool(pb, b);
    }
  } finally {
    await t.close();
  }
  return {
    phase: `import-${engine}`,
    rows: rowCount,
    importMedianMs: median(importMs),
    rawInsertMedianMs: median(rawMs),
    importToRaw: median(importMs) / median(rawMs),
    floorQueryMs: median(floorMs),
    exportRegionMs: exportMs,
    measureFromDatabaseMs: measureFromDbMs,
    peakRssMb: peakMb(),
  };
}

async function postgresReachable(): Promise<boolean> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const PHASES: Record<string, () => Promise<object>> = {
  'measure-demo': measureDemo,
  'measure-region': measureRegion,
  'import-pglite': () => importPhase('pglite'),
  'import-postgres': async () => ((await postgresReachable()) ? importPhase('postgres') : { phase: 'import-postgres', skipped: 'PostgreSQL does not answer' }),
  'report-demo': async () => (await import('./report.js')).reportDemo(),
};

const name = process.argv[2];
if (name) {
  const phase = PHASES[name];
  if (!phase) {
    console.error(`unknown phase "${name}" (expected one of: ${Object.keys(PHASES).join(', ')})`);
    process.exit(2);
  }
  const result = await phase();
  console.log(JSON.stringify(result));
}

export const PHASE_NAMES = Object.keys(PHASES);
