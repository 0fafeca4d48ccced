/**
 * The LKIP's annex "Catatan atas Data": every figure of the report that differs from an earlier
 * printed one (the dataset's `corrections` of the year), with the printed value, where it was
 * printed, the value this report prints and why — so a reader reconciling the report with the
 * LRA or an earlier printed report can tell why they differ. The value used is computed from the
 * data (core/review/corrections.ts), never typed. Absent when the year has no correction.
 */
import type { Block, Cell, Section } from '../document/model.js';
import { correctedFigures, equalsPrinted, type CorrectedFigure } from '../review/corrections.js';
import type { Computed } from '../review/index.js';
import { F_VALUE, fmtValue, heading, int, isDimensionless, money, num, para, pct, tableOrNothing, text } from './common.js';
import type { LkipContext } from './lkip-context.js';

/** The claim quantities (docs/claims.md) that are rupiah, and those that are percentages. */
const MONEY = new Set(['budget', 'spent', 'unspent', 'difference']);
const PERCENT = new Set(['achievement', 'absorption', 'unspentPct', 'achievementVsEnd']);
/** a `total` is rupiah when what it adds up is (an agreement's `budget`, expenditure lines' ceilings or spending) */
const MONEY_ASPECT = /budget|ceiling|realized|spent|amount/i;

/** A figure the way the report prints it: rupiah, a percentage, or a number (with its unit when it has one). */
function valueCell(f: CorrectedFigure, v: Computed | undefined): Cell {
  if (v === undefined || v === null) return text('Tidak dapat dihitung dari data', { align: 'center' });
  if (typeof v === 'string') return text(v, { align: 'center' });
  if (typeof v === 'boolean') return text(v ? 'tercapai' : 'tidak tercapai', { align: 'center' });
  const q = f.correction.quantity;
  if (MONEY.has(q) || (q === 'total' && MONEY_ASPECT.test(f.correction.aspect ?? ''))) return money(v);
  if (PERCENT.has(q)) return pct(v);
  if (f.unit && !isDimensionless(f.unit)) return text(fmtValue(v, f.unit), { align: 'right' });
  return num(v, F_VALUE);
}

/** The year's corrections that still differ from their printed value, in the dataset's order. */
export function correctionsOfReport(ctx: LkipContext): CorrectedFigure[] {
  return correctedFigures(ctx.ds, ctx.year, ctx.mc.regionSettings ? { regionSettings: ctx.mc.regionSettings } : {}).filter((f) => !equalsPrinted(f));
}

/** The annex as the LKIP's section `number` (its "Lampiran N"); none without a correction. */
export function correctionsAnnex(ctx: LkipContext, number: number): Section | undefined {
  const list = correctionsOfReport(ctx);
  if (list.length === 0) return undefined;
  const h = (s: string): Cell => text(s, { bold: true, align: 'center' });
  const body: Cell[][] = list.map((f, i) => [
    int(i + 1, { align: 'center' }),
    text(f.correction.item),
    text(f.correction.source),
    valueCell(f, f.correction.printed),
    valueCell(f, f.value),
    text(f.correction.reason),
  ]);
  const blocks: Block[] = [
    ...(number === 1 ? [heading(1, 'LAMPIRAN', 'lampiran')] : []),
    heading(2, `Lampiran ${number}. Catatan atas Data`, `lampiran-${number}-catatan-data`),
    para(
      `Angka berikut dalam laporan ini berbeda dengan angka yang tercetak dalam sumbernya, karena data sumber telah dikoreksi. Laporan ini memuat angka hasil koreksi; alasan setiap koreksi dijelaskan di bawah.`,
      { align: 'justify' },
    ),
    ...tableOrNothing({
      id: 'catatan-atas-data',
      header: [[h('No'), h('Uraian'), h('Sumber Tercetak'), h('Angka Tercetak'), h('Angka dalam Laporan Ini'), h('Penjelasan')]],
      body,
      widths: [4, 18, 16, 14, 14, 34],
    }),
  ];
  // landscape: the explanations need the width beside two full rupiah figures
  return { id: `lampiran-${number}`, title: `Lampiran ${number}`, newPage: true, numbering: 'arabic', orientation: 'landscape', blocks };
}
