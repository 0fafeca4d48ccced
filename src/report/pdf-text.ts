/**
 * A PDF read back for the tests, with PDF.js (pdfjs-dist, from npm: no poppler needed): the text
 * of each page as lines (items on one baseline joined left to right, a space where they stand
 * apart, lines from the top), each page's size, the document's title and the fonts it embeds.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReading {
  /** each page's text, its lines joined with `\n` */
  pages: string[];
  /** every page's text, separated by form feeds (as pdftotext writes them) */
  text: string;
  /** each page's size in points */
  sizes: { width: number; height: number }[];
  /** the document information's title */
  title: string | undefined;
  /** the base names of the fonts it embeds (`Tinos-Regular`), without their subset prefix, sorted */
  fonts: string[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

function lines(items: Item[]): string {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows.find((r) => Math.abs((r[0] as Item).y - it.y) < Math.max(1, Math.min((r[0] as Item).size, it.size) * 0.4));
    if (row) row.push(it);
    else rows.push([it]);
  }
  rows.sort((a, b) => (b[0] as Item).y - (a[0] as Item).y);
  return rows
    .map((row) => {
      row.sort((a, b) => a.x - b.x);
      let out = '';
      let end: number | undefined;
      for (const it of row) {
        if (end !== undefined && it.x - end > it.size * 0.15 && !out.endsWith(' ') && !it.str.startsWith(' ')) out += ' ';
        out += it.str;
        end = it.x + it.width;
      }
      return out.replace(/\s+$/, '');
    })
    .join('\n');
}

/** Reads a PDF (bytes or a file's path). */
export async function readPdf(source: Uint8Array | string): Promise<PdfReading> {
  const bytes = typeof source === 'string' ? readFileSync(source) : source;
  const data = new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    const sizes: { width: number; height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const rotated = page.rotate % 180 !== 0;
      sizes.push(rotated ? { width: y1 - y0, height: x1 - x0 } : { width: x1 - x0, height: y1 - y0 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e ?? 0, y: f ?? 0, width: it.width, size: Math.hypot(a ?? 0, b ?? 0) || it.height || 10 });
      }
      pages.push(lines(items));
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string };
    const fonts = [...new Set([...Buffer.from(bytes).toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1] as string))].sort();
    return { pages, text: pages.join('\f') + '\f', sizes, title: info.Title, fonts };
  } finally {
    await doc.destroy();
  }
}
