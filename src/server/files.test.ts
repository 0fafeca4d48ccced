/**
 * The agency's files through the API (issue 11): uploads checked by content and size, with a
 * clear Indonesian error; the bytes served only to readers of the agency; the crest in the
 * report the server produces; the dataset with its files as a bundle. On both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBundle, writeBundle } from '../io/bundle.js';
import { fileOf } from '../store/files.js';
import { refOf, sha, testCrestPng, testPhotoPng, testScanPdf } from '../report/test-files.js';
import { forEachEngine } from '../store/testing.js';
import { MAX_FILE_BYTES } from './routes/files.js';
import { AGENCY, startTestServer, type TestClient, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;

const form = (fields: Record<string, string>, file: { bytes: Buffer; name: string; type: string }): FormData => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return f;
};

/** The answer's bytes as they are (the test client reads text). */
async function bytesOf(s: TestServer, client: TestClient, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await s.app.request(path, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

forEachEngine('API: files', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the planner uploads the crest; readers of the agency get the bytes back, others 404; the report shows it', async () => {
    const png = testCrestPng();
    const up = await s.clients.planner.post(`${A}/files`, { form: form({ role: 'crest' }, { bytes: png, name: 'lambang.png', type: 'image/png' }) });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ sha256: sha(png), mediaType: 'image/png', name: 'lambang.png', size: png.byteLength });
    const ds = await s.dataset();
    expect(ds.agency.crest).toEqual({ sha256: sha(png), mediaType: 'image/png', name: 'lambang.png', size: png.byteLength });

    const head = await bytesOf(s, s.clients.head, up.body.url);
    expect(head.status).toBe(200);
    expect(head.type).toBe('image/png');
    expect(sha(head.bytes)).toBe(sha(png));
    expect((await bytesOf(s, s.clients.outsider, up.body.url)).status).toBe(404);
    expect((await bytesOf(s, s.clients.foreignAdmin, up.body.url)).status).toBe(404);
    expect((await bytesOf(s, s.anonymous(), up.body.url)).status).toBe(401);

    const html = await s.clients.head.get(`${A}/reports/lkip`, { query: { year: 2025, format: 'html' } });
    expect(html.status).toBe(200);
    expect(html.text).toContain(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('the operator may not upload; a text file named .png is refused by its content, in Indonesian', async () => {
    const png = testCrestPng();
    const denied = await s.clients.operator.post(`${A}/files`, { form: form({ role: 'crest' }, { bytes: png, name: 'lambang.png', type: 'image/png' }) });
    expect(denied.status).toBe(403);
    const fake = Buffer.from('ini bukan gambar, hanya teks biasa\n');
    const r = await s.clients.planner.post(`${A}/files`, { form: form({ role: 'crest' }, { bytes: fake, name: 'lambang.png', type: 'image/png' }) });
    expect(r.status).toBe(415);
    expect(r.body.error.localized.id).toBe('menurut isinya, "lambang.png" bukan berkas PNG, JPEG, atau PDF');
  });

  it('a file over the limit is refused with its size and the limit', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0);
    testCrestPng().copy(big); // a PNG's signature, then too many bytes
    const r = await s.clients.planner.post(`${A}/files`, { form: form({ role: 'crest' }, { bytes: big, name: 'besar.png', type: 'image/png' }) });
    expect(r.status).toBe(413);
    expect(r.body.error.localized.id).toBe('berkas "besar.png" berukuran 10.485.761 bita; berkas paling besar 10 MiB (10.485.760 bita)');
    expect((await s.dataset()).agency.crest?.name).not.toBe('besar.png');
  });

  it('a signed agreement scan is attached to its agreement; the bundle holds the dataset and every file, equal', async () => {
    const pdf = await testScanPdf(1);
    const up = await s.clients.admin.post(`${A}/files`, { form: form({ role: 'agreement-scan', target: 'pk-2025' }, { bytes: pdf, name: 'pk-2025.pdf', type: 'application/pdf' }) });
    expect(up.status).toBe(201);
    const unknown = await s.clients.admin.post(`${A}/files`, { form: form({ role: 'agreement-scan', target: 'tidak-ada' }, { bytes: pdf, name: 'x.pdf', type: 'application/pdf' }) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.localized.id).toBe('tidak ada perjanjian kinerja "tidak-ada"');
    const zip = await bytesOf(s, s.clients.head, `${A}/export/bundle`);
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    const bundle = await readBundle(zip.bytes);
    expect(JSON.parse(bundle.text)).toEqual(await s.dataset());
    expect([...bundle.files.keys()].sort()).toEqual([sha(testCrestPng()), sha(pdf)].sort());
    expect(sha(bundle.files.get(sha(pdf))!.bytes)).toBe(sha(pdf));
  });

  it('a bundle imported through the API stores the dataset and its files in one go; a forged file stores nothing', async () => {
    const ds = await s.dataset();
    const photo = testPhotoPng();
    const withPhoto = { ...ds, photos: [{ ...refOf(photo, 'image/png', 'kegiatan.png'), mediaType: 'image/png' as const, caption: 'Rapat koordinasi', indicator: 'renstra-2021-2026/UMM' }] };
    const forged = await writeBundle(JSON.stringify(withPhoto), [{ ...fileOf(photo), bytes: Buffer.concat([photo, Buffer.from([1])]) }]);
    const refused = await s.clients.planner.post('/api/import/bundle', { raw: { bytes: forged, type: 'application/zip' }, query: { store: 'true' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.localized.id).toContain('tidak sesuai dengan namanya');
    expect((await s.dataset()).photos).toBeUndefined();

    // validation only: the photo the bundle lacks is a warning at its path
    const without = await s.clients.planner.post('/api/import/bundle', { raw: { bytes: await writeBundle(JSON.stringify(withPhoto), []), type: 'application/zip' } });
    expect(without.status).toBe(200);
    expect(without.body.findings.filter((f: { code: string }) => f.code === 'missing-file').map((f: { where: string }) => f.where)).toEqual(['photos[0]']);

    const ok = await s.clients.planner.post('/api/import/bundle', { raw: { bytes: await writeBundle(JSON.stringify(withPhoto), [fileOf(photo)]), type: 'application/zip' }, query: { store: 'true' } });
    expect(ok.status).toBe(200);
    expect(ok.body.stored).toBe(true);
    expect(ok.body.findings.filter((f: { code: string }) => f.code === 'missing-file')).toEqual([]);
    expect((await s.dataset()).photos?.[0]?.caption).toBe('Rapat koordinasi');
    const served = await bytesOf(s, s.clients.operator, `${A}/files/${sha(photo)}`);
    expect(sha(served.bytes)).toBe(sha(photo));
    // the LKIP shows it after the indicator's analysis
    const html = await s.clients.head.get(`${A}/reports/lkip`, { query: { year: 2025, format: 'html' } });
    expect(html.text).toContain('<figcaption>Rapat koordinasi</figcaption>');
  });
});
