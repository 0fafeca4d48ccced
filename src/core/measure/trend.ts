/**
 * Trend: the realizations of the years before the measured one, in year order, from the
 * indicator's own realizations (a `Y` entry, or a period entry as a provisional value; a
 * derived indicator's computed share). Years whose realization is missing or has a status
 * are left out. Decision: a derived indicator's trend covers the years that have a
 * realization entry of its own. An indicator counted from registers adds the years its figures
 * cover (measure/register.ts).
 */
import type { IndicatorEntry } from '../dataset/model.js';
import type { MeasureContext } from './context.js';
import { realize } from './score.js';
import type { TrendPoint } from './types.js';

export function trendOf(ctx: MeasureContext, entry: IndicatorEntry, year: number, visiting: Set<string> = new Set()): TrendPoint[] {
  const typed = ctx.realizations.get(entry.ref)?.keys() ?? [];
  const counted = entry.indicator.fromRegister ? (ctx.registerFigures?.indicators.get(entry.ref)?.keys() ?? []) : [];
  const years = [...new Set([...typed, ...counted])].filter((y) => y < year).sort((a, b) => a - b);
  if (years.length === 0) return [];
  const out: TrendPoint[] = [];
  for (const y of years) {
    const { realized } = realize(ctx, entry, y, visiting);
    if (!realized.ok) continue;
    const point: TrendPoint = { year: y, value: realized.display };
    if (realized.provisional) point.provisional = true;
    out.push(point);
  }
  return out;
}
