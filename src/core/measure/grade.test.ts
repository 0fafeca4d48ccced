import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { validateDataset, validateRegion } from '../dataset/validate.js';
import { gradeFindings, gradeOf, gradeOfScore, typedGradeMatches } from './grade.js';
import { measure } from './index.js';
import { DEFAULT_GRADE_SCALE, resolveGradeScale } from './rules.js';

const code = (score: number) => gradeOf(DEFAULT_GRADE_SCALE, score)?.code ?? null;

describe('SAKIP grade, default PermenPAN-RB 88/2021', () => {
  it('reads "> 80–90" as 80 < score ≤ 90 at every boundary', () => {
    expect([100, 90.01, 90, 80.01, 80, 70.01, 70, 60.01, 60, 50.01, 50, 30.01, 30, 0].map(code)).toEqual([
      'AA', 'AA', 'A', 'A', 'BB', 'BB', 'B', 'B', 'CC', 'CC', 'C', 'C', 'D', 'D',
    ]);
  });
  it('gives the seed national mean 71 "BB / Sangat Baik" and the demo score 87,24 "A / Memuaskan"', () => {
    expect(gradeOf(DEFAULT_GRADE_SCALE, 71)).toEqual({ code: 'BB', label: 'Sangat Baik' });
    expect(gradeOf(DEFAULT_GRADE_SCALE, 87.24)).toEqual({ code: 'A', label: 'Memuaskan' });
  });
  it('has no grade for a number that is not finite', () => {
    expect(gradeOf(DEFAULT_GRADE_SCALE, Number.NaN)).toBeNull();
  });
});

describe('the grade scale is data', () => {
  const custom = { gradeScale: [{ code: 'L', label: 'Lulus', above: 60 }, { code: 'TL', label: 'Tidak Lulus' }] };
  it('the dataset settings win over the region, the region over the default', () => {
    expect(gradeOfScore({ value: 75 }, custom, null)).toEqual({ code: 'L', label: 'Lulus' });
    expect(gradeOfScore({ value: 60 }, null, custom)).toEqual({ code: 'TL', label: 'Tidak Lulus' });
    expect(gradeOfScore({ value: 75 }, { gradeScale: [{ code: 'X', label: 'X' }] }, custom)?.code).toBe('X');
    expect(gradeOfScore({ value: 75 })?.code).toBe('BB');
  });
  it('sorts bands given in any order', () => {
    expect(resolveGradeScale({ gradeScale: [{ code: 'TL', label: 'Tidak Lulus' }, { code: 'L', label: 'Lulus', above: 60 }] }).map((b) => b.code)).toEqual(['L', 'TL']);
  });
});

describe('a typed grade is checked, never used', () => {
  it('matches by code, label or both', () => {
    const g = { code: 'A', label: 'Memuaskan' };
    for (const t of ['A', 'a', 'Memuaskan', 'A / Memuaskan', 'A (Memuaskan)']) expect(typedGradeMatches(t, g)).toBe(true);
    for (const t of ['AA', 'BB', 'Sangat Memuaskan', 'A / Baik']) expect(typedGradeMatches(t, g)).toBe(false);
  });
  it('a typed grade that disagrees is a warning in validation and in the measurement of its year', () => {
    const ds = minimalDataset();
    ds.evaluation = {
      scores: [
        { year: 2024, value: 87.24, grade: 'BB', evaluator: 'Inspektorat', reference: 'LHE 1' },
        { year: 2023, value: 71, grade: 'BB', evaluator: 'Inspektorat', reference: 'LHE 2' },
      ],
    };
    const fs = gradeFindings(ds);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', code: 'grade-differs-from-score', where: 'evaluation.scores[0].grade' });
    expect(fs[0]!.localized?.id).toContain('(A / Memuaskan)');
    expect(fs[0]!.localized?.id).toContain('87,24');
    const v = validateDataset(ds);
    expect(v.dataset).toBeDefined();
    expect(v.findings.filter((f) => f.code === 'grade-differs-from-score').map((f) => f.where)).toEqual(['evaluation.scores[0].grade']);
    expect(measure(ds, 2024).findings.filter((f) => f.code === 'grade-differs-from-score')).toHaveLength(1);
    expect(measure(ds, 2023).findings.filter((f) => f.code === 'grade-differs-from-score')).toHaveLength(0);
  });
  it("a region file checks its agencies' typed grades by the region's scale", () => {
    const ds = minimalDataset();
    ds.evaluation = { scores: [{ year: 2024, value: 75, grade: 'L', evaluator: 'Inspektorat', reference: 'LHE 1' }] };
    const region = { format: 'kinerja-region/1', region: 'Kabupaten Contoh', agencies: [ds] };
    const codes = (doc: unknown) => validateRegion(doc).findings.filter((f) => f.code === 'grade-differs-from-score').map((f) => f.where);
    expect(codes(region)).toEqual(['agencies[0].evaluation.scores[0].grade']);
    expect(codes({ ...region, settings: { gradeScale: [{ code: 'L', label: 'Lulus', above: 60 }, { code: 'TL', label: 'Tidak Lulus' }] } })).toEqual([]);
  });
});
