/**
 * The conditions of a register selection (core/registers/conditions.ts) as SQL over the register
 * tables (migration 0007): one place that writes them, for the counts of indicators and activity
 * tables and for the drill-down's lists. The entity is `e` (register_rows); its values of the
 * measured year come from `yv` (register_year_values), joined by `selectionFrom`. Every value is a
 * parameter; field ids are checked by the dataset's validation and written as SQL literals only
 * through `lit`.
 *
 * Equality uses jsonb containment (`e.data @> '{"status": "aktif"}'`), which the GIN indexes
 * serve; a date in the window compares the stored `YYYY-MM-DD` text; "at least one event" is a
 * semi-join on the event register's reference field.
 */
import type { Register, RegisterCondition, RegisterFieldCondition, RegisterScalar, RegisterSelection } from '../core/dataset/schema.js';
import { fieldOf } from '../core/registers/definitions.js';
import type { Window } from '../core/registers/conditions.js';

/** Parameters collected while writing a statement: `add` returns the placeholder (`$4`). */
export class Params {
  readonly values: unknown[];
  constructor(initial: unknown[] = []) {
    this.values = [...initial];
  }
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A field id as an SQL string literal (field ids are `[a-z][a-z0-9_]*`; anything else is refused). */
export function lit(field: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(field)) throw new TypeError(`not a field id: ${JSON.stringify(field)}`);
  return `'${field}'`;
}

/** Where a register's rows are: `scope`/`owner` placeholders already added to the parameters. */
export interface Owner {
  scope: string;
  owner: string;
}

/**
 * `FROM register_rows e LEFT JOIN register_year_values yv …` for a selection's register in a
 * year, and the WHERE clause of its conditions (without the owner/register filter, which is in
 * the FROM's ON/WHERE — see `selectionSql`).
 */
export function selectionSql(regs: readonly Register[], sel: RegisterSelection, w: Window, p: Params, owner: Owner): { from: string; where: string } {
  const reg = regs.find((r) => r.id === sel.register);
  if (!reg) throw new TypeError(`no register ${JSON.stringify(sel.register)}`);
  const scope = p.add(owner.scope);
  const own = p.add(owner.owner);
  const register = p.add(reg.id);
  const year = p.add(w.year);
  const from =
    `register_rows e LEFT JOIN register_year_values yv ON yv.scope = e.scope AND yv.owner = e.owner ` +
    `AND yv.register = e.register AND yv.year = ${year} AND yv.key = e.key`;
  const parts = [`e.scope = ${scope}`, `e.owner = ${own}`, `e.register = ${register}`];
  for (const c of sel.where ?? []) parts.push(conditionSql(regs, reg, c, w, p, { e: 'e', yv: 'yv', scope, owner: own }));
  return { from, where: parts.join(' AND ') };
}

interface Aliases {
  /** the entity row's alias */
  e: string;
  /** its year values' alias, or null where the register has no per-year join (events) */
  yv: string | null;
  scope: string;
  owner: string;
}

function conditionSql(regs: readonly Register[], reg: Register, c: RegisterCondition, w: Window, p: Params, a: Aliases): string {
  if (!('event' in c)) return fieldSql(reg, c, w, p, a);
  const ev = regs.find((r) => r.id === c.event.register);
  if (!ev) throw new TypeError(`no register ${JSON.stringify(c.event.register)}`);
  const x = `x${p.values.length}`;
  const inner = [
    `${x}.scope = ${a.scope}`,
    `${x}.owner = ${a.owner}`,
    `${x}.register = ${p.add(ev.id)}`,
    `${x}.data ->> ${lit(c.event.date)} BETWEEN ${p.add(w.from)} AND ${p.add(w.to)}`,
    ...(c.event.where ?? []).map((f) => fieldSql(ev, f, w, p, { e: x, yv: null, scope: a.scope, owner: a.owner })),
  ];
  return `${a.e}.key IN (SELECT ${x}.data ->> ${lit(c.event.via)} FROM register_rows ${x} WHERE ${inner.join(' AND ')})`;
}

function fieldSql(reg: Register, c: RegisterFieldCondition, w: Window, p: Params, a: Aliases): string {
  const f = fieldOf(reg, c.field);
  if (!f) throw new TypeError(`register ${reg.id} has no field ${c.field}`);
  let data = `${a.e}.data`;
  if (f.perYear) {
    if (a.yv !== null) data = `${a.yv}.data`;
    else {
      // an event's per-year field: its value of the measured year, read by a subquery
      data = `(SELECT y.data FROM register_year_values y WHERE y.scope = ${a.e}.scope AND y.owner = ${a.e}.owner AND y.register = ${a.e}.register AND y.key = ${a.e}.key AND y.year = ${p.add(w.year)})`;
    }
  }
  const k = lit(c.field);
  if ('present' in c) return c.present ? `coalesce(${data} ? ${k}, false)` : `NOT coalesce(${data} ? ${k}, false)`;
  if ('inYear' in c) return `${data} ->> ${k} BETWEEN ${p.add(w.from)} AND ${p.add(w.to)}`;
  const vs: readonly RegisterScalar[] = Array.isArray(c.equals) ? c.equals : [c.equals];
  const one = (v: RegisterScalar): string => `${data} @> ${p.add(JSON.stringify({ [c.field]: v }))}::jsonb`;
  return vs.length === 1 ? one(vs[0]!) : `(${vs.map(one).join(' OR ')})`;
}
