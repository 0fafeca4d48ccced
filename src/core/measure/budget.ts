/**
 * Budget of the program structure (measurement.md, "Budget"): stage columns, final budget,
 * spending and absorption of program nodes, and the agency's totals.
 *
 * Decisions where the spec is silent (documented here):
 * - A stage column sums the node's own entries at that stage over all sources; only when it
 *   has none there does it take the sum of its children's columns. `null` = no entry at that
 *   stage anywhere in the subtree.
 * - Sources: an entry's source key is its `source`, or "" when unstated. When a node's own
 *   entries state no source, the node is treated as funded from one source and any later
 *   stage in a descendant (whatever its source) counts. When they do state sources, each
 *   source is resolved on its own (own latest stage, unless a descendant has that source at a
 *   later stage) and sources that only descendants name are added from the children's sums
 *   (unsourced child entries are then taken to be the same money as the parent's and are not
 *   added again).
 * - Spending per source: the `Y` entries, else the entries of the latest period
 *   (Q4 ≥ S2 > Q3 > Q2 ≥ S1 > Q1; periods are cumulative). Several entries for one source and
 *   period are added.
 * - A cycle in `parent` (an invalid dataset) never loops: the repeated node counts as a leaf.
 */
import type { BudgetEntry, BudgetStage, Dataset, Period, ProgramNode, SpendingEntry } from '../dataset/schema.js';
import { finding, type Finding } from '../findings.js';
import { addMoney, sumMoney } from './money.js';

/** A budget stage in Indonesian (glossary: anggaran awal, pergeseran, perubahan). */
const STAGE_ID: Readonly<Record<BudgetStage, string>> = { initial: 'anggaran awal', shift: 'anggaran pergeseran', revised: 'anggaran perubahan' };

export const STAGE_ORDER: readonly BudgetStage[] = ['initial', 'shift', 'revised'];
const stageRank = (s: BudgetStage): number => STAGE_ORDER.indexOf(s);

/** Later periods rank higher; `Y` is handled separately. */
export const PERIOD_RANK: Readonly<Record<Period, number>> = { Q1: 1, S1: 2, Q2: 3, Q3: 4, S2: 5, Q4: 6, Y: 7 };

/** Amounts per source key ("" = no source stated). */
type BySource = Map<string, number>;

export interface BudgetIndex {
  nodes: Map<string, ProgramNode>;
  /** position of each node in `programs` (for `where`) */
  position: Map<string, number>;
  children: Map<string, ProgramNode[]>;
  /** top-level program nodes (no parent), document order */
  roots: ProgramNode[];
  budgets: Map<string, Map<number, BudgetEntry[]>>;
  spending: Map<string, Map<number, SpendingEntry[]>>;
  /** memo of final budgets per source, keyed `year|nodeId` */
  finalMemo: Map<string, BySource | null>;
  /** memo of the latest stage rank per source among strict descendants, keyed `year|nodeId` */
  descMemo: Map<string, Map<string, number>>;
  stageMemo: Map<string, number | null>;
  spentMemo: Map<string, number | null>;
}

function pushYear<T extends { year: number }>(map: Map<string, Map<number, T[]>>, id: string, e: T): void {
  let byYear = map.get(id);
  if (!byYear) map.set(id, (byYear = new Map()));
  const list = byYear.get(e.year);
  if (list) list.push(e);
  else byYear.set(e.year, [e]);
}

/** Index the program structure once; every budget function reads this index. */
export function indexBudgets(ds: Pick<Dataset, 'programs'>): BudgetIndex {
  const b: BudgetIndex = {
    nodes: new Map(),
    position: new Map(),
    children: new Map(),
    roots: [],
    budgets: new Map(),
    spending: new Map(),
    finalMemo: new Map(),
    descMemo: new Map(),
    stageMemo: new Map(),
    spentMemo: new Map(),
  };
  ds.programs.forEach((node, i) => {
    if (b.nodes.has(node.id)) return; // a duplicate id is a validation error; the first counts
    b.nodes.set(node.id, node);
    b.position.set(node.id, i);
    for (const e of node.budgets) pushYear(b.budgets, node.id, e);
    for (const e of node.spending ?? []) pushYear(b.spending, node.id, e);
  });
  for (const node of b.nodes.values()) {
    if (node.parent === undefined) {
      b.roots.push(node);
      continue;
    }
    const list = b.children.get(node.parent);
    if (list) list.push(node);
    else b.children.set(node.parent, [node]);
  }
  return b;
}

const srcKey = (e: { source?: string | undefined }): string => e.source ?? '';
const ownBudgets = (b: BudgetIndex, id: string, year: number): BudgetEntry[] => b.budgets.get(id)?.get(year) ?? [];
const ownSpending = (b: BudgetIndex, id: string, year: number): SpendingEntry[] => b.spending.get(id)?.get(year) ?? [];

function childrenOf(b: BudgetIndex, id: string, path: ReadonlySet<string>): ProgramNode[] {
  return (b.children.get(id) ?? []).filter((c) => !path.has(c.id));
}

const sumOrNull = sumMoney;

/** Budget of a node at a stage: its own entries at that stage, else its children's sum. */
export function stageBudget(b: BudgetIndex, nodeId: string, year: number, stage: BudgetStage): number | null {
  return stageOf(b, nodeId, year, stage, new Set());
}

function stageOf(b: BudgetIndex, id: string, year: number, stage: BudgetStage, path: Set<string>): number | null {
  const key = `${year}|${stage}|${id}`;
  if (b.stageMemo.has(key)) return b.stageMemo.get(key) ?? null;
  const own = ownBudgets(b, id, year).filter((e) => e.stage === stage);
  let result: number | null;
  if (own.length > 0) result = own.reduce((s, e) => addMoney(s, e.amount), 0);
  else {
    path.add(id);
    result = sumOrNull(childrenOf(b, id, path).map((c) => stageOf(b, c.id, year, stage, path)));
    path.delete(id);
  }
  b.stageMemo.set(key, result);
  return result;
}

/** Latest stage rank per source key over a node's strict descendants. */
function descendantStages(b: BudgetIndex, id: string, year: number, path: Set<string>): Map<string, number> {
  const key = `${year}|${id}`;
  const memo = b.descMemo.get(key);
  if (memo) return memo;
  const out = new Map<string, number>();
  const note = (k: string, r: number) => {
    if ((out.get(k) ?? -1) < r) out.set(k, r);
  };
  path.add(id);
  for (const c of childrenOf(b, id, path)) {
    for (const e of ownBudgets(b, c.id, year)) note(srcKey(e), stageRank(e.stage));
    for (const [k, r] of descendantStages(b, c.id, year, path)) note(k, r);
  }
  path.delete(id);
  b.descMemo.set(key, out);
  return out;
}

function mergeInto(target: BySource, add: BySource): void {
  for (const [k, v] of add) target.set(k, addMoney(target.get(k) ?? 0, v));
}

function finalBySource(b: BudgetIndex, id: string, year: number, path: Set<string>): BySource | null {
  const key = `${year}|${id}`;
  if (b.finalMemo.has(key)) return b.finalMemo.get(key) ?? null;
  path.add(id);
  let kids: BySource | null = null;
  for (const c of childrenOf(b, id, path)) {
    const f = finalBySource(b, c.id, year, path);
    if (f) mergeInto((kids ??= new Map()), f);
  }
  const desc = descendantStages(b, id, year, path);
  path.delete(id);

  const own = ownBudgets(b, id, year);
  let result: BySource | null;
  if (own.length === 0) result = kids;
  else {
    const latestOwn = new Map<string, number>();
    for (const e of own) latestOwn.set(srcKey(e), Math.max(latestOwn.get(srcKey(e)) ?? -1, stageRank(e.stage)));
    const ownAt = (k: string | null, rank: number) =>
      own.filter((e) => (k === null || srcKey(e) === k) && stageRank(e.stage) === rank).reduce((s, e) => addMoney(s, e.amount), 0);
    result = new Map();
    if (latestOwn.size === 1 && latestOwn.has('')) {
      // no source stated: one pot of money
      const latest = latestOwn.get('') ?? 0;
      const laterBelow = [...desc.values()].some((r) => r > latest);
      if (laterBelow && kids) result = kids;
      else result.set('', ownAt(null, latest));
    } else {
      for (const [k, latest] of latestOwn) {
        const laterBelow = (desc.get(k) ?? -1) > latest;
        const fromKids = kids?.get(k);
        result.set(k, laterBelow && fromKids !== undefined ? fromKids : ownAt(k, latest));
      }
      for (const [k, v] of kids ?? []) if (k !== '' && !latestOwn.has(k)) result.set(k, v);
    }
  }
  b.finalMemo.set(key, result);
  return result;
}

/**
 * Final budget (pagu) of a node: its own entry at its latest own stage (revised > shift >
 * initial), unless a descendant has an entry at a later stage; then, and for a node without
 * own entries, the sum of its children's final budgets. Per source, then summed.
 * `null` when neither the node nor any descendant has a budget entry for the year.
 */
export function finalBudget(b: BudgetIndex, nodeId: string, year: number): number | null {
  const bySource = finalBySource(b, nodeId, year, new Set());
  return bySource ? sumOrNull(bySource.values()) : null;
}

/** Final budget of a node per source key ("" = no source stated). */
export function finalBudgetBySource(b: BudgetIndex, nodeId: string, year: number): Map<string, number> | null {
  const m = finalBySource(b, nodeId, year, new Set());
  return m ? new Map(m) : null;
}

/** Spending of one source's entries: the `Y` entries, else those of the latest period. */
function spentOfEntries(entries: readonly SpendingEntry[]): number {
  const yearly = entries.filter((e) => (e.period ?? 'Y') === 'Y');
  if (yearly.length > 0) return yearly.reduce((s, e) => addMoney(s, e.amount), 0);
  let best = 0;
  for (const e of entries) best = Math.max(best, PERIOD_RANK[e.period ?? 'Y']);
  return entries.filter((e) => PERIOD_RANK[e.period ?? 'Y'] === best).reduce((s, e) => addMoney(s, e.amount), 0);
}

/**
 * Spent (realisasi anggaran) of a node in a year: the `Y` entry, else the latest cumulative
 * period entry (per source, summed); a node without own entries takes its children's sum.
 * `null` when nothing is recorded in the subtree.
 */
export function spent(b: BudgetIndex, nodeId: string, year: number): number | null {
  return spentOf(b, nodeId, year, new Set());
}

function spentOf(b: BudgetIndex, id: string, year: number, path: Set<string>): number | null {
  const key = `${year}|${id}`;
  if (b.spentMemo.has(key)) return b.spentMemo.get(key) ?? null;
  const own = ownSpending(b, id, year);
  let result: number | null;
  if (own.length > 0) {
    const bySource = new Map<string, SpendingEntry[]>();
    for (const e of own) {
      const list = bySource.get(srcKey(e));
      if (list) list.push(e);
      else bySource.set(srcKey(e), [e]);
    }
    result = 0;
    for (const list of bySource.values()) result += spentOfEntries(list);
  } else {
    path.add(id);
    result = sumOrNull(childrenOf(b, id, path).map((c) => spentOf(b, c.id, year, path)));
    path.delete(id);
  }
  b.spentMemo.set(key, result);
  return result;
}

/** Absorption (serapan) = spent ÷ final × 100; `null` when the final budget is 0 or unknown or nothing is spent. */
export function absorptionOf(final: number | null, spentAmount: number | null): number | null {
  if (final === null || final === 0 || spentAmount === null) return null;
  return (spentAmount * 100) / final;
}

/** Absorption of a node in a year. */
export function absorption(b: BudgetIndex, nodeId: string, year: number): number | null {
  return absorptionOf(finalBudget(b, nodeId, year), spent(b, nodeId, year));
}

export interface BudgetTotals {
  final: number | null;
  spent: number | null;
  absorption: number | null;
}

const isBudgetIndex = (x: Pick<Dataset, 'programs'> | BudgetIndex): x is BudgetIndex => 'finalMemo' in x;

/** The agency's totals: the sums over top-level program nodes (nodes without a parent). */
export function agencyBudget(source: Pick<Dataset, 'programs'> | BudgetIndex, year: number): BudgetTotals {
  const b = isBudgetIndex(source) ? source : indexBudgets(source);
  const final = sumOrNull(b.roots.map((n) => finalBudget(b, n.id, year)));
  const spentTotal = sumOrNull(b.roots.map((n) => spent(b, n.id, year)));
  return { final, spent: spentTotal, absorption: absorptionOf(final, spentTotal) };
}

/** Tolerance of budget comparisons: half a cent. */
const MONEY_EPS = 0.005;

/**
 * Findings on the budget of a year: a parent's own entry at a stage that differs from the
 * sum of its children at that stage (only where the children have something at that stage).
 */
export function budgetFindings(b: BudgetIndex, year: number): Finding[] {
  const out: Finding[] = [];
  for (const node of b.nodes.values()) {
    const own = ownBudgets(b, node.id, year);
    if (own.length === 0 || !b.children.get(node.id)?.length) continue;
    for (const stage of STAGE_ORDER) {
      const at = own.filter((e) => e.stage === stage);
      if (at.length === 0) continue;
      const ownAmount = at.reduce((s, e) => addMoney(s, e.amount), 0);
      const kids = sumOrNull(childrenOf(b, node.id, new Set([node.id])).map((c) => stageBudget(b, c.id, year, stage)));
      if (kids === null || Math.abs(kids - ownAmount) <= MONEY_EPS) continue;
      out.push(
        finding(
          'warning',
          'budget-parent-differs-from-children',
          `programs[${b.position.get(node.id) ?? '?'}].budgets (${node.id}, ${year}, ${stage})`,
          `the ${stage} budget of ${node.id} in ${year} is ${ownAmount}, but its children's ${stage} budgets add up to ${kids} (difference ${ownAmount - kids}); expected them to be equal`,
          `${STAGE_ID[stage]} ${node.id} tahun ${year} sebesar ${ownAmount}, tetapi jumlah ${STAGE_ID[stage]} kegiatan/sub kegiatan di bawahnya ${kids} (selisih ${ownAmount - kids}); seharusnya sama`,
        ),
      );
    }
  }
  return out;
}
