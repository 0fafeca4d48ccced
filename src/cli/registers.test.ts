/**
 * `kinerja registers`, `register import`, `register export` in-process on a real embedded
 * database, with CSV and XLSX files made here (the XLSX by exceljs, as a spreadsheet would).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDataset } from '../core/registers/fixtures.js';
import { runCli } from './testing.js';

let dir: string;
let env: Record<string, string | undefined>;
const kinerja = (...argv: string[]) => runCli(argv, { env, cwd: dir });

const HEADER = ['nib', 'nama_usaha', 'pemilik', 'nik', 'sektor', 'kecamatan', 'berdiri', 'tenaga_kerja'];
const GOOD = [
  ['9999000000001', 'Warung Bu Sri', 'Sri Wahyuni', '9999010101900001', 'kuliner', 'Ajung', '2019-02-03', '2'],
  ['9999000000002', 'Batik Pak Eko', 'Eko Prasetyo', '9999010101900002', 'fesyen', 'Patrang', '01/06/2021', '1.250'],
];

async function xlsx(name: string, rows: (string | number | Date | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Usaha');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(join(dir, name));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-reg-cli-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data') };
  await writeFile(join(dir, 'dinco.json'), JSON.stringify(registerDataset()));
  expect((await kinerja('import', 'dinco.json')).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('register import and export', () => {
  it('a CSV with bad rows: every problem by row and column, nothing stored, exit 1', async () => {
    // semicolons, as Indonesian Excel writes CSV
    const lines = [HEADER, GOOD[0]!, ['9999000000001', '', 'X', '123', 'otomotif', 'Ajung', '2019-13-01', '2'], ['12', 'Toko', '', '', '', 'Jakarta', '', 'dua']];
    await writeFile(join(dir, 'bad.csv'), '\ufeff' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n');
    const r = await kinerja('register', 'import', 'bad.csv', '--agency', 'dinco', '--register', 'usaha_mikro', '--store');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'bad.csv: 8 masalah pada register usaha_mikro; tidak ada yang disimpan.',
      '  baris 3, kolom nama_usaha: nilai wajib diisi di sini',
      '  baris 3, kolom nik: "123" tidak sesuai bentuk yang diharapkan ([0-9]{16})',
      '  baris 3, kolom sektor: "otomotif" bukan salah satu nilai yang diizinkan: kuliner, fesyen, kriya, pertanian, jasa',
      '  baris 3, kolom berdiri: seharusnya tanggal berformat YYYY-MM-DD atau DD/MM/YYYY, tertulis "2019-13-01"',
      '  baris 3, kolom nib: kunci "9999000000001" sudah dipakai di baris 2',
      '  baris 4, kolom nib: "12" tidak sesuai bentuk yang diharapkan ([0-9]{13})',
      '  baris 4, kolom kecamatan: "Jakarta" bukan salah satu nilai yang diizinkan: Ajung, Ambulu, Arjasa, Kaliwates, Patrang, Sumbersari',
      '  baris 4, kolom tenaga_kerja: "dua" bukan angka; tulis dengan cara Indonesia, misalnya 1.234,5 (titik di antara ribuan, koma sebelum desimal)',
      '',
    ]);
    expect(r.err).toContain('ditolak, tidak ada yang disimpan');
    expect((await kinerja('registers', '--agency', 'dinco')).out).toContain('usaha_mikro\tUsaha Mikro\t0 baris');
  }, 60_000);

  it('an XLSX with bad rows (a NIK typed as a number, a bad date cell) is refused the same way', async () => {
    await xlsx('bad.xlsx', [HEADER, [GOOD[0]![0]!, 'Warung', 'Sri', 9999010101900001, 'kuliner', 'Ajung', new Date(Date.UTC(2019, 1, 3)), 2], ['9999000000003', 'Kriya', null, null, 'kriya', null, 'kemarin', 1]]);
    const r = await kinerja('register', 'import', 'bad.xlsx', '--agency', 'dinco', '--register', 'usaha_mikro', '--store', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toContain('bad.xlsx: 2 problem(s) in register usaha_mikro; nothing was stored.');
    expect(r.out).toContain('row 2, column nik: 9999010101900000 was stored by the spreadsheet as a number and has lost digits');
    expect(r.out).toContain('row 3, column berdiri: expected a date as YYYY-MM-DD or DD/MM/YYYY, got "kemarin"');
  }, 60_000);

  it('good CSV: a preview first, stored with --store; good XLSX replaces it; export without personal fields by default', async () => {
    await writeFile(join(dir, 'good.csv'), [HEADER, ...GOOD].map((l) => l.join(',')).join('\n') + '\n');
    const preview = await kinerja('register', 'import', 'good.csv', '--agency', 'dinco', '--register', 'usaha_mikro');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('ditambahkan: 2 (Warung Bu Sri, Batik Pak Eko)');
    expect(preview.out).toContain('Pratinjau saja: tidak ada yang disimpan.');
    expect((await kinerja('registers', '--agency', 'dinco')).out).toContain('usaha_mikro\tUsaha Mikro\t0 baris');

    const stored = await kinerja('register', 'import', 'good.csv', '--agency', 'dinco', '--register', 'usaha_mikro', '--store');
    expect(stored.code).toBe(0);
    expect(stored.out).toContain('Disimpan.');
    expect((await kinerja('registers', '--agency', 'dinco')).out).toContain('usaha_mikro\tUsaha Mikro\t2 baris; data pribadi: pemilik, nik');

    await xlsx('next.xlsx', [HEADER, [GOOD[0]![0]!, 'Warung Bu Sri', 'Sri Wahyuni', '9999010101900001', 'kuliner', 'Ajung', new Date(Date.UTC(2019, 1, 3)), 3], ['9999000000003', 'Anyaman Kriya', 'Siti', '9999010101900003', 'kriya', 'Arjasa', null, 1]]);
    const next = await kinerja('register', 'import', 'next.xlsx', '--agency', 'dinco', '--register', 'usaha_mikro', '--store', '--json');
    expect(next.code).toBe(0);
    const json = JSON.parse(next.out);
    expect(json.preview).toEqual({
      added: { count: 1, first: ['Anyaman Kriya'] },
      changed: { count: 1, first: ['Warung Bu Sri'] },
      removed: { count: 1, first: ['Batik Pak Eko'] },
      unchanged: 0,
    });

    const csv = await kinerja('register', 'export', '--agency', 'dinco', '--register', 'usaha_mikro');
    expect(csv.out).toBe('nib,nama_usaha,sektor,kecamatan,berdiri,tenaga_kerja\n9999000000001,Warung Bu Sri,kuliner,Ajung,2019-02-03,3\n9999000000003,Anyaman Kriya,kriya,Arjasa,,1\n');
    expect(csv.out).not.toContain('9999010101900001');

    const x = await kinerja('register', 'export', '--agency', 'dinco', '--register', 'usaha_mikro', '-o', 'out.xlsx', '--with-personal');
    expect(x.code).toBe(0);
    expect(x.err).toContain('Ditulis: out.xlsx (2 baris)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['9999000000001', 'Warung Bu Sri', 'Sri Wahyuni', '9999010101900001', 'kuliner', 'Ajung', '2019-02-03', 3]);

    // what an export writes, an import reads back unchanged
    await kinerja('register', 'export', '--agency', 'dinco', '--register', 'usaha_mikro', '-o', 'back.csv', '--with-personal');
    expect((await readFile(join(dir, 'back.csv'), 'utf8')).split('\n')[0]).toBe(HEADER.join(','));
    const again = JSON.parse((await kinerja('register', 'import', 'back.csv', '--agency', 'dinco', '--register', 'usaha_mikro', '--json')).out);
    expect(again.preview).toMatchObject({ added: { count: 0 }, changed: { count: 0 }, removed: { count: 0 }, unchanged: 2 });
  }, 120_000);

  it('names an unknown register and a file of another kind', async () => {
    const r = await kinerja('register', 'export', '--agency', 'dinco', '--register', 'anggota');
    expect(r.code).toBe(1);
    expect(r.err).toBe('kinerja: perangkat daerah "dinco" tidak memiliki register "anggota"; registernya: koperasi, usaha_mikro, fasilitasi\n');
    const f = await kinerja('register', 'import', 'dinco.json', '--agency', 'dinco', '--register', 'koperasi');
    expect(f.code).toBe(1);
    expect(f.err).toContain('seharusnya berkas .csv atau .xlsx');
  }, 60_000);
});
