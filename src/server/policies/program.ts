/**
 * Policy of program nodes: budgets and supports are the planner's; spending (realisasi
 * anggaran) is entered by the agency's operators as well.
 */
import { ofAgency, type AgencyScoped, type User } from './types.js';

export type ProgramAction = 'budget' | 'supports' | 'spending';

export function can(user: User, action: ProgramAction, node: AgencyScoped): boolean {
  if (!ofAgency(user, node)) return false;
  if (action === 'spending') return user.role === 'planner' || user.role === 'operator';
  return user.role === 'planner';
}
