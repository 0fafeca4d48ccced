/**
 * End to end, the register pages (issue 13): the test stores its own agency (the register
 * fixture's registers, core/registers/fixtures.ts, in the demo's region) and its accounts, so it
 * depends on nothing of the demo's data. A CSV imported through the page: a bad file lists its
 * problems by row and column and stores nothing; a good one is previewed (added, changed,
 * removed) and stored by "Simpan". Masking per role: each role reads a micro business's NIK whole
 * (the planner, the operator of the keeping unit) or as 3509**********12 (the other unit's
 * operator, the head, the region's admin, the evaluator); the audit page shows the unmasked view
 * in words. The pages at 390 px: no sideways scrolling, no serious axe violation. Screenshots 60–63.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { registerDataset } from '../../src/core/registers/fixtures.js';
import { apiCall, fitsWidth, open, shot, useE2E, type Session } from './harness.js';

const e2e = useE2E();
const AGENCY = 'dinreg';
const PASSWORD = 'register-uji-2026';
const NIK = '3509123456789012';
const MASKED = '3509**********12';
const ACCOUNTS = {
  planner: { username: 'perencana@dinreg', name: 'Perencana Dinreg', role: 'planner', agencyId: AGENCY },
  keeper: { username: 'operator-ukm@dinreg', name: 'Operator Usaha Mikro', role: 'operator', agencyId: AGENCY, unitId: 'bid-ukm' },
  other: { username: 'operator-kop@dinreg', name: 'Operator Koperasi', role: 'operator', agencyId: AGENCY, unitId: 'bid-kop' },
  head: { username: 'kepala@dinreg', name: 'Kepala Dinreg', role: 'head', agencyId: AGENCY },
} as const;

const HEADER = 'nib;nama_usaha;pemilik;nik;sektor;kecamatan;berdiri;tenaga_kerja';
const GOOD = [
  HEADER,
  `1234567890123;Warung Bu Siti;Siti Aminah;${NIK};kuliner;Ajung;01/04/2019;3`,
  '1234567890124;Batik Pak Budi;Budi Santoso;3509123456789013;fesyen;Patrang;2020-05-12;1.200',
  '1234567890125;Kriya Bambu;Ahmad Fauzi;3509123456789014;kriya;Ajung;;2',
].join('\r\n');

async function setUp(): Promise<void> {
  const admin = await e2e.as('admin@demo');
  const ds = registerDataset();
  ds.agency = { ...ds.agency, name: 'Dinas Register Uji', abbreviation: 'Dinreg', region: 'Kabupaten Jember' };
  const stored = await apiCall(admin.context, e2e.base, 'POST', '/api/import?store=true', ds);
  expect(stored.status, JSON.stringify(stored.json)).toBe(200);
  for (const a of Object.values(ACCOUNTS)) {
    const r = await apiCall(admin.context, e2e.base, 'POST', '/api/accounts', { ...a, password: PASSWORD });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }
}

async function choose(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Berkas register (CSV atau XLSX)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
}

async function axeSerious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const rowCount = async (s: Session): Promise<number> =>
  ((await apiCall(s.context, e2e.base, 'GET', `/api/agencies/${AGENCY}/registers/usaha_mikro/rows`)).json as { total: number }).total;

describe('registers in the browser', () => {
  it('imports a CSV: a bad file shows its problems and stores nothing; a good one is previewed, then Simpan stores it', async () => {
    await setUp();
    const s = await e2e.as(ACCOUNTS.planner.username, PASSWORD);
    const { page } = s;
    await open(page, e2e.base, `/a/${AGENCY}/register`);
    const list = page.getByTestId('register-list');
    expect(await list.textContent()).toContain('Usaha Mikro');
    expect(await list.textContent()).toContain('Bidang Usaha Mikro');
    await page.getByRole('link', { name: 'Usaha Mikro' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usaha Mikro' }).waitFor();

    // a bad file: every problem by row and column, nothing stored, no "Simpan"
    await choose(page, 'salah.csv', [HEADER, '1234567890123;Warung;Siti;123;kuliner;Ajung;;1', '1234567890123;Warung Dua;Budi;3509123456789013;otomotif;Ajung;;1'].join('\n'));
    const problems = page.getByTestId('register-problems');
    await problems.waitFor();
    const said = (await problems.textContent()) ?? '';
    expect(said).toContain('Berkas memiliki 3 masalah; tidak ada yang disimpan.');
    expect(said).toContain('"123" tidak sesuai bentuk yang diharapkan ([0-9]{16})');
    expect(said).toContain('otomotif');
    expect(said).toContain('sudah dipakai di baris 2');
    const firstRow = problems.locator('tbody tr').first();
    expect(await firstRow.locator('td').first().textContent()).toBe('2');
    expect(await firstRow.locator('td').nth(1).textContent()).toContain('NIK');
    expect(await page.getByRole('button', { name: 'Simpan', exact: true }).count()).toBe(0);
    await shot(page, '60-register-import-problems');
    expect(await rowCount(s)).toBe(0);

    // a good file: the preview, nothing stored until Simpan
    await choose(page, 'usaha-mikro.csv', GOOD);
    const preview = page.getByTestId('register-preview');
    await preview.waitFor();
    expect(await preview.getByRole('heading').textContent()).toBe('Pratinjau: 3 baris dalam berkas');
    expect(await preview.locator('[data-change="added"]').textContent()).toBe('Ditambahkan3Warung Bu Siti, Batik Pak Budi, Kriya Bambu');
    expect(await rowCount(s)).toBe(0);
    await shot(page, '61-register-import-preview');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByTestId('register-stored').waitFor();
    expect(await page.getByTestId('register-stored').textContent()).toBe('Tersimpan: 3 ditambahkan, 0 diubah, 0 dihapus.');
    expect(await rowCount(s)).toBe(3);
    await page.getByTestId('register-total').filter({ hasText: '3 entitas' }).waitFor();
    // the number written the Indonesian way was read as 1.200 and is shown so
    expect(await page.getByTestId('register-rows').textContent()).toContain('1.200');

    // the download leaves the personal fields out; the one with them is the planner's, and audited
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const file = await readFile((await download.path())!, 'utf8');
    expect(file.split('\n')[0]).toBe('nib,nama_usaha,sektor,kecamatan,berdiri,tenaga_kerja');
    expect(file).toContain('Warung Bu Siti');
    expect(file).not.toContain(NIK);
    expect(file).not.toContain('Siti Aminah');
    const [withPersonal] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-personal').click()]);
    expect(withPersonal.suggestedFilename()).toBe('dinreg-usaha_mikro-data-pribadi.xlsx');
    const log = (await apiCall(s.context, e2e.base, 'GET', `/api/agencies/${AGENCY}/audit?entity=register&action=export-personal`)).json as { entries: { subject: { id: string } }[] };
    expect(log.entries.map((e) => e.subject.id)).toEqual(['register Usaha Mikro']);

    // a second file: one changed, one removed, one added
    await choose(page, 'usaha-mikro-2.csv', [HEADER, `1234567890123;Warung Bu Siti;Siti Aminah;${NIK};kuliner;Ajung;01/04/2019;4`, '1234567890124;Batik Pak Budi;Budi Santoso;3509123456789013;fesyen;Patrang;2020-05-12;1.200', '1234567890126;Kopi Pak Darto;Darto;3509123456789015;kuliner;Arjasa;;1'].join('\n'));
    await preview.waitFor();
    expect(await preview.locator('[data-change="added"]').textContent()).toBe('Ditambahkan1Kopi Pak Darto');
    expect(await preview.locator('[data-change="changed"]').textContent()).toBe('Diubah1Warung Bu Siti');
    expect(await preview.locator('[data-change="removed"]').textContent()).toBe('Dihapus1Kriya Bambu');
    expect(await preview.locator('[data-change="unchanged"]').textContent()).toContain('Tetap1');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByTestId('register-stored').waitFor();
    expect(await page.getByTestId('register-stored').textContent()).toBe('Tersimpan: 1 ditambahkan, 1 diubah, 1 dihapus.');

    // search and a category filter
    await page.getByTestId('register-search').fill('kopi');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('register-total').filter({ hasText: '1 entitas' }).waitFor();
    await page.getByRole('button', { name: 'Atur ulang' }).click();
    await page.getByLabel('Sektor').selectOption('kuliner');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('register-total').filter({ hasText: '2 entitas' }).waitFor();
    expect(s.errors).toEqual([]);
  }, 180_000);

  it('masks the NIK per role: whole for the planner and the keeping operator, 3509**********12 for the others; the audit page shows the unmasked view', async () => {
    const who: [string, string | undefined, boolean][] = [
      [ACCOUNTS.planner.username, PASSWORD, true],
      [ACCOUNTS.keeper.username, PASSWORD, true],
      [ACCOUNTS.other.username, PASSWORD, false],
      [ACCOUNTS.head.username, PASSWORD, false],
      ['admin@demo', undefined, false],
      ['inspektorat@demo', undefined, false],
    ];
    for (const [username, password, whole] of who) {
      const { page } = await e2e.as(username, password);
      await open(page, e2e.base, `/a/${AGENCY}/register/usaha_mikro/1234567890123`);
      const fields = page.getByTestId('entity-fields');
      const nik = (await fields.locator('[data-field="nik"] dd').textContent()) ?? '';
      expect(nik, username).toBe(whole ? NIK : MASKED);
      expect(await fields.locator('[data-field="pemilik"] dd').textContent(), username).toBe(whole ? 'Siti Aminah' : 'S*** A*****');
      expect(await fields.locator('[data-field="nama_usaha"] dd').textContent(), username).toBe('Warung Bu Siti');
      expect(await page.getByTestId('personal-note').textContent(), username).toContain(whole ? 'Anda melihat data pribadi secara utuh' : 'Data pribadi disamarkan');
      // the download with personal data is offered to who may only
      await open(page, e2e.base, `/a/${AGENCY}/register/usaha_mikro`);
      await page.getByTestId('register-rows').waitFor();
      expect(await page.getByTestId('export-personal').count(), username).toBe(whole ? 1 : 0);
      expect(await page.getByRole('button', { name: 'Periksa berkas' }).count(), username).toBe(username === ACCOUNTS.other.username || !whole ? 0 : 1);
    }

    // the head reads the audit log: the keeping operator's unmasked view, in words
    const head = await e2e.as(ACCOUNTS.head.username, PASSWORD);
    await open(head.page, e2e.base, `/a/${AGENCY}/audit`);
    const body = head.page.locator('main');
    await body.getByText('register Usaha Mikro, entitas 1234567890123').first().waitFor();
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('data pribadi dilihat');
    expect(text).toContain('operator-ukm@dinreg');
    expect(text).toContain('Pemilik; NIK');
    expect(text).not.toContain(NIK);
    await shot(head.page, '62-register-audit');
  }, 240_000);

  it('the entity page and the list fit 390 px and pass axe', async () => {
    const { page } = await e2e.as(ACCOUNTS.keeper.username, PASSWORD);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of [`/a/${AGENCY}/register`, `/a/${AGENCY}/register/usaha_mikro`, `/a/${AGENCY}/register/usaha_mikro/1234567890123`]) {
      await open(page, e2e.base, route);
      await page.locator('main table, main dl').first().waitFor();
      expect(await fitsWidth(page), route).toBe(true);
      expect(await axeSerious(page), route).toEqual([]);
    }
    await shot(page, '63-register-entity-390');
  }, 120_000);
});
