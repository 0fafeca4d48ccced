/**
 * The review (reviu): every figure an existing report printed (the dataset's claims) checked
 * against the figure Kinerja computes from the same data (docs/claims.md). Claims never change
 * what is measured; a contradiction is reported with where it was printed, what was printed,
 * what the data gives, and how that was computed.
 */
import type { Claim, Dataset, Settings } from '../dataset/schema.js';
import { narrativeFor, resolveAgreementLocal, splitRef } from '../dataset/model.js';
import { typedFigures } from './narrative.js';
import { createLabels, placeText, quantityName, type Labels } from './labels.js';
import { unmeasuredReasonId } from '../measure/reasons.js';
import { finding, type Finding } from '../findings.js';
import { decimalsOf, formatNumber, roundHalfUp } from '../format.js';
import { measure } from '../measure/index.js';
import { createMeasureContext, type MeasureContext } from '../measure/context.js';
import { finalBudget, spent as spentOf, stageBudget } from '../measure/budget.js';
import { sumMoney, toCents } from '../measure/money.js';
import type { MeasureResult, MeasuredRow } from '../measure/types.js';

export type CheckStatus = 'agrees' | 'contradicts' | 'unchecked';
export type Computed = number | string | boolean | null;

export interface ClaimCheck {
  /** index in `claims` */
  claim: number;
  /** where the report printed it, readable */
  where: string;
  subject: string;
  quantity: string;
  year: number;
  printed: Computed;
  raw?: string;
  /** what the data gives (unrounded); absent when unchecked */
  computed?: Computed;
  /** decimals the comparison was made at, for numbers */
  precision?: number;
  status: CheckStatus;
  /** how the computed figure follows from the data, or why it could not be computed */
  explanation: string;
}

/** A figure typed into the narrative, checked like a claim (docs/claims.md, "Figures typed in the narrative"). */
export interface NarrativeCheck {
  /** the narrative text's path (`narrative.executiveSummary`) */
  where: string;
  /** the words that state it */
  text: string;
  subject: string;
  quantity: string;
  year: number;
  printed: Computed;
  computed?: Computed;
  precision?: number;
  status: CheckStatus;
  explanation: string;
  /** the reference that prints the computed figure instead */
  reference: string;
}

export interface ReviewResult {
  agency: string;
  year: number;
  summary: { claims: number; agreed: number; contradicted: number; unchecked: number };
  checks: ClaimCheck[];
  /** the figures typed into the year's narrative; apart from the claims, which are the printed report's */
  narrative: { summary: { figures: number; agreed: number; contradicted: number; unchecked: number }; checks: NarrativeCheck[] };
  /** one finding per contradiction, then the measurement's findings for the year */
  findings: Finding[];
}

export interface ReviewOptions {
  regionSettings?: Settings;
}

/** A printed figure, as Indonesian text, reads as a plain number ("10,19%", "Rp 1.234.567,89", "(3.150.000)"). */
const CLEAN_NUMBER = /^\s*\(?\s*(?:Rp\.?\s*)?-?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*\)?\s*%?\s*$|^\s*-?\d+(?:,\d+)?\s*%?\s*$/;

/** The precision a numeric claim is compared at (docs/claims.md, "Agreeing"). */
export function claimPrecision(value: number, raw: string | undefined): number {
  if (raw !== undefined && CLEAN_NUMBER.test(raw)) {
    const m = /,(\d+)/.exec(raw);
    return m?.[1] ? m[1].length : 0;
  }
  return decimalsOf(value);
}

export { placeText };

const n2 = (x: number): string => formatNumber(x, 2, { trim: true });
const show = (v: Computed | undefined): string =>
  v === null || v === undefined ? '-' : typeof v === 'number' ? n2(v) : typeof v === 'boolean' ? (v ? 'tercapai' : 'tidak tercapai') : v;

interface Computation {
  value?: Computed;
  explanation: string;
}

const unchecked = (why: string): Computation => ({ explanation: why });

/** Measurements per year, computed once each. */
class Measurements {
  private readonly byYear = new Map<number, MeasureResult>();
  constructor(
    private readonly ds: Dataset,
    private readonly options: ReviewOptions,
  ) {}
  of(year: number): MeasureResult {
    let m = this.byYear.get(year);
    if (!m) {
      m = measure(this.ds, year, { regionSettings: this.options.regionSettings });
      this.byYear.set(year, m);
    }
    return m;
  }
}

function rowQuantity(row: MeasuredRow, quantity: string, labels: Labels): Computation {
  const target = row.target;
  const real = row.realization;
  const unmeasured = row.unmeasured ? ` (${unmeasuredReasonId(row.unmeasured)})` : '';
  switch (quantity) {
    case 'target':
      return { value: target, explanation: `target ${show(target)}` };
    case 'realization':
      return {
        value: real,
        explanation: row.realizationParts
          ? `realisasi dari pembilang ${n2(row.realizationParts.numerator)} ÷ penyebut ${n2(row.realizationParts.denominator)} = ${show(real)}`
          : `realisasi ${show(real)}${row.provisional ? ' (sementara, dari triwulan)' : ''}${unmeasured}`,
      };
    case 'achievement':
      return {
        value: row.achievement,
        explanation:
          row.achievement === null
            ? `capaian tidak dapat dihitung${unmeasured}`
            : `capaian = ${row.polarity === 'negative' ? `polaritas negatif, ` : ''}realisasi ${show(real)} terhadap target ${show(target)} = ${n2(row.achievement)}%`,
      };
    case 'predicate':
      return { value: row.predicate, explanation: row.achievement === null ? `tanpa kriteria${unmeasured}` : `capaian ${n2(row.achievement)}% → ${row.predicate}` };
    case 'achieved':
      return {
        value: row.achieved,
        explanation: row.achievement === null ? `tidak terukur${unmeasured}` : `capaian ${n2(row.achievement)}% ${row.achieved ? '≥' : '<'} 100`,
      };
    case 'endTarget':
      return { value: row.endTarget, explanation: `target akhir Renstra ${show(row.endTarget)}` };
    case 'achievementVsEnd':
      return {
        value: row.achievementVsEnd,
        explanation:
          row.achievementVsEnd === null
            ? 'tanpa target akhir atau realisasi'
            : `realisasi ${show(real)} terhadap target akhir ${show(row.endTarget)} = ${n2(row.achievementVsEnd)}%`,
      };
    case 'baseline':
      return row.baseline ? { value: row.baseline.value, explanation: `kondisi awal ${row.baseline.year}: ${n2(row.baseline.value)}` } : unchecked('data tidak memuat kondisi awal (baseline) indikator ini');
    case 'benchmark':
      return row.benchmark ? { value: row.benchmark.value, explanation: `benchmark ${n2(row.benchmark.value)} (${row.benchmark.source})` } : { value: null, explanation: 'data tidak memuat benchmark' };
    case 'budget':
    case 'spent':
    case 'absorption':
    case 'efficiency': {
      if (row.budget === null) return { value: null, explanation: row.efficiencyReason ? `tanpa anggaran pendukung (${row.efficiencyReason})` : 'tanpa anggaran pendukung' };
      const nodes = row.supportingNodes?.length ? ` (program pendukung: ${row.supportingNodes.map((id) => labels.node(id)).join('; ')})` : '';
      if (quantity === 'budget') return { value: row.budget, explanation: `anggaran pendukung${nodes} = ${n2(row.budget)}` };
      if (quantity === 'spent') return { value: row.spent, explanation: `realisasi anggaran pendukung${nodes} = ${show(row.spent)}` };
      if (quantity === 'absorption')
        return { value: row.absorption, explanation: `serapan = ${show(row.spent)} ÷ ${n2(row.budget)} × 100 = ${show(row.absorption)}%` };
      return {
        value: row.efficiency,
        explanation: `capaian ${show(row.achievement)}% dibanding serapan ${show(row.absorption)}% → ${show(row.efficiency)}`,
      };
    }
    default:
      return unchecked('besaran ini tidak diperiksa untuk indikator');
  }
}

function nodeQuantity(ctx: MeasureContext, nodeId: string, claim: Claim, year: number, labels: Labels): Computation {
  const b = ctx.budget;
  if (!b.nodes.has(nodeId)) return unchecked('program/kegiatan tidak ditemukan dalam data');
  const final = finalBudget(b, nodeId, year);
  const spentAmount = spentOf(b, nodeId, year);
  return budgetQuantity(claim, (stage) => stageBudget(b, nodeId, year, stage), final, spentAmount, labels.node(nodeId));
}

function budgetQuantity(
  claim: Claim,
  stageOf: (stage: NonNullable<Claim['stage']>) => number | null,
  final: number | null,
  spentAmount: number | null,
  label: string,
): Computation {
  const stageName = { initial: 'anggaran awal', shift: 'pergeseran', revised: 'anggaran perubahan' } as const;
  switch (claim.quantity) {
    case 'budget':
      if (claim.stage) {
        const v = stageOf(claim.stage);
        return v === null ? unchecked(`${label} tidak memiliki ${stageName[claim.stage]}`) : { value: v, explanation: `${stageName[claim.stage]} ${label} = ${n2(v)}` };
      }
      return final === null ? unchecked(`${label} tidak memiliki anggaran`) : { value: final, explanation: `pagu akhir ${label} = ${n2(final)}` };
    case 'spent':
      return spentAmount === null ? unchecked(`${label} tidak memiliki realisasi anggaran`) : { value: spentAmount, explanation: `realisasi ${label} = ${n2(spentAmount)}` };
    case 'absorption':
      if (final === null || final === 0 || spentAmount === null) return unchecked(`${label}: tanpa pagu akhir atau realisasi`);
      return { value: (spentAmount / final) * 100, explanation: `serapan = ${n2(spentAmount)} ÷ ${n2(final)} × 100 = ${n2((spentAmount / final) * 100)}%` };
    case 'difference': {
      if (!claim.fromStage || !claim.toStage) return unchecked('selisih memerlukan tahap asal dan tahap tujuan');
      const from = stageOf(claim.fromStage);
      const to = stageOf(claim.toStage);
      if (from === null || to === null) return unchecked(`${label}: salah satu tahap anggaran tidak ada`);
      const diff = toCents(to - from);
      return { value: diff, explanation: `${stageName[claim.toStage]} ${n2(to)} − ${stageName[claim.fromStage]} ${n2(from)} = ${n2(diff)}` };
    }
    case 'unspent':
    case 'unspentPct': {
      if (final === null || spentAmount === null) return unchecked(`${label}: tanpa pagu akhir atau realisasi`);
      const unspent = toCents(final - spentAmount);
      if (claim.quantity === 'unspent') return { value: unspent, explanation: `sisa = ${n2(final)} − ${n2(spentAmount)} = ${n2(unspent)}` };
      if (final === 0) return unchecked(`${label}: pagu akhir 0`);
      return { value: (unspent / final) * 100, explanation: `sisa ${n2(unspent)} ÷ ${n2(final)} × 100 = ${n2((unspent / final) * 100)}%` };
    }
    default:
      return unchecked('besaran ini tidak diperiksa untuk anggaran');
  }
}

/**
 * The counts a worded cell prints: each number written the Indonesian way and followed by a
 * word (its unit), outside parentheses — "266 desa 22 kelurahan" → 266, 22; "1.178 peserta
 * (Koperasi Merah Putih) 50 peserta/koperasi" → 1178, 50.
 */
export function countsInText(text: string): number[] {
  const plain = text.replace(/\([^)]*\)/g, ' ');
  return [...plain.matchAll(/(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?=\s+\p{L})/gu)].map((m) => Number(`${m[1]!.replace(/\./g, '')}${m[2] ? `.${m[2]}` : ''}`));
}

function sumCounts(counts: Record<string, number> | undefined): number {
  return Object.values(counts ?? {}).reduce((s, v) => s + v, 0);
}

function agencyTotal(ds: Dataset, aspect: string): Computation {
  const rows = ds.organization?.staffing?.rows ?? [];
  const m = /^staffing\.(needed|filled)(?:\.(.+))?$/.exec(aspect);
  if (m) {
    if (!rows.length) return unchecked('data tidak memuat kepegawaian');
    const col = m[1] as 'needed' | 'filled';
    const edu = m[2];
    const v = rows.reduce((s, r) => s + (edu ? (r[col][edu] ?? 0) : sumCounts(r[col])), 0);
    return { value: v, explanation: `jumlah ${col === 'needed' ? 'kebutuhan' : 'bezetting'}${edu ? ` ${edu}` : ''} atas ${rows.length} baris = ${v}` };
  }
  if (aspect === 'staffing.male' || aspect === 'staffing.female') {
    if (!rows.length) return unchecked('data tidak memuat kepegawaian');
    const key = aspect === 'staffing.male' ? 'male' : 'female';
    const v = rows.reduce((s, r) => s + r[key], 0);
    return { value: v, explanation: `jumlah ${key === 'male' ? 'L' : 'P'} = ${v}` };
  }
  if (aspect === 'staffing.gap') {
    if (!rows.length) return unchecked('data tidak memuat kepegawaian');
    const needed = rows.reduce((s, r) => s + sumCounts(r.needed), 0);
    const filled = rows.reduce((s, r) => s + sumCounts(r.filled), 0);
    return { value: needed - filled, explanation: `kebutuhan ${needed} − bezetting ${filled} = ${needed - filled}` };
  }
  if (aspect === 'assets.quantity') {
    const assets = ds.organization?.assets?.rows ?? [];
    if (!assets.length) return unchecked('data tidak memuat sarana prasarana');
    const v = assets.reduce((s, a) => s + assetQuantity(a), 0);
    return { value: v, explanation: `jumlah sarana prasarana atas ${assets.length} baris = ${v}` };
  }
  const e = /^expenditures\.(operating|capital)$/.exec(aspect);
  if (e) {
    const lines = (ds.expenditures ?? []).filter((l) => l.class === e[1] && !l.parent);
    if (!lines.length) return unchecked(`data tidak memuat rincian belanja ${e[1] === 'operating' ? 'operasi' : 'modal'}`);
    const v = sumMoney(lines.map((l) => l.ceiling)) ?? 0;
    return { value: v, explanation: `pagu belanja ${e[1] === 'operating' ? 'operasi' : 'modal'} = ${n2(v)}` };
  }
  return unchecked('aspek yang dijumlahkan ini tidak diperiksa untuk perangkat daerah');
}

type AssetRowT = NonNullable<NonNullable<Dataset['organization']>['assets']>['rows'][number];
function conditionSum(a: AssetRowT): number | undefined {
  const c = a.condition;
  const parts = [c.good, c.lightDamage, c.heavyDamage, c.damaged].filter((x): x is number => x !== undefined);
  return parts.length ? parts.reduce((s, v) => s + v, 0) : undefined;
}
const assetQuantity = (a: AssetRowT): number => conditionSum(a) ?? a.quantity ?? 0;

function compute(ds: Dataset, ctx: MeasureContext, ms: Measurements, claim: Claim, year: number, labels: Labels): Computation {
  const { subject, quantity } = claim;
  const m = ms.of(year);

  if (subject === 'agency') {
    if (quantity === 'total') return claim.aspect ? agencyTotal(ds, claim.aspect) : unchecked('jumlah memerlukan aspek yang dijumlahkan');
    const b = ctx.budget;
    const roots = b.roots.map((r) => r.id);
    const sum = (f: (id: string) => number | null) => sumMoney(roots.map(f));
    return budgetQuantity(
      claim,
      (stage) => sum((id) => stageBudget(b, id, year, stage)),
      m.budget.final,
      m.budget.spent,
      'perangkat daerah',
    );
  }

  const [kind, rest] = subject.includes('/') ? [subject.slice(0, subject.indexOf('/')), subject.slice(subject.indexOf('/') + 1)] : [subject, ''];
  if (kind === 'expenditures') {
    const line = (ds.expenditures ?? []).find((l) => l.id === rest);
    if (!line) return unchecked('baris belanja tidak ditemukan dalam data');
    const realized = line.realized ?? null;
    return budgetQuantity(claim, () => null, line.ceiling, realized, line.name);
  }
  if (kind === 'staffing') {
    const row = ds.organization?.staffing?.rows.find((r) => r.id === rest);
    if (!row) return unchecked('baris kepegawaian tidak ditemukan dalam data');
    if (quantity !== 'total' || (claim.aspect !== 'needed' && claim.aspect !== 'filled')) return unchecked('baris kepegawaian diperiksa sebagai jumlah kebutuhan atau bezetting');
    const v = sumCounts(row[claim.aspect]);
    return { value: v, explanation: `jumlah ${claim.aspect === 'needed' ? 'kebutuhan' : 'bezetting'} ${row.positionClass} = ${v}` };
  }
  if (kind === 'assets') {
    const row = ds.organization?.assets?.rows.find((r) => r.id === rest);
    if (!row) return unchecked('baris sarana prasarana tidak ditemukan dalam data');
    const v = conditionSum(row);
    if (v === undefined) return unchecked(`baris sarana prasarana ${row.name} tidak memuat jumlah per kondisi`);
    return { value: v, explanation: `jumlah kondisi ${row.name} = ${v}` };
  }
  if (kind === 'activities') {
    const list = (ds.activities ?? []).find((l) => l.id === rest);
    if (!list) return unchecked('daftar kegiatan tidak ditemukan dalam data');
    const col = claim.aspect === 'target' ? 'target' : 'realization';
    const what = col === 'target' ? 'target' : 'realisasi';
    // a worded cell ("266 desa 22 kelurahan") counts the numbers it prints, as the printed total does
    const parts: number[] = [];
    const worded: string[] = [];
    for (const r of list.rows) {
      const cellValue = r[col];
      if (typeof cellValue === 'number') parts.push(cellValue);
      else if (typeof cellValue === 'string' && cellValue.trim()) {
        const counts = countsInText(cellValue);
        if (!counts.length) return unchecked(`baris "${r.name}" memuat ${what} berupa teks tanpa angka ("${cellValue}")`);
        parts.push(...counts);
        worded.push(`"${cellValue}" → ${counts.map((x) => formatNumber(x, decimalsOf(x))).join(' + ')}`);
      }
    }
    if (!parts.length) return unchecked(`daftar kegiatan ${list.title} tidak memuat angka ${what}`);
    const v = parts.reduce((s, x) => s + x, 0);
    const read = worded.length ? `; angka dari sel bertulisan: ${worded.join('; ')}` : '';
    return { value: v, explanation: `jumlah ${what} = ${parts.map((x) => formatNumber(x, decimalsOf(x))).join(' + ')} = ${formatNumber(v, decimalsOf(v))}${read}` };
  }

  const parts = splitRef(subject);
  const agreementId = parts ? parts.ownerId : subject;
  const agreement = m.agreements.find((a) => a.id === agreementId);
  if (!parts && (agreement || ctx.idx.agreements.has(subject))) {
    const a = agreement;
    const ag = ctx.idx.agreements.get(subject)!;
    if (quantity === 'total' && claim.aspect === 'budget') {
      const v = sumMoney(ag.budget.map((l) => l.amount)) ?? 0;
      return { value: v, explanation: `jumlah ${ag.budget.length} baris anggaran PK = ${n2(v)}` };
    }
    if (!a) return unchecked(`${labels.subject(subject)} bukan untuk tahun ${year}`);
    const s = a.summary;
    const measured = s.achieved + s.notAchieved;
    switch (quantity) {
      case 'measuredCount':
        return { value: measured, explanation: `${measured} dari ${s.rows} indikator terukur` };
      case 'achievedCount':
        return { value: s.achieved, explanation: `${s.achieved} indikator dengan capaian ≥ 100%` };
      case 'notAchievedCount':
        return { value: s.notAchieved, explanation: `${s.notAchieved} indikator terukur dengan capaian < 100%` };
      case 'rowCount':
        return { value: s.rows, explanation: `${s.rows} baris PK` };
      case 'goalCount':
        return { value: a.goals.length, explanation: `${a.goals.length} tujuan/sasaran dalam ${s.rows} baris PK` };
      case 'sasaranCount':
      case 'tujuanCount': {
        const kind = quantity === 'sasaranCount' ? 'sasaran' : 'tujuan';
        const ids = new Set(ag.rows.map((r) => resolveAgreementLocal(ctx.idx, ag, r.goal, 'goals') ?? r.goal));
        if (kind === 'sasaran') {
          const n = [...ids].filter((g) => ctx.idx.goals.get(g)?.goal.kind === 'sasaran').length;
          return { value: n, explanation: `${n} sasaran di antara ${ids.size} tujuan/sasaran baris PK` };
        }
        // the tujuan of the rows: a row's own goal of kind tujuan, or the tujuan above its sasaran
        const tujuan = new Set<string>();
        for (const id of ids) {
          const seen = new Set<string>();
          for (let e = ctx.idx.goals.get(id); e && !seen.has(e.ref); e = e.goal.parent ? ctx.idx.goals.get(`${e.ownerId}/${e.goal.parent}`) : undefined) {
            seen.add(e.ref);
            if (e.goal.kind === 'tujuan') tujuan.add(e.ref);
          }
        }
        return { value: tujuan.size, explanation: `${tujuan.size} tujuan (tujuan baris PK dan tujuan di atas sasarannya): ${[...tujuan].map((t) => ctx.idx.goals.get(t)?.goal.statement ?? t).join('; ') || '-'}` };
      }
      default:
        return unchecked('besaran ini tidak diperiksa untuk Perjanjian Kinerja');
    }
  }
  if (parts && ctx.idx.agreements.has(parts.ownerId)) {
    const a = agreement ?? ms.of(ctx.idx.agreements.get(parts.ownerId)!.year).agreements.find((x) => x.id === parts.ownerId);
    const target = ctx.canonical(subject);
    const row = a?.rows.find((r) => r.indicator === target || r.indicator === subject);
    if (!row) return unchecked(`${labels.subject(parts.ownerId)} tidak memuat baris indikator ini`);
    return rowQuantity(row, quantity, labels);
  }
  if (parts && ctx.idx.plans.has(parts.ownerId)) {
    const entry = ctx.idx.indicators.get(subject);
    if (!entry) return unchecked('indikator tidak ditemukan dalam data');
    const ind = entry.indicator;
    if (quantity === 'target') {
      const t = ind.targets?.[String(year)];
      return t === undefined ? unchecked(`indikator ini tidak memiliki target tahun ${year}`) : { value: t, explanation: `target Renstra ${year} = ${n2(t)}` };
    }
    const row = m.planIndicators.find((r) => r.indicator === subject);
    if (row) return rowQuantity(row, quantity, labels);
    if (quantity === 'baseline') return ind.baseline ? { value: ind.baseline.value, explanation: `kondisi awal ${ind.baseline.year}: ${n2(ind.baseline.value)}` } : unchecked('indikator ini tidak memiliki kondisi awal');
    return unchecked(`indikator ini tidak memiliki target tahun ${year}, sehingga tidak diukur`);
  }
  if (parts && ctx.idx.nodes.has(parts.ownerId)) {
    const row = m.programIndicators.find((r) => r.indicator === subject);
    if (quantity === 'target' && !row) {
      const t = ctx.idx.indicators.get(subject)?.indicator.targets?.[String(year)];
      return t === undefined ? unchecked(`indikator ini tidak memiliki target tahun ${year}`) : { value: t, explanation: `target ${n2(t)}` };
    }
    return row ? rowQuantity(row, quantity, labels) : unchecked(`indikator ini tidak memiliki target tahun ${year}, sehingga tidak diukur`);
  }
  if (!parts && ctx.idx.nodes.has(subject)) return nodeQuantity(ctx, subject, claim, year, labels);
  return unchecked('subjek ini tidak dikenal dalam data');
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function compare(printed: Computed, computed: Computed, raw: string | undefined): { status: CheckStatus; precision?: number } {
  if (printed === null) return { status: computed === null ? 'agrees' : 'contradicts' };
  if (computed === null) return { status: 'contradicts' };
  if (typeof printed === 'number') {
    if (typeof computed !== 'number') return { status: 'contradicts' };
    const precision = claimPrecision(printed, raw);
    return { status: roundHalfUp(computed, precision) === roundHalfUp(printed, precision) ? 'agrees' : 'contradicts', precision };
  }
  if (typeof printed === 'boolean') return { status: printed === computed ? 'agrees' : 'contradicts' };
  return { status: typeof computed === 'string' && norm(computed) === norm(printed) ? 'agrees' : 'contradicts' };
}

/** The year a claim is about: its own, else its agreement's, else the review's. */
function claimYear(ctx: MeasureContext, claim: Claim, year: number): number {
  if (claim.year !== undefined) return claim.year;
  const owner = splitRef(claim.subject)?.ownerId ?? claim.subject;
  return ctx.idx.agreements.get(owner)?.year ?? year;
}

/** What a figure is about: a claim without its printed value (`{{nilai:…}}`, typed figures of the prose). */
export type FigureQuery = Pick<Claim, 'subject' | 'quantity'> & Partial<Pick<Claim, 'aspect' | 'year' | 'stage'>>;

export interface Figure {
  /** absent when the data can not give it (the explanation says why) */
  value?: Computed;
  explanation: string;
  /** the year it was computed for */
  year: number;
  /** the unit of the subject indicator, when it is one */
  unit?: string | null;
}

/**
 * Computes figures as the review does (docs/claims.md), for prose that refers to them or states
 * them; the measurement of each year is computed once. `year` is the report's year.
 */
export function figureReader(ds: Dataset, year: number, options: ReviewOptions = {}): (q: FigureQuery) => Figure {
  const ctx = createMeasureContext(ds, { regionSettings: options.regionSettings });
  const labels = createLabels(ds, ctx.idx);
  const ms = new Measurements(ds, options);
  return (q) => {
    const claim: Claim = { where: 'narrative', value: null, ...q };
    const y = claimYear(ctx, claim, year);
    const c = compute(ds, ctx, ms, claim, y, labels);
    const entry = ctx.idx.indicators.get(ctx.canonical(q.subject));
    return { ...c, year: y, ...(entry ? { unit: entry.indicator.unit ?? null } : {}) };
  };
}

/** Review every claim of the dataset; `year` is the report's year. */
export function review(ds: Dataset, year: number, options: ReviewOptions = {}): ReviewResult {
  const ctx = createMeasureContext(ds, { regionSettings: options.regionSettings });
  const labels = createLabels(ds, ctx.idx);
  const ms = new Measurements(ds, options);
  const checks: ClaimCheck[] = [];
  const findings: Finding[] = [];
  (ds.claims ?? []).forEach((claim, i) => {
    const y = claimYear(ctx, claim, year);
    const where = placeText(claim.where);
    const c = compute(ds, ctx, ms, claim, y, labels);
    const base = {
      claim: i,
      where,
      subject: claim.subject,
      quantity: claim.quantity,
      year: y,
      printed: claim.value,
      ...(claim.raw !== undefined ? { raw: claim.raw } : {}),
    };
    if (!('value' in c) || c.value === undefined) {
      checks.push({ ...base, status: 'unchecked', explanation: c.explanation });
      return;
    }
    const cmp = compare(claim.value, c.value, claim.raw);
    checks.push({ ...base, computed: c.value, ...(cmp.precision !== undefined ? { precision: cmp.precision } : {}), status: cmp.status, explanation: c.explanation });
    if (cmp.status === 'contradicts') {
      const printed = claim.raw ?? show(claim.value);
      const computedShown = typeof c.value === 'number' && cmp.precision !== undefined ? formatNumber(c.value, Math.max(cmp.precision, 2), { trim: true }) : show(c.value);
      findings.push(
        finding(
          'warning',
          'claim-contradicted',
          `claims[${i}] (${where})`,
          // the explanation is the review's own (Indonesian) wording, in both texts
          `${claim.subject} ${claim.quantity}: printed ${printed}, the data give ${computedShown} — ${c.explanation}`,
          `${labels.subject(claim.subject)}, ${quantityName(claim).toLowerCase()}: tercetak ${printed}, data memberi ${computedShown} — ${c.explanation}`,
        ),
      );
    }
  });
  const narrative = reviewNarrative(ds, ctx, ms, year, findings, labels);
  const m = ms.of(year);
  findings.push(...m.findings);
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return {
    agency: ds.agency.name,
    year,
    summary: { claims: checks.length, agreed: count('agrees'), contradicted: count('contradicts'), unchecked: count('unchecked') },
    checks,
    narrative,
    findings,
  };
}

/** The figures typed into the narrative of `year`, each checked like a claim; a contradiction is a finding at its narrative path. */
function reviewNarrative(ds: Dataset, ctx: MeasureContext, ms: Measurements, year: number, findings: Finding[], labels: Labels): ReviewResult['narrative'] {
  const own = narrativeFor(ds, year);
  const scale = ctx.rulesFor().ratingScale.map((b) => b.label);
  const figures = own ? typedFigures(ds, ctx.idx, scale, { year, only: own }) : [];
  const checks: NarrativeCheck[] = figures.map((f) => {
    const claim: Claim = { where: f.where, subject: f.subject, quantity: f.quantity, value: f.value, ...(f.number !== undefined ? { raw: f.number } : {}) };
    const y = claimYear(ctx, claim, year);
    const c = compute(ds, ctx, ms, claim, y, labels);
    const base = { where: f.where, text: f.raw, subject: f.subject, quantity: f.quantity, year: y, printed: f.value, reference: f.reference };
    if (!('value' in c) || c.value === undefined) return { ...base, status: 'unchecked' as const, explanation: c.explanation };
    const cmp = compare(f.value, c.value, claim.raw);
    if (cmp.status === 'contradicts') {
      const shown = typeof c.value === 'number' && cmp.precision !== undefined ? formatNumber(c.value, Math.max(cmp.precision, 2), { trim: true }) : show(c.value);
      findings.push(
        finding(
          'warning',
          'narrative-figure-contradicted',
          f.where,
          `the narrative states "${f.raw}" (${f.subject} ${f.quantity}), the data give ${shown} — ${c.explanation}; write ${f.reference} to print the computed figure`,
          `narasi menyatakan "${f.raw}" (${labels.subject(f.subject)}, ${quantityName(claim).toLowerCase()}), data memberi ${shown} — ${c.explanation}; tulis ${f.reference} agar laporan mencetak angka hasil perhitungan`,
        ),
      );
    }
    return { ...base, computed: c.value, ...(cmp.precision !== undefined ? { precision: cmp.precision } : {}), status: cmp.status, explanation: c.explanation };
  });
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  return { summary: { figures: checks.length, agreed: count('agrees'), contradicted: count('contradicts'), unchecked: count('unchecked') }, checks };
}
