/**
 * Which rows of a measurement rest on realizations not yet counted in the official figures
 * (measurement.md, "Official figures"): the LKIP of such a year is a draft (marked DRAF) and is
 * not issued.
 */
import type { WorkflowState } from '../dataset/schema.js';
import type { MeasuredRow, MeasureResult } from './types.js';

export interface UnapprovedRow {
  indicator: string;
  name: string;
  /** the least advanced state among the entries not counted */
  state: WorkflowState;
  /** `agreement` (a row of an agreement of the year), `plan` or `program` */
  kind: 'agreement' | 'plan' | 'program';
}

const restsOnUnapproved = (r: MeasuredRow): boolean => r.pending !== undefined || r.unmeasured === 'awaiting approval';

/** The indicators of a measurement with a figure awaiting approval (each indicator once, agreement rows first). */
export function unapprovedRows(m: MeasureResult): UnapprovedRow[] {
  const out: UnapprovedRow[] = [];
  const seen = new Set<string>();
  const add = (r: MeasuredRow, kind: UnapprovedRow['kind']) => {
    if (!restsOnUnapproved(r) || seen.has(r.indicator)) return;
    seen.add(r.indicator);
    out.push({ indicator: r.indicator, name: r.name, state: r.pending?.state ?? r.state ?? 'draft', kind });
  };
  for (const a of m.agreements) for (const r of a.rows) add(r, 'agreement');
  for (const r of m.planIndicators) add(r, 'plan');
  for (const r of m.programIndicators) add(r, 'program');
  return out;
}
