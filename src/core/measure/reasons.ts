/**
 * Why a row is unmeasured, in Indonesian. The engine's reasons are English keys (the
 * `measure --json` contract); this is what the findings, the reports and the interface say.
 * Typed by the reasons, so a new reason does not compile without its Indonesian text.
 */
import type { WorkflowState } from '../dataset/schema.js';
import type { UnmeasuredReason } from './realization.js';

/** The workflow's states in Indonesian, as the interface names them. */
export const STATE_ID: Readonly<Record<WorkflowState, string>> = { draft: 'draf', submitted: 'diajukan', verified: 'diverifikasi', approved: 'disetujui' };

export const UNMEASURED_REASON_ID: Readonly<Record<UnmeasuredReason, string>> = {
  'no realization': 'belum ada realisasi',
  'no data': 'data realisasi tidak tersedia',
  postponed: 'kegiatan ditunda',
  'not applicable': 'tidak berlaku pada tahun ini',
  'zero target': 'target bernilai nol sehingga capaian tidak dapat dihitung',
  'zero realization': 'realisasi nol pada indikator berpolaritas negatif (metode rasio) tanpa batas atas capaian',
  'zero denominator': 'penyebut realisasi bernilai nol',
  'unknown category': 'kategori realisasi tidak dikenal',
  'unknown target category': 'kategori target tidak dikenal',
  'invalid target': 'target tidak sesuai jenis indikator',
  'no target': 'tidak ada target untuk tahun ini',
  'unknown indicator': 'indikator tidak ditemukan dalam data',
  cycle: 'indikator turunan saling merujuk',
  'no applicable indicators': 'tidak ada indikator penyusun yang dapat dihitung',
  'out of range': 'realisasi di luar rentang yang sah',
  'awaiting approval': 'realisasi menunggu persetujuan',
};

/** A reason (`no realization`) in Indonesian; an unknown one is shown as it is, after "belum dapat diukur". */
export function unmeasuredReasonId(reason: string | undefined): string {
  if (reason === undefined) return 'belum dapat diukur';
  return (UNMEASURED_REASON_ID as Record<string, string>)[reason] ?? `belum dapat diukur (${reason})`;
}
