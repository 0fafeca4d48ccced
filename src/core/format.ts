/**
 * Indonesian display formatting and decimal rounding.
 *
 * Rounding is decimal and half up (away from zero for negative numbers), as reports print:
 * it works on the shortest decimal representation of a number (the one JavaScript prints),
 * never on its binary value, so 128.125 → 128.13 and 1.005 → 1.01 (binary rounding gives
 * 1.00, because 1.005 is stored as 1.00499999999999989…).
 */

interface Decimal {
  negative: boolean;
  /** the digits of the integer part, without leading zeros ("0" for none) */
  int: string;
  /** the digits of the fractional part, without trailing zeros */
  frac: string;
}

/** The shortest decimal representation of a finite number, as digit strings. */
function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${x}`);
  const negative = x < 0 || Object.is(x, -0);
  const [mant = '0', expPart = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const intLen = Number(expPart) + 1; // digits before the decimal point
  let int: string;
  let frac: string;
  if (intLen <= 0) {
    int = '0';
    frac = '0'.repeat(-intLen) + digits;
  } else if (intLen >= digits.length) {
    int = digits + '0'.repeat(intLen - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, intLen);
    frac = digits.slice(intLen);
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return { negative, int, frac };
}

/** Round to `decimals` places, half up, giving exactly `decimals` fractional digits. */
function roundDecimal(x: number, decimals: number): Decimal & { frac: string } {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`expected a whole number of decimals ≥ 0, got ${decimals}`);
  const d = toDecimal(x);
  if (d.frac.length <= decimals) return { ...d, frac: d.frac.padEnd(decimals, '0') };
  const kept = d.int + d.frac.slice(0, decimals);
  const up = (d.frac.charCodeAt(decimals) - 48) >= 5;
  let digits = (BigInt(kept) + (up ? 1n : 0n)).toString();
  digits = digits.padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals) || '0';
  const frac = digits.slice(digits.length - decimals);
  return { negative: d.negative, int, frac };
}

const isZero = (d: Decimal): boolean => /^0*$/.test(d.int) && /^0*$/.test(d.frac);

/** `x` rounded decimally, half up (away from zero), to `decimals` places. */
export function roundHalfUp(x: number, decimals = 0): number {
  const r = roundDecimal(x, decimals);
  if (isZero(r)) return 0;
  return Number(`${r.negative ? '-' : ''}${r.int}${r.frac ? `.${r.frac}` : ''}`);
}

/** Number of decimals in the shortest representation of `x` (87.25 → 2, 100 → 0, 1e-7 → 7). */
export function decimalsOf(x: number): number {
  return toDecimal(x).frac.length;
}

/**
 * Decimals of a figure as printed in Indonesian style: the digits after the last decimal
 * comma ("87,25%" → 2, "4.711.024.340,60" → 2, "4.711.024.340" → 0, "81$" → 0).
 */
export function printedDecimals(raw: string): number {
  const m = /,(\d+)\D*$/.exec(raw.trim());
  return m?.[1] ? m[1].length : 0;
}

/**
 * Whether a computed value, rounded half up to the printed precision, equals a printed one.
 * The precision is `decimals` when given, else the printed number's own decimals.
 */
export function agreesAtPrecision(computed: number, printed: number, decimals?: number): boolean {
  const d = decimals ?? decimalsOf(printed);
  return roundHalfUp(computed, d) === roundHalfUp(printed, d);
}

export interface NumberFormatOptions {
  /** drop trailing fractional zeros (and the comma when nothing is left) */
  trim?: boolean;
}

/** Indonesian number: thousands '.', decimal ',' — `1.234.567,89`; exactly `decimals` decimals unless `trim`. */
export function formatNumber(x: number, decimals = 2, options: NumberFormatOptions = {}): string {
  const r = roundDecimal(x, decimals);
  const int = r.int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const frac = options.trim ? r.frac.replace(/0+$/, '') : r.frac;
  const sign = r.negative && !isZero(r) ? '-' : '';
  return `${sign}${int}${frac ? `,${frac}` : ''}`;
}

/** A percentage: `formatNumber` followed by `%` (`9,29%`). */
export function formatPercent(x: number, decimals = 2, options: NumberFormatOptions = {}): string {
  return `${formatNumber(x, decimals, options)}%`;
}

/**
 * The one rule for a percentage shown on a screen (docs/decisions.md, "One percentage rule"):
 * two decimals, half up, the sign right after the number — `83,70%`, `100,00%`, `7,32%` —
 * in tables, cards, charts and sentences alike, so the same figure never reads `83,7 %` in
 * one place and `83,70%` in another.
 */
export const PERCENT_DECIMALS = 2;

/** A percentage by the one rule: `formatPercentShown(83.7)` → `83,70%`. */
export function formatPercentShown(x: number): string {
  return formatPercent(x, PERCENT_DECIMALS);
}

/**
 * A wait as a person says it: seconds under a minute (`45 detik`), else about so many whole
 * minutes, rounded up (`897` → `sekitar 15 menit`; English `about 15 minutes`).
 */
export function formatWait(seconds: number): { en: string; id: string } {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return { en: `${s} second${s === 1 ? '' : 's'}`, id: `${s} detik` };
  const minutes = Math.ceil(s / 60);
  if (s % 60 === 0) return { en: `${minutes} minute${minutes === 1 ? '' : 's'}`, id: `${minutes} menit` };
  return { en: `about ${minutes} minute${minutes === 1 ? '' : 's'}`, id: `sekitar ${minutes} menit` };
}

/** Rupiah: `Rp 26.796.144.571,60`; cents only when they are not zero (`Rp 18.554.889.800`). */
export function formatRupiah(x: number): string {
  const r = roundDecimal(x, 2);
  const cents = r.frac !== '00';
  const body = formatNumber(Math.abs(x), cents ? 2 : 0);
  const sign = r.negative && !isZero(r) ? '-' : '';
  return `${sign}Rp ${body}`;
}

export const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** `2025-09-24` → `24 September 2025`. */
export function formatDateId(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS_ID[Number(m[2]) - 1] : undefined;
  const day = m ? Number(m[3]) : 0;
  if (!m || !month || day < 1 || day > 31) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  return `${day} ${month} ${m[1]}`;
}
