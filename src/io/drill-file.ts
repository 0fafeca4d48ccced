/**
 * A drill-down's list as a file for spreadsheets (registers.md, "Drill-down"): CSV as Indonesian
 * Excel reads it (`;` between cells — the decimal mark is a comma —, UTF-8 with a BOM), streamed;
 * or XLSX (exceljs' streaming writer into a temporary file, then its styles given `quotePrefix`
 * as report/xlsx.ts does). Formula injection is neutralized in both: a text starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets an apostrophe in CSV, the Text format and
 * `quotePrefix` in XLSX, so it stays text.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addQuotePrefix, isFormulaLike } from '../report/xlsx.js';
import { normalizePackage } from '../report/stamp.js';

export type DrillCell = string | number | null;

/** One CSV cell: quoted, a formula-like text neutralized with an apostrophe. */
export function csvCell(v: DrillCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  const safe = isFormulaLike(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The rows as a CSV byte stream (BOM, `;`, CRLF), pulled from `rows` as the client reads. */
export function drillCsvStream(header: readonly string[], rows: AsyncIterable<DrillCell[]>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(`\uFEFF${header.map(csvCell).join(';')}\r\n`));
        return;
      }
      let chunk = '';
      for (let i = 0; i < 500; i++) {
        const n = await it.next();
        if (n.done) {
          if (chunk) controller.enqueue(enc.encode(chunk));
          controller.close();
          return;
        }
        chunk += `${n.value.map(csvCell).join(';')}\r\n`;
      }
      controller.enqueue(enc.encode(chunk));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** The rows as XLSX bytes: a bold header, numbers as numbers, formula-like texts kept text. */
export async function drillXlsx(header: readonly string[], rows: AsyncIterable<DrillCell[]>, sheetName: string, now = new Date()): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kinerja-rincian-'));
  try {
    const path = join(dir, 'rincian.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    wb.creator = 'Kinerja';
    const ws = wb.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Rincian');
    const put = (cells: readonly DrillCell[], bold: boolean): void => {
      const row = ws.addRow(cells.map((c) => c ?? null));
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (typeof c === 'string' && isFormulaLike(c)) cell.numFmt = '@';
        if (bold) cell.font = { bold: true };
      });
      row.commit();
    };
    put(header, true);
    for await (const cells of rows) put(cells, false);
    ws.commit();
    await wb.commit();
    return await normalizePackage(await readFile(path), now, (name, text) => (name === 'xl/styles.xml' ? addQuotePrefix(text) : text));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
