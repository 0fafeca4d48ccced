import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPercentShown, formatWait, PERCENT_DECIMALS } from './format.js';
import {
  agreesAtPrecision,
  decimalsOf,
  formatDateId,
  formatNumber,
  formatPercent,
  formatRupiah,
  printedDecimals,
  roundHalfUp,
} from './format.js';

describe('roundHalfUp', () => {
  it('rounds decimally, not by the binary value', () => {
    expect(roundHalfUp(128.125, 2)).toBe(128.13);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68); // toFixed gives 2.67
    expect(roundHalfUp(1.0049, 2)).toBe(1);
    expect(roundHalfUp(9.285714285714286, 2)).toBe(9.29);
    expect(roundHalfUp(0.005, 2)).toBe(0.01);
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(99.995, 2)).toBe(100);
  });
  it('rounds negative halves away from zero and never gives -0', () => {
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(-0.004, 2)).toBe(0);
    expect(Object.is(roundHalfUp(-0.004, 2), 0)).toBe(true);
  });
  it('handles large and tiny numbers', () => {
    expect(roundHalfUp(26796144571.6, 0)).toBe(26796144572);
    expect(roundHalfUp(1e21, 2)).toBe(1e21);
    expect(roundHalfUp(1.5e-7, 7)).toBe(2e-7);
    expect(roundHalfUp(1.4e-7, 2)).toBe(0);
  });
  it('rejects a bad number of decimals and non-finite numbers', () => {
    expect(() => roundHalfUp(1, -1)).toThrow(/decimals/);
    expect(() => roundHalfUp(Number.NaN, 2)).toThrow(/finite/);
  });
  it('is within half a unit of the last place and idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const r = roundHalfUp(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15);
        expect(roundHalfUp(r, d)).toBe(r);
      }),
    );
  });
});

describe('formatNumber and friends', () => {
  it('uses Indonesian separators and exactly `decimals` decimals', () => {
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatNumber(9.285714285714286)).toBe('9,29');
    expect(formatNumber(128.125)).toBe('128,13');
    expect(formatNumber(100)).toBe('100,00');
    expect(formatNumber(100, 0)).toBe('100');
    expect(formatNumber(999.5, 0)).toBe('1.000');
    expect(formatNumber(-1234.5, 1)).toBe('-1.234,5');
    expect(formatNumber(-0.001)).toBe('0,00');
  });
  it('trims trailing zeros when asked', () => {
    expect(formatNumber(87.5, 2, { trim: true })).toBe('87,5');
    expect(formatNumber(100, 2, { trim: true })).toBe('100');
  });
  it('formats percent, rupiah and dates', () => {
    expect(formatPercent(76.59532929850443)).toBe('76,60%');
    expect(formatPercent(81, 0)).toBe('81%');
    expect(formatRupiah(26796144571.6)).toBe('Rp 26.796.144.571,60');
    expect(formatRupiah(18554889800)).toBe('Rp 18.554.889.800');
    expect(formatRupiah(14212164755.76)).toBe('Rp 14.212.164.755,76');
    expect(formatRupiah(1000.004)).toBe('Rp 1.000');
    expect(formatRupiah(-2830000)).toBe('-Rp 2.830.000');
    expect(formatDateId('2025-09-24')).toBe('24 September 2025');
    expect(formatDateId('2026-02-01')).toBe('1 Februari 2026');
    expect(() => formatDateId('24-09-2025')).toThrow(/YYYY-MM-DD/);
    expect(() => formatDateId('2025-13-01')).toThrow(/YYYY-MM-DD/);
  });
});

describe('precision helpers', () => {
  it('reads the decimals of numbers and printed figures', () => {
    expect(decimalsOf(87.25)).toBe(2);
    expect(decimalsOf(100)).toBe(0);
    expect(decimalsOf(14212164755.76)).toBe(2);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(printedDecimals('87,25%')).toBe(2);
    expect(printedDecimals('4.711.024.340,60')).toBe(2);
    expect(printedDecimals('4.711.024.340')).toBe(0);
    expect(printedDecimals('81$')).toBe(0);
  });
  it('compares a computed value with a printed one at its precision', () => {
    expect(agreesAtPrecision(9.285714285714286, 9.29)).toBe(true);
    expect(agreesAtPrecision(66.66666666666667, 67)).toBe(true);
    expect(agreesAtPrecision(66.66666666666667, 66.6)).toBe(false);
    expect(agreesAtPrecision(128.125, 128.13)).toBe(true);
    expect(agreesAtPrecision(128.125, 128.12)).toBe(false);
    expect(agreesAtPrecision(80.6, 81, 0)).toBe(true);
  });
});

describe('the one percentage rule and waits in words', () => {
  it('shows every percentage with two decimals, no space', () => {
    expect(PERCENT_DECIMALS).toBe(2);
    expect(formatPercentShown(83.7)).toBe('83,70%');
    expect(formatPercentShown(100)).toBe('100,00%');
    expect(formatPercentShown(1234.565)).toBe('1.234,57%');
    expect(formatPercentShown(7.315)).toBe('7,32%');
  });
  it('says a wait in seconds under a minute, else about so many minutes', () => {
    expect(formatWait(45)).toEqual({ en: '45 seconds', id: '45 detik' });
    expect(formatWait(897)).toEqual({ en: 'about 15 minutes', id: 'sekitar 15 menit' });
    expect(formatWait(900)).toEqual({ en: '15 minutes', id: '15 menit' });
  });
});
