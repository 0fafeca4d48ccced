/** Policy of an agency as a whole: reading any of its data, its audit log, exporting and importing it, its profile. */
import { ofAgency, overAgency, type AgencyScoped, type User } from './types.js';

export type AgencyAction = 'read' | 'export' | 'import' | 'update';

export function can(user: User, action: AgencyAction, agency: AgencyScoped): boolean {
  switch (action) {
    case 'read':
    case 'export':
      return ofAgency(user, agency) || overAgency(user, agency);
    case 'import':
    case 'update':
      // the region's admin replaces or edits the profile of any of its agencies; a planner only their own
      return (user.role === 'admin' && overAgency(user, agency)) || (user.role === 'planner' && ofAgency(user, agency));
  }
}
