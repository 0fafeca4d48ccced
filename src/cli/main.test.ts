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
import { runCli } from './testing.js';

const run = promisify(execFile);

let dir: string;
let env: Record<string, string | undefined>;

const kinerja = (...argv: string[]) => runCli(argv, { env, cwd: dir });

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
    // the fixture validates without findings; its one data-quality warning: 6,5 % realized against a 2020 baseline of 50 %
    expect(r.out).toBe(
      'peringatan realizations[0]: realisasi 2025 "Persentase Usaha Mikro Mandiri" 6,50, hanya 1/7,69 dari baseline (2020) 50,00 (ambang 3,00 ×); periksa angka dan cara menghitungnya [implausible-jump]\n\n1 temuan: 1 peringatan\n',
    );
    const fine = minimalDataset();
    fine.plans[0]!.indicators![0]!.baseline = { year: 2020, value: 5 };
    await writeJson('fine.json', fine);
    expect((await kinerja('validate', 'fine.json')).out).toContain('Tidak ada temuan');
  });

  it('lists the data-quality findings as warnings, with the year and the name of what they are about (exit 0)', async () => {
    const ds = minimalDataset();
    ds.expenditures = [
      { id: 'e1', year: 2025, name: 'Belanja ATK', ceiling: 100, realized: 150 },
      { id: 'e2', year: 2025, name: 'Belanja ATK', ceiling: 100, realized: 150 },
    ];
    await writeJson('quality.json', ds);
    const r = await kinerja('validate', 'quality.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('peringatan expenditures[0].realized: belanja "Belanja ATK" membelanjakan Rp 150 pada 2025, Rp 50 di atas anggarannya Rp 100 [spent-above-budget]');
    expect(r.out).toContain('peringatan expenditures[1]: belanja "Belanja ATK" mengulang baris ke-1 dengan nama dan jumlah yang sama (Rp 100 / Rp 150); baris terhitung dua kali? [duplicate-line]');
    const json = JSON.parse((await kinerja('validate', 'quality.json', '--json')).out) as { valid: boolean; findings: { code: string; subject?: string; year?: number }[] };
    expect(json.valid).toBe(true);
    expect(json.findings.filter((f) => f.code === 'duplicate-line')).toEqual([expect.objectContaining({ subject: 'Belanja ATK', year: 2025 })]);
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

describe('out-of-range numbers on the command line', () => {
  it('validate and import refuse a share above 100 % with its path and range (exit 1, nothing stored); marked as printed it is a warning and unmeasured', async () => {
    const ds = minimalDataset();
    const umm = ds.realizations.find((r) => r.indicator.endsWith('/UMM'))!;
    Object.assign(umm, { numerator: 900, denominator: 860 });
    delete umm.value;
    await writeJson('share.json', ds);
    const v = await kinerja('validate', 'share.json');
    expect(v.code).toBe(1);
    expect(v.out + v.err).toContain(
      'realizations[0].numerator: realisasi 2025 "Persentase Usaha Mikro Mandiri": 900 ÷ 860 × 100 = 104,65, lebih dari 100; seharusnya 0 sampai 100 (persentase)',
    );
    const before = await kinerja('agencies', '--json');
    const imp = await kinerja('import', 'share.json');
    expect(imp.code).toBe(1);
    expect(imp.err).toContain('realizations[0].numerator');
    expect((await kinerja('agencies', '--json')).out).toBe(before.out);

    Object.assign(umm, { outOfRange: { reason: 'as printed in the source' } });
    await writeJson('share-marked.json', ds);
    const w = await kinerja('validate', 'share-marked.json');
    expect(w.code).toBe(0);
    expect(w.out + w.err).toMatch(/peringatan realizations\[0\]\.numerator: .*dipertahankan sebagaimana tercatat dalam sumbernya \("as printed in the source"\) dan tidak dinilai \[out-of-range\]/);
    const m = await kinerja('measure', 'share-marked.json', '--year', '2025', '--json');
    const row = JSON.parse(m.out).agreements[0].rows[0];
    expect(row).toMatchObject({ indicator: 'renstra-2021-2026/UMM', achievement: null, unmeasured: 'out of range' });
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

  it('prints a figure awaiting approval apart from the official table', async () => {
    const ds = minimalDataset();
    ds.realizations[0]!.state = 'submitted'; // UMM 6,5 against 70
    await writeJson('pending.json', ds);
    const r = await kinerja('measure', 'pending.json', '--year', '2025');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(menunggu persetujuan)');
    expect(r.out).toContain('Menunggu persetujuan (belum masuk angka resmi):\n  Persentase Usaha Mikro Mandiri: realisasi 6,50, capaian 9,29 % Sangat Rendah (diajukan, tahunan)');
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
    ds.agency.region = 'Kota Contoh'; // a region of its own
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

  describe('a region file of one agency replaces that agency only; --prune removes the others and lists them (issue 9)', () => {
    const jember = (abbreviation: string, name: string) => {
      const ds = minimalDataset();
      ds.agency = { ...ds.agency, abbreviation, name, region: 'Kabupaten Jember' };
      return ds;
    };
    const agencies = [jember('Diskopum', 'Dinas Koperasi dan Usaha Mikro'), jember('Dinkes', 'Dinas Kesehatan'), jember('Disdik', 'Dinas Pendidikan')];
    const region = (list: unknown[]) => ({ format: 'kinerja-region/1', region: 'Kabupaten Jember', agencies: list });
    const inJember = async () =>
      (JSON.parse((await kinerja('agencies', '--json')).out) as { id: string; region: string }[]).filter((a) => a.region === 'Kabupaten Jember').map((a) => a.id);

    it('keeps the region’s other agencies and lists what it replaced, in Indonesian, English and JSON', async () => {
      await writeJson('jember-3.json', region(agencies));
      const all = await kinerja('import', 'jember-3.json');
      expect(all.code).toBe(0);
      expect(all.out).toBe(
        'Wilayah Kabupaten Jember: 3 ditambahkan, 0 diganti, 0 dihapus\n' +
          '  ditambahkan  diskopum  Dinas Koperasi dan Usaha Mikro\n' +
          '  ditambahkan  dinkes    Dinas Kesehatan\n' +
          '  ditambahkan  disdik    Dinas Pendidikan\n',
      );
      const one = structuredClone(agencies[0]!);
      // the fixture's narrative (its analyses give every row's causes) with conclusions of its own
      const story = { ...(one.narrative as Exclude<typeof one.narrative, unknown[] | undefined>), conclusions: 'diimpor sendiri' };
      one.narrative = story;
      await writeJson('jember-1.json', region([one]));
      const r = await kinerja('import', 'jember-1.json');
      expect(r.code).toBe(0);
      expect(r.out).toBe(
        'Wilayah Kabupaten Jember: 0 ditambahkan, 1 diganti, 0 dihapus\n' +
          '  diganti  diskopum  Dinas Koperasi dan Usaha Mikro\n' +
          '2 perangkat daerah lain di wilayah ini tidak ada dalam berkas dan tetap tersimpan (dinkes, disdik); --prune menghapusnya.\n',
      );
      expect(await inJember()).toEqual(['diskopum', 'dinkes', 'disdik']);
      expect(JSON.parse((await kinerja('export', '--agency', 'diskopum')).out).narrative).toEqual(story);
      expect(JSON.parse((await kinerja('export', '--agency', 'dinkes')).out)).toEqual(agencies[1]);

      const en = await kinerja('import', 'jember-1.json', '--lang', 'en');
      expect(en.out).toBe(
        'Region Kabupaten Jember: 0 added, 1 replaced, 0 removed\n' +
          '  replaced  diskopum  Dinas Koperasi dan Usaha Mikro\n' +
          '2 other agencies of the region are not in the file and were kept (dinkes, disdik); --prune removes them.\n',
      );
      const json = JSON.parse((await kinerja('import', 'jember-1.json', '--json')).out);
      expect(json).toEqual({
        kind: 'region',
        stored: true,
        region: 'Kabupaten Jember',
        added: [],
        replaced: [{ id: 'diskopum', name: 'Dinas Koperasi dan Usaha Mikro' }],
        removed: [],
        kept: [
          { id: 'dinkes', name: 'Dinas Kesehatan' },
          { id: 'disdik', name: 'Dinas Pendidikan' },
        ],
        findings: [],
      });
      expect(await inJember()).toEqual(['diskopum', 'dinkes', 'disdik']);
    });

    it('--prune --dry-run lists what would be removed and stores nothing; --prune removes and lists them', async () => {
      const before = (await kinerja('agencies', '--json')).out;
      const dry = await kinerja('import', 'jember-1.json', '--prune', '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toBe(
        'Uji coba (--dry-run): tidak ada yang disimpan. Impor akan melakukan ini:\n' +
          'Wilayah Kabupaten Jember: 0 ditambahkan, 1 diganti, 2 dihapus\n' +
          '  diganti  diskopum  Dinas Koperasi dan Usaha Mikro\n' +
          '  dihapus  dinkes    Dinas Kesehatan\n' +
          '  dihapus  disdik    Dinas Pendidikan\n',
      );
      expect((await kinerja('agencies', '--json')).out).toBe(before);

      const pruned = await kinerja('--lang', 'en', 'import', 'jember-1.json', '--prune');
      expect(pruned.code).toBe(0);
      expect(pruned.out).toBe(
        'Region Kabupaten Jember: 0 added, 1 replaced, 2 removed\n' +
          '  replaced  diskopum  Dinas Koperasi dan Usaha Mikro\n' +
          '  removed   dinkes    Dinas Kesehatan\n' +
          '  removed   disdik    Dinas Pendidikan\n',
      );
      expect(await inJember()).toEqual(['diskopum']);
    });

    it('refuses --prune for one agency’s dataset (exit 2) and stores nothing', async () => {
      const before = (await kinerja('agencies', '--json')).out;
      const r = await kinerja('import', 'ok.json', '--prune');
      expect(r.code).toBe(2);
      expect(r.err).toBe('kinerja: --prune hanya untuk berkas wilayah (kinerja-region/1); ok.json berisi dataset satu perangkat daerah\n');
      expect((await kinerja('agencies', '--json')).out).toBe(before);
    });
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
