/**
 * GET /api/worklist: each role's "Tugas saya" on a real store while a realization moves through
 * the workflow (enter → submit → return → submit → verify → approve), at a day set on the
 * server's clock; the returned entry known from the audit log; the region's view.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import type { Worklist } from './responses.js';
import { AGENCY, OTHER_AGENCY, startTestServer, type TestServer, type Who } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';

forEachEngine('the worklist', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  const worklist = async (who: Who): Promise<Worklist> => {
    const res = await s.clients[who].get('/api/worklist');
    expect(res.status, res.text).toBe(200);
    return res.body as Worklist;
  };
  const umm = (w: Worklist) => w.items.filter((i) => i.indicator?.ref === UMM && i.year === 2026 && i.period === 'Q1').map((i) => `${i.kind}:${i.state}:${i.status}`);
  const transition = async (who: 'operator' | 'planner' | 'head', action: string, version: string, note?: string) => {
    const res = await s.clients[who].post(`${A}/realizations/transition`, { body: { indicator: UMM, year: 2026, period: 'Q1', action, version, ...(note ? { note } : {}) } });
    expect(res.status, res.text).toBe(200);
    return res.body.version as string;
  };

  it('follows a quarter from overdue through the workflow, each role seeing it while it waits for them', async () => {
    // the 2026 agreement, drafted from the plan (UMM is the only indicator with a 2026 target); today 22 April 2026
    const pk = await s.clients.planner.post(`${A}/agreements`, { body: { plan: 'renstra-2021-2026', year: 2026, signedOn: '2026-01-05' } });
    expect(pk.status, pk.text).toBe(201);
    s.deps.now = () => new Date('2026-04-22T08:00:00Z');

    const before = await worklist('operator');
    expect(before.today).toBe('2026-04-22');
    expect(umm(before)).toEqual(['enter:missing:overdue']);
    const item = before.items.find((i) => i.period === 'Q1')!;
    expect(item.title.id).toBe('Realisasi Triwulan I 2026 — Persentase Usaha Mikro Mandiri');
    expect(item.detail.id).toBe('terlambat 12 hari (jatuh tempo 10 April 2026)');
    expect(item.target).toEqual({ page: 'realizations', agency: AGENCY, year: 2026, indicator: UMM, period: 'Q1' });
    expect(before.counts.overdue).toBeGreaterThanOrEqual(1);
    // UMM is unit u1's: the planner does not enter it
    expect(umm(await worklist('planner'))).toEqual([]);

    const entered = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', numerator: 300, denominator: 1000 } });
    expect(entered.status, entered.text).toBe(200);
    expect(umm(await worklist('operator'))).toEqual(['enter:draft:overdue']);

    let v = await transition('operator', 'submit', entered.body.version);
    expect(umm(await worklist('operator'))).toEqual([]);
    expect(umm(await worklist('planner'))).toEqual(['verify:submitted:waiting']);
    expect(umm(await worklist('head'))).toEqual([]);

    v = await transition('planner', 'return', v, 'lampirkan daftar usaha mikro');
    const back = (await worklist('operator')).items.find((i) => i.indicator?.ref === UMM && i.period === 'Q1')!;
    expect(back.state).toBe('returned');
    expect(back.detail.id).toBe('dikembalikan untuk diperbaiki: lampirkan daftar usaha mikro; terlambat 12 hari (jatuh tempo 10 April 2026)');
    expect(umm(await worklist('planner'))).toEqual(['returned:returned:waiting']);

    v = await transition('operator', 'submit', v);
    expect(umm(await worklist('planner'))).toEqual(['verify:submitted:waiting']);
    v = await transition('planner', 'verify', v);
    expect(umm(await worklist('planner'))).toEqual([]);
    expect(umm(await worklist('head'))).toEqual(['approve:verified:waiting']);
    await transition('head', 'approve', v);
    for (const who of ['operator', 'planner', 'head'] as const) expect(umm(await worklist(who)), who).toEqual([]);
  });

  it("gives the evaluator the region's overdue recommendations and the admin the agencies behind, opening on the latest year with data", async () => {
    s.deps.now = () => new Date('2026-04-22T08:00:00Z');
    const ev = await worklist('evaluator');
    // r1 of both agencies of the region is overdue (due 31 December 2025); r2 (30 June 2026) is beyond the 30 days' notice
    expect(ev.items.map((i) => `${i.agency.id}:${i.recommendation?.id}:${i.status}`).sort()).toEqual([`${AGENCY}:r1:overdue`, `${OTHER_AGENCY}:r1:overdue`]);
    expect(ev.items[0]!.detail.id).toBe('tindak lanjut terlambat 112 hari (batas waktu 31 Desember 2025); tindak lanjut terbuka');
    expect(ev.latestYear).toBe(2026);

    const admin = await worklist('admin');
    expect(admin.items.map((i) => [i.kind, i.agency.id, i.overdue])).toEqual([
      ['agency', AGENCY, { realizations: 0, recommendations: 1 }],
      ['agency', OTHER_AGENCY, { realizations: 0, recommendations: 1 }],
    ]);
    expect(admin.items[0]!.detail.id).toBe('1 rekomendasi terlambat');
    // the admin of another region sees none of these
    expect((await worklist('foreignAdmin')).items.map((i) => i.agency.id)).not.toContain(AGENCY);
    // the planner of the other agency sees only their own
    expect(new Set((await worklist('outsider')).items.map((i) => i.agency.id))).toEqual(new Set([OTHER_AGENCY]));
  });
});

it('KINERJA_TODAY fixes the day of the clock, the time of day running on', async () => {
  const { fixedDay } = await import('./server.js');
  const now = fixedDay('2025-10-22', () => new Date('2031-03-05T13:45:10.250Z'));
  expect(now().toISOString()).toBe('2025-10-22T13:45:10.250Z');
  expect(() => fixedDay('22-10-2025')).toThrow(/YYYY-MM-DD/);
});
