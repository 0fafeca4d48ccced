import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDataset, generateRegion } from './generate.js';
import { validateDataset, validateDocument } from './validate.js';
import { parseDocumentText, serializeDocument } from './io.js';
import { agencyId } from './model.js';
import type { Dataset } from './schema.js';
import type { Finding } from '../findings.js';

const errors = (fs: readonly Finding[]): Finding[] => fs.filter((f) => f.severity === 'error');

describe('generateDataset', () => {
  it('is deterministic from its seed', () => {
    const opts = { seed: 42, indicators: 12, years: 4, agreementsPerYear: 2 as const };
    expect(generateDataset(opts)).toEqual(generateDataset(opts));
    expect(generateDataset({ ...opts, seed: 43 })).not.toEqual(generateDataset(opts));
  });

  it('gives a valid dataset with defaults', () => {
    const ds = generateDataset({ seed: 1 });
    const r = validateDocument(ds);
    expect(errors(r.findings)).toEqual([]);
    expect(r.kind).toBe('dataset');
    expect(ds.agency.region).toBe('Kabupaten Contoh');
    expect(ds.agency.code).toBe('opd-001');
    expect(ds.plans.find((p) => p.level === 'renstra')?.indicators).toHaveLength(8);
    expect(ds.agreements.map((a) => a.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('exercises the model', () => {
    const years = [2020, 2021, 2022, 2023, 2024, 2025];
    const ds = generateDataset({ seed: 7, indicators: 14, years: 6, firstYear: 2020, agreementsPerYear: 2, region: 'Kota Contoh', agencyIndex: 4 });
    expect(errors(validateDocument(ds).findings)).toEqual([]);
    expect(ds.agency).toMatchObject({ region: 'Kota Contoh', code: 'opd-005' });

    const rpjmd = ds.plans.find((p) => p.level === 'rpjmd');
    const renstra = ds.plans.find((p) => p.level === 'renstra');
    expect(rpjmd && renstra).toBeTruthy();
    if (!rpjmd || !renstra) return;
    expect(new Set(rpjmd.goals.map((g) => g.kind))).toEqual(new Set(['misi', 'tujuan', 'sasaran']));
    expect(new Set(renstra.goals.map((g) => g.kind))).toEqual(new Set(['tujuan', 'sasaran']));
    expect(renstra.goals.every((g) => g.supports?.every((s) => s.startsWith(`${rpjmd.id}/`)))).toBe(true);
    expect([renstra.startYear, renstra.endYear]).toEqual([2020, 2025]);

    const inds = renstra.indicators ?? [];
    expect(inds).toHaveLength(14);
    expect(new Set(inds.map((i) => i.measure.type))).toEqual(new Set(['value', 'ratio', 'count', 'category', 'derived']));
    expect(inds.some((i) => i.polarity === 'negative')).toBe(true);
    expect(inds.filter((i) => i.key).length).toBeGreaterThan(0);
    expect(new Set(inds.map((i) => i.goal)).size).toBeGreaterThan(2);
    for (const ind of inds) {
      expect(Object.keys(ind.targets ?? {})).toEqual(years.map(String));
      expect(ind.endTarget).toBe(ind.targets?.['2025']);
      expect(ind.baseline?.year).toBe(2019);
    }
    const derived = inds.find((i) => i.measure.type === 'derived');
    expect(derived?.measure.type === 'derived' && derived.measure.of.length).toBeGreaterThan(1);

    for (const y of years) {
      const ofYear = ds.agreements.filter((a) => a.year === y);
      expect(ofYear.map((a) => a.kind)).toEqual(['original', 'amendment']);
      expect(ofYear[1]?.amends).toBe(ofYear[0]?.id);
      expect(ofYear[0]?.rows.length).toBeGreaterThan(1);
      expect(ofYear[0]?.budget.length).toBeGreaterThan(0);
    }
    expect(ds.agreements.some((a) => a.rows.some((r) => typeof r.target === 'string'))).toBe(true);
    expect(ds.agreements.some((a) => (a.indicators ?? []).length > 0)).toBe(true);

    const levels = ds.programs.map((n) => n.level);
    expect(levels.filter((l) => l === 'program').length).toBeGreaterThanOrEqual(2);
    expect(levels).toContain('kegiatan');
    expect(levels).toContain('subkegiatan');
    const subs = ds.programs.filter((n) => n.level === 'subkegiatan');
    const stages = new Set(subs.flatMap((n) => n.budgets.map((b) => b.stage)));
    expect(stages).toEqual(new Set(['initial', 'shift', 'revised']));
    expect(subs.every((n) => n.spending?.some((s) => s.period === 'Q2') && n.spending.some((s) => s.period === undefined))).toBe(true);
    const programs = ds.programs.filter((n) => n.level === 'program');
    expect(programs.some((n) => (n.supports ?? []).length > 0)).toBe(true);
    expect(programs.every((n) => (n.indicators ?? []).length > 0 && n.indicators?.[0]?.targets?.['2025'] !== undefined)).toBe(true);

    // realizations for every (non-derived) indicator and year
    for (const ind of inds) {
      if (ind.measure.type === 'derived') continue;
      for (const y of years) {
        expect(ds.realizations.some((r) => r.indicator === `${renstra.id}/${ind.id}` && r.year === y), `${ind.id} ${y}`).toBe(true);
      }
    }
    expect(ds.realizations.some((r) => r.period === 'Q3')).toBe(true);
    expect(ds.realizations.some((r) => r.status === 'no-data' && r.note)).toBe(true);
    expect(ds.realizations.some((r) => r.numerator !== undefined && r.denominator !== undefined)).toBe(true);
    expect(ds.realizations.some((r) => r.category !== undefined || r.categories !== undefined)).toBe(true);
    expect(ds.benchmarks?.length).toBeGreaterThan(0);
    expect(ds.evaluation?.scores?.length).toBe(6);
    expect(ds.evaluation?.recommendations?.length).toBeGreaterThan(0);
    expect(ds.claims?.length).toBeGreaterThan(0);
  });

  it('handles the smallest sizes', () => {
    for (const opts of [
      { seed: 3, indicators: 1, years: 1 },
      { seed: 3, indicators: 2, years: 1, agreementsPerYear: 2 as const },
      { seed: 3, indicators: 0, years: 0 },
    ]) {
      const r = validateDataset(generateDataset(opts));
      expect(errors(r.findings)).toEqual([]);
    }
  });

  it('property: any seed and size gives a dataset without errors', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1990, max: 2040 }),
        fc.constantFrom<1 | 2>(1, 2),
        fc.nat({ max: 99 }),
        (seed, indicators, years, firstYear, agreementsPerYear, agencyIndex) => {
          const ds = generateDataset({ seed, indicators, years, firstYear, agreementsPerYear, agencyIndex });
          expect(errors(validateDataset(ds).findings)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each(['json', 'yaml'] as const)('property: serialize → parse → validate gives back an equal dataset (%s)', (format) => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom<1 | 2>(1, 2), (seed, indicators, years, agreementsPerYear) => {
        const ds = generateDataset({ seed, indicators, years, agreementsPerYear });
        const back = parseDocumentText(serializeDocument(ds, format), `opd.${format}`);
        const r = validateDocument(back);
        expect(r.kind).toBe('dataset');
        if (r.kind === 'dataset') expect(r.dataset).toEqual(ds);
      }),
      { numRuns: format === 'json' ? 20 : 10 },
    );
  });
});

describe('generateRegion', () => {
  it("the benchmark's region is valid, with unique agency ids", () => {
    const region = generateRegion({ seed: 1, agencies: 60, indicators: 40, years: 10, agreementsPerYear: 2 });

    expect(region.format).toBe('kinerja-region/1');
    expect(region.region).toBe('Kabupaten Contoh');
    expect(region.agencies).toHaveLength(60);
    const ids = region.agencies.map((a: Dataset) => agencyId(a.agency));
    expect(new Set(ids).size).toBe(60);
    expect(ids[0]).toBe('opd-001');
    expect(ids[59]).toBe('opd-060');
    const r = validateDocument(region);
    expect(errors(r.findings)).toEqual([]);
    expect(r.kind).toBe('region');
    // agencies differ from one another
    expect(region.agencies[0]?.realizations).not.toEqual(region.agencies[1]?.realizations);
  });

  it('is deterministic', () => {
    const opts = { seed: 9, agencies: 3, indicators: 6, years: 2 };
    expect(generateRegion(opts)).toEqual(generateRegion(opts));
  });
});
