import { describe, expect, it } from 'vitest';
import { validateDataset } from '../dataset/validate.js';
import { checkRegisters } from './definitions.js';
import { fixtureRegisters, registerDataset } from './fixtures.js';
import { maskValue, maskValues, withoutPersonal } from './mask.js';
import { danglingReference, duplicateKey, planColumns, problemText, rowChecker } from './rows.js';
import { entityCells, exportColumns } from './columns.js';

const reg = (id: string) => fixtureRegisters().find((r) => r.id === id)!;

describe('register definitions', () => {
  it('the fixture validates without findings', () => {
    const r = validateDataset(registerDataset());
    expect(r.findings).toEqual([]);
    expect(r.dataset?.registers?.map((x) => x.id)).toEqual(['koperasi', 'usaha_mikro', 'fasilitasi']);
  });

  it('names every broken definition with its path, in both languages', () => {
    const ds = registerDataset();
    const regs = ds.registers!;
    regs[0]!.key = 'tidak_ada';
    regs[1]!.fields[3]!.pattern = '([';
    regs[1]!.unit = 'bid-x';
    regs[2]!.fields[3]!.register = 'anggota';
    regs[2]!.fields.push({ id: 'sifat', name: 'Sifat', type: 'category' });
    regs[2]!.fields.push({ id: 'nilai_2025', name: 'Nilai', type: 'number', values: ['a'] });
    regs.push({ ...regs[2]!, name: 'Dua kali' });
    const f = validateDataset(ds).findings;
    const at = f.map((x) => `${x.code} @ ${x.where}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'duplicate-id @ registers[3].id',
        'dangling-reference @ registers[0].key',
        'invalid-pattern @ registers[1].fields[3].pattern',
        'dangling-reference @ registers[1].unit',
        'dangling-reference @ registers[2].fields[3].register',
        'missing-values @ registers[2].fields[4].values',
        'invalid-id @ registers[2].fields[5].id',
        'misplaced-field @ registers[2].fields[5].values',
      ]),
    );
    for (const x of f) expect(x.localized?.id).toBeTruthy();
    expect(f.find((x) => x.where === 'registers[0].key')!.localized!.id).toBe('kolom kunci "tidak_ada" tidak ada di antara kolom register');
  });

  it('refuses a personal or per-year key and a personal label', () => {
    const r = reg('usaha_mikro');
    const f = checkRegisters({ registers: [{ ...r, key: 'nik', label: 'pemilik' }], organization: registerDataset().organization });
    expect(f.map((x) => `${x.code} @ ${x.where}`)).toEqual(['invalid-key @ registers[0].key', 'invalid-label @ registers[0].label']);
  });

  it('zod refuses a field id with capitals and an unknown type', () => {
    const ds = registerDataset() as unknown as { registers: { fields: Record<string, unknown>[] }[] };
    ds.registers[0]!.fields[1]!.id = 'Nama';
    ds.registers[0]!.fields[2]!.type = 'list';
    const f = validateDataset(ds).findings;
    expect(f.map((x) => x.where)).toEqual(expect.arrayContaining(['registers[0].fields[1].id', 'registers[0].fields[2].type']));
    expect(f.find((x) => x.where === 'registers[0].fields[1].id')!.localized!.id).toMatch(/huruf kecil/);
  });
});

describe('rows', () => {
  const keys = { keysOf: (r: string) => (r === 'koperasi' ? new Set(['BH-1', 'BH-2']) : new Set<string>()) };

  it('plans the header: per-year columns by year, unknown and duplicate columns named', () => {
    const ok = planColumns(reg('koperasi'), ['nomor_badan_hukum', 'NAMA', 'status_2025', 'status_2026', 'rat_2025', '']);
    expect(ok.problems).toEqual([]);
    expect(ok.plan!.years).toEqual([2025, 2026]);
    expect(ok.plan!.columns.map((c) => [c.field.id, c.year])).toEqual([
      ['nomor_badan_hukum', undefined],
      ['nama', undefined],
      ['status', 2025],
      ['status', 2026],
      ['rat', 2025],
    ]);
    const bad = planColumns(reg('koperasi'), ['nama', 'status', 'alamat', 'nama']);
    expect(bad.plan).toBeUndefined();
    expect(bad.problems.map((p) => problemText(p, 'id'))).toEqual([
      'baris 1, kolom status: kolom "status" dicatat per tahun: tulis satu kolom per tahun, misalnya "status_2025"',
      'baris 1, kolom alamat: register "koperasi" tidak memiliki kolom "alamat"; kolomnya: nomor_badan_hukum, nama, kecamatan, status_TAHUN, rat_TAHUN, kesehatan_TAHUN',
      'baris 1, kolom nama: kolom "nama" muncul dua kali di baris judul',
      'baris 1, kolom nomor_badan_hukum: kolom kunci "nomor_badan_hukum" tidak ada di baris judul',
    ]);
  });

  it('reads each type the Indonesian way and keeps per-year values apart', () => {
    const { plan } = planColumns(reg('usaha_mikro'), ['nib', 'nama_usaha', 'pemilik', 'nik', 'sektor', 'kecamatan', 'berdiri', 'tenaga_kerja']);
    const check = rowChecker(plan!, keys);
    const r = check(2, ['1234567890123', ' Warung Bu Sri ', 'Sri Wahyuni', '9999011203880001', 'Kuliner', 'ajung', '03/02/2019', '1.200']);
    expect(r.problems).toEqual([]);
    expect(r.entity).toEqual({
      key: '1234567890123',
      data: { nib: '1234567890123', nama_usaha: 'Warung Bu Sri', pemilik: 'Sri Wahyuni', nik: '9999011203880001', sektor: 'kuliner', kecamatan: 'Ajung', berdiri: '2019-02-03', tenaga_kerja: 1200 },
      years: {},
    });
    const xlsx = check(3, ['1234567890124', 'Toko', null, null, null, null, new Date(Date.UTC(2020, 11, 31)), 3]);
    expect(xlsx.entity!.data).toEqual({ nib: '1234567890124', nama_usaha: 'Toko', berdiri: '2020-12-31', tenaga_kerja: 3 });

    const kop = rowChecker(planColumns(reg('koperasi'), ['nomor_badan_hukum', 'nama', 'status_2025', 'status_2026', 'rat_2025']).plan!, keys);
    expect(kop(2, ['BH-9', 'KSP Maju', 'aktif', 'Tidak Aktif', 'ya']).entity).toEqual({
      key: 'BH-9',
      data: { nomor_badan_hukum: 'BH-9', nama: 'KSP Maju' },
      years: { '2025': { status: 'aktif', rat: true }, '2026': { status: 'tidak aktif' } },
    });
  });

  it('names every problem of a row by row and column, and a duplicate key by its first row', () => {
    const { plan } = planColumns(reg('usaha_mikro'), ['nib', 'nama_usaha', 'nik', 'sektor', 'berdiri', 'tenaga_kerja']);
    const check = rowChecker(plan!, keys);
    expect(check(2, ['1234567890123', 'A', '9999011203880001', 'jasa', '2020-01-01', '2']).problems).toEqual([]);
    const bad = check(3, ['1234567890123', '', 9999011203880001, 'otomotif', '2020-02-30', '2,5']);
    expect(bad.entity).toBeUndefined();
    expect(bad.problems.map((p) => problemText(p, 'id'))).toEqual([
      'baris 3, kolom nama_usaha: nilai wajib diisi di sini',
      'baris 3, kolom nik: 9999011203880000 disimpan lembar kerja sebagai angka dan digitnya hilang; format kolomnya sebagai Teks lalu ketik ulang',
      'baris 3, kolom sektor: "otomotif" bukan salah satu nilai yang diizinkan: kuliner, fesyen, kriya, pertanian, jasa',
      'baris 3, kolom berdiri: seharusnya tanggal berformat YYYY-MM-DD atau DD/MM/YYYY, tertulis "2020-02-30"',
      'baris 3, kolom tenaga_kerja: seharusnya bilangan bulat, tertulis 2,5',
      'baris 3, kolom nib: kunci "1234567890123" sudah dipakai di baris 2',
    ]);
    expect(check(4, ['12345', 'B', '123']).problems.map((p) => `${p.column}:${p.code}`)).toEqual(['nib:pattern', 'nik:pattern']);
  });

  it('leaves duplicate keys to the caller when asked, giving every readable key', () => {
    const { plan } = planColumns(reg('usaha_mikro'), ['nib', 'nama_usaha']);
    const check = rowChecker(plan!, keys, { duplicates: false });
    expect(check(2, ['1234567890123', 'A'])).toMatchObject({ key: '1234567890123', problems: [] });
    const again = check(3, ['1234567890123', '']);
    expect(again.key).toBe('1234567890123');
    expect(again.problems.map((p) => p.code)).toEqual(['missing-value']);
    expect(check(4, ['', 'C']).key).toBeUndefined();
    expect(problemText(duplicateKey(plan!, 5, '1234567890123', 2), 'id')).toBe('baris 5, kolom nib: kunci "1234567890123" sudah dipakai di baris 2');
  });

  it('leaves references to the caller when asked, giving each with its column', () => {
    const { plan } = planColumns(reg('fasilitasi'), ['nomor', 'tanggal', 'koperasi']);
    const check = rowChecker(plan!, {});
    expect(check(2, ['F-1', '2025-03-01', 'BH-7'])).toMatchObject({ key: 'F-1', problems: [], references: [{ column: 2, register: 'koperasi', value: 'BH-7' }] });
    expect(check(3, ['F-2', '2025-03-01', '']).references).toBeUndefined();
    expect(problemText(danglingReference(4, 'koperasi', 'koperasi', 'BH-7'), 'en')).toBe('row 4, column koperasi: no entity "BH-7" in register "koperasi"');
  });

  it('checks references against the keys of the register referred to', () => {
    const { plan } = planColumns(reg('fasilitasi'), ['nomor', 'tanggal', 'koperasi']);
    const check = rowChecker(plan!, keys);
    expect(check(2, ['F-1', '2025-03-01', 'BH-2']).entity?.data.koperasi).toBe('BH-2');
    expect(check(3, ['F-2', '2025-03-01', 'BH-7']).problems.map((p) => problemText(p, 'en'))).toEqual(['row 3, column koperasi: no entity "BH-7" in register "koperasi"']);
  });
});

describe('masking and export columns', () => {
  it('masks a NIK as 3509**********12 and a name by its initials', () => {
    expect(maskValue('3509123456789012')).toBe('3509**********12');
    expect(maskValue('Siti Aminah')).toBe('S*** A*****');
    expect(maskValue('08123456')).toBe('*******6');
    expect(maskValue('123')).toBe('***');
    const r = reg('usaha_mikro');
    const data = { nib: '1234567890123', pemilik: 'Sri Wahyuni', nik: '9999011203880001', sektor: 'jasa' };
    expect(maskValues(r, data)).toEqual({ nib: '1234567890123', pemilik: 'S** W******', nik: '9999**********01', sektor: 'jasa' });
    expect(withoutPersonal(r, data)).toEqual({ nib: '1234567890123', sektor: 'jasa' });
  });

  it('exports the key first, per-year fields per stored year, personal fields only when asked', () => {
    const k = reg('koperasi');
    expect(exportColumns(k, [2025, 2026]).map((c) => c.name)).toEqual([
      'nomor_badan_hukum', 'nama', 'kecamatan', 'status_2025', 'status_2026', 'rat_2025', 'rat_2026', 'kesehatan_2025', 'kesehatan_2026',
    ]);
    expect(exportColumns(reg('usaha_mikro'), []).map((c) => c.name)).not.toContain('nik');
    expect(exportColumns(reg('usaha_mikro'), [], { withPersonal: true }).map((c) => c.name)).toContain('nik');
    const cols = exportColumns(k, [2025]);
    expect(entityCells(cols, { key: 'BH-1', data: { nomor_badan_hukum: 'BH-1', nama: 'KSP' }, years: { '2025': { status: 'aktif', rat: false } } })).toEqual([
      'BH-1', 'KSP', null, 'aktif', 'tidak', null,
    ]);
  });
});
