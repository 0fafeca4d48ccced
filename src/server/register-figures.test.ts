/**
 * A stored agency whose indicator is counted from its registers, measured through the server:
 * the measurement API, the dashboard and the LKIP count the cooperatives from the rows imported
 * (as of the server's day), follow a later import, and a typed realization of a counted year is
 * refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dataset } from '../core/dataset/schema.js';
import { fixtureRegisters } from '../core/registers/fixtures.js';
import { createRegisterQueries } from '../store/registers.js';
import { forEachEngine } from '../store/testing.js';
import { agencyA, agencyB, agencyC, AGENCY, startTestServer, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';

/** Agency A with the cooperative and facilitation registers; UMM counted from them from 2026. */
export function agencyWithRegisters(): Dataset {
  const ds = agencyA();
  ds.registers = fixtureRegisters()
    .filter((r) => r.id !== 'usaha_mikro')
    .map((r) => ({ ...r, unit: 'u2' }));
  ds.plans[0]!.indicators![0]!.fromRegister = {
    since: 2026,
    count: { register: 'koperasi', where: [{ event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] },
    of: { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] },
  };
  return ds;
}

export const KOPERASI = [
  ['nomor_badan_hukum', 'nama', 'status_2025', 'status_2026'],
  ['BH-1', 'KSP Maju', 'aktif', 'aktif'],
  ['BH-2', 'KSU Sejahtera', 'aktif', 'aktif'],
  ['BH-3', 'Kopwan Mawar', 'tidak aktif', 'aktif'],
  ['BH-4', 'Kopsyah Barokah', 'aktif', 'tidak aktif'],
];
export const FASILITASI = [
  ['nomor', 'tanggal', 'jenis', 'koperasi'],
  ['F1', '2026-02-10', 'pelatihan', 'BH-1'],
  ['F2', '2026-03-01', 'pelatihan', 'BH-1'], // BH-1 twice: one cooperative
  ['F3', '2026-05-20', 'pendampingan', 'BH-2'],
  ['F4', '2026-01-15', 'pelatihan', 'BH-4'], // not active in 2026: outside the population
  ['F5', '2025-11-30', 'pelatihan', 'BH-3'], // another year
];
export const asRows = (t: string[][]) => t.map((cells, i) => ({ row: i + 1, cells }));

forEachEngine('indicators counted from registers, through the server', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { datasets: [agencyWithRegisters(), agencyB(), agencyC()] });
    const q = createRegisterQueries(s.pool);
    expect((await q.importRows(AGENCY, 'koperasi', asRows(KOPERASI), { store: true })).stored).toBe(true);
    expect((await q.importRows(AGENCY, 'fasilitasi', asRows(FASILITASI), { store: true })).stored).toBe(true);
    s.deps.now = () => new Date('2026-07-10T08:00:00Z'); // Q1 and Q2 of 2026 have ended
  });
  afterAll(async () => {
    await s?.close();
  });

  const ummRow = async (year: number) => {
    const res = await s.clients.planner.get(`${A}/measurements`, { query: { year } });
    expect(res.status, res.text).toBe(200);
    return res.body.planIndicators.find((r: { indicator: string }) => r.indicator === UMM);
  };

  it('measures the indicator from the registers: distinct active cooperatives with a facilitation by the last ended quarter', async () => {
    const row = await ummRow(2026);
    // BH-1 and BH-2 of the 3 cooperatives active in 2026 (BH-1, BH-2, BH-3), at 30 June
    expect(row.realization).toBeCloseTo((2 / 3) * 100, 6);
    expect(row.realizationParts).toEqual({ numerator: 2, denominator: 3 });
    expect(row.realizationPeriod).toBe('Q2');
    expect(row.provisional).toBe(true);
    expect(row.fromRegister).toEqual({ register: 'koperasi', asOf: '2026-06-30' });
    // the year before `since` keeps its entered realization (6,5 = 65 / 1000)
    const before = await ummRow(2025);
    expect(before.fromRegister).toBeUndefined();
    expect(before.realization).toBeCloseTo(6.5, 6);

    const dash = await s.clients.head.get(`${A}/dashboard`, { query: { year: 2026 } });
    expect(dash.status, dash.text).toBe(200);
    expect(dash.body.measurement.planIndicators.find((r: { indicator: string }) => r.indicator === UMM).realizationParts).toEqual({ numerator: 2, denominator: 3 });

    const lkip = await s.clients.planner.get(`${A}/reports/lkip`, { query: { year: 2026, format: 'html' } });
    expect(lkip.status).toBe(200);
    expect(lkip.text).toContain('66,67');
  });

  it('follows a later import of the registers (rows added, rows removed) and the day', async () => {
    const q = createRegisterQueries(s.pool);
    // BH-3 facilitated in June: counted at once, on the same day
    const more = [...FASILITASI, ['F6', '2026-06-15', 'pendampingan', 'BH-3']];
    expect((await q.importRows(AGENCY, 'fasilitasi', asRows(more), { store: true })).stored).toBe(true);
    expect((await ummRow(2026)).realizationParts).toEqual({ numerator: 3, denominator: 3 });
    const dash = await s.clients.head.get(`${A}/dashboard`, { query: { year: 2026 } });
    expect(dash.body.measurement.planIndicators.find((r: { indicator: string }) => r.indicator === UMM).realization).toBe(100);
    // the event removed again (an import that only deletes a row)
    expect((await q.importRows(AGENCY, 'fasilitasi', asRows(FASILITASI), { store: true })).stored).toBe(true);
    expect((await ummRow(2026)).realizationParts).toEqual({ numerator: 2, denominator: 3 });
    // BH-3 no longer active in 2026 (a per-year value changed): 2 of 2
    const kop = KOPERASI.map((r) => (r[0] === 'BH-3' ? [...r.slice(0, 3), 'tidak aktif'] : r));
    expect((await q.importRows(AGENCY, 'koperasi', asRows(kop), { store: true })).stored).toBe(true);
    expect((await ummRow(2026)).realizationParts).toEqual({ numerator: 2, denominator: 2 });
    // a later day: the third quarter has ended
    s.deps.now = () => new Date('2026-10-02T08:00:00Z');
    expect((await ummRow(2026)).fromRegister).toEqual({ register: 'koperasi', asOf: '2026-09-30' });
  });

  it('refuses a typed realization of a year counted from the registers', async () => {
    const res = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', numerator: 300, denominator: 1000 } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).toContain('dihitung dari register');
    const ok = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2025, period: 'Q4', numerator: 70, denominator: 1000 } });
    expect(ok.status, ok.text).toBe(200);
  });
});
