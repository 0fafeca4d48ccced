/** Predicate (kriteria) of an achievement from a rating scale (measurement.md, "Predicate"). */
import type { RatingBandRule } from './rules.js';

/**
 * The band an achievement falls in: bands are tried highest `min` first and the first whose
 * `min` the value reaches gives the label. A value below every `min` of a custom scale
 * takes the lowest band (so the predicate is defined for every achievement and stays
 * monotone). `null` only for an empty scale.
 */
export function bandOf(scale: readonly RatingBandRule[], achievement: number): RatingBandRule | null {
  let lowest: RatingBandRule | null = null;
  for (const band of scale) {
    if (achievement >= band.min) return band;
    if (lowest === null || band.min < lowest.min) lowest = band;
  }
  return lowest;
}

/** The predicate label of an achievement, or `null` for an empty scale. */
export function predicateOf(scale: readonly RatingBandRule[], achievement: number): string | null {
  return bandOf(scale, achievement)?.label ?? null;
}

/** A measured row is achieved (tercapai) when its uncapped achievement is at least 100. */
export const isAchieved = (achievement: number): boolean => achievement >= 100;
