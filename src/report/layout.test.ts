import { describe, expect, it } from 'vitest';
import type { Cell, DocumentModel, Table } from '../core/document/model.js';
import { cellAlign, cellText, formatNumeric, headingAnchors, layoutGrid, layoutTable, normalizeFill, pageStyleOf, shownDecimals, textColorOn } from './layout.js';
import { sampleDocument } from './sample.js';

const t = (text: string, extra: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text }, ...extra });

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
