/** CSRF protection, sign-in rate limiting, and the demo seed (never in production is config.ts's, tested there). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { main as cli } from '../cli/main.js';
import { forEachEngine } from '../store/testing.js';
import { DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_PASSWORD, seedDemo } from './demo.js';
import { DEMO_USAHA_MIKRO, demoRegisterRows } from '../core/registers/demo.js';
import { createRegisterQueries } from '../store/registers.js';
import { createApp } from './app.js';
import { forgetSession, sessionUser, SESSION_MEMORY_MS } from './auth.js';
import { CSRF_COOKIE, isValidCsrfToken, newCsrfToken } from './csrf.js';
import { DEFAULT_LOGIN_LIMITS, limitAddress, LoginLimiter, waitText, type Attempt, type LoginLimits } from './rate-limit.js';
import { clientAddress } from './routes/auth.js';
import { defineRoute } from './route.js';
import { AGENCY, startTestServer, TestClient, TEST_PASSWORD, TEST_PUBLIC_URL, type TestServer } from './testing.js';

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
  const limits: LoginLimits = {
    windowMs: 60_000,
    pair: { free: 2, delayMs: 1_000, maxDelayMs: 8_000 },
    address: { failures: 5, delayMs: 30_000 },
    login: { failures: 4, delayMs: 2_000, maxDelayMs: 4_000 },
  };
  const waitOf = (a: Attempt) => (a.ok ? 0 : a.retryAfter);

  it('counts an attempt when it begins (before the password is checked), so that concurrent attempts cannot pass the limit', () => {
    const now = 0;
    const l = new LoginLimiter(limits, () => now);
    const attempts = Array.from({ length: 10 }, () => l.begin('a', 'ip'));
    expect(attempts.filter((a) => a.ok)).toHaveLength(2);
    expect(attempts.slice(2).map(waitOf)).toEqual(Array(8).fill(1));
  });

  it('per login and address: free attempts, then waits doubling from the last failure up to a cap; a success clears them', () => {
    let now = 0;
    // the pair alone: the address's and the login's limits out of reach
    const l = new LoginLimiter({ ...limits, address: { failures: 100, delayMs: 30_000 }, login: { failures: 100, delayMs: 2_000, maxDelayMs: 4_000 } }, () => now);
    const fail = (login = 'a', ip = 'ip') => {
      const a = l.begin(login, ip);
      expect(a.ok, `${login} from ${ip} at ${now}`).toBe(true);
    };
    fail();
    fail();
    expect(waitOf(l.begin('a', 'ip'))).toBe(1);
    now = 1_000;
    fail(); // the third: 1 s after the second
    expect(waitOf(l.begin('a', 'ip'))).toBe(2);
    now = 3_000;
    fail();
    expect(waitOf(l.begin('a', 'ip'))).toBe(4);
    now = 7_000;
    fail();
    expect(waitOf(l.begin('a', 'ip'))).toBe(8);
    now = 15_000;
    fail();
    expect(waitOf(l.begin('a', 'ip'))).toBe(8); // the cap
    // another address is not held back by this pair's failures
    const elsewhere = l.begin('a', 'ip2');
    expect(elsewhere.ok).toBe(true); // the first try of a pair is always checked
    if (elsewhere.ok) elsewhere.succeeded();
    now = 23_000;
    const right = l.begin('a', 'ip');
    expect(right.ok).toBe(true);
    if (right.ok) right.succeeded();
    expect(waitOf(l.begin('a', 'ip'))).toBe(0);
  });

  it('failures leave the count after the window', () => {
    let now = 0;
    const l = new LoginLimiter(limits, () => now);
    l.begin('a', 'ip');
    l.begin('a', 'ip');
    expect(waitOf(l.begin('a', 'ip'))).toBe(1);
    now = 60_001;
    expect(waitOf(l.begin('a', 'ip'))).toBe(0);
  });

  it('per address: past its failures, a login that failed there waits; a login that has not failed there is checked', () => {
    let now = 0;
    const l = new LoginLimiter(limits, () => now);
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect(l.begin(name, 'ip').ok).toBe(true);
    now = 1_000;
    expect(waitOf(l.begin('a', 'ip'))).toBe(29); // one try per login until 30 s after its failure there
    const fresh = l.begin('f', 'ip');
    expect(fresh.ok).toBe(true);
    expect(waitOf(l.begin('f', 'ip'))).toBe(30);
    expect(l.begin('a', 'ip2').ok).toBe(true); // another address
  });

  it('per login from every address: past its failures, each address that failed waits (a delay, never a lock); a new address is checked', () => {
    let now = 0;
    const l = new LoginLimiter(limits, () => now);
    for (const ip of ['1', '2', '3', '4']) expect(l.begin('a', ip).ok).toBe(true);
    // each of these addresses has 1 failure of its 2 free ones, but the login has had 4: 2 s × 2^0 from the address's last failure
    expect(waitOf(l.begin('a', '1'))).toBe(2);
    expect(l.begin('a', '5').ok).toBe(true); // 5 failures now: 4 s (the cap)
    expect(waitOf(l.begin('a', '1'))).toBe(4);
    now = 4_000;
    expect(l.begin('a', '1').ok).toBe(true);
  });

  it('a success releases what its attempt counted', () => {
    const now = 0;
    const l = new LoginLimiter(limits, () => now);
    for (let i = 0; i < 10; i++) {
      const a = l.begin(`u${i}`, 'ip');
      expect(a.ok).toBe(true);
      if (a.ok) a.succeeded();
    }
    expect(l.begin('a', 'ip').ok).toBe(true);
    expect(l.begin('a', 'ip').ok).toBe(true); // the address has 2 failures, not 12
  });
});

describe('the client address the limits count', () => {
  const ctx = (headers: Record<string, string>, remoteAddress?: string) =>
    ({ req: { header: (name: string) => headers[name.toLowerCase()] }, env: remoteAddress ? { incoming: { socket: { remoteAddress } } } : undefined }) as unknown as Context;

  it("behind a proxy, the address the proxy appended to X-Forwarded-For (a client's own entries are not believed)", () => {
    expect(clientAddress(ctx({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }, '127.0.0.1'), true)).toBe('203.0.113.5');
    expect(clientAddress(ctx({ 'x-forwarded-for': '203.0.113.5' }, '127.0.0.1'), true)).toBe('203.0.113.5');
    expect(clientAddress(ctx({}, '127.0.0.1'), true)).toBe('127.0.0.1');
    expect(clientAddress(ctx({ 'x-forwarded-for': '6.6.6.6' }, '198.51.100.1'), false)).toBe('198.51.100.1');
  });

  it('an IPv6 client is counted by its /64 network (one host holds many addresses of it); IPv4-mapped ones as IPv4', () => {
    expect(limitAddress('2001:db8:1:2:a:b:c:d')).toBe('2001:db8:1:2::/64');
    expect(limitAddress('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(limitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(limitAddress('::1')).toBe('0:0:0:0::/64');
    expect(limitAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(limitAddress('local')).toBe('local');
    const l = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, pair: { free: 1, delayMs: 1_000, maxDelayMs: 1_000 } }, () => 0);
    expect(l.begin('a', '2001:db8:1:2::1').ok).toBe(true);
    expect(l.begin('a', '2001:db8:1:2::2').ok).toBe(false); // the same /64
    expect(l.begin('a', '2001:db8:1:3::1').ok).toBe(true);
  });
});

describe('waits in words', () => {
  it('in seconds below a minute, else in whole minutes rounded up', () => {
    expect(waitText(1)).toEqual({ en: '1 second', id: '1 detik' });
    expect(waitText(59)).toEqual({ en: '59 seconds', id: '59 detik' });
    expect(waitText(60)).toEqual({ en: '1 minute', id: '1 menit' });
    expect(waitText(61)).toEqual({ en: 'about 2 minutes', id: 'sekitar 2 menit' });
    expect(waitText(897)).toEqual({ en: 'about 15 minutes', id: 'sekitar 15 menit' });
    expect(waitText(900)).toEqual({ en: '15 minutes', id: '15 menit' });
  });
});

forEachEngine('CSRF and sign-in limits', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
    // the sign-in tests' own limits and clock
    s.deps.limiter = new LoginLimiter(TEST_LIMITS, () => clock);
  });
  let clock = Date.parse('2026-01-15T08:00:00Z');
  const TEST_LIMITS: LoginLimits = {
    windowMs: 15 * 60_000,
    pair: { free: 3, delayMs: 1_000, maxDelayMs: 15 * 60_000 },
    address: { failures: 8, delayMs: 15 * 60_000 },
    login: { failures: 6, delayMs: 2_000, maxDelayMs: 60_000 },
  };
  const signIn = (username: string, password: string, address: string) => s.anonymous().post('/api/auth/sign-in', { body: { username, password }, address });
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
    expect((await planner.put(`${A}/narrative`, { body: await narrative(planner), headers: { origin: TEST_PUBLIC_URL } })).status).toBe(200);
    expect((await planner.put(`${A}/narrative`, { body: await narrative(planner), headers: { origin: 'http://localhost:5173' } })).status).toBe(200);
  });

  it('50 parallel wrong passwords for one login from one address: only the free attempts are checked, the rest 429; the right password from another address signs in, and from the same one after the wait', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => signIn('kepala@dinco', 'salah', '203.0.113.9')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(3); // the passwords checked
    expect(statuses.filter((x) => x === 429)).toHaveLength(47);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body.error).toMatchObject({
      code: 'too-many-attempts',
      message: 'too many failed sign-in attempts; try again in 1 second',
      localized: { id: 'terlalu banyak percobaan masuk yang gagal; coba lagi dalam 1 detik' },
      findings: [{ where: 'body.username' }],
    });
    // the real user elsewhere is not locked out
    expect((await signIn('kepala@dinco', TEST_PASSWORD, '198.51.100.7')).status).toBe(200);
    // at the attacked address, the right password waits too (nothing tells it from a guess) …
    expect((await signIn('kepala@dinco', TEST_PASSWORD, '203.0.113.9')).status).toBe(429);
    // … one second
    clock += 1_000;
    expect((await signIn('kepala@dinco', TEST_PASSWORD, '203.0.113.9')).status).toBe(200);
    expect((await signIn('kepala@dinco', 'salah', '203.0.113.9')).status).toBe(401); // the success cleared the pair's count
  });

  it('many logins failing from one address do not block a user who has not failed there; one who has waits, in minutes', async () => {
    for (const name of ['a@x', 'b@x', 'c@x', 'd@x', 'e@x', 'f@x', 'g@x', 'h@x']) expect((await signIn(name, 'salah', '192.0.2.1')).status).toBe(401);
    // a colleague behind the same address signs in
    expect((await signIn('operator@dinco', TEST_PASSWORD, '192.0.2.1')).status).toBe(200);
    // a login that fails there now gets no second try from there for a while
    expect((await signIn('perencana@dinco', 'salah', '192.0.2.1')).status).toBe(401);
    const limited = await signIn('perencana@dinco', TEST_PASSWORD, '192.0.2.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(limited.body.error.localized.id).toBe('terlalu banyak percobaan masuk yang gagal; coba lagi dalam 15 menit');
    expect(limited.body.error.message).toBe('too many failed sign-in attempts; try again in 15 minutes');
    expect((await signIn('perencana@dinco', TEST_PASSWORD, '192.0.2.2')).status).toBe(200);
  });

  it('a login failing from many addresses is slowed at each of them, never locked: an address that has not failed signs in', async () => {
    for (let i = 1; i <= 7; i++) expect((await signIn('inspektorat@contoh', 'salah', `10.0.0.${i}`)).status).toBe(401);
    // 7 failures of the login, 6 allowed: every address that failed waits 2 s × 2^(7−6) after its own last failure
    const slowed = await signIn('inspektorat@contoh', TEST_PASSWORD, '10.0.0.1');
    expect(slowed.status).toBe(429);
    expect(slowed.headers.get('retry-after')).toBe('4');
    expect((await signIn('inspektorat@contoh', TEST_PASSWORD, '10.0.0.99')).status).toBe(200);
    clock += 4_000;
    expect((await signIn('inspektorat@contoh', TEST_PASSWORD, '10.0.0.1')).status).toBe(200);
  });

  it('the origin allowed is the configured public one, never one made from the request\'s Host', async () => {
    // a second name the server answers to (KINERJA_ALLOWED_HOSTS), whose origin is not trusted
    const app = createApp({ ...s.deps, settings: { ...s.deps.settings, allowedHosts: ['intranet.example'] } });
    const token = newCsrfToken('test-secret-'.padEnd(40, 'x'));
    const res = await app.request('http://intranet.example/api/auth/sign-in', {
      method: 'POST',
      headers: { origin: 'http://intranet.example', cookie: `${CSRF_COOKIE}=${token}`, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'perencana@dinco', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('csrf-origin');
    expect(body.error.message).toBe(`requests that change data are accepted from ${TEST_PUBLIC_URL}, http://localhost:5173 only, not from http://intranet.example`);
    // a Host that is neither the public address nor an allowed one is refused before anything else
    const evil = await app.request('http://evil.example/api/auth/csrf');
    expect(evil.status).toBe(421);
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

  it('loads the demo agency, its registers and one account per role, once', async () => {
    const first = await seedDemo(s.deps);
    expect(first).toEqual({
      agencyLoaded: true,
      registersLoaded: [
        { register: 'koperasi', name: 'Koperasi', rows: 2262 },
        { register: 'usaha_mikro', name: 'Usaha Mikro', rows: DEMO_USAHA_MIKRO },
        { register: 'fasilitasi_koperasi', name: 'Fasilitasi Koperasi', rows: [...demoRegisterRows('fasilitasi_koperasi')].length - 1 },
        { register: 'fasilitasi_usaha_mikro', name: 'Fasilitasi Usaha Mikro', rows: [...demoRegisterRows('fasilitasi_usaha_mikro')].length - 1 },
      ],
      accountsCreated: DEMO_ACCOUNTS.map((a) => a.username),
    });
    expect(await seedDemo(s.deps)).toEqual({ agencyLoaded: false, registersLoaded: [], accountsCreated: [] });
    expect(await createRegisterQueries(s.deps.pool).countRows(DEMO_AGENCY, 'koperasi')).toBe(2262);
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
    // from 2026 the cooperative indicators are counted from the registers: nothing to enter
    const computed = await operator.put(`/api/agencies/${DEMO_AGENCY}/realizations`, {
      body: { indicator: 'renstra-2025-2029/KOP_FASILITASI', year: 2026, period: 'Q1', numerator: 10, denominator: 100 },
    });
    expect(computed.status).toBe(422);
    expect(JSON.stringify(computed.body)).toContain('dihitung dari register');
    const list2026 = await operator.get(`/api/agencies/${DEMO_AGENCY}/realizations`, { query: { year: 2026 } });
    const enterable2026 = list2026.body.indicators.filter((i: { canEnter: boolean }) => i.canEnter).map((i: { ref: string }) => i.ref);
    expect(enterable2026).toContain('renstra-2021-2026/KOP_SEHAT');
    expect(enterable2026).not.toContain('renstra-2025-2029/KOP_FASILITASI');
    const entered = await operator.put(`/api/agencies/${DEMO_AGENCY}/realizations`, {
      body: { indicator: 'renstra-2025-2029/KOP_FASILITASI', year: 2025, period: 'Q1', numerator: 10, denominator: 100 },
    });
    // 2025 keeps its entered realizations: the operator may still enter one
    expect(entered.status).toBe(200);
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
