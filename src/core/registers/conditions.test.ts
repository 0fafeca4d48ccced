import { describe, expect, it } from 'vitest';
import type { Dataset, RegisterMeasure } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { FIXTURE_PLAN } from '../dataset/fixtures.js';
import { measure } from '../measure/index.js';
import type { RegisterFigures } from '../measure/register.js';
import { checkRegisterMeasures, describeSelection, endedPeriods, numeratorSelection, selectKeys, windowOf, type EntitiesByRegister } from './conditions.js';
import { fixtureRegisters, registerDataset } from './fixtures.js';
import type { Entity } from './rows.js';

const kop = (key: string, status2026: string | undefined, extra: Record<string, string> = {}): Entity => ({
  key,
  data: { nomor_badan_hukum: key, nama: `Koperasi ${key}`, kecamatan: 'Ajung', ...extra },
  years: status2026 ? { '2026': { status: status2026 }, '2025': { status: 'tidak aktif' } } : {},
});
const fas = (nomor: string, tanggal: string, koperasi: string, jenis = 'pelatihan'): Entity => ({ key: nomor, data: { nomor, tanggal, koperasi, jenis }, years: {} });

const entities: EntitiesByRegister = new Map([
  ['koperasi', [kop('K1', 'aktif'), kop('K2', 'aktif'), kop('K3', 'tidak aktif'), kop('K4', undefined), kop('K5', 'aktif', { kecamatan: 'Patrang' })]],
  [
    'fasilitasi',
    [
      fas('F1', '2026-02-10', 'K1'),
      fas('F2', '2026-03-01', 'K1'), // K1 trained twice: one cooperative
      fas('F3', '2026-05-20', 'K2', 'pendampingan'),
      fas('F4', '2026-01-15', 'K3'), // not active: outside the population
      fas('F5', '2025-12-31', 'K5'), // another year
    ],
  ],
]);

const measureOf: RegisterMeasure = {
  since: 2026,
  count: { register: 'koperasi', where: [{ event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] },
  of: { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] },
};

describe('conditions over registers', () => {
  const regs = fixtureRegisters();
  it('counts distinct entities with an event in the year up to the period end, within the population', () => {
    const sel = numeratorSelection(measureOf);
    expect(selectKeys(regs, entities, sel, windowOf(2026, 'Q1'))).toEqual(['K1']);
    expect(selectKeys(regs, entities, sel, windowOf(2026, 'Q2'))).toEqual(['K1', 'K2']);
    expect(selectKeys(regs, entities, measureOf.of!, windowOf(2026, 'Q2'))).toEqual(['K1', 'K2', 'K5']);
    // the events alone would count K1 twice and K3 outside the population: 4 events against 3 cooperatives
    expect(selectKeys(regs, entities, { register: 'fasilitasi', where: [{ field: 'tanggal', inYear: true }] }, windowOf(2026, 'Q4'))).toHaveLength(4);
  });
  it('reads a per-year field in the measured year and an event kind', () => {
    expect(selectKeys(regs, entities, measureOf.of!, windowOf(2025, 'Q4'))).toEqual([]);
    const pend = { register: 'koperasi', where: [{ event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal', where: [{ field: 'jenis', equals: 'pendampingan' }] } }] };
    expect(selectKeys(regs, entities, pend, windowOf(2026, 'Q4'))).toEqual(['K2']);
    expect(selectKeys(regs, entities, { register: 'koperasi', where: [{ field: 'status', present: false }] }, windowOf(2026, 'Q4'))).toEqual(['K4']);
    expect(selectKeys(regs, entities, { register: 'koperasi', where: [{ field: 'kecamatan', equals: ['Patrang', 'Arjasa'] }] }, windowOf(2026, 'Q4'))).toEqual(['K5']);
  });
  it('tells the periods ended by a day', () => {
    expect(endedPeriods(2026, '2026-12-07')).toEqual(['Q1', 'Q2', 'Q3']);
    expect(endedPeriods(2025, '2026-12-07')).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(endedPeriods(2027, '2026-12-07')).toEqual([]);
  });
  it('describes a selection in Indonesian', () => {
    expect(describeSelection(regs, numeratorSelection(measureOf))).toBe('Koperasi dengan status aktif pada tahun berjalan dan sedikitnya satu fasilitasi koperasi dalam tahun berjalan');
  });
});

describe('checks of register measures', () => {
  const withIndicator = (m: unknown): Dataset => {
    const ds = registerDataset();
    (ds.plans[0]!.indicators![0] as { fromRegister?: unknown }).fromRegister = m;
    return ds;
  };
  it('accepts a well-formed measure', () => {
    const ds = withIndicator(measureOf);
    expect(checkRegisterMeasures(ds)).toEqual([]);
    expect(validateDataset(ds).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('names each wrong part with its path', () => {
    const bad = {
      count: { register: 'koperasi', where: [{ field: 'status', equals: 'bubar' }, { field: 'nama', inYear: true }, { event: { register: 'fasilitasi', via: 'jenis', date: 'koperasi' } }] },
      of: { register: 'usaha_mikro', where: [{ field: 'nik', present: true }] },
    };
    const fs = checkRegisterMeasures(withIndicator(bad));
    const at = 'plans[0].indicators[0].fromRegister';
    expect(fs.map((f) => `${f.code} ${f.where}`)).toEqual([
      `invalid-condition ${at}.count.where[0].equals`,
      `invalid-condition ${at}.count.where[1].inYear`,
      `invalid-condition ${at}.count.where[2].event.via`,
      `invalid-condition ${at}.count.where[2].event.date`,
      `personal-condition ${at}.of.where[0].field`,
      `invalid-condition ${at}.of.register`,
    ]);
    expect(fs[0]!.localized?.id).toContain('salah satu dari "aktif", "tidak aktif"');
    expect(checkRegisterMeasures(withIndicator({ count: { register: 'anggota' } }))[0]!.code).toBe('unknown-register');
  });
});

describe('an indicator realized from registers', () => {
  const ref = `${FIXTURE_PLAN}/UMM`;
  const ds = (): Dataset => {
    const d = registerDataset();
    d.plans[0]!.indicators![0]!.fromRegister = measureOf;
    return d;
  };
  const figures = (figs: Array<{ period: 'Q1' | 'Q2' | 'Q3' | 'Q4'; numerator: number; denominator: number }>, year = 2026): RegisterFigures => ({
    indicators: new Map([[ref, new Map([[year, figs.map((f) => ({ ...f, asOf: windowOf(year, f.period).to }))]])]]),
    tables: new Map(),
  });
  const row = (r: ReturnType<typeof measure>) => {
    const m = r.planIndicators.find((x) => x.indicator === ref)!;
    const said = r.findings.map((f) => f.localized?.id).join(' | ');
    return { realization: m.realization === null ? { ok: false, reason: m.unmeasured, messageId: said } : { ok: true, value: m.realization, period: m.realizationPeriod ?? 'Y', provisional: m.provisional === true, parts: m.realizationParts, register: m.fromRegister } };
  };

  it('takes the latest ended period, provisional before the year ends', () => {
    const r = row(measure(ds(), 2026, { registerFigures: figures([{ period: 'Q1', numerator: 1, denominator: 3 }, { period: 'Q3', numerator: 2, denominator: 3 }]) }));
    expect(r.realization).toMatchObject({ ok: true, period: 'Q3', provisional: true, parts: { numerator: 2, denominator: 3 }, register: { register: 'koperasi', asOf: '2026-09-30' } });
    expect((r.realization as { value: number }).value).toBeCloseTo(66.667, 3);
  });
  it('adds the years counted from registers to the trend', () => {
    const d = registerDataset();
    d.plans[0]!.indicators![0]!.fromRegister = { ...measureOf, since: 2024 };
    const figs: RegisterFigures = {
      indicators: new Map([[ref, new Map([[2024, [{ period: 'Q4' as const, asOf: '2024-12-31', numerator: 1, denominator: 4 }]]])]]),
      tables: new Map(),
    };
    // 2024 has no typed entry: its point comes from the register; 2025's typed entry is not used
    const m = measure(d, 2025, { registerFigures: figs }).planIndicators.find((x) => x.indicator === ref)!;
    expect(m.trend.map((p) => [p.year, p.value])).toEqual([[2024, 25]]);
  });
  it('leaves an empty population unmeasured with its reason', () => {
    const r = row(measure(ds(), 2026, { registerFigures: figures([{ period: 'Q4', numerator: 0, denominator: 0 }]) }));
    expect(r.realization).toMatchObject({ ok: false, reason: 'zero denominator' });
    expect((r.realization as { messageId: string }).messageId).toContain('populasi');
  });
  it('keeps the entered realization of a year before `since`, and says the registers are missing when not loaded', () => {
    const before = row(measure(ds(), 2025, { registerFigures: figures([]) }));
    expect(before.realization).toMatchObject({ ok: true, parts: { numerator: 65, denominator: 1000 } });
    const none = row(measure(ds(), 2026));
    expect(none.realization).toMatchObject({ ok: false, reason: 'no realization' });
    expect((none.realization as { messageId: string }).messageId).toContain('register Koperasi');
  });
});
