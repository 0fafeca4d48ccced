/**
 * Test support for the server: an app on a fresh schema of a test engine (one PGlite per
 * test file, shared; see src/store/testing.ts), two agencies of one region and one of
 * another, an account per role, and clients that keep cookies and send the CSRF token like a
 * browser's page would. No port is opened: requests go through `app.request()`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Hono } from 'hono';
import { minimalDataset } from '../core/dataset/fixtures.js';
import type { Dataset } from '../core/dataset/schema.js';
import { createDatasetQueries } from '../store/datasets.js';
import { ensureSchema } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { connectTestPool, randomSchemaName, type Engine } from '../store/testing.js';
import { createApp } from './app.js';
import { createAccount } from './auth.js';
import type { ServerDeps } from './deps.js';
import type { Role } from './policies/types.js';
import type { LoginLimits } from './rate-limit.js';
import { createDeps } from './server.js';

export const TEST_PASSWORD = 'rahasia-uji-123';
export const TEST_REGION = 'Kabupaten Contoh';
export const OTHER_REGION = 'Kabupaten Lain';
/** agency A (everyone's but the outsiders'), agency B (the outsider's, same region), agency C (another region) */
export const AGENCY = 'dinco';
export const OTHER_AGENCY = 'dinlain';
export const FOREIGN_AGENCY = 'dinjauh';
export const TODAY = '2026-01-15';
/** the test server's public address: the host `app.request()` gives a path (`http://localhost/…`) */
export const TEST_PUBLIC_URL = 'http://localhost';

/** Agency A: the fixture with units, a responsible unit on UMM, an evaluation and a narrative. */
export function agencyA(): Dataset {
  const ds = minimalDataset();
  ds.organization = {
    units: [
      { id: 'u1', name: 'Bidang Usaha Mikro', kind: 'bidang' },
      { id: 'u2', name: 'Bidang Koperasi', kind: 'bidang' },
    ],
  };
  ds.plans[0]!.indicators![0]!.responsibleUnits = ['u1'];
  ds.plans.push({
    id: 'rpjmd-2021-2026',
    level: 'rpjmd',
    title: 'RPJMD Kabupaten Contoh 2021-2026',
    startYear: 2021,
    endYear: 2026,
    goals: [
      { id: 'M1', kind: 'misi', statement: 'Ekonomi kerakyatan yang kuat' },
      { id: 'SR1', kind: 'sasaran', statement: 'Meningkatnya daya saing usaha mikro', parent: 'M1' },
    ],
  });
  ds.evaluation = {
    scores: [{ year: 2025, value: 70.5, evaluator: 'Inspektorat Kabupaten Contoh', reference: 'LHE/1/2025' }],
    recommendations: [
      { id: 'r1', year: 2025, text: 'Susun pedoman teknis pengukuran kinerja', action: 'Menyusun pedoman', due: '2025-12-31', status: 'open' },
      { id: 'r2', year: 2025, text: 'Evaluasi internal sesuai standar', action: 'Evaluasi', due: '2026-06-30' },
    ],
  };
  ds.narrative = { place: 'Kota Contoh', conclusions: 'Kinerja cukup baik.' };
  return ds;
}

export function agencyB(): Dataset {
  const ds = agencyA();
  ds.agency = { ...ds.agency, name: 'Dinas Lain', abbreviation: 'Dinlain' };
  return ds;
}

export function agencyC(): Dataset {
  const ds = agencyA();
  ds.agency = { ...ds.agency, name: 'Dinas Jauh', abbreviation: 'Dinjauh', region: OTHER_REGION };
  return ds;
}

export type Who = 'anonymous' | 'admin' | 'evaluator' | 'planner' | 'operator' | 'head' | 'outsider' | 'foreignAdmin';
export const EVERYONE: readonly Who[] = ['anonymous', 'admin', 'evaluator', 'planner', 'operator', 'head', 'outsider', 'foreignAdmin'];

export const ACCOUNTS: Record<Exclude<Who, 'anonymous'>, { username: string; role: Role; agencyId?: string; unitId?: string; region?: string }> = {
  admin: { username: 'admin@contoh', role: 'admin', region: TEST_REGION },
  evaluator: { username: 'inspektorat@contoh', role: 'evaluator', region: TEST_REGION },
  planner: { username: 'perencana@dinco', role: 'planner', agencyId: AGENCY },
  operator: { username: 'operator@dinco', role: 'operator', agencyId: AGENCY, unitId: 'u1' },
  head: { username: 'kepala@dinco', role: 'head', agencyId: AGENCY },
  outsider: { username: 'perencana@dinlain', role: 'planner', agencyId: OTHER_AGENCY },
  foreignAdmin: { username: 'admin@jauh', role: 'admin', region: OTHER_REGION },
};

export interface RequestOptions {
  body?: unknown;
  /** a ready body (FormData for uploads); no content-type is set */
  form?: FormData;
  /** a raw body with its content type (a .zip bundle) */
  raw?: { bytes: Uint8Array; type: string };
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** send the CSRF header (default true) */
  csrf?: boolean;
  /** the client's address as the server sees it (its socket's remote address; default none: "local") */
  address?: string;
}

export interface TestResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON shapes
  headers: Headers;
  text: string;
  /** the body's bytes as sent (a file, a BOM kept) */
  bytes: Buffer;
}

/** A browser-like client: keeps cookies, fetches a CSRF token once, sends it with changes. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: Hono) {}

  clone(): TestClient {
    const c = new TestClient(this.app);
    for (const [k, v] of this.cookies) c.cookies.set(k, v);
    return c;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, o: RequestOptions = {}): Promise<TestResponse> {
    const unsafe = method !== 'GET';
    if (unsafe && o.csrf !== false && !this.cookies.has('kinerja.csrf')) await this.request('GET', '/api/auth/csrf');
    const url = new URL(path, 'http://localhost');
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { ...o.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (unsafe && o.csrf !== false) headers['x-csrf-token'] = this.cookies.get('kinerja.csrf') ?? '';
    let body: BodyInit | undefined;
    if (o.form) body = o.form;
    else if (o.raw) {
      headers['content-type'] = o.raw.type;
      body = new Uint8Array(o.raw.bytes);
    }
    else if (o.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.body);
    }
    // the env a listening @hono/node-server would give: the socket the request came on
    const env = o.address !== undefined ? { incoming: { socket: { remoteAddress: o.address } } } : undefined;
    const res = await this.app.request(url.pathname + url.search, { method, headers, ...(body !== undefined ? { body } : {}) }, env);
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers, text, bytes };
  }

  get = (path: string, o?: RequestOptions) => this.request('GET', path, o);
  post = (path: string, o?: RequestOptions) => this.request('POST', path, o);
  put = (path: string, o?: RequestOptions) => this.request('PUT', path, o);
  patch = (path: string, o?: RequestOptions) => this.request('PATCH', path, o);
  delete = (path: string, o?: RequestOptions) => this.request('DELETE', path, o);
}

export interface TestServer {
  app: Hono;
  deps: ServerDeps;
  pool: pg.Pool;
  dataDir: string;
  /** a signed-in client per role (anonymous: none) */
  clients: Record<Who, TestClient>;
  signIn(who: Exclude<Who, 'anonymous'>): Promise<TestClient>;
  anonymous(): TestClient;
  dataset(id?: string): Promise<Dataset>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** the datasets to import (default agencies A, B and C) */
  datasets?: Dataset[];
  loginLimits?: LoginLimits;
  /** create the role accounts and sign them in (default true) */
  accounts?: boolean;
}

export async function startTestServer(engine: Engine, o: TestServerOptions = {}): Promise<TestServer> {
  const schema = randomSchemaName('ks');
  const pool = await connectTestPool(engine, schema);
  await ensureSchema(pool, schema);
  await migrate(pool);
  const dataDir = await mkdtemp(join(tmpdir(), 'kinerja-server-'));
  const deps = createDeps({
    pool,
    secret: 'test-secret-'.padEnd(40, 'x'),
    settings: { dataDir, maxDatasetBytes: 8 * 1024 * 1024, publicUrl: TEST_PUBLIC_URL, trustedOrigins: ['http://localhost:5173'], trustProxy: false },
    now: () => new Date(`${TODAY}T08:00:00Z`),
    checkResponses: true,
    ...(o.loginLimits ? { loginLimits: o.loginLimits } : {}),
  });
  const queries = createDatasetQueries(pool);
  for (const ds of o.datasets ?? [agencyA(), agencyB(), agencyC()]) await queries.importDataset(ds);
  const app = createApp(deps);
  const signIn = async (who: Exclude<Who, 'anonymous'>) => {
    const client = new TestClient(app);
    const res = await client.post('/api/auth/sign-in', { body: { username: ACCOUNTS[who].username, password: TEST_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in of ${who} failed: ${res.status} ${res.text}`);
    return client;
  };
  const clients = { anonymous: new TestClient(app) } as Record<Who, TestClient>;
  if (o.accounts !== false) {
    for (const [who, a] of Object.entries(ACCOUNTS)) {
      await createAccount(deps.auth, { ...a, name: who, password: TEST_PASSWORD });
      clients[who as Who] = await signIn(who as Exclude<Who, 'anonymous'>);
    }
  }
  return {
    app,
    deps,
    pool,
    dataDir,
    clients,
    signIn,
    anonymous: () => new TestClient(app),
    dataset: async (id = AGENCY) => (await deps.cache.load(id))!.dataset,
    async close() {
      try {
        await deps.pdf.close();
        await pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      } finally {
        await pool.end();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}
