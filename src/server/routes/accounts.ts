/** Accounts, managed by the region's admin (policies/account.ts). */
import { z } from 'zod';
import { createAccount, endSessions, forgetUser, placeholderEmail, setPassword } from '../auth.js';
import { appendAudit } from '../commands/audit.js';
import { checkLogin, checkScope, getAccount, listAccounts, type Account } from '../commands/accounts.js';
import { conflict } from '../commands/edit.js';
import { transaction } from '../commands/store.js';
import { forbidden, HttpError, notFound, text as t } from '../errors.js';

const ONLY_ADMIN_CHANGES = t('only the region’s admin changes its accounts', 'hanya admin daerah yang mengubah akun daerahnya');
import * as accountPolicy from '../policies/account.js';
import { defineRoute } from '../route.js';
import { AccountList, VersionedAccount } from '../responses.js';
import { named, RoleSchema, Version } from '../schemas.js';
import { versionOf } from '../versions.js';


/** An account's version covers what an admin edits (not timestamps). */
const accountVersion = (a: Account) => versionOf({ ...a, createdAt: undefined });
const withVersion = (a: Account) => ({ record: a, version: accountVersion(a) });
const auditView = (a: Account) => ({ ...a, createdAt: undefined });

export const list = defineRoute({
  id: 'accounts.list',
  method: 'get',
  path: '/api/accounts',
  tag: 'accounts',
  summary: "The accounts of the admin's region",
  auth: 'user',
  response: AccountList,
  async handler({ deps, user }) {
    if (!user.region || !accountPolicy.can(user, 'list', { region: user.region })) throw forbidden(t('only the region’s admin manages accounts', 'hanya admin daerah yang mengelola akun'));
    return { accounts: (await listAccounts(deps.pool, user.region)).map(withVersion) };
  },
});

export const create = defineRoute({
  id: 'accounts.create',
  method: 'post',
  path: '/api/accounts',
  tag: 'accounts',
  summary: 'Create an account with a first password',
  auth: 'user',
  status: 201,
  body: named(
    z.object({
      username: z.string().describe('login name: 3–64 of lowercase letters, digits, . _ - @'),
      name: z.string().min(1),
      email: z.email().optional(),
      role: RoleSchema,
      agencyId: z.string().optional().describe('planner, operator, head: the agency'),
      unitId: z.string().optional().describe("operator: the unit (organization.units) whose indicators' realizations it enters"),
      region: z.string().optional().describe("admin, evaluator: the region (default: the admin's own)"),
      password: z.string().min(8).max(200),
    }),
    'NewAccount',
  ),
  response: VersionedAccount,
  async handler({ deps, user, body }) {
    // refused before the scope is looked at: a non-admin learns nothing about which agencies or units exist
    if (!accountPolicy.can(user, 'create', { region: user.region ?? '' })) throw forbidden(t('only the region’s admin creates its accounts', 'hanya admin daerah yang membuat akun daerahnya'));
    const login = checkLogin(body.username);
    const regionRole = body.role === 'admin' || body.role === 'evaluator';
    const scope = await checkScope(deps.pool, deps.cache, {
      role: body.role,
      agencyId: body.agencyId ?? null,
      unitId: body.unitId ?? null,
      region: regionRole ? (body.region ?? user.region) : null,
    });
    if (!accountPolicy.can(user, 'create', { region: scope.region })) throw forbidden(t('only the region’s admin creates its accounts', 'hanya admin daerah yang membuat akun daerahnya'));
    const email = (body.email ?? placeholderEmail(login)).toLowerCase();
    const taken = await deps.pool.query('SELECT 1 FROM auth_user WHERE username = $1 OR email = $2', [login, email]);
    if (taken.rows.length > 0) {
      throw new HttpError(409, 'duplicate-account', t(`the login name "${login}" (or the e-mail) is taken`, `nama login "${login}" (atau surelnya) sudah dipakai`), {
        where: 'body.username',
      });
    }
    const id = await createAccount(deps.auth, {
      username: login,
      name: body.name,
      ...(body.email !== undefined ? { email: body.email } : {}),
      role: scope.role,
      agencyId: scope.agencyId,
      unitId: scope.unitId,
      region: regionRole ? scope.region : null,
      password: body.password,
    });
    const account = (await getAccount(deps.pool, id))!;
    await appendAudit(deps.pool, {
      actor: user,
      region: scope.region,
      agencyId: scope.agencyId,
      entity: 'account',
      key: id,
      action: 'create',
      before: null,
      after: auditView(account),
    });
    return withVersion(account);
  },
});

export const update = defineRoute({
  id: 'accounts.update',
  method: 'patch',
  path: '/api/accounts/:id',
  tag: 'accounts',
  summary: 'Change an account: name, role and scope, active (a disabled account loses its sessions), a new password',
  auth: 'user',
  params: z.object({ id: z.string().min(1) }),
  body: named(
    z.object({
      version: Version,
      name: z.string().min(1).optional(),
      role: RoleSchema.optional(),
      agencyId: z.string().nullable().optional(),
      unitId: z.string().nullable().optional(),
      region: z.string().nullable().optional(),
      active: z.boolean().optional(),
      password: z.string().min(8).max(200).optional().describe('a new password; ends the account’s sessions'),
    }),
    'AccountChanges',
  ),
  response: VersionedAccount,
  async handler({ deps, user, params, body }) {
    if (user.role !== 'admin') throw forbidden(ONLY_ADMIN_CHANGES);
    const current = await getAccount(deps.pool, params.id);
    if (!current || !current.region || !accountPolicy.can(user, 'list', { region: current.region })) {
      throw notFound(t(`no account "${params.id}" (or none you may manage)`, `tidak ada akun "${params.id}" (atau yang boleh Anda kelola)`), 'params.id');
    }
    const role = body.role ?? current.role;
    const roleChanged = body.role !== undefined && body.role !== current.role;
    const regionRole = role === 'admin' || role === 'evaluator';
    const pick = <K extends 'agencyId' | 'unitId' | 'region'>(k: K) => (body[k] !== undefined ? body[k] : roleChanged ? null : current[k]);
    const scope = await checkScope(deps.pool, deps.cache, {
      role,
      agencyId: pick('agencyId'),
      unitId: pick('unitId'),
      region: regionRole ? (pick('region') ?? user.region) : null,
    });
    const changes = { ...(body.role !== undefined ? { role: body.role } : {}), ...(body.active !== undefined ? { active: body.active } : {}) };
    if (!accountPolicy.can(user, 'update', { id: current.id, region: scope.region, changes })) {
      throw forbidden(
        current.id === user.id
          ? t('an admin cannot disable or demote their own account', 'admin tidak dapat menonaktifkan atau menurunkan peran akunnya sendiri')
          : ONLY_ADMIN_CHANGES,
      );
    }
    // check the version and write in one transaction (the row locked), so two admins cannot both win
    await transaction(deps.pool, async (client) => {
      await client.query('SELECT 1 FROM auth_user WHERE id = $1 FOR UPDATE', [current.id]);
      const now = (await getAccount(client, current.id))!;
      if (body.version !== accountVersion(now)) {
        const changed = t(
          `account ${now.username} was changed after you read it; nothing was written`,
          `akun ${now.username} telah diubah setelah Anda membacanya; tidak ada yang disimpan`,
        );
        throw conflict(now, changed, accountVersion(now));
      }
      await client.query(
        `UPDATE auth_user SET name = $2, role = $3, agency_id = $4, unit_id = $5, region = $6, active = $7, updated_at = now() WHERE id = $1`,
        [current.id, body.name ?? now.name, role, scope.agencyId, scope.unitId, regionRole ? scope.region : null, body.active ?? now.active],
      );
    });
    if (body.password !== undefined) await setPassword(deps.auth, current.id, body.password);
    if (body.active === false || body.password !== undefined || roleChanged) await endSessions(deps.auth, current.id);
    else forgetUser(deps.auth, current.id); // a new name or scope is seen on the next request
    const after = (await getAccount(deps.pool, current.id))!;
    await appendAudit(deps.pool, {
      actor: user,
      region: scope.region,
      agencyId: scope.agencyId,
      entity: 'account',
      key: current.id,
      action: 'update',
      before: auditView(current),
      after: auditView(after),
      ...(body.password !== undefined ? { note: 'password set by the admin' } : {}),
    });
    return withVersion(after);
  },
});
