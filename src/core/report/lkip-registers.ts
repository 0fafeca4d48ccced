/**
 * What the LKIP says of figures counted from registers (registers.md, "Indicators from
 * registers"): an activity table counted from a register (its rows the groups of the register
 * figure, its Jumlah the distinct total, a note of the source and the day it was counted); where
 * an indicator's realization comes from ("dihitung dari register Koperasi per 30 September 2026:
 * 640 dari 901 …"); and, while the register figures are not passed in, the place where they would
 * be and the reason the LKIP is a draft. The counts come from `ctx.mc.registerFigures` (the store's
 * SQL, or `figuresInMemory`); nothing here counts, and no register value but the grouping field's
 * appears (never a personal field: validation refuses one as a condition or a grouping). IO-free.
 */
import type { ActivityList, Register } from '../dataset/schema.js';
import type { Block, Cell } from '../document/model.js';
import { formatDateId } from '../format.js';
import { periodLabel } from '../labels.js';
import type { MeasuredRow } from '../measure/types.js';
import type { RegisterTableFigure } from '../measure/register.js';
import { describeSelection, numeratorSelection } from '../registers/conditions.js';
import { fieldOf } from '../registers/definitions.js';
import { appliesIn, registerIndicators, registerTables } from '../registers/figures.js';
import { F_VALUE, fmtNum, fmtValue, int, joinId, num, para, tableOrNothing, text } from './common.js';
import { entryOf, tableCaption, type LkipContext } from './lkip-context.js';

const h = (s: string): Cell => text(s, { bold: true, align: 'center' });

const registerOf = (ctx: LkipContext, id: string): Register | undefined => ctx.ds.registers?.find((r) => r.id === id);
const nameOf = (ctx: LkipContext, id: string): string => registerOf(ctx, id)?.name ?? id;

/** Whether an activity list is counted from a register in the report's year (its typed rows are then not used). */
export const isRegisterTable = (ctx: LkipContext, l: ActivityList): boolean => l.fromRegister !== undefined && appliesIn(l.fromRegister, ctx.year);

/** A group's value as the table names it: yes/no in words, no value said as such. */
function groupName(v: string | number | boolean | null): string {
  if (v === null) return '(tidak diisi)';
  if (v === true) return 'ya';
  if (v === false) return 'tidak';
  return typeof v === 'number' ? fmtNum(v) : v;
}

/** "per 30 September 2026 (Triwulan III 2026; sementara sampai akhir tahun)". */
function asOfText(fig: { asOf: string; period: string }, year: number): string {
  if (fig.period === 'Q4') return `per ${formatDateId(fig.asOf)}`;
  return `per ${formatDateId(fig.asOf)} (${periodLabel(fig.period as 'Q1' | 'Q2' | 'Q3', year).id}; sementara sampai akhir tahun)`;
}

/** The activity table of a list counted from a register in the report's year; the place it would be while the figures are missing. */
export function registerTableBlocks(ctx: LkipContext, l: ActivityList): Block[] {
  const t = l.fromRegister!;
  const reg = registerOf(ctx, t.count.register);
  const regName = nameOf(ctx, t.count.register);
  const fig: RegisterTableFigure | undefined = ctx.mc.registerFigures?.tables.get(l.id)?.get(ctx.year);
  const caption = tableCaption(ctx, l.title, l.id);
  if (!fig) {
    return [
      para(
        `${caption}: tabel ini dihitung dari register ${regName}, yang datanya belum tersedia untuk laporan ini; tabel akan terisi setelah data register dihitung (laporan ini masih DRAF).`,
        { style: 'note' },
      ),
    ];
  }
  const groupField = reg ? fieldOf(reg, t.groupBy) : undefined;
  const body: Cell[][] = fig.groups.map((g, i) => [int(i + 1, { align: 'center' }), text(groupName(g.value)), num(g.count, F_VALUE)]);
  const what = describeSelection(ctx.ds.registers ?? [], t.count);
  return [
    ...tableOrNothing(
      {
        caption,
        header: [[h('No'), h(groupField?.name ?? 'Uraian'), h(`Jumlah ${regName}`)]],
        body,
        widths: [8, 62, 30],
        footer: [[text('Jumlah', { colSpan: 2, bold: true }), num(fig.total, F_VALUE, { bold: true })]],
        source: `Sumber: register ${regName} ${asOfText(fig, ctx.year)}, dihitung dari ${lowerFirst(what)}; setiap ${regName.toLowerCase()} dihitung satu kali.`,
      },
      `Tidak ada ${regName.toLowerCase()} yang tercatat dalam register ${asOfText(fig, ctx.year)}.`,
    ),
  ];
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Where a register-based row's realization comes from, as a sentence: "Realisasi dihitung dari
 * register Koperasi per 30 September 2026 (…): 640 dari 901 koperasi …, setiap koperasi dihitung
 * satu kali." Undefined for a row not counted from a register.
 */
export function registerSourceSentence(ctx: LkipContext, row: MeasuredRow): string | undefined {
  const src = row.fromRegister;
  const m = entryOf(ctx, row.indicator)?.indicator.fromRegister;
  if (!m || !appliesIn(m, ctx.year)) return undefined;
  if (!src) {
    return `Realisasi indikator ini dihitung dari register ${nameOf(ctx, m.count.register)}${m.since !== undefined ? ` sejak tahun ${m.since}` : ''}; data register tersebut belum tersedia untuk laporan ini, sehingga realisasinya belum dapat disajikan (laporan ini masih DRAF).`;
  }
  const regs = ctx.ds.registers ?? [];
  const regName = nameOf(ctx, src.register);
  const period = row.realizationPeriod === 'Y' || row.realizationPeriod === undefined ? 'Q4' : row.realizationPeriod;
  const when = asOfText({ asOf: src.asOf, period }, ctx.year);
  const counted = lowerFirst(describeSelection(regs, numeratorSelection(m)));
  const p = row.realizationParts;
  if (m.of && p) {
    const pop = lowerFirst(describeSelection(regs, m.of));
    return `Realisasi dihitung dari register ${regName} ${when}: ${fmtNum(p.numerator)} dari ${fmtNum(p.denominator)} (${counted}, dari ${pop}); setiap ${regName.toLowerCase()} dihitung satu kali, berapa pun banyaknya kejadian yang dicatat untuknya, sehingga persentasenya tidak dapat melebihi 100%.`;
  }
  if (typeof row.realization === 'number') return `Realisasi dihitung dari register ${regName} ${when}: ${fmtValue(row.realization, row.unit)} (${counted}); setiap ${regName.toLowerCase()} dihitung satu kali.`;
  return undefined;
}

/**
 * Why the LKIP is a draft for want of register figures: the indicators and activity tables of the
 * year counted from registers whose figures were not passed in (Indonesian; none: nothing missing).
 */
export function missingRegisterFigures(ctx: LkipContext): string[] {
  const figs = ctx.mc.registerFigures;
  const regs = new Set<string>();
  for (const ind of registerIndicators(ctx.ds)) {
    if (!appliesIn(ind.measure, ctx.year)) continue;
    if (!figs?.indicators.get(ind.ref)?.get(ctx.year)?.length) regs.add(ind.measure.count.register);
  }
  for (const t of registerTables(ctx.ds)) {
    if (!appliesIn(t.table, ctx.year)) continue;
    if (!figs?.tables.get(t.id)?.get(ctx.year)) regs.add(t.table.count.register);
  }
  if (!regs.size) return [];
  const order = (ctx.ds.registers ?? []).map((r) => r.id);
  const named = [...regs].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((r) => nameOf(ctx, r));
  return [`data register ${joinId(named)} belum tersedia, sehingga indikator dan tabel kegiatan yang dihitung dari register tersebut belum terisi`];
}
