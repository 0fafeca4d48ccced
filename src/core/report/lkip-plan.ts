/**
 * BAB II PERENCANAAN DAN PERJANJIAN KINERJA: the strategic plans in force (goal and indicator
 * matrices with yearly and end targets, cascading to the region's plan), the key indicators
 * (IKU), each agreement of the year with its budget, and the program structure with the
 * budget stages (parents' figures computed from their children where they have none).
 */
import type { Agreement, BudgetStage, Goal, Indicator, Plan, ProgramNode } from '../dataset/schema.js';
import type { Block, Cell } from '../document/model.js';
import { formatDateId } from '../format.js';
import { endTargetOf, stageBudget, STAGE_ORDER, targetValue } from '../measure/index.js';
import { agreementBudgetTable, agreementTargetsTable } from './agreement.js';
import {
  empty,
  fmtValue,
  goalLabel,
  heading,
  int,
  joinId,
  list,
  money,
  para,
  positionOf,
  runSpans,
  STAGE_LABEL,
  tableOrNothing,
  text,
  valueCell,
} from './common.js';
import { startChapter, tableCaption, type LkipContext } from './lkip-context.js';
import { stageChangeBlocks } from './lkip-budget.js';
import { planBasisBlocks } from './lkip-basis.js';

const h = (s: string, o: { colSpan?: number; rowSpan?: number } = {}): Cell => text(s, { bold: true, align: 'center', ...o });

/** Plans whose period includes the year, of one level. */
export function plansInForce(ctx: LkipContext, level: Plan['level']): Plan[] {
  return ctx.ds.plans.filter((p) => p.level === level && p.startYear <= ctx.year && ctx.year <= p.endYear);
}

/** A plan's goals in tree order (each parent before its children, document order among siblings). */
export function goalsInTreeOrder(plan: Plan): Goal[] {
  const ids = new Set(plan.goals.map((g) => g.id));
  const children = new Map<string, Goal[]>();
  const roots: Goal[] = [];
  for (const g of plan.goals) {
    if (g.parent && ids.has(g.parent) && g.parent !== g.id) children.set(g.parent, [...(children.get(g.parent) ?? []), g]);
    else roots.push(g);
  }
  const out: Goal[] = [];
  const seen = new Set<string>();
  const visit = (g: Goal) => {
    if (seen.has(g.id)) return;
    seen.add(g.id);
    out.push(g);
    for (const c of children.get(g.id) ?? []) visit(c);
  };
  roots.forEach(visit);
  plan.goals.forEach(visit); // goals caught in a parent cycle
  return out;
}

export function chapterPlanning(ctx: LkipContext): Block[] {
  startChapter(ctx, 2);
  const out: Block[] = [heading(1, 'BAB II PERENCANAAN DAN PERJANJIAN KINERJA', 'bab-2')];
  out.push(heading(2, 'A. RENCANA STRATEGIS', 'bab-2-a'), ...planBasisBlocks(ctx));
  const renstra = plansInForce(ctx, 'renstra');
  if (!renstra.length) out.push(para(`Tidak ada rencana strategis yang berlaku pada tahun ${ctx.year}.`, { style: 'note' }));
  // the plans in force, each with the date it was set, are listed with their legal basis above (planBasisBlocks)
  for (const plan of renstra) out.push(...cascading(ctx, plan));
  for (const plan of renstra) out.push(...goalMatrix(ctx, plan));

  out.push(heading(2, 'B. INDIKATOR KINERJA UTAMA', 'bab-2-b'));
  out.push(
    para(
      'Indikator Kinerja Utama (IKU) merupakan ukuran keberhasilan yang menggambarkan kinerja utama perangkat daerah sesuai dengan tugas, fungsi dan mandat yang diemban.',
      { align: 'justify' },
    ),
  );
  const iku = renstra.flatMap((p) => keyIndicators(ctx, p));
  out.push(...(iku.length ? iku : [para('Tidak ada indikator kinerja utama yang ditetapkan.', { style: 'note' })]));

  out.push(heading(2, 'C. PERJANJIAN KINERJA', 'bab-2-c'));
  if (!ctx.agreements.length) out.push(para(`Tidak ada perjanjian kinerja tahun ${ctx.year}.`, { style: 'note' }));
  for (const a of ctx.agreements) out.push(...agreementSection(ctx, a.ag, a.title));

  out.push(heading(2, `D. PROGRAM, KEGIATAN DAN SUB KEGIATAN TAHUN ${ctx.year}`, 'bab-2-d'));
  out.push(...stageChangeBlocks(ctx), ...programStructure(ctx));
  return out;
}

// ---------------------------------------------------------------- cascading

/** The chain of a goal up to its root: [misi, tujuan, sasaran] as far as they exist. */
function goalChain(plan: Plan, goal: Goal): Goal[] {
  const byId = new Map(plan.goals.map((g) => [g.id, g]));
  const chain: Goal[] = [goal];
  const seen = new Set([goal.id]);
  let p = goal.parent ? byId.get(goal.parent) : undefined;
  while (p && !seen.has(p.id)) {
    chain.unshift(p);
    seen.add(p.id);
    p = p.parent ? byId.get(p.parent) : undefined;
  }
  return chain;
}

function cascading(ctx: LkipContext, plan: Plan): Block[] {
  interface Link {
    supported: { plan: Plan; goal: Goal } | undefined;
    supportedRef: string;
    goal: Goal;
  }
  const links: Link[] = [];
  for (const g of goalsInTreeOrder(plan)) {
    for (const ref of g.supports ?? []) {
      const e = ctx.idx.goals.get(ref);
      const sp = e?.owner.kind === 'plan' ? { plan: e.owner.plan, goal: e.goal } : undefined;
      links.push({ supported: sp, supportedRef: ref, goal: g });
    }
  }
  if (!links.length) return [];
  // group by the supported goal, in order of first appearance
  const order = [...new Set(links.map((l) => l.supportedRef))];
  links.sort((a, b) => order.indexOf(a.supportedRef) - order.indexOf(b.supportedRef));
  const kinds = ['misi', 'tujuan', 'sasaran'] as const;
  const chains = links.map((l) => (l.supported ? goalChain(l.supported.plan, l.supported.goal) : []));
  // a column's cell merges over consecutive rows with the same chain up to that goal
  const keyOf = (i: number, k: number): string => {
    const chain = chains[i] ?? [];
    const at = chain.findIndex((g) => g.kind === kinds[k]);
    return at < 0 ? `#${i}` : chain.slice(0, at + 1).map((g) => g.id).join('/');
  };
  const spans = kinds.map((_, k) => runSpans(links.map((_l, i) => keyOf(i, k))));
  const body: Cell[][] = links.map((l, i) => {
    const chain = chains[i] ?? [];
    const row: Cell[] = [];
    kinds.forEach((kind, k) => {
      const span = spans[k]?.[i] ?? 0;
      if (span === 0) return;
      const g = chain.find((x) => x.kind === kind);
      row.push(g ? text(g.statement, { rowSpan: span }) : l.supported ? empty('tidak ada', { rowSpan: span }) : text(l.supportedRef, { rowSpan: span }));
    });
    row.push(text(goalLabel(l.goal)));
    return row;
  });
  const regional = [...new Set(links.map((l) => l.supported?.plan.title).filter((x): x is string => x !== undefined))];
  return [
    para(
      `Keterkaitan (cascading) tujuan dan sasaran ${plan.title} dengan ${regional.length ? joinId(regional) : 'rencana pembangunan daerah'} adalah sebagai berikut:`,
      { align: 'justify' },
    ),
    ...tableOrNothing({
      caption: tableCaption(ctx, `Cascading Kinerja ${plan.title}`),
      header: [[h('Misi'), h('Tujuan'), h('Sasaran'), h(`Tujuan / Sasaran ${plan.title}`)]],
      body,
      widths: [22, 22, 22, 34],
    }),
  ];
}

// ---------------------------------------------------------------- goal and indicator matrix

function indicatorsByGoal(plan: Plan): { goal: Goal | undefined; indicators: Indicator[] }[] {
  const inds = plan.indicators ?? [];
  const out: { goal: Goal | undefined; indicators: Indicator[] }[] = [];
  for (const g of goalsInTreeOrder(plan)) {
    const mine = inds.filter((i) => i.goal === g.id);
    if (mine.length) out.push({ goal: g, indicators: mine });
  }
  const goalIds = new Set(plan.goals.map((g) => g.id));
  const orphans = inds.filter((i) => !i.goal || !goalIds.has(i.goal));
  if (orphans.length) out.push({ goal: undefined, indicators: orphans });
  return out;
}

function goalMatrix(ctx: LkipContext, plan: Plan): Block[] {
  const groups = indicatorsByGoal(plan);
  if (!groups.length) return [];
  const inds = groups.flatMap((g) => g.indicators);
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) if (inds.some((i) => i.targets?.[String(y)] !== undefined)) years.push(y);
  const baselines = inds.map((i) => i.baseline).filter((b) => b !== undefined);
  const baselineYears = [...new Set(baselines.map((b) => b.year))];
  const anyBaseline = baselines.length > 0;
  const oneBaselineYear = baselineYears.length === 1 ? baselineYears[0] : undefined;
  const header: Cell[][] = [
    [
      h('No', { rowSpan: 2 }),
      h('Tujuan / Sasaran', { rowSpan: 2 }),
      h('Indikator', { rowSpan: 2 }),
      h('Satuan', { rowSpan: 2 }),
      ...(anyBaseline ? [h(oneBaselineYear !== undefined ? `Kondisi Awal (${oneBaselineYear})` : 'Kondisi Awal', { rowSpan: 2 })] : []),
      ...(years.length ? [h('Target Kinerja pada Tahun', { colSpan: years.length })] : []),
      h(`Target Akhir (${plan.endYear})`, { rowSpan: 2 }),
    ],
    years.map((y) => h(String(y))),
  ];
  if (!years.length) header.pop();
  const body: Cell[][] = [];
  groups.forEach((grp, gi) => {
    grp.indicators.forEach((ind, j) => {
      const row: Cell[] = [];
      if (j === 0) {
        const span = grp.indicators.length;
        row.push(int(gi + 1, { rowSpan: span, align: 'center' }), grp.goal ? text(goalLabel(grp.goal), { rowSpan: span }) : empty('tanpa sasaran', { rowSpan: span }));
      }
      const entry = ctx.idx.indicators.get(`${plan.id}/${ind.id}`);
      const end = entry ? endTargetOf(ctx.mc, entry) : null;
      const unit = ind.unit ?? null;
      row.push(text(ind.name), ind.unit ? text(ind.unit, { align: 'center' }) : empty('tidak dinyatakan'));
      if (anyBaseline) {
        const b = ind.baseline;
        if (!b) row.push(empty('tidak ada'));
        else if (oneBaselineYear !== undefined) row.push(valueCell(b.value, unit));
        else row.push(text(`${fmtValue(b.value, unit)} (${b.year})`, { align: 'right' }));
      }
      for (const y of years) row.push(valueCell(ind.targets?.[String(y)], unit, {}, 'tidak ada target'));
      row.push(valueCell(end, unit, {}, 'tidak ada target akhir'));
      body.push(row);
    });
  });
  return tableOrNothing({
    caption: tableCaption(ctx, `Matriks Tujuan dan Sasaran ${plan.title}`),
    header,
    body,
    widths: [4, 22, 22, 7, ...(anyBaseline ? [7] : []), ...years.map(() => 6), 8],
    ...(plan.legalBasis ? { source: `Sumber: ${plan.legalBasis}` } : {}),
  });
}

// ---------------------------------------------------------------- IKU

/** The formula of an indicator in words: its printed formula, else one from its measure. */
export function formulaOf(ind: Indicator): string {
  if (ind.formulaText) return ind.formulaText;
  const m = ind.measure;
  switch (m.type) {
    case 'ratio':
      return `${m.numerator} ÷ ${m.denominator}${(m.factor ?? 100) !== 1 ? ` × ${m.factor ?? 100}` : ''}${(m.factor ?? 100) === 100 ? '%' : ''}`;
    case 'category':
      return `Konversi kategori: ${m.categories.map((c) => `${c.label} = ${fmtValue(c.score, '%')}`).join('; ')}`;
    case 'derived':
      return 'Jumlah indikator yang tercapai ÷ jumlah indikator yang diukur × 100%';
    case 'count':
      return 'Jumlah yang dicapai pada tahun berjalan';
    case 'countOf':
      return 'Jumlah penghargaan yang diraih pada tahun berjalan, sebagaimana tercantum dalam daftar penghargaan';
    case 'value':
      return 'Nilai yang dicapai pada tahun berjalan';
  }
}

function keyIndicators(ctx: LkipContext, plan: Plan): Block[] {
  const groups = indicatorsByGoal(plan)
    .map((g) => ({ goal: g.goal, indicators: g.indicators.filter((i) => i.key || i.additional) }))
    .filter((g) => g.indicators.length > 0);
  if (!groups.length) return [];
  const units = new Map((ctx.ds.organization?.units ?? []).map((u) => [u.id, u.name]));
  const body: Cell[][] = [];
  for (const grp of groups) {
    grp.indicators.forEach((ind, j) => {
      const row: Cell[] = [];
      if (j === 0) row.push(grp.goal ? text(goalLabel(grp.goal), { rowSpan: grp.indicators.length }) : empty('tanpa sasaran', { rowSpan: grp.indicators.length }));
      const parts = [`Formulasi: ${formulaOf(ind)}`];
      if (ind.definition) parts.push(`Penjelasan: ${ind.definition}`);
      if (ind.criteria?.length) parts.push(`Kriteria: ${ind.criteria.map((c, k) => `(${k + 1}) ${c}`).join('; ')}`);
      const sentence = (x: string) => x.trim().replace(/[.\s]+$/, '');
      const owners = (ind.responsibleUnits ?? []).map((id) => units.get(id) ?? id);
      row.push(
        text(`${ind.name}${ind.key ? '' : ' (Indikator Kinerja Tambahan)'}${ind.unit ? ` (${ind.unit})` : ''}`),
        text(`${parts.map(sentence).join('. ')}.`),
        owners.length ? text(owners.join('; ')) : empty('tidak dicatat'),
        ind.dataSource ? text(ind.dataSource) : empty('tidak dicatat'),
      );
      body.push(row);
    });
  }
  const decreeIds = new Set(groups.flatMap((g) => g.indicators.flatMap((i) => i.decrees ?? [])));
  const decrees = (ctx.ds.decrees ?? []).filter((d) => decreeIds.has(d.id));
  const source = decrees.length
    ? `Sumber: ${decrees.map((d) => `Keputusan${d.issuer ? ` ${d.issuer}` : ''} Nomor ${d.number}${d.date ? ` tanggal ${formatDateId(d.date)}` : ''} tentang ${d.title}`).join('; ')}`
    : undefined;
  return [
    para(`Indikator Kinerja Utama dan Indikator Kinerja Tambahan berdasarkan ${plan.title}:`),
    ...tableOrNothing({
      caption: tableCaption(ctx, `Indikator Kinerja Utama ${plan.title}`),
      header: [[h('Sasaran Strategis'), h('Indikator'), h('Formulasi dan Penjelasan'), h('Penanggung Jawab'), h('Sumber Data')]],
      body,
      widths: [18, 20, 38, 14, 10],
      ...(source ? { source } : {}),
    }),
  ];
}

// ---------------------------------------------------------------- agreements

function agreementSection(ctx: LkipContext, ag: Agreement, title: string): Block[] {
  const plan = ctx.idx.plans.get(ag.plan);
  const amended = ag.amends ? ctx.idx.agreements.get(ag.amends) : undefined;
  const out: Block[] = [heading(3, title, `bab-2-c-${ag.id}`, false)];
  out.push(
    para(
      `${title} ditandatangani di ${ag.place} pada ${formatDateId(ag.signedOn)} oleh ${ag.firstParty.name} (${positionOf(ag.firstParty)}) sebagai pihak pertama dan ${ag.secondParty.name} (${positionOf(ag.secondParty)}) sebagai pihak kedua, berpedoman pada ${plan?.title ?? ag.plan}.` +
        (amended ? ` Perjanjian ini mengubah Perjanjian Kinerja yang ditandatangani pada ${formatDateId(amended.signedOn)}.` : ''),
      { align: 'justify' },
    ),
    ...agreementTargetsTable(ag, ctx.idx, { id: `bab2-pk-${ag.id}-sasaran`, caption: tableCaption(ctx, `${title} ${ctx.ds.agency.name}`) }),
  );
  // an agreed target that differs from the plan's target for the year is reported, not resolved
  const diffs: string[] = [];
  for (const row of ag.rows) {
    const entry = ctx.idx.indicators.get(ctx.mc.canonical(`${ag.id}/${row.indicator}`));
    if (!entry || entry.owner.kind !== 'plan') continue;
    const planTarget = entry.indicator.targets?.[String(ag.year)];
    if (planTarget === undefined) continue;
    const agreed = targetValue(entry.indicator, row.target);
    if (agreed.ok && agreed.value !== planTarget) {
      diffs.push(`${entry.indicator.name}: ${fmtValue(row.target, entry.indicator.unit)} dalam perjanjian, ${fmtValue(planTarget, entry.indicator.unit)} dalam ${entry.owner.plan.title}`);
    }
  }
  if (diffs.length) out.push(para(`Target yang diperjanjikan berbeda dari target rencana strategis tahun ${ag.year}:`), list(diffs, false));
  if (ag.budget.length) {
    out.push(
      para('Untuk mencapai kinerja yang diperjanjikan, dukungan anggaran program adalah sebagai berikut:'),
      // the signed agreement's amounts as signed (settings.agreementAmountDecimals), as in its annex
      ...agreementBudgetTable(ag, ctx.idx, { id: `bab2-pk-${ag.id}-anggaran`, caption: tableCaption(ctx, `Anggaran Program ${title}`), decimals: ctx.mc.rulesFor(null).agreementAmountDecimals }),
    );
  }
  return out;
}

// ---------------------------------------------------------------- program structure

/**
 * The program tree in document order, depth first, with each node's depth, its number by
 * hierarchy among the nodes kept (`1`, `1.1`, `1.1.1`) and its budget code where it has one
 * (`2.17.06.2.01.0005`, printed in a column of its own). `keep` leaves nodes out (with their
 * subtrees) before numbering, so the numbers run without gaps.
 */
export function programTree(ctx: LkipContext, keep: (n: ProgramNode) => boolean = () => true): { node: ProgramNode; depth: number; number: string; code: string | undefined }[] {
  const b = ctx.mc.budget;
  const out: { node: ProgramNode; depth: number; number: string; code: string | undefined }[] = [];
  const seen = new Set<string>();
  const visit = (nodes: readonly ProgramNode[], depth: number, prefix: string) => {
    let i = 0;
    for (const n of nodes) {
      if (seen.has(n.id) || !keep(n)) continue;
      seen.add(n.id);
      const number = `${prefix}${++i}`;
      out.push({ node: n, depth, number, code: n.code });
      visit(b.children.get(n.id) ?? [], depth + 1, `${number}.`);
    }
  };
  visit(b.roots, 0, '');
  return out;
}

function programStructure(ctx: LkipContext): Block[] {
  const b = ctx.mc.budget;
  const y = ctx.year;
  const stages = STAGE_ORDER.filter((s) => b.roots.some((r) => stageBudget(b, r.id, y, s) !== null));
  if (!stages.length) return [para(`Tidak ada data anggaran program tahun ${y}.`, { style: 'note' })];
  const rows = programTree(ctx, (n) => stages.some((s) => stageBudget(b, n.id, y, s) !== null));
  const anyCode = rows.some((t) => t.code !== undefined);
  const diff = stages.length >= 2 ? { from: stages[stages.length - 2] as BudgetStage, to: stages[stages.length - 1] as BudgetStage } : undefined;
  const diffOf = (id: string): number | null => {
    if (!diff) return null;
    const from = stageBudget(b, id, y, diff.from);
    const to = stageBudget(b, id, y, diff.to);
    if (from === null && to === null) return null;
    return (to ?? 0) - (from ?? 0);
  };
  const body: Cell[][] = rows.map(({ node, number, code, depth }) => {
    const strong = depth === 0;
    return [
      text(number, { bold: strong }),
      ...(anyCode ? [code ? text(code, { bold: strong }) : empty('tanpa kode')] : []),
      text(node.name, { bold: strong }),
      ...stages.map((s) => money(stageBudget(b, node.id, y, s), { bold: strong }, 'tidak ada')),
      ...(diff ? [money(diffOf(node.id), { bold: strong }, 'tidak ada')] : []),
    ];
  });
  const rootSum = (f: (id: string) => number | null): number | null => {
    const vals = b.roots.map((r) => f(r.id)).filter((v): v is number => v !== null);
    return vals.length ? vals.reduce((s, v) => s + v, 0) : null;
  };
  const footer: Cell[][] = [
    [
      text('Jumlah', { colSpan: anyCode ? 3 : 2, bold: true }),
      ...stages.map((s) => money(rootSum((id) => stageBudget(b, id, y, s)), { bold: true }, 'tidak ada')),
      ...(diff ? [money(rootSum(diffOf), { bold: true }, 'tidak ada')] : []),
    ],
  ];
  const intro = diff
    ? `Struktur program, kegiatan dan sub kegiatan tahun ${y} dengan ${joinId(stages.map((s) => STAGE_LABEL[s].toLowerCase()))}; kolom bertambah/berkurang adalah ${STAGE_LABEL[diff.to].toLowerCase()} dikurangi ${STAGE_LABEL[diff.from].toLowerCase()}. Angka program dan kegiatan yang tidak dianggarkan tersendiri adalah jumlah dari rinciannya.`
    : `Struktur program, kegiatan dan sub kegiatan tahun ${y}. Angka program dan kegiatan yang tidak dianggarkan tersendiri adalah jumlah dari rinciannya.`;
  return [
    para(intro, { align: 'justify' }),
    ...tableOrNothing({
      caption: tableCaption(ctx, `Struktur Program, Kegiatan dan Sub Kegiatan Tahun ${y}`),
      header: [[h('No'), ...(anyCode ? [h('Kode')] : []), h('Program / Kegiatan / Sub Kegiatan'), ...stages.map((s) => h(STAGE_LABEL[s])), ...(diff ? [h('Bertambah / Berkurang')] : [])]],
      body,
      footer,
      widths: [6, ...(anyCode ? [13] : []), 33, ...stages.map(() => 13), ...(diff ? [13] : [])],
    }),
  ];
}
