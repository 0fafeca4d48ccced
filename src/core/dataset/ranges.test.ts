import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minimalDataset } from './fixtures.js';
import { outOfRangeFindings, outside, rangeFindings, realizationViolations, valueRange, type Range } from './ranges.js';
import type { Indicator } from './schema.js';
import { validateDataset } from './validate.js';
import { putRealization } from '../edit/realizations.js';
import { EditError } from '../edit/common.js';
import { measure } from '../measure/index.js';

const ind = (o: Partial<Indicator>): Pick<Indicator, 'unit' | 'measure' | 'range'> => ({ measure: { type: 'value' }, ...o });
const ratio = (o: Partial<Indicator> = {}) => ind({ unit: '%', measure: { type: 'ratio', numerator: 'a', denominator: 'b' }, ...o });
const within = (x: number, r: Range): boolean =>
  (r.min === null || (r.minExclusive ? x > r.min : x >= r.min)) && (r.max === null || x <= r.max) && (!r.whole || Number.isInteger(x));
const num = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });

describe('default ranges by unit and measure', () => {
  it('a % share 0–100, a score 0–100, a count a whole number ≥ 0, any other value ≥ 0, a category none', () => {
    expect(valueRange(ind({ unit: '%' }))).toMatchObject({ min: 0, max: 100 });
    expect(valueRange(ind({ unit: ' Persen ' }))).toMatchObject({ min: 0, max: 100 });
    expect(valueRange(ind({ unit: 'nilai' }))).toMatchObject({ min: 0, max: 100 });
    expect(valueRange(ind({ unit: 'orang', measure: { type: 'count' } }))).toMatchObject({ min: 0, max: null, whole: true });
    expect(valueRange(ind({ unit: 'hari' }))).toMatchObject({ min: 0, max: null });
    expect(valueRange(ind({ measure: { type: 'category', categories: [{ label: 'A', score: 100 }] } }))).toBeNull();
  });
  it('a declared range overrides the default; null opens a bound (a growth rate above 100 % or below 0)', () => {
    expect(valueRange(ind({ unit: '%', range: { min: -100, max: null } }))).toMatchObject({ min: -100, max: null });
    expect(valueRange(ind({ unit: '%', range: { max: 300 } }))).toMatchObject({ min: 0, max: 300 });
    expect(realizationViolations(ratio({ range: { max: null } }), { numerator: 1905, denominator: 857 })).toEqual([]);
  });
});

describe('property: the range rules', () => {
  const units = fc.constantFrom('%', 'nilai', 'orang', 'hari', undefined);
  const types = fc.constantFrom('value', 'count');
  it('a value is refused exactly when it lies outside the bounds of its range', () => {
    fc.assert(
      fc.property(units, types, num, (unit, type, x) => {
        const i = ind({ ...(unit !== undefined ? { unit } : {}), measure: { type } as Indicator['measure'] });
        const r = valueRange(i)!;
        expect(outside(x, r) === null).toBe(within(x, r));
        expect(realizationViolations(i, { value: x }).length === 0).toBe(within(x, r));
      }),
    );
  });
  it('a % ratio: numerator 0…denominator with denominator > 0 is accepted, anything else refused at its field', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100_000 }), fc.integer({ min: -10, max: 100_000 }), (n, d) => {
        const vs = realizationViolations(ratio(), { numerator: n, denominator: d });
        const ok = n >= 0 && d > 0 && n <= d;
        expect(vs.length === 0).toBe(ok);
        if (!ok) expect(['numerator', 'denominator']).toContain(vs[0]!.field);
        if (n < 0) expect(vs[0]!.field).toBe('numerator');
        else if (d <= 0) expect(vs[0]!.field).toBe('denominator');
      }),
    );
  });
  it('the edit and the validation agree: putRealization refuses exactly what validation calls out-of-range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 5000 }), fc.integer({ min: -5, max: 5000 }), (n, d) => {
        const ds = minimalDataset();
        const k = { indicator: 'renstra-2021-2026/UMM', year: 2026, period: 'Y' as const };
        let refused = false;
        try {
          putRealization(ds, k, { numerator: n, denominator: d });
        } catch (e) {
          expect(e).toBeInstanceOf(EditError);
          expect((e as EditError).code).toBe('out-of-range');
          refused = true;
        }
        ds.realizations.push({ indicator: k.indicator, year: 2026, numerator: n, denominator: d });
        const errors = validateDataset(ds).findings.filter((f) => f.code === 'out-of-range' && f.severity === 'error');
        expect(errors.length > 0).toBe(refused);
      }),
      { numRuns: 60 },
    );
  });
});

describe('validation and measurement of an out-of-range entry', () => {
  it('unmarked: an error at the field naming the indicator and the range, in both languages', () => {
    const ds = minimalDataset();
    ds.realizations.find((r) => r.indicator.endsWith('/UMM'))!.numerator = 1905; // of 1000
    delete ds.realizations.find((r) => r.indicator.endsWith('/UMM'))!.value;
    const r = validateDataset(ds);
    expect(r.dataset).toBeUndefined();
    const f = r.findings.find((x) => x.code === 'out-of-range')!;
    expect(f).toMatchObject({ severity: 'error', where: 'realizations[0].numerator' });
    expect(f.localized!.id).toBe(
      'realisasi 2025 "Persentase Usaha Mikro Mandiri": 1.905 ÷ 1.000 × 100 = 190,50, lebih dari 100; seharusnya 0 sampai 100 (persentase) (nilai yang memang tercetak demikian dalam sumber hanya dapat dipertahankan dengan "outOfRange": { "reason": … })',
    );
    expect(f.message).toMatch(/1905 ÷ 1000 × 100 = 190\.5, above 100; expected from 0 to 100 \(a % share\)/);
  });

  it('marked `outOfRange`: a warning; the realization is not scored (unmeasured, out of range) and the measurement flags it', () => {
    const ds = minimalDataset();
    const rz = ds.realizations.find((r) => r.indicator.endsWith('/UMM'))!;
    Object.assign(rz, { numerator: 1905, denominator: 857, outOfRange: { reason: 'as printed in the source' } });
    delete rz.value;
    const r = validateDataset(ds);
    expect(r.dataset).toBeDefined();
    expect(r.findings.filter((f) => f.code === 'out-of-range')).toEqual([
      expect.objectContaining({ severity: 'warning', where: 'realizations[0].numerator', localized: { id: expect.stringMatching(/222,29, lebih dari 100, di luar rentang yang sah 0 sampai 100 \(persentase\); dipertahankan sebagaimana tercatat dalam sumbernya \("as printed in the source"\) dan tidak dinilai/) } }),
    ]);
    const m = measure(r.dataset!, 2025);
    const row = m.agreements[0]!.rows.find((x) => x.indicator.endsWith('/UMM'))!;
    expect(row).toMatchObject({ achievement: null, predicate: null, achieved: null, unmeasured: 'out of range' });
    expect(row.realization).toBeCloseTo(222.287, 3); // shown as entered, not scored
    expect(m.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['out-of-range', 'unmeasured-out-of-range']));
    expect(outOfRangeFindings(r.dataset!, 2025)).toHaveLength(1);
    expect(outOfRangeFindings(r.dataset!, 2024)).toHaveLength(0);
  });

  it('targets, baseline, budgets, spending, expenditure lines and scores: each at its path', () => {
    const ds = minimalDataset();
    const umm = ds.plans[0]!.indicators![0]!;
    umm.targets!['2026'] = 120;
    umm.baseline!.value = -3;
    ds.agreements[0]!.rows[2]!.target = 101; // SAKIP, a score
    ds.agreements[0]!.budget[0]!.amount = -1;
    const node = ds.programs.find((n) => n.id === 'p1-k1-s1')!;
    node.budgets[0]!.amount = -1_000_000;
    node.spending![0]!.physical = 101;
    ds.expenditures = [{ id: 'e1', year: 2025, name: 'Belanja Pegawai', ceiling: 10, realized: -2 }];
    ds.evaluation = { scores: [{ year: 2025, value: 150, evaluator: 'Inspektorat', reference: 'LHE' }] };
    const where = rangeFindings(ds).map((f) => `${f.severity} ${f.where}`);
    expect(where.sort()).toEqual(
      [
        'error plans[0].indicators[0].targets["2026"]',
        'error plans[0].indicators[0].baseline.value',
        'error agreements[0].rows[2].target',
        'error agreements[0].budget[0].amount',
        'error programs[2].budgets[0].amount',
        'error programs[2].spending[0].physical',
        'error expenditures[0].realized',
        'error evaluation.scores[0].value',
      ].sort(),
    );
    // a range whose min is above its max is itself an error
    umm.range = { min: 10, max: 5 };
    expect(validateDataset(ds).findings.find((f) => f.code === 'invalid-range')).toMatchObject({ where: 'plans[0].indicators[0].range' });
  });

  it('benchmarks hold their indicator’s range and activity-list rows are never below zero; marked, a warning', () => {
    const ds = minimalDataset();
    const umm = ds.plans[0]!.indicators![0]!; // a % share
    ds.benchmarks = [{ indicator: `${ds.plans[0]!.id}/${umm.id}`, year: 2025, value: 140, source: 'BPS' }];
    ds.activities = [{ id: 'latihan', title: 'Pelatihan', rows: [{ name: 'Pelatihan kewirausahaan', target: 10, realization: -3 }, { name: 'Pendampingan', realization: 'selesai' }] }];
    const found = rangeFindings(ds);
    expect(found.map((f) => `${f.severity} ${f.where}`).sort()).toEqual(['error activities[0].rows[0].realization', 'error benchmarks[0].value']);
    expect(found.find((f) => f.where === 'benchmarks[0].value')?.localized?.id).toContain('pembanding 2025 "');
    expect(found.find((f) => f.where === 'activities[0].rows[0].realization')?.localized?.id).toContain('baris "Pelatihan kewirausahaan" dalam daftar kegiatan "Pelatihan": -3 kurang dari 0');
    ds.activities[0]!.rows[0]!.outOfRange = { reason: 'tercetak demikian dalam laporan' };
    ds.benchmarks[0]!.outOfRange = { reason: 'tercetak demikian dalam laporan' };
    expect(rangeFindings(ds).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(validateDataset(ds).findings.filter((f) => f.code === 'out-of-range').every((f) => f.severity === 'warning')).toBe(true);
  });

  it('the demo keeps its four printed impossible values, each marked, as warnings', async () => {
    const { readFile } = await import('node:fs/promises');
    const demo = JSON.parse(await readFile(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8'));
    const r = validateDataset(demo);
    expect(r.dataset).toBeDefined();
    expect(r.findings.filter((f) => f.code === 'out-of-range').map((f) => `${f.severity} ${f.where}`)).toEqual([
      'warning realizations[9].numerator',
      'warning realizations[14].value',
      'warning realizations[54].value',
      'warning realizations[65].value',
    ]);
    const kop = measure(r.dataset!, 2025).planIndicators.find((x) => x.indicator === 'renstra-2025-2029/KOP_FASILITASI')!;
    expect(kop).toMatchObject({ achievement: null, predicate: null, unmeasured: 'out of range' });
  });
});

describe('a derived indicator', () => {
  it('its entered realization (compared with the computed one) is a % share too', () => {
    const derived = ind({ unit: '%', measure: { type: 'derived', rule: 'shareAchieved', of: ['x/y'] } });
    expect(realizationViolations(derived, { value: 67 })).toEqual([]);
    expect(realizationViolations(derived, { value: 150 }).map((v) => v.field)).toEqual(['value']);
  });
});
