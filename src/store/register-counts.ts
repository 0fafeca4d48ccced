/**
 * The register figures of a stored agency (registers.md, "Indicators from registers"), counted in
 * SQL: for every indicator and activity table of the dataset counted from a register
 * (core/registers/figures.ts), per year from its `since` and per period ended by `today`, the
 * distinct entities of the selections, written by `selectionSql` (register-sql.ts) — the same
 * answers as `figuresInMemory`, which the tests hold this module to.
 *
 * Round trips: one query per register and year gives every indicator's numerator and population
 * of every ended period (`count(*) FILTER (WHERE …)` over one scan of the register's rows and
 * their values of the year); one query per activity table and year gives its groups. The
 * parameters of one statement are shared (`SharedParams`): the selections of one register and year
 * then have the same FROM text, and each date bound is sent once.
 */
import type pg from 'pg';
import type { Dataset, Register, RegisterMeasure } from '../core/dataset/schema.js';
import { endedPeriods, numeratorSelection, windowOf, type FigurePeriod } from '../core/registers/conditions.js';
import { fieldOf } from '../core/registers/definitions.js';
import { appliesIn, groupOrder, registerIndicators, registerTables } from '../core/registers/figures.js';
import type { RegisterFigure, RegisterFigures, RegisterTableFigure } from '../core/measure/register.js';
import { lit, Params, selectionSql, type Owner } from './register-sql.js';

type Queryable = Pick<pg.Pool, 'query'>;

/** Parameters where a value added twice is one placeholder (same value, same JavaScript type). */
export class SharedParams extends Params {
  override add(v: unknown): string {
    const i = this.values.findIndex((x) => x === v);
    return i >= 0 ? `$${i + 1}` : super.add(v);
  }
}

export interface RegisterCountQueries {
  /** The figures of the dataset's register indicators and tables for `years`, as of `today` (YYYY-MM-DD). */
  figures(agencyId: string, ds: Pick<Dataset, 'plans' | 'activities' | 'registers'>, years: readonly number[], today: string): Promise<RegisterFigures>;
}

/** Whether a dataset has anything counted from registers (else no figures are needed). */
export const countsFromRegisters = (ds: Pick<Dataset, 'plans' | 'activities'>): boolean => registerIndicators(ds).length > 0 || registerTables(ds).length > 0;

/**
 * The years a measurement of `year` reads register figures for: the year, the year before (the
 * quality checks and the LKIP compare with it) and every year from a measure's `since` up to the
 * year (the trend) — only those a measure applies in.
 */
export function figureYears(ds: Pick<Dataset, 'plans' | 'activities'>, year: number): number[] {
  const all = [...registerIndicators(ds).map((i) => i.measure), ...registerTables(ds).map((t) => t.table)];
  const years = new Set<number>();
  for (const m of all) {
    const from = Math.min(m.since ?? year - 1, year - 1);
    for (let y = from; y <= year; y++) if (appliesIn(m, y)) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

interface Count {
  /** the indicator's ref, the period and whether numerator (n) or population (d) */
  ref: string;
  period: FigurePeriod;
  part: 'n' | 'd';
  where: string;
}

export function createRegisterCountQueries(pool: Queryable): RegisterCountQueries {
  return {
    async figures(agencyId, ds, years, today) {
      const regs = ds.registers ?? [];
      const owner: Owner = { scope: 'agency', owner: agencyId };
      const indicators = new Map<string, Map<number, RegisterFigure[]>>();
      const inds = registerIndicators(ds);
      for (const ind of inds) indicators.set(ind.ref, new Map());
      const measures = new Map<string, RegisterMeasure>(inds.map((i) => [i.ref, i.measure]));

      for (const year of years) {
        const periods = endedPeriods(year, today);
        const applying = inds.filter((i) => appliesIn(i.measure, year));
        for (const i of applying) indicators.get(i.ref)!.set(year, []);
        if (periods.length === 0 || applying.length === 0) continue;
        // every count of the year, grouped by the FROM they share (one register, one year)
        const byFrom = new Map<string, { p: SharedParams; from: string; base: string; counts: Count[] }>();
        const groupOf = (register: string): { p: SharedParams; from: string; base: string; counts: Count[] } => {
          let g = byFrom.get(register);
          if (!g) {
            const p = new SharedParams();
            const { from, where } = selectionSql(regs, { register }, windowOf(year, periods[0]!), p, owner);
            g = { p, from, base: where, counts: [] };
            byFrom.set(register, g);
          }
          return g;
        };
        for (const ind of applying) {
          const g = groupOf(ind.measure.count.register);
          for (const period of periods) {
            const w = windowOf(year, period);
            const n = selectionSql(regs, numeratorSelection(ind.measure), w, g.p, owner);
            if (n.from !== g.from) throw new Error(`register-counts: the FROM of ${ind.ref} differs from its register's`);
            g.counts.push({ ref: ind.ref, period, part: 'n', where: n.where });
            if (ind.measure.of) {
              const d = selectionSql(regs, ind.measure.of, w, g.p, owner);
              if (d.from !== g.from) throw new Error(`register-counts: the population of ${ind.ref} is of another register`);
              g.counts.push({ ref: ind.ref, period, part: 'd', where: d.where });
            }
          }
        }
        for (const g of byFrom.values()) {
          // a condition counted for several figures (a population shared by indicators, a period-free one) is one column
          const columns = new Map<string, number>();
          for (const c of g.counts) if (!columns.has(c.where)) columns.set(c.where, columns.size);
          const cols = [...columns.keys()].map((where, k) => `count(*) FILTER (WHERE ${where})::int AS c${k}`).join(', ');
          const r = await pool.query<Record<string, number>>(`SELECT ${cols} FROM ${g.from} WHERE ${g.base}`, g.p.values);
          const row = r.rows[0]!;
          const figs = new Map<string, Map<FigurePeriod, RegisterFigure>>();
          g.counts.forEach((c) => {
            const byPeriod = figs.get(c.ref) ?? figs.set(c.ref, new Map()).get(c.ref)!;
            const f = byPeriod.get(c.period) ?? byPeriod.set(c.period, { period: c.period, asOf: windowOf(year, c.period).to, numerator: 0 }).get(c.period)!;
            const n = Number(row[`c${columns.get(c.where)!}`]);
            if (c.part === 'n') f.numerator = n;
            else f.denominator = n;
          });
          for (const [ref, byPeriod] of figs) {
            const m = measures.get(ref)!;
            indicators.get(ref)!.set(
              year,
              periods.map((period) => {
                const f = byPeriod.get(period)!;
                // the same shape as the in-memory figures: numerator before denominator
                return m.of ? { period, asOf: f.asOf, numerator: f.numerator, denominator: f.denominator ?? 0 } : { period, asOf: f.asOf, numerator: f.numerator };
              }),
            );
          }
        }
      }

      const tables = new Map<string, Map<number, RegisterTableFigure>>();
      for (const t of registerTables(ds)) {
        const byYear = new Map<number, RegisterTableFigure>();
        tables.set(t.id, byYear);
        const reg = regs.find((r) => r.id === t.table.count.register);
        for (const year of years) {
          const period = endedPeriods(year, today).at(-1);
          if (!appliesIn(t.table, year) || !period || !reg) continue;
          byYear.set(year, await tableFigure(pool, regs, reg, t.table.count, t.table.groupBy, year, period, owner));
        }
      }
      return { indicators, tables };
    },
  };
}

async function tableFigure(
  pool: Queryable,
  regs: readonly Register[],
  reg: Register,
  sel: Parameters<typeof selectionSql>[1],
  groupBy: string,
  year: number,
  period: FigurePeriod,
  owner: Owner,
): Promise<RegisterTableFigure> {
  const w = windowOf(year, period);
  const p = new SharedParams();
  const { from, where } = selectionSql(regs, sel, w, p, owner);
  const value = `${fieldOf(reg, groupBy)?.perYear ? 'yv' : 'e'}.data -> ${lit(groupBy)}`;
  const r = await pool.query<{ v: string | number | boolean | null; n: number }>(`SELECT ${value} AS v, count(*)::int AS n FROM ${from} WHERE ${where} GROUP BY 1`, p.values);
  const groups = r.rows.map((x) => ({ value: x.v ?? null, count: Number(x.n) })).sort((a, b) => groupOrder(reg, groupBy)(a.value, b.value));
  return { period, asOf: w.to, groups, total: groups.reduce((s, g) => s + g.count, 0) };
}

/**
 * The figures a measurement of `year` of a stored agency reads (the years of {@link figureYears}),
 * as of `today`; `undefined` when the dataset counts nothing from registers (no query is made).
 * The one way the server, the command line and publishing get them.
 */
export async function figuresForYear(pool: Queryable, agencyId: string, ds: Pick<Dataset, 'plans' | 'activities' | 'registers'>, year: number, today: string): Promise<RegisterFigures | undefined> {
  if (!countsFromRegisters(ds)) return undefined;
  return createRegisterCountQueries(pool).figures(agencyId, ds, figureYears(ds, year), today);
}

/**
 * After a store of a register's rows, in its transaction: the register tables' statistics taken
 * again — the counts' and lists' plans need them (PGlite has no autovacuum; without them the
 * counts' plan took 70 s instead of 0,5 s on 2.500 cooperatives). The register's revision is
 * raised by the tables' triggers (migration 0008).
 */
export async function registersStored(client: Queryable): Promise<void> {
  await client.query('ANALYZE register_rows, register_year_values');
}

/** A text that changes whenever an agency's register rows are written (the revisions of its registers, migration 0008). */
export async function registerStamp(pool: Queryable, agencyId: string): Promise<string> {
  const r = await pool.query<{ stamp: string | null }>(
    `SELECT string_agg(register || ':' || revision, ' ' ORDER BY register) AS stamp FROM register_revisions WHERE scope = 'agency' AND owner = $1`,
    [agencyId],
  );
  return r.rows[0]?.stamp ?? '';
}

/** What of a dataset its register figures depend on (the definitions, the measures and tables), as text. */
export const figuresInputKey = (ds: Pick<Dataset, 'plans' | 'activities' | 'registers'>): string =>
  JSON.stringify([ds.registers ?? [], registerIndicators(ds), registerTables(ds)]);
