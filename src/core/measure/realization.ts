/**
 * The realization of an indicator in a year, from its realization entries
 * (measurement.md, "Achievement"; dataset-format.md, "Realization").
 *
 * - The `Y` entry is the year's realization.
 * - Without one, and with cumulative period values (the default), the latest period entry
 *   that has a value counts (Q4 ≥ S2 > Q3 > Q2 ≥ S1 > Q1) and the result is provisional.
 * - Decision: with `periodValues: "separate"` each period carries its own amount, so the
 *   year's value is the sum of the quarters' values (or, without any quarter, of the
 *   semesters'); provisional too. A ratio indicator adds numerators and denominators
 *   (when every period has both parts, otherwise the latest period counts as if cumulative);
 *   a category indicator takes the best category of the periods.
 * - A ratio realization with both parts is numerator ÷ denominator × factor (default 100).
 * - A `status` makes the row unmeasured with the status as its reason; a period entry with a
 *   status counts only when no period entry has a value.
 * - The workflow `state` is reported (default `approved`); combined periods report the least
 *   advanced state among them.
 */
import type { Indicator, Period, Realization, WorkflowState } from '../dataset/schema.js';
import { bestCategory } from './achievement.js';
import { PERIOD_RANK } from './budget.js';
import type { IndexedRealization } from './context.js';
import { UNMEASURED_REASON_ID } from './reasons.js';
import { rangeText, realizationOutOfRange } from '../dataset/ranges.js';

export type UnmeasuredReason =
  | 'no realization'
  | 'no data'
  | 'postponed'
  | 'not applicable'
  | 'zero target'
  | 'zero realization'
  | 'zero denominator'
  | 'unknown category'
  | 'unknown target category'
  | 'invalid target'
  | 'no target'
  | 'unknown indicator'
  | 'cycle'
  | 'no applicable indicators'
  | 'out of range'
  | 'awaiting approval';

export interface RealizedValue {
  ok: true;
  /** the number used in the achievement: the value, or a category's score */
  value: number;
  /** what the output shows: the number, or the best category's label */
  display: number | string;
  provisional: boolean;
  /** the period the value comes from; `computed` for a derived indicator */
  period: Period | 'computed';
  state: WorkflowState;
  parts?: { numerator: number; denominator: number };
  /** all realized category labels, when there were several */
  categories?: string[];
  /** realizations[i] positions the value comes from */
  sources: number[];
  /** computed from a register (measure/register.ts): which, and the day its count stands for */
  register?: { register: string; asOf: string };
}

export interface NotRealized {
  ok: false;
  reason: UnmeasuredReason;
  /** the number entered, shown though not scored (a realization outside its valid range) */
  display?: number;
  /** why, in words, for the finding */
  message: string;
  /** the same in Indonesian */
  messageId: string;
  state: WorkflowState | null;
  sources: number[];
}

export type Realized = RealizedValue | NotRealized;

export const STATE_ORDER: readonly WorkflowState[] = ['draft', 'submitted', 'verified', 'approved'];
export const leastAdvanced = (states: readonly WorkflowState[]): WorkflowState =>
  states.reduce<WorkflowState>((a, s) => (STATE_ORDER.indexOf(s) < STATE_ORDER.indexOf(a) ? s : a), 'approved');

const STATUS_REASON = { 'no-data': 'no data', postponed: 'postponed', 'not-applicable': 'not applicable' } as const;

type EntryValue =
  | { ok: true; value: number; display: number | string; parts?: { numerator: number; denominator: number }; categories?: string[] }
  | { ok: false; reason: UnmeasuredReason; message: string; messageId: string; display?: number };

/** The value one realization entry gives, by the indicator's measure. */
export function valueOfEntry(indicator: Indicator, r: Realization): EntryValue {
  const m = indicator.measure;
  if (m.type === 'category') {
    const labels = r.categories ?? (r.category !== undefined ? [r.category] : []);
    if (labels.length > 0) {
      const best = bestCategory(m.categories, labels);
      if (!best) {
        const given = labels.map((l) => `"${l}"`).join(', ');
        const known = m.categories.map((c) => `"${c.label}"`).join(', ');
        return {
          ok: false,
          reason: 'unknown category',
          message: `the realized categories ${given} are none of the indicator's categories (${known})`,
          messageId: `kategori realisasi ${given} tidak termasuk kategori indikator ini (${known})`,
        };
      }
      const out: EntryValue = { ok: true, value: best.score, display: best.label };
      if (labels.length > 1) out.categories = [...labels];
      return out;
    }
    if (r.value !== undefined) return { ok: true, value: r.value, display: r.value };
    return {
      ok: false,
      reason: 'no realization',
      message: 'the realization entry has neither a category nor a value',
      messageId: 'isian realisasi tidak memuat kategori maupun nilai',
    };
  }
  // a number outside its range is never scored: kept as printed (`outOfRange`), or refused by
  // validation before measurement (dataset-format.md, "Ranges")
  const zeroDenominator = m.type === 'ratio' && r.numerator !== undefined && r.denominator === 0;
  const violation = m.type === 'derived' || zeroDenominator ? undefined : realizationOutOfRange(indicator, r);
  if (violation) {
    const range = rangeText(violation.range);
    const marked = r.outOfRange?.reason;
    const shown = r.numerator !== undefined && r.denominator !== undefined && r.denominator !== 0 && m.type === 'ratio' ? (r.numerator * (m.factor ?? 100)) / r.denominator : r.value;
    return {
      ok: false,
      reason: 'out of range',
      ...(shown !== undefined && Number.isFinite(shown) ? { display: shown } : {}),
      message: `the realization's ${violation.field}: ${violation.problem.en}, outside its range ${range.en}${marked !== undefined ? `; kept as printed ("${marked}"), not scored` : ''}`,
      messageId: `${violation.field === 'numerator' ? 'pembilang' : violation.field === 'denominator' ? 'penyebut' : 'nilai'} realisasi: ${violation.problem.id}, di luar rentang yang sah ${range.id}${marked !== undefined ? `; dipertahankan sesuai sumber ("${marked}"), tidak dinilai` : ''}`,
    };
  }
  if (m.type === 'ratio' && r.numerator !== undefined && r.denominator !== undefined) {
    if (r.denominator === 0) {
      return {
        ok: false,
        reason: 'zero denominator',
        message: `the realization's denominator (${m.denominator}) is 0`,
        messageId: `penyebut realisasi (${m.denominator}) bernilai 0`,
      };
    }
    const value = (r.numerator * (m.factor ?? 100)) / r.denominator;
    return { ok: true, value, display: value, parts: { numerator: r.numerator, denominator: r.denominator } };
  }
  if (r.value !== undefined) return { ok: true, value: r.value, display: r.value };
  return { ok: false, reason: 'no realization', message: 'the realization entry has no value', messageId: 'isian realisasi tidak memuat nilai' };
}

const stateOf = (r: Realization): WorkflowState => r.state ?? 'approved';

const noRealization = (): NotRealized => ({
  ok: false,
  reason: 'no realization',
  message: 'no realization is recorded for the year',
  messageId: 'belum ada realisasi yang dicatat untuk tahun ini',
  state: null,
  sources: [],
});

function fromStatus(e: IndexedRealization): NotRealized | null {
  const s = e.r.status;
  if (s === undefined) return null;
  const reason = STATUS_REASON[s];
  return {
    ok: false,
    reason,
    message: `the source states the realization is ${reason}${e.r.note ? ` (${e.r.note})` : ''}`,
    messageId: `menurut sumber data, ${UNMEASURED_REASON_ID[reason]}${e.r.note ? ` (${e.r.note})` : ''}`,
    state: stateOf(e.r),
    sources: [e.i],
  };
}

function single(e: IndexedRealization, v: Extract<EntryValue, { ok: true }>, provisional: boolean): RealizedValue {
  const out: RealizedValue = {
    ok: true,
    value: v.value,
    display: v.display,
    provisional,
    period: e.r.period ?? 'Y',
    state: stateOf(e.r),
    sources: [e.i],
  };
  if (v.parts) out.parts = v.parts;
  if (v.categories) out.categories = v.categories;
  return out;
}

/**
 * The realization of a (non-derived) indicator in a year from its entries of that year.
 * `entries` are the indicator's realizations of that year, in document order.
 */
export function realizationOfEntries(indicator: Indicator, entries: readonly IndexedRealization[] | undefined): Realized {
  if (!entries || entries.length === 0) {
    return noRealization();
  }
  const yearly = entries.find((e) => (e.r.period ?? 'Y') === 'Y');
  if (yearly) {
    const status = fromStatus(yearly);
    if (status) return status;
    const v = valueOfEntry(indicator, yearly.r);
    if (!v.ok) return { ...v, state: stateOf(yearly.r), sources: [yearly.i] };
    return single(yearly, v, false);
  }

  const periods = entries.filter((e) => e.r.status === undefined);
  const valued: { e: IndexedRealization; v: Extract<EntryValue, { ok: true }> }[] = [];
  let firstFailure: NotRealized | null = null;
  for (const e of periods) {
    const v = valueOfEntry(indicator, e.r);
    if (v.ok) valued.push({ e, v });
    else firstFailure ??= { ...v, state: stateOf(e.r), sources: [e.i] };
  }
  if (valued.length === 0) {
    if (firstFailure) return firstFailure;
    // only entries with a status: the latest one says why
    const latest = [...entries].sort((a, b) => PERIOD_RANK[b.r.period ?? 'Y'] - PERIOD_RANK[a.r.period ?? 'Y'])[0];
    return (latest && fromStatus(latest)) ?? noRealization();
  }
  const latest = valued.reduce((a, b) => (PERIOD_RANK[b.e.r.period ?? 'Y'] > PERIOD_RANK[a.e.r.period ?? 'Y'] ? b : a));
  if (indicator.periodValues !== 'separate') return single(latest.e, latest.v, true);
  return separateSum(indicator, valued, latest);
}

function separateSum(
  indicator: Indicator,
  valued: { e: IndexedRealization; v: Extract<EntryValue, { ok: true }> }[],
  latest: { e: IndexedRealization; v: Extract<EntryValue, { ok: true }> },
): RealizedValue {
  const quarters = valued.filter((x) => (x.e.r.period ?? 'Y').startsWith('Q'));
  const used = quarters.length > 0 ? quarters : valued.filter((x) => (x.e.r.period ?? 'Y').startsWith('S'));
  const m = indicator.measure;
  const base = {
    ok: true as const,
    provisional: true,
    period: latest.e.r.period ?? 'Y',
    state: leastAdvanced(used.map((x) => stateOf(x.e.r))),
    sources: used.map((x) => x.e.i),
  };
  if (m.type === 'category') {
    const best = used.reduce((a, b) => (b.v.value > a.v.value ? b : a));
    return { ...base, value: best.v.value, display: best.v.display };
  }
  if (m.type === 'ratio') {
    if (!used.every((x) => x.v.parts)) return single(latest.e, latest.v, true);
    const numerator = used.reduce((s, x) => s + (x.v.parts?.numerator ?? 0), 0);
    const denominator = used.reduce((s, x) => s + (x.v.parts?.denominator ?? 0), 0);
    if (denominator === 0) return single(latest.e, latest.v, true);
    const value = (numerator * (m.factor ?? 100)) / denominator;
    return { ...base, value, display: value, parts: { numerator, denominator } };
  }
  const value = used.reduce((s, x) => s + x.v.value, 0);
  return { ...base, value, display: value };
}
