/**
 * `kinerja measure --agency ID --json` on a real embedded database: an indicator counted from
 * the agency's registers is measured from the rows imported with `register import`, as of
 * KINERJA_TODAY; the same dataset read from a file has no rows, its counted year unmeasured with
 * the reason.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dataset } from '../core/dataset/schema.js';
import { registerDataset } from '../core/registers/fixtures.js';
import { runCli } from './testing.js';

let dir: string;
let env: Record<string, string | undefined>;
const kinerja = (extra: Record<string, string>, ...argv: string[]) => runCli(argv, { env: { ...env, ...extra }, cwd: dir });
const UMM = 'renstra-2021-2026/UMM';

function dataset(): Dataset {
  const ds = registerDataset();
  ds.plans[0]!.indicators![0]!.fromRegister = {
    since: 2026,
    count: { register: 'koperasi', where: [{ event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] },
    of: { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] },
  };
  return ds;
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-reg-measure-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data') };
  await writeFile(join(dir, 'dinco.json'), JSON.stringify(dataset()));
  expect((await kinerja({}, 'import', 'dinco.json')).code).toBe(0);
  await writeFile(
    join(dir, 'koperasi.csv'),
    csv([
      ['nomor_badan_hukum', 'nama', 'status_2026'],
      ['BH-1', 'KSP Maju', 'aktif'],
      ['BH-2', 'KSU Sejahtera', 'aktif'],
      ['BH-3', 'Kopwan Mawar', 'aktif'],
      ['BH-4', 'Kopsyah Barokah', 'tidak aktif'],
    ]),
  );
  await writeFile(
    join(dir, 'fasilitasi.csv'),
    csv([
      ['nomor', 'tanggal', 'koperasi'],
      ['F1', '2026-02-10', 'BH-1'],
      ['F2', '2026-03-01', 'BH-1'],
      ['F3', '2026-05-20', 'BH-2'],
      ['F4', '2026-01-15', 'BH-4'],
    ]),
  );
  for (const reg of ['koperasi', 'fasilitasi']) {
    const r = await kinerja({}, 'register', 'import', `${reg}.csv`, '--agency', 'dinco', '--register', reg, '--store');
    expect(r.code, r.out + r.err).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ummOf = (out: string) => (JSON.parse(out) as { planIndicators: Array<Record<string, unknown>> }).planIndicators.find((r) => r.indicator === UMM)!;

it('measure --agency counts the indicator from the registers as of KINERJA_TODAY', async () => {
  const july = await kinerja({ KINERJA_TODAY: '2026-07-10' }, 'measure', '--agency', 'dinco', '--year', '2026', '--json');
  expect(july.code, july.err).toBe(0);
  const row = ummOf(july.out);
  // BH-1 and BH-2 of the 3 active cooperatives at 30 June: 66,67 %
  expect(row.realizationParts).toEqual({ numerator: 2, denominator: 3 });
  expect(row.realization as number).toBeCloseTo(66.6667, 3);
  expect(row.fromRegister).toEqual({ register: 'koperasi', asOf: '2026-06-30' });
  expect(row.provisional).toBe(true);

  const april = await kinerja({ KINERJA_TODAY: '2026-04-01' }, 'measure', '--agency', 'dinco', '--year', '2026', '--json');
  expect(ummOf(april.out).realizationParts).toEqual({ numerator: 1, denominator: 3 });
}, 60_000);

it('measure of the dataset file: no register rows, the counted year unmeasured with the reason', async () => {
  const r = await kinerja({ KINERJA_TODAY: '2026-07-10' }, 'measure', 'dinco.json', '--year', '2026', '--json');
  expect(r.code, r.err).toBe(0);
  const row = ummOf(r.out);
  expect(row.realization).toBeNull();
  expect(row.fromRegister).toBeUndefined();
  expect(r.out).toContain('dihitung dari register Koperasi, yang datanya tidak tersedia di sini');
}, 60_000);
