/** The dataset's `budgetStages` (dataset-format.md, "BudgetStageNote"): shape and the whole-document checks. */
import { describe, expect, it } from 'vitest';
import { minimalDataset } from './fixtures.js';
import type { Dataset } from './schema.js';
import { validateDocument } from './validate.js';

const findingsOf = (mutate: (ds: Dataset) => void) => {
  const ds = minimalDataset();
  mutate(ds);
  return validateDocument(ds).findings.filter((f) => f.severity === 'error');
};

describe('budgetStages', () => {
  it('accepts a note per stage of a year, with a month or a date within it', () => {
    expect(
      findingsOf((ds) => {
        ds.budgetStages = [
          { year: 2025, stage: 'shift', month: '2025-04', purpose: 'penyesuaian alokasi anggaran' },
          { year: 2025, stage: 'revised', date: '2025-09-30', month: '2025-09', legalBasis: 'Peraturan Daerah Nomor 4 Tahun 2025' },
        ];
      }),
    ).toEqual([]);
  });

  it('refuses a month that is not YYYY-MM, with the path and both languages', () => {
    const [f] = findingsOf((ds) => {
      (ds as unknown as { budgetStages: unknown[] }).budgetStages = [{ year: 2025, stage: 'shift', month: 'April 2025' }];
    });
    expect(f?.where).toBe('budgetStages[0].month');
    expect(f?.message).toContain('expected a month as YYYY-MM');
    expect(f?.localized?.id).toContain('seharusnya berupa bulan berformat YYYY-MM');
  });

  it('refuses a second note of the same stage and year, and a date or month outside the year', () => {
    const fs = findingsOf((ds) => {
      ds.budgetStages = [
        { year: 2025, stage: 'shift', month: '2024-04' },
        { year: 2025, stage: 'shift', date: '2025-05-02', month: '2025-04' },
      ];
    });
    expect(fs.map((f) => [f.code, f.where])).toEqual([
      ['invalid-period', 'budgetStages[0].month'],
      ['duplicate-id', 'budgetStages[1]'],
      ['invalid-period', 'budgetStages[1].month'],
    ]);
    expect(fs[0]?.localized?.id).toBe('seharusnya bulan pada tahun 2025, tahun tahap anggaran itu; tertulis "2024-04"');
  });
});
