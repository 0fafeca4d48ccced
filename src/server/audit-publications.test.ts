/**
 * The audit log as people read it (records and fields in words, filters, CSV, who may read it)
 * and issued reports in the app (issue, list, download as issued, reproduce, changes since).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import { AGENCY, startTestServer, TEST_REGION, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';
/** what a person must not meet: a dataset path, an owner/local reference, a record key */
const ID_LIKE = /\w\[\d+\]|\b[a-z]+(?:-[a-z0-9]+)+\/[A-Za-z0-9_]+|@\d{4}/;

forEachEngine('audit page and issued reports', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('names each record and changed field in words, filters by person, action and day, and keeps operators out', async () => {
    const { operator, planner } = s.clients;
    const entered = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q2', numerator: 300, denominator: 1000 } });
    expect(entered.status).toBe(200);
    const changed = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q2', numerator: 450.5, denominator: 1000, version: entered.body.version } });
    expect(changed.status).toBe(200);
    const submitted = await operator.post(`${A}/realizations/transition`, {
      body: { indicator: UMM, year: 2026, period: 'Q2', action: 'submit', version: changed.body.version, note: '=HYPERLINK("http://x")' },
    });
    expect(submitted.status).toBe(200);

    const log = await planner.get(`${A}/audit`, { query: { actor: 'operator@dinco' } });
    expect(log.status).toBe(200);
    const entries = log.body.entries as { action: string; subject: { id: string }; actionLabel: { id: string }; changes: { field: { id: string }; before: { id: string } | null; after: { id: string } | null }[] }[];
    expect(entries.map((e) => e.action).slice(0, 3)).toEqual(['submit', 'enter', 'enter']);
    for (const e of entries) {
      expect(e.subject.id, JSON.stringify(e.subject)).not.toMatch(ID_LIKE);
      for (const c of e.changes) expect(c.field.id).not.toMatch(ID_LIKE);
    }
    expect(entries[0]!.subject.id).toMatch(/^realisasi Triwulan II 2026 — /);
    expect(entries[0]!.actionLabel.id).toBe('diajukan');
    expect(entries[0]!.changes).toContainEqual({ field: { en: 'workflow state', id: 'status alur kerja' }, before: { en: 'draft', id: 'draf' }, after: { en: 'submitted', id: 'diajukan' } });
    expect(entries[1]!.changes).toContainEqual({ field: { en: 'numerator', id: 'pembilang' }, before: { en: '300', id: '300' }, after: { en: '450,5', id: '450,5' } });
    expect(log.body.facets.actors).toContain('operator@dinco');

    const onlySubmit = await planner.get(`${A}/audit`, { query: { action: 'submit' } });
    expect(onlySubmit.body.entries.every((e: { action: string }) => e.action === 'submit')).toBe(true);
    expect(onlySubmit.body.entries.length).toBeGreaterThan(0);
    const future = await planner.get(`${A}/audit`, { query: { from: '2100-01-01' } });
    expect(future.body.entries).toEqual([]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const todays = await planner.get(`${A}/audit`, { query: { from: today, to: today, actor: 'operator@dinco' } });
    expect(todays.body.entries.length).toBe(entries.length);
    const wrongOrder = await planner.get(`${A}/audit`, { query: { from: '2026-02-01', to: '2026-01-01' } });
    expect(wrongOrder.status).toBe(400);

    // the operator enters figures but does not read the log
    const refused = await operator.get(`${A}/audit`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.localized.id).toMatch(/jejak audit/);
    expect((await operator.get(`${A}/audit.csv`)).status).toBe(403);

    const csv = await planner.get(`${A}/audit.csv`, { query: { actor: 'operator@dinco' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = csv.text;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Waktu (WIB)";"Pengguna";"Peran";"Perangkat daerah";"Jenis data";"Data";"Tindakan";"Perubahan";"Catatan"');
    expect(body).toContain('"diajukan"');
    expect(body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(body).not.toMatch(ID_LIKE);
  });

  it("gives the region's admin the whole region's log", async () => {
    const r = await s.clients.admin.get(`/api/regions/${encodeURIComponent(TEST_REGION)}/audit`, { query: { limit: 500 } });
    expect(r.status).toBe(200);
    expect(r.body.entries.some((e: { agencyName: string | null }) => e.agencyName !== null)).toBe(true);
    expect((await s.clients.evaluator.get(`/api/regions/${encodeURIComponent(TEST_REGION)}/audit`)).status).toBe(403);
  });

  it('issues an agreement, lists it with who and hashes, serves the file as issued, reproduces it and shows the changes since', async () => {
    const { planner, operator, evaluator } = s.clients;
    const ds = (await planner.get(`${A}/export`)).body;
    const ag = ds.agreements[0];
    const issued = await planner.post(`${A}/publications`, { body: { kind: 'agreement', agreement: ag.id, formats: ['html', 'docx'] } });
    expect(issued.status).toBe(201);
    expect(issued.body.issuedBy).toBe('perencana@dinco');
    expect(issued.body.title.id).toMatch(/^Perjanjian Kinerja( Perubahan)? Tahun \d{4}$/);
    expect(issued.body.files.map((f: { format: string }) => f.format).sort()).toEqual(['docx', 'html']);

    const list = await evaluator.get(`${A}/publications`);
    expect(list.body.publications[0].id).toBe(issued.body.id);

    const docx = issued.body.files.find((f: { format: string }) => f.format === 'docx');
    const file = await evaluator.get(`${A}/publications/${issued.body.id}/files/docx`);
    expect(file.status).toBe(200);
    const bytes = file.bytes;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(docx.sha256);
    expect(file.headers.get('x-content-sha256')).toBe(docx.sha256);

    const repro = await evaluator.post(`${A}/publications/${issued.body.id}/reproduce`);
    expect(repro.status).toBe(200);
    expect(repro.body.matches).toBe(true);
    expect(repro.body.files.every((f: { matches: boolean }) => f.matches)).toBe(true);

    const none = await planner.get(`${A}/publications/${issued.body.id}/changes`);
    expect(none.body.dataset).toEqual([]);
    // a change after issue shows, its place in words
    const put = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q3', numerator: 10, denominator: 100 } });
    expect(put.status).toBe(200);
    const since = await planner.get(`${A}/publications/${issued.body.id}/changes`);
    expect(since.body.dataset.length).toBeGreaterThan(0);
    for (const c of since.body.dataset) expect(c.place.id).not.toMatch(ID_LIKE);
    expect(since.body.dataset.some((c: { place: { id: string } }) => /Triwulan III 2026/.test(c.place.id))).toBe(true);

    // an operator does not issue; a report of another agency is not found
    expect((await operator.post(`${A}/publications`, { body: { kind: 'agreement', agreement: ag.id, formats: ['html'] } })).status).toBe(403);
    expect((await planner.get(`${A}/publications/nope/changes`)).status).toBe(404);
    // the issue is in the audit log
    const log = await planner.get(`${A}/audit`, { query: { entity: 'publication' } });
    expect(log.body.entries[0].actionLabel.id).toBe('diterbitkan');
  });

  it('issues a review only signed: without its reviewer it is a draft and refused; with one it is issued and reproduced', async () => {
    const { head } = s.clients;
    const unsigned = await head.post(`${A}/publications`, { body: { kind: 'review', year: 2025, formats: ['html'] } });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.error.localized.id).toMatch(/draf/i);
    const reviewer = { name: 'Dra. Contoh Pereviu', nip: '197001011990032001', position: 'Auditor Ahli Madya', unit: 'Inspektorat Kabupaten Contoh', place: 'Contoh', date: '2026-02-10' };
    const signed = await head.post(`${A}/publications`, { body: { kind: 'review', year: 2025, formats: ['html'], reviewer } });
    expect(signed.status).toBe(201);
    expect(signed.body.title.id).toBe('Reviu LKIP Tahun 2025');
    const file = await head.get(`${A}/publications/${signed.body.id}/files/html`);
    expect(file.text).toContain('Dra. Contoh Pereviu');
    expect((await head.post(`${A}/publications/${signed.body.id}/reproduce`)).body.matches).toBe(true);
  });

  it('refuses an LKIP resting on realizations not yet approved, naming them in Indonesian', async () => {
    const r = await s.clients.head.post(`${A}/publications`, { body: { kind: 'lkip', year: 2026, formats: ['html'] } });
    expect(r.status).toBe(422);
    expect(r.body.error.localized.id).toMatch(/belum disetujui/);
  });
});
