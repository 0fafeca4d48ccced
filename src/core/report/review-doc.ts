/**
 * The review document (reviu atas Laporan Kinerja): what the Inspektorat checks before a report
 * is published, ending in its signed statement. The reviewer and the scope first; a summary of
 * the findings by kind; every printed figure that contradicts the data, grouped by kind and
 * ranked by size (core/review/rank.ts), with where it was printed, what it is about (names, not
 * ids), the printed text as printed, the computed value at the printed precision and exactly,
 * the difference and how it was computed; the figures that could not be checked; the findings
 * on the data itself (validation, measurement, data quality); then the "Pernyataan Telah
 * Direviu" with the reviewer's signature, or a plain statement that the document is a draft.
 */
import type { Claim, Dataset } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import type { Block, Cell, DocumentModel, Signature } from '../document/model.js';
import { messageIn, type Finding } from '../findings.js';
import { decimalsOf, formatDateId, formatNumber } from '../format.js';
import { createMeasureContext } from '../measure/index.js';
import { unmeasuredReasonId } from '../measure/reasons.js';
import type { ClaimCheck, NarrativeCheck, ReviewResult } from '../review/index.js';
import { createLabels, quantityName, type Labels } from '../review/labels.js';
import { GROUP_TEXT, rankContradictions, type RankedGroup, type ReviewItem, type Size } from '../review/rank.js';
import { QUALITY_CODES, qualityLabel, qualityOfYear, type QualityFinding } from '../quality/index.js';
import { empty, heading, int, num, para, tableOrNothing, text } from './common.js';

const h = (s: string): Cell => text(s, { bold: true, align: 'center' });

/** What a claim's subject is, by name (core/review/labels.ts). */
export function subjectName(ds: Dataset, subject: string): string {
  return createLabels(ds, createMeasureContext(ds).idx).subject(subject);
}

export { quantityName };

/** The printed figure as printed (its raw text when there is one). */
export function printedText(c: Pick<ClaimCheck, 'printed' | 'raw' | 'precision'>): string {
  if (c.raw !== undefined) return c.raw;
  const v = c.printed;
  if (v === null) return '-';
  if (typeof v === 'number') return formatNumber(v, c.precision ?? decimalsOf(v), { trim: true });
  if (typeof v === 'boolean') return v ? 'tercapai' : 'tidak tercapai';
  return v;
}

/** The computed figure rounded to the printed precision (the precision the comparison was made at). */
export function computedCell(c: Pick<ClaimCheck, 'computed' | 'precision' | 'printed'>): Cell {
  const v = c.computed;
  if (v === undefined || v === null) return empty('tidak ada nilai');
  if (typeof v === 'number') return num(v, { kind: 'number', decimals: c.precision ?? (typeof c.printed === 'number' ? decimalsOf(c.printed) : 0) });
  if (typeof v === 'boolean') return text(v ? 'tercapai' : 'tidak tercapai', { align: 'center' });
  return text(v, { align: 'center' });
}

/** Decimals of the exact values shown: four, trailing zeros trimmed, for every figure alike. */
export const EXACT_DECIMALS = 4;

/** The computed figure unrounded (to four decimals). */
function exactCell(c: Pick<ClaimCheck, 'computed'>): Cell {
  return typeof c.computed === 'number' ? num(c.computed, { kind: 'number', decimals: EXACT_DECIMALS, trim: true }) : empty('bukan angka');
}

/** A relative difference in percent, at two decimals; one too small for them says so ("< 0,01"). */
function relCell(rel: number | undefined): Cell {
  if (rel === undefined) return empty('tidak terukur');
  // a difference from a computed 0
  if (!Number.isFinite(rel)) return text('tak terhingga', { align: 'right' });
  if (rel > 0 && rel < 0.005) return text('< 0,01', { align: 'right' });
  return num(rel, { kind: 'number', decimals: 2 });
}

function differenceCells(c: Pick<ClaimCheck, 'printed' | 'computed'>, size: Size): [Cell, Cell] {
  if (typeof c.printed === 'number' && typeof c.computed === 'number') {
    return [num(c.printed - c.computed, { kind: 'number', decimals: EXACT_DECIMALS, trim: true }), relCell(size.rel)];
  }
  if (size.steps !== undefined) return [text(`${size.steps} tingkat`, { align: 'center' }), empty('label')];
  return [empty('tidak terukur'), empty('tidak terukur')];
}

const SEVERITY: Record<Finding['severity'], string> = { error: 'Galat', warning: 'Peringatan', info: 'Informasi' };
const SEVERITY_ORDER: Finding['severity'][] = ['error', 'warning', 'info'];

/** The kind of a validation or measurement finding, in words. */
const FINDING_KIND: Readonly<Record<string, string>> = {
  'derived-member-unmeasured': 'Indikator turunan dengan penyusun yang belum terukur',
  'derived-realization-differs': 'Realisasi indikator turunan berbeda dengan hasil hitung',
  'derived-entered-used': 'Realisasi indikator turunan diisi tanpa penyusun',
  'derived-cycle': 'Indikator turunan saling merujuk',
  'budget-parent-differs-from-children': 'Anggaran induk berbeda dengan jumlah rinciannya',
  'grade-differs-from-score': 'Predikat SAKIP tidak sesuai dengan nilainya',
  'support-shares-exceed-one': 'Porsi dukungan anggaran melebihi seluruhnya',
  'duplicate-realization': 'Realisasi tercatat ganda',
  'count-entry-without-year': 'Realisasi hitungan tanpa tahun',
  'count-overrules-status': 'Realisasi hitungan menggantikan status',
  'count-realization-differs': 'Realisasi berbeda dengan hitungannya',
  'out-of-range': 'Di luar rentang yang sah',
  'typed-figure': 'Angka diketik dalam narasi',
  'narrative-figure-contradicted': 'Angka dalam narasi bertentangan dengan data',
};

export function findingKind(code: string, severity: Finding['severity']): string {
  const known = FINDING_KIND[code];
  if (known) return known;
  if (code.startsWith('unmeasured-')) return `Belum dapat diukur: ${unmeasuredReasonId(code.slice('unmeasured-'.length).replace(/-/g, ' '))}`;
  return severity === 'info' ? 'Informasi atas data' : 'Temuan validasi data';
}

function dataFindings(ds: Dataset, result: ReviewResult): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const add = (f: Finding) => {
    // the data-quality findings have their own section (D); contradictions are section A
    if (f.code === 'claim-contradicted' || f.code === 'narrative-figure-contradicted' || (QUALITY_CODES as readonly string[]).includes(f.code)) return;
    const k = `${f.severity}|${f.code}|${f.where}|${f.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(f);
  };
  validateDataset(ds).findings.forEach(add);
  result.findings.forEach(add);
  return out.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

/** The path part of a finding's `where` (`programs[31].indicators[0] (p2/IND1)` → `programs[31].indicators[0]`). */
const pathOf = (where: string): string => where.replace(/\s*\(.*\)\s*$/, '');

/** Who reviewed, and where and when the statement is signed. Absent parts leave the document a draft. */
export interface Reviewer {
  name?: string;
  nip?: string;
  position?: string;
  /** the APIP unit, e.g. "Inspektorat Kabupaten Jember"; default: the evaluator of the year's evaluation */
  unit?: string;
  /** the place of signing, e.g. "Jember" */
  place?: string;
  /** the date of signing, YYYY-MM-DD */
  date?: string;
}

export interface ReviewDocumentOptions {
  reviewer?: Reviewer;
}

/** The reviewer with the unit filled from the year's evaluation, and whether the statement can be signed. */
export function reviewerOf(ds: Dataset, year: number, given: Reviewer = {}): Reviewer & { signable: boolean; missing: string[] } {
  const evaluator = ds.evaluation?.scores?.filter((s) => s.year === year).at(-1)?.evaluator;
  const r: Reviewer = { ...given, ...(given.unit ? {} : evaluator ? { unit: evaluator } : {}) };
  const missing = [!r.name?.trim() && 'nama', !r.nip?.trim() && 'NIP', !r.position?.trim() && 'jabatan', !r.unit?.trim() && 'unit kerja', !r.date && 'tanggal'].filter(
    (x): x is string => Boolean(x),
  );
  return { ...r, signable: missing.length === 0, missing };
}

/** "a, b dan c". */
const listed = (xs: readonly string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} dan ${xs.at(-1)}`);

function itemPlace(labels: Labels, c: ClaimCheck | NarrativeCheck): string {
  return 'reference' in c ? labels.path(c.where) : c.where;
}

function itemPrinted(c: ClaimCheck | NarrativeCheck): string {
  return 'reference' in c ? c.text : printedText(c);
}

export function buildReviewDocument(
  ds: Dataset,
  year: number,
  result: ReviewResult,
  quality: QualityFinding[] = qualityOfYear(ds, year),
  options: ReviewDocumentOptions = {},
): DocumentModel {
  const mc = createMeasureContext(ds);
  const labels = createLabels(ds, mc.idx);
  const claims = ds.claims ?? [];
  const s = result.summary;
  const scale = mc.rulesFor().ratingScale.map((b) => b.label);
  const groups = rankContradictions(claims, result, scale);
  const present = groups.filter((g) => g.items.length > 0);
  const unchecked = result.checks.filter((c) => c.status === 'unchecked');
  const otherYear = result.checks.some((c) => c.year !== year);
  const claimOf = (i: ReviewItem): Pick<Claim, 'quantity' | 'stage' | 'fromStage' | 'toStage' | 'aspect'> =>
    (i.claim !== undefined ? claims[i.claim] : undefined) ?? { quantity: i.check.quantity };
  const findings = dataFindings(ds, result);
  const reviewer = reviewerOf(ds, year, options.reviewer);
  const reportName = `Laporan Kinerja ${ds.agency.name} ${ds.agency.region} Tahun ${year}`;
  const contradicted = present.reduce((n, g) => n + g.items.length, 0);

  // ------------------------------------------------------------ identity, scope, summary
  const summary: Block[] = [heading(1, `REVIU ATAS LAPORAN KINERJA ${ds.agency.name.toUpperCase()} TAHUN ${year}`, 'reviu')];
  const dash = (v: string | undefined) => text(v?.trim() ? v : '(belum diisi)');
  summary.push(
    ...tableOrNothing({
      caption: 'Identitas Reviu',
      header: [[h('Uraian'), h('Keterangan')]],
      body: [
        [text('Laporan yang direviu'), text(reportName)],
        [text('Perangkat daerah'), text(`${ds.agency.name} ${ds.agency.region}`)],
        [text('Nama pereviu'), dash(reviewer.name)],
        [text('NIP'), dash(reviewer.nip)],
        [text('Jabatan'), dash(reviewer.position)],
        [text('Unit kerja (APIP)'), dash(reviewer.unit)],
        [text('Tanggal reviu'), dash(reviewer.date ? formatDateId(reviewer.date) : undefined)],
      ],
      widths: [30, 70],
    }),
    para(
      `Ruang lingkup: setiap angka yang tercetak dalam ${reportName} (${s.claims} angka) dibandingkan dengan angka yang dihitung dari data yang sama; juga angka yang diketik dalam narasi laporan (${result.narrative.summary.figures} angka), data itu sendiri (validasi dan pengukuran) dan kewajaran datanya (catatan kualitas data). Reviu ini tidak menguji kebenaran data sumber terhadap bukti fisiknya.`,
      { align: 'justify' },
    ),
    para(
      'Cara membandingkan: angka hasil hitung dibulatkan ke ketelitian angka yang tercetak (banyaknya desimal yang tercetak; pembulatan desimal setengah ke atas); bila sama, angka itu sesuai. Angka yang tidak dapat dihitung dari data dinyatakan tidak dapat diperiksa, bukan sesuai. Besarnya perbedaan: selisih mutlak |tercetak − hitung| dan selisih relatif |tercetak − hitung| ÷ |hitung| × 100%. Dalam setiap kelompok, angka diurutkan dari selisih relatif terbesar (selisih dari nilai hitung 0 dianggap terbesar), lalu selisih mutlak; kriteria menurut jarak tingkatnya pada skala kriteria; angka tanpa ukuran selisih di akhir, menurut urutan tercetaknya.',
      { align: 'justify' },
    ),
  );

  const largest = (g: RankedGroup): [Cell, Cell] => {
    const top = g.items[0];
    if (!top) return [empty('-'), empty('-')];
    const sz = top.size;
    if (sz.rel !== undefined) {
      return [relCell(sz.rel), num(sz.abs ?? 0, { kind: 'number', decimals: EXACT_DECIMALS, trim: true })];
    }
    if (sz.steps !== undefined) return [empty('label'), text(`${sz.steps} tingkat`, { align: 'center' })];
    return [empty('tidak terukur'), empty('tidak terukur')];
  };
  const groupRows = groups.map((g, i) => [
    int(i + 1, { align: 'center' }),
    text(GROUP_TEXT[g.key].title),
    int(g.items.length, { bold: g.items.length > 0 }),
    ...largest(g),
  ]);
  summary.push(
    ...tableOrNothing({
      id: 'reviu-ringkasan-kelompok',
      caption: 'Ringkasan Temuan per Kelompok',
      header: [[h('No'), h('Kelompok temuan'), h('Jumlah'), h('Selisih relatif terbesar (%)'), h('Selisih mutlak angka itu')]],
      body: [
        ...groupRows,
        [int(groups.length + 1, { align: 'center' }), text('Temuan atas data (validasi dan pengukuran)'), int(findings.length), empty('-'), empty('-')],
        [int(groups.length + 2, { align: 'center' }), text('Catatan kualitas data'), int(quality.length, { bold: quality.length > 0 }), empty('-'), empty('-')],
      ],
      footer: [[text('Jumlah', { colSpan: 2, bold: true }), int(contradicted + findings.length + quality.length, { bold: true }), empty(), empty()]],
      widths: [5, 47, 12, 18, 18],
    }),
    ...tableOrNothing({
      id: 'reviu-ringkasan-angka',
      caption: 'Hasil Pemeriksaan Angka Tercetak',
      header: [[h('Uraian'), h('Jumlah')]],
      body: [
        [text('Angka tercetak yang diperiksa'), int(s.claims)],
        [text('Sesuai dengan data'), int(s.agreed)],
        [text('Bertentangan dengan data'), int(s.contradicted, { bold: s.contradicted > 0 })],
        [text('Tidak dapat diperiksa'), int(s.unchecked)],
        ...(result.narrative.summary.figures > 0
          ? [
              [text('Angka yang diketik dalam narasi yang diperiksa'), int(result.narrative.summary.figures)],
              [text('Angka dalam narasi yang bertentangan dengan data'), int(result.narrative.summary.contradicted, { bold: result.narrative.summary.contradicted > 0 })],
            ]
          : []),
      ],
      widths: [70, 30],
    }),
  );

  // ------------------------------------------------------------ A: contradictions by group
  const contra: Block[] = [heading(1, 'A. ANGKA YANG BERTENTANGAN DENGAN DATA', 'reviu-bertentangan')];
  if (!present.length) contra.push(para('Tidak ada angka tercetak yang bertentangan dengan data.', { style: 'note' }));
  present.forEach((g, gi) => {
    const t = GROUP_TEXT[g.key];
    contra.push(heading(2, `A.${gi + 1} ${t.title} (${g.items.length})`, `reviu-${g.key}`), para(`Kelompok ini memuat ${t.holds}.`, { align: 'justify' }));
    contra.push(
      ...tableOrNothing({
        id: `reviu-tabel-${g.key}`,
        caption: `${t.title}, dari selisih terbesar`,
        header: [
          [
            h('No'),
            h('Tercetak di'),
            h('Tentang'),
            h('Besaran'),
            ...(otherYear ? [h('Tahun')] : []),
            h('Tercetak (apa adanya)'),
            h('Hasil hitung (ketelitian tercetak)'),
            h('Nilai tepat'),
            h('Selisih (tercetak − hitung)'),
            h('Selisih relatif (%)'),
            h('Penjelasan'),
          ],
        ],
        body: g.items.map((item, i) => {
          const c = item.check;
          return [
            int(i + 1, { align: 'center' }),
            text(itemPlace(labels, c)),
            text(labels.subject(c.subject)),
            text(quantityName(claimOf(item))),
            ...(otherYear ? [int(c.year, { align: 'center' })] : []),
            text(itemPrinted(c), { align: 'right' }),
            computedCell(c),
            exactCell(c),
            ...differenceCells(c, item.size),
            text(c.explanation),
          ];
        }),
        widths: otherYear ? [3, 15, 14, 8, 4, 8, 8, 8, 7, 6, 19] : [3, 16, 15, 8, 8, 8, 8, 7, 6, 21],
      }),
    );
  });

  // ------------------------------------------------------------ B: unchecked
  const unch: Block[] = [heading(1, 'B. ANGKA YANG TIDAK DAPAT DIPERIKSA', 'reviu-tidak-diperiksa')];
  unch.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-tidak-diperiksa',
        caption: `Angka Tercetak yang Tidak Dapat Diperiksa (${unchecked.length})`,
        header: [[h('No'), h('Tercetak di'), h('Tentang'), h('Besaran'), h('Tercetak (apa adanya)'), h('Alasan')]],
        body: unchecked.map((c, i) => [
          int(i + 1, { align: 'center' }),
          text(c.where),
          text(labels.subject(c.subject)),
          text(quantityName(claims[c.claim] ?? { quantity: c.quantity })),
          text(printedText(c), { align: 'right' }),
          text(c.explanation),
        ]),
        widths: [4, 26, 22, 12, 10, 26],
      },
      'Semua angka tercetak dapat diperiksa terhadap data.',
    ),
  );

  // ------------------------------------------------------------ C: findings on the data
  const data: Block[] = [heading(1, 'C. TEMUAN ATAS DATA', 'reviu-temuan')];
  data.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-temuan',
        caption: `Temuan Validasi dan Pengukuran (${findings.length})`,
        header: [[h('No'), h('Tingkat'), h('Jenis'), h('Tentang'), h('Uraian')]],
        body: findings.map((f, i) => [
          int(i + 1, { align: 'center' }),
          text(SEVERITY[f.severity], { align: 'center' }),
          text(findingKind(f.code, f.severity)),
          text(labels.path(pathOf(f.where))),
          text(labels.humanize(messageIn('id', f))),
        ]),
        widths: [4, 10, 18, 22, 46],
      },
      'Tidak ada temuan atas data.',
    ),
  );

  // ------------------------------------------------------------ D: data quality
  const notes: Block[] = [
    heading(1, 'D. CATATAN KUALITAS DATA', 'reviu-kualitas'),
    para(
      'Angka yang mungkin tetapi tidak wajar, atau yang bertentangan dengan cara kerja anggaran dan alur persetujuan: periksa sumbernya sebelum laporan diterbitkan.',
      { align: 'justify' },
    ),
  ];
  notes.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-kualitas',
        caption: `Catatan Kualitas Data (${quality.length})`,
        header: [[h('No'), h('Jenis'), h('Tentang'), h('Letak dalam data'), h('Uraian')]],
        body: quality.map((f, i) => [
          int(i + 1, { align: 'center' }),
          text(qualityLabel(f.code)),
          text(labels.humanize(f.subject)),
          text(labels.path(pathOf(f.where))),
          text(labels.humanize(messageIn('id', f))),
        ]),
        widths: [4, 14, 22, 20, 40],
      },
      'Tidak ada catatan kualitas data.',
    ),
  );

  // ------------------------------------------------------------ E: the statement
  const statement: Block[] = [
    heading(1, 'PERNYATAAN TELAH DIREVIU', 'reviu-pernyataan'),
    para(`Kami telah mereviu ${reportName} sesuai dengan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah. Substansi informasi yang dimuat dalam laporan kinerja tersebut menjadi tanggung jawab pimpinan perangkat daerah.`, {
      align: 'justify',
    }),
    para(
      'Reviu bertujuan memberikan keyakinan terbatas mengenai akurasi, keandalan dan keabsahan informasi kinerja dalam laporan tersebut. Reviu ini terbatas pada pemeriksaan angka-angka yang tercetak terhadap data dan perhitungannya, sebagaimana diuraikan dalam ruang lingkup di atas.',
      { align: 'justify' },
    ),
    para(
      contradicted + unchecked.length + findings.length + quality.length === 0
        ? 'Berdasarkan reviu tersebut, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam meyakini akurasi, keandalan dan keabsahan informasi yang disajikan dalam laporan kinerja ini.'
        : `Berdasarkan reviu tersebut, terdapat hal-hal yang perlu diperbaiki sebelum laporan kinerja ini diterbitkan: ${contradicted} angka tercetak yang bertentangan dengan data (bagian A), ${unchecked.length} angka yang tidak dapat diperiksa (bagian B), ${findings.length} temuan atas data (bagian C) dan ${quality.length} catatan kualitas data (bagian D).`,
      { align: 'justify' },
    ),
  ];
  if (!reviewer.signable)
    statement.push(
      para([{ text: 'DRAF — BELUM DITANDATANGANI. ', bold: true }, `Pernyataan ini belum berlaku: ${listed(reviewer.missing)} pereviu belum diisi.`], { align: 'justify' }),
    );
  const sig: Signature = {
    type: 'signature',
    ...(reviewer.place ? { place: reviewer.place } : {}),
    ...(reviewer.date ? { date: formatDateId(reviewer.date) } : {}),
    parties: [
      {
        role: reviewer.unit?.trim() ? `${reviewer.unit},` : 'Pereviu,',
        position: reviewer.position?.trim() || '(jabatan belum diisi)',
        name: reviewer.name?.trim() || '(nama belum diisi — draf)',
        ...(reviewer.nip?.trim() ? { nip: reviewer.nip.trim() } : {}),
      },
    ],
  };
  statement.push(sig);

  return {
    title: `Reviu atas Laporan Kinerja ${ds.agency.name} Tahun ${year}`,
    // unsigned: marked DRAF on every page by every renderer, the note at the start
    ...(reviewer.signable
      ? {}
      : {
          draft: {
            label: 'DRAF',
            note: `DRAF — belum dapat ditandatangani: ${listed(reviewer.missing)} pereviu belum diisi. Tanpa identitas pereviu, hasil reviu ini adalah bahan kerja, bukan pernyataan reviu.`,
          },
        }),
    subtitle: ds.agency.region,
    agency: ds.agency.name,
    year,
    language: 'id',
    orientation: 'landscape',
    sections: [
      { id: 'ringkasan', numbering: 'arabic', blocks: summary },
      { id: 'bertentangan', newPage: true, numbering: 'arabic', blocks: contra },
      { id: 'tidak-diperiksa', newPage: true, numbering: 'arabic', blocks: unch },
      { id: 'temuan-data', newPage: true, numbering: 'arabic', blocks: data },
      { id: 'kualitas-data', newPage: true, numbering: 'arabic', blocks: notes },
      { id: 'pernyataan', newPage: true, numbering: 'arabic', blocks: statement },
    ],
  };
}
