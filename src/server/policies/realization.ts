/**
 * Policy of realizations and their workflow (draft → submitted → verified → approved).
 *
 * - Entering (create, change, delete, attach evidence, submit) is for whoever is responsible
 *   for the indicator: an operator whose unit is among its `responsibleUnits`; for an
 *   indicator without responsible units, the planner. Only a draft can be changed.
 * - The planner verifies (or returns) what was submitted; the head approves (or returns)
 *   what was verified, which locks it; only the head reopens an approved realization.
 */
import type { WorkflowState } from '../../core/dataset/schema.js';
import { ofAgency, type AgencyScoped, type User } from './types.js';

/** Everything one can do with a realization, in the order the API lists what a user may do. */
export const REALIZATION_ACTIONS = ['enter', 'delete', 'evidence', 'submit', 'verify', 'approve', 'return', 'reopen'] as const;
export type RealizationAction = (typeof REALIZATION_ACTIONS)[number];

export interface RealizationRecord extends AgencyScoped {
  /** the indicator's responsible units (absent or empty: none named) */
  responsibleUnits?: readonly string[];
  /** the realization's state; absent for one not entered yet */
  state?: WorkflowState;
}

/** Responsible for entering this indicator's realizations. */
export function enters(user: User, record: RealizationRecord): boolean {
  if (!ofAgency(user, record)) return false;
  const units = record.responsibleUnits ?? [];
  if (units.length === 0) return user.role === 'planner';
  return user.role === 'operator' && user.unitId !== null && units.includes(user.unitId);
}

export function can(user: User, action: RealizationAction, record: RealizationRecord): boolean {
  if (!ofAgency(user, record)) return false;
  const state = record.state;
  switch (action) {
    case 'enter':
      return enters(user, record) && (state === undefined || state === 'draft');
    case 'delete':
    case 'evidence':
    case 'submit':
      return enters(user, record) && state === 'draft';
    case 'verify':
      return user.role === 'planner' && state === 'submitted';
    case 'approve':
      return user.role === 'head' && state === 'verified';
    case 'return':
      return (user.role === 'planner' && state === 'submitted') || ((user.role === 'planner' || user.role === 'head') && state === 'verified');
    case 'reopen':
      return user.role === 'head' && state === 'approved';
  }
}
