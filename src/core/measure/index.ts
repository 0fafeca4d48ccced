/**
 * The measurement engine (measurement.md): `measure(ds, year)` gives exactly the
 * `measure --json` contract. IO-free; every index is built once per dataset.
 */
import type { Dataset, Settings } from '../dataset/schema.js';
import type { RegisterFigures } from './register.js';
import { resolveAgreementLocal } from '../dataset/model.js';
import type { Finding } from '../findings.js';
import { agencyBudget, budgetFindings } from './budget.js';
import { gradeFindings } from './grade.js';
import { createMeasureContext, type MeasureContext } from './context.js';
import { supportFindings } from './efficiency.js';
import { goalResults, summarize, type GoalInput } from './goals.js';
import { measureIndicator } from './indicator.js';
import type { AgreementResult, MeasuredRow, MeasureResult, ProgramIndicatorRow } from './types.js';
import { yearTarget } from './target.js';
import { outOfRangeFindings } from '../dataset/ranges.js';

export interface MeasureOptions {
  /** the region's settings, when the dataset is one agency of a region file */
  regionSettings?: Settings;
  /** the counts of the agency's registers (store/register-counts.ts) */
  registerFigures?: RegisterFigures;
}

/** Collects findings once each (same severity, code, where and message). */
class FindingSet {
  readonly list: Finding[] = [];
  private readonly keys = new Set<string>();
  add(fs: Iterable<Finding>): void {
    for (const f of fs) {
      const k = `${f.severity}\u0000${f.code}\u0000${f.where}\u0000${f.message}`;
      if (this.keys.has(k)) continue;
      this.keys.add(k);
      this.list.push(f);
    }
  }
}

/** Measure every agreement, plan indicator and program indicator of a year. */
export function measure(ds: Dataset, year: number, options: MeasureOptions = {}): MeasureResult {
  return measureYear(createMeasureContext(ds, { regionSettings: options.regionSettings, registerFigures: options.registerFigures }), year);
}

/** `measure` on a context built beforehand (to measure several years of one dataset). */
export function measureYear(ctx: MeasureContext, year: number): MeasureResult {
  const { ds, idx } = ctx;
  const findings = new FindingSet();
  findings.add(ctx.indexFindings.filter((f) => f.year <= year).map((f) => f.finding));

  const agreements: AgreementResult[] = [];
  ds.agreements.forEach((ag, i) => {
    if (ag.year !== year) return;
    const inputs: GoalInput[] = ag.rows.map((row, j) => {
      const where = `agreements[${i}].rows[${j}]`;
      const r = resolveAgreementLocal(idx, ag, row.indicator, 'indicators') ?? `${ag.id}/${row.indicator}`;
      const m = measureIndicator(ctx, r, year, { target: row.target, where, goal: row.goal });
      findings.add(m.findings);
      return { row: m.row, achievementForMeans: m.achievementForMeans };
    });
    const rows = inputs.map((x) => x.row);
    const result: AgreementResult = {
      id: ag.id,
      kind: ag.kind,
      plan: ag.plan,
      ...(ag.amends !== undefined ? { amends: ag.amends } : {}),
      signedOn: ag.signedOn,
      rows,
      goals: goalResults(ctx, inputs, year),
      summary: summarize(rows),
    };
    agreements.push(result);
  });

  const planIndicators: MeasuredRow[] = [];
  ds.plans.forEach((plan, i) => {
    if (year < plan.startYear || year > plan.endYear) return;
    plan.indicators?.forEach((ind, j) => {
      if (yearTarget(ind, year) === undefined) return;
      const m = measureIndicator(ctx, `${plan.id}/${ind.id}`, year, { where: `plans[${i}].indicators[${j}]` });
      findings.add(m.findings);
      planIndicators.push(m.row);
    });
  });

  const programIndicators: ProgramIndicatorRow[] = [];
  ds.programs.forEach((node, i) => {
    node.indicators?.forEach((ind, j) => {
      if (yearTarget(ind, year) === undefined) return;
      const m = measureIndicator(ctx, `${node.id}/${ind.id}`, year, { where: `programs[${i}].indicators[${j}]` });
      findings.add(m.findings);
      programIndicators.push({ node: node.id, ...m.row });
    });
  });

  findings.add(budgetFindings(ctx.budget, year));
  findings.add(supportFindings(ctx));
  // the year's entries kept outside their range as printed (`outOfRange`): flagged wherever they show
  findings.add(outOfRangeFindings(ds, year));
  findings.add(gradeFindings(ds, { regionSettings: ctx.regionSettings, year }));

  return {
    agency: ds.agency.name,
    year,
    agreements,
    planIndicators,
    programIndicators,
    budget: agencyBudget(ctx.budget, year),
    findings: findings.list,
  };
}

export { createMeasureContext, indicatorEntry, whereOf } from './context.js';
export type { MeasureContext, ContextOptions, SupportLink, IndexedRealization } from './context.js';
export { measureIndicator } from './indicator.js';
export type { MeasureIndicatorOptions, IndicatorMeasurement } from './indicator.js';
export { DEFAULT_RULES, DEFAULT_RATING_SCALE, DEFAULT_GRADE_SCALE, resolveRules, resolveGradeScale, normalizeScale, normalizeGradeScale } from './rules.js';
export type { Rules, RatingBandRule, GradeBandRule, EfficiencyRuleSpec } from './rules.js';
export { unapprovedRows } from './official.js';
export type { UnapprovedRow } from './official.js';
export { gradeOf, gradeOfScore, gradeText, gradeFindings, typedGradeMatches } from './grade.js';
export type { Grade } from './grade.js';
export { achievementOf, capAchievement, categoryScore, bestCategory } from './achievement.js';
export type { AchievementInput, AchievementOutcome } from './achievement.js';
export { bandOf, predicateOf, isAchieved } from './predicate.js';
export { realizationOfEntries, valueOfEntry } from './realization.js';
export type { Realized, RealizedValue, NotRealized, UnmeasuredReason } from './realization.js';
export { realize, scoreIndicator } from './score.js';
export { shareAchieved } from './derived.js';
export type { MemberOutcome } from './derived.js';
export { trendOf } from './trend.js';
export { endTargetOf, targetValue, yearTarget } from './target.js';
export { benchmarkOf } from './benchmark.js';
export type { BenchmarkLookup } from './benchmark.js';
export {
  indexBudgets,
  stageBudget,
  finalBudget,
  finalBudgetBySource,
  spent,
  absorption,
  absorptionOf,
  agencyBudget,
  budgetFindings,
  STAGE_ORDER,
} from './budget.js';
export type { BudgetIndex } from './budget.js';
export { efficiencyOf, supportingBudget, supportLinks, supportFindings } from './efficiency.js';
export type { SupportingBudget, NoBudgetReason } from './efficiency.js';
export { goalResults, summarize } from './goals.js';
export type * from './types.js';
export { realizeFromRegister, registerMeasureIn, registerValue } from './register.js';
export type { RegisterFigure, RegisterFigures, RegisterTableFigure } from './register.js';
