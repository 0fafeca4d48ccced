/**
 * Snapshots of agencies (migration 0005): an agency as it was before an import or a restore
 * replaced it, or a pruning region import removed it — written by the import itself, inside its
 * transaction (datasets.ts), so a snapshot exists exactly when the change happened. Listed per
 * agency or region, read whole to restore. Never changed or removed (the table's triggers).
 *
 * The import token: what a preview was computed against (each agency's digest, or none), so
 * that storing refuses when the data changed since the person confirmed what they saw.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Dataset } from '../core/dataset/schema.js';
import { canonicalJson } from '../core/report/publication.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export type SnapshotReason = 'import' | 'restore' | 'remove';

export interface SnapshotSummary {
  id: number;
  agencyId: string;
  agencyName: string;
  region: string;
  takenAt: string;
  takenBy: string;
  reason: SnapshotReason;
  digest: string;
  /** counts of what it holds, to recognise it */
  counts: { plans: number; agreements: number; programs: number; realizations: number };
}

/** The SHA-256 of a dataset's canonical JSON. */
export function datasetDigest(ds: Dataset): string {
  return createHash('sha256').update(canonicalJson(ds)).digest('hex');
}

/** What a preview saw of the agencies an import touches: `id=digest` (or `id=none`), sorted, hashed. */
export function importToken(states: ReadonlyMap<string, Dataset | undefined>): string {
  const parts = [...states.entries()].map(([id, ds]) => `${id}=${ds ? datasetDigest(ds) : 'none'}`).sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** Keep `ds` as it is now, before `reason` replaces or removes it (call inside the change's transaction). */
export async function takeSnapshot(client: Queryable, ds: Dataset, opts: { agencyId: string; region: string; by: string; reason: SnapshotReason }): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO agency_snapshots (agency_id, region, agency_name, taken_by, reason, digest, dataset)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
    [opts.agencyId, opts.region, ds.agency.name, opts.by, opts.reason, datasetDigest(ds), JSON.stringify(ds)],
  );
  return Number(rows[0]!.id);
}

interface SnapshotRow {
  id: string;
  agency_id: string;
  agency_name: string;
  region: string;
  taken_at: Date;
  taken_by: string;
  reason: SnapshotReason;
  digest: string;
  plans: number;
  agreements: number;
  programs: number;
  realizations: number;
}

const SUMMARY = `id, agency_id, agency_name, region, taken_at, taken_by, reason, digest,
  coalesce(jsonb_array_length(dataset->'plans'), 0) AS plans,
  coalesce(jsonb_array_length(dataset->'agreements'), 0) AS agreements,
  coalesce(jsonb_array_length(dataset->'programs'), 0) AS programs,
  coalesce(jsonb_array_length(dataset->'realizations'), 0) AS realizations`;

const summaryOf = (r: SnapshotRow): SnapshotSummary => ({
  id: Number(r.id),
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  region: r.region,
  takenAt: r.taken_at.toISOString(),
  takenBy: r.taken_by,
  reason: r.reason,
  digest: r.digest,
  counts: { plans: r.plans, agreements: r.agreements, programs: r.programs, realizations: r.realizations },
});

export interface SnapshotQueries {
  /** The snapshots of an agency, or of every agency of a region, newest first. */
  list(scope: { agencyId: string } | { region: string }, limit?: number): Promise<SnapshotSummary[]>;
  /** One snapshot with its dataset. */
  get(id: number): Promise<(SnapshotSummary & { dataset: Dataset }) | undefined>;
}

export function createSnapshotQueries(pool: pg.Pool): SnapshotQueries {
  return {
    async list(scope, limit = 200) {
      const { rows } = await pool.query<SnapshotRow>(
        `SELECT ${SUMMARY} FROM agency_snapshots WHERE ${'agencyId' in scope ? 'agency_id' : 'region'} = $1 ORDER BY id DESC LIMIT $2`,
        ['agencyId' in scope ? scope.agencyId : scope.region, limit],
      );
      return rows.map(summaryOf);
    },
    async get(id) {
      const { rows } = await pool.query<SnapshotRow & { dataset: Dataset }>(`SELECT ${SUMMARY}, dataset FROM agency_snapshots WHERE id = $1`, [id]);
      const r = rows[0];
      return r ? { ...summaryOf(r), dataset: r.dataset } : undefined;
    },
  };
}
