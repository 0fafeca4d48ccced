/**
 * Policy of the evaluation: scores and recommendations are written by the region's
 * evaluator (Inspektorat); the agency's planner and head write the follow-up of a
 * recommendation (its action, status and evidence), nothing else of it.
 */
import { ofAgency, overAgency, type AgencyScoped, type User } from './types.js';

export type EvaluationAction = 'score' | 'recommend' | 'follow-up';

export function can(user: User, action: EvaluationAction, record: AgencyScoped): boolean {
  if (action === 'follow-up') {
    return ((user.role === 'planner' || user.role === 'head') && ofAgency(user, record)) || (user.role === 'evaluator' && overAgency(user, record));
  }
  return user.role === 'evaluator' && overAgency(user, record);
}
