/**
 * Which register figures a dataset needs (the indicators and activity tables counted from
 * registers, per year from their `since`, per period ended by a day), and those figures computed
 * from entities held in memory — the reference the store's SQL (store/register-counts.ts) is held
 * to, and what the core's tests and examples measure with. IO-free.
 */
import type { Dataset, Register, RegisterMeasure, RegisterTable } from '../dataset/schema.js';
import type { RegisterFigure, RegisterFigures, RegisterTableFigure } from '../measure/register.js';
import { endedPeriods, numeratorSelection, selectKeys, windowOf, valueIn, type EntitiesByRegister, type FigurePeriod } from './conditions.js';

/** An indicator counted from registers: its ref (the plan's), definition and measure. */
export interface RegisterIndicator {
  ref: string;
  name: string;
  measure: RegisterMeasure;
}

/** The dataset's indicators counted from registers (plan indicators; refs `plan/indicator`). */
export function registerIndicators(ds: Pick<Dataset, 'plans'>): RegisterIndicator[] {
  return ds.plans.flatMap((p) => (p.indicators ?? []).filter((i) => i.fromRegister).map((i) => ({ ref: `${p.id}/${i.id}`, name: i.name, measure: i.fromRegister! })));
}

/** The dataset's activity tables counted from registers. */
export function registerTables(ds: Pick<Dataset, 'activities'>): Array<{ id: string; title: string; table: RegisterTable }> {
  return (ds.activities ?? []).filter((l) => l.fromRegister).map((l) => ({ id: l.id, title: l.title, table: l.fromRegister! }));
}

/** Whether a measure or table applies in a year. */
export const appliesIn = (x: { since?: number | undefined }, year: number): boolean => x.since === undefined || year >= x.since;

/** The order of a table's groups: a category's values as defined, then other values sorted, no value last. */
export function groupOrder(reg: Register | undefined, field: string): (a: string | number | boolean | null, b: string | number | boolean | null) => number {
  const values = reg?.fields.find((f) => f.id === field)?.values ?? [];
  const rank = (v: string | number | boolean | null): number => (v === null ? Number.MAX_SAFE_INTEGER : typeof v === 'string' && values.includes(v) ? values.indexOf(v) : values.length);
  return (a, b) => rank(a) - rank(b) || (a === null || b === null ? 0 : String(a).localeCompare(String(b), 'id', { numeric: true }));
}

/** The figures of a dataset's registers for some years, from entities in memory, as of `today`. */
export function figuresInMemory(ds: Pick<Dataset, 'plans' | 'activities' | 'registers'>, entities: EntitiesByRegister, years: readonly number[], today: string): RegisterFigures {
  const regs = ds.registers ?? [];
  const indicators = new Map<string, Map<number, RegisterFigure[]>>();
  for (const ind of registerIndicators(ds)) {
    const byYear = new Map<number, RegisterFigure[]>();
    for (const year of years) {
      if (!appliesIn(ind.measure, year)) continue;
      byYear.set(
        year,
        endedPeriods(year, today).map((period: FigurePeriod) => {
          const w = windowOf(year, period);
          const numerator = selectKeys(regs, entities, numeratorSelection(ind.measure), w).length;
          return ind.measure.of ? { period, asOf: w.to, numerator, denominator: selectKeys(regs, entities, ind.measure.of, w).length } : { period, asOf: w.to, numerator };
        }),
      );
    }
    indicators.set(ind.ref, byYear);
  }
  const tables = new Map<string, Map<number, RegisterTableFigure>>();
  for (const t of registerTables(ds)) {
    const byYear = new Map<number, RegisterTableFigure>();
    const reg = regs.find((r) => r.id === t.table.count.register);
    for (const year of years) {
      const period = endedPeriods(year, today).at(-1);
      if (!appliesIn(t.table, year) || !period || !reg) continue;
      const w = windowOf(year, period);
      const keys = new Set(selectKeys(regs, entities, t.table.count, w));
      const counts = new Map<string | number | boolean | null, number>();
      for (const e of entities.get(reg.id) ?? []) {
        if (!keys.has(e.key)) continue;
        const v = valueIn(reg, e, t.table.groupBy, year) ?? null;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const groups = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => groupOrder(reg, t.table.groupBy)(a.value, b.value));
      byYear.set(year, { period, asOf: w.to, groups, total: keys.size });
    }
    tables.set(t.id, byYear);
  }
  return { indicators, tables };
}
