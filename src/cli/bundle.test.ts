/**
 * `kinerja export -o x.zip` / `kinerja import x.zip` on the embedded database: a bundle of the
 * dataset and its files round-trips equal (document, bytes and hashes); a JSON import of a
 * dataset referring to files the store lacks warns, naming each file and where.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOf } from '../store/files.js';
import { readBundle, writeBundle } from '../io/bundle.js';
import { datasetWithFiles, sha } from '../report/test-files.js';
import { runCli } from './testing.js';

let dir: string;
let env: Record<string, string | undefined>;
const kinerja = (...argv: string[]) => runCli(argv, { env, cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-bundle-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data') };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bundles on the command line', () => {
  it('a JSON import warns of every file the store lacks; a bundle import stores them; an export .zip gives them back equal', async () => {
    const made = await datasetWithFiles();
    await writeFile(join(dir, 'plain.json'), JSON.stringify(made.ds));
    const plain = await kinerja('import', 'plain.json', '--json');
    expect(plain.code).toBe(0);
    const warned = JSON.parse(plain.out).findings.filter((f: { code: string }) => f.code === 'missing-file').map((f: { where: string }) => f.where);
    expect(warned).toEqual(['agency.crest', 'photos[0]', 'photos[1]', 'agreements[0].scan']);

    const files = [made.crest, made.photo, made.scan].map((b) => fileOf(b));
    await writeFile(join(dir, 'in.zip'), await writeBundle(JSON.stringify(made.ds), files));
    const imp = await kinerja('import', 'in.zip', '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out).findings.filter((f: { code: string }) => f.code === 'missing-file')).toEqual([]);

    const exp = await kinerja('export', '--agency', 'dinco', '-o', 'out.zip');
    expect(exp.code).toBe(0);
    const back = await readBundle(await readFile(join(dir, 'out.zip')));
    expect(JSON.parse(back.text)).toEqual(made.ds);
    expect([...back.files.keys()].sort()).toEqual(files.map((f) => f.sha256).sort());
    for (const f of files) expect(sha(back.files.get(f.sha256)!.bytes)).toBe(f.sha256);
  });

  it('refuses a bundle whose file is not what its name says, storing nothing', async () => {
    const made = await datasetWithFiles();
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('dataset.json', JSON.stringify({ ...made.ds, agency: { ...made.ds.agency, name: 'Dinas Lain', code: 'dinlain' } }));
    zip.file(`files/${sha(made.crest)}.png`, Buffer.from('bukan gambar'));
    await writeFile(join(dir, 'bad.zip'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await kinerja('import', 'bad.zip');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`files/${sha(made.crest)}.png: menurut isinya bukan berkas PNG, JPEG, atau PDF`);
    expect((await kinerja('agencies')).out).not.toContain('dinlain');
  });
});
