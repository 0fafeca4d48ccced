/**
 * One document of an agency as a file: "dataset + kind + format → bytes, content type, file
 * name". Shared by the command line (`kinerja report`, `agreement`, `review-doc`) and the web
 * server's report routes, so both build and render the same way.
 *
 * PDF needs a {@link PdfRenderer}: the caller owns it (the server keeps one for its lifetime;
 * the command line opens one per run). Without one, a temporary renderer is opened and closed.
 *
 * Each renderer is loaded when its format is first asked for, so a command writing one format
 * never loads the libraries of the others (docx, exceljs, playwright-core): a PDF from the
 * command line takes that much less memory.
 */
import type { DocumentModel } from '../core/document/model.js';
import type { Dataset } from '../core/dataset/schema.js';
import { agencyId } from '../core/dataset/model.js';
import type { Settings } from '../core/dataset/schema.js';
import type { RegisterFigures } from '../core/measure/register.js';
import { buildAgreement } from '../core/report/agreement.js';
import { buildLkip } from '../core/report/lkip.js';
import { crestFigure, newFilesState, type ReportFiles } from '../core/report/lkip-files.js';
import { buildReviewDocument, type Reviewer } from '../core/report/review-doc.js';
import { qualityOfYear } from '../core/quality/index.js';
import { review } from '../core/review/index.js';
import type { PdfRenderer } from './pdf.js';

export const DOCUMENT_FORMATS = ['docx', 'pdf', 'html', 'xlsx', 'json'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The formats each kind of document is written in. */
export const FORMATS_OF = {
  lkip: ['docx', 'pdf', 'html', 'xlsx', 'json'],
  agreement: ['docx', 'pdf', 'html', 'xlsx', 'json'],
  review: ['docx', 'pdf', 'html', 'json'],
} as const satisfies Record<string, readonly DocumentFormat[]>;

export const CONTENT_TYPE: Readonly<Record<DocumentFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export type ReportRequest =
  | { kind: 'lkip'; year: number }
  | { kind: 'agreement'; agreementId: string }
  | { kind: 'review'; year: number; reviewer?: Reviewer };

export interface ProduceOptions {
  /** the region's settings of measurement (as the store or a region file gives them) */
  regionSettings?: Settings | undefined;
  /** the renderer for PDF; without it one is opened for this document and closed after */
  pdf?: PdfRenderer;
  /** the bytes of the files the dataset refers to (crest, photos, scans) by SHA-256, as the store or a bundle holds them */
  files?: ReportFiles | undefined;
  /** the register figures of the year (store/register-counts.ts `figuresForYear`), for a stored agency whose indicators count from registers */
  registerFigures?: RegisterFigures | undefined;
}

export interface ProducedReport {
  doc: DocumentModel;
  content: Buffer | string;
  contentType: string;
  /** an Indonesian file name, e.g. `LKIP-diskopum-2025.docx` */
  fileName: string;
}

/** The document model of a request (throws the core's `UnknownAgreement` for an agreement that is not there). */
export function buildReport(ds: Dataset, req: ReportRequest, o: Pick<ProduceOptions, 'regionSettings' | 'files' | 'registerFigures'> = {}): DocumentModel {
  const settings = o.regionSettings ? { regionSettings: o.regionSettings } : {};
  const figures = o.registerFigures ? { registerFigures: o.registerFigures } : {};
  switch (req.kind) {
    case 'lkip':
      return buildLkip(ds, req.year, { ...settings, ...figures, ...(o.files ? { files: o.files } : {}) });
    case 'agreement': {
      // the signed form carries the crest at its head (the letterhead) when the store has it
      const doc = buildAgreement(ds, req.agreementId, o);
      const crest = o.files ? crestFigure(ds, newFilesState(o.files)) : undefined;
      return crest?.image ? { ...doc, crest } : doc;
    }
    case 'review':
      return buildReviewDocument(ds, req.year, review(ds, req.year, settings), qualityOfYear(ds, req.year, { ...settings, ...figures }), req.reviewer ? { reviewer: req.reviewer } : {});
  }
}

/** A JSON replacer: bytes (a Buffer's own toJSON is bypassed by looking at the holder) as their size. */
function bytesAsSize(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? { size: raw.byteLength } : value;
}

/** The document in a format, as bytes (DOCX, PDF, XLSX) or text (HTML, JSON). */
export async function renderDocument(doc: DocumentModel, format: DocumentFormat, pdf?: PdfRenderer): Promise<Buffer | string> {
  switch (format) {
    case 'html':
      return (await import('./html.js')).renderHtml(doc);
    case 'json':
      // file bytes (images, attachments) are named by their hash and size, not written out
      return JSON.stringify(doc, bytesAsSize, 2) + '\n';
    case 'docx': {
      // the wide tables on landscape parts of their own, as the HTML and PDF print them
      const { withLandscapeParts } = await import('./layout.js');
      return (await import('./docx.js')).renderDocx(withLandscapeParts(doc));
    }
    case 'xlsx':
      return (await import('./xlsx.js')).renderXlsx(doc);
    case 'pdf': {
      if (pdf) return pdf.render(doc);
      const own = (await import('./pdf.js')).createPdfRenderer();
      try {
        return await own.render(doc);
      } finally {
        await own.close();
      }
    }
  }
}

/** A file-name-safe piece: letters, digits, dot, dash and underscore. */
const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'dokumen';

/** `LKIP-<agency>-<year>`, `PK-<agency>-<agreement>`, `Reviu-LKIP-<agency>-<year>`, with the format's extension. */
export function reportFileName(ds: Dataset, req: ReportRequest, format: DocumentFormat): string {
  const agency = safe(agencyId(ds.agency));
  const base =
    req.kind === 'lkip' ? `LKIP-${agency}-${req.year}` : req.kind === 'agreement' ? `PK-${agency}-${safe(req.agreementId)}` : `Reviu-LKIP-${agency}-${req.year}`;
  return `${base}.${format}`;
}

/** Build and render one document of a dataset. */
export async function produceReport(ds: Dataset, req: ReportRequest, format: DocumentFormat, o: ProduceOptions = {}): Promise<ProducedReport> {
  const doc = buildReport(ds, req, o);
  const content = await renderDocument(doc, format, o.pdf);
  return { doc, content, contentType: CONTENT_TYPE[format], fileName: reportFileName(ds, req, format) };
}
