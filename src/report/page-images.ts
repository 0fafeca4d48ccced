/**
 * Tests: a PDF's pages as pictures (pdftoppm, grey, low resolution) and what a reader sees on
 * them, measured in millimetres: how far down the page the ink reaches and how wide the table
 * rules on it run. Needs pdftoppm (poppler-utils): see installed.ts for skipping without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PageImage {
  /** pixels across and down */
  width: number;
  height: number;
  /** pixels per millimetre */
  scale: number;
  /** grey levels, row by row, 0 black … 255 white */
  grey: Uint8Array;
}

/** Reads a binary PGM (P5, 8 bits) as pdftoppm writes it. */
export function readPgm(bytes: Buffer, dpi: number): PageImage {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at] as number))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++; // a comment
      continue;
    }
    let field = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at] as number))) field += String.fromCharCode(bytes[at++] as number);
    fields.push(field);
  }
  at++; // the single white space after the maximum value
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || max !== '255') throw new Error(`expected an 8-bit binary PGM (P5, 255), got ${magic} with maximum ${max}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, scale: dpi / 25.4, grey: new Uint8Array(bytes.buffer, bytes.byteOffset + at, width * height) };
}

/** Every page of a PDF as a grey picture at `dpi` (pdftoppm). */
export function pageImages(pdf: Buffer | string, dpi = 40): PageImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-pages-'));
  try {
    const source = typeof pdf === 'string' ? pdf : join(dir, 'document.pdf');
    if (typeof pdf !== 'string') writeFileSync(source, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), source, join(dir, 'page')]);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]));
    return files.map((f) => readPgm(readFileSync(join(dir, f)), dpi));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A rectangle on a page in millimetres from its top left corner. */
export interface AreaMm {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A pixel darker than this is ink. */
const INK = 200;

/** How far down an area the ink reaches, in millimetres from the area's top (0: no ink). */
export function inkDepthMm(img: PageImage, area: AreaMm): number {
  const x0 = Math.round(area.left * img.scale);
  const x1 = Math.min(img.width, Math.round(area.right * img.scale));
  const y0 = Math.round(area.top * img.scale);
  const y1 = Math.min(img.height, Math.round(area.bottom * img.scale));
  for (let y = y1 - 1; y >= y0; y--) {
    for (let x = x0; x < x1; x++) if ((img.grey[y * img.width + x] as number) < INK) return (y + 1 - y0) / img.scale;
  }
  return 0;
}

/**
 * The width, in millimetres, between the leftmost and the rightmost vertical rule on a page: a
 * column of pixels inked without a gap over at least `minMm` (a table's cell borders; letters
 * and lines of text never run that long). 0 when there is none.
 */
export function ruledWidthMm(img: PageImage, minMm = 12): number {
  const need = Math.round(minMm * img.scale);
  let first = -1;
  let last = -1;
  for (let x = 0; x < img.width; x++) {
    let run = 0;
    for (let y = 0; y < img.height; y++) {
      if ((img.grey[y * img.width + x] as number) < INK) {
        if (++run >= need) break;
      } else run = 0;
    }
    if (run >= need) {
      if (first < 0) first = x;
      last = x;
    }
  }
  return first < 0 ? 0 : (last - first + 1) / img.scale;
}
