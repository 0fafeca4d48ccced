/**
 * Measurement of one indicator in one year: the full row of the `measure --json` contract.
 * This is the lower-level API the report and the review use to measure any indicator.
 */
import { finding, type Finding, type Severity } from '../findings.js';
import { achievementOf, capAchievement } from './achievement.js';
import { benchmarkOf } from './benchmark.js';
import { whereOf, type MeasureContext } from './context.js';
import { efficiencyOf, supportingBudget, type SupportingBudget } from './efficiency.js';
import { bandOf, isAchieved } from './predicate.js';
import { scoreIndicator } from './score.js';
import { endTargetOf, periodTargetOf, yearTarget } from './target.js';
import { trendOf } from './trend.js';
import { unmeasuredReasonId } from './reasons.js';
import type { MeasuredRow } from './types.js';

export interface MeasureIndicatorOptions {
  /** the target to measure against (an agreed target); default: the indicator's own target for the year */
  target?: number | string | null;
  /** where findings point; default: the indicator's path in the document */
  where?: string;
  /** the goal the row reports; default: the indicator's `goal` */
  goal?: string | null;
}

export interface IndicatorMeasurement {
  row: MeasuredRow;
  findings: Finding[];
  /** the achievement used for predicates and goal means: capped when a cap is set; `null` when unmeasured */
  achievementForMeans: number | null;
  supporting: SupportingBudget;
}

const UNMEASURED_SEVERITY: Record<string, Severity> = {
  'awaiting approval': 'info',
  'no data': 'info',
  postponed: 'info',
  'not applicable': 'info',
  'unknown indicator': 'error',
  cycle: 'error',
};

function unmeasuredFinding(where: string, ref: string, name: string, year: number, reason: string, message: string, messageId: string): Finding {
  return finding(
    UNMEASURED_SEVERITY[reason] ?? 'warning',
    `unmeasured-${reason.replace(/\s+/g, '-')}`,
    where,
    `${ref} "${name}" is not measured in ${year} (${reason}): ${message}`,
    `${ref} "${name}" belum dapat diukur pada tahun ${year} (${unmeasuredReasonId(reason)}): ${messageId}`,
  );
}

/**
 * Measure an indicator (any ref form: `plan/ID`, `agreement/ID`, `node/ID`) in a year.
 * Never throws on a valid dataset; an unknown ref gives an unmeasured row and an error finding.
 */
export function measureIndicator(
  ctx: MeasureContext,
  ref: string,
  year: number,
  options: MeasureIndicatorOptions = {},
): IndicatorMeasurement {
  const c = ctx.canonical(ref);
  const where = options.where ?? whereOf(ctx, c);
  const entry = ctx.idx.indicators.get(c);
  const supporting = supportingBudget(ctx, [c], year);

  if (!entry) {
    const row: MeasuredRow = {
      goal: options.goal ?? null,
      indicator: c,
      name: c,
      unit: null,
      polarity: 'positive',
      target: options.target ?? null,
      realization: null,
      achievement: null,
      predicate: null,
      achieved: null,
      endTarget: null,
      achievementVsEnd: null,
      baseline: null,
      trend: [],
      benchmark: null,
      budget: null,
      spent: null,
      absorption: null,
      efficiency: null,
      state: null,
      unmeasured: 'unknown indicator',
    };
    const f = finding(
      'error',
      'unmeasured-unknown-indicator',
      where,
      `${c} names no indicator of the dataset; expected planId/indicatorId, agreementId/indicatorId or nodeId/indicatorId`,
      `${c} tidak merujuk indikator mana pun dalam dataset; seharusnya berupa planId/indicatorId, agreementId/indicatorId, atau nodeId/indicatorId`,
    );
    return { row, findings: [f], achievementForMeans: null, supporting };
  }

  const ind = entry.indicator;
  const rules = ctx.rulesFor(ind);
  const target = options.target !== undefined ? options.target : (yearTarget(ind, year) ?? null);
  const scored = scoreIndicator(ctx, entry, year, target, new Set(), where);
  const { realized, outcome } = scored;
  const findings = [...scored.findings];

  const polarity = ind.polarity ?? 'positive';
  const endTarget = endTargetOf(ctx, entry);
  let achievementVsEnd: number | null = null;
  if (realized.ok && endTarget !== null) {
    const e = achievementOf({
      polarity: ind.measure.type === 'category' ? 'positive' : polarity,
      method: rules.negativeMethod,
      target: endTarget,
      realization: realized.value,
      cap: rules.achievementCap,
    });
    achievementVsEnd = e.ok ? e.value : null;
  }

  const achievement = outcome.ok ? outcome.value : null;
  const forMeans = achievement === null ? null : capAchievement(achievement, rules.achievementCap);
  const band = forMeans === null ? null : bandOf(rules.ratingScale, forMeans);
  const bm = benchmarkOf(ctx, c, year);

  let efficiency: MeasuredRow['efficiency'] = null;
  let efficiencyReason: string | undefined = supporting.reason;
  if (achievement !== null && supporting.absorption !== null) efficiency = efficiencyOf(rules.efficiency, achievement, supporting.absorption);
  else if (achievement === null && efficiencyReason === undefined) efficiencyReason = 'unmeasured';

  const row: MeasuredRow = {
    goal: options.goal !== undefined ? options.goal : (ind.goal ?? null),
    indicator: entry.ref,
    name: ind.name,
    unit: ind.unit ?? null,
    polarity,
    target,
    // a realization outside its valid range is shown as entered, never scored (measurement.md)
    realization: realized.ok ? realized.display : (realized.display ?? null),
    achievement,
    predicate: band?.label ?? null,
    achieved: achievement === null ? null : isAchieved(achievement),
    endTarget,
    achievementVsEnd,
    baseline: ind.baseline ? { year: ind.baseline.year, value: ind.baseline.value } : null,
    trend: trendOf(ctx, entry, year),
    benchmark: bm.benchmark,
    budget: supporting.budget,
    spent: supporting.spent,
    absorption: supporting.absorption,
    efficiency,
    state: realized.state,
  };
  if (realized.ok && realized.provisional) row.provisional = true;
  if (!outcome.ok) {
    row.unmeasured = outcome.reason;
    findings.push(unmeasuredFinding(where, entry.ref, ind.name, year, outcome.reason, outcome.message, outcome.messageId));
  }
  if (band?.color !== undefined) row.predicateColor = band.color;
  if (scored.pending) {
    const p = scored.pending;
    const a = p.outcome.ok ? p.outcome.value : null;
    const pBand = a === null ? null : bandOf(rules.ratingScale, capAchievement(a, rules.achievementCap));
    row.pending = {
      state: p.realized.state,
      period: p.realized.period === 'computed' ? 'Y' : p.realized.period,
      realization: p.realized.display,
      achievement: a,
      predicate: pBand?.label ?? null,
      ...(pBand?.color !== undefined ? { predicateColor: pBand.color } : {}),
      achieved: a === null ? null : isAchieved(a),
    };
  }
  if (achievement !== null && forMeans !== null && forMeans !== achievement) row.achievementCapped = forMeans;
  if (realized.ok && realized.parts) row.realizationParts = { ...realized.parts };
  if (realized.ok && realized.register) row.fromRegister = { ...realized.register };
  if (realized.ok && realized.period !== 'Y') row.realizationPeriod = realized.period;
  if (realized.ok && realized.categories) row.realizationCategories = [...realized.categories];
  if (efficiency === null && efficiencyReason !== undefined) row.efficiencyReason = efficiencyReason;
  if (supporting.nodes.length > 0) row.supportingNodes = [...supporting.nodes];
  if (bm.note !== undefined) row.benchmarkNote = bm.note;
  // during the year: the provisional realization against the plan's target for its period, when set
  if (realized.ok && realized.provisional && realized.period !== 'Y' && realized.period !== 'computed' && typeof realized.value === 'number') {
    const periodTarget = periodTargetOf(ind, year, realized.period);
    if (periodTarget !== undefined) {
      const a = achievementOf({ polarity, method: rules.negativeMethod, target: periodTarget, realization: realized.value, cap: rules.achievementCap });
      const value = a.ok ? a.value : null;
      const pBand = value === null ? null : bandOf(rules.ratingScale, capAchievement(value, rules.achievementCap));
      row.periodTarget = {
        period: realized.period,
        target: periodTarget,
        achievement: value,
        predicate: pBand?.label ?? null,
        ...(pBand?.color !== undefined ? { predicateColor: pBand.color } : {}),
      };
    }
  }
  return { row, findings, achievementForMeans: forMeans, supporting };
}
