/**
 * Browsing stored registers on both engines (store/registers.ts listRows, entity, entityEvents):
 * search by key and label, filters on year-independent and per-year fields, pages with the total,
 * one entity with its years, and an entity's events from the registers that refer to it.
 */
import { expect, it } from 'vitest';
import type pg from 'pg';
import { readFilters } from '../core/registers/browse.js';
import { fixtureRegisters, registerDataset } from '../core/registers/fixtures.js';
import type { Cell, SourceRow } from '../core/registers/rows.js';
import { createDatasetQueries } from './datasets.js';
import { createRegisterQueries } from './registers.js';
import { forEachEngine, withTestDb } from './testing.js';

const rows = (...lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
const KOPERASI = fixtureRegisters()[0]!;

async function setUp(pool: pg.Pool) {
  await createDatasetQueries(pool).importDataset(registerDataset());
  const q = createRegisterQueries(pool);
  const kop = await q.importRows(
    'dinco',
    'koperasi',
    rows(
      ['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2025', 'status_2026', 'rat_2025'],
      ['BH-1', 'KSP Maju', 'Ajung', 'aktif', 'tidak aktif', 'ya'],
      ['BH-2', 'KSU Sejahtera', 'Patrang', 'aktif', 'aktif', 'tidak'],
      ['BH-3', 'Kopwan Mawar', 'Ajung', 'tidak aktif', 'aktif', ''],
      ['BH-4', 'Koperasi 100%_Jaya', 'Ambulu', 'aktif', 'aktif', 'ya'],
    ),
    { store: true },
  );
  expect(kop.stored).toBe(true);
  const ev = await q.importRows(
    'dinco',
    'fasilitasi',
    rows(
      ['nomor', 'tanggal', 'jenis', 'koperasi'],
      ['F-1', '2026-02-01', 'pelatihan', 'BH-1'],
      ['F-2', '2026-05-03', 'pendampingan', 'BH-1'],
      ['F-3', '2026-03-10', 'pelatihan', 'BH-2'],
    ),
    { store: true },
  );
  expect(ev.stored).toBe(true);
  return q;
}

const filters = (raw: Record<string, string>, year?: number) => {
  const r = readFilters(KOPERASI, raw, year);
  expect(r.problems).toEqual([]);
  return r.filters;
};

forEachEngine('browsing registers', (engine) => {
  it('searches, filters (a per-year field in its year) and pages, with the total', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      const keys = async (o: Parameters<typeof q.listRows>[2]) => {
        const r = await q.listRows('dinco', KOPERASI, o);
        return [r.total, r.rows.map((e) => e.key)];
      };
      expect(await keys({})).toEqual([4, ['BH-1', 'BH-2', 'BH-3', 'BH-4']]);
      const some = await q.listRows('dinco', KOPERASI, { q: 'ksu' });
      expect([some.total, some.all, some.years]).toEqual([1, 4, [2025, 2026]]);
      expect((await q.listRows('dinco', fixtureRegisters()[1]!, {})).years).toEqual([]);
      expect(await keys({ size: 3, page: 2 })).toEqual([4, ['BH-4']]);
      // by label, case-insensitive; by key; % and _ literally
      expect(await keys({ q: 'ksu' })).toEqual([1, ['BH-2']]);
      expect(await keys({ q: 'bh-3' })).toEqual([1, ['BH-3']]);
      expect(await keys({ q: '100%_' })).toEqual([1, ['BH-4']]);
      expect(await keys({ q: '%' })).toEqual([1, ['BH-4']]);
      expect(await keys({ filters: filters({ kecamatan: 'ajung' }) })).toEqual([2, ['BH-1', 'BH-3']]);
      expect(await keys({ filters: filters({ status: 'aktif' }, 2025), year: 2025 })).toEqual([3, ['BH-1', 'BH-2', 'BH-4']]);
      expect(await keys({ filters: filters({ status: 'aktif' }, 2026), year: 2026 })).toEqual([3, ['BH-2', 'BH-3', 'BH-4']]);
      expect(await keys({ filters: filters({ status: 'aktif', kecamatan: 'Ajung' }, 2026), year: 2026 })).toEqual([1, ['BH-3']]);
      expect(await keys({ filters: filters({ rat: 'ya' }, 2025), year: 2025 })).toEqual([2, ['BH-1', 'BH-4']]);
      expect(await keys({ filters: filters({ status: 'aktif' }, 2024), year: 2024 })).toEqual([0, []]);
    }));

  it('gives one entity with its years, and its events newest first', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      expect(await q.entity('dinco', 'koperasi', 'BH-1')).toEqual({
        key: 'BH-1',
        data: { nomor_badan_hukum: 'BH-1', nama: 'KSP Maju', kecamatan: 'Ajung' },
        years: { '2025': { status: 'aktif', rat: true }, '2026': { status: 'tidak aktif' } },
      });
      expect(await q.entity('dinco', 'koperasi', 'BH-9')).toBeUndefined();
      const regs = registerDataset().registers!;
      const events = await q.entityEvents('dinco', regs, 'koperasi', 'BH-1');
      expect(events.map((e) => [e.register, e.fields, e.total, e.rows.map((r) => r.key)])).toEqual([['fasilitasi', ['koperasi'], 2, ['F-2', 'F-1']]]);
      expect(await q.entityEvents('dinco', regs, 'koperasi', 'BH-4')).toEqual([]);
      expect((await q.entityEvents('dinco', regs, 'koperasi', 'BH-1', { limit: 1 }))[0]!.rows.map((r) => r.key)).toEqual(['F-2']);
    }));
});
