import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMoney, sumMoney } from './money.js';

describe('money is kept to the cent', () => {
  it('adds cent amounts without binary noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addMoney(0.1, 0.2)).toBe(0.3);
    expect(sumMoney([4711024340.6, 179850000, 0.16])).toBe(4890874340.76);
    expect(sumMoney([])).toBeNull();
    expect(sumMoney([null, 5])).toBe(5);
  });

  it('equals the exact sum of integer cents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 60 }), (cents) => {
        const exact = cents.reduce((s, c) => s + c, 0) / 100;
        expect(sumMoney(cents.map((c) => c / 100)) ?? 0).toBe(exact === 0 ? 0 : exact);
      }),
    );
  });
});
