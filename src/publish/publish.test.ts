/**
 * Issuing, reproducing and checking reports on a real database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL). PDF is part of it wherever Chromium runs: npm installs it (Linux x64), and
 * in CI its absence fails a test instead of silently passing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENT, FIXTURE_PLAN, minimalDataset } from '../core/dataset/fixtures.js';
import { Dataset } from '../core/dataset/schema.js';
import { canonicalize } from '../core/report/publication.js';
import { chromiumAvailable, chromiumName, createPdfRenderer, type PdfRenderer } from '../report/pdf.js';
import { createDatasetQueries } from '../store/datasets.js';
import { createPublicationQueries, sha256Hex } from '../store/publications.js';
import { forEachEngine, withTestDb } from '../store/testing.js';
import { publicationChanges, PublishError, publishReport, reproducePublication } from './publish.js';

const haveChromium = chromiumAvailable();
const demoAsConverted = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
/** The four indicators whose causes the printed 2025 report does not give (measure/causes.ts). */
const UNEXPLAINED = ['renstra-2021-2026/PIPT', 'pk-2025/AWARDS', 'renstra-2025-2029/UM_AKTIF', 'renstra-2025-2029/SAKIP_PD'];
/** The demo with those causes written, as an agency completes its draft before issuing it. */
const demo = (): Dataset => {
  const ds = demoAsConverted();
  const n = Array.isArray(ds.narrative) ? ds.narrative[0]! : ds.narrative!;
  n.analyses = [...(n.analyses ?? []), ...UNEXPLAINED.map((subject) => ({ subject, drivers: ['Koordinasi antarbidang berjalan baik'] }))];
  return ds;
};

let pdf: PdfRenderer | undefined;
beforeAll(() => {
  if (haveChromium) pdf = createPdfRenderer();
});
afterAll(async () => {
  await pdf?.close();
});

describe('Chromium for the PDF checks', () => {
  it.runIf(process.env.CI === 'true')('is installed in CI', () => {
    expect(haveChromium, `no Chromium (${chromiumName()})`).toBe(true);
  });
});

forEachEngine('publishing', (engine) => {
  it('refuses the demo LKIP while the causes of four indicators are not written, naming them', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(demoAsConverted());
      const e = await publishReport(db.pool, { agencyId: 'diskopum', kind: 'lkip', year: 2025, formats: ['html'], issuedBy: 't' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PublishError);
      expect((e as PublishError).localized.id).toBe(
        'LKIP 2025 tidak diterbitkan: uraian faktor pendorong dan penghambat belum ditulis untuk 4 indikator: "Persentase indikator program yang tercapai", "Jumlah Penghargaan Yang Diraih", "Persentase Usaha Mikro Aktif", "Nilai SAKIP Perangkat Daerah". Tulis uraiannya lebih dahulu; sampai saat itu laporan hanya dapat dipratinjau sebagai draf (bertanda DRAF)',
      );
      expect(await createPublicationQueries(db.pool).list('diskopum')).toEqual([]);
    }));

  it('issues the demo LKIP in DOCX, HTML and XLSX, and reproduces each file byte for byte from the stored snapshot', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(demo());
      const s = await publishReport(db.pool, { agencyId: 'diskopum', kind: 'lkip', year: 2025, formats: ['docx', 'html', 'xlsx'], issuedBy: 'Kepala Dinas' });
      expect(s.id).toMatch(/^lkip-diskopum-2025-[0-9a-f]{6}$/);
      expect(s.files.map((f) => f.format)).toEqual(['docx', 'html', 'xlsx']);
      expect(s.issuedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const stored = await createPublicationQueries(db.pool).get(s.id);
      expect(canonicalize(stored!.dataset)).toStrictEqual(canonicalize(demo()));
      expect(stored!.tools).toMatchObject({ docx: expect.any(String), exceljs: expect.any(String), jszip: expect.any(String) });
      expect(stored!.files.every((f) => sha256Hex(f.content) === f.sha256)).toBe(true);
      const html = stored!.files.find((f) => f.format === 'html')!.content.toString('utf8');
      expect(html).toContain(`<meta name="dcterms.issued" content="${s.issuedAt}">`);

      const r = await reproducePublication(db.pool, s.id);
      expect(r!.matches).toBe(true);
      for (const f of r!.files) {
        expect(f.matches, f.format).toBe(true);
        expect(f.content.equals(stored!.files.find((x) => x.format === f.format)!.content), f.format).toBe(true);
      }
      expect(r!.toolChanges).toEqual({});
      expect(await reproducePublication(db.pool, 'nothing')).toBeUndefined();
    }));

  it.skipIf(!haveChromium)('issues a PDF too and reproduces it byte for byte', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(minimalDataset());
      const s = await publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['pdf', 'docx'], issuedBy: 't', issuedAt: '2026-01-31T08:15:42Z' }, { pdf: pdf! });
      const stored = await createPublicationQueries(db.pool).get(s.id);
      expect(stored!.tools.chromium).toMatch(/^\d+\./);
      // which Chromium: the npm package and its version where it runs (not a path in a cache)
      expect(stored!.tools['chromium-executable']).toBe(chromiumName());
      if (!process.env['CHROMIUM_PATH'] && process.platform === 'linux' && process.arch === 'x64') expect(stored!.tools['chromium-executable']).toMatch(/^@sparticuz\/chromium@\d/);
      expect(stored!.tools['@fontsource/tinos']).toMatch(/^\d+\./);
      const issuedPdf = stored!.files.find((f) => f.format === 'pdf')!.content;
      expect(issuedPdf.toString('latin1')).toContain("/CreationDate (D:20260131081542+00'00')");
      await new Promise((res) => setTimeout(res, 1100)); // a later second: the dates must come from the issue time
      const r = await reproducePublication(db.pool, s.id, { pdf: pdf! });
      expect(r!.files.map((f) => [f.format, f.matches])).toEqual([
        ['docx', true],
        ['pdf', true],
      ]);
    }));

  it('issues an agreement and a review; a kind’s formats and its subject are checked', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(minimalDataset());
      const ag = await publishReport(db.pool, { agencyId: 'dinco', kind: 'agreement', subject: FIXTURE_AGREEMENT, formats: ['html'], issuedBy: 't' });
      expect(ag).toMatchObject({ kind: 'agreement', subject: FIXTURE_AGREEMENT, year: 2025 });
      // a review is issued signed: without its reviewer it is a draft, refused
      await expect(publishReport(db.pool, { agencyId: 'dinco', kind: 'review', year: 2025, formats: ['html'], issuedBy: 't' })).rejects.toThrow(/not issued while it is a draft/);
      const reviewer = { name: 'Dra. Contoh Pereviu', nip: '197001011990032001', position: 'Auditor Ahli Madya', unit: 'Inspektorat Kabupaten Contoh', place: 'Contoh', date: '2026-02-10' };
      const rv = await publishReport(db.pool, { agencyId: 'dinco', kind: 'review', year: 2025, formats: ['docx', 'html'], issuedBy: 't', reviewer });
      expect((await reproducePublication(db.pool, ag.id))!.matches).toBe(true);
      expect((await reproducePublication(db.pool, rv.id))!.matches).toBe(true);
      await expect(publishReport(db.pool, { agencyId: 'dinco', kind: 'review', year: 2025, formats: ['xlsx'], issuedBy: 't' })).rejects.toThrow(
        /a review is not issued as xlsx/,
      );
      await expect(publishReport(db.pool, { agencyId: 'dinco', kind: 'agreement', subject: 'pk-1999', formats: ['html'], issuedBy: 't' })).rejects.toThrow(
        /expected one of pk-2025, got "pk-1999"/,
      );
      await expect(publishReport(db.pool, { agencyId: 'nobody', kind: 'lkip', year: 2025, formats: ['html'], issuedBy: 't' })).rejects.toThrow(PublishError);
      expect((await createPublicationQueries(db.pool).list('dinco')).map((p) => p.kind)).toEqual(['agreement', 'review']);
    }));

  it('refuses to issue an LKIP resting on unapproved realizations, naming the indicators; issues it once they are approved', () =>
    withTestDb(engine, async (db) => {
      const pending = minimalDataset();
      pending.realizations[0]!.state = 'draft'; // UMM
      pending.realizations[2]!.state = 'submitted'; // SAKIP
      const queries = createDatasetQueries(db.pool);
      await queries.importDataset(pending);
      const refused = await publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['html'], issuedBy: 't' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PublishError);
      const e = refused as PublishError;
      expect(e.localized.id).toBe(
        'LKIP 2025 tidak diterbitkan: 2 indikator masih memakai realisasi yang belum disetujui: "Persentase Usaha Mikro Mandiri" (draf), "Nilai SAKIP" (diajukan). Setujui realisasinya lebih dahulu; sampai saat itu laporan hanya dapat dipratinjau sebagai draf (bertanda DRAF)',
      );
      expect(e.message).toContain('"Persentase Usaha Mikro Mandiri" (draft), "Nilai SAKIP" (submitted)');
      expect(e.message).not.toMatch(/realizations\[|renstra-2021-2026\//);
      expect(await createPublicationQueries(db.pool).list('dinco')).toEqual([]);
      // an agreement (no realizations in it) is still issued
      await publishReport(db.pool, { agencyId: 'dinco', kind: 'agreement', subject: FIXTURE_AGREEMENT, formats: ['html'], issuedBy: 't' });
      for (const r of pending.realizations) r.state = 'approved';
      await queries.importDataset(pending);
      const issued = await publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['html'], issuedBy: 't' });
      expect(issued.kind).toBe('lkip');
    }));

  it('refuses to issue from a dataset with errors', () =>
    withTestDb(engine, async (db) => {
      const bad = minimalDataset();
      bad.agreements[0]!.rows[0]!.indicator = 'UMX';
      await createDatasetQueries(db.pool).importDataset(bad);
      await expect(publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['html'], issuedBy: 't' })).rejects.toThrow(
        /not valid \(1 error\(s\)\); a report is not issued from it/,
      );
    }));

  it('shows a realization changed in the store since the report was issued, in the data and in the measurement; the issued report stays reproducible', () =>
    withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(minimalDataset());
      const s = await publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['html', 'docx'], issuedBy: 't' });
      const none = await publicationChanges(db.pool, s.id);
      expect(none).toMatchObject({ agencyExists: true, dataset: [], measurement: [], settingsChanged: false });

      const ref = `${FIXTURE_PLAN}/UMM`;
      const updated = await db.pool.query(`UPDATE realizations SET value = 7.7, numerator = 77 WHERE agency_id = 'dinco' AND indicator = $1 AND year = 2025`, [ref]);
      expect(updated.rowCount).toBe(1);
      const c = await publicationChanges(db.pool, s.id);
      expect(c!.dataset).toEqual([
        { kind: 'changed', path: `realizations[indicator=${ref}, year=2025].numerator`, old: 65, new: 77 },
        { kind: 'changed', path: `realizations[indicator=${ref}, year=2025].value`, old: 6.5, new: 7.7 },
      ]);
      const row = c!.measurement.find((m) => m.table === `agreement:${FIXTURE_AGREEMENT}` && m.indicator === ref);
      expect(row?.status).toBe('changed');
      expect(row?.fields.find((f) => f.field === 'realization')).toMatchObject({ old: 6.5, new: 7.7 });
      expect(row?.fields.some((f) => f.field === 'achievement')).toBe(true);

      // re-importing the agency (as every edit does) keeps the issued report, still reproducible
      const changed = minimalDataset();
      changed.realizations[0]!.value = 9;
      await createDatasetQueries(db.pool).importDataset(changed);
      expect((await reproducePublication(db.pool, s.id))!.matches).toBe(true);
      expect((await publicationChanges(db.pool, s.id))!.dataset[0]).toMatchObject({ old: 6.5, new: 9 });

      await createDatasetQueries(db.pool).deleteAgency('dinco');
      expect(await publicationChanges(db.pool, s.id)).toMatchObject({ agencyExists: false, dataset: [] });
      expect((await reproducePublication(db.pool, s.id))!.matches).toBe(true);
    }));

  it('says which file does not match when the stored one is not what the snapshot renders', () =>
    withTestDb(engine, async (db) => {
      const honest = await (async () => {
        await createDatasetQueries(db.pool).importDataset(minimalDataset());
        return publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['html', 'docx'], issuedBy: 't', issuedAt: '2026-01-31T00:00:00Z' });
      })();
      const real = (await createPublicationQueries(db.pool).get(honest.id))!;
      // the same publication stored with a tampered HTML
      await createPublicationQueries(db.pool).publish({
        id: 'tampered',
        agencyId: 'dinco',
        kind: 'lkip',
        year: 2025,
        issuedAt: real.issuedAt,
        issuedBy: 't',
        dataset: real.dataset,
        settings: real.settings,
        kinerjaVersion: real.kinerjaVersion,
        tools: { ...real.tools, docx: '0.0.1' },
        files: real.files.map((f) => ({ format: f.format, content: f.format === 'html' ? Buffer.from(f.content.toString('utf8').replace('</body>', '<p>x</p></body>')) : f.content })),
      });
      const r = await reproducePublication(db.pool, 'tampered');
      expect(r!.matches).toBe(false);
      expect(r!.files.map((f) => [f.format, f.matches])).toEqual([
        ['docx', true],
        ['html', false],
      ]);
      expect(r!.toolChanges).toEqual({ docx: ['0.0.1', expect.any(String)] });
    }));
});
