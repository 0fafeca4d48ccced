/**
 * Issuing reports, and reproducing and checking them later (IO: the store and the renderers).
 *
 * - `publishReport`: read the agency from the store, validate it, build the report from its
 *   canonical snapshot (core/report/publication.ts), render every format asked for, and store
 *   snapshot, settings, tool versions and files with their SHA-256 in one transaction.
 * - `reproducePublication`: build and render the report again from the stored snapshot and
 *   settings, at the stored issue time, and compare each file's hash with the stored one.
 * - `publicationChanges`: what changed in the agency's current data since the report was issued,
 *   and which measured rows moved.
 *
 * The command line (src/cli/publish.ts) and the web server call these with a pool.
 */
import { fileHashes } from '../core/dataset/files.js';
import { readFiles } from '../store/files.js';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { Dataset, Settings } from '../core/dataset/schema.js';
import { validateDocument } from '../core/dataset/validate.js';
import type { DocumentModel } from '../core/document/model.js';
import type { Reviewer } from '../core/report/review-doc.js';
import { hasErrors, text, type Finding, type Text } from '../core/findings.js';
import { measure, unapprovedRows } from '../core/measure/index.js';
import { STATE_ID } from '../core/measure/reasons.js';
import { rowsWithoutCauses } from '../core/measure/causes.js';
import { createMeasureContext } from '../core/measure/context.js';
import { diffDatasets, diffMeasurements, type DatasetChange, type MeasurementChange } from '../core/report/diff.js';
import {
  buildPublication,
  canonicalize,
  FORMATS_OF,
  type PublicationFormat,
  type PublicationKind,
  type PublicationRecipe,
  type PublicationSettings,
} from '../core/report/publication.js';
import { createPdfRenderer, type PdfRenderer } from '../report/pdf.js';
import { renderDocument } from '../report/produce.js';
import { w3cdtf } from '../report/stamp.js';
import { createDatasetQueries } from '../store/datasets.js';
import { figuresForYear } from '../store/register-counts.js';
import type { RegisterFigures } from '../core/measure/register.js';
import { dayInJakarta, figuresFromPlain, figuresToPlain } from '../core/registers/figures-plain.js';
import { createPublicationQueries, sha256Hex, type PublicationSummary } from '../store/publications.js';

/** A publishing request that cannot be carried out (unknown agency, invalid data, a format the kind has not). */
export class PublishError extends Error {
  /** the message in Indonesian */
  readonly localized: { id: string };
  constructor(
    message: Text,
    readonly findings: Finding[] = [],
  ) {
    super(message.en);
    this.localized = { id: message.id };
    this.name = 'PublishError';
  }
}

const ROOT = new URL('../../', import.meta.url);

function packageVersion(path: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** This Kinerja's version (package.json). */
export function kinerjaVersion(): string {
  return packageVersion('package.json');
}

/** The libraries each format is written with. */
const LIBRARIES: Record<PublicationFormat, string[]> = {
  docx: ['docx', 'jszip', '@resvg/resvg-js', 'echarts', '@fontsource/arimo'],
  xlsx: ['exceljs', 'jszip'],
  html: ['echarts', '@fontsource/tinos', '@fontsource/arimo'],
  pdf: ['playwright-core', 'echarts', '@fontsource/tinos', '@fontsource/arimo'],
};

/** The versions of the libraries (and, for PDF, the browser) that write `formats`. */
export async function toolVersions(formats: readonly PublicationFormat[], pdf?: PdfRenderer): Promise<Record<string, string>> {
  const names = [...new Set(formats.flatMap((f) => LIBRARIES[f]))].sort();
  const out: Record<string, string> = {};
  for (const n of names) out[n] = packageVersion(`node_modules/${n}/package.json`);
  if (formats.includes('pdf') && pdf) {
    out.chromium = await pdf.version();
    // which build of that version: the npm package's, Debian's headless shell or full browser differ in their bytes
    out['chromium-executable'] = pdf.chromium;
  }
  return out;
}

export interface RenderContext {
  /** a PDF renderer to use (a warm browser); one is started and closed for the call otherwise */
  pdf?: PdfRenderer;
}

/** The document in each format, in the order asked. */
export async function renderFormats(doc: DocumentModel, formats: readonly PublicationFormat[], ctx: RenderContext = {}): Promise<{ format: PublicationFormat; content: Buffer }[]> {
  const own = formats.includes('pdf') && !ctx.pdf ? createPdfRenderer() : undefined;
  const pdf = ctx.pdf ?? own;
  try {
    const out: { format: PublicationFormat; content: Buffer }[] = [];
    for (const format of formats) {
      const content = await renderDocument(doc, format, pdf);
      out.push({ format, content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
    }
    return out;
  } finally {
    await own?.close();
  }
}

/** The settings of the agency's region as stored, when it has any. */
async function regionSettingsOf(pool: pg.Pool, agencyId: string): Promise<Settings | undefined> {
  const { rows } = await pool.query<{ settings: Settings | null }>(
    'SELECT r.settings FROM agencies a JOIN regions r ON r.name = a.region WHERE a.id = $1',
    [agencyId],
  );
  return rows[0]?.settings ?? undefined;
}

/** The agency's current dataset from the store, validated; throws when it has errors. */
async function currentDataset(pool: pg.Pool, agencyId: string): Promise<{ dataset: Dataset; findings: Finding[] } | undefined> {
  const exported = await createDatasetQueries(pool).exportDataset(agencyId);
  if (!exported) return undefined;
  const v = validateDocument(exported);
  const errors = v.findings.filter((f) => f.severity === 'error');
  if (v.kind !== 'dataset' || errors.length > 0) {
    throw new PublishError(
      text(
        `database:${agencyId}: the dataset is not valid (${errors.length} error(s)); a report is not issued from it`,
        `database:${agencyId}: dataset tidak valid (${errors.length} kesalahan); laporan tidak diterbitkan darinya`,
      ),
      v.findings,
    );
  }
  return { dataset: v.dataset, findings: v.findings };
}

export interface PublishRequest {
  agencyId: string;
  kind: PublicationKind;
  /** the year reported; for an agreement its own year when omitted */
  year?: number;
  /** the agreement's id (kind `agreement`) */
  subject?: string;
  formats: readonly PublicationFormat[];
  issuedBy: string;
  /** default: now (to the second) */
  issuedAt?: string;
  /** a review's reviewer, who signs its statement (kept with the issued review); without one a review is a draft and is not issued */
  reviewer?: Reviewer;
  /** the day the register figures are counted at (YYYY-MM-DD); default: today in Jakarta */
  today?: string;
}

function publicationId(req: { kind: PublicationKind; agencyId: string; year: number; subject?: string }): string {
  const parts = [req.kind, req.agencyId, String(req.year), ...(req.subject ? [req.subject] : []), randomBytes(3).toString('hex')];
  return parts.join('-');
}

/**
 * An LKIP is issued only on approved data: refused, naming the indicators, while any of its rows
 * rests on realizations not yet counted (measurement.md, "Official figures"). It can still be
 * previewed (`kinerja report`, the web preview), marked DRAF.
 */
function refuseUnapproved(dataset: Dataset, year: number, regionSettings: Settings | undefined, registerFigures: RegisterFigures | undefined): void {
  const rows = unapprovedRows(measure(dataset, year, { ...(regionSettings ? { regionSettings } : {}), ...(registerFigures ? { registerFigures } : {}) }));
  if (rows.length === 0) return;
  const en = rows.map((r) => `"${r.name}" (${r.state})`).join(', ');
  const id = rows.map((r) => `"${r.name}" (${STATE_ID[r.state]})`).join(', ');
  throw new PublishError(
    text(
      `the LKIP ${year} is not issued: ${rows.length} indicator(s) rest on realizations not yet approved: ${en}. Approve them first; until then the report can be previewed as a draft (marked DRAF)`,
      `LKIP ${year} tidak diterbitkan: ${rows.length} indikator masih memakai realisasi yang belum disetujui: ${id}. Setujui realisasinya lebih dahulu; sampai saat itu laporan hanya dapat dipratinjau sebagai draf (bertanda DRAF)`,
    ),
  );
}

/**
 * An LKIP is issued only when every indicator's causes are written (measure/causes.ts): until
 * then it is a draft whose places to complete are marked, refused here naming the indicators.
 */
function refuseUnexplained(dataset: Dataset, year: number, regionSettings: Settings | undefined, registerFigures: RegisterFigures | undefined): void {
  const names = [...new Set(rowsWithoutCauses(createMeasureContext(dataset, { regionSettings, registerFigures }), year).map((r) => `"${r.name}"`))];
  if (names.length === 0) return;
  throw new PublishError(
    text(
      `the LKIP ${year} is not issued: the narrative gives no causes (drivers, obstacles) for ${names.length} indicator(s): ${names.join(', ')}. Write them first; until then the report can be previewed as a draft (marked DRAF)`,
      `LKIP ${year} tidak diterbitkan: uraian faktor pendorong dan penghambat belum ditulis untuk ${names.length} indikator: ${names.join(', ')}. Tulis uraiannya lebih dahulu; sampai saat itu laporan hanya dapat dipratinjau sebagai draf (bertanda DRAF)`,
    ),
  );
}

/** Issue a report: snapshot, settings, tool versions and files stored together, frozen. */
export async function publishReport(pool: pg.Pool, req: PublishRequest, ctx: RenderContext = {}): Promise<PublicationSummary> {
  const allowed = FORMATS_OF[req.kind];
  const wrong = req.formats.filter((f) => !allowed.includes(f));
  if (wrong.length) throw new PublishError(text(`a ${req.kind} is not issued as ${wrong.join(', ')}; expected some of ${allowed.join(', ')}`, `${req.kind} tidak diterbitkan sebagai ${wrong.join(', ')}; pilih dari ${allowed.join(', ')}`));
  if (req.formats.length === 0) throw new PublishError(text(`expected at least one format (${allowed.join(', ')})`, `diharapkan sedikitnya satu format (${allowed.join(', ')})`));
  if (new Set(req.formats).size !== req.formats.length) throw new PublishError(text(`a format is named twice: ${req.formats.join(', ')}`, `ada format yang disebut dua kali: ${req.formats.join(', ')}`));
  const current = await currentDataset(pool, req.agencyId);
  if (!current) throw new PublishError(text(`no agency "${req.agencyId}" in the database`, `tidak ada perangkat daerah "${req.agencyId}" dalam basis data`));
  const dataset = canonicalize(current.dataset);
  let year = req.year;
  if (req.kind === 'agreement') {
    const ag = dataset.agreements.find((a) => a.id === req.subject);
    if (!req.subject || !ag) {
      const ids = dataset.agreements.map((a) => a.id).join(', ');
      throw new PublishError(
        text(
          `an agreement is issued by its id: expected one of ${ids || '(none)'}${req.subject ? `, got "${req.subject}"` : ''}`,
          `perjanjian kinerja diterbitkan menurut id-nya: pilih salah satu dari ${ids || '(belum ada)'}${req.subject ? `, tertulis "${req.subject}"` : ''}`,
        ),
      );
    }
    year ??= ag.year;
  } else if (req.subject !== undefined) {
    throw new PublishError(text(`a ${req.kind} has no subject; --id is for agreements`, `${req.kind} tidak memakai subjek; --id hanya untuk perjanjian kinerja`));
  }
  if (year === undefined) throw new PublishError(text(`expected the year of the ${req.kind}`, `diharapkan tahun untuk ${req.kind}`));
  const regionSettings = await regionSettingsOf(pool, req.agencyId);
  // a year's report counts its register-based indicators now, and keeps what it counted with the snapshot
  const registerFigures = req.kind === 'agreement' ? undefined : await figuresForYear(pool, req.agencyId, dataset, year, req.today ?? dayInJakarta(new Date()));
  if (req.kind === 'lkip') {
    refuseUnapproved(dataset, year, regionSettings, registerFigures);
    refuseUnexplained(dataset, year, regionSettings, registerFigures);
  }
  const settings: PublicationSettings = {
    ...(regionSettings ? { regionSettings: canonicalize(regionSettings) } : {}),
    ...(req.kind === 'review' && req.reviewer ? { reviewer: canonicalize(req.reviewer) } : {}),
    ...(registerFigures ? { registerFigures: canonicalize(figuresToPlain(registerFigures)) } : {}),
  };
  const issuedAt = w3cdtf(new Date(Math.floor((req.issuedAt ? new Date(req.issuedAt) : new Date()).getTime() / 1000) * 1000));
  const recipe: PublicationRecipe = { kind: req.kind, year, ...(req.subject ? { subject: req.subject } : {}), settings, issuedAt };
  // the crest, photos and scans the snapshot refers to: content-addressed rows that never change (store/files.ts)
  const stored = await readFiles(pool, req.agencyId, fileHashes(dataset));
  const doc = buildPublication(dataset, recipe, stored);
  if (doc.draft) {
    // what is left of a draft once its rows are approved: files it refers to that the store lacks
    throw new PublishError(text(`the ${req.kind} is not issued while it is a draft: ${doc.draft.note}`, `${req.kind} tidak diterbitkan selama masih draf: ${doc.draft.note}`));
  }
  const own = req.formats.includes('pdf') && !ctx.pdf ? createPdfRenderer() : undefined;
  const pdf = ctx.pdf ?? own;
  try {
    const files = await renderFormats(doc, req.formats, { ...(pdf ? { pdf } : {}) });
    const tools = await toolVersions(req.formats, pdf);
    return await createPublicationQueries(pool).publish({
      id: publicationId({ kind: req.kind, agencyId: req.agencyId, year, ...(req.subject ? { subject: req.subject } : {}) }),
      agencyId: req.agencyId,
      kind: req.kind,
      year,
      ...(req.subject ? { subject: req.subject } : {}),
      issuedAt,
      issuedBy: req.issuedBy,
      dataset,
      settings,
      kinerjaVersion: kinerjaVersion(),
      tools,
      files,
    });
  } finally {
    await own?.close();
  }
}

/** The recipe of a stored publication. */
function recipeOf(p: PublicationSummary & { settings: PublicationSettings }): PublicationRecipe {
  return { kind: p.kind, year: p.year, ...(p.subject !== null ? { subject: p.subject } : {}), settings: p.settings, issuedAt: p.issuedAt };
}

export interface ReproducedFile {
  format: PublicationFormat;
  content: Buffer;
  sha256: string;
  /** the hash stored when the report was issued */
  issuedSha256: string;
  matches: boolean;
}

export interface Reproduction {
  publication: PublicationSummary;
  files: ReproducedFile[];
  /** tools whose version now differs from the one that wrote the issued files: name → [then, now] */
  toolChanges: Record<string, [string, string]>;
  kinerjaVersion: { issued: string; now: string };
  matches: boolean;
}

/** Render an issued report again from its snapshot and compare every file with the issued one. */
export async function reproducePublication(pool: pg.Pool, id: string, ctx: RenderContext = {}): Promise<Reproduction | undefined> {
  const p = await createPublicationQueries(pool).get(id);
  if (!p) return undefined;
  const formats = p.files.map((f) => f.format);
  const doc = buildPublication(p.dataset, recipeOf(p), await readFiles(pool, p.agencyId, fileHashes(p.dataset)));
  const own = formats.includes('pdf') && !ctx.pdf ? createPdfRenderer() : undefined;
  const pdf = ctx.pdf ?? own;
  try {
    const rendered = await renderFormats(doc, formats, { ...(pdf ? { pdf } : {}) });
    const now = await toolVersions(formats, pdf);
    const files = rendered.map((r, i) => {
      const sha256 = sha256Hex(r.content);
      const issuedSha256 = p.files[i]!.sha256;
      return { format: r.format, content: r.content, sha256, issuedSha256, matches: sha256 === issuedSha256 };
    });
    const toolChanges: Record<string, [string, string]> = {};
    for (const [name, then] of Object.entries(p.tools)) {
      const v = now[name];
      if (v !== undefined && v !== then) toolChanges[name] = [then, v];
    }
    const { dataset: _d, settings: _s, tools: _t, files: _f, ...summary } = p;
    return {
      publication: { ...summary, files: p.files.map(({ format, size, sha256 }) => ({ format, size, sha256 })) },
      files,
      toolChanges,
      kinerjaVersion: { issued: p.kinerjaVersion, now: kinerjaVersion() },
      matches: files.every((f) => f.matches),
    };
  } finally {
    await own?.close();
  }
}

export interface PublicationChanges {
  publication: PublicationSummary;
  /** false when the agency is no longer in the store */
  agencyExists: boolean;
  dataset: DatasetChange[];
  /** differences of the measurement of the report's year (none when the current data cannot be measured) */
  measurement: MeasurementChange[];
  /** why the measurement could not be compared, when it could not */
  measurementNote?: string;
  /** whether the region settings differ from those the report was computed with */
  settingsChanged: boolean;
}

/** What changed in the agency's data since the report was issued, and which measured rows moved. */
export async function publicationChanges(pool: pg.Pool, id: string, today: string = dayInJakarta(new Date())): Promise<PublicationChanges | undefined> {
  const p = await createPublicationQueries(pool).get(id);
  if (!p) return undefined;
  const { dataset: _d, settings: _s, tools: _t, files: _f, ...rest } = p;
  const publication: PublicationSummary = { ...rest, files: p.files.map(({ format, size, sha256 }) => ({ format, size, sha256 })) };
  const issued = canonicalize(p.dataset);
  const exported = await createDatasetQueries(pool).exportDataset(p.agencyId);
  if (!exported) {
    return { publication, agencyExists: false, dataset: [], measurement: [], measurementNote: 'perangkat daerah tidak ada lagi di basis data', settingsChanged: false };
  }
  const regionSettings = await regionSettingsOf(pool, p.agencyId);
  const settingsChanged = JSON.stringify(canonicalize(regionSettings ?? null)) !== JSON.stringify(canonicalize(p.settings.regionSettings ?? null));
  const dataset = diffDatasets(issued, canonicalize(exported));
  const v = validateDocument(exported);
  if (v.kind !== 'dataset' || hasErrors(v.findings)) {
    return { publication, agencyExists: true, dataset, measurement: [], measurementNote: 'data saat ini tidak valid, pengukurannya tidak dibandingkan', settingsChanged };
  }
  // the issued report's register figures as it kept them; the current ones counted as of today
  const issuedFigures = p.settings.registerFigures ? figuresFromPlain(p.settings.registerFigures) : undefined;
  const currentFigures = await figuresForYear(pool, p.agencyId, v.dataset, p.year, today);
  const before = measure(issued, p.year, { ...(p.settings.regionSettings ? { regionSettings: p.settings.regionSettings } : {}), ...(issuedFigures ? { registerFigures: issuedFigures } : {}) });
  const after = measure(v.dataset, p.year, { ...(regionSettings ? { regionSettings } : {}), ...(currentFigures ? { registerFigures: currentFigures } : {}) });
  return { publication, agencyExists: true, dataset, measurement: diffMeasurements(before, after), settingsChanged };
}
