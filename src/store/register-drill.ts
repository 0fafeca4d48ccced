/**
 * Drill-down lists (registers.md, "Drill-down"): the entities a register-based figure counted,
 * those of its population it did not count, or the whole population (core/registers/drill.ts
 * resolves the figure to its selections), searchable by key or label, paginated with a total, in
 * key order, and streamed whole for an export; and an entity's history of events (the entities of
 * other registers whose reference field names it, newest first).
 *
 * The conditions are written once, in store/register-sql.ts (`selectionSql`): the counted list is
 * the counted selection; the population's rows are joined to the counted selection's keys
 * (`c.key`), so "not counted" is the population less the counted, by construction.
 *
 * Lists never carry personal fields: the key and the label cannot be personal (validation), and
 * the values are returned with the personal fields removed in SQL (`jsonb - text[]`).
 */
import type pg from 'pg';
import type { Register, RegisterField } from '../core/dataset/schema.js';
import { DrillError, type DrillSide, type DrillTarget } from '../core/registers/drill.js';
import type { Value } from '../core/registers/rows.js';
import { text } from '../core/findings.js';
import { lit, Params, selectionSql, type Owner } from './register-sql.js';

const SCOPE = 'agency';

/** One entity of a list: key, label, its non-personal values (per-year ones of the measured year) and whether the figure counted it. */
export interface DrillEntity {
  key: string;
  label: string;
  values: Record<string, Value>;
  counted: boolean;
}

export interface DrillListOptions {
  side?: DrillSide;
  /** part of the key or the label, case-insensitive */
  q?: string;
  /** 1-based (default 1) */
  page?: number;
  /** default 50, at most 500 */
  pageSize?: number;
  /** the side's total when the caller knows it (no search: from `counts`), spared a count */
  total?: number;
}

export interface DrillPage {
  side: DrillSide;
  q: string;
  page: number;
  pageSize: number;
  /** entities of the side matching the search */
  total: number;
  entities: DrillEntity[];
}

/** One event of an entity's history: an entity of another register that refers to it. */
export interface HistoryEvent {
  register: string;
  registerName: string;
  /** the reference field that names the entity */
  via: string;
  key: string;
  label: string;
  /** the event register's (first) date field's value, when it has one */
  date: string | null;
  values: Record<string, Value>;
}

export interface HistoryPage {
  total: number;
  page: number;
  pageSize: number;
  events: HistoryEvent[];
}

export interface RegisterDrillQueries {
  /** The counts of a target: its counted entities and its population (no search). */
  counts(agencyId: string, regs: readonly Register[], t: DrillTarget): Promise<{ counted: number; population: number }>;
  /** One page of a side of a target, with the total of the side matching the search. */
  list(agencyId: string, regs: readonly Register[], t: DrillTarget, opts?: DrillListOptions): Promise<DrillPage>;
  /** Every entity of a side (matching the search), in key order, read in pages of `batch` (default 5000; memory stays flat, other queries run between pages). */
  all(agencyId: string, regs: readonly Register[], t: DrillTarget, opts?: { side?: DrillSide; q?: string; batch?: number }): AsyncGenerator<DrillEntity>;
  /** An entity's history: the entities of the registers that refer to its register, naming it; newest first. */
  history(agencyId: string, regs: readonly Register[], registerId: string, key: string, opts?: { page?: number; pageSize?: number }): Promise<HistoryPage>;
  /** Whether a register holds an entity of this key. */
  exists(agencyId: string, registerId: string, key: string): Promise<boolean>;
}

const MAX_PAGE = 500;

/** `%`, `_` and `\` of a search taken literally in LIKE. */
const likeOf = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const personalOf = (reg: Register): string[] => reg.fields.filter((f) => f.personal).map((f) => f.id);

interface SideSql {
  /** a WITH clause (or '') to put before the SELECT */
  with: string;
  from: string;
  where: string;
  /** an SQL boolean: whether the row is counted */
  counted: string;
}

/** The FROM/WHERE of a side of a target, the counted selection's keys joined as `c` where needed. */
function sideSql(regs: readonly Register[], t: DrillTarget, side: DrillSide, p: Params, owner: Owner): SideSql {
  if (side === 'counted') {
    const s = selectionSql(regs, t.counted, t.window, p, owner);
    return { with: '', ...s, counted: 'true' };
  }
  const pop = selectionSql(regs, t.population, t.window, p, owner);
  const num = selectionSql(regs, t.counted, t.window, p, owner);
  // the counted keys evaluated once (materialized), whatever the planner's estimates
  const w = `WITH c AS MATERIALIZED (SELECT e.key FROM ${num.from} WHERE ${num.where}) `;
  const from = `${pop.from} LEFT JOIN c ON c.key = e.key`;
  return side === 'population' ? { with: w, from, where: pop.where, counted: 'c.key IS NOT NULL' } : { with: w, from, where: `${pop.where} AND c.key IS NULL`, counted: 'false' };
}

function searchSql(reg: Register, q: string, p: Params): string {
  if (q.trim() === '') return '';
  const s = p.add(likeOf(q.trim()));
  const label = reg.label ?? reg.key;
  return label === reg.key ? ` AND e.key ILIKE ${s}` : ` AND (e.key ILIKE ${s} OR e.data ->> ${lit(label)} ILIKE ${s})`;
}

interface Row {
  key: string;
  label: string | null;
  vals: Record<string, Value>;
  counted: boolean;
}

const entityOf = (r: Row): DrillEntity => ({ key: r.key, label: r.label ?? r.key, values: r.vals, counted: r.counted });

/** The SELECT list of a side: key, label, non-personal values (the year's per-year values merged in), counted. */
function selectList(reg: Register, side: SideSql, p: Params): string {
  const label = reg.label ?? reg.key;
  const personal = p.add(personalOf(reg));
  return `e.key, e.data ->> ${lit(label)} AS label, ((e.data || coalesce(yv.data, '{}'::jsonb)) - ${personal}::text[]) AS vals, (${side.counted}) AS counted`;
}

/**
 * A drill-down query planned without nested loops. A register's tables hold tens or hundreds of
 * thousands of rows that PGlite never analyzes by itself (it has no autovacuum): without
 * statistics the planner takes the selection's joins ("at least one event", the year's values)
 * for one row each and nests them — minutes for 20.000 cooperatives. Hash joins over the
 * register are right whatever the statistics say.
 */
async function planned<T>(pool: pg.Pool, run: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN READ ONLY');
    await c.query('SET LOCAL enable_nestloop = off');
    const r = await run(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

export function createRegisterDrillQueries(pool: pg.Pool): RegisterDrillQueries {
  const owner = (agencyId: string): Owner => ({ scope: SCOPE, owner: agencyId });

  const count = async (sql: string, values: unknown[]): Promise<number> => Number((await planned(pool, (c) => c.query<{ n: string }>(sql, values))).rows[0]!.n);

  return {
    async counts(agencyId, regs, t) {
      const p = new Params();
      const num = selectionSql(regs, t.counted, t.window, p, owner(agencyId));
      const pop = selectionSql(regs, t.population, t.window, p, owner(agencyId));
      const r = await planned(pool, (c) =>
        c.query<{ counted: string; population: string }>(
          `SELECT (SELECT count(*) FROM ${num.from} WHERE ${num.where}) AS counted, (SELECT count(*) FROM ${pop.from} WHERE ${pop.where}) AS population`,
          p.values,
        ),
      );
      return { counted: Number(r.rows[0]!.counted), population: Number(r.rows[0]!.population) };
    },

    async list(agencyId, regs, t, opts = {}) {
      const side = opts.side ?? 'counted';
      const q = opts.q ?? '';
      const pageSize = Math.min(Math.max(1, Math.trunc(opts.pageSize ?? 50)), MAX_PAGE);
      const page = Math.max(1, Math.trunc(opts.page ?? 1));
      let total = opts.total;
      if (total === undefined || q.trim() !== '') {
        const pc = new Params();
        const sc = sideSql(regs, t, side, pc, owner(agencyId));
        total = await count(`${sc.with}SELECT count(*) AS n FROM ${sc.from} WHERE ${sc.where}${searchSql(t.register, q, pc)}`, pc.values);
      }
      const p = new Params();
      const s = sideSql(regs, t, side, p, owner(agencyId));
      const select = selectList(t.register, s, p);
      const r = await planned(pool, (c) =>
        c.query<Row>(`${s.with}SELECT ${select} FROM ${s.from} WHERE ${s.where}${searchSql(t.register, q, p)} ORDER BY e.key LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`, p.values),
      );
      return { side, q, page, pageSize, total, entities: r.rows.map(entityOf) };
    },

    async *all(agencyId, regs, t, opts = {}) {
      const side = opts.side ?? 'counted';
      const batch = opts.batch ?? 5000;
      let after: string | null = null;
      for (;;) {
        const p = new Params();
        const s = sideSql(regs, t, side, p, owner(agencyId));
        const select = selectList(t.register, s, p);
        const from = after === null ? '' : ` AND e.key > ${p.add(after)}::text COLLATE "C"`;
        const r: pg.QueryResult<Row> = await planned(pool, (c) =>
          c.query<Row>(`${s.with}SELECT ${select} FROM ${s.from} WHERE ${s.where}${searchSql(t.register, opts.q ?? '', p)}${from} ORDER BY e.key LIMIT ${p.add(batch)}`, p.values),
        );
        for (const row of r.rows) yield entityOf(row);
        if (r.rows.length < batch) return;
        after = r.rows[r.rows.length - 1]!.key;
      }
    },

    async history(agencyId, regs, registerId, key, opts = {}) {
      const reg = regs.find((r) => r.id === registerId);
      if (!reg) throw new DrillError(text(`no register ${JSON.stringify(registerId)} is defined`, `register ${JSON.stringify(registerId)} tidak didefinisikan`), 'register', true);
      const pageSize = Math.min(Math.max(1, Math.trunc(opts.pageSize ?? 50)), MAX_PAGE);
      const page = Math.max(1, Math.trunc(opts.page ?? 1));
      // every (event register, reference field) naming this register
      const refs: Array<{ ev: Register; via: RegisterField; date: RegisterField | undefined }> = [];
      for (const ev of regs) {
        for (const f of ev.fields) {
          if (f.type !== 'reference' || f.register !== reg.id || f.perYear || f.personal) continue;
          refs.push({ ev, via: f, date: ev.fields.find((d) => d.type === 'date' && !d.perYear && !d.personal) });
        }
      }
      if (refs.length === 0) return { total: 0, page, pageSize, events: [] };
      const p = new Params([SCOPE, agencyId]);
      const parts = refs.map(({ ev, via, date }, i) => {
        const label = ev.label ?? ev.key;
        return (
          `SELECT ${i} AS src, x.key, x.data ->> ${lit(label)} AS label, ${date ? `x.data ->> ${lit(date.id)}` : 'NULL::text'} AS date, ` +
          `(x.data - ${p.add(personalOf(ev))}::text[]) AS vals FROM register_rows x ` +
          `WHERE x.scope = $1 AND x.owner = $2 AND x.register = ${p.add(ev.id)} AND x.data @> ${p.add(JSON.stringify({ [via.id]: key }))}::jsonb`
        );
      });
      const union = parts.join(' UNION ALL ');
      const total = await count(`SELECT count(*) AS n FROM (${union}) h`, p.values);
      const r = await pool.query<{ src: number; key: string; label: string | null; date: string | null; vals: Record<string, Value> }>(
        `SELECT * FROM (${union}) h ORDER BY h.date DESC NULLS LAST, h.src, h.key COLLATE "C" DESC LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`,
        p.values,
      );
      return {
        total,
        page,
        pageSize,
        events: r.rows.map((x) => {
          const { ev, via } = refs[Number(x.src)]!;
          return { register: ev.id, registerName: ev.name, via: via.id, key: x.key, label: x.label ?? x.key, date: x.date, values: x.vals };
        }),
      };
    },

    async exists(agencyId, registerId, key) {
      const r = await pool.query(`SELECT 1 FROM register_rows WHERE scope = $1 AND owner = $2 AND register = $3 AND key = $4`, [SCOPE, agencyId, registerId, key]);
      return (r.rowCount ?? 0) > 0;
    },
  };
}
