import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { canonicalize } from '../core/report/publication.js';
import { transaction } from './datasets.js';
import { createPublicationQueries, sha256Hex, type NewPublication } from './publications.js';
import { forEachEngine, withTestDb } from './testing.js';

function publication(id: string, over: Partial<NewPublication> = {}): NewPublication {
  return {
    id,
    agencyId: 'dinco',
    kind: 'lkip',
    year: 2025,
    issuedAt: '2026-01-31T08:15:42.900+07:00',
    issuedBy: 'tester',
    dataset: canonicalize(minimalDataset()),
    settings: { regionSettings: { achievementCap: 120 } },
    kinerjaVersion: '0.1.0',
    tools: { docx: '9.15.2', chromium: '156.0.0.0' },
    files: [
      { format: 'html', content: Buffer.from('<!DOCTYPE html><p>laporan</p>') },
      { format: 'docx', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 255]) },
    ],
    ...over,
  };
}

describe('sha256Hex', () => {
  it('is the hex SHA-256', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

forEachEngine('publications', (engine) => {
  it('stores an issued report and gives back its snapshot, settings and exact files', () =>
    withTestDb(engine, async (db) => {
      const q = createPublicationQueries(db.pool);
      const p = publication('lkip-dinco-2025-a');
      const s = await q.publish(p);
      expect(s).toEqual({
        id: 'lkip-dinco-2025-a',
        agencyId: 'dinco',
        kind: 'lkip',
        year: 2025,
        subject: null,
        issuedAt: '2026-01-31T01:15:42Z',
        issuedBy: 'tester',
        kinerjaVersion: '0.1.0',
        files: [
          { format: 'docx', size: 8, sha256: sha256Hex(p.files[1]!.content) },
          { format: 'html', size: p.files[0]!.content.length, sha256: sha256Hex(p.files[0]!.content) },
        ],
      });
      const got = await q.get(p.id);
      expect(got).toBeDefined();
      expect(canonicalize(got!.dataset)).toStrictEqual(p.dataset);
      expect(got!.settings).toEqual(p.settings);
      expect(got!.tools).toEqual(p.tools);
      expect(got!.files.map((f) => f.format)).toEqual(['docx', 'html']);
      expect(got!.files[0]!.content.equals(p.files[1]!.content)).toBe(true);
      expect(got!.files[1]!.content.equals(p.files[0]!.content)).toBe(true);
      expect(await q.get('nothing')).toBeUndefined();
    }));

  it('lists an agency’s reports oldest first, without contents', () =>
    withTestDb(engine, async (db) => {
      const q = createPublicationQueries(db.pool);
      await q.publish(publication('b', { issuedAt: '2026-03-01T00:00:00Z' }));
      await q.publish(publication('a', { issuedAt: '2026-02-01T00:00:00Z', kind: 'agreement', subject: 'pk-2025' }));
      await q.publish(publication('c', { agencyId: 'other' }));
      const list = await q.list('dinco');
      expect(list.map((r) => [r.id, r.kind, r.subject, r.issuedAt])).toEqual([
        ['a', 'agreement', 'pk-2025', '2026-02-01T00:00:00Z'],
        ['b', 'lkip', null, '2026-03-01T00:00:00Z'],
      ]);
      expect(list[0]).not.toHaveProperty('dataset');
      expect(await q.list('nobody')).toEqual([]);
    }));

  it('refuses a second report with the same id, an agreement without its id, and stores nothing then', () =>
    withTestDb(engine, async (db) => {
      const q = createPublicationQueries(db.pool);
      await q.publish(publication('x'));
      await expect(q.publish(publication('x'))).rejects.toThrow(/duplicate key|published_reports_pkey/);
      await expect(q.publish(publication('y', { kind: 'agreement' }))).rejects.toThrow(/published_reports_subject/);
      await expect(q.publish(publication('z', { files: [] }))).rejects.toThrow(/expected at least one file/);
      const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM published_report_files');
      expect(rows[0]!.n).toBe(2);
      expect((await q.list('dinco')).map((r) => r.id)).toEqual(['x']);
    }));

  it('is frozen: UPDATE, DELETE and TRUNCATE of reports and files are refused by the database', () =>
    withTestDb(engine, async (db) => {
      const q = createPublicationQueries(db.pool);
      await q.publish(publication('frozen'));
      const refused = [
        `UPDATE published_reports SET issued_by = 'someone else' WHERE id = 'frozen'`,
        `UPDATE published_reports SET dataset = '{}'::jsonb`,
        `DELETE FROM published_reports WHERE id = 'frozen'`,
        `TRUNCATE published_reports CASCADE`,
        `UPDATE published_report_files SET content = '\\x00'::bytea, size = 1, sha256 = encode(sha256('\\x00'::bytea), 'hex')`,
        `DELETE FROM published_report_files`,
        `TRUNCATE published_report_files`,
      ];
      for (const sql of refused) await expect(db.pool.query(sql), sql).rejects.toThrow(/an issued report is frozen: (UPDATE|DELETE|TRUNCATE) on published_report/);
      const again = await q.get('frozen');
      expect(again!.issuedBy).toBe('tester');
      expect(again!.files.map((f) => f.format)).toEqual(['docx', 'html']);
    }));

  it('takes no file for a report after the transaction that issued it, and no file whose hash is not its bytes', () =>
    withTestDb(engine, async (db) => {
      const q = createPublicationQueries(db.pool);
      await q.publish(publication('done'));
      const pdf = Buffer.from('%PDF-1.4 later');
      await expect(
        db.pool.query(`INSERT INTO published_report_files (report_id, format, content, size, sha256) VALUES ('done', 'pdf', $1, $2, $3)`, [pdf, pdf.length, sha256Hex(pdf)]),
      ).rejects.toThrow(/can only be stored in the transaction that issues it/);
      await expect(
        transaction(db.pool, async (c) => {
          await c.query(
            `INSERT INTO published_reports (id, agency_id, kind, year, issued_at, issued_by, dataset, settings, kinerja_version, tools)
             VALUES ('h', 'dinco', 'lkip', 2025, now(), 't', '{}', '{}', '0', '{}')`,
          );
          await c.query(`INSERT INTO published_report_files (report_id, format, content, size, sha256) VALUES ('h', 'pdf', $1, $2, $3)`, [
            pdf,
            pdf.length,
            sha256Hex(Buffer.from('something else')),
          ]);
        }),
      ).rejects.toThrow(/published_report_files_sha256/);
      expect((await q.list('dinco')).map((r) => r.id)).toEqual(['done']);
    }));
});
