/**
 * The files attached after a report (the scans of signed agreements and decrees) appended to the
 * printed PDF with pdf-lib: an attached PDF's pages as they are, an image on an A4 page of its
 * own; each attachment bookmarked (a top-level outline item after the headings' outline
 * Chromium wrote). Missing files are not appended (the report lists them as missing).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, type PDFPage } from 'pdf-lib';
import type { Attachment } from '../core/document/model.js';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;

async function pagesOf(out: PDFDocument, a: Attachment & { bytes: Uint8Array }): Promise<PDFPage[]> {
  if (a.mediaType === 'application/pdf') {
    const src = await PDFDocument.load(a.bytes, { ignoreEncryption: true, updateMetadata: false });
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
    return pages;
  }
  const img = a.mediaType === 'image/png' ? await out.embedPng(a.bytes) : await out.embedJpg(a.bytes);
  const page = out.addPage([A4.width, A4.height]);
  const scale = Math.min((A4.width - 2 * MARGIN) / img.width, (A4.height - 2 * MARGIN) / img.height);
  const w = img.width * scale;
  const h = img.height * scale;
  page.drawImage(img, { x: (A4.width - w) / 2, y: (A4.height - h) / 2, width: w, height: h });
  return [page];
}

/** Add a top-level outline item (a bookmark) pointing at the top of `page`. */
function addBookmark(doc: PDFDocument, title: string, page: PDFPage): void {
  const ctx = doc.context;
  let outlinesRef = doc.catalog.get(PDFName.of('Outlines'));
  let outlines = outlinesRef instanceof PDFRef ? ctx.lookup(outlinesRef, PDFDict) : undefined;
  if (!outlines) {
    outlines = ctx.obj({ Type: 'Outlines', Count: 0 }) as PDFDict;
    outlinesRef = ctx.register(outlines);
    doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  }
  const dest = PDFArray.withContext(ctx);
  dest.push(page.ref);
  dest.push(PDFName.of('XYZ'));
  dest.push(PDFNull);
  dest.push(PDFNumber.of(page.getHeight()));
  dest.push(PDFNull);
  const item = ctx.obj({}) as PDFDict;
  item.set(PDFName.of('Title'), PDFHexString.fromText(title));
  item.set(PDFName.of('Parent'), outlinesRef as PDFRef);
  item.set(PDFName.of('Dest'), dest);
  const itemRef = ctx.register(item);
  const last = outlines.get(PDFName.of('Last'));
  if (last instanceof PDFRef) {
    item.set(PDFName.of('Prev'), last);
    ctx.lookup(last, PDFDict).set(PDFName.of('Next'), itemRef);
  } else {
    outlines.set(PDFName.of('First'), itemRef);
  }
  outlines.set(PDFName.of('Last'), itemRef);
  const count = outlines.get(PDFName.of('Count'));
  const n = count instanceof PDFNumber ? count.asNumber() : 0;
  // a positive count: the outline is open; its visible items grow by one
  outlines.set(PDFName.of('Count'), PDFNumber.of(n >= 0 ? n + 1 : n - 1));
}

/** The printed PDF with the present attachments appended, each bookmarked by its title. */
export async function appendAttachments(pdf: Uint8Array, attachments: readonly Attachment[]): Promise<Buffer> {
  const present = attachments.filter((a): a is Attachment & { bytes: Uint8Array } => a.bytes !== undefined);
  if (!present.length) return Buffer.from(pdf);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  for (const a of present) {
    const pages = await pagesOf(doc, a);
    if (pages[0]) addBookmark(doc, a.title, pages[0]);
  }
  // no object streams: the document information stays plain text (stamp.ts writes the dates into it)
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
