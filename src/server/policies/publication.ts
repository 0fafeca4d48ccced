/**
 * Policy of issued reports: anyone who reads the agency sees the list, downloads the issued
 * files, checks a reproduction and the changes since issue (an auditor's questions); the
 * agency's planner and head issue them (the report is theirs to sign).
 */
import { ofAgency, overAgency, type AgencyScoped, type User } from './types.js';

export type PublicationAction = 'read' | 'issue';

export function can(user: User, action: PublicationAction, agency: AgencyScoped): boolean {
  switch (action) {
    case 'read':
      return ofAgency(user, agency) || overAgency(user, agency);
    case 'issue':
      return (user.role === 'planner' || user.role === 'head') && ofAgency(user, agency);
  }
}
