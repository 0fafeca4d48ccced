/**
 * Reproducible output: every date a renderer writes into a file comes from the document's
 * `issuedAt`, and everything a library numbers from process-wide counters is renumbered, so the
 * same DocumentModel gives the same bytes, in this process or another, today or years later
 * (with the same versions of Kinerja, its libraries and Chromium).
 *
 * - DOCX and XLSX are zip packages: they are written again with every entry dated at the issue
 *   time (DOS time, UTC, whole 2 seconds), in the order the library wrote them, and the package's
 *   `docProps/core.xml` created/modified dates set to the issue time.
 * - DOCX: the `docx` library numbers bookmarks (`_TocN`) and drawings (`wp:docPr id`) from
 *   counters that keep running across documents; they are renumbered 1, 2, … in document order.
 * - PDF: Chromium writes `/CreationDate` and `/ModDate` with the time of printing; they are
 *   overwritten in place with the issue time in a token of the same length, so every byte offset
 *   (the cross-reference table) stays valid. Chromium writes no `/ID`. The structure elements'
 *   ids (from a renderer-wide DOM node counter) are renumbered by rank, also in place.
 */
import type { DocumentModel } from '../core/document/model.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The issue time of a document as a Date in whole seconds: its `issuedAt` (an ISO date-time with
 * a zone, or a date alone meaning midnight UTC), else `now()`. Zip entries can only carry times
 * from 1980 to 2107, so an issue date outside is refused.
 */
export function issueDate(doc: Pick<DocumentModel, 'issuedAt'>, now: () => Date = () => new Date()): Date {
  let date: Date;
  if (doc.issuedAt === undefined) {
    date = now();
  } else {
    const m = ISO.exec(doc.issuedAt);
    date = new Date(m && !m[4] ? `${doc.issuedAt}T00:00:00Z` : doc.issuedAt);
    if (!m || Number.isNaN(date.getTime())) {
      throw new Error(`issuedAt: expected an ISO date-time with a time zone such as 2026-01-31T08:00:00Z, got "${doc.issuedAt}"`);
    }
  }
  const year = date.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new Error(`issuedAt: expected a date between 1980 and 2107, got ${date.toISOString()}`);
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** `2026-01-31T08:00:00Z`: the W3CDTF form of Office document properties. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Sets the created and modified dates of an Office package's `docProps/core.xml`. */
export function stampCoreProperties(xml: string, date: Date): string {
  const value = w3cdtf(date);
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_m, open: string, _n: string, close: string) => `${open}${value}${close}`);
}

/** Renumbers, in order of first appearance, the numbers found by `pattern` (group 2 is the number). */
function renumber(xml: string, pattern: RegExp): string {
  const map = new Map<string, number>();
  return xml.replace(pattern, (_m, before: string, n: string, after: string) => {
    let k = map.get(n);
    if (k === undefined) {
      k = map.size + 1;
      map.set(n, k);
    }
    return `${before}${k}${after}`;
  });
}

/**
 * A DOCX part with the ids the `docx` library takes from process-wide counters renumbered in
 * document order: bookmark ids, `_TocN` bookmark names and the references to them, drawing ids.
 */
export function canonicalDocxIds(xml: string): string {
  let out = renumber(xml, /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g);
  out = renumber(out, /((?:\bw:name="|\bw:anchor="|PAGEREF )_Toc)(\d+)(\b)/g);
  out = renumber(out, /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g);
  return out;
}

/**
 * A zip package written again reproducibly: the same entries in the same order, each dated
 * `date`, DEFLATE-compressed; `rewrite` may change the text of any entry (the core properties
 * are always stamped with `date`).
 */
export async function normalizePackage(bytes: Uint8Array, date: Date, rewrite?: (name: string, text: string) => string): Promise<Buffer> {
  const { default: JSZip } = await import('jszip'); // only the DOCX and XLSX writers need it, not HTML or PDF
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(src.files)) {
    if (entry.dir) {
      out.file(entry.name, null, { dir: true, date, createFolders: false });
      continue;
    }
    let content: Uint8Array | string = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml' || (rewrite && /\.(xml|rels)$/.test(entry.name))) {
      let text = Buffer.from(content).toString('utf8');
      if (entry.name === 'docProps/core.xml') text = stampCoreProperties(text, date);
      if (rewrite) text = rewrite(entry.name, text);
      content = text;
    }
    out.file(entry.name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/**
 * A tagged PDF from Chromium names its structure elements after the DOM nodes they come from
 * (`/ID (node00000321)`), numbered by a counter of the browser's renderer process that other
 * work in that process advances. The numbers are replaced by their rank (1, 2, …) in the same
 * 8 digits: the order is kept, so the sorted ID name tree stays sorted, and so is every length
 * and byte offset. Other `nodeNNNNNNNN` strings (in text, compressed streams) are not touched.
 */
export function canonicalPdfNodeIds(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const pattern = /\(node(\d{8})\)/g;
  const ids = [...new Set([...text.matchAll(pattern)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  if (ids.length === 0 || ids.every((id, i) => id === i + 1)) return pdf;
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return Buffer.from(text.replace(pattern, (_m, n: string) => `(node${rank.get(Number(n))!})`), 'latin1');
}

/** `D:20260131080000+00'00'`: a PDF date in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/**
 * The PDF with its document information dates (`/CreationDate`, `/ModDate`) set to `date`. Each
 * is rewritten in place: the new string token, padded with spaces after it, takes exactly the
 * bytes of the old one, so the cross-reference offsets stay right. Throws when there is none
 * (a PDF writer that changed how it writes them must be looked at, not silently passed).
 */
export function stampPdfDates(pdf: Buffer, date: Date): Buffer {
  const text = pdf.toString('latin1');
  const full = `(${pdfDate(date)})`;
  const short = `(${pdfDate(date).replace(/\+00'00'$/, 'Z')})`;
  let found = 0;
  const stamped = text.replace(/(\/(?:CreationDate|ModDate)\s*)(\(D:[^)]*\))/g, (_m, key: string, old: string) => {
    found++;
    const token = full.length <= old.length ? full : short;
    if (token.length > old.length) throw new Error(`PDF: the date ${old} is shorter than any date Kinerja can write in its place`);
    return key + token + ' '.repeat(old.length - token.length);
  });
  if (found === 0) throw new Error('PDF: expected /CreationDate or /ModDate in the document information, found neither');
  const out = Buffer.from(stamped, 'latin1');
  if (out.length !== pdf.length) throw new Error('PDF: stamping the dates changed the file length'); // cannot happen: tokens keep their length
  return out;
}
