/**
 * `kinerja publish`, `kinerja published`, `kinerja reproduce` and `kinerja changes`: issue a
 * report (frozen in the database with its dataset snapshot, settings and files), list the issued
 * reports of an agency, produce an issued report again and check it byte for byte, and show what
 * changed in the agency's data since. A thin adapter over src/publish.
 */
import { Command, Option } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatDatasetChange, type MeasurementChange } from '../core/report/diff.js';
import { FORMATS_OF, PUBLICATION_FORMATS, PUBLICATION_KINDS, type PublicationFormat, type PublicationKind } from '../core/report/publication-kinds.js';
import { formatNumber, formatPercent } from '../core/format.js';
import { messageIn, text, type Lang } from '../core/findings.js';
import type { PublicationSummary } from '../store/publications.js';
import { cliLang, CliError, EXIT, type CliIo } from './io.js';
import { helpText, type HelpText } from './help.js';
import { reviewerOfFlags, withReviewerOptions, type ReviewerFlags } from './report.js';

// publishing, the store and the renderers load when a command runs, not with `kinerja --help`
const publishing = () => import('../publish/publish.js');
const source = () => import('./source.js');

function parseYear(v: string): number {
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1900 || y > 2200) throw new CliError(text(`--year: expected a year such as 2025, got "${v}"`, `--year: diharapkan tahun seperti 2025, tertulis "${v}"`), EXIT.usage);
  return y;
}

/** `docx,pdf` → the formats, each known and named once. */
export function parseFormats(v: string): PublicationFormat[] {
  const list = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const known = PUBLICATION_FORMATS as readonly string[];
  const bad = list.filter((f) => !known.includes(f));
  if (list.length === 0 || bad.length) {
    throw new CliError(
      text(
        `--formats: expected a comma-separated list of ${PUBLICATION_FORMATS.join(', ')}${bad.length ? `, got "${bad.join(', ')}"` : ''}`,
        `--formats: diharapkan daftar dipisah koma dari ${PUBLICATION_FORMATS.join(', ')}${bad.length ? `, tertulis "${bad.join(', ')}"` : ''}`,
      ),
      EXIT.usage,
    );
  }
  return [...new Set(list)] as PublicationFormat[];
}

const KIND_NAME: Record<PublicationKind, string> = { lkip: 'LKIP', agreement: 'Perjanjian Kinerja', review: 'Reviu' };

function describe(p: PublicationSummary): string {
  return `${KIND_NAME[p.kind]} ${p.year}${p.subject ? ` (${p.subject})` : ''}`;
}

/** Errors of the publishing layer as the command line's. */
async function guarded<T>(fn: () => Promise<T>, lang: Lang): Promise<T> {
  const [{ PublishError }, { ChromiumMissingError }] = await Promise.all([publishing(), import('../report/chromium.js')]);
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PublishError) {
      const errors = e.findings.filter((f) => f.severity === 'error').slice(0, 10);
      const list = errors.map((f) => `\n  ${f.where}: ${messageIn(lang, f)}`).join('');
      throw new CliError(text(e.message + list, e.localized.id + list));
    }
    if (e instanceof ChromiumMissingError) throw new CliError(text(e.message, e.localized.id));
    throw e;
  }
}

const FIELD_NAME: Record<MeasurementChange['fields'][number]['field'], string> = {
  target: 'target',
  realization: 'realisasi',
  achievement: 'capaian',
  predicate: 'predikat',
};

function figure(v: number | string | null, field: string): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  return field === 'achievement' ? formatPercent(v, 2) : formatNumber(v, 2, { trim: true });
}

export function registerPublishCommands(program: Command, io: CliIo, t: HelpText = helpText('id')): void {
  const jsonOpt = () => new Option('--json', t('print JSON', 'cetak JSON'));
  const publishCmd = program
    .command('publish')
    .description(
      t(
        'issue a report: its dataset snapshot, settings and files are stored, frozen, with their SHA-256',
        'terbitkan laporan: potret datasetnya, pengaturan dan berkasnya disimpan beku, dengan SHA-256-nya',
      ),
    )
    .requiredOption('--agency <id>', t('the agency, as stored in the database', 'perangkat daerah, sebagaimana tersimpan di basis data'))
    .option('--year <year>', t('the year reported (for an agreement: its own year when omitted)', 'tahun yang dilaporkan (untuk Perjanjian Kinerja: tahunnya sendiri bila tidak diberikan)'), parseYear)
    .addOption(new Option('--kind <kind>', t('what is issued', 'apa yang diterbitkan')).choices([...PUBLICATION_KINDS]).default('lkip'))
    .option('--id <agreement>', t('the agreement id (with --kind agreement), e.g. pk-2025', 'id Perjanjian Kinerja (dengan --kind agreement), misalnya pk-2025'))
    .option(
      '--formats <list>',
      t(`formats, comma-separated (default: all the kind has: ${PUBLICATION_FORMATS.join(',')})`, `format, dipisah koma (bawaan: semua format jenisnya: ${PUBLICATION_FORMATS.join(',')})`),
      parseFormats,
    )
    .option('--by <name>', t('who issues it (default: the user name)', 'siapa yang menerbitkan (bawaan: nama pengguna)'))
    .addOption(jsonOpt());
  withReviewerOptions(publishCmd, t).action(
    async (flags: ReviewerFlags & { agency: string; year?: number; kind: PublicationKind; id?: string; formats?: PublicationFormat[]; by?: string; json?: boolean }) => {
      if (flags.kind !== 'agreement' && flags.year === undefined) throw new CliError(text(`--year is required for --kind ${flags.kind}`, `--year wajib untuk --kind ${flags.kind}`), EXIT.usage);
      if (flags.kind === 'agreement' && !flags.id) throw new CliError(text('--kind agreement needs --id AGREEMENT', '--kind agreement memerlukan --id PERJANJIAN'), EXIT.usage);
      if (flags.kind !== 'agreement' && flags.id) throw new CliError(text(`--id is for --kind agreement, not ${flags.kind}`, `--id hanya untuk --kind agreement, bukan ${flags.kind}`), EXIT.usage);
      const formats = flags.formats ?? [...FORMATS_OF[flags.kind]];
      const issuedBy = flags.by ?? io.env.USER ?? io.env.USERNAME ?? 'kinerja';
      const [{ withDatabase, figuresDay }, { publishReport }] = await Promise.all([source(), publishing()]);
      const s = await guarded(() =>
        withDatabase(io, (db) =>
          publishReport(db.pool, {
            agencyId: flags.agency,
            kind: flags.kind,
            ...(flags.year !== undefined ? { year: flags.year } : {}),
            ...(flags.id ? { subject: flags.id } : {}),
            formats,
            issuedBy,
            ...(flags.kind === 'review' && reviewerOfFlags(flags) ? { reviewer: reviewerOfFlags(flags)! } : {}),
            today: figuresDay(io),
          }),
        ),
        cliLang(program, io),
      );
      if (flags.json) {
        io.out(JSON.stringify(s, null, 2) + '\n');
        return;
      }
      io.out(`Diterbitkan: ${s.id} — ${describe(s)}, ${s.issuedAt}, oleh ${s.issuedBy}\n`);
      for (const f of s.files) io.out(`  ${f.format.padEnd(4)}  ${f.size.toLocaleString('id-ID').padStart(12)} bita  sha256 ${f.sha256}\n`);
    });

  program
    .command('published')
    .description(t('list the reports issued for an agency', 'daftar laporan yang diterbitkan untuk suatu perangkat daerah'))
    .requiredOption('--agency <id>', t('the agency', 'perangkat daerah'))
    .addOption(jsonOpt())
    .action(async (flags: { agency: string; json?: boolean }) => {
      const [{ withDatabase }, { createPublicationQueries }] = await Promise.all([source(), import('../store/publications.js')]);
      const list = await withDatabase(io, (db) => createPublicationQueries(db.pool).list(flags.agency));
      if (flags.json) io.out(JSON.stringify(list, null, 2) + '\n');
      else if (list.length === 0) io.out(`Belum ada laporan yang diterbitkan untuk "${flags.agency}": \`npx kinerja publish --agency ${flags.agency} --year TAHUN\`.\n`);
      else io.out(list.map((p) => `${p.id}\t${describe(p)}\t${p.issuedAt}\t${p.issuedBy}\t${p.files.map((f) => f.format).join(',')}`).join('\n') + '\n');
    });

  program
    .command('reproduce')
    .description(
      t(
        'produce an issued report again from its stored snapshot and check every file against the issued hash (exit 1 when one differs)',
        'buat ulang laporan terbit dari potret tersimpannya dan periksa setiap berkas terhadap hash terbitnya (keluar dengan 1 bila ada yang berbeda)',
      ),
    )
    .argument('<id>', t('the issued report, as `kinerja published` lists it', 'laporan terbit, sebagaimana dicantumkan `kinerja published`'))
    .requiredOption('-o, --output <dir>', t('folder to write the files to', 'folder tempat berkas ditulis'))
    .addOption(jsonOpt())
    .action(async (id: string, flags: { output: string; json?: boolean }) => {
      const [{ withDatabase }, { reproducePublication }] = await Promise.all([source(), publishing()]);
      const r = await guarded(() => withDatabase(io, (db) => reproducePublication(db.pool, id)), cliLang(program, io));
      if (!r) throw new CliError(text(`no issued report "${id}" in the database`, `tidak ada laporan terbit "${id}" dalam basis data`));
      const dir = resolve(io.cwd, flags.output);
      await mkdir(dir, { recursive: true });
      for (const f of r.files) await writeFile(join(dir, `${id}.${f.format}`), f.content);
      if (flags.json) {
        io.out(
          JSON.stringify(
            { id, matches: r.matches, files: r.files.map(({ content: _c, ...f }) => ({ ...f, file: join(flags.output, `${id}.${f.format}`) })), toolChanges: r.toolChanges, kinerjaVersion: r.kinerjaVersion },
            null,
            2,
          ) + '\n',
        );
      } else {
        io.out(`${id} — ${describe(r.publication)}, diterbitkan ${r.publication.issuedAt}\n`);
        for (const f of r.files) {
          io.out(`  ${f.matches ? 'sama    ' : 'BERBEDA '} ${join(flags.output, `${id}.${f.format}`)}  sha256 ${f.sha256}${f.matches ? '' : ` (diterbitkan: ${f.issuedSha256})`}\n`);
        }
      }
      if (!r.matches) {
        const tools = Object.entries(r.toolChanges).map(([n, [a, b]]) => `${n} ${a} → ${b}`);
        if (r.kinerjaVersion.issued !== r.kinerjaVersion.now) tools.unshift(`kinerja ${r.kinerjaVersion.issued} → ${r.kinerjaVersion.now}`);
        const differing = r.files.filter((f) => !f.matches).map((f) => f.format.toUpperCase()).join(', ');
        throw new CliError(
          text(
            `${differing} of ${id} is not byte for byte the file issued` + (tools.length ? `; tools changed since it was issued: ${tools.join(', ')}` : ''),
            `${differing} dari ${id} tidak sama persis (byte demi byte) dengan berkas yang diterbitkan` +
              (tools.length ? `; perangkat yang berubah sejak terbit: ${tools.join(', ')}` : ''),
          ),
        );
      }
    });

  program
    .command('changes')
    .description(
      t(
        'what changed in the agency’s data since a report was issued, and which measured rows moved',
        'apa yang berubah dalam data perangkat daerah sejak laporan diterbitkan, dan baris pengukuran mana yang bergeser',
      ),
    )
    .argument('<id>', t('the issued report', 'laporan terbit'))
    .addOption(jsonOpt())
    .action(async (id: string, flags: { json?: boolean }) => {
      const [{ withDatabase, figuresDay }, { publicationChanges }] = await Promise.all([source(), publishing()]);
      const c = await guarded(() => withDatabase(io, (db) => publicationChanges(db.pool, id, figuresDay(io))), cliLang(program, io));
      if (!c) throw new CliError(text(`no issued report "${id}" in the database`, `tidak ada laporan terbit "${id}" dalam basis data`));
      if (flags.json) {
        io.out(JSON.stringify(c, null, 2) + '\n');
        return;
      }
      const p = c.publication;
      io.out(`${p.id} — ${describe(p)}, diterbitkan ${p.issuedAt}\n`);
      if (!c.agencyExists) {
        io.out(`Perangkat daerah "${p.agencyId}" tidak ada lagi di basis data.\n`);
        return;
      }
      if (c.settingsChanged) io.out('Pengaturan wilayah berubah sejak laporan diterbitkan.\n');
      if (c.dataset.length === 0) io.out('Data tidak berubah sejak laporan diterbitkan.\n');
      else {
        io.out(`\nPerubahan data (${c.dataset.length}):\n`);
        for (const ch of c.dataset) io.out(`  ${formatDatasetChange(ch)}\n`);
      }
      if (c.measurementNote) io.out(`\nPengukuran: ${c.measurementNote}.\n`);
      else if (c.measurement.length === 0) io.out(`\nHasil pengukuran ${p.year} tidak berubah.\n`);
      else {
        io.out(`\nPerubahan hasil pengukuran ${p.year} (${c.measurement.length}):\n`);
        const status = { changed: 'berubah', added: 'baru', removed: 'hilang' } as const;
        for (const m of c.measurement) {
          const what = m.indicator ? `${m.indicator} ${m.name}` : `sasaran ${m.goal ?? ''}`;
          const figures = m.fields.map((f) => `${FIELD_NAME[f.field]} ${figure(f.old, f.field)} → ${figure(f.new, f.field)}`).join('; ');
          io.out(`  [${m.table}] ${what}: ${status[m.status]}${figures ? ` — ${figures}` : ''}\n`);
        }
      }
    });
}
