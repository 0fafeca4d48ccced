/**
 * Policy of registers' personal data (UU 27/2022; registers.md, "Personal data"): who sees a
 * register's personal fields whole. By default the agency's planner and the operators of the
 * unit that keeps the register (its `unit`); everyone else — the head, other units' operators,
 * the region's admin and evaluator — sees them masked (core/registers/mask.ts). A register
 * without a unit is kept by the planner alone.
 */
import { ofAgency, type AgencyScoped, type User } from './types.js';

export const REGISTER_ACTIONS = ['read', 'read-personal', 'import'] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

export interface RegisterRecord extends AgencyScoped {
  /** the unit that keeps the register (`Register.unit`), if named */
  unit?: string;
}

/** The user keeps this register: the agency's planner, or an operator of its unit. */
export function keepsRegister(user: User, record: RegisterRecord): boolean {
  if (!ofAgency(user, record)) return false;
  if (user.role === 'planner') return true;
  return user.role === 'operator' && record.unit !== undefined && user.unitId === record.unit;
}

/** Sees the register's personal fields unmasked (the default rule above). */
export const seesPersonalData = (user: User, record: RegisterRecord): boolean => keepsRegister(user, record);

export function can(user: User, action: RegisterAction, record: RegisterRecord): boolean {
  switch (action) {
    case 'read':
      return ofAgency(user, record) || ((user.role === 'admin' || user.role === 'evaluator') && user.region === record.region);
    case 'read-personal':
      return seesPersonalData(user, record);
    case 'import':
      return keepsRegister(user, record);
  }
}
