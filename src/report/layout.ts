/**
 * What every renderer needs to agree on: how a cell's value reads, where a merged cell sits in
 * the table's grid, which anchor a heading gets, which page style a section uses. Pure
 * functions over the document model; the renderers (html, docx, xlsx, pdf) only lay these out.
 */
import type { Block, Cell, CellValue, DocumentModel, Heading, NumberFormat, Section, Table } from '../core/document/model.js';
import { formatNumber, formatPercent, formatRupiah, roundHalfUp, decimalsOf } from '../core/format.js';
import { slugify } from '../core/dataset/model.js';

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

/** A table laid out: its three parts on one column grid, and the relative column widths. */
export interface TableLayout {
  columns: number;
  header: Grid;
  body: Grid;
  footer: Grid;
  /** relative widths, summing to 1 */
  widths: number[];
  /** a label for error messages: the caption, else the id, else "table" */
  label: string;
}

export function tableLabel(t: Table): string {
  return t.caption ? `table "${t.caption}"` : t.id ? `table ${t.id}` : 'table';
}

export function layoutTable(t: Table): TableLayout {
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
  return {
    columns,
    header: layoutGrid(t.header, columns, `${label} header`),
    body: layoutGrid(t.body, columns, `${label} body`),
    footer: layoutGrid(t.footer ?? [], columns, `${label} footer`),
    widths,
    label,
  };
}

/** The page style of a section: its numbering and orientation, with the document's defaults. */
export interface PageStyle {
  numbering: 'roman' | 'arabic' | 'none';
  orientation: 'portrait' | 'landscape';
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
