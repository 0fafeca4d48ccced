import { describe, expect, it } from 'vitest';
import { sectionsWithFlowHints, withFlowHints } from './flow.js';
import type { Block, Table } from './model.js';

const para = (s: string, o: { keepWithNext?: boolean } = {}): Block => ({ type: 'paragraph', content: [s], ...o });
const table: Table = { type: 'table', header: [[{ value: { kind: 'text', text: 'No' } }]], body: [] };

describe('withFlowHints', () => {
  it('keeps a paragraph with the table, chart or list right after it, and no other', () => {
    const blocks: Block[] = [
      para('Tabel berikut:'),
      table,
      para('Sasaran:'),
      { type: 'list', ordered: false, items: [['a']] },
      para('Grafik:'),
      { type: 'chart', kind: 'bar', categories: ['a'], series: [{ name: 's', values: [1] }] },
      para('Prosa.'),
      para('Prosa lagi.'),
      { type: 'heading', level: 2, text: 'B.' },
      para('Akhir.'),
    ];
    const flagged = withFlowHints(blocks).map((b) => (b.type === 'paragraph' ? b.keepWithNext === true : null));
    expect(flagged).toEqual([true, null, true, null, true, null, false, false, null, false]);
  });

  it('leaves a paragraph that says it does not keep with the next as it is, and the blocks needing no change the same objects', () => {
    const own = para('Tabel berikut:', { keepWithNext: false });
    const prose = para('Prosa.');
    const out = withFlowHints([own, table, prose]);
    expect(out[0]).toBe(own);
    expect(out[2]).toBe(prose);
  });

  it('gives tables without an orientation the one asked, and keeps one a table names', () => {
    const named: Table = { ...table, orientation: 'section' };
    const out = withFlowHints([table, named], { tables: 'fit' });
    expect(out.map((b) => (b.type === 'table' ? b.orientation : null))).toEqual(['fit', 'section']);
    expect(withFlowHints([table])[0]).toBe(table);
    const [section] = sectionsWithFlowHints([{ id: 's', blocks: [para('Tabel:'), table] }], { tables: 'fit' });
    expect(section?.blocks.map((b) => (b.type === 'table' ? b.orientation : b.type === 'paragraph' ? b.keepWithNext : null))).toEqual([true, 'fit']);
  });
});
