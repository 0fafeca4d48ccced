/**
 * Goals and summary of an agreement (measurement.md, "Goals" and "Achieved").
 *
 * A goal's achievement is the mean of its measured rows' achievements, each capped first
 * when a cap is set, and its predicate is that mean's. Its efficiency compares that (capped)
 * mean with the absorption of the union of its rows' supporting budgets, each node once.
 * Goals are listed in the order of their first row.
 */
import type { MeasureContext } from './context.js';
import { efficiencyOf, supportingBudget } from './efficiency.js';
import { bandOf } from './predicate.js';
import type { AgreementSummary, GoalResult, MeasuredRow } from './types.js';

export interface GoalInput {
  row: MeasuredRow;
  /** the row's achievement for means (capped), `null` when unmeasured */
  achievementForMeans: number | null;
}

export function goalResults(ctx: MeasureContext, rows: readonly GoalInput[], year: number): GoalResult[] {
  const rules = ctx.rulesFor(null);
  const byGoal = new Map<string, GoalInput[]>();
  for (const r of rows) {
    const g = r.row.goal ?? '';
    const list = byGoal.get(g);
    if (list) list.push(r);
    else byGoal.set(g, [r]);
  }
  const out: GoalResult[] = [];
  for (const [goal, list] of byGoal) {
    const values = list.map((r) => r.achievementForMeans).filter((a): a is number => a !== null);
    const mean = values.length > 0 ? values.reduce((s, a) => s + a, 0) / values.length : null;
    const band = mean === null ? null : bandOf(rules.ratingScale, mean);
    const sb = supportingBudget(
      ctx,
      list.map((r) => r.row.indicator),
      year,
    );
    const efficiency = mean !== null && sb.absorption !== null ? efficiencyOf(rules.efficiency, mean, sb.absorption) : null;
    const g: GoalResult = {
      goal,
      achievement: mean,
      predicate: band?.label ?? null,
      efficiency,
      rows: list.length,
      measured: values.length,
      budget: sb.budget,
      spent: sb.spent,
      absorption: sb.absorption,
    };
    if (band?.color !== undefined) g.predicateColor = band.color;
    if (efficiency === null) g.efficiencyReason = sb.reason ?? 'no measured row';
    out.push(g);
  }
  return out;
}

/** Counts of an agreement's rows: total, achieved, not achieved, unmeasured. */
export function summarize(rows: readonly MeasuredRow[]): AgreementSummary {
  let achieved = 0;
  let notAchieved = 0;
  let unmeasured = 0;
  for (const r of rows) {
    if (r.achieved === true) achieved++;
    else if (r.achieved === false) notAchieved++;
    else unmeasured++;
  }
  return { rows: rows.length, achieved, notAchieved, unmeasured };
}
