/**
 * `npm run bench -- register-counts` (issue 13): computing every register-based indicator and
 * activity table of a dataset for a year through `figures()` (src/store/register-counts.ts),
 * against the same counts written by hand as plain SQL, one query per figure, in one run on the
 * same database (a fresh embedded PGlite, as `npm start` uses).
 *
 * The dataset is shaped like the demo agency (kept small and inside the bench; the demo's own
 * generator is another's): the fixture agency (core/registers/fixtures.ts) with 2.262
 * cooperatives (kecamatan; status, RAT and health per year 2025 and 2026), 293.212 micro
 * businesses (BENCH_MICRO changes it), facilitation events of cooperatives (1.905 a year) and
 * of micro businesses (BENCH_MICRO_EVENTS a year, default 30.000), generated from a fixed seed
 * and written straight into the register tables (what an import stores; the import is not
 * measured here), then ANALYZEd as an import leaves them. Six indicators (shares of active
 * cooperatives facilitated, holding their RAT, healthy; the share of micro businesses
 * facilitated; counts of culinary ones trained and of those established in the year) and two
 * tables (cooperatives per kecamatan, micro businesses per sector), for 2026 with every quarter
 * ended: 4 periods × numerator and population, 44 figures in all.
 *
 * Both ways run BENCH_ROUNDS times (default 7), interleaved, after one warm-up each; the medians
 * and their ratio are printed (goal ≤ 1,2×). The hand-written answers are checked to equal
 * `figures()`'s. Also the registers' stamp (`registerStamp`), the one query the server makes
 * while the figures it keeps are still good. Prints one JSON line (the last) for bench/run.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, Indicator, Register } from '../src/core/dataset/schema.js';
import { KECAMATAN, registerDataset } from '../src/core/registers/fixtures.js';
import { FIGURE_PERIODS, windowOf } from '../src/core/registers/conditions.js';
import type { RegisterFigures } from '../src/core/measure/register.js';
import { openDatabase } from '../src/store/db.js';
import { createDatasetQueries } from '../src/store/datasets.js';
import { createRegisterCountQueries, registerStamp } from '../src/store/register-counts.js';
import { mulberry32 } from '../src/core/random.js';

const COOPERATIVES = 2262;
const COOP_EVENTS_A_YEAR = 1905;
const MICRO = Number(process.env.BENCH_MICRO ?? 293_212);
const MICRO_EVENTS_A_YEAR = Number(process.env.BENCH_MICRO_EVENTS ?? 30_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const YEAR = 2026;
const TODAY = '2027-01-15'; // every quarter of 2026 has ended
const AGENCY = 'dinco';
const log = (s: string): void => void process.stderr.write(`register-counts: ${s}\n`);

const rng = mulberry32;

const SECTOR = ['kuliner', 'fesyen', 'kriya', 'pertanian', 'jasa'];

function dataset(): Dataset {
  const ds = registerDataset();
  const events: Register = {
    id: 'fasilitasi_um',
    name: 'Fasilitasi Usaha Mikro',
    key: 'nomor',
    fields: [
      { id: 'nomor', name: 'Nomor', type: 'text' },
      { id: 'tanggal', name: 'Tanggal', type: 'date', required: true },
      { id: 'jenis', name: 'Jenis', type: 'category', values: ['pelatihan', 'pendampingan'] },
      { id: 'usaha', name: 'Usaha Mikro', type: 'reference', register: 'usaha_mikro', required: true },
    ],
  };
  ds.registers = [...(ds.registers ?? []), events];
  const plan = ds.plans[0]!;
  const base = plan.indicators![0]!;
  const active = { field: 'status', equals: 'aktif' } as const;
  const kop = { register: 'koperasi', where: [active] };
  const fas = { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } } as const;
  const fum = { event: { register: 'fasilitasi_um', via: 'usaha', date: 'tanggal' } } as const;
  const share = (id: string, name: string, m: Indicator['fromRegister']): Indicator => ({ ...base, id, name, key: false, fromRegister: m });
  const count = (id: string, name: string, m: Indicator['fromRegister']): Indicator => ({ id, goal: 'S1', name, unit: 'unit', measure: { type: 'value' }, fromRegister: m });
  plan.indicators!.push(
    share('KOPFAS', 'Persentase koperasi aktif yang difasilitasi', { since: 2026, count: { register: 'koperasi', where: [fas] }, of: kop }),
    share('KOPRAT', 'Persentase koperasi aktif yang melaksanakan RAT', { since: 2026, count: { register: 'koperasi', where: [{ field: 'rat', equals: true }] }, of: kop }),
    share('KOPSEHAT', 'Persentase koperasi aktif yang sehat', { since: 2026, count: { register: 'koperasi', where: [{ field: 'kesehatan', equals: 'sehat' }] }, of: kop }),
    share('UMFAS', 'Persentase usaha mikro yang difasilitasi', { since: 2026, count: { register: 'usaha_mikro', where: [fum] }, of: { register: 'usaha_mikro' } }),
    count('UMKUL', 'Jumlah usaha mikro kuliner yang dilatih', {
      since: 2026,
      count: { register: 'usaha_mikro', where: [{ field: 'sektor', equals: 'kuliner' }, { event: { ...fum.event, where: [{ field: 'jenis', equals: 'pelatihan' }] } }] },
    }),
    count('UMBARU', 'Jumlah usaha mikro yang berdiri', { since: 2026, count: { register: 'usaha_mikro', where: [{ field: 'berdiri', inYear: true }] } }),
  );
  ds.activities = [
    { id: 'kop-kecamatan', title: 'Koperasi aktif yang difasilitasi per kecamatan', rows: [], fromRegister: { since: 2026, count: { register: 'koperasi', where: [active, fas] }, groupBy: 'kecamatan' } },
    { id: 'um-sektor', title: 'Usaha mikro yang difasilitasi per sektor', rows: [], fromRegister: { since: 2026, count: { register: 'usaha_mikro', where: [fum] }, groupBy: 'sektor' } },
  ];
  return ds;
}

type Pool = Awaited<ReturnType<typeof openDatabase>>['pool'];

/** Write rows straight into a register's tables, 10.000 a statement. */
async function insert(pool: Pool, register: string, rows: Array<{ key: string; data: object; years?: Record<string, object> }>): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    await pool.query(`INSERT INTO register_rows (scope, owner, register, key, data) SELECT 'agency', $1, $2, k, d::jsonb FROM unnest($3::text[], $4::text[]) AS t(k, d)`, [
      AGENCY,
      register,
      part.map((r) => r.key),
      part.map((r) => JSON.stringify(r.data)),
    ]);
    const yk: string[] = [];
    const yy: number[] = [];
    const yd: string[] = [];
    for (const r of part) for (const [y, d] of Object.entries(r.years ?? {})) (yk.push(r.key), yy.push(Number(y)), yd.push(JSON.stringify(d)));
    if (yk.length) {
      await pool.query(
        `INSERT INTO register_year_values (scope, owner, register, key, year, data) SELECT 'agency', $1, $2, k, y, d::jsonb FROM unnest($3::text[], $4::int[], $5::text[]) AS t(k, y, d)`,
        [AGENCY, register, yk, yy, yd],
      );
    }
  }
}

async function generate(pool: Pool): Promise<void> {
  const r = rng(13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const pad = (x: number, w: number): string => String(x).padStart(w, '0');
  const day = (year: number): string => `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
  const coops = [];
  for (let i = 1; i <= COOPERATIVES; i++) {
    const key = `BH-${pad(i, 6)}`;
    const years: Record<string, object> = {};
    for (const y of [2025, 2026]) {
      const status = r() < 0.38 ? 'aktif' : 'tidak aktif'; // about 857 active, as the seed's report
      years[y] = { status, ...(status === 'aktif' ? { rat: r() < 0.6, kesehatan: pick(['sehat', 'cukup sehat', 'dalam pengawasan']) } : {}) };
    }
    coops.push({ key, data: { nomor_badan_hukum: key, nama: `Koperasi Sintetis ${i}`, ...(r() < 0.97 ? { kecamatan: pick(KECAMATAN) } : {}) }, years });
  }
  await insert(pool, 'koperasi', coops);
  const coopEvents = [];
  for (const y of [2025, 2026]) {
    for (let i = 1; i <= COOP_EVENTS_A_YEAR; i++) {
      const key = `F${y}-${pad(i, 5)}`;
      coopEvents.push({ key, data: { nomor: key, tanggal: day(y), jenis: pick(['pelatihan', 'pendampingan']), koperasi: `BH-${pad(1 + Math.floor(r() * COOPERATIVES), 6)}` } });
    }
  }
  await insert(pool, 'fasilitasi', coopEvents);
  const micro = [];
  for (let i = 1; i <= MICRO; i++) {
    const key = `9999${pad(i, 9)}`;
    micro.push({ key, data: { nib: key, nama_usaha: `Usaha Sintetis ${i}`, sektor: pick(SECTOR), kecamatan: pick(KECAMATAN), berdiri: day(2000 + Math.floor(r() * 27)), tenaga_kerja: 1 + Math.floor(r() * 9) } });
  }
  await insert(pool, 'usaha_mikro', micro);
  const microEvents = [];
  for (const y of [2025, 2026]) {
    for (let i = 1; i <= MICRO_EVENTS_A_YEAR; i++) {
      const key = `U${y}-${pad(i, 6)}`;
      microEvents.push({ key, data: { nomor: key, tanggal: day(y), jenis: pick(['pelatihan', 'pendampingan']), usaha: `9999${pad(1 + Math.floor(r() * MICRO), 9)}` } });
    }
  }
  await insert(pool, 'fasilitasi_um', microEvents);
  await pool.query('ANALYZE register_rows, register_year_values');
}

/** A statement written with $1 agency, $2 year, $3 from, $4 to, numbered again with only the parameters it uses. */
function bind(sql: string, all: unknown[]): { sql: string; params: unknown[] } {
  const used = [...new Set([...sql.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();
  return { sql: sql.replace(/\$(\d)/g, (_, d: string) => `$${used.indexOf(Number(d)) + 1}`), params: used.map((i) => all[i - 1]) };
}

/** The same figures written by hand: one plain query per figure. */
function handWritten(): Array<{ name: string; sql: string; params: unknown[] }> {
  const out: Array<{ name: string; sql: string; params: unknown[] }> = [];
  const coop = `FROM register_rows e JOIN register_year_values yv ON yv.scope = e.scope AND yv.owner = e.owner AND yv.register = e.register AND yv.key = e.key AND yv.year = $2
    WHERE e.scope = 'agency' AND e.owner = $1 AND e.register = 'koperasi' AND yv.data ->> 'status' = 'aktif'`;
  const coopEvent = `EXISTS (SELECT 1 FROM register_rows f WHERE f.scope = 'agency' AND f.owner = $1 AND f.register = 'fasilitasi' AND f.data ->> 'koperasi' = e.key AND f.data ->> 'tanggal' BETWEEN $3 AND $4)`;
  const micro = `FROM register_rows e WHERE e.scope = 'agency' AND e.owner = $1 AND e.register = 'usaha_mikro'`;
  const microEvent = (kind?: string) =>
    `e.key IN (SELECT f.data ->> 'usaha' FROM register_rows f WHERE f.scope = 'agency' AND f.owner = $1 AND f.register = 'fasilitasi_um' AND f.data ->> 'tanggal' BETWEEN $3 AND $4${kind ? ` AND f.data ->> 'jenis' = '${kind}'` : ''})`;
  for (const period of FIGURE_PERIODS) {
    const w = windowOf(YEAR, period);
    const params = [AGENCY, YEAR, w.from, w.to];
    const add = (name: string, sql: string): void => void out.push({ name: `${name} ${period}`, ...bind(sql, params) });
    add('plan/KOPFAS n', `SELECT count(*)::int AS n ${coop} AND ${coopEvent}`);
    add('plan/KOPFAS d', `SELECT count(*)::int AS n ${coop}`);
    add('plan/KOPRAT n', `SELECT count(*)::int AS n ${coop} AND yv.data -> 'rat' = 'true'::jsonb`);
    add('plan/KOPRAT d', `SELECT count(*)::int AS n ${coop}`);
    add('plan/KOPSEHAT n', `SELECT count(*)::int AS n ${coop} AND yv.data ->> 'kesehatan' = 'sehat'`);
    add('plan/KOPSEHAT d', `SELECT count(*)::int AS n ${coop}`);
    add('plan/UMFAS n', `SELECT count(*)::int AS n ${micro} AND ${microEvent()}`);
    add('plan/UMFAS d', `SELECT count(*)::int AS n ${micro}`);
    add('plan/UMKUL n', `SELECT count(*)::int AS n ${micro} AND e.data ->> 'sektor' = 'kuliner' AND ${microEvent('pelatihan')}`);
    add('plan/UMBARU n', `SELECT count(*)::int AS n ${micro} AND e.data ->> 'berdiri' BETWEEN $3 AND $4`);
  }
  const q4 = windowOf(YEAR, 'Q4');
  const params = [AGENCY, YEAR, q4.from, q4.to];
  out.push({ name: 'kop-kecamatan', ...bind(`SELECT e.data ->> 'kecamatan' AS v, count(*)::int AS n ${coop} AND ${coopEvent} GROUP BY 1`, params) });
  out.push({ name: 'um-sektor', ...bind(`SELECT e.data ->> 'sektor' AS v, count(*)::int AS n ${micro} AND ${microEvent()} GROUP BY 1`, params) });
  return out;
}

/** The figures() answers named as the hand-written queries name theirs. */
function named(f: RegisterFigures): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [ref, years] of f.indicators) {
    const short = `plan/${ref.split('/')[1]}`;
    for (const fig of years.get(YEAR) ?? []) {
      out.set(`${short} n ${fig.period}`, fig.numerator);
      if (fig.denominator !== undefined) out.set(`${short} d ${fig.period}`, fig.denominator);
    }
  }
  for (const [id, years] of f.tables) {
    const t = years.get(YEAR);
    if (t) out.set(id, Object.fromEntries(t.groups.map((g) => [String(g.value), g.count])));
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = await mkdtemp(join(tmpdir(), 'kinerja-bench-register-counts-'));
try {
  const db = await openDatabase({ dataDir: dir });
  try {
    const ds = dataset();
    await createDatasetQueries(db.pool).importDataset(ds);
    let t = performance.now();
    await generate(db.pool);
    const generateMs = performance.now() - t;
    log(`generated ${COOPERATIVES} cooperatives, ${MICRO} micro businesses, ${2 * COOP_EVENTS_A_YEAR} + ${2 * MICRO_EVENTS_A_YEAR} events in ${generateMs.toFixed(0)} ms`);
    const counts = createRegisterCountQueries(db.pool);
    const hand = handWritten();
    const viaFigures = async (): Promise<RegisterFigures> => counts.figures(AGENCY, ds, [YEAR], TODAY);
    const viaHand = async (): Promise<Map<string, unknown>> => {
      const out = new Map<string, unknown>();
      for (const h of hand) {
        const r = await db.pool.query<{ v?: string | null; n: number }>(h.sql, h.params);
        out.set(h.name, h.sql.includes('GROUP BY') ? Object.fromEntries(r.rows.map((x) => [String(x.v ?? null), x.n])) : r.rows[0]!.n);
      }
      return out;
    };
    // warm-up, and the two answers held to each other
    const a = named(await viaFigures());
    const b = await viaHand();
    const keyed = (v: unknown): unknown => (typeof v === 'object' && v !== null ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v);
    const sort = (m: Map<string, unknown>) => JSON.stringify([...m].map(([k, v]) => [k, keyed(v)]).sort(([x], [y]) => (String(x) < String(y) ? -1 : 1)));
    if (sort(a) !== sort(b)) throw new Error(`the hand-written counts differ from figures():\n${sort(a)}\n${sort(b)}`);
    const figuresMs: number[] = [];
    const handMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      t = performance.now();
      await viaFigures();
      figuresMs.push(performance.now() - t);
      t = performance.now();
      await viaHand();
      handMs.push(performance.now() - t);
      log(`round ${i + 1}: figures() ${figuresMs.at(-1)!.toFixed(1)} ms, hand-written ${handMs.at(-1)!.toFixed(1)} ms`);
    }
    // what the server pays when its figures are kept: the registers' stamp, one query
    const stampMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      t = performance.now();
      await registerStamp(db.pool, AGENCY);
      stampMs.push(performance.now() - t);
    }
    const result = {
      phase: 'register-counts',
      engine: db.engine,
      cooperatives: COOPERATIVES,
      microBusinesses: MICRO,
      events: 2 * COOP_EVENTS_A_YEAR + 2 * MICRO_EVENTS_A_YEAR,
      indicators: 6,
      tables: 2,
      figures: a.size,
      handQueries: hand.length,
      rounds: ROUNDS,
      figuresMedianMs: median(figuresMs),
      handMedianMs: median(handMs),
      ratio: median(figuresMs) / median(handMs),
      stampMedianMs: median(stampMs),
      generateMs,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await db.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
