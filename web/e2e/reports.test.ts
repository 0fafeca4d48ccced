/**
 * End to end, the dashboard's report panel: a planner of the demo agency clicks LKIP DOCX; the
 * button shows that the file is being prepared, and the download arrives, named as the server
 * names it, a DOCX that names the agency. A failure (here the server's answer without Chromium)
 * is shown beside the buttons. An agreement as PDF from its button: printed by the server's own
 * Chromium, read back with PDF.js (src/report/pdf-text.ts). The real server and the npm Chromium,
 * as in app.test.ts.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/report/pdf-text.js';
import { open, useE2E } from './harness.js';

const e2e = useE2E();
const { as } = e2e;

describe('reports from the dashboard', () => {
  it('a planner clicks LKIP DOCX: the button shows progress, then the download arrives', async () => {
    const session = await as('perencana@diskopum');
    const { page } = session;
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    const panel = page.getByTestId('reports');
    await panel.waitFor();
    // every agreement of the year has its buttons
    await page.getByTestId('report-agreement:pk-2025:docx').waitFor();
    await page.getByTestId('report-agreement:pk-2025-perubahan:pdf').waitFor();

    // hold the server's answer back a moment so the progress can be seen
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/agencies/diskopum/reports/lkip?*', async (route) => {
      await held;
      await route.continue();
    });
    const button = page.getByTestId('report-lkip:2025:docx');
    expect(await button.textContent()).toBe('DOCX');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await button.click();
    await expect.poll(() => button.textContent()).toContain('Menyiapkan…');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.locator('.spinner').count()).toBe(1);
    release();

    const file = await download;
    expect(file.suggestedFilename()).toBe('LKIP-diskopum-2025.docx');
    const path = await file.path();
    const bytes = await readFile(path);
    expect(bytes.length).toBeGreaterThan(1000);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Koperasi');
    await expect.poll(() => button.textContent()).toBe('DOCX');
    expect(await button.isDisabled()).toBe(false);

    // the HTML preview opens in a new tab with the report
    await page.unroute('**/api/agencies/diskopum/reports/lkip?*');
    const popup = page.waitForEvent('popup');
    await page.getByTestId('report-lkip:2025:html').click();
    const tab = await popup;
    await tab.getByText('IKHTISAR EKSEKUTIF').first().waitFor({ timeout: 30_000 });
    expect(tab.url()).toMatch(/^blob:/);
    // the preview (a blob: document, under the app's policy) keeps its inline stylesheet and its data: fonts
    // (under style-src 'self' alone both were refused: no stylesheet, no font, three violations)
    expect(await tab.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    const tinosLoaded = () =>
      tab.evaluate(() => {
        let loaded = false;
        document.fonts.forEach((f) => (loaded ||= f.family === 'Tinos' && f.status === 'loaded'));
        return loaded;
      });
    await expect.poll(tinosLoaded).toBe(true);
    await tab.close();
    expect(session.errors).toEqual([]);
    expect(session.csp).toEqual([]);
  }, 120_000);

  it('the amended agreement as a PDF from its button, printed by the server', async () => {
    const session = await as('perencana@diskopum');
    const { page } = session;
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('report-agreement:pk-2025-perubahan:pdf').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('PK-diskopum-pk-2025-perubahan.pdf');
    const path = await file.path();
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await readPdf(path);
    expect(text).toContain('PERJANJIAN KINERJA PERUBAHAN TAHUN 2025');
    expect(text).toContain('Persentase Usaha Mikro Aktif');
    expect(session.errors).toEqual([]);
  }, 120_000);

  it('an error of the server is shown beside the buttons', async () => {
    const session = await as('kepala@diskopum');
    const { page } = session;
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    // the answer the server gives without Chromium (src/server/routes/reports.ts)
    await page.route('**/api/agencies/diskopum/reports/review?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { status: 503, code: 'pdf-unavailable', message: 'Chromium was not found at /usr/bin/chromium; PDF output needs it.', findings: [] },
        }),
      }),
    );
    await page.getByTestId('report-review:2025:pdf').click();
    const alert = page.getByTestId('report-errors');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Gagal menyiapkan Reviu LKIP 2025 (PDF): Chromium was not found');
    expect(await page.getByTestId('report-review:2025:pdf').isDisabled()).toBe(false);
  }, 60_000);
});
