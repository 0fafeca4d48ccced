/**
 * Register rows in files (registers.md, "Rows"), read and written as streams so that memory
 * stays flat whatever the file's size: CSV with csv-parse / csv-stringify (UTF-8, a BOM
 * skipped; the separator — comma, semicolon as Indonesian Excel writes it, or tab — taken from
 * the header line), XLSX with exceljs' streaming reader and writer (the first worksheet).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { text } from '../core/findings.js';
import { RegisterError, type Cell, type SourceRow } from '../core/registers/rows.js';

export type RowFileFormat = 'csv' | 'xlsx';

/** The format of a file by its extension, or a RegisterError. */
export function rowFileFormat(path: string): RowFileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new RegisterError(
    text(`${path}: expected a .csv or .xlsx file, got "${ext || '(no extension)'}"`, `${path}: seharusnya berkas .csv atau .xlsx, tertulis "${ext || '(tanpa ekstensi)'}"`),
  );
}

/** The separator of a CSV file: the one of comma, semicolon and tab most frequent on its first line. */
async function sniffDelimiter(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const first = buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
    const count = (c: string): number => first.split(c).length - 1;
    const best = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0]!;
    return best[1] > 0 ? best[0] : ',';
  } finally {
    await fh.close();
  }
}

/** The rows of a CSV file, numbered as a spreadsheet shows them (the header is row 1). */
export async function* readCsvRows(path: string): AsyncGenerator<SourceRow> {
  const delimiter = await sniffDelimiter(path);
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      throw new RegisterError(
        text(`${path}: not a readable CSV file near line ${err.lines ?? row + 1} (${err.code})`, `${path}: bukan berkas CSV yang dapat dibaca di sekitar baris ${err.lines ?? row + 1} (${err.code})`),
      );
    }
    throw e;
  }
}

/** An XLSX cell's value as a plain value: rich text joined, a formula's result, a hyperlink's text. */
export function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return xlsxCell(o.result);
    if (typeof o.text === 'string') return o.text;
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}

/** The rows of an XLSX file's first worksheet, numbered as Excel shows them. */
export async function* readXlsxRows(path: string): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = r.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
      yield { row: r.number, cells };
    }
    return; // the first worksheet only
  }
}

/** The rows of a CSV or XLSX file by its extension. */
export function readRowFile(path: string): AsyncGenerator<SourceRow> {
  return rowFileFormat(path) === 'csv' ? readCsvRows(path) : readXlsxRows(path);
}

type OutCell = string | number | null;

/** Write a header and rows to a CSV (comma-separated, UTF-8) or XLSX file, streamed. */
export async function writeRowFile(path: string, header: readonly string[], rows: AsyncIterable<OutCell[]> | Iterable<OutCell[]>, sheetName = 'Register'): Promise<number> {
  let n = 0;
  if (rowFileFormat(path) === 'csv') {
    const out = createWriteStream(path);
    const csv = stringify({ bom: false });
    csv.pipe(out);
    const write = async (cells: readonly OutCell[]): Promise<void> => {
      if (!csv.write(cells.map((c) => (c === null ? '' : c)))) await new Promise((r) => csv.once('drain', r));
    };
    await write(header);
    for await (const cells of rows) {
      await write(cells);
      n++;
    }
    csv.end();
    await finished(out);
    return n;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow([...header]).commit();
  for await (const cells of rows) {
    ws.addRow(cells).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}
