/**
 * What every chapter of the LKIP builder shares: the dataset, one measurement of the year
 * (every figure of the report comes from it or from the budget functions on the same
 * context), table and figure numbering per chapter, and lookups by reference.
 */
import { newFilesState, type FilesState } from './lkip-files.js';
import type { Agreement, Analysis, Dataset, Goal, Narrative, Plan, Settings } from '../dataset/schema.js';
import { narrativeFor, resolveAgreementLocal, splitRef, type DatasetIndex, type IndicatorEntry } from '../dataset/model.js';
import { createMeasureContext, measureYear, type MeasureContext, type RegisterFigures } from '../measure/index.js';
import type { AgreementResult, AgreementSummary, MeasuredRow, MeasureResult } from '../measure/types.js';
import { agreementTitle, fmtPct, fmtRp } from './common.js';

export interface AgreementOfYear {
  ag: Agreement;
  res: AgreementResult;
  /** "Perjanjian Kinerja Tahun 2025", with the signing date when two would read the same */
  title: string;
  plan: Plan | undefined;
}

export interface LkipContext {
  ds: Dataset;
  year: number;
  mc: MeasureContext;
  m: MeasureResult;
  idx: DatasetIndex;
  agreements: AgreementOfYear[];
  /** the narrative of the report year (`narrativeFor`): the chapters read the prose from here, never from `ds.narrative` */
  narrative: Narrative | undefined;
  /** the current chapter (0 = front matter: tables without numbers) */
  chapter: number;
  tableNo: number;
  figureNo: number;
  /** program node id → the caption of the table that details it (each node is detailed once) */
  nodeDetailed: Map<string, string>;
  /** activity lists already shown (under a supporting program) */
  activitiesShown: Set<string>;
  /** the number ("Tabel 3.7") of each table the prose may refer to, by id (an activity list's) */
  tableNumbers: Map<string, string>;
  /** canonical subject → analyses (the year's narrative's analyses) */
  analyses: Map<string, Analysis[]>;
  /** the files the report embeds and attaches (crest, photos, scans) and what of them is missing */
  files: FilesState;
}

export function createLkipContext(ds: Dataset, year: number, regionSettings?: Settings, registerFigures?: RegisterFigures): LkipContext {
  const mc = createMeasureContext(ds, { regionSettings, registerFigures });
  const m = measureYear(mc, year);
  const idx = mc.idx;
  const agreements: AgreementOfYear[] = [];
  for (const res of m.agreements) {
    const ag = idx.agreements.get(res.id);
    if (!ag) continue;
    agreements.push({ ag, res, title: agreementTitle(ag), plan: idx.plans.get(ag.plan) });
  }
  const titles = agreements.map((a) => a.title);
  for (const a of agreements) {
    if (titles.filter((t) => t === a.title).length > 1) a.title = `${a.title} (${a.ag.signedOn.split('-').reverse().join('-')})`;
  }
  const ctx: LkipContext = {
    files: newFilesState(undefined),
    ds,
    year,
    mc,
    m,
    idx,
    agreements,
    narrative: narrativeFor(ds, year),
    chapter: 0,
    tableNo: 0,
    figureNo: 0,
    nodeDetailed: new Map(),
    activitiesShown: new Set(),
    tableNumbers: new Map(),
    analyses: new Map(),
  };
  for (const a of ctx.narrative?.analyses ?? []) {
    const key = canonicalSubject(ctx, a.subject);
    const list = ctx.analyses.get(key);
    if (list) list.push(a);
    else ctx.analyses.set(key, [a]);
  }
  return ctx;
}

/** A subject of the narrative as a canonical ref: an indicator's owner ref, a goal's, or a node id. */
export function canonicalSubject(ctx: LkipContext, subject: string): string {
  const c = ctx.mc.canonical(subject);
  if (ctx.idx.indicators.has(c) || ctx.idx.goals.has(c) || ctx.idx.nodes.has(c)) return c;
  const parts = splitRef(subject);
  const ag = parts ? ctx.idx.agreements.get(parts.ownerId) : undefined;
  if (parts && ag) return resolveAgreementLocal(ctx.idx, ag, parts.localId, 'goals') ?? subject;
  return subject;
}

export function startChapter(ctx: LkipContext, n: number): void {
  ctx.chapter = n;
  ctx.tableNo = 0;
  ctx.figureNo = 0;
}

/**
 * "Tabel 3.2 <title>" (front matter: the title alone). With `ref`, the table's number is kept under
 * that id for the prose's `{{tabel:ID}}` references (core/document/crossref.ts).
 */
export function tableCaption(ctx: LkipContext, title: string, ref?: string): string {
  if (ctx.chapter === 0) return title;
  ctx.tableNo++;
  const number = `Tabel ${ctx.chapter}.${ctx.tableNo}`;
  if (ref !== undefined) ctx.tableNumbers.set(ref, number);
  return `${number} ${title}`;
}

export function figureCaption(ctx: LkipContext, title: string): string {
  if (ctx.chapter === 0) return title;
  ctx.figureNo++;
  return `Gambar ${ctx.chapter}.${ctx.figureNo} ${title}`;
}

/** The goal of an agreement row, resolved (the agreement's own, the amended one's, or its plan's). */
export function rowGoal(ctx: LkipContext, ag: Agreement, goalLocal: string | null): { ref: string; goal: Goal | undefined } {
  if (goalLocal === null) return { ref: '', goal: undefined };
  const ref = resolveAgreementLocal(ctx.idx, ag, goalLocal, 'goals');
  return { ref: ref ?? `${ag.id}/${goalLocal}`, goal: ref ? ctx.idx.goals.get(ref)?.goal : undefined };
}

export function entryOf(ctx: LkipContext, indicatorRef: string): IndicatorEntry | undefined {
  return ctx.idx.indicators.get(ctx.mc.canonical(indicatorRef));
}

/** The analyses of a subject (an indicator, goal or node ref). */
export function analysesOf(ctx: LkipContext, ref: string): Analysis[] {
  return ctx.analyses.get(ref) ?? [];
}

/** "Dari hasil pengukuran terhadap N indikator, X tercapai, Y tidak tercapai, Z belum dapat diukur." */
export function summarySentence(s: AgreementSummary): string {
  return `Dari hasil pengukuran terhadap ${s.rows} indikator, ${s.achieved} tercapai, ${s.notAchieved} tidak tercapai, ${s.unmeasured} belum dapat diukur.`;
}

/** "… realisasi Rp … atau …% dari pagu Rp …" from the agency's budget totals. */
export function budgetSentence(ctx: LkipContext): string {
  const b = ctx.m.budget;
  if (b.final === null) return `Data pagu anggaran tahun ${ctx.year} belum tersedia.`;
  if (b.spent === null) return `Pagu anggaran tahun ${ctx.year} sebesar ${fmtRp(b.final)}; realisasinya belum dicatat.`;
  const share = b.absorption === null ? '' : ` atau ${fmtPct(b.absorption)}`;
  return `Kinerja keuangan tahun ${ctx.year} menunjukkan realisasi ${fmtRp(b.spent)}${share} dari pagu ${fmtRp(b.final)}.`;
}

/** Measured rows sorted by achievement (highest first). */
export function measuredRows(rows: readonly MeasuredRow[]): (MeasuredRow & { achievement: number })[] {
  return rows.filter((r): r is MeasuredRow & { achievement: number } => r.achievement !== null).sort((a, b) => b.achievement - a.achievement);
}

/** The row of a measured indicator anywhere in the year's measurement (agreement rows first). */
export function findMeasured(ctx: LkipContext, ref: string): MeasuredRow | undefined {
  const c = ctx.mc.canonical(ref);
  for (const a of ctx.m.agreements) {
    const r = a.rows.find((x) => x.indicator === c);
    if (r) return r;
  }
  return ctx.m.planIndicators.find((x) => x.indicator === c) ?? ctx.m.programIndicators.find((x) => x.indicator === c);
}
