/**
 * `npx kinerja <command>`: validate, measure, review, import, export, agencies, demo.
 * Each command is a thin adapter: read the source, call the core, print. Exit codes in io.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { hasErrors, messageIn, text, type Lang, type Text } from '../core/findings.js';
import type { ImportChanges } from '../store/datasets.js';
import { cliLang, CliError, EXIT, processIo, type CliIo } from './io.js';
import { helpLang, helpText, localizeHelp } from './help.js';
import type { LoadedDataset } from './source.js';
import { DEMO_DATASET } from './demo.js';

/** Who made a change from the command line, as snapshots record it. */
const cliUser = (): string => `baris perintah (${userInfo().username})`;
import { registerReportCommands } from './report.js';
import { registerPublishCommands } from './publish.js';
import { registerRegisterCommands } from './registers.js';
import { registerDrillCommand } from './drill.js';

// Each command loads what it needs when it runs (`await import(…)`), so `kinerja --help` or a
// mistyped option loads the command line and not the validator, the measurement, the database
// drivers, the renderers or the browser's driver (bench "startup"; docs/decisions.md, "Compiled
// JavaScript"). Loading a module twice costs nothing: Node keeps it.
const source = () => import('./source.js');
const datasets = () => import('../store/datasets.js');

interface SourceFlags {
  agency?: string;
  json?: boolean;
}

function parseYear(v: string): number {
  const y = Number(v);
  if (!Number.isInteger(y) || y < 1900 || y > 2200) throw new CliError(text(`--year: expected a year such as 2025, got "${v}"`, `--year: diharapkan tahun seperti 2025, tertulis "${v}"`), EXIT.usage);
  return y;
}

async function ratingScaleOf(src: LoadedDataset) {
  const { DEFAULT_RULES } = await import('../core/measure/rules.js');
  return src.dataset.settings?.ratingScale ?? src.regionSettings?.ratingScale ?? DEFAULT_RULES.ratingScale;
}

/** The program; its help in `lang` (Indonesian unless English is chosen: help.ts). */
export function buildProgram(io: CliIo, setExit: (code: number) => void, lang: Lang = helpLang([], io.env)): Command {
  const t = helpText(lang);
  const program = new Command('kinerja')
    .description(t('Kinerja: performance accountability (SAKIP) — datasets, measurement, review', 'Kinerja: akuntabilitas kinerja (SAKIP) — dataset, pengukuran, reviu'))
    .addOption(
      new Option(
        '--lang <lang>',
        t(
          'language of the help, findings and error messages: id (Bahasa Indonesia, the default) or en; KINERJA_LANG sets the default',
          'bahasa bantuan, temuan dan pesan galat: id (Bahasa Indonesia, bawaan) atau en; KINERJA_LANG mengatur bawaannya',
        ),
      ).choices([
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
  localizeHelp(program, lang);
  const langNow = () => cliLang(program, io);

  const agencyOpt = () =>
    new Option('--agency <id>', t('read the agency from the configured database (DATABASE_URL or KINERJA_DATA_DIR)', 'baca perangkat daerah dari basis data yang diatur (DATABASE_URL atau KINERJA_DATA_DIR)'));
  const jsonOpt = () => new Option('--json', t('print JSON instead of tables', 'cetak JSON, bukan tabel'));
  const yearOpt = () => new Option('--year <year>', t('the year to measure', 'tahun yang diukur')).argParser(parseYear).makeOptionMandatory();
  const datasetArg = t('dataset or region file (.json, .yaml)', 'berkas dataset atau wilayah (.json, .yaml)');

  program
    .command('validate')
    .description(t('check a dataset and print its findings (exit 1 when there is an error)', 'periksa dataset dan cetak temuannya (keluar dengan 1 bila ada galat)'))
    .argument('[dataset]', datasetArg)
    .addOption(agencyOpt())
    .addOption(jsonOpt())
    .action(async (file: string | undefined, flags: SourceFlags) => {
      const [{ InvalidDocument, loadDataset, readValidated }, { qualityOfDataset }, { renderFindings }] = await Promise.all([
        source(),
        import('../core/quality/index.js'),
        import('./render.js'),
      ]);
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
      io.out(flags.json ? JSON.stringify({ valid: !hasErrors(findings), findings }, null, 2) + '\n' : renderFindings(findings, { color: io.color, lang: langNow() }));
      setExit(hasErrors(findings) ? EXIT.failed : EXIT.ok);
    });

  program
    .command('measure')
    .description(
      t(
        'measure every agreement of a year (the `measure --json` contract of measurement.md)',
        'ukur setiap Perjanjian Kinerja suatu tahun (kontrak `measure --json` dalam measurement.md)',
      ),
    )
    .argument('[dataset]', datasetArg)
    .addOption(agencyOpt())
    .addOption(yearOpt())
    .addOption(jsonOpt())
    .action(async (file: string | undefined, flags: SourceFlags & { year: number }) => {
      const [{ loadDataset }, { measure }] = await Promise.all([source(), import('../core/measure/index.js')]);
      // from the database, register-based indicators are counted from the agency's registers
      const src = await loadDataset(io, file, { ...flags, figuresYear: flags.year });
      const result = measure(src.dataset, flags.year, { regionSettings: src.regionSettings, ...(src.registerFigures ? { registerFigures: src.registerFigures } : {}) });
      if (flags.json) io.out(JSON.stringify(result, null, 2) + '\n');
      else io.out((await import('./render.js')).renderMeasurement(result, { color: io.color, ratingScale: await ratingScaleOf(src) }));
    });

  program
    .command('review')
    .description(t('compare the figures a report printed (claims) with the computed ones', 'bandingkan angka yang dicetak laporan (klaim) dengan angka hasil hitungan'))
    .argument('[dataset]', datasetArg)
    .addOption(agencyOpt())
    .addOption(yearOpt())
    .addOption(jsonOpt())
    .option('--all', t('list agreeing claims too', 'cantumkan juga klaim yang sesuai'))
    .action(async (file: string | undefined, flags: SourceFlags & { year: number; all?: boolean }) => {
      const [{ loadDataset }, { review }] = await Promise.all([source(), import('../core/review/index.js')]);
      const src = await loadDataset(io, file, flags);
      const result = review(src.dataset, flags.year, { regionSettings: src.regionSettings });
      if (flags.json) io.out(JSON.stringify(result, null, 2) + '\n');
      else io.out((await import('./render-review.js')).renderReview(result, { color: io.color, all: Boolean(flags.all) }));
    });

  program
    .command('import')
    .description(
      t(
        'validate a dataset or region file and store it in one transaction: each agency of the file is added or replaced, ' +
          "the region's other agencies are kept (--prune removes them); lists every agency added, replaced and removed",
        'validasi berkas dataset atau wilayah lalu simpan dalam satu transaksi: setiap perangkat daerah dalam berkas ditambahkan atau diganti, ' +
          'perangkat daerah lain di wilayahnya tetap (--prune menghapusnya); mencantumkan setiap perangkat daerah yang ditambahkan, diganti dan dihapus',
      ),
    )
    .argument('<file>', datasetArg)
    .option(
      '--prune',
      t(
        "region file: the file is the region's whole content, remove the region's agencies it does not hold (and take the region's settings from the file)",
        'berkas wilayah: berkas ini seluruh isi wilayah, hapus perangkat daerah wilayah yang tidak ada di dalamnya (dan ambil pengaturan wilayah dari berkas)',
      ),
    )
    .option('--dry-run', t('say what the import would do, store nothing', 'tampilkan apa yang akan dilakukan impor tanpa menyimpan apa pun'))
    .addOption(jsonOpt())
    .action(async (file: string, flags: { prune?: boolean; dryRun?: boolean; json?: boolean }) => {
      const [{ readValidated, withDatabase }, { createDatasetQueries }, { missingFiles, readValidatedBundle }] = await Promise.all([source(), datasets(), import('./bundle.js')]);
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
        if (doc.kind === 'dataset') return dryRun ? q.previewDataset(doc.dataset) : (await q.importDataset(doc.dataset, { snapshotBy: cliUser(), ...(files ? { files } : {}) })).changes;
        if (!dryRun) {
          const { agencies: _ids, ...done } = await q.importRegion(doc.region, { prune, snapshotBy: cliUser(), ...(files ? { files } : {}) });
          return done;
        }
        const preview = await q.previewRegion(doc.region);
        return prune ? { ...preview, removed: preview.kept, kept: [] } : preview;
      });
      if (flags.json) {
        io.out(JSON.stringify({ kind: doc.kind, stored: !dryRun, ...changes, findings: doc.findings }, null, 2) + '\n');
      } else {
        io.out((await import('./render-import.js')).renderImport({ changes, dryRun, warnings: doc.findings.length, file }, langNow()));
      }
    });

  program
    .command('export')
    .description(
      t(
        'write an agency stored in the database as a dataset file; to a .zip: a bundle with the files it refers to (crest, photos, scans)',
        'tulis perangkat daerah yang tersimpan di basis data sebagai berkas dataset; ke .zip: satu bundel bersama berkas yang dirujuknya (lambang, foto, pindaian)',
      ),
    )
    .requiredOption('--agency <id>', t('the agency to export', 'perangkat daerah yang diekspor'))
    .option('-o, --output <file>', t('file to write (.json, .yaml or .zip); standard output when omitted', 'berkas yang ditulis (.json, .yaml atau .zip); keluaran standar bila tidak diberikan'))
    .addOption(
      new Option('--format <format>', t('json or yaml (default: from the file name, else json)', 'json atau yaml (bawaan: dari nama berkas, selain itu json)')).choices(['json', 'yaml']),
    )
    .action(async (flags: { agency: string; output?: string; format?: 'json' | 'yaml' }) => {
      const [{ withDatabase }, { createDatasetQueries }] = await Promise.all([source(), datasets()]);
      const bundled = flags.output?.toLowerCase().endsWith('.zip') ?? false;
      const dataset = await withDatabase(io, async (db) => {
        const ds = await createDatasetQueries(db.pool).exportDataset(flags.agency);
        if (ds && bundled) {
          const [{ writeBundleFile }, { serializeDocument }] = await Promise.all([import('./bundle.js'), import('../core/dataset/io.js')]);
          await writeBundleFile(db.pool, io, flags.output!, ds, serializeDocument(ds, 'json'));
        }
        return ds;
      });
      if (!dataset) throw new CliError(text(`no agency "${flags.agency}" in the database`, `tidak ada perangkat daerah "${flags.agency}" dalam basis data`));
      if (bundled) {
        io.err(`Ditulis: ${flags.output}\n`);
      } else if (flags.output) {
        const { writeDocumentFile } = await import('../io/dataset-file.js');
        await writeDocumentFile(resolve(io.cwd, flags.output), dataset, flags.format);
        io.err(`Ditulis: ${flags.output}\n`);
      } else {
        io.out((await import('../core/dataset/io.js')).serializeDocument(dataset, flags.format ?? 'json'));
      }
    });

  program
    .command('agencies')
    .description(t('list the agencies stored in the database', 'daftar perangkat daerah yang tersimpan di basis data'))
    .addOption(jsonOpt())
    .action(async (flags: { json?: boolean }) => {
      const [{ withDatabase }, { createDatasetQueries }] = await Promise.all([source(), datasets()]);
      const list = await withDatabase(io, (db) => createDatasetQueries(db.pool).listAgencies());
      if (flags.json) io.out(JSON.stringify(list, null, 2) + '\n');
      else if (list.length === 0) io.out('Basis data kosong: `npx kinerja import FILE`.\n');
      else io.out(list.map((a) => `${a.id}\t${a.name} (${a.region})`).join('\n') + '\n');
    });

  program
    .command('demo')
    .description(
      t(
        `load the demo agency (${DEMO_DATASET}) into the embedded database on first use and show its 2025 measurement`,
        `muat perangkat daerah demo (${DEMO_DATASET}) ke basis data tertanam pada pemakaian pertama dan tampilkan pengukuran 2025-nya`,
      ),
    )
    .action(async () => {
      await (await import('./demo.js')).runDemo(io);
    });

  registerReportCommands(program, io, t);
  registerPublishCommands(program, io, t);
  registerRegisterCommands(program, io, t);
  registerDrillCommand(program, io, t);
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
  const program = buildProgram(
    io,
    (code) => {
      exit = code;
    },
    helpLang(argv, io.env),
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are successful exits; everything else commander rejects is a usage error
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    // the modules whose errors are tested here were loaded by the command that threw them
    const [{ InvalidDocument }, { DatabaseInUseError }] = await Promise.all([source(), import('../store/lock.js')]);
    if (e instanceof InvalidDocument) {
      const { renderFindings } = await import('./render.js');
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

