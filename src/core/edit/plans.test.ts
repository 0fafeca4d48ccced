import { describe, expect, it } from 'vitest';
import { minimalDataset, FIXTURE_PLAN } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { EditError } from './common.js';
import { addGoal, addIndicator, removeGoal, removeIndicator, replaceGoal, replaceIndicator } from './plans.js';

describe('goals', () => {
  it('adds, replaces and removes a goal of a plan', () => {
    const ds = minimalDataset();
    const added = addGoal(ds, FIXTURE_PLAN, { id: 'S2', kind: 'sasaran', statement: 'Meningkatnya koperasi sehat', parent: 'T1' });
    expect(added.key).toBe(`${FIXTURE_PLAN}/S2`);
    expect(added.dataset.plans[0]!.goals.map((g) => g.id)).toEqual(['T1', 'S1', 'S2']);
    expect(ds.plans[0]!.goals).toHaveLength(2);
    const replaced = replaceGoal(added.dataset, FIXTURE_PLAN, 'S2', { id: 'S2', kind: 'sasaran', statement: 'Baru', supports: ['rpjmd/M1'] });
    expect(replaced.before?.statement).toBe('Meningkatnya koperasi sehat');
    expect(replaced.after?.supports).toEqual(['rpjmd/M1']);
    const removed = removeGoal(replaced.dataset, FIXTURE_PLAN, 'S2');
    expect(removed.dataset.plans[0]!.goals.map((g) => g.id)).toEqual(['T1', 'S1']);
  });

  it('refuses a duplicate id, an unknown plan or goal, and a change of id', () => {
    const ds = minimalDataset();
    expect(() => addGoal(ds, FIXTURE_PLAN, { id: 'S1', kind: 'sasaran', statement: 'x' })).toThrow(/already has a goal "S1"/);
    expect(() => addGoal(ds, 'nope', { id: 'X', kind: 'sasaran', statement: 'x' })).toThrow(/no plan "nope" \(known: renstra-2021-2026\)/);
    expect(() => replaceGoal(ds, FIXTURE_PLAN, 'S9', { id: 'S9', kind: 'sasaran', statement: 'x' })).toThrow(EditError);
    expect(() => replaceGoal(ds, FIXTURE_PLAN, 'S1', { id: 'S2', kind: 'sasaran', statement: 'x' })).toThrow(/ids are not changed/);
  });

  it('removing a goal that indicators measure leaves a dataset that validation rejects with paths', () => {
    const r = removeGoal(minimalDataset(), FIXTURE_PLAN, 'S1');
    const { findings } = validateDataset(r.dataset);
    expect(hasErrors(findings)).toBe(true);
    expect(findings.some((f) => f.where.startsWith('plans[0].indicators[0]'))).toBe(true);
  });
});

describe('indicators', () => {
  it('replaces an indicator with all its fields and keeps the dataset valid', () => {
    const ds = minimalDataset();
    const ind = { ...ds.plans[0]!.indicators![2]!, definition: 'Nilai dari LHE', responsibleUnits: ['u1'], targets: { '2025': 76, '2026': 78 } };
    const r = replaceIndicator(ds, FIXTURE_PLAN, 'SAKIP', ind);
    expect(r.after).toStrictEqual(ind);
    expect(r.before?.targets).toEqual({ '2025': 75 });
    expect(hasErrors(validateDataset(r.dataset).findings)).toBe(false);
  });

  it('adds an indicator to a plan without indicators, and removes one', () => {
    const ds = minimalDataset();
    delete ds.plans[0]!.indicators;
    const r = addIndicator(ds, FIXTURE_PLAN, { id: 'N', goal: 'S1', name: 'Baru', measure: { type: 'count' }, targets: { '2025': 3 } });
    expect(r.dataset.plans[0]!.indicators?.map((i) => i.id)).toEqual(['N']);
    expect(removeIndicator(r.dataset, FIXTURE_PLAN, 'N').dataset.plans[0]!.indicators).toEqual([]);
    expect(() => removeIndicator(ds, FIXTURE_PLAN, 'N')).toThrow(/no indicator/);
  });
});
