/**
 * Reading a number typed the Indonesian way (the web forms: realizations, targets, budgets,
 * scores): the comma is the decimal separator and the dot groups thousands — "0,25" is a
 * quarter, "1.234,5" is 1234.5, "1.234" is 1234. A dot that cannot be a thousands separator
 * ("0.250", "12.5") is refused with a hint rather than guessed, since "0.250" typed by someone
 * who means a quarter would otherwise be read as 250. Pure: the browser and the tests use it;
 * `formatNumber` (format.ts) writes what this reads back.
 */
import { text, type Text } from './findings.js';

export type NumberInput =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'invalid'; message: Text };

const GROUPED = /^\d{1,3}(\.\d{3})+$/;

/** "0.250" → "0,25", "12.50" → "12,5": the dot read as a decimal comma, trailing zeros dropped. */
function asDecimal(s: string): string {
  const [int, frac = ''] = s.split('.');
  const f = frac.replace(/0+$/, '');
  return f === '' ? (int ?? '') : `${int},${f}`;
}

/** "0.250" → "250": the dots dropped, leading zeros too. */
const asWhole = (s: string): string => s.replace(/\./g, '').replace(/^0+(?=\d)/, '');

/** Reads a typed number; `empty` for a blank field. */
export function readNumber(typed: string): NumberInput {
  const raw = typed.trim();
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-');
  if (s === '') return { kind: 'empty' };
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s.startsWith('+') ? s.slice(1) : s;
  const shown = JSON.stringify(raw);
  const notANumber = (): NumberInput => ({
    kind: 'invalid',
    message: text(
      `${shown} is not a number; write it the Indonesian way, e.g. 1.234,5 (a dot between thousands, a comma before the decimals)`,
      `${shown} bukan angka; tulis dengan cara Indonesia, misalnya 1.234,5 (titik di antara ribuan, koma sebelum desimal)`,
    ),
  });
  let digits: string;
  const comma = body.indexOf(',');
  if (comma >= 0) {
    const int = body.slice(0, comma);
    const frac = body.slice(comma + 1);
    if (!/^\d+$/.test(frac) || !(int === '' || /^\d+$/.test(int) || GROUPED.test(int))) return notANumber();
    if (GROUPED.test(int) && /^0/.test(int)) return notANumber();
    digits = `${int.replace(/\./g, '') || '0'}.${frac}`;
  } else if (/^\d+$/.test(body)) {
    digits = body;
  } else if (GROUPED.test(body) && !/^0/.test(body)) {
    digits = body.replace(/\./g, '');
  } else if (/^\d*\.\d+$/.test(body)) {
    const sign = negative ? '-' : '';
    const dec = `${sign}${asDecimal(body.startsWith('.') ? `0${body}` : body)}`;
    if (/^\d*\.\d{3}$/.test(body)) {
      const whole = `${sign}${asWhole(body)}`;
      return {
        kind: 'invalid',
        message: text(
          `${shown} is ambiguous: a dot separates thousands, and ${body} is not thousands; write ${dec} (with a comma) for a decimal, or ${whole} without a dot`,
          `${shown} tidak jelas: titik adalah pemisah ribuan, padahal ${body} bukan ribuan; tulis ${dec} (dengan koma) bila yang dimaksud bilangan desimal, atau ${whole} tanpa titik`,
        ),
      };
    }
    return {
      kind: 'invalid',
      message: text(
        `${shown}: a dot separates thousands (1.234); decimals follow a comma: write ${dec}`,
        `${shown}: titik adalah pemisah ribuan (1.234); desimal ditulis sesudah koma: tulis ${dec}`,
      ),
    };
  } else {
    return notANumber();
  }
  const value = Number(`${negative ? '-' : ''}${digits}`);
  if (!Number.isFinite(value)) return notANumber();
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value };
}
