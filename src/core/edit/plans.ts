/**
 * Plans: the goal tree (with `supports`, the cascade to another plan's goals) and the
 * indicators with all their fields. Goals and indicators are records of their plan, keyed
 * `planId/localId`.
 */
import type { Dataset, Goal, Indicator, Plan } from '../dataset/schema.js';
import { copy, EditError, notFound, rangeError, type EditResult } from './common.js';
import { indicatorViolations } from '../dataset/ranges.js';
import { text } from '../findings.js';

/** The indicator's targets, baseline and end target within its range (ranges.ts), unless it is marked `outOfRange`. */
function checkIndicatorRange(planId: string, ind: Indicator): void {
  if (ind.outOfRange) return;
  const v = indicatorViolations(ind)[0];
  if (v) throw rangeError(`indicator.${v.field}`, text(`indicator ${planId}/${ind.id} "${ind.name}"`, `indikator ${planId}/${ind.id} "${ind.name}"`), v);
}

function planAt(ds: Dataset, planId: string): number {
  const i = ds.plans.findIndex((p) => p.id === planId);
  if (i < 0) throw notFound('plan', 'rencana', 'plan', planId, ds.plans.map((p) => p.id));
  return i;
}

function sameId(where: string, pathId: string, bodyId: string): void {
  if (pathId !== bodyId) {
    throw new EditError(
      'invalid',
      'id-mismatch',
      `${where}.id`,
      `the id "${bodyId}" differs from the record addressed ("${pathId}"); ids are not changed by an edit`,
      `id "${bodyId}" berbeda dengan data yang dituju ("${pathId}"); id tidak dapat diubah melalui penyuntingan`,
    );
  }
}

export function addGoal(ds: Dataset, planId: string, goal: Goal): EditResult<Goal> {
  const next = copy(ds);
  const plan = next.plans[planAt(next, planId)]!;
  if (plan.goals.some((g) => g.id === goal.id)) {
    throw new EditError('conflict', 'duplicate-id', 'goal.id', `plan ${planId} already has a goal "${goal.id}"`, `rencana ${planId} sudah memiliki tujuan/sasaran "${goal.id}"`);
  }
  plan.goals.push(goal);
  return { dataset: next, entity: 'goal', key: `${planId}/${goal.id}`, before: null, after: goal };
}

export function replaceGoal(ds: Dataset, planId: string, goalId: string, goal: Goal): EditResult<Goal> {
  sameId('goal', goalId, goal.id);
  const next = copy(ds);
  const plan = next.plans[planAt(next, planId)]!;
  const i = plan.goals.findIndex((g) => g.id === goalId);
  if (i < 0) throw notFound('goal', 'tujuan/sasaran', 'goal', `${planId}/${goalId}`, plan.goals.map((g) => g.id));
  const before = plan.goals[i]!;
  plan.goals[i] = goal;
  return { dataset: next, entity: 'goal', key: `${planId}/${goalId}`, before, after: goal };
}

export function removeGoal(ds: Dataset, planId: string, goalId: string): EditResult<Goal> {
  const next = copy(ds);
  const plan = next.plans[planAt(next, planId)]!;
  const i = plan.goals.findIndex((g) => g.id === goalId);
  if (i < 0) throw notFound('goal', 'tujuan/sasaran', 'goal', `${planId}/${goalId}`, plan.goals.map((g) => g.id));
  const [before] = plan.goals.splice(i, 1);
  return { dataset: next, entity: 'goal', key: `${planId}/${goalId}`, before: before!, after: null };
}

const indicatorsOf = (plan: Plan): Indicator[] => (plan.indicators ??= []);

export function addIndicator(ds: Dataset, planId: string, indicator: Indicator): EditResult<Indicator> {
  checkIndicatorRange(planId, indicator);
  const next = copy(ds);
  const list = indicatorsOf(next.plans[planAt(next, planId)]!);
  if (list.some((x) => x.id === indicator.id)) {
    throw new EditError('conflict', 'duplicate-id', 'indicator.id', `plan ${planId} already has an indicator "${indicator.id}"`, `rencana ${planId} sudah memiliki indikator "${indicator.id}"`);
  }
  list.push(indicator);
  return { dataset: next, entity: 'indicator', key: `${planId}/${indicator.id}`, before: null, after: indicator };
}

export function replaceIndicator(ds: Dataset, planId: string, indicatorId: string, indicator: Indicator): EditResult<Indicator> {
  sameId('indicator', indicatorId, indicator.id);
  checkIndicatorRange(planId, indicator);
  const next = copy(ds);
  const list = indicatorsOf(next.plans[planAt(next, planId)]!);
  const i = list.findIndex((x) => x.id === indicatorId);
  if (i < 0) throw notFound('indicator', 'indikator', 'indicator', `${planId}/${indicatorId}`, list.map((x) => x.id));
  const before = list[i]!;
  list[i] = indicator;
  return { dataset: next, entity: 'indicator', key: `${planId}/${indicatorId}`, before, after: indicator };
}

export function removeIndicator(ds: Dataset, planId: string, indicatorId: string): EditResult<Indicator> {
  const next = copy(ds);
  const plan = next.plans[planAt(next, planId)]!;
  const list = plan.indicators ?? [];
  const i = list.findIndex((x) => x.id === indicatorId);
  if (i < 0) throw notFound('indicator', 'indikator', 'indicator', `${planId}/${indicatorId}`, list.map((x) => x.id));
  const [before] = list.splice(i, 1);
  return { dataset: next, entity: 'indicator', key: `${planId}/${indicatorId}`, before: before!, after: null };
}
