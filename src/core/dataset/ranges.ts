/**
 * The valid range of every number that enters a dataset (dataset-format.md, "Ranges"): the
 * realizations and targets of an indicator, budgets and spending, and SAKIP scores. The rules
 * are data: an indicator may declare its `range`; otherwise it follows from its unit and measure
 * (a `%` share 0–100, a ratio's numerator 0…denominator with a denominator above 0, a count a
 * whole number ≥ 0, a score 0–100, any other value ≥ 0); money is ≥ 0, physical progress 0–100 %.
 *
 * An entry outside its range is an error (`out-of-range`) of validation and of every edit,
 * unless the entry says explicitly that it keeps an impossible value as printed in its source
 * (`outOfRange: { reason }`): it is then a warning with the same code, everywhere it shows, and
 * a realization so marked is never scored (measurement.md). Pure and IO-free: validation
 * (references.ts), the edits (core/edit), the measurement and the data-quality findings call it.
 */
import type { Dataset, Indicator, Realization } from './schema.js';
import { indexDataset, resolveAgreementLocal } from './model.js';
import { finding, text, type Finding, type Text } from '../findings.js';
import { formatNumber } from '../format.js';

/** A range of numbers: `null` bounds are open. */
export interface Range {
  min: number | null;
  max: number | null;
  /** the lower bound itself is outside (a denominator above 0) */
  minExclusive?: boolean;
  /** whole numbers only */
  whole?: boolean;
  /** why this range, in both languages (`a % share`, `declared on the indicator`) */
  basis: Text;
}

/** One number outside its range. */
export interface Violation {
  /** the field, relative to the entry (`value`, `numerator`, `targets["2025"]`, `amount`) */
  field: string;
  value: number;
  range: Range;
  /** what is wrong, in both languages (`222.29 is above 100`) */
  problem: Text;
}

const PERCENT_UNITS = /^(%|persen|percent|prosen)$/i;
const SCORE_UNITS = /^(nilai|skor|score|poin|points?)$/i;

const isPercentUnit = (unit: string | undefined): boolean => unit !== undefined && PERCENT_UNITS.test(unit.trim());
const isScoreUnit = (unit: string | undefined): boolean => unit !== undefined && SCORE_UNITS.test(unit.trim());

export const SCORE_RANGE: Range = { min: 0, max: 100, basis: text('a SAKIP score', 'nilai SAKIP') };
export const MONEY_RANGE: Range = { min: 0, max: null, basis: text('an amount of money', 'jumlah uang') };
export const PHYSICAL_RANGE: Range = { min: 0, max: 100, basis: text('physical progress in %', 'progres fisik dalam %') };
/** a row of an activity list: how many were targeted or done (people, cooperatives, events …) */
export const ACTIVITY_RANGE: Range = { min: 0, max: null, basis: text('a count or amount of an activity', 'jumlah kegiatan') };
const DENOMINATOR_RANGE: Range = { min: 0, max: null, minExclusive: true, basis: text('a denominator', 'penyebut') };
const NUMERATOR_RANGE: Range = { min: 0, max: null, basis: text('a numerator', 'pembilang') };

/**
 * The range of an indicator's value (its realizations' values, its targets, baseline and end
 * target): the declared `range` over the default of its unit and measure. `null` for a
 * category indicator (its values are labels) — categories are checked against their list.
 */
export function valueRange(ind: Pick<Indicator, 'unit' | 'measure' | 'range'>): Range | null {
  const m = ind.measure;
  if (m.type === 'category') return null;
  let d: Range;
  if (m.type === 'count') d = { min: 0, max: null, whole: true, basis: text('a count', 'jumlah (cacah)') };
  else if (isPercentUnit(ind.unit) || m.type === 'derived') d = { min: 0, max: 100, basis: text('a % share', 'persentase') };
  else if (isScoreUnit(ind.unit)) d = { min: 0, max: 100, basis: text('a score', 'skor') };
  else d = { min: 0, max: null, basis: text(`a value in ${ind.unit ?? 'its unit'}`, `nilai dalam ${ind.unit ?? 'satuannya'}`) };
  const r = ind.range;
  if (!r) return d;
  return {
    min: r.min !== undefined ? r.min : d.min,
    max: r.max !== undefined ? r.max : d.max,
    ...((r.whole ?? d.whole) ? { whole: true } : {}),
    basis: text('the range declared on the indicator', 'rentang yang ditetapkan pada indikator'),
  };
}

/** The range in words: `0 to 100`, `above 0`, `at least 0, whole numbers`. */
export function rangeText(r: Range): Text {
  const n = (x: number): string => String(x);
  const nId = (x: number): string => formatNumber(x, 10, { trim: true });
  let en: string;
  let id: string;
  if (r.min !== null && r.max !== null) {
    en = `${r.minExclusive ? 'above' : 'from'} ${n(r.min)} ${r.minExclusive ? 'and at most' : 'to'} ${n(r.max)}`;
    id = `${r.minExclusive ? 'lebih dari' : ''} ${nId(r.min)} sampai ${nId(r.max)}`.trim();
  } else if (r.min !== null) {
    en = r.minExclusive ? `above ${n(r.min)}` : `at least ${n(r.min)}`;
    id = r.minExclusive ? `lebih dari ${nId(r.min)}` : `paling kecil ${nId(r.min)}`;
  } else if (r.max !== null) {
    en = `at most ${n(r.max)}`;
    id = `paling besar ${nId(r.max)}`;
  } else {
    en = 'any number';
    id = 'bilangan apa pun';
  }
  if (r.whole) {
    en += ', a whole number';
    id += ', bilangan bulat';
  }
  return text(`${en} (${r.basis.en})`, `${id} (${r.basis.id})`);
}

/** What is wrong with `x` in `r`, or null when it is within. */
export function outside(x: number, r: Range): Text | null {
  const xs = String(x);
  const xId = formatNumber(x, 10, { trim: true });
  if (r.min !== null && (r.minExclusive ? x <= r.min : x < r.min)) {
    return r.minExclusive
      ? text(`${xs} is not above ${r.min}`, `${xId} tidak lebih dari ${formatNumber(r.min, 10, { trim: true })}`)
      : text(`${xs} is below ${r.min}`, `${xId} kurang dari ${formatNumber(r.min, 10, { trim: true })}`);
  }
  if (r.max !== null && x > r.max) return text(`${xs} is above ${r.max}`, `${xId} lebih dari ${formatNumber(r.max, 10, { trim: true })}`);
  if (r.whole && !Number.isInteger(x)) return text(`${xs} is not a whole number`, `${xId} bukan bilangan bulat`);
  return null;
}

const nId = (x: number): string => formatNumber(x, 10, { trim: true });
const formatNumberEn = (x: number): string => String(Math.round(x * 100) / 100);

const check = (out: Violation[], field: string, x: number | undefined, r: Range | null): void => {
  if (x === undefined || r === null) return;
  const problem = outside(x, r);
  if (problem) out.push({ field, value: x, range: r, problem });
};

/**
 * The numbers of a realization entry outside the indicator's ranges: the value; for a ratio,
 * the numerator (≥ 0), the denominator (> 0) and the value they give (numerator ÷ denominator ×
 * factor, so a % share's numerator is at most its denominator). A category indicator's
 * entries carry labels, checked against its categories elsewhere.
 */
export function realizationViolations(
  ind: Pick<Indicator, 'unit' | 'measure' | 'range'>,
  r: Pick<Realization, 'value' | 'numerator' | 'denominator'>,
): Violation[] {
  const out: Violation[] = [];
  const m = ind.measure;
  if (m.type === 'category') return out;
  const vr = valueRange(ind);
  check(out, 'value', r.value, vr);
  if (m.type === 'ratio') {
    const numerator: Range = vr && vr.min !== null && vr.min < 0 ? { ...NUMERATOR_RANGE, min: null } : NUMERATOR_RANGE;
    check(out, 'numerator', r.numerator, numerator);
    check(out, 'denominator', r.denominator, DENOMINATOR_RANGE);
    if (out.length === 0 && r.numerator !== undefined && r.denominator !== undefined && vr) {
      const computed = (r.numerator / r.denominator) * (m.factor ?? 100);
      if (outside(computed, { ...vr, whole: false })) {
        const factor = m.factor ?? 100;
        const above = vr.max !== null && computed > vr.max;
        const bound = above ? vr.max! : vr.min!;
        out.push({
          field: 'numerator',
          value: r.numerator,
          range: vr,
          problem: text(
            `${r.numerator} ÷ ${r.denominator} × ${factor} = ${formatNumberEn(computed)}, ${above ? 'above' : 'below'} ${bound}`,
            `${nId(r.numerator)} ÷ ${nId(r.denominator)} × ${factor} = ${formatNumber(computed, 2)}, ${above ? 'lebih dari' : 'kurang dari'} ${nId(bound)}`,
          ),
        });
      }
    }
  }
  return out;
}

/** The targets, baseline and end target of an indicator outside its value range. */
export function indicatorViolations(ind: Pick<Indicator, 'unit' | 'measure' | 'range' | 'targets' | 'periodTargets' | 'baseline' | 'endTarget'>): Violation[] {
  const out: Violation[] = [];
  const vr = valueRange(ind);
  if (!vr) return out;
  for (const [year, v] of Object.entries(ind.targets ?? {})) check(out, `targets["${year}"]`, v, vr);
  for (const [year, periods] of Object.entries(ind.periodTargets ?? {})) {
    for (const [p, v] of Object.entries(periods)) if (typeof v === 'number') check(out, `periodTargets["${year}"].${p}`, v, vr);
  }
  if (ind.baseline) check(out, 'baseline.value', ind.baseline.value, vr);
  check(out, 'endTarget', ind.endTarget, vr);
  return out;
}

/** The realizations' value range in words for a form: `0 sampai 100 (persentase …)`. */
export const rangeOf = (ind: Pick<Indicator, 'unit' | 'measure' | 'range'>): Text | null => {
  const r = valueRange(ind);
  return r ? rangeText(r) : null;
};

// ---------------------------------------------------------------- findings over a dataset

/** A marker `outOfRange: { reason }` on an entry, when it has one. */
type Marked = { outOfRange?: { reason: string } | undefined };

export interface RangeCheckOptions {
  /** path prefix of every finding ('' for a dataset, `agencies[3]` in a region) */
  prefix?: string;
  /** original array positions (a salvaged document) */
  position?: WeakMap<object, number>;
  /** only entries of this year (realizations, targets, budgets, scores); all when absent */
  year?: number;
}

/**
 * Every number of the dataset outside its range, as findings with code `out-of-range`: an error
 * where the entry is not marked, a warning (the value kept as printed, with the marker's reason)
 * where it is. Each finding's path is the field's (`realizations[12].numerator`); its message
 * names the indicator (or budget line, score) and gives the range, in English and Indonesian.
 */
export function rangeFindings(ds: Dataset, options: RangeCheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const prefix = options.prefix ?? '';
  const P = (path: string): string => (prefix === '' ? path : `${prefix}.${path}`);
  const pos = (el: object, i: number): number => options.position?.get(el) ?? i;
  const inYear = (y: number): boolean => options.year === undefined || options.year === y;
  const emit = (entry: Marked, base: string, what: Text, v: Violation): void => {
    const range = rangeText(v.range);
    const marker = entry.outOfRange;
    const where = P(`${base}.${v.field}`);
    if (marker) {
      out.push(
        finding(
          'warning',
          'out-of-range',
          where,
          `${what.en}: ${v.problem.en}, outside its range ${range.en}; kept as marked ("${marker.reason}") and not scored`,
          `${what.id}: ${v.problem.id}, di luar rentang yang sah ${range.id}; dipertahankan sebagaimana tercatat dalam sumbernya ("${marker.reason}") dan tidak dinilai`,
        ),
      );
    } else {
      out.push(
        finding(
          'error',
          'out-of-range',
          where,
          `${what.en}: ${v.problem.en}; expected ${range.en} (a value printed so in a source may be kept only with "outOfRange": { "reason": … })`,
          `${what.id}: ${v.problem.id}; seharusnya ${range.id} (nilai yang memang tercetak demikian dalam sumber hanya dapat dipertahankan dengan "outOfRange": { "reason": … })`,
        ),
      );
    }
  };
  const idx = indexDataset(ds);
  const indicatorWhat = (ind: Indicator, ref: string): Text => text(`indicator ${ref} "${ind.name}"`, `indikator "${ind.name}"`);
  const filterYear = (vs: Violation[]): Violation[] =>
    options.year === undefined ? vs : vs.filter((v) => !/^(targets|periodTargets)\[/.test(v.field) || v.field.includes(`["${options.year}"]`));

  const checkIndicators = (list: readonly Indicator[] | undefined, base: string, owner: string): void => {
    (list ?? []).forEach((ind, i0) => {
      const at = `${base}.indicators[${pos(ind, i0)}]`;
      const vs = filterYear(indicatorViolations(ind)).filter((v) => options.year === undefined || /^(targets|periodTargets)\[/.test(v.field));
      for (const v of vs) emit(ind, at, indicatorWhat(ind, `${owner}/${ind.id}`), v);
    });
  };
  ds.plans.forEach((p, i) => checkIndicators(p.indicators, `plans[${pos(p, i)}]`, p.id));
  ds.agreements.forEach((a, i0) => {
    const base = `agreements[${pos(a, i0)}]`;
    checkIndicators(a.indicators, base, a.id);
    if (!inYear(a.year)) return;
    a.rows.forEach((row, k0) => {
      if (typeof row.target !== 'number') return;
      const resolved = resolveAgreementLocal(idx, a, row.indicator, 'indicators');
      const entry = resolved !== undefined ? idx.indicators.get(resolved) : undefined;
      if (!entry) return;
      const vr = valueRange(entry.indicator);
      if (!vr) return;
      const problem = outside(row.target, vr);
      if (problem) emit(row, `${base}.rows[${pos(row, k0)}]`, text(`the agreed target of ${entry.ref} "${entry.indicator.name}"`, `target perjanjian kinerja untuk "${entry.indicator.name}"`), { field: 'target', value: row.target, range: vr, problem });
    });
    a.budget.forEach((b, k0) => {
      const problem = outside(b.amount, MONEY_RANGE);
      if (problem) emit(b, `${base}.budget[${pos(b, k0)}]`, text(`the budget of program ${b.program} in agreement ${a.id}`, `anggaran program ${b.program} dalam perjanjian kinerja ${a.id}`), { field: 'amount', value: b.amount, range: MONEY_RANGE, problem });
    });
  });
  ds.programs.forEach((n, i0) => {
    const base = `programs[${pos(n, i0)}]`;
    checkIndicators(n.indicators, base, n.id);
    const what = (kind: Text): Text => text(`${kind.en} of ${n.id} "${n.name}"`, `${kind.id} "${n.name}"`);
    n.budgets.forEach((b, k0) => {
      if (!inYear(b.year)) return;
      const problem = outside(b.amount, MONEY_RANGE);
      if (problem) emit(b, `${base}.budgets[${pos(b, k0)}]`, what(text(`the ${b.year} budget (${b.stage})`, `pagu ${b.year} (${b.stage})`)), { field: 'amount', value: b.amount, range: MONEY_RANGE, problem });
    });
    (n.spending ?? []).forEach((s, k0) => {
      if (!inYear(s.year)) return;
      const at = `${base}.spending[${pos(s, k0)}]`;
      const label = what(text(`the ${s.year} spending`, `realisasi belanja ${s.year}`));
      const p1 = outside(s.amount, MONEY_RANGE);
      if (p1) emit(s, at, label, { field: 'amount', value: s.amount, range: MONEY_RANGE, problem: p1 });
      if (s.physical !== undefined) {
        const p2 = outside(s.physical, PHYSICAL_RANGE);
        if (p2) emit(s, at, label, { field: 'physical', value: s.physical, range: PHYSICAL_RANGE, problem: p2 });
      }
    });
    (n.supports ?? []).forEach((s, k0) => {
      if (!('amount' in s) || !inYear(s.year)) return;
      const at = `${base}.supports[${pos(s, k0)}]`;
      const label = what(text(`the support of ${s.indicator} in ${s.year}`, `dukungan terhadap ${s.indicator} tahun ${s.year}`));
      for (const field of ['amount', 'spent'] as const) {
        const problem = outside(s[field], MONEY_RANGE);
        if (problem) emit(s, at, label, { field, value: s[field], range: MONEY_RANGE, problem });
      }
    });
  });
  ds.realizations.forEach((rz, i0) => {
    if (!inYear(rz.year)) return;
    const entry = idx.indicators.get(rz.indicator);
    if (!entry) return;
    const label = text(
      `the ${rz.year}${rz.period && rz.period !== 'Y' ? ` ${rz.period}` : ''} realization of "${entry.indicator.name}"`,
      `realisasi ${rz.year}${rz.period && rz.period !== 'Y' ? ` ${rz.period}` : ''} "${entry.indicator.name}"`,
    );
    for (const v of realizationViolations(entry.indicator, rz)) emit(rz, `realizations[${pos(rz, i0)}]`, label, v);
  });
  (ds.expenditures ?? []).forEach((e, i0) => {
    if (!inYear(e.year)) return;
    const at = `expenditures[${pos(e, i0)}]`;
    const label = text(`expenditure line ${e.id} "${e.name}"`, `rincian belanja "${e.name}"`);
    for (const field of ['ceiling', 'realized'] as const) {
      const x = e[field];
      if (x === undefined) continue;
      const problem = outside(x, MONEY_RANGE);
      if (problem) emit(e, at, label, { field, value: x, range: MONEY_RANGE, problem });
    }
  });
  // benchmarks (another agency's or region's value of an indicator) hold the indicator's range
  (ds.benchmarks ?? []).forEach((b, i0) => {
    if (!inYear(b.year) || b.value === null) return;
    const entry = idx.indicators.get(b.indicator);
    const vr = entry ? valueRange(entry.indicator) : undefined;
    if (!entry || !vr) return;
    const problem = outside(b.value, vr);
    if (problem)
      emit(b, `benchmarks[${pos(b, i0)}]`, text(`the ${b.year} benchmark of ${b.indicator} "${entry.indicator.name}"`, `pembanding ${b.year} "${entry.indicator.name}"`), { field: 'value', value: b.value, range: vr, problem });
  });
  // the rows of activity lists count what was planned and done: never below zero
  (ds.activities ?? []).forEach((l, i0) => {
    l.rows.forEach((row, k0) => {
      const at = `activities[${pos(l, i0)}].rows[${pos(row, k0)}]`;
      const label = text(`the row "${row.name}" of the activity list "${l.title}"`, `baris "${row.name}" dalam daftar kegiatan "${l.title}"`);
      for (const field of ['target', 'realization'] as const) {
        const x = row[field];
        if (typeof x !== 'number') continue;
        const problem = outside(x, ACTIVITY_RANGE);
        if (problem) emit(row, at, label, { field, value: x, range: ACTIVITY_RANGE, problem });
      }
    });
  });
  (ds.evaluation?.scores ?? []).forEach((s, i0) => {
    if (!inYear(s.year)) return;
    const problem = outside(s.value, SCORE_RANGE);
    if (problem) emit(s, `evaluation.scores[${pos(s, i0)}]`, text(`the SAKIP score of ${s.year}`, `nilai SAKIP tahun ${s.year}`), { field: 'value', value: s.value, range: SCORE_RANGE, problem });
  });
  return out;
}

/**
 * The marked out-of-range entries of a dataset (the warnings of `rangeFindings`), for the
 * measurement's findings and the data-quality findings; `year` keeps those of one year.
 */
export function outOfRangeFindings(ds: Dataset, year?: number): Finding[] {
  return rangeFindings(ds, year === undefined ? {} : { year }).filter((f) => f.severity === 'warning');
}

/** Whether a realization entry is outside its indicator's range (it is then never scored). */
export const realizationOutOfRange = (ind: Pick<Indicator, 'unit' | 'measure' | 'range'>, r: Realization): Violation | undefined =>
  realizationViolations(ind, r)[0];
