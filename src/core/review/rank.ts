/**
 * The review's contradictions grouped by kind and ranked by size (docs/claims.md, "The review
 * document"). A kind follows from the quantity a figure states and where it was printed; the
 * size of a numeric difference is its absolute difference |printed − computed| and its relative
 * difference |printed − computed| ÷ |computed| × 100 %. Within a group, figures are ranked by
 * relative difference (a difference from a computed 0 counts as the largest), then by absolute
 * difference; labels (predicates) after them by the steps between the two labels on the rating
 * scale; figures without a measurable size (one side is absent) last, in printed order.
 */
import type { Claim } from '../dataset/schema.js';
import type { ClaimCheck, Computed, NarrativeCheck, ReviewResult } from './index.js';
import { placeIsTable } from './labels.js';

export const GROUP_KEYS = ['arithmetic', 'predicate', 'target', 'totals', 'prose', 'input'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Each group's title and what it holds, in Indonesian (the review document prints them). */
export const GROUP_TEXT: Readonly<Record<GroupKey, { title: string; holds: string }>> = Object.freeze({
  arithmetic: {
    title: 'Hasil hitung yang keliru',
    holds: 'capaian, capaian terhadap target akhir, serapan, sisa dan selisih anggaran yang tidak sama dengan hasil rumusnya atas angka data',
  },
  predicate: { title: 'Kriteria atau predikat yang keliru', holds: 'kriteria capaian, status ketercapaian dan kategori efisiensi yang tidak sesuai dengan capaian' },
  target: { title: 'Target yang keliru', holds: 'target, target akhir dan kondisi awal yang berbeda dengan Perjanjian Kinerja atau Rencana Strategis' },
  totals: {
    title: 'Jumlah yang tidak sesuai dengan rinciannya',
    holds: 'jumlah kolom, jumlah indikator, serta pagu dan realisasi perangkat daerah yang tidak sama dengan jumlah rinciannya',
  },
  prose: { title: 'Angka dalam uraian yang berbeda dengan tabel dan data', holds: 'angka yang hanya tercetak dalam uraian (narasi), bukan dalam tabel' },
  input: { title: 'Angka lain yang berbeda dengan data', holds: 'realisasi, pagu, realisasi anggaran dan pembanding yang berbeda dengan data sumbernya' },
});

const ARITHMETIC = new Set(['achievement', 'achievementVsEnd', 'absorption', 'unspent', 'unspentPct', 'difference']);
const PREDICATE = new Set(['predicate', 'achieved', 'efficiency']);
const TARGET = new Set(['target', 'endTarget', 'baseline']);
const TOTALS = new Set(['total', 'measuredCount', 'achievedCount', 'notAchievedCount', 'rowCount', 'goalCount', 'tujuanCount', 'sasaranCount']);

/** The kind of a contradicted claim. */
export function groupOf(claim: Pick<Claim, 'where' | 'subject' | 'quantity'>): GroupKey {
  const places = Array.isArray(claim.where) ? claim.where : [claim.where];
  if (!places.some(placeIsTable)) return 'prose';
  const q = claim.quantity;
  if (ARITHMETIC.has(q)) return 'arithmetic';
  if (PREDICATE.has(q)) return 'predicate';
  if (TARGET.has(q)) return 'target';
  if (TOTALS.has(q)) return 'totals';
  if (claim.subject === 'agency' && (q === 'budget' || q === 'spent')) return 'totals';
  return 'input';
}

export interface Size {
  /** |printed − computed|, numbers only */
  abs?: number;
  /** |printed − computed| ÷ |computed| × 100; Infinity when computed is 0 */
  rel?: number;
  /** the steps between two labels on the rating scale (1 for a wrong achieved / not achieved) */
  steps?: number;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The size of the difference between a printed and a computed figure. */
export function sizeOf(printed: Computed, computed: Computed | undefined, scale: readonly string[]): Size {
  if (typeof printed === 'number' && typeof computed === 'number') {
    const abs = Math.abs(printed - computed);
    return { abs, rel: computed === 0 ? (abs === 0 ? 0 : Infinity) : (abs / Math.abs(computed)) * 100 };
  }
  if (typeof printed === 'boolean' && typeof computed === 'boolean') return { steps: printed === computed ? 0 : 1 };
  if (typeof printed === 'string' && typeof computed === 'string') {
    const labels = scale.map(norm);
    const i = labels.indexOf(norm(printed));
    const j = labels.indexOf(norm(computed));
    if (i >= 0 && j >= 0) return { steps: Math.abs(i - j) };
  }
  return {};
}

/** Orders sizes largest first: numbers (relative, then absolute), then label steps, then no size. */
export function compareSize(a: Size, b: Size): number {
  const tier = (s: Size) => (s.rel !== undefined ? 0 : s.steps !== undefined ? 1 : 2);
  const t = tier(a) - tier(b);
  if (t !== 0) return t;
  if (a.rel !== undefined && b.rel !== undefined) {
    if (a.rel !== b.rel) return a.rel > b.rel ? -1 : 1;
    return (b.abs ?? 0) - (a.abs ?? 0);
  }
  if (a.steps !== undefined && b.steps !== undefined) return b.steps - a.steps;
  return 0;
}

/** One contradicted figure of the review: a claim's, or one typed into the narrative. */
export interface ReviewItem {
  group: GroupKey;
  size: Size;
  /** the claim's index, or undefined for a narrative figure */
  claim?: number;
  check: ClaimCheck | NarrativeCheck;
}

export interface RankedGroup {
  key: GroupKey;
  items: ReviewItem[];
}

/** The contradictions of a review by group (every group, possibly empty), each ranked by size. */
export function rankContradictions(claims: readonly Claim[], result: ReviewResult, scale: readonly string[]): RankedGroup[] {
  const items: ReviewItem[] = [];
  for (const c of result.checks) {
    if (c.status !== 'contradicts') continue;
    const claim = claims[c.claim] ?? { where: c.where, subject: c.subject, quantity: c.quantity };
    items.push({ group: groupOf(claim), size: sizeOf(c.printed, c.computed, scale), claim: c.claim, check: c });
  }
  for (const n of result.narrative.checks) {
    if (n.status !== 'contradicts') continue;
    items.push({ group: 'prose', size: sizeOf(n.printed, n.computed, scale), check: n });
  }
  return GROUP_KEYS.map((key) => ({
    key,
    // a stable sort: equal sizes keep the printed order
    items: items.filter((i) => i.group === key).sort((a, b) => compareSize(a.size, b.size)),
  }));
}
