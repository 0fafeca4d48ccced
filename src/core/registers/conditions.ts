/**
 * Counts from registers (registers.md, "Indicators from registers"): the conditions an indicator
 * or an activity table puts on a register's entities, checked against the definitions, and
 * evaluated over entities held in memory. The store evaluates the same conditions in SQL
 * (store/register-counts.ts); the tests hold the two to the same answers. IO-free.
 *
 * A period's value is computed at the period's end: a date condition (`inYear`, an event's date)
 * takes the days from 1 January of the measured year to the period's last day; a per-year field
 * is read in the measured year.
 */
import type { Dataset, Register, RegisterCondition, RegisterFieldCondition, RegisterScalar, RegisterSelection } from '../dataset/schema.js';
import { finding, type Finding } from '../findings.js';
import { fieldOf } from './definitions.js';
import type { Entity, Value } from './rows.js';

/** The periods a register figure is computed for (each at its end); Q4's is the year's. */
export const FIGURE_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type FigurePeriod = (typeof FIGURE_PERIODS)[number];

const PERIOD_END: Record<FigurePeriod, string> = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31' };

/** The days a period's figure covers: from 1 January of its year to the period's last day. */
export interface Window {
  year: number;
  from: string;
  to: string;
}

export const windowOf = (year: number, period: FigurePeriod): Window => ({ year, from: `${year}-01-01`, to: `${year}-${PERIOD_END[period]}` });

/** The periods of `year` that have ended by `today` (YYYY-MM-DD), in order. */
export const endedPeriods = (year: number, today: string): FigurePeriod[] => FIGURE_PERIODS.filter((p) => windowOf(year, p).to <= today);

const q = (s: string): string => JSON.stringify(s);

const isEvent = (c: RegisterCondition): c is Extract<RegisterCondition, { event: unknown }> => 'event' in c;

/** A selection's conditions in words (Indonesian), for tables, drill-down titles and findings. */
export function describeSelection(regs: readonly Register[], sel: RegisterSelection): string {
  const reg = regs.find((r) => r.id === sel.register);
  const name = reg?.name ?? sel.register;
  const parts = (sel.where ?? []).map((c) => describeCondition(regs, reg, c));
  return parts.length === 0 ? name : `${name} dengan ${parts.join(' dan ')}`;
}

const shown = (v: RegisterScalar): string => (v === true ? 'ya' : v === false ? 'tidak' : String(v));

function describeField(reg: Register | undefined, c: RegisterFieldCondition): string {
  const f = reg ? fieldOf(reg, c.field) : undefined;
  const name = (f?.name ?? c.field).toLowerCase();
  const year = f?.perYear ? ' pada tahun berjalan' : '';
  if ('equals' in c) {
    const vs = Array.isArray(c.equals) ? c.equals : [c.equals];
    return `${name} ${vs.map(shown).join(' atau ')}${year}`;
  }
  if ('present' in c) return c.present ? `${name} terisi${year}` : `${name} kosong${year}`;
  return `${name} dalam tahun berjalan`;
}

function describeCondition(regs: readonly Register[], reg: Register | undefined, c: RegisterCondition): string {
  if (!isEvent(c)) return describeField(reg, c);
  const ev = regs.find((r) => r.id === c.event.register);
  const more = (c.event.where ?? []).map((w) => describeField(ev, w));
  return `sedikitnya satu ${(ev?.name ?? c.event.register).toLowerCase()} dalam tahun berjalan${more.length ? ` (${more.join(', ')})` : ''}`;
}

// ---------------------------------------------------------------- checks of the definitions

/** The findings of the register measures of a dataset's indicators and activity tables (errors). */
export function checkRegisterMeasures(ds: Pick<Dataset, 'registers' | 'plans' | 'activities'>, prefix = ''): Finding[] {
  const out: Finding[] = [];
  const regs = ds.registers ?? [];
  const at = (p: string): string => (prefix === '' ? p : `${prefix}.${p}`);
  const error = (code: string, path: string, en: string, id: string): void => void out.push(finding('error', code, at(path), en, id));

  const checkField = (reg: Register, c: RegisterFieldCondition, path: string): void => {
    const f = fieldOf(reg, c.field);
    if (!f) {
      error('unknown-field', `${path}.field`, `register ${q(reg.id)} has no field ${q(c.field)}`, `register ${q(reg.id)} tidak mempunyai kolom ${q(c.field)}`);
      return;
    }
    if (f.personal) {
      error('personal-condition', `${path}.field`, `${q(c.field)} is personal data and cannot be a condition of a count`, `${q(c.field)} adalah data pribadi dan tidak dapat menjadi syarat penghitungan`);
    }
    if ('inYear' in c && f.type !== 'date') {
      error('invalid-condition', `${path}.inYear`, `"inYear" applies to a date field; ${q(c.field)} is of type ${f.type}`, `"inYear" hanya untuk kolom tanggal; ${q(c.field)} bertipe ${f.type}`);
    }
    if ('equals' in c) {
      const vs = Array.isArray(c.equals) ? c.equals : [c.equals];
      vs.forEach((v, k) => {
        const vp = Array.isArray(c.equals) ? `${path}.equals[${k}]` : `${path}.equals`;
        const ok =
          f.type === 'number' ? typeof v === 'number' : f.type === 'yesno' ? typeof v === 'boolean' : typeof v === 'string' && (f.type !== 'category' || (f.values ?? []).includes(v));
        if (!ok) {
          const expected =
            f.type === 'category' ? `one of ${(f.values ?? []).map(q).join(', ')}` : f.type === 'number' ? 'a number' : f.type === 'yesno' ? 'true or false' : 'a text';
          const expectedId =
            f.type === 'category' ? `salah satu dari ${(f.values ?? []).map(q).join(', ')}` : f.type === 'number' ? 'angka' : f.type === 'yesno' ? 'true atau false' : 'teks';
          error('invalid-condition', vp, `${JSON.stringify(v)} cannot be a value of ${q(c.field)}; expected ${expected}`, `${JSON.stringify(v)} bukan nilai kolom ${q(c.field)}; seharusnya ${expectedId}`);
        }
      });
    }
  };

  const checkSelection = (sel: RegisterSelection, path: string): Register | undefined => {
    const reg = regs.find((r) => r.id === sel.register);
    if (!reg) {
      error('unknown-register', `${path}.register`, `no register ${q(sel.register)} is defined`, `register ${q(sel.register)} tidak didefinisikan`);
      return undefined;
    }
    (sel.where ?? []).forEach((c, k) => {
      const cp = `${path}.where[${k}]`;
      if (!isEvent(c)) return checkField(reg, c, cp);
      const ev = regs.find((r) => r.id === c.event.register);
      if (!ev) {
        error('unknown-register', `${cp}.event.register`, `no register ${q(c.event.register)} is defined`, `register ${q(c.event.register)} tidak didefinisikan`);
        return;
      }
      const via = fieldOf(ev, c.event.via);
      if (!via || via.type !== 'reference' || via.register !== reg.id || via.perYear) {
        error(
          'invalid-condition',
          `${cp}.event.via`,
          `${q(c.event.via)} must be a field of ${q(ev.id)} that refers to ${q(reg.id)}`,
          `${q(c.event.via)} harus kolom register ${q(ev.id)} yang merujuk ke register ${q(reg.id)}`,
        );
      }
      const date = fieldOf(ev, c.event.date);
      if (!date || date.type !== 'date' || date.perYear) {
        error('invalid-condition', `${cp}.event.date`, `${q(c.event.date)} must be a date field of ${q(ev.id)}`, `${q(c.event.date)} harus kolom tanggal register ${q(ev.id)}`);
      }
      (c.event.where ?? []).forEach((w, j) => checkField(ev, w, `${cp}.event.where[${j}]`));
    });
    return reg;
  };

  ds.plans.forEach((p, i) =>
    (p.indicators ?? []).forEach((ind, j) => {
      const m = ind.fromRegister;
      if (!m) return;
      const path = `plans[${i}].indicators[${j}].fromRegister`;
      const reg = checkSelection(m.count, `${path}.count`);
      if (m.of) {
        const pop = checkSelection(m.of, `${path}.of`);
        if (reg && pop && reg.id !== pop.id) {
          error(
            'invalid-condition',
            `${path}.of.register`,
            `the population must be of the register counted (${q(reg.id)}), since the counted entities are those of the population meeting the conditions`,
            `populasi harus dari register yang dihitung (${q(reg.id)}), karena yang dihitung adalah entitas populasi yang memenuhi syarat`,
          );
        }
      }
      if (!['value', 'ratio', 'count'].includes(ind.measure.type)) {
        error(
          'invalid-measure',
          `${path}`,
          `an indicator of measure ${ind.measure.type} cannot be realized from a register (value, ratio or count can)`,
          `indikator berukuran ${ind.measure.type} tidak dapat dihitung dari register (hanya value, ratio atau count)`,
        );
      }
    }),
  );
  (ds.activities ?? []).forEach((l, i) => {
    const t = l.fromRegister;
    if (!t) return;
    const path = `activities[${i}].fromRegister`;
    const reg = checkSelection(t.count, `${path}.count`);
    if (reg) {
      const g = fieldOf(reg, t.groupBy);
      if (!g) error('unknown-field', `${path}.groupBy`, `register ${q(reg.id)} has no field ${q(t.groupBy)}`, `register ${q(reg.id)} tidak mempunyai kolom ${q(t.groupBy)}`);
      else if (g.personal) error('personal-condition', `${path}.groupBy`, `${q(t.groupBy)} is personal data and cannot group a table`, `${q(t.groupBy)} adalah data pribadi dan tidak dapat mengelompokkan tabel`);
    }
  });
  return out;
}

// ---------------------------------------------------------------- evaluation in memory

/** The entities of each register by register id (tests; the store evaluates the same in SQL). */
export type EntitiesByRegister = ReadonlyMap<string, readonly Entity[]>;

/** An entity's value of a field in a year: the per-year value for a per-year field. */
export function valueIn(reg: Register, e: Entity, field: string, year: number): Value | undefined {
  const f = fieldOf(reg, field);
  return f?.perYear ? e.years[String(year)]?.[field] : e.data[field];
}

function meetsField(reg: Register, e: Entity, c: RegisterFieldCondition, w: Window): boolean {
  const v = valueIn(reg, e, c.field, w.year);
  if ('present' in c) return (v !== undefined) === c.present;
  if (v === undefined) return false;
  if ('inYear' in c) return typeof v === 'string' && v >= w.from && v <= w.to;
  const vs: readonly RegisterScalar[] = Array.isArray(c.equals) ? c.equals : [c.equals];
  return vs.some((x) => x === v);
}

/** The keys of the entities of a selection in a period's window, in key order. */
export function selectKeys(regs: readonly Register[], entities: EntitiesByRegister, sel: RegisterSelection, w: Window): string[] {
  const reg = regs.find((r) => r.id === sel.register);
  if (!reg) return [];
  const conds = sel.where ?? [];
  const eventKeys = conds.map((c) => {
    if (!isEvent(c)) return undefined;
    const ev = regs.find((r) => r.id === c.event.register);
    const keys = new Set<string>();
    if (!ev) return keys;
    for (const x of entities.get(ev.id) ?? []) {
      const d = x.data[c.event.date];
      if (typeof d !== 'string' || d < w.from || d > w.to) continue;
      if (!(c.event.where ?? []).every((f) => meetsField(ev, x, f, w))) continue;
      const ref = x.data[c.event.via];
      if (ref !== undefined) keys.add(String(ref));
    }
    return keys;
  });
  return (entities.get(reg.id) ?? [])
    .filter((e) => conds.every((c, k) => (isEvent(c) ? eventKeys[k]!.has(e.key) : meetsField(reg, e, c, w))))
    .map((e) => e.key)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The selection a register indicator counts: the population's entities that also meet `count`. */
export function numeratorSelection(m: { count: RegisterSelection; of?: RegisterSelection | undefined }): RegisterSelection {
  if (!m.of) return m.count;
  return { register: m.count.register, where: [...(m.of.where ?? []), ...(m.count.where ?? [])] };
}
