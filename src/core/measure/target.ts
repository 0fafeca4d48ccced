/**
 * Targets: the target value used in a formula (a number, or a category label's score), the
 * yearly target of an indicator, and its end-of-plan target.
 */
import type { Indicator } from '../dataset/schema.js';
import type { IndicatorEntry } from '../dataset/model.js';
import { categoryScore } from './achievement.js';
import type { MeasureContext } from './context.js';

export type TargetValue =
  | { ok: true; value: number }
  | { ok: false; reason: 'unknown target category' | 'invalid target'; message: string; messageId: string };

/** The number a target stands for: itself, or for a category indicator a label's score. */
export function targetValue(indicator: Indicator, target: number | string): TargetValue {
  if (typeof target === 'number') return { ok: true, value: target };
  if (indicator.measure.type === 'category') {
    const score = categoryScore(indicator.measure.categories, target);
    if (score !== undefined) return { ok: true, value: score };
    const labels = indicator.measure.categories.map((c) => `"${c.label}"`).join(', ');
    return {
      ok: false,
      reason: 'unknown target category',
      message: `the target "${target}" is none of the indicator's categories (${labels})`,
      messageId: `target "${target}" tidak termasuk kategori indikator ini (${labels})`,
    };
  }
  return {
    ok: false,
    reason: 'invalid target',
    message: `the target "${target}" is a label, but the indicator is not a category indicator; expected a number`,
    messageId: `target "${target}" berupa label, padahal indikator ini bukan indikator kategori; seharusnya berupa angka`,
  };
}

/** The indicator's own target for a year, or `undefined`. */
export const yearTarget = (indicator: Indicator, year: number): number | undefined => indicator.targets?.[String(year)];

/** The end year of the plan an indicator belongs to (an agreement's indicator: the agreement's plan). */
function planEndYear(ctx: MeasureContext, entry: IndicatorEntry): number | undefined {
  const o = entry.owner;
  if (o.kind === 'plan') return o.plan.endYear;
  if (o.kind === 'agreement') return ctx.idx.plans.get(o.agreement.plan)?.endYear;
  return undefined;
}

/**
 * The end-of-period target: `endTarget`, else the target for the plan's `endYear`, else the
 * target of the last year that has one; `null` when there is none.
 */
export function endTargetOf(ctx: MeasureContext, entry: IndicatorEntry): number | null {
  const ind = entry.indicator;
  if (ind.endTarget !== undefined) return ind.endTarget;
  const end = planEndYear(ctx, entry);
  if (end !== undefined) {
    const t = yearTarget(ind, end);
    if (t !== undefined) return t;
  }
  let lastYear = -Infinity;
  let last: number | null = null;
  for (const [y, t] of Object.entries(ind.targets ?? {})) {
    const n = Number(y);
    if (n > lastYear) {
      lastYear = n;
      last = t;
    }
  }
  return last;
}

const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
const SEMESTERS = ['S1', 'S2'] as const;

/**
 * The plan's target within the year for the period a provisional realization comes from
 * (`periodTargets`), to monitor progress during the year; `undefined` when the plan sets none.
 * With cumulative period values (the default) it is the period's own target. With separate
 * values an amount indicator (value, count) adds up the periods, so the target is the sum of
 * the targets of the periods up to this one (every one of them set); a ratio, category or
 * derived indicator has none then.
 */
export function periodTargetOf(indicator: Indicator, year: number, period: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'S1' | 'S2'): number | undefined {
  const set = indicator.periodTargets?.[String(year)];
  if (!set) return undefined;
  const type = indicator.measure.type;
  if (type === 'category' || type === 'derived' || type === 'countOf') return undefined;
  if ((indicator.periodValues ?? 'cumulative') === 'cumulative') return set[period];
  if (type === 'ratio') return undefined;
  const kind: readonly ('Q1' | 'Q2' | 'Q3' | 'Q4' | 'S1' | 'S2')[] = period.startsWith('Q') ? QUARTERS : SEMESTERS;
  let sum = 0;
  for (const p of kind.slice(0, kind.indexOf(period) + 1)) {
    const t = set[p];
    if (t === undefined) return undefined;
    sum += t;
  }
  return sum;
}
