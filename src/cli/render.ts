/**
 * Human-readable output of the command line: Indonesian, aligned tables, predicates
 * coloured as the rating scale colours them when writing to a terminal.
 */
import Table from 'cli-table3';
import { createColors } from 'picocolors';
import { messageIn, type Finding, type Lang } from '../core/findings.js';
import { formatNumber, formatRupiah } from '../core/format.js';
import type { MeasureResult, MeasuredRow } from '../core/measure/index.js';
import type { RatingBand } from '../core/dataset/schema.js';

export interface RenderOptions {
  color: boolean;
  /** the language of findings: Indonesian (default) or English (`--lang en`, `KINERJA_LANG=en`) */
  lang?: Lang;
  /** the rating scale in force, so predicates take its colours */
  ratingScale?: readonly RatingBand[];
}

const SEVERITY_ID: Record<Finding['severity'], string> = { error: 'galat', warning: 'peringatan', info: 'info' };
const SEVERITY_EN: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'info' };

function table(head: string[], aligns: ('left' | 'right')[]): Table.Table {
  return new Table({
    head,
    colAligns: aligns,
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
      bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '',
      right: '', 'right-mid': '', middle: ' ',
    },
  });
}

const num = (x: number | string | null | undefined, decimals = 2): string =>
  x === null || x === undefined ? '-' : typeof x === 'string' ? x : formatNumber(x, decimals);

function hexToRgb(hex: string): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** A predicate label on its rating-scale colour (as the report colours its cells), or plain. */
export function paintPredicate(label: string | null, opts: RenderOptions): string {
  if (!label) return '-';
  if (!opts.color) return label;
  const band = opts.ratingScale?.find((b) => b.label === label);
  const rgb = band?.color ? hexToRgb(band.color) : undefined;
  if (!rgb) return label;
  return `\x1b[48;2;${rgb[0]};${rgb[1]};${rgb[2]}m\x1b[30m ${label} \x1b[0m`;
}

/** Findings one per line (severity, where, message, code) and a count; in Indonesian unless `lang` is `en`. */
export function renderFindings(findings: readonly Finding[], opts: RenderOptions): string {
  const lang = opts.lang ?? 'id';
  const en = lang === 'en';
  if (findings.length === 0) return en ? 'No findings.\n' : 'Tidak ada temuan.\n';
  const severity = en ? SEVERITY_EN : SEVERITY_ID;
  const c = createColors(opts.color);
  const paint = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines = findings.map((f) => `${paint[f.severity](severity[f.severity])} ${c.bold(f.where)}: ${messageIn(lang, f)} ${c.dim(`[${f.code}]`)}`);
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${severity[s]}${en && n !== 1 && s !== 'info' ? 's' : ''}`);
  return `${lines.join('\n')}\n\n${findings.length} ${en ? (findings.length === 1 ? 'finding' : 'findings') : 'temuan'}: ${counts.join(', ')}\n`;
}

/** The engine's reasons (English in the JSON contract) as the interface says them. */
const UNMEASURED_ID: Record<string, string> = {
  'no realization': 'belum ada realisasi',
  'no data': 'data tidak tersedia',
  postponed: 'ditunda',
  'not applicable': 'tidak berlaku',
  'zero target': 'target nol',
  'zero realization': 'realisasi nol',
  'zero denominator': 'penyebut nol',
  'unknown category': 'kategori tidak dikenal',
  'unknown target category': 'kategori target tidak dikenal',
  'invalid target': 'target tidak sah',
  'no target': 'tanpa target',
  'unknown indicator': 'indikator tidak dikenal',
  cycle: 'rujukan melingkar',
  'no applicable indicators': 'tidak ada indikator yang berlaku',
  'out of range': 'di luar rentang',
  'awaiting approval': 'menunggu persetujuan',
};

const STATE_WORD: Record<string, string> = { draft: 'draf', submitted: 'diajukan', verified: 'diverifikasi', approved: 'disetujui' };
const PERIOD_WORD: Record<string, string> = { Y: 'tahunan', S1: 'Semester I', S2: 'Semester II', Q1: 'TW I', Q2: 'TW II', Q3: 'TW III', Q4: 'TW IV' };

/** The rows' figures awaiting approval, apart from the official table (measurement.md, "Official figures"). */
function pendingLines(rows: readonly MeasuredRow[], opts: RenderOptions): string[] {
  const waiting = rows.filter((r) => r.pending);
  if (waiting.length === 0) return [];
  return [
    'Menunggu persetujuan (belum masuk angka resmi):',
    ...waiting.map((r) => {
      const p = r.pending!;
      return `  ${r.name}: realisasi ${num(p.realization)}, capaian ${num(p.achievement)} % ${paintPredicate(p.predicate, opts)} (${STATE_WORD[p.state] ?? p.state}, ${PERIOD_WORD[p.period] ?? p.period})`;
    }),
  ];
}

export const unmeasuredText = (reason: string): string => UNMEASURED_ID[reason] ?? reason;

function rowTarget(r: MeasuredRow): string {
  return num(r.target as number | string | null);
}

export function renderMeasurement(result: MeasureResult, opts: RenderOptions): string {
  const c = createColors(opts.color);
  const out: string[] = [];
  out.push(c.bold(`${result.agency} — pengukuran kinerja tahun ${result.year}`));
  if (result.agreements.length === 0) out.push('', `Tidak ada Perjanjian Kinerja untuk tahun ${result.year}.`);
  for (const a of result.agreements) {
    out.push('', c.bold(`${a.kind === 'amendment' ? 'PK Perubahan' : 'PK'} ${a.id} (Renstra ${a.plan})`));
    const t = table(['No', 'Indikator', 'Satuan', 'Target', 'Realisasi', 'Capaian %', 'Kriteria', 'Tercapai', 'Serapan %', 'Efisiensi'], [
      'right', 'left', 'left', 'right', 'right', 'right', 'left', 'left', 'right', 'left',
    ]);
    a.rows.forEach((r, i) => {
      t.push([
        String(i + 1),
        truncate(r.name, 46),
        r.unit ?? '',
        rowTarget(r),
        num(r.realization as number | string | null) + (r.provisional ? '*' : ''),
        num(r.achievement),
        r.unmeasured ? c.dim(`(${unmeasuredText(r.unmeasured)})`) : paintPredicate(r.predicate, opts),
        r.achieved === null ? '-' : r.achieved ? 'ya' : 'tidak',
        num(r.absorption),
        r.efficiency ?? '-',
      ]);
    });
    out.push(t.toString());
    const s = a.summary;
    out.push(`Ringkasan: ${s.rows} indikator — ${s.achieved} tercapai, ${s.notAchieved} tidak tercapai, ${s.unmeasured} tidak terukur`);
    if (a.rows.some((r) => r.provisional)) out.push(c.dim('* sementara: dari realisasi triwulan/semester terakhir'));
    out.push(...pendingLines(a.rows, opts));
    for (const g of a.goals) {
      out.push(
        g.achievement === null
          ? `  Sasaran/tujuan ${g.goal}: belum terukur`
          : `  Sasaran/tujuan ${g.goal}: capaian ${num(g.achievement)} % ${paintPredicate(g.predicate, opts)}${g.efficiency ? `, ${g.efficiency}` : ''}`,
      );
    }
  }
  const b = result.budget;
  out.push('', `Anggaran ${result.year}: pagu ${b.final === null ? '-' : formatRupiah(b.final)}, realisasi ${b.spent === null ? '-' : formatRupiah(b.spent)}, serapan ${num(b.absorption)} %`);
  const errors = result.findings.filter((f) => f.severity !== 'info');
  if (errors.length) out.push('', `${result.findings.length} temuan (lihat --json atau \`kinerja validate\`).`);
  return out.join('\n') + '\n';
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
