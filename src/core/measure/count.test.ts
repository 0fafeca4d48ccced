import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { createMeasureContext } from './context.js';
import { measureIndicator } from './indicator.js';
import { measure } from './index.js';
import { agreement, dataset, indicator, plan, real, row } from './testkit.js';

const awardsIndicator = indicator('AWARDS', { unit: 'penghargaan', targets: { '2025': 2 }, measure: { type: 'countOf', list: 'awards' } });

const base = (fields: Partial<Dataset> = {}): Dataset =>
  dataset({
    plans: [plan([awardsIndicator])],
    narrative: {
      awards: [
        { title: 'Juara 1 Stand Terbaik', date: '2025-12-07' },
        { title: 'Daerah Koperasi Go Internasional', year: 2025 },
        { title: 'Juara 2 Lomba Koperasi', date: '2024-08-17' },
      ],
    },
    ...fields,
  });

describe('countOf awards', () => {
  it('counts the awards of the year (by date, else year) and measures it like any count', () => {
    const m = measureIndicator(createMeasureContext(base()), 'renstra/AWARDS', 2025);
    expect(m.row).toMatchObject({ realization: 2, target: 2, achievement: 100, achieved: true, realizationPeriod: 'computed', state: 'approved' });
    expect(m.row.predicate).not.toBeNull();
    expect(m.findings).toEqual([]);
    const m24 = measureIndicator(createMeasureContext(base()), 'renstra/AWARDS', 2024, { target: 1 });
    expect(m24.row.realization).toBe(1);
  });

  it('in an agreement row: the agreed target', () => {
    const ds = base({ agreements: [agreement('pk-2025', [row('AWARDS', 1)])] });
    const r = measure(ds, 2025).agreements[0]!.rows[0]!;
    expect(r).toMatchObject({ realization: 2, target: 1, achievement: 200 });
  });

  it('an undated award in a dated narrative counts in the narrative’s year; in an undated one in none, with a warning', () => {
    const dated = base({ narrative: [{ year: 2025, awards: [{ title: 'A' }, { title: 'B' }] }] });
    expect(measureIndicator(createMeasureContext(dated), 'renstra/AWARDS', 2025).row.realization).toBe(2);
    const undated = base({ narrative: { awards: [{ title: 'A' }, { title: 'B', date: '2025-03-01' }] } });
    const m = measureIndicator(createMeasureContext(undated), 'renstra/AWARDS', 2025);
    expect(m.row.realization).toBe(1);
    const f = m.findings.find((x) => x.code === 'count-entry-without-year');
    expect(f?.where).toBe('plans[0].indicators[0] (renstra/AWARDS)');
    expect(f?.message).toContain('narrative.awards[0]');
    expect(f?.localized?.id).toContain('tidak memiliki tanggal maupun tahun');
  });

  it('an award listed in several narratives (a year narrative begun as a copy of the undated one) is counted once', () => {
    const awards = [
      { title: 'Juara 1 Stand Terbaik', date: '2025-12-07' },
      { title: 'Daerah Koperasi Go Internasional', year: 2025 },
    ];
    const copied = base({ narrative: [{ awards }, { year: 2026, awards: [...awards, { title: 'juara 1  stand terbaik', date: '2025-12-07' }] }] });
    expect(measureIndicator(createMeasureContext(copied), 'renstra/AWARDS', 2025).row.realization).toBe(2);
    // the same title on another date is another award
    const twice = base({ narrative: { awards: [{ title: 'Juara 1', date: '2025-03-01' }, { title: 'Juara 1', date: '2025-09-01' }] } });
    expect(measureIndicator(createMeasureContext(twice), 'renstra/AWARDS', 2025).row.realization).toBe(2);
  });

  it('an empty list counts 0; no list at all leaves the row unmeasured', () => {
    const empty = measureIndicator(createMeasureContext(base({ narrative: { awards: [] } })), 'renstra/AWARDS', 2025);
    expect(empty.row).toMatchObject({ realization: 0, achievement: 0, achieved: false });
    const none = measureIndicator(createMeasureContext(base({ narrative: { foreword: 'x' } })), 'renstra/AWARDS', 2025);
    expect(none.row).toMatchObject({ realization: null, unmeasured: 'no realization' });
  });

  it('an entered realization is compared with the count; the count is used; not-applicable is kept', () => {
    const differs = measureIndicator(createMeasureContext(base({ realizations: [real('AWARDS', 2025, { value: 5 })] })), 'renstra/AWARDS', 2025);
    expect(differs.row.realization).toBe(2);
    expect(differs.findings.map((f) => f.code)).toContain('count-realization-differs');
    const noData = measureIndicator(createMeasureContext(base({ realizations: [real('AWARDS', 2025, { status: 'no-data' })] })), 'renstra/AWARDS', 2025);
    expect(noData.row.realization).toBe(2);
    expect(noData.findings.map((f) => f.code)).toContain('count-overrules-status');
    const na = measureIndicator(createMeasureContext(base({ realizations: [real('AWARDS', 2025, { status: 'not-applicable' })] })), 'renstra/AWARDS', 2025);
    expect(na.row).toMatchObject({ realization: null, unmeasured: 'not applicable' });
  });

  it('is a valid measure in a dataset; an unknown list is refused with its path', () => {
    expect(validateDataset(base()).findings.filter((f) => f.severity === "error")).toEqual([]);
    const bad = base();
    (bad.plans[0]!.indicators![0]!.measure as unknown as { list: string }).list = 'medals';
    const errors = validateDataset(bad).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.where)).toContain('plans[0].indicators[0].measure.list');
  });
});
