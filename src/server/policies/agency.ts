/** Policy of an agency as a whole: reading any of its data, its audit log, exporting and importing it. */
import { ofAgency, overAgency, type AgencyScoped, type User } from './types.js';

export type AgencyAction = 'read' | 'export' | 'import';

export function can(user: User, action: AgencyAction, agency: AgencyScoped): boolean {
  switch (action) {
    case 'read':
    case 'export':
      return ofAgency(user, agency) || overAgency(user, agency);
    case 'import':
      // the region's admin replaces any of its agencies; a planner only their own
      return (user.role === 'admin' && overAgency(user, agency)) || (user.role === 'planner' && ofAgency(user, agency));
  }
}
