/**
 * BAB I PENDAHULUAN: background, purpose, tasks and functions, organization, staffing and
 * assets (with computed totals), strategic issues, and the follow-up of the last SAKIP
 * evaluation.
 */
import type { AssetRow, Recommendation, StaffingRow, Unit } from '../dataset/schema.js';
import type { Block, Cell } from '../document/model.js';
import { formatDateId } from '../format.js';
import { gradeOfScore } from '../measure/grade.js';
import { bold, empty, fmtNum, heading, int, joinId, list, para, paragraphsOf, tableOrNothing, text } from './common.js';
import { startChapter, tableCaption, type LkipContext } from './lkip-context.js';

const EDUCATION_ORDER = ['SD', 'SMP', 'SLTP', 'SMA', 'SLTA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'];

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const countsTotal = (c: Record<string, number>): number => sum(Object.values(c));

export function chapterIntro(ctx: LkipContext): Block[] {
  startChapter(ctx, 1);
  const { ds } = ctx;
  const n = ctx.narrative;
  const agency = ds.agency;
  const out: Block[] = [heading(1, 'BAB I PENDAHULUAN', 'bab-1')];

  out.push(heading(2, 'A. LATAR BELAKANG', 'bab-1-a'));
  const bg = paragraphsOf(n?.background);
  out.push(
    ...(bg.length
      ? bg
      : [
          para(
            `Laporan Kinerja ${agency.name} ${agency.region} Tahun ${ctx.year} merupakan bentuk pertanggungjawaban atas kinerja yang diperjanjikan dalam Perjanjian Kinerja dan atas penggunaan anggaran, sebagaimana diatur dalam Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.`,
            { align: 'justify' },
          ),
        ]),
  );

  out.push(heading(2, 'B. TUJUAN', 'bab-1-b'));
  const purpose = paragraphsOf(n?.purpose);
  out.push(
    ...(purpose.length
      ? purpose
      : [
          para('Penyusunan Laporan Kinerja bertujuan untuk:'),
          list([
            'memberikan informasi kinerja yang terukur kepada pemberi mandat atas kinerja yang telah dan seharusnya dicapai;',
            'menjadi upaya perbaikan berkesinambungan untuk meningkatkan kinerja instansi.',
          ]),
        ]),
  );

  out.push(heading(2, 'C. TUGAS, FUNGSI DAN SUSUNAN ORGANISASI', 'bab-1-c'));
  out.push(...tasksAndOrganization(ctx));

  out.push(heading(2, 'D. DUKUNGAN SUMBER DAYA MANUSIA DAN SARANA PRASARANA', 'bab-1-d'));
  out.push(...staffing(ctx), ...assets(ctx));

  out.push(heading(2, 'E. ISU STRATEGIS', 'bab-1-e'));
  const issues = n?.strategicIssues ?? [];
  out.push(
    ...(issues.length
      ? [para(`Isu strategis yang diidentifikasi ${agency.name} dalam pelaksanaan tugas dan fungsinya:`), list(issues)]
      : [para('Tidak ada data isu strategis.', { style: 'note' })]),
  );

  out.push(heading(2, `F. TINDAK LANJUT ATAS LAPORAN HASIL EVALUASI SAKIP`, 'bab-1-f'));
  out.push(...evaluationFollowUp(ctx));
  return out;
}

function tasksAndOrganization(ctx: LkipContext): Block[] {
  const a = ctx.ds.agency;
  const out: Block[] = [];
  const basis = a.legalBasis ?? [];
  if (basis.length === 1) out.push(para(`Pelaksanaan tugas dan fungsi ${a.name} berpedoman pada ${basis[0]}.`, { align: 'justify' }));
  else if (basis.length > 1) out.push(para(`Pelaksanaan tugas dan fungsi ${a.name} berpedoman pada:`), list(basis));
  if (a.tasks?.length) out.push(para([bold('Tugas: '), `${a.name} mempunyai tugas:`]), list(a.tasks));
  if (a.functions?.length) out.push(para([bold('Fungsi: '), `dalam melaksanakan tugas, ${a.name} menyelenggarakan fungsi:`]), list(a.functions, true, 'lower-alpha'));

  const units = ctx.ds.organization?.units ?? [];
  if (units.length) {
    const ids = new Set(units.map((u) => u.id));
    const children = new Map<string, Unit[]>();
    const roots: Unit[] = [];
    for (const u of units) {
      if (u.parent && ids.has(u.parent)) children.set(u.parent, [...(children.get(u.parent) ?? []), u]);
      else roots.push(u);
    }
    // a single head unit at the root: it and the units under it are the organization's parts
    const head = roots.length === 1 && roots[0]?.kind === 'pimpinan' ? roots[0] : undefined;
    const top = head ? [head, ...(children.get(head.id) ?? [])] : roots;
    const items = top.map((u) => {
      const kids = u === head ? [] : (children.get(u.id) ?? []);
      return kids.length ? `${u.name}, membawahi: ${joinId(kids.map((k) => k.name))}` : u.name;
    });
    out.push(para(`Susunan organisasi ${a.name} terdiri atas:`), list(items, true, 'lower-alpha'));
    for (const u of units) {
      if (!u.tasks?.length && !u.functions?.length) continue;
      out.push(para(bold(u.name)));
      if (u.tasks?.length) out.push(para('Tugas:'), list(u.tasks, true, 'lower-alpha'));
      if (u.functions?.length) out.push(para('Fungsi:'), list(u.functions, true, 'lower-alpha'));
    }
  }
  if (a.successor) {
    out.push(
      para(
        `Sesuai penataan kelembagaan, mulai tahun ${a.successorFrom ?? ctx.year + 1} ${a.name} menjadi ${a.successor}.`,
        { align: 'justify' },
      ),
    );
  }
  if (!out.length) out.push(para('Tidak ada data tugas, fungsi dan susunan organisasi.', { style: 'note' }));
  return out;
}

function educationColumns(rows: readonly StaffingRow[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of [...Object.keys(r.needed), ...Object.keys(r.filled)]) keys.add(k);
  const known = EDUCATION_ORDER.filter((k) => keys.has(k));
  const other = [...keys].filter((k) => !EDUCATION_ORDER.includes(k)).sort();
  return [...known, ...other];
}

/** " Kekurangan terdapat pada Pengawas (1 orang: kebutuhan 2, bezetting 1) …": each position class whose bezetting differs from its need. */
export function staffingGapDetail(rows: readonly StaffingRow[]): string {
  const gaps = rows.map((r) => ({ name: r.positionClass, needed: countsTotal(r.needed), filled: countsTotal(r.filled) }));
  const line = (g: (typeof gaps)[number]) => `${g.name} (${Math.abs(g.needed - g.filled)} orang: kebutuhan ${g.needed}, bezetting ${g.filled})`;
  const short = gaps.filter((g) => g.needed > g.filled);
  const over = gaps.filter((g) => g.filled > g.needed);
  return [
    short.length ? ` Kekurangan terdapat pada ${joinId(short.map(line))}.` : '',
    over.length ? ` Kelebihan terdapat pada ${joinId(over.map(line))}.` : '',
  ].join('');
}

function staffing(ctx: LkipContext): Block[] {
  const st = ctx.ds.organization?.staffing;
  const out: Block[] = [para(bold('Sumber Daya Manusia'))];
  if (!st || st.rows.length === 0) return [...out, para('Tidak ada data kepegawaian.', { style: 'note' })];
  const edu = educationColumns(st.rows);
  const needed = sum(st.rows.map((r) => countsTotal(r.needed)));
  const filled = sum(st.rows.map((r) => countsTotal(r.filled)));
  const male = sum(st.rows.map((r) => r.male));
  const female = sum(st.rows.map((r) => r.female));
  const gap = needed - filled;
  const asOf = formatDateId(st.asOf);
  const gapText =
    gap > 0 ? `sehingga masih terdapat kekurangan pegawai sebanyak ${gap} orang` : gap < 0 ? `sehingga terdapat kelebihan pegawai sebanyak ${-gap} orang` : 'sehingga kebutuhan pegawai telah terpenuhi';
  out.push(
    para(
      `Jumlah pegawai ${ctx.ds.agency.name} per ${asOf} sebanyak ${filled} orang (${male} laki-laki dan ${female} perempuan), sedangkan kebutuhan pegawai${st.basis ? ` berdasarkan ${st.basis}` : ''} sebanyak ${needed} orang, ${gapText}.${staffingGapDetail(st.rows)} Komposisi pegawai adalah sebagai berikut:`,
      { align: 'justify' },
    ),
  );
  const width = 1 + 2 * (1 + edu.length) + 3;
  const h = (s: string, o: { colSpan?: number; rowSpan?: number } = {}): Cell => text(s, { bold: true, align: 'center', ...o });
  const header: Cell[][] = [
    [h('Jabatan', { rowSpan: 2 }), h('Kebutuhan', { colSpan: 1 + edu.length }), h('Bezetting', { colSpan: 1 + edu.length }), h('Kekurangan', { rowSpan: 2 }), h('L', { rowSpan: 2 }), h('P', { rowSpan: 2 })],
    [h('Σ'), ...edu.map((e) => h(e)), h('Σ'), ...edu.map((e) => h(e))],
  ];
  const body: Cell[][] = [];
  let group: string | undefined;
  let inGroup = 0;
  for (const r of st.rows) {
    if (r.group !== group) {
      group = r.group;
      inGroup = 0;
      if (group !== undefined) body.push([text(group, { colSpan: width, bold: true })]);
    }
    inGroup++;
    body.push([
      text(group !== undefined ? `${inGroup}. ${r.positionClass}` : r.positionClass),
      int(countsTotal(r.needed), { bold: true }),
      ...edu.map((e) => int(r.needed[e] ?? 0)),
      int(countsTotal(r.filled), { bold: true }),
      ...edu.map((e) => int(r.filled[e] ?? 0)),
      int(countsTotal(r.needed) - countsTotal(r.filled)),
      int(r.male),
      int(r.female),
    ]);
  }
  const footer: Cell[][] = [
    [
      text('Jumlah', { bold: true }),
      int(needed, { bold: true }),
      ...edu.map((e) => int(sum(st.rows.map((r) => r.needed[e] ?? 0)), { bold: true })),
      int(filled, { bold: true }),
      ...edu.map((e) => int(sum(st.rows.map((r) => r.filled[e] ?? 0)), { bold: true })),
      int(gap, { bold: true }),
      int(male, { bold: true }),
      int(female, { bold: true }),
    ],
  ];
  out.push(
    ...tableOrNothing({
      id: 'tabel-sdm',
      caption: tableCaption(ctx, `Komposisi SDM ${ctx.ds.agency.name} Tahun ${ctx.year}`),
      header,
      body,
      footer,
      widths: [22, ...Array.from({ length: width - 1 }, () => 5)],
      source: `Sumber: ${st.source ?? 'data kepegawaian'}`,
    }),
  );
  return out;
}

type ConditionKey = 'good' | 'lightDamage' | 'heavyDamage' | 'damaged';
const CONDITIONS: { key: ConditionKey; label: string; phrase: string }[] = [
  { key: 'good', label: 'Baik', phrase: 'dalam kondisi baik' },
  { key: 'lightDamage', label: 'Rusak Ringan', phrase: 'rusak ringan' },
  { key: 'heavyDamage', label: 'Rusak Berat', phrase: 'rusak berat' },
  { key: 'damaged', label: 'Rusak', phrase: 'rusak (tingkat kerusakan tidak dicatat)' },
];

/** An asset row's quantity: the sum of its condition counts, else its stated quantity. */
export function assetQuantity(a: AssetRow): number | undefined {
  const parts = CONDITIONS.map((c) => a.condition[c.key]).filter((x): x is number => x !== undefined);
  return parts.length ? sum(parts) : a.quantity;
}

function assets(ctx: LkipContext): Block[] {
  const as = ctx.ds.organization?.assets;
  const out: Block[] = [para(bold('Sarana dan Prasarana'))];
  if (!as || as.rows.length === 0) return [...out, para('Tidak ada data sarana dan prasarana.', { style: 'note' })];
  const used = CONDITIONS.filter((c) => as.rows.some((r) => r.condition[c.key] !== undefined));
  const anyIdeal = as.rows.some((r) => r.idealQuantity !== undefined);
  const totals = used.map((c) => sum(as.rows.map((r) => r.condition[c.key] ?? 0)));
  const total = sum(as.rows.map((r) => assetQuantity(r) ?? 0));
  const unrecorded = as.rows.filter((r) => assetQuantity(r) === undefined).map((r) => r.name);
  out.push(
    para(
      `Per ${formatDateId(as.asOf)} tercatat ${fmtNum(total)} unit sarana dan prasarana: ${joinId(used.map((c, i) => `${fmtNum(totals[i] ?? 0)} ${c.phrase}`))}.` +
        (unrecorded.length ? ` Jumlah ${joinId(unrecorded)} tidak dicatat.` : ''),
      { align: 'justify' },
    ),
  );
  const h = (s: string): Cell => text(s, { bold: true, align: 'center' });
  const body = as.rows.map((r, i) => [
    int(i + 1, { align: 'center' }),
    text(r.name),
    int(assetQuantity(r), {}, 'tidak dicatat'),
    ...used.map((c) => int(r.condition[c.key], {}, 'tidak ada')),
    ...(anyIdeal ? [int(r.idealQuantity, {}, 'tidak dicatat')] : []),
  ]);
  out.push(
    ...tableOrNothing({
      id: 'tabel-sarpras',
      caption: tableCaption(ctx, `Profil Sarana dan Prasarana ${ctx.ds.agency.name} per ${formatDateId(as.asOf)}`),
      header: [[h('No'), h('Sarana Prasarana'), h('Jumlah'), ...used.map((c) => h(c.label)), ...(anyIdeal ? [h('Jumlah Ideal')] : [])]],
      body,
      widths: [6, 34, 10, ...used.map(() => 10), ...(anyIdeal ? [10] : [])],
      footer: [
        [
          text('Jumlah', { colSpan: 2, bold: true }),
          int(total, { bold: true }),
          ...totals.map((t) => int(t, { bold: true })),
          ...(anyIdeal ? [int(sum(as.rows.map((r) => r.idealQuantity ?? 0)), { bold: true })] : []),
        ],
      ],
      source: `Sumber: ${as.source ?? 'data inventaris barang'}`,
    }),
  );
  return out;
}

const STATUS_TEXT: Record<NonNullable<Recommendation['status']>, string> = {
  open: 'Belum ditindaklanjuti',
  'in-progress': 'Dalam proses',
  done: 'Selesai',
};

/** ` dengan predikat A (Memuaskan)`: the grade derived from the score (settings.gradeScale), never the typed one. */
function gradeSentence(ctx: LkipContext, value: number): string {
  const g = gradeOfScore({ value }, ctx.ds.settings, ctx.mc.regionSettings);
  return g ? ` dengan predikat ${g.code} (${g.label})` : '';
}

function evaluationFollowUp(ctx: LkipContext): Block[] {
  const ev = ctx.ds.evaluation;
  const out: Block[] = [];
  const scores = (ev?.scores ?? []).filter((s) => s.year <= ctx.year).sort((a, b) => a.year - b.year);
  const last = scores[scores.length - 1];
  if (last) {
    out.push(
      para(
        `Hasil evaluasi akuntabilitas kinerja tahun ${last.year}${last.period ? ` (${last.period})` : ''} oleh ${last.evaluator} (${last.reference}${last.date ? `, ${formatDateId(last.date)}` : ''}) memberikan nilai ${fmtNum(last.value)}${gradeSentence(ctx, last.value)}.`,
        { align: 'justify' },
      ),
    );
  }
  const recs = (ev?.recommendations ?? []).filter((r) => r.year <= ctx.year);
  const latestYear = Math.max(...recs.map((r) => r.year));
  const current = recs.filter((r) => r.year === latestYear);
  if (!current.length) return [...out, para('Tidak ada rekomendasi hasil evaluasi yang perlu ditindaklanjuti.', { style: 'note' })];
  const anyOwner = current.some((r) => r.owner !== undefined);
  // the follow-up state as recorded, in words; a column no recommendation fills is left out and said once
  const anyStatus = current.some((r) => r.status !== undefined);
  const h = (s: string): Cell => text(s, { bold: true, align: 'center' });
  out.push(
    para(`Rekomendasi hasil evaluasi SAKIP tahun ${latestYear} dan tindak lanjutnya adalah sebagai berikut:`),
    ...tableOrNothing({
      id: 'tabel-tindak-lanjut',
      caption: tableCaption(ctx, `Tindak Lanjut atas Laporan Hasil Evaluasi SAKIP Tahun ${latestYear}`),
      header: [[h('No'), h('Rekomendasi'), h('Rencana Aksi Tindak Lanjut'), ...(anyOwner ? [h('Penanggung Jawab')] : []), ...(anyStatus ? [h('Status')] : [])]],
      body: current.map((r, i) => [
        int(i + 1, { align: 'center' }),
        text(r.text),
        text(r.action.trim() ? r.action : 'Belum ada rencana aksi'),
        ...(anyOwner ? [text(r.owner ?? 'Tidak dicatat')] : []),
        ...(anyStatus ? [text(r.status ? STATUS_TEXT[r.status] : 'Belum dicatat', { align: 'center' })] : []),
      ]),
      widths: anyOwner ? (anyStatus ? [5, 38, 30, 14, 13] : [5, 44, 35, 16]) : anyStatus ? [5, 45, 35, 15] : [5, 52, 43],
      ...(current[0]?.source ? { source: `Sumber: ${current[0].source}` } : {}),
    }),
  );
  if (!anyStatus) out.push(para('Status penyelesaian tindak lanjut atas rekomendasi tersebut belum dicatat.', { style: 'note' }));
  return out;
}
