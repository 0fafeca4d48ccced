import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/schema.js';
import { createMeasureContext } from './context.js';
import { measureIndicator } from './indicator.js';
import { agreement, dataset, indicator, node, plan, real, row } from './testkit.js';

const measureOne = (ds: Dataset, ref: string, year = 2025, target?: number | string) =>
  measureIndicator(createMeasureContext(ds), ref, year, target === undefined ? {} : { target });

describe('measureIndicator: achievement by polarity and method', () => {
  it('positive, with the UMM example of measurement.md (target 70, realization 6.5, end 75)', () => {
    const ds = dataset({
      plans: [plan([indicator('UMM', { unit: '%', targets: { '2025': 70, '2026': 75 } })])],
      realizations: [real('UMM', 2025, { value: 6.5 })],
    });
    const { row, findings } = measureOne(ds, 'renstra/UMM');
    expect(row).toMatchObject({
      indicator: 'renstra/UMM',
      target: 70,
      realization: 6.5,
      achievement: 9.285714285714286,
      predicate: 'Sangat Rendah',
      achieved: false,
      endTarget: 75,
      achievementVsEnd: 8.666666666666666,
      state: 'approved',
    });
    expect(row).not.toHaveProperty('unmeasured');
    expect(row).not.toHaveProperty('provisional');
    expect(findings).toEqual([]);
  });
  it('negative reverse gives a negative achievement when R > 2T, reported as computed', () => {
    const ds = dataset({
      plans: [plan([indicator('N', { polarity: 'negative', targets: { '2025': 10 } })])],
      realizations: [real('N', 2025, { value: 25 })],
    });
    expect(measureOne(ds, 'renstra/N').row).toMatchObject({ achievement: -50, predicate: 'Sangat Rendah', achieved: false, polarity: 'negative' });
  });
  it('negative ratio: T / R; R = 0 with a cap gives the cap, without one is unmeasured with a finding', () => {
    const ind = indicator('N', { polarity: 'negative', negativeMethod: 'ratio', targets: { '2025': 10 } });
    const base = dataset({ plans: [plan([ind])], realizations: [real('N', 2025, { value: 8 })] });
    expect(measureOne(base, 'renstra/N').row.achievement).toBe(125);

    const zero = dataset({ plans: [plan([ind])], realizations: [real('N', 2025, { value: 0 })] });
    const un = measureOne(zero, 'renstra/N');
    expect(un.row).toMatchObject({ achievement: null, predicate: null, achieved: null, unmeasured: 'zero realization', realization: 0 });
    expect(un.findings[0]).toMatchObject({ code: 'unmeasured-zero-realization', where: 'plans[0].indicators[0] (renstra/N)' });

    const capped = measureOne({ ...zero, settings: { achievementCap: 120 } }, 'renstra/N');
    expect(capped.row).toMatchObject({ achievement: 120, achieved: true, predicate: 'Sangat Tinggi' });
    expect(capped.findings).toEqual([]);
  });
  it('category: with a label target, a numeric target, and several realized categories', () => {
    const awd = indicator('AWD', {
      targets: { '2025': 100 },
      measure: {
        type: 'category',
        categories: [
          { label: 'Juara 1', score: 100 },
          { label: 'Juara 2', score: 90 },
          { label: 'Juara 3', score: 80 },
          { label: 'Juara Harapan', score: 70 },
        ],
      },
    });
    const ds = dataset({ plans: [plan([awd])], realizations: [real('AWD', 2025, { categories: ['Juara Harapan', 'Juara 3'] })] });
    expect(measureOne(ds, 'renstra/AWD', 2025, 'Juara 1').row).toMatchObject({ target: 'Juara 1', realization: 'Juara 3', achievement: 80 });
    expect(measureOne(ds, 'renstra/AWD', 2025, 'Juara 2').row.achievement).toBeCloseTo(88.888888888, 6);
    expect(measureOne(ds, 'renstra/AWD').row).toMatchObject({ target: 100, achievement: 80, realizationCategories: ['Juara Harapan', 'Juara 3'] });
    const bad = measureOne(ds, 'renstra/AWD', 2025, 'Juara Umum');
    expect(bad.row.unmeasured).toBe('unknown target category');
  });
  it('zero target → unmeasured "zero target" with a finding', () => {
    const ds = dataset({ plans: [plan([indicator('Z', { targets: { '2025': 0 } })])], realizations: [real('Z', 2025, { value: 3 })] });
    const m = measureOne(ds, 'renstra/Z');
    expect(m.row).toMatchObject({ unmeasured: 'zero target', achievement: null, predicate: null, achieved: null, realization: 3 });
    expect(m.findings).toHaveLength(1);
    expect(m.findings[0]?.message).toContain('target is 0');
  });
  it('missing realization and each status → unmeasured with the reason, state reported', () => {
    const ds = dataset({
      plans: [plan(['A', 'B', 'C', 'D'].map((id) => indicator(id, { targets: { '2025': 10 } })))],
      realizations: [
        real('B', 2025, { status: 'no-data', note: 'belum rilis' }),
        real('C', 2025, { status: 'postponed', state: 'draft' }),
        real('D', 2025, { status: 'not-applicable' }),
      ],
    });
    const ctx = createMeasureContext(ds);
    const a = measureIndicator(ctx, 'renstra/A', 2025);
    expect(a.row).toMatchObject({ unmeasured: 'no realization', state: null, realization: null });
    expect(a.findings[0]).toMatchObject({ severity: 'warning', code: 'unmeasured-no-realization' });
    const b = measureIndicator(ctx, 'renstra/B', 2025);
    expect(b.row.unmeasured).toBe('no data');
    expect(b.findings[0]).toMatchObject({ severity: 'info', code: 'unmeasured-no-data' });
    expect(b.findings[0]?.message).toContain('belum rilis');
    // a draft's status is not counted either: the row awaits approval (no pending figure: no value)
    expect(measureIndicator(ctx, 'renstra/C', 2025).row).toMatchObject({ unmeasured: 'awaiting approval', state: 'draft' });
    expect(measureIndicator(ctx, 'renstra/C', 2025).row.pending).toBeUndefined();
    expect(measureIndicator(ctx, 'renstra/D', 2025).row.unmeasured).toBe('not applicable');
  });
  it('provisional from a quarter, with its period and state', () => {
    const ds = dataset({
      plans: [plan([indicator('Q', { targets: { '2025': 10 } })])],
      realizations: [real('Q', 2025, { period: 'Q2', value: 4 }), real('Q', 2025, { period: 'Q3', value: 6, state: 'submitted' })],
    });
    // the submitted Q3 is not counted yet: the approved Q2 is the official figure, Q3 the pending one
    const r = measureOne(ds, 'renstra/Q').row;
    expect(r).toMatchObject({ realization: 4, achievement: 40, provisional: true, realizationPeriod: 'Q2', state: 'approved' });
    expect(r.pending).toMatchObject({ state: 'submitted', period: 'Q3', realization: 6, achievement: 60 });
    expect(measureOne({ ...ds, settings: { countedStates: ['submitted', 'verified', 'approved'] } }, 'renstra/Q').row).toMatchObject({
      realization: 6,
      achievement: 60,
      realizationPeriod: 'Q3',
      state: 'submitted',
    });
  });
  it('an unknown ref gives an unmeasured row and an error, never a crash', () => {
    const m = measureOne(dataset(), 'nowhere/X');
    expect(m.row).toMatchObject({ indicator: 'nowhere/X', unmeasured: 'unknown indicator', achievement: null });
    expect(m.findings[0]?.severity).toBe('error');
  });
});

describe('trend, end target, baseline, benchmark', () => {
  const ds = dataset({
    plans: [
      plan([
        indicator('UMM', { baseline: { year: 2024, value: 50, source: 'BPS' }, targets: { '2024': 60, '2025': 70, '2026': 75 } }),
        indicator('E', { targets: { '2023': 1, '2025': 5, '2024': 9 } }),
        indicator('F', { endTarget: 200, targets: { '2025': 5, '2026': 300 } }),
      ]),
    ],
    realizations: [
      real('UMM', 2023, { value: 1 }),
      real('UMM', 2022, { value: 17.5 }),
      real('UMM', 2024, { period: 'S1', value: 2 }),
      real('UMM', 2024, { period: 'Q3', value: 4.1 }),
      real('UMM', 2021, { status: 'no-data' }),
      real('UMM', 2025, { value: 6.5 }),
      real('UMM', 2026, { value: 9 }),
      real('E', 2025, { value: 5 }),
      real('F', 2025, { value: 50 }),
    ],
    benchmarks: [
      { indicator: 'renstra/UMM', year: 2025, value: null, source: 'ODS', note: 'tidak tersedia data benchmark' },
      { indicator: 'renstra/UMM', year: 2025, value: 71, label: 'Baik', kind: 'national target', source: 'RPJMN 2025-2029' },
      { indicator: 'renstra/E', year: 2025, value: null, source: 'Kemenkop' },
    ],
  });
  const ctx = createMeasureContext(ds);
  it('trend lists earlier years in year order, provisional where a period stood in, statuses left out', () => {
    expect(measureIndicator(ctx, 'renstra/UMM', 2025).row.trend).toEqual([
      { year: 2022, value: 17.5 },
      { year: 2023, value: 1 },
      { year: 2024, value: 4.1, provisional: true },
    ]);
    expect(measureIndicator(ctx, 'renstra/UMM', 2022).row.trend).toEqual([]);
  });
  it('end target: endTarget, else the plan end year’s target, else the last year with one', () => {
    expect(measureIndicator(ctx, 'renstra/UMM', 2025).row).toMatchObject({ endTarget: 75, achievementVsEnd: (6.5 * 100) / 75 });
    const noPlanEnd = measureIndicator(ctx, 'renstra/E', 2025).row;
    expect(noPlanEnd).toMatchObject({ endTarget: 5, achievementVsEnd: 100 });
    expect(measureIndicator(ctx, 'renstra/F', 2025).row).toMatchObject({ endTarget: 200, achievementVsEnd: 25 });
  });
  it('baseline as { year, value }', () => {
    expect(measureIndicator(ctx, 'renstra/UMM', 2025).row.baseline).toEqual({ year: 2024, value: 50 });
    expect(measureIndicator(ctx, 'renstra/E', 2025).row.baseline).toBeNull();
  });
  it('benchmark: the first entry with a value; a null entry means none and its note surfaces', () => {
    expect(measureIndicator(ctx, 'renstra/UMM', 2025).row.benchmark).toEqual({
      value: 71,
      label: 'Baik',
      kind: 'national target',
      source: 'RPJMN 2025-2029',
    });
    const e = measureIndicator(ctx, 'renstra/E', 2025).row;
    expect(e.benchmark).toBeNull();
    expect(e.benchmarkNote).toContain('Kemenkop');
    expect(measureIndicator(ctx, 'renstra/F', 2025).row).not.toHaveProperty('benchmarkNote');
  });
  it('an agreement row’s indicator living in the plan uses the plan ref for trend and realizations', () => {
    const withAg = { ...ds, agreements: [agreement('pk-2025', [row('UMM', 70)])] };
    const c = createMeasureContext(withAg);
    const m = measureIndicator(c, 'pk-2025/UMM', 2025, { target: 70 });
    expect(m.row.indicator).toBe('renstra/UMM');
    expect(m.row.trend.map((p) => p.year)).toEqual([2022, 2023, 2024]);
    expect(m.row.realization).toBe(6.5);
  });
  it('realizations named by the agreement ref count for the plan indicator', () => {
    const d = dataset({
      plans: [plan([indicator('UMM', { targets: { '2025': 70 } })])],
      agreements: [agreement('pk-2025', [row('UMM', 70)])],
      realizations: [{ indicator: 'pk-2025/UMM', year: 2025, value: 7 }],
      programs: [node('p')],
    });
    expect(measureOne(d, 'renstra/UMM').row.realization).toBe(7);
  });
});
