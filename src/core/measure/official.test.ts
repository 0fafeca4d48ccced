/** Official figures rest on counted (by default approved) realizations; the rest stands beside them as `pending`. */
import { describe, expect, it } from 'vitest';
import type { Dataset, WorkflowState } from '../dataset/schema.js';
import { transitionRealization } from '../edit/realizations.js';
import { measure } from './index.js';
import { agreement, dataset, indicator, plan, real, row } from './testkit.js';

function ds(state: WorkflowState | undefined, extra: Partial<Dataset> = {}): Dataset {
  return dataset({
    plans: [plan([indicator('A', { targets: { '2025': 80 } })])],
    agreements: [agreement('pk', [row('A', 80)])],
    realizations: [real('A', 2025, { value: 60, ...(state ? { state } : {}) })],
    ...extra,
  });
}
const rowOf = (d: Dataset) => measure(d, 2025).agreements[0]!.rows[0]!;

describe('official figures from approved data', () => {
  it('a realization without a state counts as approved', () => {
    const r = rowOf(ds(undefined));
    expect(r.achievement).toBe(75);
    expect(r.pending).toBeUndefined();
    expect(r.unmeasured).toBeUndefined();
  });

  it('a draft does not move the official figure; its figure stands beside it as pending', () => {
    const d = ds('draft');
    const r = rowOf(d);
    expect(r).toMatchObject({ achievement: null, predicate: null, achieved: null, realization: null, unmeasured: 'awaiting approval', state: 'draft' });
    expect(r.pending).toEqual({ state: 'draft', period: 'Y', realization: 60, achievement: 75, predicate: 'Sedang', predicateColor: '#FFFFE0', achieved: false });
    const m = measure(d, 2025);
    expect(m.agreements[0]!.summary).toEqual({ rows: 1, achieved: 0, notAchieved: 0, unmeasured: 1 });
    const f = m.findings.find((x) => x.code === 'unmeasured-awaiting-approval');
    expect(f).toMatchObject({ severity: 'info', where: 'agreements[0].rows[0]' });
    expect(f!.localized?.id).toContain('menunggu persetujuan');
    expect(f!.localized?.id).toContain('draf');
  });

  it('submitted and verified do not count either; approval does, through the workflow', () => {
    let d = ds('draft');
    for (const action of ['submit', 'verify'] as const) {
      d = transitionRealization(d, { indicator: 'renstra/A', year: 2025, period: 'Y' }, action).dataset;
      expect(rowOf(d).achievement).toBeNull();
      expect(rowOf(d).pending?.state).toBe(action === 'submit' ? 'submitted' : 'verified');
    }
    d = transitionRealization(d, { indicator: 'renstra/A', year: 2025, period: 'Y' }, 'approve').dataset;
    const r = rowOf(d);
    expect(r).toMatchObject({ achievement: 75, predicate: 'Sedang', realization: 60, state: 'approved' });
    expect(r.pending).toBeUndefined();
  });

  it('which states count is a setting: the dataset, then the region', () => {
    expect(rowOf(ds('verified', { settings: { countedStates: ['verified', 'approved'] } })).achievement).toBe(75);
    expect(measure(ds('verified'), 2025, { regionSettings: { countedStates: ['verified', 'approved'] } }).agreements[0]!.rows[0]!.achievement).toBe(75);
    expect(measure(ds('verified', { settings: { countedStates: ['approved'] } }), 2025, { regionSettings: { countedStates: ['verified', 'approved'] } }).agreements[0]!.rows[0]!.achievement).toBeNull();
  });

  it('an approved Q2 stays official while a newer Q3 draft is pending', () => {
    const d = ds(undefined, {
      realizations: [real('A', 2025, { period: 'Q2', value: 40, state: 'approved' }), real('A', 2025, { period: 'Q3', value: 70, state: 'draft' })],
    });
    const r = rowOf(d);
    expect(r).toMatchObject({ realization: 40, achievement: 50, provisional: true, realizationPeriod: 'Q2', state: 'approved' });
    expect(r.pending).toMatchObject({ state: 'draft', period: 'Q3', realization: 70, achievement: 87.5, predicate: 'Tinggi' });
  });

  it('an earlier year resting on a draft leaves the trend', () => {
    const d = ds(undefined, { realizations: [real('A', 2024, { value: 10, state: 'draft' }), real('A', 2023, { value: 5 }), real('A', 2025, { value: 60 })] });
    expect(rowOf(d).trend).toEqual([{ year: 2023, value: 5 }]);
  });
});
