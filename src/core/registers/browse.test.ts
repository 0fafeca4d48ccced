/** A register list's filters read against the definition (core/registers/browse.ts). */
import { expect, it } from 'vitest';
import { likePattern, readFilters, referringFields } from './browse.js';
import { fixtureRegisters } from './fixtures.js';

const KOPERASI = fixtureRegisters()[0]!;

it('refuses filters a register does not have, values it does not allow, and a per-year filter without a year', () => {
  const r = readFilters(KOPERASI, { nama: 'x', kecamatan: 'Jakarta', status: 'aktif', rat: 'mungkin' }, undefined);
  expect(r.filters).toEqual([]);
  expect(r.problems.map((p) => [p.where, p.message.id])).toEqual([
    ['filter[nama]', 'register "Koperasi" tidak dapat disaring menurut "nama": seharusnya salah satu kolom kategori atau ya/tidak (kecamatan, status, rat, kesehatan)'],
    ['filter[kecamatan]', '"Kecamatan": seharusnya salah satu dari Ajung, Ambulu, Arjasa, Kaliwates, Patrang, Sumbersari; tertulis "Jakarta"'],
    ['year', '"Status" dicatat per tahun: pilih tahunnya'],
    ['year', '"RAT" dicatat per tahun: pilih tahunnya'],
  ]);
  expect(readFilters(KOPERASI, { rat: 'Tidak', kecamatan: ' patrang ' }, 2025).filters).toEqual([
    { field: 'rat', value: false, perYear: true },
    { field: 'kecamatan', value: 'Patrang', perYear: false },
  ]);
});

it('escapes a search for LIKE and finds the registers that refer to one', () => {
  expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  expect(referringFields(fixtureRegisters(), 'koperasi').map((x) => [x.register.id, x.fields.map((f) => f.id)])).toEqual([['fasilitasi', ['koperasi']]]);
  expect(referringFields(fixtureRegisters(), 'usaha_mikro')).toEqual([]);
});
