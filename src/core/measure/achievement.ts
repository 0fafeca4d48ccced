/**
 * Achievement (capaian kinerja) in percent, from a target T and a realization R
 * (measurement.md, "Achievement"). Pure arithmetic; the choice of T and R is elsewhere.
 */
import type { Category, NegativeMethod } from '../dataset/schema.js';

export type Polarity = 'positive' | 'negative';

export type AchievementOutcome =
  | { ok: true; value: number }
  | { ok: false; reason: 'zero target' | 'zero realization'; message: string; messageId: string };

export interface AchievementInput {
  polarity: Polarity;
  /** How a negative indicator is scored; ignored for a positive one. */
  method: NegativeMethod;
  target: number;
  realization: number;
  /** The cap, used only as the achievement of a perfect (R = 0) `ratio` result. */
  cap: number | null;
}

/**
 * - positive: R / T × 100
 * - negative, `reverse`: (2T − R) / T × 100 (negative when R > 2T; reported as computed)
 * - negative, `ratio`: T / R × 100; R = 0 gives the cap when one is set, else no value
 * T = 0 gives no value under every method (`zero target`).
 *
 * Arithmetic: the numerator is multiplied by 100 before the division (R × 100 / T), which
 * rounds once where R / T × 100 rounds twice; it gives the contract's example exactly
 * (6.5 against 75 → 8.666666666666666, where 6.5 / 75 × 100 gives …668).
 */
export function achievementOf(input: AchievementInput): AchievementOutcome {
  const { polarity, method, target: t, realization: r, cap } = input;
  const zeroTarget: AchievementOutcome = {
    ok: false,
    reason: 'zero target',
    message: 'the target is 0 (or too close to 0), so the achievement (a division by the target) cannot be computed',
    messageId: 'target bernilai 0 (atau terlalu mendekati 0), sehingga capaian (pembagian dengan target) tidak dapat dihitung',
  };
  if (t === 0) return zeroTarget;
  if (polarity === 'positive' || method === 'reverse') {
    const value = polarity === 'positive' ? (r * 100) / t : ((2 * t - r) * 100) / t;
    return Number.isFinite(value) ? { ok: true, value } : zeroTarget;
  }
  const value = r === 0 ? Number.POSITIVE_INFINITY : (t * 100) / r;
  if (Number.isFinite(value)) return { ok: true, value };
  // R = 0 (or so close to 0 that T / R overflows): a perfect result
  if (cap !== null) return { ok: true, value: cap };
  return {
    ok: false,
    reason: 'zero realization',
    message: 'the realization of a negative indicator scored by the ratio method (T / R) is 0 and no achievementCap is set, so the achievement cannot be computed',
    messageId: 'realisasi indikator berpolaritas negatif yang dinilai dengan metode rasio (T / R) bernilai 0 dan achievementCap tidak ditetapkan, sehingga capaian tidak dapat dihitung',
  };
}

/** Score of a category label, or `undefined` when the label is not one of the categories. */
export function categoryScore(categories: readonly Category[], label: string): number | undefined {
  const wanted = label.trim().toLowerCase();
  return categories.find((c) => c.label.trim().toLowerCase() === wanted)?.score;
}

/** The best (highest-scoring) of several realized category labels; unknown labels are skipped. */
export function bestCategory(
  categories: readonly Category[],
  labels: readonly string[],
): { label: string; score: number } | undefined {
  let best: { label: string; score: number } | undefined;
  for (const label of labels) {
    const score = categoryScore(categories, label);
    if (score !== undefined && (best === undefined || score > best.score)) best = { label, score };
  }
  return best;
}

/** The achievement used for predicates and goal means: capped when a cap is set. */
export const capAchievement = (achievement: number, cap: number | null): number =>
  cap !== null && achievement > cap ? cap : achievement;
