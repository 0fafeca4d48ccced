import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNumber } from './number-input.js';
import { formatNumber, roundHalfUp } from './format.js';

const value = (s: string) => {
  const r = readNumber(s);
  return r.kind === 'number' ? r.value : r.kind;
};

describe('readNumber: numbers typed the Indonesian way', () => {
  it('reads the decimal comma and the thousands dot', () => {
    expect(value('0,25')).toBe(0.25);
    expect(value('1.234,5')).toBe(1234.5);
    expect(value('1.234')).toBe(1234);
    expect(value('1.234.567,89')).toBe(1234567.89);
    expect(value(' 87,24 ')).toBe(87.24);
    expect(value('-5')).toBe(-5);
    expect(value('−1.000.000')).toBe(-1000000);
    expect(value(',5')).toBe(0.5);
    expect(value('250')).toBe(250);
    expect(value('')).toBe('empty');
    expect(value('   ')).toBe('empty');
  });
  it('refuses "0.250" with a hint: 0,25 for the decimal, or 250 without the dot', () => {
    const r = readNumber('0.250');
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.message.id).toBe('"0.250" tidak jelas: titik adalah pemisah ribuan, padahal 0.250 bukan ribuan; tulis 0,25 (dengan koma) bila yang dimaksud bilangan desimal, atau 250 tanpa titik');
    expect(r.message.en).toMatch(/write 0,25 \(with a comma\) for a decimal, or 250 without a dot/);
  });
  it('refuses a dot that cannot group thousands, and anything else that is not a number', () => {
    for (const s of ['12.5', '0.25', '1,2,3', '1.23,4', '12,5.0', 'abc', '1e5', '1.2345', '0.250,5', '--1', '12,', 'Infinity', '1 2 3,4.5']) {
      expect(readNumber(s).kind, s).toBe('invalid');
    }
    const r = readNumber('12.5');
    expect(r.kind === 'invalid' && r.message.id).toBe('"12.5": titik adalah pemisah ribuan (1.234); desimal ditulis sesudah koma: tulis 12,5');
  });
  it('property: what formatNumber writes (Indonesian) reads back as the rounded number', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (x, d, trim) => {
        const shown = formatNumber(x, d, { trim });
        expect(value(shown)).toBe(roundHalfUp(x, d));
      }),
      { numRuns: 500 },
    );
  });
});
