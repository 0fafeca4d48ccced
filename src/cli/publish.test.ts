/**
 * `kinerja publish / published / reproduce / changes`, in-process on the embedded database
 * (the publishing layer itself is tested on both engines in src/publish).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PLAN, minimalDataset } from '../core/dataset/fixtures.js';
import { openDatabase } from '../store/db.js';
import { createPublicationQueries } from '../store/publications.js';
import { runCli } from './testing.js';
import { parseFormats } from './publish.js';

let dir: string;
let env: Record<string, string | undefined>;

const kinerja = (...argv: string[]) => runCli(argv, { env, cwd: dir });

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-publish-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data'), USER: 'operator1' };
  await writeFile(join(dir, 'ok.json'), JSON.stringify(minimalDataset()));
  const changed = minimalDataset();
  changed.realizations[0]!.value = 9;
  changed.realizations[0]!.numerator = 90;
  await writeFile(join(dir, 'changed.json'), JSON.stringify(changed));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parseFormats', () => {
  it('reads a comma-separated list and refuses an unknown format', () => {
    expect(parseFormats('docx, PDF,html,docx')).toEqual(['docx', 'pdf', 'html']);
    expect(() => parseFormats('docx,odt')).toThrow(/got "odt"/);
    expect(() => parseFormats(',')).toThrow(/expected a comma-separated list/);
  });
});

describe('kinerja publish, published, reproduce, changes', () => {
  let id = '';
  let hashes: Record<string, string> = {};

  it('issues a report from the database and prints its id and hashes', async () => {
    expect((await kinerja('import', 'ok.json')).code).toBe(0);
    const r = await kinerja('publish', '--agency', 'dinco', '--year', '2025', '--formats', 'html,docx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const m = /^Diterbitkan: (lkip-dinco-2025-[0-9a-f]{6}) — LKIP 2025, \S+Z, oleh operator1$/m.exec(r.out);
    expect(m, r.out).not.toBeNull();
    id = m![1]!;
    hashes = Object.fromEntries([...r.out.matchAll(/^ {2}(\w+)\s+[\d.]+ bita {2}sha256 ([0-9a-f]{64})$/gm)].map((x) => [x[1]!, x[2]!]));
    expect(Object.keys(hashes)).toEqual(['docx', 'html']);
  });

  it('lists it', async () => {
    const r = await kinerja('published', '--agency', 'dinco');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${id}\tLKIP 2025\t`);
    expect(r.out).toContain('\toperator1\tdocx,html');
    const json = JSON.parse((await kinerja('published', '--agency', 'dinco', '--json')).out) as { id: string }[];
    expect(json.map((p) => p.id)).toEqual([id]);
  });

  it('reproduces it byte for byte into a folder', async () => {
    const r = await kinerja('reproduce', id, '-o', 'again');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`sama     again/${id}.docx`);
    for (const [format, hash] of Object.entries(hashes)) expect(sha(await readFile(join(dir, 'again', `${id}.${format}`))), format).toBe(hash);
  });

  it('shows a changed realization in the data and in the measurement, and nothing before', async () => {
    const before = await kinerja('changes', id);
    expect(before.code).toBe(0);
    expect(before.out).toContain('Data tidak berubah sejak laporan diterbitkan.');
    expect(before.out).toContain('Hasil pengukuran 2025 tidak berubah.');
    expect((await kinerja('import', 'changed.json')).code).toBe(0);
    const after = await kinerja('changes', id);
    expect(after.code).toBe(0);
    expect(after.out).toContain(`~ realizations[indicator=${FIXTURE_PLAN}/UMM, year=2025].value: 6.5 → 9`);
    expect(after.out).toMatch(new RegExp(`\\[agreement:pk-2025\\] ${FIXTURE_PLAN}/UMM Persentase Usaha Mikro Mandiri: berubah — realisasi 6,5 → 9; capaian [\\d,]+% → [\\d,]+%`));
    const json = JSON.parse((await kinerja('changes', id, '--json')).out) as { dataset: { path: string }[]; measurement: unknown[] };
    expect(json.dataset.map((c) => c.path)).toContain(`realizations[indicator=${FIXTURE_PLAN}/UMM, year=2025].value`);
    // the issued report is still what it was
    expect((await kinerja('reproduce', id, '-o', 'again2')).code).toBe(0);
  });

  it('exits 1 and says which file differs when a stored file is not what its snapshot renders', async () => {
    const db = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      const q = createPublicationQueries(db.pool);
      const real = (await q.get(id))!;
      await q.publish({
        ...real,
        id: 'tampered',
        subject: undefined,
        files: real.files.map((f) => ({ format: f.format, content: f.format === 'docx' ? Buffer.concat([f.content, Buffer.from([0])]) : f.content })),
      });
    } finally {
      await db.close();
    }
    const r = await kinerja('reproduce', 'tampered', '-o', 'tampered');
    expect(r.code).toBe(1);
    expect(r.out).toContain('BERBEDA  tampered/tampered.docx');
    expect(r.out).toContain('sama     tampered/tampered.html');
    expect(r.err).toContain('kinerja: DOCX dari tampered tidak sama persis (byte demi byte) dengan berkas yang diterbitkan');
  });

  it('refuses what it cannot do, with the reason', async () => {
    expect((await kinerja('reproduce', 'nothing', '-o', 'x')).err).toContain('tidak ada laporan terbit "nothing"');
    expect((await kinerja('--lang', 'en', 'reproduce', 'nothing', '-o', 'x')).err).toContain('no issued report "nothing"');
    expect((await kinerja('changes', 'nothing')).code).toBe(1);
    const noId = await kinerja('publish', '--agency', 'dinco', '--kind', 'agreement');
    expect(noId.code).toBe(2);
    expect(noId.err).toContain('--kind agreement memerlukan --id');
    expect((await kinerja('publish', '--agency', 'dinco', '--year', '2025', '--formats', 'odt')).code).toBe(2);
    expect((await kinerja('publish', '--agency', 'dinco')).err).toContain('--year wajib');
    const review = await kinerja('publish', '--agency', 'dinco', '--year', '2025', '--kind', 'review', '--formats', 'xlsx');
    expect(review.code).toBe(1);
    expect(review.err).toContain('review tidak diterbitkan sebagai xlsx');
    expect((await kinerja('--lang', 'en', 'publish', '--agency', 'dinco', '--year', '2025', '--kind', 'review', '--formats', 'xlsx')).err).toContain(
      'a review is not issued as xlsx',
    );
    const unknown = await kinerja('publish', '--agency', 'nobody', '--year', '2025', '--formats', 'html');
    expect(unknown.err).toContain('tidak ada perangkat daerah "nobody" dalam basis data');
  });
});
