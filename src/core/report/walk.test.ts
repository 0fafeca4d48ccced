import { describe, expect, it } from 'vitest';
import type { Cell, DocumentModel, Table } from '../document/model.js';
import { documentProblems, rowWidths, tableGrid } from './walk.js';

const t = (s: string, o: Partial<Cell> = {}): Cell => ({ value: { kind: 'text', text: s }, ...o });
const n = (v: number): Cell => ({ value: { kind: 'number', value: v, format: { kind: 'integer' } } });

function docWith(table: Omit<Table, 'type'>, extra: DocumentModel['sections'][number]['blocks'] = []): DocumentModel {
  return {
    title: 'Uji',
    agency: 'Dinas Uji',
    year: 2025,
    language: 'id',
    sections: [{ id: 's', blocks: [{ type: 'table', ...table }, ...extra] }],
  };
}

describe('rowWidths and tableGrid', () => {
  it('carries row spans into the rows below', () => {
    const rows: Cell[][] = [
      [t('a', { rowSpan: 3 }), t('b'), t('c')],
      [t('d'), t('e')],
      [t('f', { colSpan: 2 })],
      [t('g'), t('h'), t('i')],
    ];
    expect(rowWidths(rows)).toEqual([3, 3, 3, 3]);
    const grid = tableGrid(rows);
    expect(grid.map((r) => r.map((c) => (c.value.kind === 'text' ? c.value.text : '?')).join(''))).toEqual(['abc', 'ade', 'aff', 'ghi']);
  });

  it('sees a row that is one cell short under a span', () => {
    const rows: Cell[][] = [
      [t('a', { rowSpan: 2 }), t('b'), t('c')],
      [t('d'), t('e'), t('x')],
    ];
    expect(rowWidths(rows)).toEqual([3, 4]);
  });
});

describe('documentProblems', () => {
  const header = [[t('A'), t('B')]];

  it('accepts a sound document', () => {
    expect(documentProblems(docWith({ header, body: [[t('x'), n(1)]], footer: [[t('Jumlah'), n(1)]] }))).toEqual([]);
  });

  it('reports an empty table', () => {
    expect(documentProblems(docWith({ caption: 'Tabel 1.1 Kosong', header, body: [] }))).toEqual([expect.stringContaining('no body rows')]);
  });

  it('reports placeholder text and non-finite numbers', () => {
    const p = documentProblems(
      docWith({ header, body: [[t('NaN'), n(Number.NaN)]] }, [{ type: 'paragraph', content: ['realisasi ', { text: 'undefined' }, '%'] }]),
    );
    expect(p.some((x) => x.includes('placeholder text "NaN"'))).toBe(true);
    expect(p.some((x) => x.includes('non-finite number'))).toBe(true);
    expect(p.some((x) => x.includes('placeholder text "realisasi undefined%"'))).toBe(true);
  });

  it('does not take words that merely contain a placeholder for one', () => {
    expect(documentProblems(docWith({ header, body: [[t('Nullam undefinedness'), n(2)]] }))).toEqual([]);
  });

  it('reports rows of different widths and widths that do not match the columns', () => {
    const p = documentProblems(docWith({ header, body: [[t('x'), n(1), n(2)]], widths: [50, 50] }));
    expect(p.some((x) => x.includes('different numbers of columns'))).toBe(true);
  });

  it('reports a chart whose series do not match its categories', () => {
    const p = documentProblems(
      docWith({ header, body: [[t('x'), n(1)]] }, [{ type: 'chart', kind: 'bar', categories: ['a', 'b'], series: [{ name: 's', values: [1] }] }]),
    );
    expect(p).toEqual([expect.stringContaining('has 1 values for 2 categories')]);
  });
});
