/**
 * What every renderer needs to agree on: how a cell's value reads, where a merged cell sits in
 * the table's grid, which anchor a heading gets, which page style a section uses. Pure
 * functions over the document model; the renderers (html, docx, xlsx, pdf) only lay these out.
 */
import type { Block, Cell, CellValue, DocumentModel, Heading, NumberFormat, Section, Table } from '../core/document/model.js';
import { formatNumber, formatPercent, formatRupiah, roundHalfUp, decimalsOf } from '../core/format.js';
import { slugify } from '../core/dataset/model.js';
import { textWidthEm } from './metrics.js';

/** Number shown for a cell's number, the Indonesian way. Throws, saying where, on a non-finite value. */
export function formatNumeric(value: number, format: NumberFormat, where: string): string {
  if (!Number.isFinite(value)) {
    // A NaN or Infinity here is a defect of the content builder: an unmeasurable value is an `empty` cell.
    throw new Error(`${where}: expected a finite number, got ${value} (use an empty cell with a reason instead)`);
  }
  switch (format.kind) {
    case 'number':
      return formatNumber(value, format.decimals, { trim: format.trim ?? false });
    case 'percent':
      return formatPercent(value, format.decimals, { trim: format.trim ?? false });
    case 'rupiah':
      return formatRupiah(value);
    case 'integer':
      return formatNumber(value, 0);
  }
}

/** The placeholder printed for an empty cell. */
export const EMPTY_MARK = '-';

/** The text a cell reads as, in every format that shows text. */
export function cellText(value: CellValue, where: string): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return formatNumeric(value.value, value.format, where);
    case 'empty':
      return EMPTY_MARK;
  }
}

/**
 * How many decimals a number is shown with (for spreadsheet number formats): the format's
 * decimals, fewer when `trim` drops trailing zeros of this value.
 */
export function shownDecimals(value: number, format: NumberFormat): number {
  switch (format.kind) {
    case 'integer':
      return 0;
    case 'rupiah':
      return roundHalfUp(value, 2) === roundHalfUp(value, 0) ? 0 : 2;
    case 'number':
    case 'percent':
      return format.trim ? Math.min(format.decimals, decimalsOf(roundHalfUp(value, format.decimals))) : format.decimals;
  }
}

/** A cell's horizontal alignment: as asked, else numbers right, empty marks centred, header text centred, text left. */
export function cellAlign(cell: Cell, inHeader: boolean): 'left' | 'center' | 'right' {
  if (cell.align) return cell.align;
  if (cell.value.kind === 'number') return 'right';
  if (cell.value.kind === 'empty' || inHeader) return 'center';
  return 'left';
}

/**
 * A fill colour as six upper-case hex digits without `#` (`#9fc5e8` → `9FC5E8`, `#abc` → `AABBCC`).
 * Only hex is accepted: the value reaches CSS, OOXML and spreadsheet styles, so anything else is
 * refused rather than passed on.
 */
export function normalizeFill(fill: string, where: string): string {
  const m = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(fill.trim());
  if (!m?.[1]) throw new Error(`${where}: expected a fill colour as CSS hex (#RRGGBB or #RGB), got "${fill}"`);
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return hex.toUpperCase();
}

/** Black or white, whichever reads better on a fill (relative luminance, WCAG). */
export function textColorOn(hex: string): '000000' | 'FFFFFF' {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // contrast with black (L+0.05)/0.05 against contrast with white 1.05/(L+0.05)
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '000000' : 'FFFFFF';
}

/** A cell placed in a table's grid. `filler` cells pad rows shorter than the table. */
export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: Cell;
  filler: boolean;
}

/** One part of a table (header, body or footer) laid out on its grid. */
export interface Grid {
  rows: number;
  columns: number;
  /** per row, the cells that start in it, left to right */
  byRow: PlacedCell[][];
  /** per row and column, the cell covering that slot */
  cover: PlacedCell[][];
}

function spanOf(n: number | undefined, what: string, where: string): number {
  if (n === undefined) return 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${where}: expected ${what} as a whole number ≥ 1, got ${n}`);
  return n;
}

/** The number of grid columns a part of a table occupies (cells and spans, counting rows spanned into). */
function occupiedColumns(rows: Cell[][], where: string): number {
  const taken: boolean[][] = rows.map(() => []);
  let columns = 0;
  rows.forEach((row, r) => {
    let c = 0;
    row.forEach((cell, i) => {
      const at = `${where} row ${r + 1}, cell ${i + 1}`;
      while (taken[r]?.[c]) c++;
      const rs = spanOf(cell.rowSpan, 'rowSpan', at);
      const cs = spanOf(cell.colSpan, 'colSpan', at);
      if (r + rs > rows.length) {
        throw new Error(`${at}: rowSpan ${rs} reaches past the last row (${rows.length}) of this part of the table`);
      }
      for (let y = r; y < r + rs; y++) for (let x = c; x < c + cs; x++) (taken[y] as boolean[])[x] = true;
      c += cs;
      columns = Math.max(columns, c);
    });
    columns = Math.max(columns, taken[r]?.length ?? 0);
  });
  return columns;
}

/**
 * Lays out rows of cells with row and column spans on a grid of `columns` columns. A cell goes to
 * the first free slot of its row; slots left free at the end of a row get blank `filler` cells, so
 * every row covers every column (Word and spreadsheets need that).
 */
export function layoutGrid(rows: Cell[][], columns: number, where: string): Grid {
  const cover: (PlacedCell | undefined)[][] = rows.map(() => new Array<PlacedCell | undefined>(columns).fill(undefined));
  const byRow: PlacedCell[][] = rows.map(() => []);
  const place = (p: PlacedCell): void => {
    for (let y = p.row; y < p.row + p.rowSpan; y++) {
      for (let x = p.col; x < p.col + p.colSpan; x++) (cover[y] as (PlacedCell | undefined)[])[x] = p;
    }
    (byRow[p.row] as PlacedCell[]).push(p);
  };
  rows.forEach((row, r) => {
    let c = 0;
    row.forEach((cell, i) => {
      const at = `${where} row ${r + 1}, cell ${i + 1}`;
      while (c < columns && cover[r]?.[c]) c++;
      const rowSpan = spanOf(cell.rowSpan, 'rowSpan', at);
      const colSpan = spanOf(cell.colSpan, 'colSpan', at);
      if (r + rowSpan > rows.length) {
        throw new Error(`${at}: rowSpan ${rowSpan} reaches past the last row (${rows.length}) of this part of the table`);
      }
      if (c + colSpan > columns) throw new Error(`${at}: the cell does not fit in the table's ${columns} columns`);
      place({ row: r, col: c, rowSpan, colSpan, cell, filler: false });
      c += colSpan;
    });
    for (let x = 0; x < columns; x++) {
      if (!cover[r]?.[x]) place({ row: r, col: x, rowSpan: 1, colSpan: 1, cell: { value: { kind: 'text', text: '' } }, filler: true }); // blank, not a missing value
    }
    (byRow[r] as PlacedCell[]).sort((a, b) => a.col - b.col);
  });
  return { rows: rows.length, columns, byRow, cover: cover as PlacedCell[][] };
}

/** A table laid out: its three parts on one column grid, the relative column widths and its type size. */
export interface TableLayout {
  columns: number;
  header: Grid;
  body: Grid;
  footer: Grid;
  /** relative widths, summing to 1 */
  widths: number[];
  /** the size of the table's type in points: `TABLE_FONT_PT`, smaller when the content does not fit the page at that size */
  fontPt: number;
  /** a label for error messages: the caption, else the id, else "table" */
  label: string;
}

export function tableLabel(t: Table): string {
  return t.caption ? `table "${t.caption}"` : t.id ? `table ${t.id}` : 'table';
}

/**
 * Lays a table out on its grid, with relative column widths. Without a page the widths are the
 * model's (or equal). On the page of `orientation` they are fitted to the content: each column
 * gets what its cells need (`columnNeedsMm`, `fitWidths`), at `TABLE_FONT_PT` or, when the needs
 * together exceed the page's text width, at the largest of the smaller sizes down to
 * `TABLE_MIN_FONT_PT` at which they fit (at the smallest, whatever fits best).
 */
export function layoutTable(t: Table, orientation?: Orientation): TableLayout {
  const label = tableLabel(t);
  const columns = Math.max(
    occupiedColumns(t.header, `${label} header`),
    occupiedColumns(t.body, `${label} body`),
    occupiedColumns(t.footer ?? [], `${label} footer`),
    1,
  );
  let widths: number[];
  if (t.widths) {
    if (t.widths.length !== columns) {
      throw new Error(`${label}: widths lists ${t.widths.length} columns, the table has ${columns}`);
    }
    if (t.widths.some((w) => !Number.isFinite(w) || w <= 0)) {
      throw new Error(`${label}: widths must be positive numbers, got [${t.widths.join(', ')}]`);
    }
    const sum = t.widths.reduce((a, b) => a + b, 0);
    widths = t.widths.map((w) => w / sum);
  } else {
    widths = new Array<number>(columns).fill(1 / columns);
  }
  const grid = {
    columns,
    header: layoutGrid(t.header, columns, `${label} header`),
    body: layoutGrid(t.body, columns, `${label} body`),
    footer: layoutGrid(t.footer ?? [], columns, `${label} footer`),
    label,
  };
  let fontPt = TABLE_FONT_PT;
  if (orientation) {
    const page = textWidthMm(orientation);
    for (let size = TABLE_FONT_PT; ; size -= FONT_STEP_PT) {
      const needs = columnNeedsMm(grid, page, size);
      if (sumOf(needs.need) <= page || size - FONT_STEP_PT < TABLE_MIN_FONT_PT) {
        // the author's widths where given, else the content's; then every column at least its need
        widths = fitWidths(t.widths ? widths : contentWidths(needs, page), needs, page);
        fontPt = size;
        break;
      }
    }
  }
  return { ...grid, widths, fontPt };
}

export type Orientation = 'portrait' | 'landscape';

/** A4 in millimetres. */
export const A4_MM = { short: 210, long: 297 } as const;

/** The page margins in millimetres, the same in every renderer (HTML's print stylesheet, DOCX's sections). */
export const PAGE_MARGINS_MM: Readonly<Record<Orientation, { top: number; right: number; bottom: number; left: number }>> = {
  portrait: { top: 25, right: 20, bottom: 22, left: 30 },
  landscape: { top: 22, right: 20, bottom: 20, left: 20 },
};

/** The width of the text on a page, between its margins, in millimetres (portrait 160, landscape 257). */
export function textWidthMm(orientation: Orientation): number {
  const m = PAGE_MARGINS_MM[orientation];
  return (orientation === 'landscape' ? A4_MM.long : A4_MM.short) - m.left - m.right;
}

/** The type of table cells: Arial (Liberation Sans) at this size in points. */
export const TABLE_FONT_PT = 9;
/** The smallest size a table's type is set at so that its content fits the page. */
export const TABLE_MIN_FONT_PT = 7;
const FONT_STEP_PT = 0.5;
/** A table cell's padding in millimetres: left and right (`x`), top and bottom (`y`). */
export const TABLE_CELL_PADDING_MM = { x: 1.5, y: 1.2 } as const;
/** Room a cell needs beyond its text and padding: its share of the 0.75 pt borders, and some to spare. */
const CELL_SPARE_MM = 0.6;
const CELL_EXTRA_MM = 2 * TABLE_CELL_PADDING_MM.x + CELL_SPARE_MM;
/** The widest a single word of text may make its column, as a share of the page's text width; a longer word breaks. */
export const MAX_WORD_SHARE = 0.4;

const MM_PER_PT = 25.4 / 72;

const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The width of a text set in Arial at `sizePt`, in millimetres. */
export function tableTextWidthMm(text: string, bold: boolean, sizePt: number = TABLE_FONT_PT): number {
  return textWidthEm(text, bold) * sizePt * MM_PER_PT;
}

/**
 * The pieces of a text a line does not break inside, as browsers and Word break lines: its words,
 * a word split after a hyphen inside it ("Sub-|Kegiatan", "2021-|2026"). A slash or a dot does not
 * break ("Listrik/Penerangan", "2.17.06.2.01").
 */
export function unbreakablePieces(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((w) => w.split(/(?<=[^-]-)(?=[^-])/))
    .filter((w) => w.length > 0);
}

/** What a cell needs, in millimetres with its padding; `wraps` when it is text, which may break where it must. */
export interface CellNeed {
  mm: number;
  wraps: boolean;
}

/**
 * The width a cell's content needs: a number (printed without wrapping) its whole text; a text
 * its longest word, up to `MAX_WORD_SHARE` of the page; bold text as bold.
 */
export function cellNeed(cell: Cell, bold: boolean, pageMm: number, sizePt: number, where: string): CellNeed {
  const text = cellText(cell.value, where);
  if (cell.value.kind === 'number') return { mm: tableTextWidthMm(text, bold, sizePt) + CELL_EXTRA_MM, wraps: false };
  const longest = Math.max(0, ...unbreakablePieces(text).map((w) => tableTextWidthMm(w, bold, sizePt)));
  return { mm: Math.min(longest + CELL_EXTRA_MM, MAX_WORD_SHARE * pageMm), wraps: true };
}

/** What the columns of a table need, in millimetres. */
export interface ColumnNeeds {
  /** for each column, what its widest cell needs */
  need: number[];
  /** for each column, what its cells that cannot wrap (numbers) need: never less than the padding */
  firm: number[];
  /**
   * for each column, the width its widest body or total cell takes unwrapped (each line of it
   * whole), at most the page; never less than `need`. Header cells count only with their `need`:
   * a column's heading wraps to its content, not the other way round.
   */
  natural: number[];
}

/**
 * What each column needs at a type size: the most any of its cells needs (header and footer cells
 * in bold, as the renderers print them). A cell spanning columns that together need less than it
 * shares what is missing equally among them.
 */
export function columnNeedsMm(layout: Pick<TableLayout, 'columns' | 'header' | 'body' | 'footer' | 'label'>, pageMm: number, sizePt: number = TABLE_FONT_PT): ColumnNeeds {
  const need = new Array<number>(layout.columns).fill(CELL_EXTRA_MM);
  const firm = new Array<number>(layout.columns).fill(CELL_EXTRA_MM);
  const natural = new Array<number>(layout.columns).fill(CELL_EXTRA_MM);
  const spanning: { col: number; colSpan: number; need: CellNeed }[] = [];
  const parts = [
    [layout.header, 'header'],
    [layout.body, 'body'],
    [layout.footer, 'footer'],
  ] as const;
  for (const [grid, part] of parts) {
    grid.byRow.forEach((row, r) => {
      for (const p of row) {
        const n = cellNeed(p.cell, part !== 'body' || !!p.cell.bold, pageMm, sizePt, `${layout.label} ${part} row ${r + 1}, column ${p.col + 1}`);
        if (p.colSpan > 1) spanning.push({ col: p.col, colSpan: p.colSpan, need: n });
        else {
          need[p.col] = Math.max(need[p.col] ?? 0, n.mm);
          if (!n.wraps) firm[p.col] = Math.max(firm[p.col] ?? 0, n.mm);
          if (part !== 'header' && n.wraps) {
            const bold = part !== 'body' || !!p.cell.bold;
            const lines = cellText(p.cell.value, `${layout.label} ${part} row ${r + 1}, column ${p.col + 1}`).split('\n');
            const whole = Math.max(...lines.map((l) => tableTextWidthMm(l.trim(), bold, sizePt))) + CELL_EXTRA_MM;
            natural[p.col] = Math.max(natural[p.col] ?? 0, Math.min(whole, pageMm));
          }
        }
      }
    });
  }
  // narrower spans first: what they add counts when a wider span over the same columns is weighed
  spanning.sort((a, b) => a.colSpan - b.colSpan);
  for (const s of spanning) {
    for (const list of s.need.wraps ? [need] : [need, firm]) {
      const have = sumOf(list.slice(s.col, s.col + s.colSpan));
      if (have >= s.need.mm) continue;
      const share = (s.need.mm - have) / s.colSpan;
      for (let c = s.col; c < s.col + s.colSpan; c++) list[c] = (list[c] ?? 0) + share;
    }
  }
  return { need, firm, natural: natural.map((n, i) => Math.max(n, need[i] ?? 0)) };
}

/**
 * Widths (relative) for a table whose author gave none, from its content, as a browser lays out
 * an automatic table: when every column fits unwrapped, each gets its natural width and the rest
 * of the page in proportion to it; else each gets its need (numbers whole, text its longest word)
 * and the rest of the page is shared among the text columns in proportion to how much wider they
 * would be unwrapped. So a column of numbers is as wide as its numbers, and the text columns,
 * not the numbers, get the room. Needs together wider than the page: equal widths (`fitWidths`
 * then decides).
 */
export function contentWidths(needs: ColumnNeeds, totalMm: number): number[] {
  const columns = needs.need.length;
  const sumNeed = sumOf(needs.need);
  const sumNatural = sumOf(needs.natural);
  if (sumNeed > totalMm || columns === 0) return new Array<number>(columns).fill(1 / Math.max(1, columns));
  if (sumNatural <= totalMm) return needs.natural.map((n) => n / sumNatural);
  const extra = needs.natural.map((n, i) => n - (needs.need[i] ?? 0));
  const sumExtra = sumOf(extra);
  const rest = totalMm - sumNeed;
  return needs.need.map((n, i) => (n + (sumExtra > 0 ? (rest * (extra[i] ?? 0)) / sumExtra : rest / columns)) / totalMm);
}

/**
 * Column widths (relative, summing to 1) on `totalMm`, from `base` (relative):
 * - when the needs together fit, each column gets at least its need: what the columns short of
 *   their need lack is taken from the others in proportion to their room beyond their need;
 * - else, when what cannot wrap fits, every column gets that (numbers stay whole) and the text
 *   columns their need up to a common limit, the widest that fits: only words wider than it break;
 * - else the widths are in proportion to the needs.
 */
export function fitWidths(base: number[], needs: ColumnNeeds, totalMm: number): number[] {
  const need = (i: number): number => needs.need[i] ?? 0;
  const sumNeed = sumOf(needs.need);
  if (sumNeed > totalMm) {
    if (sumOf(needs.firm) > totalMm) return needs.need.map((n) => n / sumNeed);
    const limit = widestLimit(needs, totalMm);
    const widths = needs.firm.map((f, i) => Math.max(f, Math.min(need(i), limit)));
    const sum = sumOf(widths);
    return widths.map((w) => w / sum);
  }
  const widths = base.map((b) => b * totalMm);
  const lacking = widths.reduce((sum, w, i) => sum + Math.max(0, need(i) - w), 0);
  if (lacking === 0) return base;
  const room = widths.reduce((sum, w, i) => sum + Math.max(0, w - need(i)), 0);
  // room ≥ lacking, since the needs together fit: every column ends at or above its need
  const fitted = widths.map((w, i) => (w < need(i) ? need(i) : w - ((w - need(i)) / room) * lacking));
  const sum = sumOf(fitted);
  return fitted.map((w) => w / sum);
}

/**
 * The limit L at which the columns, each `max(firm, min(need, L))` wide, fill `totalMm` (given
 * that their firm needs fit and their needs do not). The sum grows piecewise linearly with L,
 * bending at the firm needs and the needs: found exactly on the piece where it reaches the total.
 */
function widestLimit(needs: ColumnNeeds, totalMm: number): number {
  const filled = (limit: number): number => sumOf(needs.firm.map((f, i) => Math.max(f, Math.min(needs.need[i] ?? 0, limit))));
  const bends = [...new Set([...needs.firm, ...needs.need])].sort((a, b) => a - b);
  let low = 0;
  for (const bend of bends) {
    const atBend = filled(bend);
    if (atBend >= totalMm) {
      const atLow = filled(low);
      return atBend === atLow ? low : low + ((totalMm - atLow) * (bend - low)) / (atBend - atLow);
    }
    low = bend;
  }
  return low;
}

/** The height of the text on a page, between its margins, in millimetres (portrait 250, landscape 168). */
export function textHeightMm(orientation: Orientation): number {
  const m = PAGE_MARGINS_MM[orientation];
  return (orientation === 'landscape' ? A4_MM.short : A4_MM.long) - m.top - m.bottom;
}

/** The line height of table cells, as a multiple of the type size (the stylesheet's `line-height`). */
export const TABLE_LINE_HEIGHT = 1.25;
/** A caption's type (Arial, bold) in points, and its line height (the document's body line height). */
export const CAPTION_FONT_PT = 10.5;
const CAPTION_LINE_HEIGHT = 1.45;
/** The room under a caption, in millimetres (the stylesheet's figcaption margin). */
const CAPTION_GAP_MM = 2;
/** Tables of at most this many rows (header and totals included) may be kept on one page. */
export const KEEP_TOGETHER_ROWS = 14;
/** …when their estimated height is at most this share of the page's text height (the estimate is rough). */
const KEEP_TOGETHER_SHARE = 0.6;

/** How many lines a text takes in a width, breaking between the pieces `unbreakablePieces` gives (a longer piece breaks anywhere). */
export function wrappedLines(text: string, widthMm: number, bold: boolean, sizePt: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const space = tableTextWidthMm(' ', bold, sizePt);
    let line = -1; // the width taken on the current line; -1: none yet
    let count = 1;
    for (const piece of unbreakablePieces(paragraph)) {
      const w = tableTextWidthMm(piece, bold, sizePt);
      if (w > widthMm) {
        // a piece wider than the column breaks anywhere (overflow-wrap: anywhere)
        count += (line < 0 ? 0 : 1) + Math.ceil(w / widthMm) - 1;
        line = w % widthMm;
        continue;
      }
      if (line < 0) line = w;
      else if (line + space + w <= widthMm) line += space + w;
      else {
        count++;
        line = w;
      }
    }
    lines += count;
  }
  return lines;
}

/**
 * The height of a laid-out table on the page of `orientation`, in millimetres: each row as tall as
 * its tallest cell (its text wrapped in its column at the table's type size, a cell spanning rows
 * sharing its height among them), plus the caption's lines. An estimate from the same widths as
 * `layoutTable`, good to a few lines.
 */
export function estimateTableHeightMm(layout: TableLayout, orientation: Orientation, caption?: string): number {
  const page = textWidthMm(orientation);
  const lineMm = layout.fontPt * TABLE_LINE_HEIGHT * MM_PER_PT;
  let total = 0;
  const parts: [Grid, boolean][] = [[layout.header, true], [layout.body, false], [layout.footer, true]];
  for (const [grid, bold] of parts) {
    const heights = new Array<number>(grid.rows).fill(0);
    grid.byRow.forEach((cells, r) => {
      for (const placed of cells) {
        if (placed.filler) continue;
        const width = sumOf(layout.widths.slice(placed.col, placed.col + placed.colSpan)) * page - 2 * TABLE_CELL_PADDING_MM.x;
        const text = cellText(placed.cell.value, `${layout.label} row ${r + 1}`);
        const lines = placed.cell.value.kind === 'number' ? 1 : wrappedLines(text, Math.max(1, width), bold || placed.cell.bold === true, layout.fontPt);
        const mm = lines * lineMm + 2 * TABLE_CELL_PADDING_MM.y;
        for (let y = r; y < r + placed.rowSpan && y < grid.rows; y++) heights[y] = Math.max(heights[y] ?? 0, mm / placed.rowSpan);
      }
    });
    total += sumOf(heights);
  }
  if (caption) total += wrappedLines(caption, page, true, CAPTION_FONT_PT) * CAPTION_FONT_PT * CAPTION_LINE_HEIGHT * MM_PER_PT + CAPTION_GAP_MM;
  return total;
}

/**
 * Whether a table is kept on one page (never split, so its caption never stands alone at a page's
 * foot): when it has at most `KEEP_TOGETHER_ROWS` rows and its estimated height fits the page with
 * room to spare. A small table taller than a page is not kept: kept, it would leave the page before
 * it empty and break anyway, even inside its caption.
 */
export function keepTogether(layout: TableLayout, orientation: Orientation, caption?: string): boolean {
  const rows = layout.header.rows + layout.body.rows + layout.footer.rows;
  return rows <= KEEP_TOGETHER_ROWS && estimateTableHeightMm(layout, orientation, caption) <= KEEP_TOGETHER_SHARE * textHeightMm(orientation);
}

/** The page style of a section: its numbering and orientation, with the document's defaults. */
export interface PageStyle {
  numbering: 'roman' | 'arabic' | 'none';
  orientation: Orientation;
}

export function pageStyleOf(doc: DocumentModel, section: Section): PageStyle {
  return { numbering: section.numbering ?? 'arabic', orientation: section.orientation ?? doc.orientation ?? 'portrait' };
}

/** A heading of the document with the anchor it is rendered with. */
export interface HeadingEntry {
  heading: Heading;
  id: string;
  level: 1 | 2 | 3;
  text: string;
  inToc: boolean;
  section: Section;
}

/**
 * Anchors for every heading, in document order: the heading's own `id` when given, else
 * `h-` and a slug of its text; a repeated anchor gets `-2`, `-3`, ….
 */
export function headingAnchors(doc: DocumentModel): Map<Heading, HeadingEntry> {
  const used = new Set<string>();
  const out = new Map<Heading, HeadingEntry>();
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'heading') continue;
      const base = block.id ?? `h-${slugify(block.text) || 'bagian'}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      out.set(block, { heading: block, id, level: block.level, text: block.text, inToc: block.toc ?? true, section });
    }
  }
  return out;
}

/** Every block of the document in order, with its section. */
export function* allBlocks(doc: DocumentModel): Generator<{ section: Section; block: Block }> {
  for (const section of doc.sections) for (const block of section.blocks) yield { section, block };
}

/**
 * The smallest type a table asking for `orientation: 'fit'` is set in on a portrait page: a table
 * whose columns need more than the portrait text width even at this size goes to a landscape
 * part of its own (`withLandscapeParts`). Between it and `TABLE_FONT_PT` the table stays portrait
 * with its type a little smaller (`layoutTable`).
 */
export const PORTRAIT_MIN_FONT_PT = 8;

/** Whether a table is printed on a landscape page in a portrait section: asked for, or `fit` and too wide for portrait. */
export function wantsLandscape(t: Table): boolean {
  if (t.orientation === 'landscape') return true;
  if (t.orientation !== 'fit') return false;
  const label = tableLabel(t);
  const columns = Math.max(
    occupiedColumns(t.header, `${label} header`),
    occupiedColumns(t.body, `${label} body`),
    occupiedColumns(t.footer ?? [], `${label} footer`),
    1,
  );
  const grid = {
    columns,
    header: layoutGrid(t.header, columns, `${label} header`),
    body: layoutGrid(t.body, columns, `${label} body`),
    footer: layoutGrid(t.footer ?? [], columns, `${label} footer`),
    label,
  };
  const page = textWidthMm('portrait');
  return sumOf(columnNeedsMm(grid, page, PORTRAIT_MIN_FONT_PT).need) > page;
}

/** Blocks that go with the table after them to its landscape part: headings and introductions. */
const leadsIn = (b: Block): boolean => b.type === 'heading' || (b.type === 'paragraph' && b.keepWithNext === true);
/** Blocks that go with the table before them: its notes (a note that introduces something else stays). */
const trailsOut = (b: Block): boolean => b.type === 'paragraph' && b.style === 'note' && b.keepWithNext !== true;

/**
 * The document with every portrait section that holds a table wanting landscape (`wantsLandscape`)
 * split into parts: the table, with the headings and introductory paragraphs just before it and
 * its notes just after, on a landscape part of its own; the rest portrait. Consecutive such
 * tables share one part. The first part keeps the section's id, title and new page; the others
 * are `ID-2`, `ID-3`, … with the same numbering (the change of orientation starts their page).
 * Blocks are the same objects, so heading anchors stay. A document needing no split comes back
 * as it is; splitting a split document changes nothing.
 */
export function withLandscapeParts(doc: DocumentModel): DocumentModel {
  let changed = false;
  const sections = doc.sections.flatMap((s): Section[] => {
    if (pageStyleOf(doc, s).orientation !== 'portrait') return [s];
    const groups: { start: number; end: number }[] = [];
    s.blocks.forEach((b, i) => {
      if (b.type !== 'table' || !wantsLandscape(b)) return;
      let start = i;
      const floor = groups.length ? (groups[groups.length - 1] as { end: number }).end + 1 : 0;
      while (start > floor && leadsIn(s.blocks[start - 1] as Block)) start--;
      let end = i;
      while (end + 1 < s.blocks.length && trailsOut(s.blocks[end + 1] as Block)) end++;
      const last = groups[groups.length - 1];
      if (last && start <= last.end + 1) last.end = end;
      else groups.push({ start, end });
    });
    if (!groups.length) return [s];
    changed = true;
    const parts: { orientation: Orientation | undefined; blocks: Block[] }[] = [];
    let at = 0;
    for (const g of groups) {
      if (g.start > at) parts.push({ orientation: s.orientation, blocks: s.blocks.slice(at, g.start) });
      parts.push({ orientation: 'landscape', blocks: s.blocks.slice(g.start, g.end + 1) });
      at = g.end + 1;
    }
    if (at < s.blocks.length) parts.push({ orientation: s.orientation, blocks: s.blocks.slice(at) });
    return parts.map((p, k): Section => {
      const { orientation: _own, ...rest } = s;
      const base: Section = k === 0 ? { ...rest, blocks: p.blocks } : { id: `${s.id}-${k + 1}`, ...(s.numbering ? { numbering: s.numbering } : {}), blocks: p.blocks };
      return p.orientation ? { ...base, orientation: p.orientation } : base;
    });
  });
  return changed ? { ...doc, sections } : doc;
}
