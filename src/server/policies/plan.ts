/** Policy of plans (goal tree, indicators): the agency's planner, and the region's admin (Bappeda keeps the cascade to the RPJMD). */
import { ofAgency, overAgency, type AgencyScoped, type User } from './types.js';

export type PlanAction = 'update';

export function can(user: User, _action: PlanAction, plan: AgencyScoped): boolean {
  return (user.role === 'planner' && ofAgency(user, plan)) || (user.role === 'admin' && overAgency(user, plan));
}
