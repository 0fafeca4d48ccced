import { expect, it } from 'vitest';
import type { RegisterSelection } from '../core/dataset/schema.js';
import { selectKeys, windowOf, type EntitiesByRegister } from '../core/registers/conditions.js';
import { fixtureRegisters, registerDataset } from '../core/registers/fixtures.js';
import type { Entity } from '../core/registers/rows.js';
import { createDatasetQueries } from './datasets.js';
import { Params, selectionSql } from './register-sql.js';
import { createRegisterQueries } from './registers.js';
import { forEachEngine, withTestDb } from './testing.js';

const regs = fixtureRegisters();
const KOP = [
  ['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2025', 'status_2026', 'rat_2026'],
  ['BH-1', 'KSP Maju', 'Ajung', 'aktif', 'aktif', 'ya'],
  ['BH-2', 'KSU Sejahtera', 'Patrang', 'aktif', 'aktif', 'tidak'],
  ['BH-3', 'Kopwan Mawar', 'Ambulu', 'tidak aktif', 'tidak aktif', ''],
  ['BH-4', 'Kopsyah Barokah', 'Ajung', 'aktif', '', ''],
];
const FAS = [
  ['nomor', 'tanggal', 'jenis', 'koperasi'],
  ['F1', '2026-02-10', 'pelatihan', 'BH-1'],
  ['F2', '2026-03-01', 'pelatihan', 'BH-1'],
  ['F3', '2026-05-20', 'pendampingan', 'BH-2'],
  ['F4', '2026-01-15', 'pelatihan', 'BH-3'],
  ['F5', '2025-12-31', 'pendampingan', 'BH-4'],
];

const SELECTIONS: RegisterSelection[] = [
  { register: 'koperasi' },
  { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] },
  { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }, { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] },
  { register: 'koperasi', where: [{ event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal', where: [{ field: 'jenis', equals: 'pendampingan' }] } }] },
  { register: 'koperasi', where: [{ field: 'status', present: false }] },
  { register: 'koperasi', where: [{ field: 'rat', equals: true }, { field: 'kecamatan', equals: ['Ajung', 'Patrang'] }] },
  { register: 'fasilitasi', where: [{ field: 'tanggal', inYear: true }] },
];

forEachEngine('register conditions in SQL', (engine) => {
  it('select the same entities as the conditions evaluated in memory, per year and period', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(registerDataset());
      const q = createRegisterQueries(db.pool);
      const asRows = (t: string[][]) => t.map((cells, i) => ({ row: i + 1, cells }));
      await q.importRows('dinco', 'koperasi', asRows(KOP), { store: true });
      await q.importRows('dinco', 'fasilitasi', asRows(FAS), { store: true });
      const entities: Entity[] = [];
      for await (const e of q.exportRows('dinco', 'koperasi')) entities.push(e);
      const events: Entity[] = [];
      for await (const e of q.exportRows('dinco', 'fasilitasi')) events.push(e);
      const mem: EntitiesByRegister = new Map([
        ['koperasi', entities],
        ['fasilitasi', events],
      ]);
      for (const sel of SELECTIONS) {
        for (const w of [windowOf(2025, 'Q4'), windowOf(2026, 'Q1'), windowOf(2026, 'Q3')]) {
          const p = new Params();
          const { from, where } = selectionSql(regs, sel, w, p, { scope: 'agency', owner: 'dinco' });
          const r = await db.pool.query<{ key: string }>(`SELECT e.key FROM ${from} WHERE ${where} ORDER BY e.key`, p.values);
          expect([JSON.stringify(sel), w.to, r.rows.map((x) => x.key)]).toEqual([JSON.stringify(sel), w.to, selectKeys(regs, mem, sel, w)]);
        }
      }
      // the distinct count is not the events' count: BH-1 has two in Q1
      const p = new Params();
      const { from, where } = selectionSql(regs, SELECTIONS[2]!, windowOf(2026, 'Q1'), p, { scope: 'agency', owner: 'dinco' });
      expect((await db.pool.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`, p.values)).rows[0].n).toBe(1);
    }));
});
