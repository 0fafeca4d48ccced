/**
 * Issuing a report whose dataset refers to files: the issued files embed the stored crest and
 * photos, reproduce byte for byte (the files are read back by hash), and an LKIP referring to a
 * file the store lacks is refused (it would be a draft), on both engines.
 */
import { expect, it } from 'vitest';
import JSZip from 'jszip';
import { fileOf } from '../store/files.js';
import { createDatasetQueries } from '../store/datasets.js';
import { forEachEngine, withTestDb } from '../store/testing.js';
import { datasetWithFiles, sha } from '../report/test-files.js';
import { publishReport, reproducePublication, PublishError } from './publish.js';

forEachEngine('publishing with files', (engine) => {
  it('issues the LKIP with the stored crest and photos and reproduces it; refuses while a file is missing', async () => {
    const made = await datasetWithFiles();
    await withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      // without the files: the LKIP would be a draft saying so, and is not issued
      await q.importDataset(made.ds);
      const refused = await publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['docx'], issuedBy: 't' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PublishError);
      expect((refused as PublishError).localized.id).toContain('Berkas yang belum dilampirkan: lambang perangkat daerah (lambang.png)');

      await q.importDataset(made.ds, { files: new Map([made.crest, made.photo, made.scan].map((b) => fileOf(b)).map((f) => [f.sha256, f])) });
      const issued = await publishReport(db.pool, { agencyId: 'dinco', kind: 'lkip', year: 2025, formats: ['docx', 'html'], issuedBy: 't', issuedAt: '2026-01-31T08:00:00Z' });
      const again = await reproducePublication(db.pool, issued.id);
      expect(again?.matches).toBe(true);
      const { rows } = await db.pool.query<{ content: Buffer }>(`SELECT content FROM published_report_files WHERE report_id = $1 AND format = 'docx'`, [issued.id]);
      const zip = await JSZip.loadAsync(rows[0]!.content);
      const media = await Promise.all(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).map(async (n) => sha(await zip.file(n)!.async('nodebuffer'))));
      expect(media).toEqual(expect.arrayContaining([sha(made.crest), sha(made.photo)]));
    });
  }, 120_000);
});
