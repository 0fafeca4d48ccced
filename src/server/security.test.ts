/** CSRF protection, sign-in rate limiting, and the demo seed (never in production is config.ts's, tested there). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { main as cli } from '../cli/main.js';
import { forEachEngine } from '../store/testing.js';
import { DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_PASSWORD, seedDemo } from './demo.js';
import { createApp } from './app.js';
import { forgetSession, sessionUser, SESSION_MEMORY_MS } from './auth.js';
import { CSRF_COOKIE, isValidCsrfToken, newCsrfToken } from './csrf.js';
import { LoginLimiter } from './rate-limit.js';
import { defineRoute } from './route.js';
import { AGENCY, startTestServer, TestClient, TEST_PASSWORD, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;

describe('CSRF tokens', () => {
  it('are signed: a token made with another secret, or altered, is not valid', () => {
    const t = newCsrfToken('secret-one');
    expect(isValidCsrfToken('secret-one', t)).toBe(true);
    expect(isValidCsrfToken('secret-two', t)).toBe(false);
    expect(isValidCsrfToken('secret-one', `x${t}`)).toBe(false);
    expect(isValidCsrfToken('secret-one', t.split('.')[0])).toBe(false);
    expect(isValidCsrfToken('secret-one', undefined)).toBe(false);
  });
});

describe('LoginLimiter', () => {
  it('counts failures per login and per address in a sliding window', () => {
    let now = 0;
    const l = new LoginLimiter({ windowMs: 60_000, perLogin: 2, perAddress: 3 }, () => now);
    expect(l.retryAfter('a', 'ip')).toBe(0);
    l.fail('a', 'ip');
    now = 10_000;
    l.fail('a', 'ip');
    expect(l.retryAfter('a', 'ip')).toBe(50); // the first failure leaves the window at 60 s
    expect(l.retryAfter('b', 'ip2')).toBe(0);
    l.fail('b', 'ip');
    expect(l.retryAfter('c', 'ip')).toBe(50); // the address has had 3 failures
    now = 60_001;
    expect(l.retryAfter('a', 'ip')).toBe(0);
    l.succeed('a');
    expect(l.retryAfter('a', 'other')).toBe(0);
  });
});

forEachEngine('CSRF and sign-in limits', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { loginLimits: { windowMs: 60_000, perLogin: 3, perAddress: 8 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  const narrative = async (client: TestClient) => {
    const n = (await client.get(`${A}/narrative`)).body;
    return { version: n.version, narrative: { ...n.record, foreword: 'x' } };
  };

  it('a change without the CSRF token is refused, before anything else', async () => {
    const planner = s.clients.planner.clone();
    const res = await planner.put(`${A}/narrative`, { body: await narrative(planner), csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'csrf-token', findings: [{ where: 'headers.x-csrf-token' }] });
    // a header that does not match the cookie
    const wrong = await planner.put(`${A}/narrative`, { body: await narrative(planner), csrf: false, headers: { 'x-csrf-token': newCsrfToken('test-secret-'.padEnd(40, 'x')) } });
    expect(wrong.status).toBe(403);
    // a cookie and header forged without the server's secret
    const forged = newCsrfToken('not-the-secret');
    planner.cookies.set(CSRF_COOKIE, forged);
    expect((await planner.put(`${A}/narrative`, { body: await narrative(planner), csrf: false, headers: { 'x-csrf-token': forged } })).status).toBe(403);
    // sign-in needs it too
    expect((await s.anonymous().post('/api/auth/sign-in', { body: { username: 'perencana@dinco', password: TEST_PASSWORD }, csrf: false })).status).toBe(403);
    // reads do not
    expect((await s.clients.planner.get(`${A}/narrative`)).status).toBe(200);
  });

  it('a change from another origin is refused; the own origin and trusted origins pass', async () => {
    const planner = s.clients.planner;
    const evil = await planner.put(`${A}/narrative`, { body: await narrative(planner), headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.error).toMatchObject({ code: 'csrf-origin', findings: [{ where: 'headers.origin' }] });
    const crossSite = await planner.put(`${A}/narrative`, { body: await narrative(planner), headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await planner.put(`${A}/narrative`, { body: await narrative(planner), headers: { origin: 'http://localhost' } })).status).toBe(200);
    expect((await planner.put(`${A}/narrative`, { body: await narrative(planner), headers: { origin: 'http://localhost:5173' } })).status).toBe(200);
  });

  it('failed sign-ins are limited per login name (429 with Retry-After), even with the right password afterwards', async () => {
    const c = s.anonymous();
    for (let i = 0; i < 3; i++) {
      expect((await c.post('/api/auth/sign-in', { body: { username: 'kepala@dinco', password: 'salah' } })).status).toBe(401);
    }
    const limited = await c.post('/api/auth/sign-in', { body: { username: 'kepala@dinco', password: TEST_PASSWORD } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('too-many-attempts');
    // another account is not affected
    expect((await s.anonymous().post('/api/auth/sign-in', { body: { username: 'operator@dinco', password: TEST_PASSWORD } })).status).toBe(200);
  });

  it('and per client address, whichever login names are tried', async () => {
    const c = s.anonymous();
    // 3 failures counted from the previous test, 5 more fill the address's 8
    for (const name of ['a@x', 'b@x', 'c@x', 'd@x', 'e@x']) {
      expect((await c.post('/api/auth/sign-in', { body: { username: name, password: 'salah' } })).status).toBe(401);
    }
    expect((await c.post('/api/auth/sign-in', { body: { username: 'operator@dinco', password: TEST_PASSWORD } })).status).toBe(429);
  });

  it('sessions: concurrent requests of one session whose memory ran out ask once; a forget during a lookup is not undone by it', async () => {
    const auth = s.deps.auth;
    const headers = new Headers({ cookie: [...s.clients.planner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
    const original = auth.api.getSession;
    let lookups = 0;
    auth.api.getSession = ((...args: Parameters<typeof original>) => {
      lookups += 1;
      return original(...args);
    }) as typeof original;
    try {
      const later = Date.now() + 60 * SESSION_MEMORY_MS; // whatever was remembered has run out by then
      const users = await Promise.all(Array.from({ length: 5 }, () => sessionUser(auth, headers, later)));
      expect(users.map((u) => u?.username)).toEqual(Array(5).fill('perencana@dinco'));
      expect(lookups).toBe(1);
      expect((await sessionUser(auth, headers, later))?.username).toBe('perencana@dinco');
      expect(lookups).toBe(1); // remembered

      const evenLater = later + 60 * SESSION_MEMORY_MS;
      const running = sessionUser(auth, headers, evenLater);
      forgetSession(auth, headers); // e.g. a sign-out while the lookup runs
      await running;
      expect(lookups).toBe(2);
      await sessionUser(auth, headers, evenLater);
      expect(lookups).toBe(3); // the lookup that began before the forget remembered nothing
    } finally {
      auth.api.getSession = original;
    }
  });

  it('every answer carries nosniff, a same-origin referrer policy and x-frame-options: JSON, remembered JSON, errors, pages, a handler\'s own Response', async () => {
    const secured = (h: Headers, frame = 'DENY') => {
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('same-origin');
      expect(h.get('x-frame-options')).toBe(frame);
    };
    const health = await s.anonymous().get('/healthz');
    secured(health.headers);
    const texts = [];
    for (let i = 0; i < 2; i++) {
      // the second answer is the one kept in memory (json.ts): the same bytes, and the headers c.json gives
      const dashboard = await s.clients.planner.get(`${A}/dashboard`, { query: { year: 2025 } });
      expect(dashboard.status).toBe(200);
      expect(dashboard.headers.get('content-type')).toBe(health.headers.get('content-type'));
      secured(dashboard.headers);
      texts.push(dashboard.text);
    }
    expect(texts[1]).toBe(texts[0]);
    secured((await s.anonymous().get(`${A}/dashboard`, { query: { year: 2025 } })).headers); // 401
    secured((await s.anonymous().get('/api/nothing-here')).headers); // 404
    secured((await s.anonymous().get('/')).headers);
    const own = createApp(s.deps, [
      defineRoute({ id: 'test.raw', method: 'get', path: '/raw', tag: 'test', summary: 'a Response made by the handler', auth: 'public', response: null, handler: async () => new Response('raw') }),
      defineRoute({
        id: 'test.framed',
        method: 'get',
        path: '/framed',
        tag: 'test',
        summary: 'a handler that sets its own x-frame-options',
        auth: 'public',
        response: null,
        handler: async ({ c }) => {
          c.header('x-frame-options', 'SAMEORIGIN');
          return c.text('framed');
        },
      }),
    ]);
    const raw = await own.request('/raw');
    expect(await raw.text()).toBe('raw');
    secured(raw.headers);
    secured((await own.request('/framed')).headers, 'SAMEORIGIN');
  });
});

forEachEngine('demo seed', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { datasets: [], accounts: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads the demo agency and one account per role, once', async () => {
    const first = await seedDemo(s.deps);
    expect(first).toEqual({ agencyLoaded: true, accountsCreated: DEMO_ACCOUNTS.map((a) => a.username) });
    expect(await seedDemo(s.deps)).toEqual({ agencyLoaded: false, accountsCreated: [] });
    const operator = await (async () => {
      const c = s.anonymous();
      const res = await c.post('/api/auth/sign-in', { body: { username: 'operator@diskopum', password: DEMO_PASSWORD } });
      expect(res.body.user).toMatchObject({ role: 'operator', agencyId: DEMO_AGENCY, unitId: 'bid-kelembagaan' });
      return c;
    })();
    // the operator's unit is responsible for the cooperative indicators of the demo
    const list = await operator.get(`/api/agencies/${DEMO_AGENCY}/realizations`, { query: { year: 2025 } });
    const enterable = list.body.indicators.filter((i: { canEnter: boolean }) => i.canEnter).map((i: { ref: string }) => i.ref);
    expect(enterable).toEqual(expect.arrayContaining(['renstra-2021-2026/KOP_SEHAT', 'renstra-2021-2026/KOP_BERKUALITAS', 'renstra-2025-2029/KOP_FASILITASI']));
    expect(enterable).not.toContain('renstra-2021-2026/UMM');
    const entered = await operator.put(`/api/agencies/${DEMO_AGENCY}/realizations`, {
      body: { indicator: 'renstra-2025-2029/KOP_FASILITASI', year: 2026, period: 'Q1', numerator: 10, denominator: 100 },
    });
    expect(entered.status).toBe(200);
    // a draft: not yet the official figure, its own figure awaiting approval beside it
    expect(entered.body.measured).toMatchObject({ achievement: null, unmeasured: 'awaiting approval', pending: { state: 'draft', period: 'Q1', predicate: 'Sangat Rendah' } });
    for (const a of DEMO_ACCOUNTS) {
      const res = await s.anonymous().post('/api/auth/sign-in', { body: { username: a.username, password: DEMO_PASSWORD } });
      expect(res.status, a.username).toBe(200);
    }
  });

  it('GET measurements of the demo answers what `kinerja measure <demo file> --year 2025 --json` prints', async () => {
    let printed = '';
    const code = await cli(['measure', 'examples/diskopum-jember-2025.json', '--year', '2025', '--json'], {
      out: (t) => (printed += t),
      err: () => {},
      color: false,
      env: {},
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
    });
    expect(code).toBe(0);
    const c = s.anonymous();
    await c.post('/api/auth/sign-in', { body: { username: 'kepala@diskopum', password: DEMO_PASSWORD } });
    const res = await c.get(`/api/agencies/${DEMO_AGENCY}/measurements`, { query: { year: 2025 } });
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual(JSON.parse(printed));
  });
});
