/**
 * End to end, the agency's files (issue 11): a planner uploads the crest on the profile page and
 * sees it as stored; a text file named .png is refused with the server's Indonesian message; the
 * signed scan of an agreement is uploaded on the agreements page and linked. The files are made
 * here (a PNG drawn by resvg, a PDF by pdf-lib), in the test server's own data directory.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readBundle } from '../../src/io/bundle.js';
import { sha, testCrestPng, testScanPdf } from '../../src/report/test-files.js';
import { open, shot, useE2E } from './harness.js';

const e2e = useE2E();
const { as } = e2e;

describe('files in the browser', () => {
  it('a planner uploads the crest and a signed scan; a renamed text file is refused in Indonesian', async () => {
    const { page, errors } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/profile');
    const crest = page.getByTestId('file-crest-agency');
    await crest.getByText('Belum ada berkas.').waitFor();

    await crest.getByLabel('Pilih berkas').setInputFiles({ name: 'lambang.png', mimeType: 'image/png', buffer: Buffer.from('bukan gambar sama sekali') });
    await crest.getByRole('button', { name: 'Unggah' }).click();
    await crest.getByText('menurut isinya, "lambang.png" bukan berkas PNG, JPEG, atau PDF').waitFor();

    await crest.getByLabel('Pilih berkas').setInputFiles({ name: 'lambang.png', mimeType: 'image/png', buffer: testCrestPng() });
    await crest.getByRole('button', { name: 'Unggah' }).click();
    await crest.getByRole('status').getByText('Berkas tersimpan.').waitFor();
    const img = crest.getByRole('img', { name: 'Lambang perangkat daerah' });
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('[data-testid="file-crest-agency"] img');
      return !!el && el.complete && el.naturalWidth === 120;
    });
    await shot(page, '60-profile-crest');

    await open(page, e2e.base, '/a/diskopum/agreements/2025');
    const scan = page.getByTestId('file-agreement-scan-pk-2025');
    await scan.getByLabel('Pilih berkas').setInputFiles({ name: 'pk-2025-ttd.pdf', mimeType: 'application/pdf', buffer: await testScanPdf(1) });
    await scan.getByRole('button', { name: 'Unggah' }).click();
    await scan.getByRole('link', { name: 'Buka berkas: pk-2025-ttd.pdf' }).waitFor();

    // the Data page: the dataset with its files as a .zip, and that bundle imported back
    await open(page, e2e.base, '/a/diskopum/data');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-bundle-link').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('diskopum.kinerja.zip');
    const bundle = await readBundle(await readFile(await file.path()));
    expect([...bundle.files.keys()]).toContain(sha(testCrestPng()));
    await page.getByLabel('Berkas dataset').setInputFiles(await file.path());
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    // the bundle is checked first: the same data, nothing changes; stored when confirmed
    await page.getByTestId('import-detail-diskopum').getByText(/tidak ada perubahan/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Simpan perubahan ini' }).click();
    await page.getByText(/Impor berhasil/).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  });
});
