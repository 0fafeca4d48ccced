/**
 * The rows of registers (registers.md; migration 0007): their own tables and their own write
 * path. The definitions live in the agency's dataset (`registers`, kept with the dataset's other
 * top-level sections); the rows live in `register_rows` (year-independent values) and
 * `register_year_values` (one row per entity and year).
 *
 * An import reads a file's rows as a stream: every row is checked (core/registers/rows.ts) and
 * the good ones go, in batches of one INSERT whose one parameter is a JSON array of the rows, into
 * a temporary staging table of the import's transaction. When any row has a problem the
 * transaction is undone and the problems are returned (the first `cap`, all counted). Otherwise
 * the preview — added, changed, removed by key, with counts and the first names — is computed in
 * SQL against the stored rows, and the transaction is either undone (a preview) or completed
 * with the stored rows replaced by the file's (`store`: only the preview's changes are written).
 * The file is the register's whole
 * content; per-year values are replaced only for the years the file has columns for, the other
 * years are kept.
 */
import type pg from 'pg';
import { text } from '../core/findings.js';
import type { Register } from '../core/dataset/schema.js';
import { danglingReference, duplicateKey, planColumns, RegisterError, rowChecker, type ColumnPlan, type Entity, type RowProblem, type SourceRow, type Value } from '../core/registers/rows.js';
import { likePattern, referringFields, type RowFilter } from '../core/registers/browse.js';

export { RegisterError, type SourceRow } from '../core/registers/rows.js';
import { registersStored } from './register-counts.js';
import { transaction } from './transaction.js';

/**
 * PGlite's shared buffers for a command that imports a register (`kinerja register import`): with
 * PGlite's 128 MB, opening alone took ~125 MB more; a 300.000-row import peaked ~50 MB lower with
 * 16 MB than with 32 MB, for about a tenth more CPU time in writing the GIN index (measured with
 * bench/registers.ts' rows).
 */
export const IMPORT_SHARED_BUFFERS = '16MB';

/** Tables of this module (the migrate test lists them). */
export const REGISTER_TABLES = ['register_rows', 'register_year_values'] as const;


export interface ChangeList {
  count: number;
  /** the names (label field, else key) of the first few */
  first: string[];
}

export interface RegisterPreview {
  added: ChangeList;
  changed: ChangeList;
  removed: ChangeList;
  unchanged: number;
}

export interface RegisterImportResult {
  register: string;
  /** data rows read (the header not counted) */
  rows: number;
  /** the years the file has columns for */
  years: number[];
  /** the first problems (at most `cap`) */
  problems: RowProblem[];
  /** every problem counted */
  problemCount: number;
  /** present when the file is good */
  preview?: RegisterPreview;
  stored: boolean;
}

export interface RegisterSummary {
  id: string;
  name: string;
  key: string;
  rows: number;
  years: number[];
  personal: string[];
}

/** An exported entity: key, values and per-year values. */
export type ExportedEntity = Entity;


export interface ImportOptions {
  /** store the rows (default: preview only) */
  store?: boolean;
  /** how many problems to list (default 100); all are counted */
  cap?: number;
  /** rows per staging INSERT (default 1000: larger batches took as much CPU and more memory) */
  batch?: number;
  /**
   * With `store`: called with the preview before anything is stored; `false` undoes the import
   * (nothing stored, `stored: false`): the web's confirm refuses when what the file would change
   * is not what the user was shown.
   */
  confirm?: (preview: RegisterPreview) => boolean;
  /** how many names each preview list shows (default 5) */
  firstNames?: number;
  /** filled with where the time went, in ms (bench/registers.ts): the file's rows read and checked (stage writes excluded), staged, previewed, stored */
  timings?: ImportTimings;
}

export interface ImportTimings {
  read: number;
  stage: number;
  preview: number;
  store: number;
  /** the same phases in CPU time of this process (with PGlite, the database's work too) */
  cpu: { read: number; stage: number; preview: number; store: number };
}

export interface RegisterQueries {
  /** An agency's register definitions; undefined when the agency is not stored. */
  definitions(agencyId: string): Promise<Register[] | undefined>;
  /** One definition, or a RegisterError naming the registers there are. */
  definition(agencyId: string, registerId: string): Promise<Register>;
  /** An agency's registers with their row counts and the years of their per-year values. */
  listRegisters(agencyId: string): Promise<RegisterSummary[]>;
  /** Check a file's rows, preview what they change and, with `store`, store them (one transaction). */
  importRows(agencyId: string, registerId: string, rows: AsyncIterable<SourceRow> | Iterable<SourceRow>, opts?: ImportOptions): Promise<RegisterImportResult>;
  /** The years stored for a register's per-year values. */
  yearsOf(agencyId: string, registerId: string): Promise<number[]>;
  /** A register's entities in key order, read in pages (memory stays flat). */
  exportRows(agencyId: string, registerId: string, opts?: { page?: number }): AsyncGenerator<ExportedEntity>;
  /** How many entities a register holds. */
  countRows(agencyId: string, registerId: string): Promise<number>;
  /** A page of a register's entities in key order: searched by key and label, filtered (per-year fields in `year`), with the total. */
  listRows(agencyId: string, reg: Register, opts: ListOptions): Promise<{ total: number; all: number; years: number[]; rows: Entity[] }>;
  /** One entity with all its per-year values, or undefined. */
  entity(agencyId: string, registerId: string, key: string): Promise<Entity | undefined>;
  /** An entity's history: the entities of the agency's other registers whose reference fields name it (newest first by their first date field). */
  entityEvents(agencyId: string, regs: readonly Register[], registerId: string, key: string, opts?: { limit?: number }): Promise<EntityEvents[]>;
}

export interface ListOptions {
  /** a text the key or the label contains (case does not matter) */
  q?: string;
  filters?: readonly RowFilter[];
  /** the year of the per-year filters */
  year?: number;
  /** 1-based */
  page?: number;
  size?: number;
}

/** The entities of one register that refer to an entity (its events). */
export interface EntityEvents {
  register: string;
  /** the reference fields that name the entity */
  fields: string[];
  total: number;
  /** the first `limit`, newest first */
  rows: Entity[];
}

const SCOPE = 'agency';
const q = (s: string): string => JSON.stringify(s);

class Rollback<T> {
  constructor(readonly value: T) {}
}

export function createRegisterQueries(pool: pg.Pool): RegisterQueries {
  const definitions = async (agencyId: string): Promise<Register[] | undefined> => {
    const r = await pool.query<{ regs: Register[] | null }>(`SELECT document_attrs -> 'registers' AS regs FROM agencies WHERE id = $1`, [agencyId]);
    if (r.rowCount === 0) return undefined;
    return r.rows[0]!.regs ?? [];
  };

  const definition = async (agencyId: string, registerId: string): Promise<Register> => {
    const defs = await definitions(agencyId);
    if (!defs) throw new RegisterError(text(`no agency ${q(agencyId)} in the database`, `tidak ada perangkat daerah ${q(agencyId)} dalam basis data`));
    const reg = defs.find((r) => r.id === registerId);
    if (!reg) {
      const there = defs.map((r) => r.id).join(', ');
      throw new RegisterError(
        defs.length === 0
          ? text(`agency ${q(agencyId)} defines no registers (the dataset's "registers")`, `perangkat daerah ${q(agencyId)} tidak mendefinisikan register (bagian "registers" dataset)`)
          : text(`agency ${q(agencyId)} has no register ${q(registerId)}; its registers: ${there}`, `perangkat daerah ${q(agencyId)} tidak memiliki register ${q(registerId)}; registernya: ${there}`),
      );
    }
    return reg;
  };

  return {
    definitions,
    definition,

    async listRegisters(agencyId) {
      const defs = await definitions(agencyId);
      if (!defs) throw new RegisterError(text(`no agency ${q(agencyId)} in the database`, `tidak ada perangkat daerah ${q(agencyId)} dalam basis data`));
      const counts = await pool.query<{ register: string; n: string }>(
        `SELECT register, count(*) AS n FROM register_rows WHERE scope = $1 AND owner = $2 GROUP BY register`,
        [SCOPE, agencyId],
      );
      const years = await pool.query<{ register: string; years: number[] }>(
        `SELECT register, array_agg(DISTINCT year ORDER BY year) AS years FROM register_year_values WHERE scope = $1 AND owner = $2 GROUP BY register`,
        [SCOPE, agencyId],
      );
      const n = new Map(counts.rows.map((r) => [r.register, Number(r.n)]));
      const y = new Map(years.rows.map((r) => [r.register, r.years.map(Number)]));
      return defs.map((d) => ({
        id: d.id,
        name: d.name,
        key: d.key,
        rows: n.get(d.id) ?? 0,
        years: y.get(d.id) ?? [],
        personal: d.fields.filter((f) => f.personal).map((f) => f.id),
      }));
    },

    async importRows(agencyId, registerId, source, opts = {}) {
      const reg = await definition(agencyId, registerId);
      const cap = opts.cap ?? 100;
      const batchSize = opts.batch ?? 1000;
      const firstN = opts.firstNames ?? 5;

      const problems: RowProblem[] = [];
      let problemCount = 0;
      const note = (ps: readonly RowProblem[]): void => {
        problemCount += ps.length;
        for (const p of ps) if (problems.length < cap) problems.push(p);
      };
      const result = (rows: number, years: number[], preview?: RegisterPreview, stored = false): RegisterImportResult => ({
        register: registerId,
        rows,
        years,
        problems,
        problemCount,
        ...(preview ? { preview } : {}),
        stored,
      });

      try {
        return await transaction(pool, async (client) => {
          // one import of a register at a time (a second waits): its preview and store see the rows as they stay
          await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`kinerja-register:${SCOPE}:${agencyId}:${registerId}`]);
          // every row with a key is staged (a refused file's with its key alone), and duplicate keys
          // are found there after the last row: the file's keys are not kept in memory (a Map of
          // 300.000 keys was 32 MB of heap), so memory stays flat however long the file
          await client.query(`CREATE TEMP TABLE register_stage (ord integer NOT NULL, key text COLLATE "C" NOT NULL, data jsonb, years jsonb) ON COMMIT DROP`);
          // the references the rows make (the column's position in the plan), checked against the stored keys after the last row
          await client.query(`CREATE TEMP TABLE register_stage_refs (ord integer NOT NULL, col integer NOT NULL, register text NOT NULL, value text NOT NULL) ON COMMIT DROP`);
          let check: ReturnType<typeof rowChecker> | undefined;
          let plan: ColumnPlan | undefined;
          let years: number[] = [];
          let rows = 0;
          let sawHeader = false;
          // a batch is one text parameter, a JSON array of [row, key, data, per-year data] that
          // the database parses once (each row's values are JSON-encoded once, not escaped again
          // into an array literal); a register without per-year columns sends no per-year JSON;
          // once the file is refused, a row sends [row, key]
          let batch: string[] = [];
          let refBatch: string[] = [];
          const tm = opts.timings;
          let mark = performance.now();
          let cpuMark = process.cpuUsage();
          const lap = (k: keyof ImportTimings['cpu']): void => {
            if (!tm) return;
            const now = performance.now();
            const cpu = process.cpuUsage();
            tm[k] += now - mark;
            tm.cpu[k] += (cpu.user - cpuMark.user + cpu.system - cpuMark.system) / 1000;
            mark = now;
            cpuMark = cpu;
          };
          const flush = async (): Promise<void> => {
            if (batch.length === 0 && refBatch.length === 0) return;
            lap('read');
            if (refBatch.length > 0) {
              const refs = `[${refBatch.join(',')}]`;
              refBatch = [];
              await client.query(
                `INSERT INTO register_stage_refs (ord, col, register, value) SELECT (e ->> 0)::int, (e ->> 1)::int, e ->> 2, e ->> 3 FROM jsonb_array_elements($1::jsonb) AS e`,
                [refs],
              );
            }
            if (batch.length === 0) return lap('stage');
            const json = `[${batch.join(',')}]`;
            batch = [];
            await client.query(
              years.length === 0
                ? `INSERT INTO register_stage (ord, key, data, years) SELECT (e ->> 0)::int, e ->> 1, e -> 2, '{}'::jsonb FROM jsonb_array_elements($1::jsonb) AS e`
                : `INSERT INTO register_stage (ord, key, data, years) SELECT (e ->> 0)::int, e ->> 1, e -> 2, e -> 3 FROM jsonb_array_elements($1::jsonb) AS e`,
              [json],
            );
            lap('stage');
          };
          for await (const { row, cells } of source) {
            if (!sawHeader) {
              sawHeader = true;
              const planned = planColumns(reg, cells, row);
              if (!planned.plan) {
                note(planned.problems);
                throw new Rollback(result(0, []));
              }
              plan = planned.plan;
              years = plan.years;
              check = rowChecker(plan, {}, { duplicates: false }); // keys and references are checked in the staging tables (noteStaged)
              continue;
            }
            if (cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
            rows++;
            const r = check!(row, cells);
            note(r.problems);
            if (r.references) for (const x of r.references) refBatch.push(JSON.stringify([row, x.column, x.register, x.value]));
            if (r.key !== undefined) {
              batch.push(
                JSON.stringify(
                  !r.entity || problemCount > 0 ? [row, r.key] : years.length === 0 ? [row, r.entity.key, r.entity.data] : [row, r.entity.key, r.entity.data, r.entity.years],
                ),
              );
            }
            if (batch.length >= batchSize || refBatch.length >= batchSize) await flush();
          }
          check = undefined;
          lap('read');
          await flush();
          if (plan) problemCount += await noteStaged(client, agencyId, plan, cap, problems);
          lap('stage');
          if (!sawHeader) {
            note([{ row: 1, column: reg.key, code: 'empty-file', message: text('the file is empty: expected a header row of field ids', 'berkas kosong: seharusnya ada baris judul berisi id kolom') }]);
          }
          if (problemCount > 0) throw new Rollback(result(rows, years));
          await client.query('ANALYZE register_stage');
          const preview = await previewOf(client, agencyId, reg, years, firstN);
          lap('preview');
          if (!opts.store) throw new Rollback(result(rows, years, preview));
          if (opts.confirm && !opts.confirm(preview)) throw new Rollback(result(rows, years, preview));
          await storeStage(client, agencyId, reg.id, years, preview);
          await registersStored(client);
          lap('store');
          return result(rows, years, preview, true);
        });
      } catch (e) {
        if (e instanceof Rollback) return e.value as RegisterImportResult;
        throw e;
      }
    },

    async yearsOf(agencyId, registerId) {
      const r = await pool.query<{ year: number }>(
        `SELECT DISTINCT year FROM register_year_values WHERE scope = $1 AND owner = $2 AND register = $3 ORDER BY year`,
        [SCOPE, agencyId, registerId],
      );
      return r.rows.map((x) => Number(x.year));
    },

    async *exportRows(agencyId, registerId, opts = {}) {
      const page = opts.page ?? 5000;
      let after: string | null = null;
      for (;;) {
        const r: pg.QueryResult<{ key: string; data: Record<string, Value>; years: Record<string, Record<string, Value>> | null }> = await pool.query(
          `SELECT r.key, r.data,
                  (SELECT jsonb_object_agg(v.year::text, v.data) FROM register_year_values v
                    WHERE v.scope = r.scope AND v.owner = r.owner AND v.register = r.register AND v.key = r.key) AS years
             FROM register_rows r
            WHERE r.scope = $1 AND r.owner = $2 AND r.register = $3 AND ($4::text IS NULL OR r.key > $4::text COLLATE "C")
            ORDER BY r.key LIMIT $5`,
          [SCOPE, agencyId, registerId, after, page],
        );
        for (const row of r.rows) yield { key: row.key, data: row.data, years: row.years ?? {} };
        if (r.rows.length < page) return;
        after = r.rows[r.rows.length - 1]!.key;
      }
    },

    async countRows(agencyId, registerId) {
      const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM register_rows WHERE scope = $1 AND owner = $2 AND register = $3`, [SCOPE, agencyId, registerId]);
      return Number(r.rows[0]!.n);
    },

    async listRows(agencyId, reg, opts) {
      const size = Math.max(1, Math.min(opts.size ?? 25, 200));
      const page = Math.max(1, opts.page ?? 1);
      const params: unknown[] = [SCOPE, agencyId, reg.id];
      const where: string[] = [];
      const q = opts.q?.trim();
      if (q) {
        params.push(likePattern(q), reg.label ?? reg.key);
        where.push(`(r.key ILIKE $${params.length - 1} OR (r.data ->> $${params.length}) ILIKE $${params.length - 1})`);
      }
      const plain = (opts.filters ?? []).filter((f) => !f.perYear);
      const yearly = (opts.filters ?? []).filter((f) => f.perYear);
      if (plain.length > 0) {
        params.push(JSON.stringify(Object.fromEntries(plain.map((f) => [f.field, f.value]))));
        where.push(`r.data @> $${params.length}::jsonb`);
      }
      if (yearly.length > 0) {
        params.push(opts.year ?? 0, JSON.stringify(Object.fromEntries(yearly.map((f) => [f.field, f.value]))));
        where.push(
          `EXISTS (SELECT 1 FROM register_year_values yv WHERE yv.scope = r.scope AND yv.owner = r.owner AND yv.register = r.register AND yv.key = r.key
                     AND yv.year = $${params.length - 1} AND yv.data @> $${params.length}::jsonb)`,
        );
      }
      const base = 'r.scope = $1 AND r.owner = $2 AND r.register = $3';
      const extra = where.length > 0 ? where.join(' AND ') : 'true';
      // the register's count and the selection's in one scan
      const counts = (await pool.query<{ n: string; all: string }>(`SELECT count(*) FILTER (WHERE ${extra}) AS n, count(*) AS all FROM register_rows r WHERE ${base}`, params)).rows[0]!;
      const r = await pool.query<{ key: string; data: Record<string, Value>; years: Record<string, Record<string, Value>> | null }>(
        `SELECT r.key, r.data, (${YEARS_OF}) AS years FROM register_rows r WHERE ${base} AND ${extra}
          ORDER BY r.key COLLATE "C" LIMIT ${size} OFFSET ${(page - 1) * size}`,
        params,
      );
      // the years stored, one index probe each (a loose scan of the primary key) rather than every row
      const years = await pool.query<{ year: number }>(
        `WITH RECURSIVE y(year) AS (
           SELECT min(year) FROM register_year_values WHERE scope = $1 AND owner = $2 AND register = $3
           UNION ALL
           SELECT (SELECT min(v.year) FROM register_year_values v WHERE v.scope = $1 AND v.owner = $2 AND v.register = $3 AND v.year > y.year) FROM y WHERE y.year IS NOT NULL
         ) SELECT year FROM y WHERE year IS NOT NULL ORDER BY year`,
        [SCOPE, agencyId, reg.id],
      );
      return {
        total: Number(counts.n),
        all: Number(counts.all),
        years: years.rows.map((x) => Number(x.year)),
        rows: r.rows.map((x) => ({ key: x.key, data: x.data, years: x.years ?? {} })),
      };
    },

    async entity(agencyId, registerId, key) {
      const r = await pool.query<{ key: string; data: Record<string, Value>; years: Record<string, Record<string, Value>> | null }>(
        `SELECT r.key, r.data, (${YEARS_OF}) AS years FROM register_rows r WHERE r.scope = $1 AND r.owner = $2 AND r.register = $3 AND r.key = $4`,
        [SCOPE, agencyId, registerId, key],
      );
      const x = r.rows[0];
      return x ? { key: x.key, data: x.data, years: x.years ?? {} } : undefined;
    },

    async entityEvents(agencyId, regs, registerId, key, opts = {}) {
      const limit = opts.limit ?? 100;
      const out: EntityEvents[] = [];
      for (const { register, fields } of referringFields(regs, registerId)) {
        // one containment per reference field (the GIN index answers each)
        const params: unknown[] = [SCOPE, agencyId, register.id, ...fields.map((f) => JSON.stringify({ [f.id]: key }))];
        const cond = `r.scope = $1 AND r.owner = $2 AND r.register = $3 AND (${fields.map((_, i) => `r.data @> $${i + 4}::jsonb`).join(' OR ')})`;
        const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM register_rows r WHERE ${cond}`, params)).rows[0]!.n);
        if (total === 0) continue;
        const date = register.fields.find((f) => f.type === 'date' && !f.perYear);
        const r = await pool.query<{ key: string; data: Record<string, Value>; years: Record<string, Record<string, Value>> | null }>(
          `SELECT r.key, r.data, (${YEARS_OF}) AS years FROM register_rows r WHERE ${cond}
            ORDER BY ${date ? `r.data ->> ${pgText(date.id)} DESC NULLS LAST, ` : ''}r.key COLLATE "C" LIMIT ${limit}`,
          params,
        );
        out.push({ register: register.id, fields: fields.map((f) => f.id), total, rows: r.rows.map((x) => ({ key: x.key, data: x.data, years: x.years ?? {} })) });
      }
      return out;
    },
  };
}

/** An entity's per-year values as one object by year (the row `r` of register_rows). */
const YEARS_OF = `SELECT jsonb_object_agg(v.year::text, v.data) FROM register_year_values v
  WHERE v.scope = r.scope AND v.owner = r.owner AND v.register = r.register AND v.key = r.key`;

/** A field id (lower-case letters, digits, _: checked by the definitions) as an SQL string literal. */
const pgText = (id: string): string => `'${id.replace(/'/g, "''")}'`;

/** The stored rows of the register the staging table is compared with (parameters $1 scope, $2 owner, $3 register). */
const STORED = `SELECT key, data FROM register_rows WHERE scope = $1 AND owner = $2 AND register = $3`;

async function previewOf(client: pg.PoolClient, agencyId: string, reg: Register, years: number[], firstN: number): Promise<RegisterPreview> {
  const label = reg.label ?? reg.key;
  const params = [SCOPE, agencyId, reg.id, years, label, firstN];
  // per entity present in both: the stored per-year values of the file's years, as the stage holds them
  const r = await client.query<{ kind: 'added' | 'changed' | 'removed' | 'unchanged'; n: string; first: string[] | null }>(
    `WITH stored AS (${STORED}),
     both_sides AS (
       SELECT s.ord, s.key, s.data AS new_data, s.years AS new_years, o.data AS old_data,
              COALESCE((SELECT jsonb_object_agg(v.year::text, v.data) FROM register_year_values v
                         WHERE v.scope = $1 AND v.owner = $2 AND v.register = $3 AND v.key = s.key AND v.year = ANY($4::int[])), '{}'::jsonb) AS old_years
         FROM register_stage s LEFT JOIN stored o ON o.key = s.key
     ),
     kinds AS (
       SELECT CASE WHEN old_data IS NULL THEN 'added'
                   WHEN old_data = new_data AND old_years = new_years THEN 'unchanged'
                   ELSE 'changed' END AS kind, ord, key, new_data ->> $5 AS name
         FROM both_sides
       UNION ALL
       SELECT 'removed', 0, o.key, o.data ->> $5 FROM stored o WHERE NOT EXISTS (SELECT 1 FROM register_stage s WHERE s.key = o.key)
     ),
     ranked AS (SELECT kind, COALESCE(name, key) AS name, row_number() OVER (PARTITION BY kind ORDER BY ord, key) AS i FROM kinds)
     SELECT kind, count(*) AS n, array_agg(name ORDER BY i) FILTER (WHERE i <= $6) AS first FROM ranked GROUP BY kind`,
    params,
  );
  const get = (kind: string): ChangeList => {
    const x = r.rows.find((y) => y.kind === kind);
    return { count: x ? Number(x.n) : 0, first: x?.first ?? [] };
  };
  return { added: get('added'), changed: get('changed'), removed: get('removed'), unchanged: get('unchanged').count };
}

/**
 * The problems found in the staging tables after the last row: rows whose key an earlier row
 * used (one sort of the stage by key, which the database spills to disk beyond its work_mem) and
 * references naming no stored entity of their register (an index probe each). Each is counted,
 * and `problems` becomes the first `cap` of all the import's problems in the order the checker
 * gives them: by row, then by column, a row's duplicate key last. Gives how many were found.
 */
async function noteStaged(client: pg.PoolClient, agencyId: string, plan: ColumnPlan, cap: number, problems: RowProblem[]): Promise<number> {
  const dups = await client.query<{ ord: number; key: string; first: number; total: string }>(
    `SELECT ord, key, first, count(*) OVER () AS total
       FROM (SELECT ord, key, min(ord) OVER (PARTITION BY key) AS first FROM register_stage) AS d
      WHERE ord <> first ORDER BY ord LIMIT $1`,
    [cap],
  );
  const dangling = await client.query<{ ord: number; col: number; register: string; value: string; total: string }>(
    `SELECT ord, col, register, value, count(*) OVER () AS total FROM register_stage_refs f
      WHERE NOT EXISTS (SELECT 1 FROM register_rows x WHERE x.scope = $1 AND x.owner = $2 AND x.register = f.register AND x.key = f.value)
      ORDER BY ord, col LIMIT $3`,
    [SCOPE, agencyId, cap],
  );
  const found = Number(dups.rows[0]?.total ?? 0) + Number(dangling.rows[0]?.total ?? 0);
  if (found === 0) return 0;
  const position = new Map(plan.columns.map((c, i) => [c.name, i]));
  const rank = (p: RowProblem): number => (p.code === 'duplicate-key' ? Infinity : (position.get(p.column) ?? -1));
  const merged = [
    ...problems,
    ...dangling.rows.map((d) => danglingReference(d.ord, plan.columns[d.col]!.name, d.register, d.value)),
    ...dups.rows.map((d) => duplicateKey(plan, d.ord, d.key, d.first)),
  ].sort((x, y) => x.row - y.row || rank(x) - rank(y));
  problems.splice(0, problems.length, ...merged.slice(0, cap));
  return found;
}

/**
 * Replace the stored rows by the staged ones, touching only what the preview found: removed keys
 * deleted, changed rows updated, added rows inserted with a plain INSERT (no ON CONFLICT, no
 * sort: each row costs its heap tuple and its index entries, the GIN entries of `data` being most
 * of it), unchanged rows left alone. The per-year values of the file's years are written again.
 */
async function storeStage(client: pg.PoolClient, agencyId: string, registerId: string, years: number[], preview: RegisterPreview): Promise<void> {
  const p = [SCOPE, agencyId, registerId];
  if (preview.removed.count > 0) {
    await client.query(
      `DELETE FROM register_rows r WHERE r.scope = $1 AND r.owner = $2 AND r.register = $3 AND NOT EXISTS (SELECT 1 FROM register_stage s WHERE s.key = r.key)`,
      p,
    );
  }
  if (preview.changed.count > 0) {
    await client.query(
      `UPDATE register_rows r SET data = s.data FROM register_stage s
        WHERE r.scope = $1 AND r.owner = $2 AND r.register = $3 AND r.key = s.key AND r.data IS DISTINCT FROM s.data`,
      p,
    );
  }
  if (preview.added.count > 0) {
    await client.query(
      `INSERT INTO register_rows (scope, owner, register, key, data)
       SELECT $1, $2, $3, s.key, s.data FROM register_stage s
        WHERE NOT EXISTS (SELECT 1 FROM register_rows r WHERE r.scope = $1 AND r.owner = $2 AND r.register = $3 AND r.key = s.key)`,
      p,
    );
  }
  if (years.length === 0) return;
  await client.query(`DELETE FROM register_year_values WHERE scope = $1 AND owner = $2 AND register = $3 AND year = ANY($4::int[])`, [...p, years]);
  await client.query(
    `INSERT INTO register_year_values (scope, owner, register, key, year, data)
     SELECT $1, $2, $3, s.key, e.key::smallint, e.value FROM register_stage s, jsonb_each(s.years) e ORDER BY 5, 4`,
    p,
  );
}
