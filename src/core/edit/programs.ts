/**
 * Program nodes: budgets by stage, spending by period, and supports (the indicators a node's
 * money serves). Each change replaces one year's entries of one node (or its supports).
 */
import type { BudgetEntry, Dataset, ProgramNode, SpendingEntry, Support } from '../dataset/schema.js';
import { checkInRange, copy, notFound, type EditResult } from './common.js';
import { MONEY_RANGE, PHYSICAL_RANGE } from '../dataset/ranges.js';
import { text, type Text } from '../findings.js';

const nodeWhat = (ds: Dataset, nodeId: string, kind: Text): Text => {
  const name = ds.programs.find((n) => n.id === nodeId)?.name ?? nodeId;
  return text(`${kind.en} of ${nodeId} "${name}"`, `${kind.id} ${nodeId} "${name}"`);
};

function nodeAt(ds: Dataset, nodeId: string): number {
  const i = ds.programs.findIndex((n) => n.id === nodeId);
  if (i < 0) throw notFound('program node', 'program/kegiatan/sub kegiatan', 'node', nodeId, ds.programs.map((n) => n.id));
  return i;
}

/** Replace the entries of `year` in a list, the new ones where the first old one was (else at the end). */
function replaceYear<T extends { year: number }>(list: readonly T[], year: number, entries: readonly T[]): T[] {
  const first = list.findIndex((e) => e.year === year);
  const rest = list.filter((e) => e.year !== year);
  const at = first < 0 ? rest.length : list.slice(0, first).filter((e) => e.year !== year).length;
  return [...rest.slice(0, at), ...entries, ...rest.slice(at)];
}

function changeNode(ds: Dataset, nodeId: string, change: (node: ProgramNode) => ProgramNode): EditResult<ProgramNode> {
  const next = copy(ds);
  const i = nodeAt(next, nodeId);
  const before = ds.programs[i]!;
  const after = change(next.programs[i]!);
  next.programs[i] = after;
  return { dataset: next, entity: 'program', key: nodeId, before, after };
}

export type BudgetInput = Omit<BudgetEntry, 'year'>;
export type SpendingInput = Omit<SpendingEntry, 'year'>;

/** The node's budget entries for `year` become `entries` (anggaran awal, pergeseran, perubahan). */
export function setBudgets(ds: Dataset, nodeId: string, year: number, entries: readonly BudgetInput[]): EditResult<ProgramNode> {
  entries.forEach((e, i) => {
    if (!e.outOfRange) checkInRange(`entries[${i}].amount`, nodeWhat(ds, nodeId, text(`the ${year} budget (${e.stage})`, `pagu ${year} (${e.stage})`)), e.amount, MONEY_RANGE);
  });
  return changeNode(ds, nodeId, (node) => ({ ...node, budgets: replaceYear(node.budgets, year, entries.map((e) => ({ year, ...e }))) }));
}

/** The node's spending entries for `year` become `entries` (by quarter, semester or the year). */
export function setSpending(ds: Dataset, nodeId: string, year: number, entries: readonly SpendingInput[]): EditResult<ProgramNode> {
  entries.forEach((e, i) => {
    if (e.outOfRange) return;
    const what = nodeWhat(ds, nodeId, text(`the ${year} spending`, `realisasi belanja ${year}`));
    checkInRange(`entries[${i}].amount`, what, e.amount, MONEY_RANGE);
    checkInRange(`entries[${i}].physical`, what, e.physical, PHYSICAL_RANGE);
  });
  return changeNode(ds, nodeId, (node) => {
    const spending = replaceYear(node.spending ?? [], year, entries.map((e) => ({ year, ...e })));
    const { spending: _old, ...rest } = node;
    return spending.length > 0 || node.spending !== undefined ? { ...rest, spending } : rest;
  });
}

export function setSupports(ds: Dataset, nodeId: string, supports: readonly Support[]): EditResult<ProgramNode> {
  return changeNode(ds, nodeId, (node) => ({ ...node, supports: [...supports] }));
}
