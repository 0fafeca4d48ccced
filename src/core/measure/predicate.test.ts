import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandOf, isAchieved, predicateOf } from './predicate.js';
import { DEFAULT_RULES, normalizeScale } from './rules.js';

const scale = DEFAULT_RULES.ratingScale;

describe('predicateOf with the default scale', () => {
  it.each([
    [150, 'Sangat Tinggi'],
    [90, 'Sangat Tinggi'],
    [89.999, 'Tinggi'],
    [76, 'Tinggi'],
    [75.5, 'Sedang'], // the printed gap 75–76 closes downward
    [66, 'Sedang'],
    [65.5, 'Rendah'],
    [51, 'Rendah'],
    [50.5, 'Sangat Rendah'],
    [9.285714285714286, 'Sangat Rendah'],
    [-20, 'Sangat Rendah'],
  ])('%f → %s', (a, label) => {
    expect(predicateOf(scale, a)).toBe(label);
  });
  it('gives the colour of the band', () => {
    expect(bandOf(scale, 95)?.color).toBe('#ADD8E6');
    expect(bandOf(scale, 80)?.colorName).toBe('Hijau');
  });
});

describe('custom scale', () => {
  const custom = normalizeScale([
    { min: 0, label: 'Kurang' },
    { min: 100, label: 'Baik' },
    { min: 60, label: 'Cukup' },
  ]);
  it('takes the first band whose min the value reaches', () => {
    expect(predicateOf(custom, 100)).toBe('Baik');
    expect(predicateOf(custom, 99)).toBe('Cukup');
    expect(predicateOf(custom, 0)).toBe('Kurang');
  });
  it('gives the lowest band below every min, and null for an empty scale', () => {
    expect(predicateOf(custom, -5)).toBe('Kurang');
    expect(predicateOf([], 50)).toBeNull();
  });
  it('is monotone in the achievement', () => {
    const rank = (label: string | null) => custom.length - custom.findIndex((b) => b.label === label);
    const rankDefault = (label: string | null) => scale.length - scale.findIndex((b) => b.label === label);
    fc.assert(
      fc.property(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(predicateOf(custom, lo))).toBeLessThanOrEqual(rank(predicateOf(custom, hi)));
        expect(rankDefault(predicateOf(scale, lo))).toBeLessThanOrEqual(rankDefault(predicateOf(scale, hi)));
      }),
    );
  });
});

describe('isAchieved', () => {
  it('is achievement ≥ 100', () => {
    expect(isAchieved(100)).toBe(true);
    expect(isAchieved(99.9999)).toBe(false);
    expect(isAchieved(250)).toBe(true);
  });
});
