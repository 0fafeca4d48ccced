/**
 * The document model as an editable Word document (DOCX, with the `docx` library).
 *
 * - Headings use Word's Heading 1–3 styles, so the navigation pane sees them. The contents list
 *   them as links with PAGEREF fields to bookmarks on the headings: LibreOffice works their page
 *   numbers out from its own pagination when it opens the file, Word when it updates the fields
 *   (on opening, as the file asks, and on F9) — see `tocParagraphs`.
 * - Pagination holds up in LibreOffice as in Word: headings, introductory sentences and the text
 *   before a signature keep with what follows; a signature block is one row that cannot split; a
 *   page break is "page break before" on the next paragraph, never a paragraph of its own.
 * - Tables have real merged cells (gridSpan, vMerge), shading from `fill`, header rows repeated
 *   on every page, and numbers formatted the Indonesian way and right-aligned.
 * - Each part of the model starts a Word section: roman page numbers in the front matter,
 *   arabic after, none on the cover; landscape where the part or the document asks.
 * - Charts are embedded as the same ECharts SVG as the HTML (Word 2016 and later, LibreOffice
 *   draw it), with a PNG drawn from it by resvg for applications that cannot show SVG.
 *
 * Fonts: Times New Roman and Arial by name. Liberation Serif and Sans (and Tinos and Arimo, which
 * the HTML and PDF embed) are metric-compatible with them and LibreOffice substitutes them
 * automatically, while Word has them everywhere; a DOCX naming Liberation or Tinos would fall back
 * to an unrelated font in Word. The charts' PNG copies are drawn with Arimo from npm (raster.ts).
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LeaderType,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  SectionType,
  PageReference,
  ShadingType,
  Tab,
  Table as DocxTable,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  NumberFormat as DocxNumberFormat,
  type ISectionOptions,
  type IParagraphOptions,
} from 'docx';
import type { Block, Chart, DocumentModel, Figure, Heading, Inline, List, Paragraph, Section, Signature, Table } from '../core/document/model.js';
import { chartLabel, chartSize, renderChartSvg } from './charts.js';
import { formatBytesId, signaturePlaceDate } from './html.js';
import {
  A4_MM,
  cellAlign,
  cellText,
  headingAnchors,
  keepTogether,
  layoutTable,
  normalizeFill,
  PAGE_MARGINS_MM,
  pageStyleOf,
  TABLE_CELL_PADDING_MM,
  TABLE_FONT_PT,
  textColorOn,
  type Grid,
  type HeadingEntry,
  type Orientation,
  type PageStyle,
} from './layout.js';
import { svgToPng } from './raster.js';
import { canonicalDocxIds, issueDate, normalizePackage } from './stamp.js';

const SERIF = 'Times New Roman';
const SANS = 'Arial';

/** Millimetres in twips (1 mm = 56.7 twips); A4 and the margins in twips, as in the HTML's print stylesheet (layout.ts). */
const mm = (x: number): number => Math.round(x * 56.6929);
const A4 = { short: mm(A4_MM.short), long: mm(A4_MM.long) };
const inTwips = ({ top, right, bottom, left }: (typeof PAGE_MARGINS_MM)[Orientation]) => ({ top: mm(top), right: mm(right), bottom: mm(bottom), left: mm(left) });
const MARGINS = { portrait: inTwips(PAGE_MARGINS_MM.portrait), landscape: inTwips(PAGE_MARGINS_MM.landscape) };

function contentWidth(orientation: Orientation): number {
  const m = MARGINS[orientation];
  return (orientation === 'landscape' ? A4.long : A4.short) - m.left - m.right;
}

const HEADER_FILL = 'D9D9D9';
const TOTAL_FILL = 'F2F2F2';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Paragraph styles of our own (ids), next to Word's Normal and Heading 1–3. */
const STYLE = {
  note: 'KNote',
  caption: 'KCaption',
  tableText: 'KTableText',
  source: 'KSource',
  tocTitle: 'KTocTitle',
  cover: 'KCover',
  coverTitle: 'KCoverTitle',
  signature: 'KSignature',
  /** the paragraph Word needs after a table: a hairline, so it never spills onto a page of its own */
  spacer: 'KSpacer',
  /** headings left out of the table of contents look like headings but have no outline level */
  plain1: 'KHeading1Plain',
  plain2: 'KHeading2Plain',
  plain3: 'KHeading3Plain',
} as const;

interface Ctx {
  doc: DocumentModel;
  headings: Map<Heading, HeadingEntry>;
  /** the bookmark on each heading listed in the contents, which its entry's PAGEREF field names */
  bookmarks: Map<Heading, string>;
  /** the next list instance, so every list numbers from 1 */
  listInstance: number;
}

/**
 * How a block stands to its neighbours, worked out from the blocks around it: it starts a page (a
 * page break before it in the model, written as "page break before" on its first paragraph, never
 * as a paragraph of its own that could spill onto an empty page), or it stays on the page of what
 * follows (an introductory sentence, the text before a signature).
 */
interface Lead {
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

/** Word's hidden-bookmark names (`_Toc…`) for the headings in the contents, in document order. */
function tocBookmarks(headings: Map<Heading, HeadingEntry>): Map<Heading, string> {
  const out = new Map<Heading, string>();
  for (const e of headings.values()) if (e.inToc) out.set(e.heading, `_Toc${out.size + 1}`);
  return out;
}

/** Text runs of inline content; a line break in the text becomes a line break in Word. */
function runs(parts: Inline[], base: { bold?: boolean; italics?: boolean; color?: string; underline?: boolean; sizePt?: number } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const p of parts) {
    const text = typeof p === 'string' ? p : p.text;
    const bold = (typeof p !== 'string' && p.bold) || base.bold;
    const italics = (typeof p !== 'string' && p.italic) || base.italics;
    text.split(/\r?\n/).forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          ...(i > 0 ? { break: 1 } : {}),
          ...(bold ? { bold: true } : {}),
          ...(italics ? { italics: true } : {}),
          ...(base.color ? { color: base.color } : {}),
          ...(base.underline ? { underline: {} } : {}),
          ...(base.sizePt !== undefined ? { size: base.sizePt * 2 } : {}),
        }),
      );
    });
  }
  return out;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function headingParagraph(h: Heading, ctx: Ctx, lead: Lead): DocxParagraph {
  const bookmark = ctx.bookmarks.get(h);
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
  const plain = [STYLE.plain1, STYLE.plain2, STYLE.plain3] as const;
  const breakBefore = lead.pageBreakBefore ? { pageBreakBefore: true } : {};
  // headings keep with what follows through their style
  const opts: IParagraphOptions = bookmark
    ? { heading: levels[h.level - 1], ...breakBefore, children: [new Bookmark({ id: bookmark, children: runs([h.text]) })] }
    : { style: plain[h.level - 1], ...breakBefore, children: runs([h.text]) };
  return new DocxParagraph(opts);
}

/** A paragraph that introduces what follows ("… sebagai berikut:"). */
function introduces(p: Paragraph): boolean {
  const last = p.content[p.content.length - 1];
  const text = last === undefined ? '' : typeof last === 'string' ? last : last.text;
  return /:\s*$/.test(text);
}

/**
 * Whether a block stays on the page of the next one: the text before a signature (the signed
 * text and its signatures on one page), and a paragraph that introduces the table, list or chart
 * after it or ends with a colon.
 */
function keepsWithNext(b: Block, next: Block | undefined): boolean {
  if (!next || next.type === 'pageBreak') return false;
  // a keep flag of the model's own, where a version of the model has one (`keepWithNext`)
  if ('keepWithNext' in b && b.keepWithNext === true) return true;
  if (next.type === 'signature') return b.type === 'paragraph' || b.type === 'list' || b.type === 'table';
  return b.type === 'paragraph' && (introduces(b) || next.type === 'table' || next.type === 'list' || next.type === 'chart' || next.type === 'image');
}

function listParagraphs(l: List, ctx: Ctx, lead: Lead): DocxParagraph[] {
  const reference = !l.ordered ? 'k-bullet' : `k-${l.style ?? 'decimal'}`;
  const instance = ctx.listInstance++;
  const last = l.items.length - 1;
  return l.items.map(
    (item, i) =>
      new DocxParagraph({
        numbering: { reference, level: 0, instance },
        ...(i === 0 && lead.pageBreakBefore ? { pageBreakBefore: true } : {}),
        ...(i === last && lead.keepNext ? { keepNext: true, keepLines: true } : {}),
        children: runs(item),
        spacing: { after: 60 },
      }),
  );
}

/**
 * The contents: one entry per heading listed, a link to the heading's bookmark with a PAGEREF
 * field for its page. Not Word's TOC field: LibreOffice shows a TOC field's stored result as it is
 * (so its page numbers would have to be known before any layout), while it works out a PAGEREF
 * outside one from its own pagination when it opens the file; Word updates the fields when it
 * opens the file (`updateFields`) and on F9. Word writes a PAGEREF in the numbering of the page it
 * points to (iv in the front matter); LibreOffice writes the number in digits there (4).
 */
function tocParagraphs(title: string, ctx: Ctx, orientation: Orientation, lead: Lead): DocxParagraph[] {
  const width = contentWidth(orientation);
  const out = [new DocxParagraph({ style: STYLE.tocTitle, ...(lead.pageBreakBefore ? { pageBreakBefore: true } : {}), children: runs([title]) })];
  for (const e of ctx.headings.values()) {
    const bookmark = ctx.bookmarks.get(e.heading);
    if (!bookmark) continue;
    out.push(
      new DocxParagraph({
        style: `TOC${e.level}`,
        tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }],
        children: [new InternalHyperlink({ anchor: bookmark, children: [...runs([e.text]), new TextRun({ children: [new Tab()] }), new PageReference(bookmark, { hyperlink: true })] })],
      }),
    );
  }
  return out;
}

function cellParagraph(text: string, align: 'left' | 'center' | 'right', bold: boolean, color: string | undefined, sizePt: number, keepNext: boolean): DocxParagraph {
  // the style's size unless the table is set smaller (layout.ts)
  const size = sizePt !== TABLE_FONT_PT ? { sizePt } : {};
  return new DocxParagraph({
    style: STYLE.tableText,
    alignment: ALIGN[align],
    ...(keepNext ? { keepNext: true } : {}),
    children: runs([text], { bold, ...(color ? { color } : {}), ...size }),
  });
}

/**
 * The rows of one part of a table. `keepNext(r)`: the row's paragraphs keep with the next — Word's
 * and LibreOffice's way of keeping rows on one page (a small table whole, the last row with the
 * signature after it).
 */
function gridRows(grid: Grid, part: 'header' | 'body' | 'footer', colWidths: number[], label: string, sizePt: number, keepNext: (r: number) => boolean): TableRow[] {
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const keep = keepNext(r);
    const cells: TableCell[] = [];
    for (let c = 0; c < grid.columns; c++) {
      const p = grid.cover[r]?.[c];
      if (!p || p.col !== c) continue; // covered by a cell spanning from the left
      const where = `${label} ${part} row ${r + 1}, column ${c + 1}`;
      const width = colWidths.slice(c, c + p.colSpan).reduce((a, b) => a + b, 0);
      const fill = p.cell.fill ? normalizeFill(p.cell.fill, where) : part === 'header' ? HEADER_FILL : part === 'footer' ? TOTAL_FILL : undefined;
      const color = p.cell.fill && fill ? textColorOn(fill) : undefined;
      const common = {
        width: { size: width, type: WidthType.DXA },
        ...(p.colSpan > 1 ? { columnSpan: p.colSpan } : {}),
        ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
        verticalAlign: part === 'header' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
        margins: { top: 40, bottom: 40, left: mm(TABLE_CELL_PADDING_MM.x), right: mm(TABLE_CELL_PADDING_MM.x) },
      };
      if (p.row !== r) {
        // the continuation of a cell merged down from a row above
        cells.push(new TableCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [new DocxParagraph({ style: STYLE.tableText, ...(keep ? { keepNext: true } : {}) })] }));
        continue;
      }
      // a number never wraps inside its cell ("Rp" stays with its digits)
      const shown = cellText(p.cell.value, where);
      const text = p.cell.value.kind === 'number' ? shown.replace(/ /g, '\u00A0') : shown;
      const bold = part !== 'body' || !!p.cell.bold;
      cells.push(
        new TableCell({
          ...common,
          ...(p.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          children: [cellParagraph(text, cellAlign(p.cell, part === 'header'), bold, color, sizePt, keep)],
        }),
      );
    }
    rows.push(new TableRow({ children: cells, cantSplit: true, ...(part === 'header' ? { tableHeader: true } : {}) }));
  }
  return rows;
}

/** Widths in twips, adding up exactly to `total`. */
function twipWidths(relative: number[], total: number): number[] {
  const out = relative.map((w) => Math.floor(w * total));
  const rest = total - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out[out.length - 1] ?? 0) + rest;
  return out;
}

function tableBlocks(t: Table, orientation: Orientation, lead: Lead): (DocxParagraph | DocxTable)[] {
  // column widths fitted to the content on the section's page
  const layout = layoutTable(t, orientation);
  const width = contentWidth(orientation);
  const colWidths = twipWidths(layout.widths, width);
  const out: (DocxParagraph | DocxTable)[] = [];
  const breakBefore = lead.pageBreakBefore ? { pageBreakBefore: true } : {};
  if (t.caption) out.push(new DocxParagraph({ style: STYLE.caption, ...breakBefore, children: runs([t.caption]), keepNext: true }));
  else if (lead.pageBreakBefore) out.push(new DocxParagraph({ style: STYLE.spacer, ...breakBefore, keepNext: true }));
  // a table the PDF keeps whole (layout.ts) is kept whole here too: every row but the last keeps
  // with the next (the header rows always do); the last keeps with what follows when asked
  const whole = keepTogether(layout, orientation, t.caption);
  const lastBody = layout.body.rows - 1;
  const lastFooter = layout.footer.rows - 1;
  out.push(
    new DocxTable({
      rows: [
        ...gridRows(layout.header, 'header', colWidths, layout.label, layout.fontPt, () => true),
        ...gridRows(layout.body, 'body', colWidths, layout.label, layout.fontPt, (r) => (r < lastBody || lastFooter >= 0 ? whole : !!lead.keepNext)),
        ...gridRows(layout.footer, 'footer', colWidths, layout.label, layout.fontPt, (r) => (r < lastFooter ? whole : !!lead.keepNext)),
      ],
      width: { size: width, type: WidthType.DXA },
      columnWidths: colWidths,
      layout: TableLayoutType.FIXED,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    }),
  );
  const keep = lead.keepNext ? { keepNext: true } : {};
  if (t.source) out.push(new DocxParagraph({ style: STYLE.source, ...keep, children: runs([t.source]) }));
  else out.push(new DocxParagraph({ style: STYLE.source, ...keep })); // Word needs a paragraph between two tables
  return out;
}

function chartBlocks(c: Chart, width: number, lead: Lead): DocxParagraph[] {
  const { width: w, height: h } = chartSize(c);
  const svg = renderChartSvg(c);
  const png = svgToPng(svg, 2);
  // twips to CSS pixels: 1 px = 15 twips; shrink to the text width, never enlarge
  const maxPx = Math.floor(width / 15);
  const scale = Math.min(1, maxPx / w);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(svg, 'utf8'),
    fallback: { type: 'png', data: png },
    transformation: { width: Math.round(w * scale), height: Math.round(h * scale) },
    altText: { name: c.id ?? 'grafik', title: c.caption ?? chartLabel(c), description: c.caption ?? chartLabel(c) },
  });
  const out = [
    new DocxParagraph({
      alignment: AlignmentType.CENTER,
      ...(lead.pageBreakBefore ? { pageBreakBefore: true } : {}),
      keepNext: !!c.caption || !!lead.keepNext,
      spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO }, children: [image] }),
  ];
  if (c.caption) out.push(new DocxParagraph({ style: STYLE.caption, ...(lead.keepNext ? { keepNext: true } : {}), children: runs([c.caption]), spacing: { after: 240 } }));
  return out;
}

/** A photo or the crest: the stored bytes as they are, at `width` of the text width; or the sentence saying it is missing. */
function figureBlocks(f: Figure, width: number, lead: Lead): DocxParagraph[] {
  const first = { ...(lead.pageBreakBefore ? { pageBreakBefore: true } : {}) };
  if (!f.image) {
    return [new DocxParagraph({ ...first, alignment: AlignmentType.CENTER, ...(lead.keepNext ? { keepNext: true } : {}), children: [new TextRun({ text: f.missing ?? '', italics: true, color: 'B00000' })] })];
  }
  const img = f.image;
  const px = Math.floor((width / 15) * (f.width ?? 0.7)); // twips to CSS pixels: 1 px = 15 twips
  const w = Math.min(px, img.width * 4);
  const image = new ImageRun({
    type: img.mediaType === 'image/png' ? 'png' : 'jpg',
    data: img.bytes,
    transformation: { width: w, height: Math.round((w * img.height) / img.width) },
    altText: { name: f.caption ?? 'gambar', title: f.caption ?? 'gambar', description: f.caption ?? 'gambar' },
  });
  const out = [new DocxParagraph({ ...first, alignment: AlignmentType.CENTER, keepNext: !!f.caption || !!lead.keepNext, spacing: { before: 120, after: 60 }, children: [image] })];
  if (f.caption) out.push(new DocxParagraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: f.caption, italics: true, size: 20 })] }));
  return out;
}

/** The files attached after the document, listed (DOCX holds no pages of them). */
function attachmentParagraphs(doc: DocumentModel): DocxParagraph[] {
  const list = doc.attachments ?? [];
  if (!list.length) return [];
  return [
    new DocxParagraph({ style: STYLE.caption, pageBreakBefore: true, children: runs(['BERKAS TERLAMPIR']) }),
    ...list.map(
      (a, i) =>
        new DocxParagraph({
          children: runs([`${i + 1}. ${a.title}: ${a.name} (${formatBytesId(a.size)})${a.bytes ? '' : ' — belum dilampirkan'}`]),
        }),
    ),
  ];
}

/**
 * A signature block as one borderless table of one row that cannot split: the place and date over
 * the last column, then each party's role, position, room to sign, name, rank and NIP. The
 * paragraph before it keeps with it (`keepsWithNext`), so the block never stands alone on a page.
 */
function signatureBlocks(s: Signature, width: number, lead: Lead): (DocxParagraph | DocxTable)[] {
  const cols = Math.max(2, s.parties.length);
  const offset = cols - s.parties.length;
  const colWidths = twipWidths(new Array<number>(cols).fill(1 / cols), width);
  const placeDate = signaturePlaceDate(s);
  const para = (text: string, extra: { bold?: boolean; underline?: boolean } = {}): DocxParagraph =>
    new DocxParagraph({ style: STYLE.signature, keepNext: true, keepLines: true, children: runs([text], extra) });
  const cell = (children: DocxParagraph[], i: number): TableCell =>
    new TableCell({ width: { size: colWidths[i] ?? 0, type: WidthType.DXA }, children: children.length ? children : [para('')] });
  const parties = Array.from({ length: cols }, (_, i) => {
    const p = s.parties[i - offset];
    const lines: DocxParagraph[] = [];
    // the place and date over the last column, a blank line of the same height over the others
    if (placeDate) lines.push(para(i === cols - 1 ? placeDate : ''));
    if (!p) return cell(lines, i);
    if (p.role) lines.push(para(p.role));
    if (p.position) lines.push(para(p.position));
    for (let k = 0; k < 4; k++) lines.push(para('')); // room to sign
    lines.push(para(p.name, { bold: true, underline: true }));
    if (p.rank) lines.push(para(p.rank));
    if (p.nip) lines.push(para(`NIP. ${p.nip}`));
    return cell(lines, i);
  });
  return [
    new DocxParagraph({ spacing: { before: 240, after: 0 }, keepNext: true, ...(lead.pageBreakBefore ? { pageBreakBefore: true } : {}) }),
    new DocxTable({
      rows: [new TableRow({ children: parties, cantSplit: true })],
      width: { size: width, type: WidthType.DXA },
      columnWidths: colWidths,
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
    }),
    new DocxParagraph({ style: STYLE.spacer }),
  ];
}

function blockElements(b: Block, ctx: Ctx, orientation: Orientation, lead: Lead): (DocxParagraph | DocxTable)[] {
  const width = contentWidth(orientation);
  switch (b.type) {
    case 'heading':
      return [headingParagraph(b, ctx, lead)];
    case 'paragraph': {
      const style = b.style === 'note' ? STYLE.note : b.style === 'caption' ? STYLE.caption : undefined;
      return [
        new DocxParagraph({
          ...(style ? { style } : {}),
          ...(b.align ? { alignment: ALIGN[b.align] } : {}),
          ...(lead.pageBreakBefore ? { pageBreakBefore: true } : {}),
          ...(lead.keepNext ? { keepNext: true, keepLines: true } : {}),
          children: runs(b.content),
        }),
      ];
    }
    case 'list':
      return listParagraphs(b, ctx, lead);
    case 'table':
      return tableBlocks(b, orientation, lead);
    case 'chart':
      return chartBlocks(b, width, lead);
    case 'signature':
      return signatureBlocks(b, width, lead);
    case 'pageBreak':
      return []; // written as "page break before" on what follows (sectionElements)
    case 'toc':
      return tocParagraphs(b.title, ctx, orientation, lead);
    case 'image':
      return figureBlocks(b, width, lead);
  }
}

/** The blocks whose first paragraph takes "page break before" (`Lead`); any other starts its page after a hairline paragraph. */
const BREAKS_ITSELF = new Set<Block['type']>(['heading', 'paragraph', 'list', 'table', 'chart', 'signature', 'toc']);

/**
 * A section's blocks as Word elements, with what each block owes its neighbours (`Lead`): a page
 * break in the model becomes "page break before" on the next block; one at the start of a section
 * that begins a page anyway is dropped; one at the end is handed on (`pendingBreak`) to the next
 * section, which drops it too when it begins a page.
 */
function sectionElements(s: Section, ctx: Ctx, orientation: Orientation, breakFirst: boolean): { children: (DocxParagraph | DocxTable)[]; pendingBreak: boolean } {
  const children: (DocxParagraph | DocxTable)[] = [];
  let pendingBreak = breakFirst;
  s.blocks.forEach((b, i) => {
    if (b.type === 'pageBreak') {
      pendingBreak = true;
      return;
    }
    if (pendingBreak && !BREAKS_ITSELF.has(b.type)) {
      // a block that cannot start a page itself: a hairline paragraph at the top of the new page does
      children.push(new DocxParagraph({ style: STYLE.spacer, pageBreakBefore: true, keepNext: true }));
      pendingBreak = false;
    }
    const lead: Lead = { ...(pendingBreak ? { pageBreakBefore: true } : {}), ...(keepsWithNext(b, s.blocks[i + 1]) ? { keepNext: true } : {}) };
    pendingBreak = false;
    children.push(...blockElements(b, ctx, orientation, lead));
  });
  return { children, pendingBreak };
}

function pageProperties(style: PageStyle, first: boolean): NonNullable<ISectionOptions['properties']> {
  const landscape = style.orientation === 'landscape';
  const formatType = style.numbering === 'roman' ? DocxNumberFormat.LOWER_ROMAN : DocxNumberFormat.DECIMAL;
  return {
    page: {
      // docx swaps width and height itself for a landscape page
      size: { width: A4.short, height: A4.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { ...MARGINS[style.orientation], header: mm(10), footer: mm(10) },
      pageNumbers: { formatType, ...(first ? { start: 1 } : {}) },
    },
  };
}

function footerFor(doc: DocumentModel, style: PageStyle): Footer {
  if (style.numbering === 'none') return new Footer({ children: [new DocxParagraph({})] });
  return new Footer({
    children: [
      new DocxParagraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(style.orientation) }],
        children: [
          new TextRun({ text: doc.title, italics: true, size: 16, font: SANS, color: '555555' }),
          new TextRun({ children: ['\t', PageNumber.CURRENT], size: 20, font: SERIF }),
        ],
      }),
    ],
  });
}

function coverSection(doc: DocumentModel): ISectionOptions | undefined {
  if (!doc.cover) return undefined;
  const orientation = doc.orientation ?? 'portrait';
  const style: PageStyle = { numbering: 'none', orientation };
  const lines = doc.cover.lines.map(
    (l, i) =>
      new DocxParagraph({
        style: i === 0 ? STYLE.coverTitle : STYLE.cover,
        ...(i === 0 ? { spacing: { before: orientation === 'landscape' ? mm(20) : mm(45), after: mm(6) } } : {}),
        children: runs([l]),
      }),
  );
  const rule = new DocxParagraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm(35), right: mm(35) },
    border: { bottom: { style: BorderStyle.DOUBLE, size: 12, color: '000000', space: 1 } },
    spacing: { after: 0 },
  });
  const footer = (doc.cover.footer ?? []).map(
    (l, i) =>
      new DocxParagraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: i === 0 ? (orientation === 'landscape' ? mm(40) : mm(95)) : 0, after: 0 },
        children: runs([l]),
      }),
  );
  const crest = doc.crest ? figureBlocks(doc.crest, contentWidth(orientation), {}) : [];
  if (crest.length && lines[0]) {
    // the crest takes the room above the title
    lines[0] = new DocxParagraph({ style: STYLE.coverTitle, spacing: { before: mm(10), after: mm(6) }, children: runs([doc.cover.lines[0]!]) });
  }
  return { properties: pageProperties(style, false), footers: { default: footerFor(doc, style) }, children: [...crest, ...lines, rule, ...footer] };
}

function sectionOptions(
  doc: DocumentModel,
  s: Section,
  ctx: Ctx,
  prev: PageStyle | undefined,
  seen: Set<string>,
  pendingBreak: boolean,
): { options: ISectionOptions; pendingBreak: boolean } {
  const style = pageStyleOf(doc, s);
  const firstOfNumbering = style.numbering !== 'none' && !seen.has(style.numbering);
  seen.add(style.numbering);
  const samePage = prev !== undefined && prev.numbering === style.numbering && prev.orientation === style.orientation;
  const continuous = !s.newPage && samePage;
  // a section that begins a page needs no page break before its first block
  const elements = sectionElements(s, ctx, style.orientation, continuous && pendingBreak);
  const children = elements.children;
  if (children.length === 0) children.push(new DocxParagraph({}));
  const properties = pageProperties(style, firstOfNumbering);
  return {
    options: {
      properties: { ...properties, type: continuous ? SectionType.CONTINUOUS : SectionType.NEXT_PAGE },
      footers: { default: footerFor(doc, style) },
      children,
    },
    pendingBreak: elements.pendingBreak,
  };
}

function styles(): NonNullable<ConstructorParameters<typeof Document>[0]['styles']> {
  const heading = (size: number, center: boolean, italics: boolean, before: number, after: number) => ({
    run: { font: SANS, size, bold: true, italics, color: '000000' },
    paragraph: { ...(center ? { alignment: AlignmentType.CENTER } : {}), spacing: { before, after, line: 276, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true },
  });
  const h1 = heading(28, true, false, 0, 480);
  const h2 = heading(24, false, false, 300, 160);
  const h3 = heading(24, false, true, 240, 120);
  return {
    default: {
      document: {
        run: { font: SERIF, size: 24, language: { value: 'id-ID' } },
        paragraph: { spacing: { after: 160, line: 348, lineRule: LineRuleType.AUTO } },
      },
      heading1: h1,
      heading2: h2,
      heading3: h3,
    },
    paragraphStyles: [
      { id: STYLE.plain1, name: 'Heading 1 (not in contents)', basedOn: 'Normal', next: 'Normal', ...h1 },
      { id: STYLE.plain2, name: 'Heading 2 (not in contents)', basedOn: 'Normal', next: 'Normal', ...h2 },
      { id: STYLE.plain3, name: 'Heading 3 (not in contents)', basedOn: 'Normal', next: 'Normal', ...h3 },
      { id: STYLE.note, name: 'Note', basedOn: 'Normal', run: { size: 19, italics: true, color: '333333' }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
      {
        id: STYLE.caption,
        name: 'Table and Figure Caption',
        basedOn: 'Normal',
        run: { font: SANS, size: 21, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 200, after: 100, line: 264, lineRule: LineRuleType.AUTO } },
      },
      { id: STYLE.source, name: 'Table Source', basedOn: 'Normal', run: { size: 18, italics: true }, paragraph: { spacing: { before: 40, after: 200, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.tableText, name: 'Table Text', basedOn: 'Normal', run: { font: SANS, size: TABLE_FONT_PT * 2 }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.tocTitle, name: 'Contents Title', basedOn: 'Normal', run: { font: SANS, size: 28, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 400 } } },
      { id: STYLE.cover, name: 'Cover Line', basedOn: 'Normal', run: { font: SANS, size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240, line: 276, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.coverTitle, name: 'Cover Title', basedOn: 'Normal', run: { font: SANS, size: 52, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
      // Word's built-in contents styles by their built-in names (LibreOffice maps them to its Contents 1–3)
      ...([1, 2, 3] as const).map((level) => ({
        id: `TOC${level}`,
        name: `toc ${level}`,
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { indent: { left: (level - 1) * 340 }, spacing: { before: level === 1 ? 120 : 0, after: 40, line: 276, lineRule: LineRuleType.AUTO } },
      })),
      { id: STYLE.spacer, name: 'Spacer', basedOn: 'Normal', run: { size: 2 }, paragraph: { spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } } },
      { id: STYLE.signature, name: 'Signature', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO } } },
    ],
  };
}

function numbering(): NonNullable<ConstructorParameters<typeof Document>[0]['numbering']> {
  const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: 0,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 454, hanging: 454 } } },
  });
  return {
    config: [
      { reference: 'k-decimal', levels: [level(LevelFormat.DECIMAL, '%1.')] },
      { reference: 'k-lower-alpha', levels: [level(LevelFormat.LOWER_LETTER, '%1.')] },
      { reference: 'k-upper-alpha', levels: [level(LevelFormat.UPPER_LETTER, '%1.')] },
      { reference: 'k-bullet', levels: [level(LevelFormat.BULLET, '\u2022')] },
    ],
  };
}

/** The sections of the Word document (fresh objects on every call: docx fills some in when packing). */
function buildSections(doc: DocumentModel): ISectionOptions[] {
  const headings = headingAnchors(doc);
  const ctx: Ctx = { doc, headings, bookmarks: tocBookmarks(headings), listInstance: 1 };
  const sections: ISectionOptions[] = [];
  const cover = coverSection(doc);
  if (cover) sections.push(cover);
  let prev: PageStyle | undefined = cover ? { numbering: 'none', orientation: doc.orientation ?? 'portrait' } : undefined;
  const seen = new Set<string>();
  let pendingBreak = false;
  for (const s of doc.sections) {
    const built = sectionOptions(doc, s, ctx, prev, seen, pendingBreak);
    sections.push(built.options);
    pendingBreak = built.pendingBreak;
    prev = pageStyleOf(doc, s);
  }
  if (sections.length === 0) sections.push({ children: [new DocxParagraph({})] });
  if (doc.crest && !cover) {
    // no cover: the crest heads the first page (the letterhead)
    const first = sections[0]!;
    sections[0] = { ...first, children: [...figureBlocks({ ...doc.crest, width: 0.12 }, contentWidth(doc.orientation ?? 'portrait'), {}), ...(first.children ?? [])] };
  }
  const attached = attachmentParagraphs(doc);
  if (attached.length) {
    const last = sections[sections.length - 1]!;
    sections[sections.length - 1] = { ...last, children: [...(last.children ?? []), ...attached] };
  }
  if (doc.draft) {
    // a draft: its label in the header of every page, and its note at the start of the first section after the cover
    const draft = doc.draft;
    const header = () =>
      new Header({
        children: [new DocxParagraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: draft.label, bold: true, size: 36, font: SANS, color: 'B00000' })] })],
      });
    sections.forEach((sec, i) => {
      const note = new DocxParagraph({
        border: { top: { style: BorderStyle.SINGLE, size: 12, color: 'B00000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: 'B00000', space: 4 } },
        children: [new TextRun({ text: draft.note, bold: true, color: 'B00000', font: SANS, size: 20 })],
      });
      const children = i === (cover ? 1 : 0) ? [note, ...(sec.children ?? [])] : sec.children;
      sections[i] = { ...sec, headers: { default: header() }, children };
    });
  }
  return sections;
}

/** The document as DOCX bytes. */
export async function renderDocx(doc: DocumentModel): Promise<Buffer> {
  // building throws when the model itself is wrong (a bad fill, a non-finite number), saying where
  const document = new Document({
    title: doc.title,
    ...(doc.subtitle ? { subject: doc.subtitle } : {}),
    creator: 'Kinerja',
    description: `${doc.agency} — ${doc.year}`,
    styles: styles(),
    // Word updates the fields (the contents' page numbers) when the document is opened
    features: { updateFields: true },
    numbering: numbering(),
    sections: buildSections(doc),
  });
  const packed = await Packer.toBuffer(document);
  // the same model gives the same bytes: dates from `issuedAt`, ids renumbered (stamp.ts)
  return normalizePackage(packed, issueDate(doc), (name, text) => (name.startsWith('word/') && name.endsWith('.xml') ? canonicalDocxIds(text) : text));
}
