/**
 * The API, route by route, on a store with agencies A (dinco) and B (dinlain) of one region
 * and C of another, and an account per role. One server (one schema) for the whole file;
 * tests that change data restore what later tests rely on or use records of their own.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measure } from '../core/measure/index.js';
import { forEachEngine } from '../store/testing.js';
import { buildOpenApi } from './openapi.js';
import { ROUTES } from './routes/index.js';
import { AGENCY, OTHER_AGENCY, startTestServer, TEST_REGION, TODAY, type TestServer } from './testing.js';
import { versionOf } from './versions.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';
const SAKIP = 'renstra-2021-2026/SAKIP';

forEachEngine('API', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('GET /healthz answers 200 when the database answers, 503 when it does not', async () => {
    const ok = await s.anonymous().get('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'ok', database: 'ok' });
    const original = s.deps.pool.query.bind(s.deps.pool);
    s.deps.pool.query = (() => Promise.reject(new Error('connection refused'))) as typeof s.deps.pool.query;
    try {
      const down = await s.anonymous().get('/healthz');
      expect(down.status).toBe(503);
      expect(down.body.error).toMatchObject({ code: 'database-unavailable', findings: [{ where: 'database' }] });
    } finally {
      s.deps.pool.query = original;
    }
  });

  it('GET /api/openapi.json describes every route of the table, with their schemas', async () => {
    const res = await s.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(operations.sort()).toEqual(ROUTES.map((r) => r.id).sort());
    const put = doc.paths['/api/agencies/{agency}/realizations'].put;
    expect(put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RealizationEntry' });
    expect(doc.components.schemas.RealizationEntry.properties.period.enum).toEqual(['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4']);
    // every reference resolves to a component
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const r of new Set(refs)) expect(doc.components.schemas[r], r).toBeDefined();
    expect(doc).toEqual(buildOpenApi(ROUTES));
  });

  it('GET / answers a page saying the API is up while web/dist is not built', async () => {
    const res = await s.anonymous().get('/');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/API aktif/);
    const missing = await s.anonymous().get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no route GET \/api\/nothing-here/);
    // every error says the same in Indonesian, the error and each finding
    expect(missing.body.error.localized).toEqual({ id: 'tidak ada rute GET /api/nothing-here; API dijelaskan di /api/openapi.json' });
    expect(missing.body.error.findings[0].localized).toEqual(missing.body.error.localized);
  });

  it('GET measurements answers the same JSON as measure() of the stored dataset (kinerja measure --json)', async () => {
    const res = await s.clients.planner.get(`${A}/measurements`, { query: { year: 2025 } });
    expect(res.status).toBe(200);
    const expected = JSON.parse(JSON.stringify(measure(await s.dataset(), 2025)));
    expect(res.body).toStrictEqual(expected);
    const bad = await s.clients.planner.get(`${A}/measurements`, { query: { year: 'dua ribu' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.findings[0]).toMatchObject({ where: 'query.year' });
    // the field named in words, in both languages, never zod's own text
    expect(bad.body.error.localized.id).toBe('Tahun: seharusnya berupa angka, tetapi berisi teks "dua ribu"');
    expect(bad.body.error.message).toBe('Year: expected a number, got string "dua ribu"');
    expect(bad.body.error.findings[0].localized.id).toMatch(/^Tahun: seharusnya berupa angka, tetapi /);
  });

  it('the dashboard gives counts, standing, programs and the measurement of the year', async () => {
    const res = await s.clients.head.get(`${A}/dashboard`, { query: { year: 2025 } });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.agency).toEqual({ id: AGENCY, name: 'Dinas Contoh', abbreviation: 'Dinco', region: TEST_REGION });
    expect(d.current).toBe('pk-2025');
    expect(d.counts).toMatchObject({ rows: 3, measured: 3, achieved: 1, notAchieved: 2, unmeasured: 0 });
    expect(d.counts.recommendations).toEqual({ total: 2, open: 2, overdue: 1 });
    expect(d.counts.byPredicate.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(3);
    expect(d.programs).toEqual([{ id: 'p1', code: null, name: 'Program Pemberdayaan Usaha Mikro', final: 100000000, spent: 90000000, absorption: 90 }]);
    expect(d.measurement.agreements[0].rows[0]).toMatchObject({ indicator: UMM, absorption: 90 });
    expect(d.score).toMatchObject({ value: 70.5 });
  });

  it('the region dashboard puts the agencies of the region side by side with totals', async () => {
    const res = await s.clients.evaluator.get(`/api/regions/${encodeURIComponent(TEST_REGION)}/dashboard`, { query: { year: 2025 } });
    expect(res.status).toBe(200);
    expect(res.body.agencies.map((a: { id: string }) => a.id)).toEqual([AGENCY, OTHER_AGENCY]);
    expect(res.body.totals).toMatchObject({ agencies: 2, budget: { final: 200000000, spent: 180000000, absorption: 90 }, recommendations: { overdue: 2 } });
    expect(res.body.totals.byPredicate.reduce((n: number, p: { count: number }) => n + p.count, 0) + res.body.totals.unrated).toBe(2);
  });

  it('lists the agencies a user may see', async () => {
    expect((await s.clients.operator.get('/api/agencies')).body.agencies.map((a: { id: string }) => a.id)).toEqual([AGENCY]);
    expect((await s.clients.admin.get('/api/agencies')).body.agencies.map((a: { id: string }) => a.id)).toEqual([AGENCY, OTHER_AGENCY]);
    expect((await s.clients.foreignAdmin.get('/api/agencies')).body.agencies.map((a: { id: string }) => a.id)).toEqual(['dinjauh']);
    const profile = await s.clients.operator.get(A);
    expect(profile.body).toMatchObject({ id: AGENCY, region: TEST_REGION, units: [{ id: 'u1' }, { id: 'u2' }], years: [2025] });
  });

  it('plans: the goal tree with its cascade, and every indicator with a version', async () => {
    const res = await s.clients.planner.get(`${A}/plans`);
    expect(res.status).toBe(200);
    const plan = res.body.plans[0];
    expect(plan.roots).toEqual(['T1']);
    expect(plan.goals[0]).toMatchObject({ record: { id: 'T1' }, children: ['S1'], indicators: ['SAKIP'], cascade: [] });
    const ds = await s.dataset();
    expect(plan.indicators[0]).toEqual({ record: ds.plans[0]!.indicators![0], version: versionOf(ds.plans[0]!.indicators![0]) });
  });

  it("plans: an indicator's periodValues, aliases, note and extra are stored as sent, and given back; a wrong periodValues is refused at its path", async () => {
    const planner = s.clients.planner;
    const read = async () => (await planner.get(`${A}/plans`)).body.plans[0].indicators.find((i: { record: { id: string } }) => i.record.id === 'SAKIP');
    const before = await read();
    const changed = { ...before.record, periodValues: 'separate', aliases: ['Nilai AKIP', 'Nilai SAKIP OPD'], note: 'dicatat per semester', extra: { source: { table: '2.3' } } };
    const res = await planner.put(`${A}/plans/renstra-2021-2026/indicators/SAKIP`, { body: { version: before.version, indicator: changed } });
    expect(res.status).toBe(200);
    const after = await read();
    expect(after.record).toEqual(changed);
    expect((await s.dataset()).plans[0]!.indicators!.find((i) => i.id === 'SAKIP')).toEqual(changed);
    const wrong = await planner.put(`${A}/plans/renstra-2021-2026/indicators/SAKIP`, { body: { version: after.version, indicator: { ...changed, periodValues: 'monthly' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.findings.map((f: { where: string }) => f.where)).toContain('body.indicator.periodValues');
    // back as it was, for the tests after this one
    expect((await planner.put(`${A}/plans/renstra-2021-2026/indicators/SAKIP`, { body: { version: after.version, indicator: before.record } })).status).toBe(200);
    expect((await read()).record).toEqual(before.record);
  });

  it('plans: a goal supporting an RPJMD goal shows the cascade; a change needs the version read', async () => {
    const planner = s.clients.planner;
    const goal = (await planner.get(`${A}/plans`)).body.plans[0].goals[1];
    const changed = { ...goal.record, supports: ['rpjmd-2021-2026/SR1'] };
    const res = await planner.put(`${A}/plans/renstra-2021-2026/goals/S1`, { body: { version: goal.version, goal: changed } });
    expect(res.status).toBe(200);
    const after = (await planner.get(`${A}/plans`)).body.plans[0].goals[1];
    expect(after.cascade).toEqual([
      { ref: 'rpjmd-2021-2026/SR1', found: true, plan: { id: 'rpjmd-2021-2026', level: 'rpjmd', title: 'RPJMD Kabupaten Contoh 2021-2026' }, goal: (await s.dataset()).plans[1]!.goals[1] },
    ]);
    const stale = await planner.put(`${A}/plans/renstra-2021-2026/goals/S1`, { body: { version: goal.version, goal: goal.record } });
    expect(stale.body.error.current).toEqual({ record: after.record, version: after.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^goal renstra-2021-2026\/S1 was changed by someone else after you read it/);
    expect(stale.body.error.localized.id).toMatch(/^tujuan\/sasaran renstra-2021-2026\/S1 telah diubah oleh pengguna lain setelah Anda membacanya \(versi [0-9a-f]{16}, kini [0-9a-f]{16}\); tidak ada yang disimpan$/);
    // removing a goal that indicators measure is refused with findings by path
    const del = await planner.delete(`${A}/plans/renstra-2021-2026/goals/S1`, { query: { version: after.version } });
    expect(del.status).toBe(422);
    expect(del.body.error.findings.some((f: { where: string }) => f.where.startsWith('plans[0].indicators'))).toBe(true);
    expect(del.body.error.localized.id).toMatch(/^perubahan ini akan membuat dataset perangkat daerah tidak valid \(\d+ kesalahan\); tidak ada yang disimpan$/);
    for (const f of del.body.error.findings) expect(f.localized.id).toMatch(/^tidak ada tujuan\/sasaran "S1" dalam Renstra renstra-2021-2026$/);
  });

  it('agreements: a PK from the plan prefills its targets; an amendment keeps the original; differences are shown', async () => {
    const planner = s.clients.planner;
    const created = await planner.post(`${A}/agreements`, { body: { plan: 'renstra-2021-2026', year: 2026, signedOn: '2026-01-05' } });
    expect(created.status).toBe(201);
    expect(created.body.record).toMatchObject({ id: 'pk-2026', kind: 'original', rows: [{ indicator: 'UMM', target: 75 }] });
    expect(created.body.differences).toEqual([{ indicator: 'UMM', ref: UMM, target: 75, planTarget: 75, difference: 0 }]);
    const amended = await planner.post(`${A}/agreements/pk-2026/amend`, { body: { signedOn: '2026-07-01' } });
    expect(amended.status).toBe(201);
    expect(amended.body.record).toMatchObject({ id: 'pk-2026-perubahan', kind: 'amendment', amends: 'pk-2026' });
    const rows = [{ goal: 'S1', indicator: 'UMM', target: 73 }];
    const changed = await planner.patch(`${A}/agreements/pk-2026-perubahan`, { body: { version: amended.body.version, rows } });
    expect(changed.status).toBe(200);
    expect(changed.body.differences[0]).toMatchObject({ target: 73, planTarget: 75, difference: -2 });
    const list = await planner.get(`${A}/agreements`, { query: { year: 2026 } });
    expect(list.body.agreements.map((a: { record: { id: string } }) => a.record.id)).toEqual(['pk-2026', 'pk-2026-perubahan']);
    expect(list.body.agreements[0].record.rows).toEqual([{ goal: 'S1', indicator: 'UMM', target: 75 }]);
  });

  it('agreements: one drafted by mistake is removed (its amendment first), with the version read, and audited', async () => {
    const planner = s.clients.planner;
    const created = await planner.post(`${A}/agreements`, { body: { plan: 'renstra-2021-2026', year: 2026, id: 'pk-2026-salah', signedOn: '2026-01-06' } });
    const amended = await planner.post(`${A}/agreements/pk-2026-salah/amend`, { body: { signedOn: '2026-07-02' } });
    expect(amended.status).toBe(201);
    const refused = await planner.delete(`${A}/agreements/pk-2026-salah`, { query: { version: created.body.version } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/amended by pk-2026-salah-perubahan; remove the amendment first/);
    const stale = await planner.delete(`${A}/agreements/pk-2026-salah-perubahan`, { query: { version: created.body.version } });
    expect(stale.status).toBe(409);
    expect((await planner.delete(`${A}/agreements/pk-2026-salah-perubahan`, { query: { version: amended.body.version } })).status).toBe(200);
    expect((await planner.delete(`${A}/agreements/pk-2026-salah`, { query: { version: created.body.version } })).status).toBe(200);
    const ids = (await planner.get(`${A}/agreements`)).body.agreements.map((a: { record: { id: string } }) => a.record.id);
    expect(ids).not.toContain('pk-2026-salah');
    expect(ids).not.toContain('pk-2026-salah-perubahan');
    const log = await planner.get(`${A}/audit`, { query: { entity: 'agreement', key: 'pk-2026-salah' } });
    expect(log.body.entries[0]).toMatchObject({ action: 'delete', after: null, before: { id: 'pk-2026-salah' } });
    // an agreement that does not exist
    expect((await planner.delete(`${A}/agreements/nope`, { query: { version: created.body.version } })).status).toBe(404);
  });

  it("profile: the planner changes the agency's profile; the id and region stay; a stale version is refused", async () => {
    const planner = s.clients.planner;
    const read = await planner.get(`${A}/profile`);
    expect(read.status).toBe(200);
    const before = read.body.record;
    expect(read.body.version).toBe(versionOf(before));
    const head = { name: 'Dr. Sri Wahyuni', position: 'Kepala Dinas Contoh', nip: '19700101 199003 2 001' };
    const changed = await planner.patch(`${A}/profile`, { body: { version: read.body.version, head, address: 'Jl. Kartini 2', name: 'Dinas Contoh Raya' } });
    expect(changed.status).toBe(200);
    expect(changed.body.record).toMatchObject({ head, address: 'Jl. Kartini 2', name: 'Dinas Contoh Raya', region: TEST_REGION, abbreviation: 'Dinco' });
    // the dashboard and the agreements drafted after it use the new profile
    expect((await planner.get(`${A}/dashboard`, { query: { year: 2025 } })).body.agency.name).toBe('Dinas Contoh Raya');
    const stale = await planner.patch(`${A}/profile`, { body: { version: read.body.version, phone: '0331' } });
    expect(stale.status).toBe(409);
    const idChange = await planner.patch(`${A}/profile`, { body: { version: changed.body.version, abbreviation: 'Lain' } });
    expect(idChange.status).toBe(422);
    expect(idChange.body.error.findings[0]).toMatchObject({ where: 'body.abbreviation' });
    const region = await planner.patch(`${A}/profile`, { body: { version: changed.body.version, region: 'Kabupaten Lain' } });
    expect(region.status).toBe(400);
    // restore what later tests rely on
    const restored = await planner.patch(`${A}/profile`, { body: { version: changed.body.version, head: before.head, name: before.name, address: null } });
    expect(restored.status).toBe(200);
    expect(restored.body.record).toEqual(before);
    const log = await planner.get(`${A}/audit`, { query: { entity: 'agency', key: 'agency' } });
    expect(log.body.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('programs: budget stages, spending by quarter and supports of a node', async () => {
    const planner = s.clients.planner;
    const nodes = (await planner.get(`${A}/programs`, { query: { year: 2025 } })).body.nodes;
    const leaf = nodes.find((n: { record: { id: string } }) => n.record.id === 'p1-k1-s1');
    expect(leaf.figures).toMatchObject({ stages: { initial: 100000000, shift: null, revised: null }, final: 100000000, spent: 90000000, absorption: 90 });
    const b = await planner.put(`${A}/programs/p1-k1-s1/budgets`, {
      body: { version: leaf.version, year: 2026, entries: [{ stage: 'initial', amount: 50000000 }, { stage: 'revised', amount: 60000000 }] },
    });
    expect(b.status).toBe(200);
    const sp = await s.clients.operator.put(`${A}/programs/p1-k1-s1/spending`, {
      body: { version: b.body.version, year: 2026, entries: [{ period: 'Q1', amount: 6000000 }, { period: 'Q2', amount: 15000000, physical: 30 }] },
    });
    expect(sp.status).toBe(200);
    const y2026 = (await planner.get(`${A}/programs`, { query: { year: 2026 } })).body.nodes.find((n: { record: { id: string } }) => n.record.id === 'p1');
    expect(y2026.figures).toMatchObject({ stages: { initial: 50000000, revised: 60000000 }, final: 60000000, spent: 15000000, absorption: 25 });
    const sup = await planner.put(`${A}/programs/p1-k1/supports`, { body: { version: nodes[1].version, supports: [{ indicator: SAKIP, share: 0.5 }] } });
    expect(sup.status).toBe(200);
    expect(sup.body.record.supports).toEqual([{ indicator: SAKIP, share: 0.5 }]);
  });

  it('evaluation: scores and recommendations, overdue flagged against today', async () => {
    const ev = await s.clients.evaluator.get(`${A}/evaluation`);
    expect(ev.body.today).toBe(TODAY);
    expect(ev.body.recommendations.map((r: { record: { id: string }; overdue: boolean }) => [r.record.id, r.overdue])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
    const score = await s.clients.evaluator.put(`${A}/evaluation/scores`, {
      body: { score: { year: 2026, value: 72, grade: 'BB', evaluator: 'Inspektorat', reference: 'LHE/2/2026' } },
    });
    expect(score.status).toBe(200);
    expect(score.body.key).toBe('2026');
    const rec = await s.clients.evaluator.post(`${A}/evaluation/recommendations`, {
      body: { recommendation: { id: 'r9', year: 2026, text: 'Perbaiki data dukung', action: '', due: '2026-01-01', owner: 'Sekretariat' } },
    });
    expect(rec.status).toBe(201);
    expect(rec.body.overdue).toBe(true);
    // the agency answers with its follow-up; it may not rewrite the recommendation itself
    const follow = await s.clients.planner.patch(`${A}/evaluation/recommendations/r9`, { body: { version: rec.body.version, action: 'Data dukung dilengkapi', status: 'done' } });
    expect(follow.status).toBe(200);
    expect(follow.body).toMatchObject({ overdue: false, record: { status: 'done', text: 'Perbaiki data dukung' } });
    const rewrite = await s.clients.planner.patch(`${A}/evaluation/recommendations/r9`, { body: { version: follow.body.version, text: 'lain' } });
    expect(rewrite.status).toBe(403);
    const removed = await s.clients.evaluator.delete(`${A}/evaluation/recommendations/r9`, { query: { version: follow.body.version } });
    expect(removed.status).toBe(200);
  });

  it('narrative: read with its version and replaced by the planner', async () => {
    const n = await s.clients.head.get(`${A}/narrative`);
    expect(n.body.record).toEqual({ place: 'Kota Contoh', conclusions: 'Kinerja cukup baik.' });
    const res = await s.clients.planner.put(`${A}/narrative`, { body: { version: n.body.version, narrative: { ...n.body.record, foreword: 'Puji syukur' } } });
    expect(res.status).toBe(200);
    expect(res.body.record.foreword).toBe('Puji syukur');
  });

  it('narrative: an unknown {{nilai:…}} is refused with its path and nothing is written; a known one is stored', async () => {
    const n = await s.clients.planner.get(`${A}/narrative`);
    const before = await s.dataset();
    const bad = await s.clients.planner.put(`${A}/narrative`, { body: { version: n.body.version, narrative: { ...n.body.record, conclusions: 'Capaian {{nilai:pk-2025/UMX/capaian}}.' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.findings).toMatchObject([{ code: 'unknown-value-reference', where: 'narrative.conclusions' }]);
    expect(bad.body.error.findings[0].localized.id).toBe('{{nilai:pk-2025/UMX/capaian}}: perjanjian kinerja pk-2025 tidak memuat baris indikator "UMX"');
    expect(await s.dataset()).toEqual(before);
    const good = await s.clients.planner.put(`${A}/narrative`, { body: { version: n.body.version, narrative: { ...n.body.record, conclusions: 'Capaian UMM {{nilai:pk-2025/UMM/capaian}}.' } } });
    expect(good.status).toBe(200);
    expect(good.body.record.conclusions).toBe('Capaian UMM {{nilai:pk-2025/UMM/capaian}}.');
    // back as it was, for the tests after this one
    const again = await s.clients.planner.put(`${A}/narrative`, { body: { version: good.body.version, narrative: n.body.record } });
    expect(again.status).toBe(200);
  });

  it('narrative per year: 2026 written beside the undated one, which 2025 keeps reading', async () => {
    const original = (await s.clients.planner.get(`${A}/narrative`)).body.record;
    expect(original).toMatchObject({ place: 'Kota Contoh', conclusions: 'Kinerja cukup baik.' });
    // 2026 has no narrative of its own yet: it reads the undated one, with that one's version
    const read2026 = await s.clients.planner.get(`${A}/narrative`, { query: { year: '2026' } });
    expect(read2026.status).toBe(200);
    expect(read2026.body).toEqual({ record: original, version: versionOf(original), years: [] });
    const put2026 = await s.clients.planner.put(`${A}/narrative`, {
      query: { year: '2026' },
      body: { version: read2026.body.version, narrative: { ...original, foreword: 'Pengantar 2026', signedOn: '2027-02-15' } },
    });
    expect(put2026.status).toBe(200);
    expect(put2026.body.record).toEqual({ year: 2026, ...original, foreword: 'Pengantar 2026', signedOn: '2027-02-15' });
    expect(put2026.body.years).toEqual([2026]);
    // the undated one stays as it was, for 2025 and every other year without its own
    const read2025 = await s.clients.head.get(`${A}/narrative`, { query: { year: '2025' } });
    expect(read2025.body).toEqual({ record: original, version: versionOf(original), years: [2026] });
    expect((await s.clients.head.get(`${A}/narrative`)).body.record).toEqual(original);
    expect((await s.clients.head.get(`${A}/narrative`, { query: { year: '2026' } })).body).toEqual({ record: put2026.body.record, version: put2026.body.version, years: [2026] });
    expect((await s.dataset()).narrative).toEqual([original, put2026.body.record]);
    // writing 2026 again with the version read before it had its own: someone changed it since
    const stale = await s.clients.planner.put(`${A}/narrative`, { query: { year: '2026' }, body: { version: read2026.body.version, narrative: { foreword: 'x' } } });
    expect(stale.status).toBe(409);
    // a list is written per year: without one the PUT is refused, and so is a body of another year
    const whole = await s.clients.planner.put(`${A}/narrative`, { body: { version: read2025.body.version, narrative: { foreword: 'x' } } });
    expect(whole.status).toBe(422);
    expect(whole.body.error).toMatchObject({ code: 'year-required', localized: { id: 'narasi disimpan per tahun laporan: sebutkan tahun yang ditulis (year)' } });
    const other = await s.clients.planner.put(`${A}/narrative`, { query: { year: '2026' }, body: { version: put2026.body.version, narrative: { year: 2025, foreword: 'x' } } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('year-mismatch');
    // the head reads but does not write, whatever the year
    expect((await s.clients.head.put(`${A}/narrative`, { query: { year: '2025' }, body: { version: read2025.body.version, narrative: { foreword: 'x' } } })).status).toBe(403);
    // a 2025 narrative of its own; 2024 still reads the undated one
    const put2025 = await s.clients.planner.put(`${A}/narrative`, { query: { year: '2025' }, body: { version: read2025.body.version, narrative: { foreword: 'Pengantar 2025' } } });
    expect(put2025.status).toBe(200);
    expect(put2025.body.years).toEqual([2025, 2026]);
    expect((await s.clients.head.get(`${A}/narrative`, { query: { year: '2024' } })).body.record).toEqual(original);
    expect((await s.clients.head.get(`${A}/narrative`, { query: { year: '2026' } })).body.record.foreword).toBe('Pengantar 2026');
    // the export carries the list; importing it back keeps it
    const exported = await s.clients.planner.get(`${A}/export`);
    expect(exported.body.narrative).toEqual([original, put2026.body.record, { year: 2025, foreword: 'Pengantar 2025' }]);
    // restore the single narrative later tests read
    const restored = await s.clients.planner.post('/api/import', { body: { ...exported.body, narrative: original }, query: { store: 'true' } });
    expect(restored.status).toBe(200);
    expect((await s.dataset()).narrative).toEqual(original);
  });

  it('export gives the stored dataset; import validates with findings by path, and stores with store=true', async () => {
    const exported = await s.clients.admin.get(`${A}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/dinco\.kinerja\.json/);
    expect(exported.body).toStrictEqual(JSON.parse(JSON.stringify(await s.dataset())));
    const broken = { ...exported.body, realizations: [{ indicator: UMM, year: 'x' }] };
    const check = await s.clients.admin.post('/api/import', { body: broken });
    expect(check.status).toBe(200);
    expect(check.body.valid).toBe(false);
    expect(check.body.findings[0]).toMatchObject({
      severity: 'error',
      where: 'realizations[0].year',
      message: 'expected a number, got string "x"',
      localized: { id: 'seharusnya berupa angka, tetapi berisi teks "x"' },
    });
    const refused = await s.clients.admin.post('/api/import', { body: broken, query: { store: 'true' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.localized).toEqual({ id: 'dokumen memiliki 1 kesalahan; tidak ada yang disimpan' });
    expect(refused.body.error.findings[0].localized).toEqual({ id: 'seharusnya berupa angka, tetapi berisi teks "x"' });
    const changed = { ...exported.body, narrative: { conclusions: 'diimpor' } };
    const stored = await s.clients.planner.post('/api/import', { body: changed, query: { store: 'true' } });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ valid: true, kind: 'dataset', stored: true, agencies: [AGENCY] });
    expect((await s.dataset()).narrative).toEqual({ conclusions: 'diimpor' });
    // a planner cannot import another agency
    const other = { ...changed, agency: { ...changed.agency, abbreviation: 'Dinlain', name: 'Dinas Lain' } };
    expect((await s.clients.planner.post('/api/import', { body: other, query: { store: 'true' } })).status).toBe(403);
    expect((await s.dataset(OTHER_AGENCY)).narrative).toEqual({ place: 'Kota Contoh', conclusions: 'Kinerja cukup baik.' });
  });

  it('import of a region file: validated by path, stored by the region’s admin only', async () => {
    const a = (await s.clients.admin.get(`${A}/export`)).body;
    const b = (await s.clients.admin.get(`/api/agencies/${OTHER_AGENCY}/export`)).body;
    const region = { format: 'kinerja-region/1', region: TEST_REGION, agencies: [a, { ...b, narrative: { conclusions: 'dari berkas wilayah' } }] };
    const bad = { ...region, agencies: [a, { ...b, plans: 'none' }] };
    const check = await s.clients.admin.post('/api/import', { body: bad });
    expect(check.body).toMatchObject({ valid: false, stored: false });
    const errors = check.body.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { where: string }) => f.where)).toEqual(['agencies[1].plans']);
    expect((await s.clients.planner.post('/api/import', { body: region, query: { store: 'true' } })).status).toBe(403);
    expect((await s.clients.foreignAdmin.post('/api/import', { body: region, query: { store: 'true' } })).status).toBe(403);
    const stored = await s.clients.admin.post('/api/import', { body: region, query: { store: 'true' } });
    expect(stored.body).toMatchObject({ valid: true, kind: 'region', stored: true, agencies: [AGENCY, OTHER_AGENCY] });
    expect((await s.dataset(OTHER_AGENCY)).narrative).toEqual({ conclusions: 'dari berkas wilayah' });
    const log = await s.clients.admin.get(`/api/agencies/${OTHER_AGENCY}/audit`, { query: { entity: 'agency', key: OTHER_AGENCY } });
    expect(log.body.entries[0]).toMatchObject({ action: 'import', actor: { name: 'admin@contoh', role: 'admin' } });
    expect(log.body.entries[0].before.digest).not.toBe(log.body.entries[0].after.digest);
  });

  it('import of a region file adds or replaces its agencies and keeps the others; removing them needs prune and the confirmed list (issue 9)', async () => {
    const admin = s.clients.admin;
    const a = (await admin.get(`${A}/export`)).body;
    const b = (await admin.get(`/api/agencies/${OTHER_AGENCY}/export`)).body;
    const fresh = { ...b, agency: { ...b.agency, abbreviation: 'Dinbaru', name: 'Dinas Baru' }, narrative: { conclusions: 'baru' } };
    const region = (...agencies: unknown[]) => ({ format: 'kinerja-region/1', region: TEST_REGION, agencies });
    const A_REF = { id: AGENCY, name: a.agency.name };
    const B_REF = { id: OTHER_AGENCY, name: b.agency.name };
    const NEW_REF = { id: 'dinbaru', name: 'Dinas Baru' };

    // a file of two agencies, one of them new: the region's third agency (A) is kept, and listed as kept
    const preview = await admin.post('/api/import', { body: region(fresh, b) });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ valid: true, kind: 'region', stored: false, changes: { region: TEST_REGION, added: [NEW_REF], replaced: [B_REF], removed: [], kept: [A_REF] } });
    const stored = await admin.post('/api/import', { body: region(fresh, b), query: { store: 'true' } });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ stored: true, agencies: ['dinbaru', OTHER_AGENCY], changes: { added: [NEW_REF], replaced: [B_REF], removed: [], kept: [A_REF] } });
    expect((await admin.get(A)).status).toBe(200);
    expect(await s.dataset()).toStrictEqual(JSON.parse(JSON.stringify(a)));
    expect((await s.dataset('dinbaru')).narrative).toEqual({ conclusions: 'baru' });

    // prune: the preview lists what would be removed
    const file = region(a, b);
    const pruning = await admin.post('/api/import', { body: file, query: { prune: 'true' } });
    expect(pruning.body.changes).toMatchObject({ replaced: [A_REF, B_REF], removed: [NEW_REF], kept: [] });
    // storing with prune needs the confirmed list; one that is not what would be removed stores nothing
    const unconfirmed = await admin.post('/api/import', { body: file, query: { store: 'true', prune: 'true' } });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error.findings[0]).toMatchObject({ where: 'query.remove' });
    const malformed = await admin.post('/api/import', { body: file, query: { store: 'true', prune: 'true', remove: 'dinbaru' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.findings[0]).toMatchObject({ where: 'query.remove' });
    const stale = await admin.post('/api/import', { body: file, query: { store: 'true', prune: 'true', remove: '[]' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'removal-changed', current: { removed: [NEW_REF] }, findings: [{ where: 'query.remove' }] });
    expect(stale.body.error.localized.id).toMatch(/Dinas Baru/);
    expect((await s.dataset('dinbaru')).narrative).toEqual({ conclusions: 'baru' });
    // prune without store answers like the preview; remove without prune, or prune of one agency's dataset, is refused
    expect((await admin.post('/api/import', { body: file, query: { store: 'true', remove: '["dinbaru"]' } })).body.error.findings[0]).toMatchObject({ where: 'query.prune' });
    const onDataset = await admin.post('/api/import', { body: a, query: { store: 'true', prune: 'true', remove: '[]' } });
    expect(onDataset.status).toBe(400);
    expect(onDataset.body.error.findings[0]).toMatchObject({ where: 'query.prune' });

    const pruned = await admin.post('/api/import', { body: file, query: { store: 'true', prune: 'true', remove: JSON.stringify(['dinbaru']) } });
    expect(pruned.status).toBe(200);
    expect(pruned.body.changes).toEqual({ region: TEST_REGION, added: [], replaced: [A_REF, B_REF], removed: [NEW_REF], kept: [] });
    expect((await admin.get('/api/agencies/dinbaru')).status).toBe(404);
    expect((await admin.get('/api/agencies')).body.agencies.map((x: { id: string }) => x.id)).toEqual([AGENCY, OTHER_AGENCY]);
    expect(await s.dataset()).toStrictEqual(JSON.parse(JSON.stringify(a)));
  });

  it('accounts: the admin creates, changes and disables accounts of the region; a disabled account loses its sessions', async () => {
    const admin = s.clients.admin;
    const created = await admin.post('/api/accounts', {
      body: { username: 'operator2@dinco', name: 'Operator Dua', role: 'operator', agencyId: AGENCY, unitId: 'u2', password: 'sandi-baru-123' },
    });
    expect(created.status).toBe(201);
    expect(created.body.record).toMatchObject({ username: 'operator2@dinco', role: 'operator', agencyId: AGENCY, unitId: 'u2', region: TEST_REGION, active: true });
    const badUnit = await admin.post('/api/accounts', { body: { username: 'x@dinco', name: 'X', role: 'operator', agencyId: AGENCY, unitId: 'u9', password: 'sandi-baru-123' } });
    expect(badUnit.status).toBe(422);
    expect(badUnit.body.error.findings[0]).toMatchObject({ where: 'body.unitId' });
    // a planner is refused before the scope is looked at: an unknown unit or agency answers the same 403
    for (const scope of [{ agencyId: AGENCY, unitId: 'u9' }, { agencyId: 'tidak-ada' }]) {
      const refused = await s.clients.planner.post('/api/accounts', { body: { username: 'y@dinco', name: 'Y', role: 'operator', ...scope, password: 'sandi-baru-123' } });
      expect(refused.status).toBe(403);
    }
    const dup = await admin.post('/api/accounts', { body: { username: 'operator2@dinco', name: 'X', role: 'head', agencyId: AGENCY, password: 'sandi-baru-123' } });
    expect(dup.status).toBe(409);
    const op2 = s.anonymous();
    expect((await op2.post('/api/auth/sign-in', { body: { username: 'operator2@dinco', password: 'sandi-baru-123' } })).status).toBe(200);
    expect((await op2.get('/api/auth/session')).status).toBe(200);
    const off = await admin.patch(`/api/accounts/${created.body.record.id}`, { body: { version: created.body.version, active: false } });
    expect(off.status).toBe(200);
    expect((await op2.get('/api/auth/session')).status).toBe(401);
    expect((await s.anonymous().post('/api/auth/sign-in', { body: { username: 'operator2@dinco', password: 'sandi-baru-123' } })).status).toBe(401);
    const stale = await admin.patch(`/api/accounts/${created.body.record.id}`, { body: { version: created.body.version, name: 'Lain' } });
    expect(stale.status).toBe(409);
    const list = await admin.get('/api/accounts');
    expect(list.body.accounts.map((a: { record: { username: string } }) => a.record.username)).toContain('operator2@dinco');
    expect(list.body.accounts.map((a: { record: { username: string } }) => a.record.username)).not.toContain('admin@jauh');
    // an admin cannot disable themselves
    const me = list.body.accounts.find((a: { record: { username: string } }) => a.record.username === 'admin@contoh');
    expect((await admin.patch(`/api/accounts/${me.record.id}`, { body: { version: me.version, active: false } })).status).toBe(403);
  });

  it('sessions: HTTP-only cookie, sign-out, sign-out everywhere', async () => {
    const login = await s.anonymous().post('/api/auth/sign-in', { body: { username: 'kepala@dinco', password: 'rahasia-uji-123' } });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('kinerja.session_token='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const a = await s.signIn('head');
    const b = await s.signIn('head');
    const replay = a.clone(); // the same cookies, kept by someone who copied them before sign-out
    expect((await replay.get('/api/auth/session')).status).toBe(200);
    expect((await a.post('/api/auth/sign-out')).status).toBe(200);
    expect((await a.get('/api/auth/session')).status).toBe(401);
    expect((await replay.get('/api/auth/session')).status).toBe(401); // not served from remembered sessions
    expect((await b.get('/api/auth/session')).status).toBe(200);
    const c = await s.signIn('head');
    expect((await c.post('/api/auth/sign-out-everywhere')).status).toBe(200);
    expect((await b.get('/api/auth/session')).status).toBe(401);
    expect((await s.clients.head.get('/api/auth/session')).status).toBe(401);
    s.clients.head = await s.signIn('head');
  });
});
