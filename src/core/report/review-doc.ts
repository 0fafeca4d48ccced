/**
 * The review document (reviu atas Laporan Kinerja): what the Inspektorat checks before a report
 * is published. Summary counts; every printed figure that contradicts the data, with where it
 * was printed, what it is about (names, not ids), what was printed, what the data gives and
 * how; the figures that could not be checked and why; and the findings on the data itself
 * (validation and measurement).
 */
import type { Claim, Dataset } from '../dataset/schema.js';
import { splitRef } from '../dataset/model.js';
import { validateDataset } from '../dataset/validate.js';
import type { Block, Cell, DocumentModel } from '../document/model.js';
import { messageIn, type Finding } from '../findings.js';
import { decimalsOf, formatNumber } from '../format.js';
import { createMeasureContext, type MeasureContext } from '../measure/index.js';
import type { ClaimCheck, ReviewResult } from '../review/index.js';
import { QUALITY_CODES, qualityLabel, qualityOfYear, type QualityFinding } from '../quality/index.js';
import { agreementTitle, empty, heading, int, num, para, STAGE_LABEL, tableOrNothing, text } from './common.js';

const h = (s: string): Cell => text(s, { bold: true, align: 'center' });

/** What a claim's subject is, by name. */
export function subjectName(ds: Dataset, mc: MeasureContext, subject: string): string {
  const idx = mc.idx;
  if (subject === 'agency') return `${ds.agency.name} (seluruh perangkat daerah)`;
  const parts = splitRef(subject);
  if (parts) {
    const { ownerId, localId } = parts;
    if (ownerId === 'expenditures') {
      const l = ds.expenditures?.find((x) => x.id === localId);
      return l ? `Belanja: ${l.name}` : subject;
    }
    if (ownerId === 'staffing') {
      const r = ds.organization?.staffing?.rows.find((x) => x.id === localId);
      return r ? `Kepegawaian: ${r.positionClass}` : subject;
    }
    if (ownerId === 'assets') {
      const r = ds.organization?.assets?.rows.find((x) => x.id === localId);
      return r ? `Sarana prasarana: ${r.name}` : subject;
    }
    if (ownerId === 'activities') {
      const l = ds.activities?.find((x) => x.id === localId);
      return l ? `Daftar kegiatan: ${l.title}` : subject;
    }
    const entry = idx.indicators.get(mc.canonical(subject));
    const name = entry?.indicator.name ?? localId;
    const ag = idx.agreements.get(ownerId);
    if (ag) return `${agreementTitle(ag)}: ${name}`;
    const plan = idx.plans.get(ownerId);
    if (plan) return `${plan.title}: ${name}`;
    const node = idx.nodes.get(ownerId);
    if (node) return `${node.name}: ${name}`;
    return subject;
  }
  const ag = idx.agreements.get(subject);
  if (ag) return agreementTitle(ag);
  const node = idx.nodes.get(subject);
  if (node) return node.name;
  return subject;
}

const ASPECT: Record<string, string> = {
  budget: 'anggaran',
  needed: 'kebutuhan pegawai',
  filled: 'bezetting pegawai',
  condition: 'kondisi',
  target: 'target',
  realization: 'realisasi',
  'staffing.needed': 'kebutuhan pegawai',
  'staffing.filled': 'bezetting pegawai',
  'staffing.male': 'pegawai laki-laki',
  'staffing.female': 'pegawai perempuan',
  'staffing.gap': 'kekurangan pegawai',
  'assets.quantity': 'sarana prasarana',
  'expenditures.operating': 'pagu belanja operasi',
  'expenditures.capital': 'pagu belanja modal',
};

function aspectText(aspect: string | undefined): string {
  if (!aspect) return '';
  const direct = ASPECT[aspect];
  if (direct) return direct;
  const m = /^staffing\.(needed|filled)\.(.+)$/.exec(aspect);
  if (m) return `${m[1] === 'needed' ? 'kebutuhan' : 'bezetting'} pegawai ${m[2]}`;
  return aspect;
}

/** What a claim states, in Indonesian. */
export function quantityName(claim: Pick<Claim, 'quantity' | 'stage' | 'fromStage' | 'toStage' | 'aspect'>): string {
  switch (claim.quantity) {
    case 'target':
      return 'Target';
    case 'realization':
      return 'Realisasi';
    case 'achievement':
      return 'Capaian (%)';
    case 'achievementVsEnd':
      return 'Capaian terhadap target akhir (%)';
    case 'endTarget':
      return 'Target akhir';
    case 'baseline':
      return 'Kondisi awal';
    case 'predicate':
      return 'Kriteria';
    case 'achieved':
      return 'Status ketercapaian';
    case 'efficiency':
      return 'Kategori efisiensi';
    case 'benchmark':
      return 'Pembanding (benchmark)';
    case 'budget':
      return claim.stage ? STAGE_LABEL[claim.stage] : 'Pagu';
    case 'spent':
      return 'Realisasi anggaran';
    case 'absorption':
      return 'Serapan anggaran (%)';
    case 'difference':
      return claim.fromStage && claim.toStage ? `Selisih ${STAGE_LABEL[claim.toStage].toLowerCase()} − ${STAGE_LABEL[claim.fromStage].toLowerCase()}` : 'Selisih anggaran';
    case 'unspent':
      return 'Sisa anggaran';
    case 'unspentPct':
      return 'Sisa anggaran (%)';
    case 'total':
      return claim.aspect ? `Jumlah ${aspectText(claim.aspect)}` : 'Jumlah';
    case 'achievedCount':
      return 'Jumlah indikator tercapai';
    case 'notAchievedCount':
      return 'Jumlah indikator tidak tercapai';
    case 'measuredCount':
      return 'Jumlah indikator terukur';
    case 'rowCount':
      return 'Jumlah indikator perjanjian';
    default:
      return claim.quantity;
  }
}

/** The printed figure as printed (its raw text when there is one). */
export function printedText(c: Pick<ClaimCheck, 'printed' | 'raw' | 'precision'>): string {
  if (c.raw !== undefined) return c.raw;
  const v = c.printed;
  if (v === null) return '-';
  if (typeof v === 'number') return formatNumber(v, c.precision ?? decimalsOf(v), { trim: true });
  if (typeof v === 'boolean') return v ? 'tercapai' : 'tidak tercapai';
  return v;
}

/** The computed figure, at the claim's precision plus two decimals. */
export function computedCell(c: Pick<ClaimCheck, 'computed' | 'precision' | 'printed'>): Cell {
  const v = c.computed;
  if (v === undefined || v === null) return empty('tidak ada nilai');
  if (typeof v === 'number') {
    const base = c.precision ?? (typeof c.printed === 'number' ? decimalsOf(c.printed) : 0);
    return num(v, { kind: 'number', decimals: base + 2, trim: true });
  }
  if (typeof v === 'boolean') return text(v ? 'tercapai' : 'tidak tercapai', { align: 'center' });
  return text(v, { align: 'center' });
}

const SEVERITY: Record<Finding['severity'], string> = { error: 'Galat', warning: 'Peringatan', info: 'Informasi' };
const SEVERITY_ORDER: Finding['severity'][] = ['error', 'warning', 'info'];

function dataFindings(ds: Dataset, result: ReviewResult): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const add = (f: Finding) => {
    // the data-quality findings have their own section (D)
    if (f.code === 'claim-contradicted' || (QUALITY_CODES as readonly string[]).includes(f.code)) return;
    const k = `${f.severity}|${f.code}|${f.where}|${f.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(f);
  };
  validateDataset(ds).findings.forEach(add);
  result.findings.forEach(add);
  return out.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
}

export function buildReviewDocument(ds: Dataset, year: number, result: ReviewResult, quality: QualityFinding[] = qualityOfYear(ds, year)): DocumentModel {
  const mc = createMeasureContext(ds);
  const claims = ds.claims ?? [];
  const s = result.summary;
  const contradicted = result.checks.filter((c) => c.status === 'contradicts');
  const unchecked = result.checks.filter((c) => c.status === 'unchecked');
  const otherYear = result.checks.some((c) => c.year !== year);
  const claimOf = (c: ClaimCheck): Pick<Claim, 'quantity' | 'stage' | 'fromStage' | 'toStage' | 'aspect'> => claims[c.claim] ?? { quantity: c.quantity };
  const findings = dataFindings(ds, result);

  const summary: Block[] = [
    heading(1, `REVIU ATAS LAPORAN KINERJA ${ds.agency.name.toUpperCase()} TAHUN ${year}`, 'reviu'),
    para(
      `Setiap angka yang tercetak dalam Laporan Kinerja ${ds.agency.name} ${ds.agency.region} Tahun ${year} dibandingkan dengan angka yang dihitung dari data yang sama, pada ketelitian angka yang tercetak (pembulatan desimal setengah ke atas). Angka yang tidak dapat dihitung dari data dinyatakan tidak dapat diperiksa, bukan sesuai.`,
      { align: 'justify' },
    ),
    ...tableOrNothing({
      caption: 'Ringkasan Hasil Reviu',
      header: [[h('Uraian'), h('Jumlah')]],
      body: [
        [text('Angka tercetak yang diperiksa'), int(s.claims)],
        [text('Sesuai dengan data'), int(s.agreed)],
        [text('Bertentangan dengan data'), int(s.contradicted, { bold: s.contradicted > 0 })],
        [text('Tidak dapat diperiksa'), int(s.unchecked)],
        // figures typed into the narrative, checked like claims; each contradiction is a finding (C) at its narrative path
        ...(result.narrative.summary.figures > 0
          ? [
              [text('Angka yang diketik dalam narasi yang diperiksa'), int(result.narrative.summary.figures)],
              [text('Angka dalam narasi yang bertentangan dengan data (lihat C, narrative-figure-contradicted)'), int(result.narrative.summary.contradicted, { bold: result.narrative.summary.contradicted > 0 })],
            ]
          : []),
        [text('Temuan atas data (validasi dan pengukuran)'), int(findings.length)],
        [text('Catatan kualitas data'), int(quality.length, { bold: quality.length > 0 })],
      ],
      widths: [70, 30],
    }),
  ];
  if (contradicted.length) {
    const byQuantity = new Map<string, number>();
    for (const c of contradicted) {
      const q = quantityName(claimOf(c));
      byQuantity.set(q, (byQuantity.get(q) ?? 0) + 1);
    }
    summary.push(
      ...tableOrNothing({
        caption: 'Angka yang Bertentangan per Besaran',
        header: [[h('Besaran'), h('Jumlah')]],
        body: [...byQuantity].sort((a, b) => b[1] - a[1]).map(([q, n]) => [text(q), int(n)]),
        widths: [70, 30],
      }),
    );
  }

  const contra: Block[] = [heading(1, 'A. ANGKA YANG BERTENTANGAN DENGAN DATA', 'reviu-bertentangan')];
  contra.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-bertentangan',
        caption: `Angka Tercetak yang Bertentangan dengan Data (${contradicted.length})`,
        header: [[h('No'), h('Tercetak di'), h('Subjek'), h('Besaran'), ...(otherYear ? [h('Tahun')] : []), h('Tercetak'), h('Hasil Perhitungan'), h('Penjelasan')]],
        body: contradicted.map((c, i) => [
          int(i + 1, { align: 'center' }),
          text(c.where),
          text(subjectName(ds, mc, c.subject)),
          text(quantityName(claimOf(c))),
          ...(otherYear ? [int(c.year, { align: 'center' })] : []),
          text(printedText(c), { align: 'right' }),
          computedCell(c),
          text(c.explanation),
        ]),
        widths: otherYear ? [4, 20, 18, 11, 5, 10, 10, 22] : [4, 21, 19, 11, 10, 10, 25],
      },
      'Tidak ada angka tercetak yang bertentangan dengan data.',
    ),
  );

  const unch: Block[] = [heading(1, 'B. ANGKA YANG TIDAK DAPAT DIPERIKSA', 'reviu-tidak-diperiksa')];
  unch.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-tidak-diperiksa',
        caption: `Angka Tercetak yang Tidak Dapat Diperiksa (${unchecked.length})`,
        header: [[h('No'), h('Tercetak di'), h('Subjek'), h('Besaran'), h('Tercetak'), h('Alasan')]],
        body: unchecked.map((c, i) => [
          int(i + 1, { align: 'center' }),
          text(c.where),
          text(subjectName(ds, mc, c.subject)),
          text(quantityName(claimOf(c))),
          text(printedText(c), { align: 'right' }),
          text(c.explanation),
        ]),
        widths: [4, 26, 22, 12, 10, 26],
      },
      'Semua angka tercetak dapat diperiksa terhadap data.',
    ),
  );

  const data: Block[] = [heading(1, 'C. TEMUAN ATAS DATA', 'reviu-temuan')];
  data.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-temuan',
        caption: `Temuan Validasi dan Pengukuran (${findings.length})`,
        header: [[h('No'), h('Tingkat'), h('Kode'), h('Lokasi'), h('Uraian')]],
        body: findings.map((f, i) => [int(i + 1, { align: 'center' }), text(SEVERITY[f.severity], { align: 'center' }), text(f.code), text(f.where), text(messageIn('id', f))]),
        widths: [4, 10, 16, 20, 50],
      },
      'Tidak ada temuan atas data.',
    ),
  );

  const notes: Block[] = [
    heading(1, 'D. CATATAN KUALITAS DATA', 'reviu-kualitas'),
    para(
      'Angka yang mungkin tetapi tidak wajar, atau yang bertentangan dengan cara kerja anggaran dan alur persetujuan: periksa sumbernya sebelum laporan diterbitkan (ambang dan aturannya: measurement.md, "Data-quality findings").',
      { align: 'justify' },
    ),
  ];
  notes.push(
    ...tableOrNothing(
      {
        id: 'reviu-tabel-kualitas',
        caption: `Catatan Kualitas Data (${quality.length})`,
        header: [[h('No'), h('Jenis'), h('Tentang'), h('Lokasi'), h('Uraian')]],
        body: quality.map((f, i) => [int(i + 1, { align: 'center' }), text(qualityLabel(f.code)), text(f.subject), text(f.where), text(messageIn('id', f))]),
        widths: [4, 14, 22, 16, 44],
      },
      'Tidak ada catatan kualitas data.',
    ),
  );

  return {
    title: `Reviu atas Laporan Kinerja ${ds.agency.name} Tahun ${year}`,
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
    ],
  };
}
