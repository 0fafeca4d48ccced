import { describe, expect, it } from 'vitest';
import { headline } from './headline.js';
import { DEFAULT_RATING_SCALE } from './rules.js';
import { measure } from './index.js';
import { agreement, dataset, indicator, plan, real, row } from './testkit.js';

/** Rows of one agreement whose realizations against a target of 100 give these achievements (null: none). */
function rowsOf(achievements: (number | null)[]) {
  const ids = achievements.map((_, i) => `I${i}`);
  const ds = dataset({
    plans: [plan(ids.map((id) => indicator(id, { targets: { '2025': 100 } })))],
    agreements: [agreement('pk', ids.map((id) => row(id, 100)))],
    realizations: achievements.flatMap((a, i) => (a === null ? [] : [real(`I${i}`, 2025, { value: a })])),
  });
  return measure(ds, 2025).agreements[0]!.rows;
}

describe('headline', () => {
  it('counts rows per predicate, so one outlier cannot hide a failing row', () => {
    const h = headline(rowsOf([529.25, 7.32, 95, 80, 70]), DEFAULT_RATING_SCALE);
    expect(h.text.id).toBe('5 indikator: 2 Sangat Tinggi, 1 Tinggi, 1 Sedang, 1 Sangat Rendah');
    expect(h.text.en).toBe('5 indicators: 2 Sangat Tinggi, 1 Tinggi, 1 Sedang, 1 Sangat Rendah');
    expect(h.byPredicate.map((p) => p.count)).toEqual([2, 1, 1, 0, 1]);
    // the uncapped mean would be 156,31 % "Sangat Tinggi"; capped at 100 % it is 70,46 %
    expect(h.cappedMean).toBeCloseTo((100 + 7.32 + 95 + 80 + 70) / 5, 10);
    expect(h.meanText!.id).toBe('rata-rata capaian (setiap capaian dibatasi 100%) 70,46% dari 5 indikator terukur');
  });
  it('states unmeasured rows, and has no mean when none is measured', () => {
    const h = headline(rowsOf([null, 50]), DEFAULT_RATING_SCALE);
    expect(h.text.id).toBe('2 indikator: 1 Sangat Rendah, 1 belum terukur');
    expect(headline(rowsOf([null]), DEFAULT_RATING_SCALE)).toMatchObject({ cappedMean: null, meanText: null, measured: 0, unmeasured: 1 });
    expect(headline([], DEFAULT_RATING_SCALE).text.id).toBe('0 indikator');
  });
  it('caps at the settings’ cap when one is set', () => {
    const h = headline(rowsOf([150, 50]), DEFAULT_RATING_SCALE, 120);
    expect(h.cappedMean).toBe(85);
    expect(h.meanText!.en).toBe('mean achievement (each achievement capped at 120%) 85.00% over 2 measured');
  });
});
