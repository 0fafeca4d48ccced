/** Policy of performance agreements (PK, PK Perubahan): drafted, amended and edited by the agency's planner. */
import { ofAgency, type AgencyScoped, type User } from './types.js';

export type AgreementAction = 'create' | 'amend' | 'update';

export function can(user: User, _action: AgreementAction, agreement: AgencyScoped): boolean {
  return user.role === 'planner' && ofAgency(user, agreement);
}
