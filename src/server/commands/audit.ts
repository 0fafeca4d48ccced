/**
 * The audit log: every change made through the server, who made it, when, to which record,
 * and the record before and after. Append-only: the store refuses UPDATE, DELETE and
 * TRUNCATE of `audit_log` with a trigger (0003_web.sql), and the API has no route that
 * changes it.
 */
import type pg from 'pg';
import type { User } from '../policies/types.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface AuditInput {
  actor: Pick<User, 'id' | 'username' | 'role'> | { id: null; username: string; role: null };
  region: string | null;
  agencyId: string | null;
  entity: string;
  key: string;
  action: string;
  before: unknown;
  after: unknown;
  note?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string | null; name: string; role: string | null };
  region: string | null;
  agency: string | null;
  entity: string;
  key: string;
  action: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export async function appendAudit(db: Queryable, e: AuditInput): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_name, actor_role, region, agency_id, entity, record_key, action, before, after, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)`,
    [
      e.actor.id,
      e.actor.username,
      e.actor.role,
      e.region,
      e.agencyId,
      e.entity,
      e.key,
      e.action,
      e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
      e.note ?? null,
    ],
  );
}

export interface AuditQuery {
  agencyId?: string;
  region?: string;
  entity?: string;
  key?: string;
  /** the login name of who made the change */
  actor?: string;
  action?: string;
  /** entries at or after this instant (ISO) */
  from?: string;
  /** entries before this instant (ISO) */
  to?: string;
  limit: number;
  /** entries with an id below this one (paging backwards) */
  before?: number;
}

/** Entries newest first. */
export async function readAudit(db: Queryable, q: AuditQuery): Promise<AuditEntry[]> {
  const { rows } = await db.query<{
    id: number;
    at: Date;
    actor_id: string | null;
    actor_name: string;
    actor_role: string | null;
    region: string | null;
    agency_id: string | null;
    entity: string;
    record_key: string;
    action: string;
    before: unknown;
    after: unknown;
    note: string | null;
  }>(
    `SELECT * FROM audit_log
      WHERE ($1::text IS NULL OR agency_id = $1) AND ($2::text IS NULL OR region = $2)
        AND ($3::text IS NULL OR entity = $3) AND ($4::text IS NULL OR record_key = $4)
        AND ($5::bigint IS NULL OR id < $5)
        AND ($7::text IS NULL OR actor_name = $7) AND ($8::text IS NULL OR action = $8)
        AND ($9::timestamptz IS NULL OR at >= $9) AND ($10::timestamptz IS NULL OR at < $10)
      ORDER BY id DESC LIMIT $6`,
    [q.agencyId ?? null, q.region ?? null, q.entity ?? null, q.key ?? null, q.before ?? null, q.limit, q.actor ?? null, q.action ?? null, q.from ?? null, q.to ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
    region: r.region,
    agency: r.agency_id,
    entity: r.entity,
    key: r.record_key,
    action: r.action,
    before: r.before,
    after: r.after,
    note: r.note,
  }));
}

/** Who made entries, and which entities and actions occur, in a scope: the choices of the audit page's filters. */
export async function auditFacets(db: Queryable, q: { agencyId?: string; region?: string }): Promise<{ actors: string[]; entities: string[]; actions: string[] }> {
  const where = `WHERE ($1::text IS NULL OR agency_id = $1) AND ($2::text IS NULL OR region = $2)`;
  const args = [q.agencyId ?? null, q.region ?? null];
  const col = async (c: 'actor_name' | 'entity' | 'action') =>
    (await db.query<{ v: string }>(`SELECT DISTINCT ${c} AS v FROM audit_log ${where} ORDER BY 1`, args)).rows.map((r) => r.v);
  return { actors: await col('actor_name'), entities: await col('entity'), actions: await col('action') };
}

/**
 * What was changed in the app in an agency since it was last imported or restored: `entity:key`
 * of every record edited (not imports, restores, removals or issued reports), for the import
 * preview to name what a file would lose.
 */
export async function editedSinceImport(db: Queryable, agencyId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ entity: string; record_key: string }>(
    `SELECT DISTINCT entity, record_key FROM audit_log
      WHERE agency_id = $1 AND action NOT IN ('import', 'restore', 'remove', 'publish')
        AND id > coalesce((SELECT max(id) FROM audit_log WHERE agency_id = $1 AND entity = 'agency' AND action IN ('import', 'restore')), 0)`,
    [agencyId],
  );
  return new Set(rows.map((r) => `${r.entity}:${r.record_key}`));
}
