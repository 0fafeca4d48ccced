/**
 * The reporting calendar as data (dataset-format.md, "Reporting calendar"): which periods within
 * the year are reported, how many days after a period's last day its realization is due, the
 * grace days after that, and how early an open recommendation shows as due. Every key has a
 * documented default here; the agency's `settings.calendar` replaces it, else the region's.
 *
 * Dates are ISO strings (`2025-10-10`) and are computed in UTC days: no clock is read here.
 */
import type { Period, Settings } from '../dataset/schema.js';

export type SubPeriod = Exclude<Period, 'Y'>;

export interface Calendar {
  /** the periods within the year reported besides the year itself */
  periods: readonly SubPeriod[];
  /** days after each period's last day by which its realization is due */
  dueDays: Readonly<Record<Period, number>>;
  /** days after the due date an entry may still come before it is overdue */
  graceDays: number;
  /** days before its due date an open recommendation shows as due */
  recommendationNoticeDays: number;
}

/**
 * The defaults. Quarters: realizations of the performance agreement are monitored by quarter
 * (PermenPAN-RB 53/2014), each due by the 10th of the month after the quarter (10 days after
 * its last day; semesters alike). The year: 31 days after 31 December (31 January), so that
 * the LKIP, due two months after the year (Perpres 29/2014), rests on entered figures. No grace
 * days. A recommendation shows as due 30 days before its due date.
 */
export const DEFAULT_CALENDAR: Readonly<Calendar> = Object.freeze({
  periods: Object.freeze(['Q1', 'Q2', 'Q3', 'Q4']) as readonly SubPeriod[],
  dueDays: Object.freeze({ Q1: 10, Q2: 10, Q3: 10, Q4: 10, S1: 10, S2: 10, Y: 31 }),
  graceDays: 0,
  recommendationNoticeDays: 30,
});

/** The calendar that applies: each key from the agency's settings, then the region's, then the default. */
export function resolveCalendar(datasetSettings?: Settings | null, regionSettings?: Settings | null): Calendar {
  const a = datasetSettings?.calendar;
  const r = regionSettings?.calendar;
  const dueDays = { ...DEFAULT_CALENDAR.dueDays };
  for (const p of Object.keys(dueDays) as Period[]) {
    const v = a?.dueDays?.[p] ?? r?.dueDays?.[p];
    if (v !== undefined) dueDays[p] = v;
  }
  return {
    periods: a?.periods ?? r?.periods ?? DEFAULT_CALENDAR.periods,
    dueDays,
    graceDays: a?.graceDays ?? r?.graceDays ?? DEFAULT_CALENDAR.graceDays,
    recommendationNoticeDays: a?.recommendationNoticeDays ?? r?.recommendationNoticeDays ?? DEFAULT_CALENDAR.recommendationNoticeDays,
  };
}

const LAST_DAY: Readonly<Record<Period, [month: number, day: number]>> = {
  Q1: [3, 31],
  Q2: [6, 30],
  Q3: [9, 30],
  Q4: [12, 31],
  S1: [6, 30],
  S2: [12, 31],
  Y: [12, 31],
};

const DAY = 86_400_000;
const dayNumber = (iso: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
};
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** `iso` moved by `days`. */
export const addDays = (iso: string, days: number): string => isoOf(dayNumber(iso) + days);

/** The last day of a period of a year. */
export function periodEnd(year: number, period: Period): string {
  const [m, d] = LAST_DAY[period];
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day a period's realization is due: its last day plus the calendar's days for it. */
export const dueDate = (cal: Calendar, year: number, period: Period): string => addDays(periodEnd(year, period), cal.dueDays[period]);

export type Timeliness = { status: 'open' } | { status: 'due'; daysLeft: number; graceLeft: number } | { status: 'overdue'; daysLate: number };

/**
 * Where an owed entry stands at `today`: `open` while its period runs; `due` from the period's
 * end through the due date and the grace days after it (`daysLeft` to the due date, negative
 * within the grace days; `graceLeft` the grace days still left); `overdue` after that, late by
 * the days since the due date (the grace days are a tolerance, not a new due date).
 */
export function timeliness(cal: Calendar, year: number, period: Period, today: string): Timeliness {
  if (today <= periodEnd(year, period)) return { status: 'open' };
  const due = dueDate(cal, year, period);
  const late = daysBetween(due, today);
  if (late > cal.graceDays) return { status: 'overdue', daysLate: late };
  return { status: 'due', daysLeft: 0 - late, graceLeft: late > 0 ? cal.graceDays - late : cal.graceDays };
}
