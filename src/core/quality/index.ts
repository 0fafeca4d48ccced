/**
 * Data-quality findings (measurement.md, "Data-quality findings"): figures that are possible
 * but unlikely, or that contradict how money and workflow work, found in a dataset and its
 * measurement of a year. Each finding has a stable code, a path into the dataset, the name of
 * what it is about (`subject`: an indicator, a program node, a spending line) and its message
 * in English and Indonesian. IO-free.
 *
 * Every check is one function of `QualityInput`; `QUALITY_CHECKS` lists them, so a new
 * producer (such as the valid ranges' `out-of-range`) is one more entry there.
 */
import type { Dataset, Indicator, Settings } from '../dataset/schema.js';
import { indexDataset, resolveAgreementLocal, type DatasetIndex } from '../dataset/model.js';
import { finding, type Finding, type Severity } from '../findings.js';
import { outOfRangeFindings } from '../dataset/ranges.js';
import { formatNumber, formatPercent, formatRupiah } from '../format.js';
import { agencyBudget, finalBudget, indexBudgets, spent as spentOf, type BudgetIndex } from '../measure/budget.js';
import { createMeasureContext, measureYear, type RegisterFigures } from '../measure/index.js';
import { indicatorPaths } from '../measure/context.js';
import type { MeasuredRow, MeasureResult } from '../measure/types.js';

/** A data-quality finding: a finding of one year, about something with a name. */
export interface QualityFinding extends Finding {
  year: number;
  /** the name of what the finding is about (an indicator's, a program node's, a spending line's) */
  subject: string;
}

export interface QualityInput {
  ds: Dataset;
  /** the measurement of the year */
  measurement: MeasureResult;
  /** the measurement of the year before, for the achievement jump (optional) */
  previous?: MeasureResult | undefined;
  regionSettings?: Settings | undefined;
  /** built from `ds` when absent */
  idx?: DatasetIndex;
  budget?: BudgetIndex;
}

/** What every check receives: the input with its indexes built. */
export interface QualityContext extends Required<Pick<QualityInput, 'ds' | 'measurement'>> {
  previous: MeasureResult | undefined;
  regionSettings: Settings | undefined;
  idx: DatasetIndex;
  budget: BudgetIndex;
  year: number;
}

export type QualityCheck = (q: QualityContext) => QualityFinding[];

// ------------------------------------------------------------------ thresholds

/** The defaults of the thresholds (measurement.md, "Data-quality findings"). */
export const DEFAULT_QUALITY = Object.freeze({
  /** a realization or achievement ≥ 3 × (or ≤ ⅓ of) the previous year's or the baseline */
  jumpFactor: 3,
  /** approved realizations need no evidence unless the settings say so */
  requireEvidence: false,
});

/** The jump threshold of an indicator: the indicator's, the dataset's, the region's, the default. */
export function jumpFactorOf(indicator: Pick<Indicator, 'quality'> | null | undefined, ds: Settings | null | undefined, region: Settings | null | undefined): number {
  return indicator?.quality?.jumpFactor ?? ds?.quality?.jumpFactor ?? region?.quality?.jumpFactor ?? DEFAULT_QUALITY.jumpFactor;
}

export function requireEvidenceOf(ds: Settings | null | undefined, region: Settings | null | undefined): boolean {
  return ds?.quality?.requireEvidence ?? region?.quality?.requireEvidence ?? DEFAULT_QUALITY.requireEvidence;
}

// ------------------------------------------------------------------ helpers

const n = (x: number): string => formatNumber(x, 2);
/** English figures: 1,234.50 · Rp 1,234 · 12.50% */
const en2 = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;
const nE = (x: number): string => x.toLocaleString('en-US', en2);
const pctE = (x: number): string => `${nE(x)}%`;
const rpE = (x: number): string => `${x < 0 ? '-' : ''}Rp ${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const EPS = 0.005; // half a sen: money and figures equal at their printed precision

function qf(severity: Severity, code: string, where: string, year: number, subject: string, en: string, id: string): QualityFinding {
  return { ...finding(severity, code, where, en, id), year, subject };
}

/** The rows of the year, each indicator once: the agreements' first, then the plan's and the programs'. */
function rowsOfYear(c: QualityContext): { row: MeasuredRow; where: string }[] {
  const seen = new Set<string>();
  const out: { row: MeasuredRow; where: string }[] = [];
  const add = (row: MeasuredRow, where: string) => {
    const key = canonical(c, row.indicator);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ row, where });
  };
  for (const a of c.measurement.agreements) {
    const i = c.ds.agreements.findIndex((g) => g.id === a.id);
    a.rows.forEach((row, j) => add(row, `agreements[${i}].rows[${j}]`));
  }
  for (const row of [...c.measurement.planIndicators, ...c.measurement.programIndicators]) add(row, pathOfIndicator(c, row.indicator) ?? row.indicator);
  return out;
}

/** An agreement's ref to a plan's indicator (`pk-2025/UMM`) and the plan's own denote one indicator. */
function canonical(c: QualityContext, ref: string): string {
  if (c.idx.indicators.has(ref)) return c.idx.indicators.get(ref)!.ref;
  const slash = ref.indexOf('/');
  const ag = c.ds.agreements.find((a) => a.id === ref.slice(0, slash));
  if (ag) return resolveAgreementLocal(c.idx, ag, ref.slice(slash + 1), 'indicators') ?? ref;
  return ref;
}

/** The dataset path of an indicator (measure/context.ts's paths, built once per context). */
const pathsOf = new WeakMap<QualityContext, Map<string, string>>();
function pathOfIndicator(c: QualityContext, ref: string): string | undefined {
  let paths = pathsOf.get(c);
  if (!paths) pathsOf.set(c, (paths = indicatorPaths(c.ds)));
  return paths.get(canonical(c, ref));
}

/** The realization entry a row's figure comes from (its `Y` entry, else its latest period); the year's entries indexed once per context. */
const entriesOfYear = new WeakMap<QualityContext, Map<string, number>>();
function realizationPath(c: QualityContext, ref: string): string | undefined {
  let index = entriesOfYear.get(c);
  if (!index) {
    index = new Map();
    c.ds.realizations.forEach((r, i) => {
      if (r.year !== c.year) return;
      const key = canonical(c, r.indicator);
      if (!index!.has(key) || (r.period ?? 'Y') === 'Y') index!.set(key, i);
    });
    entriesOfYear.set(c, index);
  }
  const best = index.get(canonical(c, ref));
  return best === undefined ? undefined : `realizations[${best}]`;
}

const indicatorName = (c: QualityContext, ref: string): string => c.idx.indicators.get(canonical(c, ref))?.indicator.name ?? ref;

// ------------------------------------------------------------------ checks

/**
 * `implausible-jump`: a realization at least `jumpFactor` times (or at most 1/`jumpFactor` of)
 * the latest earlier realization (normally the previous year's), or the baseline when there is
 * none; else an achievement that far from the previous year's. Both figures must be above zero.
 */
export const implausibleJump: QualityCheck = (c) => {
  const out: QualityFinding[] = [];
  const prevRows = new Map<string, MeasuredRow>();
  if (c.previous) {
    for (const a of c.previous.agreements) for (const r of a.rows) if (!prevRows.has(canonical(c, r.indicator))) prevRows.set(canonical(c, r.indicator), r);
    for (const r of [...c.previous.planIndicators, ...c.previous.programIndicators]) if (!prevRows.has(canonical(c, r.indicator))) prevRows.set(canonical(c, r.indicator), r);
  }
  const far = (x: number, ref: number, k: number) => x > 0 && ref > 0 && (x / ref >= k || ref / x >= k);
  for (const { row, where } of rowsOfYear(c)) {
    if (typeof row.realization !== 'number') continue;
    const entry = c.idx.indicators.get(canonical(c, row.indicator));
    const k = jumpFactorOf(entry?.indicator, c.ds.settings, c.regionSettings);
    const earlier = [...row.trend].reverse().find((p) => typeof p.value === 'number');
    const before = earlier ? { value: earlier.value as number, en: `the ${earlier.year} realization`, id: `realisasi ${earlier.year}` } : row.baseline ? { value: row.baseline.value, en: `the baseline (${row.baseline.year})`, id: `baseline (${row.baseline.year})` } : null;
    const at = realizationPath(c, row.indicator) ?? where;
    if (before && far(row.realization, before.value, k)) {
      const ratio = row.realization / before.value;
      const times = ratio >= 1 ? { en: `${nE(ratio)} times`, id: `${n(ratio)} kali` } : { en: `only 1/${nE(1 / ratio)} of`, id: `hanya 1/${n(1 / ratio)} dari` };
      out.push(
        qf(
          'warning',
          'implausible-jump',
          at,
          c.year,
          row.name,
          `the ${c.year} realization of "${row.name}" is ${nE(row.realization)}, ${times.en} ${before.en} ${nE(before.value)} (threshold ${nE(k)} ×); check the figure and how it was counted`,
          `realisasi ${c.year} "${row.name}" ${n(row.realization)}, ${times.id} ${before.id} ${n(before.value)} (ambang ${n(k)} ×); periksa angka dan cara menghitungnya`,
        ),
      );
      continue;
    }
    const prev = prevRows.get(canonical(c, row.indicator));
    if (row.achievement !== null && prev && prev.achievement !== null && far(row.achievement, prev.achievement, k)) {
      out.push(
        qf(
          'warning',
          'implausible-jump',
          at,
          c.year,
          row.name,
          `the ${c.year} achievement of "${row.name}" is ${pctE(row.achievement)}, against ${pctE(prev.achievement)} in ${c.year - 1} (threshold ${nE(k)} ×); check the realization and the target`,
          `capaian ${c.year} "${row.name}" ${formatPercent(row.achievement)}, dibanding ${formatPercent(prev.achievement)} pada ${c.year - 1} (ambang ${n(k)} ×); periksa realisasi dan targetnya`,
        ),
      );
    }
  }
  return out;
};

/**
 * `spent-above-budget`: a spending line above its budget — a program node's own spending of
 * the year above its final budget, an expenditure line's realization above its ceiling, a
 * support entry's spending above its amount.
 */
export const spentAboveBudget: QualityCheck = (c) => {
  const out: QualityFinding[] = [];
  const say = (where: string, subject: string, spent: number, budget: number, en: string, id: string) =>
    out.push(
      qf(
        'warning',
        'spent-above-budget',
        where,
        c.year,
        subject,
        `${en} "${subject}" spent ${rpE(spent)} in ${c.year}, ${rpE(spent - budget)} above its budget of ${rpE(budget)}`,
        `${id} "${subject}" membelanjakan ${formatRupiah(spent)} pada ${c.year}, ${formatRupiah(spent - budget)} di atas anggarannya ${formatRupiah(budget)}`,
      ),
    );
  c.ds.programs.forEach((node, i) => {
    if ((node.spending ?? []).some((s) => s.year === c.year)) {
      const final = finalBudget(c.budget, node.id, c.year);
      const sp = spentOf(c.budget, node.id, c.year);
      if (final !== null && sp !== null && sp - final > EPS) say(`programs[${i}].spending`, node.name, sp, final, 'program node', 'program/kegiatan');
    }
    node.supports?.forEach((s, j) => {
      if ('spent' in s && s.year === c.year && s.spent - s.amount > EPS) say(`programs[${i}].supports[${j}].spent`, `${node.name} → ${indicatorName(c, s.indicator)}`, s.spent, s.amount, 'the support of', 'dukungan');
    });
  });
  c.ds.expenditures?.forEach((e, i) => {
    if (e.year === c.year && e.realized !== undefined && e.realized - e.ceiling > EPS) say(`expenditures[${i}].realized`, e.name, e.realized, e.ceiling, 'expenditure line', 'belanja');
  });
  return out;
};

/**
 * `negative-remainder`: a remainder below zero — one the source printed (a claim of quantity
 * `unspent` or `unspentPct`), or the agency's total (final budget − spending) of the year.
 */
export const negativeRemainder: QualityCheck = (c) => {
  const out: QualityFinding[] = [];
  c.ds.claims?.forEach((claim, i) => {
    if ((claim.quantity !== 'unspent' && claim.quantity !== 'unspentPct') || typeof claim.value !== 'number' || claim.value > -EPS) return;
    if (claim.year !== undefined && claim.year !== c.year) return;
    const subject = subjectName(c, claim.subject);
    const shown = claim.quantity === 'unspent' ? formatRupiah(claim.value) : formatPercent(claim.value);
    const shownEn = claim.quantity === 'unspent' ? rpE(claim.value) : pctE(claim.value);
    out.push(
      qf(
        'warning',
        'negative-remainder',
        `claims[${i}].value`,
        c.year,
        subject,
        `the source prints a remainder of ${shownEn} for "${subject}": spending above the budget`,
        `sumber mencetak sisa ${shown} untuk "${subject}": belanja melebihi anggaran`,
      ),
    );
  });
  const total = agencyBudget(c.budget, c.year);
  if (total.final !== null && total.spent !== null && total.spent - total.final > EPS) {
    const rest = total.final - total.spent;
    out.push(
      qf(
        'warning',
        'negative-remainder',
        'programs',
        c.year,
        c.ds.agency.name,
        `the agency's remainder of ${c.year} is ${rpE(rest)} (budget ${rpE(total.final)} − spending ${rpE(total.spent)})`,
        `sisa anggaran perangkat daerah tahun ${c.year} ${formatRupiah(rest)} (pagu ${formatRupiah(total.final)} − realisasi ${formatRupiah(total.spent)})`,
      ),
    );
  }
  return out;
};

function subjectName(c: QualityContext, subject: string): string {
  if (subject.startsWith('expenditures/')) return c.ds.expenditures?.find((e) => e.id === subject.slice('expenditures/'.length))?.name ?? subject;
  return c.ds.programs.find((p) => p.id === subject)?.name ?? (c.idx.indicators.has(subject) ? indicatorName(c, subject) : subject);
}

const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * `duplicate-line`: a spending line repeated — an expenditure line with the same name and
 * amounts (ceiling and realization) as an earlier one of the year, or with the same non-zero
 * ceiling and realization under another name (figures copied from the line above); a program
 * node's spending entry equal to an earlier one (year, period, source and amount), which would
 * be counted twice.
 */
export const duplicateLine: QualityCheck = (c) => {
  const out: QualityFinding[] = [];
  const lines = (c.ds.expenditures ?? []).map((e, i) => ({ e, i })).filter(({ e }) => e.year === c.year);
  lines.forEach(({ e, i }, k) => {
    const first = lines.slice(0, k).find(({ e: f }) => f.ceiling === e.ceiling && f.realized === e.realized && (sameName(f.name, e.name) || (e.ceiling !== 0 && (e.realized ?? 0) !== 0)));
    if (!first) return;
    const amounts = `${formatRupiah(e.ceiling)}${e.realized !== undefined ? ` / ${formatRupiah(e.realized)}` : ''}`;
    const amountsEn = `${rpE(e.ceiling)}${e.realized !== undefined ? ` / ${rpE(e.realized)}` : ''}`;
    const same = sameName(first.e.name, e.name);
    out.push(
      qf(
        'warning',
        'duplicate-line',
        `expenditures[${i}]`,
        c.year,
        e.name,
        same
          ? `expenditure line "${e.name}" repeats line ${first.i + 1} (same name and amounts ${amountsEn}); a line counted twice?`
          : `expenditure line "${e.name}" has the same ceiling and realization (${amountsEn}) as "${first.e.name}"; figures copied from another line?`,
        same
          ? `belanja "${e.name}" mengulang baris ke-${first.i + 1} dengan nama dan jumlah yang sama (${amounts}); baris terhitung dua kali?`
          : `belanja "${e.name}" memiliki pagu dan realisasi yang sama (${amounts}) dengan "${first.e.name}"; angka tersalin dari baris lain?`,
      ),
    );
  });
  c.ds.programs.forEach((node, i) => {
    const seen = new Map<string, number>();
    node.spending?.forEach((s, j) => {
      if (s.year !== c.year) return;
      const key = `${s.period ?? 'Y'}\u0000${s.source ?? ''}\u0000${s.amount}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, j);
        return;
      }
      out.push(
        qf(
          'warning',
          'duplicate-line',
          `programs[${i}].spending[${j}]`,
          c.year,
          node.name,
          `the spending entry of "${node.name}" (${s.period ?? 'Y'} ${c.year}, ${rpE(s.amount)}) repeats spending[${first}]; both are counted`,
          `realisasi belanja "${node.name}" (${s.period ?? 'Y'} ${c.year}, ${formatRupiah(s.amount)}) mengulang spending[${first}]; keduanya dijumlahkan`,
        ),
      );
    });
  });
  return out;
};

/**
 * `approved-without-evidence`: where the settings require evidence (`quality.requireEvidence`),
 * a realization of the year approved in the workflow (`state: "approved"`) without any. A
 * realization without a state, as converted from a published report, is not flagged.
 */
export const approvedWithoutEvidence: QualityCheck = (c) => {
  if (!requireEvidenceOf(c.ds.settings, c.regionSettings)) return [];
  const out: QualityFinding[] = [];
  c.ds.realizations.forEach((r, i) => {
    if (r.year !== c.year || r.state !== 'approved' || (r.evidence ?? []).length > 0) return;
    const name = indicatorName(c, r.indicator);
    const period = r.period ?? 'Y';
    out.push(
      qf(
        'warning',
        'approved-without-evidence',
        `realizations[${i}].evidence`,
        c.year,
        name,
        `the ${period} ${c.year} realization of "${name}" is approved without evidence; the settings require evidence`,
        `realisasi ${period} ${c.year} "${name}" disetujui tanpa bukti dukung; pengaturan mewajibkan bukti dukung`,
      ),
    );
  });
  return out;
};

/** `target-differs-from-plan`: an agreed target of the year other than the plan's target for that year (also a validation warning). */
export const targetDiffersFromPlan: QualityCheck = (c) => {
  const out: QualityFinding[] = [];
  c.ds.agreements.forEach((a, i) => {
    if (a.year !== c.year) return;
    a.rows.forEach((row, j) => {
      if (typeof row.target !== 'number') return;
      const ref = resolveAgreementLocal(c.idx, a, row.indicator, 'indicators');
      const entry = ref ? c.idx.indicators.get(ref) : undefined;
      if (!entry || entry.owner.kind !== 'plan') return;
      const planTarget = entry.indicator.targets?.[String(a.year)];
      if (planTarget === undefined || planTarget === row.target) return;
      const name = entry.indicator.name;
      out.push(
        qf(
          'warning',
          'target-differs-from-plan',
          `agreements[${i}].rows[${j}].target`,
          c.year,
          name,
          `the ${a.kind === 'amendment' ? 'amended ' : ''}performance agreement of ${a.year} agrees a target of ${nE(row.target)} for "${name}", the plan's target for ${a.year} is ${nE(planTarget)}`,
          `Perjanjian Kinerja${a.kind === 'amendment' ? ' Perubahan' : ''} Tahun ${a.year} menyepakati target ${n(row.target)} untuk "${name}", sedangkan target Renstra tahun ${a.year} ${n(planTarget)}`,
        ),
      );
    });
  });
  return out;
};

/** Every check, in the order findings are listed. A new producer is one more entry. */

/** The name of what a dataset path is about, for a finding made elsewhere (the valid ranges). */
function nameAtPath(c: QualityContext, where: string): string {
  const at = (re: RegExp): number[] | undefined => {
    const m = re.exec(where);
    return m ? m.slice(1).map(Number) : undefined;
  };
  const r = at(/^realizations\[(\d+)\]/);
  if (r) {
    const ref = c.ds.realizations?.[r[0]!]?.indicator;
    if (ref !== undefined) return indicatorName(c, ref);
  }
  const pi = at(/^plans\[(\d+)\]\.indicators\[(\d+)\]/);
  if (pi) {
    const ind = c.ds.plans[pi[0]!]?.indicators?.[pi[1]!];
    if (ind) return ind.name;
  }
  const ar = at(/^agreements\[(\d+)\]\.rows\[(\d+)\]/);
  if (ar) {
    const a = c.ds.agreements[ar[0]!];
    const row = a?.rows[ar[1]!];
    if (a && row) return indicatorName(c, row.indicator.includes('/') ? row.indicator : `${a.plan}/${row.indicator}`);
  }
  const ex = at(/^expenditures\[(\d+)\]/);
  if (ex) {
    const e = c.ds.expenditures?.[ex[0]!];
    if (e) return e.name;
  }
  const sc = at(/^evaluation\.scores\[(\d+)\]/);
  if (sc) return `Nilai SAKIP ${c.ds.evaluation?.scores?.[sc[0]!]?.year ?? ''}`.trim();
  return where;
}

/** `out-of-range`: values kept as printed although outside their valid range (ranges.ts), by name. */
const outOfRange: QualityCheck = (c) =>
  outOfRangeFindings(c.ds, c.year).map((f) => ({ ...f, year: c.year, subject: nameAtPath(c, f.where) }));

export const QUALITY_CHECKS: readonly QualityCheck[] = [
  outOfRange,
  implausibleJump,
  spentAboveBudget,
  negativeRemainder,
  duplicateLine,
  approvedWithoutEvidence,
  targetDiffersFromPlan,
];

/** The data-quality findings of a dataset's measured year. */
export function qualityFindings(input: QualityInput, checks: readonly QualityCheck[] = QUALITY_CHECKS): QualityFinding[] {
  const c: QualityContext = {
    ds: input.ds,
    measurement: input.measurement,
    previous: input.previous,
    regionSettings: input.regionSettings,
    idx: input.idx ?? indexDataset(input.ds),
    budget: input.budget ?? indexBudgets(input.ds),
    year: input.measurement.year,
  };
  return checks.flatMap((check) => check(c));
}

/**
 * Measure a year (and the year before, for the achievement jump) and give its data-quality
 * findings; `measurement` is passed when the caller has measured the year already.
 */
export function qualityOfYear(
  ds: Dataset,
  year: number,
  opts: { regionSettings?: Settings | undefined; measurement?: MeasureResult; registerFigures?: RegisterFigures | undefined } = {},
): QualityFinding[] {
  const ctx = createMeasureContext(ds, { regionSettings: opts.regionSettings, registerFigures: opts.registerFigures });
  const measurement = opts.measurement ?? measureYear(ctx, year);
  const previous = measureYear(ctx, year - 1);
  return qualityFindings({ ds, measurement, previous, regionSettings: opts.regionSettings, idx: ctx.idx, budget: ctx.budget });
}

/**
 * The data-quality findings of every year a dataset has agreements, realizations or
 * expenditure lines for, as validation lists them (`kinerja validate`): paths prefixed with
 * `prefix` (`agencies[2].` in a region file); `target-differs-from-plan` is left out, since
 * validation reports it itself.
 */
export function qualityOfDataset(ds: Dataset, opts: { regionSettings?: Settings | undefined; prefix?: string } = {}): QualityFinding[] {
  const years = new Set<number>();
  for (const a of ds.agreements) years.add(a.year);
  for (const r of ds.realizations) years.add(r.year);
  for (const e of ds.expenditures ?? []) years.add(e.year);
  const ctx = createMeasureContext(ds, { regionSettings: opts.regionSettings });
  const measured = new Map<number, MeasureResult>();
  const measureOnce = (y: number): MeasureResult => measured.get(y) ?? measured.set(y, measureYear(ctx, y)).get(y)!;
  const out: QualityFinding[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const found = qualityFindings(
      { ds, measurement: measureOnce(year), previous: measureOnce(year - 1), regionSettings: opts.regionSettings, idx: ctx.idx, budget: ctx.budget },
      QUALITY_CHECKS.filter((check) => check !== targetDiffersFromPlan),
    );
    for (const f of found) out.push({ ...f, where: `${opts.prefix ?? ''}${f.where}` });
  }
  return out;
}

/** What each code means, in both languages (reports and the interface); an unknown code shows as itself. */
export const QUALITY_LABELS: Readonly<Record<string, { en: string; id: string }>> = Object.freeze({
  'implausible-jump': { en: 'Implausible jump', id: 'Lonjakan tidak wajar' },
  'spent-above-budget': { en: 'Spent above budget', id: 'Belanja melebihi anggaran' },
  'negative-remainder': { en: 'Negative remainder', id: 'Sisa anggaran negatif' },
  'duplicate-line': { en: 'Duplicate line', id: 'Baris belanja berulang' },
  'approved-without-evidence': { en: 'Approved without evidence', id: 'Disetujui tanpa bukti dukung' },
  'target-differs-from-plan': { en: 'Target differs from the plan', id: 'Target berbeda dengan Renstra' },
  'out-of-range': { en: 'Out of range', id: 'Di luar rentang yang sah' },
});

/** The codes of the data-quality findings (those with a label), for filters and documentation. */
export const QUALITY_CODES: readonly string[] = Object.keys(QUALITY_LABELS);

export const qualityLabel = (code: string, lang: 'en' | 'id' = 'id'): string => QUALITY_LABELS[code]?.[lang] ?? code;
