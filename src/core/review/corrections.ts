/**
 * The dataset's corrections of printed sources (`corrections`, dataset-format.md): each one's
 * figure computed from the data as a claim's is (figureReader), beside the printed value. The
 * LKIP lists them in its "Catatan atas Data" annex; validation warns about a correction whose
 * figure the data cannot give or that no longer differs from the printed value.
 */
import type { Correction, Dataset } from '../dataset/schema.js';
import { finding, type Finding } from '../findings.js';
import { formatNumber } from '../format.js';
import { figureReader, type Computed, type ReviewOptions } from './index.js';

export interface CorrectedFigure {
  correction: Correction;
  /** its index in `ds.corrections` */
  index: number;
  /** the year the figure was computed for */
  year: number;
  /** the value the data gives (the report prints it); absent when the data cannot give it */
  value?: Computed;
  /** why not, when absent (Indonesian) */
  explanation: string;
  /** the indicator's unit, when the subject is one */
  unit?: string | null;
}

/**
 * The corrections whose figure is of `year` (their own `year`, else the year of the agreement
 * they name, else `year`), with the figure computed from the data.
 */
export function correctedFigures(ds: Dataset, year: number, opts: ReviewOptions = {}): CorrectedFigure[] {
  const list = ds.corrections ?? [];
  if (list.length === 0) return [];
  const read = figureReader(ds, year, opts);
  const out: CorrectedFigure[] = [];
  list.forEach((c, index) => {
    const f = read({ subject: c.subject, quantity: c.quantity, ...(c.aspect !== undefined ? { aspect: c.aspect } : {}), ...(c.year !== undefined ? { year: c.year } : {}) });
    if (f.year !== year) return;
    out.push({
      correction: c,
      index,
      year: f.year,
      ...(f.value !== undefined ? { value: f.value } : {}),
      explanation: f.explanation,
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
    });
  });
  return out;
}

/** Whether the data's figure equals the printed value (to the cent). */
export const equalsPrinted = (f: CorrectedFigure): boolean => typeof f.value === 'number' && Math.abs(f.value - f.correction.printed) < 0.005;

/**
 * Warnings on the corrections (at `corrections[i]`): `correction-not-computed` when the data
 * cannot give the figure, `correction-equals-printed` when it no longer differs from the printed
 * value (the annex then leaves it out). Each correction is read in its own year, else in the
 * latest year of the agreements.
 */
export function correctionFindings(ds: Dataset, opts: ReviewOptions & { prefix?: string } = {}): Finding[] {
  const list = ds.corrections ?? [];
  if (list.length === 0) return [];
  const latest = Math.max(...ds.agreements.map((a) => a.year), ...list.map((c) => c.year ?? Number.NEGATIVE_INFINITY));
  const years = [...new Set(list.map((c) => c.year ?? latest))].filter((y) => Number.isFinite(y));
  const at = (i: number): string => `${opts.prefix ? `${opts.prefix}.` : ''}corrections[${i}]`;
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const y of years) {
    for (const f of correctedFigures(ds, y, opts)) {
      if (seen.has(f.index)) continue;
      seen.add(f.index);
      const c = f.correction;
      if (f.value === undefined || f.value === null) {
        out.push(
          finding(
            'warning',
            'correction-not-computed',
            at(f.index),
            `the data gives no ${c.quantity} of "${c.subject}" for ${f.year} (${f.explanation}); the correction of "${c.item}" is listed without the value used`,
            `data tidak memberikan ${c.quantity} "${c.subject}" tahun ${f.year} (${f.explanation}); koreksi "${c.item}" dicantumkan tanpa angka yang dipakai`,
          ),
        );
      } else if (equalsPrinted(f)) {
        out.push(
          finding(
            'warning',
            'correction-equals-printed',
            at(f.index),
            `"${c.item}": the data gives the printed value ${c.printed} again, so nothing is corrected; the LKIP leaves it out of its data notes`,
            `"${c.item}": data kembali memberikan angka yang tercetak ${formatNumber(c.printed, 2, { trim: true })}, sehingga tidak ada yang dikoreksi; LKIP tidak mencantumkannya dalam catatan atas data`,
          ),
        );
      }
    }
  }
  return out;
}
