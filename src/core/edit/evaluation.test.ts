import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { hasErrors } from '../findings.js';
import { addRecommendation, isOverdue, putScore, removeRecommendation, updateRecommendation } from './evaluation.js';
import { setNarrative } from './narrative.js';

const score = { year: 2025, value: 70.5, evaluator: 'Inspektorat', reference: 'LHE 1' };
const rec = { id: 'r1', year: 2025, text: 'Susun juknis', action: '', due: '2025-06-30' };

describe('evaluation', () => {
  it('enters a score per year (and period), replacing the one of the same key', () => {
    const first = putScore(minimalDataset(), score);
    expect(first.key).toBe('2025');
    const second = putScore(first.dataset, { ...score, value: 71 });
    expect(second.before).toStrictEqual(score);
    expect(second.dataset.evaluation?.scores).toEqual([{ ...score, value: 71 }]);
    const mid = putScore(second.dataset, { ...score, period: 's.d. TW III' });
    expect(mid.key).toBe('2025/s.d. TW III');
    expect(mid.dataset.evaluation?.scores).toHaveLength(2);
  });

  it('adds, follows up and removes a recommendation; overdue is open and past due', () => {
    const added = addRecommendation(minimalDataset(), rec);
    expect(() => addRecommendation(added.dataset, rec)).toThrow(/already a recommendation "r1"/);
    expect(isOverdue(added.after!, '2025-07-01')).toBe(true);
    expect(isOverdue(added.after!, '2025-06-30')).toBe(false);
    const done = updateRecommendation(added.dataset, 'r1', { action: 'Juknis disusun', status: 'done' });
    expect(done.after).toStrictEqual({ ...rec, action: 'Juknis disusun', status: 'done' });
    expect(isOverdue(done.after!, '2026-01-01')).toBe(false);
    expect(hasErrors(validateDataset(done.dataset).findings)).toBe(false);
    expect(removeRecommendation(done.dataset, 'r1').dataset.evaluation?.recommendations).toEqual([]);
  });

  it('replaces the narrative as one record', () => {
    const none = minimalDataset();
    delete none.narrative; // the fixture's narrative gives the causes; this one starts without any
    const r = setNarrative(none, { place: 'Jember', conclusions: 'Baik' });
    expect(r.before).toBeNull();
    expect(r.dataset.narrative).toEqual({ place: 'Jember', conclusions: 'Baik' });
  });
});
