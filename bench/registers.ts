/**
 * `npm run bench -- registers` (issue 13): the bulk import of a 300.000-row micro-business register.
 *
 * 1. The synthetic register (bench/register-rows.ts, fixed seed) is written as CSV, as XLSX
 *    (exceljs' streaming writer) and as a CSV with 120 bad rows spread through it.
 * 2. Each file is imported with the command a user runs — `kinerja register import FILE --agency
 *    dinco --register usaha_mikro --store`, through bin/kinerja.js with the node flags of its
 *    shebang, on a fresh embedded database (PGlite) holding the bench's agency — measured by
 *    bench/peak-memory.ts: wall time of the command and its peak RSS (VmHWM). Goal: under 30 s
 *    and under 300 MB. The bad file must be refused with every problem counted, within the same
 *    goal. The floor: the same command on a file of the header alone (opens PGlite as the import
 *    does, with IMPORT_SHARED_BUFFERS, and reads no row).
 *    BENCH_REGISTER_RUNS (default 1) runs each command that many times, each on a fresh copy of
 *    the database, and takes the median.
 * 3. In this process, each on a fresh PGlite: `importRows` of the CSV (read, checked, staged,
 *    previewed, stored; its phases in wall and CPU time) against the same rows, already built,
 *    loaded by PGlite's `COPY … FROM '/dev/blob'` and by multi-row INSERTs (5000 rows a
 *    statement, one transaction) into the same table with the same indexes; PGlite's memory
 *    (its WebAssembly heap, PostgreSQL's memory contexts) after opening and after the import.
 *    The same on PostgreSQL (multi-row INSERTs) when TEST_DATABASE_URL or DATABASE_URL reaches one.
 *
 * CPU time is printed beside wall time: on two shared cores the wall time of a run depends on
 * what else runs, the CPU time much less. BENCH_REGISTER_ROWS changes the row count. Prints
 * one JSON line (the last) for bench/run.ts.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import type pg from 'pg';
import { writeRowFile, readCsvRows } from '../src/io/register-file.js';
import { createPool, ensureSchema, startPglite } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { createDatasetQueries } from '../src/store/datasets.js';
import { createRegisterQueries, IMPORT_SHARED_BUFFERS, type ImportTimings } from '../src/store/registers.js';
import { transaction } from '../src/store/transaction.js';
import { measurePeakMemory } from './peak-memory.js';
import { bulkDataset, HEADER, syntheticMicroBusinesses, withBadRows } from './register-rows.js';

const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_REGISTER_ROWS ?? 300_000);
const RUNS = Math.max(1, Number(process.env.BENCH_REGISTER_RUNS ?? 1));
const BAD = 120;
const root = resolve(new URL('..', import.meta.url).pathname);
const bin = join(root, 'bin/kinerja.js');
/** the node flags of bin/kinerja.js's shebang (`#!/usr/bin/env -S node --flag …`): the command as `npx kinerja` runs it */
const NODE_FLAGS = readFileSync(bin, 'utf8').split('\n', 1)[0]!.split(/\s+/).filter((w) => w.startsWith('--'));
const log = (s: string): void => void process.stderr.write(`registers: ${s}\n`);
const mb = (bytes: number): number => bytes / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function writeCsv(path: string, rows: Iterable<string[]>, header: readonly string[]): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> | void => (out.write(s) ? undefined : new Promise((ok) => out.once('drain', ok)));
  await write(header.join(',') + '\n');
  for (const row of rows) await write(row.join(',') + '\n'); // no cell holds a comma or a quote
  out.end();
  await finished(out);
}

/** The rows as register_rows holds them: key and data (JSON), as the import would store them. */
function builtRows(): { keys: string[]; data: string[] } {
  const built: { keys: string[]; data: string[] } = { keys: [], data: [] };
  for (const row of syntheticMicroBusinesses(ROWS)) {
    const [nib, nama_usaha, pemilik, nik, sektor, kecamatan, berdiri, tk] = row as [string, string, string, string, string, string, string, string];
    built.keys.push(nib);
    built.data.push(JSON.stringify({ nib, nama_usaha, pemilik, nik, sektor, kecamatan, berdiri, tenaga_kerja: Number(tk) }));
  }
  return built;
}

/** Multi-row INSERTs of the built rows (5000 a statement, one transaction). */
async function insertRows(pool: pg.Pool, built: { keys: string[]; data: string[] }): Promise<number> {
  const t = performance.now();
  await transaction(pool, async (client) => {
    for (let i = 0; i < built.keys.length; i += 5000) {
      await client.query(
        `INSERT INTO register_rows (scope, owner, register, key, data) SELECT 'agency', 'dinco', 'usaha_mikro', k, d::jsonb FROM unnest($1::text[], $2::text[]) AS t(k, d)`,
        [built.keys.slice(i, i + 5000), built.data.slice(i, i + 5000)],
      );
    }
  });
  return performance.now() - t;
}

const cpuMs = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1000;
const zeroTimings = (): ImportTimings => ({ read: 0, stage: 0, preview: 0, store: 0, cpu: { read: 0, stage: 0, preview: 0, store: 0 } });

/**
 * PGlite in this process, with the store's schema and the bench's agency: created, closed and
 * opened again, as a command finds it (creating a database runs initdb, whose memory is not the
 * import's), then collected (the bench runs with --expose-gc).
 */
async function freshPglite(dir: string) {
  const first = await startPglite(dir, undefined, IMPORT_SHARED_BUFFERS);
  const firstPool = createPool(first.poolConfig, 'public');
  await migrate(firstPool);
  await createDatasetQueries(firstPool).importDataset(bulkDataset());
  await firstPool.end();
  await first.stop();
  const server = await startPglite(dir, undefined, IMPORT_SHARED_BUFFERS);
  const pool = createPool(server.poolConfig, 'public');
  (globalThis as { gc?: () => void }).gc?.();
  return { server, pool, close: async () => (await pool.end(), await server.stop()) };
}

/** PostgreSQL's own account of its memory: the backend's memory contexts, MB. */
async function contextsMb(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ b: string }>('SELECT sum(total_bytes) AS b FROM pg_backend_memory_contexts');
  return mb(Number(r.rows[0]!.b));
}

/** The WebAssembly heap (and other memory outside V8's heap not held by array buffers), MB. */
const wasmMb = (): number => {
  const m = process.memoryUsage();
  return mb(m.external - m.arrayBuffers);
};

const dir = await mkdtemp(join(tmpdir(), 'kinerja-bench-registers-'));
try {
  const load0 = loadavg();
  const csv = join(dir, 'usaha-mikro.csv');
  const xlsx = join(dir, 'usaha-mikro.xlsx');
  const badCsv = join(dir, 'usaha-mikro-salah.csv');
  let t = performance.now();
  await writeCsv(csv, syntheticMicroBusinesses(ROWS), HEADER);
  const csvGenMs = performance.now() - t;
  t = performance.now();
  await writeRowFile(xlsx, HEADER, syntheticMicroBusinesses(ROWS), 'Usaha Mikro');
  const xlsxGenMs = performance.now() - t;
  await writeCsv(badCsv, withBadRows(ROWS, BAD), [...HEADER, 'koperasi']);
  log(`generated ${ROWS} rows: CSV ${mb((await stat(csv)).size).toFixed(1)} MB in ${csvGenMs.toFixed(0)} ms, XLSX ${mb((await stat(xlsx)).size).toFixed(1)} MB in ${xlsxGenMs.toFixed(0)} ms`);
  const datasetFile = join(dir, 'dinco.json');
  await writeFile(datasetFile, JSON.stringify(bulkDataset()));

  // 2. the command a user runs, in a process of its own, each time on a fresh copy of a database holding the agency
  const empty = join(dir, 'data-empty');
  await run(process.execPath, [bin, 'import', datasetFile], { env: { ...process.env, KINERJA_DATA_DIR: empty } });
  const kinerja = (args: string[], data: string, exitCodes = [0]) =>
    measurePeakMemory(process.execPath, [...NODE_FLAGS, bin, ...args], { ...process.env, KINERJA_DATA_DIR: data }, exitCodes);
  // the floor: the same command on a file of the header alone (opens the database as the import does, reads no row)
  const headerOnly = join(dir, 'kosong.csv');
  await writeCsv(headerOnly, [], HEADER);
  const floor = await kinerja(['register', 'import', headerOnly, '--agency', 'dinco', '--register', 'usaha_mikro'], empty);
  log(`floor: \`kinerja register import\` of the header alone ${floor.wallMs.toFixed(0)} ms, peak RSS ${floor.ownPeakRssMb.toFixed(1)} MB`);
  const command: Record<string, { wallMs: number; cpuMs: number; peakRssMb: number; stored: number }> = {};
  for (const [name, file] of [
    ['csv', csv],
    ['xlsx', xlsx],
    ['bad', badCsv],
  ] as const) {
    const walls: number[] = [];
    const cpus: number[] = [];
    const peaks: number[] = [];
    let stored = 0;
    for (let i = 0; i < RUNS; i++) {
      const data = join(dir, `data-${name}-${i}`);
      await cp(empty, data, { recursive: true });
      // a refused file ends the command with exit code 1 (nothing stored); anything else is a failure of the bench
      const m = await kinerja(['register', 'import', file, '--agency', 'dinco', '--register', 'usaha_mikro', '--store'], data, [name === 'bad' ? 1 : 0]);
      const { stdout } = await run(process.execPath, [bin, 'registers', '--agency', 'dinco', '--json'], { env: { ...process.env, KINERJA_DATA_DIR: data } });
      stored = (JSON.parse(stdout) as { id: string; rows: number }[]).find((r) => r.id === 'usaha_mikro')!.rows;
      walls.push(m.wallMs);
      cpus.push(m.cpuMs);
      peaks.push(m.ownPeakRssMb);
      await rm(data, { recursive: true, force: true });
    }
    command[name] = { wallMs: median(walls), cpuMs: median(cpus), peakRssMb: median(peaks), stored };
    log(`${name}: command ${walls.map((w) => (w / 1000).toFixed(1)).join(', ')} s (CPU ${cpus.map((w) => (w / 1000).toFixed(1)).join(', ')} s), peak RSS ${peaks.map((p) => p.toFixed(0)).join(', ')} MB; ${stored} rows stored`);
  }

  // the refusal's problems, counted and named (in this process, so that the result can be read)
  {
    const db = await freshPglite(join(dir, 'data-refusal'));
    const r = await createRegisterQueries(db.pool).importRows('dinco', 'usaha_mikro', readCsvRows(badCsv), { store: true });
    await db.close();
    if (r.stored || r.problemCount !== BAD || r.problems.length !== 100) throw new Error(`the bad file: stored ${r.stored}, ${r.problemCount} problems counted, ${r.problems.length} named (expected ${BAD}, 100)`);
    log(`bad file: refused, ${r.problemCount} problems counted, ${r.problems.length} named (first: row ${r.problems[0]!.row}, column ${r.problems[0]!.column})`);
  }

  // 3. in this process: importRows against COPY and multi-row INSERTs of the same rows, each on a fresh PGlite
  const a = await freshPglite(join(dir, 'data-import'));
  const wasmOpenMb = wasmMb();
  const contextsOpenMb = await contextsMb(a.pool);
  const timings = zeroTimings();
  let cpu = process.cpuUsage();
  t = performance.now();
  const res = await createRegisterQueries(a.pool).importRows('dinco', 'usaha_mikro', readCsvRows(csv), { store: true, timings });
  const importMs = performance.now() - t;
  const importCpuMs = cpuMs(process.cpuUsage(cpu));
  (globalThis as { gc?: () => void }).gc?.();
  const wasmAfterMb = wasmMb();
  const contextsAfterMb = await contextsMb(a.pool);
  await a.close();
  if (!res.stored) throw new Error(`the in-process import stored nothing: ${res.problemCount} problems`);
  const phases = (['read', 'stage', 'preview', 'store'] as const).map((k) => `${k} ${(timings[k] / 1000).toFixed(1)} s (CPU ${(timings.cpu[k] / 1000).toFixed(1)} s)`).join(', ');
  log(`in-process importRows ${(importMs / 1000).toFixed(1)} s, CPU ${(importCpuMs / 1000).toFixed(1)} s: ${phases}`);
  log(`PGlite memory: WebAssembly heap ${wasmOpenMb.toFixed(0)} MB after opening, ${wasmAfterMb.toFixed(0)} MB after the import; PostgreSQL's memory contexts ${contextsOpenMb.toFixed(1)} → ${contextsAfterMb.toFixed(1)} MB`);

  const built = builtRows();
  const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const blob = new Blob(built.keys.map((k, i) => `agency\tdinco\tusaha_mikro\t${esc(k)}\t${esc(built.data[i]!)}\n`));
  const b = await freshPglite(join(dir, 'data-copy'));
  cpu = process.cpuUsage();
  t = performance.now();
  await b.server.db.query(`COPY register_rows (scope, owner, register, key, data) FROM '/dev/blob'`, [], { blob });
  const copyMs = performance.now() - t;
  const copyCpuMs = cpuMs(process.cpuUsage(cpu));
  const copied = await b.pool.query<{ n: number }>('SELECT count(*) AS n FROM register_rows');
  await b.close();
  if (copied.rows[0]!.n !== ROWS) throw new Error(`COPY stored ${copied.rows[0]!.n} rows`);
  const c = await freshPglite(join(dir, 'data-insert'));
  cpu = process.cpuUsage();
  const insertMs = await insertRows(c.pool, built);
  const insertCpuMs = cpuMs(process.cpuUsage(cpu));
  await c.close();
  log(`plain loads of the same rows: COPY ${(copyMs / 1000).toFixed(1)} s (CPU ${(copyCpuMs / 1000).toFixed(1)} s), multi-row INSERT ${(insertMs / 1000).toFixed(1)} s (CPU ${(insertCpuMs / 1000).toFixed(1)} s)`);

  // PostgreSQL, when one is reachable: importRows against multi-row INSERTs, each in a fresh schema
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let pgImportMs: number | undefined;
  let pgInsertMs: number | undefined;
  if (pgUrl) {
    const inSchema = async <T>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> => {
      const schema = `bench_registers_${process.pid}`;
      const pool = createPool({ connectionString: pgUrl, max: 2 }, schema);
      try {
        await ensureSchema(pool, schema);
        await migrate(pool);
        await createDatasetQueries(pool).importDataset(bulkDataset());
        return await fn(pool);
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
        await pool.end();
      }
    };
    try {
      pgImportMs = await inSchema(async (pool) => {
        const t0 = performance.now();
        const r = await createRegisterQueries(pool).importRows('dinco', 'usaha_mikro', readCsvRows(csv), { store: true });
        if (!r.stored) throw new Error('the PostgreSQL import stored nothing');
        return performance.now() - t0;
      });
      pgInsertMs = await inSchema((pool) => insertRows(pool, built));
      log(`PostgreSQL: importRows ${(pgImportMs / 1000).toFixed(1)} s vs multi-row INSERT ${(pgInsertMs / 1000).toFixed(1)} s`);
    } catch (e) {
      log(`PostgreSQL at ${pgUrl} not measured: ${(e as Error).message}`);
    }
  }
  const load1 = loadavg();

  const row = (what: string, s: number, rss: number | string, extra = ''): string => `  ${what.padEnd(34)} ${(s / 1000).toFixed(1).padStart(6)} s ${String(typeof rss === 'number' ? rss.toFixed(0) : rss).padStart(6)} MB  ${extra}`;
  log(
    [
      `${ROWS} rows, load average ${load0[0]!.toFixed(1)} at the start, ${load1[0]!.toFixed(1)} at the end (2 cores); median of ${RUNS} run(s)`,
      row('floor: import of the header alone', floor.wallMs, floor.ownPeakRssMb, `CPU ${(floor.cpuMs / 1000).toFixed(1)} s`),
      row('command: import CSV --store', command.csv!.wallMs, command.csv!.peakRssMb, `CPU ${(command.csv!.cpuMs / 1000).toFixed(1)} s; ${command.csv!.stored} stored`),
      row('command: import XLSX --store', command.xlsx!.wallMs, command.xlsx!.peakRssMb, `CPU ${(command.xlsx!.cpuMs / 1000).toFixed(1)} s; ${command.xlsx!.stored} stored`),
      row(`command: CSV with ${BAD} bad rows`, command.bad!.wallMs, command.bad!.peakRssMb, `CPU ${(command.bad!.cpuMs / 1000).toFixed(1)} s; refused, ${command.bad!.stored} stored`),
      row('in-process importRows (PGlite)', importMs, '-', `CPU ${(importCpuMs / 1000).toFixed(1)} s; ${(importMs / copyMs).toFixed(2)}× COPY, ${(importMs / insertMs).toFixed(2)}× INSERT`),
      row('COPY FROM /dev/blob (PGlite)', copyMs, '-', `CPU ${(copyCpuMs / 1000).toFixed(1)} s`),
      row('multi-row INSERT (PGlite)', insertMs, '-', `CPU ${(insertCpuMs / 1000).toFixed(1)} s`),
      ...(pgImportMs !== undefined && pgInsertMs !== undefined
        ? [row('importRows (PostgreSQL)', pgImportMs, '-', `${(pgImportMs / pgInsertMs).toFixed(2)}× INSERT`), row('multi-row INSERT (PostgreSQL)', pgInsertMs, '-')]
        : []),
    ].join('\n'),
  );

  console.log(
    JSON.stringify({
      phase: 'registers',
      rows: ROWS,
      runs: RUNS,
      loadStart: load0[0],
      loadEnd: load1[0],
      csvMb: mb((await stat(csv)).size),
      xlsxMb: mb((await stat(xlsx)).size),
      csvCommandMs: command.csv!.wallMs,
      csvCpuMs: command.csv!.cpuMs,
      csvPeakRssMb: command.csv!.peakRssMb,
      csvStored: command.csv!.stored,
      xlsxCommandMs: command.xlsx!.wallMs,
      xlsxCpuMs: command.xlsx!.cpuMs,
      xlsxPeakRssMb: command.xlsx!.peakRssMb,
      xlsxStored: command.xlsx!.stored,
      badRows: BAD,
      badCommandMs: command.bad!.wallMs,
      badCpuMs: command.bad!.cpuMs,
      badPeakRssMb: command.bad!.peakRssMb,
      badStored: command.bad!.stored,
      floorMs: floor.wallMs,
      floorRssMb: floor.ownPeakRssMb,
      floorCpuMs: floor.cpuMs,
      importMs,
      importCpuMs,
      readMs: timings.read,
      stageMs: timings.stage,
      previewMs: timings.preview,
      storeMs: timings.store,
      wasmOpenMb,
      wasmAfterMb,
      copyMs,
      copyCpuMs,
      rawInsertMs: insertMs,
      importToCopy: importMs / copyMs,
      importToRaw: importMs / insertMs,
      ...(pgImportMs !== undefined && pgInsertMs !== undefined ? { pgImportMs, pgInsertMs, pgImportToRaw: pgImportMs / pgInsertMs } : {}),
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
