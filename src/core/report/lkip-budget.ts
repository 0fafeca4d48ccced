/**
 * The LKIP's budget prose computed from the data: how each budget stage of the year changed the
 * program budgets (the April pergeseran, the anggaran perubahan: what moved, from which programs
 * to which, how much, when, why and by which regulation), and the split of the year's spending
 * into belanja operasi and belanja modal. Every amount is a difference or a sum of the data's
 * amounts (measure/budget.ts, `expenditures`); the words around them are fixed, the facts not.
 */
import type { BudgetStage, BudgetStageNote, ExpenditureLine } from '../dataset/schema.js';
import type { Block } from '../document/model.js';
import { MONTHS_ID, formatDateId } from '../format.js';
import { STAGE_ORDER, stageBudget } from '../measure/budget.js';
import { sumMoney, toCents } from '../measure/money.js';
import { STAGE_LABEL, fmtPct, fmtRp, joinId, list, para } from './common.js';
import type { LkipContext } from './lkip-context.js';

// ---------------------------------------------------------------- budget stages

/** One program's budget at two stages. */
export interface StageMove {
  node: string;
  name: string;
  from: number;
  to: number;
  /** to − from, in whole cents */
  delta: number;
}

/** How one stage of a year changed the budget of the one before it, program by program. */
export interface StageChange {
  from: BudgetStage;
  to: BudgetStage;
  totalFrom: number;
  totalTo: number;
  /** totalTo − totalFrom */
  delta: number;
  /** programs whose budget grew, largest first */
  increased: StageMove[];
  /** programs whose budget shrank, largest cut first */
  decreased: StageMove[];
  note: BudgetStageNote | undefined;
}

/**
 * The changes between consecutive budget stages of the year that the program structure holds
 * (initial → shift, shift → revised), per top-level program. A program without an amount at one
 * of the two stages counts 0 there when it has one at the other (a program added or emptied).
 */
export function stageChanges(ctx: LkipContext): StageChange[] {
  const b = ctx.mc.budget;
  const y = ctx.year;
  const stages = STAGE_ORDER.filter((s) => b.roots.some((r) => stageBudget(b, r.id, y, s) !== null));
  const out: StageChange[] = [];
  for (let i = 1; i < stages.length; i++) {
    const from = stages[i - 1] as BudgetStage;
    const to = stages[i] as BudgetStage;
    const moves: StageMove[] = [];
    for (const r of b.roots) {
      const f = stageBudget(b, r.id, y, from);
      const t = stageBudget(b, r.id, y, to);
      if (f === null && t === null) continue;
      moves.push({ node: r.id, name: r.name, from: f ?? 0, to: t ?? 0, delta: toCents((t ?? 0) - (f ?? 0)) });
    }
    const totalFrom = sumMoney(moves.map((m) => m.from)) ?? 0;
    const totalTo = sumMoney(moves.map((m) => m.to)) ?? 0;
    out.push({
      from,
      to,
      totalFrom,
      totalTo,
      delta: toCents(totalTo - totalFrom),
      increased: moves.filter((m) => m.delta > 0).sort((p, q) => q.delta - p.delta),
      decreased: moves.filter((m) => m.delta < 0).sort((p, q) => p.delta - q.delta),
      note: (ctx.ds.budgetStages ?? []).find((n) => n.year === y && n.stage === to),
    });
  }
  return out;
}

/** "April 2025" (a month) or "24 September 2025" (a date). */
export function whenOf(note: Pick<BudgetStageNote, 'date' | 'month'> | undefined): string | undefined {
  if (note?.date) return formatDateId(note.date);
  const m = note?.month ? /^(\d{4})-(\d{2})$/.exec(note.month) : null;
  return m ? `${MONTHS_ID[Number(m[2]) - 1]} ${m[1]}` : undefined;
}

const moveText = (m: StageMove): string => `${m.name} sebesar ${fmtRp(Math.abs(m.delta))} (dari ${fmtRp(m.from)} menjadi ${fmtRp(m.to)})`;

const STAGE_EVENT: Record<BudgetStage, string> = {
  initial: 'penetapan anggaran awal',
  shift: 'pergeseran anggaran',
  revised: 'perubahan anggaran',
};

/** The paragraphs of BAB II D on each change of the year's budget. */
export function stageChangeBlocks(ctx: LkipContext): Block[] {
  const out: Block[] = [];
  for (const c of stageChanges(ctx)) {
    const when = whenOf(c.note);
    const dated = c.note?.date ? `pada ${when}` : when ? `pada bulan ${when}` : undefined;
    const lead = `Pada tahun ${ctx.year} dilakukan ${STAGE_EVENT[c.to]}${dated ? ` ${dated}` : ''}${c.note?.legalBasis ? ` berdasarkan ${c.note.legalBasis}` : ''}${c.note?.purpose ? `, ${c.note.purpose}` : ''}.`;
    const direction = c.delta > 0 ? `bertambah ${fmtRp(c.delta)}` : c.delta < 0 ? `berkurang ${fmtRp(-c.delta)}` : 'tidak berubah';
    const rel = c.totalFrom !== 0 && c.delta !== 0 ? ` (${fmtPct((Math.abs(c.delta) * 100) / c.totalFrom)})` : '';
    const total = `Jumlah anggaran program berubah dari ${fmtRp(c.totalFrom)} (${STAGE_LABEL[c.from].toLowerCase()}) menjadi ${fmtRp(c.totalTo)} (${STAGE_LABEL[c.to].toLowerCase()}), ${direction}${rel}.`;
    out.push(para(`${lead} ${total}`, { align: 'justify' }));
    const moved = sumMoney(c.decreased.map((m) => -m.delta)) ?? 0;
    if (c.decreased.length && c.increased.length) {
      out.push(para(`Anggaran sebesar ${fmtRp(moved)} dikurangi dari ${c.decreased.length} program dan anggaran ${c.increased.length} program ditambah sebesar ${fmtRp(sumMoney(c.increased.map((m) => m.delta)) ?? 0)}:`, { align: 'justify' }));
    }
    const items: string[] = [
      ...c.decreased.map((m) => `berkurang: ${moveText(m)}`),
      ...c.increased.map((m) => `bertambah: ${moveText(m)}`),
    ];
    if (items.length) out.push(list(items, false));
  }
  return out;
}

// ---------------------------------------------------------------- belanja operasi / belanja modal

export interface ClassAmount {
  ceiling: number;
  /** `null` when a line of the class has no realization recorded */
  realized: number | null;
}

/** The year's spending split into belanja operasi and belanja modal. */
export interface SpendingClasses {
  total: ClassAmount;
  operating: ClassAmount;
  capital: ClassAmount;
  /** which class is the rest of the total (the one without classified lines), or `null` when both are */
  remainder: 'operating' | 'capital' | null;
  /** the classified lines counted (top-level lines only: a line with `parent` is part of another) */
  lines: ExpenditureLine[];
}

/**
 * Belanja operasi and belanja modal of the year, from the expenditure lines' `class`: a class
 * with lines is their sum (ceilings; realized amounts when every line has one); when only one
 * class has lines, the other is the rest of the year's total budget (an agency's spending is one
 * or the other), so the two add up to the total. `null` when no line of the year is classified
 * or the year has no budget.
 */
export function spendingClasses(ctx: LkipContext): SpendingClasses | null {
  const tot = ctx.m.budget;
  if (tot.final === null) return null;
  const lines = (ctx.ds.expenditures ?? []).filter((l) => l.year === ctx.year && l.class !== undefined && l.parent === undefined);
  if (!lines.length) return null;
  const of = (cls: 'operating' | 'capital'): ClassAmount | null => {
    const ls = lines.filter((l) => l.class === cls);
    if (!ls.length) return null;
    const realized = ls.every((l) => l.realized !== undefined) ? sumMoney(ls.map((l) => l.realized ?? 0)) : null;
    return { ceiling: sumMoney(ls.map((l) => l.ceiling)) ?? 0, realized };
  };
  const total: ClassAmount = { ceiling: tot.final, realized: tot.spent };
  const rest = (known: ClassAmount): ClassAmount => ({
    ceiling: toCents(total.ceiling - known.ceiling),
    realized: total.realized !== null && known.realized !== null ? toCents(total.realized - known.realized) : null,
  });
  const operating = of('operating');
  const capital = of('capital');
  if (operating && capital) return { total, operating, capital, remainder: null, lines };
  if (capital) return { total, operating: rest(capital), capital, remainder: 'operating', lines };
  if (operating) return { total, operating, capital: rest(operating), remainder: 'capital', lines };
  return null;
}

const CLASS_ID = { operating: 'Belanja Operasi', capital: 'Belanja Modal' } as const;

/** BAB III's "Akuntabilitas Keuangan": the composition of the year's budget by class. */
export function spendingClassBlocks(ctx: LkipContext): Block[] {
  const s = spendingClasses(ctx);
  if (!s) return [];
  const item = (cls: 'operating' | 'capital'): string => {
    const a = s[cls];
    const share = s.total.ceiling !== 0 ? ` (${fmtPct((a.ceiling * 100) / s.total.ceiling)} dari pagu)` : '';
    const real = a.realized !== null ? `, terealisasi ${fmtRp(a.realized)}${a.ceiling !== 0 ? ` atau ${fmtPct((a.realized * 100) / a.ceiling)}` : ''}` : ', realisasinya tidak dirinci';
    return `${CLASS_ID[cls]} sebesar ${fmtRp(a.ceiling)}${share}${real}`;
  };
  const counted = s.lines.filter((l) => s.remainder === null || l.class !== s.remainder);
  const basis =
    s.remainder !== null
      ? `${CLASS_ID[s.remainder === 'operating' ? 'capital' : 'operating']} adalah jumlah ${counted.length} rincian belanja (${joinId(counted.map((l) => l.name))}); ${CLASS_ID[s.remainder].toLowerCase()} adalah selebihnya dari pagu.`
      : `Keduanya adalah jumlah rincian belanja menurut kelompoknya (${counted.length} rincian).`;
  const unclassified = toCents(s.total.ceiling - s.operating.ceiling - s.capital.ceiling);
  return [
    para(`Secara ringkas, komposisi pagu anggaran tahun ${ctx.year} sebesar ${fmtRp(s.total.ceiling)} terdiri atas belanja operasi dan belanja modal dengan rincian sebagai berikut:`, { align: 'justify' }),
    list([item('operating'), item('capital')], true),
    para(`${basis}${unclassified !== 0 ? ` Sebesar ${fmtRp(unclassified)} dari pagu belum dikelompokkan.` : ''}`, { style: 'note' }),
  ];
}
