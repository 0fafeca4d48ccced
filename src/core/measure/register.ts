/**
 * Indicators realized from registers (registers.md, "Indicators from registers"). The counts
 * come from the store (store/register-counts.ts evaluates the conditions in SQL) as
 * `RegisterFigures`, passed to the measurement context; this module turns them into a
 * realization: the count, or the count as a share of the population (× factor, 100 by default).
 * The figure of a year is the one of its latest ended period, provisional until Q4 (the year).
 * An empty population leaves the row unmeasured with its reason; an entry typed for a computed
 * year is not used (a warning).
 */
import type { IndicatorEntry } from '../dataset/model.js';
import type { Period, RegisterMeasure } from '../dataset/schema.js';
import { finding, type Finding } from '../findings.js';
import type { FigurePeriod } from '../registers/conditions.js';
import type { MeasureContext } from './context.js';
import type { Realized } from './realization.js';

/** One computed figure of an indicator: the counts at a period's end. */
export interface RegisterFigure {
  period: FigurePeriod;
  /** the period's last day (YYYY-MM-DD): what was counted is what the registers held for it */
  asOf: string;
  /** distinct entities of the population meeting the conditions */
  numerator: number;
  /** the population (absent when the indicator is a plain count) */
  denominator?: number;
}

/** One computed activity table: the entities counted per value of the grouping field. */
export interface RegisterTableFigure {
  period: FigurePeriod;
  asOf: string;
  /** the groups in the order of the field's values (category) or of the value; `null`: no value */
  groups: Array<{ value: string | number | boolean | null; count: number }>;
  total: number;
}

/** What the store computed for a dataset: per indicator ref and per activity list, per year. */
export interface RegisterFigures {
  /** canonical indicator ref → year → the figures of its ended periods, in period order */
  indicators: ReadonlyMap<string, ReadonlyMap<number, readonly RegisterFigure[]>>;
  /** activity list id → year → the table at the latest ended period */
  tables: ReadonlyMap<string, ReadonlyMap<number, RegisterTableFigure>>;
}

/** Whether an indicator is realized from registers in a year. */
export const registerMeasureIn = (m: RegisterMeasure | undefined, year: number): m is RegisterMeasure => m !== undefined && (m.since === undefined || year >= m.since);

/** The realization of an indicator from its register figure of a period (the latest ended, by default). */
export function registerValue(m: RegisterMeasure, fig: RegisterFigure): { value: number; parts?: { numerator: number; denominator: number } } | undefined {
  if (!m.of) return { value: fig.numerator };
  const d = fig.denominator ?? 0;
  if (d === 0) return undefined;
  return { value: (fig.numerator / d) * (m.factor ?? 100), parts: { numerator: fig.numerator, denominator: d } };
}

/** The realization of a register-based indicator in a year, from the figures in the context. */
export function realizeFromRegister(ctx: MeasureContext, entry: IndicatorEntry, year: number, where: string): { realized: Realized; findings: Finding[] } {
  const m = entry.indicator.fromRegister!;
  const findings: Finding[] = [];
  const regName = ctx.ds.registers?.find((r) => r.id === m.count.register)?.name ?? m.count.register;
  const typed = ctx.realizations.get(entry.ref)?.get(year);
  if (typed && typed.length > 0) {
    findings.push(
      finding(
        'warning',
        'register-overrides-entry',
        `realizations[${typed[0]!.i}]`,
        `${entry.ref} is computed from the register ${JSON.stringify(regName)} from ${m.since ?? year}; the realization entered for ${year} is not used`,
        `${entry.indicator.name} dihitung dari register ${regName} sejak ${m.since ?? year}; realisasi yang diisikan untuk ${year} tidak dipakai`,
      ),
    );
  }
  const none = (message: string, messageId: string, reason: 'no realization' | 'zero denominator' = 'no realization'): { realized: Realized; findings: Finding[] } => ({
    realized: { ok: false, reason, message, messageId, state: null, sources: [] },
    findings,
  });
  if (!ctx.registerFigures) {
    return none(
      `computed from the register ${JSON.stringify(regName)}, whose rows are not available here`,
      `dihitung dari register ${regName}, yang datanya tidak tersedia di sini`,
    );
  }
  const figs = ctx.registerFigures.indicators.get(entry.ref)?.get(year) ?? [];
  const fig = figs[figs.length - 1];
  if (!fig) return none(`no period of ${year} has ended yet to count the register ${JSON.stringify(regName)}`, `belum ada periode tahun ${year} yang berakhir untuk menghitung register ${regName}`);
  const v = registerValue(m, fig);
  if (!v) {
    return none(
      `the population counted from the register ${JSON.stringify(regName)} is empty at ${fig.asOf}`,
      `populasi yang dihitung dari register ${regName} kosong per ${fig.asOf}`,
      'zero denominator',
    );
  }
  const period: Period = fig.period === 'Q4' ? 'Y' : fig.period;
  return {
    realized: {
      ok: true,
      value: v.value,
      display: v.value,
      provisional: fig.period !== 'Q4',
      period,
      state: 'approved',
      ...(v.parts ? { parts: v.parts } : {}),
      sources: [],
      register: { register: m.count.register, asOf: fig.asOf },
    },
    findings,
  };
}
