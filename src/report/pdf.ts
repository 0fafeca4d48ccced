/**
 * PDF: the report's HTML printed by Chromium through playwright-core: the build of the npm package
 * @sparticuz/chromium (unpacked from node_modules at its first use), or `CHROMIUM_PATH`, or
 * Debian's where the npm build does not run (chromium.ts). No browser is ever downloaded. One
 * browser serves every render of a renderer until `close()`; playwright-core is loaded with its
 * first start. The text is set in the fonts the HTML embeds (fonts.ts), not the machine's.
 *
 * Page numbers come from the stylesheet's page margin boxes (roman on the front matter, arabic
 * after, none on the cover). When the document has a table of contents, it is laid out twice: the
 * first print tells on which page every heading landed (from the PDF's named destinations), the
 * second prints the contents with those page numbers. Their column is reserved in the first print,
 * so filling it moves nothing.
 */
import type { Browser } from 'playwright-core';
import type { DocumentModel } from '../core/document/model.js';
import { chooseChromium, chromiumName, launchChromium, type ChromiumChoice } from './chromium.js';
import { escapeHtml, renderHtml } from './html.js';
import { headingAnchors, pageStyleOf, withLandscapeParts } from './layout.js';
import { canonicalPdfNodeIds, issueDate, stampPdfDates } from './stamp.js';

export { CHROMIUM_ARGS, ChromiumMissingError, chooseChromium, chromiumAvailable, chromiumName, DEFAULT_CHROMIUM_PATH, HEADLESS_SHELL_PATH } from './chromium.js';

export interface PdfRendererOptions {
  /** a Chromium executable to print with (default: `chooseChromium()`) */
  executablePath?: string;
  /** milliseconds a single print may take (default 60 000) */
  timeoutMs?: number;
}

export interface PdfRenderer {
  /**
   * The document as a PDF (A4, page numbers in the footer, outline from the headings). With
   * `issuedAt` its creation and modification dates are the issue time (stamp.ts), so the same
   * model gives the same bytes with the same Chromium.
   */
  render(doc: DocumentModel): Promise<Buffer>;
  /** The browser's version (`HeadlessChrome/…` as the PDF's /Creator names it), starting it if need be. */
  version(): Promise<string>;
  /**
   * Which Chromium it prints with: the npm package and version (`@sparticuz/chromium@143.0.4`) or
   * the executable's path. Builds of one version (the headless shell, the full chromium) write
   * different bytes for the same page, so an issued PDF records which one wrote it.
   */
  readonly chromium: string;
  /** Closes the browser; the renderer can not be used afterwards. */
  close(): Promise<void>;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Reads a PDF name token's `#xx` escapes as UTF-8. */
function decodePdfName(name: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] as string;
    if (ch === '#' && /^[0-9A-Fa-f]{2}$/.test(name.slice(i + 1, i + 3))) {
      bytes.push(parseInt(name.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The page index (0-based) of every named destination of a PDF as Chromium writes it: objects in
 * plain text (content streams compressed), a page tree, and a `/Dests` dictionary of
 * `/name [page 0 R /XYZ x y z]`. Exported for tests.
 */
export function namedDestinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  const objRe = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objRe.exec(text); m; m = objRe.exec(text)) objects.set(Number(m[1]), m[2] ?? '');
  // page order: walk the page tree from the root /Pages node (the one without a /Parent)
  const order: number[] = [];
  const rootEntry = [...objects.entries()].find(([, body]) => /\/Type\s*\/Pages\b/.test(body) && !/\/Parent\b/.test(body));
  const walk = (num: number, depth: number): void => {
    const body = objects.get(num);
    if (body === undefined || depth > 64) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) {
      order.push(num);
    }
  };
  if (rootEntry) walk(rootEntry[0], 0);
  const pageIndex = new Map(order.map((n, i) => [n, i]));
  const out = new Map<string, number>();
  const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(text)?.[1];
  const dests = destsRef ? objects.get(Number(destsRef)) ?? '' : '';
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = pageIndex.get(Number(m[2]));
    if (page !== undefined) out.set(decodePdfName(m[1] ?? ''), page);
  }
  return out;
}

/** Where the page being printed is said to come from (`.invalid`: a name that never resolves). */
const DOCUMENT_URL = 'http://kinerja.invalid/';

/** The print options of the PDF. */
const PRINT = { preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, format: 'A4' } as const;
/**
 * The first print, read only for where headings landed: the same page layout, without the
 * structure tree and outline, which take most of the printing time and change no page break
 * (the named destinations come from the links).
 */
const PROBE = { ...PRINT, outline: false, tagged: false } as const;

/**
 * Page labels of the table of contents' headings, worked out from where a first print put the
 * headings and the starts of the sections (`ksec-N` anchors).
 */
function tocLabels(doc: DocumentModel, dests: Map<string, number>, headingIds: string[]): Map<string, string> {
  // the page style in force on each page: that of the last section started on or before it
  const starts = doc.sections
    .map((s, i) => ({ page: dests.get(`ksec-${i}`), numbering: pageStyleOf(doc, s).numbering }))
    .filter((s): s is { page: number; numbering: 'roman' | 'arabic' | 'none' } => s.page !== undefined);
  const lastPage = Math.max(0, ...dests.values(), ...starts.map((s) => s.page));
  const numberingOf: ('roman' | 'arabic' | 'none')[] = [];
  for (let p = 0; p <= lastPage; p++) {
    let n: 'roman' | 'arabic' | 'none' = 'none'; // the cover
    for (const s of starts) if (s.page <= p) n = s.numbering;
    numberingOf.push(n);
  }
  const labels = new Map<string, string>();
  for (const id of headingIds) {
    const page = dests.get(id);
    if (page === undefined) continue;
    const numbering = numberingOf[page] ?? 'none';
    if (numbering === 'none') continue;
    const counter = (n: string): string => (n === 'roman' ? 'front' : n === 'arabic' ? 'body' : 'none');
    let count = 0;
    for (let p = 0; p <= page; p++) if (counter(numberingOf[p] ?? 'none') === counter(numbering)) count++;
    labels.set(id, numbering === 'roman' ? toRoman(count) : String(count));
  }
  return labels;
}

/** The first print's HTML: links to every heading and section start, so Chromium writes their destinations. */
function probeHtml(doc: DocumentModel, headingIds: string[]): string {
  const html = renderHtml(doc, { tocPages: new Map(headingIds.map((id) => [id, ''])) });
  const sectionAnchors = doc.sections.map((_, i) => `ksec-${i}`);
  // an anchor at the start of every section, and out-of-flow links to every anchor (they move nothing)
  let withAnchors = html;
  let i = 0;
  withAnchors = withAnchors.replace(/<section class="k-section[^"]*"[^>]*>/g, (tag) => `${tag}<span id="ksec-${i++}"></span>`);
  const links = [...headingIds, ...sectionAnchors].map((id) => `<a href="#${escapeHtml(id)}">.</a>`).join('');
  return withAnchors.replace('</body>', `<div style="position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;opacity:0">${links}</div></body>`);
}

/** A PDF renderer holding one Chromium, started at the first render. */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const choice: ChromiumChoice = options.executablePath ? { kind: 'path', path: options.executablePath, from: 'option' } : chooseChromium();
  const timeout = options.timeoutMs ?? 60_000;
  let browser: Promise<Browser> | undefined;
  let closed = false;

  const launch = (): Promise<Browser> => {
    // playwright-core is loaded with the first print, not with this module (it is the largest
    // library a command loads: about 100 MB of the command's memory)
    const started = launchChromium({ choice, timeout });
    started.then(
      (b) => b.on('disconnected', () => { if (browser === started) browser = undefined; }),
      () => { if (browser === started) browser = undefined; },
    );
    return started;
  };

  /**
   * Prints each HTML in turn on one page of one context (no scripts, no network: the page is
   * self-contained). The page is loaded as the answer to a request for {@link DOCUMENT_URL}, so
   * the browser parses it as it would a served page; every other request is refused. (Playwright's
   * `setContent` would pass the HTML through the page's JavaScript heap instead.)
   */
  const printAll = async (b: Browser, passes: { html: () => string | Promise<string>; options: typeof PRINT | typeof PROBE; then?: (pdf: Buffer) => void }[]): Promise<Buffer> => {
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      const cdp = await context.newCDPSession(page);
      let html = '';
      await page.route('**/*', (route) =>
        route.request().url() === DOCUMENT_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
      );
      let pdf: Buffer = Buffer.alloc(0);
      for (const pass of passes) {
        html = await pass.html();
        await page.goto(DOCUMENT_URL, { waitUntil: 'load' });
        // the embedded fonts decoded before the layout is printed (evaluated by the driver: the
        // page's own scripts stay off)
        await page.evaluate('document.fonts.ready.then(() => document.fonts.size)');
        html = '';
        // the previous pass's document is garbage now: collected before printing, the print's
        // own peak does not come on top of it (the demo LKIP: the browser's peak 410 → 307 MB)
        await cdp.send('HeapProfiler.collectGarbage');
        pdf = await page.pdf(pass.options);
        pass.then?.(pdf);
      }
      return pdf;
    } finally {
      await context.close();
    }
  };

  const printDocument = async (b: Browser, model: DocumentModel): Promise<Buffer> => {
    // split as the HTML splits it, so the sections the contents' page labels are counted over are the printed ones
    const doc = withLandscapeParts(model);
    const hasToc = doc.sections.some((s) => s.blocks.some((bl) => bl.type === 'toc'));
    if (!hasToc) return printAll(b, [{ html: () => renderHtml(doc), options: PRINT }]);
    const ids = [...headingAnchors(doc).values()].filter((e) => e.inToc).map((e) => e.id);
    let labels = new Map<string, string>();
    return printAll(b, [
      { html: () => probeHtml(doc, ids), options: PROBE, then: (first) => (labels = tocLabels(doc, namedDestinationPages(first), ids)) },
      { html: () => renderHtml(doc, { tocPages: labels }), options: PRINT },
    ]);
  };

  const started = (): Promise<Browser> => {
    if (closed) return Promise.reject(new Error('this PDF renderer is closed'));
    browser ??= launch();
    return browser;
  };

  return {
    async render(doc: DocumentModel): Promise<Buffer> {
      const date = doc.issuedAt === undefined ? undefined : issueDate(doc); // a bad issuedAt fails before printing
      const printed = canonicalPdfNodeIds(await printDocument(await started(), doc));
      // the attached scans as pages of their own, bookmarked (attach.ts; loaded only when there are some)
      const attached = doc.attachments?.filter((a) => a.bytes) ?? [];
      const pdf = attached.length ? await (await import('./attach.js')).appendAttachments(printed, attached) : printed;
      return date ? stampPdfDates(pdf, date) : pdf;
    },
    async version(): Promise<string> {
      return (await started()).version();
    },
    chromium: chromiumName(choice),
    async close(): Promise<void> {
      closed = true;
      const b = browser;
      browser = undefined;
      if (b) await (await b.catch(() => undefined))?.close();
    },
  };
}

/** One document to PDF with a browser of its own (use `createPdfRenderer` for several). */
export async function renderPdf(doc: DocumentModel, options: PdfRendererOptions = {}): Promise<Buffer> {
  const renderer = createPdfRenderer(options);
  try {
    return await renderer.render(doc);
  } finally {
    await renderer.close();
  }
}
