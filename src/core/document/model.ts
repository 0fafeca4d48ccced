/**
 * The document model: one IO-free description of a report (the LKIP, an agreement, a review)
 * from which every renderer (DOCX, HTML, PDF, XLSX) produces its format. Content builders
 * compute every figure before it reaches this model; renderers only lay it out.
 *
 * Numbers in table cells are kept as numbers with a format, so each renderer writes them the
 * Indonesian way (`1.234.567,89`, `Rp`, `%`) and the spreadsheet keeps them numeric.
 */

/** How a numeric cell is shown. */
export type NumberFormat =
  | { kind: 'number'; decimals: number; trim?: boolean }
  | { kind: 'percent'; decimals: number; trim?: boolean }
  | { kind: 'rupiah' }
  | { kind: 'integer' };

/** Inline text: plain, or with emphasis. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean };

export interface Paragraph {
  type: 'paragraph';
  content: Inline[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** a smaller, muted line (table sources, notes) */
  style?: 'normal' | 'note' | 'caption';
  /**
   * introduces what follows (a table, chart or list): printed on the same page as the start of
   * the next block, never stranded at a page's foot (HTML `break-after: avoid`, Word's "keep with
   * next"); core/document/flow.ts sets it on every paragraph directly before a table, chart or list
   */
  keepWithNext?: boolean;
}

export interface Heading {
  type: 'heading';
  /** 1 = chapter (BAB), 2 = section (A., B.), 3 = subsection */
  level: 1 | 2 | 3;
  text: string;
  /** listed in the generated table of contents (default true) */
  toc?: boolean;
  /** a stable anchor for links and the table of contents */
  id?: string;
}

export interface List {
  type: 'list';
  ordered: boolean;
  /** numbering style of an ordered list */
  style?: 'decimal' | 'lower-alpha' | 'upper-alpha';
  items: Inline[][];
}

export type CellValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; format: NumberFormat }
  /** no value; shown as `-` (with the reason available to tooltips and spreadsheets) */
  | { kind: 'empty'; reason?: string };

export interface Cell {
  value: CellValue;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** background colour (CSS hex), e.g. the predicate's rating colour */
  fill?: string;
}

export interface Table {
  type: 'table';
  id?: string;
  /** "Tabel 3.2 Capaian Kinerja Tahun 2025 …" */
  caption?: string;
  /** header rows (several for multi-row headers); merged cells by colSpan/rowSpan */
  header: Cell[][];
  body: Cell[][];
  /** total rows, shown bold */
  footer?: Cell[][];
  /** relative column widths */
  widths?: number[];
  /** a line under the table: "Sumber: …" */
  source?: string;
  /**
   * the page the table is printed on: `section` (default) the section's, its type made smaller
   * when it is too wide; `fit` the section's if the table fits there, else a landscape part of
   * its own (with the heading and introduction just before it); `landscape` always such a part.
   * Renderers decide `fit` from the column widths the content needs (report/layout.ts
   * `withLandscapeParts`).
   */
  orientation?: 'section' | 'fit' | 'landscape';
}

/** A chart, rendered server-side to SVG and embedded in every format. */
export interface Chart {
  type: 'chart';
  id?: string;
  caption?: string;
  kind: 'bar' | 'line';
  categories: string[];
  series: { name: string; values: (number | null)[]; color?: string }[];
  unit?: string;
  /** a horizontal reference line (e.g. 100 %) */
  reference?: { value: number; label: string };
  width?: number;
  height?: number;
}

/** A signature block of a signed document (agreement, report foreword). */
export interface Signature {
  type: 'signature';
  place?: string;
  date?: string;
  parties: { role: string; position: string; name: string; nip?: string; rank?: string }[];
}

export interface PageBreak {
  type: 'pageBreak';
}

/** Where the generated table of contents goes. */
export interface TableOfContents {
  type: 'toc';
  title: string;
}

/**
 * An image file as a report embeds it: the stored bytes as they are (never re-encoded), with
 * the pixel size read from the file's header for the aspect ratio.
 */
export interface ImageData {
  sha256: string;
  mediaType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * An image in the text (a documentation photo) or on the cover (the crest). Without `image` the
 * file is missing: `missing` is shown in its place ("Foto dokumentasi kegiatan ini belum
 * dilampirkan") and the document is a draft.
 */
export interface Figure {
  type: 'image';
  image?: ImageData;
  missing?: string;
  caption?: string;
  /** the image's width as a share of the text width (default 0.7) */
  width?: number;
}

/**
 * A file attached after the document (the scan of a signed agreement or decree): the PDF
 * appends its pages (a PDF) or a page with it (an image), bookmarked under `title`; DOCX and
 * HTML list it. Without `bytes` the file is missing (listed as such; the document is a draft).
 */
export interface Attachment {
  title: string;
  name: string;
  sha256: string;
  mediaType: 'image/png' | 'image/jpeg' | 'application/pdf';
  size: number;
  bytes?: Uint8Array;
}

export type Block = Paragraph | Heading | List | Table | Chart | Signature | PageBreak | TableOfContents | Figure;

export interface Section {
  /** a titled part of the document: cover, foreword, chapter, appendix */
  id: string;
  title?: string;
  /** starts on a new page */
  newPage?: boolean;
  /** page numbering style of this part (roman for front matter) */
  numbering?: 'roman' | 'arabic' | 'none';
  /** page orientation of this part, overriding the document's (a wide table in a portrait report) */
  orientation?: 'portrait' | 'landscape';
  blocks: Block[];
}

export interface DocumentModel {
  title: string;
  subtitle?: string;
  /** for metadata: who the document is about */
  agency: string;
  year: number;
  language: 'id' | 'en';
  /** the cover, shown on its own first page */
  cover?: { lines: string[]; footer?: string[] };
  sections: Section[];
  /** landscape pages suit the wide achievement tables */
  orientation?: 'portrait' | 'landscape';
  /**
   * When the document was issued (ISO 8601 date-time, e.g. `2026-01-31T08:00:00Z`). Renderers
   * take every date they write into a file (DOCX/XLSX properties and zip entry times, the PDF's
   * creation and modification dates) from it, so the same model gives the same bytes; without
   * it they write the time of rendering.
   */
  issuedAt?: string;
  /**
   * A draft that may be previewed but not issued (an LKIP resting on realizations not yet
   * approved): every renderer shows `label` (`DRAF`) on every page and `note` at the start.
   */
  draft?: { label: string; note: string };
  /** the agency's crest: on the cover, or at the head of the first page (the letterhead) without one */
  crest?: Figure;
  /** files attached after the document, in order (Lampiran) */
  attachments?: Attachment[];
}
