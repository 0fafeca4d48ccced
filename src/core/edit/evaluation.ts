/**
 * Evaluation: SAKIP scores (one per year and period) and the evaluator's recommendations
 * with their follow-up (action, owner, due date, status).
 */
import type { Dataset, EvaluationScore, Recommendation } from '../dataset/schema.js';
import { checkInRange, copy, defined, EditError, notFound, type EditResult } from './common.js';
import { SCORE_RANGE } from '../dataset/ranges.js';
import { text } from '../findings.js';

export const scoreKey = (s: Pick<EvaluationScore, 'year' | 'period'>): string => (s.period ? `${s.year}/${s.period}` : String(s.year));

/** Enter or replace the score of its year (and period). */
export function putScore(ds: Dataset, score: EvaluationScore): EditResult<EvaluationScore> {
  if (!score.outOfRange) checkInRange('score.value', text(`the SAKIP score of ${score.year}`, `nilai SAKIP tahun ${score.year}`), score.value, SCORE_RANGE);
  const next = copy(ds);
  const evaluation = (next.evaluation ??= {});
  const scores = (evaluation.scores ??= []);
  const key = scoreKey(score);
  const i = scores.findIndex((s) => scoreKey(s) === key);
  const before = i < 0 ? null : scores[i]!;
  if (i < 0) scores.push(score);
  else scores[i] = score;
  return { dataset: next, entity: 'score', key, before, after: score };
}

export function addRecommendation(ds: Dataset, rec: Recommendation): EditResult<Recommendation> {
  const next = copy(ds);
  const evaluation = (next.evaluation ??= {});
  const list = (evaluation.recommendations ??= []);
  if (list.some((r) => r.id === rec.id)) {
    throw new EditError('conflict', 'duplicate-id', 'recommendation.id', `there is already a recommendation "${rec.id}"`, `rekomendasi "${rec.id}" sudah ada`);
  }
  list.push(rec);
  return { dataset: next, entity: 'recommendation', key: rec.id, before: null, after: rec };
}

/** The fields of a recommendation a change may set (its id stays). */
export type RecommendationChanges = Partial<Omit<Recommendation, 'id'>>;

/** The follow-up fields: what the agency does about a recommendation. */
export const FOLLOW_UP_FIELDS = ['action', 'status', 'evidence', 'note'] as const;

export function updateRecommendation(ds: Dataset, id: string, changes: RecommendationChanges): EditResult<Recommendation> {
  const next = copy(ds);
  const list = next.evaluation?.recommendations ?? [];
  const i = list.findIndex((r) => r.id === id);
  if (i < 0) throw notFound('recommendation', 'rekomendasi', 'recommendation', id, list.map((r) => r.id));
  const before = ds.evaluation!.recommendations![i]!;
  const after: Recommendation = { ...list[i]!, ...defined(changes) };
  list[i] = after;
  return { dataset: next, entity: 'recommendation', key: id, before, after };
}

export function removeRecommendation(ds: Dataset, id: string): EditResult<Recommendation> {
  const next = copy(ds);
  const list = next.evaluation?.recommendations ?? [];
  const i = list.findIndex((r) => r.id === id);
  if (i < 0) throw notFound('recommendation', 'rekomendasi', 'recommendation', id, list.map((r) => r.id));
  const [before] = list.splice(i, 1);
  return { dataset: next, entity: 'recommendation', key: id, before: before!, after: null };
}

/** Open (not done) recommendations whose due date is before `today` (ISO dates compare as text). */
export const isOverdue = (r: Recommendation, today: string): boolean => r.status !== 'done' && r.due !== undefined && r.due < today;
