import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { generateDataset, generateRegion } from '../core/dataset/generate.js';
import { agencyId } from '../core/dataset/model.js';
import { Dataset as DatasetSchema, Region as RegionSchema, type Dataset } from '../core/dataset/schema.js';
import {
  AGENCY_TABLES,
  TABLE_NAMES,
  countRows,
  createDatasetQueries,
  flattenDataset,
  rawInsertRows,
  readAgencyRowsQuery,
  RemovalChanged,
} from './datasets.js';
import { countTableRows, forEachEngine, snapshotTables, withTestDb } from './testing.js';
import { bareDataset, emptySectionsDataset, everyFieldDataset, testRegion } from './testdata.js';

const clone = <T>(x: T): T => structuredClone(x);

describe('flattenDataset (no database)', () => {
  it('gives every row the agency id and keeps list positions', () => {
    const ds = everyFieldDataset();
    const rows = flattenDataset(ds);
    const id = agencyId(ds.agency);
    expect(rows.agencies).toHaveLength(1);
    expect(rows.agencies[0]!.id).toBe(id);
    for (const t of TABLE_NAMES) {
      if (t === 'agencies') continue;
      for (const row of rows[t]) expect(row.agency_id).toBe(id);
    }
    expect(rows.realizations.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows.indicator_targets.filter((r) => r.indicator_id === 'UMM').map((r) => r.year)).toEqual([2024, 2025, 2026, 999]);
  });

  it('writes only known columns', () => {
    const rows = flattenDataset(everyFieldDataset());
    for (const t of TABLE_NAMES) {
      const known = new Set(AGENCY_TABLES[t].columns.map(([c]) => c));
      for (const row of rows[t]) for (const k of Object.keys(row)) expect(known.has(k), `${t}.${k}`).toBe(true);
    }
  });

  it('keeps an empty optional list in attrs and leaves an absent one out', () => {
    const rows = flattenDataset(everyFieldDataset());
    const rpjmd = rows.plans.find((p) => p.id === 'rpjmd')!;
    expect(rpjmd.attrs).toMatchObject({ indicators: [] });
    const renstra = rows.plans.find((p) => p.id === 'renstra')!;
    expect(renstra.attrs).not.toHaveProperty('indicators');
    const neg = rows.indicators.find((i) => i.id === 'NEG')!;
    expect(neg.attrs).toMatchObject({ targets: {} });
  });
});

forEachEngine('dataset store', (engine) => {
  const roundTrip = (ds: Dataset) =>
    withTestDb(engine, async (db) => {
      expect(DatasetSchema.safeParse(ds).success, 'the fixture is a valid dataset').toBe(true);
      const q = createDatasetQueries(db.pool);
      const { agencyId: id, rows } = await q.importDataset(clone(ds));
      expect(id).toBe(agencyId(ds.agency));
      expect(rows).toBe(countRows(flattenDataset(ds)));
      const back = await q.exportDataset(id);
      expect(back).toStrictEqual(ds);
      // what comes back is itself a valid dataset, and importing it again changes nothing
      expect(DatasetSchema.safeParse(back).success).toBe(true);
      const before = await snapshotTables(db.pool);
      await q.importDataset(back!);
      expect(await snapshotTables(db.pool)).toStrictEqual(before);
    });

  it('round-trips the minimal fixture', () => roundTrip(minimalDataset()));
  it('round-trips the demo agency (examples/diskopum-jember-2025.json)', async () => {
    const text = await readFile(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8');
    await roundTrip(DatasetSchema.parse(JSON.parse(text)));
  });
  it('round-trips a dataset using every field', () => roundTrip(everyFieldDataset()));
  it('round-trips a narrative per year (a list in the jsonb column, no migration), and the single form beside it', async () => {
    const text = await readFile(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8');
    const demo = DatasetSchema.parse(JSON.parse(text));
    const single = demo.narrative as Exclude<Dataset['narrative'], unknown[] | undefined>;
    await roundTrip({ ...demo, narrative: [single, { year: 2026, place: 'Jember', signedOn: '2027-02-15', foreword: 'Tahun 2026', analyses: [] }] });
    await roundTrip({ ...minimalDataset(), narrative: [{ year: 2025, foreword: 'a' }, { year: 2026, foreword: 'b' }] });
    await roundTrip({ ...minimalDataset(), narrative: [] });
    await roundTrip({ ...minimalDataset(), narrative: { year: 2025, foreword: 'satu narasi bertahun' } });
  });

  it('round-trips a bare dataset (every optional section absent)', () => roundTrip(bareDataset()));
  it('round-trips optional sections that are present but empty', () => roundTrip(emptySectionsDataset()));

  it('round-trips generated datasets of many shapes', async () => {
    await withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
            indicators: fc.integer({ min: 1, max: 12 }),
            years: fc.integer({ min: 1, max: 6 }),
            agreementsPerYear: fc.constantFrom<1 | 2>(1, 2),
          }),
          async (opts) => {
            const ds = generateDataset(opts);
            await q.importDataset(clone(ds));
            expect(await q.exportDataset(agencyId(ds.agency))).toStrictEqual(ds);
          },
        ),
        { numRuns: 15 },
      );
    });
  });

  it('round-trips a generated region', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const region = generateRegion({ seed: 7, agencies: 4, indicators: 10, years: 4, agreementsPerYear: 2 });
      const { agencies } = await q.importRegion(clone(region));
      expect(agencies).toEqual(['opd-001', 'opd-002', 'opd-003', 'opd-004']);
      expect(await q.exportRegion(region.region)).toStrictEqual(region);
    }));

  it('keeps numbers exact: money with cents in numeric, long decimals in double precision', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const ds = everyFieldDataset();
      const { agencyId: id } = await q.importDataset(ds);
      const money = await db.pool.query<{ amount: string; n: number }>(
        `SELECT amount::text AS amount, amount AS n FROM agreement_budget WHERE agency_id = $1 AND position = 0`,
        [id],
      );
      expect(money.rows[0]).toEqual({ amount: '26796144571.6', n: 26796144571.6 });
      const sum = await db.pool.query<{ total: number }>(
        `SELECT sum(amount) AS total FROM node_spending WHERE agency_id = $1`,
        [id],
      );
      // exact decimal sum (binary floating point would give 36646141879.520004)
      expect(sum.rows[0]!.total).toBe(36646141879.52);
      const back = (await q.exportDataset(id))!;
      const umm = back.plans[1]!.indicators![0]!;
      expect(umm.baseline!.value).toBe(9.285714285714286);
      expect(umm.targets!['2024']).toBe(0.30000000000000004);
      expect(back.agreements[0]!.budget[0]!.amount).toBe(26796144571.6);
      expect(back.programs[0]!.spending![0]!.amount).toBe(14212164755.76);
      expect(back.realizations[5]!.value).toBe(-1e-7);
      expect(back.claims![1]!.value).toBe(26796144571.6);
    }));

  it('lets several agencies of a region live side by side, and re-importing one replaces only it', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const a = everyFieldDataset('a');
      const b = everyFieldDataset('b');
      await q.importDataset(a);
      await q.importDataset(b);
      await q.importDataset(minimalDataset());
      // by region, then in the order they came into the region
      expect(await q.listAgencies()).toEqual([
        { id: 'dinco', name: 'Dinas Contoh', region: 'Kabupaten Contoh' },
        { id: agencyId(a.agency), name: a.agency.name, region: 'Kabupaten Uji' },
        { id: agencyId(b.agency), name: b.agency.name, region: 'Kabupaten Uji' },
      ]);
      const bRows = (await db.pool.query(`SELECT count(*) AS n FROM realizations WHERE agency_id = $1`, [agencyId(b.agency)])).rows[0];

      const a2 = everyFieldDataset('a');
      a2.realizations = a2.realizations.slice(0, 2);
      a2.plans[1]!.indicators!.pop();
      a2.agency.address = 'Jl. Baru 2';
      delete a2.claims;
      const { agencyId: id } = await q.importDataset(a2);
      expect(id).toBe(agencyId(a.agency));
      expect(await q.exportDataset(id)).toStrictEqual(a2);
      expect(await q.exportDataset(agencyId(b.agency))).toStrictEqual(b);
      expect(await q.exportDataset('dinco')).toStrictEqual(minimalDataset());
      expect((await db.pool.query(`SELECT count(*) AS n FROM realizations WHERE agency_id = $1`, [agencyId(b.agency)])).rows[0]).toEqual(bRows);
      // the re-imported agency keeps its place in the region
      expect((await q.listAgencies()).map((x) => x.id)).toEqual(['dinco', agencyId(a.agency), agencyId(b.agency)]);
    }));

  it('files an agency under another region when asked, and exports its own region field unchanged', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const ds = minimalDataset();
      await q.importDataset(ds, { region: 'Provinsi Uji' });
      expect(await q.listAgencies()).toEqual([{ id: 'dinco', name: 'Dinas Contoh', region: 'Provinsi Uji' }]);
      expect(await q.exportDataset('dinco')).toStrictEqual(ds);
      const region = await q.exportRegion('Provinsi Uji');
      expect(region).toStrictEqual({ format: 'kinerja-region/1', region: 'Provinsi Uji', agencies: [ds] });
      expect(await q.exportRegion('Kabupaten Contoh')).toBeUndefined();
    }));

  it('returns undefined for an unknown agency or region, and deletes an agency with everything it owns', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      expect(await q.exportDataset('nope')).toBeUndefined();
      expect(await q.exportRegion('nope')).toBeUndefined();
      expect(await q.deleteAgency('nope')).toBe(false);
      const empty = await countTableRows(db.pool);
      await q.importDataset(everyFieldDataset());
      const id = agencyId(everyFieldDataset().agency);
      expect(await q.deleteAgency(id)).toBe(true);
      expect(await q.exportDataset(id)).toBeUndefined();
      // only the region row stays behind
      expect(await countTableRows(db.pool)).toEqual({ ...empty, regions: 1 });
    }));

  it('round-trips a region, with its settings and the order of its agencies', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const region = testRegion();
      expect(RegionSchema.safeParse(region).success).toBe(true);
      const { agencies } = await q.importRegion(clone(region));
      expect(agencies).toEqual(region.agencies.map((ds) => agencyId(ds.agency)));
      expect(await q.exportRegion(region.region)).toStrictEqual(region);
      expect((await q.listAgencies()).map((a) => a.id)).toEqual(agencies);
      expect(region.settings).toBeDefined();
      expect(await q.regionSettingsOf(agencies[0]!)).toStrictEqual(region.settings);
      expect(await q.regionSettingsOf('no-such-agency')).toBeUndefined();

      // with prune the file is the region's whole content: an agency it does not hold is removed,
      // the file's order is the region's, and its settings and note (absent here) are the region's
      const smaller = clone(region);
      smaller.agencies = [region.agencies[2]!, region.agencies[0]!];
      delete smaller.settings;
      delete smaller.note;
      await q.importRegion(smaller, { prune: true });
      expect(await q.exportRegion(region.region)).toStrictEqual(smaller);
      expect(await q.exportDataset(agencyId(region.agencies[1]!.agency))).toBeUndefined();

      // an agency imported alone goes last in its region
      await q.importDataset(region.agencies[1]!);
      expect((await q.exportRegion(region.region))!.agencies.map((a) => a.agency.name)).toEqual([
        region.agencies[2]!.agency.name,
        region.agencies[0]!.agency.name,
        region.agencies[1]!.agency.name,
      ]);
    }));

  describe('a region file adds or replaces the agencies it holds, and removes others only when asked (issue 9)', () => {
    const ref = (ds: Dataset) => ({ id: agencyId(ds.agency), name: ds.agency.name });
    const stored = async (q: ReturnType<typeof createDatasetQueries>, region: string) =>
      (await q.exportRegion(region))!.agencies.map((ds) => agencyId(ds.agency));

    it('replaces the one agency of a file holding one, and keeps the region’s others, their data and order', () =>
      withTestDb(engine, async (db) => {
        const q = createDatasetQueries(db.pool);
        const region = generateRegion({ seed: 9, agencies: 5, indicators: 3, years: 2 });
        await q.importRegion(clone(region));
        const before = await snapshotTables(db.pool);

        const one = clone(region);
        one.agencies = [clone(region.agencies[2]!)];
        one.agencies[0]!.agency.address = 'Jl. Baru 9';
        one.agencies[0]!.realizations = one.agencies[0]!.realizations.slice(1);
        const result = await q.importRegion(clone(one));
        expect(await stored(q, region.region)).toEqual(region.agencies.map((ds) => agencyId(ds.agency)));
        expect(result).toMatchObject({
          region: region.region,
          added: [],
          replaced: [ref(one.agencies[0]!)],
          removed: [],
          kept: [0, 1, 3, 4].map((i) => ref(region.agencies[i]!)),
        });
        expect(result.agencies).toEqual([agencyId(one.agencies[0]!.agency)]);
        expect(await q.exportDataset(agencyId(one.agencies[0]!.agency))).toStrictEqual(one.agencies[0]);
        for (const i of [0, 1, 3, 4]) expect(await q.exportDataset(agencyId(region.agencies[i]!.agency))).toStrictEqual(region.agencies[i]);
        // the rows of the other agencies are untouched, byte for byte
        const after = await snapshotTables(db.pool);
        const others = (rows: string[]) => rows.filter((r) => !r.startsWith(`(${agencyId(one.agencies[0]!.agency)},`));
        for (const t of TABLE_NAMES) expect(others(after[t]!), t).toEqual(others(before[t]!));
      }));

    it('adds a new agency after the region’s others, moves one from another region, and keeps the settings a file leaves out', () =>
      withTestDb(engine, async (db) => {
        const q = createDatasetQueries(db.pool);
        const region = testRegion();
        await q.importRegion(clone(region));
        const elsewhere = everyFieldDataset('x');
        await q.importDataset(elsewhere, { region: 'Kabupaten Lain' });

        const file: typeof region = { format: 'kinerja-region/1', region: region.region, agencies: [everyFieldDataset('c'), elsewhere, region.agencies[0]!] };
        const result = await q.importRegion(clone(file));
        expect(result).toMatchObject({
          added: [ref(file.agencies[0]!)],
          replaced: [{ ...ref(elsewhere), from: 'Kabupaten Lain' }, ref(region.agencies[0]!)],
          removed: [],
          kept: [ref(region.agencies[1]!), ref(region.agencies[2]!)],
        });
        expect(await stored(q, region.region)).toEqual([0, 1, 2].map((i) => agencyId(region.agencies[i]!.agency)).concat(agencyId(file.agencies[0]!.agency), agencyId(elsewhere.agency)));
        expect(await q.exportRegion('Kabupaten Lain')).toMatchObject({ agencies: [] });
        // the region's settings and note stay when the file has none; a file that has them replaces them
        expect(await q.exportRegion(region.region)).toMatchObject({ settings: region.settings, note: region.note });
        await q.importRegion({ ...clone(file), settings: { achievementCap: 120 } });
        expect(await q.exportRegion(region.region)).toMatchObject({ settings: { achievementCap: 120 }, note: region.note });
      }));

    it('with prune removes the region’s agencies the file does not hold and lists them', () =>
      withTestDb(engine, async (db) => {
        const q = createDatasetQueries(db.pool);
        const region = generateRegion({ seed: 9, agencies: 5, indicators: 3, years: 2 });
        await q.importRegion(clone(region));
        const one = { ...clone(region), agencies: [clone(region.agencies[2]!)] };
        const result = await q.importRegion(clone(one), { prune: true });
        expect(result).toMatchObject({
          added: [],
          replaced: [ref(one.agencies[0]!)],
          removed: [0, 1, 3, 4].map((i) => ref(region.agencies[i]!)),
          kept: [],
        });
        expect(await q.exportRegion(region.region)).toStrictEqual(one);
        for (const i of [0, 1, 3, 4]) expect(await q.exportDataset(agencyId(region.agencies[i]!.agency))).toBeUndefined();
        // nothing of theirs is left in any table
        const left = await snapshotTables(db.pool);
        for (const i of [0, 1, 3, 4]) {
          const id = agencyId(region.agencies[i]!.agency);
          for (const t of TABLE_NAMES) expect(left[t]!.filter((r) => r.startsWith(`(${id},`)), `${t} of ${id}`).toEqual([]);
        }
      }));

    it('with prune and a confirmed list, removes only when the list is exactly what would be removed', () =>
      withTestDb(engine, async (db) => {
        const q = createDatasetQueries(db.pool);
        const region = generateRegion({ seed: 9, agencies: 4, indicators: 2, years: 1 });
        await q.importRegion(clone(region));
        const one = { ...clone(region), agencies: [clone(region.agencies[0]!)] };
        const preview = await q.previewRegion(one);
        expect(preview).toMatchObject({ added: [], replaced: [ref(region.agencies[0]!)], removed: [], kept: [1, 2, 3].map((i) => ref(region.agencies[i]!)) });
        const before = await snapshotTables(db.pool);
        // an agency joined the region after the preview: the confirmed list no longer matches
        const late = everyFieldDataset('late');
        await q.importDataset(late, { region: region.region });
        const withLate = await snapshotTables(db.pool);
        expect(before).not.toStrictEqual(withLate);
        const confirmed = preview.kept.map((a) => a.id);
        const refused = await q.importRegion(clone(one), { prune: true, confirmRemoved: confirmed }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(refused).toBeInstanceOf(RemovalChanged);
        expect((refused as RemovalChanged).removed).toEqual([...preview.kept, ref(late)]);
        expect(await snapshotTables(db.pool)).toStrictEqual(withLate);
        // confirmed with the current list, it goes through
        const done = await q.importRegion(clone(one), { prune: true, confirmRemoved: [...confirmed, agencyId(late.agency)].reverse() });
        expect(done.removed.map((a) => a.id)).toEqual([...confirmed, agencyId(late.agency)]);
        expect(await q.exportRegion(region.region)).toStrictEqual(one);
      }));

    it('a single agency’s import says whether it added or replaced it', () =>
      withTestDb(engine, async (db) => {
        const q = createDatasetQueries(db.pool);
        const first = await q.importDataset(minimalDataset());
        expect(first.changes).toEqual({ region: 'Kabupaten Contoh', added: [{ id: 'dinco', name: 'Dinas Contoh' }], replaced: [], removed: [], kept: [] });
        expect((await q.previewDataset(minimalDataset())).replaced).toEqual([{ id: 'dinco', name: 'Dinas Contoh' }]);
        const again = await q.importDataset(minimalDataset(), { region: 'Kota Lain' });
        expect(again.changes).toEqual({ region: 'Kota Lain', added: [], replaced: [{ id: 'dinco', name: 'Dinas Contoh', from: 'Kabupaten Contoh' }], removed: [], kept: [] });
      }));
  });

  it('refuses a region whose agencies share an id, before writing anything', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const region = testRegion();
      region.agencies.push(everyFieldDataset('a'));
      const before = await snapshotTables(db.pool);
      await expect(q.importRegion(region)).rejects.toThrow(/agencies\[3\]: its id "2\.17\.01\.a" is already the id of agencies\[0\]/);
      expect(await snapshotTables(db.pool)).toStrictEqual(before);
    }));

  describe('a failing import leaves the database exactly as it was', () => {
    const failures: [string, (ds: Dataset) => void][] = [
      [
        'a unique constraint on a late table (duplicate realization)',
        (ds) => {
          ds.realizations.push(clone(ds.realizations[0]!));
        },
      ],
      [
        'a check constraint (a value the schema would refuse)',
        (ds) => {
          (ds.programs[0]!.supports![0] as { share?: number }).share = 1.5;
        },
      ],
      [
        'an exception thrown in the middle of the transaction',
        (ds) => {
          // JSON.stringify throws on a BigInt: the claims, the last table, fail after all others were written
          ds.claims![0]!.extra = { big: BigInt(1) };
        },
      ],
    ];
    for (const [what, breakIt] of failures) {
      it(`on ${what}`, () =>
        withTestDb(engine, async (db) => {
          const q = createDatasetQueries(db.pool);
          const a = everyFieldDataset('a');
          const b = everyFieldDataset('b');
          await q.importDataset(a);
          await q.importDataset(b);
          const before = await snapshotTables(db.pool);
          const counts = await countTableRows(db.pool);

          // replacing an existing agency
          const a2 = everyFieldDataset('a');
          a2.agency.name = 'Nama Baru';
          breakIt(a2);
          await expect(q.importDataset(a2)).rejects.toThrow();
          // a new agency
          const c = everyFieldDataset('c');
          breakIt(c);
          await expect(q.importDataset(c)).rejects.toThrow();
          // a region, adding and replacing agencies, or with prune removing the region's others too
          const region = testRegion();
          breakIt(region.agencies[2]!);
          await expect(q.importRegion(clone(region))).rejects.toThrow();
          region.agencies = [region.agencies[2]!];
          await expect(q.importRegion(clone(region), { prune: true })).rejects.toThrow();

          expect(await countTableRows(db.pool)).toEqual(counts);
          expect(await snapshotTables(db.pool)).toStrictEqual(before);
          expect(await q.exportDataset(agencyId(a.agency))).toStrictEqual(a);
          expect(await q.exportDataset(agencyId(b.agency))).toStrictEqual(b);
          expect(await q.exportDataset(agencyId(c.agency))).toBeUndefined();
          // and the pool still works
          await q.importDataset(everyFieldDataset('c'));
          expect(await q.exportDataset(agencyId(c.agency))).toStrictEqual(everyFieldDataset('c'));
        }));
    }
  });

  it('rawInsertRows (the benchmark baseline) writes exactly the rows importDataset writes', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const datasets = [everyFieldDataset('a'), minimalDataset(), emptySectionsDataset()];
      for (const ds of datasets) await q.importDataset(ds);
      const imported = await snapshotTables(db.pool);
      for (const ds of datasets) await q.deleteAgency(agencyId(ds.agency));
      await db.pool.query('DELETE FROM regions');

      const rows = flattenDataset(datasets[0]!);
      flattenDataset(datasets[1]!, { position: 0 }, rows);
      flattenDataset(datasets[2]!, { position: 1 }, rows);
      expect(await rawInsertRows(db.pool, rows, { rowsPerStatement: 2 })).toBe(countRows(rows));
      expect(await snapshotTables(db.pool)).toStrictEqual(imported);
    }));

  it('readAgencyRowsQuery reads every row of one agency in one query', () =>
    withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const ds = everyFieldDataset();
      await q.importDataset(ds);
      await q.importDataset(minimalDataset());
      const { rows } = await db.pool.query<Record<string, unknown[] | null>>(readAgencyRowsQuery, [agencyId(ds.agency)]);
      expect(rows).toHaveLength(1);
      const expected = flattenDataset(ds);
      for (const t of TABLE_NAMES) expect(rows[0]![t]?.length ?? 0, t).toBe(expected[t].length);
    }));
});
