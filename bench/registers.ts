/**
 * `npm run bench -- registers` (issue 13): the bulk import of a 300.000-row micro-business register.
 *
 * 1. A synthetic register is generated from a fixed seed (names made of word lists; NIB and NIK
 *    under region code 9999, which no region has, so no row can be mistaken for a real person)
 *    and written as CSV and as XLSX (exceljs' streaming writer).
 * 2. Each file is imported with the command a user runs — `kinerja register import FILE --agency
 *    dinco --register usaha_mikro --store`, through bin/kinerja.js, on a fresh embedded database
 *    (PGlite) holding the fixture agency (core/registers/fixtures.ts) — with bench/peak-memory.ts:
 *    wall time of the command and its peak RSS. Goal: under 30 s and under 300 MB.
 * 3. The ratio: in this process, on a fresh PGlite each, `importRows` of the CSV (read, checked,
 *    staged, previewed, stored) against plain multi-row INSERTs of the same rows, already built,
 *    into the same table with the same indexes (2000 rows a statement, one transaction).
 *
 * BENCH_REGISTER_ROWS changes the row count. Prints one JSON line (the last) for bench/run.ts.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { registerDataset } from '../src/core/registers/fixtures.js';
import { writeRowFile, readCsvRows } from '../src/io/register-file.js';
import { openDatabase } from '../src/store/db.js';
import { createDatasetQueries } from '../src/store/datasets.js';
import { createRegisterQueries } from '../src/store/registers.js';
import { transaction } from '../src/store/transaction.js';
import { measurePeakMemory } from './peak-memory.js';
import { HEADER, syntheticMicroBusinesses } from './register-rows.js';

const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_REGISTER_ROWS ?? 300_000);
const root = resolve(new URL('..', import.meta.url).pathname);
const bin = join(root, 'bin/kinerja.js');
const log = (s: string): void => void process.stderr.write(`registers: ${s}\n`);

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> | void => (out.write(s) ? undefined : new Promise((ok) => out.once('drain', ok)));
  await write(HEADER.join(',') + '\n');
  for (const row of syntheticMicroBusinesses(ROWS)) await write(row.join(',') + '\n'); // no cell holds a comma or a quote
  out.end();
  await finished(out);
}

const mb = (bytes: number): number => bytes / 1e6;

async function freshDb(dir: string) {
  const db = await openDatabase({ dataDir: dir });
  await createDatasetQueries(db.pool).importDataset(registerDataset());
  return db;
}

const dir = await mkdtemp(join(tmpdir(), 'kinerja-bench-registers-'));
try {
  const csv = join(dir, 'usaha-mikro.csv');
  const xlsx = join(dir, 'usaha-mikro.xlsx');
  let t = performance.now();
  await writeCsv(csv);
  const csvGenMs = performance.now() - t;
  t = performance.now();
  await writeRowFile(xlsx, HEADER, syntheticMicroBusinesses(ROWS), 'Usaha Mikro');
  const xlsxGenMs = performance.now() - t;
  log(`generated ${ROWS} rows: CSV ${mb((await stat(csv)).size).toFixed(1)} MB in ${csvGenMs.toFixed(0)} ms, XLSX ${mb((await stat(xlsx)).size).toFixed(1)} MB in ${xlsxGenMs.toFixed(0)} ms`);
  const datasetFile = join(dir, 'dinco.json');
  await writeFile(datasetFile, JSON.stringify(registerDataset()));

  // 2. the command a user runs, in a process of its own
  const command: Record<string, { wallMs: number; peakRssMb: number; stored: number; floorMs: number; floorRssMb: number }> = {};
  for (const [name, file] of [
    ['csv', csv],
    ['xlsx', xlsx],
  ] as const) {
    const env = { ...process.env, KINERJA_DATA_DIR: join(dir, `data-${name}`) };
    await run(process.execPath, [bin, 'import', datasetFile], { env });
    // the floor: the same database opened by a command that reads almost nothing (`kinerja registers`)
    const floor = await measurePeakMemory(process.execPath, [bin, 'registers', '--agency', 'dinco'], env);
    const m = await measurePeakMemory(process.execPath, [bin, 'register', 'import', file, '--agency', 'dinco', '--register', 'usaha_mikro', '--store'], env);
    if (m.exitCode !== 0) throw new Error(`register import of ${name} exited with ${m.exitCode}`);
    const { stdout } = await run(process.execPath, [bin, 'registers', '--agency', 'dinco', '--json'], { env });
    const stored = (JSON.parse(stdout) as { id: string; rows: number }[]).find((r) => r.id === 'usaha_mikro')!.rows;
    command[name] = { wallMs: m.wallMs, peakRssMb: m.ownPeakRssMb, stored, floorMs: floor.wallMs, floorRssMb: floor.ownPeakRssMb };
    log(`${name}: command ${m.wallMs.toFixed(0)} ms, peak RSS ${m.ownPeakRssMb.toFixed(1)} MB, ${stored} rows stored (floor: \`kinerja registers\` ${floor.wallMs.toFixed(0)} ms, ${floor.ownPeakRssMb.toFixed(1)} MB)`);
  }

  // 3. in this process: importRows against plain multi-row INSERTs, each on a fresh PGlite
  const a = await freshDb(join(dir, 'data-import'));
  t = performance.now();
  const res = await createRegisterQueries(a.pool).importRows('dinco', 'usaha_mikro', readCsvRows(csv), { store: true });
  const importMs = performance.now() - t;
  await a.close();
  if (!res.stored) throw new Error(`the in-process import stored nothing: ${res.problemCount} problems`);

  const built: { keys: string[]; data: string[] } = { keys: [], data: [] };
  for (const row of syntheticMicroBusinesses(ROWS)) {
    const [nib, nama_usaha, pemilik, nik, sektor, kecamatan, berdiri, tk] = row as [string, string, string, string, string, string, string, string];
    built.keys.push(nib);
    built.data.push(JSON.stringify({ nib, nama_usaha, pemilik, nik, sektor, kecamatan, berdiri, tenaga_kerja: Number(tk) }));
  }
  const b = await freshDb(join(dir, 'data-raw'));
  t = performance.now();
  await transaction(b.pool, async (client) => {
    for (let i = 0; i < built.keys.length; i += 2000) {
      await client.query(
        `INSERT INTO register_rows (scope, owner, register, key, data) SELECT 'agency', 'dinco', 'usaha_mikro', k, d::jsonb FROM unnest($1::text[], $2::text[]) AS t(k, d)`,
        [built.keys.slice(i, i + 2000), built.data.slice(i, i + 2000)],
      );
    }
  });
  const rawMs = performance.now() - t;
  await b.close();
  log(`in-process: importRows ${importMs.toFixed(0)} ms vs plain INSERTs ${rawMs.toFixed(0)} ms`);

  console.log(
    JSON.stringify({
      phase: 'registers',
      rows: ROWS,
      csvMb: mb((await stat(csv)).size),
      xlsxMb: mb((await stat(xlsx)).size),
      csvCommandMs: command.csv!.wallMs,
      csvPeakRssMb: command.csv!.peakRssMb,
      csvStored: command.csv!.stored,
      xlsxCommandMs: command.xlsx!.wallMs,
      xlsxPeakRssMb: command.xlsx!.peakRssMb,
      xlsxStored: command.xlsx!.stored,
      floorMs: command.csv!.floorMs,
      floorRssMb: command.csv!.floorRssMb,
      importMs,
      rawInsertMs: rawMs,
      importToRaw: importMs / rawMs,
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
