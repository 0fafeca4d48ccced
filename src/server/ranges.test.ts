/**
 * Every number entered through the API within its valid range (core/dataset/ranges.ts): each
 * impossible entry of issue 10 is refused with 422, the request field's path, the range in
 * Indonesian (and English); the stored dataset and the audit log are unchanged. On PGlite and,
 * with TEST_DATABASE_URL, PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import { AGENCY, startTestServer, type TestClient, type TestServer } from './testing.js';
import { versionOf } from './versions.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';
const SAKIP = 'renstra-2021-2026/SAKIP';
const OUT1 = 'p1-k1-s1/OUT1';

forEachEngine('API: out-of-range entries', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  const auditCount = async (): Promise<number> => Number((await s.pool.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n);

  /** Sends a change that must be refused: 422 `out-of-range` at `where`, Indonesian naming the range; nothing stored, nothing audited. */
  async function refused(client: TestClient, method: 'put' | 'patch', path: string, body: unknown, where: string, id: RegExp): Promise<void> {
    const before = await s.dataset();
    const audits = await auditCount();
    const res = await client[method](path, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('out-of-range');
    expect(res.body.error.findings).toHaveLength(1);
    expect(res.body.error.findings[0]).toMatchObject({ severity: 'error', code: 'out-of-range', where });
    expect(res.body.error.localized.id).toMatch(id);
    expect(res.body.error.localized.id).toMatch(/seharusnya /);
    expect(res.body.error.message).toMatch(/expected /);
    expect(await s.dataset()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  }

  describe('realizations', () => {
    const put = (client: TestClient, indicator: string, fields: Record<string, number>, where: string, id: RegExp) =>
      refused(client, 'put', `${A}/realizations`, { indicator, year: 2026, ...fields }, where, id);

    it('a % ratio: a negative numerator, a zero denominator, a numerator above its denominator, an absurdly large one', async () => {
      const op = s.clients.operator;
      await put(op, UMM, { numerator: -5, denominator: 860 }, 'body.numerator', /-5 kurang dari 0; seharusnya paling kecil 0 \(pembilang\)/);
      await put(op, UMM, { numerator: 5, denominator: 0 }, 'body.denominator', /0 tidak lebih dari 0; seharusnya lebih dari 0 \(penyebut\)/);
      await put(op, UMM, { numerator: 900, denominator: 860 }, 'body.numerator', /900 ÷ 860 × 100 = 104,65, lebih dari 100; seharusnya 0 sampai 100 \(persentase\)/);
      await put(op, UMM, { numerator: 99999999999999999999999, denominator: 1 }, 'body.numerator', /lebih dari 100; seharusnya 0 sampai 100/);
      await put(op, UMM, { value: 250 }, 'body.value', /250 lebih dari 100; seharusnya 0 sampai 100 \(persentase\)/);
      await put(op, UMM, { value: -1.35 }, 'body.value', /-1,35 kurang dari 0/);
    });

    it('a score above 100, a count below 0 or not whole', async () => {
      await put(s.clients.planner, SAKIP, { value: 150 }, 'body.value', /150 lebih dari 100; seharusnya 0 sampai 100 \(skor\)/);
      await put(s.clients.planner, OUT1, { value: -1 }, 'body.value', /-1 kurang dari 0; seharusnya paling kecil 0, bilangan bulat \(jumlah/);
      await put(s.clients.planner, OUT1, { value: 2.5 }, 'body.value', /2,5 bukan bilangan bulat/);
    });

    it('a value within its range is stored (the boundary 100 %, and 0)', async () => {
      const res = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, numerator: 860, denominator: 860 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const del = await s.clients.operator.delete(`${A}/realizations`, { query: { indicator: UMM, year: 2026, version: res.body.version } });
      expect(del.status).toBe(200);
    });
  });

  it('SAKIP scores of 150 and −10', async () => {
    const ev = s.clients.evaluator;
    const version = versionOf((await s.dataset()).evaluation!.scores![0]!);
    const score = { year: 2025, evaluator: 'Inspektorat Kabupaten Contoh', reference: 'LHE/1/2025' };
    await refused(ev, 'put', `${A}/evaluation/scores`, { version, score: { ...score, value: 150 } }, 'body.score.value', /nilai SAKIP tahun 2025: 150 lebih dari 100; seharusnya 0 sampai 100/);
    await refused(ev, 'put', `${A}/evaluation/scores`, { version, score: { ...score, value: -10 } }, 'body.score.value', /-10 kurang dari 0/);
  });

  it('a plan target of −5 %, an agreed target of 150 %, an agreement budget and a program budget of −1.000.000, physical progress of 120 %', async () => {
    const ds = await s.dataset();
    const umm = ds.plans[0]!.indicators![0]!;
    await refused(
      s.clients.planner,
      'put',
      `${A}/plans/renstra-2021-2026/indicators/UMM`,
      { version: versionOf(umm), indicator: { ...umm, targets: { ...umm.targets, '2026': -5 } } },
      'body.indicator.targets["2026"]',
      /indikator renstra-2021-2026\/UMM "Persentase Usaha Mikro Mandiri": -5 kurang dari 0; seharusnya 0 sampai 100/,
    );
    const pk = ds.agreements[0]!;
    const rows = pk.rows.map((r) => (r.indicator === 'UMM' ? { ...r, target: 150 } : r));
    await refused(s.clients.planner, 'patch', `${A}/agreements/pk-2025`, { version: versionOf(pk), rows }, 'body.rows[0].target', /target perjanjian kinerja untuk .*UMM.*150 lebih dari 100/);
    const budget = [{ ...pk.budget[0]!, amount: -1_000_000 }];
    await refused(s.clients.planner, 'patch', `${A}/agreements/pk-2025`, { version: versionOf(pk), budget }, 'body.budget[0].amount', /-1\.000\.000 kurang dari 0; seharusnya paling kecil 0 \(jumlah uang\)/);
    const node = ds.programs.find((n) => n.id === 'p1-k1-s1')!;
    await refused(
      s.clients.planner,
      'put',
      `${A}/programs/p1-k1-s1/budgets`,
      { version: versionOf(node), year: 2025, entries: [{ stage: 'initial', amount: -1_000_000 }] },
      'body.entries[0].amount',
      /pagu 2025 \(initial\) p1-k1-s1 .*: -1\.000\.000 kurang dari 0/,
    );
    await refused(
      s.clients.operator,
      'put',
      `${A}/programs/p1-k1-s1/spending`,
      { version: versionOf(node), year: 2025, entries: [{ amount: 90_000_000, physical: 120 }] },
      'body.entries[0].physical',
      /120 lebih dari 100; seharusnya 0 sampai 100 \(progres fisik dalam %\)/,
    );
  });

  it('a change of range that leaves a stored realization outside it is refused by validation of the whole dataset, at the realization', async () => {
    const ds = await s.dataset();
    const sakip = ds.plans[0]!.indicators!.find((i) => i.id === 'SAKIP')!; // realized 76.1 in 2025
    const before = await s.dataset();
    const audits = await auditCount();
    const res = await s.clients.planner.put(`${A}/plans/renstra-2021-2026/indicators/SAKIP`, {
      body: { version: versionOf(sakip), indicator: { ...sakip, targets: { '2025': 60 }, range: { max: 70 } } },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid-dataset');
    // the stored realization (76.1) and the agreed target (75) are both outside the new range
    const found = res.body.error.findings.filter((x: { code: string }) => x.code === 'out-of-range');
    expect(found.map((x: { where: string }) => x.where).sort()).toEqual(['agreements[0].rows[2].target', expect.stringMatching(/^realizations\[\d+\]\.value$/)]);
    const f = found.find((x: { where: string }) => x.where.startsWith('realizations'));
    expect(f.localized.id).toMatch(/76,1 lebih dari 70; seharusnya 0 sampai 70 \(rentang yang ditetapkan pada indikator\)/);
    expect(await s.dataset()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});
