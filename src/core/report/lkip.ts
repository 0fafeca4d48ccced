/**
 * The annual performance report (Laporan Kinerja, LKIP) in the structure of PermenPAN-RB
 * 53/2014 as the seed report follows it: cover, foreword, table of contents, executive
 * summary, BAB I–IV and the signed agreements as appendices.
 *
 * Every number, total, predicate and count comes from one measurement of the year
 * (`measureYear`) and the budget functions on the same context, never from claims; prose that
 * states numbers is generated from the same figures. The narrative's free text is added after
 * the generated text; its analyses contribute drivers, obstacles and challenges only.
 * IO-free: the caller reads the dataset and renders the model.
 *
 * Decisions where the structure leaves a choice open:
 * - Every agreement of the year is reported in full (an original and its amendment both, as
 *   the 2025 reports had to); rows are shown goal by goal (goals in order of first appearance).
 * - The narrative's free text follows the generated text verbatim; of `narrative.analyses` only
 *   drivers, obstacles and challenges are used (their `text` is a note, not report prose).
 * - A program node's output indicators, analyses and activity lists are detailed once, under
 *   the first indicator it supports; later mentions refer to that table.
 * - The trend shows the last three years before the report year that have a realization;
 *   without any, the realization is compared with the baseline.
 * - The efficiency table's total counts every supporting program once (the union), so it is
 *   the budget the agreement's indicators actually rest on, not a sum of overlapping rows.
 * - The difference column of the program structure is the last budget stage present minus the
 *   one before it (anggaran perubahan − pergeseran when all three exist); a missing stage
 *   counts as nothing only when the other one exists.
 * - BAB III is a landscape part (its achievement table has up to 14 columns).
 */
import type { Dataset, Settings } from '../dataset/schema.js';
import type { Block, Cell, DocumentModel, Section, Signature } from '../document/model.js';
import { resolveDocumentRefs, rewriteDocumentText } from '../document/crossref.js';
import { resolveValueRefs } from '../document/values.js';
import { valueResolver } from './figures.js';
import { formatDateId } from '../format.js';
import { unapprovedRows } from '../measure/official.js';
import type { RegisterFigures } from '../measure/register.js';
import { rowsWithoutCauses } from '../measure/causes.js';
import { STATE_ID } from '../measure/reasons.js';
import { agreementBlocks } from './agreement.js';
import {
  fmtPct,
  fmtValue,
  heading,
  int,
  joinId,
  list,
  para,
  paragraphsOf,
  pct,
  positionOf,
  tableOrNothing,
  text,
  unmeasuredText,
  valueCell,
  empty,
} from './common.js';
import {
  budgetSentence,
  createLkipContext,
  measuredRows,
  startChapter,
  summarySentence,
  tableCaption,
  type LkipContext,
} from './lkip-context.js';
import { chapterIntro } from './lkip-intro.js';
import { correctionsAnnex } from './lkip-corrections.js';
import { chapterPlanning } from './lkip-plan.js';
import { chapterAccountability, planRowsNote, planRowsOf, reportGroups } from './lkip-results.js';
import { headlineSentence, qualityNotes } from './lkip-quality.js';
import { missingRegisterFigures } from './lkip-registers.js';
import { decreeBlocks, decreeHeading, hasDecreeText } from './lkip-decrees.js';
import { sectionsWithFlowHints } from '../document/flow.js';
import { crestFigure, missingNote, newFilesState, remainingPhotos, scanAttachment, type FilesState, type ReportFiles } from './lkip-files.js';

export interface LkipOptions {
  /** the region's settings, when the dataset is one agency of a region file */
  regionSettings?: Settings;
  language?: 'id';
  /** the bytes of the files the dataset refers to (crest, photos, scans), by SHA-256; missing ones are said in their place */
  files?: ReportFiles;
  /** the counts of the agency's registers (store/register-counts.ts): indicators and activity tables counted from them */
  registerFigures?: RegisterFigures;
}

const h = (s: string): Cell => text(s, { bold: true, align: 'center' });

export function buildLkip(ds: Dataset, year: number, opts: LkipOptions = {}): DocumentModel {
  const ctx = createLkipContext(ds, year, opts.regionSettings, opts.registerFigures);
  ctx.files = newFilesState(opts.files);
  const crest = crestFigure(ds, ctx.files);
  const agency = ds.agency;
  const written: Section[] = [
    { id: 'kata-pengantar', newPage: true, numbering: 'roman', blocks: foreword(ctx) },
    { id: 'daftar-isi', newPage: true, numbering: 'roman', blocks: [{ type: 'toc', title: 'DAFTAR ISI' }] },
    { id: 'ikhtisar-eksekutif', newPage: true, numbering: 'roman', blocks: executiveSummary(ctx) },
    { id: 'bab-1', title: 'BAB I PENDAHULUAN', newPage: true, numbering: 'arabic', blocks: chapterIntro(ctx) },
    { id: 'bab-2', title: 'BAB II PERENCANAAN DAN PERJANJIAN KINERJA', newPage: true, numbering: 'arabic', blocks: chapterPlanning(ctx) },
    { id: 'bab-3', title: 'BAB III AKUNTABILITAS KINERJA', newPage: true, numbering: 'arabic', blocks: chapterAccountability(ctx) },
    { id: 'bab-4', title: 'BAB IV PENUTUP', newPage: true, numbering: 'arabic', blocks: closing(ctx) },
  ];
  const notes = qualityNotes(ctx);
  if (notes.length) written.push({ id: 'catatan-kualitas-data', title: 'CATATAN KUALITAS DATA', newPage: true, numbering: 'arabic', blocks: notes });
  const annexes = appendices(ctx);
  written.push(...annexes);
  // the data notes come last: every figure that differs from an earlier printed one, explained
  const dataNotes = correctionsAnnex(ctx, annexes.length + 1);
  if (dataNotes) written.push(dataNotes);
  // the prose's `{{tabel:ID}}`: the number the table got in this report; a list not printed this
  // year (no rows) is named by its title (validation refuses ids that are no activity list's)
  const titles = new Map((ds.activities ?? []).map((l) => [l.id, l.title]));
  const tablesResolved = resolveDocumentRefs(written, (id) => ctx.tableNumbers.get(id) ?? `"${titles.get(id) ?? id}"`);
  // the prose's `{{nilai:SUBJECT/QUANTITY}}`: the figure computed from the data (report/figures.ts)
  const figure = valueResolver(ds, year, opts.regionSettings);
  // portrait throughout; a table too wide for portrait gets a landscape part of its own, and an
  // introductory sentence stays with its table (core/document/flow.ts)
  const sections = sectionsWithFlowHints(rewriteDocumentText(tablesResolved, (t) => resolveValueRefs(t, figure)), { tables: 'fit' });
  const footer = [
    agency.address,
    agency.phone ? `Telp: ${agency.phone}` : undefined,
    agency.email ? `Surel: ${agency.email}` : undefined,
    agency.website ? `Laman: ${agency.website}` : undefined,
  ].filter((x): x is string => x !== undefined);
  return {
    title: `Laporan Kinerja ${agency.name} ${agency.region} Tahun ${year}`,
    subtitle: agency.region,
    agency: agency.name,
    year,
    language: 'id',
    orientation: 'portrait',
    cover: { lines: ['LAPORAN KINERJA', agency.name.toUpperCase(), agency.region.toUpperCase(), `TAHUN ${year}`], ...(footer.length ? { footer } : {}) },
    sections,
    ...(crest ? { crest } : {}),
    ...(ctx.files.attachments.length ? { attachments: ctx.files.attachments } : {}),
    ...withMissingFiles(draftOf(ctx), ctx.files),
  };
}

/** Files the dataset refers to that are not there: said in the draft note (a document without them is a draft). */
function withMissingFiles(d: Pick<DocumentModel, 'draft'>, st: FilesState): Pick<DocumentModel, 'draft'> {
  const note = missingNote(st);
  if (!note) return d;
  if (d.draft) return { draft: { ...d.draft, note: `${d.draft.note} ${note}` } };
  return { draft: { label: 'DRAF', note: `DRAF — belum dapat diterbitkan: ${note}` } };
}

/**
 * An LKIP is a draft (marked DRAF, never issued) while it rests on realizations not yet approved
 * (measurement.md) or while an indicator's causes are not written (measure/causes.ts): the note
 * names what is missing, so the agency knows what to complete.
 */
function draftOf(ctx: LkipContext): Pick<DocumentModel, 'draft'> {
  const reasons = lkipDraftReasons(ctx);
  if (reasons.length === 0) return {};
  return { draft: { label: 'DRAF', note: `DRAF — belum dapat diterbitkan: ${reasons.join('; ')}.` } };
}

/** Why the LKIP of the context is a draft, in Indonesian (none: it may be issued). */
export function lkipDraftReasons(ctx: LkipContext): string[] {
  const out: string[] = [];
  const rows = unapprovedRows(ctx.m);
  if (rows.length) {
    const names = joinId(rows.map((r) => `${r.name} (${STATE_ID[r.state]})`));
    out.push(`realisasi ${rows.length} indikator belum disetujui: ${names}. Angka resmi hanya memuat realisasi yang disetujui`);
  }
  const unexplained = [...new Set(rowsWithoutCauses(ctx.mc, ctx.year).map((r) => r.name))];
  if (unexplained.length) {
    out.push(`uraian faktor pendorong dan penghambat belum ditulis untuk ${unexplained.length} indikator: ${joinId(unexplained)}`);
  }
  // indicators and activity tables counted from registers whose figures were not passed in (lkip-registers.ts)
  out.push(...missingRegisterFigures(ctx));
  return out;
}

// ---------------------------------------------------------------- front matter

function headSignature(ctx: LkipContext): Signature {
  const n = ctx.narrative;
  const head = ctx.ds.agency.head;
  const place = n?.place ?? ctx.agreements[0]?.ag.place;
  return {
    type: 'signature',
    ...(place ? { place } : {}),
    ...(n?.signedOn ? { date: formatDateId(n.signedOn) } : {}),
    parties: [{ role: '', position: positionOf(head), name: head.name, ...(head.nip ? { nip: head.nip } : {}), ...(head.rank ? { rank: head.rank } : {}) }],
  };
}

function foreword(ctx: LkipContext): Block[] {
  const a = ctx.ds.agency;
  const text0 = paragraphsOf(ctx.narrative?.foreword);
  return [
    heading(1, 'KATA PENGANTAR', 'kata-pengantar'),
    ...(text0.length
      ? text0
      : [
          para(
            `Laporan Kinerja ${a.name} ${a.region} Tahun ${ctx.year} disusun sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.`,
            { align: 'justify' },
          ),
          para(
            'Laporan ini merupakan bentuk akuntabilitas atas pelaksanaan tugas dan fungsi serta penggunaan anggaran, dan diharapkan menjadi bahan evaluasi untuk perbaikan kinerja di masa mendatang.',
            { align: 'justify' },
          ),
        ]),
    headSignature(ctx),
  ];
}

/** The summary table of an agreement: goal, indicator, target, realization, achievement, predicate. */
function summaryTable(ctx: LkipContext, a: LkipContext['agreements'][number]): Block[] {
  const body: Cell[][] = [];
  const groups = reportGroups(ctx, a);
  groups.forEach((g, gi) => {
    g.rows.forEach((r, j) => {
      const cells: Cell[] = [];
      if (j === 0) cells.push(int(gi + 1, { rowSpan: g.rows.length, align: 'center' }), text(g.label, { rowSpan: g.rows.length }));
      const why = r.unmeasured ? unmeasuredText(r.unmeasured) : undefined;
      cells.push(
        text(r.name),
        valueCell(r.target, r.unit, {}, 'tidak ada target'),
        valueCell(r.realization, r.unit, {}, why),
        pct(r.achievement, {}, why),
        r.predicate !== null
          ? text(r.predicate, { align: 'center', ...(r.predicateColor ? { fill: r.predicateColor } : {}) })
          : text(`Belum dapat diukur: ${why ?? '-'}`, { align: 'center' }),
      );
      body.push(cells);
    });
  });
  return [
    ...tableOrNothing({
      id: `ringkasan-${a.ag.id}`,
      caption: tableCaption(ctx, `Capaian ${a.title}`),
      header: [[h('No'), h('Tujuan / Sasaran'), h('Indikator Kinerja'), h('Target'), h('Realisasi'), h('% Capaian'), h('Kriteria')]],
      body,
    }),
    ...planRowsNote(ctx, a, groups),
  ];
}

function executiveSummary(ctx: LkipContext): Block[] {
  startChapter(ctx, 0);
  const a0 = ctx.ds.agency;
  const out: Block[] = [heading(1, 'IKHTISAR EKSEKUTIF', 'ikhtisar-eksekutif')];
  if (!ctx.agreements.length) {
    out.push(para(`Tidak ada perjanjian kinerja tahun ${ctx.year} yang dapat diukur.`));
  } else {
    out.push(
      para(
        `Laporan Kinerja ${a0.name} Tahun ${ctx.year} menyajikan capaian atas ${ctx.agreements.length === 1 ? 'perjanjian kinerja' : `${ctx.agreements.length} perjanjian kinerja`} tahun ${ctx.year}:`,
        { align: 'justify' },
      ),
      list(
        ctx.agreements.map((a) => {
          const goalLevel = planRowsOf(reportGroups(ctx, a)).length;
          return `${a.title}, ditandatangani pada ${formatDateId(a.ag.signedOn)}${a.plan ? `, berdasarkan ${a.plan.title}` : ''}, memuat ${a.res.summary.rows} indikator${goalLevel ? `; capaian ${goalLevel} indikator tujuan rencana strategisnya disajikan bersamanya` : ''}.`;
        }),
        true,
        'lower-alpha',
      ),
    );
    for (const a of ctx.agreements) {
      out.push(para(`Rincian realisasi indikator kinerja pada ${a.title}:`), ...summaryTable(ctx, a), para(summarySentence(a.res.summary)), para(headlineSentence(ctx, a)));
      const unmeasured = a.res.rows.filter((r) => r.achievement === null);
      if (unmeasured.length) out.push(para(`Belum dapat diukur: ${joinId(unmeasured.map((r) => `${r.name} (${unmeasuredText(r.unmeasured)})`))}.`, { style: 'note' }));
    }
  }
  out.push(para(budgetSentence(ctx)));
  out.push(...paragraphsOf(ctx.narrative?.executiveSummary));
  const challenges = ctx.narrative?.challenges ?? [];
  if (challenges.length) out.push(para(`Terhadap capaian kinerja tersebut, tantangan yang perlu menjadi perhatian ${a0.name}:`), list(challenges, false));
  return out;
}

// ---------------------------------------------------------------- BAB IV

function closing(ctx: LkipContext): Block[] {
  startChapter(ctx, 4);
  const n = ctx.narrative;
  const out: Block[] = [heading(1, 'BAB IV PENUTUP', 'bab-4'), heading(2, 'A. KESIMPULAN', 'bab-4-a')];
  for (const a of ctx.agreements) {
    const s = a.res.summary;
    const measured = measuredRows(a.res.rows);
    let text2 = `Pada ${a.title}${a.plan ? ` (${a.plan.title})` : ''}, dari ${s.rows} indikator: ${s.achieved} tercapai, ${s.notAchieved} tidak tercapai dan ${s.unmeasured} belum dapat diukur.`;
    const best = measured[0];
    const worst = measured[measured.length - 1];
    if (best && worst && measured.length > 1) {
      text2 += ` Capaian tertinggi pada indikator ${best.name} (${fmtPct(best.achievement)}, ${best.predicate ?? '-'}); capaian terendah pada indikator ${worst.name} (${fmtPct(worst.achievement)}, ${worst.predicate ?? '-'}).`;
    } else if (best) {
      text2 += ` Capaian indikator ${best.name} sebesar ${fmtPct(best.achievement)} (${best.predicate ?? '-'}).`;
    } else {
      text2 += ' Belum ada indikator yang dapat diukur.';
    }
    const unmeasured = a.res.rows.filter((r) => r.achievement === null);
    if (unmeasured.length) text2 += ` Belum dapat diukur: ${joinId(unmeasured.map((r) => `${r.name} (${unmeasuredText(r.unmeasured)})`))}.`;
    out.push(para(text2, { align: 'justify' }));
  }
  if (!ctx.agreements.length) out.push(para(`Tidak ada perjanjian kinerja tahun ${ctx.year} yang dapat diukur.`));
  out.push(para(budgetSentence(ctx)));
  out.push(...paragraphsOf(n?.conclusions));
  if (n?.obstacles?.length) out.push(para('Hambatan dan permasalahan kinerja yang teridentifikasi:'), list(n.obstacles));
  if (n?.successFactors?.length) out.push(para('Faktor kunci keberhasilan pencapaian sasaran:'), list(n.successFactors));

  out.push(heading(2, 'B. LANGKAH PERBAIKAN KINERJA', 'bab-4-b'));
  const behind = new Map<string, string>();
  for (const a of ctx.agreements) {
    for (const r of a.res.rows) {
      if (r.achieved === false && r.achievement !== null && !behind.has(r.indicator)) {
        behind.set(r.indicator, `${r.name}: realisasi ${r.realization === null ? '-' : fmtValue(r.realization, r.unit)} dari target ${r.target === null ? '-' : fmtValue(r.target, r.unit)} (${fmtPct(r.achievement)})`);
      }
    }
  }
  if (behind.size) out.push(para('Indikator yang belum mencapai target dan menjadi prioritas perbaikan:'), list([...behind.values()], false));
  const steps = n?.improvementSteps ?? [];
  if (steps.length) out.push(para('Langkah-langkah perbaikan kinerja ke depan:'), list(steps));
  if (!behind.size && !steps.length) out.push(para('Semua indikator yang terukur telah mencapai target; tidak ada langkah perbaikan yang dicatat.'));
  return out;
}

// ---------------------------------------------------------------- appendices

function appendices(ctx: LkipContext): Section[] {
  const out: Section[] = [];
  let i = 0;
  ctx.agreements.forEach((a) => {
    i++;
    const { signing, attachment } = agreementBlocks(ctx.ds, a.ag, ctx.idx, `lampiran-${i}-`, { regionSettings: ctx.mc.regionSettings });
    const scan = a.ag.scan ? scanAttachment(`Lampiran ${i}. Pindaian ${a.title}`, a.ag.scan, ctx.files) : undefined;
    if (scan) ctx.files.attachments.push(scan.attachment);
    out.push({
      id: `lampiran-${i}`,
      title: `Lampiran ${i}`,
      newPage: true,
      numbering: 'arabic',
      blocks: [
        ...(i === 1 ? [heading(1, 'LAMPIRAN', 'lampiran')] : []),
        heading(2, `Lampiran ${i}. ${a.title}`, `lampiran-${i}-pk`),
        ...(scan?.blocks ?? []),
        ...signing,
        { type: 'pageBreak' },
        ...attachment,
      ],
    });
  });
  // a decree whose text the data holds is printed in full, with its generated lampiran, an appendix each
  for (const d of (ctx.ds.decrees ?? []).filter(hasDecreeText)) {
    i++;
    out.push({
      id: `lampiran-${i}`,
      title: `Lampiran ${i}`,
      newPage: true,
      numbering: 'arabic',
      blocks: [...(i === 1 ? [heading(1, 'LAMPIRAN', 'lampiran')] : []), decreeHeading(i, d, `lampiran-${i}-keputusan`), ...decreeBlocks(ctx, d, `lampiran-${i}-`)],
    });
  }
  const decrees = (ctx.ds.decrees ?? []).filter((d) => !hasDecreeText(d));
  if (decrees.length) {
    i++;
    const plans = new Map(ctx.ds.plans.map((p) => [p.id, p.title]));
    out.push({
      id: `lampiran-${i}`,
      title: `Lampiran ${i}`,
      newPage: true,
      numbering: 'arabic',
      blocks: [
        ...(i === 1 ? [heading(1, 'LAMPIRAN', 'lampiran')] : []),
        heading(2, `Lampiran ${i}. Keputusan tentang Indikator Kinerja${decrees.length < (ctx.ds.decrees ?? []).length ? ' Lainnya' : ''}`, `lampiran-${i}-keputusan`),
        ...tableOrNothing({
          header: [[h('No'), h('Nomor'), h('Tanggal'), h('Tentang'), h('Rencana Strategis')]],
          body: decrees.map((d, k) => [
            int(k + 1, { align: 'center' }),
            text(d.number),
            d.date ? text(formatDateId(d.date)) : empty('tidak dicatat'),
            text(`${d.title}${d.issuer ? ` (${d.issuer})` : ''}`),
            d.plan ? text(plans.get(d.plan) ?? d.plan) : empty('tidak dicatat'),
          ]),
          widths: [5, 22, 15, 38, 20],
        }),
        ...decrees.flatMap((d) => {
          if (!d.scan) return [];
          const scan = scanAttachment(`Lampiran ${i}. Pindaian Keputusan ${d.number}`, d.scan, ctx.files);
          ctx.files.attachments.push(scan.attachment);
          return scan.blocks;
        }),
      ],
    });
  }
  const photos = remainingPhotos(ctx.ds, ctx.year, ctx.files);
  if (photos.length) {
    i++;
    out.push({
      id: `lampiran-${i}`,
      title: `Lampiran ${i}`,
      newPage: true,
      numbering: 'arabic',
      blocks: [...(i === 1 ? [heading(1, 'LAMPIRAN', 'lampiran')] : []), heading(2, `Lampiran ${i}. Dokumentasi Kegiatan`, `lampiran-${i}-dokumentasi`), ...photos],
    });
  }
  return out;
}

