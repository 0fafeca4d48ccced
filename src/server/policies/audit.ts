/**
 * Policy of the audit log: who reads who changed what. By default the people who answer for an
 * agency's figures — its planner and head — and the region's admin and evaluator; an operator
 * enters figures and does not read the log (their own entries show in the realization's history).
 * A region's whole log is its admin's.
 */
import { ofAgency, overAgency, type AgencyScoped, type Role, type User } from './types.js';

export type AuditAction = 'read' | 'export';

/** The roles that read an agency's audit log (within their scope). */
export const AUDIT_READERS: readonly Role[] = ['planner', 'head', 'admin', 'evaluator'];

export function can(user: User, action: AuditAction, scope: AgencyScoped | { region: string; agencyId?: undefined }): boolean {
  switch (action) {
    case 'read':
    case 'export':
      if (!AUDIT_READERS.includes(user.role)) return false;
      if (scope.agencyId === undefined) return user.role === 'admin' && user.region === scope.region;
      return ofAgency(user, scope) || overAgency(user, scope);
  }
}
