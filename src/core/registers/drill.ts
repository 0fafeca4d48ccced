/**
 * Drill-down (registers.md, "Drill-down"): what a register-based figure counted, as the selections
 * the store lists. An indicator counted from a register (`Indicator.fromRegister`) in a year and a
 * period gives its **counted** entities (the numerator: `numeratorSelection`) and its
 * **population** (`of`; for a plain count without `of`, the whole register), the **not counted**
 * being the population less the counted. A `fromRegister` activity table gives one group (the
 * entities of its `count` whose `groupBy` value is the group's) against the table's whole.
 * Resolved here from the dataset, IO-free; the store evaluates the selections in SQL
 * (store/register-drill.ts, through store/register-sql.ts) and never returns personal fields.
 */
import type { Dataset, Indicator, Register, RegisterField, RegisterMeasure, RegisterScalar, RegisterSelection } from '../dataset/schema.js';
import { text } from '../findings.js';
import { formatNumber } from '../format.js';
import { periodLabel } from '../labels.js';
import { registerValue } from '../measure/register.js';
import { fieldOf } from './definitions.js';
import { describeSelection, endedPeriods, FIGURE_PERIODS, numeratorSelection, windowOf, type FigurePeriod, type Window } from './conditions.js';
import { appliesIn } from './figures.js';
import { RegisterError } from './rows.js';

/** Which entities a list shows: those counted, those of the population not counted, or the population. */
export const DRILL_SIDES = ['counted', 'not-counted', 'population'] as const;
export type DrillSide = (typeof DRILL_SIDES)[number];

/** What a drill-down lists: the selections of a figure in a period's window. */
export interface DrillTarget {
  kind: 'indicator' | 'table';
  /** the register whose entities are listed */
  register: Register;
  year: number;
  period: FigurePeriod;
  window: Window;
  /** the counted entities (numerator, or the table's group) */
  counted: RegisterSelection;
  /** the population they are counted in (`of`, the whole register for a plain count, the table's whole) */
  population: RegisterSelection;
  /** the selections in words (Indonesian) */
  words: { counted: string; population: string };
  indicator?: { ref: string; name: string; unit?: string; measure: RegisterMeasure };
  table?: { id: string; title: string; groupBy: string; group?: RegisterScalar | null };
}

const q = (s: string): string => JSON.stringify(s);

/** A drill-down that cannot be made: what was asked for does not exist (`missing`) or cannot be drilled, and which part of the request says so. */
export class DrillError extends RegisterError {
  constructor(
    msg: ReturnType<typeof text>,
    readonly where: 'indicator' | 'list' | 'year' | 'period' | 'group' | 'register',
    readonly missing = false,
  ) {
    super(msg);
    this.name = 'DrillError';
  }
}

/** The day's latest ended period of `year`, or the one asked for when it has ended (a RegisterError otherwise). */
export function drillPeriod(year: number, today: string, asked?: FigurePeriod): FigurePeriod {
  const ended = endedPeriods(year, today);
  if (asked) {
    if (!ended.includes(asked)) {
      const p = periodLabel(asked, year);
      throw new DrillError(text(`${p.en} has not ended yet (today is ${today}): its figure is not computed`, `${p.id} belum berakhir (hari ini ${today}): angkanya belum dihitung`), 'period');
    }
    return asked;
  }
  const last = ended.at(-1);
  if (!last) throw new DrillError(text(`no period of ${year} has ended yet (today is ${today})`, `belum ada periode tahun ${year} yang berakhir (hari ini ${today})`), 'year');
  return last;
}

export const isFigurePeriod = (p: string): p is FigurePeriod => (FIGURE_PERIODS as readonly string[]).includes(p);

function registerOf(ds: Pick<Dataset, 'registers'>, id: string): Register {
  const reg = (ds.registers ?? []).find((r) => r.id === id);
  if (!reg) throw new DrillError(text(`no register ${q(id)} is defined`, `register ${q(id)} tidak didefinisikan`), 'register', true);
  return reg;
}

/** A plan indicator by its reference (`plan/indicator`), or by its own id when one plan alone has it. */
export function findIndicator(ds: Pick<Dataset, 'plans'>, ref: string): { ref: string; indicator: Indicator } | undefined {
  const all = ds.plans.flatMap((p) => (p.indicators ?? []).map((i) => ({ ref: `${p.id}/${i.id}`, indicator: i })));
  const exact = all.find((x) => x.ref === ref);
  if (exact) return exact;
  const local = all.filter((x) => x.indicator.id === ref);
  return local.length === 1 ? local[0] : undefined;
}

/** The drill-down of an indicator counted from a register, in a year and period (the latest ended by `today` by default). */
export function indicatorTarget(ds: Pick<Dataset, 'plans' | 'registers'>, ref: string, year: number, o: { today: string; period?: FigurePeriod | undefined }): DrillTarget {
  const found = findIndicator(ds, ref);
  if (!found) throw new DrillError(text(`no indicator ${q(ref)} in the agency's plans`, `tidak ada indikator ${q(ref)} dalam rencana perangkat daerah`), 'indicator', true);
  const { indicator } = found;
  const m = indicator.fromRegister;
  if (!m) {
    throw new DrillError(text(`indicator ${q(indicator.name)} is not counted from a register`, `indikator ${q(indicator.name)} tidak dihitung dari register`), 'indicator');
  }
  if (!appliesIn(m, year)) {
    throw new DrillError(
      text(
        `indicator ${q(indicator.name)} is counted from a register from ${m.since}; its ${year} realization is entered`,
        `indikator ${q(indicator.name)} dihitung dari register sejak ${m.since}; realisasi tahun ${year} diisikan`,
      ),
      'year',
    );
  }
  const regs = ds.registers ?? [];
  const register = registerOf(ds, m.count.register);
  const period = drillPeriod(year, o.today, o.period);
  const counted = numeratorSelection(m);
  const population = m.of ?? { register: register.id };
  return {
    kind: 'indicator',
    register,
    year,
    period,
    window: windowOf(year, period),
    counted,
    population,
    words: { counted: describeSelection(regs, counted), population: describeSelection(regs, population) },
    indicator: { ref: found.ref, name: indicator.name, ...(indicator.unit ? { unit: indicator.unit } : {}), measure: m },
  };
}

/** A group's value as the URL writes it, read as the grouping field's type; '' is the group of entities without a value. */
export function groupValue(field: RegisterField, raw: string): RegisterScalar | null {
  const s = raw.trim();
  if (s === '') return null;
  const bad = (en: string, id: string): never => {
    throw new DrillError(text(`${q(s)} is not a value of ${q(field.name)}: ${en}`, `${q(s)} bukan nilai kolom ${q(field.name)}: ${id}`), 'group');
  };
  switch (field.type) {
    case 'category': {
      const v = (field.values ?? []).find((x) => x.trim().toLowerCase() === s.toLowerCase());
      return v ?? bad(`expected one of ${(field.values ?? []).join(', ')}`, `seharusnya salah satu dari ${(field.values ?? []).join(', ')}`);
    }
    case 'number': {
      const n = Number(s);
      return Number.isFinite(n) ? n : bad('expected a number', 'seharusnya angka');
    }
    case 'yesno':
      if (/^(ya|y|yes|true|1|benar)$/i.test(s)) return true;
      if (/^(tidak|t|no|false|0|salah)$/i.test(s)) return false;
      return bad('expected ya or tidak', 'seharusnya ya atau tidak');
    default:
      return s;
  }
}

/** A group's value in words: "ya"/"tidak", a number the Indonesian way, "(tanpa nilai)". */
export function groupLabel(v: RegisterScalar | null): string {
  if (v === null) return '(tanpa nilai)';
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (typeof v === 'number') return formatNumber(v, Number.isInteger(v) ? 0 : 2);
  return v;
}

/**
 * The drill-down of a `fromRegister` activity table in a year (its latest ended period by
 * default): one group (`group` given; '' for no value) against the table's whole, or — without a
 * group — the table's whole.
 */
export function tableTarget(
  ds: Pick<Dataset, 'activities' | 'registers'>,
  listId: string,
  year: number,
  o: { today: string; period?: FigurePeriod | undefined; group?: string | undefined },
): DrillTarget {
  const list = (ds.activities ?? []).find((l) => l.id === listId);
  if (!list) throw new DrillError(text(`no activity table ${q(listId)}`, `tidak ada tabel kegiatan ${q(listId)}`), 'list', true);
  const t = list.fromRegister;
  if (!t) throw new DrillError(text(`activity table ${q(list.title)} is not counted from a register`, `tabel kegiatan ${q(list.title)} tidak dihitung dari register`), 'list');
  if (!appliesIn(t, year)) {
    throw new DrillError(text(`activity table ${q(list.title)} is counted from a register from ${t.since}`, `tabel kegiatan ${q(list.title)} dihitung dari register sejak ${t.since}`), 'year');
  }
  const regs = ds.registers ?? [];
  const register = registerOf(ds, t.count.register);
  const field = fieldOf(register, t.groupBy);
  if (!field) throw new DrillError(text(`register ${q(register.id)} has no field ${q(t.groupBy)}`, `register ${q(register.id)} tidak mempunyai kolom ${q(t.groupBy)}`), 'list');
  const period = drillPeriod(year, o.today, o.period);
  const group = o.group === undefined ? undefined : groupValue(field, o.group);
  const counted: RegisterSelection =
    group === undefined
      ? t.count
      : { register: register.id, where: [...(t.count.where ?? []), group === null ? { field: field.id, present: false } : { field: field.id, equals: group }] };
  return {
    kind: 'table',
    register,
    year,
    period,
    window: windowOf(year, period),
    counted,
    population: t.count,
    words: { counted: describeSelection(regs, counted), population: describeSelection(regs, t.count) },
    table: { id: list.id, title: list.title, groupBy: field.id, ...(group !== undefined ? { group } : {}) },
  };
}

/** The fields a drill-down list shows besides the key and the label: every field that is not personal. */
export function shownFields(reg: Register): RegisterField[] {
  const label = reg.label ?? reg.key;
  return reg.fields.filter((f) => !f.personal && f.id !== reg.key && f.id !== label);
}

/** The figure of a drill-down: the counts, and the indicator's value from them (undefined for an empty population). */
export interface DrillFigure {
  period: FigurePeriod;
  asOf: string;
  numerator: number;
  /** the population counted, when the indicator is a share (or for a table, the table's total) */
  denominator?: number;
  value?: number;
}

export function drillFigure(t: DrillTarget, counted: number, population: number): DrillFigure {
  const base = { period: t.period, asOf: t.window.to, numerator: counted };
  if (t.kind === 'table') return { ...base, denominator: population, value: counted };
  const m = t.indicator!.measure;
  const v = registerValue(m, m.of ? { ...base, denominator: population } : base);
  return { ...base, ...(m.of ? { denominator: population } : {}), ...(v ? { value: v.value } : {}) };
}
