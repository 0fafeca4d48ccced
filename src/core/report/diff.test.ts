import { describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENT, FIXTURE_PLAN, minimalDataset } from '../dataset/fixtures.js';
import type { Dataset } from '../dataset/schema.js';
import { measure } from '../measure/index.js';
import { diffDatasets, diffMeasurements, formatDatasetChange } from './diff.js';

const UMM = `${FIXTURE_PLAN}/UMM`;

describe('diffDatasets', () => {
  it('finds nothing between a dataset and a copy of it with its keys in another order', () => {
    const a = minimalDataset();
    const reversed = (x: unknown): unknown =>
      Array.isArray(x) ? x.map(reversed) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).reverse().map(([k, y]) => [k, reversed(y)])) : x;
    const b = reversed(a) as Dataset; // every object's keys in reverse order
    const c = JSON.parse(JSON.stringify(minimalDataset())) as Dataset;
    expect(diffDatasets(a, b)).toEqual([]);
    expect(diffDatasets(a, c)).toEqual([]);
  });

  it('names a changed realization by its indicator and year, with the old and new value', () => {
    const a = minimalDataset();
    const b = minimalDataset();
    b.realizations[0]!.value = 7.5;
    b.realizations[0]!.numerator = 75;
    expect(diffDatasets(a, b)).toEqual([
      { kind: 'changed', path: `realizations[indicator=${UMM}, year=2025].numerator`, old: 65, new: 75 },
      { kind: 'changed', path: `realizations[indicator=${UMM}, year=2025].value`, old: 6.5, new: 7.5 },
    ]);
  });

  it('names things with an id by their id, targets by year, and sees added and removed fields and items', () => {
    const a = minimalDataset();
    const b = minimalDataset();
    b.plans[0]!.indicators![0]!.targets!['2025'] = 72;
    b.plans[0]!.indicators![0]!.note = 'direvisi';
    delete b.plans[0]!.indicators![0]!.endTarget;
    b.realizations.push({ indicator: UMM, year: 2025, period: 'Q4', value: 6.9 });
    b.realizations.splice(1, 1); // AWD's
    const changes = diffDatasets(a, b);
    const ind = `plans[id=${FIXTURE_PLAN}].indicators[id=UMM]`;
    expect(changes).toContainEqual({ kind: 'changed', path: `${ind}.targets.2025`, old: 70, new: 72 });
    expect(changes).toContainEqual({ kind: 'added', path: `${ind}.note`, value: 'direvisi' });
    expect(changes).toContainEqual({ kind: 'removed', path: `${ind}.endTarget`, value: 75 });
    expect(changes).toContainEqual({
      kind: 'removed',
      path: `realizations[indicator=${FIXTURE_PLAN}/AWD, year=2025]`,
      value: { indicator: `${FIXTURE_PLAN}/AWD`, year: 2025, category: 'Juara 2' },
    });
    expect(changes).toContainEqual({
      kind: 'added',
      path: `realizations[indicator=${UMM}, year=2025, period=Q4]`,
      value: { indicator: UMM, year: 2025, period: 'Q4', value: 6.9 },
    });
    expect(changes).toHaveLength(5);
  });

  it('matches agreement rows by goal and indicator, and reports a new order', () => {
    const a = minimalDataset();
    const b = minimalDataset();
    const rows = b.agreements[0]!.rows;
    b.agreements[0]!.rows = [rows[1]!, rows[0]!, { ...rows[2]!, target: 80 }];
    const changes = diffDatasets(a, b);
    expect(changes).toEqual([
      { kind: 'changed', path: `agreements[id=${FIXTURE_AGREEMENT}].rows[goal=T1, indicator=SAKIP].target`, old: 75, new: 80 },
      {
        kind: 'reordered',
        path: `agreements[id=${FIXTURE_AGREEMENT}].rows`,
        old: ['goal=S1, indicator=UMM', 'goal=S1, indicator=AWD', 'goal=T1, indicator=SAKIP'],
        new: ['goal=S1, indicator=AWD', 'goal=S1, indicator=UMM', 'goal=T1, indicator=SAKIP'],
      },
    ]);
  });

  it('falls back to positions where items have nothing unique, and treats a list of plain values as one value', () => {
    const a = minimalDataset();
    const b = minimalDataset();
    a.claims = [{ where: 'Bab III', subject: 'x', quantity: 'q', value: 1 }, { where: 'Bab III', subject: 'x', quantity: 'q', value: 2 }];
    b.claims = [{ where: 'Bab III', subject: 'x', quantity: 'q', value: 1 }, { where: 'Bab III', subject: 'x', quantity: 'q', value: 3 }];
    b.programs[0]!.aliases = ['Program A'];
    a.programs[0]!.aliases = ['Program B'];
    expect(diffDatasets(a, b)).toEqual([
      { kind: 'changed', path: 'programs[id=p1].aliases', old: ['Program B'], new: ['Program A'] },
      { kind: 'changed', path: 'claims[1].value', old: 2, new: 3 },
    ]);
  });

  it('writes a change as a line of text', () => {
    expect(formatDatasetChange({ kind: 'changed', path: 'x.value', old: 6.5, new: 7.5 })).toBe('~ x.value: 6.5 → 7.5');
    expect(formatDatasetChange({ kind: 'added', path: 'x.note', value: 'a' })).toBe('+ x.note: ditambahkan "a"');
    expect(formatDatasetChange({ kind: 'removed', path: 'x', value: 1 })).toBe('- x: dihapus (semula 1)');
    expect(formatDatasetChange({ kind: 'reordered', path: 'r', old: ['a', 'b'], new: ['b', 'a'] })).toBe('↕ r: urutan berubah (a; b → b; a)');
  });
});

describe('diffMeasurements', () => {
  it('is empty for the same data', () => {
    expect(diffMeasurements(measure(minimalDataset(), 2025), measure(minimalDataset(), 2025))).toEqual([]);
  });

  it('shows the row whose realization changed, with its achievement, and its goal', () => {
    const a = measure(minimalDataset(), 2025);
    const ds = minimalDataset();
    ds.realizations[0]!.value = 7.7;
    ds.realizations[0]!.numerator = 77;
    const b = measure(ds, 2025);
    const changes = diffMeasurements(a, b);
    const row = changes.find((c) => c.table === `agreement:${FIXTURE_AGREEMENT}` && c.indicator === UMM);
    const before = a.agreements[0]!.rows.find((r) => r.indicator === UMM)!;
    const after = b.agreements[0]!.rows.find((r) => r.indicator === UMM)!;
    expect(row).toMatchObject({ status: 'changed', goal: 'S1', name: 'Persentase Usaha Mikro Mandiri' });
    expect(row!.fields.map((f) => f.field)).toContain('realization');
    expect(row!.fields.find((f) => f.field === 'realization')).toEqual({ field: 'realization', old: before.realization, new: after.realization });
    expect(row!.fields.find((f) => f.field === 'achievement')).toEqual({ field: 'achievement', old: before.achievement, new: after.achievement });
    expect(before.realization).not.toEqual(after.realization);
    // the plan's own indicator row moved too; rows that did not change are not listed
    expect(changes.some((c) => c.table === 'plan' && c.indicator === UMM)).toBe(true);
    expect(changes.some((c) => c.indicator?.endsWith('/SAKIP'))).toBe(false);
  });

  it('lists added and removed rows with all their figures', () => {
    const a = measure(minimalDataset(), 2025);
    const ds = minimalDataset();
    ds.agreements[0]!.rows.pop(); // SAKIP
    const b = measure(ds, 2025);
    const removed = diffMeasurements(a, b).filter((c) => c.status === 'removed');
    expect(removed.find((c) => c.indicator?.endsWith('/SAKIP') && c.table.startsWith('agreement:'))?.fields.map((f) => f.field)).toEqual([
      'target',
      'realization',
      'achievement',
      'predicate',
    ]);
    const added = diffMeasurements(b, a).filter((c) => c.status === 'added');
    expect(added.find((c) => c.indicator?.endsWith('/SAKIP') && c.table.startsWith('agreement:'))?.fields.every((f) => f.old === null)).toBe(true);
  });
});
