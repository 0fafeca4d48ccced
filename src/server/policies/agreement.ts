/** Policy of performance agreements (PK, PK Perubahan): drafted, amended, edited and removed by the agency's planner. */
import { ofAgency, type AgencyScoped, type User } from './types.js';

export type AgreementAction = 'create' | 'amend' | 'update' | 'delete';

export function can(user: User, _action: AgreementAction, agreement: AgencyScoped): boolean {
  return user.role === 'planner' && ofAgency(user, agreement);
}
