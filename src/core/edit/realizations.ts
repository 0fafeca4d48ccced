/**
 * Realizations: entry (by quarter, semester or year), removal, evidence, and the workflow
 * draft → submitted → verified → approved (dataset-format.md, "Realization"). A realization is
 * identified by indicator, year and period (an absent period is the year, `Y`).
 */
import type { Dataset, Indicator, Period, Realization, WorkflowState } from '../dataset/schema.js';
import { indexDataset } from '../dataset/model.js';
import { copy, defined, EditError, rangeError, type EditResult } from './common.js';
import { realizationViolations } from '../dataset/ranges.js';
import { text } from '../findings.js';
import { STATE_ID } from '../measure/reasons.js';

export interface RealizationKey {
  indicator: string;
  year: number;
  period: Period;
}

export const realizationKeyText = (k: RealizationKey): string => `${k.indicator}@${k.year}/${k.period}`;

export const keyOf = (r: Realization): RealizationKey => ({ indicator: r.indicator, year: r.year, period: r.period ?? 'Y' });

/** The state a realization is in: imported data without one is approved (dataset-format.md). */
export const stateOf = (r: Pick<Realization, 'state'>): WorkflowState => r.state ?? 'approved';

export function findRealization(ds: Dataset, k: RealizationKey): { index: number; realization: Realization } | undefined {
  const index = ds.realizations.findIndex((r) => r.indicator === k.indicator && r.year === k.year && (r.period ?? 'Y') === k.period);
  return index < 0 ? undefined : { index, realization: ds.realizations[index]! };
}

/** The indicator a realization is of, or an error naming what is known. */
export function indicatorOf(ds: Dataset, ref: string): Indicator {
  const entry = indexDataset(ds).indicators.get(ref);
  if (!entry) {
    throw new EditError(
      'not-found',
      'unknown-indicator',
      'indicator',
      `no indicator "${ref}"; expected a reference such as "renstra-2021-2026/UMM" (plan, agreement or program node id, a slash, the indicator id)`,
      `tidak ada indikator "${ref}"; seharusnya berupa rujukan seperti "renstra-2021-2026/UMM" (id rencana, perjanjian kinerja, atau program/kegiatan/sub kegiatan, garis miring, lalu id indikator)`,
    );
  }
  return entry.indicator;
}

/** What the person entering a realization gives: the value fields, a status, a note. */
export interface RealizationEntry {
  value?: number;
  numerator?: number;
  denominator?: number;
  category?: string;
  categories?: string[];
  status?: Realization['status'];
  note?: string;
}

/** Which value fields an indicator's measure takes, checked before anything is stored. */
function checkEntry(indicator: Indicator, e: RealizationEntry): void {
  const bad = (where: string, en: string, id: string) => new EditError('invalid', 'realization-value', where, en, id);
  const has = (x: unknown) => x !== undefined;
  if (e.status !== undefined) {
    if (!e.note) {
      throw bad(
        'note',
        `a realization with status "${e.status}" needs a note saying why there is no value`,
        `realisasi berstatus "${e.status}" memerlukan catatan yang menjelaskan mengapa tidak ada nilai`,
      );
    }
    if (has(e.value) || has(e.numerator) || has(e.denominator) || has(e.category) || has(e.categories)) {
      throw bad(
        'status',
        `a realization with status "${e.status}" has no value; leave value, numerator, denominator and category out`,
        `realisasi berstatus "${e.status}" tidak memiliki nilai; kosongkan nilai, pembilang, penyebut, dan kategori`,
      );
    }
    return;
  }
  const m = indicator.measure;
  switch (m.type) {
    case 'ratio': {
      const parts = has(e.numerator) || has(e.denominator);
      if (parts && !(has(e.numerator) && has(e.denominator))) {
        throw bad(
          has(e.numerator) ? 'denominator' : 'numerator',
          `give both the numerator (${m.numerator}) and the denominator (${m.denominator})`,
          `isikan pembilang (${m.numerator}) dan penyebut (${m.denominator}) sekaligus`,
        );
      }
      if (!parts && !has(e.value)) {
        throw bad(
          'value',
          `expected the numerator (${m.numerator}) and the denominator (${m.denominator}), or a value`,
          `seharusnya diisi pembilang (${m.numerator}) dan penyebut (${m.denominator}), atau nilai`,
        );
      }
      if (has(e.category) || has(e.categories)) throw bad('category', 'a ratio indicator takes numbers, not categories', 'indikator rasio diisi dengan angka, bukan kategori');
      return;
    }
    case 'category': {
      const labels = m.categories.map((c) => c.label);
      const given = [...(e.category !== undefined ? [e.category] : []), ...(e.categories ?? [])];
      const shown = labels.map((l) => `"${l}"`).join(', ');
      if (given.length === 0) throw bad('category', `expected a category: one of ${shown}`, `seharusnya diisi kategori: salah satu dari ${shown}`);
      const unknown = given.find((g) => !labels.includes(g));
      if (unknown !== undefined) throw bad('category', `"${unknown}" is none of the categories ${shown}`, `"${unknown}" tidak termasuk kategori ${shown}`);
      if (has(e.value) || has(e.numerator) || has(e.denominator)) {
        throw bad('value', 'a category indicator takes a category, not a number', 'indikator kategori diisi dengan kategori, bukan angka');
      }
      return;
    }
    case 'derived':
      throw bad(
        'indicator',
        `the realization of a derived indicator (${m.rule}) is computed from the indicators it lists; it is not entered`,
        `realisasi indikator turunan (${m.rule}) dihitung dari indikator yang disebutkannya; realisasi ini tidak diisikan`,
      );
    case 'countOf':
      throw bad(
        'indicator',
        `the realization of this indicator is the number of ${m.list === 'awards' ? 'awards' : m.list} of the year the dataset lists; it is not entered`,
        `realisasi indikator ini adalah jumlah ${m.list === 'awards' ? 'penghargaan' : m.list} tahun berjalan yang tercatat dalam data; realisasi ini tidak diisikan`,
      );
    default:
      if (!has(e.value)) throw bad('value', 'expected a value', 'seharusnya diisi nilai');
      if (has(e.numerator) || has(e.denominator) || has(e.category) || has(e.categories)) {
        throw bad('value', `a ${m.type} indicator takes a value only`, `indikator ${m.type} hanya diisi dengan nilai`);
      }
  }
}

/**
 * Enter a realization: a new one is a `draft`; an existing one keeps its state, evidence and
 * `where`, and takes the entry's value fields, status and note (fields left out are removed:
 * the entry is the realization's whole value).
 */
export function putRealization(ds: Dataset, k: RealizationKey, entry: RealizationEntry): EditResult<Realization> {
  const indicator = indicatorOf(ds, k.indicator);
  const reg = indicator.fromRegister;
  if (reg && (reg.since === undefined || k.year >= reg.since)) {
    const name = ds.registers?.find((r) => r.id === reg.count.register)?.name ?? reg.count.register;
    throw new EditError(
      'invalid',
      'realization-value',
      'indicator',
      `the realization of this indicator from ${reg.since ?? k.year} is computed from the register "${name}"; it is not entered`,
      `realisasi indikator ini sejak ${reg.since ?? k.year} dihitung dari register "${name}"; realisasi ini tidak diisikan`,
    );
  }
  checkEntry(indicator, entry);
  // every number within its range (ranges.ts); an edit never keeps an impossible value
  const violation = realizationViolations(indicator, entry)[0];
  if (violation) {
    const what = text(`the realization of ${k.indicator} "${indicator.name}"`, `realisasi ${k.indicator} "${indicator.name}"`);
    throw rangeError(violation.field, what, violation);
  }
  const next = copy(ds);
  const found = findRealization(next, k);
  const kept = found
    ? { state: found.realization.state, evidence: found.realization.evidence, where: found.realization.where, extra: found.realization.extra }
    : { state: 'draft' as const };
  const record: Realization = defined({
    indicator: k.indicator,
    year: k.year,
    ...(k.period !== 'Y' || found?.realization.period !== undefined ? { period: k.period } : {}),
    value: entry.value,
    numerator: entry.numerator,
    denominator: entry.denominator,
    category: entry.category,
    categories: entry.categories,
    status: entry.status,
    state: kept.state,
    note: entry.note,
    evidence: kept.evidence,
    where: kept.where,
    extra: kept.extra,
  });
  if (found) next.realizations[found.index] = record;
  else next.realizations.push(record);
  return { dataset: next, entity: 'realization', key: realizationKeyText(k), before: found?.realization ?? null, after: record };
}

export function removeRealization(ds: Dataset, k: RealizationKey): EditResult<Realization> {
  const found = findRealization(ds, k);
  if (!found) throw missing(k);
  const next = copy(ds);
  next.realizations.splice(found.index, 1);
  return { dataset: next, entity: 'realization', key: realizationKeyText(k), before: found.realization, after: null };
}

/** Add an evidence reference (a stored file's id) to a realization. */
export function addEvidence(ds: Dataset, k: RealizationKey, evidence: string): EditResult<Realization> {
  const found = findRealization(ds, k);
  if (!found) throw missing(k);
  const next = copy(ds);
  const record = { ...found.realization, evidence: [...(found.realization.evidence ?? []), evidence] };
  next.realizations[found.index] = record;
  return { dataset: next, entity: 'realization', key: realizationKeyText(k), before: found.realization, after: record };
}

function missing(k: RealizationKey): EditError {
  return new EditError(
    'not-found',
    'unknown-realization',
    'realization',
    `no realization of ${k.indicator} for ${k.year} period ${k.period}`,
    `tidak ada realisasi ${k.indicator} tahun ${k.year} periode ${k.period}`,
  );
}

// ---------------------------------------------------------------- workflow

export type WorkflowAction = 'submit' | 'verify' | 'approve' | 'return' | 'reopen';

/** The workflow as data: for each action, the states it starts from and the state it leads to. */
export const WORKFLOW: Record<WorkflowAction, { from: readonly WorkflowState[]; to: WorkflowState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'verified' },
  approve: { from: ['verified'], to: 'approved' },
  /** sent back for correction before approval */
  return: { from: ['submitted', 'verified'], to: 'draft' },
  /** unlock an approved realization (audited like every change) */
  reopen: { from: ['approved'], to: 'draft' },
};

/** The workflow's states and actions in Indonesian (the interface's words: draf, diajukan …; ajukan, verifikasi …). */
export { STATE_ID };
export const ACTION_ID: Readonly<Record<WorkflowAction, string>> = {
  submit: 'mengajukan',
  verify: 'memverifikasi',
  approve: 'menyetujui',
  return: 'mengembalikan ke draf',
  reopen: 'membuka kembali',
};

/** The actions the workflow allows from a state (before any role is considered). */
export const actionsFrom = (state: WorkflowState): WorkflowAction[] =>
  (Object.keys(WORKFLOW) as WorkflowAction[]).filter((a) => WORKFLOW[a].from.includes(state));

export function transitionRealization(ds: Dataset, k: RealizationKey, action: WorkflowAction): EditResult<Realization> {
  const found = findRealization(ds, k);
  if (!found) throw missing(k);
  const state = stateOf(found.realization);
  const step = WORKFLOW[action];
  if (!step.from.includes(state)) {
    throw new EditError(
      'conflict',
      'invalid-transition',
      'action',
      `cannot ${action} a realization that is ${state}; ${action} applies to ${step.from.join(' or ')} (allowed now: ${actionsFrom(state).join(', ') || 'none'})`,
      `tidak dapat ${ACTION_ID[action]} realisasi yang berstatus ${STATE_ID[state]}; tindakan ${action} hanya berlaku untuk realisasi berstatus ${step.from.map((s) => STATE_ID[s]).join(' atau ')} (yang dapat dilakukan sekarang: ${actionsFrom(state).join(', ') || 'tidak ada'})`,
    );
  }
  const next = copy(ds);
  const record: Realization = { ...found.realization, state: step.to };
  next.realizations[found.index] = record;
  return { dataset: next, entity: 'realization', key: realizationKeyText(k), before: found.realization, after: record };
}
