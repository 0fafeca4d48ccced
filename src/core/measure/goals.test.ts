import { describe, expect, it } from 'vitest';
import type { BudgetEntry, Dataset, SpendingEntry } from '../dataset/schema.js';
import { measure } from './index.js';
import { agreement, dataset, indicator, node, plan, real, row } from './testkit.js';

const b = (amount: number): BudgetEntry => ({ year: 2025, stage: 'initial', amount });
const s = (amount: number): SpendingEntry => ({ year: 2025, amount });

const world = (fields: Partial<Dataset> = {}): Dataset =>
  dataset({
    plans: [plan(['A', 'B', 'C', 'D'].map((id) => indicator(id, { targets: { '2025': 100 } })))],
    agreements: [agreement('pk', [row('A', 100), row('B', 100), row('C', 100, 'S2'), row('D', 100)])],
    realizations: [real('A', 2025, { value: 150 }), real('B', 2025, { value: 60 }), real('C', 2025, { value: 100 })],
    programs: [
      node('p', { supports: [{ indicator: 'renstra/A' }, { indicator: 'renstra/B' }] }),
      node('k', { parent: 'p', budgets: [b(1000)], spending: [s(900)], supports: [{ indicator: 'renstra/A' }] }),
      node('q', { budgets: [b(1000)], spending: [s(500)], supports: [{ indicator: 'renstra/C' }] }),
    ],
    ...fields,
  });

describe('goals of an agreement', () => {
  it('mean of measured rows’ achievements and its predicate; efficiency against the union budget', () => {
    const r = measure(world(), 2025);
    const [s1, s2] = r.agreements[0]?.goals ?? [];
    expect(s1).toMatchObject({ goal: 'S1', achievement: 105, predicate: 'Sangat Tinggi', rows: 3, measured: 2 });
    // union of A's and B's supporting nodes: p (k counted through p) → 900 / 1000
    expect(s1).toMatchObject({ budget: 1000, spent: 900, absorption: 90, efficiency: 'Efisien' });
    expect(s2).toMatchObject({ goal: 'S2', achievement: 100, efficiency: 'Efisien', absorption: 50 });
  });
  it('with a cap, each row is capped before the mean; the row keeps its uncapped achievement', () => {
    const r = measure(world({ settings: { achievementCap: 120 } }), 2025);
    const ag = r.agreements[0];
    expect(ag?.goals[0]?.achievement).toBe(90); // (120 + 60) / 2
    expect(ag?.rows[0]).toMatchObject({ achievement: 150, achievementCapped: 120, achieved: true });
    expect(ag?.goals[0]?.efficiency).toBe('Efisien'); // 90 ≥ 90
  });
  it('a goal without a measured row has no achievement', () => {
    const ds = world();
    ds.agreements[0]?.rows.push(row('D', 100, 'T1'));
    const g = measure(ds, 2025).agreements[0]?.goals.find((x) => x.goal === 'T1');
    expect(g).toMatchObject({ achievement: null, predicate: null, efficiency: null, measured: 0 });
  });
  it('summary counts rows: achieved, not achieved, unmeasured', () => {
    expect(measure(world(), 2025).agreements[0]?.summary).toEqual({ rows: 4, achieved: 2, notAchieved: 1, unmeasured: 1 });
  });
});
