/**
 * The SAKIP grade (predikat) of an evaluation score, derived from the score by the grade scale
 * (measurement.md, "SAKIP grade"); never typed. A typed grade that differs is a warning.
 */
import type { Dataset, EvaluationScore, Settings } from '../dataset/schema.js';
import { finding, type Finding } from '../findings.js';
import { formatNumber } from '../format.js';
import { resolveGradeScale, type GradeBandRule } from './rules.js';

export interface Grade {
  /** `AA`, `A`, `BB` … */
  code: string;
  /** `Sangat Memuaskan`, `Memuaskan` … */
  label: string;
}

/**
 * The grade of a score: bands are tried highest `above` first; the first whose `above` the
 * score exceeds gives the grade; the band without `above` takes the rest. `null` when no band
 * fits (a custom scale without such a band, or a score that is not a finite number).
 */
export function gradeOf(scale: readonly GradeBandRule[], score: number): Grade | null {
  if (!Number.isFinite(score)) return null;
  let floor: GradeBandRule | null = null;
  for (const band of scale) {
    if (band.above === null) floor ??= band;
    else if (score > band.above) return { code: band.code, label: band.label };
  }
  return floor ? { code: floor.code, label: floor.label } : null;
}

/** `A / Memuaskan`, as reports and interfaces print a grade. */
export const gradeText = (g: Grade): string => `${g.code} / ${g.label}`;

/** The grade of a score under the dataset's (then the region's, then the default) scale. */
export function gradeOfScore(score: Pick<EvaluationScore, 'value'>, datasetSettings?: Settings | null, regionSettings?: Settings | null): Grade | null {
  return gradeOf(resolveGradeScale(datasetSettings, regionSettings), score.value);
}

/** Whether a typed grade names the derived one: its code (`A`), its label, or both (`A / Memuaskan`), case and spaces aside. */
export function typedGradeMatches(typed: string, g: Grade): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const t = norm(typed);
  const parts = t.split(/\s*[/(),–-]\s*/).filter((p) => p !== '');
  const code = norm(g.code);
  const label = norm(g.label);
  if (t === code || t === label) return true;
  return parts.length > 0 && parts.every((p) => p === code || p === label);
}

/**
 * A warning for every score whose typed grade differs from the derived one (code
 * `grade-differs-from-score`, at `evaluation.scores[i].grade`); `year` limits them to one year.
 */
export function gradeFindings(ds: Pick<Dataset, 'evaluation' | 'settings'>, opts: { regionSettings?: Settings | undefined; prefix?: string; year?: number } = {}): Finding[] {
  const out: Finding[] = [];
  const scale = resolveGradeScale(ds.settings, opts.regionSettings);
  (ds.evaluation?.scores ?? []).forEach((s, i) => {
    if (s.grade === undefined || (opts.year !== undefined && s.year !== opts.year)) return;
    const g = gradeOf(scale, s.value);
    if (!g || typedGradeMatches(s.grade, g)) return;
    out.push(
      finding(
        'warning',
        'grade-differs-from-score',
        `${opts.prefix ? `${opts.prefix}.` : ''}evaluation.scores[${i}].grade`,
        `the typed grade "${s.grade}" differs from the grade of the score ${s.value} (${gradeText(g)}); the derived grade is shown`,
        `predikat yang diketik "${s.grade}" berbeda dengan predikat nilai ${formatNumber(s.value)} (${gradeText(g)}); yang ditampilkan predikat hasil perhitungan`,
      ),
    );
  });
  return out;
}
