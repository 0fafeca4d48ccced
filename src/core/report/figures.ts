/**
 * The figures the prose refers to with `{{nilai:SUBJECT/QUANTITY}}` (core/document/values.ts),
 * computed as the review computes claims and printed the Indonesian way, as the tables print
 * them: `8,26%`, `70%`, `3 penghargaan`, `Sangat Tinggi`, `Rp 18.554.889.800`.
 */
import type { Dataset, Settings } from '../dataset/schema.js';
import type { ValueRef } from '../document/values.js';
import { figureReader, type Figure } from '../review/index.js';
import { fmtNum, fmtPct, fmtRp, fmtValue } from './common.js';

const PERCENT = new Set(['achievement', 'absorption']);
const MONEY = new Set(['budget', 'spent', 'unspent']);

/** How a computed figure reads in prose. */
export function figureText(ref: ValueRef, f: Figure): string {
  const q = ref.quantity?.quantity;
  const v = f.value;
  if (v === undefined || v === null) {
    if (q === 'realization') return 'belum tersedia';
    if (q === 'achievement' || q === 'predicate') return 'belum dapat diukur';
    return '-';
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'tercapai' : 'tidak tercapai';
  if (q !== undefined && PERCENT.has(q)) return fmtPct(v);
  if (q !== undefined && MONEY.has(q)) return fmtRp(v);
  if (q === 'target' || q === 'realization') return fmtValue(v, f.unit);
  return fmtNum(v);
}

/** The query a reference asks: an agreement's `anggaran` is the sum of its budget lines. */
function queryOf(ref: ValueRef, isAgreement: boolean): { subject: string; quantity: string; aspect?: string } {
  const quantity = ref.quantity?.quantity ?? ref.name;
  if (isAgreement && quantity === 'budget') return { subject: ref.subject, quantity: 'total', aspect: 'budget' };
  return { subject: ref.subject, quantity };
}

/** Resolves `{{nilai:…}}` in the report of `year`; an unknown reference is left as written. */
export function valueResolver(ds: Dataset, year: number, regionSettings?: Settings): (ref: ValueRef) => string {
  const read = figureReader(ds, year, regionSettings ? { regionSettings } : {});
  const agreements = new Set(ds.agreements.map((a) => a.id));
  return (ref) => {
    if (!ref.quantity || ref.subject === '') return ref.text;
    return figureText(ref, read(queryOf(ref, agreements.has(ref.subject))));
  };
}

