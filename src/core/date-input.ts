/**
 * Reading a day typed the way Indonesians write it: `24/09/2025`, `24-9-2025`, `24.09.2025`
 * (day, month, year), or the ISO `2025-09-24` a pasted value may carry. IO-free; the web forms'
 * date fields (web/src/components/forms.tsx `DateField`) use it, and show the day read in words
 * ("24 September 2025") before anything is saved.
 */

export type DayReading = { kind: 'empty' } | { kind: 'day'; iso: string } | { kind: 'invalid' };

/** A typed day as `YYYY-MM-DD`; a day that does not exist (31/02/2025) is invalid, never moved. */
export function readDay(text: string): DayReading {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const id = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const parts = iso ? [iso[1], iso[2], iso[3]] : id ? [id[3], id[2], id[1]] : [];
  const [y, m, d] = parts.map(Number);
  if (y === undefined || m === undefined || d === undefined) return { kind: 'invalid' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { kind: 'invalid' };
  return { kind: 'day', iso: date.toISOString().slice(0, 10) };
}

/** A stored day (`YYYY-MM-DD`) as it is typed: `24/09/2025`; '' for none. */
export function dayText(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
