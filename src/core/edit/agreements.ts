/**
 * Performance agreements (Perjanjian Kinerja): a year's PK drafted from its plan (targets
 * prefilled from the plan's yearly targets), an amendment (PK Perubahan) that copies the
 * agreement it amends and leaves it as it was, edits of an agreement, and the differences
 * between agreed and planned targets (reported, never resolved silently).
 */
import type { Agreement, AgreementBudget, AgreementRow, Dataset, Person } from '../dataset/schema.js';
import { indexDataset, resolveAgreementLocal } from '../dataset/model.js';
import { yearTarget } from '../measure/target.js';
import { checkInRange, copy, defined, EditError, notFound, type EditResult } from './common.js';
import { MONEY_RANGE, valueRange } from '../dataset/ranges.js';
import { text } from '../findings.js';

export interface FromPlanInput {
  plan: string;
  year: number;
  /** default `pk-<year>` */
  id?: string;
  signedOn: string;
  /** default: the place of the latest agreement, else the agency's region */
  place?: string;
  /** default: the agency head */
  firstParty?: Person;
  /** default: the second party of the latest agreement; required when there is none */
  secondParty?: Person;
  /** the plan indicators to agree on (default: every plan indicator with a goal and a target for the year) */
  indicators?: string[];
  budget?: AgreementBudget[];
}

const agreementAt = (ds: Dataset, id: string): number => {
  const i = ds.agreements.findIndex((a) => a.id === id);
  if (i < 0) throw notFound('agreement', 'perjanjian kinerja', 'agreement', id, ds.agreements.map((a) => a.id));
  return i;
};

/** Ids of plans, agreements and program nodes share one namespace (dataset-format.md). */
function checkFreeId(ds: Dataset, id: string, where: string): void {
  const taken = [...ds.plans, ...ds.agreements, ...ds.programs].some((x) => x.id === id);
  if (taken) {
    throw new EditError(
      'conflict',
      'duplicate-id',
      where,
      `the id "${id}" is already used by a plan, an agreement or a program node`,
      `id "${id}" sudah dipakai oleh rencana, perjanjian kinerja, atau program/kegiatan/sub kegiatan`,
    );
  }
}

/** Draft a year's agreement from a plan: one row per indicator, its target the plan's target for the year. */
export function agreementFromPlan(ds: Dataset, input: FromPlanInput): EditResult<Agreement> {
  const plan = ds.plans.find((p) => p.id === input.plan);
  if (!plan) throw notFound('plan', 'rencana', 'plan', input.plan, ds.plans.map((p) => p.id));
  if (input.year < plan.startYear || input.year > plan.endYear) {
    throw new EditError(
      'invalid',
      'year-outside-plan',
      'year',
      `${input.year} is outside plan ${plan.id} (${plan.startYear}–${plan.endYear})`,
      `tahun ${input.year} berada di luar periode rencana ${plan.id} (${plan.startYear}–${plan.endYear})`,
    );
  }
  const id = input.id ?? `pk-${input.year}`;
  checkFreeId(ds, id, 'id');
  const wanted = input.indicators;
  const indicators = plan.indicators ?? [];
  if (wanted) {
    const unknown = wanted.find((w) => !indicators.some((x) => x.id === w));
    if (unknown !== undefined) throw notFound('indicator', 'indikator', 'indicators', `${plan.id}/${unknown}`, indicators.map((x) => x.id));
  }
  const rows: AgreementRow[] = [];
  for (const ind of indicators) {
    if (wanted ? !wanted.includes(ind.id) : ind.goal === undefined || yearTarget(ind, input.year) === undefined) continue;
    const target = yearTarget(ind, input.year);
    if (ind.goal === undefined) {
      throw new EditError(
        'invalid',
        'indicator-without-goal',
        'indicators',
        `indicator ${plan.id}/${ind.id} measures no goal; an agreement row needs one`,
        `indikator ${plan.id}/${ind.id} tidak mengukur tujuan/sasaran mana pun; baris perjanjian kinerja memerlukannya`,
      );
    }
    if (target === undefined) {
      throw new EditError(
        'invalid',
        'no-plan-target',
        'indicators',
        `indicator ${plan.id}/${ind.id} has no target for ${input.year} in the plan; give the agreement's target by editing the row`,
        `indikator ${plan.id}/${ind.id} tidak memiliki target tahun ${input.year} dalam rencana; isikan target perjanjian kinerja dengan mengubah barisnya`,
      );
    }
    rows.push({ goal: ind.goal, indicator: ind.id, target });
  }
  if (rows.length === 0) {
    throw new EditError(
      'invalid',
      'nothing-to-agree',
      'plan',
      `plan ${plan.id} has no indicator with a goal and a target for ${input.year}`,
      `rencana ${plan.id} tidak memiliki indikator yang mempunyai tujuan/sasaran dan target tahun ${input.year}`,
    );
  }
  const latest = ds.agreements.at(-1);
  const secondParty = input.secondParty ?? latest?.secondParty;
  if (!secondParty) {
    throw new EditError(
      'invalid',
      'second-party-required',
      'secondParty',
      'the first agreement needs its second party (the superior who signs it)',
      'perjanjian kinerja pertama memerlukan pihak kedua (atasan yang menandatanganinya)',
    );
  }
  const agreement: Agreement = {
    id,
    year: input.year,
    kind: 'original',
    plan: plan.id,
    signedOn: input.signedOn,
    place: input.place ?? latest?.place ?? ds.agency.region,
    firstParty: input.firstParty ?? ds.agency.head,
    secondParty,
    rows,
    budget: input.budget ?? [],
  };
  const next = copy(ds);
  next.agreements.push(agreement);
  return { dataset: next, entity: 'agreement', key: id, before: null, after: agreement };
}

export interface AmendInput {
  /** default `<amended id>-perubahan` (then `-perubahan-2`, …) */
  id?: string;
  signedOn: string;
  place?: string;
}

/** An amendment (PK Perubahan): a copy of the agreement's rows, parties and budget; the original stays as it was. */
export function amendAgreement(ds: Dataset, amendedId: string, input: AmendInput): EditResult<Agreement> {
  const original = ds.agreements[agreementAt(ds, amendedId)]!;
  let id = input.id;
  if (id === undefined) {
    const base = `${amendedId}-perubahan`;
    id = base;
    for (let n = 2; ds.agreements.some((a) => a.id === id); n++) id = `${base}-${n}`;
  }
  checkFreeId(ds, id, 'id');
  const amendment: Agreement = defined({
    id,
    year: original.year,
    kind: 'amendment' as const,
    amends: amendedId,
    plan: original.plan,
    signedOn: input.signedOn,
    place: input.place ?? original.place,
    firstParty: copy(original.firstParty),
    secondParty: copy(original.secondParty),
    rows: copy(original.rows),
    budget: copy(original.budget),
  });
  const next = copy(ds);
  next.agreements.push(amendment);
  return { dataset: next, entity: 'agreement', key: id, before: null, after: amendment };
}

export interface AgreementChanges {
  signedOn?: string;
  place?: string;
  firstParty?: Person;
  secondParty?: Person;
  rows?: AgreementRow[];
  budget?: AgreementBudget[];
  note?: string;
}

export function updateAgreement(ds: Dataset, id: string, changes: AgreementChanges): EditResult<Agreement> {
  const next = copy(ds);
  const i = agreementAt(next, id);
  const before = ds.agreements[i]!;
  const after: Agreement = { ...next.agreements[i]!, ...defined(changes) };
  checkAgreementRanges(ds, after, changes);
  next.agreements[i] = after;
  return { dataset: next, entity: 'agreement', key: id, before, after };
}

/**
 * Remove an agreement drafted by mistake. Refused while an amendment (PK Perubahan) amends
 * it: the amendment is removed first. Whatever else still refers to it (a realization of an
 * indicator it defines) is reported by validation of the whole result, and nothing is written.
 */
export function removeAgreement(ds: Dataset, id: string): EditResult<Agreement> {
  const i = agreementAt(ds, id);
  const amendments = ds.agreements.filter((a) => a.amends === id).map((a) => a.id);
  if (amendments.length > 0) {
    throw new EditError(
      'conflict',
      'agreement-amended',
      'agreement',
      `agreement ${id} is amended by ${amendments.join(', ')}; remove the amendment first`,
      `perjanjian kinerja ${id} diubah oleh ${amendments.join(', ')}; hapus PK Perubahan tersebut terlebih dahulu`,
    );
  }
  const next = copy(ds);
  const [before] = next.agreements.splice(i, 1);
  return { dataset: next, entity: 'agreement', key: id, before: before!, after: null };
}

export interface TargetDifference {
  /** the row's indicator as written in the agreement */
  indicator: string;
  /** the full reference it resolves to */
  ref: string | null;
  target: number | string;
  /** the plan's target for the agreement's year; `null` when the plan has none */
  planTarget: number | null;
  /** target − planTarget for numbers; `null` when either is not a number */
  difference: number | null;
}

/** Each row's agreed target beside the plan's target for the year. */
export function targetDifferences(ds: Dataset, agreement: Agreement): TargetDifference[] {
  const idx = indexDataset(ds);
  return agreement.rows.map((row) => {
    const ref = resolveAgreementLocal(idx, agreement, row.indicator, 'indicators') ?? null;
    const entry = ref ? idx.indicators.get(ref) : undefined;
    const planTarget = entry && entry.owner.kind === 'plan' ? (yearTarget(entry.indicator, agreement.year) ?? null) : null;
    const difference = typeof row.target === 'number' && planTarget !== null ? row.target - planTarget : null;
    return { indicator: row.indicator, ref, target: row.target, planTarget, difference };
  });
}

/** The changed rows' numeric targets within their indicator's range, the budget's amounts ≥ 0 (ranges.ts), unless marked `outOfRange`. */
function checkAgreementRanges(ds: Dataset, a: Agreement, changes: AgreementChanges): void {
  const idx = indexDataset(ds);
  (changes.rows ?? []).forEach((row, k) => {
    if (typeof row.target !== 'number' || row.outOfRange) return;
    const ref = resolveAgreementLocal(idx, a, row.indicator, 'indicators');
    const entry = ref !== undefined ? idx.indicators.get(ref) : undefined;
    const range = entry ? valueRange(entry.indicator) : null;
    if (!entry || !range) return;
    checkInRange(`rows[${k}].target`, text(`the agreed target of ${entry.ref} "${entry.indicator.name}"`, `target perjanjian kinerja untuk ${entry.ref} "${entry.indicator.name}"`), row.target, range);
  });
  (changes.budget ?? []).forEach((b, k) => {
    if (b.outOfRange) return;
    checkInRange(`budget[${k}].amount`, text(`the budget of program ${b.program} in agreement ${a.id}`, `anggaran program ${b.program} dalam perjanjian kinerja ${a.id}`), b.amount, MONEY_RANGE);
  });
}
