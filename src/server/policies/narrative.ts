/** Policy of the narrative (the report's prose): the agency's planner writes it. */
import { ofAgency, type AgencyScoped, type User } from './types.js';

export type NarrativeAction = 'update';

export function can(user: User, _action: NarrativeAction, record: AgencyScoped): boolean {
  return user.role === 'planner' && ofAgency(user, record);
}
