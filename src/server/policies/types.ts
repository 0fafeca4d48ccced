/**
 * Who acts: an account's role and scope. Every policy in this folder is a plain function
 * `can(user, action, record)` over these types; the server calls them, and nothing else
 * decides what a user may do.
 *
 * | role | scope | works on |
 * |---|---|---|
 * | admin (Bappeda) | a region | accounts, imports and exports, plans (cascade to the RPJMD); reads every agency of the region |
 * | evaluator (Inspektorat) | a region | SAKIP scores and recommendations; reads every agency of the region |
 * | planner (Sub Bagian Perencanaan) | an agency | plans, agreements, programs, narrative, verification of realizations |
 * | operator | a unit of an agency | realizations of the indicators its unit is responsible for, spending |
 * | head (Kepala) | an agency | approves and locks realizations, reopens them |
 */
export const ROLES = ['admin', 'planner', 'operator', 'head', 'evaluator'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  /** the agency of a planner, operator or head; `null` for admin and evaluator */
  agencyId: string | null;
  /** the unit of an operator */
  unitId: string | null;
  /** the region of an admin or evaluator */
  region: string | null;
}

/** What every agency-owned record carries for the policies: whose it is. */
export interface AgencyScoped {
  agencyId: string;
  region: string;
}

export const isRegionRole = (user: User): boolean => user.role === 'admin' || user.role === 'evaluator';

/** The user works in this agency (planner, operator, head of it). */
export const ofAgency = (user: User, record: AgencyScoped): boolean => !isRegionRole(user) && user.agencyId === record.agencyId;

/** The user watches this agency's region (admin, evaluator of it). */
export const overAgency = (user: User, record: AgencyScoped): boolean => isRegionRole(user) && user.region === record.region;
