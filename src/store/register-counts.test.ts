import { expect, it } from 'vitest';
import type { Dataset } from '../core/dataset/schema.js';
import { FIXTURE_PLAN } from '../core/dataset/fixtures.js';
import type { EntitiesByRegister } from '../core/registers/conditions.js';
import { figuresInMemory } from '../core/registers/figures.js';
import { KECAMATAN, registerDataset } from '../core/registers/fixtures.js';
import type { Entity } from '../core/registers/rows.js';
import type { RegisterFigures } from '../core/measure/register.js';
import { createDatasetQueries } from './datasets.js';
import { countsFromRegisters, createRegisterCountQueries, figureYears, registerStamp } from './register-counts.js';
import { createRegisterQueries } from './registers.js';
import { forEachEngine, withTestDb } from './testing.js';
import { mulberry32 } from '../core/random.js';

const random = mulberry32;

const COOPERATIVES = 2500;
const EVENTS = 3000;

function generated(seed: number): { kop: string[][]; fas: string[][] } {
  const r = random(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const kop = [['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2025', 'status_2026', 'rat_2025', 'rat_2026', 'kesehatan_2026']];
  for (let i = 1; i <= COOPERATIVES; i++) {
    kop.push([
      `BH-${String(i).padStart(5, '0')}`,
      `Koperasi Uji ${i}`,
      r() < 0.1 ? '' : pick(KECAMATAN), // a group without value
      r() < 0.15 ? '' : r() < 0.7 ? 'aktif' : 'tidak aktif',
      r() < 0.1 ? '' : r() < 0.75 ? 'aktif' : 'tidak aktif',
      r() < 0.3 ? '' : pick(['ya', 'tidak']),
      r() < 0.3 ? '' : pick(['ya', 'tidak']),
      r() < 0.4 ? '' : pick(['sehat', 'cukup sehat']), // never "dalam pengawasan": an empty population
    ]);
  }
  const fas = [['nomor', 'tanggal', 'jenis', 'koperasi']];
  for (let i = 1; i <= EVENTS; i++) {
    const year = r() < 0.4 ? 2025 : 2026;
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 28);
    fas.push([`F-${i}`, `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, r() < 0.2 ? '' : pick(['pelatihan', 'pendampingan']), `BH-${String(1 + Math.floor(r() * COOPERATIVES)).padStart(5, '0')}`]);
  }
  return { kop, fas };
}

function dataset(): Dataset {
  const ds = registerDataset();
  const plan = ds.plans[0]!;
  const inds = plan.indicators!;
  const umm = inds.find((i) => i.id === 'UMM')!;
  const active = { field: 'status', equals: 'aktif' } as const;
  const trained = { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } } as const;
  // a share from 2026: active cooperatives with at least one facilitation in the year
  umm.fromRegister = { since: 2026, count: { register: 'koperasi', where: [trained] }, of: { register: 'koperasi', where: [active] } };
  // a plain count from 2025: cooperatives that held their RAT and had a mentoring
  inds.find((i) => i.id === 'SAKIP')!.fromRegister = {
    since: 2025,
    count: { register: 'koperasi', where: [{ field: 'rat', equals: true }, { event: { ...trained.event, where: [{ field: 'jenis', equals: 'pendampingan' }] } }] },
  };
  // an empty population every year
  inds.push({
    ...umm,
    id: 'KDP',
    name: 'Persentase koperasi dalam pengawasan yang difasilitasi',
    key: false,
    fromRegister: { count: { register: 'koperasi', where: [trained] }, of: { register: 'koperasi', where: [active, { field: 'kesehatan', equals: 'dalam pengawasan' }] } },
  });
  ds.activities = [
    { id: 'kop-kecamatan', title: 'Koperasi aktif yang difasilitasi per kecamatan', rows: [], fromRegister: { since: 2025, count: { register: 'koperasi', where: [active, trained] }, groupBy: 'kecamatan' } },
    { id: 'kop-kesehatan', title: 'Koperasi yang difasilitasi per kesehatan', rows: [], fromRegister: { count: { register: 'koperasi', where: [trained] }, groupBy: 'kesehatan' } },
  ];
  return ds;
}

/** Figures as plain data, for equality and messages. */
const plain = (f: RegisterFigures) => ({
  indicators: Object.fromEntries([...f.indicators].map(([ref, ys]) => [ref, Object.fromEntries(ys)])),
  tables: Object.fromEntries([...f.tables].map(([id, ys]) => [id, Object.fromEntries(ys)])),
});

forEachEngine('register figures in SQL', (engine) => {
  it('equal the figures computed in memory from the same rows (per year, per period, before `since`, an empty population, a group without value)', () =>
    withTestDb(engine, async (db) => {
      const ds = dataset();
      const imported = await createDatasetQueries(db.pool).importDataset(ds);
      expect(imported).toBeTruthy();
      const q = createRegisterQueries(db.pool);
      const { kop, fas } = generated(13);
      const asRows = (t: string[][]) => t.map((cells, i) => ({ row: i + 1, cells }));
      for (const [reg, rows] of [['koperasi', kop], ['fasilitasi', fas]] as const) {
        const r = await q.importRows('dinco', reg, asRows(rows), { store: true });
        expect([reg, r.problems]).toEqual([reg, []]);
        expect(r.stored).toBe(true);
      }
      const entities = new Map<string, Entity[]>();
      for (const reg of ['koperasi', 'fasilitasi']) {
        const list: Entity[] = [];
        for await (const e of q.exportRows('dinco', reg)) list.push(e);
        entities.set(reg, list);
      }
      const mem: EntitiesByRegister = entities;
      const counts = createRegisterCountQueries(db.pool);
      const years = [2024, 2025, 2026, 2027];
      for (const today of ['2026-08-15', '2027-01-05']) {
        const sql = await counts.figures('dinco', ds, years, today);
        expect(plain(sql)).toEqual(plain(figuresInMemory(ds, mem, years, today)));
      }

      // what the comparison covered, so that it cannot pass on empty figures
      const f = plain(await counts.figures('dinco', ds, years, '2026-08-15'));
      const umm = f.indicators[`${FIXTURE_PLAN}/UMM`]!;
      expect(Object.keys(umm)).toEqual(['2026', '2027']); // nothing before `since`
      expect(umm[2026]!.map((x) => x.period)).toEqual(['Q1', 'Q2']);
      expect(umm[2027]).toEqual([]);
      const [q1, q2] = umm[2026]!;
      expect(q1!.numerator).toBeGreaterThan(0);
      expect(q2!.numerator).toBeGreaterThan(q1!.numerator); // events up to each period's end
      expect(q2!.numerator).toBeLessThanOrEqual(q2!.denominator!); // a share of the population
      expect(f.indicators[`${FIXTURE_PLAN}/SAKIP`]![2025]!.map((x) => x.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
      expect(f.indicators[`${FIXTURE_PLAN}/SAKIP`]![2025]![3]).not.toHaveProperty('denominator');
      expect(f.indicators[`${FIXTURE_PLAN}/KDP`]![2026]!.map((x) => x.denominator)).toEqual([0, 0]);
      const table = f.tables['kop-kecamatan']![2026]!;
      expect(table.period).toBe('Q2');
      expect(table.groups.at(-1)!.value).toBeNull();
      expect(table.groups.map((g) => g.value)).toEqual([...KECAMATAN, null]);
      expect(table.total).toBe(table.groups.reduce((s, g) => s + g.count, 0));
      expect(Object.keys(f.tables['kop-kecamatan']!)).toEqual(['2025', '2026']);
      expect(f.tables['kop-kesehatan']![2024]).toMatchObject({ groups: [], total: 0 }); // no events in 2024
      expect(f.tables['kop-kesehatan']![2026]!.groups.map((g) => g.value)).toEqual(['sehat', 'cukup sehat', null]);
    }));
});

forEachEngine('the registers\' stamp', (engine) => {
  it('changes with every write of an agency\'s register rows, whatever writes them, and only then', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(registerDataset());
      const q = createRegisterQueries(db.pool);
      const rows = [['nomor_badan_hukum', 'nama', 'status_2026'], ['BH-1', 'KSP Maju', 'aktif'], ['BH-2', 'KSU Sejahtera', 'aktif']].map((cells, i) => ({ row: i + 1, cells }));
      expect(await registerStamp(db.pool, 'dinco')).toBe('');
      await q.importRows('dinco', 'koperasi', rows, { store: true });
      const first = await registerStamp(db.pool, 'dinco');
      expect(first).toMatch(/^koperasi:\d+$/);
      // a preview writes nothing; reading counts nothing
      await q.importRows('dinco', 'koperasi', rows.slice(0, 2));
      expect(await registerStamp(db.pool, 'dinco')).toBe(first);
      // a per-year value changed by a new import
      await q.importRows('dinco', 'koperasi', [rows[0]!, { row: 2, cells: ['BH-1', 'KSP Maju', 'tidak aktif'] }, rows[2]!], { store: true });
      const second = await registerStamp(db.pool, 'dinco');
      expect(second).not.toBe(first);
      // rows deleted by another path (an agency's deletion does so)
      await db.pool.query(`DELETE FROM register_rows WHERE scope = 'agency' AND owner = 'dinco' AND key = 'BH-2'`);
      expect(await registerStamp(db.pool, 'dinco')).not.toBe(second);
      expect(await registerStamp(db.pool, 'lain')).toBe('');
    }));
});

it('knows the years a measurement reads and whether a dataset counts from registers', () => {
  const ds = dataset();
  expect(countsFromRegisters(ds)).toBe(true);
  expect(countsFromRegisters(registerDataset())).toBe(false);
  // UMM from 2026, SAKIP from 2025, KDP and the kesehatan table always the year and the one before
  expect(figureYears(ds, 2026)).toEqual([2025, 2026]);
  expect(figureYears(ds, 2027)).toEqual([2025, 2026, 2027]); // SAKIP from 2025: its trend
  ds.plans[0]!.indicators!.find((i) => i.id === 'UMM')!.fromRegister!.since = 2023;
  expect(figureYears(ds, 2026)).toEqual([2023, 2024, 2025, 2026]);
});
