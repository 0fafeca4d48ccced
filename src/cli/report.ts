/**
 * `kinerja report`, `kinerja agreement` and `kinerja review-doc`: the annual report (LKIP), a
 * signed performance agreement and the review document, built by the core (src/core/report)
 * and written by the renderers (src/report) as DOCX, PDF, HTML, XLSX or the DocumentModel as
 * JSON. A thin adapter: read the source, build, render, write.
 */
import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { DocumentModel } from '../core/document/model.js';
import type { Reviewer } from '../core/report/review-doc.js';
import { text } from '../core/findings.js';
import { cliLang, CliError, EXIT, type CliIo } from './io.js';
import { helpText, type HelpText } from './help.js';

// the builders, renderers and the dataset's reading load when a command runs, not with `kinerja --help`
const produce = () => import('../report/produce.js');
const source = () => import('./source.js');

export const FORMATS = ['docx', 'pdf', 'html', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof FORMATS)[number];

const BINARY: ReadonlySet<ReportFormat> = new Set(['docx', 'pdf', 'xlsx']);
const EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
  '.json': 'json',
};

interface OutputFlags {
  format?: ReportFormat;
  output?: string;
  agency?: string;
}

function parseYear(v: string): number {
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1900 || y > 2200) throw new CliError(text(`--year: expected a year such as 2025, got "${v}"`, `--year: diharapkan tahun seperti 2025, tertulis "${v}"`), EXIT.usage);
  return y;
}

function parseDate(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(`${v}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
    throw new CliError(text(`--review-date: expected a date as YYYY-MM-DD such as 2026-02-27, got "${v}"`, `--review-date: diharapkan tanggal TTTT-BB-HH seperti 2026-02-27, tertulis "${v}"`), EXIT.usage);
  return v;
}

export interface ReviewerFlags {
  reviewerName?: string;
  reviewerNip?: string;
  reviewerPosition?: string;
  reviewerUnit?: string;
  reviewPlace?: string;
  reviewDate?: string;
}

/** The reviewer the options give (parts left out stay out: the document says what is missing). */
export function reviewerOfFlags(f: ReviewerFlags): Reviewer | undefined {
  const r: Reviewer = {
    ...(f.reviewerName ? { name: f.reviewerName } : {}),
    ...(f.reviewerNip ? { nip: f.reviewerNip } : {}),
    ...(f.reviewerPosition ? { position: f.reviewerPosition } : {}),
    ...(f.reviewerUnit ? { unit: f.reviewerUnit } : {}),
    ...(f.reviewPlace ? { place: f.reviewPlace } : {}),
    ...(f.reviewDate ? { date: f.reviewDate } : {}),
  };
  return Object.keys(r).length ? r : undefined;
}

/** The format asked for, else the output file's extension. */
export function formatOf(flags: OutputFlags, allowed: readonly ReportFormat[]): ReportFormat {
  const fromName = flags.output ? EXTENSION[extname(flags.output).toLowerCase()] : undefined;
  const format = flags.format ?? fromName;
  if (!format) {
    throw new CliError(
      text(
        `give --format (${allowed.join(', ')}), or an output file (-o) whose name ends in one of them`,
        `berikan --format (${allowed.join(', ')}), atau berkas keluaran (-o) yang namanya berakhiran salah satunya`,
      ),
      EXIT.usage,
    );
  }
  if (!allowed.includes(format)) throw new CliError(text(`--format ${format} is not available here; expected one of ${allowed.join(', ')}`, `--format ${format} tidak tersedia di sini; pilih salah satu dari ${allowed.join(', ')}`), EXIT.usage);
  if (BINARY.has(format) && !flags.output) throw new CliError(text(`--format ${format} writes a file: give -o FILE`, `--format ${format} menulis berkas: berikan -o BERKAS`), EXIT.usage);
  return format;
}

/** The document in a format, as bytes or text (a missing Chromium becomes a CLI error). */
export async function renderDocument(doc: DocumentModel, format: ReportFormat): Promise<Buffer | string> {
  const [{ renderDocument: renderAs }, { ChromiumMissingError }] = await Promise.all([produce(), import('../report/chromium.js')]);
  try {
    return await renderAs(doc, format);
  } catch (e) {
    if (e instanceof ChromiumMissingError) throw new CliError(text(e.message, e.localized.id));
    throw e;
  }
}

async function emit(io: CliIo, doc: DocumentModel, format: ReportFormat, output: string | undefined): Promise<void> {
  const content = await renderDocument(doc, format);
  if (!output) {
    io.out(typeof content === 'string' ? content : content.toString('utf8'));
    return;
  }
  await writeFile(resolve(io.cwd, output), content);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  io.err(`Ditulis: ${output} (${format.toUpperCase()}, ${bytes.toLocaleString('id-ID')} bita) — ${doc.title}\n`);
}

/** The reviewer's options (review-doc, publish --kind review): without name, NIP, position, unit and date a review is a draft. */
export function withReviewerOptions(cmd: Command, t: HelpText): Command {
  return cmd
      .option(
        '--reviewer-name <name>',
        t(
          "the reviewer's name as signed; without name, NIP, position, unit and date the review is a draft",
          'nama pereviu sebagaimana ditandatangani; tanpa nama, NIP, jabatan, unit dan tanggal, reviu berstatus draf',
        ),
      )
      .option('--reviewer-nip <nip>', t("the reviewer's NIP", 'NIP pereviu'))
      .option('--reviewer-position <position>', t('the reviewer\'s position, e.g. "Auditor Ahli Madya"', 'jabatan pereviu, misalnya "Auditor Ahli Madya"'))
      .option('--reviewer-unit <unit>', t('the reviewing unit (APIP); default: the evaluator of the year in the dataset', 'unit pereviu (APIP); bawaan: evaluator tahun itu dalam dataset'))
      .option('--review-place <place>', t('where the statement is signed, e.g. Jember', 'tempat pernyataan ditandatangani, misalnya Jember'))
      .option('--review-date <date>', t('the date of the statement, YYYY-MM-DD', 'tanggal pernyataan, TTTT-BB-HH'), parseDate);
}

export function registerReportCommands(program: Command, io: CliIo, t: HelpText = helpText('id')): void {
  const agencyOpt = () =>
    new Option('--agency <id>', t('read the agency from the configured database (DATABASE_URL or KINERJA_DATA_DIR)', 'baca perangkat daerah dari basis data yang diatur (DATABASE_URL atau KINERJA_DATA_DIR)'));
  const formatOpt = (allowed: readonly ReportFormat[]) =>
    new Option('--format <format>', t("output format (default: from the output file's name)", 'format keluaran (bawaan: dari nama berkas keluaran)')).choices([...allowed]);
  const outputOpt = () =>
    new Option('-o, --output <file>', t('file to write; HTML and JSON go to standard output without it', 'berkas yang ditulis; tanpanya HTML dan JSON ke keluaran standar'));
  const yearOpt = () => new Option('--year <year>', t('the year reported', 'tahun yang dilaporkan')).argParser(parseYear).makeOptionMandatory();
  const datasetArg = t('dataset or region file (.json, .yaml)', 'berkas dataset atau wilayah (.json, .yaml)');

  const reportFormats: ReportFormat[] = ['docx', 'pdf', 'html', 'xlsx', 'json'];
  program
    .command('report')
    .description(t('write the annual performance report (LKIP) of a year as DOCX, PDF, HTML or XLSX', 'tulis Laporan Kinerja (LKIP) suatu tahun sebagai DOCX, PDF, HTML atau XLSX'))
    .argument('[dataset]', datasetArg)
    .addOption(agencyOpt())
    .addOption(yearOpt())
    .addOption(formatOpt(reportFormats))
    .addOption(outputOpt())
    .action(async (file: string | undefined, flags: OutputFlags & { year: number }) => {
      const format = formatOf(flags, reportFormats);
      const [{ loadDataset }, { buildReport }] = await Promise.all([source(), produce()]);
      const src = await loadDataset(io, file, { ...flags, figuresYear: flags.year });
      const doc = buildReport(src.dataset, { kind: 'lkip', year: flags.year }, { regionSettings: src.regionSettings, registerFigures: src.registerFigures });
      await emit(io, doc, format, flags.output);
    });

  program
    .command('agreement')
    .description(t('write a performance agreement (Perjanjian Kinerja) in its signed form', 'tulis Perjanjian Kinerja dalam bentuk yang ditandatangani'))
    .argument('[dataset]', datasetArg)
    .addOption(agencyOpt())
    .requiredOption('--id <agreement>', t('the agreement id, e.g. pk-2025', 'id Perjanjian Kinerja, misalnya pk-2025'))
    .addOption(formatOpt(reportFormats))
    .addOption(outputOpt())
    .action(async (file: string | undefined, flags: OutputFlags & { id: string }) => {
      const format = formatOf(flags, reportFormats);
      const [{ loadDataset }, { buildReport }, { UnknownAgreement }] = await Promise.all([source(), produce(), import('../core/report/agreement.js')]);
      const src = await loadDataset(io, file, flags);
      let doc: DocumentModel;
      try {
        doc = buildReport(src.dataset, { kind: 'agreement', agreementId: flags.id });
      } catch (e) {
        if (e instanceof UnknownAgreement) throw new CliError(text(`${src.origin}: ${e.message}`, `${src.origin}: ${e.localized.id}`));
        throw e;
      }
      await emit(io, doc, format, flags.output);
    });

  const reviewFormats: ReportFormat[] = ['docx', 'pdf', 'html', 'json'];
  const reviewCmd = program
    .command('review-doc')
    .description(t("write the review of a report's printed figures (reviu) as a document", 'tulis reviu atas angka yang dicetak laporan sebagai dokumen'))
    .argument('[dataset]', datasetArg)
    .addOption(agencyOpt())
    .addOption(yearOpt())
    .addOption(formatOpt(reviewFormats))
    .addOption(outputOpt());
  withReviewerOptions(reviewCmd, t).action(async (file: string | undefined, flags: OutputFlags & ReviewerFlags & { year: number }) => {
      const format = formatOf(flags, reviewFormats);
      const [{ loadDataset }, { buildReport }] = await Promise.all([source(), produce()]);
      const src = await loadDataset(io, file, { ...flags, figuresYear: flags.year });
      const reviewer = reviewerOfFlags(flags);
      const doc = buildReport(src.dataset, { kind: 'review', year: flags.year, ...(reviewer ? { reviewer } : {}) }, { regionSettings: src.regionSettings, registerFigures: src.registerFigures });
      await emit(io, doc, format, flags.output);
    });
}
