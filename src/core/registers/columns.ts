/**
 * The columns of a register's file as Kinerja writes it (registers.md, "Rows"): the key first,
 * then the fields in their order, a per-year field as one column per stored year (`status_2025`);
 * personal fields left out unless asked for. What an export writes, an import reads back. IO-free.
 */
import type { Register, RegisterField } from '../dataset/schema.js';
import type { Entity, Value } from './rows.js';

export interface OutColumn {
  name: string;
  field: RegisterField;
  year?: number;
}

export function exportColumns(reg: Register, years: readonly number[], opts: { withPersonal?: boolean } = {}): OutColumn[] {
  const fields = [...reg.fields].sort((a, b) => (a.id === reg.key ? -1 : b.id === reg.key ? 1 : 0));
  const out: OutColumn[] = [];
  for (const f of fields) {
    if (f.personal && !opts.withPersonal) continue;
    if (f.perYear) for (const y of years) out.push({ name: `${f.id}_${y}`, field: f, year: y });
    else out.push({ name: f.id, field: f });
  }
  return out;
}

/** A value as a file cell: yes/no as "ya"/"tidak", the rest as stored (dates YYYY-MM-DD). */
export const cellOf = (v: Value | undefined): string | number | null => (v === undefined ? null : typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : v);

/** An entity's cells in the columns' order. */
export function entityCells(columns: readonly OutColumn[], e: Entity): (string | number | null)[] {
  return columns.map((c) => cellOf(c.year === undefined ? e.data[c.field.id] : e.years[String(c.year)]?.[c.field.id]));
}
