/**
 * The measurement context: every index the engine needs, built once per dataset so that
 * measuring a year never scans the realizations, benchmarks or program nodes again.
 */
import type { Agreement, Benchmark, Dataset, Indicator, ProgramNode, Realization, Settings, Support } from '../dataset/schema.js';
import { indexDataset, resolveAgreementLocal, splitRef, type DatasetIndex, type IndicatorEntry } from '../dataset/model.js';
import { finding, type Finding } from '../findings.js';
import { indexBudgets, type BudgetIndex } from './budget.js';
import type { RegisterFigures } from './register.js';
import { resolveRules, type Rules } from './rules.js';

export interface IndexedRealization {
  r: Realization;
  /** position in `realizations` */
  i: number;
}

export interface SupportLink {
  node: ProgramNode;
  support: Support;
  /** true for the implicit support of a node's own indicator by the node */
  implicit?: boolean;
}

export interface MeasureContext {
  ds: Dataset;
  idx: DatasetIndex;
  regionSettings: Settings | undefined;
  budget: BudgetIndex;
  /** canonical indicator ref → year → realizations (document order) */
  realizations: Map<string, Map<number, IndexedRealization[]>>;
  /** canonical indicator ref → year → benchmarks (document order) */
  benchmarks: Map<string, Map<number, Benchmark[]>>;
  /** canonical indicator ref → nodes whose `supports` name it */
  supports: Map<string, SupportLink[]>;
  /** the latest agreement of each year: an amendment over an original, then the later in document order */
  latestAgreement: Map<number, Agreement>;
  /** agreement id → canonical indicator ref → the row's agreed target (first row wins) */
  agreedTargets: Map<string, Map<string, number | string>>;
  /** indicator ref → its path in the document (`plans[0].indicators[2]`) */
  indicatorPath: Map<string, string>;
  /** findings met while indexing, with the year they concern */
  indexFindings: { year: number; finding: Finding }[];
  /** `owner/local` as written → the ref of the indicator it denotes */
  canonical(ref: string): string;
  /** the rules for an indicator (cached per negativeMethod) */
  rulesFor(indicator?: Pick<Indicator, 'negativeMethod'> | null): Rules;
  /** the counts of the registers (measure/register.ts), when the caller loaded them */
  registerFigures: RegisterFigures | undefined;
  /** whether a realization counts in the official figures: its state (none = `approved`) is one of `countedStates` */
  counts(r: Pick<Realization, 'state'>): boolean;
}

export interface ContextOptions {
  /** The region's settings, when the dataset is one agency of a region file. */
  regionSettings?: Settings | undefined;
  /** The counts of the agency's registers (store/register-counts.ts), for indicators realized from them. */
  registerFigures?: RegisterFigures | undefined;
}

export function createMeasureContext(ds: Dataset, options: ContextOptions = {}): MeasureContext {
  const idx = indexDataset(ds);
  const canonMemo = new Map<string, string>();
  /**
   * An indicator may be named by its owner's ref (`renstra-2021-2026/UMM`) or, where an
   * agreement uses it, by the agreement's ref (`pk-2025/UMM`); both denote one indicator.
   */
  const canonical = (r: string): string => {
    const memo = canonMemo.get(r);
    if (memo !== undefined) return memo;
    let out = r;
    if (!idx.indicators.has(r)) {
      const parts = splitRef(r);
      const ag = parts ? idx.agreements.get(parts.ownerId) : undefined;
      if (parts && ag) out = resolveAgreementLocal(idx, ag, parts.localId, 'indicators') ?? r;
    }
    canonMemo.set(r, out);
    return out;
  };

  const indexFindings: { year: number; finding: Finding }[] = [];
  const realizations = new Map<string, Map<number, IndexedRealization[]>>();
  const seen = new Map<string, number>();
  ds.realizations.forEach((r, i) => {
    const c = canonical(r.indicator);
    const dupKey = `${c}|${r.year}|${r.period ?? 'Y'}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      indexFindings.push({
        year: r.year,
        finding: finding(
          'error',
          'duplicate-realization',
          `realizations[${i}]`,
          `a second realization of ${c} for ${r.year} period ${r.period ?? 'Y'} (the first is realizations[${first}]); expected at most one per indicator, year and period — the first is used`,
          `realisasi kedua untuk ${c} tahun ${r.year} periode ${r.period ?? 'Y'} (yang pertama realizations[${first}]); seharusnya paling banyak satu untuk setiap indikator, tahun, dan periode — yang pertama digunakan`,
        ),
      });
      return;
    }
    seen.set(dupKey, i);
    let byYear = realizations.get(c);
    if (!byYear) realizations.set(c, (byYear = new Map()));
    const list = byYear.get(r.year);
    if (list) list.push({ r, i });
    else byYear.set(r.year, [{ r, i }]);
  });

  const benchmarks = new Map<string, Map<number, Benchmark[]>>();
  for (const bm of ds.benchmarks ?? []) {
    const c = canonical(bm.indicator);
    let byYear = benchmarks.get(c);
    if (!byYear) benchmarks.set(c, (byYear = new Map()));
    const list = byYear.get(bm.year);
    if (list) list.push(bm);
    else byYear.set(bm.year, [bm]);
  }

  const supports = new Map<string, SupportLink[]>();
  for (const node of ds.programs) {
    for (const support of node.supports ?? []) {
      const c = canonical(support.indicator);
      const list = supports.get(c);
      if (list) list.push({ node, support });
      else supports.set(c, [{ node, support }]);
    }
  }

  const latestAgreement = new Map<number, Agreement>();
  const agreedTargets = new Map<string, Map<string, number | string>>();
  for (const ag of ds.agreements) {
    const current = latestAgreement.get(ag.year);
    if (!current || ag.kind === 'amendment' || current.kind === 'original') latestAgreement.set(ag.year, ag);
    if (agreedTargets.has(ag.id)) continue;
    const targets = new Map<string, number | string>();
    for (const row of ag.rows) {
      const r = resolveAgreementLocal(idx, ag, row.indicator, 'indicators');
      if (r !== undefined && !targets.has(r)) targets.set(r, row.target);
    }
    agreedTargets.set(ag.id, targets);
  }

  const indicatorPath = indicatorPaths(ds);

  const regionSettings = options.regionSettings;
  const rulesMemo = new Map<string, Rules>();
  const rulesFor = (indicator?: Pick<Indicator, 'negativeMethod'> | null): Rules => {
    const key = indicator?.negativeMethod ?? '';
    let rules = rulesMemo.get(key);
    if (!rules) rulesMemo.set(key, (rules = resolveRules(indicator, ds.settings, regionSettings)));
    return rules;
  };

  const counted = new Set(resolveRules(null, ds.settings, regionSettings).countedStates);
  const counts = (r: Pick<Realization, 'state'>): boolean => counted.has(r.state ?? 'approved');

  return {
    ds,
    idx,
    regionSettings,
    registerFigures: options.registerFigures,
    budget: indexBudgets(ds),
    realizations,
    benchmarks,
    supports,
    latestAgreement,
    agreedTargets,
    indicatorPath,
    indexFindings,
    canonical,
    rulesFor,
    counts,
  };
}

/** The indicator an (already canonical or not) ref denotes. */
export function indicatorEntry(ctx: MeasureContext, r: string): IndicatorEntry | undefined {
  return ctx.idx.indicators.get(ctx.canonical(r));
}

/** Where an indicator is, for findings: its document path with its ref, or the ref alone. */
/** Every indicator's dataset path by its reference (`renstra/UMM` → `plans[0].indicators[2]`). */
export function indicatorPaths(ds: Dataset): Map<string, string> {
  const paths = new Map<string, string>();
  ds.plans.forEach((p, i) => p.indicators?.forEach((ind, j) => paths.set(`${p.id}/${ind.id}`, `plans[${i}].indicators[${j}]`)));
  ds.agreements.forEach((a, i) => a.indicators?.forEach((ind, j) => paths.set(`${a.id}/${ind.id}`, `agreements[${i}].indicators[${j}]`)));
  ds.programs.forEach((n, i) => n.indicators?.forEach((ind, j) => paths.set(`${n.id}/${ind.id}`, `programs[${i}].indicators[${j}]`)));
  return paths;
}

export function whereOf(ctx: MeasureContext, r: string): string {
  const path = ctx.indicatorPath.get(r);
  return path ? `${path} (${r})` : r;
}
