/**
 * `kinerja drill --agency ID --year Y --indicator REF [--period Q1..Q4] [--json]`: the figure of
 * an indicator counted from a register (registers.md, "Drill-down") — numerator, denominator,
 * value — and the entities behind it: those counted in the numerator and those of the
 * population (the denominator), each marked counted or not. The period is the latest ended by
 * today (`KINERJA_TODAY` when set, else the day in Asia/Jakarta) unless given. A thin adapter over
 * core/registers/drill.ts and store/register-drill.ts; no personal field is printed.
 */
import { Option, type Command } from 'commander';
import { text } from '../core/findings.js';
import { formatDateId, formatNumber } from '../core/format.js';
import { FIGURE_PERIODS, type FigurePeriod } from '../core/registers/conditions.js';
import { CliError, EXIT, inLang, type CliIo } from './io.js';
import { helpText, type HelpText } from './help.js';

/** Today in Asia/Jakarta (YYYY-MM-DD). */
export function jakartaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function parseYear(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new CliError(text(`--year: expected a year such as 2026, got "${v}"`, `--year: seharusnya tahun seperti 2026, tertulis "${v}"`), EXIT.usage);
  return n;
}

export function registerDrillCommand(program: Command, io: CliIo, t: HelpText = helpText('id')): void {
  program
    .command('drill')
    .description(
      t(
        "the entities behind an indicator counted from a register: its figure, the entities counted in the numerator and those of the population (the denominator)",
        'entitas di balik indikator yang dihitung dari register: angkanya, entitas yang dihitung pada pembilang dan entitas populasinya (penyebut)',
      ),
    )
    .addOption(new Option('--agency <id>', t('the agency, as stored in the database', 'perangkat daerah, sebagaimana tersimpan di basis data')).makeOptionMandatory())
    .addOption(new Option('--year <year>', t('the year', 'tahunnya')).argParser(parseYear).makeOptionMandatory())
    .addOption(new Option('--indicator <ref>', t('the indicator (plan/indicator, or its own id)', 'indikatornya (rencana/indikator, atau id-nya sendiri)')).makeOptionMandatory())
    .addOption(new Option('--period <period>', t('the period whose end is counted (default: the latest ended)', 'periode yang akhirnya dihitung (bawaan: yang terakhir berakhir)')).choices([...FIGURE_PERIODS]))
    .addOption(new Option('--json', t('print JSON', 'cetak JSON')))
    .action(async (flags: { agency: string; year: number; indicator: string; period?: FigurePeriod; json?: boolean }) => {
      const [{ withDatabase, configFrom }, { createDatasetQueries }, { createRegisterDrillQueries }, { indicatorTarget, drillFigure }, { RegisterError }, { periodLabel }] = await Promise.all([
        import('./source.js'),
        import('../store/datasets.js'),
        import('../store/register-drill.js'),
        import('../core/registers/drill.js'),
        import('../core/registers/rows.js'),
        import('../core/labels.js'),
      ]);
      const today = configFrom(io).today ?? jakartaToday();
      const en = inLang(io, text('en', 'id')) === 'en';
      const L = (e: string, i: string): string => (en ? e : i);
      await withDatabase(io, async (db) => {
        const ds = await createDatasetQueries(db.pool).exportDataset(flags.agency);
        if (!ds) throw new CliError(text(`no agency "${flags.agency}" in the database`, `tidak ada perangkat daerah "${flags.agency}" dalam basis data`), EXIT.failed);
        let target;
        try {
          target = indicatorTarget(ds, flags.indicator, flags.year, { today, period: flags.period });
        } catch (e) {
          if (e instanceof RegisterError) throw new CliError(text(e.message, e.localized.id), EXIT.failed);
          throw e;
        }
        const regs = ds.registers ?? [];
        const drill = createRegisterDrillQueries(db.pool);
        const counts = await drill.counts(flags.agency, regs, target);
        const fig = drillFigure(target, counts.counted, counts.population);
        const ind = target.indicator!;
        const share = ind.measure.of !== undefined;
        const label = periodLabel(target.period, target.year);
        if (flags.json) {
          const list = async (side: 'counted' | 'population') => {
            const out = [];
            for await (const e of drill.all(flags.agency, regs, target, { side })) out.push(side === 'counted' ? { key: e.key, label: e.label, values: e.values } : e);
            return out;
          };
          const body = {
            indicator: { ref: ind.ref, name: ind.name, unit: ind.unit ?? null },
            year: target.year,
            period: target.period,
            asOf: target.window.to,
            figure: { numerator: fig.numerator, denominator: share ? fig.denominator : null, value: fig.value ?? null },
            words: target.words,
            counted: await list('counted'),
            population: await list('population'),
          };
          io.out(JSON.stringify(body, null, 2) + '\n');
          return;
        }
        const n = (x: number): string => formatNumber(x, 0);
        const lines = [
          `${ind.name} (${ind.ref}), ${en ? label.en : label.id} — ${L('as of', 'per')} ${en ? target.window.to : formatDateId(target.window.to)}`,
          `${L('Counted', 'Dihitung')}: ${target.words.counted}`,
          ...(share ? [`${L('Population', 'Populasi')}: ${target.words.population}`] : []),
          share
            ? fig.value === undefined
              ? `${L('Realization', 'Realisasi')}: ${n(fig.numerator)} ${L('of', 'dari')} 0 — ${L('the population is empty: not measured', 'populasinya kosong: tidak terukur')}`
              : `${L('Realization', 'Realisasi')}: ${n(fig.numerator)} ${L('of', 'dari')} ${n(fig.denominator!)} = ${formatNumber(fig.value, 2)}${ind.unit ? ` ${ind.unit}` : ''}`
            : `${L('Realization', 'Realisasi')}: ${n(fig.numerator)}${ind.unit ? ` ${ind.unit}` : ''}`,
          '',
        ];
        io.out(lines.join('\n') + '\n');
        io.out(`${L('Counted in the numerator', 'Dihitung pada pembilang')} (${n(counts.counted)}):\n`);
        for await (const e of drill.all(flags.agency, regs, target, { side: 'counted' })) io.out(`  ${e.key}\t${e.label}\n`);
        if (share) {
          io.out(`\n${L('Population (the denominator)', 'Populasi (penyebut)')} (${n(counts.population)}):\n`);
          for await (const e of drill.all(flags.agency, regs, target, { side: 'population' })) {
            io.out(`  ${e.key}\t${e.label}\t${e.counted ? L('counted', 'dihitung') : L('not counted', 'tidak dihitung')}\n`);
          }
        }
      });
    });
}
