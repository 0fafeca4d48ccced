/**
 * Counts from lists (measurement.md, "Counts from lists"): an indicator whose measure is
 * `{ type: "countOf", list }` is realized by the number of entries of that list the dataset holds
 * for the measured year, so a count the report also lists (its awards) is never typed twice.
 *
 * - `awards`: the awards of every narrative. An award belongs to the year of its `date`, else
 *   its `year`, else the year of the narrative that lists it. An award with none of the three
 *   (in an undated narrative) belongs to no year: it is not counted, with a warning. An award
 *   listed in several narratives (a year's narrative begun as a copy of the undated one) is one
 *   award: the same title (case and spacing aside) in the same year, and the same date where
 *   both have one, is counted once, at its first place.
 * - The list is held for a year when an award belongs to it, or when the year's narrative
 *   (`narrativeFor`) has an `awards` field (an empty one counts 0). Otherwise the row is
 *   unmeasured ("no realization"), since nothing says there were none.
 * - A realization entered for the indicator is compared with the count (a finding where they
 *   differ); the count is used. An entry stating `not-applicable` or `postponed` makes the row
 *   unmeasured with that reason; a `no-data` entry is overruled by the list (a finding).
 * - Decision: the count's workflow state is `approved` — the list is published data, not a
 *   realization entered through the workflow.
 */
import { narrativeFor, narrativesOf, type IndicatorEntry } from '../dataset/model.js';
import type { Award } from '../dataset/schema.js';
import { finding, type Finding } from '../findings.js';
import type { MeasureContext } from './context.js';
import { UNMEASURED_REASON_ID } from './reasons.js';
import type { Realized } from './realization.js';

export interface CountedEntry {
  /** the entry's path in the dataset (`narrative.awards[1]`) */
  path: string;
  title: string;
}

/** The year an award belongs to: its date's, its own, else its narrative's; undefined: none. */
export function awardYear(award: Award, narrativeYear: number | undefined): number | undefined {
  if (award.date !== undefined) return Number(award.date.slice(0, 4));
  return award.year ?? narrativeYear;
}

/** The awards of a year, with their paths, and the paths of undated awards that belong to no year. */
export function awardsOfYear(ds: Parameters<typeof narrativesOf>[0], year: number): { held: boolean; entries: CountedEntry[]; undated: string[] } {
  const listed = Array.isArray(ds.narrative);
  const entries: CountedEntry[] = [];
  const undated: string[] = [];
  const seen: Array<{ title: string; date: string | undefined }> = [];
  const sameAward = (a: { title: string; date: string | undefined }, b: { title: string; date: string | undefined }) =>
    a.title === b.title && (a.date === undefined || b.date === undefined || a.date === b.date);
  narrativesOf(ds).forEach((n, i) => {
    const at = listed ? `narrative[${i}]` : 'narrative';
    n.awards?.forEach((a, j) => {
      const y = awardYear(a, n.year);
      if (y === undefined) undated.push(`${at}.awards[${j}]`);
      else if (y === year) {
        const key = { title: a.title.trim().replace(/\s+/g, ' ').toLowerCase(), date: a.date };
        if (seen.some((k) => sameAward(k, key))) return;
        seen.push(key);
        entries.push({ path: `${at}.awards[${j}]`, title: a.title });
      }
    });
  });
  const held = entries.length > 0 || narrativeFor(ds, year)?.awards !== undefined;
  return { held, entries, undated };
}

const LIST_NAME = { awards: { en: 'awards', id: 'penghargaan' } } as const;

/** The realization of a `countOf` indicator in a year. */
export function countOf(ctx: MeasureContext, entry: IndicatorEntry, year: number, where: string): { realized: Realized; findings: Finding[]; counted: CountedEntry[] } {
  const m = entry.indicator.measure;
  if (m.type !== 'countOf') throw new TypeError(`${entry.ref} is not a countOf indicator`);
  const name = LIST_NAME[m.list];
  const findings: Finding[] = [];
  const { held, entries, undated } = awardsOfYear(ctx.ds, year);
  if (undated.length > 0) {
    findings.push(
      finding(
        'warning',
        'count-entry-without-year',
        where,
        `${entry.ref} counts the ${name.en} of ${year}, but ${undated.join(', ')} has no date, no year and is in a narrative without a year, so it is counted in no year; expected a date or a year`,
        `${entry.ref} menghitung ${name.id} tahun ${year}, tetapi ${undated.join(', ')} tidak memiliki tanggal maupun tahun dan berada dalam narasi tanpa tahun, sehingga tidak dihitung pada tahun mana pun; seharusnya diberi tanggal atau tahun`,
      ),
    );
  }
  const own = ctx.realizations.get(entry.ref)?.get(year) ?? [];
  const yearly = own.find((e) => (e.r.period ?? 'Y') === 'Y');
  const status = yearly?.r.status;
  if (status === 'not-applicable' || status === 'postponed') {
    const reason = status === 'postponed' ? 'postponed' : 'not applicable';
    return {
      realized: {
        ok: false,
        reason,
        message: `the realization entered for ${year} states it is ${reason}`,
        messageId: `realisasi yang diisikan untuk tahun ${year} menyatakan ${UNMEASURED_REASON_ID[reason]}`,
        state: yearly?.r.state ?? 'approved',
        sources: yearly ? [yearly.i] : [],
      },
      findings,
      counted: [],
    };
  }
  if (!held) {
    return {
      realized: {
        ok: false,
        reason: 'no realization',
        message: `the dataset lists no ${name.en} for ${year} to count`,
        messageId: `data tidak memuat daftar ${name.id} tahun ${year} untuk dihitung`,
        state: null,
        sources: [],
      },
      findings,
      counted: [],
    };
  }
  const value = entries.length;
  if (status === 'no-data') {
    findings.push(
      finding(
        'warning',
        'count-overrules-status',
        where,
        `the realization of ${entry.ref} for ${year} is entered as no data, but the dataset lists ${value} ${name.en} of ${year}; the count is used`,
        `realisasi ${entry.ref} tahun ${year} diisikan sebagai data tidak tersedia, padahal data memuat ${value} ${name.id} tahun ${year}; hasil hitungan yang digunakan`,
      ),
    );
  } else if (yearly?.r.value !== undefined && yearly.r.value !== value) {
    findings.push(
      finding(
        'warning',
        'count-realization-differs',
        where,
        `the realization entered for ${entry.ref} in ${year} is ${yearly.r.value}, but the dataset lists ${value} ${name.en} of ${year}; the count is used`,
        `realisasi yang diisikan untuk ${entry.ref} tahun ${year} adalah ${yearly.r.value}, padahal data memuat ${value} ${name.id} tahun ${year}; hasil hitungan yang digunakan`,
      ),
    );
  }
  return {
    realized: { ok: true, value, display: value, provisional: false, period: 'computed', state: 'approved', sources: [] },
    findings,
    counted: entries,
  };
}
