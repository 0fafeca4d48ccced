import { describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENT, minimalDataset } from '../dataset/fixtures.js';
import { review } from './index.js';
import { compareSize, groupOf, rankContradictions, sizeOf } from './rank.js';

const SCALE = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah'];

describe('groups and sizes of contradictions', () => {
  it('groups by the quantity, and by prose when no place is a table', () => {
    const t = { where: 'Tabel 3.2', subject: 'pk-2025/UMM' };
    expect(groupOf({ ...t, quantity: 'achievement' })).toBe('arithmetic');
    expect(groupOf({ ...t, quantity: 'predicate' })).toBe('predicate');
    expect(groupOf({ ...t, quantity: 'target' })).toBe('target');
    expect(groupOf({ ...t, quantity: 'total' })).toBe('totals');
    expect(groupOf({ where: 'Tabel 3.10', subject: 'agency', quantity: 'spent' })).toBe('totals');
    expect(groupOf({ ...t, quantity: 'realization' })).toBe('input');
    expect(groupOf({ where: { section: 'Ikhtisar Eksekutif', row: 'Sebanyak 1 indikator' }, subject: 'pk-2025', quantity: 'notAchievedCount' })).toBe('prose');
    expect(groupOf({ where: ['Ikhtisar Eksekutif', { table: 'Tabel 3.2' }], subject: 'pk-2025/UMM', quantity: 'achievement' })).toBe('arithmetic');
  });

  it('measures a difference absolutely and relatively, labels by steps on the scale', () => {
    expect(sizeOf(110, 100, SCALE)).toEqual({ abs: 10, rel: 10 });
    expect(sizeOf(5, 0, SCALE)).toEqual({ abs: 5, rel: Infinity });
    expect(sizeOf('Sangat Tinggi', 'sangat rendah', SCALE)).toEqual({ steps: 4 });
    expect(sizeOf(true, false, SCALE)).toEqual({ steps: 1 });
    expect(sizeOf(117, null, SCALE)).toEqual({});
    expect(sizeOf('Efisien', 'Tidak Efisien', SCALE)).toEqual({});
  });

  it('orders largest first: relative, then absolute, then steps, then no size', () => {
    const sizes = [{}, { steps: 1 }, { abs: 1, rel: 50 }, { abs: 9, rel: 50 }, { steps: 3 }, { abs: 5, rel: Infinity }, { abs: 100, rel: 0.1 }];
    expect([...sizes].sort(compareSize)).toEqual([{ abs: 5, rel: Infinity }, { abs: 9, rel: 50 }, { abs: 1, rel: 50 }, { abs: 100, rel: 0.1 }, { steps: 3 }, { steps: 1 }, {}]);
  });

  it('ranks the contradictions of a review within their groups', () => {
    const ds = minimalDataset();
    ds.claims = [
      { where: 'Tabel 3.2', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 10, raw: '10%' },
      { where: 'Tabel 3.2', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 30 },
      { where: 'Tabel 3.2', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 9.29 },
      { where: 'Tabel 2.9', subject: 'p1', quantity: 'budget', stage: 'initial', value: 120000000 },
    ];
    const groups = rankContradictions(ds.claims, review(ds, 2025), SCALE);
    const of = (k: string) => groups.find((g) => g.key === k)!.items.map((i) => i.claim);
    // 30 is further from 9,29 than 10; the agreeing third is not listed
    expect(of('arithmetic')).toEqual([1, 0]);
    expect(of('input')).toEqual([3]);
    expect(of('prose')).toEqual([]);
  });
});
