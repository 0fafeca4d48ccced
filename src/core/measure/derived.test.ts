import { describe, expect, it } from 'vitest';
import type { Indicator } from '../dataset/schema.js';
import { createMeasureContext } from './context.js';
import { measureIndicator } from './indicator.js';
import { agreement, dataset, indicator, node, plan, real, row } from './testkit.js';

const derived = (id: string, of: string[], fields: Partial<Indicator> = {}): Indicator =>
  indicator(id, { unit: '%', targets: { '2025': 80 }, measure: { type: 'derived', rule: 'shareAchieved', of }, ...fields });

describe('derived shareAchieved', () => {
  const members = [
    indicator('A', { targets: { '2025': 10 } }),
    indicator('B', { targets: { '2025': 10 } }),
    indicator('C', { targets: { '2025': 10 } }),
    indicator('D', { targets: { '2025': 10 } }),
  ];
  const base = (extra: Parameters<typeof dataset>[0] = {}) =>
    dataset({
      plans: [plan([...members, derived('PCT', ['renstra/A', 'renstra/B', 'renstra/C', 'renstra/D'])])],
      realizations: [
        real('A', 2025, { value: 12 }), // achieved
        real('B', 2025, { value: 5 }), // not achieved
        real('C', 2025, { value: 10, period: 'Q4' }), // achieved, provisional
        real('D', 2025, { status: 'not-applicable' }), // left out
      ],
      ...extra,
    });

  it('is the percentage of counted indicators achieved; not-applicable ones are left out', () => {
    const m = measureIndicator(createMeasureContext(base()), 'renstra/PCT', 2025);
    expect(m.row).toMatchObject({
      realization: (2 * 100) / 3,
      realizationParts: { numerator: 2, denominator: 3 },
      realizationPeriod: 'computed',
      provisional: true,
      target: 80,
    });
    expect(m.row.achievement).toBeCloseTo(83.333333, 5);
    expect(m.findings).toEqual([]);
  });

  it('other unmeasured ones count as not achieved and are named in a finding', () => {
    const ds = base();
    ds.realizations = ds.realizations.filter((r) => r.indicator !== 'renstra/A');
    ds.realizations.push(real('B', 2025, { period: 'Q1', value: 1 })); // B stays Y = 5
    const m = measureIndicator(createMeasureContext(ds), 'renstra/PCT', 2025);
    expect(m.row.realizationParts).toEqual({ numerator: 1, denominator: 3 });
    const f = m.findings.find((x) => x.code === 'derived-member-unmeasured');
    expect(f?.message).toContain('renstra/A');
    expect(f?.message).toContain('no realization');
    expect(f?.where).toBe('plans[0].indicators[4] (renstra/PCT)');
  });

  it('uses the agreed target of the year’s latest agreement (amendment over original)', () => {
    const ds = base({
      agreements: [
        agreement('pk-2025', [row('B', 4)]),
        agreement('pk-2025-p', [row('B', 6), row('A', 20)], { kind: 'amendment', amends: 'pk-2025' }),
        agreement('pk-2025-x', [row('B', 1)]), // a later original does not beat the amendment
      ],
    });
    const m = measureIndicator(createMeasureContext(ds), 'renstra/PCT', 2025);
    // A against 20: 12 → not achieved; B against 6: 5 → not achieved; C against own 10 → achieved
    expect(m.row.realizationParts).toEqual({ numerator: 1, denominator: 3 });
    const onlyOriginal = base({ agreements: [agreement('pk-2025', [row('B', 4)])] });
    expect(measureIndicator(createMeasureContext(onlyOriginal), 'renstra/PCT', 2025).row.realizationParts).toEqual({ numerator: 3, denominator: 3 });
  });

  it('compares a directly entered realization with the computed one; the computed one is used', () => {
    const ds = base();
    ds.realizations.push(real('PCT', 2025, { value: 67 })); // 66.67 rounds to 67: agrees
    expect(measureIndicator(createMeasureContext(ds), 'renstra/PCT', 2025).findings).toEqual([]);
    const differ = base();
    differ.realizations.push(real('PCT', 2025, { value: 75 }));
    const m = measureIndicator(createMeasureContext(differ), 'renstra/PCT', 2025);
    expect(m.row.realization).toBeCloseTo(66.6667, 3);
    expect(m.findings).toHaveLength(1);
    expect(m.findings[0]).toMatchObject({ code: 'derived-realization-differs', severity: 'warning' });
  });

  it('uses the entered value, with a finding, when no listed indicator is measured (e.g. past years)', () => {
    const ds = base();
    ds.realizations.push(real('PCT', 2024, { value: 92 }), real('PCT', 2023, { value: 95 }));
    const ctx = createMeasureContext(ds);
    const past = measureIndicator(ctx, 'renstra/PCT', 2024, { target: 80 });
    expect(past.row.realization).toBe(92);
    expect(past.findings.map((f) => f.code)).toContain('derived-entered-used');
    expect(measureIndicator(ctx, 'renstra/PCT', 2025).row.trend).toEqual([
      { year: 2023, value: 95 },
      { year: 2024, value: 92 },
    ]);
    expect(measureIndicator(createMeasureContext(base()), 'renstra/PCT', 2024, { target: 80 }).row.unmeasured).toBe('no realization');
  });

  it('all listed indicators not applicable → unmeasured', () => {
    const ds = dataset({
      plans: [plan([members[0] as Indicator, derived('PCT', ['renstra/A'])])],
      realizations: [real('A', 2025, { status: 'not-applicable' })],
    });
    expect(measureIndicator(createMeasureContext(ds), 'renstra/PCT', 2025).row.unmeasured).toBe('no applicable indicators');
  });

  it('counts program node indicators and nested derived ones, and guards against cycles', () => {
    const ds = dataset({
      plans: [plan([derived('X', ['renstra/Y', 'p/OUT']), derived('Y', ['renstra/X', 'p/OUT'])])],
      programs: [node('p', { indicators: [indicator('OUT', { goal: undefined, targets: { '2025': 5 } })] })],
      realizations: [real('p/OUT', 2025, { value: 6 })],
    });
    const m = measureIndicator(createMeasureContext(ds), 'renstra/X', 2025);
    // Y counts X (a cycle: unmeasured) and OUT (achieved) → 50 %, below its target 80 → X counts Y as not achieved, OUT achieved
    expect(m.row.realizationParts).toEqual({ numerator: 1, denominator: 2 });
    expect(m.row.realization).toBe(50);
    expect(m.findings.filter((f) => f.code === 'derived-cycle')).toHaveLength(1);
    expect(m.findings.find((f) => f.code === 'derived-cycle')?.severity).toBe('error');
  });
});
