import { describe, expect, it } from 'vitest';
import { can, seesPersonalData } from './register.js';
import { ROLES, type Role, type User } from './types.js';

const R = 'Kabupaten Contoh';
const user = (role: Role, o: Partial<User> = {}): User => ({
  id: role,
  username: role,
  name: role,
  role,
  agencyId: role === 'admin' || role === 'evaluator' ? null : 'a',
  unitId: role === 'operator' ? 'bid-ukm' : null,
  region: role === 'admin' || role === 'evaluator' ? R : null,
  ...o,
});
const KEPT = { agencyId: 'a', region: R, unit: 'bid-ukm' };
const who = (fn: (u: User) => boolean): Role[] => ROLES.filter((r) => fn(user(r)));

describe('register policy (personal data, UU 27/2022)', () => {
  it("by default only the agency's planner and the operators of the keeping unit see personal fields whole", () => {
    expect(who((u) => seesPersonalData(u, KEPT))).toEqual(['planner', 'operator']);
    expect(seesPersonalData(user('operator', { unitId: 'bid-kop' }), KEPT)).toBe(false);
    expect(seesPersonalData(user('planner', { agencyId: 'b' }), KEPT)).toBe(false);
    // a register no unit keeps: the planner alone
    expect(who((u) => seesPersonalData(u, { agencyId: 'a', region: R }))).toEqual(['planner']);
  });

  it('everyone of the agency and its region reads (masked); another region does not', () => {
    expect(who((u) => can(u, 'read', KEPT))).toEqual(['admin', 'planner', 'operator', 'head', 'evaluator']);
    expect(can(user('admin', { region: 'Kabupaten Lain' }), 'read', KEPT)).toBe(false);
    expect(who((u) => can(u, 'import', KEPT))).toEqual(['planner', 'operator']);
    expect(who((u) => can(u, 'read-personal', KEPT))).toEqual(['planner', 'operator']);
  });
});
