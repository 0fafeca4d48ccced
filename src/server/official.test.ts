/**
 * Official figures rest on approved data (a draft moves nothing the dashboard shows as official;
 * an approval does), and the SAKIP grade is derived from the score in every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import { agencyA, agencyB, AGENCY, startTestServer, TEST_REGION, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const SAKIP = 'renstra-2021-2026/SAKIP';

forEachEngine('official figures and SAKIP grades', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    const a = agencyA();
    // SAKIP's 2025 figure is entered through the API below
    a.realizations = a.realizations.filter((r) => !(r.indicator === SAKIP && r.year === 2025));
    s = await startTestServer(engine, { datasets: [a, agencyB()] });
  });
  afterAll(async () => {
    await s?.close();
  });

  const dashboard = async () => (await s.clients.head.get(`${A}/dashboard`, { query: { year: 2025 } })).body;
  const sakipRow = (d: { measurement: { agreements: { rows: { indicator: string }[] }[] } }) =>
    d.measurement.agreements.at(-1)!.rows.find((r) => r.indicator === SAKIP) as Record<string, unknown>;

  it('a draft does not move the official figure; submit and verify do not either; the approval does', async () => {
    const { planner, head } = s.clients;
    const before = await dashboard();
    expect(sakipRow(before)).toMatchObject({ unmeasured: 'no realization', achievement: null });
    expect(before.counts).toMatchObject({ awaitingApproval: 0, pending: 0 });

    const entered = await planner.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2025, value: 82.5 } });
    expect(entered.status).toBe(200);
    const draft = await dashboard();
    expect(draft.standing).toEqual(before.standing);
    expect(draft.counts).toMatchObject({ measured: before.counts.measured, unmeasured: before.counts.unmeasured, awaitingApproval: 1, pending: 1 });
    expect(sakipRow(draft)).toMatchObject({
      achievement: null,
      predicate: null,
      unmeasured: 'awaiting approval',
      pending: { state: 'draft', period: 'Y', realization: 82.5, achievement: 110, predicate: 'Sangat Tinggi', achieved: true },
    });

    const key = { indicator: SAKIP, year: 2025 };
    const submitted = await planner.post(`${A}/realizations/transition`, { body: { ...key, action: 'submit', version: entered.body.version } });
    const verified = await planner.post(`${A}/realizations/transition`, { body: { ...key, action: 'verify', version: submitted.body.version } });
    expect(verified.status).toBe(200);
    const stillPending = await dashboard();
    expect(stillPending.standing).toEqual(before.standing);
    expect(sakipRow(stillPending)).toMatchObject({ achievement: null, pending: { state: 'verified', achievement: 110 } });

    const approved = await head.post(`${A}/realizations/transition`, { body: { ...key, action: 'approve', version: verified.body.version } });
    expect(approved.status).toBe(200);
    const after = await dashboard();
    expect(after.standing.achievement).not.toBe(before.standing.achievement);
    expect(after.counts).toMatchObject({ measured: before.counts.measured + 1, awaitingApproval: 0, pending: 0 });
    const row = sakipRow(after);
    expect(row).toMatchObject({ realization: 82.5, achievement: 110, predicate: 'Sangat Tinggi', state: 'approved' });
    expect(row.pending).toBeUndefined();
  });

  describe('SAKIP grade', () => {
    it('is derived from the score in the dashboards and the evaluation (70,5 → BB / Sangat Baik)', async () => {
      expect((await dashboard()).grade).toEqual({ code: 'BB', label: 'Sangat Baik', typed: null, typedDiffers: false });
      const region = await s.clients.evaluator.get(`/api/regions/${encodeURIComponent(TEST_REGION)}/dashboard`, { query: { year: 2025 } });
      expect(region.body.agencies.find((x: { id: string }) => x.id === AGENCY).score).toEqual({ value: 70.5, code: 'BB', label: 'Sangat Baik', typed: null, typedDiffers: false });
      const ev = await s.clients.evaluator.get(`${A}/evaluation`);
      expect(ev.body.scores[0].grade).toEqual({ code: 'BB', label: 'Sangat Baik', typed: null, typedDiffers: false });
    });

    it('a typed grade that disagrees is kept as typed, flagged, and the derived one shown', async () => {
      const put = await s.clients.evaluator.put(`${A}/evaluation/scores`, {
        body: { score: { year: 2026, value: 87.24, grade: 'BB', evaluator: 'Inspektorat', reference: 'LHE/2/2026' } },
      });
      expect(put.status).toBe(200);
      expect(put.body.grade).toEqual({ code: 'A', label: 'Memuaskan', typed: 'BB', typedDiffers: true });
      const d = (await s.clients.head.get(`${A}/dashboard`, { query: { year: 2026 } })).body;
      expect(d.grade).toMatchObject({ code: 'A', label: 'Memuaskan', typedDiffers: true });
      const f = d.measurement.findings.find((x: { code: string }) => x.code === 'grade-differs-from-score');
      expect(f).toMatchObject({ severity: 'warning', where: 'evaluation.scores[1].grade' });
      expect(f.localized.id).toContain('A / Memuaskan');
    });
  });
});
