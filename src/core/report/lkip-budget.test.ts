import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import type { Dataset } from '../dataset/schema.js';
import { spendingClasses, stageChanges, whenOf } from './lkip-budget.js';
import { createLkipContext } from './lkip-context.js';

/** The fixture with a second program that the shift adds and the first one pays for. */
function withShift(): Dataset {
  const ds = minimalDataset();
  ds.programs[2]!.budgets.push({ year: 2025, stage: 'shift', amount: 60_000_000.5 });
  ds.programs.push({ id: 'p2', level: 'program', name: 'Program Baru', budgets: [{ year: 2025, stage: 'shift', amount: 40_000_000 }], spending: [{ year: 2025, amount: 30_000_000 }] });
  return ds;
}

describe('stageChanges', () => {
  it('gives each program’s move between consecutive stages; a program absent before counts from 0', () => {
    const [c, ...rest] = stageChanges(createLkipContext(withShift(), 2025));
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ from: 'initial', to: 'shift', totalFrom: 100_000_000, totalTo: 100_000_000.5, delta: 0.5 });
    expect(c?.decreased.map((m) => [m.node, m.from, m.to, m.delta])).toEqual([['p1', 100_000_000, 60_000_000.5, -39_999_999.5]]);
    expect(c?.increased.map((m) => [m.node, m.from, m.to, m.delta])).toEqual([['p2', 0, 40_000_000, 40_000_000]]);
    // the moves add up to the change of the total
    expect((c?.increased ?? []).concat(c?.decreased ?? []).reduce((s, m) => s + m.delta, 0)).toBeCloseTo(c?.delta ?? NaN, 6);
  });

  it('is empty with one stage only', () => {
    expect(stageChanges(createLkipContext(minimalDataset(), 2025))).toEqual([]);
  });

  it('dates a note by its day, else its month', () => {
    expect(whenOf({ month: '2025-04' })).toBe('April 2025');
    expect(whenOf({ date: '2025-09-24', month: '2025-09' })).toBe('24 September 2025');
    expect(whenOf(undefined)).toBeUndefined();
  });
});

describe('spendingClasses', () => {
  it('takes the classified class as its lines and the other as the rest of the total, so they add up to it', () => {
    const ds = withShift();
    ds.expenditures = [
      { id: 'e1', year: 2025, name: 'Belanja Pegawai', ceiling: 50_000_000, realized: 45_000_000, class: 'operating' },
      { id: 'e2', year: 2025, name: 'Honor', ceiling: 10_000_000, realized: 9_000_000, class: 'operating', parent: 'e1' },
      { id: 'e3', year: 2024, name: 'Belanja Modal tahun lalu', ceiling: 99, class: 'capital' },
    ];
    const s = spendingClasses(createLkipContext(ds, 2025))!;
    expect(s.remainder).toBe('capital');
    expect(s.total).toEqual({ ceiling: 100_000_000.5, realized: 120_000_000 });
    expect(s.operating).toEqual({ ceiling: 50_000_000, realized: 45_000_000 }); // the part line e2 is not added again
    expect(s.capital).toEqual({ ceiling: 50_000_000.5, realized: 75_000_000 });
    expect(s.operating.ceiling + s.capital.ceiling).toBe(s.total.ceiling);
  });

  it('is null without a classified line of the year; a line without realization leaves the realized split unknown', () => {
    const ds = withShift();
    expect(spendingClasses(createLkipContext(ds, 2025))).toBeNull();
    ds.expenditures = [{ id: 'e1', year: 2025, name: 'Belanja Modal', ceiling: 1_000_000, class: 'capital' }];
    const s = spendingClasses(createLkipContext(ds, 2025))!;
    expect([s.capital.realized, s.operating.realized]).toEqual([null, null]);
  });
});
