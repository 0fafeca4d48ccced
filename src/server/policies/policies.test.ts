import { describe, expect, it } from 'vitest';
import * as account from './account.js';
import * as agency from './agency.js';
import * as agreement from './agreement.js';
import * as evaluation from './evaluation.js';
import * as narrative from './narrative.js';
import * as plan from './plan.js';
import * as program from './program.js';
import * as realization from './realization.js';
import * as region from './region.js';
import type { Role, User } from './types.js';

const R = 'Kabupaten Contoh';
const user = (role: Role, o: Partial<User> = {}): User => ({
  id: role,
  username: role,
  name: role,
  role,
  agencyId: role === 'admin' || role === 'evaluator' ? null : 'a',
  unitId: role === 'operator' ? 'u1' : null,
  region: role === 'admin' || role === 'evaluator' ? R : null,
  ...o,
});
const A = { agencyId: 'a', region: R };
const B = { agencyId: 'b', region: R };
const C = { agencyId: 'c', region: 'Kabupaten Lain' };
const ROLES: Role[] = ['admin', 'planner', 'operator', 'head', 'evaluator'];
const allowed = (fn: (u: User) => boolean) => ROLES.filter((r) => fn(user(r)));

describe('policies', () => {
  it('agency: its own roles and its region’s admin and evaluator read it; nobody else', () => {
    expect(allowed((u) => agency.can(u, 'read', A))).toEqual(ROLES);
    expect(allowed((u) => agency.can(u, 'read', B))).toEqual(['admin', 'evaluator']);
    expect(allowed((u) => agency.can(u, 'read', C))).toEqual([]);
    expect(allowed((u) => agency.can(u, 'import', A))).toEqual(['admin', 'planner']);
    expect(allowed((u) => agency.can(u, 'import', B))).toEqual(['admin']);
    expect(allowed((u) => agency.can(u, 'update', A))).toEqual(['admin', 'planner']);
    expect(allowed((u) => agency.can(u, 'update', B))).toEqual(['admin']);
    expect(allowed((u) => agency.can(u, 'update', C))).toEqual([]);
  });

  it('region: the dashboard for its admin and evaluator, imports for its admin', () => {
    expect(allowed((u) => region.can(u, 'read', { region: R }))).toEqual(['admin', 'evaluator']);
    expect(allowed((u) => region.can(u, 'import', { region: R }))).toEqual(['admin']);
    expect(allowed((u) => region.can(u, 'read', { region: 'Kabupaten Lain' }))).toEqual([]);
  });

  it('accounts: the region’s admin, who cannot disable or demote themselves', () => {
    expect(allowed((u) => account.can(u, 'create', { region: R }))).toEqual(['admin']);
    const admin = user('admin');
    expect(account.can(admin, 'update', { id: 'admin', region: R, changes: { active: false } })).toBe(false);
    expect(account.can(admin, 'update', { id: 'admin', region: R, changes: { role: 'planner' } })).toBe(false);
    expect(account.can(admin, 'update', { id: 'admin', region: R, changes: { role: 'admin' } })).toBe(true);
    expect(account.can(admin, 'update', { id: 'other', region: R, changes: { active: false } })).toBe(true);
    expect(account.can(admin, 'list', { region: 'Kabupaten Lain' })).toBe(false);
  });

  it('plans, agreements, programs, narrative of the agency', () => {
    expect(allowed((u) => plan.can(u, 'update', A))).toEqual(['admin', 'planner']);
    expect(allowed((u) => plan.can(u, 'update', C))).toEqual([]);
    expect(allowed((u) => agreement.can(u, 'create', A))).toEqual(['planner']);
    expect(allowed((u) => agreement.can(u, 'update', B))).toEqual([]);
    expect(allowed((u) => program.can(u, 'budget', A))).toEqual(['planner']);
    expect(allowed((u) => program.can(u, 'spending', A))).toEqual(['planner', 'operator']);
    expect(allowed((u) => program.can(u, 'spending', B))).toEqual([]);
    expect(allowed((u) => narrative.can(u, 'update', A))).toEqual(['planner']);
  });

  it('evaluation: scores and recommendations by the evaluator; the follow-up by the agency', () => {
    expect(allowed((u) => evaluation.can(u, 'score', A))).toEqual(['evaluator']);
    expect(allowed((u) => evaluation.can(u, 'recommend', C))).toEqual([]);
    expect(allowed((u) => evaluation.can(u, 'follow-up', A))).toEqual(['planner', 'head', 'evaluator']);
  });

  describe('realizations', () => {
    const rec = (state?: 'draft' | 'submitted' | 'verified' | 'approved', units: string[] = ['u1']) => ({ ...A, responsibleUnits: units, ...(state ? { state } : {}) });
    it('the responsible unit’s operator enters and submits drafts; without a unit, the planner does', () => {
      expect(allowed((u) => realization.can(u, 'enter', rec()))).toEqual(['operator']);
      expect(allowed((u) => realization.can(u, 'enter', rec(undefined, ['u2'])))).toEqual([]);
      expect(allowed((u) => realization.can(u, 'enter', rec(undefined, [])))).toEqual(['planner']);
      expect(allowed((u) => realization.can(u, 'submit', rec('draft')))).toEqual(['operator']);
      expect(realization.can(user('operator', { agencyId: 'b' }), 'enter', rec())).toBe(false);
    });
    it('only a draft changes; verify, approve, return and reopen follow the state', () => {
      for (const s of ['submitted', 'verified', 'approved'] as const) {
        expect(allowed((u) => realization.can(u, 'enter', rec(s))), s).toEqual([]);
        expect(allowed((u) => realization.can(u, 'evidence', rec(s))), s).toEqual([]);
      }
      expect(allowed((u) => realization.can(u, 'verify', rec('submitted')))).toEqual(['planner']);
      expect(allowed((u) => realization.can(u, 'verify', rec('draft')))).toEqual([]);
      expect(allowed((u) => realization.can(u, 'approve', rec('verified')))).toEqual(['head']);
      expect(allowed((u) => realization.can(u, 'return', rec('submitted')))).toEqual(['planner']);
      expect(allowed((u) => realization.can(u, 'return', rec('verified')))).toEqual(['planner', 'head']);
      expect(allowed((u) => realization.can(u, 'reopen', rec('approved')))).toEqual(['head']);
      expect(allowed((u) => realization.can(u, 'reopen', rec('verified')))).toEqual([]);
    });
  });
});
