/**
 * Realization and achievement of one indicator in one year against one target: the part of
 * measurement that derived indicators need from the indicators they count.
 */
import type { IndicatorEntry } from '../dataset/model.js';
import type { Finding } from '../findings.js';
import { achievementOf, type AchievementOutcome } from './achievement.js';
import { whereOf, type MeasureContext } from './context.js';
import { countOf } from './count.js';
import { realizeFromRegister, registerMeasureIn } from './register.js';
import { shareAchieved, type MemberOutcome } from './derived.js';
import { isAchieved } from './predicate.js';
import { leastAdvanced, realizationOfEntries, type Realized, type RealizedValue, type UnmeasuredReason } from './realization.js';
import { STATE_ID } from './reasons.js';
import { targetValue, yearTarget } from './target.js';

export interface RealizeResult {
  /** the official realization: from the entries whose state counts (`countedStates`) */
  realized: Realized;
  findings: Finding[];
  /**
   * The figure the entries not yet counted would give, when they would change it: the
   * realization of all the year's entries, whatever their state. Absent for a derived indicator.
   */
  pending?: RealizedValue;
}

/** The realization of an indicator in a year (computed for a derived indicator). */
export function realize(
  ctx: MeasureContext,
  entry: IndicatorEntry,
  year: number,
  visiting: Set<string> = new Set(),
  where: string = whereOf(ctx, entry.ref),
): RealizeResult {
  if (registerMeasureIn(entry.indicator.fromRegister, year)) return realizeFromRegister(ctx, entry, year, where);
  if (entry.indicator.measure.type === 'derived') {
    const d = shareAchieved(ctx, entry, year, visiting, (ref, target, inner) => measureMember(ctx, ref, year, target, inner), where);
    return { realized: d.realized, findings: d.findings };
  }
  if (entry.indicator.measure.type === 'countOf') {
    const c = countOf(ctx, entry, year, where);
    return { realized: c.realized, findings: c.findings };
  }
  const all = ctx.realizations.get(entry.ref)?.get(year);
  const counted = all?.filter((e) => ctx.counts(e.r));
  const realized = realizationOfEntries(entry.indicator, counted);
  if (!all || !counted || counted.length === all.length) return { realized, findings: [] };
  // some entries are not counted yet: the figure they would give stands beside the official one
  const whole = realizationOfEntries(entry.indicator, all);
  const pending = whole.ok && whole.sources.some((i) => !ctx.counts(ctx.ds.realizations[i]!)) ? whole : undefined;
  if (counted.length > 0 || realized.ok || realized.reason !== 'no realization') return { realized, findings: [], ...(pending ? { pending } : {}) };
  const states = all.map((e) => e.r.state ?? 'approved');
  const state = pending?.state ?? leastAdvanced(states);
  const counts = [...new Set(ctx.rulesFor(null).countedStates)];
  return {
    realized: {
      ok: false,
      reason: 'awaiting approval',
      message: `the year's realization is ${state} and not yet counted (official figures count ${counts.join(', ')} realizations)`,
      messageId: `realisasi tahun ini berstatus ${STATE_ID[state]} dan belum dihitung (angka resmi hanya menghitung realisasi berstatus ${counts.map((c) => STATE_ID[c]).join(', ')})`,
      state,
      sources: all.map((e) => e.i),
    },
    findings: [],
    ...(pending ? { pending } : {}),
  };
}

export type ScoreOutcome = AchievementOutcome | { ok: false; reason: UnmeasuredReason; message: string; messageId: string };

export interface Scored {
  realized: Realized;
  outcome: ScoreOutcome;
  findings: Finding[];
  /** the figure not yet counted (see `RealizeResult.pending`) and its achievement against the same target */
  pending?: { realized: RealizedValue; outcome: ScoreOutcome };
}

/**
 * Achievement of an indicator in a year against a target (a number, or a label of a category
 * indicator; `null` = none). The reasons a row is unmeasured are checked in this order: the
 * realization (none, or a stated status), the target (none, not a known category, zero),
 * then a zero realization under the ratio method.
 */
export function scoreIndicator(
  ctx: MeasureContext,
  entry: IndicatorEntry,
  year: number,
  target: number | string | null,
  visiting: Set<string> = new Set(),
  where?: string,
): Scored {
  const { realized, findings, pending } = realize(ctx, entry, year, visiting, where);
  const extra = pending ? { pending: { realized: pending, outcome: achieve(ctx, entry, year, target, pending) } } : {};
  if (!realized.ok) return { realized, outcome: { ok: false, reason: realized.reason, message: realized.message, messageId: realized.messageId }, findings, ...extra };
  return { realized, outcome: achieve(ctx, entry, year, target, realized), findings, ...extra };
}

/** The achievement of a realization against a target (the target's checks first). */
function achieve(ctx: MeasureContext, entry: IndicatorEntry, year: number, target: number | string | null, realized: RealizedValue): ScoreOutcome {
  if (target === null) {
    return { ok: false, reason: 'no target', message: `the indicator has no target for ${year}`, messageId: `indikator tidak memiliki target untuk tahun ${year}` };
  }
  const t = targetValue(entry.indicator, target);
  if (!t.ok) return t;
  const ind = entry.indicator;
  const rules = ctx.rulesFor(ind);
  return achievementOf({
    // a category's scores rise with quality whatever the stated polarity
    polarity: ind.measure.type === 'category' ? 'positive' : (ind.polarity ?? 'positive'),
    method: rules.negativeMethod,
    target: t.value,
    realization: realized.value,
    cap: rules.achievementCap,
  });
}

/** One indicator counted by a derived one: achieved, not achieved, or unmeasured and why. */
export function measureMember(
  ctx: MeasureContext,
  ref: string,
  year: number,
  target: number | string | undefined,
  visiting: Set<string>,
): MemberOutcome {
  const entry = ctx.idx.indicators.get(ctx.canonical(ref));
  if (!entry) return { ref, name: ref, achieved: null, reason: 'unknown indicator', provisional: false, state: null };
  const t = target !== undefined ? target : (yearTarget(entry.indicator, year) ?? null);
  const s = scoreIndicator(ctx, entry, year, t, visiting);
  const out: MemberOutcome = {
    ref: entry.ref,
    name: entry.indicator.name,
    achieved: s.outcome.ok ? isAchieved(s.outcome.value) : null,
    provisional: s.realized.ok && s.realized.provisional,
    state: s.realized.state,
  };
  if (!s.outcome.ok) out.reason = s.outcome.reason;
  if (s.findings.length > 0) out.findings = s.findings;
  return out;
}
