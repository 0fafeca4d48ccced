/**
 * Differences from an issued report (IO-free): what changed in an agency's data since a report
 * was issued from a snapshot of it, and which measured rows that moved.
 *
 * `diffDatasets` walks both datasets together. Lists of things with an `id` are matched by id,
 * lists of records without one by the fields that identify them (a realization by indicator,
 * year and period; a budget entry by year and stage; …) when those are unique, other lists by
 * position. A path names each difference the way a reader finds it again:
 * `realizations[indicator=pk-2025/IKU-1, year=2025].value`,
 * `plans[id=renstra-2021-2026].indicators[id=IKU-1].targets.2025`, `claims[3].value`.
 *
 * `diffMeasurements` compares two measurements row by row (an agreement's rows by goal and
 * indicator, the plan's and the programs' indicators by their ref) on the figures a report
 * prints: target, realization, achievement and predicate; and each goal's achievement and
 * predicate.
 */
import type { Dataset } from '../dataset/schema.js';
import type { MeasureResult, MeasuredRow } from '../measure/types.js';

export type DatasetChange =
  | { kind: 'added'; path: string; value: unknown }
  | { kind: 'removed'; path: string; value: unknown }
  | { kind: 'changed'; path: string; old: unknown; new: unknown }
  /** the same things, in another order (by their keys) */
  | { kind: 'reordered'; path: string; old: string[]; new: string[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields that together identify a record in a list of records without ids, in the order they are named. */
const IDENTIFYING = ['goal', 'indicator', 'program', 'node', 'subject', 'quantity', 'evaluator', 'year', 'period', 'stage', 'kind', 'title', 'name'];

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$|^\d+$/.test(key) ? `${path}${path ? '.' : ''}${key}` : `${path}[${JSON.stringify(key)}]`;
}

function scalarText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** How the items of two lists are matched: a label per item (unique within each list), or undefined for position. */
function itemLabels(a: unknown[], b: unknown[]): { a: string[]; b: string[] } | undefined {
  const all = [...a, ...b];
  if (all.length === 0 || !all.every(isObj)) return undefined;
  const objs = all as Obj[];
  const unique = (labels: string[]) => new Set(labels).size === labels.length;
  const make = (label: (o: Obj) => string | undefined) => {
    const la = (a as Obj[]).map(label);
    const lb = (b as Obj[]).map(label);
    if (la.some((x) => x === undefined) || lb.some((x) => x === undefined)) return undefined;
    return unique(la as string[]) && unique(lb as string[]) ? { a: la as string[], b: lb as string[] } : undefined;
  };
  if (objs.every((o) => typeof o.id === 'string')) {
    const byId = make((o) => `id=${o.id as string}`);
    if (byId) return byId;
  }
  const fields = IDENTIFYING.filter((f) => objs.some((o) => o[f] !== undefined && (typeof o[f] !== 'object' || o[f] === null)));
  if (fields.length === 0) return undefined;
  return make((o) => {
    const parts = fields.filter((f) => o[f] !== undefined).map((f) => `${f}=${scalarText(o[f])}`);
    return parts.length ? parts.join(', ') : undefined;
  });
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }
  return false;
}

function diffList(a: unknown[], b: unknown[], path: string, out: DatasetChange[]): void {
  if (a.length > 0 && b.length > 0 && [...a, ...b].every((x) => !isObj(x) && !Array.isArray(x))) {
    // a list of plain values (aliases, evidence, tags) reads best as one change
    if (!same(a, b)) out.push({ kind: 'changed', path, old: a, new: b });
    return;
  }
  const labels = itemLabels(a, b);
  if (!labels) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}[${i}]`;
      if (i >= b.length) out.push({ kind: 'removed', path: p, value: a[i] });
      else if (i >= a.length) out.push({ kind: 'added', path: p, value: b[i] });
      else diffValue(a[i], b[i], p, out);
    }
    return;
  }
  const inB = new Map(labels.b.map((l, i) => [l, i]));
  const inA = new Map(labels.a.map((l, i) => [l, i]));
  labels.a.forEach((l, i) => {
    const j = inB.get(l);
    const p = `${path}[${l}]`;
    if (j === undefined) out.push({ kind: 'removed', path: p, value: a[i] });
    else diffValue(a[i], b[j], p, out);
  });
  labels.b.forEach((l, j) => {
    if (!inA.has(l)) out.push({ kind: 'added', path: `${path}[${l}]`, value: b[j] });
  });
  const commonA = labels.a.filter((l) => inB.has(l));
  const commonB = labels.b.filter((l) => inA.has(l));
  if (commonA.some((l, i) => l !== commonB[i])) out.push({ kind: 'reordered', path, old: commonA, new: commonB });
}

function diffValue(a: unknown, b: unknown, path: string, out: DatasetChange[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    diffList(a, b, path, out);
    return;
  }
  if (isObj(a) && isObj(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      const p = keyPath(path, k);
      const va = a[k];
      const vb = b[k];
      if (va === undefined && vb === undefined) continue;
      if (vb === undefined) out.push({ kind: 'removed', path: p, value: va });
      else if (va === undefined) out.push({ kind: 'added', path: p, value: vb });
      else diffValue(va, vb, p, out);
    }
    return;
  }
  if (!same(a, b)) out.push({ kind: 'changed', path, old: a, new: b });
}

/** Every difference between two records of any shape (the audit log's before and after), in document order. */
export function diffValues(before: unknown, after: unknown): DatasetChange[] {
  const out: DatasetChange[] = [];
  diffValue(before, after, '', out);
  return out;
}

/** Every difference between the dataset a report was issued from and the agency's current one, in document order. */
export function diffDatasets(issued: Dataset, current: Dataset): DatasetChange[] {
  const out: DatasetChange[] = [];
  diffValue(issued, current, '', out);
  return out;
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s === undefined ? '–' : s.length > 120 ? `${s.slice(0, 117)}…` : s;
};

/** One difference as a line of text (Indonesian, for the command line). */
export function formatDatasetChange(c: DatasetChange): string {
  switch (c.kind) {
    case 'added':
      return `+ ${c.path}: ditambahkan ${show(c.value)}`;
    case 'removed':
      return `- ${c.path}: dihapus (semula ${show(c.value)})`;
    case 'changed':
      return `~ ${c.path}: ${show(c.old)} → ${show(c.new)}`;
    case 'reordered':
      return `↕ ${c.path}: urutan berubah (${c.old.join('; ')} → ${c.new.join('; ')})`;
  }
}

// ------------------------------------------------------------------ measurements

export const MEASURED_FIELDS = ['target', 'realization', 'achievement', 'predicate'] as const;
export type MeasuredField = (typeof MEASURED_FIELDS)[number];

export interface MeasurementChange {
  /** `agreement:<id>`, `plan` (the plan's indicators) or `program:<node>` */
  table: string;
  goal: string | null;
  /** the indicator's full ref; `null` for a goal's own achievement and predicate */
  indicator: string | null;
  name: string;
  status: 'changed' | 'added' | 'removed';
  /** the figures that differ (all of the row's, for an added or removed row) */
  fields: { field: MeasuredField; old: number | string | null; new: number | string | null }[];
}

interface Keyed {
  table: string;
  goal: string | null;
  indicator: string | null;
  name: string;
  values: Record<MeasuredField, number | string | null>;
}

function rowValues(r: MeasuredRow): Record<MeasuredField, number | string | null> {
  return { target: r.target, realization: r.realization, achievement: r.achievement, predicate: r.predicate };
}

function keyedRows(m: MeasureResult): Map<string, Keyed> {
  const out = new Map<string, Keyed>();
  const put = (k: Keyed) => {
    const key = JSON.stringify([k.table, k.goal, k.indicator]);
    if (!out.has(key)) out.set(key, k);
  };
  for (const ag of m.agreements) {
    const table = `agreement:${ag.id}`;
    for (const r of ag.rows) put({ table, goal: r.goal, indicator: r.indicator, name: r.name, values: rowValues(r) });
    for (const g of ag.goals) {
      put({ table, goal: g.goal, indicator: null, name: g.goal, values: { target: null, realization: null, achievement: g.achievement, predicate: g.predicate } });
    }
  }
  for (const r of m.planIndicators) put({ table: 'plan', goal: r.goal, indicator: r.indicator, name: r.name, values: rowValues(r) });
  for (const r of m.programIndicators) put({ table: `program:${r.node}`, goal: r.goal, indicator: r.indicator, name: r.name, values: rowValues(r) });
  return out;
}

/** The rows whose target, realization, achievement or predicate differ between two measurements (`a` the issued one). */
export function diffMeasurements(a: MeasureResult, b: MeasureResult): MeasurementChange[] {
  const ra = keyedRows(a);
  const rb = keyedRows(b);
  const out: MeasurementChange[] = [];
  const all = (k: Keyed, side: 'old' | 'new') =>
    MEASURED_FIELDS.filter((f) => k.values[f] !== null).map((f) => ({
      field: f,
      old: side === 'old' ? k.values[f] : null,
      new: side === 'new' ? k.values[f] : null,
    }));
  for (const [key, x] of ra) {
    const y = rb.get(key);
    const base = { table: x.table, goal: x.goal, indicator: x.indicator, name: y?.name ?? x.name };
    if (!y) {
      out.push({ ...base, status: 'removed', fields: all(x, 'old') });
      continue;
    }
    const fields = MEASURED_FIELDS.filter((f) => x.values[f] !== y.values[f]).map((f) => ({ field: f, old: x.values[f], new: y.values[f] }));
    if (fields.length) out.push({ ...base, status: 'changed', fields });
  }
  for (const [key, y] of rb) {
    if (!ra.has(key)) out.push({ table: y.table, goal: y.goal, indicator: y.indicator, name: y.name, status: 'added', fields: all(y, 'new') });
  }
  return out;
}
