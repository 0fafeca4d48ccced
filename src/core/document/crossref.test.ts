import { describe, expect, it } from 'vitest';
import { literalTableNumber, resolveDocumentRefs, resolveTableRefs, tableRefsIn } from './crossref.js';
import type { Section } from './model.js';

describe('table references in prose', () => {
  it('finds {{tabel:ID}} references, spaces allowed inside the braces', () => {
    expect(tableRefsIn('lihat {{tabel:t3-4}} dan {{ tabel : t3-5 }}; {{gambar:x}} bukan')).toEqual(['t3-4', 't3-5']);
    expect(tableRefsIn('tanpa rujukan')).toEqual([]);
  });

  it('replaces each reference with its label', () => {
    expect(resolveTableRefs('({{tabel:a}}, {{tabel:b}})', (id) => (id === 'a' ? 'Tabel 3.7' : 'Tabel 3.8'))).toBe('(Tabel 3.7, Tabel 3.8)');
  });

  it('recognizes a typed table number', () => {
    expect(literalTableNumber('pelatihan (Tabel 3.7)')).toBe('Tabel 3.7');
    expect(literalTableNumber('lihat tabel 2.10 berikut')).toBe('tabel 2.10');
    expect(literalTableNumber('Tabel Kegiatan Program Prioritas')).toBeUndefined();
  });

  it('resolves the references of every paragraph, list item, heading and text cell of a document', () => {
    const sections: Section[] = [
      {
        id: 'bab-3',
        blocks: [
          { type: 'heading', level: 2, text: 'Rincian {{tabel:a}}' },
          { type: 'paragraph', content: ['Lihat ', { text: '{{tabel:a}}', bold: true }] },
          { type: 'list', ordered: true, items: [['butir ({{tabel:a}})']] },
          { type: 'table', header: [[{ value: { kind: 'text', text: 'Rujukan' } }]], body: [[{ value: { kind: 'text', text: '{{tabel:a}}' } }]] },
        ],
      },
    ];
    const out = resolveDocumentRefs(sections, () => 'Tabel 3.7');
    expect(JSON.stringify(out)).not.toContain('{{');
    expect(JSON.stringify(out).match(/Tabel 3\.7/g)).toHaveLength(4);
    expect(JSON.stringify(sections)).toContain('{{tabel:a}}'); // the input is left as it was
  });
});
