/**
 * Files of a dataset in the store (agency_files): written in the import's transaction, read back
 * with the export, and a bundle round trip (export → import elsewhere) equal in document, bytes
 * and hashes, on PGlite and (TEST_DATABASE_URL) PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { fileHashes, missingFileFindings } from '../core/dataset/files.js';
import { agencyId } from '../core/dataset/model.js';
import { serializeDocument } from '../core/dataset/io.js';
import { readBundle, writeBundle, hashesOf, BundleError } from '../io/bundle.js';
import { datasetWithFiles, sha } from '../report/test-files.js';
import { createDatasetQueries } from './datasets.js';
import { createFileQueries, fileOf, type StoredFile } from './files.js';
import { forEachEngine, withTestDb } from './testing.js';
import JSZip from 'jszip';

async function bundleFiles(): Promise<{ made: Awaited<ReturnType<typeof datasetWithFiles>>; files: Map<string, StoredFile> }> {
  const made = await datasetWithFiles();
  const files = new Map([made.crest, made.photo, made.scan].map((b) => fileOf(b)).map((f) => [f.sha256, f]));
  return { made, files };
}

forEachEngine('agency files', (engine) => {
  it('stores the files with the dataset in one transaction and a bundle round-trips them equal', async () => {
    const { made, files } = await bundleFiles();
    const id = agencyId(made.ds.agency);
    const exported = await withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const f = createFileQueries(db.pool);
      await q.importDataset(made.ds, { files });
      expect([...(await f.facts(id)).keys()].sort()).toEqual([...files.keys()].sort());
      const ds = (await q.exportDataset(id))!;
      expect(ds).toEqual(made.ds);
      const stored = await f.read(id, hashesOf(ds));
      return writeBundle(serializeDocument(ds, 'json'), stored.values());
    });
    const back = await readBundle(exported);
    expect([...back.files.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [h, file] of back.files) {
      expect(sha(file.bytes)).toBe(h);
      expect(Buffer.compare(file.bytes, files.get(h)!.bytes)).toBe(0);
    }
    // imported into another database: the same document and the same bytes
    await withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const ds = JSON.parse(back.text);
      await q.importDataset(ds, { files: back.files });
      expect(await q.exportDataset(id)).toEqual(made.ds);
      const again = await createFileQueries(db.pool).read(id, fileHashes(made.ds));
      expect(again.size).toBe(3);
      for (const [h, file] of again) expect(sha(file.bytes)).toBe(h);
      // nothing missing now; a JSON-only import elsewhere keeps the files, deleting the agency drops them
      expect(missingFileFindings(made.ds, await createFileQueries(db.pool).facts(id))).toEqual([]);
      await q.importDataset(made.ds);
      expect((await createFileQueries(db.pool).facts(id)).size).toBe(3);
      await q.deleteAgency(id);
      expect((await createFileQueries(db.pool).facts(id)).size).toBe(0);
    });
  });

  it('a file whose bytes are not its hash fails the whole import; the dataset is not stored', async () => {
    const { made, files } = await bundleFiles();
    await withTestDb(engine, async (db) => {
      const q = createDatasetQueries(db.pool);
      const crest = files.get(made.ds.agency.crest!.sha256)!;
      const forged = new Map(files).set(crest.sha256, { ...crest, bytes: Buffer.concat([crest.bytes, Buffer.from([0])]), size: crest.size + 1 });
      await expect(q.importDataset(made.ds, { files: forged })).rejects.toThrow();
      expect(await q.exportDataset(agencyId(made.ds.agency))).toBeUndefined();
      expect((await createFileQueries(db.pool).facts(agencyId(made.ds.agency))).size).toBe(0);
    });
  });

  it('a reference to a file the store does not hold is a warning naming the file and where', async () => {
    const { made } = await bundleFiles();
    await withTestDb(engine, async (db) => {
      await createDatasetQueries(db.pool).importDataset(made.ds);
      const have = await createFileQueries(db.pool).facts(agencyId(made.ds.agency));
      const found = missingFileFindings(made.ds, have);
      expect(found.map((f) => [f.severity, f.code, f.where])).toEqual([
        ['warning', 'missing-file', 'agency.crest'],
        ['warning', 'missing-file', 'photos[0]'],
        ['warning', 'missing-file', 'photos[1]'],
        ['warning', 'missing-file', 'agreements[0].scan'],
      ]);
      expect(found[0]!.localized?.id).toContain('"lambang.png"');
    });
  });
});

describe('bundles', () => {
  it('refuses a file whose content is not what its name says', async () => {
    const { made, files } = await bundleFiles();
    const zip = new JSZip();
    zip.file('dataset.json', JSON.stringify(made.ds));
    const crest = files.get(made.ds.agency.crest!.sha256)!;
    zip.file(`files/${'0'.repeat(64)}.png`, crest.bytes);
    const err = await readBundle(await zip.generateAsync({ type: 'nodebuffer' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect((err as BundleError).message).toContain(`files/${'0'.repeat(64)}.png: its content is image/png with sha256 ${crest.sha256}`);
  });

  it('writes the same bytes for the same document and files', async () => {
    const { made, files } = await bundleFiles();
    const text = serializeDocument(made.ds, 'json');
    const a = await writeBundle(text, files.values());
    const b = await writeBundle(text, [...files.values()].reverse());
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
