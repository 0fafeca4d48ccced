/**
 * Policy of an agency's files (its crest, documentation photos, signed scans): read by whoever
 * may read the agency (its people, the region's), uploaded by whoever may change its data (its
 * planner, the region's admin).
 */
import { ofAgency, overAgency, type AgencyScoped, type User } from './types.js';

export type FileAction = 'read' | 'upload';

export function can(user: User, action: FileAction, agency: AgencyScoped): boolean {
  switch (action) {
    case 'read':
      return ofAgency(user, agency) || overAgency(user, agency);
    case 'upload':
      return (user.role === 'admin' && overAgency(user, agency)) || (user.role === 'planner' && ofAgency(user, agency));
  }
}
