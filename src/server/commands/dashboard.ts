/**
 * Dashboards: one agency's year (its measurement, budget absorption per row and per program,
 * counts), and a region's year (every agency side by side, with the region's totals).
 * Pure functions of measurements and datasets; the routes load them.
 */
import type { Dataset, EvaluationScore, Settings } from '../../core/dataset/schema.js';
import { gradeOfScore, typedGradeMatches } from '../../core/measure/grade.js';
import { isOverdue, stateOf } from '../../core/edit/index.js';
import { absorptionOf, finalBudget, indexBudgets, spent as spentOf } from '../../core/measure/budget.js';
import { bandOf } from '../../core/measure/predicate.js';
import { headline } from '../../core/measure/headline.js';
import { resolveRules } from '../../core/measure/rules.js';
import { qualityOfYear } from '../../core/quality/index.js';
import type { AgreementResult, MeasureResult } from '../../core/measure/types.js';
import type { RegisterFigures } from '../../core/measure/register.js';
import type { Finding, Text } from '../../core/findings.js';
import { agreementLabel, createLabels, parsePath, type Labels } from '../../core/labels.js';

export interface PredicateCount {
  label: string;
  color: string | null;
  count: number;
}

export interface RowCounts {
  rows: number;
  measured: number;
  achieved: number;
  notAchieved: number;
  unmeasured: number;
  /** unmeasured rows whose only entries await approval (counted in `unmeasured`) */
  awaitingApproval: number;
  /** rows carrying a pending figure (awaiting approval, or a newer entry beside the official one) */
  pending: number;
}

/** The SAKIP grade of a score, derived from the score; the typed grade beside it, and whether it differs. */
export function scoreGrade(score: EvaluationScore, ds: Dataset, regionSettings?: Settings) {
  const g = gradeOfScore(score, ds.settings, regionSettings);
  const typed = score.grade ?? null;
  return { code: g?.code ?? null, label: g?.label ?? null, typed, typedDiffers: typed !== null && g !== null && !typedGradeMatches(typed, g) };
}

/** The agreement in force for a year: the last of the year in document order (an amendment follows what it amends). */
export const currentAgreement = (m: MeasureResult): AgreementResult | null => m.agreements.at(-1) ?? null;

function rowCounts(a: AgreementResult | null): RowCounts {
  if (!a) return { rows: 0, measured: 0, achieved: 0, notAchieved: 0, unmeasured: 0, awaitingApproval: 0, pending: 0 };
  const s = a.summary;
  return {
    rows: s.rows,
    measured: s.rows - s.unmeasured,
    achieved: s.achieved,
    notAchieved: s.notAchieved,
    unmeasured: s.unmeasured,
    awaitingApproval: a.rows.filter((r) => r.unmeasured === 'awaiting approval').length,
    pending: a.rows.filter((r) => r.pending !== undefined).length,
  };
}

/**
 * The agency's standing for a year (measurement.md, "Headline"): the rows of the agreement in
 * force counted per predicate (`headline`), and the mean of its measured rows' achievements with
 * each achievement capped first (the settings' cap, else 100 %), the cap stated beside it.
 */
export function standing(ds: Dataset, m: MeasureResult, regionSettings?: Settings) {
  const a = currentAgreement(m);
  const rules = resolveRules(null, ds.settings, regionSettings);
  const h = headline(a?.rows ?? [], rules.ratingScale, rules.achievementCap);
  const band = h.cappedMean === null ? null : bandOf(rules.ratingScale, h.cappedMean);
  return {
    achievement: h.cappedMean,
    cap: h.cap,
    predicate: band?.label ?? null,
    predicateColor: band?.color ?? null,
    headline: h.text,
    mean: h.meanText,
  };
}

function predicateCounts(ds: Dataset, a: AgreementResult | null, regionSettings?: Settings): PredicateCount[] {
  const scale = resolveRules(null, ds.settings, regionSettings).ratingScale;
  return scale.map((band) => ({
    label: band.label,
    color: band.color ?? null,
    count: (a?.rows ?? []).filter((r) => r.predicate === band.label).length,
  }));
}

export function recommendationCounts(ds: Dataset, today: string) {
  const list = ds.evaluation?.recommendations ?? [];
  return {
    total: list.length,
    open: list.filter((r) => r.status !== 'done').length,
    overdue: list.filter((r) => isOverdue(r, today)).length,
  };
}

/** The page of the interface where a finding's data is entered, with the indicator to open there. */
export interface FindingLink {
  section: 'realizations' | 'agreements' | 'programs' | 'plans' | 'evaluation' | 'narrative' | 'profile';
  /** an indicator to open on the realizations page (its reference) */
  indicator: string | null;
}

const SECTION_OF: Readonly<Record<string, FindingLink['section']>> = {
  realizations: 'realizations',
  agreements: 'agreements',
  expenditures: 'programs',
  programs: 'programs',
  activities: 'programs',
  plans: 'plans',
  evaluation: 'evaluation',
  narrative: 'narrative',
  agency: 'profile',
  organization: 'profile',
};

/**
 * Where a finding of the dataset is, as a person finds it (issue 12): the place in words
 * (core/labels.ts: `realizations[9].numerator` → "realisasi Tahun 2025 — <indicator>, pembilang")
 * and the page of the interface where it is entered (with the indicator to open), never the path.
 */
export function placeOf(ds: Dataset, labels: Labels, where: string): { place: Text; link: FindingLink | null } {
  const steps = parsePath(where);
  const head = steps[0];
  const section = typeof head === 'string' ? SECTION_OF[head] : undefined;
  let indicator: string | null = null;
  if (head === 'realizations' && typeof steps[1] === 'number') indicator = ds.realizations[steps[1]]?.indicator ?? null;
  return { place: labels.path(where), link: section ? { section, indicator } : null };
}

/** Findings with their place in words and their page (`placeOf`). */
export function placedFindings<F extends Finding>(ds: Dataset, labels: Labels, findings: readonly F[]): (F & { place: Text; link: FindingLink | null })[] {
  return findings.map((f) => ({ ...f, ...placeOf(ds, labels, f.where) }));
}

export function agencyDashboard(ds: Dataset, m: MeasureResult, opts: { id: string; region: string; regionSettings?: Settings; today: string; registerFigures?: RegisterFigures | undefined }) {
  const year = m.year;
  const a = currentAgreement(m);
  const budgets = indexBudgets(ds);
  const programs = ds.programs
    .filter((n) => n.parent === undefined)
    .map((n) => {
      const final = finalBudget(budgets, n.id, year);
      const spent = spentOf(budgets, n.id, year);
      return { id: n.id, code: n.code ?? null, name: n.name, final, spent, absorption: absorptionOf(final, spent) };
    });
  const states = { draft: 0, submitted: 0, verified: 0, approved: 0 };
  for (const r of ds.realizations) if (r.year === year) states[stateOf(r)] += 1;
  const scores = (ds.evaluation?.scores ?? []).filter((s) => s.year === year);
  const score = scores.at(-1) ?? null;
  const labels = createLabels(ds);
  const years = new Set<number>();
  for (const g of ds.agreements) years.add(g.year);
  for (const r of ds.realizations) years.add(r.year);
  return {
    agency: { id: opts.id, name: ds.agency.name, abbreviation: ds.agency.abbreviation ?? null, region: opts.region },
    year,
    years: [...years].sort((x, y) => x - y),
    current: a?.id ?? null,
    /** each agreement of the year by its title ("Perjanjian Kinerja Perubahan Tahun 2025"), by id */
    agreementTitles: Object.fromEntries(m.agreements.map((g) => [g.id, agreementLabel({ kind: g.kind, year })])),
    standing: standing(ds, m, opts.regionSettings),
    counts: {
      ...rowCounts(a),
      byPredicate: predicateCounts(ds, a, opts.regionSettings),
      realizations: states,
      recommendations: recommendationCounts(ds, opts.today),
    },
    budget: m.budget,
    programs,
    score,
    grade: score ? scoreGrade(score, ds, opts.regionSettings) : null,
    measurement: m,
    quality: placedFindings(ds, labels, qualityOfYear(ds, year, { regionSettings: opts.regionSettings, measurement: m, registerFigures: opts.registerFigures })),
    /** the measurement's findings, each with its place in words and its page */
    findings: placedFindings(ds, labels, m.findings),
  };
}

export interface RegionAgency {
  id: string;
  dataset: Dataset;
  measurement: MeasureResult;
}

export function regionDashboard(region: string, year: number, agencies: RegionAgency[], opts: { regionSettings?: Settings; today: string }) {
  const rows = agencies.map(({ id, dataset, measurement }) => {
    const a = currentAgreement(measurement);
    const score = (dataset.evaluation?.scores ?? []).filter((s) => s.year === year).at(-1);
    return {
      id,
      name: dataset.agency.name,
      abbreviation: dataset.agency.abbreviation ?? null,
      agreement: a?.id ?? null,
      agreementTitle: a ? agreementLabel({ kind: a.kind, year }) : null,
      counts: rowCounts(a),
      ...standing(dataset, measurement, opts.regionSettings),
      budget: measurement.budget,
      score: score ? { value: score.value, ...scoreGrade(score, dataset, opts.regionSettings) } : null,
      recommendations: recommendationCounts(dataset, opts.today),
    };
  });
  const byPredicate = new Map<string, PredicateCount>();
  const scale = resolveRules(null, null, opts.regionSettings).ratingScale;
  for (const band of scale) byPredicate.set(band.label, { label: band.label, color: band.color ?? null, count: 0 });
  let unrated = 0;
  for (const r of rows) {
    if (r.predicate === null) unrated += 1;
    else {
      const entry = byPredicate.get(r.predicate) ?? { label: r.predicate, color: r.predicateColor, count: 0 };
      entry.count += 1;
      byPredicate.set(r.predicate, entry);
    }
  }
  const sum = (xs: (number | null)[]) => {
    const present = xs.filter((x): x is number => x !== null);
    return present.length === 0 ? null : present.reduce((x, y) => x + y, 0);
  };
  const final = sum(rows.map((r) => r.budget.final));
  const spent = sum(rows.map((r) => r.budget.spent));
  return {
    region,
    year,
    agencies: rows,
    totals: {
      agencies: rows.length,
      byPredicate: [...byPredicate.values()],
      unrated,
      budget: { final, spent, absorption: absorptionOf(final, spent) },
      recommendations: {
        total: rows.reduce((n, r) => n + r.recommendations.total, 0),
        open: rows.reduce((n, r) => n + r.recommendations.open, 0),
        overdue: rows.reduce((n, r) => n + r.recommendations.overdue, 0),
      },
    },
  };
}
