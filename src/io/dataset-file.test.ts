import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_DATASET_BYTES, readDocumentFile, writeDocumentFile } from './dataset-file.js';
import { DatasetParseError } from '../core/dataset/io.js';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { validateDocument } from '../core/dataset/validate.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-dataset-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readError(path: string, opts?: { maxBytes?: number }): Promise<DatasetParseError> {
  try {
    await readDocumentFile(path, opts);
  } catch (e) {
    if (e instanceof DatasetParseError) return e;
    throw e;
  }
  throw new Error('expected a DatasetParseError');
}

describe('readDocumentFile', () => {
  it('reads a JSON file written by writeDocumentFile', async () => {
    const path = join(dir, 'opd.json');
    await writeDocumentFile(path, minimalDataset());
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('{\n  "format": "kinerja-dataset/1",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(await readDocumentFile(path)).toEqual(minimalDataset());
  });

  it('writes YAML by extension (or when asked) and reads it back equal', async () => {
    const path = join(dir, 'opd.yaml');
    await writeDocumentFile(path, minimalDataset());
    expect(await readFile(path, 'utf8')).toMatch(/^format: kinerja-dataset\/1\n/);
    const doc = await readDocumentFile(path);
    expect(doc).toEqual(minimalDataset());
    expect(validateDocument(doc).kind).toBe('dataset');

    const asked = join(dir, 'opd-as-yaml.txt');
    await writeDocumentFile(asked, minimalDataset(), 'yaml');
    expect(await readFile(asked, 'utf8')).toMatch(/^format: /);
    expect(await readDocumentFile(asked)).toEqual(minimalDataset());
  });

  it('leaves no temporary file behind', async () => {
    const sub = await mkdtemp(join(dir, 'clean-'));
    await writeDocumentFile(join(sub, 'a.json'), { a: 1 });
    await writeDocumentFile(join(sub, 'a.json'), { a: 2 });
    expect(await readdir(sub)).toEqual(['a.json']);
    expect(await readDocumentFile(join(sub, 'a.json'))).toEqual({ a: 2 });
  });

  it('an empty file is "file is empty", with the path', async () => {
    const path = join(dir, 'empty.json');
    await writeFile(path, '');
    const e = await readError(path);
    expect(e.findings).toEqual([{ severity: 'error', code: 'empty-file', where: path, message: 'file is empty', localized: { id: 'berkas kosong' } }]);
  });

  it('a missing file names the path', async () => {
    const path = join(dir, 'nope', 'missing.json');
    const e = await readError(path);
    expect(e.findings).toEqual([
      { severity: 'error', code: 'file-not-found', where: path, message: `file not found: ${path}`, localized: { id: `berkas tidak ditemukan: ${path}` } },
    ]);
  });

  it('a directory is refused', async () => {
    const e = await readError(dir);
    expect(e.findings[0]).toMatchObject({ code: 'not-a-file', where: dir });
    expect(e.findings[0]!.message).toContain('is a directory');
    expect(e.findings[0]!.localized?.id).toContain('adalah direktori, bukan berkas dataset');
  });

  it('a 50 MB file is refused by its size, before it is read', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024); // sparse: no 50 MB written
    const e = await readError(path);
    expect(e.findings).toEqual([
      {
        severity: 'error',
        code: 'file-too-large',
        where: path,
        message: 'file is 50.0 MB; the largest dataset Kinerja reads is 32 MB',
        localized: { id: 'ukuran berkas 50,0 MB; dataset terbesar yang dibaca Kinerja 32 MB' },
      },
    ]);
    expect(DEFAULT_MAX_DATASET_BYTES).toBe(32 * 1024 * 1024);
  });

  it('the limit can be set by the caller', async () => {
    const path = join(dir, 'small.json');
    await writeDocumentFile(path, minimalDataset());
    const e = await readError(path, { maxBytes: 1024 });
    expect(e.findings[0]!.code).toBe('file-too-large');
    expect(e.findings[0]!.message).toMatch(/^file is \d+\.\d KB; the largest dataset Kinerja reads is 1 KB$/);
    const limit = (await readFile(path)).length;
    expect(await readDocumentFile(path, { maxBytes: limit })).toEqual(minimalDataset());
  });

  it('malformed JSON in a file says file, line and column', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{\n  "format": "kinerja-dataset/1",\n  "plans": [,]\n}\n');
    const e = await readError(path);
    expect(e.findings[0]).toMatchObject({ code: 'invalid-json', where: `${path}:3:13` });
  });
});
