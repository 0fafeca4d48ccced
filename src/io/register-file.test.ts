import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterError } from '../core/registers/rows.js';
import { readCsvRows, readRowFile, rowFileFormat, writeRowFile, xlsxCell } from './register-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-regfile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const all = async (it: AsyncIterable<{ row: number; cells: unknown[] }>) => {
  const out: [number, unknown[]][] = [];
  for await (const r of it) out.push([r.row, r.cells]);
  return out;
};

describe('register files', () => {
  it('reads CSV with a BOM and the separator of its header line (comma, semicolon, tab), quoted cells kept whole', async () => {
    for (const [name, sep] of [
      ['comma.csv', ','],
      ['semi.csv', ';'],
      ['tab.csv', '\t'],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, `\ufeffnib${sep}nama${sep}tenaga_kerja\r\n1${sep}"Toko ""Maju""${sep} Jaya"${sep}1.250\r\n2${sep}"dua\nbaris"${sep}3\r\n`);
      expect(await all(readCsvRows(path))).toEqual([
        [1, ['nib', 'nama', 'tenaga_kerja']],
        [2, ['1', `Toko "Maju"${sep} Jaya`, '1.250']],
        [3, ['2', 'dua\nbaris', '3']],
      ]);
    }
  });

  it('refuses a broken CSV with where, in both languages', async () => {
    const path = join(dir, 'broken.csv');
    await writeFile(path, 'a,b\n1,"tidak ditutup\n');
    const e = await all(readCsvRows(path)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RegisterError);
    expect((e as RegisterError).localized.id).toMatch(/bukan berkas CSV yang dapat dibaca di sekitar baris \d+/);
  });

  it('writes and reads back XLSX and CSV the same', async () => {
    const rows = [
      ['9999000000001', 'Warung', 3, null],
      ['9999000000002', 'Kedai', null, 'ya'],
    ];
    for (const name of ['w.xlsx', 'w.csv']) {
      const path = join(dir, name);
      expect(await writeRowFile(path, ['nib', 'nama', 'tenaga_kerja', 'aktif'], rows)).toBe(2);
      const back = await all(readRowFile(path));
      const norm = (c: unknown) => (c === null || c === undefined || c === '' ? null : String(c));
      expect(back.map(([, cells]) => [0, 1, 2, 3].map((i) => norm(cells[i])))).toEqual([
        ['nib', 'nama', 'tenaga_kerja', 'aktif'],
        ['9999000000001', 'Warung', '3', null],
        ['9999000000002', 'Kedai', null, 'ya'],
      ]);
    }
  });

  it('takes the format from the extension and reads XLSX cell objects as plain values', () => {
    expect(rowFileFormat('a.CSV')).toBe('csv');
    expect(rowFileFormat('a.xlsx')).toBe('xlsx');
    expect(() => rowFileFormat('a.xls')).toThrow(RegisterError);
    expect(xlsxCell({ richText: [{ text: 'Ko' }, { text: 'perasi' }] })).toBe('Koperasi');
    expect(xlsxCell({ formula: 'A1+1', result: 4 })).toBe(4);
    expect(xlsxCell({ text: 'situs', hyperlink: 'https://x' })).toBe('situs');
    expect(xlsxCell(null)).toBeNull();
  });
});
