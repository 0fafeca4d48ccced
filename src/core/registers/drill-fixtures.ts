/**
 * For the drill-down's tests and bench: the register fixture (fixtures.ts) with two indicators
 * counted from registers from 2026 — `KOP`, the share of active cooperatives facilitated at least
 * once in the year (a ratio × 100), and `UMK`, the number of culinary micro businesses (a plain
 * count) — and an activity table counted from a register (`fasilitasi-kecamatan`: facilitated
 * cooperatives per kecamatan); and register rows generated deterministically from a seed, as a
 * file's rows (a header of field ids, then the cells), clearly synthetic (keys `BH-00001`, NIB
 * and NIK starting 9999, which is no region's code). IO-free.
 */
import type { Dataset } from '../dataset/schema.js';
import { mulberry32 } from '../random.js';
import { fixtureRegisters, KECAMATAN, registerDataset } from './fixtures.js';

export const KOP_REF = 'renstra-2021-2026/KOP';
export const UMK_REF = 'renstra-2021-2026/UMK';
export const KOP_TABLE = 'fasilitasi-kecamatan';

/** The register fixture with the indicators `KOP` (ratio) and `UMK` (count) and the table `fasilitasi-kecamatan`, counted from 2026. */
export function drillDataset(): Dataset {
  return withDrill(registerDataset());
}

/**
 * A copy of a dataset (with a first plan holding a goal `S1`) given the fixture's units and
 * registers, the indicators `KOP` and `UMK` in its first plan and the table `fasilitasi-kecamatan`,
 * counted from `since`.
 */
export function withDrill(base: Dataset, since = 2026): Dataset {
  const ds = structuredClone(base);
  const units = ds.organization?.units ?? [];
  for (const u of registerDataset().organization!.units!) if (!units.some((x) => x.id === u.id)) units.push(u);
  ds.organization = { ...(ds.organization ?? {}), units };
  ds.registers = [...(ds.registers ?? []).filter((r) => !fixtureRegisters().some((f) => f.id === r.id)), ...fixtureRegisters()];
  const facilitated = { event: { register: 'fasilitasi', via: 'koperasi', date: 'tanggal' } };
  const plan = ds.plans[0]!;
  plan.indicators = (plan.indicators ?? []).filter((i) => i.id !== 'KOP' && i.id !== 'UMK');
  plan.indicators.push(
    {
      id: 'KOP',
      goal: 'S1',
      name: 'Persentase Koperasi Aktif yang Difasilitasi',
      unit: '%',
      measure: { type: 'ratio', numerator: 'koperasi aktif yang difasilitasi', denominator: 'koperasi aktif', factor: 100 },
      targets: { '2025': 50, '2026': 60 },
      fromRegister: { since, count: { register: 'koperasi', where: [facilitated] }, of: { register: 'koperasi', where: [{ field: 'status', equals: 'aktif' }] } },
    },
    {
      id: 'UMK',
      goal: 'S1',
      name: 'Jumlah Usaha Mikro Kuliner',
      unit: 'unit',
      measure: { type: 'count' },
      targets: { '2026': 10 },
      fromRegister: { since, count: { register: 'usaha_mikro', where: [{ field: 'sektor', equals: 'kuliner' }] } },
    },
  );
  ds.activities = [
    ...(ds.activities ?? []).filter((l) => l.id !== KOP_TABLE),
    { id: KOP_TABLE, title: 'Koperasi yang Difasilitasi per Kecamatan', rows: [], fromRegister: { since, count: { register: 'koperasi', where: [facilitated] }, groupBy: 'kecamatan' } },
  ];
  return ds;
}

/** A small deterministic generator (mulberry32, core/random.ts). */
export const seeded = mulberry32;

const PREFIX = ['KSP', 'KSU', 'Kopwan', 'Kopsyah', 'Koperasi Produsen'];
const WORDS = ['Maju', 'Sejahtera', 'Mawar', 'Barokah', 'Makmur', 'Sentosa', 'Mandiri', 'Lestari', 'Jaya', 'Bersama'];
const SEKTOR = ['kuliner', 'fesyen', 'kriya', 'pertanian', 'jasa'];
const FIRST = ['Sari', 'Budi', 'Wati', 'Eko', 'Dewi', 'Agus', 'Rina', 'Joko'];

export interface DrillRows {
  koperasi: string[][];
  fasilitasi: string[][];
  usaha_mikro: string[][];
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** `n` cooperatives (status and RAT for 2025 and 2026), about 1,2 facilitation events each over 2025–2026, and `n` micro businesses. */
export function drillRows(n: number, seed = 13): DrillRows {
  const r = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const koperasi: string[][] = [['nomor_badan_hukum', 'nama', 'kecamatan', 'status_2025', 'status_2026', 'rat_2026']];
  const fasilitasi: string[][] = [['nomor', 'tanggal', 'jenis', 'koperasi']];
  const usaha: string[][] = [['nib', 'nama_usaha', 'pemilik', 'nik', 'sektor', 'kecamatan', 'berdiri', 'tenaga_kerja']];
  let ev = 0;
  for (let i = 1; i <= n; i++) {
    const key = `BH-${pad(i, 5)}`;
    const status = (): string => (r() < 0.75 ? 'aktif' : r() < 0.8 ? 'tidak aktif' : '');
    koperasi.push([key, `${pick(PREFIX)} ${pick(WORDS)} ${i}`, r() < 0.95 ? pick(KECAMATAN) : '', status(), status(), r() < 0.5 ? 'ya' : 'tidak']);
    const events = Math.floor(r() * 3 * r() * 1.6);
    for (let k = 0; k < events; k++) {
      ev++;
      const year = r() < 0.4 ? 2025 : 2026;
      const day = `${year}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
      fasilitasi.push([`F-${pad(ev, 6)}`, day, r() < 0.6 ? 'pelatihan' : 'pendampingan', key]);
    }
    usaha.push([
      `9999${pad(i, 9)}`,
      `Usaha ${pick(WORDS)} ${i}`,
      `${pick(FIRST)} ${pick(FIRST)}wati`,
      `9999${pad(Math.floor(r() * 1e6), 6)}${pad(i, 6)}`,
      pick(SEKTOR),
      pick(KECAMATAN),
      `20${pad(10 + Math.floor(r() * 15), 2)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      String(1 + Math.floor(r() * 9)),
    ]);
  }
  return { koperasi, fasilitasi, usaha_mikro: usaha };
}

/** A file's rows as the store's import reads them (row 1 the header). */
export const asSourceRows = (t: readonly string[][]): Array<{ row: number; cells: string[] }> => t.map((cells, i) => ({ row: i + 1, cells: [...cells] }));

/** A file's rows as entities (per-year columns `status_2026` under `years`; a yes/no field `rat` as true/false), to evaluate in memory. */
export function fileEntities(t: readonly string[][]): Array<{ key: string; data: Record<string, string | boolean>; years: Record<string, Record<string, string | boolean>> }> {
  const [head, ...rows] = t;
  return rows.map((cells) => {
    const e = { key: cells[0]!, data: {} as Record<string, string | boolean>, years: {} as Record<string, Record<string, string | boolean>> };
    head!.forEach((h, i) => {
      const v = cells[i]!;
      if (v === '') return;
      const m = /^(.*)_(\d{4})$/.exec(h);
      const value = h.startsWith('rat') ? v === 'ya' : v;
      if (m) (e.years[m[2]!] ??= {})[m[1]!] = value;
      else e.data[h] = value;
    });
    return e;
  });
}
