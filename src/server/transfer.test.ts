import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { forEachEngine } from '../store/testing.js';
import { createApp } from './app.js';
import { AGENCY, startTestServer, type TestServer } from './testing.js';
import { APP_CSP, chooseCoding, JSON_MIN_BYTES, REPORT_CSP } from './transfer.js';

const A = `/api/agencies/${AGENCY}`;

describe('chooseCoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseCoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseCoding('gzip')).toBe('gzip');
    expect(chooseCoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseCoding('identity')).toBeNull();
    expect(chooseCoding('*')).toBe('br');
    expect(chooseCoding('*, br;q=0')).toBe('gzip');
    expect(chooseCoding(undefined)).toBeNull();
  });
});

const decode = (coding: string | null, bytes: Buffer) => (coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes);

forEachEngine('transfer: compression and Content-Security-Policy', (engine) => {
  let s: TestServer;
  let dist: string;
  const bigJs = `export const rows = [${Array.from({ length: 4000 }, (_, i) => `{"id":${i},"name":"indikator ${i % 37}"}`).join(',')}];\n`;
  beforeAll(async () => {
    s = await startTestServer(engine);
    dist = await mkdtemp(join(tmpdir(), 'kinerja-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), `<!doctype html><html><head><script type="module" src="/assets/app-1.js"></script></head><body>${'<div id="root"></div>'.repeat(80)}</body></html>`);
    await writeFile(join(dist, 'assets', 'app-1.js'), bigJs);
    await writeFile(join(dist, 'assets', 'tiny-1.js'), 'export {};\n');
  });
  afterAll(async () => {
    await s?.close();
    await rm(dist, { recursive: true, force: true });
  });

  const raw = (app: ReturnType<typeof createApp>, path: string, headers: Record<string, string>, method = 'GET') => app.request(path, { method, headers });
  const cookie = () => [...s.clients.planner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  it('a JSON answer over the threshold comes brotli- or gzip-compressed and decodes to the same bytes; a small one does not', async () => {
    const plain = await raw(s.app, `${A}/dashboard?year=2025`, { cookie: cookie() });
    const plainBytes = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plainBytes.byteLength).toBeGreaterThan(JSON_MIN_BYTES);
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br']] as const) {
      const res = await raw(s.app, `${A}/dashboard?year=2025`, { cookie: cookie(), 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-type')).toBe('application/json');
      const sent = Buffer.from(await res.arrayBuffer());
      expect(sent.byteLength).toBeLessThan(plainBytes.byteLength / 3);
      expect(decode(coding, sent).equals(plainBytes)).toBe(true);
    }
    // an answer not kept in memory (serialized per request) is compressed too
    const agencies = await raw(s.app, '/api/agencies', { cookie: cookie(), 'accept-encoding': 'br' });
    const agenciesPlain = Buffer.from(await (await raw(s.app, '/api/agencies', { cookie: cookie() })).arrayBuffer());
    const agenciesSent = Buffer.from(await agencies.arrayBuffer());
    if (agenciesPlain.byteLength > JSON_MIN_BYTES) expect(decode(agencies.headers.get('content-encoding'), agenciesSent).equals(agenciesPlain)).toBe(true);
    else expect(agencies.headers.get('content-encoding')).toBeNull();
    // a small answer goes out as it is
    const health = await raw(s.app, '/healthz', { 'accept-encoding': 'gzip, br' });
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(health.headers.get('vary')).toBeNull();
    expect(await health.json()).toMatchObject({});
  });

  it('static files come precompressed (the same bytes every time) with Vary; HEAD gives the headers without a body; a tiny file goes out as it is', async () => {
    const app = createApp({ ...s.deps, settings: { ...s.deps.settings, webDist: dist } });
    const first = await raw(app, '/assets/app-1.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const firstBytes = Buffer.from(await first.arrayBuffer());
    expect(brotliDecompressSync(firstBytes).toString()).toBe(bigJs);
    expect(firstBytes.byteLength).toBeLessThan(bigJs.length / 10);
    const again = Buffer.from(await (await raw(app, '/assets/app-1.js', { 'accept-encoding': 'br' })).arrayBuffer());
    expect(again.equals(firstBytes)).toBe(true);
    const gz = await raw(app, '/assets/app-1.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(bigJs);
    const none = await raw(app, '/assets/app-1.js', {});
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(none.headers.get('vary')).toBe('Accept-Encoding');
    expect(await none.text()).toBe(bigJs);
    const head = await raw(app, '/assets/app-1.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('br');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const tiny = await raw(app, '/assets/tiny-1.js', { 'accept-encoding': 'br' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('export {};\n');
    // a page path gets index.html, compressed, not cached by the browser
    const page = await raw(app, '/dashboard', { 'accept-encoding': 'gzip' });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toContain('<div id="root">');
    // a rebuilt file is compressed again
    const rebuilt = bigJs.replace('indikator', 'sasaran');
    await writeFile(join(dist, 'assets', 'app-1.js'), rebuilt);
    await utimes(join(dist, 'assets', 'app-1.js'), new Date(), new Date(Date.now() + 5000));
    expect(brotliDecompressSync(Buffer.from(await (await raw(app, '/assets/app-1.js', { 'accept-encoding': 'br' })).arrayBuffer())).toString()).toBe(rebuilt);
  });

  it('pages and API answers carry the strict policy; a report as HTML its own (inline styles, data: fonts, no script)', async () => {
    const app = createApp({ ...s.deps, settings: { ...s.deps.settings, webDist: dist } });
    for (const res of [await raw(app, '/', {}), await raw(app, '/assets/app-1.js', {}), await raw(s.app, '/healthz', {}), await raw(s.app, '/api/nothing', {}), await raw(s.app, `${A}/dashboard?year=2025`, { cookie: cookie() })]) {
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toBe(APP_CSP);
      for (const d of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp.split('; ')).toContain(d);
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
    const report = await s.clients.evaluator.get(`${A}/reports/lkip`, { query: { year: 2025, format: 'html' } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-security-policy')).toBe(REPORT_CSP);
    expect(REPORT_CSP).not.toContain('script-src');
    expect(REPORT_CSP).toContain("default-src 'none'");
    // what the policy allows is what the report uses: inline <style>, data: fonts, no script
    expect(report.text).toContain('<style');
    expect(report.text).not.toMatch(/<script/i);
    expect(report.text).not.toMatch(/(src|href)="https?:/);
  });
});
