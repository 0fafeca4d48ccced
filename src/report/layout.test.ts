import { describe, expect, it } from 'vitest';
import type { Block, Cell, DocumentModel, Table } from '../core/document/model.js';
import {
  cellAlign,
  cellText,
  columnNeedsMm,
  estimateTableHeightMm,
  keepTogether,
  KEEP_TOGETHER_ROWS,
  textHeightMm,
  wrappedLines,
  fitWidths,
  formatNumeric,
  headingAnchors,
  layoutGrid,
  layoutTable,
  MAX_WORD_SHARE,
  normalizeFill,
  pageStyleOf,
  shownDecimals,
  TABLE_CELL_PADDING_MM,
  TABLE_FONT_PT,
  TABLE_MIN_FONT_PT,
  tableTextWidthMm,
  textColorOn,
  textWidthMm,
  unbreakablePieces,
  wantsLandscape,
  withLandscapeParts,
} from './layout.js';
import { sampleDocument } from './sample.js';

const t = (text: string, extra: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text }, ...extra });
const rp = (value: number): Cell => ({ value: { kind: 'number', value, format: { kind: 'rupiah' } } });
const pct = (value: number): Cell => ({ value: { kind: 'number', value, format: { kind: 'percent', decimals: 2, trim: true } } });

function sampleTable(id: string): Table {
  for (const s of sampleDocument().sections) for (const b of s.blocks) if (b.type === 'table' && b.id === id) return b;
  throw new Error(`no table ${id} in the sample`);
}

describe('cell values', () => {
  it('formats numbers the Indonesian way by their format', () => {
    expect(formatNumeric(1234567.891, { kind: 'number', decimals: 2 }, 'x')).toBe('1.234.567,89');
    expect(formatNumeric(87.25, { kind: 'percent', decimals: 2 }, 'x')).toBe('87,25%');
    expect(formatNumeric(81.3, { kind: 'percent', decimals: 2, trim: true }, 'x')).toBe('81,3%');
    expect(formatNumeric(26796144571.6, { kind: 'rupiah' }, 'x')).toBe('Rp 26.796.144.571,60');
    expect(formatNumeric(18554889800, { kind: 'rupiah' }, 'x')).toBe('Rp 18.554.889.800');
    expect(formatNumeric(21094.4, { kind: 'integer' }, 'x')).toBe('21.094');
    expect(cellText({ kind: 'empty', reason: 'tidak ada data' }, 'x')).toBe('-');
    expect(cellText({ kind: 'text', text: 'Tinggi' }, 'x')).toBe('Tinggi');
  });

  it('refuses a non-finite number, saying where', () => {
    expect(() => formatNumeric(Number.NaN, { kind: 'percent', decimals: 2 }, 'table "Tabel 3.2" body row 2, column 5')).toThrow(
      /Tabel 3\.2" body row 2, column 5: expected a finite number, got NaN/,
    );
    expect(() => cellText({ kind: 'number', value: Infinity, format: { kind: 'integer' } }, 'here')).toThrow(/here: .*Infinity/);
  });

  it('counts the decimals a number is shown with', () => {
    expect(shownDecimals(81.3, { kind: 'percent', decimals: 2, trim: true })).toBe(1);
    expect(shownDecimals(81.3, { kind: 'percent', decimals: 2 })).toBe(2);
    expect(shownDecimals(144, { kind: 'number', decimals: 2, trim: true })).toBe(0);
    expect(shownDecimals(12113120991.5, { kind: 'rupiah' })).toBe(2);
    expect(shownDecimals(14543788541, { kind: 'rupiah' })).toBe(0);
    expect(shownDecimals(3.7, { kind: 'integer' })).toBe(0);
  });

  it('aligns numbers right, empty marks and header text centred, text left, unless asked', () => {
    expect(cellAlign({ value: { kind: 'number', value: 1, format: { kind: 'integer' } } }, false)).toBe('right');
    expect(cellAlign({ value: { kind: 'empty' } }, false)).toBe('center');
    expect(cellAlign(t('Target'), true)).toBe('center');
    expect(cellAlign(t('Indikator'), false)).toBe('left');
    expect(cellAlign(t('Tinggi', { align: 'right' }), false)).toBe('right');
  });
});

describe('fill colours', () => {
  it('accepts CSS hex only and normalizes it', () => {
    expect(normalizeFill('#9fc5e8', 'x')).toBe('9FC5E8');
    expect(normalizeFill('abc', 'x')).toBe('AABBCC');
    expect(() => normalizeFill('red', 'cell A')).toThrow(/cell A: expected a fill colour as CSS hex/);
    expect(() => normalizeFill('#fff;background:url(x)', 'cell B')).toThrow(/cell B/);
  });

  it('picks black text on light fills and white on dark ones', () => {
    expect(textColorOn('9FC5E8')).toBe('000000');
    expect(textColorOn('FFF2CC')).toBe('000000');
    expect(textColorOn('1F4E79')).toBe('FFFFFF');
    expect(textColorOn('000000')).toBe('FFFFFF');
  });
});

describe('table grid', () => {
  it('places a two-row header with row and column spans', () => {
    const layout = layoutTable(sampleTable('tabel-3-2'));
    expect(layout.columns).toBe(8);
    const h = layout.header;
    expect(h.byRow[0]?.map((p) => [p.col, p.rowSpan, p.colSpan])).toEqual([
      [0, 2, 1],
      [1, 2, 1],
      [2, 2, 1],
      [3, 2, 1],
      [4, 1, 4],
    ]);
    // the second header row starts under "Capaian Tahun 2025"
    expect(h.byRow[1]?.map((p) => p.col)).toEqual([4, 5, 6, 7]);
    expect(h.cover[1]?.[0]?.row).toBe(0); // covered by "No" from the row above
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('places body cells after cells merged down from above', () => {
    const body = layoutTable(sampleTable('tabel-3-2')).body;
    expect(body.byRow[2]?.[0]?.col).toBe(2); // "Persentase koperasi sehat" sits in the indicator column
    expect(body.cover[3]?.[1]?.cell.value).toEqual({ kind: 'text', text: 'Meningkatkan pertumbuhan usaha mikro dan koperasi' });
    expect(body.byRow.every((row) => row.every((p) => !p.filler))).toBe(true);
  });

  it('pads short rows with filler cells', () => {
    const g = layoutGrid([[t('a'), t('b'), t('c')], [t('d')]], 3, 'x');
    expect(g.byRow[1]?.map((p) => [p.col, p.filler])).toEqual([
      [0, false],
      [1, true],
      [2, true],
    ]);
    expect(g.byRow[1]?.[1]?.cell.value).toEqual({ kind: 'text', text: '' });
  });

  it('says where a span does not fit', () => {
    expect(() => layoutGrid([[t('a', { rowSpan: 3 })], [t('b')]], 1, 'table "T" header')).toThrow(
      /table "T" header row 1, cell 1: rowSpan 3 reaches past the last row \(2\)/,
    );
    expect(() => layoutGrid([[t('a', { colSpan: 0 })]], 1, 'T')).toThrow(/colSpan as a whole number ≥ 1, got 0/);
    const bad: Table = { type: 'table', caption: 'Tabel 9', header: [[t('a'), t('b')]], body: [], widths: [1, 2, 3] };
    expect(() => layoutTable(bad)).toThrow(/table "Tabel 9": widths lists 3 columns, the table has 2/);
  });
});

describe('headings and pages', () => {
  it('gives every heading a unique anchor', () => {
    const doc: DocumentModel = {
      title: 'T',
      agency: 'A',
      year: 2025,
      language: 'id',
      sections: [
        {
          id: 's',
          blocks: [
            { type: 'heading', level: 1, text: 'BAB I PENDAHULUAN' },
            { type: 'heading', level: 2, text: 'A. Latar Belakang' },
            { type: 'heading', level: 2, text: 'A. Latar Belakang' },
            { type: 'heading', level: 2, text: 'Lain', id: 'lain', toc: false },
          ],
        },
      ],
    };
    const ids = [...headingAnchors(doc).values()].map((e) => [e.id, e.inToc]);
    expect(ids).toEqual([
      ['h-bab-i-pendahuluan', true],
      ['h-a-latar-belakang', true],
      ['h-a-latar-belakang-2', true],
      ['lain', false],
    ]);
  });

  it('takes a section\'s orientation over the document\'s, and arabic numbering by default', () => {
    const doc = sampleDocument();
    const [foreword, , bab1, bab3] = doc.sections;
    expect(pageStyleOf(doc, foreword!)).toEqual({ numbering: 'roman', orientation: 'portrait' });
    expect(pageStyleOf(doc, bab3!)).toEqual({ numbering: 'arabic', orientation: 'landscape' });
    expect(pageStyleOf({ ...doc, orientation: 'landscape' }, { ...bab1!, numbering: undefined })).toEqual({ numbering: 'arabic', orientation: 'landscape' });
  });
});

describe('column widths on the page', () => {
  const PADDING = 2 * TABLE_CELL_PADDING_MM.x;
  const LONG = 'Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau Lapangan';
  /** millimetres of each column of a layout on a page of `page` mm */
  const mmOf = (widths: number[], page: number): number[] => widths.map((w) => w * page);

  it('takes the width of the text between the margins: 160 mm portrait, 257 mm landscape', () => {
    expect(textWidthMm('portrait')).toBe(160);
    expect(textWidthMm('landscape')).toBe(257);
  });

  it('measures text with Arial\'s advance widths, bold wider', () => {
    // R 722, p 556, space 278, 13 digits × 556, 3 dots × 278, comma 278 = 9896/1000 em; 1 em at 9 pt = 3.175 mm
    expect(tableTextWidthMm('Rp 26.796.144.571,60', false)).toBeCloseTo((9896 / 1000) * 9 * (25.4 / 72), 9);
    // bold: p 611 instead of 556
    expect(tableTextWidthMm('Rp 26.796.144.571,60', true)).toBeCloseTo((9951 / 1000) * 9 * (25.4 / 72), 9);
    expect(tableTextWidthMm('Satuan', true)).toBeGreaterThan(tableTextWidthMm('Satuan', false));
    expect(tableTextWidthMm('Satuan', false, 7)).toBeCloseTo((tableTextWidthMm('Satuan', false) * 7) / 9, 9);
  });

  it('breaks text at spaces and after a hyphen, not at a slash or a dot', () => {
    expect(unbreakablePieces('Sub-Kegiatan Listrik/Penerangan  2.17.06.2.01.0005\nJember 2021-2026')).toEqual([
      'Sub-',
      'Kegiatan',
      'Listrik/Penerangan',
      '2.17.06.2.01.0005',
      'Jember',
      '2021-',
      '2026',
    ]);
    expect(unbreakablePieces('-')).toEqual(['-']);
  });

  it('keeps the model\'s widths without a page, and where every cell fits them', () => {
    const table: Table = { type: 'table', header: [[t('No'), t('Uraian'), t('Jumlah')]], body: [[t('1'), t(LONG), pct(81.3)]], widths: [10, 60, 30] };
    expect(layoutTable(table).widths).toEqual([0.1, 0.6, 0.3]);
    expect(layoutTable(table, 'portrait').widths).toEqual([0.1, 0.6, 0.3]);
    expect(layoutTable(table, 'portrait').fontPt).toBe(TABLE_FONT_PT);
  });

  it('sizes a table without widths to its content: Rupiah columns as wide as their widest value, the text column the rest', () => {
    const values = [
      [26796144571.6, 22427040122.76, -4369104448.84],
      [266295500, 252712100, -135861700],
    ];
    const table: Table = {
      type: 'table',
      header: [[t('No'), t('Program / Kegiatan / Sub Kegiatan'), t('Pagu'), t('Realisasi'), t('Sisa')]],
      body: values.map((row, i) => [t(`1.${i + 1}`), t(LONG), ...row.map(rp)]),
    };
    const equal = 160 / 5;
    const widest = tableTextWidthMm('Rp 26.796.144.571,60', false) + PADDING;
    expect(widest).toBeGreaterThan(equal); // equal widths squeeze it: the problem
    const layout = layoutTable(table, 'portrait');
    expect(layout.fontPt).toBe(TABLE_FONT_PT);
    const mm = mmOf(layout.widths, 160);
    expect(mm.reduce((a, b) => a + b, 0)).toBeCloseTo(160, 9);
    // each Rupiah column holds its widest value, the minus sign and the padding included
    expect(mm[2]).toBeGreaterThanOrEqual(widest);
    expect(mm[3]).toBeGreaterThanOrEqual(tableTextWidthMm('Rp 22.427.040.122,76', false) + PADDING);
    expect(mm[4]).toBeGreaterThanOrEqual(tableTextWidthMm('-Rp 4.369.104.448,84', false) + PADDING);
    // numbers and the short "No" column get what they need and no more; the long text the rest
    const needs = columnNeedsMm(layout, 160);
    for (const c of [0, 2, 3, 4]) expect(mm[c]).toBeCloseTo(needs.need[c]!, 9);
    expect(mm[1]).toBeCloseTo(160 - mm[0]! - mm[2]! - mm[3]! - mm[4]!, 9);
    expect(mm[1]).toBeGreaterThan(equal);
  });

  it('widens a Rupiah column the author made too narrow, taking the room from the columns that have it', () => {
    const table: Table = {
      type: 'table',
      header: [[t('No'), t('Uraian'), t('Pagu')]],
      body: [[t('1'), t(LONG), rp(26796144571.6)]],
      widths: [20, 60, 20],
    };
    const mm = mmOf(layoutTable(table, 'portrait').widths, 160);
    const needs = columnNeedsMm(layoutTable(table, 'portrait'), 160);
    expect(mm[2]).toBeCloseTo(needs.need[2]!, 9);
    // the 32 mm the author gave "No" and the 96 mm of the text gave in proportion to their room
    expect((32 - mm[0]!) / (96 - mm[1]!)).toBeCloseTo((32 - needs.need[0]!) / (96 - needs.need[1]!), 9);
  });

  it('shares the room of a table without widths among its text columns by how much text they hold', () => {
    const table: Table = {
      type: 'table',
      header: [[t('No'), t('Sasaran'), t('Indikator'), t('2025')]],
      body: [[t('1'), t(LONG + ' ' + LONG), t('Nilai SAKIP'), pct(100)]],
    };
    const layout = layoutTable(table, 'portrait');
    const needs = columnNeedsMm(layout, 160);
    expect(needs.natural[1]).toBeCloseTo(160, 9); // unwrapped, wider than the page: capped
    const mm = mmOf(layout.widths, 160);
    expect(mm[3]).toBeCloseTo(needs.need[3]!, 9);
    expect(mm[1]).toBeGreaterThan(3 * mm[2]!);
    expect(mm.reduce((a, b) => a + b, 0)).toBeCloseTo(160, 9);
  });

  it('does not break a header word: a narrow "No" or "Satuan" column gets its bold word', () => {
    const years = ['2021', '2022', '2023', '2024', '2025', '2026'];
    const table: Table = {
      type: 'table',
      header: [
        [t('No', { rowSpan: 2 }), t('Tujuan / Sasaran', { rowSpan: 2 }), t('Indikator', { rowSpan: 2 }), t('Satuan', { rowSpan: 2 }), t('Target Kinerja pada Tahun', { colSpan: 6 })],
        years.map((y) => t(y)),
      ],
      body: [[t('1'), t(LONG), t(LONG), t('%'), ...years.map(() => pct(100))]],
      widths: [3, 36, 36, 5, 6, 6, 6, 6, 6, 6],
    };
    const mm = mmOf(layoutTable(table, 'portrait').widths, 160);
    expect(mm[0]).toBeGreaterThanOrEqual(tableTextWidthMm('No', true) + PADDING);
    expect(mm[3]).toBeGreaterThanOrEqual(tableTextWidthMm('Satuan', true) + PADDING);
    expect(layoutTable(table, 'portrait').fontPt).toBe(TABLE_FONT_PT);
    for (let c = 4; c < 10; c++) expect(mm[c]).toBeGreaterThanOrEqual(tableTextWidthMm('100%', false) + PADDING);
    // a header spanning the year columns: its longest word fits them together
    expect(mm.slice(4).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(tableTextWidthMm('Kinerja', true) + PADDING);
  });

  it('lets a word longer than the cap break, so a long address does not take the page', () => {
    const url = 'https://sakip.jemberkab.go.id/dokumen/laporan-kinerja-dinas-koperasi-dan-usaha-mikro-2025.pdf';
    const table: Table = { type: 'table', header: [[t('No'), t('Sumber')]], body: [[t('1'), t(url)]], widths: [50, 50] };
    const layout = layoutTable(table, 'portrait');
    expect(columnNeedsMm(layout, 160).need[1]).toBeCloseTo(MAX_WORD_SHARE * 160, 9);
    expect(layout.widths).toEqual([0.5, 0.5]); // 80 mm each: both fit
  });

  it('sets a table in smaller type when its needs exceed the page at the usual size', () => {
    // five columns of large Rupiah sums, about 36 mm each at 9 pt: 180 mm on a 160 mm page
    const row = [t('Jumlah', { bold: true }), ...[1, 2, 3, 4, 5].map((k) => rp(16796144571.6 * k))];
    const table: Table = { type: 'table', header: [[t('Uraian'), t('A'), t('B'), t('C'), t('D'), t('E')]], body: [row] };
    expect(columnNeedsMm(layoutTable(table), 160).need.reduce((a, b) => a + b, 0)).toBeGreaterThan(160);
    const layout = layoutTable(table, 'portrait');
    expect(layout.fontPt).toBeLessThan(TABLE_FONT_PT);
    expect(layout.fontPt).toBeGreaterThanOrEqual(TABLE_MIN_FONT_PT);
    // the largest size that fits: half a point larger does not
    expect(columnNeedsMm(layout, 160, layout.fontPt + 0.5).need.reduce((a, b) => a + b, 0)).toBeGreaterThan(160);
    const needs = columnNeedsMm(layout, 160, layout.fontPt).need;
    mmOf(layout.widths, 160).forEach((w, i) => expect(w).toBeGreaterThanOrEqual(needs[i]! - 1e-9));
  });

  it('when even the smallest type does not fit: numbers whole, text columns share what is left up to a common width', () => {
    const needs = { need: [20, 60, 30, 40], firm: [3.6, 3.6, 30, 40], natural: [20, 60, 30, 40] };
    const mm = mmOf(fitWidths([0.25, 0.25, 0.25, 0.25], needs, 120), 120);
    expect(mm[2]).toBeCloseTo(30, 9);
    expect(mm[3]).toBeCloseTo(40, 9);
    // 50 mm left: the narrow text column keeps its 20, the wide one gets the other 30
    expect(mm[0]).toBeCloseTo(20, 9);
    expect(mm[1]).toBeCloseTo(30, 9);
    // 36 mm left: both text columns at 18
    const tight = mmOf(fitWidths([0.25, 0.25, 0.25, 0.25], needs, 106), 106);
    expect(tight[0]).toBeCloseTo(18, 9);
    expect(tight[1]).toBeCloseTo(18, 9);
  });

  it('gives widths in proportion to the needs when the numbers alone exceed the page', () => {
    expect(fitWidths([0.5, 0.25, 0.25], { need: [40, 60, 100], firm: [40, 60, 100], natural: [40, 60, 100] }, 160)).toEqual([0.2, 0.3, 0.5]);
    const row = Array.from({ length: 8 }, (_, k) => rp(-26796144571.6 * (k + 1)));
    const table: Table = { type: 'table', header: [row.map((_, k) => t(`Kolom ${k + 1}`))], body: [row] };
    const layout = layoutTable(table, 'portrait');
    expect(layout.fontPt).toBe(TABLE_MIN_FONT_PT);
    const needs = columnNeedsMm(layout, 160, TABLE_MIN_FONT_PT).need;
    const sum = needs.reduce((a, b) => a + b, 0);
    layout.widths.forEach((w, i) => expect(w).toBeCloseTo(needs[i]! / sum, 12));
  });
});

describe('keeping a table on one page', () => {
  const words = (n: number): string => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');

  it('wraps text the way lines break: between words, a long word anywhere', () => {
    const one = tableTextWidthMm('kata0 kata1', false, 9);
    expect(wrappedLines('kata0 kata1', one + 0.1, false, 9)).toBe(1);
    expect(wrappedLines('kata0 kata1', one - 0.1, false, 9)).toBe(2);
    expect(wrappedLines('satu\ndua', 100, false, 9)).toBe(2);
    const long = 'x'.repeat(40);
    expect(wrappedLines(long, tableTextWidthMm(long, false, 9) / 3.5, false, 9)).toBe(4);
  });

  it('estimates a table as tall as its wrapped rows, growing with its text', () => {
    const short: Table = { type: 'table', header: [[t('No'), t('Uraian')]], body: [[t('1'), t(words(3))]], widths: [1, 9] };
    const long: Table = { ...short, body: [[t('1'), t(words(300))]] };
    const a = estimateTableHeightMm(layoutTable(short, 'portrait'), 'portrait');
    const b = estimateTableHeightMm(layoutTable(long, 'portrait'), 'portrait');
    // two one-line rows: two lines of 9 pt at 1.25 and their padding
    expect(a).toBeCloseTo(2 * (9 * 1.25 * (25.4 / 72) + 2 * TABLE_CELL_PADDING_MM.y), 5);
    expect(b).toBeGreaterThan(5 * a);
  });

  it('keeps a small table together, but not one taller than the page, nor one with many rows', () => {
    const small: Table = { type: 'table', caption: 'Tabel 1', header: [[t('No'), t('Uraian')]], body: [[t('1'), t(words(20))]] };
    expect(keepTogether(layoutTable(small, 'portrait'), 'portrait', small.caption)).toBe(true);
    // four rows, each of a long formula: fewer than KEEP_TOGETHER_ROWS rows, taller than a page
    const tall: Table = { ...small, body: Array.from({ length: 4 }, (_, i) => [t(String(i + 1)), t(words(400))]) };
    const layout = layoutTable(tall, 'portrait');
    expect(estimateTableHeightMm(layout, 'portrait', tall.caption)).toBeGreaterThan(textHeightMm('portrait'));
    expect(keepTogether(layout, 'portrait', tall.caption)).toBe(false);
    const many: Table = { ...small, body: Array.from({ length: KEEP_TOGETHER_ROWS }, (_, i) => [t(String(i + 1)), t('a')]) };
    expect(keepTogether(layoutTable(many, 'portrait'), 'portrait')).toBe(false);
  });
});

describe('landscape parts for wide tables (issue 11)', () => {
  const txt = (s: string): Cell => ({ value: { kind: 'text', text: s } });
  const rp = (v: number): Cell => ({ value: { kind: 'number', value: v, format: { kind: 'rupiah' } } });
  // seven rupiah columns of billions cannot fit 160 mm even at 8 pt; two short columns fit easily
  const wide: Table = { type: 'table', caption: 'Tabel 3.24 Realisasi', header: [['No', 'Uraian', 'A', 'B', 'C', 'D', 'E', 'F', 'G'].map(txt)], body: [[txt('1'), txt('Program'), ...[1, 2, 3, 4, 5, 6, 7].map(() => rp(6_370_874_771.6))]], orientation: 'fit' };
  const narrow: Table = { type: 'table', header: [[txt('No'), txt('Uraian')]], body: [[txt('1'), txt('Program')]], orientation: 'fit' };
  const para = (s: string, o: { keepWithNext?: boolean; style?: 'note' } = {}): Block => ({ type: 'paragraph', content: [s], ...o });

  it('wants landscape for a table asking for it, or asking to fit and too wide for portrait at the smallest portrait type', () => {
    expect(wantsLandscape(wide)).toBe(true);
    expect(wantsLandscape(narrow)).toBe(false);
    expect(wantsLandscape({ ...wide, orientation: undefined })).toBe(false); // the section's page, type made smaller
    expect(wantsLandscape({ ...wide, orientation: 'section' })).toBe(false);
    expect(wantsLandscape({ ...narrow, orientation: 'landscape' })).toBe(true);
  });

  it('puts the table, its heading and introduction before and its notes after, on a landscape part of its own; the rest stays portrait', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, text: 'BAB III' },
      para('Prosa panjang.'),
      { type: 'heading', level: 2, text: 'E. AKUNTABILITAS KEUANGAN' },
      para('Tabel berikut:', { keepWithNext: true }),
      wide,
      para('Catatan tabel.', { style: 'note' }),
      para('Prosa sesudahnya.'),
      narrow,
    ];
    const doc: DocumentModel = { title: 'T', agency: 'A', year: 2025, language: 'id', orientation: 'portrait', sections: [{ id: 'bab-3', title: 'BAB III', newPage: true, numbering: 'arabic', blocks }] };
    const split = withLandscapeParts(doc);
    expect(split.sections.map((s) => [s.id, s.orientation, s.newPage, s.title, s.numbering, s.blocks.length])).toEqual([
      ['bab-3', undefined, true, 'BAB III', 'arabic', 2],
      ['bab-3-2', 'landscape', undefined, undefined, 'arabic', 4],
      ['bab-3-3', undefined, undefined, undefined, 'arabic', 2],
    ]);
    // the same block objects, so headings keep their anchors
    expect(split.sections[1]?.blocks[0]).toBe(blocks[2]);
    expect(split.sections[1]?.blocks[2]).toBe(wide);
    // splitting again changes nothing; a document with nothing to split comes back as it is
    expect(withLandscapeParts(split).sections).toEqual(split.sections);
    const plain: DocumentModel = { ...doc, sections: [{ id: 'x', blocks: [para('a'), narrow] }] };
    expect(withLandscapeParts(plain)).toBe(plain);
    // a landscape section keeps its wide tables
    const landscape: DocumentModel = { ...doc, sections: [{ id: 'x', orientation: 'landscape', blocks: [para('a'), wide] }] };
    expect(withLandscapeParts(landscape)).toBe(landscape);
  });

  it('gives consecutive wide tables one part, and a section opening with one a landscape first part with its id and title', () => {
    const doc: DocumentModel = {
      title: 'T', agency: 'A', year: 2025, language: 'id',
      sections: [{ id: 'lampiran', title: 'Lampiran', newPage: true, blocks: [{ type: 'heading', level: 2, text: 'Lampiran 1' }, wide, para('Dan:', { keepWithNext: true }), wide, para('Akhir.')] }],
    };
    const split = withLandscapeParts(doc);
    expect(split.sections.map((s) => [s.id, s.orientation, s.newPage, s.title, s.blocks.length])).toEqual([
      ['lampiran', 'landscape', true, 'Lampiran', 4],
      ['lampiran-2', undefined, undefined, undefined, 1],
    ]);
  });
});
