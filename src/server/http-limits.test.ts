/**
 * Limits that need a real listening server (@hono/node-server on a loopback port), since
 * `app.request()` skips node-server's request stream and sets no Host header of its own:
 * request bodies limited while they stream, whatever their framing, before authentication;
 * Host headers that are not the server's refused.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { CSRF_COOKIE } from './csrf.js';
import type { ServerSettings } from './deps.js';
import { startTestServer, type TestServer } from './testing.js';
import { stopSharedPglite, testEngines } from '../store/testing.js';

const MIB = 1024 * 1024;

interface Listening {
  port: number;
  /** bytes the server read from the sockets opened since the last call */
  bytesReadSince(): number;
  close(): Promise<void>;
}

async function listen(app: ReturnType<typeof createApp>): Promise<Listening> {
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  let sockets: Socket[] = [];
  server.on('connection', (s: Socket) => sockets.push(s));
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    bytesReadSince() {
      const n = sockets.reduce((sum, s) => sum + s.bytesRead, 0);
      sockets = [];
      return n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON shapes
  /** request body bytes the client had handed to its socket when the answer came */
  sent: number;
}

/**
 * One request over a fresh connection. `chunked` streams that many bytes of JSON-ish filler with
 * Transfer-Encoding: chunked (no Content-Length), as fast as the socket takes them, until the answer
 * comes; `body` sends a fixed body with its Content-Length (or `contentLength` declares another).
 */
function send(
  port: number,
  o: { method?: string; path: string; headers?: Record<string, string>; body?: string; chunked?: number; contentLength?: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...o.headers };
    if (o.chunked !== undefined) headers['transfer-encoding'] = 'chunked';
    else if (o.contentLength !== undefined) headers['content-length'] = o.contentLength;
    else if (o.body !== undefined) headers['content-length'] = Buffer.byteLength(o.body);
    const req = http.request({ host: '127.0.0.1', port, path: o.path, method: o.method ?? 'GET', headers, agent: false });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const at = sent;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        req.destroy();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent: at });
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (o.chunked !== undefined) {
      const total = o.chunked;
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end();
      };
      pump();
    } else if (o.contentLength !== undefined) {
      req.write('{"username":"x"'); // far less than declared: the server must not wait for the rest
    } else {
      req.end(o.body);
    }
  });
}

const engine = testEngines()[0]!;

describe(`a listening server [${engine}]`, () => {
  let s: TestServer;
  let srv: Listening;
  /** a valid CSRF cookie and header, as a page of the server's own would send them */
  let csrf: Record<string, string>;
  beforeAll(async () => {
    s = await startTestServer(engine, { datasets: [], accounts: false });
    srv = await listen(s.app);
    const res = await send(srv.port, { path: '/api/auth/csrf', headers: { host: 'localhost' } });
    expect(res.status).toBe(200);
    const token = res.body.csrfToken as string;
    csrf = { host: 'localhost', cookie: `${CSRF_COOKIE}=${token}`, 'x-csrf-token': token, 'content-type': 'application/json' };
  });
  afterAll(async () => {
    await srv?.close();
    await s?.close();
    await stopSharedPglite();
  });

  it('a chunked sign-in body past 1 MiB is answered 413 as soon as the limit is passed, having read a bounded number of bytes', async () => {
    srv.bytesReadSince();
    const res = await send(srv.port, { method: 'POST', path: '/api/auth/sign-in', headers: csrf, chunked: 64 * MIB });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'too-large', message: 'the request body is larger than 1 MiB', localized: { id: 'isi permintaan lebih besar dari 1 MiB' } });
    expect(res.body.error.findings[0].where).toBe('body');
    await new Promise((r) => setTimeout(r, 700)); // node-server drains what is in flight for at most 500 ms, then closes
    const read = srv.bytesReadSince();
    expect(read).toBeGreaterThan(1 * MIB);
    expect(read).toBeLessThan(8 * MIB);
    // the server is fine afterwards
    expect((await send(srv.port, { path: '/healthz', headers: { host: 'localhost' } })).status).toBe(200);
  });

  it('the import route allows a larger body (maxDatasetBytes), still limited while it streams and before authentication', async () => {
    const limit = s.deps.settings.maxDatasetBytes;
    srv.bytesReadSince();
    const res = await send(srv.port, { method: 'POST', path: '/api/import', headers: csrf, chunked: limit + 16 * MIB });
    expect(res.status).toBe(413); // not 401: the body is limited before the session is looked at
    expect(res.body.error.message).toBe(`the request body is larger than ${limit / MIB} MiB`);
    await new Promise((r) => setTimeout(r, 700));
    expect(srv.bytesReadSince()).toBeLessThan(limit + 8 * MIB);
    // a body within the limit reaches authentication
    expect((await send(srv.port, { method: 'POST', path: '/api/import', headers: csrf, chunked: 2 * MIB })).status).toBe(401);
  });

  it('a declared Content-Length past the limit is answered 413 at once, without waiting for the body', async () => {
    const res = await send(srv.port, { method: 'POST', path: '/api/auth/sign-in', headers: csrf, contentLength: 400 * MIB });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too-large');
  });

  it('a request whose Host is not the public address is refused (421), before anything else; /healthz answers loopback', async () => {
    for (const path of ['/api/auth/csrf', '/healthz', '/', '/api/openapi.json']) {
      const res = await send(srv.port, { path, headers: { host: 'evil.example' } });
      expect(res.status, path).toBe(421);
      expect(res.body.error).toMatchObject({ code: 'wrong-host', findings: [{ where: 'headers.host' }] });
      expect(res.body.error.message).toContain('http://localhost');
      expect(res.body.error.localized.id).toContain('http://localhost');
    }
    // a browser asking for a page gets the message as a page
    const page = await send(srv.port, { path: '/', headers: { host: 'evil.example', accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(421);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('server ini hanya menjawab di http://localhost, bukan di &#34;evil.example&#34;');
    expect(page.body).toContain('this server answers at http://localhost only');
    // a rebinding page at evil.example:<port> is refused too, and sends nothing that changes data
    const signIn = await send(srv.port, { method: 'POST', path: '/api/auth/sign-in', headers: { ...csrf, host: `evil.example:${srv.port}`, origin: `http://evil.example:${srv.port}` }, body: '{"username":"admin@contoh","password":"x"}' });
    expect(signIn.status).toBe(421);
    // the public address passes; a loopback address is not the public one (it is configured), but /healthz answers it
    expect((await send(srv.port, { path: '/api/auth/csrf', headers: { host: 'localhost' } })).status).toBe(200);
    expect((await send(srv.port, { path: '/api/auth/csrf', headers: { host: `127.0.0.1:${srv.port}` } })).status).toBe(421);
    expect((await send(srv.port, { path: '/healthz', headers: { host: `127.0.0.1:${srv.port}` } })).status).toBe(200);
    expect((await send(srv.port, { path: '/healthz', headers: { host: `localhost:${srv.port}` } })).status).toBe(200);
  });

  it('without a configured public address: loopback hosts on the server port only, and only their origins may change data', async () => {
    const settings: ServerSettings = { ...s.deps.settings, loopbackHosts: true };
    const dev = await listen(createApp({ ...s.deps, settings }));
    try {
      const csrfRes = await send(dev.port, { path: '/api/auth/csrf', headers: { host: `127.0.0.1:${dev.port}` } });
      expect(csrfRes.status).toBe(200);
      for (const host of [`localhost:${dev.port}`, `[::1]:${dev.port}`]) expect((await send(dev.port, { path: '/api/auth/csrf', headers: { host } })).status, host).toBe(200);
      for (const host of [`localhost:${dev.port + 1}`, '127.0.0.1', `evil.example:${dev.port}`]) expect((await send(dev.port, { path: '/api/auth/csrf', headers: { host } })).status, host).toBe(421);
      const token = csrfRes.body.csrfToken as string;
      const change = (origin: string) =>
        send(dev.port, {
          method: 'POST',
          path: '/api/auth/sign-in',
          headers: { host: `127.0.0.1:${dev.port}`, origin, cookie: `${CSRF_COOKIE}=${token}`, 'x-csrf-token': token, 'content-type': 'application/json' },
          body: '{"username":"nobody@contoh","password":"salah"}',
        });
      expect((await change(`http://127.0.0.1:${dev.port}`)).status).toBe(401); // reached the password check
      expect((await change(`http://localhost:${dev.port}`)).status).toBe(401);
      const other = await change(`http://127.0.0.1:${dev.port + 1}`);
      expect(other.status).toBe(403);
      expect(other.body.error.code).toBe('csrf-origin');
    } finally {
      await dev.close();
    }
  });
});
