/**
 * Which agreement rows of a year have no analysis of their causes (faktor pendorong, faktor
 * penghambat, tantangan) in the year's narrative: PermenPAN-RB 53/2014 asks the LKIP to explain
 * why each indicator succeeded or failed. One rule for validation (a `missing-analysis`
 * warning) and the LKIP (a draft, marked DRAF, until the analysis is written).
 *
 * A row is explained when the narrative's `analyses` give drivers, obstacles or challenges for
 * its indicator (by either ref), for its goal, or for a program node supporting the indicator
 * or any node below one (the LKIP then points to those analyses).
 */
import type { Agreement, Analysis } from '../dataset/schema.js';
import { narrativeFor, resolveAgreementLocal, splitRef } from '../dataset/model.js';
import type { MeasureContext } from './context.js';
import { finding, type Finding } from '../findings.js';

export const hasCauses = (an: readonly Analysis[]): boolean => an.some((a) => Boolean(a.drivers?.length || a.obstacles?.length || a.challenges?.length));

export interface RowWithoutCauses {
  agreement: Agreement;
  /** the agreement's index in `ds.agreements` */
  agreementIndex: number;
  /** the row's index in the agreement */
  rowIndex: number;
  /** the indicator's canonical ref */
  indicator: string;
  /** the indicator's name (its ref when it is not in the dataset) */
  name: string;
}

/** A narrative subject as a canonical ref: an indicator's owner ref, a goal's, or a node id. */
export function canonicalAnalysisSubject(mc: MeasureContext, subject: string): string {
  const c = mc.canonical(subject);
  if (mc.idx.indicators.has(c) || mc.idx.goals.has(c) || mc.idx.nodes.has(c)) return c;
  const parts = splitRef(subject);
  const ag = parts ? mc.idx.agreements.get(parts.ownerId) : undefined;
  if (parts && ag) return resolveAgreementLocal(mc.idx, ag, parts.localId, 'goals') ?? subject;
  return subject;
}

/** The analyses of a year's narrative by canonical subject. */
export function analysesBySubject(mc: MeasureContext, year: number): Map<string, Analysis[]> {
  const out = new Map<string, Analysis[]>();
  for (const a of narrativeFor(mc.ds, year)?.analyses ?? []) {
    const key = canonicalAnalysisSubject(mc, a.subject);
    const list = out.get(key);
    if (list) list.push(a);
    else out.set(key, [a]);
  }
  return out;
}

/** A node and every node below it. */
function subtree(mc: MeasureContext, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n);
    for (const c of mc.budget.children.get(n) ?? []) visit(c.id);
  };
  visit(id);
  return out;
}

/**
 * Where a row's causes are written: `own` (the indicator's analyses), `elsewhere` (its goal's or
 * a supporting node's), or `missing`.
 */
export function causesOfRow(
  mc: MeasureContext,
  analyses: ReadonlyMap<string, readonly Analysis[]>,
  ag: Agreement,
  row: Pick<Agreement['rows'][number], 'goal' | 'indicator'>,
): 'own' | 'elsewhere' | 'missing' {
  const of = (ref: string): readonly Analysis[] => analyses.get(ref) ?? [];
  const indicator = mc.canonical(resolveAgreementLocal(mc.idx, ag, row.indicator, 'indicators') ?? `${ag.id}/${row.indicator}`);
  if (hasCauses(of(indicator))) return 'own';
  const goal = resolveAgreementLocal(mc.idx, ag, row.goal, 'goals') ?? `${ag.id}/${row.goal}`;
  if (hasCauses(of(goal))) return 'elsewhere';
  const nodes = (mc.supports.get(indicator) ?? []).map((l) => l.node.id);
  const owner = mc.idx.indicators.get(indicator)?.owner;
  if (owner?.kind === 'node') nodes.push(owner.node.id);
  if (nodes.some((n) => subtree(mc, n).some((id) => hasCauses(of(id))))) return 'elsewhere';
  return 'missing';
}

/** The rows of the year's agreements whose causes are written nowhere in the year's narrative (document order). */
export function rowsWithoutCauses(mc: MeasureContext, year: number): RowWithoutCauses[] {
  const analyses = analysesBySubject(mc, year);
  const out: RowWithoutCauses[] = [];
  mc.ds.agreements.forEach((ag, agreementIndex) => {
    if (ag.year !== year) return;
    ag.rows.forEach((row, rowIndex) => {
      if (causesOfRow(mc, analyses, ag, row) !== 'missing') return;
      const indicator = mc.canonical(resolveAgreementLocal(mc.idx, ag, row.indicator, 'indicators') ?? `${ag.id}/${row.indicator}`);
      out.push({ agreement: ag, agreementIndex, rowIndex, indicator, name: mc.idx.indicators.get(indicator)?.indicator.name ?? row.indicator });
    });
  });
  return out;
}

/**
 * A `missing-analysis` warning for every agreement row whose causes the narrative of its year
 * does not give (at `agreements[i].rows[j]`): the LKIP of that year stays a draft until they are
 * written. `year` limits them to one year.
 */
export function causesFindings(mc: MeasureContext, opts: { prefix?: string; year?: number } = {}): Finding[] {
  const years = opts.year !== undefined ? [opts.year] : [...new Set(mc.ds.agreements.map((a) => a.year))];
  const out: Finding[] = [];
  for (const year of years) {
    for (const r of rowsWithoutCauses(mc, year)) {
      out.push(
        finding(
          'warning',
          'missing-analysis',
          `${opts.prefix ? `${opts.prefix}.` : ''}agreements[${r.agreementIndex}].rows[${r.rowIndex}]`,
          `the narrative of ${year} gives no causes (drivers, obstacles or challenges) for "${r.name}", nor for its goal or a program supporting it: the LKIP ${year} stays a draft until they are written (narrative.analyses)`,
          `narasi tahun ${year} belum menguraikan faktor pendorong, penghambat atau tantangan untuk "${r.name}", sasaran/tujuannya, maupun program pendukungnya: LKIP ${year} tetap berstatus draf sampai uraian itu ditulis pada analisis dalam narasi`,
        ),
      );
    }
  }
  return out;
}
