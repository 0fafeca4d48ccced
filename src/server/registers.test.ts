/**
 * The registers API (routes/registers.ts) with every role: agency A keeps the fixture's registers
 * (usaha_mikro kept by unit u1, whose operator is the test's operator; koperasi by u2); another
 * operator of A works in u2. Personal fields (pemilik, nik) are whole for the planner and u1's
 * operator and masked for everyone else; an audit entry is written exactly when they were shown
 * whole or exported; imports preview, refuse a bad file whole and store a good one only as shown.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureRegisters } from '../core/registers/fixtures.js';
import { forEachEngine } from '../store/testing.js';
import { createAccount } from './auth.js';
import { AGENCY, agencyA, agencyB, agencyC, startTestServer, TEST_PASSWORD, TestClient, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const UM = `${A}/registers/usaha_mikro`;
const NIK = '3509123456789012';

function agencyWithRegisters() {
  const ds = agencyA();
  ds.registers = fixtureRegisters().map((r) => ({ ...r, ...(r.unit ? { unit: r.unit === 'bid-ukm' ? 'u1' : 'u2' } : {}) }));
  return ds;
}

const csv = (...lines: string[]) => ({ raw: { bytes: new TextEncoder().encode(lines.join('\n') + '\n'), type: 'text/csv' } });
const GOOD = csv(
  'nib,nama_usaha,pemilik,nik,sektor,kecamatan,berdiri,tenaga_kerja',
  `1234567890123,Warung Bu Siti,Siti Aminah,${NIK},kuliner,Ajung,2019-04-01,3`,
  '1234567890124,Batik Pak Budi,Budi Santoso,3509123456789013,fesyen,Patrang,12/05/2020,5',
  '1234567890125,Kriya Bambu,Ahmad Fauzi,3509123456789014,kriya,Ajung,,2',
);

forEachEngine('registers API', (engine) => {
  let s: TestServer;
  let otherOperator: TestClient;
  const auditCount = async () => Number((await s.pool.query(`SELECT count(*) AS n FROM audit_log WHERE entity = 'register'`)).rows[0].n);
  const lastAudit = async () => (await s.pool.query(`SELECT * FROM audit_log WHERE entity = 'register' ORDER BY id DESC LIMIT 1`)).rows[0];

  beforeAll(async () => {
    s = await startTestServer(engine, { datasets: [agencyWithRegisters(), agencyB(), agencyC()] });
    await createAccount(s.deps.auth, { username: 'operator2@dinco', name: 'Operator Koperasi', role: 'operator', agencyId: AGENCY, unitId: 'u2', password: TEST_PASSWORD });
    otherOperator = new TestClient(s.app);
    expect((await otherOperator.post('/api/auth/sign-in', { body: { username: 'operator2@dinco', password: TEST_PASSWORD } })).status).toBe(200);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports: a bad file lists its problems by row and column and stores nothing; a good one previews, then stores exactly what was shown', async () => {
    const bad = await s.clients.planner.post(`${UM}/import`, {
      ...csv('nib,nama_usaha,nik,sektor', '1234567890123,Warung,123,kuliner', '1234567890123,Warung Dua,3509123456789012,otomotif'),
      query: { store: 'true' },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.stored).toBe(false);
    expect(bad.body.token).toBeNull();
    expect(bad.body.problems.map((p: { row: number; column: string; message: { id: string } }) => `baris ${p.row}, kolom ${p.column}: ${p.message.id}`)).toEqual([
      'baris 2, kolom nik: "123" tidak sesuai bentuk yang diharapkan ([0-9]{16})',
      expect.stringMatching(/^baris 3, kolom sektor: .*otomotif/),
      expect.stringMatching(/^baris 3, kolom nib: .*baris 2/),
    ]);
    expect((await s.clients.planner.get(`${UM}/rows`)).body.total).toBe(0);

    const preview = await s.clients.operator.post(`${UM}/import`, GOOD);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 3, problemCount: 0, stored: false, preview: { added: { count: 3, first: ['Warung Bu Siti', 'Batik Pak Budi', 'Kriya Bambu'] }, removed: { count: 0 } } });
    expect((await s.clients.planner.get(`${UM}/rows`)).body.total).toBe(0);
    // a token from another preview (the same register, another file) is refused and stores nothing
    const before = await auditCount();
    const wrong = await s.clients.operator.post(`${UM}/import`, { ...GOOD, query: { store: 'true', expect: 'f'.repeat(32) } });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('changed-since-preview');
    expect((await s.clients.planner.get(`${UM}/rows`)).body.total).toBe(0);
    const stored = await s.clients.operator.post(`${UM}/import`, { ...GOOD, query: { store: 'true', expect: preview.body.token } });
    expect(stored.status).toBe(200);
    expect(stored.body.stored).toBe(true);
    expect((await s.clients.planner.get(`${UM}/rows`)).body.total).toBe(3);
    expect(await auditCount()).toBe(before + 2); // the import, and the planner's page with NIK whole
  });

  it('an XLSX file is read by its bytes, and who does not keep the register may not import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Koperasi');
    ws.addRow(['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2026']);
    ws.addRow(['BH-1', 'KSP Maju', 'Ajung', 'aktif']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const post = (c: TestClient) => c.post(`${A}/registers/koperasi/import`, { raw: { bytes, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    // koperasi is kept by u2: its operator imports it, u1's operator does not
    expect((await post(s.clients.operator)).status).toBe(403);
    for (const c of [s.clients.head, s.clients.admin, s.clients.evaluator]) expect((await post(c)).status).toBe(403);
    expect((await post(s.clients.outsider)).status).toBe(404);
    const r = await post(otherOperator);
    expect(r.status).toBe(200);
    expect(r.body.preview.added).toEqual({ count: 1, first: ['KSP Maju'] });
    // a .zip that is no workbook: refused in words, nothing stored
    const zip = await otherOperator.post(`${A}/registers/koperasi/import`, { raw: { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), type: 'application/octet-stream' } });
    expect(zip.status).toBe(422);
    expect(zip.body.error.localized.id).toContain('tidak dapat dibaca');
  });

  it('masks personal fields for every role but the planner and the keeping operator, and audits exactly the unmasked views', async () => {
    const expectWhole = { planner: true, operator: true, head: false, admin: false, evaluator: false } as const;
    for (const [who, whole] of Object.entries(expectWhole)) {
      const c = s.clients[who as keyof typeof expectWhole];
      const before = await auditCount();
      const e = await c.get(`${UM}/entities/1234567890123`);
      expect(e.status, who).toBe(200);
      expect(e.body.register.seesPersonal, who).toBe(whole);
      expect(e.body.entity.data.nik, who).toBe(whole ? NIK : '3509**********12');
      expect(e.body.entity.data.pemilik, who).toBe(whole ? 'Siti Aminah' : 'S*** A*****');
      expect(e.body.entity.data.nama_usaha, who).toBe('Warung Bu Siti');
      const page = await c.get(`${UM}/rows`, { query: { q: 'warung' } });
      expect(page.body.rows.map((r: { data: { nik: string } }) => r.data.nik), who).toEqual([whole ? NIK : '3509**********12']);
      expect(await auditCount(), who).toBe(before + (whole ? 2 : 0));
      if (whole) {
        const a = await lastAudit();
        expect(a).toMatchObject({ actor_name: who === 'planner' ? 'perencana@dinco' : 'operator@dinco', record_key: 'usaha_mikro', action: 'view-personal' });
        expect(a.after).toEqual({ personalFields: ['Pemilik', 'NIK'], entities: 1, search: 'warung' });
      }
    }
    // the other unit's operator: masked, not audited; another agency's planner: not found
    const before = await auditCount();
    expect((await otherOperator.get(`${UM}/entities/1234567890123`)).body.entity.data.nik).toBe('3509**********12');
    expect(await auditCount()).toBe(before);
    expect((await s.clients.outsider.get(`${UM}/entities/1234567890123`)).status).toBe(404);
    expect((await s.clients.foreignAdmin.get(`${A}/registers`)).status).toBe(404);
    // a page without a personal value shown (no match) is not audited
    await s.clients.planner.get(`${UM}/rows`, { query: { q: 'tidak ada yang cocok' } });
    expect(await auditCount()).toBe(before);
  });

  it('the audit page names the register, the entity and the fields in Indonesian', async () => {
    await s.clients.planner.get(`${UM}/entities/1234567890124`);
    const log = await s.clients.head.get(`${A}/audit`, { query: { entity: 'register', action: 'view-personal', limit: 1 } });
    expect(log.status).toBe(200);
    const e = log.body.entries[0];
    expect(e.subject.id).toBe('register Usaha Mikro, entitas 1234567890124');
    expect(e.actionLabel.id).toBe('data pribadi dilihat');
    // (jsonb keeps its own order of keys)
    expect(e.changes.map((c: { field: { id: string }; after: { id: string } }) => `${c.field.id}: ${c.after.id}`).sort()).toEqual([
      'data pribadi yang ditampilkan utuh: Pemilik; NIK',
      'jumlah entitas: 1',
    ]);
  });

  it('lists, searches, filters and pages; refuses an unknown filter with where and what', async () => {
    const list = await s.clients.head.get(`${A}/registers`);
    expect(list.body.registers.map((r: { id: string; rows: number; seesPersonal: boolean; mayImport: boolean }) => [r.id, r.rows, r.seesPersonal, r.mayImport])).toEqual([
      ['koperasi', 0, false, false],
      ['usaha_mikro', 3, false, false],
      ['fasilitasi', 0, false, false],
    ]);
    expect((await s.clients.operator.get(`${A}/registers`)).body.registers.map((r: { mayImport: boolean }) => r.mayImport)).toEqual([false, true, false]);
    const ajung = await s.clients.head.get(`${UM}/rows`, { query: { 'filter[kecamatan]': 'ajung', size: 1 } });
    expect([ajung.body.total, ajung.body.rows.map((r: { key: string }) => r.key)]).toEqual([2, ['1234567890123']]);
    const p2 = await s.clients.head.get(`${UM}/rows`, { query: { 'filter[kecamatan]': 'ajung', size: 1, page: 2 } });
    expect(p2.body.rows.map((r: { label: string }) => r.label)).toEqual(['Kriya Bambu']);
    const bad = await s.clients.head.get(`${UM}/rows`, { query: { 'filter[nik]': '1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.findings[0].where).toBe('query.filter[nik]');
    expect(bad.body.error.localized.id).toContain('tidak dapat disaring menurut "nik"');
    expect((await s.clients.head.get(`${A}/registers/anggota/rows`)).status).toBe(404);
    expect((await s.clients.head.get(`${UM}/entities/999`)).status).toBe(404);
  });

  it('exports without personal fields by default; with them only for who sees them whole, audited', async () => {
    const before = await auditCount();
    const plain = await s.clients.head.get(`${UM}/export`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toContain('text/csv');
    const [header, first] = plain.text.trim().split('\n');
    expect(header).toBe('nib,nama_usaha,sektor,kecamatan,berdiri,tenaga_kerja');
    expect(first).toBe('1234567890123,Warung Bu Siti,kuliner,Ajung,2019-04-01,3');
    expect(await auditCount()).toBe(before);
    for (const c of [s.clients.head, s.clients.admin, s.clients.evaluator, otherOperator]) expect((await c.get(`${UM}/export`, { query: { personal: '1' } })).status).toBe(403);
    const whole = await s.clients.planner.get(`${UM}/export`, { query: { personal: '1', format: 'xlsx' } });
    expect(whole.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(whole.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'nib', 'nama_usaha', 'pemilik', 'nik', 'sektor', 'kecamatan', 'berdiri', 'tenaga_kerja']);
    expect(ws.getRow(2).getCell(4).value).toBe(NIK);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({ action: 'export-personal', record_key: 'usaha_mikro', after: { personalFields: ['Pemilik', 'NIK'], entities: 3, format: 'XLSX' } });
  });

  it('an entity shows its events: the entities of other registers that refer to it', async () => {
    await s.clients.planner.post(`${A}/registers/koperasi/import`, { ...csv('nomor_badan_hukum,nama,kecamatan', 'BH-1,KSP Maju,Ajung', 'BH-2,KSU Sejahtera,Patrang'), query: { store: 'true' } });
    const ev = await s.clients.planner.post(`${A}/registers/fasilitasi/import`, {
      ...csv('nomor,tanggal,jenis,koperasi', 'F-1,2026-02-01,pelatihan,BH-1', 'F-2,2026-05-03,pendampingan,BH-1', 'F-3,2026-03-10,pelatihan,BH-2'),
      query: { store: 'true' },
    });
    expect(ev.body.stored).toBe(true);
    const e = await s.clients.head.get(`${A}/registers/koperasi/entities/BH-1`);
    expect(e.body.events.map((x: { register: { id: string }; total: number; rows: { key: string }[] }) => [x.register.id, x.total, x.rows.map((r) => r.key)])).toEqual([['fasilitasi', 2, ['F-2', 'F-1']]]);
  });
});
