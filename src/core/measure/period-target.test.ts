import { describe, expect, it } from 'vitest';
import { FIXTURE_PLAN, minimalDataset } from '../dataset/fixtures.js';
import type { Dataset, Indicator } from '../dataset/schema.js';
import { measure } from './index.js';
import { periodTargetOf } from './target.js';

const UMM = `${FIXTURE_PLAN}/UMM`;
const SAKIP = `${FIXTURE_PLAN}/SAKIP`;

/** The fixture's 2025 with the year's entries of UMM and SAKIP replaced by quarterly ones. */
function midYear(change: (ds: Dataset) => void): Dataset {
  const ds = minimalDataset();
  ds.realizations = ds.realizations.filter((r) => r.indicator !== UMM && r.indicator !== SAKIP);
  ds.realizations.push(
    { indicator: UMM, year: 2025, period: 'Q1', numerator: 20, denominator: 1000 },
    { indicator: UMM, year: 2025, period: 'Q2', numerator: 30, denominator: 1000 },
    { indicator: SAKIP, year: 2025, period: 'Q2', value: 30 },
  );
  change(ds);
  return ds;
}
const plan = (ds: Dataset, id: string): Indicator => ds.plans[0]!.indicators!.find((i) => i.id === id)!;
const rowOf = (ds: Dataset, ref: string) => measure(ds, 2025).agreements[0]!.rows.find((r) => r.indicator === ref)!;

describe('the provisional realization against the target of its period', () => {
  it('measures the latest quarter against the plan’s target for that quarter; the row’s achievement stays against the year', () => {
    const ds = midYear((d) => {
      plan(d, 'UMM').periodTargets = { '2025': { Q1: 2, Q2: 4 } };
    });
    const row = rowOf(ds, UMM);
    expect(row.provisional).toBe(true);
    expect(row.realizationPeriod).toBe('Q2');
    // the year: 3 % against the agreed 70 %
    expect(row.achievement).toBeCloseTo((3 / 70) * 100, 10);
    // the quarter: 3 % against the planned 4 % for Q2
    expect(row.periodTarget).toMatchObject({ period: 'Q2', target: 4 });
    expect(row.periodTarget!.achievement).toBeCloseTo(75, 10);
    expect(row.periodTarget!.predicate).not.toBeNull();
    expect(row.periodTarget!.predicate).not.toBe(row.predicate);
  });

  it('gives none without a target for the period, for a year’s own entry, or for a category', () => {
    expect(rowOf(midYear(() => undefined), UMM).periodTarget).toBeUndefined();
    const onlyQ1 = midYear((d) => {
      plan(d, 'UMM').periodTargets = { '2025': { Q1: 2 } };
    });
    expect(rowOf(onlyQ1, UMM).periodTarget).toBeUndefined();
    const full = minimalDataset();
    plan(full, 'UMM').periodTargets = { '2025': { Q4: 70 } };
    expect(rowOf(full, UMM).periodTarget).toBeUndefined();
    expect(periodTargetOf({ ...plan(full, 'AWD'), periodTargets: { '2025': { Q2: 1 } } }, 2025, 'Q2')).toBeUndefined();
  });

  it('adds up the targets of the periods so far for an amount whose periods are separate', () => {
    const ds = midYear((d) => {
      const s = plan(d, 'SAKIP');
      s.periodValues = 'separate';
      s.periodTargets = { '2025': { Q1: 15, Q2: 25 } };
    });
    const row = rowOf(ds, SAKIP);
    expect(row.periodTarget).toMatchObject({ period: 'Q2', target: 40 });
    expect(row.periodTarget!.achievement).toBeCloseTo(75, 10);
    const sakip = plan(ds, 'SAKIP');
    expect(periodTargetOf({ ...sakip, periodTargets: { '2025': { Q2: 25 } } }, 2025, 'Q2')).toBeUndefined();
    // a separate ratio cannot add its targets
    expect(periodTargetOf({ ...plan(ds, 'UMM'), periodValues: 'separate', periodTargets: { '2025': { Q2: 4 } } }, 2025, 'Q2')).toBeUndefined();
  });
});
