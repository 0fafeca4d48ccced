import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../dataset/model.js';
import { Dataset } from '../dataset/schema.js';
import { createLabels, nodeLabelOf, placeIsTable, placeText } from './labels.js';

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

describe('labels of the demo', () => {
  const ds = demo();
  const l = createLabels(ds, indexDataset(ds));

  it('names a dataset path by what it is', () => {
    expect(l.path('agreements[1].rows[2]')).toBe('Perjanjian Kinerja Perubahan Tahun 2025, baris 3: Persentase Koperasi yang difasilitasi');
    expect(l.path('agreements[0].rows[3].target')).toBe('Perjanjian Kinerja Tahun 2025, baris 4: Persentase Koperasi Berkualitas (target)');
    expect(l.path('programs[31].indicators[0]')).toBe('Program Pengawasan Dan Pemeriksaan Koperasi: Persentase Pengawasan dan Pemeriksaan Koperasi (%)');
    expect(l.path('realizations[9].numerator')).toBe('Realisasi 2025: Persentase Koperasi yang difasilitasi (pembilang)');
    expect(l.path('expenditures[17]')).toBe('Belanja: Belanja souvenir');
    expect(l.path('narrative.executiveSummary')).toBe('Narasi: Ikhtisar Eksekutif');
    // never the path itself
    expect(l.path('agreements[99].rows[0]')).toBe('Perjanjian Kinerja');
    expect(l.path('somethingElse[3]')).toBe('Data');
  });

  it('names a sub kegiatan by its code and name, and subjects by their owner and name', () => {
    expect(l.node('p4-k1-s2')).toMatch(/^Sub Kegiatan 2\.17\.06\.2\.01\.0005 Pemberdayaan peningkatan produktivitas/);
    expect(l.node('p2')).toBe('Program Pengawasan Dan Pemeriksaan Koperasi');
    expect(l.subject('pk-2025-perubahan/KOP_FASILITASI')).toBe('Perjanjian Kinerja Perubahan Tahun 2025: Persentase Koperasi yang difasilitasi');
    expect(l.subject('activities/t3-13-daftar')).toBe('Daftar kegiatan: Daftar Kegiatan Fasilitasi koperasi');
    expect(l.subject('nothing-here')).toBe('subjek tidak dikenal');
  });

  it('replaces references in a message by names, once where the name follows', () => {
    expect(l.humanize('renstra-2021-2026/PIPT menghitung p2/IND1 "Persentase Pengawasan dan Pemeriksaan Koperasi (%)" (program pendukung: p4-k1-s2, p5)')).toBe(
      '"Persentase indikator program yang tercapai" menghitung "Persentase Pengawasan dan Pemeriksaan Koperasi (%)" (program pendukung: ' +
        `${l.node('p4-k1-s2')}, Program Pemberdayaan usaha menengah, usaha kecil dan usaha mikro (UMKM))`,
    );
    // words that only contain an id are left alone
    expect(l.humanize('p2p, xp2, Kabupaten/Kota')).toBe('p2p, xp2, Kabupaten/Kota');
    expect(l.humanize('lihat {{tabel:t3-4}}; tulis {{nilai:pk-2025/UMM/capaian}}')).toBe(
      'lihat tabel "Daftar Kegiatan Fasilitasi Pemasaran Usaha Mikro"; tulis rujukan nilai (capaian, dalam %: Perjanjian Kinerja Tahun 2025: Persentase Usaha Mikro Mandiri)',
    );
    expect(l.humanize('lihat expenditures[39].realized')).toBe('lihat Belanja: Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah (realisasi)');
  });
});

describe('places and nodes', () => {
  it('says a section once when the table is named after it, and tells tables from prose', () => {
    expect(placeText({ section: 'Ikhtisar Eksekutif', table: 'Ikhtisar Eksekutif, tabel PK 2025', row: 'Nilai SAKIP', column: 'Target' })).toBe('Ikhtisar Eksekutif, tabel PK 2025, baris Nilai SAKIP, kolom Target');
    expect(placeText(['Tabel 3.2', { table: 'Tabel 3.14', row: 1 }])).toBe('Tabel 3.2; Tabel 3.14, baris 1');
    expect(placeIsTable({ section: 'C.1.3 Analisis', row: 'Berdasarkan tabel diatas' })).toBe(false);
    expect(placeIsTable('Ikhtisar Eksekutif')).toBe(false);
    expect(placeIsTable('Tabel 3.2, baris 1')).toBe(true);
  });

  it('puts the level before a name without repeating it, and the code when there is one', () => {
    expect(nodeLabelOf({ level: 'subkegiatan', name: 'Penyusunan Dokumen' })).toBe('Sub Kegiatan Penyusunan Dokumen');
    expect(nodeLabelOf({ level: 'program', name: 'Program Penunjang' })).toBe('Program Penunjang');
    expect(nodeLabelOf({ level: 'kegiatan', name: 'Kegiatan Administrasi', code: '2.17.01.1.02' })).toBe('Kegiatan 2.17.01.1.02 Administrasi');
  });
});
