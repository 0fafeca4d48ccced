/**
 * The web import keeps validation's contract (issue 9): a hostile document is answered with
 * findings at their paths in both languages (200 when only validated, 422 when it was to be
 * stored), never a 500; a database error validation did not foresee is a clean 422 too, and
 * nothing is stored.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import { AGENCY, startTestServer, type TestServer } from './testing.js';

/** A body sent as it is written (JSON.stringify would turn 1e400 into null). */
const raw = (text: string) => ({ form: text as unknown as FormData, headers: { 'content-type': 'application/json' } });
const RAW = /\n\s+at |violates|invalid input syntax|Unicode escape|out of range:|call stack|Infinity/;

forEachEngine('import keeps the contract', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s.close();
  });

  const exported = async (): Promise<Record<string, any>> => (await s.clients.admin.get(`/api/agencies/${AGENCY}/export`)).body; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('refuses hostile values with their paths, never a 500, and stores nothing', async () => {
    const base = await exported();
    const text = JSON.stringify(base);
    const cases: [string, string, string][] = [
      ['NUL', JSON.stringify({ ...base, agency: { ...base.agency, name: 'Dinas\u0000Contoh' } }), 'agency.name'],
      ['lone surrogate', text.replace('"Budi Santoso"', '"Budi \\udc00"'), 'agency.head.name'],
      ['0000-01-01', text.replace('"signedOn":"2025-01-02"', '"signedOn":"0000-01-01"'), 'agreements[0].signedOn'],
      ['1e400', text.replace('"endTarget":75', '"endTarget":1e400'), 'plans[0].indicators[0].endTarget'],
      ['deep extra', text.replace('"format":', `"extra":{"x":${'['.repeat(5000)}${']'.repeat(5000)}},"format":`), 'extra.x[0]'],
      ['100 KB id', text.replaceAll('"pk-2025"', JSON.stringify('k'.repeat(100_000))), 'agreements[0].id'],
      ['__proto__ key', text.replace('"format":', '"extra":{"__proto__":{"a":1}},"format":'), 'extra.__proto__'],
      ['"!!!"', text.replace('"abbreviation":"Dinco"', '"abbreviation":"!!!"'), 'agency.abbreviation'],
    ];
    for (const [label, body, where] of cases) {
      expect(body, label).not.toBe(text);
      const check = await s.clients.admin.post('/api/import', raw(body));
      expect(check.status, label).toBe(200);
      expect(check.body.valid, label).toBe(false);
      const errors = check.body.findings.filter((f: { severity: string }) => f.severity === 'error');
      expect(errors.map((f: { where: string }) => f.where).some((w: string) => w.startsWith(where)), `${label}: ${JSON.stringify(errors)}`).toBe(true);
      for (const f of errors) expect(f.localized.id, label).toBeTruthy();
      expect(check.text, label).not.toMatch(RAW);
      const stored = await s.clients.admin.post('/api/import', { ...raw(body), query: { store: 'true' } });
      expect(stored.status, label).toBe(422);
      expect(stored.body.error.code, label).toBe('invalid-document');
      expect(stored.text, label).not.toMatch(RAW);
    }
    expect(await exported()).toEqual(base);
  });

  it('an edit that would store a NUL character is refused with its path too (edits validate the whole dataset)', async () => {
    const A = `/api/agencies/${AGENCY}`;
    const read = await s.clients.planner.get(`${A}/narrative`);
    expect(read.status).toBe(200);
    const r = await s.clients.planner.put(`${A}/narrative`, { body: { version: read.body.version, narrative: { foreword: 'Kata\u0000pengantar' } } });
    expect(r.status).toBe(422);
    expect(r.body.error.findings).toMatchObject([{ code: 'nul-character', where: 'narrative.foreword' }]);
    expect(r.text).not.toMatch(RAW);
  });

  it('a database error during the import is a clean 422 in both languages; the agency stays as it was', async () => {
    const base = await exported();
    await s.pool.query(`ALTER TABLE agencies ADD CONSTRAINT contract_test_refuses CHECK (name <> 'Dinas Contoh Baru')`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const r = await s.clients.admin.post('/api/import', { body: { ...base, agency: { ...base.agency, name: 'Dinas Contoh Baru' } }, query: { store: 'true' } });
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({
        code: 'not-stored',
        message: expect.stringMatching(/^the database could not store agency "dinco"; nothing was stored/),
        localized: { id: expect.stringMatching(/^basis data tidak dapat menyimpan perangkat daerah "dinco"; tidak ada yang disimpan/) },
      });
      expect(r.body.error.findings).toMatchObject([{ severity: 'error', code: 'not-stored', where: 'body' }]);
      expect(r.text).not.toMatch(RAW);
      expect(r.text).not.toContain('contract_test_refuses');
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await s.pool.query('ALTER TABLE agencies DROP CONSTRAINT contract_test_refuses');
    }
    expect(await exported()).toEqual(base);
  });
});
