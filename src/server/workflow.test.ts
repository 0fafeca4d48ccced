/**
 * The realization workflow and lock, the answer of a change (achievement and predicate,
 * provisional from quarters), optimistic versions (409 and nothing lost), the audit log,
 * and evidence files.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measure } from '../core/measure/index.js';
import { createDatasetQueries } from '../store/datasets.js';
import { forEachEngine } from '../store/testing.js';
import { ROUTES } from './routes/index.js';
import { AGENCY, startTestServer, TEST_REGION, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';
const SAKIP = 'renstra-2021-2026/SAKIP';
const PDF = Buffer.from('%PDF-1.7\n% evidence\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

forEachEngine('workflow, versions, audit', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  const transition = (who: 'operator' | 'planner' | 'head', action: string, version: string, period = 'Q1', note?: string) =>
    s.clients[who].post(`${A}/realizations/transition`, { body: { indicator: UMM, year: 2026, period, action, version, ...(note ? { note } : {}) } });

  it('draft → submitted → verified → approved (locked) → reopened, each step by its role, each audited', async () => {
    const { operator, planner, head } = s.clients;
    const entered = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', numerator: 300, denominator: 1000 } });
    expect(entered.status).toBe(200);
    expect(entered.body.record.state).toBe('draft');
    // a draft is not counted: the official figure stays empty, the quarter's figure (30 % of the 2026 target 75) is pending
    expect(entered.body.measured).toEqual({
      achievement: null,
      predicate: null,
      provisional: false,
      unmeasured: 'awaiting approval',
      pending: { state: 'draft', period: 'Q1', realization: 30, achievement: 40, predicate: 'Sangat Rendah', predicateColor: '#FF0000', achieved: false },
    });
    expect(entered.body.rows[0]).toMatchObject({ indicator: UMM, target: 75, realization: null, unmeasured: 'awaiting approval', state: 'draft' });

    // a planner is not responsible for UMM (unit u1): 403
    expect((await planner.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', value: 1, version: entered.body.version } })).status).toBe(403);
    // the head may not verify, the planner may not approve
    expect((await transition('head', 'verify', entered.body.version)).status).toBe(403);

    const submitted = await transition('operator', 'submit', entered.body.version);
    expect(submitted.status).toBe(200);
    const edit = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', value: 31, version: submitted.body.version } });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('not-draft');
    expect((await transition('planner', 'approve', submitted.body.version)).status).toBe(403);
    const verified = await transition('planner', 'verify', submitted.body.version);
    expect(verified.body.record.state).toBe('verified');
    expect(verified.body.measured).toMatchObject({ achievement: null, unmeasured: 'awaiting approval', pending: { state: 'verified', achievement: 40 } });
    const approved = await transition('head', 'approve', verified.body.version);
    expect(approved.body.record.state).toBe('approved');
    // approval makes it the official figure
    expect(approved.body.measured).toEqual({ achievement: 40, predicate: 'Sangat Rendah', provisional: true, unmeasured: null, pending: null });
    expect(approved.body.rows[0]).toMatchObject({ realization: 30, provisional: true, realizationPeriod: 'Q1', state: 'approved' });

    const locked = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', value: 31, version: approved.body.version } });
    expect(locked.status).toBe(403);
    expect(locked.body.error).toMatchObject({ code: 'locked', message: expect.stringMatching(/approved and locked; the head can reopen it/) });
    expect((await transition('planner', 'reopen', approved.body.version)).status).toBe(403);
    expect((await transition('operator', 'submit', approved.body.version)).status).toBe(403);

    const reopened = await transition('head', 'reopen', approved.body.version, 'Q1', 'angka TW I dikoreksi BPS');
    expect(reopened.body.record.state).toBe('draft');
    const corrected = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', numerator: 330, denominator: 1000, version: reopened.body.version } });
    expect(corrected.status).toBe(200);
    // reopened and corrected: a draft again, so the official figure is empty until it is approved again
    expect(corrected.body.measured.achievement).toBeNull();
    expect(corrected.body.measured.pending.achievement).toBeCloseTo(44, 10);

    const log = await head.get(`${A}/audit`, { query: { entity: 'realization', key: `${UMM}@2026/Q1` } });
    expect(log.body.entries.map((e: { action: string; actor: { name: string } }) => [e.action, e.actor.name])).toEqual([
      ['enter', 'operator@dinco'],
      ['reopen', 'kepala@dinco'],
      ['approve', 'kepala@dinco'],
      ['verify', 'perencana@dinco'],
      ['submit', 'operator@dinco'],
      ['enter', 'operator@dinco'],
    ]);
    const reopen = log.body.entries[1];
    expect(reopen.before).toMatchObject({ state: 'approved' });
    expect(reopen.after).toMatchObject({ state: 'draft' });
    expect(reopen.note).toBe('angka TW I dikoreksi BPS');
    expect(Date.parse(reopen.at)).not.toBeNaN();
  });

  it('the year figure, once entered, replaces the provisional quarter', async () => {
    const year = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, numerator: 800, denominator: 1000 } });
    expect(year.status).toBe(200);
    expect(year.body.measured).toMatchObject({ achievement: null, unmeasured: 'awaiting approval', pending: { period: 'Y', achievement: (80 / 75) * 100, predicate: 'Sangat Tinggi' } });
    expect(year.body.key).toBe(`${UMM}@2026/Y`);
  });

  it('answers kept in memory follow every change at once: a realization entered, and an import written by another program', async () => {
    const { operator, admin } = s.clients;
    const regionPath = `/api/regions/${encodeURIComponent(TEST_REGION)}/dashboard`;
    const read = async (year: number) => ({
      dashboard: (await operator.get(`${A}/dashboard`, { query: { year } })).body,
      measurements: (await operator.get(`${A}/measurements`, { query: { year } })).body,
      region: (await admin.get(regionPath, { query: { year } })).body,
    });
    const expected = async (year: number) => JSON.parse(JSON.stringify(measure(await s.dataset(), year)));

    // a realization entered through the API: the next dashboard counts it, the measurement is of the stored data
    const before2026 = await read(2026);
    expect(await read(2026)).toEqual(before2026); // answered again from memory: the same
    const entered = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q4', numerator: 500, denominator: 1000 } });
    expect(entered.status).toBe(200);
    const after2026 = await read(2026);
    expect(after2026.dashboard.counts.realizations.draft).toBe(before2026.dashboard.counts.realizations.draft + 1);
    expect(after2026.measurements).toStrictEqual(await expected(2026));
    expect(after2026.dashboard.measurement).toStrictEqual(after2026.measurements);

    // the store changed without this server (as `kinerja import` does from the command line): seen at the next request
    const before = await read(2025);
    const stored = await s.dataset();
    const changed = structuredClone(stored);
    const umm = changed.realizations.find((r) => r.indicator === UMM && r.year === 2025 && r.period === undefined)!;
    Object.assign(umm, { numerator: 700, denominator: 1000, value: 70 });
    const queries = createDatasetQueries(s.pool);
    await queries.importDataset(changed);
    try {
      const after = await read(2025);
      expect(after.measurements).toStrictEqual(await expected(2025));
      expect(after.measurements).not.toEqual(before.measurements);
      expect(after.dashboard.measurement).toStrictEqual(after.measurements);
      expect(after.dashboard.standing).not.toEqual(before.dashboard.standing);
      const mine = (r: typeof before.region) => r.agencies.find((a: { id: string }) => a.id === AGENCY);
      expect(mine(after.region).achievement).toBe(after.dashboard.standing.achievement);
      expect(mine(after.region).achievement).not.toBe(mine(before.region).achievement);
    } finally {
      await queries.importDataset(stored);
    }
    expect(await read(2025)).toEqual(before);
  });

  it('imported realizations (no state: approved) are locked for everyone until reopened', async () => {
    const list = await s.clients.planner.get(`${A}/realizations`, { query: { year: 2025 } });
    const sakip = list.body.indicators.find((i: { ref: string }) => i.ref === SAKIP);
    expect(sakip.entries[0]).toMatchObject({ state: 'approved', allowed: [] });
    expect(sakip.canEnter).toBe(true); // the planner enters SAKIP (no responsible unit)
    const headView = (await s.clients.head.get(`${A}/realizations`, { query: { year: 2025 } })).body.indicators.find((i: { ref: string }) => i.ref === SAKIP);
    expect(headView.entries[0].allowed).toEqual(['reopen']);
    const res = await s.clients.planner.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2025, value: 80, version: sakip.entries[0].version } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('locked');
  });

  it('concurrent edits of one record: one wins, the other gets 409 with the current record, nothing is lost', async () => {
    const { planner } = s.clients;
    const created = await planner.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2026, period: 'S1', value: 70 } });
    expect(created.status).toBe(200);
    const v = created.body.version;
    const other = await s.signIn('planner');
    const [a, b] = await Promise.all([
      planner.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2026, period: 'S1', value: 71, note: 'A', version: v } }),
      other.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2026, period: 'S1', value: 72, note: 'B', version: v } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(lost.body.error.code).toBe('version-conflict');
    expect(lost.body.error.current).toEqual({ record: won.body.record, version: won.body.version });
    const stored = (await s.dataset()).realizations.find((r) => r.indicator === SAKIP && r.year === 2026 && r.period === 'S1');
    expect(stored).toEqual(won.body.record);
    // creating what exists without its version is a conflict too (no blind overwrite)
    const blind = await planner.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2026, period: 'S1', value: 99 } });
    expect(blind.status).toBe(409);
    expect(blind.body.error.current.record).toEqual(won.body.record);
    // a change made by an import also makes the versions read before it stale
    const exported = (await s.clients.admin.get(`${A}/export`)).body;
    exported.realizations = exported.realizations.map((r: { indicator: string; year: number; period?: string; value?: number }) =>
      r.indicator === SAKIP && r.year === 2026 && r.period === 'S1' ? { ...r, value: 50 } : r,
    );
    expect((await s.clients.admin.post('/api/import', { body: exported, query: { store: 'true' } })).status).toBe(200);
    const after = await planner.put(`${A}/realizations`, { body: { indicator: SAKIP, year: 2026, period: 'S1', value: 73, version: won.body.version } });
    expect(after.status).toBe(409);
    expect(after.body.error.current.record.value).toBe(50);
  });

  it('a value that does not fit the indicator is refused with where and what', async () => {
    const res = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q2', numerator: 3 } });
    expect(res.status).toBe(422);
    expect(res.body.error.findings[0]).toMatchObject({ where: 'body.denominator', message: expect.stringMatching(/numerator .* and the denominator/) });
    const shape = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: UMM, year: '2026', period: 'Q9' } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.findings.map((f: { where: string }) => f.where).sort()).toEqual(['body.period', 'body.year']);
    const unknown = await s.clients.operator.put(`${A}/realizations`, { body: { indicator: 'renstra-2021-2026/NOPE', year: 2026, value: 1 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.findings[0].where).toBe('body.indicator');
  });

  it('the audit log is append-only: no route changes it and the store refuses UPDATE, DELETE, TRUNCATE', async () => {
    const auditRoutes = ROUTES.filter((r) => r.path.includes('audit'));
    expect(auditRoutes.length).toBeGreaterThan(1);
    expect(new Set(auditRoutes.map((r) => r.method))).toEqual(new Set(['get']));
    const { rows } = await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(rows[0]!.n).toBeGreaterThan(5);
    await expect(s.pool.query(`UPDATE audit_log SET actor_name = 'someone else'`)).rejects.toThrow(/append-only: UPDATE is not allowed/);
    await expect(s.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE is not allowed/);
    await expect(s.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    expect((await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBe(rows[0]!.n);
    // every entry names who, when, what
    const entries = (await s.clients.admin.get(`${A}/audit`, { query: { limit: 500 } })).body.entries;
    for (const e of entries) {
      expect(e.actor.name).not.toBe('');
      expect(e.entity).not.toBe('');
      expect(e.key).not.toBe('');
    }
  });

  it('evidence: a PDF is attached and downloaded; other types, mislabelled files and big files are refused', async () => {
    const { operator } = s.clients;
    const draft = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q3', numerator: 1, denominator: 2 } });
    const upload = (bytes: Buffer, name: string, type: string, version = draft.body.version) => {
      const form = new FormData();
      form.set('indicator', UMM);
      form.set('year', '2026');
      form.set('period', 'Q3');
      form.set('version', version);
      form.set('file', new File([new Uint8Array(bytes)], name, { type }));
      return operator.post(`${A}/realizations/evidence`, { form });
    };
    expect((await upload(Buffer.from('hello'), 'bukti.pdf', 'application/pdf')).status).toBe(415);
    expect((await upload(PNG, 'bukti.pdf', 'application/pdf')).body.error.message).toMatch(/holds image\/png content but its name does not end in \.png/);
    expect((await upload(PDF, 'bukti.pdf', 'image/png')).status).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(big, 'besar.pdf', 'application/pdf')).status).toBe(413);
    const ok = await upload(PDF, 'Berita Acara.pdf', 'application/pdf');
    expect(ok.status).toBe(201);
    const ref = ok.body.record.evidence[0] as string;
    expect(ref).toMatch(/^kinerja-evidence:ev_[0-9a-f]{24}$/);
    const list = await s.clients.head.get(`${A}/realizations`, { query: { year: 2026 } });
    const entry = list.body.indicators.find((i: { ref: string }) => i.ref === UMM).entries.find((e: { key: string }) => e.key === `${UMM}@2026/Q3`);
    expect(entry.evidence[0].file).toMatchObject({ fileName: 'Berita Acara.pdf', contentType: 'application/pdf', size: PDF.length });
    const file = await s.clients.head.get(entry.evidence[0].file.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.text).toBe(PDF.toString());
    // a stale version stores nothing (the file is discarded as well)
    const before = (await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_files')).rows[0]!.n;
    expect((await upload(PDF, 'lagi.pdf', 'application/pdf', draft.body.version)).status).toBe(409);
    expect((await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_files')).rows[0]!.n).toBe(before);
  });
});
