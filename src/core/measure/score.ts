/**
 * Realization and achievement of one indicator in one year against one target: the part of
 * measurement that derived indicators need from the indicators they count.
 */
import type { IndicatorEntry } from '../dataset/model.js';
import type { Finding } from '../findings.js';
import { achievementOf, type AchievementOutcome } from './achievement.js';
import { whereOf, type MeasureContext } from './context.js';
import { countOf } from './count.js';
import { shareAchieved, type MemberOutcome } from './derived.js';
import { isAchieved } from './predicate.js';
import { realizationOfEntries, type Realized, type UnmeasuredReason } from './realization.js';
import { targetValue, yearTarget } from './target.js';

export interface RealizeResult {
  realized: Realized;
  findings: Finding[];
}

/** The realization of an indicator in a year (computed for a derived indicator). */
export function realize(
  ctx: MeasureContext,
  entry: IndicatorEntry,
  year: number,
  visiting: Set<string> = new Set(),
  where: string = whereOf(ctx, entry.ref),
): RealizeResult {
  if (entry.indicator.measure.type === 'derived') {
    const d = shareAchieved(ctx, entry, year, visiting, (ref, target, inner) => measureMember(ctx, ref, year, target, inner), where);
    return { realized: d.realized, findings: d.findings };
  }
  if (entry.indicator.measure.type === 'countOf') {
    const c = countOf(ctx, entry, year, where);
    return { realized: c.realized, findings: c.findings };
  }
  return { realized: realizationOfEntries(entry.indicator, ctx.realizations.get(entry.ref)?.get(year)), findings: [] };
}

export type ScoreOutcome = AchievementOutcome | { ok: false; reason: UnmeasuredReason; message: string; messageId: string };

export interface Scored {
  realized: Realized;
  outcome: ScoreOutcome;
  findings: Finding[];
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
  const { realized, findings } = realize(ctx, entry, year, visiting, where);
  if (!realized.ok) return { realized, outcome: { ok: false, reason: realized.reason, message: realized.message, messageId: realized.messageId }, findings };
  if (target === null) {
    const outcome = { ok: false, reason: 'no target', message: `the indicator has no target for ${year}`, messageId: `indikator tidak memiliki target untuk tahun ${year}` } as const;
    return { realized, outcome, findings };
  }
  const t = targetValue(entry.indicator, target);
  if (!t.ok) return { realized, outcome: t, findings };
  const ind = entry.indicator;
  const rules = ctx.rulesFor(ind);
  const outcome = achievementOf({
    // a category's scores rise with quality whatever the stated polarity
    polarity: ind.measure.type === 'category' ? 'positive' : (ind.polarity ?? 'positive'),
    method: rules.negativeMethod,
    target: t.value,
    realization: realized.value,
    cap: rules.achievementCap,
  });
  return { realized, outcome, findings };
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
