/**
 * The headline of a set of measured rows (measurement.md, "Headline"): how many rows fall in
 * each predicate, never a bare mean. One row far above its target cannot hide another that
 * fails: the counts show both. A mean is given only with its cap stated: every achievement is
 * capped at the cap (the settings' `achievementCap`, else 100 %) before it is averaged.
 */
import { formatNumber, formatPercent } from '../format.js';
import type { Text } from '../findings.js';
import type { RatingBandRule } from './rules.js';
import type { MeasuredRow } from './types.js';

/** The cap of the headline's mean when the settings set none. */
export const HEADLINE_CAP = 100;

export interface HeadlineCount {
  label: string;
  color: string | null;
  count: number;
}

export interface Headline {
  rows: number;
  measured: number;
  unmeasured: number;
  /** rows per predicate, in the scale's order (highest first); every band, 0 included */
  byPredicate: HeadlineCount[];
  /** the mean of the measured rows' achievements, each capped at `cap` first; `null` when none is measured */
  cappedMean: number | null;
  cap: number;
  /** "5 indikator: 2 Sangat Tinggi, 1 Tinggi, 1 Sedang, 1 Sangat Rendah" (bands without rows left out) */
  text: Text;
  /** "rata-rata capaian (setiap capaian dibatasi 100 %) 76,83 %" */
  meanText: Text | null;
}

export function headline(rows: readonly MeasuredRow[], scale: readonly RatingBandRule[], achievementCap: number | null = null): Headline {
  const cap = achievementCap ?? HEADLINE_CAP;
  const measured = rows.filter((r) => r.achievement !== null);
  const byPredicate = scale.map((b) => ({ label: b.label, color: b.color ?? null, count: rows.filter((r) => r.predicate === b.label).length }));
  const unmeasured = rows.length - measured.length;
  const parts = byPredicate.filter((p) => p.count > 0).map((p) => `${p.count} ${p.label}`);
  const partsId = unmeasured > 0 ? [...parts, `${unmeasured} belum terukur`] : parts;
  const partsEn = unmeasured > 0 ? [...parts, `${unmeasured} not measured`] : parts;
  const cappedMean = measured.length === 0 ? null : measured.reduce((s, r) => s + Math.min(r.achievement!, cap), 0) / measured.length;
  const capShown = formatPercent(cap, cap % 1 === 0 ? 0 : 2);
  return {
    rows: rows.length,
    measured: measured.length,
    unmeasured,
    byPredicate,
    cappedMean,
    cap,
    text: {
      en: `${rows.length} indicator${rows.length === 1 ? '' : 's'}${partsEn.length ? `: ${partsEn.join(', ')}` : ''}`,
      id: `${rows.length} indikator${partsId.length ? `: ${partsId.join(', ')}` : ''}`,
    },
    meanText:
      cappedMean === null
        ? null
        : {
            en: `mean achievement (each achievement capped at ${cap}%) ${cappedMean.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}% over ${measured.length} measured`,
            id: `rata-rata capaian (setiap capaian dibatasi ${capShown}) ${formatPercent(cappedMean)} dari ${formatNumber(measured.length, 0)} indikator terukur`,
          },
  };
}
