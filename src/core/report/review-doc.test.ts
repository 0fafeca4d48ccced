import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENT, minimalDataset } from '../dataset/fixtures.js';
import { Dataset } from '../dataset/schema.js';
import type { DocumentModel, Table } from '../document/model.js';
import { review } from '../review/index.js';
import { buildReviewDocument, quantityName } from './review-doc.js';
import { cellString, documentProblems, tableGrid } from './walk.js';

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

function table(doc: DocumentModel, id: string): Table | undefined {
  return doc.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === 'table' && b.id === id);
}
const paragraphs = (doc: DocumentModel): string[] =>
  doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'paragraph' ? [b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('')] : []));

describe('buildReviewDocument on the demo dataset', () => {
  const ds = demo();
  const result = review(ds, 2025);
  const doc = buildReviewDocument(ds, 2025, result);

  it('is sound', () => {
    expect(documentProblems(doc)).toEqual([]);
  });

  it('lists exactly the contradicted claims, in order, with where they were printed', () => {
    const contradicted = result.checks.filter((c) => c.status === 'contradicts');
    expect(contradicted.length).toBeGreaterThan(0);
    const t = table(doc, 'reviu-tabel-bertentangan');
    const grid = tableGrid(t?.body ?? []);
    expect(grid).toHaveLength(result.summary.contradicted);
    expect(grid.map((r) => cellString(r[1]))).toEqual(contradicted.map((c) => c.where));
    expect(grid.map((r) => cellString(r[6]))).toEqual(contradicted.map((c) => c.explanation));
  });

  it('names subjects instead of ids', () => {
    const grid = tableGrid(table(doc, 'reviu-tabel-bertentangan')?.body ?? []);
    const subjects = grid.map((r) => cellString(r[2]) ?? '');
    expect(subjects).toContain('Perjanjian Kinerja Tahun 2025: Persentase Usaha Mikro Mandiri');
    expect(subjects).toContain('Program Pendidikan dan Latihan perkoperasian');
    expect(subjects.filter((s) => /^(pk-|renstra-|p\d)/.test(s))).toEqual([]);
  });

  it('lists the unchecked claims with their reasons, and the data findings', () => {
    const unchecked = result.checks.filter((c) => c.status === 'unchecked');
    const grid = tableGrid(table(doc, 'reviu-tabel-tidak-diperiksa')?.body ?? []);
    expect(grid.map((r) => cellString(r[5]))).toEqual(unchecked.map((c) => c.explanation));
    const findings = tableGrid(table(doc, 'reviu-tabel-temuan')?.body ?? []);
    expect(findings.map((r) => cellString(r[2]))).toContain('unmeasured-no-data');
    expect(findings.map((r) => cellString(r[2]))).not.toContain('claim-contradicted');
  });

  it('has a section of data-quality findings, by name, in Indonesian, counted in the summary', () => {
    const grid = tableGrid(table(doc, 'reviu-tabel-kualitas')?.body ?? []);
    expect(grid.map((r) => `${cellString(r[1])} | ${cellString(r[2])} | ${cellString(r[3])}`)).toEqual([
      'Di luar rentang yang sah | Persentase Koperasi yang difasilitasi | realizations[9].numerator',
      'Di luar rentang yang sah | Persentase Pengawasan dan Pemeriksaan Koperasi (%) | realizations[54].value',
      'Di luar rentang yang sah | Persentase Usaha Mikro yang Bertransformasi dari informal ke formal (%) | realizations[65].value',
      'Lonjakan tidak wajar | Persentase Usaha Mikro Mandiri | realizations[3]',
      'Lonjakan tidak wajar | Persentase Usaha Mikro Aktif | realizations[7]',
      'Lonjakan tidak wajar | Persentase usaha mikro yang difasilitasi | realizations[8]',
      'Lonjakan tidak wajar | Persentase Koperasi yang difasilitasi | realizations[9]',
      'Belanja melebihi anggaran | Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah | expenditures[39].realized',
      'Baris belanja berulang | Belanja souvenir | expenditures[17]',
      'Target berbeda dengan Renstra | Persentase Koperasi Berkualitas | agreements[0].rows[3].target',
    ]);
    expect(cellString(grid[6]![4])).toBe(
      'realisasi 2025 "Persentase Koperasi yang difasilitasi" 222,29, 5,42 kali baseline (2024) 41,00 (ambang 3,00 ×); periksa angka dan cara menghitungnya',
    );
    const summary = tableGrid(doc.sections[0]!.blocks.find((b): b is Table => b.type === 'table')!.body);
    expect(summary.find((r) => cellString(r[0]) === 'Catatan kualitas data')?.[1]?.value).toMatchObject({ kind: 'number', value: 10 });
    // listed once: not again among the validation findings
    expect(tableGrid(table(doc, 'reviu-tabel-temuan')?.body ?? []).map((r) => cellString(r[2]))).not.toContain('target-differs-from-plan');
  });
});

describe('buildReviewDocument on the minimal dataset', () => {
  function withClaims(): Dataset {
    const ds = minimalDataset();
    ds.claims = [
      // agrees: UMM achievement 9,29% (6.5 / 70)
      { where: 'Tabel 3.2, baris 1', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 9.29 },
      // contradicts: printed 10%, computed 9,2857…
      { where: 'Ikhtisar Eksekutif', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 10, raw: '10%' },
      // contradicts: the budget of p1 at the initial stage is 100.000.000
      { where: 'Tabel 2.9', subject: 'p1', quantity: 'budget', stage: 'initial', value: 120000000 },
      // unchecked: the indicator has no baseline
      { where: 'Tabel 3.2, kolom 4', subject: `${FIXTURE_AGREEMENT}/SAKIP`, quantity: 'baseline', value: 70 },
    ];
    return ds;
  }

  it('shows the printed figure as printed and the computed one at its precision plus two decimals', () => {
    const ds = withClaims();
    const result = review(ds, 2025);
    expect(result.summary).toMatchObject({ claims: 4, agreed: 1, contradicted: 2, unchecked: 1 });
    const doc = buildReviewDocument(ds, 2025, result);
    expect(documentProblems(doc)).toEqual([]);
    const grid = tableGrid(table(doc, 'reviu-tabel-bertentangan')?.body ?? []);
    expect(grid).toHaveLength(2);
    expect(grid.map((r) => [cellString(r[1]), cellString(r[2]), cellString(r[3]), cellString(r[4])])).toEqual([
      ['Ikhtisar Eksekutif', 'Perjanjian Kinerja Tahun 2025: Persentase Usaha Mikro Mandiri', 'Capaian (%)', '10%'],
      ['Tabel 2.9', 'Program Pemberdayaan Usaha Mikro', 'Anggaran Awal', '120.000.000'],
    ]);
    expect(grid[0]?.[5]?.value).toEqual({ kind: 'number', value: (6.5 * 100) / 70, format: { kind: 'number', decimals: 2, trim: true } });
    expect(grid[1]?.[5]?.value).toEqual({ kind: 'number', value: 100000000, format: { kind: 'number', decimals: 2, trim: true } });
    const unchecked = tableGrid(table(doc, 'reviu-tabel-tidak-diperiksa')?.body ?? []);
    expect(unchecked.map((r) => cellString(r[3]))).toEqual(['Kondisi awal']);
    const summary = doc.sections[0]?.blocks.find((b): b is Table => b.type === 'table');
    expect(tableGrid(summary?.body ?? []).map((r) => (r[1]?.value.kind === 'number' ? r[1].value.value : null)).slice(0, 4)).toEqual([4, 1, 2, 1]);
  });

  it('says so when nothing contradicts, without an empty table', () => {
    const ds = minimalDataset();
    const doc = buildReviewDocument(ds, 2025, review(ds, 2025));
    expect(documentProblems(doc)).toEqual([]);
    expect(table(doc, 'reviu-tabel-bertentangan')).toBeUndefined();
    expect(paragraphs(doc)).toContain('Tidak ada angka tercetak yang bertentangan dengan data.');
  });

  it('words quantities in Indonesian, with stages and aspects', () => {
    expect(quantityName({ quantity: 'difference', fromStage: 'shift', toStage: 'revised' })).toBe('Selisih anggaran perubahan − pergeseran anggaran');
    expect(quantityName({ quantity: 'total', aspect: 'staffing.needed.S2' })).toBe('Jumlah kebutuhan pegawai S2');
    expect(quantityName({ quantity: 'budget' })).toBe('Pagu');
  });
});
