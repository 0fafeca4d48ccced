/**
 * The worklist, "Tugas saya": what waits for whom, at a given day (issue 12).
 *
 * - realizations owed by the year's agreement, due and overdue by the reporting calendar
 *   (calendar.ts), for whoever enters them (an operator of a responsible unit; the planner
 *   for an indicator without one), with the drafts not yet submitted and those returned;
 * - submitted realizations for the planner to verify, and the ones the planner returned;
 * - verified realizations for the head to approve;
 * - the evaluators' recommendations due and overdue, for the planner and the evaluator;
 * - for the region's admin, the agencies behind schedule (their overdue counts).
 *
 * IO-free: `today` is passed in, and so are the realizations returned to draft (known from the
 * audit log, which the core does not read). Every item says what and why in both languages.
 */
import { indexDataset, resolveAgreementLocal } from '../dataset/model.js';
import type { Agreement, Dataset, Period, Realization, Recommendation, Settings } from '../dataset/schema.js';
import { text, type Text } from '../findings.js';
import { formatDateId } from '../format.js';
import { registerMeasureIn } from '../measure/register.js';
import { daysBetween, dueDate, resolveCalendar, timeliness, type Calendar, type SubPeriod } from './calendar.js';

export type WorkRole = 'admin' | 'planner' | 'operator' | 'head' | 'evaluator';

/** Who asks: the role, and an operator's unit (the scope of agency roles is the agencies passed in). */
export interface WorkUser {
  role: WorkRole;
  unitId: string | null;
}

/** A realization returned to draft (the audit log's latest workflow step of its key was `return`). */
export interface ReturnedEntry {
  /** `indicatorRef@year/period` */
  key: string;
  /** when it was returned (ISO timestamp or date) */
  at: string;
  /** the reason given, if any */
  note: string | null;
}

export interface WorkAgency {
  id: string;
  name: string;
  dataset: Dataset;
  regionSettings?: Settings | undefined;
  returned?: readonly ReturnedEntry[];
  /** the agency's `overdueCounts` at the same day, when the caller has them already (kept per revision and day) */
  overdue?: { realizations: number; recommendations: number };
}

export type WorkKind = 'enter' | 'verify' | 'approve' | 'returned' | 'recommendation' | 'agency';
/** overdue; due (the deadline is near or within the grace days); waiting (on the user, no deadline passed); undated (no deadline set) */
export type WorkStatus = 'overdue' | 'due' | 'waiting' | 'undated';

/** Where in the web application the work is done. */
export type WorkTarget =
  | { page: 'realizations'; agency: string; year: number; indicator: string; period: Period }
  | { page: 'evaluation'; agency: string; recommendation: string }
  | { page: 'dashboard'; agency: string; year: number | null };

export interface WorkItem {
  kind: WorkKind;
  status: WorkStatus;
  agency: { id: string; name: string };
  /** what: "Realisasi Triwulan III 2025 — Persentase koperasi aktif" */
  title: Text;
  /** why: "terlambat 12 hari (jatuh tempo 10 Oktober 2025)" */
  detail: Text;
  target: WorkTarget;
  indicator: { ref: string; name: string; responsibleUnits: string[] } | null;
  year: number | null;
  period: Period | null;
  /** the entry's state: missing, or its workflow state (draft also when returned) */
  state: 'missing' | 'draft' | 'returned' | 'submitted' | 'verified' | null;
  dueDate: string | null;
  /** days past the due date (overdue items; due items within their grace days) */
  daysLate: number | null;
  /** days left to the due date (due items before it) */
  daysLeft: number | null;
  recommendation: { id: string; no: string | null; status: 'open' | 'in-progress' } | null;
  /** agency items: how many realizations and recommendations are overdue */
  overdue: { realizations: number; recommendations: number } | null;
}

export interface WorkCounts {
  total: number;
  overdue: number;
  due: number;
  waiting: number;
  undated: number;
}

export interface Worklist {
  today: string;
  items: WorkItem[];
  counts: WorkCounts;
}

// ---------------------------------------------------------------- words

const PERIOD_ID: Readonly<Record<Period, string>> = {
  Q1: 'Triwulan I',
  Q2: 'Triwulan II',
  Q3: 'Triwulan III',
  Q4: 'Triwulan IV',
  S1: 'Semester I',
  S2: 'Semester II',
  Y: 'Tahun',
};
const PERIOD_EN: Readonly<Record<Period, string>> = { Q1: 'Q1', Q2: 'Q2', Q3: 'Q3', Q4: 'Q4', S1: 'H1', S2: 'H2', Y: 'year' };
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dateEn = (iso: string): string => `${Number(iso.slice(8, 10))} ${MONTHS_EN[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const dateOf = (iso: string): Text => text(dateEn(iso), formatDateId(iso));
const days = (n: number): Text => text(`${n} day${n === 1 ? '' : 's'}`, `${n} hari`);

/** "Realisasi Triwulan III 2025 — <name>" / "Q3 2025 realization — <name>" */
export function realizationTitle(name: string, year: number, period: Period): Text {
  return period === 'Y'
    ? text(`${year} realization — ${name}`, `Realisasi Tahun ${year} — ${name}`)
    : text(`${PERIOD_EN[period]} ${year} realization — ${name}`, `Realisasi ${PERIOD_ID[period]} ${year} — ${name}`);
}

const join = (...parts: (Text | null)[]): Text => {
  const ps = parts.filter((p): p is Text => p !== null);
  return text(ps.map((p) => p.en).join('; '), ps.map((p) => p.id).join('; '));
};

const shorten = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** The deadline part of an owed entry's detail. */
function deadlineText(t: { status: WorkStatus; due: string; daysLate: number | null; daysLeft: number | null; graceLeft: number | null }): Text {
  const due = dateOf(t.due);
  if (t.status === 'overdue') {
    const n = days(t.daysLate!);
    return text(`${n.en} late (due ${due.en})`, `terlambat ${n.id} (jatuh tempo ${due.id})`);
  }
  if (t.daysLate !== null && t.daysLate > 0) {
    const n = days(t.daysLate);
    const g = days(t.graceLeft ?? 0);
    return text(`${n.en} past the due date ${due.en}, within the grace days (${g.en} left)`, `lewat ${n.id} dari jatuh tempo ${due.id}, masih dalam masa tenggang (sisa ${g.id})`);
  }
  if (t.daysLeft === 0) return text(`due today (${due.en})`, `jatuh tempo hari ini (${due.id})`);
  if (t.daysLeft !== null && t.status === 'due') {
    const n = days(t.daysLeft);
    return text(`due ${due.en} (in ${n.en})`, `jatuh tempo ${due.id} (${n.id} lagi)`);
  }
  return text(`due ${due.en}`, `jatuh tempo ${due.id}`);
}

// ---------------------------------------------------------------- what an agency owes

/** The agreement in force for a year: the last of the year not amended by another of the year. */
export function agreementInForce(ds: Dataset, year: number): Agreement | undefined {
  const ofYear = ds.agreements.filter((a) => a.year === year);
  const amended = new Set(ofYear.filter((a) => a.kind === 'amendment' && a.amends).map((a) => a.amends!));
  return ofYear.filter((a) => !amended.has(a.id)).at(-1) ?? ofYear.at(-1);
}

interface Owed {
  ref: string;
  name: string;
  responsibleUnits: string[];
  year: number;
  period: Period;
}

/**
 * The realizations an agency owes up to `today`'s year: for every year with an agreement, each
 * indicator of the agreement in force, and each indicator with targets within that year, owes
 * its periods (those of its `periodTargets` for the year, else the calendar's) and the year. A
 * year whose own realization is approved owes no more periods: the year is closed. An indicator
 * counted from a register in a year (`fromRegister`) owes nothing for it: its realization is computed.
 */
export function owedRealizations(ds: Dataset, cal: Calendar, today: string): Owed[] {
  const idx = indexDataset(ds);
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set(ds.agreements.map((a) => a.year))].filter((y) => y <= thisYear).sort((a, b) => a - b);
  const found = new Map<string, Realization>();
  for (const r of ds.realizations) found.set(`${r.indicator}@${r.year}/${r.period ?? 'Y'}`, r);
  const out: Owed[] = [];
  for (const year of years) {
    const refs: string[] = [];
    const a = agreementInForce(ds, year);
    if (a) {
      for (const row of a.rows) {
        const r = resolveAgreementLocal(idx, a, row.indicator, 'indicators');
        if (r && !refs.includes(r)) refs.push(r);
      }
    }
    for (const [r, e] of idx.indicators) if (e.indicator.periodTargets?.[String(year)] && !refs.includes(r)) refs.push(r);
    for (const r of refs) {
      const e = idx.indicators.get(r)!;
      // counted from a register in this year (registers.md): computed, never entered, so never owed
      if (registerMeasureIn(e.indicator.fromRegister, year)) continue;
      const yearly = found.get(`${r}@${year}/Y`);
      const closed = yearly !== undefined && (yearly.state ?? 'approved') === 'approved';
      const own = e.indicator.periodTargets?.[String(year)];
      const ownPeriods = own ? (['Q1', 'Q2', 'Q3', 'Q4', 'S1', 'S2'] as const).filter((p) => own[p] !== undefined) : [];
      const periods: Period[] = closed ? [] : [...(ownPeriods.length > 0 ? ownPeriods : (cal.periods as SubPeriod[]))];
      periods.push('Y');
      for (const period of periods) out.push({ ref: r, name: e.indicator.name, responsibleUnits: e.indicator.responsibleUnits ?? [], year, period });
    }
  }
  return out;
}

const behind = (i: WorkItem): number => (i.overdue ? i.overdue.realizations + i.overdue.recommendations : 0);
const RANK: Readonly<Record<WorkStatus, number>> = { overdue: 0, due: 1, waiting: 2, undated: 3 };

/** Most pressing first: overdue (agencies with most overdue first, then latest first), due (soonest first), waiting, undated; then by title. */
export function sortItems(items: WorkItem[]): WorkItem[] {
  return items.sort(
    (a, b) =>
      RANK[a.status] - RANK[b.status] ||
      behind(b) - behind(a) ||
      (b.daysLate ?? -Infinity) - (a.daysLate ?? -Infinity) ||
      (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) ||
      (a.year ?? 0) - (b.year ?? 0) ||
      a.agency.name.localeCompare(b.agency.name) ||
      a.title.id.localeCompare(b.title.id),
  );
}

const blank = (): Pick<WorkItem, 'indicator' | 'year' | 'period' | 'state' | 'dueDate' | 'daysLate' | 'daysLeft' | 'recommendation' | 'overdue'> => ({
  indicator: null,
  year: null,
  period: null,
  state: null,
  dueDate: null,
  daysLate: null,
  daysLeft: null,
  recommendation: null,
  overdue: null,
});

/** Every realization item of an agency, for whichever role it concerns (`forUser` picks). */
export function realizationItems(agency: WorkAgency, today: string): WorkItem[] {
  const ds = agency.dataset;
  const cal = resolveCalendar(ds.settings, agency.regionSettings);
  const idx = indexDataset(ds);
  const returned = new Map((agency.returned ?? []).map((r) => [r.key, r]));
  const byKey = new Map<string, Realization>();
  for (const r of ds.realizations) byKey.set(`${r.indicator}@${r.year}/${r.period ?? 'Y'}`, r);
  const who = { id: agency.id, name: agency.name };
  const unitName = new Map((ds.organization?.units ?? []).map((u) => [u.id, u.name]));
  const items: WorkItem[] = [];
  const seen = new Set<string>();

  const deadline = (year: number, period: Period) => {
    const t = timeliness(cal, year, period, today);
    const due = dueDate(cal, year, period);
    if (t.status === 'open') return { status: 'waiting' as WorkStatus, due, daysLate: null, daysLeft: daysBetween(today, due), graceLeft: null, open: true };
    if (t.status === 'overdue') return { status: 'overdue' as WorkStatus, due, daysLate: t.daysLate, daysLeft: null, graceLeft: null, open: false };
    return {
      status: 'due' as WorkStatus,
      due,
      daysLate: t.daysLeft < 0 ? -t.daysLeft : null,
      daysLeft: t.daysLeft >= 0 ? t.daysLeft : null,
      graceLeft: t.graceLeft,
      open: false,
    };
  };

  // owed entries: missing, or entered and still a draft (returned or not)
  for (const o of owedRealizations(ds, cal, today)) {
    const key = `${o.ref}@${o.year}/${o.period}`;
    seen.add(key);
    const r = byKey.get(key);
    const state = r ? (r.state ?? 'approved') : 'missing';
    if (state !== 'missing' && state !== 'draft') continue;
    const d = deadline(o.year, o.period);
    if (state === 'missing' && d.open) continue; // the period still runs
    const back = state === 'draft' ? returned.get(key) : undefined;
    const why =
      state === 'missing'
        ? null
        : back
          ? text(`returned for correction${back.note ? `: ${back.note}` : ''}`, `dikembalikan untuk diperbaiki${back.note ? `: ${back.note}` : ''}`)
          : text('draft not yet submitted', 'draf belum diajukan');
    items.push({
      ...blank(),
      kind: 'enter',
      status: d.status,
      agency: who,
      title: realizationTitle(o.name, o.year, o.period),
      detail: join(why, deadlineText(d)),
      target: { page: 'realizations', agency: agency.id, year: o.year, indicator: o.ref, period: o.period },
      indicator: { ref: o.ref, name: o.name, responsibleUnits: o.responsibleUnits },
      year: o.year,
      period: o.period,
      state: back ? 'returned' : state,
      dueDate: d.due,
      daysLate: d.daysLate,
      daysLeft: d.daysLeft,
    });
  }

  // every entry in the workflow, owed by the calendar or not
  for (const r of ds.realizations) {
    const period = r.period ?? 'Y';
    const key = `${r.indicator}@${r.year}/${period}`;
    const state = r.state ?? 'approved';
    const e = idx.indicators.get(r.indicator);
    if (!e || state === 'approved') continue;
    const name = e.indicator.name;
    const ind = { ref: r.indicator, name, responsibleUnits: e.indicator.responsibleUnits ?? [] };
    const target: WorkTarget = { page: 'realizations', agency: agency.id, year: r.year, indicator: r.indicator, period };
    const d = deadline(r.year, period);
    // for the one who verifies or approves: that the realization's own due date has passed, and by how much
    const late =
      d.status === 'overdue'
        ? text(`the realization was due ${dateOf(d.due).en}, ${days(d.daysLate!).en} ago`, `realisasi ini jatuh tempo ${dateOf(d.due).id}, sudah lewat ${days(d.daysLate!).id}`)
        : null;
    const base = { ...blank(), agency: who, title: realizationTitle(name, r.year, period), target, indicator: ind, year: r.year, period, dueDate: d.due };
    if (state === 'submitted') {
      items.push({ ...base, kind: 'verify', status: 'waiting', state, detail: join(text('submitted, waiting for your verification', 'diajukan, menunggu verifikasi Anda'), late) });
    } else if (state === 'verified') {
      items.push({ ...base, kind: 'approve', status: 'waiting', state, detail: join(text('verified, waiting for your approval', 'diverifikasi, menunggu persetujuan Anda'), late) });
    } else {
      const back = returned.get(key);
      if (back) {
        const on = dateOf(back.at.slice(0, 10));
        // the units by name (an id is never shown), as the organization names them
        const units = ind.responsibleUnits.map((u) => unitName.get(u) ?? u).join(', ');
        items.push({
          ...base,
          kind: 'returned',
          status: 'waiting',
          state: 'returned',
          detail: join(
            text(
              `returned to draft on ${on.en}, waiting for correction${units ? ` by ${units}` : ''}${back.note ? `: ${back.note}` : ''}`,
              `dikembalikan ke draf pada ${on.id}, menunggu perbaikan${units ? ` oleh ${units}` : ''}${back.note ? `: ${back.note}` : ''}`,
            ),
            late,
          ),
        });
      }
      if (!seen.has(key)) {
        // a draft the calendar does not ask for (a period outside it): still the enterer's to submit
        items.push({
          ...base,
          kind: 'enter',
          status: d.status,
          state: back ? 'returned' : 'draft',
          detail: join(
            back
              ? text(`returned for correction${back.note ? `: ${back.note}` : ''}`, `dikembalikan untuk diperbaiki${back.note ? `: ${back.note}` : ''}`)
              : text('draft not yet submitted', 'draf belum diajukan'),
            deadlineText(d),
          ),
          daysLate: d.daysLate,
          daysLeft: d.daysLeft,
        });
      }
    }
  }
  return items;
}

const REC_STATUS: Readonly<Record<'open' | 'in-progress', Text>> = {
  open: text('open', 'terbuka'),
  'in-progress': text('in progress', 'dalam proses'),
};

/** The open recommendations of an agency: overdue, due within the notice days, and (`undated`) those without a due date. */
export function recommendationItems(agency: WorkAgency, today: string, opts: { undated: boolean }): WorkItem[] {
  const cal = resolveCalendar(agency.dataset.settings, agency.regionSettings);
  const out: WorkItem[] = [];
  for (const r of agency.dataset.evaluation?.recommendations ?? []) {
    if (r.status === 'done') continue;
    const status: 'open' | 'in-progress' = r.status ?? 'open';
    let s: WorkStatus;
    let detail: Text;
    let daysLate: number | null = null;
    let daysLeft: number | null = null;
    if (r.due === undefined) {
      if (!opts.undated) continue;
      s = 'undated';
      detail = text('no due date set', 'belum diberi batas waktu');
    } else {
      const d = daysBetween(r.due, today);
      const due = dateOf(r.due);
      if (d > 0) {
        s = 'overdue';
        daysLate = d;
        const n = days(d);
        detail = text(`follow-up ${n.en} late (due ${due.en})`, `tindak lanjut terlambat ${n.id} (batas waktu ${due.id})`);
      } else if (-d <= cal.recommendationNoticeDays) {
        s = 'due';
        daysLeft = -d;
        const n = days(-d);
        detail = d === 0 ? text(`due today (${due.en})`, `batas waktu hari ini (${due.id})`) : text(`due ${due.en} (in ${n.en})`, `batas waktu ${due.id} (${n.id} lagi)`);
      } else continue;
    }
    out.push({
      ...blank(),
      kind: 'recommendation',
      status: s,
      agency: { id: agency.id, name: agency.name },
      title: recommendationTitle(r),
      detail: join(detail, text(`follow-up ${REC_STATUS[status].en}`, `tindak lanjut ${REC_STATUS[status].id}`)),
      target: { page: 'evaluation', agency: agency.id, recommendation: r.id },
      year: r.year,
      dueDate: r.due ?? null,
      daysLate,
      daysLeft,
      recommendation: { id: r.id, no: r.no === undefined ? null : String(r.no), status },
    });
  }
  return out;
}

function recommendationTitle(r: Recommendation): Text {
  const no = r.no === undefined ? '' : ` ${r.no}`;
  const what = shorten(r.text.replace(/\s+/g, ' ').trim(), 120);
  return text(`Recommendation${no} (${r.year}) — ${what}`, `Rekomendasi${no} (${r.year}) — ${what}`);
}

/** How far behind an agency is: its overdue realizations (missing or drafts) and overdue recommendations. */
export function overdueCounts(agency: WorkAgency, today: string): { realizations: number; recommendations: number } {
  return {
    realizations: realizationItems(agency, today).filter((i) => i.kind === 'enter' && i.status === 'overdue').length,
    recommendations: recommendationItems(agency, today, { undated: false }).filter((i) => i.status === 'overdue').length,
  };
}

/** The latest year an agency has data for (agreements, realizations); null for none. */
export function latestDataYear(datasets: readonly Dataset[]): number | null {
  let latest: number | null = null;
  for (const ds of datasets) {
    for (const y of [...ds.agreements.map((a) => a.year), ...ds.realizations.map((r) => r.year)]) if (latest === null || y > latest) latest = y;
  }
  return latest;
}

/** Whether the user enters this indicator's realizations: an operator of a responsible unit; the planner when none is named. */
export function entersIndicator(user: WorkUser, responsibleUnits: readonly string[]): boolean {
  if (responsibleUnits.length === 0) return user.role === 'planner';
  return user.role === 'operator' && user.unitId !== null && responsibleUnits.includes(user.unitId);
}

/**
 * The worklist of a user over the agencies in their scope (their own agency; the region's
 * agencies for the admin and the evaluator), at `today`.
 */
export function worklistFor(user: WorkUser, agencies: readonly WorkAgency[], today: string): Worklist {
  const items: WorkItem[] = [];
  for (const a of agencies) {
    switch (user.role) {
      case 'operator':
      case 'planner':
      case 'head': {
        for (const i of realizationItems(a, today)) {
          const enters = entersIndicator(user, i.indicator?.responsibleUnits ?? []);
          if (i.kind === 'enter' && enters) items.push(i);
          else if (i.kind === 'verify' && user.role === 'planner') items.push(i);
          else if (i.kind === 'approve' && user.role === 'head') items.push(i);
          else if (i.kind === 'returned' && user.role === 'planner' && !enters) items.push(i);
        }
        if (user.role === 'planner') items.push(...recommendationItems(a, today, { undated: false }));
        break;
      }
      case 'evaluator':
        items.push(...recommendationItems(a, today, { undated: true }));
        break;
      case 'admin': {
        const o = a.overdue ?? overdueCounts(a, today);
        if (o.realizations + o.recommendations === 0) break;
        const parts: Text[] = [];
        if (o.realizations > 0) parts.push(text(`${o.realizations} realization${o.realizations === 1 ? '' : 's'} overdue`, `${o.realizations} realisasi terlambat`));
        if (o.recommendations > 0) parts.push(text(`${o.recommendations} recommendation${o.recommendations === 1 ? '' : 's'} overdue`, `${o.recommendations} rekomendasi terlambat`));
        items.push({
          ...blank(),
          kind: 'agency',
          status: 'overdue',
          agency: { id: a.id, name: a.name },
          title: text(`${a.name} — behind schedule`, `${a.name} — tertinggal dari jadwal`),
          detail: text(parts.map((p) => p.en).join(', '), parts.map((p) => p.id).join(', ')),
          target: { page: 'dashboard', agency: a.id, year: latestDataYear([a.dataset]) },
          overdue: o,
        });
        break;
      }
    }
  }
  sortItems(items);
  const counts: WorkCounts = { total: items.length, overdue: 0, due: 0, waiting: 0, undated: 0 };
  for (const i of items) counts[i.status] += 1;
  return { today, items, counts };
}
