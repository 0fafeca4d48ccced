/**
 * The demo's LKIP and review as HTML: the data-quality notes and the headline reach the page a
 * reader opens, in Indonesian, with names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../core/dataset/schema.js';
import { buildLkip } from '../core/report/lkip.js';
import { buildReviewDocument } from '../core/report/review-doc.js';
import { review } from '../core/review/index.js';
import { renderHtml } from './html.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
/** the page's text, tags dropped and entities of quotes read back */
const textOf = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&quot;|&#34;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('data quality in the HTML reports of the demo', () => {
  it('the LKIP has "Catatan Kualitas Data" with each finding as a sentence, and the headline in the Ikhtisar', () => {
    const text = textOf(renderHtml(buildLkip(demo(), 2025)));
    expect(text).toContain('CATATAN KUALITAS DATA');
    expect(text).toContain('Baris belanja berulang — Belanja "Belanja souvenir" memiliki pagu dan realisasi yang sama (Rp 1.024.248.000 / Rp 927.573.043) dengan "Belanja alat/bahan untuk kegiatan lainnya"');
    expect(text).toContain('Lonjakan tidak wajar — Realisasi 2025 "Persentase Koperasi yang difasilitasi" 222,29, 5,42 kali baseline (2024) 41,00');
    expect(text).toContain('4 indikator: 2 Sangat Tinggi, 1 Sangat Rendah, 1 belum terukur; rata-rata capaian (setiap capaian dibatasi 100%) 69,11% dari 3 indikator terukur.');
  });
  it('the review has section D with the names', () => {
    const ds = demo();
    const text = textOf(renderHtml(buildReviewDocument(ds, 2025, review(ds, 2025))));
    expect(text).toContain('D. CATATAN KUALITAS DATA');
    expect(text).toContain('Belanja melebihi anggaran Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah Belanja: Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah (realisasi)');
  });
});
