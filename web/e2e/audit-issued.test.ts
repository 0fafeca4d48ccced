/**
 * End to end, the audit trail and issued reports in the browser (the real server with the demo,
 * the npm Chromium): an operator changes a realization; the planner reads it on the audit page
 * — the record and the changed field in words, no id — filters it and downloads the CSV; the
 * operator has no audit tab and is refused the page. The planner issues the agreement, sees it
 * listed with its SHA-256, downloads it (the same hash), checks the reproduction and the changes
 * since. Both pages at 390 px without sideways scrolling, screenshots kept.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiCall, fitsWidth, open, shot, useE2E } from './harness.js';

const e2e = useE2E();
const { as } = e2e;
/** the cooperative indicator the operator's unit still enters in 2026 (the others are counted from the registers) */
const KOP = 'renstra-2021-2026/KOP_SEHAT';
/** what a person must not meet on these pages */
const ID_LIKE = /\w\[\d+\]|\b[a-z]+(?:-[a-z0-9]+)+\/[A-Za-z0-9_]+|@\d{4}|\bpk-\d{4}/;

describe('audit trail and issued reports in the browser', () => {
  it('the planner reads who changed what in words, filters it and downloads the CSV; the operator has no audit tab', async () => {
    const op = await as('operator@diskopum');
    const entered = await apiCall(op.context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', { indicator: KOP, year: 2026, period: 'Q1', numerator: 120, denominator: 857 });
    expect(entered.status).toBe(200);
    const version = (entered.json as { version: string }).version;
    const changed = await apiCall(op.context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', { indicator: KOP, year: 2026, period: 'Q1', numerator: 150, denominator: 857, version });
    expect(changed.status).toBe(200);

    // the operator: no tab, and the address answers with a refusal that offers no retry
    await open(op.page, e2e.base, '/a/diskopum/dashboard/2025');
    expect(await op.page.locator('nav.sections a', { hasText: 'Jejak Audit' }).count()).toBe(0);
    await op.page.goto(`${e2e.base}/#/a/diskopum/audit`);
    await op.page.locator('main').getByText(/jejak audit hanya untuk/i).waitFor();

    const { page } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    await page.locator('nav.sections a', { hasText: 'Jejak Audit' }).click();
    await page.getByRole('heading', { name: 'Jejak Audit', exact: true }).waitFor();
    const first = page.getByTestId('audit-entry').first();
    await first.waitFor();
    const text = await first.textContent();
    expect(text).toContain('operator@diskopum');
    expect(text).toMatch(/diisi: realisasi Triwulan I 2026 — /);
    expect(text).toMatch(/pembilang: 120 → 150/);
    expect(await page.locator('main').textContent()).not.toMatch(ID_LIKE);

    // days are typed as Indonesians write them; an impossible day is refused in words
    const from = page.getByLabel(/^Dari tanggal/);
    await from.fill('31/02/2026');
    await page.getByText('tulis tanggal sebagai hari/bulan/tahun, misalnya 24/09/2025').waitFor();
    await from.fill('01/01/2026');
    await page.getByText('1 Januari 2026').waitFor();
    await page.getByLabel('Tindakan').selectOption({ label: 'diisi' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect.poll(async () => (await page.getByTestId('audit-entry').allTextContents()).every((t) => t.includes('diisi:'))).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh CSV' }).click();
    const csv = await readFile(await (await download).path());
    expect(csv[0]).toBe(0xef); // the BOM
    expect(csv.toString('utf8')).toContain('"pembilang: 120 → 150"');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'audit-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'audit-desktop');
  });

  it('the planner issues the agreement, downloads it with the listed SHA-256, checks the reproduction and the changes since', async () => {
    const { page } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/issued/2025');
    await page.getByRole('heading', { name: 'Laporan Terbit', exact: true }).waitFor();
    await page.getByLabel('Jenis laporan').selectOption('agreement');
    await page.getByLabel(/^Perjanjian/).selectOption({ label: 'Perjanjian Kinerja Tahun 2025' });
    await page.getByLabel('PDF').uncheck();
    await page.getByLabel('HTML').check();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText('Perjanjian Kinerja Tahun 2025 telah diterbitkan.').waitFor({ timeout: 60_000 });
    const row = page.getByTestId('issued-report').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('perencana@diskopum');
    const hashes = await row.locator('.hash').allTextContents();
    expect(hashes).toHaveLength(2);

    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'DOCX' }).click();
    const bytes = await readFile(await (await download).path());
    expect(hashes).toContain(createHash('sha256').update(bytes).digest('hex'));

    await row.getByRole('button', { name: 'Periksa ulang' }).click();
    await page.getByTestId('reproduction').getByText(/^✓ Cocok/).waitFor({ timeout: 60_000 });
    await row.getByRole('button', { name: 'Perubahan sejak terbit' }).click();
    await page.getByTestId('changes-since').getByText(/perubahan data sejak terbit|tidak berubah sejak/).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(ID_LIKE);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'issued-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'issued-desktop');
  });
});
