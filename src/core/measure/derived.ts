/**
 * Derived indicators (measurement.md, "Achievement", rule `shareAchieved`): the percentage of
 * the listed indicators that are achieved in the year.
 *
 * - Each listed indicator is measured against its agreed target where it is a row of the
 *   year's latest agreement, else against its own target for the year.
 * - A `not applicable` one is left out of the count; any other unmeasured one counts as not
 *   achieved and is named in a finding.
 * - A realization entered directly is compared with the computed one at the entered value's
 *   printed precision (a finding where they differ); the computed one is used.
 * - Decision: when none of the listed indicators is measured in the year (nothing to count
 *   from), the computed share says nothing; an entered realization is then used, with a
 *   finding, and without one the indicator is unmeasured. This keeps past years, whose
 *   member data are often not in the dataset, in the trend.
 * - A listed indicator that is being measured already (a cycle) counts as unmeasured, with
 *   an error finding.
 */
import type { WorkflowState } from '../dataset/schema.js';
import type { IndicatorEntry } from '../dataset/model.js';
import { finding, type Finding } from '../findings.js';
import { agreesAtPrecision, formatNumber } from '../format.js';
import type { MeasureContext } from './context.js';
import { leastAdvanced, realizationOfEntries, type Realized } from './realization.js';
import { unmeasuredReasonId } from './reasons.js';

export interface MemberOutcome {
  ref: string;
  name: string;
  /** `true` achieved, `false` measured and not achieved, `null` unmeasured */
  achieved: boolean | null;
  /** why it is unmeasured */
  reason?: string;
  provisional: boolean;
  state: WorkflowState | null;
  /** findings of its own measurement that concern the whole structure (cycles) */
  findings?: Finding[];
}

/** Measures one listed indicator against `target` (undefined: its own target for the year). */
export type MeasureMember = (ref: string, target: number | string | undefined, visiting: Set<string>) => MemberOutcome;

export interface DerivedRealization {
  realized: Realized;
  findings: Finding[];
  members: MemberOutcome[];
}

export function shareAchieved(
  ctx: MeasureContext,
  entry: IndicatorEntry,
  year: number,
  visiting: Set<string>,
  measureMember: MeasureMember,
  where: string,
): DerivedRealization {
  const m = entry.indicator.measure;
  const findings: Finding[] = [];
  if (m.type !== 'derived') throw new TypeError(`${entry.ref} is not a derived indicator`);
  const latest = ctx.latestAgreement.get(year);
  const agreed = latest ? ctx.agreedTargets.get(latest.id) : undefined;

  const members: MemberOutcome[] = [];
  const inner = new Set(visiting).add(entry.ref);
  for (const ref of new Set(m.of.map((r) => ctx.canonical(r)))) {
    if (inner.has(ref)) {
      const name = ctx.idx.indicators.get(ref)?.indicator.name ?? ref;
      members.push({ ref, name, achieved: null, reason: 'cycle', provisional: false, state: null });
      findings.push(
        finding(
          'error',
          'derived-cycle',
          where,
          `${entry.ref} lists ${ref}, which (directly or through other derived indicators) lists ${entry.ref} again; expected the derived indicators to form no cycle`,
          `${entry.ref} menghitung ${ref}, yang (secara langsung atau melalui indikator turunan lain) kembali menghitung ${entry.ref}; indikator turunan tidak boleh saling merujuk secara melingkar`,
        ),
      );
      continue;
    }
    const outcome = measureMember(ref, agreed?.get(ref), inner);
    for (const f of outcome.findings ?? []) if (f.code === 'derived-cycle') findings.push(f);
    members.push(outcome);
  }

  const applicable = members.filter((x) => x.reason !== 'not applicable');
  const measured = applicable.filter((x) => x.achieved !== null);
  const unmeasured = applicable.filter((x) => x.achieved === null);
  const achievedCount = measured.filter((x) => x.achieved === true).length;

  const entered = realizationOfEntries(entry.indicator, ctx.realizations.get(entry.ref)?.get(year));

  if (measured.length === 0) {
    if (entered.ok) {
      findings.push(
        finding(
          'info',
          'derived-entered-used',
          where,
          `none of the indicators ${entry.ref} counts is measured in ${year}, so the share achieved cannot be computed; the realization entered directly (${entered.value}) is used`,
          `tidak satu pun indikator yang dihitung ${entry.ref} terukur pada tahun ${year}, sehingga persentase yang tercapai tidak dapat dihitung; realisasi yang diisikan langsung (${entered.value}) digunakan`,
        ),
      );
      return { realized: entered, findings, members };
    }
    const reason = applicable.length === 0 && members.length > 0 ? 'no applicable indicators' : 'no realization';
    return {
      realized: {
        ok: false,
        reason,
        message:
          reason === 'no applicable indicators'
            ? `every indicator ${entry.ref} counts is not applicable in ${year}`
            : `none of the indicators ${entry.ref} counts is measured in ${year} and no realization is entered`,
        messageId:
          reason === 'no applicable indicators'
            ? `semua indikator yang dihitung ${entry.ref} tidak berlaku pada tahun ${year}`
            : `tidak satu pun indikator yang dihitung ${entry.ref} terukur pada tahun ${year} dan tidak ada realisasi yang diisikan`,
        state: null,
        sources: [],
      },
      findings,
      members,
    };
  }

  if (unmeasured.length > 0) {
    findings.push(
      finding(
        'warning',
        'derived-member-unmeasured',
        where,
        `${entry.ref} counts ${unmeasured.length} indicator(s) that are not measured in ${year} as not achieved: ${unmeasured
          .map((x) => `${x.ref} "${x.name}" (${x.reason ?? 'unmeasured'})`)
          .join('; ')}`,
        `${entry.ref} menghitung ${unmeasured.length} indikator yang belum terukur pada tahun ${year} sebagai tidak tercapai: ${unmeasured
          .map((x) => `${x.ref} "${x.name}" (${unmeasuredReasonId(x.reason)})`)
          .join('; ')}`,
      ),
    );
  }
  const value = (achievedCount * 100) / applicable.length;
  if (entered.ok && !agreesAtPrecision(value, entered.value)) {
    findings.push(
      finding(
        'warning',
        'derived-realization-differs',
        where,
        `the realization entered for ${entry.ref} in ${year} is ${entered.value}, but ${achievedCount} of ${applicable.length} counted indicators are achieved, which gives ${value}; the computed value is used`,
        `realisasi yang diisikan untuk ${entry.ref} pada tahun ${year} adalah ${formatNumber(entered.value, 2, { trim: true })}, tetapi ${achievedCount} dari ${applicable.length} indikator yang dihitung tercapai, sehingga nilainya ${formatNumber(value, 2, { trim: true })}; nilai hasil perhitungan yang digunakan`,
      ),
    );
  }
  const states = measured.map((x) => x.state).filter((s): s is WorkflowState => s !== null);
  return {
    realized: {
      ok: true,
      value,
      display: value,
      provisional: measured.some((x) => x.provisional),
      period: 'computed',
      state: leastAdvanced(states),
      parts: { numerator: achievedCount, denominator: applicable.length },
      sources: [],
    },
    findings,
    members,
  };
}
