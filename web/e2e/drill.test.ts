/**
 * End to end (issue 13, drill-down): an agency of its own — the drill fixture's registers and the
 * indicator KOP (active cooperatives facilitated at least once, counted from 2026) — and 450
 * generated cooperatives with their facilitations written through the store into the server's
 * data directory before it starts (today 2026-10-15: the third quarter is the latest ended). The
 * region's admin opens the 2026 dashboard, follows the figure's "Rincian" link, sees the counted
 * entities, searches, pages, switches to "Tidak dihitung", downloads the CSV and reads its rows;
 * the page fits a 390 px phone with no serious accessibility violation; the realization page
 * links to the same list. Every expected key is computed here from the generated rows.
 * Screenshots drill-desktop.png, drill-phone.png.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { selectKeys, windowOf } from '../../src/core/registers/conditions.js';
import { asSourceRows, drillDataset, drillRows, fileEntities, KOP_REF } from '../../src/core/registers/drill-fixtures.js';
import { formatNumber } from '../../src/core/format.js';
import { fitsWidth, open, shot, useE2E } from './harness.js';

const ROWS = drillRows(450, 11);
const AGENCY = 'dinrinci';

function dataset() {
  const ds = drillDataset();
  ds.agency = { ...ds.agency, name: 'Dinas Contoh Rincian', abbreviation: 'Dinrinci', region: 'Kabupaten Jember' };
  return ds;
}

const e2e = useE2E({
  env: { KINERJA_TODAY: '2026-10-15' },
  async prepare(dataDir) {
    const [{ openDatabase }, { createDatasetQueries }, { createRegisterQueries }] = await Promise.all([
      import('../../src/store/db.js'),
      import('../../src/store/datasets.js'),
      import('../../src/store/registers.js'),
    ]);
    const db = await openDatabase({ dataDir });
    try {
      await createDatasetQueries(db.pool).importDataset(dataset());
      const q = createRegisterQueries(db.pool);
      for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro'] as const) {
        const r = await q.importRows(AGENCY, id, asSourceRows(ROWS[id]), { store: true });
        if (!r.stored) throw new Error(`${id}: ${JSON.stringify(r.problems.slice(0, 3))}`);
      }
    } finally {
      await db.close();
    }
  },
});

const regs = dataset().registers!;
const mem = new Map([
  ['koperasi', fileEntities(ROWS.koperasi)],
  ['fasilitasi', fileEntities(ROWS.fasilitasi)],
]);
const W = windowOf(2026, 'Q3');
const COUNTED = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }, { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] }, W);
const POPULATION = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] }, W);
const NOT_COUNTED = POPULATION.filter((k) => !COUNTED.includes(k));
const NAME = new Map(ROWS.koperasi.map((r) => [r[0]!, r[1]!]));

describe('drill-down in the browser (issue 13)', () => {
  it('from the dashboard figure to the counted entities: search, pages, not counted, CSV', async () => {
    expect(COUNTED.length).toBeGreaterThan(100);
    const { page, errors } = await e2e.as('admin@demo');
    await open(page, e2e.base, `/a/${AGENCY}/dashboard/2026`);
    const row = page.locator(`[data-testid="rows-plan"] tr[data-indicator="${KOP_REF}"]`);
    await row.getByRole('link', { name: 'Rincian entitas Persentase Koperasi Aktif yang Difasilitasi' }).click();

    await page.getByRole('heading', { name: 'Rincian: Persentase Koperasi Aktif yang Difasilitasi' }).waitFor();
    expect(page.url()).toContain(`#/a/${AGENCY}/rincian?indikator=${encodeURIComponent(KOP_REF)}&tahun=2026`);
    expect(await page.getByTestId('drill-period').textContent()).toContain('Triwulan III 2026, per 30 September 2026');
    const value = formatNumber((100 * COUNTED.length) / POPULATION.length, 2);
    expect(await page.getByTestId('drill-figure').textContent()).toBe(`Realisasi: ${COUNTED.length} dari ${POPULATION.length} = ${value} %`);
    expect(await page.getByTestId('drill-words-counted').textContent()).toBe(
      'Koperasi dengan status aktif pada tahun berjalan dan sedikitnya satu fasilitasi koperasi dalam tahun berjalan',
    );
    const keys = async () => page.locator('[data-testid="drill-entities"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));
    const total = () => page.getByTestId('drill-total').textContent();
    expect(await total()).toBe(`${COUNTED.length} entitas · Halaman 1 dari 3`);
    expect(await keys()).toEqual(COUNTED.slice(0, 50));
    // each entity links to its page in the register
    expect(await page.getByRole('link', { name: COUNTED[0]!, exact: true }).getAttribute('href')).toBe(`#/a/${AGENCY}/register/koperasi/${COUNTED[0]}`);
    await shot(page, 'drill-desktop');

    // search by name, without regard to case
    const wanted = COUNTED.filter((k) => NAME.get(k)!.toLowerCase().includes('kopwan'));
    await page.getByLabel('Cari nomor atau nama').fill('kopwan');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(`${wanted.length} entitas · Halaman 1 dari 1`).waitFor();
    expect(await keys()).toEqual(wanted);

    // pages of the whole list
    await page.getByLabel('Cari nomor atau nama').fill('');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(`${COUNTED.length} entitas · Halaman 1 dari 3`).waitFor();
    await page.getByRole('button', { name: 'Berikutnya' }).click();
    await page.getByText(`${COUNTED.length} entitas · Halaman 2 dari 3`).waitFor();
    expect(await keys()).toEqual(COUNTED.slice(50, 100));

    // the population's entities that were not counted
    await page.getByRole('tab', { name: 'Tidak dihitung' }).click();
    const pages = Math.ceil(NOT_COUNTED.length / 50);
    await page.getByText(`${NOT_COUNTED.length} entitas · Halaman 1 dari ${pages}`).waitFor();
    expect(await keys()).toEqual(NOT_COUNTED.slice(0, 50));

    // the whole list as CSV, for spreadsheets set to Indonesian
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('rincian-persentase-koperasi-aktif-yang-difasilitasi-2026-tw3-tidak-dihitung.csv');
    const text = (await readFile(await file.path())).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(rows[0]).toEqual(['Nomor Badan Hukum', 'Nama Koperasi', 'Kecamatan', 'Status', 'RAT', 'Kesehatan']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(NOT_COUNTED);
    expect(rows.slice(1).map((r) => r[1])).toEqual(NOT_COUNTED.map((k) => NAME.get(k)));
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(['aktif']));

    // a phone-sized window: nothing scrolls sideways, no serious accessibility violation
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'drill-phone');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it('the realization page of a register-based indicator says so and links to its entities', async () => {
    const { page } = await e2e.as('admin@demo');
    await open(page, e2e.base, `/a/${AGENCY}/realizations/2026?indicator=${encodeURIComponent(KOP_REF)}`);
    const note = page.getByTestId('from-register');
    await note.waitFor();
    expect(await note.textContent()).toContain('Realisasi tahun 2026 dihitung dari register (data tunggal), bukan diisikan.');
    await note.getByRole('link', { name: 'Rincian entitas Persentase Koperasi Aktif yang Difasilitasi' }).click();
    await page.getByTestId('drill-figure').waitFor();
    expect(await page.getByTestId('drill-total').textContent()).toBe(`${COUNTED.length} entitas · Halaman 1 dari 3`);
  }, 120_000);
});
