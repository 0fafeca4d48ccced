/**
 * Personal data (UU 27/2022) masked for whoever does not need it (registers.md, "Personal
 * data"). An identifier (one word: NIK, phone, account number) keeps its first four and last two
 * characters — NIK 3509123456789012 → 3509**********12 —; a shorter one (eight characters or
 * fewer) is masked whole but for its last character or none. A name (several words) keeps the
 * first letter of each word: "Siti Aminah" → "S*** A*****". Only the characters are hidden, the
 * length stays, so a column still reads as what it is. IO-free.
 */
import type { Register } from '../dataset/schema.js';
import type { Value } from './rows.js';

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** One personal value masked (see the module comment). */
export function maskValue(value: Value): string {
  const s = String(value);
  const chars = [...s];
  if (/\s/.test(s.trim())) {
    return s.replace(/\S+/gu, (w) => {
      const c = [...w];
      return c[0] + stars(c.length - 1);
    });
  }
  if (chars.length > 8) return chars.slice(0, 4).join('') + stars(chars.length - 6) + chars.slice(-2).join('');
  if (chars.length > 4) return stars(chars.length - 1) + chars.slice(-1).join('');
  return stars(chars.length);
}

/** The ids of a register's personal fields. */
export const personalFields = (reg: Register): Set<string> => new Set(reg.fields.filter((f) => f.personal).map((f) => f.id));

/** Values of an entity with its personal fields masked (a copy). */
export function maskValues(reg: Register, data: Readonly<Record<string, Value>>): Record<string, Value> {
  const personal = personalFields(reg);
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(data)) out[k] = personal.has(k) ? maskValue(v) : v;
  return out;
}

/** Values of an entity without its personal fields (exports by default). */
export function withoutPersonal(reg: Register, data: Readonly<Record<string, Value>>): Record<string, Value> {
  const personal = personalFields(reg);
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(data)) if (!personal.has(k)) out[k] = v;
  return out;
}
