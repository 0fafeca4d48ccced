import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimalDataset } from '../dataset/fixtures.js';
import type { Dataset, Indicator, ProgramNode, Realization } from '../dataset/schema.js';
import { measure } from './index.js';
import { agreement, dataset, indicator, node, plan, real, row } from './testkit.js';

const ROW_FIELDS = [
  'goal',
  'indicator',
  'name',
  'unit',
  'polarity',
  'target',
  'realization',
  'achievement',
  'predicate',
  'achieved',
  'endTarget',
  'achievementVsEnd',
  'baseline',
  'trend',
  'benchmark',
  'budget',
  'spent',
  'absorption',
  'efficiency',
  'state',
];

describe('measure: the measure --json contract', () => {
  const result = measure(minimalDataset(), 2025);
  it('has the top-level fields', () => {
    expect(Object.keys(result)).toEqual(['agency', 'year', 'agreements', 'planIndicators', 'programIndicators', 'budget', 'findings']);
    expect(result.agency).toBe('Dinas Contoh');
    expect(result.year).toBe(2025);
    expect(result.budget).toEqual({ final: 100000000, spent: 90000000, absorption: 90 });
    expect(result.findings).toEqual([]);
  });
  it('gives agreement rows with every contract field, in document order, unrounded', () => {
    const ag = result.agreements[0];
    expect(ag).toMatchObject({ id: 'pk-2025', kind: 'original', plan: 'renstra-2021-2026' });
    expect(Object.keys(ag ?? {})).toEqual(expect.arrayContaining(['id', 'kind', 'plan', 'rows', 'goals', 'summary']));
    const rows = ag?.rows ?? [];
    expect(rows.map((r) => r.indicator)).toEqual(['renstra-2021-2026/UMM', 'renstra-2021-2026/AWD', 'renstra-2021-2026/SAKIP']);
    for (const r of rows) expect(Object.keys(r).slice(0, ROW_FIELDS.length)).toEqual(ROW_FIELDS);
    expect(rows[0]).toMatchObject({
      goal: 'S1',
      target: 70,
      realization: 6.5,
      achievement: 9.285714285714286,
      achievementVsEnd: 8.666666666666666,
      predicate: 'Sangat Rendah',
      achieved: false,
      realizationParts: { numerator: 65, denominator: 1000 },
      budget: 100000000,
      spent: 90000000,
      absorption: 90,
      efficiency: 'Tidak Efisien',
    });
    expect(rows[1]).toMatchObject({ target: 'Juara 1', realization: 'Juara 2', achievement: 90, predicate: 'Sangat Tinggi', achieved: false });
    expect(rows[2]?.achievement).toBe((76.1 * 100) / 75); // not rounded
    expect(ag?.summary).toEqual({ rows: 3, achieved: 1, notAchieved: 2, unmeasured: 0 });
  });
  it('lists plan indicators with a target for the year, and program indicators with their node', () => {
    expect(result.planIndicators.map((r) => r.indicator)).toEqual([
      'renstra-2021-2026/UMM',
      'renstra-2021-2026/AWD',
      'renstra-2021-2026/SAKIP',
    ]);
    expect(result.programIndicators).toHaveLength(1);
    const p = result.programIndicators[0];
    expect(Object.keys(p ?? {})[0]).toBe('node');
    expect(p).toMatchObject({ node: 'p1-k1-s1', indicator: 'p1-k1-s1/OUT1', target: 100, realization: 120, achievement: 120, achieved: true });
    const y2024 = measure(minimalDataset(), 2024);
    expect(y2024.planIndicators.map((r) => r.indicator)).toEqual(['renstra-2021-2026/UMM']);
    expect(y2024.programIndicators).toEqual([]);
  });
  it('a year without an agreement gives agreements: [] (and a year outside every plan no plan indicators)', () => {
    const r = measure(minimalDataset(), 2030);
    expect(r.agreements).toEqual([]);
    expect(r.planIndicators).toEqual([]);
    expect(r.budget).toEqual({ final: null, spent: null, absorption: null });
  });
  it('an unmeasured row has null achievement, predicate, achieved, an `unmeasured` reason and a finding', () => {
    const ds = minimalDataset();
    ds.realizations = ds.realizations.filter((r) => r.indicator !== 'renstra-2021-2026/SAKIP');
    const r = measure(ds, 2025);
    const sakip = r.agreements[0]?.rows[2];
    expect(sakip).toMatchObject({ achievement: null, predicate: null, achieved: null, unmeasured: 'no realization', state: null });
    expect(r.findings.some((f) => f.where === 'agreements[0].rows[2]' && f.code === 'unmeasured-no-realization')).toBe(true);
    expect(r.agreements[0]?.summary).toEqual({ rows: 3, achieved: 0, notAchieved: 2, unmeasured: 1 });
  });
});

describe('measure: agreements', () => {
  it('measures every agreement of the year in document order; an added indicator has the agreement ref', () => {
    const ds = dataset({
      plans: [plan([indicator('A', { targets: { '2025': 10 } })])],
      agreements: [
        agreement('pk-2024', [row('A', 9)], { year: 2024 }),
        agreement('pk-2025', [row('A', 12), row('NEW', 5)], { indicators: [indicator('NEW', { measure: { type: 'count' } })] }),
        agreement('pk-2025-p', [row('A', 11), row('NEW', 6)], { kind: 'amendment', amends: 'pk-2025' }),
      ],
      realizations: [real('A', 2025, { value: 11 }), real('pk-2025/NEW', 2025, { value: 6 })],
    });
    const r = measure(ds, 2025);
    expect(r.agreements.map((a) => a.id)).toEqual(['pk-2025', 'pk-2025-p']);
    expect(r.agreements[1]).toMatchObject({ kind: 'amendment', amends: 'pk-2025' });
    expect(r.agreements[0]?.rows.map((x) => [x.indicator, x.target, x.achieved])).toEqual([
      ['renstra/A', 12, false],
      ['pk-2025/NEW', 5, true],
    ]);
    expect(r.agreements[1]?.rows.map((x) => [x.indicator, x.target, x.achieved])).toEqual([
      ['renstra/A', 11, true],
      ['pk-2025/NEW', 6, true],
    ]);
    // plan indicators are measured against their own target
    expect(r.planIndicators[0]).toMatchObject({ indicator: 'renstra/A', target: 10, achieved: true });
  });

  it('property: output rows count equals agreement rows count', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.option(fc.double({ min: 0, max: 200, noNaN: true }))), { maxLength: 12 }), (spec) => {
        const inds = [0, 1, 2, 3, 4].map((n) => indicator(`I${n}`, { targets: { '2025': 50 } }));
        const rows = spec.map(([n]) => row(`I${n}`, 50));
        const realizations = spec.flatMap(([n, v], k) => (v === null || k !== spec.findIndex(([m]) => m === n) ? [] : [real(`I${n}`, 2025, { value: v })]));
        const r = measure(dataset({ plans: [plan(inds)], agreements: [agreement('pk', rows)], realizations }), 2025);
        const out = r.agreements[0];
        expect(out?.rows).toHaveLength(rows.length);
        const s = out?.summary;
        expect((s?.achieved ?? 0) + (s?.notAchieved ?? 0) + (s?.unmeasured ?? 0)).toBe(rows.length);
        for (const x of out?.rows ?? []) {
          if (x.achievement === null) expect(x.achieved).toBeNull();
          else expect(x.achieved).toBe(x.achievement >= 100); // achieved ⇔ uncapped achievement ≥ 100
        }
      }),
    );
  });
});

describe('measure: settings precedence and the rating scale', () => {
  const neg = (fields: Partial<Indicator> = {}) => indicator('N', { polarity: 'negative', targets: { '2025': 10 }, ...fields });
  const ds = (ind: Indicator, settings?: Dataset['settings']) =>
    dataset({ plans: [plan([ind])], realizations: [real('N', 2025, { value: 8 })], ...(settings ? { settings } : {}) });
  const ach = (d: Dataset, region?: Dataset['settings']) => measure(d, 2025, region ? { regionSettings: region } : {}).planIndicators[0]?.achievement;
  it('indicator > dataset > region > default', () => {
    expect(ach(ds(neg()))).toBe(120); // default reverse
    expect(ach(ds(neg()), { negativeMethod: 'ratio' })).toBe(125); // region
    expect(ach(ds(neg(), { negativeMethod: 'reverse' }), { negativeMethod: 'ratio' })).toBe(120); // dataset over region
    expect(ach(ds(neg({ negativeMethod: 'ratio' }), { negativeMethod: 'reverse' }), { negativeMethod: 'reverse' })).toBe(125); // indicator
  });
  it('a custom rating scale from the region or the dataset', () => {
    const scale = [
      { min: 100, label: 'Baik', color: '#00FF00' },
      { min: 0, label: 'Kurang' },
    ];
    const r = measure(ds(neg()), 2025, { regionSettings: { ratingScale: scale } });
    expect(r.planIndicators[0]).toMatchObject({ predicate: 'Baik', predicateColor: '#00FF00' });
    const own = measure(ds(neg(), { ratingScale: [{ min: 200, label: 'Istimewa' }, { min: 0, label: 'Biasa' }] }), 2025, {
      regionSettings: { ratingScale: scale },
    });
    expect(own.planIndicators[0]?.predicate).toBe('Biasa');
  });
  it('the cap changes the predicate but not the achievement or the achieved flag', () => {
    const d = dataset({
      settings: { achievementCap: 50, ratingScale: [{ min: 60, label: 'Tinggi' }, { min: 0, label: 'Rendah' }] },
      plans: [plan([indicator('A', { targets: { '2025': 10 } })])],
      realizations: [real('A', 2025, { value: 12 })],
    });
    expect(measure(d, 2025).planIndicators[0]).toMatchObject({ achievement: 120, achievementCapped: 50, predicate: 'Rendah', achieved: true });
  });
});

describe('measure: findings', () => {
  it('collects budget, support and measurement findings once each', () => {
    const d = dataset({
      plans: [plan([indicator('A', { targets: { '2025': 0 } })])],
      agreements: [agreement('pk', [row('A', 0)])],
      realizations: [real('A', 2025, { value: 1 }), real('A', 2025, { value: 2 })],
      programs: [
        node('p', { budgets: [{ year: 2025, stage: 'initial', amount: 10 }], supports: [{ indicator: 'renstra/A', share: 0.8 }, { indicator: 'pk/A', share: 0.8 }] }),
        node('k', { parent: 'p', budgets: [{ year: 2025, stage: 'initial', amount: 9 }] }),
      ],
    });
    const codes = measure(d, 2025).findings.map((f) => f.code);
    expect(codes).toContain('duplicate-realization');
    expect(codes).toContain('budget-parent-differs-from-children');
    expect(codes).toContain('support-shares-exceed-one');
    expect(codes.filter((c) => c === 'unmeasured-zero-target')).toHaveLength(2); // agreement row and plan indicator
    expect(codes.filter((c) => c === 'support-shares-exceed-one')).toHaveLength(1);
  });
});

describe('measure: a region-sized input', () => {
  it('measures a 60-agency × 40-indicator × 10-year region, one year per agency, measuring every row', () => {
    const years = Array.from({ length: 10 }, (_, k) => 2016 + k);
    const agencies: Dataset[] = [];
    for (let a = 0; a < 60; a++) {
      const inds = Array.from({ length: 40 }, (_, k) =>
        indicator(`I${k}`, {
          polarity: k % 5 === 0 ? 'negative' : 'positive',
          targets: Object.fromEntries(years.map((y) => [String(y), 50 + k])),
        }),
      );
      const realizations: Realization[] = [];
      for (const y of years) for (let k = 0; k < 40; k++) realizations.push(real(`I${k}`, y, { value: 40 + ((k * 7 + y + a) % 30) }));
      const programs: ProgramNode[] = [];
      for (let p = 0; p < 8; p++) {
        programs.push(node(`p${p}`, { supports: [{ indicator: `renstra/I${p}` }] }));
        for (let s = 0; s < 5; s++) {
          programs.push(
            node(`p${p}-s${s}`, {
              parent: `p${p}`,
              budgets: years.map((y) => ({ year: y, stage: 'initial' as const, amount: 1e6 * (s + 1) })),
              spending: years.map((y) => ({ year: y, amount: 9e5 * (s + 1) })),
              supports: [{ indicator: `renstra/I${8 + p * 4 + s}` }],
            }),
          );
        }
      }
      agencies.push(
        dataset({
          plans: [plan(inds, { startYear: 2016, endYear: 2026 })],
          agreements: [agreement('pk-2025', inds.map((i) => row(i.id, 50)))],
          programs,
          realizations,
        }),
      );
    }
    let rows = 0;
    for (const d of agencies) rows += measure(d, 2025).agreements[0]?.rows.length ?? 0;
    expect(rows).toBe(60 * 40); // its speed is measured by `npm run bench`, not here
  });
});
