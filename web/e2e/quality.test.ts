/**
 * End to end, the dashboard's headline and data-quality notes: the demo's 2025 headline counts
 * the amendment's rows per predicate (no bare 257,74 % mean) and states the cap of its mean; the
 * "Catatan kualitas data" card names each indicator or spending line, in Indonesian and, after
 * switching, in English.
 */
import { describe, expect, it } from 'vitest';
import { fitsWidth, open, shot, useE2E } from './harness.js';

const e2e = useE2E();
const { as } = e2e;

describe('headline and data-quality notes on the dashboard', () => {
  it('shows rows per predicate, the capped mean with its rule, and each finding by name', async () => {
    const { page, errors } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    expect(await headline.textContent()).toBe('4 indikator: 2 Sangat Tinggi, 1 Sangat Rendah, 1 belum terukurrata-rata capaian (setiap capaian dibatasi 100%) 69,11% dari 3 indikator terukur');
    expect(await page.getByTestId('counts').textContent()).not.toContain('257,74');
    await shot(page, '50-dashboard-headline');

    const notes = page.getByTestId('quality');
    await notes.waitFor();
    const rows = notes.locator('tbody tr');
    expect(await rows.count()).toBe(10); // 3 values kept out of their range, then the 7 others
    const subjects = await rows.locator('td:first-child').allTextContents();
    expect(subjects).toEqual([
      'Persentase Koperasi yang difasilitasi',
      'Persentase Pengawasan dan Pemeriksaan Koperasi (%)',
      'Persentase Usaha Mikro yang Bertransformasi dari informal ke formal (%)',
      'Persentase Usaha Mikro Mandiri',
      'Persentase Usaha Mikro Aktif',
      'Persentase usaha mikro yang difasilitasi',
      'Persentase Koperasi yang difasilitasi',
      'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah',
      'Belanja souvenir',
      'Persentase Koperasi Berkualitas',
    ]);
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual([
      ...Array(3).fill('Di luar rentang yang sah'),
      ...Array(4).fill('Lonjakan tidak wajar'),
      'Belanja melebihi anggaran',
      'Baris belanja berulang',
      'Target berbeda dengan Renstra',
    ]);
    const souvenir = notes.locator('tr[data-code="duplicate-line"]');
    expect(await souvenir.textContent()).toContain('memiliki pagu dan realisasi yang sama (Rp 1.024.248.000 / Rp 927.573.043) dengan "Belanja alat/bahan untuk kegiatan lainnya"');
    await page.getByRole('heading', { name: 'Catatan kualitas data (10)' }).scrollIntoViewIfNeeded();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '51-dashboard-quality');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Data-quality notes (10)' }).waitFor();
    expect(await headline.textContent()).toBe('4 indicators: 2 Sangat Tinggi, 1 Sangat Rendah, 1 not measuredmean achievement (each achievement capped at 100%) 69.11% over 3 measured');
    expect(await souvenir.locator('td:nth-child(2)').textContent()).toBe('Duplicate line');
    expect(await souvenir.textContent()).toContain('has the same ceiling and realization (Rp 1,024,248,000 / Rp 927,573,043) as "Belanja alat/bahan untuk kegiatan lainnya"');
    expect(errors).toEqual([]);
  });
});
