import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel, Table } from '../core/document/model.js';
import { sampleDocument } from './sample.js';
import { excelNumberFormat, isFormulaLike, renderXlsx, sheetName } from './xlsx.js';

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer is what it reads
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

function tableById(doc: DocumentModel, id: string): Table {
  for (const s of doc.sections) for (const b of s.blocks) if (b.type === 'table' && b.id === id) return b;
  throw new Error(`no table ${id}`);
}

/** The `quotePrefix` flag of a cell's style, read from the file itself (exceljs does not read it). */
async function quotePrefixed(buf: Buffer, sheetIndex: number, ref: string): Promise<boolean> {
  const zip = await JSZip.loadAsync(buf);
  const sheet = (await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)?.async('string')) ?? '';
  const style = new RegExp(`<c r="${ref}"[^>]*\\ss="(\\d+)"`).exec(sheet)?.[1];
  if (style === undefined) return false;
  const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = [...xfs.matchAll(/<xf\b[^>]*>/g)][Number(style)]?.[0] ?? '';
  return /quotePrefix="1"/.test(xf);
}

describe('renderXlsx', () => {
  let buf: Buffer;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    buf = await renderXlsx(sampleDocument());
    wb = await read(buf);
  });

  it('writes one worksheet per table, named after its caption', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tabel 1.1 Anggaran dan Realisas', 'Tabel 3.2 Capaian Kinerja Tahun']);
    const ws = wb.getWorksheet('Tabel 3.2 Capaian Kinerja Tahun')!;
    expect(ws.getCell('A1').value).toBe('Tabel 3.2 Capaian Kinerja Tahun 2025 (atas Kinerja pada PK Tahun 2025 dengan Dasar Renstra 2021-2026)');
    expect(ws.getCell('A3').value).toBe('No');
    expect(ws.getCell('E3').value).toBe('Capaian Tahun 2025');
    expect(ws.getCell('E4').value).toBe('Target');
  });

  it('merges header cells as in the document', () => {
    const ws = wb.getWorksheet('Tabel 3.2 Capaian Kinerja Tahun')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges.slice().sort();
    expect(merges).toEqual(['A3:A4', 'A6:A8', 'B3:B4', 'B6:B8', 'C3:C4', 'D3:D4', 'E3:H3'].sort());
    expect(ws.getCell('A4').isMerged).toBe(true);
    expect(ws.getCell('A4').master.address).toBe('A3');
  });

  it('keeps numbers numeric with an Indonesian number format', () => {
    const t11 = wb.getWorksheet('Tabel 1.1 Anggaran dan Realisas')!;
    // caption, blank, header, two body rows, total
    expect(t11.getCell('C4').value).toBe(14543788541);
    expect(t11.getCell('C4').numFmt).toBe('[$-421]"Rp "#,##0');
    expect(t11.getCell('D4').value).toBe(12113120991.5);
    expect(t11.getCell('D4').numFmt).toBe('[$-421]"Rp "#,##0.00');
    expect(t11.getCell('C5').value).toBe(1234567.89);
    expect(t11.getCell('C5').numFmt).toBe('[$-421]#,##0.00');
    expect(t11.getCell('E4').value).toBe(83.29);
    expect(t11.getCell('E4').numFmt).toBe('[$-421]#,##0.00"%"');
    expect(t11.getCell('C6').value).toBe(26796144571.6);
    expect(t11.getCell('A6').value).toBe('Jumlah');
    expect(t11.getCell('A6').isMerged && t11.getCell('B6').master.address).toBe('A6');
    expect(t11.getCell('C6').font.bold).toBe(true);
    // an empty cell shows "-" and keeps its reason as a note
    expect(t11.getCell('D5').value).toBe('-');
    expect(JSON.stringify(t11.getCell('D5').note)).toContain('belum ada laporan realisasi');
    const t32 = wb.getWorksheet('Tabel 3.2 Capaian Kinerja Tahun')!;
    expect(t32.getCell('F5').value).toBe(66.67);
    expect(t32.getCell('G5').value).toBe(81.3);
    expect(t32.getCell('G5').numFmt).toBe('[$-421]#,##0.0"%"'); // trimmed to its one decimal
    expect(t32.getCell('G5').alignment.horizontal).toBe('right');
  });

  it('fills predicate cells with their colour', () => {
    const ws = wb.getWorksheet('Tabel 3.2 Capaian Kinerja Tahun')!;
    expect(ws.getCell('H6').value).toBe('Sangat Rendah');
    expect(ws.getCell('H6').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE06666' } });
    expect(ws.getCell('H7').fill).toMatchObject({ fgColor: { argb: 'FF9FC5E8' } });
  });

  it('neutralizes text that a spreadsheet would take for a formula', async () => {
    const doc = sampleDocument();
    const t = tableById(doc, 'tabel-1-1');
    const evil = ['=HYPERLINK("http://x","klik")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    t.body.push(evil.slice(0, 5).map((text) => ({ value: { kind: 'text', text } })));
    t.body.push([{ value: { kind: 'text', text: evil[5]! } }, { value: { kind: 'text', text: 'Program biasa' } }]);
    t.source = '=cmd|\' /C calc\'!A0';
    const out = await renderXlsx(doc);
    const ws = (await read(out)).getWorksheet('Tabel 1.1 Anggaran dan Realisas')!;
    // the rows after the two body rows (4, 5): 6 and 7, then the total row 8
    const cells = ['A6', 'B6', 'C6', 'D6', 'E6', 'A7'];
    cells.forEach((ref, i) => {
      // shown as written, as text (XML reads a carriage return back as a line feed)
      expect(ws.getCell(ref).value).toBe(evil[i]!.replace('\r', '\n'));
      expect(ws.getCell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).numFmt).toBe('@');
    });
    for (const ref of cells) expect(await quotePrefixed(out, 1, ref)).toBe(true);
    expect(await quotePrefixed(out, 1, 'B7')).toBe(false); // ordinary text is left alone
    expect(ws.getCell('A10').value).toBe('=cmd|\' /C calc\'!A0');
    expect(await quotePrefixed(out, 1, 'A10')).toBe(true);
    // nowhere a formula
    const zip = await JSZip.loadAsync(out);
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(sheet).not.toContain('<f>');
  });

  it('names sheets within Excel\'s rules, uniquely', () => {
    const taken = new Set<string>();
    expect(sheetName('Tabel 3.4 Daftar Kegiatan Fasilitasi Pemasaran Usaha Mikro', 'Tabel 1', taken)).toBe('Tabel 3.4 Daftar Kegiatan Fasil');
    expect(sheetName('Tabel 3.4 Daftar Kegiatan Fasilitasi Pemasaran Usaha Mikro', 'Tabel 2', taken)).toBe('Tabel 3.4 Daftar Kegiatan F (2)');
    // Excel compares sheet names without case
    expect(sheetName('tabel 3.4 daftar kegiatan fasil', 'Tabel 3', taken)).toBe('tabel 3.4 daftar kegiatan f (3)');
    expect(sheetName('Realisasi [2025]: A/B*C?D\\E', 'x', taken)).toBe('Realisasi 2025 A B C D E');
    expect(sheetName("'Kutipan'", 'x', taken)).toBe('Kutipan');
    expect(sheetName(undefined, 'Tabel 7', taken)).toBe('Tabel 7');
    expect(sheetName('  ', 'Tabel 8', taken)).toBe('Tabel 8');
    for (const n of taken) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('writes a sheet saying there is no table when the document has none', async () => {
    const doc = sampleDocument();
    doc.sections = doc.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.type !== 'table') }));
    const ws = (await read(await renderXlsx(doc))).worksheets;
    expect(ws.map((w) => w.name)).toEqual(['Dokumen']);
    expect(ws[0]!.getCell('A2').value).toBe('Dokumen ini tidak memuat tabel.');
  });

  it('has nothing that shows a bug in any cell', () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(String(c.value)).not.toMatch(/NaN|undefined|\[object Object\]/);
          if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
        }),
      );
    }
  });

  it('knows which texts look like formulas, and the number formats', () => {
    for (const s of ['=1', '+1', '-1', '@x', '\tx', '\rx']) expect(isFormulaLike(s)).toBe(true);
    for (const s of ['1', 'Rp 1', ' =1', 'x=1', '']) expect(isFormulaLike(s)).toBe(false);
    expect(excelNumberFormat(3, { kind: 'integer' })).toBe('[$-421]#,##0');
    expect(excelNumberFormat(87.25, { kind: 'percent', decimals: 2 })).toBe('[$-421]#,##0.00"%"');
    expect(excelNumberFormat(100, { kind: 'percent', decimals: 2, trim: true })).toBe('[$-421]#,##0"%"');
  });
});
