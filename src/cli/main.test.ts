/**
 * The command line, run in-process on real files and a real embedded database, and once as a
 * real process (`bin/kinerja.js`) for exit codes and standard error.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { measure } from '../core/measure/index.js';
import type { CliIo } from './io.js';
import { main } from './main.js';

const run = promisify(execFile);

interface Ran {
  code: number;
  out: string;
  err: string;
}

let dir: string;
let env: Record<string, string | undefined>;

async function kinerja(...argv: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), color: false, env, cwd: dir };
  const code = await main(argv, io);
  return { code, out, err };
}

async function writeJson(name: string, doc: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-cli-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data') };
  await writeJson('ok.json', minimalDataset());
  const bad = minimalDataset();
  bad.agreements[0]!.rows[0]!.indicator = 'UMX';
  (bad.plans[0]!.indicators![0] as Record<string, unknown>).targt = 1;
  await writeJson('bad.json', bad);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validate', () => {
  it('accepts a valid dataset with exit 0', async () => {
    const r = await kinerja('validate', 'ok.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tidak ada temuan');
  });

  it('lists every problem with its path and exits 1', async () => {
    const r = await kinerja('validate', 'bad.json', '--json');
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out) as { valid: boolean; findings: { where: string; message: string }[] };
    expect(body.valid).toBe(false);
    const wheres = body.findings.map((f) => f.where);
    expect(wheres).toContain('agreements[0].rows[0].indicator');
    expect(wheres.some((w) => w.startsWith('plans[0].indicators[0]'))).toBe(true);
    expect(body.findings.find((f) => f.where === 'agreements[0].rows[0].indicator')?.message).toContain('UMX');
  });

  it('prints findings in Indonesian by default; English with --lang en or KINERJA_LANG=en', async () => {
    const id = await kinerja('validate', 'bad.json');
    expect(id.code).toBe(1);
    expect(id.out).toContain('galat agreements[0].rows[0].indicator: tidak ada indikator "UMX" dalam Renstra renstra-2021-2026 [dangling-reference]');
    expect(id.out).toContain('isian "targt" tidak dikenal');
    expect(id.out).toMatch(/\n\d+ temuan: \d+ galat\n$/);

    const en = await kinerja('validate', 'bad.json', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.out).toContain('error agreements[0].rows[0].indicator: no indicator "UMX" in plan renstra-2021-2026 [dangling-reference]');
    expect(en.out).toContain('unknown field "targt"');
    expect(en.out).toMatch(/\n\d+ findings: \d+ errors\n$/);
    expect((await kinerja('--lang', 'en', 'validate', 'bad.json')).out).toBe(en.out);

    const saved = env.KINERJA_LANG;
    env.KINERJA_LANG = 'en';
    try {
      expect((await kinerja('validate', 'bad.json')).out).toBe(en.out);
      // the option wins over the environment
      expect((await kinerja('validate', 'bad.json', '--lang', 'id')).out).toBe(id.out);
      const refused = await kinerja('measure', 'bad.json', '--year', '2025');
      expect(refused.err).toMatch(/^bad\.json: the dataset is not valid\nerror /);
      expect(refused.err).toContain('\nerror agreements[0].rows[0].indicator: no indicator "UMX" in plan renstra-2021-2026 [dangling-reference]\n');
    } finally {
      env.KINERJA_LANG = saved;
    }
    expect((await kinerja('validate', 'bad.json', '--lang', 'fr')).code).toBe(2);
  });
});

describe('measure', () => {
  it('prints exactly the engine’s result as JSON', async () => {
    const r = await kinerja('measure', 'ok.json', '--year', '2025', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(measure(minimalDataset(), 2025))));
  });

  it('prints Indonesian tables by default', async () => {
    const r = await kinerja('measure', 'ok.json', '--year', '2025');
    expect(r.code).toBe(0);
    expect(r.out).toContain('pengukuran kinerja tahun 2025');
    expect(r.out).toContain('9,29'); // 6,5 ÷ 70 × 100, Indonesian decimal comma
    expect(r.out).toMatch(/Ringkasan: 3 indikator/);
  });

  it('refuses an invalid dataset with exit 1 and the findings on standard error', async () => {
    const r = await kinerja('measure', 'bad.json', '--year', '2025', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('agreements[0].rows[0].indicator');
  });

  it('says where malformed JSON breaks', async () => {
    await writeJson('broken.json', '{\n  "format": "kinerja-dataset/1",\n  "agency": { "name": }\n}');
    const r = await kinerja('measure', 'broken.json', '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/JSON tidak sah pada baris 3, kolom 23/);
    expect((await kinerja('measure', 'broken.json', '--year', '2025', '--lang', 'en')).err).toMatch(/malformed JSON at line 3, column 23/);
  });

  it('refuses an empty file and a 50 MB file with a clear message', async () => {
    await writeJson('empty.json', '');
    const empty = await kinerja('measure', 'empty.json', '--year', '2025');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty\.json: berkas kosong/);

    const big = join(dir, 'big.json');
    const fh = await open(big, 'w');
    await fh.truncate(50 * 1024 * 1024);
    await fh.close();
    const r = await kinerja('measure', 'big.json', '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ukuran berkas 50,0 MB; dataset terbesar yang dibaca Kinerja 32 MB/);
  });

  it('answers a wrong command line with exit 2', async () => {
    expect((await kinerja('measure', 'ok.json')).code).toBe(2);
    expect((await kinerja('measure', 'ok.json', '--year', 'tahun')).code).toBe(2);
    expect((await kinerja('nonsense')).code).toBe(2);
  });
});

describe('review', () => {
  it('exits 0 with contradictions as its output', async () => {
    const ds = minimalDataset();
    ds.claims = [{ where: 'Tabel 3.2', subject: 'pk-2025/UMM', quantity: 'achievement', value: 14 }];
    await writeJson('claims.json', ds);
    const r = await kinerja('review', 'claims.json', '--year', '2025', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { summary: { contradicted: number } };
    expect(body.summary.contradicted).toBe(1);
    const human = await kinerja('review', 'claims.json', '--year', '2025');
    expect(human.out).toContain('BERTENTANGAN');
    expect(human.out).toContain('Tabel 3.2');
  });
});

describe('import, export and --agency on the embedded database', () => {
  it('stores a dataset, measures it from the database, exports it back equal', async () => {
    const imp = await kinerja('import', 'ok.json');
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('dinco');

    const fromDb = await kinerja('measure', '--agency', 'dinco', '--year', '2025', '--json');
    expect(fromDb.code).toBe(0);
    const fromFile = await kinerja('measure', 'ok.json', '--year', '2025', '--json');
    expect(JSON.parse(fromDb.out)).toEqual(JSON.parse(fromFile.out));

    const exp = await kinerja('export', '--agency', 'dinco');
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out)).toEqual(minimalDataset());
  });

  it('changes nothing when an import is refused', async () => {
    const before = await kinerja('agencies', '--json');
    const bad = await kinerja('import', 'bad.json');
    expect(bad.code).toBe(1);
    const after = await kinerja('agencies', '--json');
    expect(after.out).toBe(before.out);
  });

  it.each([
    ['wrong types', (d: Record<string, any>) => (d.plans[0].indicators[0].targets['2025'] = '70,5'), /targets\["2025"\]/],
    ['a dangling reference', (d: Record<string, any>) => (d.realizations[0].indicator = 'renstra-2021-2026/NOPE'), /NOPE/],
    ['a duplicate id', (d: Record<string, any>) => d.programs.push({ ...d.programs[0] }), /duplicate|p1/i],
    ['an unknown field', (d: Record<string, any>) => (d.agency.kepala = 'x'), /kepala/],
  ])('refuses %s with a clear error and stores nothing', async (_label, edit, message) => {
    const ds = minimalDataset() as unknown as Record<string, any>; // a plain JSON document, edited freely
    edit(ds);
    await writeJson('edited.json', ds);
    const before = await kinerja('agencies', '--json');
    const r = await kinerja('import', 'edited.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect((await kinerja('agencies', '--json')).out).toBe(before.out);
  });

  it.each([
    ['malformed JSON', '{"format": "kinerja-dataset/1",', /baris 1/],
    ['an empty file', '', /berkas kosong/],
  ])('refuses %s on import and stores nothing', async (_label, text, message) => {
    await writeJson('text.json', text);
    const before = await kinerja('agencies', '--json');
    const r = await kinerja('import', 'text.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect((await kinerja('agencies', '--json')).out).toBe(before.out);
  });

  it('refuses a 50 MB file on import and stores nothing', async () => {
    const before = await kinerja('agencies', '--json');
    const r = await kinerja('import', 'big.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/50,0 MB/);
    expect((await kinerja('agencies', '--json')).out).toBe(before.out);
  });

  it('measures a stored agency with its region’s settings, as from the region file', async () => {
    const ds = minimalDataset();
    ds.agency.abbreviation = 'Dinreg';
    ds.agency.region = 'Kota Contoh'; // a region of its own: importing a region file replaces the whole region
    const region = {
      format: 'kinerja-region/1',
      region: 'Kota Contoh',
      settings: { ratingScale: [{ min: 100, label: 'Baik' }, { min: 0, label: 'Kurang' }] },
      agencies: [ds],
    };
    await writeJson('region.json', region);
    expect((await kinerja('import', 'region.json')).code).toBe(0);
    const fromDb = JSON.parse((await kinerja('measure', '--agency', 'dinreg', '--year', '2025', '--json')).out);
    const fromFile = JSON.parse((await kinerja('measure', 'region.json', '--year', '2025', '--json')).out);
    expect(fromDb).toEqual(fromFile);
    expect(fromDb.agreements[0].rows.map((r: { predicate: string }) => r.predicate)).toEqual(['Kurang', 'Kurang', 'Baik']);
  });

  it('names the stored agencies when asked for an unknown one', async () => {
    const r = await kinerja('measure', '--agency', 'nope', '--year', '2025');
    expect(r.code).toBe(1);
    expect(r.err).toContain('tidak ada perangkat daerah "nope" dalam basis data');
    const en = await kinerja('--lang', 'en', 'measure', '--agency', 'nope', '--year', '2025');
    expect(en.err).toContain('no agency "nope" in the database');
  });
});

describe('as a real process', () => {
  it('runs `kinerja measure --json` and exits 0; an invalid file exits 1 with the reason on stderr', async () => {
    const bin = new URL('../../bin/kinerja.js', import.meta.url).pathname;
    const ok = await run(process.execPath, [bin, 'measure', join(dir, 'ok.json'), '--year', '2025', '--json']);
    expect(JSON.parse(ok.stdout).year).toBe(2025);
    const failed = await run(process.execPath, [bin, 'measure', join(dir, 'bad.json'), '--year', '2025']).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('UMX');
  });
});
