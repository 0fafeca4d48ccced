/**
 * The drill-down's API on a test server (today 2026-01-15: 2025 has ended): agency A with the
 * drill fixture's registers and indicators counted from 2025, rows imported through the store; the
 * figure and the lists held to the conditions evaluated in memory; CSV and XLSX read back;
 * the history of events; refusals.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { selectKeys, windowOf, type EntitiesByRegister } from '../core/registers/conditions.js';
import { asSourceRows, drillRows, KOP_REF, KOP_TABLE, UMK_REF, withDrill } from '../core/registers/drill-fixtures.js';
import type { Entity } from '../core/registers/rows.js';
import { createRegisterQueries } from '../store/registers.js';
import { forEachEngine } from '../store/testing.js';
import { AGENCY, agencyA, agencyB, agencyC, startTestServer, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const ds = withDrill(agencyA(), 2025);
const regs = ds.registers!;
const ROWS = drillRows(90, 3);
// a cooperative whose name a spreadsheet would take for a formula, facilitated in 2025
ROWS.koperasi.push(['BH-09999', '=HYPERLINK("http://contoh.invalid")', 'Ajung', 'aktif', 'aktif', 'ya']);
ROWS.fasilitasi.push(['F-999999', '2025-05-05', 'pelatihan', 'BH-09999']);

forEachEngine('drill-down API', (engine) => {
  let s: TestServer;
  let mem: EntitiesByRegister;
  beforeAll(async () => {
    s = await startTestServer(engine, { datasets: [ds, agencyB(), agencyC()] });
    const q = createRegisterQueries(s.pool);
    const m = new Map<string, Entity[]>();
    for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro'] as const) {
      expect((await q.importRows(AGENCY, id, asSourceRows(ROWS[id]), { store: true })).stored).toBe(true);
      const es: Entity[] = [];
      for await (const e of q.exportRows(AGENCY, id)) es.push(e);
      m.set(id, es);
    }
    mem = m;
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it("an indicator's figure, its words and its counted, not counted and population pages", async () => {
    const w = windowOf(2025, 'Q4');
    const counted = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }, { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] }, w);
    const pop = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] }, w);
    const r = await s.clients.head.get(`${A}/drill`, { query: { indicator: KOP_REF, year: 2025, pageSize: 10 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      kind: 'indicator',
      year: 2025,
      period: 'Q4',
      periodLabel: 'Triwulan IV 2025',
      asOf: '2025-12-31',
      indicator: { ref: KOP_REF, name: 'Persentase Koperasi Aktif yang Difasilitasi', unit: '%', share: true },
      register: { id: 'koperasi', name: 'Koperasi', keyName: 'Nomor Badan Hukum', labelName: 'Nama Koperasi' },
      figure: { numerator: counted.length, denominator: pop.length },
      words: { population: 'Koperasi dengan status aktif pada tahun berjalan' },
      side: 'counted',
      total: counted.length,
    });
    expect(r.body.figure.value).toBeCloseTo((100 * counted.length) / pop.length, 10);
    expect(r.body.entities.map((e: { key: string }) => e.key)).toEqual(counted.slice(0, 10));
    expect(r.body.fields.map((f: { id: string }) => f.id)).toEqual(['kecamatan', 'status', 'rat', 'kesehatan']);
    const not = await s.clients.head.get(`${A}/drill`, { query: { indicator: KOP_REF, year: 2025, side: 'not-counted', page: 2, pageSize: 5 } });
    expect(not.body.total).toBe(pop.length - counted.length);
    expect(not.body.entities.map((e: { key: string }) => e.key)).toEqual(pop.filter((k) => !counted.includes(k)).slice(5, 10));
    const all = await s.clients.evaluator.get(`${A}/drill`, { query: { indicator: KOP_REF, year: 2025, side: 'population', q: 'KSP', pageSize: 500 } });
    expect(all.status).toBe(200);
    const names = new Map(ROWS.koperasi.map((x) => [x[0]!, x[1]!]));
    expect(all.body.entities.map((e: { key: string }) => e.key)).toEqual(pop.filter((k) => names.get(k)!.toLowerCase().includes('ksp')));
    expect(all.body.entities.filter((e: { counted: boolean }) => e.counted).length).toBe(counted.filter((k) => names.get(k)!.toLowerCase().includes('ksp')).length);
  });

  it('lists of a register with personal fields carry none of them, whoever asks', async () => {
    for (const who of ['planner', 'admin'] as const) {
      const r = await s.clients[who].get(`${A}/drill`, { query: { indicator: UMK_REF, year: 2025, pageSize: 500 } });
      expect(r.status).toBe(200);
      expect(r.body.figure).toMatchObject({ denominator: null, numerator: r.body.total });
      expect(r.body.figure.value).toBe(r.body.total);
      expect(r.body.fields.map((f: { id: string }) => f.id)).toEqual(['sektor', 'kecamatan', 'berdiri', 'tenaga_kerja']);
      for (const row of ROWS.usaha_mikro.slice(1)) {
        expect(r.text).not.toContain(row[3]); // NIK
        expect(r.text).not.toContain(row[2]); // owner
      }
    }
  });

  it('the whole list as CSV (Indonesian, formula neutralized) and as XLSX', async () => {
    const pop = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] }, windowOf(2025, 'Q4'));
    const csv = await s.clients.planner.get(`${A}/drill`, { query: { indicator: KOP_REF, year: 2025, side: 'population', format: 'csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="rincian-persentase-koperasi-aktif-yang-difasilitasi-2025-tw4-populasi.csv"');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(csv.text.slice(1), { delimiter: ';' });
    expect(rows[0]).toEqual(['Nomor Badan Hukum', 'Nama Koperasi', 'Kecamatan', 'Status', 'RAT', 'Kesehatan', 'Dihitung']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(pop);
    const evil = rows.find((x) => x[0] === 'BH-09999')!;
    expect(evil.slice(1, 4)).toEqual([`'=HYPERLINK("http://contoh.invalid")`, 'Ajung', 'aktif']);
    expect(evil[6]).toBe('ya');

    const xlsx = await s.clients.planner.get(`${A}/drill`, { query: { indicator: KOP_REF, year: 2025, format: 'xlsx', q: 'bh-09' } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('-tw4-dihitung.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const got: unknown[][] = [];
    ws.eachRow((row) => got.push((row.values as unknown[]).slice(1)));
    expect(got[0]).toEqual(['Nomor Badan Hukum', 'Nama Koperasi', 'Kecamatan', 'Status', 'RAT', 'Kesehatan']);
    expect(got.slice(1).map((x) => x[0])).toEqual(selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }, { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] }, windowOf(2025, 'Q4')).filter((k) => k.startsWith('BH-09')));
    const cell = ws.getRow(got.findIndex((x) => x[0] === 'BH-09999') + 1).getCell(2);
    expect([cell.value, cell.numFmt]).toEqual(['=HYPERLINK("http://contoh.invalid")', '@']);
    const styles = await (await JSZip.loadAsync(xlsx.bytes)).file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/numFmtId="49"[^>]*quotePrefix="1"/);
  });

  it("a group of an activity table, and an entity's history of events", async () => {
    const w = windowOf(2025, 'Q4');
    const facilitated = { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } };
    const r = await s.clients.operator.get(`${A}/drill/table`, { query: { list: KOP_TABLE, year: 2025, group: 'ajung' } });
    expect(r.status).toBe(200);
    const group = selectKeys(regs, mem, { register: 'koperasi', where: [facilitated, { field: 'kecamatan', equals: 'Ajung' }] }, w);
    const whole = selectKeys(regs, mem, { register: 'koperasi', where: [facilitated] }, w);
    expect(r.body).toMatchObject({ kind: 'table', table: { id: KOP_TABLE, groupBy: 'kecamatan', groupByName: 'Kecamatan', group: 'Ajung', groupLabel: 'Ajung' }, figure: { numerator: group.length, denominator: whole.length } });
    expect(r.body.entities.map((e: { key: string }) => e.key)).toEqual(group.slice(0, 50));

    const key = 'BH-09999';
    const ev = await s.clients.head.get(`${A}/registers/koperasi/entities/${key}/events`);
    expect(ev.status).toBe(200);
    expect(ev.body).toMatchObject({ register: 'koperasi', key, total: 1, events: [{ register: 'fasilitasi', registerName: 'Fasilitasi Koperasi', key: 'F-999999', date: '2025-05-05', values: { jenis: 'pelatihan' } }] });
    expect((await s.clients.head.get(`${A}/registers/koperasi/entities/BH-77777/events`)).status).toBe(404);
    expect((await s.clients.head.get(`${A}/registers/anggota/entities/x/events`)).status).toBe(404);
  });

  it('refuses, saying what and where: unknown or not counted indicator, a period not ended, outsiders', async () => {
    const ask = async (who: 'planner' | 'outsider' | 'foreignAdmin' | 'anonymous', query: Record<string, string | number>) => {
      const r = await s.clients[who].get(`${A}/drill`, { query });
      return [r.status, r.body?.error?.findings?.[0]?.where, r.body?.error?.findings?.[0]?.localized?.id ?? r.body?.error?.message];
    };
    expect(await ask('planner', { indicator: 'renstra-2021-2026/NOPE', year: 2025 })).toEqual([404, 'query.indicator', expect.stringContaining('tidak ada indikator')]);
    expect(await ask('planner', { indicator: 'renstra-2021-2026/UMM', year: 2025 })).toEqual([400, 'query.indicator', expect.stringContaining('tidak dihitung dari register')]);
    expect(await ask('planner', { indicator: KOP_REF, year: 2026 })).toEqual([400, 'query.year', expect.stringContaining('belum ada periode tahun 2026 yang berakhir')]);
    expect(await ask('planner', { indicator: KOP_REF, year: 2024 })).toEqual([400, 'query.year', expect.stringContaining('sejak 2025')]);
    expect((await ask('planner', { indicator: KOP_REF, year: 2025, side: 'semua' }))[0]).toBe(400);
    expect((await ask('outsider', { indicator: KOP_REF, year: 2025 }))[0]).toBe(404);
    expect((await ask('foreignAdmin', { indicator: KOP_REF, year: 2025 }))[0]).toBe(404);
    expect((await ask('anonymous', { indicator: KOP_REF, year: 2025 }))[0]).toBe(401);
    expect((await s.clients.outsider.get(`${A}/registers/koperasi/entities/BH-09999/events`)).status).toBe(404);
  });

  it('a kept answer holds until the rows change: an import from outside the server (the stamp moves) is seen by the next request', async () => {
    const ask = async () => (await s.clients.planner.get(`${A}/drill`, { query: { indicator: KOP_REF, year: 2025, side: 'not-counted', pageSize: 1 } })).body;
    const before = await ask();
    expect(await ask()).toEqual(before);
    const key = before.entities[0].key as string;
    // one more facilitation, of the first active cooperative not yet counted, stored by the store as a command would
    const events = [...ROWS.fasilitasi, ['F-888888', '2025-06-06', 'pelatihan', key]];
    expect((await createRegisterQueries(s.pool).importRows(AGENCY, 'fasilitasi', asSourceRows(events), { store: true })).stored).toBe(true);
    try {
      const after = await ask();
      expect(after.figure.numerator).toBe(before.figure.numerator + 1);
      expect(after.total).toBe(before.total - 1);
      expect(after.entities[0].key).not.toBe(key);
    } finally {
      expect((await createRegisterQueries(s.pool).importRows(AGENCY, 'fasilitasi', asSourceRows(ROWS.fasilitasi), { store: true })).stored).toBe(true);
    }
    expect(await ask()).toEqual(before);
  });
});
