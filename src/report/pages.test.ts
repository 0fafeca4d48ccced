/**
 * The demo LKIP as a reader sees it (issue 11): printed once to PDF, its pages looked at as
 * pictures (pdftoppm) and read back as text (PDF.js). Landscape only where a table needs it, no
 * page left mostly empty, no heading or introduction stranded at a page's foot.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../core/dataset/schema.js';
import type { Block, DocumentModel, Inline } from '../core/document/model.js';
import { buildLkip } from '../core/report/lkip.js';
import { chromiumAvailable } from './chromium.js';
import { skipReason } from './installed.js';
import { PAGE_MARGINS_MM, textHeightMm, textWidthMm, withLandscapeParts, type Orientation } from './layout.js';
import { inkDepthMm, pageImages, ruledWidthMm, type PageImage } from './page-images.js';
import { createPdfRenderer } from './pdf.js';
import { readPdf } from './pdf-text.js';

const pdftoppm = skipReason('pdftoppm', 'poppler-utils', 'pictures of the pages');
const haveChromium = chromiumAvailable();

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

/** Text as compared: white space collapsed. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();
const inlineText = (parts: Inline[]): string => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

interface Page {
  orientation: Orientation;
  image: PageImage;
  /** the page's text without its footer (title and page number), white space collapsed */
  text: string;
}

/** The least share of a page's text height a page is filled to, unless it ends a chapter. */
const LEAST_FILL = 1 / 3;

describe.skipIf(!haveChromium || !!pdftoppm)(`the demo LKIP's pages${pdftoppm}`, () => {
  const model = buildLkip(demo(), 2025);
  const doc: DocumentModel = withLandscapeParts(model);
  let pages: Page[] = [];

  beforeAll(async () => {
    const renderer = createPdfRenderer();
    try {
      const pdf = await renderer.render(model);
      const images = pageImages(pdf, 30);
      const reading = await readPdf(pdf);
      pages = images.map((image, i) => ({
        orientation: image.width > image.height ? 'landscape' : 'portrait',
        image,
        text: flat(
          (reading.pages[i] ?? '')
            .split('\n')
            .filter((line) => !line.startsWith(model.title))
            .join(' '),
        ),
      }));
    } finally {
      await renderer.close();
    }
  }, 120_000);
  afterAll(() => {
    pages = [];
  });

  /** The page index at or after `from` whose text holds `needle` after `offset` there, and where it ends. */
  const find = (needle: string, from: { page: number; offset: number }): { page: number; offset: number } | undefined => {
    for (let p = from.page; p < pages.length; p++) {
      const at = (pages[p] as Page).text.indexOf(needle, p === from.page ? from.offset : 0);
      if (at >= 0) return { page: p, offset: at + needle.length };
    }
    return undefined;
  };

  /** Where every new-page section of the (split) document starts: the page its first text is on. */
  const chapterStarts = (): Set<number> => {
    const starts = new Set<number>();
    let cursor = 1;
    let orientation = doc.orientation ?? 'portrait';
    for (const s of doc.sections) {
      const first = s.blocks[0];
      const text = first?.type === 'heading' ? first.text : first?.type === 'toc' ? first.title : first?.type === 'paragraph' ? inlineText(first.content) : undefined;
      // a part of another orientation (a wide table's landscape part, and the portrait after it) begins a page too
      const turns = (s.orientation ?? doc.orientation ?? 'portrait') !== orientation;
      orientation = s.orientation ?? doc.orientation ?? 'portrait';
      if ((!s.newPage && !turns) || !text) continue;
      // the first page from the last start on that opens with it (the contents list it too, further down)
      const head = flat(text).slice(0, 40);
      const page = pages.findIndex((p, i) => i >= cursor && p.text.startsWith(head));
      expect(page, `the start of section ${s.id} ("${head}") opens a page`).toBeGreaterThan(0);
      starts.add(page);
      cursor = page;
    }
    return starts;
  };

  it('prints prose and the tables that fit on portrait pages, and on landscape pages only tables wider than portrait', () => {
    const landscape = pages.flatMap((p, i) => (p.orientation === 'landscape' ? [i + 1] : []));
    expect(landscape.length).toBeGreaterThan(0);
    expect(landscape.length).toBeLessThan(pages.length / 4); // before issue 11: 34 of 70 pages
    for (const n of landscape) {
      const p = pages[n - 1] as Page;
      // the table rules on a landscape page run wider than the text of a portrait page
      expect(ruledWidthMm(p.image), `page ${n}: a landscape page holds a table wider than portrait's ${textWidthMm('portrait')} mm`).toBeGreaterThan(textWidthMm('portrait'));
    }
    // every chapter opens on a portrait page, Bab III (once landscape throughout) included
    for (const title of ['BAB I', 'BAB II', 'BAB III', 'BAB IV']) {
      const page = pages.findIndex((p) => p.text.startsWith(`${title} `));
      expect(page, title).toBeGreaterThan(0);
      expect(pages[page]?.orientation, `${title} (page ${page + 1})`).toBe('portrait');
    }
  });

  it('fills every page at least a third, but the cover, the last and those before a new chapter or part', () => {
    const starts = chapterStarts();
    expect(starts.size).toBeGreaterThanOrEqual(8);
    // a page break the document asks for (a decree's lampiran after its signature, as the decree is printed) begins a page too
    const afterBreaks = doc.sections.flatMap((sec) =>
      sec.blocks.flatMap((b, i) => {
        const next = sec.blocks[i + 1];
        if (b.type !== 'pageBreak' || !next) return [];
        const text = next.type === 'heading' ? next.text : next.type === 'paragraph' ? inlineText(next.content) : next.type === 'table' ? (next.caption ?? '') : '';
        return text ? [flat(text).slice(0, 40)] : [];
      }),
    );
    const underfilled: string[] = [];
    pages.forEach((p, i) => {
      if (i === 0 || i === pages.length - 1 || starts.has(i + 1)) return;
      if (afterBreaks.some((head) => pages[i + 1]?.text.startsWith(head))) return;
      const m = PAGE_MARGINS_MM[p.orientation];
      const height = textHeightMm(p.orientation);
      const depth = inkDepthMm(p.image, { left: m.left - 2, top: m.top - 2, right: m.left + textWidthMm(p.orientation) + 2, bottom: m.top + height });
      if (depth / height < LEAST_FILL) underfilled.push(`page ${i + 1}: ${Math.round((100 * depth) / height)}% (${p.text.slice(0, 60)}…)`);
    });
    expect(underfilled).toEqual([]);
  });

  it('keeps every heading and every introductory paragraph on the page of what follows it', () => {
    const stranded: string[] = [];
    let cursor = { page: 0, offset: 0 };
    const blocks: { block: Block; next: Block | undefined }[] = doc.sections.flatMap((s) => s.blocks.map((block, i) => ({ block, next: s.blocks[i + 1] })));
    let checked = 0;
    for (const { block, next } of blocks) {
      const text = block.type === 'heading' ? block.text : block.type === 'paragraph' && block.keepWithNext ? inlineText(block.content) : undefined;
      if (text === undefined || !next) continue;
      // its end: the last words, which are on the page the next block must start on
      const tail = flat(text).slice(-40);
      const found = find(tail, cursor);
      if (!found) {
        stranded.push(`not found in the PDF's text: "${tail}"`);
        continue;
      }
      checked++;
      cursor = found;
      const rest = (pages[found.page] as Page).text.slice(found.offset).trim();
      if (rest.length < 3) stranded.push(`page ${found.page + 1}: "${tail}" ends the page`);
    }
    expect(stranded).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
