/**
 * Printed precision of a number and decimal half-up rounding (dataset-format.md: a value is
 * compared with a computed one "beyond its printed precision"). IO-free.
 */

/** Split a number's shortest decimal form into digits and a power of ten ("1.5e-7" → ["1.5", -7]). */
function decimalParts(n: number): [string, number] {
  const s = String(Math.abs(n));
  const e = s.indexOf('e');
  return e < 0 ? [s, 0] : [s.slice(0, e), Number(s.slice(e + 1))];
}

/** Number of decimals a number prints with: 6.5 → 1, 87.24 → 2, 70 → 0, 1e-7 → 7. */
export function printedDecimals(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const [mantissa, exp] = decimalParts(n);
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - exp);
}

/** n × 10^k computed on the decimal form, so 1.005 shifted by 2 is exactly 100.5. */
function shift(n: number, k: number): number {
  const [mantissa, exp] = decimalParts(n);
  return Number(`${mantissa}e${exp + k}`);
}

/**
 * Round to `decimals` places, half away from zero on the decimal form of the number
 * (128.125 → 128.13, -2.5 → -3 at 0 places). Float noise of a computation is removed first by
 * reading the number at 15 significant digits (6.499999999999999 → 6.5).
 */
export function roundHalfUp(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 15) {
    // Fast path: away from a tie, float noise cannot change the result, and an integer divided
    // by a power of ten is exactly the double its decimal text reads as.
    const f = 10 ** decimals;
    const y = Math.abs(n) * f;
    const frac = y - Math.floor(y);
    if (y < 2 ** 50 && Math.abs(frac - 0.5) > y * 1e-12 + 1e-9) {
      const r = Math.round(y) / f;
      return r === 0 ? 0 : n < 0 ? -r : r;
    }
  }
  const clean = Number(n.toPrecision(15));
  const sign = clean < 0 ? -1 : 1;
  const rounded = Math.round(shift(Math.abs(clean), decimals));
  const back = shift(rounded, -decimals);
  return back === 0 ? 0 : sign * back;
}
