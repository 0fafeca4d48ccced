/** The result types of measurement: the `measure --json` contract (measurement.md). */
import type { Period, WorkflowState } from '../dataset/schema.js';
import type { Finding } from '../findings.js';
import type { Polarity } from './achievement.js';
import type { BenchmarkValue } from './benchmark.js';
import type { BudgetTotals } from './budget.js';
import type { EfficiencyCategory } from './efficiency.js';

export type { Polarity, BenchmarkValue, BudgetTotals, EfficiencyCategory };

export interface TrendPoint {
  year: number;
  /** the realization of that year (a label for a category indicator) */
  value: number | string;
  /** present when the year has no `Y` entry and a period entry stood in */
  provisional?: true;
}

export interface MeasuredRow {
  /** the goal id of the agreement row (or of the indicator); `null` for a program node's indicator */
  goal: string | null;
  /** full ref: the plan's (`renstra-2021-2026/UMM`), the agreement's (`pk-2025/AWARDS`) or the node's (`p2/IND1`) */
  indicator: string;
  name: string;
  /** `null` when the source states no unit */
  unit: string | null;
  polarity: Polarity;
  /** the target measured against; a label for a category indicator's label target */
  target: number | string | null;
  /** the realization; a label for a category indicator */
  realization: number | string | null;
  /** unrounded and uncapped; `null` when unmeasured */
  achievement: number | null;
  predicate: string | null;
  achieved: boolean | null;
  endTarget: number | null;
  achievementVsEnd: number | null;
  baseline: { year: number; value: number } | null;
  trend: TrendPoint[];
  benchmark: BenchmarkValue | null;
  /** supporting budget (Σ share × final), `null` without one */
  budget: number | null;
  spent: number | null;
  absorption: number | null;
  efficiency: EfficiencyCategory | null;
  /** workflow state of the realization used; `null` without a realization */
  state: WorkflowState | null;
  /** the realization comes from a period entry, not a `Y` entry */
  provisional?: true;
  /** why the row is not measured; present only on unmeasured rows */
  unmeasured?: string;
  /** the colour of the predicate's band */
  predicateColor?: string;
  /**
   * The figure that entries not yet counted (their workflow state is not one of `countedStates`)
   * would give: present when they would change the row. An unmeasured row `awaiting approval`
   * carries it beside the official (empty) figure; a measured row carries it when a newer entry
   * awaits approval. Measured by the same rules against the same target.
   */
  pending?: PendingFigure;
  /** the capped achievement, present when a cap is set and lowered the achievement */
  achievementCapped?: number;
  /** the numerator and denominator of a ratio realization (a derived one: achieved and counted indicators) */
  realizationParts?: { numerator: number; denominator: number };
  /** the realization is counted from a register (measure/register.ts): which, and the day its count stands for */
  fromRegister?: { register: string; asOf: string };
  /**
   * A provisional row whose period has a target in the plan (`periodTargets`): the realization
   * against that target, to monitor the year as it goes. The row's own achievement stays the
   * one against the year's target (measurement.md).
   */
  periodTarget?: { period: Exclude<Period, 'Y'>; target: number; achievement: number | null; predicate: string | null; predicateColor?: string };
  /** the period the realization comes from when it is not `Y` (`computed` for a derived indicator) */
  realizationPeriod?: Period | 'computed';
  /** every realized category when there were several */
  realizationCategories?: string[];
  /** why efficiency is `null` */
  efficiencyReason?: string;
  /** ids of the program nodes whose budget supports the row */
  supportingNodes?: string[];
  /** the note of a benchmark entry stating the source has none */
  benchmarkNote?: string;
}

/** A row's figure from realizations that are not yet counted (measurement.md, "Official figures"). */
export interface PendingFigure {
  /** the least advanced workflow state of the entries it comes from */
  state: WorkflowState;
  /** the period the realization comes from (`Y`, or the latest period entry) */
  period: Period;
  realization: number | string;
  /** unrounded and uncapped; `null` when it cannot be computed (e.g. a zero target) */
  achievement: number | null;
  predicate: string | null;
  predicateColor?: string;
  achieved: boolean | null;
}

export interface ProgramIndicatorRow extends MeasuredRow {
  /** the program node the indicator belongs to */
  node: string;
}

export interface GoalResult {
  goal: string;
  /** mean of the measured rows' achievements (each capped first when a cap is set); `null` when none is measured */
  achievement: number | null;
  predicate: string | null;
  efficiency: EfficiencyCategory | null;
  predicateColor?: string;
  /** rows of the goal, and how many of them are measured */
  rows: number;
  measured: number;
  /** the union of the rows' supporting budgets (each node once) */
  budget: number | null;
  spent: number | null;
  absorption: number | null;
  efficiencyReason?: string;
}

export interface AgreementSummary {
  rows: number;
  achieved: number;
  notAchieved: number;
  unmeasured: number;
}

export interface AgreementResult {
  id: string;
  kind: 'original' | 'amendment';
  plan: string;
  amends?: string;
  signedOn: string;
  rows: MeasuredRow[];
  goals: GoalResult[];
  summary: AgreementSummary;
}

export interface MeasureResult {
  agency: string;
  year: number;
  agreements: AgreementResult[];
  planIndicators: MeasuredRow[];
  programIndicators: ProgramIndicatorRow[];
  budget: BudgetTotals;
  findings: Finding[];
}
