import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalsOf as printedDecimals, roundHalfUp } from '../format.js';

describe('printedDecimals', () => {
  it.each([
    [6.5, 1],
    [87.24, 2],
    [70, 0],
    [0.1, 1],
    [26796144571.6, 1],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [-3.125, 3],
  ])('%d prints with %d decimals', (n, d) => {
    expect(printedDecimals(n)).toBe(d);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [128.125, 2, 128.13],
    [1.005, 2, 1.01],
    [9.285714285714286, 2, 9.29],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.045, 2, 0.05],
    [6.499999999999999, 1, 6.5],
    [12.5, 0, 13],
    [12.4999, 0, 12],
    [-0.0001, 2, 0],
    [1234567.891, 1, 1234567.9],
  ])('roundHalfUp(%d, %d) = %d', (n, d, expected) => {
    expect(roundHalfUp(n, d)).toBe(expected);
  });

  it('agrees with decimal rounding of the number as printed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (scaled, d) => {
        // x has exactly 4 decimals; rounding to d < 4 decimals by hand on its digits
        const x = scaled / 10_000;
        const sign = scaled < 0 ? -1 : 1;
        const abs = Math.abs(scaled);
        const unit = 10 ** (4 - d);
        const q = Math.floor(abs / unit);
        const rest = abs - q * unit;
        const roundedScaled = (rest * 2 >= unit ? q + 1 : q) * sign;
        const expected = roundedScaled / 10 ** d;
        expect(roundHalfUp(x, d)).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });
});
