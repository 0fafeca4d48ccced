import { describe, expect, it } from 'vitest';
import { minimalDataset } from './fixtures.js';
import { narrativeFor, narrativesOf } from './model.js';
import type { Dataset, Narrative } from './schema.js';

const withNarrative = (narrative: Dataset['narrative']): Dataset => {
  const ds = minimalDataset();
  if (narrative === undefined) delete ds.narrative;
  else ds.narrative = narrative;
  return ds;
};

describe('narrativeFor: the narrative of a report year', () => {
  const undated: Narrative = { foreword: 'untuk setiap tahun', signedOn: '2026-02-19' };
  const y2025: Narrative = { year: 2025, foreword: 'tahun 2025' };
  const y2026: Narrative = { year: 2026, foreword: 'tahun 2026', signedOn: '2027-02-15' };

  it('the one whose year is the report year', () => {
    const ds = withNarrative([undated, y2025, y2026]);
    expect(narrativeFor(ds, 2026)).toBe(ds.narrative && (ds.narrative as Narrative[])[2]);
    expect(narrativeFor(ds, 2025)?.foreword).toBe('tahun 2025');
  });

  it('else the undated one: the single narrative of the first form, or the undated one of a list', () => {
    expect(narrativeFor(withNarrative(undated), 2031)).toEqual(undated);
    expect(narrativeFor(withNarrative([y2025, undated]), 2024)).toEqual(undated);
  });

  it('else none: a dated narrative never stands in for another year', () => {
    expect(narrativeFor(withNarrative(undefined), 2025)).toBeUndefined();
    expect(narrativeFor(withNarrative([y2025, y2026]), 2027)).toBeUndefined();
    expect(narrativeFor(withNarrative(y2025), 2026)).toBeUndefined();
    expect(narrativeFor(withNarrative([]), 2025)).toBeUndefined();
  });

  it('narrativesOf lists either form', () => {
    expect(narrativesOf(withNarrative(undefined))).toEqual([]);
    expect(narrativesOf(withNarrative(undated))).toEqual([undated]);
    expect(narrativesOf(withNarrative([y2025, y2026]))).toEqual([y2025, y2026]);
  });
});
