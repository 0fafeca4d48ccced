/**
 * The tables of a document as a spreadsheet (XLSX, with exceljs): one worksheet per table, named
 * after its caption, with merged header cells, numbers kept as numbers (with a number format that
 * reads the Indonesian way) and text neutralized against formula injection.
 *
 * Formula injection: a text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return could
 * be taken for a formula when someone edits the cell or saves the sheet as CSV. Such a cell gets
 * the Text number format (`@`) and Excel's `quotePrefix` flag (the hidden apostrophe Excel sets
 * when one types `'=…`), so it stays text and still shows exactly as written. exceljs cannot write
 * `quotePrefix`, so it is added to the cell styles of the written file afterwards.
 */
import ExcelJS from 'exceljs';
import type { Cell, DocumentModel, NumberFormat, Table } from '../core/document/model.js';
import { issueDate, normalizePackage } from './stamp.js';
import { EMPTY_MARK, cellAlign, layoutTable, normalizeFill, shownDecimals, textColorOn, type Grid } from './layout.js';

/** Whether a text would be read as a formula (or a DDE payload) by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Characters a worksheet name may not hold. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A worksheet name from a caption: forbidden characters dropped, at most 31 characters, unique
 * among `taken` (compared without case, as Excel does), `fallback` when nothing is left.
 */
export function sheetName(caption: string | undefined, fallback: string, taken: Set<string>): string {
  const clean = (s: string): string =>
    s.replace(SHEET_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  let base = clean(caption ?? '') || fallback;
  // "History" is reserved by Excel
  if (base.toLowerCase() === 'history') base = `${base} (tabel)`;
  const fit = (s: string, max: number): string => s.slice(0, max).trimEnd().replace(/'+$/, '');
  let name = fit(base, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${fit(base, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** The Excel number format of a numeric cell; `[$-421]` marks it Indonesian (LibreOffice then uses `.` and `,`). */
export function excelNumberFormat(value: number, format: NumberFormat): string {
  const d = shownDecimals(value, format);
  const digits = `#,##0${d > 0 ? `.${'0'.repeat(d)}` : ''}`;
  switch (format.kind) {
    case 'integer':
    case 'number':
      return `[$-421]${digits}`;
    case 'percent':
      // the value is in percent (87.25 means 87,25%), as in the model: shown with a literal sign, not scaled
      return `[$-421]${digits}"%"`;
    case 'rupiah':
      return `[$-421]"Rp "${digits}`;
  }
}

const HEADER_FILL = 'D9D9D9';
const TOTAL_FILL = 'F2F2F2';
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Marker number format of neutralized text cells (Text), found again when `quotePrefix` is added. */
const TEXT_FORMAT = '@';

function writeCell(target: ExcelJS.Cell, cell: Cell, part: 'header' | 'body' | 'footer', where: string): void {
  const v = cell.value;
  switch (v.kind) {
    case 'number':
      if (!Number.isFinite(v.value)) throw new Error(`${where}: expected a finite number, got ${v.value}`);
      target.value = v.value;
      target.numFmt = excelNumberFormat(v.value, v.format);
      break;
    case 'text':
      target.value = v.text;
      if (isFormulaLike(v.text)) target.numFmt = TEXT_FORMAT;
      break;
    case 'empty':
      target.value = EMPTY_MARK;
      if (v.reason) target.note = v.reason;
      break;
  }
  const fill = cell.fill ? normalizeFill(cell.fill, where) : part === 'header' ? HEADER_FILL : part === 'footer' ? TOTAL_FILL : undefined;
  if (fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
  const bold = part !== 'body' || !!cell.bold;
  const color = cell.fill && fill ? textColorOn(fill) : '000000';
  target.font = { name: 'Arial', size: 9, bold, color: { argb: `FF${color}` } };
  target.alignment = { horizontal: cellAlign(cell, part === 'header'), vertical: part === 'header' ? 'middle' : 'top', wrapText: true };
}

function writeGrid(ws: ExcelJS.Worksheet, grid: Grid, firstRow: number, part: 'header' | 'body' | 'footer', label: string): number {
  for (let r = 0; r < grid.rows; r++) {
    for (const p of grid.byRow[r] ?? []) {
      const top = firstRow + r;
      const left = p.col + 1;
      const where = `${label} ${part} row ${r + 1}, column ${p.col + 1}`;
      writeCell(ws.getCell(top, left), p.cell, part, where);
      const bottom = top + p.rowSpan - 1;
      const right = left + p.colSpan - 1;
      for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) ws.getCell(y, x).border = ALL_BORDERS;
      if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
    }
  }
  return firstRow + grid.rows;
}

function writeTable(ws: ExcelJS.Worksheet, t: Table): void {
  const layout = layoutTable(t);
  let row = 1;
  const textRow = (text: string, style: Partial<ExcelJS.Font>): void => {
    const c = ws.getCell(row, 1);
    c.value = text;
    if (isFormulaLike(text)) c.numFmt = TEXT_FORMAT;
    c.font = { name: 'Arial', size: 10, ...style };
    c.alignment = { horizontal: 'left', vertical: 'top', wrapText: false };
    row++;
  };
  if (t.caption) {
    textRow(t.caption, { bold: true, size: 11 });
    row++; // a blank line between the caption and the table
  }
  const headerTop = row;
  row = writeGrid(ws, layout.header, row, 'header', layout.label);
  const headerBottom = row - 1;
  row = writeGrid(ws, layout.body, row, 'body', layout.label);
  row = writeGrid(ws, layout.footer, row, 'footer', layout.label);
  if (t.source) {
    row++;
    textRow(t.source, { italic: true, size: 9 });
  }
  // column widths in characters, from the relative widths (about 150 characters across)
  layout.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.max(6, Math.round(w * 150));
  });
  if (layout.header.rows > 0) ws.views = [{ state: 'frozen', ySplit: headerBottom, xSplit: 0, topLeftCell: `A${headerBottom + 1}` }];
  if (layout.header.rows > 0) ws.pageSetup.printTitlesRow = `${headerTop}:${headerBottom}`;
}

/** Adds `quotePrefix="1"` to the cell styles of the Text format (xl/styles.xml), i.e. to every neutralized text cell. */
export function addQuotePrefix(styles: string): string {
  const cellXfs = /<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/.exec(styles);
  if (!cellXfs) return styles;
  // numFmtId 49 is Excel's built-in Text format ("@")
  const patched = cellXfs[0].replace(/<xf\b([^>]*?)(\/?)>/g, (tag, attrs: string, slash: string) =>
    /\bnumFmtId="49"/.test(attrs) && !/\bquotePrefix=/.test(attrs) ? `<xf${attrs} quotePrefix="1"${slash}>` : tag,
  );
  return styles.replace(cellXfs[0], patched);
}

/** The tables of the document as XLSX bytes (a sheet saying so when there is none). */
export async function renderXlsx(doc: DocumentModel): Promise<Buffer> {
  const date = issueDate(doc);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kinerja';
  wb.created = date;
  wb.modified = date;
  wb.title = doc.title;
  if (doc.subtitle) wb.subject = doc.subtitle;
  wb.description = `${doc.agency} — ${doc.year}`;
  const taken = new Set<string>();
  let n = 0;
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'table') continue;
      n++;
      const name = sheetName(block.caption, `Tabel ${n}`, taken);
      const landscape = (section.orientation ?? doc.orientation) === 'landscape';
      const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
      writeTable(ws, block);
    }
  }
  if (n === 0) {
    const ws = wb.addWorksheet(sheetName('Dokumen', 'Dokumen', taken));
    ws.getCell(1, 1).value = doc.title;
    if (isFormulaLike(doc.title)) ws.getCell(1, 1).numFmt = TEXT_FORMAT;
    ws.getCell(2, 1).value = 'Dokumen ini tidak memuat tabel.';
  }
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  // written again with quotePrefix added and every date from `issuedAt` (stamp.ts)
  return normalizePackage(written, date, (name, text) => (name === 'xl/styles.xml' ? addQuotePrefix(text) : text));
}
