/**
 * The rules of measurement as data (measurement.md). Every rule has a documented default
 * here; a dataset's or a region's `settings` may replace it, and an indicator may choose
 * its own `negativeMethod`.
 *
 * Lookup order for every key: the indicator (only `negativeMethod` lives there), then the
 * dataset's `settings`, then the region's `settings`, then `DEFAULT_RULES`.
 */
import type { Indicator, NegativeMethod, Settings, WorkflowState } from '../dataset/schema.js';

/** One band of a rating scale: an achievement at or above `min` takes `label`. */
export interface RatingBandRule {
  min: number;
  label: string;
  /** CSS colour (hex) of the band in tables and charts. */
  color?: string;
  /** The colour's Indonesian name, as the printed scale calls it (`Biru muda`). */
  colorName?: string;
}

/** One band of the SAKIP grade scale: a score above `above` takes it; the band with `above: null` takes every lower score. */
export interface GradeBandRule {
  code: string;
  label: string;
  above: number | null;
}

export type EfficiencyRuleSpec = { rule: 'simple' } | { rule: 'band'; margin: number };

export interface Rules {
  /** Bands sorted by `min`, highest first. */
  ratingScale: readonly RatingBandRule[];
  negativeMethod: NegativeMethod;
  efficiency: EfficiencyRuleSpec;
  /** Cap of the achievement used for predicates and goal means; `null` = no cap. */
  achievementCap: number | null;
  /** SAKIP grade bands, highest `above` first; the last has `above: null`. */
  gradeScale: readonly GradeBandRule[];
  /** the workflow states whose realizations count in the official figures; no state counts as `approved` */
  countedStates: readonly WorkflowState[];
  /** where the rating scale comes from, as a report cites it; `null`: a scale of the settings that names no source */
  ratingScaleSource: string | null;
  /** decimals of the rupiah amounts of a signed agreement (its own document and the LKIP's annex): 0 or 2 */
  agreementAmountDecimals: 0 | 2;
}

/**
 * The default rating scale: Permendagri 86/2017, as printed in the seed report's Tabel 3.1
 * ("Skala Nilai Peringkat Kinerja"). The printed table leaves gaps (75–76, 65–66, 50–51);
 * every band here starts at its printed lower bound, which closes each gap downward
 * (75.5 is `Sedang`, 50.5 is `Sangat Rendah`). The lowest band has `min: -Infinity`, so
 * every achievement, even a negative one from the reverse method, takes a label.
 * Colours are the CSS named colours of the printed codes: lightblue, green, lightyellow,
 * darkgray, red.
 */
export const DEFAULT_RATING_SCALE: readonly RatingBandRule[] = Object.freeze([
  { min: 90, label: 'Sangat Tinggi', color: '#ADD8E6', colorName: 'Biru muda' },
  { min: 76, label: 'Tinggi', color: '#008000', colorName: 'Hijau' },
  { min: 66, label: 'Sedang', color: '#FFFFE0', colorName: 'Kuning muda' },
  { min: 51, label: 'Rendah', color: '#A9A9A9', colorName: 'Abu-abu tua' },
  { min: Number.NEGATIVE_INFINITY, label: 'Sangat Rendah', color: '#FF0000', colorName: 'Merah' },
]);

/** The regulation of the default rating scale, as a report cites it under the scale. */
export const DEFAULT_RATING_SCALE_SOURCE = 'Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017';

/**
 * The default SAKIP grade scale: PermenPAN-RB 88/2021 (Pedoman Evaluasi Akuntabilitas Kinerja
 * Instansi Pemerintah). "AA > 90–100" reads: a score above 90 up to 100, so 90 itself is `A`.
 */
export const DEFAULT_GRADE_SCALE: readonly GradeBandRule[] = Object.freeze([
  { code: 'AA', label: 'Sangat Memuaskan', above: 90 },
  { code: 'A', label: 'Memuaskan', above: 80 },
  { code: 'BB', label: 'Sangat Baik', above: 70 },
  { code: 'B', label: 'Baik', above: 60 },
  { code: 'CC', label: 'Cukup', above: 50 },
  { code: 'C', label: 'Kurang', above: 30 },
  { code: 'D', label: 'Sangat Kurang', above: null },
]);

/** The defaults of every rule (measurement.md). */
export const DEFAULT_RULES: Readonly<Rules> = Object.freeze({
  /** Permendagri 86/2017 (above). */
  ratingScale: DEFAULT_RATING_SCALE,
  /**
   * `reverse`: (2T − R) / T × 100, the PermenPAN practice the seed report prints as
   * (Target − (Realisasi − Target)) / Target × 100. The alternative is `ratio`: T / R × 100.
   */
  negativeMethod: 'reverse' as NegativeMethod,
  /** `simple`: achievement ≥ absorption → Efisien, else Tidak Efisien. */
  efficiency: Object.freeze({ rule: 'simple' }) as EfficiencyRuleSpec,
  /** No cap: predicates and goal means use the achievement as computed. */
  achievementCap: null,
  /** PermenPAN-RB 88/2021 (above). */
  gradeScale: DEFAULT_GRADE_SCALE,
  /** Official figures rest on approved data only (a realization without a state is approved). */
  countedStates: Object.freeze(['approved']) as readonly WorkflowState[],
  /** The default scale's regulation (above). */
  ratingScaleSource: DEFAULT_RATING_SCALE_SOURCE,
  /**
   * Whole rupiah: a signed Perjanjian Kinerja prints its amounts without cents (the seed's PK
   * Perubahan prints 6.370.874.772 for the 6.370.874.771,60 of its budget), so its document
   * shows them as signed; 2 keeps the cents.
   */
  agreementAmountDecimals: 0 as 0 | 2,
});

/** Sort a grade scale highest `above` first; a band without `above` goes last (`above: null`). */
export function normalizeGradeScale(scale: readonly { code: string; label: string; above?: number | null | undefined }[]): GradeBandRule[] {
  return scale
    .map((b, i) => ({ b: { code: b.code, label: b.label, above: b.above ?? null }, i }))
    .sort((x, y) => (y.b.above ?? Number.NEGATIVE_INFINITY) - (x.b.above ?? Number.NEGATIVE_INFINITY) || x.i - y.i)
    .map(({ b }) => b);
}

/** Sort a scale highest `min` first (stable for equal mins), dropping `extra`/`note`. */
export function normalizeScale(scale: readonly RatingBandRule[]): RatingBandRule[] {
  return scale
    .map((b, i) => ({ b, i }))
    .sort((x, y) => y.b.min - x.b.min || x.i - y.i)
    .map(({ b }) => {
      const band: RatingBandRule = { min: b.min, label: b.label };
      if (b.color !== undefined) band.color = b.color;
      if (b.colorName !== undefined) band.colorName = b.colorName;
      return band;
    });
}

function efficiencyOfSettings(s: Settings | null | undefined): EfficiencyRuleSpec | undefined {
  const e = s?.efficiency;
  if (!e) return undefined;
  return e.rule === 'band' ? { rule: 'band', margin: e.margin } : { rule: 'simple' };
}

/**
 * The rules that apply to an indicator: looked up on the indicator (`negativeMethod`), then
 * in the dataset's settings, then in the region's, then in `DEFAULT_RULES`.
 */
export function resolveRules(
  indicator?: Pick<Indicator, 'negativeMethod'> | null,
  datasetSettings?: Settings | null,
  regionSettings?: Settings | null,
): Rules {
  const scale = datasetSettings?.ratingScale ?? regionSettings?.ratingScale;
  // a scale's source is the one beside it in the same settings, never another level's
  const scaleSettings = datasetSettings?.ratingScale ? datasetSettings : regionSettings?.ratingScale ? regionSettings : undefined;
  return {
    ratingScale: scale ? normalizeScale(scale) : DEFAULT_RULES.ratingScale,
    ratingScaleSource: scaleSettings ? (scaleSettings.ratingScaleSource ?? null) : DEFAULT_RULES.ratingScaleSource,
    agreementAmountDecimals: datasetSettings?.agreementAmountDecimals ?? regionSettings?.agreementAmountDecimals ?? DEFAULT_RULES.agreementAmountDecimals,
    negativeMethod:
      indicator?.negativeMethod ??
      datasetSettings?.negativeMethod ??
      regionSettings?.negativeMethod ??
      DEFAULT_RULES.negativeMethod,
    efficiency: efficiencyOfSettings(datasetSettings) ?? efficiencyOfSettings(regionSettings) ?? DEFAULT_RULES.efficiency,
    achievementCap: datasetSettings?.achievementCap ?? regionSettings?.achievementCap ?? DEFAULT_RULES.achievementCap,
    gradeScale: resolveGradeScale(datasetSettings, regionSettings),
    countedStates: datasetSettings?.countedStates ?? regionSettings?.countedStates ?? DEFAULT_RULES.countedStates,
  };
}

/** The SAKIP grade scale: the dataset's settings, then the region's, then PermenPAN-RB 88/2021. */
export function resolveGradeScale(datasetSettings?: Settings | null, regionSettings?: Settings | null): readonly GradeBandRule[] {
  const scale = datasetSettings?.gradeScale ?? regionSettings?.gradeScale;
  return scale ? normalizeGradeScale(scale) : DEFAULT_GRADE_SCALE;
}
