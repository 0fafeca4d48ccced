/**
 * End to end (issue 9): a region file imported through the Data page adds or replaces the
 * agencies it holds and keeps the region's others; removing those is a choice made with their
 * names on screen, asked twice, and refused when the region changed after the check.
 * Screenshots 40–43. Issue 12: every import is previewed (what it adds, removes and changes, by
 * name; what the app changed that it loses) and confirmed; each keeps a backup that the admin
 * restores. Screenshots 44–46.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, open, REPO, shot, useE2E } from './harness.js';

const e2e = useE2E();

type Doc = { agency: Record<string, unknown>; narrative?: unknown };

async function demo(): Promise<Doc> {
  return JSON.parse(await readFile(join(REPO, 'examples', 'diskopum-jember-2025.json'), 'utf8')) as Doc;
}

async function named(abbreviation: string, name: string): Promise<Doc> {
  const ds = await demo();
  ds.agency = { ...ds.agency, abbreviation, name };
  return ds;
}

const region = (...agencies: Doc[]) => ({ format: 'kinerja-region/1', region: 'Kabupaten Jember', agencies });

async function upload(page: Page, name: string, doc: unknown): Promise<void> {
  await page.getByLabel('Berkas dataset').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
}

describe('importing a region file in the browser (issue 9)', () => {
  it('keeps the region’s other agencies unless their removal is confirmed by name, and lists what it did', async () => {
    const { page, context } = await e2e.as('admin@demo');
    const inRegion = async () =>
      ((await apiCall(context, e2e.base, 'GET', '/api/agencies')).json as { agencies: { id: string }[] }).agencies.map((a) => a.id);
    await open(page, e2e.base, '/a/diskopum/data');
    const diskopum = await demo();
    const dinkes = await named('Dinkes', 'Dinas Kesehatan');
    const disdik = await named('Disdik', 'Dinas Pendidikan');

    // a file of the whole region: nothing else in the region, stored at once, every agency listed
    await upload(page, 'jember.json', region(diskopum, dinkes, disdik));
    await page.getByRole('button', { name: 'Simpan perubahan ini' }).click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('wilayah Kabupaten Jember: 2 ditambahkan, 1 diganti, 0 dihapus');
    expect(await page.getByTestId('import-added').textContent()).toMatch(/Dinas Kesehatan\s*dinkes.*Dinas Pendidikan\s*disdik/);
    expect(await page.getByTestId('import-replaced').textContent()).toContain('diskopum');
    expect(await inRegion()).toEqual(['diskopum', 'dinkes', 'disdik']);

    // a file of one agency: the page names the two it does not hold and the import keeps them
    await upload(page, 'dinkes.json', region({ ...dinkes, narrative: { conclusions: 'dari berkas satu perangkat daerah' } }));
    const plan = page.getByTestId('import-plan');
    await plan.waitFor({ timeout: 60_000 });
    const notInFile = (await page.getByTestId('import-not-in-file').textContent()) ?? '';
    expect(notInFile).toContain('Dinas Koperasi dan Usaha Mikro');
    expect(notInFile).toContain('Dinas Pendidikan');
    expect(await plan.textContent()).toContain('2 perangkat daerah di wilayah ini tidak ada dalam berkas');
    await page.getByRole('button', { name: 'Impor, pertahankan 2 perangkat daerah ini' }).scrollIntoViewIfNeeded();
    await shot(page, '40-import-plan');
    await page.getByRole('button', { name: 'Impor, pertahankan 2 perangkat daerah ini' }).click();
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('0 ditambahkan, 1 diganti, 0 dihapus');
    expect(await done.textContent()).toContain('2 perangkat daerah lain di wilayah ini tidak ada dalam berkas dan tetap tersimpan');
    expect(await inRegion()).toEqual(['diskopum', 'dinkes', 'disdik']);
    const stored = (await apiCall(context, e2e.base, 'GET', '/api/agencies/dinkes/export')).json as Doc;
    expect(stored.narrative).toEqual({ conclusions: 'dari berkas satu perangkat daerah' });

    // removing asks once more with the names; an agency that joined the region after the check makes the server refuse
    await upload(page, 'dua.json', region(diskopum, dinkes));
    await plan.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Impor dan hapus 1 perangkat daerah ini…' }).click();
    const confirm = page.getByTestId('import-remove-confirm');
    expect(await confirm.textContent()).toContain('Hapus 1 perangkat daerah berikut dari Kabupaten Jember beserta seluruh datanya?');
    expect(await confirm.textContent()).toContain('Dinas Pendidikan');
    await confirm.scrollIntoViewIfNeeded();
    await shot(page, '41-import-remove-confirm');
    const joined = await apiCall(context, e2e.base, 'POST', '/api/import?store=true', await named('Dinsos', 'Dinas Sosial'));
    expect(joined.status).toBe(200);
    await page.getByRole('button', { name: 'Ya, impor dan hapus 1 perangkat daerah' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'tidak ada yang disimpan' });
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('Dinas Sosial (dinsos)');
    await shot(page, '42-import-remove-refused');
    expect(await inRegion()).toEqual(['diskopum', 'dinkes', 'disdik', 'dinsos']);

    // checked again, both are named, and confirmed they go
    await upload(page, 'dua.json', region(diskopum, dinkes));
    await plan.waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Impor dan hapus 2 perangkat daerah ini…' }).click();
    expect(await confirm.textContent()).toMatch(/Dinas Pendidikan.*Dinas Sosial/);
    await page.getByRole('button', { name: 'Ya, impor dan hapus 2 perangkat daerah' }).click();
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('0 ditambahkan, 2 diganti, 2 dihapus');
    expect(await page.getByTestId('import-removed').textContent()).toMatch(/Dinas Pendidikan\s*disdik.*Dinas Sosial\s*dinsos/);
    await page.getByTestId('import-removed').scrollIntoViewIfNeeded();
    await shot(page, '43-import-removed');
    expect(await inRegion()).toEqual(['diskopum', 'dinkes']);
    expect(e2e.sessions.flatMap((s) => s.errors)).toEqual([]);
  });

  it('names an entry made in the app that a re-imported file would lose, stores only when confirmed, and the admin restores it', async () => {
    const op = await e2e.as('operator@diskopum');
    // the cooperative indicator the operator's unit still enters in 2026 (the others are counted from the registers)
    const KOP = 'renstra-2021-2026/KOP_SEHAT';
    const entered = await apiCall(op.context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', { indicator: KOP, year: 2026, period: 'Q1', numerator: 99, denominator: 857 });
    expect(entered.status).toBe(200);
    const hasEntry = async () =>
      ((await apiCall(op.context, e2e.base, 'GET', '/api/agencies/diskopum/export')).json as { realizations: { indicator: string; year: number; period?: string }[] }).realizations.some(
        (r) => r.indicator === KOP && r.year === 2026 && r.period === 'Q1',
      );
    expect(await hasEntry()).toBe(true);

    const { page } = await e2e.as('admin@demo');
    await open(page, e2e.base, '/a/diskopum/data');
    await upload(page, 'diskopum.json', await demo());
    const lost = page.getByTestId('import-lost');
    await lost.waitFor({ timeout: 60_000 });
    expect(await lost.textContent()).toMatch(/Akan hilang: 1 perubahan.*realisasi Triwulan I 2026 — Persentase Koperasi Sehat/);
    expect(await lost.textContent()).not.toMatch(/renstra-|KOP_/);
    await page.getByTestId('import-plan').scrollIntoViewIfNeeded();
    await shot(page, '44-import-preview-lost');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '45-import-preview-390');
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap, nav'))
        .slice(0, 5)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    // nothing is stored by the check
    expect(await hasEntry()).toBe(true);
    await page.getByRole('button', { name: 'Simpan perubahan ini' }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await hasEntry()).toBe(false);

    // the backup list holds the agency as it was; restoring it brings the entry back
    const backup = page.getByTestId('backup').first();
    await backup.waitFor();
    expect(await backup.textContent()).toContain('Dinas Koperasi dan Usaha Mikro');
    await backup.getByRole('button', { name: 'Pulihkan' }).click();
    await page.getByTestId('restore-confirm').waitFor();
    await page.getByRole('button', { name: 'Ya, pulihkan' }).click();
    await page.getByTestId('restore-done').waitFor({ timeout: 60_000 });
    expect(await hasEntry()).toBe(true);
    await page.getByTestId('backups').scrollIntoViewIfNeeded();
    await shot(page, '46-backups-restored');
    expect(e2e.sessions.flatMap((s) => s.errors)).toEqual([]);
  });
});
