import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { achievementOf, bestCategory, capAchievement, categoryScore } from './achievement.js';

const value = (o: ReturnType<typeof achievementOf>) => (o.ok ? o.value : Number.NaN);

describe('achievementOf', () => {
  it('positive: R / T × 100 (the UMM example of measurement.md)', () => {
    expect(value(achievementOf({ polarity: 'positive', method: 'reverse', target: 70, realization: 6.5, cap: null }))).toBe(9.285714285714286);
    expect(value(achievementOf({ polarity: 'positive', method: 'reverse', target: 75, realization: 6.5, cap: null }))).toBe(8.666666666666666);
  });
  it('negative reverse: (2T − R) / T × 100, negative when R > 2T', () => {
    expect(value(achievementOf({ polarity: 'negative', method: 'reverse', target: 10, realization: 8, cap: null }))).toBe(120);
    expect(value(achievementOf({ polarity: 'negative', method: 'reverse', target: 10, realization: 25, cap: null }))).toBe(-50);
  });
  it('negative ratio: T / R × 100; R = 0 gives the cap, or nothing without one', () => {
    expect(value(achievementOf({ polarity: 'negative', method: 'ratio', target: 10, realization: 8, cap: null }))).toBe(125);
    expect(value(achievementOf({ polarity: 'negative', method: 'ratio', target: 10, realization: 0, cap: 120 }))).toBe(120);
    const none = achievementOf({ polarity: 'negative', method: 'ratio', target: 10, realization: 0, cap: null });
    expect(none).toMatchObject({ ok: false, reason: 'zero realization' });
  });
  it('zero target: no achievement under every method', () => {
    for (const [polarity, method] of [
      ['positive', 'reverse'],
      ['negative', 'reverse'],
      ['negative', 'ratio'],
    ] as const) {
      expect(achievementOf({ polarity, method, target: 0, realization: 5, cap: 120 })).toMatchObject({ ok: false, reason: 'zero target' });
    }
  });
  it('does not cap the reported achievement', () => {
    expect(value(achievementOf({ polarity: 'positive', method: 'reverse', target: 10, realization: 30, cap: 120 }))).toBe(300);
    expect(capAchievement(300, 120)).toBe(120);
    expect(capAchievement(90, 120)).toBe(90);
    expect(capAchievement(300, null)).toBe(300);
  });

  const pos = fc.double({ min: 0.01, max: 1e6, noNaN: true });
  const nonneg = fc.double({ min: 0, max: 1e6, noNaN: true });
  it('raising a positive indicator’s realization never lowers its achievement', () => {
    fc.assert(
      fc.property(pos, nonneg, nonneg, (t, r1, r2) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = (r: number) => value(achievementOf({ polarity: 'positive', method: 'reverse', target: t, realization: r, cap: null }));
        expect(a(hi)).toBeGreaterThanOrEqual(a(lo));
      }),
    );
  });
  it('raising a negative indicator’s realization never raises its achievement (both methods)', () => {
    // Without a cap, an unmeasurable perfect result (R = 0 under ratio) ranks above every value.
    // With a cap, R = 0 under ratio *is* the cap while a tiny R > 0 gives T / R uncapped, so
    // there the order holds for the capped achievement, which predicates and means use (and
    // for the uncapped one between realizations whose T / R does not overflow).
    fc.assert(
      fc.property(pos, nonneg, nonneg, fc.constantFrom('reverse' as const, 'ratio' as const), fc.option(fc.integer({ min: 100, max: 200 })), (t, r1, r2, method, cap) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = (r: number) => {
          const o = achievementOf({ polarity: 'negative', method, target: t, realization: r, cap });
          const v = o.ok ? o.value : Number.POSITIVE_INFINITY;
          return cap === null ? v : capAchievement(v, cap);
        };
        expect(a(hi)).toBeLessThanOrEqual(a(lo));
        if (cap === null || method === 'reverse' || (lo > 0 && Number.isFinite((t * 100) / lo))) {
          const raw = (r: number) => {
            const o = achievementOf({ polarity: 'negative', method, target: t, realization: r, cap });
            return o.ok ? o.value : Number.POSITIVE_INFINITY;
          };
          expect(raw(hi)).toBeLessThanOrEqual(raw(lo));
        }
      }),
      { numRuns: 500 },
    );
  });
  it('never reports a non-finite achievement', () => {
    expect(achievementOf({ polarity: 'negative', method: 'ratio', target: 1, realization: 5e-324, cap: null })).toMatchObject({ ok: false });
    expect(achievementOf({ polarity: 'negative', method: 'ratio', target: 1, realization: 5e-324, cap: 130 })).toEqual({ ok: true, value: 130 });
    expect(achievementOf({ polarity: 'positive', method: 'reverse', target: 1e-320, realization: 5, cap: null })).toMatchObject({ ok: false, reason: 'zero target' });
  });
});

describe('categories', () => {
  const cats = [
    { label: 'Juara 1', score: 100 },
    { label: 'Juara 2', score: 90 },
    { label: 'Juara 3', score: 80 },
    { label: 'Juara Harapan', score: 70 },
  ];
  it('scores labels (case and spacing insensitive) and picks the best of several', () => {
    expect(categoryScore(cats, 'juara 2 ')).toBe(90);
    expect(categoryScore(cats, 'Juara 4')).toBeUndefined();
    expect(bestCategory(cats, ['Juara Harapan', 'Juara 2', 'Juara 9'])).toEqual({ label: 'Juara 2', score: 90 });
    expect(bestCategory(cats, ['Juara 9'])).toBeUndefined();
  });
});
