/**
 * The report's fonts, from npm: Tinos and Arimo (the fonts Liberation Serif and Sans 2 are made
 * from; metric-compatible with Times New Roman and Arial), as the WOFF files of @fontsource/tinos
 * and @fontsource/arimo. The HTML (and so the PDF) embeds them, and resvg draws the charts' PNG
 * with them, so a report's look and bytes do not depend on the fonts a machine has.
 *
 * Fontsource cuts each face into subsets by script (latin, latin-ext, cyrillic, …), each with its
 * unicode-range: a document embeds only the subsets its text uses. Characters no subset of Tinos
 * and Arimo has (≤, ≥, ∑, arrows: fontsource's subsets leave out the mathematical operators) come
 * from Noto Sans Math (@fontsource/noto-sans-math: one regular face, the whole font in one file of
 * 256 KB, which fontsource labels latin), embedded only when the text has such a character, so
 * they do not fall back to a machine's fonts either.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { cacheDir } from './cache.js';

export type FontFamily = 'Tinos' | 'Arimo' | 'Noto Sans Math';
export interface FontFace {
  family: FontFamily;
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** The family for the characters Tinos and Arimo lack (regular only: the browser slants and emboldens it). */
export const SYMBOLS: FontFace = { family: 'Noto Sans Math', weight: 400, style: 'normal' };

/** The serif of the reports (Times New Roman's metrics) and the sans-serif (Arial's), as CSS font stacks. */
export const SERIF_STACK = "Tinos, 'Noto Sans Math', 'Times New Roman', Times, serif";
export const SANS_STACK = "Arimo, 'Noto Sans Math', Arial, Helvetica, sans-serif";

const PACKAGE: Record<FontFamily, string> = {
  Tinos: '@fontsource/tinos',
  Arimo: '@fontsource/arimo',
  'Noto Sans Math': '@fontsource/noto-sans-math',
};
/** The families' names in fontsource's file names. */
const fileStem = (family: FontFamily): string => family.toLowerCase().replace(/ /g, '-');
const require = createRequire(import.meta.url);

/** The folder of a family's package. */
function packageDir(family: FontFamily): string {
  return dirname(require.resolve(`${PACKAGE[family]}/package.json`));
}

/** The package and version a family comes from (`@fontsource/tinos@5.3.0`). */
export function fontPackage(family: FontFamily): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(packageDir(family), 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/** A unicode-range as code point intervals. */
type Ranges = [number, number][];

const subsetCache = new Map<FontFamily, { name: string; ranges: Ranges; css: string }[]>();

/** A family's subsets (as fontsource names them) with their unicode ranges. */
export function subsets(family: FontFamily): { name: string; ranges: Ranges; css: string }[] {
  const cached = subsetCache.get(family);
  if (cached) return cached;
  const json = JSON.parse(readFileSync(join(packageDir(family), 'unicode.json'), 'utf8')) as Record<string, string>;
  const out = Object.entries(json).map(([name, css]) => ({
    name,
    css,
    ranges: css.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      const lo = parseInt(a ?? '', 16);
      return [lo, b === undefined ? lo : parseInt(b, 16)];
    }),
  }));
  subsetCache.set(family, out);
  return out;
}

/** The WOFF file of one face and subset. */
function woffPath(face: FontFace, subset: string): string {
  return join(packageDir(face.family), 'files', `${fileStem(face.family)}-${subset}-${face.weight}-${face.style}.woff`);
}

/** The code points of a text. */
export function codePoints(text: string): Set<number> {
  const out = new Set<number>();
  for (const ch of text) out.add(ch.codePointAt(0) ?? 0);
  return out;
}

/** The subsets of a family that hold at least one of the code points. */
export function subsetsFor(family: FontFamily, points: ReadonlySet<number>): string[] {
  const sorted = [...points].sort((a, b) => a - b);
  return subsets(family)
    .filter((s) => s.ranges.some(([lo, hi]) => sorted.some((p) => p >= lo && p <= hi)))
    .map((s) => s.name);
}

/** Whether a code point is in a family's subsets. */
function covers(family: FontFamily, point: number): boolean {
  return subsets(family).some((s) => s.ranges.some(([lo, hi]) => point >= lo && point <= hi));
}

/**
 * `@font-face` rules embedding the faces (WOFF as data: URLs) in the subsets the text uses, each
 * with its unicode-range so the browser takes every character from the subset that has it; and
 * the symbols face in the subsets that hold the characters the faces lack.
 */
export function fontFaceCss(faces: readonly FontFace[], text: string): string {
  const points = codePoints(text);
  const lacking = new Set([...points].filter((p) => lacks(faces, p)));
  const rules: string[] = [];
  const rule = (face: FontFace, subset: string, range?: string): string =>
    `@font-face { font-family: '${face.family}'; font-style: ${face.style}; font-weight: ${face.weight}; ` +
    `src: url(data:font/woff;base64,${readFileSync(woffPath(face, subset)).toString('base64')}) format('woff')${range ? `; unicode-range: ${range}` : ''}; }`;
  for (const face of faces) {
    const wanted = new Set(subsetsFor(face.family, points));
    for (const s of subsets(face.family)) if (wanted.has(s.name)) rules.push(rule(face, s.name, s.css));
  }
  // the whole symbols font (its one file), without a range: it is asked only for what the others lack
  if (lacking.size > 0) rules.push(rule(SYMBOLS, 'latin'));
  return rules.join('\n');
}

/**
 * A WOFF 1.0 font as the TrueType/OpenType (sfnt) font it wraps: the same tables, each inflated
 * when WOFF stored it compressed (zlib), behind an sfnt table directory. resvg reads sfnt only.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = woff.toString('latin1', e, e + 4);
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const checksum = woff.readUInt32BE(e + 16);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error(`WOFF table ${tag}: expected ${origLength} bytes, got ${data.length}`);
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const entrySelector = Math.floor(Math.log2(Math.max(1, numTables)));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    header.write(t.tag, r, 4, 'latin1');
    header.writeUInt32BE(t.checksum, r + 4);
    header.writeUInt32BE(offset, r + 8);
    header.writeUInt32BE(t.data.length, r + 12);
    const padded = Buffer.alloc(Math.ceil(t.data.length / 4) * 4);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** Whether a code point is one no subset of the faces has (the symbols face's). */
export function lacks(faces: readonly FontFace[], point: number): boolean {
  return point > 0x20 && !faces.some((f) => covers(f.family, point));
}

/**
 * One subset of a face as a TrueType file in Kinerja's cache (written once per package version,
 * in one rename so a concurrent process never reads half of it), for resvg, which reads font files
 * from disk only.
 */
export function sfntFile(face: FontFace, subset: string): string {
  const { version } = fontPackage(face.family);
  const dir = cacheDir(`fonts-${fileStem(face.family)}-${version}`);
  const file = join(dir, `${fileStem(face.family)}-${subset}-${face.weight}-${face.style}.ttf`);
  if (!exists(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, woffToSfnt(readFileSync(woffPath(face, subset))));
    renameSync(tmp, file);
  }
  return file;
}

/**
 * The TrueType files of the faces in the subsets a text uses, and of the symbols face when the
 * text has a character they lack.
 */
export function sfntFilesFor(faces: readonly FontFace[], text: string): string[] {
  const points = codePoints(text);
  const files = faces.flatMap((face) => subsetsFor(face.family, points).map((subset) => sfntFile(face, subset)));
  if ([...points].some((p) => lacks(faces, p))) files.push(sfntFile(SYMBOLS, 'latin'));
  return files;
}

function exists(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}
