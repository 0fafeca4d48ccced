/**
 * Register definitions for tests (registers.md): the fixture dataset (dataset/fixtures.ts) with a
 * unit `bid-ukm` and three registers — `koperasi` (key nomor_badan_hukum; kecamatan a category;
 * status, rat and kesehatan per year), `usaha_mikro` (key nib; pemilik and nik personal, nik 16
 * digits; sektor a category; berdiri a date; tenaga_kerja a whole number) and `fasilitasi`
 * (events: tanggal, jenis, koperasi a reference). Every call returns a fresh object.
 */
import type { Dataset, Register } from '../dataset/schema.js';
import { minimalDataset } from '../dataset/fixtures.js';

export const KECAMATAN = ['Ajung', 'Ambulu', 'Arjasa', 'Kaliwates', 'Patrang', 'Sumbersari'];

export function fixtureRegisters(): Register[] {
  return [
    {
      id: 'koperasi',
      name: 'Koperasi',
      key: 'nomor_badan_hukum',
      label: 'nama',
      unit: 'bid-kop',
      fields: [
        { id: 'nomor_badan_hukum', name: 'Nomor Badan Hukum', type: 'text' },
        { id: 'nama', name: 'Nama Koperasi', type: 'text', required: true },
        { id: 'kecamatan', name: 'Kecamatan', type: 'category', values: [...KECAMATAN] },
        { id: 'status', name: 'Status', type: 'category', values: ['aktif', 'tidak aktif'], perYear: true },
        { id: 'rat', name: 'RAT', type: 'yesno', perYear: true },
        { id: 'kesehatan', name: 'Kesehatan', type: 'category', values: ['sehat', 'cukup sehat', 'dalam pengawasan'], perYear: true },
      ],
    },
    {
      id: 'usaha_mikro',
      name: 'Usaha Mikro',
      key: 'nib',
      label: 'nama_usaha',
      unit: 'bid-ukm',
      fields: [
        { id: 'nib', name: 'NIB', type: 'text', pattern: '[0-9]{13}' },
        { id: 'nama_usaha', name: 'Nama Usaha', type: 'text', required: true },
        { id: 'pemilik', name: 'Pemilik', type: 'text', personal: true },
        { id: 'nik', name: 'NIK', type: 'text', personal: true, pattern: '[0-9]{16}' },
        { id: 'sektor', name: 'Sektor', type: 'category', values: ['kuliner', 'fesyen', 'kriya', 'pertanian', 'jasa'] },
        { id: 'kecamatan', name: 'Kecamatan', type: 'category', values: [...KECAMATAN] },
        { id: 'berdiri', name: 'Tanggal Berdiri', type: 'date' },
        { id: 'tenaga_kerja', name: 'Tenaga Kerja', type: 'number', integer: true },
      ],
    },
    {
      id: 'fasilitasi',
      name: 'Fasilitasi Koperasi',
      key: 'nomor',
      fields: [
        { id: 'nomor', name: 'Nomor', type: 'text' },
        { id: 'tanggal', name: 'Tanggal', type: 'date', required: true },
        { id: 'jenis', name: 'Jenis', type: 'category', values: ['pelatihan', 'pendampingan'] },
        { id: 'koperasi', name: 'Koperasi', type: 'reference', register: 'koperasi', required: true },
      ],
    },
  ];
}

/** The fixture dataset with its units and the three registers. */
export function registerDataset(): Dataset {
  const ds = minimalDataset();
  ds.organization = {
    ...(ds.organization ?? {}),
    units: [
      ...(ds.organization?.units ?? []),
      { id: 'bid-kop', name: 'Bidang Koperasi', kind: 'bidang' },
      { id: 'bid-ukm', name: 'Bidang Usaha Mikro', kind: 'bidang' },
    ],
  };
  ds.registers = fixtureRegisters();
  return ds;
}
