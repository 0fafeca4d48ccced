/**
 * Reports with files (issue 11): the crest on the cover, documentation photos where their
 * activity or indicator is discussed, signed scans appended to the PDF as bookmarked Lampiran
 * pages; a file the store lacks said in its place, and the report a draft. The images and PDFs
 * are made here (a PNG drawn by resvg, PDFs by pdf-lib): the seed's are not available as files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../core/dataset/validate.js';
import type { Block, DocumentModel, Figure } from '../core/document/model.js';
import { buildLkip } from '../core/report/lkip.js';
import { MISSING_PHOTO } from '../core/report/lkip-files.js';
import { chromiumAvailable } from './chromium.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { installed } from './installed.js';
import { createPdfRenderer, type PdfRenderer } from './pdf.js';
import { readPdf } from './pdf-text.js';
import { datasetWithFiles, sha, type Made } from './test-files.js';

const blocks = (doc: DocumentModel): Block[] => doc.sections.flatMap((s) => s.blocks);
const figures = (doc: DocumentModel): Figure[] => blocks(doc).filter((b): b is Figure => b.type === 'image');

describe('an LKIP with files', () => {
  let made: Made;
  beforeAll(async () => {
    made = await datasetWithFiles();
  });

  it('the dataset with crest, photos and a scan is valid; a photo of an unknown activity is an error at its path', () => {
    expect(validateDataset(made.ds).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const bad = structuredClone(made.ds);
    bad.photos![0]!.activity = 'tidak-ada';
    const f = validateDataset(bad).findings.find((x) => x.code === 'unknown-activity');
    expect(f?.where).toBe('photos[0].activity');
  });

  it('places the crest on the cover, each photo after its subject, and attaches the scan', () => {
    const doc = buildLkip(made.ds, 2025, { files: made.files });
    expect(doc.crest?.image?.width).toBe(120);
    expect(doc.crest?.image?.height).toBe(140);
    const figs = figures(doc);
    // the activity's table is in the indicator's support detail, which comes before the indicator's own photo
    expect(figs.map((f) => f.caption)).toEqual(['Pelatihan kewirausahaan di Balai Desa', 'Pendampingan usaha mikro mandiri']);
    expect(figs.every((f) => f.image !== undefined)).toBe(true);
    // the activity's photo follows its table; the indicator's follows its analysis (before the next heading)
    const list = blocks(doc);
    const tableAt = list.findIndex((b) => b.type === 'table' && (b.caption ?? '').includes('Pelatihan Usaha Mikro'));
    const photoAt = list.findIndex((b) => b.type === 'image' && b.caption === 'Pelatihan kewirausahaan di Balai Desa');
    expect(tableAt).toBeGreaterThan(-1);
    expect(photoAt).toBe(tableAt + 1 + (list[tableAt + 1]?.type === 'paragraph' ? 1 : 0));
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments![0]!.title).toMatch(/^Lampiran 1\. Pindaian /);
    expect(doc.attachments![0]!.bytes?.byteLength).toBe(made.scan.byteLength);
    expect(doc.draft?.note ?? '').not.toMatch(/belum dilampirkan/);
  });

  it('a file the store lacks is said in its place and makes the report a draft', () => {
    const doc = buildLkip(made.ds, 2025, { files: new Map([[sha(made.crest), made.files.get(sha(made.crest))!]]) });
    const missing = figures(doc).filter((f) => !f.image);
    expect(missing).toHaveLength(2);
    expect(missing[0]!.missing).toContain(MISSING_PHOTO);
    expect(doc.draft?.label).toBe('DRAF');
    expect(doc.draft?.note).toContain('foto dokumentasi "Pelatihan kewirausahaan di Balai Desa"');
    expect(doc.draft?.note).toContain('pindaian "pk-2025-ttd.pdf"');
    expect(doc.attachments![0]!.bytes).toBeUndefined();
    const html = renderHtml(doc);
    expect(html).toContain('Foto dokumentasi kegiatan ini belum dilampirkan (Pelatihan kewirausahaan di Balai Desa).');
    expect(html).toContain('belum dilampirkan</strong>');
  });

  it('HTML embeds the stored bytes as they are', () => {
    const html = renderHtml(buildLkip(made.ds, 2025, { files: made.files }));
    expect(html).toContain(`data:image/png;base64,${made.crest.toString('base64')}`);
    expect(html).toContain(`data:image/png;base64,${made.photo.toString('base64')}`);
    expect(html).toContain('<figcaption>Pendampingan usaha mikro mandiri</figcaption>');
  });

  it('DOCX holds the image parts and lists the attachment', async () => {
    const docx = await renderDocx(buildLkip(made.ds, 2025, { files: made.files }));
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    const stored = await Promise.all(media.map(async (n) => sha(await zip.file(n)!.async('nodebuffer'))));
    expect(stored).toContain(sha(made.crest));
    expect(stored).toContain(sha(made.photo));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('BERKAS TERLAMPIR');
    expect(xml).toContain('pk-2025-ttd.pdf');
    expect(xml).toContain('Pelatihan kewirausahaan di Balai Desa');
  });
});

describe.skipIf(!chromiumAvailable())('the PDF of an LKIP with files', () => {
  let renderer: PdfRenderer;
  let made: Made;
  beforeAll(async () => {
    renderer = createPdfRenderer();
    made = await datasetWithFiles();
  });
  afterAll(() => renderer.close());

  it('appends the attached PDF as pages of its own, bookmarked; the crest is on the cover', async () => {
    const withFiles = buildLkip(made.ds, 2025, { files: made.files });
    const full = await renderer.render(withFiles);
    const read = await readPdf(full);
    const scanPages = 2;
    const first = read.pages.length - scanPages;
    expect(read.pages[first - 1]).toContain('BERKAS TERLAMPIR');
    expect(read.pages.at(-2)).toContain('PINDAIAN PERJANJIAN HALAMAN 1');
    expect(read.pages.at(-1)).toContain('PINDAIAN PERJANJIAN HALAMAN 2');
    const doc = await getDocument({ data: new Uint8Array(full), verbosity: 0, isEvalSupported: false }).promise;
    try {
      const outline = (await doc.getOutline()) ?? [];
      const last = outline.at(-1)!;
      expect(last.title).toBe(withFiles.attachments![0]!.title);
      const dest = Array.isArray(last.dest) ? last.dest : await doc.getDestination(String(last.dest));
      expect(await doc.getPageIndex(dest![0])).toBe(first);
      // Chromium's outline of the headings is kept before it
      expect(outline.some((o) => o.title.startsWith('BAB I'))).toBe(true);
    } finally {
      await doc.destroy();
    }
    if (installed('pdftoppm')) {
      const out = join(process.cwd(), 'artifacts');
      mkdirSync(out, { recursive: true });
      const file = join(out, 'lkip-files.pdf');
      writeFileSync(file, full);
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(out, 'lkip-files-cover')]);
      expect(readdirSync(out).some((f) => f.startsWith('lkip-files-cover'))).toBe(true);
    }
  }, 120_000);
});
