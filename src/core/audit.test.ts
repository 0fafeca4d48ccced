import { describe, expect, it } from 'vitest';
import { describeChanges, fieldLabel, valueText } from './audit.js';

describe('audit changes in words', () => {
  it('names a changed realization field by field, numbers the Indonesian way', () => {
    const before = { indicator: 'renstra-2025-2029/UM', year: 2025, period: 'Q1', numerator: 1200.5, denominator: 2262, state: 'draft' };
    const after = { ...before, numerator: 1250, state: 'submitted', evidence: ['foto.pdf'] };
    const { changes, more } = describeChanges(before, after);
    expect(more).toBe(0);
    expect(changes.map((c) => [c.field.id, c.before?.id ?? null, c.after?.id ?? null])).toEqual([
      ['pembilang', '1.200,5', '1.250'],
      ['status alur kerja', 'draf', 'diajukan'],
      ['bukti', null, 'foto.pdf'],
    ]);
  });

  it('lists the fields of a record created or removed as a whole', () => {
    const created = describeChanges(null, { year: 2025, value: 84.5, evaluator: 'Inspektorat' });
    expect(created.changes.map((c) => [c.field.id, c.before, c.after?.id])).toEqual([
      ['tahun', null, '2025'],
      ['nilai', null, '84,5'],
      ['evaluator', null, 'Inspektorat'],
    ]);
    const removed = describeChanges({ text: 'Perbaiki IKU' }, null);
    expect(removed.changes).toEqual([{ field: { en: 'text', id: 'uraian' }, before: { en: 'Perbaiki IKU', id: 'Perbaiki IKU' }, after: null }]);
  });

  it('names rows matched by what identifies them, without ids', () => {
    const before = { rows: [{ goal: 'S1', indicator: 'IKU_1', target: 80 }, { goal: 'S1', indicator: 'IKU_2', target: 50 }] };
    const after = { rows: [{ goal: 'S1', indicator: 'IKU_1', target: 85 }, { goal: 'S1', indicator: 'IKU_2', target: 50 }] };
    const { changes } = describeChanges(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.field.id).toBe('baris, target');
    expect(changes[0]!.field.id).not.toMatch(/IKU_1|S1|=/);
    expect(fieldLabel('targets.2025').id).toBe('target, 2025');
    expect(fieldLabel('budgets[year=2025, stage=initial].amount').id).toBe('anggaran, 2025, jumlah');
  });

  it('caps a long list and says how many more', () => {
    const before = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i + 1]));
    const r = describeChanges(before, after, { limit: 10 });
    expect(r.changes).toHaveLength(10);
    expect(r.more).toBe(40);
  });

  it('names references and periods through the labels', () => {
    const labels = { ref: (r: string) => (r === 'renstra/UM' ? { en: 'Share of micro businesses', id: 'Persentase usaha mikro' } : null), record: () => ({ en: '', id: '' }), path: () => ({ en: '', id: '' }), diffPath: () => ({ en: '', id: '' }) };
    const { changes } = describeChanges(null, { indicator: 'renstra/UM', period: 'Q3', year: 2025 }, { labels });
    expect(changes.map((c) => c.after?.id)).toEqual(['Persentase usaha mikro', 'Triwulan III', '2025']);
  });

  it('writes values as a reader reads them', () => {
    expect(valueText(true).id).toBe('ya');
    expect(valueText(1234567.891).id).toBe('1.234.567,891');
    expect(valueText(['a', 'b']).id).toBe('a; b');
    expect(valueText({ name: 'Budi', nip: '1970' }).id).toBe('nama: Budi; NIP: 1970');
  });
});
