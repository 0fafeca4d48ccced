/**
 * `kinerja registers`, `kinerja register import` and `kinerja register export`: an agency's
 * registers with their row counts; a CSV/XLSX file of a register's rows checked and previewed
 * (stored with --store, in one transaction, only when every row is good); a register written
 * to CSV/XLSX, without its personal fields unless --with-personal. A thin adapter over
 * src/store/registers.ts and src/io/register-file.ts (registers.md).
 */
import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { messageIn, text, type Lang } from '../core/findings.js';
import { formatNumber } from '../core/format.js';
import { problemText } from '../core/registers/rows.js';
import type { RegisterImportResult } from '../store/registers.js';
import { CliError, EXIT, inLang, type CliIo } from './io.js';
import { helpText, type HelpText } from './help.js';

// the store, the file readers and exceljs load when a command runs, not with `kinerja --help`
const source = () => import('./source.js');
const store = () => import('../store/registers.js');
const files = () => import('../io/register-file.js');

const n = (x: number): string => formatNumber(x, 0);

/** A RegisterError (no agency, no register, unreadable file) as the command's error. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const { RegisterError } = await import('../core/registers/rows.js');
    if (e instanceof RegisterError) throw new CliError(text(e.message, e.localized.id), EXIT.failed);
    throw e;
  }
}

/** What an import found or would do, in the command's language. */
export function renderRegisterImport(r: RegisterImportResult, file: string, lang: Lang): string {
  const L = (en: string, id: string): string => (lang === 'en' ? en : id);
  const lines: string[] = [];
  if (r.problemCount > 0) {
    lines.push(
      L(
        `${file}: ${n(r.problemCount)} problem(s) in register ${r.register}; nothing was stored.`,
        `${file}: ${n(r.problemCount)} masalah pada register ${r.register}; tidak ada yang disimpan.`,
      ),
    );
    for (const p of r.problems) lines.push(`  ${problemText(p, lang)}`);
    if (r.problemCount > r.problems.length) {
      lines.push(L(`  … and ${n(r.problemCount - r.problems.length)} more (the first ${n(r.problems.length)} are shown)`, `  … dan ${n(r.problemCount - r.problems.length)} masalah lain (ditampilkan ${n(r.problems.length)} yang pertama)`));
    }
    return lines.join('\n') + '\n';
  }
  const p = r.preview!;
  const years = r.years.length ? L(` (years: ${r.years.join(', ')})`, ` (tahun: ${r.years.join(', ')})`) : '';
  lines.push(L(`Register ${r.register}: ${n(r.rows)} row(s) read from ${file}${years}, every row good.`, `Register ${r.register}: ${n(r.rows)} baris dibaca dari ${file}${years}, semua baris baik.`));
  const list = (label: string, c: { count: number; first: string[] }): string =>
    `  ${label}: ${n(c.count)}${c.first.length ? ` (${c.first.join(', ')}${c.count > c.first.length ? ', …' : ''})` : ''}`;
  lines.push(list(L('added', 'ditambahkan'), p.added));
  lines.push(list(L('changed', 'diubah'), p.changed));
  lines.push(list(L('removed', 'dihapus'), p.removed));
  lines.push(`  ${L('unchanged', 'tidak berubah')}: ${n(p.unchanged)}`);
  lines.push(
    r.stored
      ? L('Stored.', 'Disimpan.')
      : L('Preview only: nothing was stored. Run again with --store to store it.', 'Pratinjau saja: tidak ada yang disimpan. Jalankan lagi dengan --store untuk menyimpan.'),
  );
  return lines.join('\n') + '\n';
}

export function registerRegisterCommands(program: Command, io: CliIo, t: HelpText = helpText('id')): void {
  const jsonOpt = () => new Option('--json', t('print JSON', 'cetak JSON'));
  const agencyOpt = () => new Option('--agency <id>', t('the agency, as stored in the database', 'perangkat daerah, sebagaimana tersimpan di basis data')).makeOptionMandatory();
  const registerOpt = () => new Option('--register <id>', t("the register's id", 'id register')).makeOptionMandatory();

  program
    .command('registers')
    .description(t("list an agency's registers (data tunggal) with their row counts", 'daftar register (data tunggal) perangkat daerah beserta jumlah barisnya'))
    .addOption(agencyOpt())
    .addOption(jsonOpt())
    .action(async (flags: { agency: string; json?: boolean }) => {
      const [{ withDatabase }, { createRegisterQueries }] = await Promise.all([source(), store()]);
      const list = await guarded(() => withDatabase(io, (db) => createRegisterQueries(db.pool).listRegisters(flags.agency)));
      if (flags.json) {
        io.out(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      if (list.length === 0) {
        io.out(inLang(io, text(`Agency ${flags.agency} defines no registers.`, `Perangkat daerah ${flags.agency} tidak mendefinisikan register.`)) + '\n');
        return;
      }
      const en = inLang(io, text('en', 'id')) === 'en';
      for (const r of list) {
        const years = r.years.length ? (en ? `; years ${r.years.join(', ')}` : `; tahun ${r.years.join(', ')}`) : '';
        const personal = r.personal.length ? (en ? `; personal: ${r.personal.join(', ')}` : `; data pribadi: ${r.personal.join(', ')}`) : '';
        io.out(`${r.id}\t${r.name}\t${n(r.rows)} ${en ? 'rows' : 'baris'}${years}${personal}\n`);
      }
    });

  const register = program.command('register').description(t("a register's rows: import, export", 'baris register: impor, ekspor'));

  register
    .command('import')
    .description(
      t(
        "check a CSV or XLSX file of a register's rows (a header row of field ids) and show what it would add, change and remove; " +
          '--store stores it, in one transaction, only when every row is good',
        'periksa berkas CSV atau XLSX berisi baris register (baris judul berisi id kolom) dan tampilkan yang akan ditambahkan, diubah dan dihapus; ' +
          '--store menyimpannya, dalam satu transaksi, hanya bila semua baris baik',
      ),
    )
    .argument('<file>', t('the file (.csv or .xlsx)', 'berkasnya (.csv atau .xlsx)'))
    .addOption(agencyOpt())
    .addOption(registerOpt())
    .option('--store', t("store the rows (the file replaces the register's rows)", 'simpan barisnya (berkas menggantikan baris register)'))
    .addOption(jsonOpt())
    .action(async (file: string, flags: { agency: string; register: string; store?: boolean; json?: boolean }) => {
      const [{ withDatabase }, { createRegisterQueries, IMPORT_SHARED_BUFFERS }, { readRowFileInWorker }, { collectingEvery }] = await Promise.all([source(), store(), import('../io/row-thread.js'), import('../io/heap.js')]);
      const path = resolve(io.cwd, file);
      const result = await guarded(() =>
        withDatabase(io, (db) => createRegisterQueries(db.pool).importRows(flags.agency, flags.register, collectingEvery(readRowFileInWorker(path), 10_000), { store: Boolean(flags.store) }), {
          sharedBuffers: IMPORT_SHARED_BUFFERS,
        }),
      );
      const lang = (io.lang ?? 'id') as Lang;
      if (flags.json) {
        io.out(
          JSON.stringify(
            { ...result, problems: result.problems.map((p) => ({ row: p.row, column: p.column, code: p.code, message: messageIn(lang, { message: p.message.en, localized: { id: p.message.id } }) })) },
            null,
            2,
          ) + '\n',
        );
      } else io.out(renderRegisterImport(result, file, lang));
      if (result.problemCount > 0) throw new CliError(text(`${file}: refused, nothing stored`, `${file}: ditolak, tidak ada yang disimpan`), EXIT.failed);
    });

  register
    .command('export')
    .description(
      t(
        "write a register's rows to CSV or XLSX (by the file's extension; CSV on standard output without -o), without its personal fields unless --with-personal",
        'tulis baris register ke CSV atau XLSX (menurut ekstensi berkas; CSV ke keluaran standar tanpa -o), tanpa kolom data pribadinya kecuali dengan --with-personal',
      ),
    )
    .addOption(agencyOpt())
    .addOption(registerOpt())
    .option('-o, --output <file>', t('the file to write (.csv or .xlsx)', 'berkas yang ditulis (.csv atau .xlsx)'))
    .option('--with-personal', t('include the personal fields (UU 27/2022: only for who needs them)', 'sertakan kolom data pribadi (UU 27/2022: hanya bagi yang memerlukannya)'))
    .action(async (flags: { agency: string; register: string; output?: string; withPersonal?: boolean }) => {
      const [{ withDatabase }, { createRegisterQueries }, { writeRowFile, rowFileFormat }, { exportColumns, entityCells }] = await Promise.all([
        source(),
        store(),
        files(),
        import('../core/registers/columns.js'),
      ]);
      const out = flags.output ? resolve(io.cwd, flags.output) : undefined;
      if (out) await guarded(async () => rowFileFormat(out));
      const written = await guarded(() =>
        withDatabase(io, async (db) => {
          const q = createRegisterQueries(db.pool);
          const reg = await q.definition(flags.agency, flags.register);
          const columns = exportColumns(reg, await q.yearsOf(flags.agency, flags.register), { withPersonal: Boolean(flags.withPersonal) });
          const header = columns.map((c) => c.name);
          async function* rows() {
            for await (const e of q.exportRows(flags.agency, flags.register)) yield entityCells(columns, e);
          }
          if (out) return writeRowFile(out, header, rows(), reg.name);
          const { stringify } = await import('csv-stringify/sync');
          io.out(stringify([header]));
          let count = 0;
          for await (const cells of rows()) {
            io.out(stringify([cells.map((c) => (c === null ? '' : c))]));
            count++;
          }
          return count;
        }),
      );
      if (out) io.err(inLang(io, text(`Written: ${flags.output} (${n(written)} rows)`, `Ditulis: ${flags.output} (${n(written)} baris)`)) + '\n');
    });
}
