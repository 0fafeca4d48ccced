import { expect, it } from 'vitest';
import { selectKeys, windowOf, type EntitiesByRegister, type FigurePeriod } from '../core/registers/conditions.js';
import { drillFigure, indicatorTarget, tableTarget, type DrillTarget } from '../core/registers/drill.js';
import { asSourceRows, drillDataset, drillRows, KOP_REF, KOP_TABLE, UMK_REF } from '../core/registers/drill-fixtures.js';
import type { Entity } from '../core/registers/rows.js';
import { createDatasetQueries } from './datasets.js';
import { createRegisterDrillQueries, type DrillEntity } from './register-drill.js';
import { createRegisterQueries } from './registers.js';
import { forEachEngine, withTestDb } from './testing.js';
import type { Db } from './db.js';

const ds = drillDataset();
const regs = ds.registers!;
const ROWS = drillRows(180, 7);

async function seed(db: Db): Promise<EntitiesByRegister> {
  await createDatasetQueries(db.pool).importDataset(drillDataset());
  const q = createRegisterQueries(db.pool);
  for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro'] as const) {
    const r = await q.importRows('dinco', id, asSourceRows(ROWS[id]), { store: true });
    expect([id, r.problemCount, r.stored]).toEqual([id, 0, true]);
  }
  const mem = new Map<string, Entity[]>();
  for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro']) {
    const es: Entity[] = [];
    for await (const e of q.exportRows('dinco', id)) es.push(e);
    mem.set(id, es);
  }
  return mem;
}

const collect = async (g: AsyncGenerator<DrillEntity>): Promise<DrillEntity[]> => {
  const out: DrillEntity[] = [];
  for await (const e of g) out.push(e);
  return out;
};

forEachEngine('register drill-down', (engine) => {
  it('counted + not counted = population, each equal to the conditions evaluated in memory, per period', () =>
    withTestDb(engine, async (db) => {
      const mem = await seed(db);
      const drill = createRegisterDrillQueries(db.pool);
      const cases: Array<[string, DrillTarget]> = [];
      for (const period of ['Q1', 'Q2', 'Q4'] as FigurePeriod[]) {
        cases.push([`KOP ${period}`, indicatorTarget(ds, KOP_REF, 2026, { today: '2027-01-05', period })]);
      }
      cases.push(['UMK', indicatorTarget(ds, UMK_REF, 2026, { today: '2026-07-01' })]);
      cases.push(['table Ajung', tableTarget(ds, KOP_TABLE, 2026, { today: '2026-10-01', group: 'ajung' })]);
      cases.push(['table no kecamatan', tableTarget(ds, KOP_TABLE, 2026, { today: '2026-10-01', group: '' })]);
      for (const [name, t] of cases) {
        const counted = await collect(drill.all('dinco', regs, t, { side: 'counted', batch: 37 }));
        const notCounted = await collect(drill.all('dinco', regs, t, { side: 'not-counted', batch: 37 }));
        const population = await collect(drill.all('dinco', regs, t, { side: 'population', batch: 37 }));
        const want = selectKeys(regs, mem, t.counted, t.window);
        const wantPop = selectKeys(regs, mem, t.population, t.window);
        expect([name, counted.map((e) => e.key)]).toEqual([name, want]);
        expect([name, population.map((e) => e.key)]).toEqual([name, wantPop]);
        expect([name, notCounted.map((e) => e.key)]).toEqual([name, wantPop.filter((k) => !want.includes(k))]);
        expect([name, population.filter((e) => e.counted).map((e) => e.key)]).toEqual([name, want]);
        expect(new Set([...counted, ...notCounted].map((e) => e.key))).toEqual(new Set(wantPop));
        expect(await drill.counts('dinco', regs, t)).toEqual({ counted: want.length, population: wantPop.length });
        expect(want.length).toBeGreaterThan(0);
        expect(wantPop.length).toBeGreaterThan(want.length);
      }
      // the figure a drill-down shows is the indicator's: distinct cooperatives, a share of the active ones
      const q3 = indicatorTarget(ds, KOP_REF, 2026, { today: '2026-10-01' });
      expect(q3.period).toBe('Q3');
      const c = await drill.counts('dinco', regs, q3);
      const fig = drillFigure(q3, c.counted, c.population);
      expect(fig.value).toBeCloseTo((100 * c.counted) / c.population, 10);
      expect(fig.value!).toBeLessThanOrEqual(100);
      // the events are more than the cooperatives counted (a cooperative facilitated twice counts once)
      const events = mem.get('fasilitasi')!.filter((e) => String(e.data.tanggal) <= '2026-09-30' && String(e.data.tanggal) >= '2026-01-01').length;
      expect(events).toBeGreaterThan(c.counted);
    }));

  it('lists carry the key, the label and the non-personal values of the measured year, never personal fields', () =>
    withTestDb(engine, async (db) => {
      await seed(db);
      const drill = createRegisterDrillQueries(db.pool);
      const um = await drill.list('dinco', regs, indicatorTarget(ds, UMK_REF, 2026, { today: '2026-07-01' }), { pageSize: 5 });
      expect(um.entities.length).toBe(5);
      for (const e of um.entities) {
        expect(Object.keys(e.values).sort()).toEqual(['berdiri', 'kecamatan', 'nama_usaha', 'nib', 'sektor', 'tenaga_kerja']);
        expect(e.values.sektor).toBe('kuliner');
        expect(JSON.stringify(e)).not.toMatch(/9999\d{12}|wati/);
      }
      const kop = await drill.list('dinco', regs, indicatorTarget(ds, KOP_REF, 2026, { today: '2026-07-01' }), { side: 'population', pageSize: 3 });
      const row = ROWS.koperasi.find((r) => r[0] === kop.entities[0]!.key)!;
      expect(kop.entities[0]).toMatchObject({ label: row[1], values: { status: 'aktif', rat: row[5] === 'ya' } });
      // the per-year value is the measured year's: 2025's status is not shown for 2026
      expect(kop.entities[0]!.values.status).toBe(row[4]);
    }));

  it('searches the key or the label without regard to case, and pages in key order with a total', () =>
    withTestDb(engine, async (db) => {
      const mem = await seed(db);
      const drill = createRegisterDrillQueries(db.pool);
      const t = indicatorTarget(ds, KOP_REF, 2026, { today: '2027-01-05' });
      const pop = selectKeys(regs, mem, t.population, t.window);
      const name = new Map(ROWS.koperasi.slice(1).map((r) => [r[0]!, r[1]!]));
      const byName = pop.filter((k) => name.get(k)!.toLowerCase().includes('kopwan'));
      const r = await drill.list('dinco', regs, t, { side: 'population', q: 'KOPWAN', pageSize: 500 });
      expect(r.total).toBe(byName.length);
      expect(r.entities.map((e) => e.key)).toEqual(byName);
      expect(byName.length).toBeGreaterThan(2);
      // by key, and a LIKE wildcard taken literally
      expect((await drill.list('dinco', regs, t, { side: 'population', q: 'bh-0001' })).entities.map((e) => e.key)).toEqual(pop.filter((k) => k.startsWith('BH-0001')));
      expect((await drill.list('dinco', regs, t, { side: 'population', q: '%' })).total).toBe(0);
      // pages: consecutive, disjoint, together the whole side, each with the side's total
      const seen: string[] = [];
      for (let page = 1; ; page++) {
        const p = await drill.list('dinco', regs, t, { side: 'not-counted', page, pageSize: 11 });
        expect(p.total).toBe(pop.length - selectKeys(regs, mem, t.counted, t.window).length);
        if (p.entities.length === 0) break;
        expect(p.entities.length).toBeLessThanOrEqual(11);
        seen.push(...p.entities.map((e) => e.key));
      }
      expect(seen).toEqual((await collect(drill.all('dinco', regs, t, { side: 'not-counted' }))).map((e) => e.key));
      expect(seen.length).toBeGreaterThan(22);
    }));

  it("an entity's history: the events naming it, newest first, paged", () =>
    withTestDb(engine, async (db) => {
      const mem = await seed(db);
      const drill = createRegisterDrillQueries(db.pool);
      const events = mem.get('fasilitasi')!;
      const byCoop = new Map<string, Entity[]>();
      for (const e of events) byCoop.set(String(e.data.koperasi), [...(byCoop.get(String(e.data.koperasi)) ?? []), e]);
      const [key, evs] = [...byCoop].sort((a, b) => b[1].length - a[1].length)[0]!;
      expect(evs.length).toBeGreaterThan(1);
      const h = await drill.history('dinco', regs, 'koperasi', key);
      expect(h.total).toBe(evs.length);
      const want = [...evs].sort((a, b) => (a.data.tanggal! < b.data.tanggal! ? 1 : a.data.tanggal! > b.data.tanggal! ? -1 : a.key < b.key ? 1 : -1));
      expect(h.events.map((e) => [e.key, e.date])).toEqual(want.map((e) => [e.key, e.data.tanggal]));
      expect(h.events[0]).toMatchObject({ register: 'fasilitasi', registerName: 'Fasilitasi Koperasi', via: 'koperasi', values: { koperasi: key } });
      const p2 = await drill.history('dinco', regs, 'koperasi', key, { page: 2, pageSize: 1 });
      expect(p2.events.map((e) => e.key)).toEqual([want[1]!.key]);
      // no register refers to micro businesses; an unknown key has no history
      expect((await drill.history('dinco', regs, 'usaha_mikro', '9999000000001')).total).toBe(0);
      expect((await drill.history('dinco', regs, 'koperasi', 'BH-99999')).events).toEqual([]);
    }));
});

it('refuses what cannot be drilled, in both languages', () => {
  const today = '2026-07-01';
  const msg = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return `${(e as Error).message} | ${(e as { localized: { id: string } }).localized.id}`;
    }
    return 'no error';
  };
  expect(msg(() => indicatorTarget(ds, 'renstra-2021-2026/NOPE', 2026, { today }))).toContain('tidak ada indikator');
  expect(msg(() => indicatorTarget(ds, 'renstra-2021-2026/UMM', 2026, { today }))).toContain('tidak dihitung dari register');
  expect(msg(() => indicatorTarget(ds, KOP_REF, 2025, { today }))).toContain('sejak 2026');
  expect(msg(() => indicatorTarget(ds, KOP_REF, 2026, { today: '2026-03-30' }))).toContain('belum ada periode tahun 2026 yang berakhir');
  expect(msg(() => indicatorTarget(ds, KOP_REF, 2026, { today, period: 'Q3' }))).toContain('Triwulan III 2026 belum berakhir');
  expect(msg(() => tableTarget(ds, KOP_TABLE, 2026, { today, group: 'Jakarta' }))).toContain('bukan nilai kolom "Kecamatan"');
  // the indicator's own id finds it when one plan alone has it
  expect(indicatorTarget(ds, 'KOP', 2026, { today }).indicator!.ref).toBe(KOP_REF);
  expect(indicatorTarget(ds, KOP_REF, 2026, { today }).words).toEqual({
    counted: 'Koperasi dengan status aktif pada tahun berjalan dan sedikitnya satu fasilitasi koperasi dalam tahun berjalan',
    population: 'Koperasi dengan status aktif pada tahun berjalan',
  });
  expect(windowOf(2026, indicatorTarget(ds, KOP_REF, 2026, { today }).period).to).toBe('2026-06-30');
});
