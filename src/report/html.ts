/**
 * The document model as HTML: a self-contained A4 page (inline CSS, no scripts, no external
 * resources) that prints like an official report — cover page, roman page numbers on the front
 * matter and arabic after, landscape parts, table headers repeated on every printed page — and,
 * with `standalone: false`, a fragment for the web app's preview with `reportStylesheet`.
 *
 * Every text from the model is escaped; colours are accepted as hex only. The standalone page embeds
 * its fonts (Tinos and Arimo, fonts.ts: only the script subsets its text uses), so it looks and
 * prints the same on every machine; the fragment names them and relies on the page around it.
 */
import type { Block, Cell, Chart, DocumentModel, Figure, ImageData, Heading, Inline, List, Paragraph, Section, Signature, Table, TableOfContents } from '../core/document/model.js';
import { formatDateId, formatNumber } from '../core/format.js';
import { renderChartSvg, chartLabel } from './charts.js';
import { fontFaceCss, SANS_STACK, SERIF_STACK, type FontFace } from './fonts.js';
import { issueDate, w3cdtf } from './stamp.js';
import {
  cellAlign,
  cellText,
  headingAnchors,
  layoutTable,
  normalizeFill,
  keepTogether,
  pageStyleOf,
  withLandscapeParts,
  PAGE_MARGINS_MM,
  TABLE_CELL_PADDING_MM,
  TABLE_FONT_PT,
  CAPTION_FONT_PT,
  TABLE_LINE_HEIGHT,
  textColorOn,
  type Grid,
  type HeadingEntry,
  type PageStyle,
} from './layout.js';

export interface RenderHtmlOptions {
  /** a whole page with `<html>`, `<head>` and the stylesheet (default true); false gives a `<div>` fragment */
  standalone?: boolean;
  /**
   * page labels of headings for the table of contents, by heading anchor (`h-bab-i-pendahuluan` → `1`);
   * the PDF renderer fills them in after a first layout. Without them the contents list has no page column.
   */
  tocPages?: ReadonlyMap<string, string>;
}

const SERIF = SERIF_STACK;
const SANS = SANS_STACK;

/**
 * The faces the stylesheet sets text in: Tinos (body: regular, notes italic, bold, bold italic where
 * a paragraph has both) and Arimo (tables regular, headings and captions bold, the footer's title
 * italic, level-3 headings bold italic).
 */
export const REPORT_FACES: readonly FontFace[] = (['Tinos', 'Arimo'] as const).flatMap((family) =>
  ([400, 700] as const).flatMap((weight) => (['normal', 'italic'] as const).map((style) => ({ family, weight, style }))),
);

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Escapes text as a CSS string literal (double-quoted), safe inside a `<style>` element. */
export function cssString(s: string): string {
  // Everything outside plain letters, digits, space and a few punctuation marks becomes a hex escape,
  // so neither a quote, a backslash, a newline nor `</style>` can leave the string.
  const body = [...s].map((ch) => (/^[A-Za-z0-9 ,.:;()\-_/]$/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 32).toString(16)} `)).join('');
  return `"${body}"`;
}

/** Text with line breaks kept. */
function textHtml(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, '<br>');
}

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return textHtml(p);
      let h = textHtml(p.text);
      if (p.italic) h = `<em>${h}</em>`;
      if (p.bold) h = `<strong>${h}</strong>`;
      return h;
    })
    .join('');
}

/** The named CSS page of a section's page style (`kp-roman`, `kl-arabic`, …). */
export function pageName(style: PageStyle): string {
  return `k${style.orientation === 'landscape' ? 'l' : 'p'}-${style.numbering}`;
}

const margin = ({ top, right, bottom, left }: (typeof PAGE_MARGINS_MM)[keyof typeof PAGE_MARGINS_MM]): string => `${top}mm ${right}mm ${bottom}mm ${left}mm`;
const MARGIN_PORTRAIT = margin(PAGE_MARGINS_MM.portrait);
const MARGIN_LANDSCAPE = margin(PAGE_MARGINS_MM.landscape);

/** The report's stylesheet: print rules (A4, named pages, page numbers) and the look of every block. */
export function reportStylesheet(doc: Pick<DocumentModel, 'title' | 'orientation' | 'draft'>): string {
  const footerTitle = cssString(doc.title);
  const pages: string[] = [];
  for (const orientation of ['portrait', 'landscape'] as const) {
    for (const numbering of ['roman', 'arabic', 'none'] as const) {
      const name = pageName({ orientation, numbering });
      const counter = numbering === 'roman' ? 'kfront' : 'kbody';
      const footer =
        numbering === 'none'
          ? ''
          : `counter-increment: ${counter};
  @bottom-left { content: ${footerTitle}; font: italic 8pt ${SANS}; color: #555; vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: counter(${counter}${numbering === 'roman' ? ', lower-roman' : ''}); font: 10pt ${SERIF}; vertical-align: top; padding-top: 3mm; }`;
      pages.push(`@page ${name} {
  size: A4 ${orientation};
  margin: ${orientation === 'landscape' ? MARGIN_LANDSCAPE : MARGIN_PORTRAIT};
  ${footer}
}`);
    }
  }
  const defaultOrientation = doc.orientation ?? 'portrait';
  return `@page { size: A4 ${defaultOrientation}; margin: ${defaultOrientation === 'landscape' ? MARGIN_LANDSCAPE : MARGIN_PORTRAIT}; }
@page kcover { size: A4 ${defaultOrientation}; margin: 20mm; }
${pages.join('\n')}
.kinerja-doc { font-family: ${SERIF}; font-size: 12pt; line-height: 1.45; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.kinerja-doc *, .kinerja-doc *::before, .kinerja-doc *::after { box-sizing: border-box; }
.kinerja-doc .k-cover { page: kcover; height: 255mm; display: flex; flex-direction: column; justify-content: space-between; align-items: center; text-align: center; padding: 30mm 0 5mm; }
.kinerja-doc.k-landscape .k-cover { height: 168mm; padding-top: 15mm; }
.kinerja-doc .k-cover-lines { display: flex; flex-direction: column; gap: 4mm; }
.kinerja-doc .k-cover-line { font-family: ${SANS}; font-weight: bold; font-size: 18pt; letter-spacing: 0.02em; margin: 0; }
.kinerja-doc .k-cover-line:first-child { font-size: 26pt; margin-bottom: 6mm; }
.kinerja-doc .k-cover-rule { width: 60%; border: 0; border-top: 2.5pt double #000; margin: 8mm auto 0; }
.kinerja-doc .k-cover-footer p { margin: 0; font-size: 11pt; }
${(['p', 'l'] as const)
  .flatMap((o) => (['roman', 'arabic', 'none'] as const).map((n) => `.kinerja-doc .k-pg-${o}-${n} { page: k${o}-${n}; }`))
  .join('\n')}
.kinerja-doc .k-new-page { break-before: page; }
.kinerja-doc .k-page-break { break-after: page; height: 0; }
.kinerja-doc h1, .kinerja-doc h2, .kinerja-doc h3 { font-family: ${SANS}; break-after: avoid; page-break-after: avoid; line-height: 1.3; }
.kinerja-doc h1 { font-size: 14pt; text-align: center; margin: 0 0 10mm; white-space: pre-line; }
.kinerja-doc h2 { font-size: 12pt; margin: 6mm 0 3mm; }
.kinerja-doc h3 { font-size: 12pt; font-style: italic; margin: 5mm 0 2mm; }
.kinerja-doc p { margin: 0 0 3mm; orphans: 2; widows: 2; }
.kinerja-doc p.k-keep-next { break-after: avoid; page-break-after: avoid; }
.kinerja-doc p.k-note { font-size: 9.5pt; color: #333; font-style: italic; line-height: 1.3; }
.kinerja-doc p.k-caption { font-family: ${SANS}; font-size: ${CAPTION_FONT_PT}pt; font-weight: bold; text-align: center; }
.kinerja-doc ul, .kinerja-doc ol { margin: 0 0 3mm; padding-left: 8mm; }
.kinerja-doc li { margin: 0 0 1mm; }
.kinerja-doc figure { margin: 4mm 0 5mm; }
.kinerja-doc .k-table { break-inside: auto; }
.kinerja-doc .k-table.k-keep { break-inside: avoid; page-break-inside: avoid; }
.kinerja-doc .k-table figcaption, .kinerja-doc .k-chart figcaption { font-family: ${SANS}; font-size: ${CAPTION_FONT_PT}pt; font-weight: bold; text-align: center; margin: 0 0 2mm; break-after: avoid; break-inside: avoid; }
.kinerja-doc .k-chart figcaption { margin: 2mm 0 0; }
.kinerja-doc table.k-data { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: ${SANS}; font-size: ${TABLE_FONT_PT}pt; line-height: ${TABLE_LINE_HEIGHT}; }
.kinerja-doc table.k-data thead { display: table-header-group; }
.kinerja-doc table.k-data th, .kinerja-doc table.k-data td { border: 0.75pt solid #000; padding: ${TABLE_CELL_PADDING_MM.y}mm ${TABLE_CELL_PADDING_MM.x}mm; vertical-align: top; overflow-wrap: anywhere; }
.kinerja-doc table.k-data th { background: #D9D9D9; font-weight: bold; vertical-align: middle; }
.kinerja-doc table.k-data tr { break-inside: avoid; page-break-inside: avoid; }
.kinerja-doc table.k-data tr.k-spanned { break-inside: auto; page-break-inside: auto; }
.kinerja-doc table.k-data td { orphans: 2; widows: 2; }
.kinerja-doc table.k-data .k-num { white-space: nowrap; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
.kinerja-doc table.k-data .k-total td { font-weight: bold; background: #F2F2F2; }
.kinerja-doc .k-left { text-align: left; } .kinerja-doc .k-center { text-align: center; } .kinerja-doc .k-right { text-align: right; }
.kinerja-doc .k-bold { font-weight: bold; }
.kinerja-doc .k-source { font-size: 9pt; font-style: italic; margin: 1.5mm 0 0; }
.kinerja-doc .k-chart { text-align: center; break-inside: avoid; }
.kinerja-doc .k-figure { text-align: center; break-inside: avoid; margin: 3mm 0; }
.kinerja-doc .k-figure img { max-width: 100%; height: auto; }
.kinerja-doc .k-figure figcaption { font-family: ${SANS}; font-size: ${CAPTION_FONT_PT}pt; font-style: italic; text-align: center; margin: 1.5mm 0 0; }
.kinerja-doc .k-crest { margin: 0 0 6mm; text-align: center; }
.kinerja-doc .k-crest img { height: auto; }
.kinerja-doc .k-cover .k-crest img { width: 40mm !important; }
.kinerja-doc .k-letterhead { text-align: center; }
.kinerja-doc .k-letterhead .k-crest img { width: 18mm !important; }
.kinerja-doc p.k-missing-file { border: 1pt dashed #b00000; color: #b00000; padding: 2mm 3mm; text-align: center; font-style: italic; }
.kinerja-doc .k-chart svg { max-width: 100%; height: auto; }
.kinerja-doc .k-toc-title { font-family: ${SANS}; font-size: 14pt; font-weight: bold; text-align: center; margin: 0 0 8mm; }
.kinerja-doc .k-toc ul { list-style: none; margin: 0; padding: 0; }
.kinerja-doc .k-toc li { margin: 0 0 1.2mm; line-height: 1.3; }
.kinerja-doc .k-toc a { display: flex; align-items: last baseline; color: inherit; text-decoration: none; }
.kinerja-doc .k-toc .k-toc-dots { flex: 1 1 auto; border-bottom: 1pt dotted #000; margin: 0 2mm; min-width: 5mm; }
.kinerja-doc .k-toc .k-toc-page { flex: 0 0 12mm; text-align: right; }
.kinerja-doc .k-toc .k-toc-head { text-align: right; font-weight: bold; margin: 0 0 2mm; }
.kinerja-doc .k-toc .k-toc-1 { font-weight: bold; margin-top: 2.5mm; }
.kinerja-doc .k-toc .k-toc-2 { padding-left: 8mm; }
.kinerja-doc .k-toc .k-toc-3 { padding-left: 16mm; font-size: 11pt; }
.kinerja-doc table.k-sig { width: 100%; border-collapse: collapse; margin: 8mm 0 0; break-inside: avoid; page-break-inside: avoid; table-layout: fixed; }
.kinerja-doc table.k-sig td { vertical-align: top; text-align: center; padding: 0 3mm; border: 0; }
.kinerja-doc .k-sig-space { height: 22mm; }
.kinerja-doc .k-sig-name { font-weight: bold; text-decoration: underline; }
.kinerja-doc .k-sig p { margin: 0; }
@media screen {
  .kinerja-doc { max-width: 210mm; margin: 0 auto; padding: 20mm 20mm 20mm 25mm; background: #fff; }
  .kinerja-doc.k-landscape { max-width: 297mm; }
  .kinerja-doc .k-cover { height: auto; min-height: 200mm; }
  .kinerja-doc .k-new-page, .kinerja-doc .k-page-break + * { border-top: 1px dashed #bbb; padding-top: 10mm; margin-top: 10mm; }
}
${doc.draft ? DRAFT_CSS : ''}`;
}

/** A draft's mark and note (only in a draft's stylesheet): a banner on screen, a mark fixed on every printed page. */
const DRAFT_CSS = `@media screen {
  .kinerja-doc .k-draft-mark { position: sticky; top: 0; z-index: 10; background: #fff0f0; color: #b00000; border: 2px solid #b00000; text-align: center; font: bold 20pt ${SANS}; letter-spacing: 0.3em; margin-bottom: 4mm; }
}
.kinerja-doc .k-draft-note { border: 1.5pt solid #b00000; color: #b00000; padding: 2mm 3mm; margin: 0 0 4mm; font-weight: bold; }
@media print {
  .kinerja-doc .k-draft-mark { position: fixed; top: 40%; left: 0; right: 0; z-index: 1000; text-align: center; font: bold 110pt ${SANS}; letter-spacing: 0.1em; color: rgba(176, 0, 0, 0.14); transform: rotate(-35deg); pointer-events: none; }
}
`;

interface Ctx {
  doc: DocumentModel;
  headings: Map<Heading, HeadingEntry>;
  tocPages: ReadonlyMap<string, string> | undefined;
}

function coverHtml(doc: DocumentModel): string {
  if (!doc.cover) return '';
  const lines = doc.cover.lines.map((l) => `<p class="k-cover-line">${textHtml(l)}</p>`).join('');
  const footer = (doc.cover.footer ?? []).map((l) => `<p>${textHtml(l)}</p>`).join('');
  const crest = doc.crest ? figureHtml(doc.crest, 'k-crest') : '';
  return `<section class="k-cover" aria-label="Sampul">${crest}<div class="k-cover-lines">${lines}<hr class="k-cover-rule"></div><div class="k-cover-footer">${footer}</div></section>`;
}

function headingHtml(h: Heading, ctx: Ctx): string {
  const entry = ctx.headings.get(h);
  const id = entry ? ` id="${escapeHtml(entry.id)}"` : '';
  return `<h${h.level}${id}>${textHtml(h.text)}</h${h.level}>`;
}

function paragraphHtml(p: Paragraph): string {
  const cls: string[] = [];
  if (p.style === 'note') cls.push('k-note');
  if (p.style === 'caption') cls.push('k-caption');
  if (p.keepWithNext) cls.push('k-keep-next');
  const style = p.align ? ` style="text-align:${p.align}"` : '';
  return `<p${cls.length ? ` class="${cls.join(' ')}"` : ''}${style}>${inlineHtml(p.content)}</p>`;
}

function listHtml(l: List): string {
  const tag = l.ordered ? 'ol' : 'ul';
  const style = l.ordered && l.style && l.style !== 'decimal' ? ` style="list-style-type:${l.style}"` : '';
  return `<${tag}${style}>${l.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('')}</${tag}>`;
}

function cellHtml(cell: Cell, tag: 'th' | 'td', inHeader: boolean, where: string, rowSpan: number, colSpan: number): string {
  const attrs: string[] = [];
  if (rowSpan > 1) attrs.push(`rowspan="${rowSpan}"`);
  if (colSpan > 1) attrs.push(`colspan="${colSpan}"`);
  if (tag === 'th' && colSpan > 1) attrs.push('scope="colgroup"');
  else if (tag === 'th') attrs.push('scope="col"');
  const cls = [`k-${cellAlign(cell, inHeader)}`];
  if (cell.value.kind === 'number') cls.push('k-num');
  if (cell.bold) cls.push('k-bold');
  attrs.push(`class="${cls.join(' ')}"`);
  if (cell.fill) {
    const hex = normalizeFill(cell.fill, where);
    attrs.push(`style="background:#${hex};color:#${textColorOn(hex)}"`);
  }
  if (cell.value.kind === 'empty' && cell.value.reason) attrs.push(`title="${escapeHtml(cell.value.reason)}"`);
  const text = cellText(cell.value, where);
  return `<${tag} ${attrs.join(' ')}>${textHtml(text)}</${tag}>`;
}

function gridRowsHtml(grid: Grid, tag: 'th' | 'td', part: string, label: string, rowClass = ''): string {
  return grid.byRow
    .map((row, r) => {
      const cells = row
        .map((p) => cellHtml(p.cell, tag, tag === 'th', `${label} ${part} row ${r + 1}, column ${p.col + 1}`, p.rowSpan, p.colSpan))
        .join('');
      // a row inside a merged cell's rows may break across pages: kept whole, the group would be
      // one block, often taller than what is left of a page, and leave that rest empty
      const spanned = grid.cover[r]?.some((p) => p.rowSpan > 1) ? 'k-spanned' : '';
      const cls = [rowClass, spanned].filter(Boolean).join(' ');
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
    })
    .join('');
}

function tableHtml(t: Table, style: PageStyle): string {
  // column widths fitted to the content on the section's page
  const layout = layoutTable(t, style.orientation);
  const cols = layout.widths.map((w) => `<col style="width:${(w * 100).toFixed(3)}%">`).join('');
  const head = layout.header.rows ? `<thead>${gridRowsHtml(layout.header, 'th', 'header', layout.label)}</thead>` : '';
  const body = `<tbody>${gridRowsHtml(layout.body, 'td', 'body', layout.label)}</tbody>`;
  // totals in a second tbody, not a tfoot: Chromium repeats a tfoot at the foot of every printed page
  const foot = layout.footer.rows ? `<tbody class="k-total">${gridRowsHtml(layout.footer, 'td', 'footer', layout.label)}</tbody>` : '';
  const id = t.id ? ` id="${escapeHtml(t.id)}"` : '';
  const caption = t.caption ? `<figcaption>${textHtml(t.caption)}</figcaption>` : '';
  const source = t.source ? `<p class="k-source">${textHtml(t.source)}</p>` : '';
  const keep = keepTogether(layout, style.orientation, t.caption) ? ' k-keep' : '';
  // smaller type where the content does not fit the page at the usual size (layout.ts)
  const size = layout.fontPt !== TABLE_FONT_PT ? ` style="font-size:${layout.fontPt}pt"` : '';
  return `<figure class="k-table${keep}"${id}>${caption}<table class="k-data"${size}><colgroup>${cols}</colgroup>${head}${body}${foot}</table>${source}</figure>`;
}

function chartHtml(c: Chart): string {
  const svg = renderChartSvg(c);
  const id = c.id ? ` id="${escapeHtml(c.id)}"` : '';
  const caption = c.caption ? `<figcaption>${textHtml(c.caption)}</figcaption>` : '';
  return `<figure class="k-chart"${id} aria-label="${escapeHtml(chartLabel(c))}">${svg}${caption}</figure>`;
}

/** A signature date: an ISO date is written the Indonesian way, any other text as given. */
export function signatureDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDateId(date) : date;
}

/** The place and date line of a signature block ("Jember, 10 Februari 2025"). */
export function signaturePlaceDate(s: Signature): string {
  return [s.place, s.date ? signatureDate(s.date) : undefined].filter((x): x is string => !!x).join(', ');
}

function signatureHtml(s: Signature): string {
  // one column per party; a single signer signs on the right half, as on a foreword
  const cols = Math.max(2, s.parties.length);
  const offset = cols - s.parties.length;
  const placeDate = signaturePlaceDate(s);
  const cell = (inner: string): string => `<td>${inner}</td>`;
  const top = Array.from({ length: cols }, (_, i) => cell(i === cols - 1 && placeDate ? `<p>${textHtml(placeDate)}</p>` : ''));
  const parties = Array.from({ length: cols }, (_, i) => {
    const p = s.parties[i - offset];
    if (!p) return cell('');
    const lines = [
      p.role ? `<p class="k-sig-role">${textHtml(p.role)}</p>` : '',
      p.position ? `<p class="k-sig-position">${textHtml(p.position)}</p>` : '',
      '<div class="k-sig-space"></div>',
      `<p class="k-sig-name">${textHtml(p.name)}</p>`,
      p.rank ? `<p>${textHtml(p.rank)}</p>` : '',
      p.nip ? `<p>NIP. ${textHtml(p.nip)}</p>` : '',
    ];
    return cell(lines.join(''));
  });
  return `<table class="k-sig" role="presentation"><tr>${top.join('')}</tr><tr>${parties.join('')}</tr></table>`;
}

function tocHtml(t: TableOfContents, ctx: Ctx): string {
  const pages = ctx.tocPages;
  const items = [...ctx.headings.values()]
    .filter((e) => e.inToc)
    .map((e) => {
      const page = pages?.get(e.id) ?? '';
      const tail = pages ? `<span class="k-toc-dots"></span><span class="k-toc-page">${escapeHtml(page)}</span>` : '';
      return `<li class="k-toc-${e.level}"><a href="#${escapeHtml(e.id)}"><span class="k-toc-text">${textHtml(e.text)}</span>${tail}</a></li>`;
    })
    .join('');
  const head = pages ? '<p class="k-toc-head">Hal.</p>' : '';
  return `<nav class="k-toc" aria-label="${escapeHtml(t.title)}"><p class="k-toc-title">${textHtml(t.title)}</p>${head}<ul>${items}</ul></nav>`;
}

function blockHtml(b: Block, ctx: Ctx, style: PageStyle): string {
  switch (b.type) {
    case 'heading':
      return headingHtml(b, ctx);
    case 'paragraph':
      return paragraphHtml(b);
    case 'list':
      return listHtml(b);
    case 'table':
      return tableHtml(b, style);
    case 'chart':
      return chartHtml(b);
    case 'signature':
      return signatureHtml(b);
    case 'pageBreak':
      return '<div class="k-page-break"></div>';
    case 'toc':
      return tocHtml(b, ctx);
    case 'image':
      return figureHtml(b);
  }
}

/** An image as a data: URL of the stored bytes (never re-encoded). */
function imageSrc(image: ImageData): string {
  return `data:${image.mediaType};base64,${Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength).toString('base64')}`;
}

/** A photo with its caption, or the sentence saying it is missing. */
function figureHtml(f: Figure, cls = 'k-figure'): string {
  const pct = Math.round((f.width ?? 0.7) * 100);
  const caption = f.caption && f.image ? `<figcaption>${textHtml(f.caption)}</figcaption>` : '';
  if (!f.image) return `<p class="k-missing-file" role="note">${textHtml(f.missing ?? '')}</p>`;
  return `<figure class="${cls}"><img src="${imageSrc(f.image)}" alt="${escapeHtml(f.caption ?? '')}" style="width:${pct}%" width="${f.image.width}" height="${f.image.height}">${caption}</figure>`;
}

/** The files attached after the document, listed (the PDF appends their pages after this list). */
function attachmentsHtml(doc: DocumentModel): string {
  const list = doc.attachments ?? [];
  if (!list.length) return '';
  const items = list
    .map((a) => `<li>${textHtml(a.title)}: ${textHtml(a.name)} (${textHtml(formatBytesId(a.size))})${a.bytes ? '' : ` — <strong>${textHtml('belum dilampirkan')}</strong>`}</li>`)
    .join('');
  return `<section class="k-section k-new-page k-attachments" aria-label="Berkas Terlampir"><p class="k-caption">BERKAS TERLAMPIR</p><ol>${items}</ol></section>`;
}

/** A size the Indonesian way: 1,5 MB, 320 KB. */
export function formatBytesId(n: number): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / (1024 * 1024), 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024, 0)} KB`;
  return `${n} bita`;
}

function sectionHtml(s: Section, ctx: Ctx): string {
  const style = pageStyleOf(ctx.doc, s);
  const cls = [`k-section`, `k-pg-${style.orientation === 'landscape' ? 'l' : 'p'}-${style.numbering}`];
  if (s.newPage) cls.push('k-new-page');
  const label = s.title ? ` aria-label="${escapeHtml(s.title)}"` : '';
  return `<section class="${cls.join(' ')}" data-section="${escapeHtml(s.id)}"${label}>${s.blocks.map((b) => blockHtml(b, ctx, style)).join('\n')}</section>`;
}

/** The document's body: the `.kinerja-doc` element with the cover and every section. */
export function renderHtmlFragment(model: DocumentModel, options: Pick<RenderHtmlOptions, 'tocPages'> = {}): string {
  // a table too wide for its portrait section on a landscape part of its own (layout.ts)
  const doc = withLandscapeParts(model);
  const ctx: Ctx = { doc, headings: headingAnchors(doc), tocPages: options.tocPages };
  const cls = ['kinerja-doc'];
  if ((doc.orientation ?? 'portrait') === 'landscape') cls.push('k-landscape');
  const lang = doc.language === 'en' ? 'en' : 'id';
  const mark = doc.draft ? `<div class="k-draft-mark" aria-hidden="true">${textHtml(doc.draft.label)}</div>\n` : '';
  const note = doc.draft ? `<p class="k-draft-note" role="note">${textHtml(doc.draft.note)}</p>\n` : '';
  const letterhead = doc.crest && !doc.cover ? `<div class="k-letterhead">${figureHtml(doc.crest, 'k-crest')}</div>\n` : '';
  return `<div class="${cls.join(' ')}" lang="${lang}">\n${mark}${coverHtml(doc)}\n${letterhead}${note}${doc.sections.map((s) => sectionHtml(s, ctx)).join('\n')}\n${attachmentsHtml(doc)}</div>`;
}

/**
 * The page footer's title is set in italic Arimo, which the body may not use: a browser loads a web
 * font only for text laid out in it, never for a page margin box alone, so this invisible copy of
 * the footer's text loads it (without it, the footer fell back to a system font).
 */
function footerFontLoad(doc: DocumentModel): string {
  return `<div aria-hidden="true" style="position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;font:italic 8pt ${escapeHtml(SANS)}">${escapeHtml(doc.title)}</div>`;
}

/** The document as HTML: a whole page (default) or, with `standalone: false`, the fragment alone. */
export function renderHtml(doc: DocumentModel, opts: RenderHtmlOptions = {}): string {
  const fragment = renderHtmlFragment(doc, { tocPages: opts.tocPages });
  if (opts.standalone === false) return fragment;
  const lang = doc.language === 'en' ? 'en' : 'id';
  const description = [doc.subtitle, doc.agency, String(doc.year)].filter((x): x is string => !!x).join(' — ');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Kinerja">
<meta name="description" content="${escapeHtml(description)}">
${doc.issuedAt !== undefined ? `<meta name="dcterms.issued" content="${escapeHtml(w3cdtf(issueDate(doc)))}">\n` : ''}<title>${escapeHtml(doc.title)}</title>
<style>
${fontFaceCss(REPORT_FACES, `${doc.title}\n${fragment}`)}
html, body { margin: 0; padding: 0; background: #fff; }
@media screen { body { background: #e9e9e9; padding: 8mm 0; } }
${reportStylesheet(doc)}
</style>
</head>
<body>
${fragment}
${footerFontLoad(doc)}
</body>
</html>
`;
}
