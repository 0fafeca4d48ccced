import { describe, expect, it } from 'vitest';
import { minimalDataset, FIXTURE_PLAN } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { measure } from '../measure/index.js';
import { EditError } from './common.js';
import {
  actionsFrom,
  addEvidence,
  findRealization,
  putRealization,
  realizationKeyText,
  removeRealization,
  stateOf,
  transitionRealization,
  WORKFLOW,
  type RealizationKey,
} from './realizations.js';

const UMM = `${FIXTURE_PLAN}/UMM`;
const AWD = `${FIXTURE_PLAN}/AWD`;
const SAKIP = `${FIXTURE_PLAN}/SAKIP`;
const q = (indicator: string, period: RealizationKey['period'], year = 2026): RealizationKey => ({ indicator, year, period });

const editError = (fn: () => unknown): EditError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EditError) return e;
    throw e;
  }
  throw new Error('expected an EditError');
};

describe('putRealization', () => {
  it('creates a draft, keyed by indicator, year and period, without touching the input', () => {
    const ds = minimalDataset();
    const frozen = JSON.stringify(ds);
    const r = putRealization(ds, q(UMM, 'Q1'), { numerator: 20, denominator: 100 });
    expect(JSON.stringify(ds)).toBe(frozen);
    expect(r.entity).toBe('realization');
    expect(r.key).toBe(`${UMM}@2026/Q1`);
    expect(r.before).toBeNull();
    expect(r.after).toStrictEqual({ indicator: UMM, year: 2026, period: 'Q1', numerator: 20, denominator: 100, state: 'draft' });
    expect(r.dataset.realizations).toHaveLength(ds.realizations.length + 1);
    expect(hasErrors(validateDataset(r.dataset).findings)).toBe(false);
  });

  it('a year entry is stored without a period (absent = Y), and replaces the value fields of an existing one', () => {
    const first = putRealization(minimalDataset(), q(SAKIP, 'Y'), { value: 70 });
    expect(first.after).toStrictEqual({ indicator: SAKIP, year: 2026, value: 70, state: 'draft' });
    const again = putRealization(first.dataset, q(SAKIP, 'Y'), { value: 71, note: 'revisi' });
    expect(again.before).toStrictEqual(first.after);
    expect(again.after).toStrictEqual({ indicator: SAKIP, year: 2026, value: 71, state: 'draft', note: 'revisi' });
    expect(again.dataset.realizations.filter((x) => x.indicator === SAKIP && x.year === 2026)).toHaveLength(1);
  });

  it('an existing entry keeps its state and evidence', () => {
    const ds = minimalDataset();
    ds.realizations[2] = { ...ds.realizations[2]!, state: 'submitted', evidence: ['file-1'] };
    const r = putRealization(ds, q(SAKIP, 'Y', 2025), { value: 80 });
    expect(r.after).toMatchObject({ value: 80, state: 'submitted', evidence: ['file-1'] });
  });

  it('checks the value fields against the indicator measure', () => {
    const ds = minimalDataset();
    expect(editError(() => putRealization(ds, q(UMM, 'Q1'), { numerator: 3 })).where).toBe('denominator');
    expect(editError(() => putRealization(ds, q(UMM, 'Q1'), {})).message).toMatch(/numerator \(usaha mikro mandiri\) and the denominator/);
    expect(editError(() => putRealization(ds, q(AWD, 'Y'), { value: 3 })).code).toBe('realization-value');
    expect(editError(() => putRealization(ds, q(AWD, 'Y'), { category: 'Juara 9' })).message).toMatch(/"Juara 9" is none of the categories/);
    expect(editError(() => putRealization(ds, q(SAKIP, 'Y'), { category: 'x', value: 1 })).message).toMatch(/takes a value only/);
    expect(editError(() => putRealization(ds, q(SAKIP, 'Y'), { status: 'postponed' })).where).toBe('note');
    expect(putRealization(ds, q(SAKIP, 'Y'), { status: 'postponed', note: 'survei ditunda' }).after).toMatchObject({ status: 'postponed' });
    const unknown = editError(() => putRealization(ds, q(`${FIXTURE_PLAN}/NOPE`, 'Y'), { value: 1 }));
    expect([unknown.kind, unknown.code]).toEqual(['not-found', 'unknown-indicator']);
  });

  it('refuses to enter the realization of a count from a list (countOf): it is computed', () => {
    const ds = minimalDataset();
    ds.plans[0]!.indicators!.push({ id: 'AWARDS', goal: 'S1', name: 'Jumlah penghargaan', measure: { type: 'countOf', list: 'awards' }, targets: { '2026': 1 } });
    const e = editError(() => putRealization(ds, q(`${FIXTURE_PLAN}/AWARDS`, 'Y'), { value: 3 }));
    expect([e.code, e.where]).toEqual(['realization-value', 'indicator']);
    expect(e.localized.id).toContain('jumlah penghargaan tahun berjalan yang tercatat dalam data');
  });

  it('the measured row uses a quarter as provisional until the year has its own figure', () => {
    const q2 = putRealization(minimalDataset(), q(SAKIP, 'Q2', 2025), { value: 60 }).dataset;
    // the fixture already has a 2025 Y figure for SAKIP: it wins
    expect(measure(q2, 2025).agreements[0]!.rows[2]).toMatchObject({ realization: 76.1 });
    let withoutYear = removeRealization(q2, q(SAKIP, 'Y', 2025)).dataset;
    // a new entry is a draft: it waits for approval beside the (empty) official figure
    const draft = measure(withoutYear, 2025).agreements[0]!.rows[2]!;
    expect(draft).toMatchObject({ realization: null, achievement: null, unmeasured: 'awaiting approval' });
    expect(draft.pending).toMatchObject({ state: 'draft', period: 'Q2', realization: 60, achievement: 80, predicate: 'Tinggi' });
    for (const action of ['submit', 'verify', 'approve'] as const) withoutYear = transitionRealization(withoutYear, q(SAKIP, 'Q2', 2025), action).dataset;
    const row = measure(withoutYear, 2025).agreements[0]!.rows[2]!;
    expect(row).toMatchObject({ realization: 60, provisional: true, achievement: 80, predicate: 'Tinggi', state: 'approved' });
    expect(row.pending).toBeUndefined();
  });
});

describe('workflow', () => {
  it('follows draft → submitted → verified → approved, and reopen goes back to draft', () => {
    let ds = putRealization(minimalDataset(), q(UMM, 'Q1'), { value: 10 }).dataset;
    const k = q(UMM, 'Q1');
    for (const [action, state] of [
      ['submit', 'submitted'],
      ['return', 'draft'],
      ['submit', 'submitted'],
      ['verify', 'verified'],
      ['approve', 'approved'],
      ['reopen', 'draft'],
    ] as const) {
      const r = transitionRealization(ds, k, action);
      expect(r.after?.state, action).toBe(state);
      ds = r.dataset;
    }
  });

  it('refuses a transition the state does not allow, naming the allowed ones', () => {
    const ds = putRealization(minimalDataset(), q(UMM, 'Q1'), { value: 10 }).dataset;
    const e = editError(() => transitionRealization(ds, q(UMM, 'Q1'), 'approve'));
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/cannot approve a realization that is draft; approve applies to verified \(allowed now: submit\)/);
  });

  it('imported data without a state is approved, so locked until reopened', () => {
    const ds = minimalDataset();
    expect(stateOf(ds.realizations[0]!)).toBe('approved');
    expect(actionsFrom('approved')).toEqual(['reopen']);
    expect(editError(() => transitionRealization(ds, q(UMM, 'Y', 2025), 'submit')).code).toBe('invalid-transition');
  });

  it('every state is reachable and every action leads somewhere the workflow knows', () => {
    const states = new Set(Object.values(WORKFLOW).flatMap((w) => [...w.from, w.to]));
    expect([...states].sort()).toEqual(['approved', 'draft', 'submitted', 'verified']);
  });
});

describe('removeRealization and addEvidence', () => {
  it('removes exactly the addressed entry', () => {
    const ds = putRealization(minimalDataset(), q(UMM, 'Q1'), { value: 10 }).dataset;
    const r = removeRealization(ds, q(UMM, 'Q1'));
    expect(r.after).toBeNull();
    expect(findRealization(r.dataset, q(UMM, 'Q1'))).toBeUndefined();
    expect(r.dataset.realizations).toHaveLength(ds.realizations.length - 1);
    expect(editError(() => removeRealization(r.dataset, q(UMM, 'Q1'))).kind).toBe('not-found');
  });

  it('appends evidence', () => {
    const ds = putRealization(minimalDataset(), q(UMM, 'Q1'), { value: 10 }).dataset;
    const once = addEvidence(ds, q(UMM, 'Q1'), 'evidence:a');
    const twice = addEvidence(once.dataset, q(UMM, 'Q1'), 'evidence:b');
    expect(twice.after?.evidence).toEqual(['evidence:a', 'evidence:b']);
    expect(realizationKeyText(q(UMM, 'Q1'))).toBe(twice.key);
  });
});
