/**
 * `kinerja drill` in-process on a real embedded database: the drill fixture's agency imported,
 * its register rows imported with `register import --store`, the figure and the lists printed as
 * text and JSON and held to the conditions evaluated in memory; the refusals.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectKeys, windowOf } from '../core/registers/conditions.js';
import { drillDataset, drillRows, KOP_REF, UMK_REF, fileEntities } from '../core/registers/drill-fixtures.js';
import type { Entity } from '../core/registers/rows.js';
import { jakartaToday } from './drill.js';
import { runCli } from './testing.js';

let dir: string;
let env: Record<string, string | undefined>;
const kinerja = (...argv: string[]) => runCli(argv, { env, cwd: dir });
const ROWS = drillRows(40, 5);
const ds = drillDataset();
const regs = ds.registers!;

/** The rows of the files as entities (per-year columns `status_2026` → years), to evaluate in memory. */
const entities = (t: string[][]): Entity[] => fileEntities(t);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-drill-cli-'));
  env = { KINERJA_DATA_DIR: join(dir, 'data'), KINERJA_TODAY: '2026-08-15' };
  await writeFile(join(dir, 'dinco.json'), JSON.stringify(ds));
  expect((await kinerja('import', 'dinco.json')).code).toBe(0);
  for (const id of ['koperasi', 'fasilitasi', 'usaha_mikro'] as const) {
    await writeFile(join(dir, `${id}.csv`), ROWS[id].map((r) => r.join(',')).join('\n') + '\n');
    const r = await kinerja('register', 'import', `${id}.csv`, '--agency', 'dinco', '--register', id, '--store');
    expect([id, r.code, r.err]).toEqual([id, 0, '']);
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kinerja drill', () => {
  const mem = new Map([
    ['koperasi', entities(ROWS.koperasi)],
    ['fasilitasi', entities(ROWS.fasilitasi)],
  ]);
  const w = windowOf(2026, 'Q2'); // KINERJA_TODAY 2026-08-15: the second quarter is the latest ended
  const counted = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }, { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] }, w);
  const pop = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] }, w);
  const name = new Map(ROWS.koperasi.map((r) => [r[0]!, r[1]!]));

  it('prints the figure of the latest ended period, the counted entities and the population, in Indonesian', async () => {
    const r = await kinerja('drill', '--agency', 'dinco', '--year', '2026', '--indicator', KOP_REF);
    expect([r.code, r.err]).toEqual([0, '']);
    const pct = ((100 * counted.length) / pop.length).toFixed(2).replace('.', ',');
    expect(r.out.split('\n').slice(0, 5)).toEqual([
      `Persentase Koperasi Aktif yang Difasilitasi (${KOP_REF}), Triwulan II 2026 — per 30 Juni 2026`,
      'Dihitung: Koperasi dengan status aktif pada tahun berjalan dan sedikitnya satu fasilitasi koperasi dalam tahun berjalan',
      'Populasi: Koperasi dengan status aktif pada tahun berjalan',
      `Realisasi: ${counted.length} dari ${pop.length} = ${pct} %`,
      '',
    ]);
    const [numPart, popPart] = r.out.split('\nPopulasi (penyebut)');
    expect(numPart).toContain(`Dihitung pada pembilang (${counted.length}):\n${counted.map((k) => `  ${k}\t${name.get(k)}\n`).join('')}`);
    expect(popPart).toBe(` (${pop.length}):\n${pop.map((k) => `  ${k}\t${name.get(k)}\t${counted.includes(k) ? 'dihitung' : 'tidak dihitung'}\n`).join('')}`);
    expect(counted.length).toBeGreaterThan(0);
    expect(pop.length).toBeGreaterThan(counted.length);
  }, 60_000);

  it('--json and --period; a plain count has no population; no personal field', async () => {
    const r = await kinerja('drill', '--agency', 'dinco', '--year', '2026', '--indicator', 'KOP', '--period', 'Q1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const q1 = windowOf(2026, 'Q1');
    const c1 = selectKeys(regs, mem, { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }, { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } }] }, q1);
    expect(j).toMatchObject({ indicator: { ref: KOP_REF }, period: 'Q1', asOf: '2026-03-31', figure: { numerator: c1.length, denominator: pop.length } });
    expect(j.counted.map((e: { key: string }) => e.key)).toEqual(c1);
    expect(j.population.map((e: { key: string }) => e.key)).toEqual(pop);
    const u = await kinerja('drill', '--agency', 'dinco', '--year', '2026', '--indicator', UMK_REF, '--json');
    const uj = JSON.parse(u.out);
    const kuliner = ROWS.usaha_mikro.slice(1).filter((x) => x[4] === 'kuliner');
    expect(uj.figure).toEqual({ numerator: kuliner.length, denominator: null, value: kuliner.length });
    expect(uj.counted.map((e: { key: string }) => e.key)).toEqual(kuliner.map((x) => x[0]).sort());
    for (const x of kuliner) expect(u.out).not.toContain(x[3]!);
  }, 60_000);

  it('refuses an unknown indicator, one not counted from a register, a period not ended', async () => {
    const nope = await kinerja('drill', '--agency', 'dinco', '--year', '2026', '--indicator', 'renstra-2021-2026/NOPE');
    expect(nope.code).toBe(1);
    expect(nope.err).toContain('tidak ada indikator "renstra-2021-2026/NOPE" dalam rencana perangkat daerah');
    const umm = await kinerja('drill', '--agency', 'dinco', '--year', '2026', '--indicator', 'renstra-2021-2026/UMM', '--lang', 'en');
    expect(umm.code).toBe(1);
    expect(umm.err).toContain('indicator "Persentase Usaha Mikro Mandiri" is not counted from a register');
    const q3 = await kinerja('drill', '--agency', 'dinco', '--year', '2026', '--indicator', KOP_REF, '--period', 'Q3');
    expect(q3.code).toBe(1);
    expect(q3.err).toContain('Triwulan III 2026 belum berakhir');
    expect((await kinerja('drill', '--agency', 'dinco', '--year', '2026')).code).toBe(2);
  }, 60_000);
});

it('today in Asia/Jakarta is 7 hours ahead of UTC', () => {
  expect(jakartaToday(new Date('2026-03-31T17:30:00Z'))).toBe('2026-04-01');
  expect(jakartaToday(new Date('2026-03-31T16:30:00Z'))).toBe('2026-03-31');
});
