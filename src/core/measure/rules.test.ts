import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, resolveRules } from './rules.js';

describe('DEFAULT_RULES', () => {
  it('is Permendagri 86/2017 with reverse, simple efficiency and no cap', () => {
    expect(DEFAULT_RULES.ratingScale.map((b) => [b.min, b.label])).toEqual([
      [90, 'Sangat Tinggi'],
      [76, 'Tinggi'],
      [66, 'Sedang'],
      [51, 'Rendah'],
      [Number.NEGATIVE_INFINITY, 'Sangat Rendah'],
    ]);
    for (const b of DEFAULT_RULES.ratingScale) {
      expect(b.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(b.colorName).toBeTruthy();
    }
    expect(DEFAULT_RULES.ratingScale[0]?.colorName).toBe('Biru muda');
    expect(DEFAULT_RULES.ratingScale[4]?.color).toBe('#FF0000');
    expect(DEFAULT_RULES.negativeMethod).toBe('reverse');
    expect(DEFAULT_RULES.efficiency).toEqual({ rule: 'simple' });
    expect(DEFAULT_RULES.achievementCap).toBeNull();
  });
});

describe('resolveRules precedence', () => {
  const ds = { negativeMethod: 'ratio' as const, achievementCap: 120, efficiency: { rule: 'band' as const, margin: 5 } };
  const region = {
    negativeMethod: 'reverse' as const,
    achievementCap: 150,
    efficiency: { rule: 'simple' as const },
    ratingScale: [{ min: 50, label: 'Baik' }, { min: 80, label: 'Sangat Baik' }],
  };
  it('takes the defaults when nothing is set', () => {
    expect(resolveRules()).toEqual({ ...DEFAULT_RULES });
  });
  it('prefers the indicator, then the dataset, then the region', () => {
    expect(resolveRules({ negativeMethod: 'reverse' }, ds, region).negativeMethod).toBe('reverse');
    expect(resolveRules({}, ds, region).negativeMethod).toBe('ratio');
    expect(resolveRules({}, {}, region).negativeMethod).toBe('reverse');
    expect(resolveRules({}, { negativeMethod: 'ratio' }, { negativeMethod: 'reverse' }).negativeMethod).toBe('ratio');
    expect(resolveRules(null, undefined, { negativeMethod: 'ratio' }).negativeMethod).toBe('ratio');
    expect(resolveRules({}, ds, region).achievementCap).toBe(120);
    expect(resolveRules({}, {}, region).achievementCap).toBe(150);
    expect(resolveRules({}, ds, region).efficiency).toEqual({ rule: 'band', margin: 5 });
    expect(resolveRules({}, {}, region).efficiency).toEqual({ rule: 'simple' });
  });
  it('takes a custom rating scale and sorts it highest min first', () => {
    const r = resolveRules({}, {}, region);
    expect(r.ratingScale.map((b) => b.label)).toEqual(['Sangat Baik', 'Baik']);
    const own = resolveRules({}, { ratingScale: [{ min: 0, label: 'X' }] }, region);
    expect(own.ratingScale.map((b) => b.label)).toEqual(['X']);
  });
});
