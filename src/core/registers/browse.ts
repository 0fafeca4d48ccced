/**
 * Browsing a register's entities (the register pages, registers.md "Browsing"): the filters a
 * list may take — a category or yes/no field equal to one of its values, a per-year field in a
 * chosen year — read from the request's raw strings and checked against the definition, each
 * refusal in both languages with the field it is about. IO-free: the store turns the filters
 * into SQL (store/registers.ts `listRows`).
 */
import type { Register, RegisterField } from '../dataset/schema.js';
import { text, type Text } from '../findings.js';
import type { Value } from './rows.js';

export interface RowFilter {
  field: string;
  /** the stored value: a category's value as defined, a yes/no as a boolean */
  value: Value;
  /** a per-year field: compared in the list's year */
  perYear: boolean;
}

export interface FilterProblem {
  /** the query parameter it is about (`filter[status]`, `year`) */
  where: string;
  message: Text;
}

const YES = new Set(['ya', 'y', 'yes', '1', 'true', 'benar']);
const NO = new Set(['tidak', 't', 'no', '0', 'false', 'salah']);

/** The fields a list may be filtered by: categories and yes/no fields. */
export const filterableFields = (reg: Register): RegisterField[] => reg.fields.filter((f) => f.type === 'category' || f.type === 'yesno');

/** Read `filter[field]=value` pairs against the definition; a per-year field needs `year`. */
export function readFilters(reg: Register, raw: Readonly<Record<string, string>>, year: number | undefined): { filters: RowFilter[]; problems: FilterProblem[] } {
  const filters: RowFilter[] = [];
  const problems: FilterProblem[] = [];
  const names = filterableFields(reg)
    .map((f) => f.id)
    .join(', ');
  for (const [fieldId, rawValue] of Object.entries(raw)) {
    const where = `filter[${fieldId}]`;
    const value = rawValue.trim();
    if (value === '') continue;
    const field = reg.fields.find((f) => f.id === fieldId);
    if (!field || (field.type !== 'category' && field.type !== 'yesno')) {
      problems.push({
        where,
        message: text(
          `register "${reg.name}" cannot be filtered by "${fieldId}": expected one of its category or yes/no fields (${names || 'none'})`,
          `register "${reg.name}" tidak dapat disaring menurut "${fieldId}": seharusnya salah satu kolom kategori atau ya/tidak (${names || 'tidak ada'})`,
        ),
      });
      continue;
    }
    if (field.perYear && year === undefined) {
      problems.push({ where: 'year', message: text(`"${field.name}" is kept per year: choose the year`, `"${field.name}" dicatat per tahun: pilih tahunnya`) });
      continue;
    }
    if (field.type === 'yesno') {
      const v = value.toLowerCase();
      if (!YES.has(v) && !NO.has(v)) {
        problems.push({ where, message: text(`"${field.name}": expected ya or tidak, got "${value}"`, `"${field.name}": seharusnya ya atau tidak, tertulis "${value}"`) });
        continue;
      }
      filters.push({ field: field.id, value: YES.has(v), perYear: Boolean(field.perYear) });
      continue;
    }
    const allowed = field.values ?? [];
    const found = allowed.find((a) => a.trim().toLowerCase() === value.toLowerCase());
    if (found === undefined) {
      problems.push({
        where,
        message: text(`"${field.name}": expected one of ${allowed.join(', ')}; got "${value}"`, `"${field.name}": seharusnya salah satu dari ${allowed.join(', ')}; tertulis "${value}"`),
      });
      continue;
    }
    filters.push({ field: field.id, value: found, perYear: Boolean(field.perYear) });
  }
  return { filters, problems };
}

/** A search text as a LIKE pattern matching it anywhere, its own % _ and \ taken literally. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The registers whose reference fields name `registerId`: an entity's history of events. */
export function referringFields(regs: readonly Register[], registerId: string): { register: Register; fields: RegisterField[] }[] {
  return regs
    .map((r) => ({ register: r, fields: r.fields.filter((f) => f.type === 'reference' && f.register === registerId) }))
    .filter((x) => x.fields.length > 0);
}
