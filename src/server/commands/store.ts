/**
 * The server's access to agencies in the store.
 *
 * Reading: an agency's dataset is exported from the store (datasets.ts) and kept in memory
 * with its measurements, keyed by the row versions PostgreSQL keeps anyway: the `xmin` of
 * the agency's row (the transaction that last wrote it) and of its region's row. Every import
 * and every edit rewrites the agency's row, so a changed agency always has a new `xmin`,
 * whoever changed it (this server, another process, the command line); an unchanged one is
 * served from memory.
 *
 * Writing: an edit runs in one transaction that takes the agency's advisory lock (the same
 * lock imports take, so edits and imports of one agency run one after the other), reads the
 * dataset as stored, applies a pure edit (src/core/edit), validates the whole result, writes
 * it back (DELETE of the agency, set-based INSERTs, as an import does) and appends to the
 * audit log. A failure rolls everything back.
 */
import type pg from 'pg';
import type { Dataset, Settings } from '../../core/dataset/schema.js';
import { measure } from '../../core/measure/index.js';
import type { RegisterFigures } from '../../core/measure/register.js';
import type { MeasureResult } from '../../core/measure/types.js';
import { figuresKey } from '../../core/registers/figures-plain.js';
import { assembleDatasets, flattenDataset, insertRows, readRows, transaction } from '../../store/datasets.js';
import { queryPrepared } from '../../store/prepared.js';
import { countsFromRegisters, figuresForYear, figuresInputKey, registerStamp } from '../../store/register-counts.js';
import { FreshReads } from '../coalesce.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

export interface AgencyRef {
  id: string;
  name: string;
  region: string;
}

/** An agency as a request found it: with the row versions it had then (see {@link AgencyCache}). */
export interface SeenAgency extends AgencyRef {
  /** `xmin` of the agency's row and of its region's row, when the request read them */
  rev: string;
}

export async function findAgency(db: Queryable, id: string): Promise<AgencyRef | undefined> {
  const { rows } = await db.query<AgencyRef>('SELECT id, name, region FROM agencies WHERE id = $1', [id]);
  return rows[0];
}

/**
 * The agency of a request's path and its revision in one query, a prepared statement of the
 * connection (parsed and planned once: store/prepared.ts). Every request to an agency's route
 * asks this once; the cache then answers from memory when the revision is the one it holds.
 */
export async function findAgencyRevision(pool: pg.Pool, id: string): Promise<SeenAgency | undefined> {
  const { rows } = await queryPrepared<SeenAgency>(
    pool,
    'agency_revision',
    `SELECT a.id, a.name, a.region, a.xmin::text || ':' || r.xmin::text AS rev
       FROM agencies a JOIN regions r ON r.name = a.region WHERE a.id = $1`,
    [id],
  );
  return rows[0];
}

export async function listAgencies(db: Queryable, region?: string): Promise<(AgencyRef & { abbreviation: string | null })[]> {
  const { rows } = await db.query<AgencyRef & { abbreviation: string | null }>(
    `SELECT id, name, region, abbreviation FROM agencies WHERE $1::text IS NULL OR region = $1
      ORDER BY region COLLATE "C", position, id COLLATE "C"`,
    [region ?? null],
  );
  return rows;
}

interface Revision {
  rev: string;
  region: string;
  regionSettings: Settings | undefined;
}

const REVISION_SQL = `SELECT a.xmin::text || ':' || r.xmin::text AS rev, a.region, r.settings
  FROM agencies a JOIN regions r ON r.name = a.region WHERE a.id = $1`;

async function revisionOf(db: Queryable, id: string): Promise<Revision | undefined> {
  const { rows } = await db.query<{ rev: string; region: string; settings: Settings | null }>(REVISION_SQL, [id]);
  const r = rows[0];
  return r ? { rev: r.rev, region: r.region, regionSettings: r.settings ?? undefined } : undefined;
}

export interface LoadedAgency {
  dataset: Dataset;
  region: string;
  regionSettings: Settings | undefined;
  /** changes whenever the agency or its region is written */
  rev: string;
  /** results derived from this revision of the dataset, kept with it (dashboards) */
  memo: Map<string, unknown>;
}

interface CacheEntry extends LoadedAgency {
  /** by year and the register figures the measurement was made with ({@link figuresKey}) */
  measures: Map<string, MeasureResult>;
}

/** A measurement with the register figures it was made with. */
export interface Measured {
  agency: LoadedAgency;
  result: MeasureResult;
  /** the register figures of the year (undefined when the dataset counts nothing from registers) */
  registerFigures: RegisterFigures | undefined;
  /** differs whenever the figures do: a result derived from the measurement is kept per revision and this */
  variant: string;
}

/** Datasets and their measurements in memory, valid while the store's row versions stay the same. */
export class AgencyCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** loads running now, so that concurrent requests for one changed agency read it once */
  private readonly loading = new Map<string, Promise<CacheEntry | undefined>>();
  /** register figures by agency and year, with what they were counted from ({@link registerFigures}) */
  private readonly figures = new Map<string, Map<number, { key: string; figures: RegisterFigures | undefined }>>();
  /** results derived from a whole region (its dashboards), kept with the revisions of its agencies they were made from */
  readonly regionMemo = new Map<string, unknown>();
  /** the agency and revision lookups of requests: concurrent requests share one read started after they came */
  private readonly revisions: FreshReads<string, SeenAgency | undefined>;
  /** the revisions of a region's agencies, in its order, read as {@link revisions} are */
  private readonly regionRevisions: FreshReads<string, { id: string; rev: string }[]>;
  constructor(private readonly pool: pg.Pool) {
    this.revisions = new FreshReads((id) => findAgencyRevision(pool, id));
    this.regionRevisions = new FreshReads(async (region) => {
      const { rows } = await queryPrepared<{ id: string; rev: string }>(
        pool,
        'region_revisions',
        `SELECT a.id, a.xmin::text || ':' || r.xmin::text AS rev FROM agencies a JOIN regions r ON r.name = a.region
          WHERE a.region = $1 ORDER BY a.position, a.id COLLATE "C"`,
        [region],
      );
      return rows;
    });
  }

  /**
   * The agency of a request's path with its revision ({@link findAgencyRevision}), read after
   * the request came: requests that come while a lookup of the agency runs share the next one
   * (../coalesce.ts), so a change committed before a request came is always seen by it.
   */
  async find(id: string): Promise<SeenAgency | undefined> {
    const found = await this.revisions.get(id);
    return found && { ...found };
  }

  /**
   * The agency's entry. `seen` is the revision the caller read in this request
   * ({@link findAgencyRevision}): when the entry in memory has it, no query is made; otherwise
   * the revision is read here first.
   */
  private async entry(id: string, seen?: string): Promise<CacheEntry | undefined> {
    const cached = this.entries.get(id);
    if (seen !== undefined && cached?.rev === seen) return cached;
    if (seen === undefined) {
      const current = await revisionOf(this.pool, id);
      if (!current) {
        this.entries.delete(id);
        return undefined;
      }
      if (cached && cached.rev === current.rev) return cached;
      seen = current.rev;
    }
    // a load already running serves this request only when it read the revision this request saw
    for (let running = this.loading.get(id); running; running = this.loading.get(id)) {
      const e = await running.catch(() => undefined); // its error is its own request's
      if (e && e.rev === seen) return e;
    }
    const load: Promise<CacheEntry | undefined> = this.read(id).finally(() => {
      if (this.loading.get(id) === load) this.loading.delete(id);
    });
    this.loading.set(id, load);
    return load;
  }

  private async read(id: string): Promise<CacheEntry | undefined> {
    // read the revision and the rows in one snapshot, so the label always matches the data
    const loaded = await transaction(
      this.pool,
      async (client) => {
        const rev = await revisionOf(client, id);
        if (!rev) return undefined;
        const [dataset] = assembleDatasets(await readRows(client, [id]));
        return dataset ? { ...rev, dataset } : undefined;
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    if (!loaded) {
      this.entries.delete(id);
      return undefined;
    }
    const entry: CacheEntry = { ...loaded, measures: new Map(), memo: new Map() };
    this.entries.set(id, entry);
    return entry;
  }

  /** The agency's dataset; `seen`: the revision this request read (no query when it is the one in memory). */
  async load(id: string, seen?: string): Promise<LoadedAgency | undefined> {
    return this.entry(id, seen);
  }

  /**
   * Every agency of a region measured for a year, in the region's order: the revisions of all
   * of them are read with one query (shared by concurrent requests, read after they came), and
   * only agencies changed since they were cached are read again.
   */
  async measureRegion(region: string, year: number, today: string): Promise<(Measured & { id: string; rev: string })[]> {
    const rows = await this.regionRevisions.get(region);
    const out = [];
    for (const { id, rev } of rows) {
      const e = await this.entry(id, rev);
      if (!e) continue; // removed meanwhile
      out.push({ id, rev: e.rev, ...(await this.measured(id, e, year, today)) });
    }
    return out;
  }

  /**
   * The register figures of a stored agency's dataset for a measurement of `year`, as of
   * `today` (store/register-counts.ts). A register's import does not change the agency's
   * revision and the periods ended change with the day: the figures kept are used while the
   * registers' stamp (`registerStamp`: one query), the day and the dataset's definitions stay the
   * same, and counted again otherwise.
   */
  async registerFigures(id: string, dataset: Dataset, year: number, today: string): Promise<RegisterFigures | undefined> {
    if (!countsFromRegisters(dataset)) return undefined;
    // counted again only when the rows (their stamp), the day or the definitions changed: one small query otherwise
    const key = `${year}\u0000${today}\u0000${await registerStamp(this.pool, id)}\u0000${figuresInputKey(dataset)}`;
    const kept = this.figures.get(id)?.get(year);
    if (kept?.key === key) return kept.figures;
    const figures = await figuresForYear(this.pool, id, dataset, year, today);
    const byYear = this.figures.get(id) ?? this.figures.set(id, new Map()).get(id)!;
    byYear.set(year, { key, figures });
    return figures;
  }

  private async measured(id: string, e: CacheEntry, year: number, today: string): Promise<Measured> {
    const registerFigures = await this.registerFigures(id, e.dataset, year, today);
    const variant = figuresKey(registerFigures);
    const key = `${year}\u0000${variant}`;
    let result = e.measures.get(key);
    if (!result) {
      result = measure(e.dataset, year, { regionSettings: e.regionSettings, ...(registerFigures ? { registerFigures } : {}) });
      // one measurement per year is kept: figures that changed replace the older one
      for (const k of e.measures.keys()) if (k.startsWith(`${year}\u0000`)) e.measures.delete(k);
      e.measures.set(key, result);
    }
    return { agency: e, result, registerFigures, variant };
  }

  /**
   * `measure(dataset, year)` with the region's settings and the register figures as of `today`:
   * the `kinerja measure --agency --json` result.
   */
  async measure(id: string, year: number, seen: string | undefined, today: string): Promise<Measured | undefined> {
    const e = await this.entry(id, seen);
    if (!e) return undefined;
    return this.measured(id, e, year, today);
  }
}

/** Serialize writers of one agency (the store's import takes the same lock). */
export async function lockAgency(client: Queryable, id: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(1265527410, hashtext($1))', [`agency:${id}`]);
}

export interface StoredAgency {
  dataset: Dataset;
  region: string;
  position: number;
  regionSettings: Settings | undefined;
}

/** The agency as stored, read inside a writing transaction (after {@link lockAgency}). */
export async function readForUpdate(client: Queryable, id: string): Promise<StoredAgency | undefined> {
  const { rows } = await client.query<{ region: string; position: number; settings: Settings | null }>(
    'SELECT a.region, a.position, r.settings FROM agencies a JOIN regions r ON r.name = a.region WHERE a.id = $1',
    [id],
  );
  const meta = rows[0];
  if (!meta) return undefined;
  const [dataset] = assembleDatasets(await readRows(client, [id]));
  return dataset ? { dataset, region: meta.region, position: meta.position, regionSettings: meta.settings ?? undefined } : undefined;
}

/** Replace the agency's rows with `dataset`, in its place in its region. */
export async function writeAgency(client: Queryable, id: string, dataset: Dataset, where: { region: string; position: number }): Promise<void> {
  const rows = flattenDataset(dataset, where);
  await client.query('DELETE FROM agencies WHERE id = $1', [id]);
  await insertRows(client, rows);
}

export { transaction };
