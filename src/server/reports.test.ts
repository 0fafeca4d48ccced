/**
 * The report routes: LKIP, agreement and review as files, built from the stored dataset like
 * the command line builds them; readable by whoever may read the agency, 404 to others; PDF
 * through the server's one renderer, 503 with the installation hint without Chromium.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildReport } from '../report/produce.js';
import { renderHtml } from '../report/html.js';
import { chromiumAvailable, createPdfRenderer } from '../report/pdf.js';
import { forEachEngine } from '../store/testing.js';
import { createAccount } from './auth.js';
import { sharedPdfRenderer } from './server.js';
import { AGENCY, OTHER_AGENCY, startTestServer, TEST_PASSWORD, type TestClient, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;

/** A GET whose body is read as bytes (the test client reads text). */
async function download(s: TestServer, client: TestClient, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await s.app.request(path, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

forEachEngine('report routes', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('LKIP as DOCX: an attachment named LKIP-<agency>-<year>.docx that unzips and names the agency', async () => {
    const r = await download(s, s.clients.planner, `${A}/reports/lkip?year=2025&format=docx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="LKIP-dinco-2025.docx"');
    expect(Number(r.headers.get('content-length'))).toBe(r.bytes.length);
    const zip = await JSZip.loadAsync(r.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Dinas Contoh');
  });

  it('LKIP as HTML: the same document the command line writes, with the executive summary', async () => {
    const r = await s.clients.evaluator.get(`${A}/reports/lkip`, { query: { year: 2025, format: 'html' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.text).toContain('IKHTISAR EKSEKUTIF');
    const ds = await s.dataset();
    expect(r.text).toBe(renderHtml(buildReport(ds, { kind: 'lkip', year: 2025 })));
  });

  it('LKIP as XLSX, an agreement as DOCX, the review as JSON', async () => {
    const x = await download(s, s.clients.head, `${A}/reports/lkip?year=2025&format=xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-disposition')).toBe('attachment; filename="LKIP-dinco-2025.xlsx"');
    expect(x.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const pk = await download(s, s.clients.operator, `${A}/reports/agreement/pk-2025?format=docx`);
    expect(pk.status).toBe(200);
    expect(pk.headers.get('content-disposition')).toBe('attachment; filename="PK-dinco-pk-2025.docx"');
    const xml = await (await JSZip.loadAsync(pk.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Dinas Contoh');

    const rv = await s.clients.admin.get(`${A}/reports/review`, { query: { year: 2025, format: 'json' } });
    expect(rv.status).toBe(200);
    expect(rv.headers.get('content-disposition')).toBe('attachment; filename="Reviu-LKIP-dinco-2025.json"');
    expect(rv.body.title).toBe(buildReport(await s.dataset(), { kind: 'review', year: 2025 }).title);
  });

  it('an unknown agreement is 404, a format a kind has not is 400', async () => {
    const missing = await s.clients.planner.get(`${A}/reports/agreement/pk-1999`, { query: { format: 'docx' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.findings[0].where).toBe('params.agreement');
    const bad = await s.clients.planner.get(`${A}/reports/review`, { query: { year: 2025, format: 'xlsx' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.findings[0].where).toContain('query.format');
  });

  it('an operator of another agency gets 404, as for an agency that does not exist', async () => {
    await createAccount(s.deps.auth, { username: 'operator@dinlain', name: 'Operator Lain', role: 'operator', agencyId: OTHER_AGENCY, unitId: 'u1', password: TEST_PASSWORD });
    const stranger = s.anonymous();
    const signed = await stranger.post('/api/auth/sign-in', { body: { username: 'operator@dinlain', password: TEST_PASSWORD } });
    expect(signed.status).toBe(200);
    for (const path of [`${A}/reports/lkip?year=2025&format=html`, `${A}/reports/agreement/pk-2025?format=docx`, `${A}/reports/review?year=2025&format=html`]) {
      const r = await stranger.get(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe('not-found');
    }
    // their own agency's report they do get
    expect((await stranger.get(`/api/agencies/${OTHER_AGENCY}/reports/lkip`, { query: { year: 2025, format: 'html' } })).status).toBe(200);
  });

  it('without Chromium a PDF is 503 with the installation hint; other formats still work', async () => {
    const shared = s.deps.pdf;
    s.deps.pdf = sharedPdfRenderer(() => createPdfRenderer({ executablePath: '/nonexistent/chromium' }));
    try {
      const r = await s.clients.planner.get(`${A}/reports/lkip`, { query: { year: 2025, format: 'pdf' } });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('pdf-unavailable');
      expect(r.body.error.message).toContain('Chromium was not found at /nonexistent/chromium');
      expect(r.body.error.message).toContain('@sparticuz/chromium');
      expect((await s.clients.planner.get(`${A}/reports/lkip`, { query: { year: 2025, format: 'html' } })).status).toBe(200);
    } finally {
      await s.deps.pdf.close();
      s.deps.pdf = shared;
    }
  });

  it.skipIf(!chromiumAvailable())('PDF through the server’s one renderer, reused for the next PDF', async () => {
    const first = await download(s, s.clients.planner, `${A}/reports/agreement/pk-2025?format=pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const renderer = s.deps.pdf.get();
    const second = await download(s, s.clients.head, `${A}/reports/lkip?year=2025&format=pdf`);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-disposition')).toBe('attachment; filename="LKIP-dinco-2025.pdf"');
    expect(s.deps.pdf.get()).toBe(renderer);
  }, 120_000);
});
