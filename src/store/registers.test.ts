import { expect, it } from 'vitest';
import type pg from 'pg';
import { registerDataset } from '../core/registers/fixtures.js';
import { problemText, type Cell, type SourceRow } from '../core/registers/rows.js';
import { createDatasetQueries } from './datasets.js';
import { createRegisterQueries, RegisterError } from './registers.js';
import { forEachEngine, withTestDb } from './testing.js';
import { BAD_KINDS, bulkDataset, HEADER, syntheticMicroBusinesses, withBadRows } from '../../bench/register-rows.js';

const rows = (...lines: Cell[][]): SourceRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));

const KOPERASI = (status2026 = 'aktif') =>
  rows(
    ['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2025', 'status_2026', 'rat_2025'],
    ['BH-1', 'KSP Maju', 'Ajung', 'aktif', status2026, 'ya'],
    ['BH-2', 'KSU Sejahtera', 'Patrang', 'aktif', 'aktif', 'tidak'],
    ['BH-3', 'Kopwan Mawar', 'Ambulu', 'tidak aktif', 'tidak aktif', ''],
  );

async function setUp(pool: pg.Pool) {
  await createDatasetQueries(pool).importDataset(registerDataset());
  return createRegisterQueries(pool);
}

const count = async (pool: pg.Pool, table: string): Promise<number> => Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

forEachEngine('registers', (engine) => {
  it('previews without storing, stores with store, and gives the rows back in key order', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      const preview = await q.importRows('dinco', 'koperasi', KOPERASI());
      expect(preview).toMatchObject({ rows: 3, years: [2025, 2026], problemCount: 0, stored: false });
      expect(preview.preview).toEqual({
        added: { count: 3, first: ['KSP Maju', 'KSU Sejahtera', 'Kopwan Mawar'] },
        changed: { count: 0, first: [] },
        removed: { count: 0, first: [] },
        unchanged: 0,
      });
      expect(await count(db.pool, 'register_rows')).toBe(0);

      const stored = await q.importRows('dinco', 'koperasi', KOPERASI(), { store: true });
      expect(stored.stored).toBe(true);
      expect(await q.countRows('dinco', 'koperasi')).toBe(3);
      expect(await q.yearsOf('dinco', 'koperasi')).toEqual([2025, 2026]);
      const out = [];
      for await (const e of q.exportRows('dinco', 'koperasi', { page: 2 })) out.push(e);
      expect(out).toEqual([
        { key: 'BH-1', data: { nomor_badan_hukum: 'BH-1', nama: 'KSP Maju', kecamatan: 'Ajung' }, years: { '2025': { status: 'aktif', rat: true }, '2026': { status: 'aktif' } } },
        { key: 'BH-2', data: { nomor_badan_hukum: 'BH-2', nama: 'KSU Sejahtera', kecamatan: 'Patrang' }, years: { '2025': { status: 'aktif', rat: false }, '2026': { status: 'aktif' } } },
        { key: 'BH-3', data: { nomor_badan_hukum: 'BH-3', nama: 'Kopwan Mawar', kecamatan: 'Ambulu' }, years: { '2025': { status: 'tidak aktif' }, '2026': { status: 'tidak aktif' } } },
      ]);
      expect((await q.listRegisters('dinco')).map((r) => [r.id, r.rows, r.years, r.personal])).toEqual([
        ['koperasi', 3, [2025, 2026], []],
        ['usaha_mikro', 0, [], ['pemilik', 'nik']],
        ['fasilitasi', 0, [], []],
      ]);
    }));

  it('a second file: added, changed (also a year value), removed by key; years not in the file are kept', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      await q.importRows('dinco', 'koperasi', KOPERASI(), { store: true });
      const next = rows(
        ['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2026'],
        ['BH-1', 'KSP Maju', 'Ajung', 'tidak aktif'],
        ['BH-2', 'KSU Sejahtera', 'Patrang', 'aktif'],
        ['BH-4', 'KSP Baru', 'Arjasa', 'aktif'],
      );
      const r = await q.importRows('dinco', 'koperasi', next, { store: true });
      expect(r.preview).toEqual({
        added: { count: 1, first: ['KSP Baru'] },
        changed: { count: 1, first: ['KSP Maju'] },
        removed: { count: 1, first: ['Kopwan Mawar'] },
        unchanged: 1,
      });
      const out = new Map<string, unknown>();
      for await (const e of q.exportRows('dinco', 'koperasi')) out.set(e.key, e.years);
      expect([...out.keys()]).toEqual(['BH-1', 'BH-2', 'BH-4']);
      // 2025 came from the first file and is kept; 2026 is the second file's
      expect(out.get('BH-1')).toEqual({ '2025': { status: 'aktif', rat: true }, '2026': { status: 'tidak aktif' } });
      expect(out.get('BH-4')).toEqual({ '2026': { status: 'aktif' } });
    }));

  it('a file with bad rows stores nothing and names every problem by row and column (capped, all counted)', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      await q.importRows('dinco', 'koperasi', KOPERASI(), { store: true });
      const events = rows(
        ['nomor', 'tanggal', 'jenis', 'koperasi'],
        ['F-1', '2025-02-01', 'pelatihan', 'BH-1'],
        ['F-2', '31/02/2025', 'pelatihan', 'BH-9'],
        ['F-1', '2025-03-01', 'seminar', 'BH-2'],
        ['F-3', '2025-03-01', 'pelatihan', 'BH-2'],
      );
      const r = await q.importRows('dinco', 'fasilitasi', events, { store: true, cap: 3 });
      expect(r.stored).toBe(false);
      expect(r.preview).toBeUndefined();
      expect(r.problemCount).toBe(4);
      expect(r.problems.map((p) => problemText(p, 'id'))).toEqual([
        'baris 3, kolom tanggal: seharusnya tanggal berformat YYYY-MM-DD atau DD/MM/YYYY, tertulis "31/02/2025"',
        'baris 3, kolom koperasi: tidak ada entitas "BH-9" dalam register "koperasi"',
        'baris 4, kolom jenis: "seminar" bukan salah satu nilai yang diizinkan: pelatihan, pendampingan',
      ]);
      expect(await q.countRows('dinco', 'fasilitasi')).toBe(0);
      const fixed = rows(events[0]!.cells, events[1]!.cells, ['F-2', '2025-02-28', 'pendampingan', 'BH-3'], events[4]!.cells);
      const ok = await q.importRows('dinco', 'fasilitasi', fixed, { store: true });
      expect(ok.stored).toBe(true);
      expect(await q.countRows('dinco', 'fasilitasi')).toBe(3);
    }));

  it('finds duplicate keys in its staging table, within a batch and across batches, after the first row that used the key, good or not', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      const file = rows(
        ['nomor_badan_hukum', 'nama', 'status_2025'],
        ['BH-1', 'KSP Maju', 'aktif'],
        ['BH-2', '', 'aktif'], // no name: a problem, but its key is taken
        ['BH-1', 'KSP Maju Lagi', 'aktif'], // duplicate of row 2
        ['', 'Tanpa Kunci', 'aktif'], // no key: nothing to compare
        ['BH-2', 'KSU Sejahtera', 'bubar'], // a bad status and a duplicate of row 3
        ['BH-3', 'Kopwan Mawar', 'aktif'],
        ['BH-1', 'Tiga Kali', 'aktif'], // a third use of BH-1
      );
      const expected = [
        'baris 3, kolom nama: nilai wajib diisi di sini',
        'baris 4, kolom nomor_badan_hukum: kunci "BH-1" sudah dipakai di baris 2',
        'baris 5, kolom nomor_badan_hukum: nilai wajib diisi di sini',
        'baris 6, kolom status_2025: "bubar" bukan salah satu nilai yang diizinkan: aktif, tidak aktif',
        'baris 6, kolom nomor_badan_hukum: kunci "BH-2" sudah dipakai di baris 3',
        'baris 8, kolom nomor_badan_hukum: kunci "BH-1" sudah dipakai di baris 2',
      ];
      for (const batch of [1, 2, 3, 1000]) {
        const r = await q.importRows('dinco', 'koperasi', file, { store: true, batch });
        expect({ batch, problems: r.problems.map((p) => problemText(p, 'id')) }).toEqual({ batch, problems: expected });
        expect(r).toMatchObject({ stored: false, problemCount: 6, rows: 7 });
        const capped = await q.importRows('dinco', 'koperasi', file, { batch, cap: 2 });
        expect(capped.problems.map((p) => p.row)).toEqual([3, 4]);
        expect(capped.problemCount).toBe(6);
      }
      expect(await count(db.pool, 'register_rows')).toBe(0);
    }));

  it('checks references against the stored keys in its staging table, in column order with the other problems, whatever the batch', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      await q.importRows('dinco', 'koperasi', KOPERASI(), { store: true });
      const file = rows(
        ['koperasi', 'nomor', 'tanggal', 'jenis'],
        ['BH-1', 'F-1', '2025-02-01', 'pelatihan'],
        ['BH-9', 'F-2', '31/02/2025', 'pelatihan'], // a dangling reference before a bad date
        ['BH-8', '', '2025-03-01', 'pelatihan'], // a dangling reference in a row without a key
        ['BH-2', 'F-1', '2025-03-01', 'pelatihan'], // a duplicate key
        ['BH-3', 'F-4', '2025-03-01', 'pelatihan'],
      );
      const expected = [
        'baris 3, kolom koperasi: tidak ada entitas "BH-9" dalam register "koperasi"',
        'baris 3, kolom tanggal: seharusnya tanggal berformat YYYY-MM-DD atau DD/MM/YYYY, tertulis "31/02/2025"',
        'baris 4, kolom koperasi: tidak ada entitas "BH-8" dalam register "koperasi"',
        'baris 4, kolom nomor: nilai wajib diisi di sini',
        'baris 5, kolom nomor: kunci "F-1" sudah dipakai di baris 2',
      ];
      for (const batch of [1, 2, 1000]) {
        const r = await q.importRows('dinco', 'fasilitasi', file, { store: true, batch });
        expect({ batch, problems: r.problems.map((p) => problemText(p, 'id')) }).toEqual({ batch, problems: expected });
        expect(r).toMatchObject({ stored: false, problemCount: 5 });
      }
      expect(await count(db.pool, 'register_rows')).toBe(3);
      const good = await q.importRows('dinco', 'fasilitasi', rows(file[0]!.cells, file[1]!.cells, file[5]!.cells), { store: true, batch: 1 });
      expect(good).toMatchObject({ stored: true, problemCount: 0 });
    }));

  it('a 20.000-row file with a dozen bad rows spread through it: every problem counted, the first named by row and column, nothing stored; the good file then stores all', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(bulkDataset());
      const q = createRegisterQueries(db.pool);
      const n = 20_000;
      const badRows: number[] = [];
      const file = (cells: Iterable<string[]>, header: string[]): SourceRow[] => [{ row: 1, cells: header }, ...[...cells].map((c, i) => ({ row: i + 2, cells: c }))];
      const r = await q.importRows('dinco', 'usaha_mikro', file(withBadRows(n, 12, badRows), [...HEADER, 'koperasi']), { store: true, cap: 5 });
      expect(badRows).toHaveLength(12);
      expect(r).toMatchObject({ stored: false, rows: n, problemCount: 12 });
      expect(r.preview).toBeUndefined();
      expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual(badRows.slice(0, 5).map((row, i) => [row, BAD_KINDS[i]!.column, BAD_KINDS[i]!.code]));
      expect(problemText(r.problems[2]!, 'id')).toBe(`baris ${badRows[2]}, kolom nib: kunci "9999000000001" sudah dipakai di baris 2`);
      expect(problemText(r.problems[3]!, 'id')).toBe(`baris ${badRows[3]}, kolom koperasi: tidak ada entitas "BH-TIDAK-ADA" dalam register "koperasi"`);
      expect(await count(db.pool, 'register_rows')).toBe(0);

      const ok = await q.importRows('dinco', 'usaha_mikro', file(syntheticMicroBusinesses(n), HEADER), { store: true });
      expect(ok).toMatchObject({ stored: true, rows: n, problemCount: 0, preview: { added: { count: n }, changed: { count: 0 }, removed: { count: 0 } } });
      expect(await q.countRows('dinco', 'usaha_mikro')).toBe(n);
    }));

  it('refuses an unknown agency or register in both languages, and a bad header before any row', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      await expect(q.importRows('dinco', 'anggota', [])).rejects.toThrow(RegisterError);
      await expect(q.importRows('dinco', 'anggota', [])).rejects.toMatchObject({
        localized: { id: 'perangkat daerah "dinco" tidak memiliki register "anggota"; registernya: koperasi, usaha_mikro, fasilitasi' },
      });
      await expect(q.listRegisters('lain')).rejects.toMatchObject({ localized: { id: 'tidak ada perangkat daerah "lain" dalam basis data' } });
      const r = await q.importRows('dinco', 'koperasi', rows(['nama', 'alamat'], ['X', 'Y']));
      expect(r.problems.map((p) => `${p.row}:${p.column}:${p.code}`)).toEqual(['1:alamat:unknown-column', '1:nomor_badan_hukum:missing-column']);
    }));

  it('keeps the rows when the agency dataset is imported again (its own write path)', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      await q.importRows('dinco', 'koperasi', KOPERASI(), { store: true });
      await createDatasetQueries(db.pool).importDataset(registerDataset());
      expect(await q.countRows('dinco', 'koperasi')).toBe(3);
      expect((await createDatasetQueries(db.pool).exportDataset('dinco'))?.registers).toEqual(registerDataset().registers);
    }));

  it('counts by year and value with the indexes (a condition on a per-year value)', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      await q.importRows('dinco', 'koperasi', KOPERASI('tidak aktif'), { store: true });
      const active = await db.pool.query(
        `SELECT year, count(*)::int AS n FROM register_year_values WHERE scope = 'agency' AND owner = 'dinco' AND register = 'koperasi' AND data @> '{"status": "aktif"}' GROUP BY year ORDER BY year`,
      );
      expect(active.rows).toEqual([
        { year: 2025, n: 2 },
        { year: 2026, n: 1 },
      ]);
    }));

  it('two imports of one register at once: the rows are those of one file, never a mix', () =>
    withTestDb(engine, async (db) => {
      const q = await setUp(db.pool);
      const a = KOPERASI();
      const b = rows(['nomor_badan_hukum', 'nama'], ['BH-7', 'KSP Tujuh'], ['BH-8', 'KSP Delapan']);
      await Promise.all([q.importRows('dinco', 'koperasi', a, { store: true, batch: 1 }), q.importRows('dinco', 'koperasi', b, { store: true, batch: 1 })]);
      const keys: string[] = [];
      for await (const e of q.exportRows('dinco', 'koperasi')) keys.push(e.key);
      expect([['BH-1', 'BH-2', 'BH-3'], ['BH-7', 'BH-8']]).toContainEqual(keys);
    }));
});
