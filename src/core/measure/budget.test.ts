import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BudgetEntry, ProgramNode, SpendingEntry } from '../dataset/schema.js';
import {
  absorption,
  agencyBudget,
  budgetFindings,
  finalBudget,
  finalBudgetBySource,
  indexBudgets,
  spent,
  stageBudget,
} from './budget.js';
import { node } from './testkit.js';

const b = (stage: BudgetEntry['stage'], amount: number, fields: Partial<BudgetEntry> = {}): BudgetEntry => ({ year: 2025, stage, amount, ...fields });
const s = (amount: number, fields: Partial<SpendingEntry> = {}): SpendingEntry => ({ year: 2025, amount, ...fields });
const idx = (...nodes: ProgramNode[]) => indexBudgets({ programs: nodes });

describe('stage budget', () => {
  const i = idx(
    node('p', { budgets: [b('initial', 300)] }),
    node('k1', { parent: 'p', budgets: [b('initial', 100), b('revised', 150)] }),
    node('k2', { parent: 'p', budgets: [b('initial', 200), b('shift', 180)] }),
  );
  it('is the own entry at that stage, else the children’s sum', () => {
    expect(stageBudget(i, 'p', 2025, 'initial')).toBe(300);
    expect(stageBudget(i, 'p', 2025, 'revised')).toBe(150);
    expect(stageBudget(i, 'p', 2025, 'shift')).toBe(180);
    expect(stageBudget(i, 'k1', 2025, 'shift')).toBeNull();
    expect(stageBudget(i, 'p', 2024, 'initial')).toBeNull();
  });
});

describe('final budget', () => {
  it('is the own entry at the latest own stage', () => {
    const i = idx(node('p', { budgets: [b('initial', 100), b('revised', 80), b('shift', 90)] }));
    expect(finalBudget(i, 'p', 2025)).toBe(80);
  });
  it('a node without own entries takes the sum of its children’s final budgets', () => {
    const i = idx(
      node('p'),
      node('k1', { parent: 'p', budgets: [b('initial', 100), b('revised', 150)] }),
      node('k2', { parent: 'p', budgets: [b('initial', 200)] }),
    );
    expect(finalBudget(i, 'p', 2025)).toBe(350);
  });
  it('a descendant with an entry at a later stage makes the children’s sum count', () => {
    const i = idx(
      node('p', { budgets: [b('initial', 300)] }),
      node('k', { parent: 'p' }),
      node('s1', { parent: 'k', budgets: [b('initial', 100), b('shift', 120)] }),
      node('s2', { parent: 'k', budgets: [b('initial', 200)] }),
    );
    expect(finalBudget(i, 'p', 2025)).toBe(320);
    // but not when the parent's own stage is the latest
    const j = idx(node('p', { budgets: [b('initial', 300), b('revised', 310)] }), node('s1', { parent: 'p', budgets: [b('shift', 120)] }));
    expect(finalBudget(j, 'p', 2025)).toBe(310);
  });
  it('several sources: per source, then summed', () => {
    const i = idx(
      node('p', {
        budgets: [b('initial', 100, { source: 'APBD' }), b('revised', 90, { source: 'APBD' }), b('initial', 50, { source: 'DAK' })],
      }),
    );
    expect(finalBudget(i, 'p', 2025)).toBe(140);
    expect(finalBudgetBySource(i, 'p', 2025)).toEqual(new Map([['APBD', 90], ['DAK', 50]]));
    // a later stage of one source in a descendant replaces only that source
    const j = idx(
      node('p', { budgets: [b('initial', 100, { source: 'APBD' }), b('initial', 50, { source: 'DAK' })] }),
      node('k', { parent: 'p', budgets: [b('initial', 100, { source: 'APBD' }), b('revised', 70, { source: 'APBD' }), b('initial', 50, { source: 'DAK' })] }),
    );
    expect(finalBudgetBySource(j, 'p', 2025)).toEqual(new Map([['APBD', 70], ['DAK', 50]]));
    expect(finalBudget(j, 'p', 2025)).toBe(120);
  });
  it('is null without any entry in the subtree', () => {
    const i = idx(node('p'), node('k', { parent: 'p' }));
    expect(finalBudget(i, 'p', 2025)).toBeNull();
  });
  it('property: a parent without own entries has the sum of its children’s final budgets', () => {
    const entry = fc.record({
      stage: fc.constantFrom('initial' as const, 'shift' as const, 'revised' as const),
      amount: fc.integer({ min: 0, max: 1e9 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 3 }), { minLength: 1, maxLength: 5 }), (kids) => {
        const nodes = [node('p'), ...kids.map((es, n) => node(`k${n}`, { parent: 'p', budgets: es.map((e) => b(e.stage, e.amount)) }))];
        const i = indexBudgets({ programs: nodes });
        const childFinals = kids.map((_, n) => finalBudget(i, `k${n}`, 2025)).filter((x): x is number => x !== null);
        const expected = childFinals.length ? childFinals.reduce((a, x) => a + x, 0) : null;
        expect(finalBudget(i, 'p', 2025)).toBe(expected);
      }),
    );
  });
});

describe('spent and absorption', () => {
  it('spent is the Y entry, else the latest cumulative period entry', () => {
    expect(spent(idx(node('p', { spending: [s(10, { period: 'Q2' }), s(50)] })), 'p', 2025)).toBe(50);
    expect(spent(idx(node('p', { spending: [s(10, { period: 'Q2' }), s(30, { period: 'Q3' }), s(5, { period: 'S1' })] })), 'p', 2025)).toBe(30);
    expect(spent(idx(node('p', { spending: [s(10, { period: 'Y' })] })), 'p', 2025)).toBe(10);
  });
  it('spent per source, summed', () => {
    const i = idx(node('p', { spending: [s(10, { source: 'APBD' }), s(3, { source: 'DAK', period: 'Q1' }), s(7, { source: 'DAK', period: 'Q3' })] }));
    expect(spent(i, 'p', 2025)).toBe(17);
  });
  it('a node without own spending takes its children’s; none anywhere → null', () => {
    const i = idx(node('p', { budgets: [b('initial', 100)] }), node('k1', { parent: 'p', spending: [s(20)] }), node('k2', { parent: 'p', spending: [s(30)] }));
    expect(spent(i, 'p', 2025)).toBe(50);
    expect(absorption(i, 'p', 2025)).toBe(50);
    expect(spent(idx(node('p')), 'p', 2025)).toBeNull();
  });
  it('a final budget of 0 gives no absorption', () => {
    const i = idx(node('p', { budgets: [b('initial', 100), b('revised', 0)], spending: [s(0)] }));
    expect(finalBudget(i, 'p', 2025)).toBe(0);
    expect(absorption(i, 'p', 2025)).toBeNull();
  });
});

describe('agency totals', () => {
  it('sum over top-level program nodes', () => {
    const ds = {
      programs: [
        node('p1', { budgets: [b('initial', 1000)], spending: [s(500)] }),
        node('k', { parent: 'p1', budgets: [b('initial', 1000)], spending: [s(500)] }),
        node('p2', { budgets: [b('initial', 3000)], spending: [s(2500)] }),
      ],
    };
    expect(agencyBudget(ds, 2025)).toEqual({ final: 4000, spent: 3000, absorption: 75 });
    expect(agencyBudget(indexBudgets(ds), 2024)).toEqual({ final: null, spent: null, absorption: null });
  });
});

describe('budget findings', () => {
  it('a parent’s own entry that differs from its children’s sum at the same stage', () => {
    const i = idx(
      node('p', { budgets: [b('initial', 300), b('revised', 260)] }),
      node('k1', { parent: 'p', budgets: [b('initial', 100), b('revised', 100)] }),
      node('k2', { parent: 'p', budgets: [b('initial', 200), b('revised', 150)] }),
    );
    const fs = budgetFindings(i, 2025);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', code: 'budget-parent-differs-from-children' });
    expect(fs[0]?.where).toContain('programs[0]');
    expect(fs[0]?.message).toContain('revised');
    expect(fs[0]?.message).toContain('250');
  });
  it('no finding when they agree to the cent or the children have nothing at that stage', () => {
    const i = idx(
      node('p', { budgets: [b('initial', 300.1), b('shift', 999)] }),
      node('k1', { parent: 'p', budgets: [b('initial', 100.05)] }),
      node('k2', { parent: 'p', budgets: [b('initial', 200.05)] }),
    );
    expect(budgetFindings(i, 2025)).toEqual([]);
  });
});
