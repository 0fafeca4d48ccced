/** Accounts as the API shows them, and the checks of an account's scope. */
import type pg from 'pg';
import { LOGIN_PATTERN } from '../auth.js';
import { HttpError, text as t } from '../errors.js';
import type { Role } from '../policies/types.js';
import type { AgencyCache } from './store.js';
import { findAgency } from './store.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface Account {
  id: string;
  username: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  unitId: string | null;
  region: string | null;
  active: boolean;
  createdAt: string;
}

const SELECT = `SELECT u.id, u.username, u.name, u.email, u.role, u.agency_id AS "agencyId", u.unit_id AS "unitId",
  coalesce(u.region, a.region) AS region, u.active, u.created_at AS "createdAt"
  FROM auth_user u LEFT JOIN agencies a ON a.id = u.agency_id`;

type Row = Omit<Account, 'createdAt'> & { createdAt: Date };
const toAccount = (r: Row): Account => ({ ...r, createdAt: r.createdAt.toISOString() });

/** Accounts of a region: its admins and evaluators, and the accounts of its agencies. */
export async function listAccounts(db: Queryable, region: string): Promise<Account[]> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE coalesce(u.region, a.region) = $1 ORDER BY u.role, u.username`, [region]);
  return rows.map(toAccount);
}

export async function getAccount(db: Queryable, id: string): Promise<Account | undefined> {
  const { rows } = await db.query<Row>(`${SELECT} WHERE u.id = $1`, [id]);
  return rows[0] ? toAccount(rows[0]) : undefined;
}

export interface Scope {
  role: Role;
  agencyId: string | null;
  unitId: string | null;
  region: string | null;
}

/**
 * Check a role's scope against the store and return it complete (an agency account's region
 * is its agency's). admin and evaluator: a region; planner and head: an agency; operator: an
 * agency and one of its units.
 */
export async function checkScope(db: Queryable, cache: AgencyCache, s: Scope, where = 'body'): Promise<Scope & { region: string }> {
  const bad = (field: string, en: string, id: string) => new HttpError(422, 'invalid-scope', t(en, id), { where: `${where}.${field}` });
  if (s.role === 'admin' || s.role === 'evaluator') {
    if (!s.region) throw bad('region', `an ${s.role} account works for a region: give "region"`, `akun ${s.role} bekerja untuk suatu daerah: isikan "region"`);
    if (s.agencyId || s.unitId) {
      throw bad(
        'agencyId',
        `an ${s.role} account works for a region, not an agency: leave "agencyId" and "unitId" out`,
        `akun ${s.role} bekerja untuk suatu daerah, bukan untuk perangkat daerah: kosongkan "agencyId" dan "unitId"`,
      );
    }
    return { ...s, agencyId: null, unitId: null, region: s.region };
  }
  if (!s.agencyId) throw bad('agencyId', `a ${s.role} account works for an agency: give "agencyId"`, `akun ${s.role} bekerja untuk suatu perangkat daerah: isikan "agencyId"`);
  const agency = await findAgency(db, s.agencyId);
  if (!agency) throw bad('agencyId', `no agency "${s.agencyId}"`, `tidak ada perangkat daerah "${s.agencyId}"`);
  if (s.role !== 'operator') {
    if (s.unitId) throw bad('unitId', `only an operator account has a unit`, `hanya akun operator yang memiliki unit kerja`);
    return { ...s, unitId: null, region: agency.region };
  }
  if (!s.unitId) {
    throw bad('unitId', 'an operator account enters the realizations of one unit: give "unitId"', 'akun operator mengisi realisasi satu unit kerja: isikan "unitId"');
  }
  const units = (await cache.load(agency.id))?.dataset.organization?.units ?? [];
  if (!units.some((u) => u.id === s.unitId)) {
    const known = units.map((u) => u.id).join(', ');
    throw bad(
      'unitId',
      `no unit "${s.unitId}" in agency ${agency.id} (units: ${known || 'none'})`,
      `tidak ada unit kerja "${s.unitId}" dalam perangkat daerah ${agency.id} (unit kerja yang ada: ${known || 'belum ada'})`,
    );
  }
  return { ...s, region: agency.region };
}

export function checkLogin(username: string): string {
  const login = username.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(login)) {
    throw new HttpError(
      422,
      'invalid-username',
      t(
        'a login name has 3 to 64 of: lowercase letters, digits, ".", "_", "-", "@"',
        'nama login terdiri atas 3 sampai 64 karakter berupa huruf kecil, angka, ".", "_", "-", atau "@"',
      ),
      { where: 'body.username' },
    );
  }
  return login;
}
