/**
 * Building blocks shared by the report builders (LKIP, agreement, review): document blocks and
 * cells, Indonesian wording of the engine's reasons, and the display of figures in prose.
 *
 * Every figure a builder shows comes from the measurement or budget functions; these helpers
 * only format. Numbers in table cells stay numbers (with a format) so each renderer writes
 * them the Indonesian way and spreadsheets keep them numeric.
 */
import type { Agreement, Goal, GoalKind, Person } from '../dataset/schema.js';
import type { Block, Cell, CellValue, Heading, Inline, List, NumberFormat, Paragraph, Table } from '../document/model.js';
import { formatNumber, formatPercent, formatRupiah } from '../format.js';
import { unmeasuredReasonId } from '../measure/reasons.js';

// ---------------------------------------------------------------- cells

export interface CellOptions {
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  fill?: string;
}

function cell(value: CellValue, o: CellOptions = {}): Cell {
  const c: Cell = { value };
  if (o.colSpan !== undefined && o.colSpan > 1) c.colSpan = o.colSpan;
  if (o.rowSpan !== undefined && o.rowSpan > 1) c.rowSpan = o.rowSpan;
  if (o.align) c.align = o.align;
  if (o.bold) c.bold = true;
  if (o.fill) c.fill = o.fill;
  return c;
}

export const text = (s: string, o: CellOptions = {}): Cell => cell({ kind: 'text', text: s }, o);
export const empty = (reason?: string, o: CellOptions = {}): Cell =>
  cell(reason === undefined ? { kind: 'empty' } : { kind: 'empty', reason }, { align: 'center', ...o });
/** A number cell; a non-finite or absent number becomes an empty cell with the reason. */
export function num(v: number | null | undefined, format: NumberFormat, o: CellOptions = {}, reason?: string): Cell {
  if (v === null || v === undefined || !Number.isFinite(v)) return empty(reason, o);
  return cell({ kind: 'number', value: v, format }, { align: 'right', ...o });
}

export const F_VALUE: NumberFormat = { kind: 'number', decimals: 2, trim: true };
export const F_PCT: NumberFormat = { kind: 'percent', decimals: 2 };
export const F_PCT_TRIM: NumberFormat = { kind: 'percent', decimals: 2, trim: true };
export const F_RP: NumberFormat = { kind: 'rupiah' };
export const F_INT: NumberFormat = { kind: 'integer' };

export const pct = (v: number | null | undefined, o: CellOptions = {}, reason?: string): Cell => num(v, F_PCT, o, reason);
export const money = (v: number | null | undefined, o: CellOptions = {}, reason?: string): Cell => num(v, F_RP, o, reason);
export const int = (v: number | null | undefined, o: CellOptions = {}, reason?: string): Cell => num(v, F_INT, o, reason);

/** Units that name a kind of number rather than a thing counted: shown without a suffix. */
const DIMENSIONLESS = new Set(['nilai', 'indeks', 'skor', 'angka', 'poin', 'rasio']);
export const isPercentUnit = (unit: string | null | undefined): boolean => unit !== null && unit !== undefined && /^(%|persen|persentase)$/i.test(unit.trim());
export const isDimensionless = (unit: string | null | undefined): boolean => !unit || DIMENSIONLESS.has(unit.trim().toLowerCase());

/**
 * A target or realization in a cell: a label as text, a percentage with `%`, another number
 * as a number (the unit is then in its own column or in the header).
 */
export function valueCell(v: number | string | null | undefined, unit: string | null | undefined, o: CellOptions = {}, reason?: string): Cell {
  if (typeof v === 'string') return text(v, { align: 'center', ...o });
  return num(v, isPercentUnit(unit) ? F_PCT_TRIM : F_VALUE, o, reason);
}

// ---------------------------------------------------------------- blocks

export const heading = (level: 1 | 2 | 3, s: string, id?: string, toc?: boolean): Heading => {
  const h: Heading = { type: 'heading', level, text: s };
  if (id) h.id = id;
  if (toc === false) h.toc = false;
  return h;
};

export function para(content: Inline | Inline[], o: Pick<Paragraph, 'align' | 'style'> = {}): Paragraph {
  const p: Paragraph = { type: 'paragraph', content: Array.isArray(content) ? content : [content] };
  if (o.align) p.align = o.align;
  if (o.style) p.style = o.style;
  return p;
}

export const bold = (s: string): Inline => ({ text: s, bold: true });
export const italic = (s: string): Inline => ({ text: s, italic: true });

export function list(items: readonly (string | Inline[])[], ordered = true, style?: List['style']): List {
  const l: List = { type: 'list', ordered, items: items.map((i) => (typeof i === 'string' ? [i] : i)) };
  if (style) l.style = style;
  return l;
}

/** Paragraphs of a free text: blank lines separate them. */
export function paragraphsOf(s: string | undefined, o: Pick<Paragraph, 'align' | 'style'> = { align: 'justify' }): Paragraph[] {
  if (!s) return [];
  return s
    .split(/\n\s*\n/)
    .map((x) => x.replace(/\s*\n\s*/g, ' ').trim())
    .filter((x) => x.length > 0)
    .map((x) => para(x, o));
}

/** A table, or nothing when it has no body rows (a report never shows an empty table). */
export function tableOrNothing(t: Omit<Table, 'type'>, whenEmpty?: string): Block[] {
  if (t.body.length === 0) return whenEmpty ? [para(whenEmpty, { style: 'note' })] : [];
  return [{ type: 'table', ...t }];
}

/** Row spans for runs of equal keys: the first row of a run gets the run's length, the others 0. */
export function runSpans(keys: readonly string[]): number[] {
  const spans = keys.map(() => 0);
  let i = 0;
  while (i < keys.length) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

// ---------------------------------------------------------------- prose figures

/** 1.234,5 — at most two decimals, trailing zeros dropped. */
export const fmtNum = (x: number): string => formatNumber(x, 2, { trim: true });
/** 9,23% — always two decimals (achievements, absorption). */
export const fmtPct = (x: number): string => formatPercent(x, 2);
export const fmtRp = (x: number): string => formatRupiah(x);

/** A target or realization in prose, with its unit: `70%`, `2.500 unit usaha`, `87,24`, `Juara 1`. */
export function fmtValue(v: number | string, unit: string | null | undefined): string {
  if (typeof v === 'string') return v;
  if (isPercentUnit(unit)) return `${fmtNum(v)}%`;
  if (isDimensionless(unit)) return fmtNum(v);
  return `${fmtNum(v)} ${unit}`;
}

/** A difference of two values in the indicator's unit (percentage points for `%`). */
export function fmtDelta(d: number, unit: string | null | undefined): string {
  const a = Math.abs(d);
  if (isPercentUnit(unit)) return `${fmtNum(a)} poin persentase`;
  return fmtValue(a, unit);
}

/** "A, B dan C". */
export function joinId(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} dan ${parts[parts.length - 1]}`;
}

// ---------------------------------------------------------------- Indonesian wording

/** Why a row is unmeasured, in Indonesian (the engine's reasons are English keys; core/measure/reasons.ts). */
export const unmeasuredText = (reason: string | undefined): string => unmeasuredReasonId(reason);

/** Why a row has no efficiency category, in Indonesian. */
export function efficiencyReasonText(reason: string | undefined): string {
  switch (reason) {
    case 'no supporting budget':
      return 'tidak ada anggaran pendukung';
    case 'zero supporting budget':
      return 'anggaran pendukung bernilai nol';
    case 'no spending recorded':
      return 'realisasi anggaran belum dicatat';
    case 'unmeasured':
      return 'capaian belum dapat diukur';
    case undefined:
      return 'tidak dapat dihitung';
    default:
      return reason;
  }
}

/**
 * The one reason an indicator's efficiency is not assessed, wherever the report gives it (the
 * efficiency table's cell and the sentence under it): an unmeasured achievement's own reason
 * first (without it there is nothing to compare), else the supporting budget's.
 */
export function efficiencyNotAssessedText(r: { achievement: number | null; unmeasured?: string | undefined; efficiencyReason?: string | undefined }): string {
  return r.achievement === null ? unmeasuredText(r.unmeasured) : efficiencyReasonText(r.efficiencyReason);
}

export const GOAL_KIND: Readonly<Record<GoalKind, string>> = { misi: 'Misi', tujuan: 'Tujuan', sasaran: 'Sasaran' };
export const goalLabel = (g: Goal): string => `${GOAL_KIND[g.kind]}: ${g.statement}`;

export const STAGE_LABEL = { initial: 'Anggaran Awal', shift: 'Pergeseran Anggaran', revised: 'Anggaran Perubahan' } as const;

/** "Perjanjian Kinerja Tahun 2025" / "Perjanjian Kinerja Perubahan Tahun 2025". */
export function agreementTitle(ag: Pick<Agreement, 'kind' | 'year'>): string {
  return `Perjanjian Kinerja${ag.kind === 'amendment' ? ' Perubahan' : ''} Tahun ${ag.year}`;
}

/** A position with "Plt." when the person is acting and the position does not say so already. */
export function positionOf(p: Person): string {
  if (p.acting && !/^\s*(plt|plh)\.?\s/i.test(p.position)) return `Plt. ${p.position}`;
  return p.position;
}
