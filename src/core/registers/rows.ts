/**
 * Rows of a register as a file holds them (registers.md, "Rows"): a header row of field ids —
 * a per-year field as one column per year, `status_2025` — then one entity per row. The header is
 * planned once (which column is which field and year), then every row is checked against the
 * definition: types, allowed values, required values, patterns, references to other registers'
 * keys. Problems name the row (as the file numbers it) and the column. IO-free: the cells come
 * from a CSV or XLSX reader (src/io/register-file.ts).
 */
import type { Register, RegisterField } from '../dataset/schema.js';
import { readNumber } from '../number-input.js';
import { text, type Text } from '../findings.js';
import { YEAR_SUFFIX } from './definitions.js';

/** A cell as the readers give it: CSV text, or an XLSX cell's value (number, date, yes/no). */
export type Cell = string | number | boolean | Date | null | undefined;

/** A row of a file: its number as the file counts it (1 = the header) and its cells. */
export interface SourceRow {
  row: number;
  cells: Cell[];
}

/** A refusal a user can act on (no agency, no register, an unreadable file), in both languages. */
export class RegisterError extends Error {
  readonly localized: { id: string };
  constructor(msg: Text) {
    super(msg.en);
    this.name = 'RegisterError';
    this.localized = { id: msg.id };
  }
}

/** A stored value: text, category, reference and date (YYYY-MM-DD) as strings. */
export type Value = string | number | boolean;

/** One entity: its key, its year-independent values, its per-year values by year. */
export interface Entity {
  key: string;
  data: Record<string, Value>;
  years: Record<string, Record<string, Value>>;
}

/** A problem of a file: the row (1 = the header) and the column (a header name) it is in. */
export interface RowProblem {
  row: number;
  column: string;
  code: string;
  message: Text;
}

export interface Column {
  index: number;
  name: string;
  field: RegisterField;
  /** the year of a per-year field's column */
  year?: number;
}

export interface ColumnPlan {
  register: Register;
  columns: Column[];
  /** the column of the key */
  key: number;
  /** the years the file holds a column for (per-year fields) */
  years: number[];
}

const q = (s: string): string => JSON.stringify(s);

/** The header row read against the definition: a plan, or the problems of the header (row 1 unless told). */
export function planColumns(reg: Register, header: readonly Cell[], row = 1): { plan?: ColumnPlan; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const p = (column: string, code: string, en: string, id: string): void => {
    problems.push({ row, column, code, message: text(en, id) });
  };
  const columns: Column[] = [];
  const seen = new Set<string>();
  const years = new Set<number>();
  header.forEach((cell, index) => {
    const name = cell === null || cell === undefined ? '' : String(cell).trim();
    if (name === '') return;
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      p(name, 'duplicate-column', `column ${q(name)} appears twice in the header`, `kolom ${q(name)} muncul dua kali di baris judul`);
      return;
    }
    seen.add(lower);
    const direct = reg.fields.find((f) => f.id === lower);
    if (direct && !direct.perYear) {
      columns.push({ index, name, field: direct });
      return;
    }
    const m = YEAR_SUFFIX.exec(lower);
    const base = m ? reg.fields.find((f) => f.id === lower.slice(0, -5)) : undefined;
    if (base?.perYear && m) {
      const year = Number(m[1]);
      if (year < 1900 || year > 2100) {
        p(name, 'invalid-year', `column ${q(name)}: year ${year} is outside 1900–2100`, `kolom ${q(name)}: tahun ${year} di luar 1900–2100`);
        return;
      }
      years.add(year);
      columns.push({ index, name, field: base, year });
      return;
    }
    if (direct?.perYear) {
      p(
        name,
        'per-year-column',
        `field ${q(name)} is kept per year: write one column per year, e.g. ${q(`${name}_2025`)}`,
        `kolom ${q(name)} dicatat per tahun: tulis satu kolom per tahun, misalnya ${q(`${name}_2025`)}`,
      );
      return;
    }
    const known = reg.fields.map((f) => (f.perYear ? `${f.id}_TAHUN` : f.id)).join(', ');
    p(name, 'unknown-column', `register ${q(reg.id)} has no field ${q(name)}; its fields: ${known}`, `register ${q(reg.id)} tidak memiliki kolom ${q(name)}; kolomnya: ${known}`);
  });
  const keyCol = columns.find((c) => c.field.id === reg.key);
  if (!keyCol) p(reg.key, 'missing-column', `the key column ${q(reg.key)} is missing from the header`, `kolom kunci ${q(reg.key)} tidak ada di baris judul`);
  for (const f of reg.fields) {
    if (f.required && !f.perYear && f.id !== reg.key && !columns.some((c) => c.field === f)) {
      p(f.id, 'missing-column', `the required column ${q(f.id)} is missing from the header`, `kolom wajib ${q(f.id)} tidak ada di baris judul`);
    }
  }
  if (problems.length > 0 || !keyCol) return { problems };
  return { plan: { register: reg, columns, key: keyCol.index, years: [...years].sort((a, b) => a - b) }, problems };
}

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'benar']);
const NO = new Set(['tidak', 't', 'no', 'n', 'false', '0', 'salah']);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type Read = { ok: true; value: Value } | { ok: false; code: string; message: Text };
const bad = (code: string, en: string, id: string): Read => ({ ok: false, code, message: text(en, id) });

/** A non-empty cell read as the field's type (references are checked by the caller). */
function readCell(f: RegisterField, cell: Exclude<Cell, null | undefined>, patterns: Map<RegisterField, RegExp>): Read {
  const shown = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  switch (f.type) {
    case 'text':
    case 'reference': {
      if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
        return bad(
          'number-as-text',
          `${shown} was stored by the spreadsheet as a number and has lost digits; format the column as Text and type it again`,
          `${shown} disimpan lembar kerja sebagai angka dan digitnya hilang; format kolomnya sebagai Teks lalu ketik ulang`,
        );
      }
      const s = cell instanceof Date ? shown : String(cell).trim();
      if (s.length > 500) return bad('too-long', `expected at most 500 characters, got ${s.length}`, `seharusnya paling banyak 500 karakter, tertulis ${s.length}`);
      const re = patterns.get(f);
      if (re && !re.test(s)) return bad('pattern', `${q(s)} does not have the expected form (${f.pattern})`, `${q(s)} tidak sesuai bentuk yang diharapkan (${f.pattern})`);
      return { ok: true, value: s };
    }
    case 'number': {
      let n: number;
      if (typeof cell === 'number') n = cell;
      else {
        const r = readNumber(String(cell));
        if (r.kind !== 'number') {
          return r.kind === 'invalid' ? { ok: false, code: 'not-a-number', message: r.message } : bad('not-a-number', `expected a number, got ${q(shown)}`, `seharusnya angka, tertulis ${q(shown)}`);
        }
        n = r.value;
      }
      if (!Number.isFinite(n)) return bad('not-a-number', `expected a number, got ${q(shown)}`, `seharusnya angka, tertulis ${q(shown)}`);
      if (f.integer && !Number.isInteger(n)) return bad('not-an-integer', `expected a whole number, got ${shown}`, `seharusnya bilangan bulat, tertulis ${shown}`);
      return { ok: true, value: n };
    }
    case 'date': {
      let d: string | undefined;
      if (cell instanceof Date) d = isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
      else {
        const s = String(cell).trim();
        const iso = ISO.exec(s);
        const dmy = DMY.exec(s);
        if (iso) d = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
        else if (dmy) d = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
      }
      if (!d) return bad('not-a-date', `expected a date as YYYY-MM-DD or DD/MM/YYYY, got ${q(shown)}`, `seharusnya tanggal berformat YYYY-MM-DD atau DD/MM/YYYY, tertulis ${q(shown)}`);
      return { ok: true, value: d };
    }
    case 'category': {
      const s = String(cell).trim().toLowerCase();
      const v = (f.values ?? []).find((x) => x.trim().toLowerCase() === s);
      if (v === undefined) {
        const allowed = (f.values ?? []).join(', ');
        return bad('not-allowed', `${q(shown)} is not one of the allowed values: ${allowed}`, `${q(shown)} bukan salah satu nilai yang diizinkan: ${allowed}`);
      }
      return { ok: true, value: v };
    }
    case 'yesno': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const s = String(cell).trim().toLowerCase();
      if (YES.has(s)) return { ok: true, value: true };
      if (NO.has(s)) return { ok: true, value: false };
      return bad('not-yes-no', `expected ya or tidak, got ${q(shown)}`, `seharusnya ya atau tidak, tertulis ${q(shown)}`);
    }
  }
}

/** What a row check needs besides the plan: the keys of the registers referred to. */
export interface RowContext {
  /** the keys of each referenced register (by register id); without it, references are left to the caller */
  keysOf?(register: string): { has(key: string): boolean };
}

/**
 * A string that holds only its own characters. A cell read by a streaming XML parser (exceljs)
 * is often a slice of the whole chunk it was parsed from, and V8 keeps the chunk alive as long
 * as the slice: keeping 300.000 keys for the duplicate check kept their chunks too (heap 174 MB
 * instead of 46 MB for a 300.000-row XLSX). A concatenation made flat copies only the key.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A reference a row makes, left to the caller to check (`references: false`): its column (position in the plan), the register and the key named. */
export interface RowReference {
  column: number;
  register: string;
  value: string;
}

/** What a row check gives: the entity when the row is good, its problems, its key when readable (good row or not), and the references left to the caller. */
export interface RowCheck {
  entity?: Entity;
  problems: RowProblem[];
  key?: string;
  references?: RowReference[];
}

/**
 * A row checker for a plan: each call checks one data row (its number as the file counts it)
 * and gives the entity or its problems. Duplicate keys are found across the calls, keeping
 * every key seen (a 300.000-row file: about 32 MB of heap), and references are checked against
 * `ctx.keysOf`; with `duplicates: false` and no `keysOf` the caller does both instead
 * ({@link duplicateKey}, {@link danglingReference} give the problems; each readable reference
 * comes back in `references`), as the store does in its staging table, so that an import's
 * memory does not grow with the file or with the register it refers to.
 */
export function rowChecker(plan: ColumnPlan, ctx: RowContext, opts: { duplicates?: boolean } = {}): (row: number, cells: readonly Cell[]) => RowCheck {
  const patterns = new Map<RegisterField, RegExp>();
  for (const f of plan.register.fields) if (f.pattern !== undefined) patterns.set(f, new RegExp(`^(?:${f.pattern})$`, 'u'));
  const keys = opts.duplicates === false ? undefined : new Map<string, number>();
  return (row, cells) => {
    const problems: RowProblem[] = [];
    const entity: Entity = { key: '', data: {}, years: {} };
    let references: RowReference[] | undefined;
    for (const [position, c] of plan.columns.entries()) {
      const cell = cells[c.index];
      const empty = cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
      if (empty) {
        if (c.field.id === plan.register.key || c.field.required) {
          problems.push({ row, column: c.name, code: 'missing-value', message: text('a value is required here', 'nilai wajib diisi di sini') });
        }
        continue;
      }
      const r = readCell(c.field, cell, patterns);
      if (!r.ok) {
        problems.push({ row, column: c.name, code: r.code, message: r.message });
        continue;
      }
      if (c.field.type === 'reference' && c.field.register) {
        if (!ctx.keysOf) (references ??= []).push({ column: position, register: c.field.register, value: String(r.value) });
        else if (!ctx.keysOf(c.field.register).has(String(r.value))) {
          problems.push(danglingReference(row, c.name, c.field.register, String(r.value)));
          continue;
        }
      }
      if (c.year === undefined) entity.data[c.field.id] = r.value;
      else (entity.years[String(c.year)] ??= {})[c.field.id] = r.value;
    }
    const key = entity.data[plan.register.key];
    const refs = references ? { references } : {};
    if (key === undefined) return problems.length > 0 ? { problems, ...refs } : { entity, problems, ...refs };
    entity.key = String(key);
    if (keys) {
      const first = keys.get(entity.key);
      if (first !== undefined) problems.push(duplicateKey(plan, row, entity.key, first));
      else keys.set(ownCopy(entity.key), row);
    }
    return problems.length > 0 ? { problems, key: entity.key, ...refs } : { entity, problems, key: entity.key, ...refs };
  };
}

/** The problem of a reference naming no entity of the register referred to. */
export function danglingReference(row: number, column: string, register: string, value: string): RowProblem {
  return {
    row,
    column,
    code: 'dangling-reference',
    message: text(`no entity ${q(value)} in register ${q(register)}`, `tidak ada entitas ${q(value)} dalam register ${q(register)}`),
  };
}

/** The problem of a row whose key an earlier row (`first`) already used. */
export function duplicateKey(plan: ColumnPlan, row: number, key: string, first: number): RowProblem {
  const keyName = plan.columns.find((c) => c.index === plan.key)?.name ?? plan.register.key;
  return {
    row,
    column: keyName,
    code: 'duplicate-key',
    message: text(`key ${q(key)} was already used in row ${first}`, `kunci ${q(key)} sudah dipakai di baris ${first}`),
  };
}

/** "baris 12, kolom nik: …" — a problem in a language. */
export function problemText(p: RowProblem, lang: 'id' | 'en'): string {
  return lang === 'en' ? `row ${p.row}, column ${p.column}: ${p.message.en}` : `baris ${p.row}, kolom ${p.column}: ${p.message.id}`;
}
