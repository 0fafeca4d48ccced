import { describe, expect, it } from 'vitest';
import type { Indicator, Realization } from '../dataset/schema.js';
import type { IndexedRealization } from './context.js';
import { realizationOfEntries, valueOfEntry } from './realization.js';
import { indicator } from './testkit.js';

const entries = (...rs: Partial<Realization>[]): IndexedRealization[] =>
  rs.map((r, i) => ({ r: { indicator: 'renstra/X', year: 2025, ...r }, i }));
const valueInd = indicator('X');
const ratioInd: Indicator = indicator('R', { measure: { type: 'ratio', numerator: 'a', denominator: 'b' } });
const awards: Indicator = indicator('AWD', {
  measure: {
    type: 'category',
    categories: [
      { label: 'Juara 1', score: 100 },
      { label: 'Juara 2', score: 90 },
      { label: 'Juara Harapan', score: 70 },
    ],
  },
});

describe('realization of a year', () => {
  it('takes the Y entry (period omitted or "Y") and is not provisional', () => {
    const r = realizationOfEntries(valueInd, entries({ period: 'Q2', value: 3 }, { value: 7 }));
    expect(r).toMatchObject({ ok: true, value: 7, provisional: false, period: 'Y', state: 'approved', sources: [1] });
  });
  it('without Y, takes the latest cumulative quarter, provisional', () => {
    const r = realizationOfEntries(valueInd, entries({ period: 'Q1', value: 1 }, { period: 'Q3', value: 5 }, { period: 'Q2', value: 3 }));
    expect(r).toMatchObject({ ok: true, value: 5, provisional: true, period: 'Q3' });
  });
  it('without Y, takes the latest semester, and Q3 over S1', () => {
    expect(realizationOfEntries(valueInd, entries({ period: 'S2', value: 9 }, { period: 'S1', value: 4 }))).toMatchObject({
      value: 9,
      period: 'S2',
      provisional: true,
    });
    expect(realizationOfEntries(valueInd, entries({ period: 'S1', value: 4 }, { period: 'Q3', value: 6 }))).toMatchObject({ value: 6 });
  });
  it('separate period values: the sum of the quarters (or semesters)', () => {
    const sep = indicator('X', { periodValues: 'separate' });
    expect(
      realizationOfEntries(sep, entries({ period: 'Q1', value: 10 }, { period: 'Q2', value: 20, state: 'draft' }, { period: 'Q3', value: 5 })),
    ).toMatchObject({ ok: true, value: 35, provisional: true, state: 'draft', period: 'Q3' });
    expect(realizationOfEntries(sep, entries({ period: 'S1', value: 10 }, { period: 'S2', value: 12 }))).toMatchObject({ value: 22 });
    // quarters win over semesters when both are present
    expect(realizationOfEntries(sep, entries({ period: 'S1', value: 100 }, { period: 'Q1', value: 1 }, { period: 'Q2', value: 2 }))).toMatchObject({
      value: 3,
    });
  });
  it('separate ratio periods add numerators and denominators', () => {
    const sep: Indicator = { ...ratioInd, periodValues: 'separate' };
    const r = realizationOfEntries(sep, entries({ period: 'Q1', numerator: 1, denominator: 10 }, { period: 'Q2', numerator: 3, denominator: 10 }));
    expect(r).toMatchObject({ ok: true, value: 20, parts: { numerator: 4, denominator: 20 } });
  });
  it('computes a ratio realization from its parts (factor default 100, or the given one)', () => {
    expect(realizationOfEntries(ratioInd, entries({ numerator: 65, denominator: 1000, value: 7 }))).toMatchObject({
      value: 6.5,
      parts: { numerator: 65, denominator: 1000 },
    });
    const perMille: Indicator = { ...ratioInd, measure: { type: 'ratio', numerator: 'a', denominator: 'b', factor: 1000 } };
    expect(realizationOfEntries(perMille, entries({ numerator: 65, denominator: 1000 }))).toMatchObject({ value: 65 });
    expect(realizationOfEntries(ratioInd, entries({ value: 12 }))).toMatchObject({ value: 12 });
    expect(realizationOfEntries(ratioInd, entries({ numerator: 1, denominator: 0 }))).toMatchObject({ ok: false, reason: 'zero denominator' });
  });
  it('takes the best of several realized categories', () => {
    const r = realizationOfEntries(awards, entries({ categories: ['Juara Harapan', 'Juara 2'] }));
    expect(r).toMatchObject({ ok: true, value: 90, display: 'Juara 2', categories: ['Juara Harapan', 'Juara 2'] });
    expect(realizationOfEntries(awards, entries({ category: 'Juara 7' }))).toMatchObject({ ok: false, reason: 'unknown category' });
    expect(valueOfEntry(awards, { indicator: 'x', year: 2025, value: 85 })).toMatchObject({ ok: true, value: 85, display: 85 });
  });
  it.each([
    ['no-data', 'no data'],
    ['postponed', 'postponed'],
    ['not-applicable', 'not applicable'],
  ] as const)('status %s → unmeasured "%s"', (status, reason) => {
    const r = realizationOfEntries(valueInd, entries({ status, note: 'BPS belum rilis', state: 'submitted' }));
    expect(r).toMatchObject({ ok: false, reason, state: 'submitted' });
    if (!r.ok) expect(r.message).toContain('BPS belum rilis');
  });
  it('a period with a value counts over a later period with a status', () => {
    expect(realizationOfEntries(valueInd, entries({ period: 'Q2', value: 4 }, { period: 'Q3', status: 'postponed' }))).toMatchObject({
      ok: true,
      value: 4,
    });
    expect(realizationOfEntries(valueInd, entries({ period: 'Q2', status: 'no-data' }, { period: 'Q3', status: 'postponed' }))).toMatchObject({
      ok: false,
      reason: 'postponed',
    });
  });
  it('no entry, or an empty Y entry → "no realization"', () => {
    expect(realizationOfEntries(valueInd, undefined)).toMatchObject({ ok: false, reason: 'no realization', state: null });
    expect(realizationOfEntries(valueInd, entries({}))).toMatchObject({ ok: false, reason: 'no realization' });
  });
  it('reports the workflow state, default approved', () => {
    expect(realizationOfEntries(valueInd, entries({ value: 1, state: 'verified' }))).toMatchObject({ state: 'verified' });
    expect(realizationOfEntries(valueInd, entries({ value: 1 }))).toMatchObject({ state: 'approved' });
  });
});
