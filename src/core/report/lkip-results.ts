/**
 * BAB III AKUNTABILITAS KINERJA: the measurement rules in force, then for each agreement of the
 * year its achievement table and, per indicator, the seven analyses the PermenPAN-RB 53/2014
 * structure asks for; the efficiency of the supporting budget with a chart; and the financial
 * accountability of the program structure. Every number and predicate is the measurement's.
 */
import { photosOf } from './lkip-files.js';
import { headline } from '../measure/headline.js';
import type { ActivityList, Agreement, Analysis, Indicator, ProgramNode } from '../dataset/schema.js';
import { causesOfRow, hasCauses } from '../measure/causes.js';
import type { Block, Cell, Chart } from '../document/model.js';
import { formatDateId } from '../format.js';
import { awardsOfYear } from '../measure/count.js';
import { absorptionOf, finalBudget, spent as spentOf, supportingBudget } from '../measure/index.js';
import type { MeasuredRow, ProgramIndicatorRow } from '../measure/types.js';
import {
  bold,
  efficiencyNotAssessedText,
  efficiencyReasonText,
  empty,
  fmtDelta,
  fmtNum,
  fmtPct,
  fmtRp,
  fmtValue,
  F_VALUE,
  GOAL_KIND,
  goalLabel,
  heading,
  int,
  joinId,
  list,
  money,
  num,
  para,
  pct,
  runSpans,
  tableOrNothing,
  text,
  unmeasuredText,
  valueCell,
} from './common.js';
import {
  analysesOf,
  entryOf,
  figureCaption,
  rowGoal,
  startChapter,
  summarySentence,
  budgetSentence,
  tableCaption,
  type AgreementOfYear,
  type LkipContext,
} from './lkip-context.js';
import { formulaOf, programTree } from './lkip-plan.js';
import { spendingClassBlocks } from './lkip-budget.js';
import { reportingBasisBlocks } from './lkip-basis.js';
import { isRegisterTable, registerSourceSentence, registerTableBlocks } from './lkip-registers.js';

const h = (s: string, o: { colSpan?: number; rowSpan?: number } = {}): Cell => text(s, { bold: true, align: 'center', ...o });
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = (i: number): string => LETTERS[i] ?? String(i + 1);

export function chapterAccountability(ctx: LkipContext): Block[] {
  startChapter(ctx, 3);
  const out: Block[] = [heading(1, 'BAB III AKUNTABILITAS KINERJA', 'bab-3')];
  out.push(heading(2, `A. KERANGKA PENGUKURAN KINERJA TAHUN ${ctx.year}`, 'bab-3-a'), ...framework(ctx));
  let next = 1;
  out.push(...reportingBasisBlocks(ctx));
  if (ctx.agreements.length > 1) {
    out.push(
      para(
        `Pada tahun ${ctx.year} terdapat ${ctx.agreements.length} perjanjian kinerja (${joinId(ctx.agreements.map((a) => `${a.title}, ditandatangani ${formatDateId(a.ag.signedOn)}`))}); capaian atas setiap perjanjian kinerja dilaporkan berikut ini.`,
        { align: 'justify' },
      ),
    );
  }
  if (!ctx.agreements.length) out.push(para(`Tidak ada perjanjian kinerja tahun ${ctx.year} yang dapat diukur.`, { style: 'note' }));
  for (const a of ctx.agreements) out.push(...agreementAnalysis(ctx, a, letter(next++)));
  const others = otherActivities(ctx, letter(next));
  if (others.length) {
    out.push(...others);
    next++;
  }
  out.push(heading(2, `${letter(next)}. AKUNTABILITAS KEUANGAN`, 'bab-3-keuangan'), ...finance(ctx));
  return out;
}

// ---------------------------------------------------------------- the rules

function framework(ctx: LkipContext): Block[] {
  const rules = ctx.mc.rulesFor(null);
  const scale = rules.ratingScale;
  const out: Block[] = [
    para(
      `Pengukuran capaian kinerja bertujuan untuk mengetahui tingkat keberhasilan dan kegagalan dalam merealisasikan target yang telah diperjanjikan. Pengukuran menggunakan ketentuan berikut.`,
      { align: 'justify' },
    ),
    para([bold('1. Predikat capaian kinerja '), 'dikelompokkan dalam skala nilai peringkat kinerja berikut:']),
  ];
  const body = scale.map((band, i) => {
    const upper = i > 0 ? scale[i - 1]?.min : undefined;
    const interval =
      upper === undefined
        ? `capaian ≥ ${fmtNum(band.min)}`
        : band.min === Number.NEGATIVE_INFINITY
          ? `capaian < ${fmtNum(upper)}`
          : `${fmtNum(band.min)} ≤ capaian < ${fmtNum(upper)}`;
    return [
      int(i + 1, { align: 'center' }),
      text(interval),
      text(band.label),
      band.colorName || band.color ? text(band.colorName ?? band.color ?? '', { ...(band.color ? { fill: band.color } : {}) }) : empty('tanpa warna'),
    ];
  });
  // the regulation the scale comes from, as a reader cites it; a scale of the settings without one has no source line
  const source = rules.ratingScaleSource;
  out.push(
    ...tableOrNothing({
      caption: tableCaption(ctx, 'Skala Nilai Peringkat Kinerja'),
      header: [[h('No'), h('Interval Nilai Capaian Kinerja (%)'), h('Kriteria Penilaian'), h('Kode Warna')]],
      body,
      widths: [8, 40, 30, 22],
      ...(source ? { source: `Sumber: ${source}` } : {}),
    }),
  );
  const negative =
    rules.negativeMethod === 'reverse'
      ? 'Capaian Kinerja = (Target − (Realisasi − Target)) ÷ Target × 100'
      : 'Capaian Kinerja = Target ÷ Realisasi × 100';
  out.push(
    para([bold('2. Cara menghitung persentase capaian '), 'indikator kinerja:']),
    list(
      [
        [bold('progres positif'), ' (semakin tinggi realisasi semakin baik): Capaian Kinerja = Realisasi ÷ Target × 100;'],
        [bold('progres negatif'), ` (semakin rendah realisasi semakin baik): ${negative};`],
        [bold('indikator kategori'), ': Capaian Kinerja = skor kategori yang dicapai ÷ skor kategori target × 100.'],
      ],
      true,
      'lower-alpha',
    ),
    para('Indikator dinyatakan tercapai bila capaiannya sama dengan atau lebih dari 100%.'),
  );
  if (rules.achievementCap !== null) {
    out.push(para(`Untuk penentuan kriteria dan rata-rata capaian, capaian dibatasi paling tinggi ${fmtPct(rules.achievementCap)}; capaian sebenarnya tetap disajikan.`));
  }
  const eff =
    rules.efficiency.rule === 'simple'
      ? 'Efisien bila capaian kinerja sama dengan atau lebih dari serapan anggaran program pendukungnya, dan Tidak Efisien bila lebih rendah.'
      : `Efisien bila capaian kinerja melebihi serapan anggaran program pendukungnya lebih dari ${fmtNum(rules.efficiency.margin)} poin, Cukup Efisien bila selisihnya paling banyak ${fmtNum(rules.efficiency.margin)} poin, dan Tidak Efisien selebihnya.`;
  out.push(para([bold('3. Efisiensi '), `dinilai dengan membandingkan capaian kinerja dengan serapan anggaran program pendukung: ${eff}`], { align: 'justify' }));
  return out;
}

// ---------------------------------------------------------------- one agreement

export interface GoalGroup {
  ref: string;
  label: string;
  kind: string;
  rows: MeasuredRow[];
  /** the indicators (refs) of `rows` that are the plan's goal-level indicators, not the agreement's rows (`reportGroups`) */
  fromPlan?: ReadonlySet<string>;
}

/**
 * The rows of an agreement by goal: goals in the order they first appear, each goal's rows in
 * document order (an agreement that lists a goal's rows apart is still reported goal by goal).
 */
export function goalGroups(ctx: LkipContext, a: AgreementOfYear): GoalGroup[] {
  const groups = new Map<string, GoalGroup>();
  for (const row of a.res.rows) {
    const { ref, goal } = rowGoal(ctx, a.ag, row.goal);
    const g = groups.get(ref);
    if (g) g.rows.push(row);
    else groups.set(ref, { ref, label: goal ? goalLabel(goal) : (row.goal ?? 'Tanpa sasaran'), kind: goal ? GOAL_KIND[goal.kind] : 'Sasaran', rows: [row] });
  }
  return [...groups.values()];
}

/**
 * The groups an agreement is reported in (the Ikhtisar's table and BAB III's achievement table
 * and analyses): its own rows by goal (`goalGroups`) and, before the first group under it, each
 * tujuan of the agreement's plan with the plan's indicators of that tujuan that the agreement does
 * not list (Nilai SAKIP OPD, Cakupan pembinaan …). Those rows are the plan's, measured against the
 * plan's target of the year like every plan indicator (`MeasureResult.planIndicators`), and are
 * named in `fromPlan`; the agreement's summary counts, goal results and efficiency stay its own rows'.
 */
export function reportGroups(ctx: LkipContext, a: AgreementOfYear): GoalGroup[] {
  const own = goalGroups(ctx, a);
  const plan = a.plan;
  if (!plan) return own;
  const listed = new Set(a.res.rows.map((r) => ctx.mc.canonical(r.indicator)));
  const measured = new Map(ctx.m.planIndicators.map((r) => [r.indicator, r]));
  const extra: GoalGroup[] = [];
  for (const goal of plan.goals) {
    if (goal.kind !== 'tujuan') continue;
    const rows = (plan.indicators ?? [])
      .filter((ind) => ind.goal === goal.id && !listed.has(`${plan.id}/${ind.id}`))
      .map((ind) => measured.get(`${plan.id}/${ind.id}`))
      .filter((r): r is MeasuredRow => r !== undefined);
    if (rows.length) extra.push({ ref: `${plan.id}/${goal.id}`, label: goalLabel(goal), kind: GOAL_KIND.tujuan, rows, fromPlan: new Set(rows.map((r) => r.indicator)) });
  }
  if (!extra.length) return own;
  const out: GoalGroup[] = own.map((g) => ({ ...g, rows: [...g.rows] }));
  /** whether the goal `ref` is `tujuan` or lies under it (by `parent`, within its owner) */
  const under = (ref: string, tujuan: string): boolean => {
    const seen = new Set<string>();
    let cur: string | undefined = ref;
    while (cur !== undefined && !seen.has(cur)) {
      if (cur === tujuan) return true;
      seen.add(cur);
      const e = ctx.idx.goals.get(cur);
      cur = e?.goal.parent !== undefined ? `${e.ownerId}/${e.goal.parent}` : undefined;
    }
    return false;
  };
  for (const t of extra) {
    const same = out.find((g) => g.ref === t.ref);
    if (same) {
      same.rows.unshift(...t.rows);
      same.fromPlan = new Set([...(same.fromPlan ?? []), ...(t.fromPlan ?? [])]);
      continue;
    }
    const at = out.findIndex((g) => under(g.ref, t.ref));
    if (at >= 0) out.splice(at, 0, t);
    else out.push(t);
  }
  return out;
}

/** The rows of groups that come from the plan rather than the agreement (`reportGroups`). */
export function planRowsOf(groups: readonly GoalGroup[]): MeasuredRow[] {
  return groups.flatMap((g) => g.rows.filter((r) => g.fromPlan?.has(r.indicator)));
}

/** The note under a table holding plan rows: which rows are the plan's and what they are measured against. */
export function planRowsNote(ctx: LkipContext, a: AgreementOfYear, groups: readonly GoalGroup[]): Block[] {
  const rows = planRowsOf(groups);
  if (!rows.length || !a.plan) return [];
  return [
    para(
      `Indikator tujuan ${a.plan.title} yang tidak diperjanjikan dalam ${a.title} (${joinId(rows.map((r) => r.name))}) diukur terhadap target ${a.plan.title} tahun ${ctx.year} dan tidak dihitung dalam jumlah indikator perjanjian kinerja.`,
      { style: 'note' },
    ),
  ];
}

function countKinds(groups: readonly GoalGroup[]): string {
  const byKind = new Map<string, Set<string>>();
  for (const g of groups) byKind.set(g.kind, (byKind.get(g.kind) ?? new Set()).add(g.ref));
  return joinId([...byKind].map(([k, refs]) => `${refs.size} ${k.toLowerCase()}`));
}

const predicateCell = (row: MeasuredRow): Cell =>
  row.predicate !== null
    ? text(row.predicate, { align: 'center', ...(row.predicateColor ? { fill: row.predicateColor } : {}) })
    : text(`Belum dapat diukur: ${unmeasuredText(row.unmeasured)}`, { align: 'center' });

const BENCHMARK_KIND: Record<string, string> = {
  'national target': 'target nasional',
  'regional target': 'target regional',
  'provincial target': 'target provinsi',
  'national average': 'rata-rata nasional',
  'regional average': 'rata-rata regional',
  'provincial average': 'rata-rata provinsi',
};

function benchmarkText(row: MeasuredRow): string {
  const b = row.benchmark;
  if (!b) return 'Tidak tersedia';
  return `${fmtValue(b.value, row.unit)}${b.label ? ` (${b.label})` : ''}${b.kind ? `, ${BENCHMARK_KIND[b.kind] ?? b.kind}` : ''}; ${b.source}`;
}

/** The achievement table of an agreement, with the seed's multi-row header. */
export function achievementTable(ctx: LkipContext, a: AgreementOfYear, groups: readonly GoalGroup[]): Block[] {
  const rows = groups.flatMap((g) => g.rows);
  const trendYears = [...new Set(rows.flatMap((r) => r.trend.map((t) => t.year)))].sort((x, y) => x - y).slice(-3);
  const baselines = rows.map((r) => r.baseline).filter((b) => b !== null);
  const anyBaseline = baselines.length > 0;
  const baseYears = [...new Set(baselines.map((b) => b.year))];
  const oneBaseYear = baseYears.length === 1 ? baseYears[0] : undefined;
  const endYear = a.plan?.endYear;
  const header1: Cell[] = [
    h('No', { rowSpan: 2 }),
    h('Tujuan / Sasaran Strategis', { rowSpan: 2 }),
    h('Indikator', { rowSpan: 2 }),
    ...(anyBaseline ? [h(oneBaseYear !== undefined ? `Kondisi Awal (${oneBaseYear})` : 'Kondisi Awal', { rowSpan: 2 })] : []),
    h(`Capaian Tahun ${ctx.year}`, { colSpan: 4 }),
    ...(trendYears.length ? [h('Tren Realisasi', { colSpan: trendYears.length })] : []),
    h(endYear !== undefined ? `Target Akhir Renstra (${endYear})` : 'Target Akhir', { rowSpan: 2 }),
    h(`Capaian s.d. ${ctx.year} terhadap Target Akhir (%)`, { rowSpan: 2 }),
    h('Pembanding (Benchmark)', { rowSpan: 2 }),
  ];
  const header2: Cell[] = [h('Target'), h('Realisasi'), h('%'), h('Kriteria'), ...trendYears.map((y) => h(`Realisasi ${y}`))];
  const width = header1.reduce((s, c) => s + (c.colSpan ?? 1), 0);
  const header3: Cell[] = Array.from({ length: width }, (_, i) => text(`(${i + 1})`, { align: 'center' }));
  const body: Cell[][] = [];
  groups.forEach((g, gi) => {
    g.rows.forEach((row, j) => {
      const cells: Cell[] = [];
      if (j === 0) cells.push(int(gi + 1, { rowSpan: g.rows.length, align: 'center' }), text(g.label, { rowSpan: g.rows.length }));
      const why = row.unmeasured ? unmeasuredText(row.unmeasured) : undefined;
      cells.push(text(row.name));
      if (anyBaseline) {
        const b = row.baseline;
        cells.push(!b ? empty('tidak ada') : oneBaseYear !== undefined ? valueCell(b.value, row.unit) : text(`${fmtValue(b.value, row.unit)} (${b.year})`, { align: 'right' }));
      }
      cells.push(
        valueCell(row.target, row.unit, {}, 'tidak ada target'),
        valueCell(row.realization, row.unit, {}, why),
        pct(row.achievement, {}, why),
        predicateCell(row),
        ...trendYears.map((y) => {
          const t = row.trend.find((p) => p.year === y);
          return valueCell(t?.value, row.unit, {}, 'tidak ada data');
        }),
        valueCell(row.endTarget, row.unit, {}, 'tidak ada target akhir'),
        pct(row.achievementVsEnd, {}, row.endTarget === null ? 'tidak ada target akhir' : why),
        text(benchmarkText(row)),
      );
      body.push(cells);
    });
  });
  const widths = [3, 14, 14, ...(anyBaseline ? [6] : []), 6, 6, 6, 8, ...trendYears.map(() => 5), 6, 7, 10];
  const out = tableOrNothing({
    id: `capaian-${a.ag.id}`,
    caption: tableCaption(ctx, `Capaian Kinerja Tahun ${ctx.year} atas ${a.title}${a.plan ? ` (${a.plan.title})` : ''}`),
    header: [header1, header2, header3],
    body,
    widths,
  });
  const notes: string[] = [];
  for (const r of rows) {
    if (r.provisional) notes.push(`Realisasi ${r.name} bersifat sementara (data ${r.realizationPeriod ?? 'periode'}).`);
    if (r.fromRegister) notes.push(`Realisasi ${r.name} dihitung dari register ${ctx.ds.registers?.find((x) => x.id === r.fromRegister!.register)?.name ?? r.fromRegister.register} per ${formatDateId(r.fromRegister.asOf)}.`);
    if (r.achievementCapped !== undefined) notes.push(`Capaian ${r.name} (${fmtPct(r.achievement ?? 0)}) dibatasi ${fmtPct(r.achievementCapped)} untuk penentuan kriteria.`);
    if (r.state && r.state !== 'approved') notes.push(`Realisasi ${r.name} berstatus ${STATE_TEXT[r.state]}.`);
  }
  if (notes.length) out.push(para(`Catatan: ${notes.join(' ')}`, { style: 'note' }));
  return out;
}

const STATE_TEXT = { draft: 'draf', submitted: 'diajukan, belum diverifikasi', verified: 'terverifikasi, belum disetujui', approved: 'disetujui' } as const;

function agreementAnalysis(ctx: LkipContext, a: AgreementOfYear, L: string): Block[] {
  const groups = goalGroups(ctx, a);
  // the agreement's rows with its plan's goal-level indicators (reported and analysed, never counted)
  const shown = reportGroups(ctx, a);
  const planRows = planRowsOf(shown);
  const s = a.res.summary;
  const out: Block[] = [
    heading(2, `${L}. CAPAIAN DAN ANALISIS KINERJA – ${a.title.toUpperCase()}${a.plan ? ` DENGAN DASAR ${a.plan.title.toUpperCase()}` : ''}`, `bab-3-${a.ag.id}`),
    para(
      `Capaian kinerja tahun ${ctx.year} atas ${a.title}${a.plan ? `, yang disusun berdasarkan ${a.plan.title}` : ''}, terdiri atas ${countKinds(shown)} dengan ${s.rows} indikator yang diperjanjikan${planRows.length ? ` dan ${planRows.length} indikator tujuan rencana strategis` : ''}, sebagaimana tabel berikut.`,
      { align: 'justify' },
    ),
    ...achievementTable(ctx, a, shown),
    ...planRowsNote(ctx, a, shown),
    para(summarySentence(s)),
  ];
  const unmeasured = a.res.rows.filter((r) => r.achievement === null);
  if (unmeasured.length) out.push(para(`Indikator yang belum dapat diukur: ${joinId(unmeasured.map((r) => `${r.name} (${unmeasuredText(r.unmeasured)})`))}.`));
  out.push(...goalTable(ctx, a, groups));
  let k = 1;
  for (const g of shown) {
    out.push(heading(3, `${L}.${k++} Analisis Capaian ${g.label}`, undefined, false));
    g.rows.forEach((row, i) => out.push(...indicatorAnalysis(ctx, a, row, g.rows.length > 1 ? `Indikator ${i + 1}: ${row.name}` : `Indikator: ${row.name}`)));
    const goalAnalyses = analysesOf(ctx, g.ref);
    if (goalAnalyses.length) out.push(para(bold(`Faktor penentu capaian ${g.kind.toLowerCase()} ini secara keseluruhan:`)), ...analysisBlocks(goalAnalyses));
  }
  out.push(heading(3, `${L}.${k} Analisis Efisiensi Anggaran`, undefined, false), ...efficiency(ctx, a, groups));
  return out;
}

function goalTable(ctx: LkipContext, a: AgreementOfYear, groups: readonly GoalGroup[]): Block[] {
  const results = new Map(a.res.goals.map((g) => [g.goal, g]));
  const rules = ctx.mc.rulesFor(null);
  const body: Cell[][] = [];
  groups.forEach((g, i) => {
    const local = g.rows[0]?.goal ?? null;
    const r = local !== null ? results.get(local) : undefined;
    if (!r) return;
    const why = r.measured === 0 ? 'tidak ada indikator terukur' : undefined;
    body.push([
      int(i + 1, { align: 'center' }),
      text(g.label),
      int(r.rows, { align: 'center' }),
      int(r.measured, { align: 'center' }),
      pct(r.achievement, {}, why),
      r.predicate !== null ? text(r.predicate, { align: 'center', ...(r.predicateColor ? { fill: r.predicateColor } : {}) }) : empty(why),
      // the rows counted per predicate beside the mean: one high achievement cannot hide a failing row
      text(headline(g.rows, rules.ratingScale, rules.achievementCap).text.id.replace(/^\d+ indikator: /, '')),
      r.efficiency !== null ? text(r.efficiency, { align: 'center' }) : empty(efficiencyReasonText(r.efficiencyReason)),
    ]);
  });
  const capRule =
    rules.achievementCap !== null
      ? `setiap capaian dibatasi paling tinggi ${fmtPct(rules.achievementCap)} sebelum dirata-ratakan`
      : 'capaian tidak dibatasi sebelum dirata-ratakan, sehingga satu capaian yang sangat tinggi dapat menaikkan rata-rata di atas indikator yang gagal; sebaran kriteria indikatornya disajikan di sampingnya';
  const table = tableOrNothing({
    caption: tableCaption(ctx, `Capaian per Tujuan/Sasaran atas ${a.title}`),
    header: [[h('No'), h('Tujuan / Sasaran'), h('Jumlah Indikator'), h('Terukur'), h('Rata-rata Capaian (%)'), h('Kriteria'), h('Sebaran Kriteria Indikator'), h('Efisiensi')]],
    body,
    widths: [5, 34, 8, 8, 11, 10, 16, 8],
  });
  return table.length ? [...table, para(`Rata-rata capaian per tujuan/sasaran: ${capRule}.`, { style: 'note' })] : table;
}

// ---------------------------------------------------------------- the seven analyses of an indicator

function polarityNote(row: MeasuredRow): string {
  return row.polarity === 'negative' ? ' (indikator berprogres negatif: semakin rendah realisasi semakin baik)' : '';
}

function targetSentence(ctx: LkipContext, row: MeasuredRow): string {
  const t = row.target === null ? undefined : fmtValue(row.target, row.unit);
  const r = row.realization === null ? undefined : fmtValue(row.realization, row.unit);
  const prov = row.provisional ? ` (sementara, data ${row.realizationPeriod ?? 'periode'})` : '';
  if (row.achievement !== null && t !== undefined && r !== undefined) {
    return `Target ${row.name} tahun ${ctx.year} sebesar ${t} terealisasi ${r}${prov}, sehingga capaian kinerja sebesar ${fmtPct(row.achievement)} dengan kriteria ${row.predicate ?? '-'}${polarityNote(row)}. Dengan demikian target ${row.achieved ? 'tercapai' : 'tidak tercapai'}.`;
  }
  const head = t !== undefined ? `Target ${row.name} tahun ${ctx.year} sebesar ${t}` : `Tidak ada target ${row.name} untuk tahun ${ctx.year}`;
  return `${head}${r !== undefined ? `, realisasi ${r}${prov}` : ''}; capaian belum dapat diukur karena ${unmeasuredText(row.unmeasured)}.`;
}

function trendSentence(ctx: LkipContext, row: MeasuredRow): string {
  const pts = row.trend;
  const list = pts.map((p) => `${p.year}: ${fmtValue(p.value, row.unit)}${p.provisional ? ' (sementara)' : ''}`).join('; ');
  const real = row.realization;
  const direction = (d: number): string => {
    if (d === 0) return 'tetap';
    const better = row.polarity === 'negative' ? d < 0 : d > 0;
    return `${d > 0 ? 'naik' : 'turun'} ${fmtDelta(d, row.unit)} (${better ? 'membaik' : 'memburuk'})`;
  };
  const numericPts = pts.filter((p): p is typeof p & { value: number } => typeof p.value === 'number');
  if (typeof real === 'number' && numericPts.length) {
    const last = numericPts[numericPts.length - 1]!;
    let s = `Realisasi tahun-tahun sebelumnya: ${list}. Dibandingkan tahun ${last.year}, realisasi tahun ${ctx.year} (${fmtValue(real, row.unit)}) ${direction(real - last.value)}.`;
    const first = numericPts[0]!;
    if (numericPts.length >= 2) s += ` Sejak tahun ${first.year}, realisasi ${direction(real - first.value)}.`;
    return s;
  }
  if (typeof real === 'number' && row.baseline) {
    return `Belum ada data realisasi tahun-tahun sebelumnya selain kondisi awal. Dibandingkan kondisi awal tahun ${row.baseline.year} (${fmtValue(row.baseline.value, row.unit)}), realisasi tahun ${ctx.year} ${direction(real - row.baseline.value)}.`;
  }
  if (pts.length) return `Realisasi tahun-tahun sebelumnya: ${list}.${real === null ? ` Realisasi tahun ${ctx.year} belum tersedia sehingga belum dapat dibandingkan.` : ''}`;
  return 'Belum ada data realisasi tahun-tahun sebelumnya untuk dibandingkan.';
}

function endSentence(ctx: LkipContext, a: AgreementOfYear, row: MeasuredRow): string {
  if (row.endTarget === null) return 'Target akhir periode rencana strategis tidak tersedia untuk indikator ini.';
  const end = `Target akhir periode rencana strategis${a.plan ? ` (${a.plan.endYear})` : ''} sebesar ${fmtValue(row.endTarget, row.unit)}`;
  if (row.achievementVsEnd === null) return `${end}; capaian terhadap target akhir belum dapat dihitung karena ${unmeasuredText(row.unmeasured ?? 'zero target')}.`;
  return `${end}; realisasi tahun ${ctx.year} mencapai ${fmtPct(row.achievementVsEnd)} dari target akhir tersebut.`;
}

function benchmarkSentence(row: MeasuredRow): string {
  const b = row.benchmark;
  if (!b) return 'Tidak tersedia data pembanding (benchmark) untuk indikator ini.';
  const kind = b.kind ? `${BENCHMARK_KIND[b.kind] ?? b.kind} ` : '';
  let s = `Pembanding ${kind}sebesar ${fmtValue(b.value, row.unit)}${b.label ? ` (${b.label})` : ''}, sumber: ${b.source}.`;
  if (typeof row.realization === 'number') {
    const d = row.realization - b.value;
    const better = row.polarity === 'negative' ? d < 0 : d > 0;
    s += ` Realisasi ${fmtValue(row.realization, row.unit)} ${d === 0 ? 'sama dengan pembanding' : `${d > 0 ? 'di atas' : 'di bawah'} pembanding (${better ? 'lebih baik dari' : 'belum mencapai'} pembanding)`}.`;
  }
  return s;
}

function analysisBlocks(analyses: readonly Analysis[]): Block[] {
  const out: Block[] = [];
  for (const an of analyses) {
    if (an.drivers?.length) out.push(para('Faktor pendorong:'), list(an.drivers));
    if (an.obstacles?.length) out.push(para('Faktor penghambat:'), list(an.obstacles));
    if (an.challenges?.length) out.push(para('Tantangan dan upaya perbaikan ke depan:'), list(an.challenges));
  }
  return out;
}

function subtreeIds(ctx: LkipContext, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n);
    for (const c of ctx.mc.budget.children.get(n) ?? []) visit(c.id);
  };
  visit(id);
  return out;
}

function causesBlocks(ctx: LkipContext, a: AgreementOfYear, row: MeasuredRow, agRow: Agreement['rows'][number] | undefined): Block[] {
  const own = analysesOf(ctx, row.indicator);
  const label = bold('e. Penyebab keberhasilan/kegagalan dan alternatif solusi. ');
  if (hasCauses(own)) return [para([label, 'Faktor-faktor yang memengaruhi capaian indikator ini:']), ...analysisBlocks(own)];
  // a goal-level indicator of the plan (not agreed in the PK) is accounted for by the sasaran under its tujuan
  if (!agRow) return [para([label, 'Indikator tujuan ini tidak diperjanjikan; faktor pendorong dan penghambatnya diuraikan pada analisis sasaran di bawah tujuan yang sama.'])];
  const where = causesOfRow(ctx.mc, ctx.analyses, a.ag, agRow);
  if (where === 'elsewhere') return [para([label, 'Faktor pendorong, penghambat dan tantangan diuraikan pada analisis program pendukung dan sasaran di bawah.'])];
  // never in a final report: a row without its causes makes the LKIP a draft (lkip.ts, draftOf)
  return [para([label, bold(MISSING_CAUSES)])];
}

/** What the draft says where an indicator's causes are not yet written (measure/causes.ts). */
export const MISSING_CAUSES =
  '[BELUM DIISI: faktor pendorong dan penghambat capaian indikator ini serta alternatif solusinya, untuk ditulis oleh perangkat daerah.]';

function memberRow(ctx: LkipContext, ref: string): MeasuredRow | undefined {
  const c = ctx.mc.canonical(ref);
  const latest = ctx.mc.latestAgreement.get(ctx.year);
  const inLatest = latest ? ctx.m.agreements.find((x) => x.id === latest.id)?.rows.find((r) => r.indicator === c) : undefined;
  return inLatest ?? ctx.m.planIndicators.find((r) => r.indicator === c) ?? ctx.m.programIndicators.find((r) => r.indicator === c);
}

function achievementFormula(ctx: LkipContext, row: MeasuredRow, ind: Indicator | undefined): string | undefined {
  if (row.achievement === null || ind === undefined || row.target === null || row.realization === null) return undefined;
  const A = fmtPct(row.achievement);
  if (ind.measure.type === 'category') {
    const score = (label: number | string): string => {
      if (typeof label === 'number') return fmtNum(label);
      const c = ind.measure.type === 'category' ? ind.measure.categories.find((x) => x.label.trim().toLowerCase() === label.trim().toLowerCase()) : undefined;
      return c ? fmtNum(c.score) : label;
    };
    return `Capaian = skor realisasi ÷ skor target × 100 = ${score(row.realization)} ÷ ${score(row.target)} × 100 = ${A}.`;
  }
  if (typeof row.target !== 'number' || typeof row.realization !== 'number') return undefined;
  const T = fmtNum(row.target);
  const R = fmtNum(row.realization);
  if (row.polarity === 'negative') {
    return ctx.mc.rulesFor(ind).negativeMethod === 'reverse'
      ? `Capaian = (target − (realisasi − target)) ÷ target × 100 = (${T} − (${R} − ${T})) ÷ ${T} × 100 = ${A}.`
      : `Capaian = target ÷ realisasi × 100 = ${T} ÷ ${R} × 100 = ${A}.`;
  }
  return `Capaian = realisasi ÷ target × 100 = ${R} ÷ ${T} × 100 = ${A}.`;
}

function computationBlocks(ctx: LkipContext, row: MeasuredRow): Block[] {
  const ind = entryOf(ctx, row.indicator)?.indicator;
  const label = bold('f. Perhitungan realisasi. ');
  const out: Block[] = [];
  const m = ind?.measure;
  const real = row.realization;
  let first: string;
  if (real === null) first = `Realisasi belum tersedia (${unmeasuredText(row.unmeasured)}).`;
  else if (m?.type === 'ratio' && row.realizationParts) {
    const f = m.factor ?? 100;
    const p = row.realizationParts;
    first = `Realisasi = ${m.numerator} ÷ ${m.denominator}${f !== 1 ? ` × ${fmtNum(f)}` : ''} = ${fmtNum(p.numerator)} ÷ ${fmtNum(p.denominator)}${f !== 1 ? ` × ${fmtNum(f)}` : ''} = ${fmtValue(real, row.unit)}.`;
  } else if (m?.type === 'derived' && row.realizationParts) {
    const p = row.realizationParts;
    first = `Realisasi = jumlah indikator yang tercapai ÷ jumlah indikator yang diukur × 100 = ${fmtNum(p.numerator)} ÷ ${fmtNum(p.denominator)} × 100 = ${fmtValue(real, row.unit)}.`;
  } else if (m?.type === 'countOf') {
    const awards = awardsOfYear(ctx.ds, ctx.year).entries.map((a) => a.title);
    first = `Realisasi merupakan jumlah penghargaan yang diraih pada tahun ${ctx.year} menurut daftar penghargaan laporan ini: ${fmtValue(real, row.unit)}${awards.length ? ` (${joinId(awards)})` : ''}.`;
  } else if (m?.type === 'category') {
    const cats = row.realizationCategories;
    first = `Kategori yang dicapai: ${typeof real === 'string' ? real : fmtNum(real)}${cats && cats.length > 1 ? ` (kategori terbaik dari ${joinId(cats)})` : ''}; ${formulaOf(ind!)}.`;
  } else if (m?.type === 'ratio') {
    first = `Realisasi ${fmtValue(real, row.unit)} sebagaimana dilaporkan (formulasi: ${formulaOf(ind!)}; pembilang dan penyebut tidak dicatat).`;
  } else {
    first = `Realisasi merupakan ${m?.type === 'count' ? 'jumlah' : 'nilai'} yang dicapai pada tahun ${ctx.year}: ${fmtValue(real, row.unit)}${ind?.dataSource ? ` (sumber data: ${ind.dataSource})` : ''}.`;
  }
  const formula = achievementFormula(ctx, row, ind);
  const fromRegister = registerSourceSentence(ctx, row);
  out.push(para([label, first, ...(fromRegister ? [` ${fromRegister}`] : []), ...(formula ? [` ${formula}`] : [])], { align: 'justify' }));
  if (m?.type === 'derived') {
    const items = [...new Set(m.of.map((r) => ctx.mc.canonical(r)))].map((ref) => {
      const r = memberRow(ctx, ref);
      const e = ctx.idx.indicators.get(ref);
      const owner = e?.owner.kind === 'node' ? `${e.owner.node.name} – ` : '';
      const name = `${owner}${e?.indicator.name ?? ref}`;
      if (!r) return `${name}: tidak diukur pada tahun ${ctx.year}`;
      if (r.achievement === null) {
        return `${name}: belum dapat diukur (${unmeasuredText(r.unmeasured)})${r.unmeasured === 'not applicable' ? ', tidak dihitung' : ', dihitung sebagai tidak tercapai'}`;
      }
      return `${name}: capaian ${fmtPct(r.achievement)}, ${r.achieved ? 'tercapai' : 'tidak tercapai'}`;
    });
    if (items.length) out.push(para('Indikator yang dihitung:'), list(items));
  }
  return out;
}

function supportBlocks(ctx: LkipContext, a: AgreementOfYear, row: MeasuredRow): Block[] {
  const label = bold('g. Program, kegiatan dan sub kegiatan pendukung. ');
  const nodes = (row.supportingNodes ?? []).map((id) => ctx.idx.nodes.get(id)).filter((n): n is ProgramNode => n !== undefined);
  if (!nodes.length) return [para([label, `Tidak ada program yang dicatat mendukung indikator ini (${efficiencyReasonText(row.efficiencyReason)}).`])];
  const money =
    row.budget !== null
      ? ` dengan anggaran pendukung ${fmtRp(row.budget)}${row.spent !== null ? ` dan realisasi ${fmtRp(row.spent)}${row.absorption !== null ? ` (serapan ${fmtPct(row.absorption)})` : ''}` : ''}`
      : '';
  const out: Block[] = [para([label, `Capaian indikator ini didukung oleh ${joinId(nodes.map((n) => n.name))}${money}.`], { align: 'justify' })];
  for (const n of nodes) out.push(...nodeDetail(ctx, n, `${row.name} (${a.title})`));
  return out;
}

/** A node's output indicators, analyses and activity lists; shown once, later referred to. */
function nodeDetail(ctx: LkipContext, node: ProgramNode, firstFor: string): Block[] {
  const seenAt = ctx.nodeDetailed.get(node.id);
  if (seenAt) return [para(`${node.name}: indikator keluaran dan kegiatannya disajikan pada ${seenAt}.`, { style: 'note' })];
  const ids = new Set(subtreeIds(ctx, node.id));
  const tree = programTree(ctx).filter((t) => ids.has(t.node.id));
  const byNode = new Map<string, ProgramIndicatorRow[]>();
  for (const r of ctx.m.programIndicators) if (ids.has(r.node)) byNode.set(r.node, [...(byNode.get(r.node) ?? []), r]);
  const body: Cell[][] = [];
  for (const t of tree) {
    const rs = byNode.get(t.node.id) ?? [];
    rs.forEach((r, j) => {
      const cells: Cell[] = [];
      if (j === 0) cells.push(text(t.node.name, { rowSpan: rs.length, bold: t.depth === 0 }));
      cells.push(
        text(r.name),
        r.unit ? text(r.unit, { align: 'center' }) : empty('tidak dinyatakan'),
        num(typeof r.target === 'number' ? r.target : null, F_VALUE, {}, 'tidak ada target'),
        r.realization === null ? empty(unmeasuredText(r.unmeasured)) : valueCell(r.realization, null),
        r.achievement !== null ? pct(r.achievement) : text(unmeasuredText(r.unmeasured), { align: 'center' }),
      );
      body.push(cells);
    });
  }
  const out: Block[] = [];
  let ref: string | undefined;
  if (body.length) {
    const caption = tableCaption(ctx, `Kontribusi ${node.name} terhadap Capaian Sasaran`);
    ref = caption.split(' ').slice(0, 2).join(' ');
    out.push(
      ...tableOrNothing({
        caption,
        header: [[h('Program / Kegiatan / Sub Kegiatan'), h('Indikator'), h('Satuan'), h('Target'), h('Realisasi'), h('% Capaian')]],
        body,
        widths: [30, 34, 10, 8, 8, 10],
      }),
    );
  } else {
    out.push(para(`${node.name} tidak memiliki indikator keluaran dengan target tahun ${ctx.year}.`, { style: 'note' }));
  }
  const analyses = [...ids].flatMap((id) => analysesOf(ctx, id));
  if (hasCauses(analyses)) out.push(para(bold(`Analisis ${node.name}:`)), ...analysisBlocks(analyses));
  for (const l of ctx.ds.activities ?? []) {
    if (l.node === undefined || !ids.has(l.node) || ctx.activitiesShown.has(l.id)) continue;
    out.push(...activityTable(ctx, l));
  }
  ctx.nodeDetailed.set(node.id, ref ?? `uraian indikator ${firstFor}`);
  return out;
}

function activityTable(ctx: LkipContext, l: ActivityList): Block[] {
  return [...activityRows(ctx, l), ...photosOf(ctx.ds, ctx.year, ctx.files, { activity: l.id })];
}

function activityRows(ctx: LkipContext, l: ActivityList): Block[] {
  ctx.activitiesShown.add(l.id);
  // counted from a register in this year: the register's groups, never the typed rows (lkip-registers.ts)
  if (isRegisterTable(ctx, l)) return registerTableBlocks(ctx, l);
  if (!l.rows.length) return [];
  const anyTarget = l.rows.some((r) => r.target !== undefined);
  const anyUnit = l.rows.some((r) => r.unit !== undefined);
  const targets = l.rows.map((r) => r.target).filter((x): x is number => x !== undefined);
  const reals = l.rows.map((r) => r.realization).filter((x): x is number => typeof x === 'number');
  const body = l.rows.map((r, i) => [
    int(i + 1, { align: 'center' }),
    text(r.name),
    ...(anyUnit ? [r.unit ? text(r.unit, { align: 'center' }) : empty('tidak dinyatakan')] : []),
    ...(anyTarget ? [num(r.target, F_VALUE, {}, 'tidak ada target')] : []),
    typeof r.realization === 'number' ? num(r.realization, F_VALUE) : text(r.realization, { align: 'right' }),
  ]);
  const footer: Cell[][] =
    l.rows.length > 1 && reals.length > 0
      ? [
          [
            text('Jumlah', { colSpan: anyUnit ? 3 : 2, bold: true }),
            ...(anyTarget ? [num(targets.length ? targets.reduce((s, x) => s + x, 0) : null, F_VALUE, { bold: true }, 'tidak ada target')] : []),
            num(reals.reduce((s, x) => s + x, 0), F_VALUE, { bold: true }),
          ],
        ]
      : [];
  const nonNumeric = l.rows.length - reals.length;
  return [
    ...tableOrNothing({
      caption: tableCaption(ctx, l.title, l.id),
      header: [[h('No'), h('Uraian Kegiatan'), ...(anyUnit ? [h('Satuan')] : []), ...(anyTarget ? [h('Target')] : []), h('Realisasi')]],
      body,
      widths: [6, 54, ...(anyUnit ? [14] : []), ...(anyTarget ? [12] : []), 14],
      ...(footer.length ? { footer } : {}),
    }),
    ...(footer.length && nonNumeric > 0 ? [para(`Jumlah realisasi tidak mencakup ${nonNumeric} baris yang realisasinya berupa uraian.`, { style: 'note' })] : []),
  ];
}

function indicatorAnalysis(ctx: LkipContext, a: AgreementOfYear, row: MeasuredRow, title: string): Block[] {
  return [
    para(bold(title)),
    para([bold('a. Target dan realisasi. '), targetSentence(ctx, row)], { align: 'justify' }),
    para([bold('b. Dibandingkan realisasi tahun-tahun sebelumnya. '), trendSentence(ctx, row)], { align: 'justify' }),
    para([bold('c. Dibandingkan target akhir periode. '), endSentence(ctx, a, row)], { align: 'justify' }),
    para([bold('d. Dibandingkan pembanding (benchmark). '), benchmarkSentence(row)], { align: 'justify' }),
    ...causesBlocks(ctx, a, row, a.ag.rows[a.res.rows.indexOf(row)]),
    ...computationBlocks(ctx, row),
    ...supportBlocks(ctx, a, row),
    ...photosOf(ctx.ds, ctx.year, ctx.files, { indicator: row.indicator }),
  ];
}

// ---------------------------------------------------------------- efficiency

function efficiency(ctx: LkipContext, a: AgreementOfYear, groups: readonly GoalGroup[]): Block[] {
  const rows = groups.flatMap((g) => g.rows);
  const width = 9;
  const body: Cell[][] = [];
  let n = 0;
  for (const g of groups) {
    body.push([text(g.label, { colSpan: width, bold: true })]);
    for (const r of g.rows) {
      const why = r.unmeasured ? unmeasuredText(r.unmeasured) : undefined;
      const noBudget = efficiencyReasonText(r.efficiencyReason);
      body.push([
        int(++n, { align: 'center' }),
        text(r.name),
        valueCell(r.target, r.unit, {}, 'tidak ada target'),
        valueCell(r.realization, r.unit, {}, why),
        pct(r.achievement, {}, why),
        money(r.budget, {}, noBudget),
        money(r.spent, {}, noBudget),
        pct(r.absorption, {}, noBudget),
        r.efficiency !== null ? text(r.efficiency, { align: 'center' }) : text(`Tidak dinilai: ${efficiencyNotAssessedText(r)}`, { align: 'center' }),
      ]);
    }
  }
  const union = supportingBudget(ctx.mc, rows.map((r) => r.indicator), ctx.year);
  const out: Block[] = [
    para('Efisiensi anggaran dianalisis dengan membandingkan capaian kinerja setiap indikator dengan serapan anggaran program yang mendukungnya.', { align: 'justify' }),
    ...tableOrNothing({
      id: `efisiensi-${a.ag.id}`,
      caption: tableCaption(ctx, `Perhitungan Efisiensi ${a.title}`),
      header: [
        [h('No', { rowSpan: 2 }), h('Sasaran dan Indikator', { rowSpan: 2 }), h('Kinerja', { colSpan: 3 }), h('Anggaran Program Pendukung', { colSpan: 3 }), h('Kategori Efisiensi', { rowSpan: 2 })],
        [h('Target'), h('Realisasi'), h('%'), h('Pagu'), h('Realisasi'), h('% Serapan')],
      ],
      body,
      widths: [4, 26, 7, 7, 7, 13, 13, 8, 10],
      footer: [
        [
          text('Jumlah anggaran pendukung (setiap program dihitung sekali)', { colSpan: 5, bold: true }),
          money(union.budget, { bold: true }, efficiencyReasonText(union.reason)),
          money(union.spent, { bold: true }, efficiencyReasonText(union.reason)),
          pct(union.absorption, { bold: true }, efficiencyReasonText(union.reason)),
          empty(),
        ],
      ],
    }),
  ];
  const lines = rows.map((r) =>
    r.efficiency !== null && r.achievement !== null && r.absorption !== null
      ? `${r.name}: capaian ${fmtPct(r.achievement)} dibandingkan serapan anggaran pendukung ${fmtPct(r.absorption)}, sehingga ${r.efficiency}.`
      : `${r.name}: efisiensi tidak dinilai karena ${efficiencyNotAssessedText(r)}.`,
  );
  out.push(para('Berdasarkan tabel di atas:'), list(lines, false));
  const chart: Chart = {
    type: 'chart',
    id: `grafik-capaian-${a.ag.id}`,
    caption: figureCaption(ctx, `Capaian Indikator ${a.title}`),
    kind: 'bar',
    categories: rows.map((r) => r.name),
    series: [{ name: 'Capaian (%)', values: rows.map((r) => r.achievement) }],
    unit: '%',
    reference: { value: 100, label: 'Target' },
  };
  out.push(chart);
  const unmeasured = rows.filter((r) => r.achievement === null);
  if (unmeasured.length) out.push(para(`Indikator tanpa batang pada grafik belum dapat diukur: ${joinId(unmeasured.map((r) => r.name))}.`, { style: 'note' }));
  return out;
}

// ---------------------------------------------------------------- awards and other activities

function otherActivities(ctx: LkipContext, L: string): Block[] {
  const awards = (ctx.narrative?.awards ?? []).filter((aw) => !aw.date || aw.date.startsWith(String(ctx.year)));
  const lists = (ctx.ds.activities ?? []).filter((l) => !ctx.activitiesShown.has(l.id) && (l.rows.length > 0 || isRegisterTable(ctx, l)));
  if (!awards.length && !lists.length) return [];
  const out: Block[] = [heading(2, `${L}. INOVASI, PRESTASI DAN KEGIATAN LAINNYA`, 'bab-3-lainnya')];
  if (awards.length) {
    out.push(
      para(bold('Inovasi dan prestasi')),
      list(awards.map((aw) => [bold(aw.title), `${aw.date ? ` (${formatDateId(aw.date)})` : ''}${aw.place ? `, ${aw.place}` : ''}${aw.text ? `. ${aw.text}` : ''}`])),
    );
  }
  if (lists.length) {
    out.push(para(bold('Kegiatan lainnya')));
    for (const l of lists) out.push(...activityTable(ctx, l));
  }
  return out;
}

// ---------------------------------------------------------------- financial accountability

function finance(ctx: LkipContext): Block[] {
  const b = ctx.mc.budget;
  const y = ctx.year;
  const out: Block[] = [];
  const tot = ctx.m.budget;
  if (tot.final === null) return [para(`Tidak ada data anggaran tahun ${y}.`, { style: 'note' })];
  const unspent = tot.spent !== null ? tot.final - tot.spent : null;
  out.push(
    para(
      `Pelaksanaan tugas dan fungsi ${ctx.ds.agency.name} pada tahun anggaran ${y} didukung pagu anggaran sebesar ${fmtRp(tot.final)}. ${budgetSentence(ctx)}${unspent !== null ? ` Sisa anggaran sebesar ${fmtRp(unspent)}.` : ''}`,
      { align: 'justify' },
    ),
    ...spendingClassBlocks(ctx),
  );
  const tree = programTree(ctx, (n) => finalBudget(b, n.id, y) !== null);
  const anyCode = tree.some((t) => t.code !== undefined);
  const body = tree.map(({ node, depth, number, code }) => {
    const f = finalBudget(b, node.id, y);
    const s = spentOf(b, node.id, y);
    const strong = depth === 0;
    return [
      text(number, { bold: strong }),
      ...(anyCode ? [code ? text(code, { bold: strong }) : empty('tanpa kode')] : []),
      text(node.name, { bold: strong }),
      money(f, { bold: strong }),
      money(s, { bold: strong }, 'belum dicatat'),
      money(f !== null && s !== null ? f - s : null, { bold: strong }, 'belum dicatat'),
      pct(absorptionOf(f, s), { bold: strong }, f === 0 ? 'pagu nol' : 'belum dicatat'),
    ];
  });
  out.push(
    ...tableOrNothing({
      caption: tableCaption(ctx, `Realisasi Anggaran Tahun ${y}`),
      header: [[h('No'), ...(anyCode ? [h('Kode')] : []), h('Program / Kegiatan / Sub Kegiatan'), h('Pagu'), h('Realisasi'), h('Sisa'), h('% Serapan')]],
      body,
      footer: [
        [
          text('Jumlah', { colSpan: anyCode ? 3 : 2, bold: true }),
          money(tot.final, { bold: true }),
          money(tot.spent, { bold: true }, 'belum dicatat'),
          money(unspent, { bold: true }, 'belum dicatat'),
          pct(tot.absorption, { bold: true }, 'belum dicatat'),
        ],
      ],
      widths: [6, ...(anyCode ? [13] : []), 35, 14, 14, 12, 8],
    }),
  );
  const lines = (ctx.ds.expenditures ?? []).filter((l) => l.year === y);
  if (lines.length) {
    out.push(
      para('Rincian pagu dan realisasi belanja yang dicatat:'),
      ...tableOrNothing({
        caption: tableCaption(ctx, `Rincian Belanja Tahun ${y}`),
        header: [[h('No'), h('Uraian Belanja'), h('Pagu'), h('Realisasi'), h('Sisa'), h('% Sisa')]],
        body: lines.map((l, i) => {
          const r = l.realized ?? null;
          return [
            int(i + 1, { align: 'center' }),
            text(l.parent ? `  – ${l.name}` : l.name),
            money(l.ceiling),
            money(r, {}, 'belum dicatat'),
            money(r !== null ? l.ceiling - r : null, {}, 'belum dicatat'),
            pct(r !== null && l.ceiling !== 0 ? ((l.ceiling - r) * 100) / l.ceiling : null, {}, l.ceiling === 0 ? 'pagu nol' : 'belum dicatat'),
          ];
        }),
        widths: [6, 46, 14, 14, 12, 8],
      }),
    );
  }
  return out;
}
