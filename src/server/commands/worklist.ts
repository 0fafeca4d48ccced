/**
 * The worklist of a user ("Tugas saya"): the agencies in their scope loaded, the realizations
 * returned to draft read from the audit log, and the core's worklist at today.
 */
import type pg from 'pg';
import { latestDataYear, overdueCounts, worklistFor, type ReturnedEntry, type WorkAgency } from '../../core/worklist/worklist.js';
import type { ServerDeps } from '../deps.js';
import { isRegionRole, type User } from '../policies/types.js';
import { listAgencies } from './store.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The workflow steps of a realization in the audit log, the latest of which says whether it stands returned. */
const STEPS = ['submit', 'verify', 'approve', 'return', 'reopen', 'delete'];

/** For each agency, the realizations whose latest workflow step was a return (`key` = `indicatorRef@year/period`). */
export async function returnedEntries(db: Queryable, agencyIds: readonly string[]): Promise<Map<string, ReturnedEntry[]>> {
  const out = new Map<string, ReturnedEntry[]>();
  if (agencyIds.length === 0) return out;
  const { rows } = await db.query<{ agency_id: string; record_key: string; action: string; at: Date; note: string | null }>(
    `SELECT DISTINCT ON (agency_id, record_key) agency_id, record_key, action, at, note
       FROM audit_log
      WHERE agency_id = ANY($1::text[]) AND entity = 'realization' AND action = ANY($2::text[])
      ORDER BY agency_id, record_key, id DESC`,
    [agencyIds, STEPS],
  );
  for (const r of rows) {
    if (r.action !== 'return') continue;
    const list = out.get(r.agency_id) ?? [];
    list.push({ key: r.record_key, at: r.at.toISOString(), note: r.note });
    out.set(r.agency_id, list);
  }
  return out;
}

/** The agencies a user works on: their own, or every agency of their region (admin, evaluator). */
async function agenciesOf(deps: ServerDeps, user: User, today: string): Promise<WorkAgency[]> {
  const refs = isRegionRole(user)
    ? user.region === null
      ? []
      : await listAgencies(deps.pool, user.region)
    : user.agencyId === null
      ? []
      : await listAgencies(deps.pool).then((all) => all.filter((a) => a.id === user.agencyId));
  const out: WorkAgency[] = [];
  for (const a of refs) {
    const l = await deps.cache.load(a.id);
    if (!l) continue; // removed meanwhile
    const agency: WorkAgency = { id: a.id, name: a.abbreviation ?? a.name, dataset: l.dataset, regionSettings: l.regionSettings };
    if (user.role === 'admin') {
      // the admin's view of a region: each agency's overdue counts, computed once per revision and day
      const kept = l.memo.get('worklist-overdue') as { today: string; counts: NonNullable<WorkAgency['overdue']> } | undefined;
      const counts = kept?.today === today ? kept.counts : overdueCounts(agency, today);
      if (kept?.today !== today) l.memo.set('worklist-overdue', { today, counts });
      agency.overdue = counts;
    }
    out.push(agency);
  }
  return out;
}

export async function worklistOf(deps: ServerDeps, user: User, today: string) {
  const agencies = await agenciesOf(deps, user, today);
  // the returned entries matter to those who enter and verify; the region's roles see none of them
  if (user.role === 'operator' || user.role === 'planner') {
    const returned = await returnedEntries(deps.pool, agencies.map((a) => a.id));
    for (const a of agencies) a.returned = returned.get(a.id) ?? [];
  }
  const w = worklistFor({ role: user.role, unitId: user.unitId }, agencies, today);
  return { ...w, latestYear: latestDataYear(agencies.map((a) => a.dataset)) };
}
