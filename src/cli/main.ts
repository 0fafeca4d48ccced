/**
 * `npx kinerja <command>`: validate, measure, review, import, export, agencies, demo.
 * Each command is a thin adapter: read the source, call the core, print. Exit codes in io.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { resolve } from 'node:path';
import { hasErrors, messageIn, text, type Text } from '../core/findings.js';
import { qualityOfDataset } from '../core/quality/index.js';
import { measure } from '../core/measure/index.js';
import { DEFAULT_RULES } from '../core/measure/rules.js';
import { review } from '../core/review/index.js';
import { serializeDocument } from '../core/dataset/io.js';
import { writeDocumentFile } from '../io/dataset-file.js';
import { createDatasetQueries, type ImportChanges } from '../store/datasets.js';
import { DatabaseInUseError } from '../store/lock.js';
import { cliLang, CliError, EXIT, processIo, type CliIo } from './io.js';
import { renderFindings, renderMeasurement } from './render.js';
import { renderReview } from './render-review.js';
import { renderImport } from './render-import.js';
import { InvalidDocument, loadDataset, readValidated, withDatabase, type LoadedDataset } from './source.js';
import { DEMO_DATASET, runDemo } from './demo.js';
import { registerReportCommands } from './report.js';
import { registerPublishCommands } from './publish.js';
import { missingFiles, readValidatedBundle, writeBundleFile } from './bundle.js';

interface SourceFlags {
  agency?: string;
  json?: boolean;
}

function parseYear(v: string): number {
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1900 || y > 2200) throw new CliError(text(`--year: expected a year such as 2025, got "${v}"`, `--year: diharapkan tahun seperti 2025, tertulis "${v}"`), EXIT.usage);
  return y;
}

function ratingScaleOf(src: LoadedDataset) {
  return src.dataset.settings?.ratingScale ?? src.regionSettings?.ratingScale ?? DEFAULT_RULES.ratingScale;
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('kinerja')
    .description('Kinerja: akuntabilitas kinerja (SAKIP) — dataset, pengukuran, reviu')
    .addOption(
      new Option('--lang <lang>', 'language of findings and error messages: id (Bahasa Indonesia, the default) or en; KINERJA_LANG sets the default').choices([
        'id',
        'en',
      ]),
    )
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .hook('preAction', (_program, action) => {
      io.command = action.name();
      io.lang = cliLang(program, io);
    });
  const lang = () => cliLang(program, io);

  const agencyOpt = () => new Option('--agency <id>', 'read the agency from the configured database (DATABASE_URL or KINERJA_DATA_DIR)');
  const jsonOpt = () => new Option('--json', 'print JSON instead of tables');
  const yearOpt = () => new Option('--year <year>', 'the year to measure').argParser(parseYear).makeOptionMandatory();

  program
    .command('validate')
    .description('check a dataset and print its findings (exit 1 when there is an error)')
    .argument('[dataset]', 'dataset or region file (.json, .yaml)')
    .addOption(agencyOpt())
    .addOption(jsonOpt())
    .action(async (file: string | undefined, flags: SourceFlags) => {
      let findings;
      try {
        if (file && !flags.agency) {
          const v = await readValidated(io, file);
          findings = v.findings;
          // data-quality findings (warnings) of a document without errors
          if (!hasErrors(findings)) {
            findings = [
              ...findings,
              ...(v.kind === 'dataset'
                ? qualityOfDataset(v.dataset)
                : v.region.agencies.flatMap((ds, i) => qualityOfDataset(ds, { regionSettings: v.region.settings, prefix: `agencies[${i}].` }))),
            ];
          }
        } else {
          const src = await loadDataset(io, file, flags);
          findings = hasErrors(src.findings) ? src.findings : [...src.findings, ...qualityOfDataset(src.dataset, { regionSettings: src.regionSettings })];
        }
      } catch (e) {
        if (!(e instanceof InvalidDocument)) throw e;
        findings = e.findings;
      }
      io.out(flags.json ? JSON.stringify({ valid: !hasErrors(findings), findings }, null, 2) + '\n' : renderFindings(findings, { color: io.color, lang: lang() }));
      setExit(hasErrors(findings) ? EXIT.failed : EXIT.ok);
    });

  program
    .command('measure')
    .description("measure every agreement of a year (the `measure --json` contract of measurement.md)")
    .argument('[dataset]', 'dataset or region file')
    .addOption(agencyOpt())
    .addOption(yearOpt())
    .addOption(jsonOpt())
    .action(async (file: string | undefined, flags: SourceFlags & { year: number }) => {
      const src = await loadDataset(io, file, flags);
      const result = measure(src.dataset, flags.year, { regionSettings: src.regionSettings });
      io.out(flags.json ? JSON.stringify(result, null, 2) + '\n' : renderMeasurement(result, { color: io.color, ratingScale: ratingScaleOf(src) }));
    });

  program
    .command('review')
    .description("compare the figures a report printed (claims) with the computed ones")
    .argument('[dataset]', 'dataset or region file')
    .addOption(agencyOpt())
    .addOption(yearOpt())
    .addOption(jsonOpt())
    .option('--all', 'list agreeing claims too')
    .action(async (file: string | undefined, flags: SourceFlags & { year: number; all?: boolean }) => {
      const src = await loadDataset(io, file, flags);
      const result = review(src.dataset, flags.year, { regionSettings: src.regionSettings });
      io.out(flags.json ? JSON.stringify(result, null, 2) + '\n' : renderReview(result, { color: io.color, all: Boolean(flags.all) }));
    });

  program
    .command('import')
    .description(
      'validate a dataset or region file and store it in one transaction: each agency of the file is added or replaced, ' +
        "the region's other agencies are kept (--prune removes them); lists every agency added, replaced and removed",
    )
    .argument('<file>', 'dataset or region file')
    .option(
      '--prune',
      "region file: the file is the region's whole content, remove the region's agencies it does not hold (and take the region's settings from the file) " +
        '/ berkas wilayah: berkas ini seluruh isi wilayah, hapus perangkat daerah wilayah yang tidak ada di dalamnya (dan ambil pengaturan wilayah dari berkas)',
    )
    .option('--dry-run', 'say what the import would do, store nothing / tampilkan apa yang akan dilakukan impor tanpa menyimpan apa pun')
    .addOption(jsonOpt())
    .action(async (file: string, flags: { prune?: boolean; dryRun?: boolean; json?: boolean }) => {
      const bundle = await readValidatedBundle(io, file);
      const doc = bundle?.doc ?? (await readValidated(io, file));
      const files = bundle?.files;
      const prune = Boolean(flags.prune);
      const dryRun = Boolean(flags.dryRun);
      if (prune && doc.kind !== 'region') {
        throw new CliError(
          text(
            `--prune applies to a region file (kinerja-region/1); ${file} is one agency's dataset`,
            `--prune hanya untuk berkas wilayah (kinerja-region/1); ${file} berisi dataset satu perangkat daerah`,
          ),
          EXIT.usage,
        );
      }
      const changes = await withDatabase(io, async (db): Promise<ImportChanges> => {
        const q = createDatasetQueries(db.pool);
        doc.findings.push(...(await missingFiles(db.pool, doc, files ?? new Map())));
        if (doc.kind === 'dataset') return dryRun ? q.previewDataset(doc.dataset) : (await q.importDataset(doc.dataset, files ? { files } : {})).changes;
        if (!dryRun) {
          const { agencies: _ids, ...done } = await q.importRegion(doc.region, { prune, ...(files ? { files } : {}) });
          return done;
        }
        const preview = await q.previewRegion(doc.region);
        return prune ? { ...preview, removed: preview.kept, kept: [] } : preview;
      });
      if (flags.json) {
        io.out(JSON.stringify({ kind: doc.kind, stored: !dryRun, ...changes, findings: doc.findings }, null, 2) + '\n');
      } else {
        io.out(renderImport({ changes, dryRun, warnings: doc.findings.length, file }, lang()));
      }
    });

  program
    .command('export')
    .description('write an agency stored in the database as a dataset file; to a .zip: a bundle with the files it refers to (crest, photos, scans)')
    .requiredOption('--agency <id>', 'the agency to export')
    .option('-o, --output <file>', 'file to write (.json or .yaml); standard output when omitted')
    .addOption(new Option('--format <format>', 'json or yaml (default: from the file name, else json)').choices(['json', 'yaml']))
    .action(async (flags: { agency: string; output?: string; format?: 'json' | 'yaml' }) => {
      const bundled = flags.output?.toLowerCase().endsWith('.zip') ?? false;
      const dataset = await withDatabase(io, async (db) => {
        const ds = await createDatasetQueries(db.pool).exportDataset(flags.agency);
        if (ds && bundled) await writeBundleFile(db.pool, io, flags.output!, ds, serializeDocument(ds, 'json'));
        return ds;
      });
      if (!dataset) throw new CliError(text(`no agency "${flags.agency}" in the database`, `tidak ada perangkat daerah "${flags.agency}" dalam basis data`));
      if (bundled) {
        io.err(`Ditulis: ${flags.output}\n`);
      } else if (flags.output) {
        await writeDocumentFile(resolve(io.cwd, flags.output), dataset, flags.format);
        io.err(`Ditulis: ${flags.output}\n`);
      } else {
        io.out(serializeDocument(dataset, flags.format ?? 'json'));
      }
    });

  program
    .command('agencies')
    .description('list the agencies stored in the database')
    .addOption(jsonOpt())
    .action(async (flags: { json?: boolean }) => {
      const list = await withDatabase(io, (db) => createDatasetQueries(db.pool).listAgencies());
      if (flags.json) io.out(JSON.stringify(list, null, 2) + '\n');
      else if (list.length === 0) io.out('Basis data kosong: `npx kinerja import FILE`.\n');
      else io.out(list.map((a) => `${a.id}\t${a.name} (${a.region})`).join('\n') + '\n');
    });

  program
    .command('demo')
    .description(`load the demo agency (${DEMO_DATASET}) into the embedded database on first use and show its 2025 measurement`)
    .action(async () => {
      await runDemo(io);
    });

  registerReportCommands(program, io);
  registerPublishCommands(program, io);
  return program;
}

/**
 * An error no command expected, in both languages: a database's refusal by its SQLSTATE (the
 * transaction it happened in was undone), anything else by its code or kind.
 */
function unexpected(e: unknown): Text {
  const err = e as { code?: unknown; severity?: unknown; name?: unknown };
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && /^[0-9A-Z]{5}$/.test(code) && typeof err.severity === 'string') {
    return text(
      `the database refused to store the data (PostgreSQL error ${code}); nothing of it was stored (the transaction was undone). If the dataset passed \`kinerja validate\`, this is a fault of Kinerja: run the command again with KINERJA_DEBUG=1 and report what it prints`,
      `basis data menolak menyimpan datanya (galat PostgreSQL ${code}); tidak ada yang disimpan (transaksinya dibatalkan). Bila dataset lolos \`kinerja validate\`, ini kesalahan Kinerja: jalankan perintahnya lagi dengan KINERJA_DEBUG=1 lalu laporkan keluarannya`,
    );
  }
  const kind = code ?? (typeof err.name === 'string' ? err.name : 'Error');
  return text(
    `the command stopped on an unexpected error (${kind}); run it again with KINERJA_DEBUG=1 to see the details`,
    `perintah terhenti karena kesalahan yang tidak terduga (${kind}); jalankan lagi dengan KINERJA_DEBUG=1 untuk melihat rinciannya`,
  );
}

/** Run the command line; returns the exit code. Errors go to standard error with where and what. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exit: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exit = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are successful exits; everything else commander rejects is a usage error
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof InvalidDocument) {
      const lang = cliLang(program, io);
      const errors = e.findings.filter((f) => f.severity === 'error');
      io.err(`${e.origin}: ${lang === 'en' ? 'the dataset is not valid' : 'dataset tidak valid'}\n` + renderFindings(errors, { color: false, lang }));
      return EXIT.failed;
    }
    if (e instanceof CliError || e instanceof DatabaseInUseError) {
      io.err(`kinerja: ${messageIn(cliLang(program, io), e)}\n`);
      return e instanceof CliError ? e.exitCode : EXIT.failed;
    }
    // the last line of defence: no stack trace, no engine message (KINERJA_DEBUG=1 shows them)
    io.err(`kinerja: ${io.env.KINERJA_DEBUG ? ((e as Error).stack ?? String(e)) : (cliLang(program, io) === 'en' ? unexpected(e).en : unexpected(e).id)}\n`);
    return EXIT.failed;
  }
}

