/**
 * Imports that cannot lose data (issue 12): the check names, per kind of thing, what storing the
 * file would change and what was changed in the app that it would lose; storing carries the
 * check's token and is refused when the data changed meanwhile; every import keeps a backup of
 * what it replaced, which the region's admin restores (itself backed up and audited).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import { AGENCY, agencyA, startTestServer, TEST_REGION, type TestServer } from './testing.js';

const A = `/api/agencies/${AGENCY}`;
const UMM = 'renstra-2021-2026/UMM';
const R = `/api/regions/${encodeURIComponent(TEST_REGION)}`;

forEachEngine('imports that cannot lose data', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('names what the app changed that a file would lose, refuses a stale confirmation, keeps a backup the admin restores', async () => {
    const { operator, planner, admin } = s.clients;
    // in the app: the operator enters a realization the file does not hold
    const entered = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q2', numerator: 321, denominator: 1000 } });
    expect(entered.status).toBe(200);

    // the original file, checked: the entry is named as lost, by its name
    const file = agencyA();
    file.plans[0]!.title = `${file.plans[0]!.title} (revisi)`;
    const check = await planner.post('/api/import', { body: file });
    expect(check.status).toBe(200);
    expect(check.body.token).toMatch(/^[0-9a-f]{32}$/);
    const detail = check.body.details[0];
    expect(detail).toMatchObject({ agency: AGENCY, isNew: false, unchanged: false });
    const byEntity = Object.fromEntries(detail.entities.map((e: { entity: string }) => [e.entity, e]));
    expect(byEntity.realizations.removed.count).toBe(1);
    expect(byEntity.realizations.removed.items[0].name.id).toMatch(/^realisasi Triwulan II 2026 — /);
    expect(byEntity.plans.changed.count).toBe(1);
    expect(detail.lost).toEqual([expect.objectContaining({ how: 'removed', lost: true, entity: { en: 'realizations', id: 'realisasi' } })]);
    expect(JSON.stringify(detail)).not.toMatch(/renstra-2021-2026\/UMM|realizations\[/);

    // meanwhile the operator changes it again: the stale confirmation is refused and nothing is stored
    const again = await operator.put(`${A}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q2', numerator: 322, denominator: 1000, version: entered.body.version } });
    expect(again.status).toBe(200);
    const stale = await planner.post('/api/import', { body: file, query: { store: 'true', expect: check.body.token } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('changed-since-preview');
    expect(stale.body.error.localized.id).toMatch(/tidak ada yang disimpan/);
    expect((await planner.get(`${A}/export`)).body.realizations.some((r: { year: number; period?: string }) => r.year === 2026 && r.period === 'Q2')).toBe(true);

    // checked again and confirmed: stored, with a backup of what it replaced
    const fresh = await planner.post('/api/import', { body: file });
    const stored = await planner.post('/api/import', { body: file, query: { store: 'true', expect: fresh.body.token } });
    expect(stored.status).toBe(200);
    expect((await planner.get(`${A}/export`)).body.realizations.some((r: { year: number; period?: string }) => r.year === 2026 && r.period === 'Q2')).toBe(false);
    const backups = await planner.get(`${A}/snapshots`);
    expect(backups.status).toBe(200);
    expect(backups.body.snapshots[0]).toMatchObject({ agencyId: AGENCY, takenBy: 'perencana@dinco', reason: 'import' });

    // the planner cannot restore; the region's admin can, and the entry is back
    const refused = await planner.post(`${R}/snapshots/${backups.body.snapshots[0].id}/restore`);
    expect(refused.status).toBe(403);
    const restored = await admin.post(`${R}/snapshots/${backups.body.snapshots[0].id}/restore`);
    expect(restored.status).toBe(200);
    const back = (await planner.get(`${A}/export`)).body.realizations.find((r: { year: number; period?: string }) => r.year === 2026 && r.period === 'Q2');
    expect(back).toMatchObject({ numerator: 322, denominator: 1000 });
    // the restore kept what it replaced, and is in the audit log
    const after = await admin.get(`${R}/snapshots`);
    expect(after.body.snapshots[0]).toMatchObject({ agencyId: AGENCY, reason: 'restore', takenBy: 'admin@contoh' });
    const log = await admin.get(`${A}/audit`, { query: { action: 'restore' } });
    expect(log.body.entries[0]).toMatchObject({ action: 'restore', actionLabel: { id: 'dipulihkan' } });
    // snapshots are kept: the store refuses to change them
    await expect(s.pool.query('DELETE FROM agency_snapshots')).rejects.toThrow(/snapshots are kept/);
  });

  it('lists nothing as lost when the file holds what the app changed', async () => {
    const { planner } = s.clients;
    const current = (await planner.get(`${A}/export`)).body;
    const check = await planner.post('/api/import', { body: current });
    expect(check.body.details[0]).toMatchObject({ unchanged: true, lost: [], entities: [] });
  });
});
