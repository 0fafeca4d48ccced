/**
 * Display formatting for the browser: the core's Indonesian formatting (src/core/format.ts is
 * IO-free, so the same code rounds and prints here as in the reports), plus dates in the
 * interface language and tolerant wrappers for the nulls the measurement JSON carries.
 */
import { formatDateId, formatNumber, formatPercent, formatPercentShown, formatRupiah, MONTHS_ID, roundHalfUp } from '../../src/core/format.js';
import { readNumber } from '../../src/core/number-input.js';
import type { Lang } from './i18n.js';
import { agreementLabel } from '../../src/core/labels.js';

/**
 * An agreement as its title reads (core/labels.ts, the same words as the documents and the
 * audit trail): "Perjanjian Kinerja Tahun 2025", "Perjanjian Kinerja Perubahan Tahun 2025" — never its id.
 */
export function agreementTitle(a: { kind: 'original' | 'amendment'; year: number }, lang: Lang): string {
  const l = agreementLabel(a);
  return lang === 'id' ? l.id : l.en;
}

export { formatNumber, formatPercent, formatPercentShown, formatRupiah, roundHalfUp };

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** `2025-09-24` → `24 September 2025` (Indonesian) or `24 September 2025` with English month names. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const day = iso.slice(0, 10);
  try {
    if (lang === 'id') return formatDateId(day);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    const month = m ? MONTHS_EN[Number(m[2]) - 1] : undefined;
    return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
  } catch {
    return iso;
  }
}

/** A timestamp (ISO with time) as date and hh:mm in local time. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const months = lang === 'id' ? MONTHS_ID : MONTHS_EN;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()} ${hh}.${mm}`;
}

/** A number that may be missing or a label (category indicators): `—` for none. */
export function num(x: number | string | null | undefined, decimals = 2): string {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'string') return x;
  if (!Number.isFinite(x)) return '—';
  return formatNumber(x, decimals, { trim: true });
}

/**
 * A percentage by the one rule of the interface (src/core/format.ts `formatPercentShown`: two
 * decimals, `9,29%`, `83,70%`), in tables, cards and charts alike; `—` for none. Every
 * percentage on a page goes through here.
 */
export function pct(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return formatPercentShown(x);
}

/** Rupiah, `—` for none. */
export function rp(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return formatRupiah(x);
}

/** Rupiah without the `Rp` prefix, for table columns whose heading says `(Rp)`; `—` for none. */
export function money(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return formatRupiah(x).replace('Rp ', '');
}

/**
 * Reads a number typed the Indonesian way (`1.234,5`, `0,25`; src/core/number-input.ts): `null`
 * for an empty field and `NaN` for text that is not a number or is ambiguous (`0.250`): the
 * forms show `readNumber`'s hint for it.
 */
export function parseNumber(text: string): number | null {
  const r = readNumber(text);
  return r.kind === 'empty' ? null : r.kind === 'number' ? r.value : Number.NaN;
}

export { readNumber };

/** What a form read from a typed number, as it shows it before saving (`0,25`, `1.234,5`). */
export const readBack = (x: number): string => formatNumber(x, 10, { trim: true });

/** A value as it is shown in an input field (Indonesian decimal comma, no thousands dots). */
export function inputText(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return String(x).replace('.', ',');
}
