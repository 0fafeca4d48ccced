import { describe, expect, it } from 'vitest';
import { minimalDataset, FIXTURE_PLAN } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { agencyBudget } from '../measure/budget.js';
import { setBudgets, setSpending, setSupports } from './programs.js';

describe('program nodes', () => {
  it('replaces one year of budgets, keeping other years in place', () => {
    const ds = minimalDataset();
    ds.programs[2]!.budgets.push({ year: 2026, stage: 'initial', amount: 5 });
    const r = setBudgets(ds, 'p1-k1-s1', 2025, [
      { stage: 'initial', amount: 100000000 },
      { stage: 'revised', amount: 120000000, date: '2025-09-30' },
    ]);
    expect(r.after?.budgets).toEqual([
      { year: 2025, stage: 'initial', amount: 100000000 },
      { year: 2025, stage: 'revised', amount: 120000000, date: '2025-09-30' },
      { year: 2026, stage: 'initial', amount: 5 },
    ]);
    expect(agencyBudget(r.dataset, 2025).final).toBe(120000000);
  });

  it('enters spending by quarter; the latest cumulative quarter is what was spent', () => {
    const r = setSpending(minimalDataset(), 'p1-k1-s1', 2025, [
      { period: 'Q1', amount: 10000000 },
      { period: 'Q2', amount: 40000000, physical: 45 },
    ]);
    expect(r.after?.spending).toEqual([
      { year: 2025, period: 'Q1', amount: 10000000 },
      { year: 2025, period: 'Q2', amount: 40000000, physical: 45 },
    ]);
    expect(agencyBudget(r.dataset, 2025)).toMatchObject({ final: 100000000, spent: 40000000, absorption: 40 });
    expect(hasErrors(validateDataset(r.dataset).findings)).toBe(false);
  });

  it('replaces supports; an unknown node is refused', () => {
    const r = setSupports(minimalDataset(), 'p1-k1', [{ indicator: `${FIXTURE_PLAN}/SAKIP`, share: 0.5 }]);
    expect(r.after?.supports).toEqual([{ indicator: `${FIXTURE_PLAN}/SAKIP`, share: 0.5 }]);
    expect(() => setSupports(minimalDataset(), 'p9', [])).toThrow(/no program node "p9"/);
  });
});
