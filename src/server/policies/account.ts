/**
 * Policy of accounts: the region's admin lists, creates and changes the accounts of the
 * region (its admins and evaluators, and the accounts of its agencies). An admin cannot
 * disable or demote their own account (the region would be left without one by mistake).
 */
import type { Role, User } from './types.js';

export type AccountAction = 'list' | 'create' | 'update';

/** An account as the policy sees it: its region (for an agency account: the agency's region). */
export interface AccountRecord {
  id?: string;
  region: string;
  /** the change asked for, when updating */
  changes?: { role?: Role; active?: boolean };
}

export function can(user: User, action: AccountAction, account: AccountRecord): boolean {
  if (user.role !== 'admin' || user.region !== account.region) return false;
  if (action === 'update' && account.id === user.id) {
    const c = account.changes ?? {};
    if (c.active === false || (c.role !== undefined && c.role !== 'admin')) return false;
  }
  return true;
}
