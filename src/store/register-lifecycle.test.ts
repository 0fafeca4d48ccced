import { expect, it } from 'vitest';
import { agencyId } from '../core/dataset/model.js';
import type { Dataset } from '../core/dataset/schema.js';
import { registerDataset } from '../core/registers/fixtures.js';
import { createDatasetQueries } from './datasets.js';
import { createRegisterQueries } from './registers.js';
import { forEachEngine, withTestDb } from './testing.js';

const KOP = [
  ['nomor_badan_hukum', 'nama', 'status_2026'],
  ['BH-1', 'KSP Maju', 'aktif'],
  ['BH-2', 'KSU Sejahtera', 'tidak aktif'],
].map((cells, i) => ({ row: i + 1, cells }));

const count = async (pool: import('pg').Pool, owner: string): Promise<[number, number]> => {
  const r = await pool.query<{ rows: number; years: number }>(
    `SELECT (SELECT count(*)::int FROM register_rows WHERE owner = $1) AS rows, (SELECT count(*)::int FROM register_year_values WHERE owner = $1) AS years`,
    [owner],
  );
  return [r.rows[0]!.rows, r.rows[0]!.years];
};

forEachEngine('register rows and their agency', (engine) => {
  it('are kept by a new import of the dataset, and go when the agency is deleted or pruned from its region', () =>
    withTestDb(engine, async (db) => {
      const ds = registerDataset();
      const id = agencyId(ds.agency);
      const datasets = createDatasetQueries(db.pool);
      const registers = createRegisterQueries(db.pool);
      await datasets.importDataset(ds);
      await registers.importRows(id, 'koperasi', KOP, { store: true });
      expect(await count(db.pool, id)).toEqual([2, 2]);

      // the dataset imported again (its rows deleted and written) keeps the registers' rows
      await datasets.importDataset(ds);
      expect(await count(db.pool, id)).toEqual([2, 2]);

      expect(await datasets.deleteAgency(id)).toBe(true);
      expect(await count(db.pool, id)).toEqual([0, 0]);

      // pruned from its region by a region file that no longer holds it
      const other: Dataset = { ...registerDataset(), agency: { ...ds.agency, name: 'Dinas Lain', abbreviation: 'Dinlain' } };
      const region = ds.agency.region!;
      await datasets.importRegion({ format: 'kinerja-region/1', region, agencies: [ds, other] });
      await registers.importRows(id, 'koperasi', KOP, { store: true });
      await registers.importRows('dinlain', 'koperasi', KOP, { store: true });
      await datasets.importRegion({ format: 'kinerja-region/1', region, agencies: [other] }, { prune: true });
      expect(await count(db.pool, id)).toEqual([0, 0]);
      expect(await count(db.pool, 'dinlain')).toEqual([2, 2]);
    }));
});
