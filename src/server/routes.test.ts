/**
 * Every route × every role: the route table (routes/index.ts) is walked with an anonymous
 * client, each role of agency A (admin and evaluator of its region, planner, operator of
 * the unit responsible for UMM, head), the planner of agency B of the same region (an
 * outsider to A) and the admin of another region. Each answer is asserted: 2xx, 401, 403 or
 * 404 (an agency one may not see answers exactly as one that does not exist). A route
 * without an entry in MATRIX fails the first test, so a new route cannot skip this.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../core/dataset/schema.js';
import type { EditResult } from '../core/edit/common.js';
import { findRealization, putRealization, removeRealization, type RealizationKey } from '../core/edit/realizations.js';
import { addGoal, addIndicator } from '../core/edit/plans.js';
import { amendAgreement } from '../core/edit/agreements.js';
import { addRecommendation } from '../core/edit/evaluation.js';
import { forEachEngine } from '../store/testing.js';
import { asSourceRows, drillRows, KOP_REF, KOP_TABLE, withDrill } from '../core/registers/drill-fixtures.js';
import { createRegisterQueries } from '../store/registers.js';
import { createAccount } from './auth.js';
import { runEdit } from './commands/edit.js';
import { storeEvidence } from './commands/evidence.js';
import { fileOf, putFiles } from '../store/files.js';
import { testCrestPng } from '../report/test-files.js';
import { writeBundle } from '../io/bundle.js';
import type { User } from './policies/types.js';
import { ROUTES } from './routes/index.js';
import { AGENCY, EVERYONE, startTestServer, TEST_PASSWORD, TEST_REGION, type RequestOptions, type TestClient, type TestServer, type Who } from './testing.js';
import { versionOf } from './versions.js';

type Expect = 'ok' | 401 | 403 | 404;
type Expectations = Record<Who, Expect>;

interface Sample {
  path: string;
  options?: RequestOptions;
  /** run the request as this client instead of the role's (a fresh session) */
  client?: TestClient;
}

interface Entry {
  expect: Expectations;
  sample: (h: Helpers, who: Who) => Promise<Sample>;
  /** after the request (e.g. sign the role in again after it ended its sessions) */
  after?: (h: Helpers, who: Who) => Promise<void>;
}

interface Helpers {
  s: TestServer;
  ds(): Promise<Dataset>;
  system<T>(apply: (ds: Dataset) => EditResult<T>): Promise<void>;
  draft(k: RealizationKey): Promise<string>;
  unique(prefix: string): string;
}

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';
const PLAN = 'renstra-2021-2026';
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n% Kinerja test evidence\n%%EOF\n'));

const all = (e: Expect): Expectations => Object.fromEntries(EVERYONE.map((w) => [w, e])) as Expectations;
const signedIn: Expectations = { ...all('ok'), anonymous: 401 };
/** reading agency A: its own roles and its region's admin and evaluator */
const READ: Expectations = { ...signedIn, outsider: 404, foreignAdmin: 404 };
/** changing agency A: only the roles listed, others of A 403, outsiders 404 */
const only = (...roles: Who[]): Expectations => ({
  ...READ,
  ...Object.fromEntries((['admin', 'evaluator', 'planner', 'operator', 'head'] as Who[]).map((w) => [w, roles.includes(w) ? 'ok' : 403])),
});
/** the audit log of agency A: its planner and head, the region's admin and evaluator; not its operator */
const AUDIT: Expectations = { ...READ, operator: 403 };
/** an agreement of agency A issued as HTML (once per server) */
const issuedOn = new WeakMap<TestServer, string>();
const issued = async (h: Helpers): Promise<string> => {
  const known = issuedOn.get(h.s);
  if (known) return known;
  const r = await h.s.clients.planner.post(`${A}/publications`, { body: { kind: 'agreement', agreement: (await h.ds()).agreements[0]!.id, formats: ['html'] } });
  expect(r.status).toBe(201);
  issuedOn.set(h.s, r.body.id as string);
  return r.body.id as string;
};
const get = (path: string, query?: RequestOptions['query']) => async (): Promise<Sample> => ({ path, options: query ? { query } : {} });

/**
 * Agency A given the registers (usaha_mikro kept by u1, the operator's unit), the drill-down's
 * indicators and table counted from them from 2025, and their rows with one micro business
 * whose NIK the register pages read (once per server).
 */
const registersReady = new WeakMap<TestServer, Promise<void>>();
const registersOf = (h: Helpers): Promise<void> => {
  let ready = registersReady.get(h.s);
  if (!ready) {
    ready = (async () => {
      await h.system((ds) => {
        const d = withDrill(ds, 2025);
        d.registers = d.registers!.map((r) => (r.unit ? { ...r, unit: r.unit === 'bid-ukm' ? 'u1' : 'u2' } : r));
        return { dataset: d, entity: 'agency', key: AGENCY, before: null, after: null };
      });
      const rows = drillRows(20);
      const head = rows.usaha_mikro[0]!;
      const warung: Record<string, string> = { nib: '1234567890123', nama_usaha: 'Warung Uji', nik: '3509123456789012' };
      rows.usaha_mikro.push(head.map((f) => warung[f] ?? ''));
      const q = createRegisterQueries(h.s.pool);
      for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro'] as const) expect((await q.importRows(AGENCY, id, asSourceRows(rows[id]), { store: true })).stored).toBe(true);
    })();
    registersReady.set(h.s, ready);
  }
  return ready;
};
const withRegisters = (path: string, query?: RequestOptions['query']) => async (h: Helpers): Promise<Sample> => {
  await registersOf(h);
  return get(path, query)();
};
const registerGet = (path: string, query?: RequestOptions['query']) => async (h: Helpers): Promise<Sample> => {
  await registersOf(h);
  return { path, options: query ? { query } : {} };
};

const reSignIn = async (h: Helpers, who: Who) => {
  if (who !== 'anonymous') h.s.clients[who] = await h.s.signIn(who);
};
const freshSession = async (h: Helpers, who: Who): Promise<TestClient> => (who === 'anonymous' ? h.s.anonymous() : h.s.signIn(who));

const MATRIX: Record<string, Entry> = {
  'system.healthz': { expect: all('ok'), sample: get('/healthz') },
  'system.openapi': { expect: all('ok'), sample: get('/api/openapi.json') },
  'auth.csrf': { expect: all('ok'), sample: get('/api/auth/csrf') },
  'auth.signIn': {
    expect: all('ok'),
    sample: async () => ({ path: '/api/auth/sign-in', options: { body: { username: 'spare@dinco', password: TEST_PASSWORD } } }),
  },
  'auth.signOut': { expect: signedIn, sample: async (h, who) => ({ path: '/api/auth/sign-out', client: await freshSession(h, who) }) },
  'auth.signOutEverywhere': {
    expect: signedIn,
    sample: async (h, who) => ({ path: '/api/auth/sign-out-everywhere', client: await freshSession(h, who) }),
    after: reSignIn,
  },
  'auth.session': { expect: signedIn, sample: get('/api/auth/session') },
  'auth.password': {
    expect: signedIn,
    sample: async () => ({ path: '/api/auth/password', options: { body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } } }),
    after: reSignIn,
  },
  'accounts.list': { expect: { ...all(403), anonymous: 401, admin: 'ok', foreignAdmin: 'ok' }, sample: get('/api/accounts') },
  'accounts.create': {
    expect: { ...all(403), anonymous: 401, admin: 'ok' },
    sample: async (h) => ({
      path: '/api/accounts',
      options: { body: { username: h.unique('kepala2-').concat('@dinco'), name: 'Kepala Dua', role: 'head', agencyId: AGENCY, password: TEST_PASSWORD } },
    }),
  },
  'accounts.update': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', foreignAdmin: 404 },
    sample: async (h) => {
      const list = await h.s.clients.admin.get('/api/accounts');
      const spare = list.body.accounts.find((a: { record: { username: string } }) => a.record.username === 'spare@dinco');
      return { path: `/api/accounts/${spare.record.id}`, options: { body: { version: spare.version, name: h.unique('Cadangan ') } } };
    },
  },
  'worklist.get': { expect: signedIn, sample: get('/api/worklist') },
  'agencies.list': { expect: signedIn, sample: get('/api/agencies') },
  'agencies.get': { expect: READ, sample: get(A) },
  'agencies.profile': { expect: READ, sample: get(`${A}/profile`) },
  'agencies.updateProfile': {
    expect: only('admin', 'planner'),
    sample: async (h) => {
      const agency = (await h.ds()).agency;
      return { path: `${A}/profile`, options: { body: { version: versionOf(agency), address: h.unique('Jl. Contoh ') } } };
    },
  },
  'agencies.dashboard': { expect: READ, sample: get(`${A}/dashboard`, { year: 2025 }) },
  'drill.indicator': { expect: READ, sample: withRegisters(`${A}/drill`, { indicator: KOP_REF, year: 2025 }) },
  'drill.table': { expect: READ, sample: withRegisters(`${A}/drill/table`, { list: KOP_TABLE, year: 2025, group: 'Ajung' }) },
  'registers.entityEvents': { expect: READ, sample: withRegisters(`${A}/registers/koperasi/entities/BH-00001/events`) },
  'regions.dashboard': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', evaluator: 'ok', foreignAdmin: 404 },
    sample: get(`/api/regions/${encodeURIComponent(TEST_REGION)}/dashboard`, { year: 2025 }),
  },
  'agencies.measurements': { expect: READ, sample: get(`${A}/measurements`, { year: 2025 }) },
  'agencies.export': { expect: READ, sample: get(`${A}/export`) },
  'agencies.audit': { expect: AUDIT, sample: get(`${A}/audit`) },
  'agencies.auditCsv': { expect: AUDIT, sample: get(`${A}/audit.csv`) },
  'regions.audit': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', foreignAdmin: 404 },
    sample: get(`/api/regions/${encodeURIComponent(TEST_REGION)}/audit`),
  },
  'regions.auditCsv': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', foreignAdmin: 404 },
    sample: get(`/api/regions/${encodeURIComponent(TEST_REGION)}/audit.csv`),
  },
  'publications.list': { expect: READ, sample: get(`${A}/publications`) },
  'publications.issue': {
    expect: only('planner', 'head'),
    sample: async (h) => ({ path: `${A}/publications`, options: { body: { kind: 'agreement', agreement: (await h.ds()).agreements[0]!.id, formats: ['html'] } } }),
  },
  'publications.file': { expect: READ, sample: async (h) => ({ path: `${A}/publications/${await issued(h)}/files/html` }) },
  'publications.reproduce': { expect: READ, sample: async (h) => ({ path: `${A}/publications/${await issued(h)}/reproduce` }) },
  'publications.changes': { expect: READ, sample: async (h) => ({ path: `${A}/publications/${await issued(h)}/changes` }) },
  'files.exportBundle': { expect: READ, sample: get(`${A}/export/bundle`) },
  'files.upload': {
    expect: only('admin', 'planner'),
    sample: async (h) => {
      const form = new FormData();
      form.set('role', 'crest');
      const crest = (await h.ds()).agency.crest;
      if (crest) form.set('version', versionOf(crest));
      form.set('file', new File([new Uint8Array(testCrestPng())], 'lambang.png', { type: 'image/png' }));
      return { path: `${A}/files`, options: { form } };
    },
  },
  'files.get': {
    expect: READ,
    sample: async (h) => {
      const f = fileOf(testCrestPng());
      await putFiles(h.s.pool, AGENCY, [f]);
      return { path: `${A}/files/${f.sha256}` };
    },
  },
  'import.document': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', planner: 'ok' },
    sample: async (h) => ({ path: '/api/import', options: { body: await h.ds(), query: { store: 'true' } } }),
  },
  'snapshots.agency': { expect: { ...READ, evaluator: 403, operator: 403, head: 403 }, sample: get(`${A}/snapshots`) },
  'snapshots.region': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', foreignAdmin: 404 },
    sample: get(`/api/regions/${encodeURIComponent(TEST_REGION)}/snapshots`),
  },
  'snapshots.restore': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', foreignAdmin: 404 },
    sample: async (h) => {
      // a backup of agency A: its current data kept by an import of itself
      const stored = await h.s.clients.admin.post('/api/import', { body: await h.ds(), query: { store: 'true' } });
      expect(stored.status).toBe(200);
      const list = await h.s.clients.admin.get(`/api/regions/${encodeURIComponent(TEST_REGION)}/snapshots`);
      return { path: `/api/regions/${encodeURIComponent(TEST_REGION)}/snapshots/${list.body.snapshots[0].id}/restore` };
    },
  },
  'files.importBundle': {
    expect: { ...all(403), anonymous: 401, admin: 'ok', planner: 'ok' },
    sample: async (h) => ({ path: '/api/import/bundle', options: { raw: { bytes: await writeBundle(JSON.stringify(await h.ds()), []), type: 'application/zip' }, query: { store: 'true' } } }),
  },
  'plans.list': { expect: READ, sample: get(`${A}/plans`) },
  'plans.createGoal': {
    expect: only('admin', 'planner'),
    sample: async (h) => ({ path: `${A}/plans/${PLAN}/goals`, options: { body: { goal: { id: h.unique('G'), kind: 'sasaran', statement: 'Sasaran uji', parent: 'T1' } } } }),
  },
  'plans.updateGoal': {
    expect: only('admin', 'planner'),
    sample: async (h) => {
      const goal = (await h.ds()).plans[0]!.goals[0]!;
      return { path: `${A}/plans/${PLAN}/goals/T1`, options: { body: { version: versionOf(goal), goal: { ...goal, statement: h.unique('Tujuan ') } } } };
    },
  },
  'plans.deleteGoal': {
    expect: only('admin', 'planner'),
    sample: async (h) => {
      const id = h.unique('DG');
      const goal = { id, kind: 'sasaran' as const, statement: 'Untuk dihapus' };
      await h.system((ds) => addGoal(ds, PLAN, goal));
      return { path: `${A}/plans/${PLAN}/goals/${id}`, options: { query: { version: versionOf(goal) } } };
    },
  },
  'plans.createIndicator': {
    expect: only('admin', 'planner'),
    sample: async (h) => ({
      path: `${A}/plans/${PLAN}/indicators`,
      options: { body: { indicator: { id: h.unique('I'), goal: 'S1', name: 'Indikator uji', measure: { type: 'count' }, targets: { '2025': 1 } } } },
    }),
  },
  'plans.updateIndicator': {
    expect: only('admin', 'planner'),
    sample: async (h) => {
      const ind = (await h.ds()).plans[0]!.indicators!.find((i) => i.id === 'SAKIP')!;
      return { path: `${A}/plans/${PLAN}/indicators/SAKIP`, options: { body: { version: versionOf(ind), indicator: { ...ind, definition: h.unique('Definisi ') } } } };
    },
  },
  'plans.deleteIndicator': {
    expect: only('admin', 'planner'),
    sample: async (h) => {
      const indicator = { id: h.unique('DI'), goal: 'S1', name: 'Untuk dihapus', measure: { type: 'count' as const }, targets: { '2025': 1 } };
      await h.system((ds) => addIndicator(ds, PLAN, indicator));
      return { path: `${A}/plans/${PLAN}/indicators/${indicator.id}`, options: { query: { version: versionOf(indicator) } } };
    },
  },
  'agreements.list': { expect: READ, sample: get(`${A}/agreements`, { year: 2025 }) },
  'agreements.fromPlan': {
    expect: only('planner'),
    sample: async (h) => ({ path: `${A}/agreements`, options: { body: { plan: PLAN, year: 2026, id: h.unique('pk-2026-'), signedOn: '2026-01-05' } } }),
  },
  'agreements.amend': {
    expect: only('planner'),
    sample: async (h) => ({ path: `${A}/agreements/pk-2025/amend`, options: { body: { id: h.unique('pk-2025-p'), signedOn: '2025-07-01' } } }),
  },
  'agreements.update': {
    expect: only('planner'),
    sample: async (h) => {
      const ag = (await h.ds()).agreements.find((a) => a.id === 'pk-2025')!;
      return { path: `${A}/agreements/pk-2025`, options: { body: { version: versionOf(ag), place: h.unique('Kota ') } } };
    },
  },
  'agreements.remove': {
    expect: only('planner'),
    sample: async (h) => {
      const id = h.unique('pk-2025-hapus-');
      await h.system((ds) => amendAgreement(ds, 'pk-2025', { id, signedOn: '2025-07-01' }));
      const made = (await h.ds()).agreements.find((a) => a.id === id)!;
      return { path: `${A}/agreements/${id}`, options: { query: { version: versionOf(made) } } };
    },
  },
  'programs.list': { expect: READ, sample: get(`${A}/programs`, { year: 2025 }) },
  'programs.budgets': {
    expect: only('planner'),
    sample: async (h) => {
      const node = (await h.ds()).programs.find((n) => n.id === 'p1-k1-s1')!;
      return { path: `${A}/programs/p1-k1-s1/budgets`, options: { body: { version: versionOf(node), year: 2026, entries: [{ stage: 'initial', amount: 1000 }] } } };
    },
  },
  'programs.spending': {
    expect: only('planner', 'operator'),
    sample: async (h) => {
      const node = (await h.ds()).programs.find((n) => n.id === 'p1-k1-s1')!;
      return { path: `${A}/programs/p1-k1-s1/spending`, options: { body: { version: versionOf(node), year: 2026, entries: [{ period: 'Q1', amount: 10 }] } } };
    },
  },
  'programs.supports': {
    expect: only('planner'),
    sample: async (h) => {
      const node = (await h.ds()).programs.find((n) => n.id === 'p1')!;
      return { path: `${A}/programs/p1/supports`, options: { body: { version: versionOf(node), supports: node.supports } } };
    },
  },
  'realizations.list': { expect: READ, sample: get(`${A}/realizations`, { year: 2025 }) },
  'realizations.put': {
    expect: only('operator'),
    sample: async (h) => {
      const k: RealizationKey = { indicator: UMM, year: 2026, period: 'Q1' };
      if (findRealization(await h.ds(), k)) await h.system((ds) => removeRealization(ds, k));
      return { path: `${A}/realizations`, options: { body: { ...k, numerator: 1, denominator: 10 } } };
    },
  },
  'realizations.transition': {
    expect: only('operator'),
    sample: async (h) => {
      const k: RealizationKey = { indicator: UMM, year: 2026, period: 'Q2' };
      return { path: `${A}/realizations/transition`, options: { body: { ...k, action: 'submit', version: await h.draft(k) } } };
    },
  },
  'realizations.delete': {
    expect: only('operator'),
    sample: async (h) => {
      const k: RealizationKey = { indicator: UMM, year: 2026, period: 'Q3' };
      return { path: `${A}/realizations`, options: { query: { ...k, version: await h.draft(k) } } };
    },
  },
  'realizations.evidence': {
    expect: only('operator'),
    sample: async (h) => {
      const k: RealizationKey = { indicator: UMM, year: 2026, period: 'S1' };
      const form = new FormData();
      form.set('indicator', k.indicator);
      form.set('year', String(k.year));
      form.set('period', k.period);
      form.set('version', await h.draft(k));
      form.set('file', new File([PDF], 'bukti.pdf', { type: 'application/pdf' }));
      return { path: `${A}/realizations/evidence`, options: { form } };
    },
  },
  'reports.lkip': { expect: READ, sample: get(`${A}/reports/lkip`, { year: 2025, format: 'html' }) },
  'reports.agreement': { expect: READ, sample: get(`${A}/reports/agreement/pk-2025`, { format: 'docx' }) },
  'reports.review': { expect: READ, sample: get(`${A}/reports/review`, { year: 2025, format: 'json' }) },
  'realizations.evidenceFile': {
    expect: READ,
    sample: async (h) => {
      const f = await storeEvidence(h.s.pool, h.s.dataDir, AGENCY, { fileName: 'bukti.pdf', contentType: 'application/pdf', bytes: PDF, uploadedBy: 'test' });
      return { path: `${A}/evidence/${f.id}` };
    },
  },
  'evaluation.get': { expect: READ, sample: get(`${A}/evaluation`) },
  'evaluation.score': {
    expect: only('evaluator'),
    sample: async (h) => {
      const score = (await h.ds()).evaluation!.scores![0]!;
      return { path: `${A}/evaluation/scores`, options: { body: { version: versionOf(score), score: { ...score, reference: h.unique('LHE/') } } } };
    },
  },
  'evaluation.recommend': {
    expect: only('evaluator'),
    sample: async (h) => ({
      path: `${A}/evaluation/recommendations`,
      options: { body: { recommendation: { id: h.unique('rec-'), year: 2026, text: 'Rekomendasi uji', action: '' } } },
    }),
  },
  'evaluation.updateRecommendation': {
    expect: only('planner', 'head', 'evaluator'),
    sample: async (h) => {
      const rec = (await h.ds()).evaluation!.recommendations!.find((r) => r.id === 'r2')!;
      return { path: `${A}/evaluation/recommendations/r2`, options: { body: { version: versionOf(rec), action: h.unique('Tindak lanjut ') } } };
    },
  },
  'evaluation.deleteRecommendation': {
    expect: only('evaluator'),
    sample: async (h) => {
      const rec = { id: h.unique('del-'), year: 2026, text: 'Untuk dihapus', action: '' };
      await h.system((ds) => addRecommendation(ds, rec));
      return { path: `${A}/evaluation/recommendations/${rec.id}`, options: { query: { version: versionOf(rec) } } };
    },
  },
  'registers.list': { expect: READ, sample: registerGet(`${A}/registers`) },
  'registers.rows': { expect: READ, sample: registerGet(`${A}/registers/usaha_mikro/rows`, { q: 'warung' }) },
  'registers.entity': { expect: READ, sample: registerGet(`${A}/registers/usaha_mikro/entities/1234567890123`) },
  'registers.export': { expect: READ, sample: registerGet(`${A}/registers/usaha_mikro/export`, { format: 'csv' }) },
  'registers.import': {
    expect: only('planner', 'operator'),
    sample: async (h) => {
      await registersOf(h);
      const csv = 'nib,nama_usaha,nik\n1234567890123,Warung Uji,3509123456789012\n';
      return { path: `${A}/registers/usaha_mikro/import`, options: { raw: { bytes: new TextEncoder().encode(csv), type: 'text/csv' } } };
    },
  },
  'narrative.get': { expect: READ, sample: get(`${A}/narrative`) },
  'narrative.put': {
    expect: only('planner'),
    sample: async (h) => {
      const n = (await h.ds()).narrative!;
      return { path: `${A}/narrative`, options: { body: { version: versionOf(n), narrative: { ...n, foreword: h.unique('Kata pengantar ') } } } };
    },
  },
};

const SYSTEM: User = { id: 'test-setup', username: 'test-setup', name: 'test setup', role: 'admin', agencyId: null, unitId: null, region: TEST_REGION };

describe('the role × route matrix covers the route table', () => {
  it('has exactly one entry per route', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map((r) => r.id).sort());
    for (const [id, e] of Object.entries(MATRIX)) expect(Object.keys(e.expect).sort(), id).toEqual([...EVERYONE].sort());
  });
});

forEachEngine('every route with every role', (engine) => {
  let s: TestServer;
  let n = 0;
  let h: Helpers;
  beforeAll(async () => {
    s = await startTestServer(engine);
    await createAccount(s.deps.auth, { username: 'spare@dinco', name: 'Cadangan', role: 'head', agencyId: AGENCY, password: TEST_PASSWORD });
    h = {
      s,
      ds: () => s.dataset(),
      async system(apply) {
        const before = apply(await s.dataset()).before;
        const version = before === null ? null : versionOf(before);
        await runEdit(s.pool, { agencyId: AGENCY, user: SYSTEM, action: 'test-setup', version, apply: ({ dataset }) => apply(dataset) });
      },
      async draft(k) {
        if (findRealization(await s.dataset(), k)) await h.system((ds) => removeRealization(ds, k));
        await h.system((ds) => putRealization(ds, k, { value: 5 }));
        return versionOf(findRealization(await s.dataset(), k)!.realization);
      },
      unique: (prefix) => `${prefix}${++n}`,
    };
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const route of ROUTES) {
    it(`${route.method.toUpperCase()} ${route.path} (${route.id})`, async () => {
      const entry = MATRIX[route.id];
      expect(entry, `no matrix entry for ${route.id}`).toBeDefined();
      const seen: Record<string, Expect | number> = {};
      for (const who of EVERYONE) {
        const sample = await entry!.sample(h, who);
        const client = sample.client ?? s.clients[who].clone();
        const res = await client.request(route.method.toUpperCase(), sample.path, sample.options);
        const ok = res.status >= 200 && res.status < 300;
        seen[who] = ok ? 'ok' : res.status;
        if (!ok) {
          // every refusal says what and where, in the findings format
          expect(res.body?.error?.findings?.length, `${route.id} as ${who}: ${res.text}`).toBeGreaterThan(0);
        }
        if (seen[who] !== entry!.expect[who]) seen[`${who} (body)`] = res.text.slice(0, 300) as unknown as number;
        await entry!.after?.(h, who);
      }
      const got = Object.fromEntries(EVERYONE.map((w) => [w, seen[w]]));
      expect(got, JSON.stringify(seen, null, 1)).toEqual(entry!.expect);
    });
  }
});
