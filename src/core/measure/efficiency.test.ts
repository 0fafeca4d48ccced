import { describe, expect, it } from 'vitest';
import type { BudgetEntry, Dataset, SpendingEntry } from '../dataset/schema.js';
import { createMeasureContext } from './context.js';
import { efficiencyOf, supportFindings, supportingBudget } from './efficiency.js';
import { measureIndicator } from './indicator.js';
import { agreement, dataset, indicator, node, plan, real, row } from './testkit.js';

const b = (amount: number): BudgetEntry => ({ year: 2025, stage: 'initial', amount });
const s = (amount: number): SpendingEntry => ({ year: 2025, amount });

describe('efficiencyOf', () => {
  it('simple: A ≥ S → Efisien', () => {
    expect(efficiencyOf({ rule: 'simple' }, 80, 80)).toBe('Efisien');
    expect(efficiencyOf({ rule: 'simple' }, 79.99, 80)).toBe('Tidak Efisien');
  });
  it('band with margin', () => {
    const band = { rule: 'band' as const, margin: 5 };
    expect(efficiencyOf(band, 90, 80)).toBe('Efisien');
    expect(efficiencyOf(band, 85, 80)).toBe('Cukup Efisien');
    expect(efficiencyOf(band, 75, 80)).toBe('Cukup Efisien');
    expect(efficiencyOf(band, 74.9, 80)).toBe('Tidak Efisien');
  });
});

const world = (fields: Partial<Dataset> = {}): Dataset =>
  dataset({
    plans: [plan([indicator('A', { targets: { '2025': 100 } }), indicator('B', { targets: { '2025': 100 } })])],
    agreements: [agreement('pk', [row('A', 100), row('B', 100)])],
    realizations: [real('A', 2025, { value: 90 }), real('B', 2025, { value: 50 })],
    ...fields,
  });

describe('supporting budget of a row', () => {
  it('share × final and share × spent, naming the indicator by plan or agreement ref', () => {
    const ds = world({
      programs: [
        node('p1', { budgets: [b(1000)], spending: [s(800)], supports: [{ indicator: 'renstra/A', share: 0.5 }] }),
        node('p2', { budgets: [b(200)], spending: [s(100)], supports: [{ indicator: 'pk/A' }] }),
      ],
    });
    const ctx = createMeasureContext(ds);
    expect(supportingBudget(ctx, ['renstra/A'], 2025)).toEqual({ budget: 700, spent: 500, absorption: (500 * 100) / 700, nodes: ['p1', 'p2'] });
    const m = measureIndicator(ctx, 'renstra/A', 2025);
    expect(m.row).toMatchObject({ budget: 700, spent: 500, efficiency: 'Efisien' }); // 90 ≥ 71.4
  });
  it('stated amounts for the year replace the share', () => {
    const ds = world({
      programs: [
        node('p1', {
          budgets: [b(1000)],
          spending: [s(800)],
          supports: [{ indicator: 'renstra/A', share: 1 }, { indicator: 'renstra/A', year: 2025, amount: 300, spent: 290 }],
        }),
        node('p2', { budgets: [b(1000)], supports: [{ indicator: 'renstra/A', year: 2024, amount: 5, spent: 5 }] }),
      ],
    });
    expect(supportingBudget(createMeasureContext(ds), ['renstra/A'], 2025)).toMatchObject({ budget: 300, spent: 290, nodes: ['p1'] });
  });
  it('a node whose ancestor supports the same indicator is counted once, through the ancestor', () => {
    const ds = world({
      programs: [
        node('p', { supports: [{ indicator: 'renstra/A' }] }),
        node('k', { parent: 'p', supports: [{ indicator: 'renstra/A' }] }),
        node('s', { parent: 'k', budgets: [b(500)], spending: [s(400)], supports: [{ indicator: 'renstra/A' }] }),
        node('s2', { parent: 'k', budgets: [b(500)], spending: [s(100)] }),
      ],
    });
    expect(supportingBudget(createMeasureContext(ds), ['renstra/A'], 2025)).toEqual({ budget: 1000, spent: 500, absorption: 50, nodes: ['p'] });
  });
  it('no supporting budget → budget, spent, absorption and efficiency null, and says so', () => {
    const m = measureIndicator(createMeasureContext(world()), 'renstra/A', 2025);
    expect(m.row).toMatchObject({ budget: null, spent: null, absorption: null, efficiency: null, efficiencyReason: 'no supporting budget' });
    const zero = world({ programs: [node('p', { budgets: [b(0)], spending: [s(0)], supports: [{ indicator: 'renstra/A' }] })] });
    expect(measureIndicator(createMeasureContext(zero), 'renstra/A', 2025).row).toMatchObject({
      budget: 0,
      absorption: null,
      efficiency: null,
      efficiencyReason: 'zero supporting budget',
    });
  });
  it('band rule from settings', () => {
    const ds = world({
      settings: { efficiency: { rule: 'band', margin: 15 } },
      programs: [node('p', { budgets: [b(100)], spending: [s(80)], supports: [{ indicator: 'renstra/A' }] })],
    });
    expect(measureIndicator(createMeasureContext(ds), 'renstra/A', 2025).row.efficiency).toBe('Cukup Efisien'); // 90 − 80 = 10
  });
  it('a node’s own indicator is supported by the node itself', () => {
    const ds = dataset({ programs: [node('p', { budgets: [b(100)], spending: [s(50)], indicators: [indicator('O', { targets: { '2025': 10 } })] })] });
    expect(supportingBudget(createMeasureContext(ds), ['p/O'], 2025)).toMatchObject({ budget: 100, spent: 50, nodes: ['p'] });
  });
});

describe('support findings', () => {
  it('shares of one node within one plan above 1 → a finding; two plans may each take it in full', () => {
    const ds = world({
      plans: [
        plan([indicator('A'), indicator('B')]),
        plan([indicator('C')], { id: 'renstra-2' }),
      ],
      programs: [
        node('p', {
          supports: [{ indicator: 'renstra/A', share: 0.7 }, { indicator: 'pk/B', share: 0.5 }, { indicator: 'renstra-2/C' }],
        }),
        node('q', { supports: [{ indicator: 'renstra/A', share: 0.5 }, { indicator: 'renstra-2/C', share: 1 }] }),
      ],
    });
    const fs = supportFindings(createMeasureContext(ds));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ code: 'support-shares-exceed-one', where: 'programs[0].supports (p)' });
    expect(fs[0]?.message).toContain('1.2');
  });
});
