/**
 * The synthetic micro-business rows of the register bench (bench/registers.ts), deterministic from
 * a seed: names made of word lists, NIB and NIK under region code 9999, which no region has, so
 * no row can be mistaken for a real person. A module of its own so that other scripts can import
 * the generator without running the bench.
 */
import type { Dataset } from '../src/core/dataset/schema.js';
import { KECAMATAN, registerDataset } from '../src/core/registers/fixtures.js';
import { mulberry32 } from '../src/core/random.js';

const rng = mulberry32;

const KIND = ['Warung', 'Toko', 'Kedai', 'Batik', 'Kerajinan', 'Bengkel', 'Dapur', 'Usaha', 'Griya', 'Sentra'];
const WORD = ['Makmur', 'Jaya', 'Sentosa', 'Berkah', 'Lestari', 'Mandiri', 'Sejahtera', 'Abadi', 'Rukun', 'Barokah', 'Indah', 'Sari'];
const FIRST = ['Ahmad', 'Siti', 'Budi', 'Dewi', 'Eko', 'Fitri', 'Gunawan', 'Hartini', 'Imam', 'Joko', 'Kartika', 'Lina', 'Made', 'Nur'];
const LAST = ['Santoso', 'Wahyuni', 'Prasetyo', 'Lestari', 'Hidayat', 'Rahayu', 'Susanto', 'Utami', 'Saputra', 'Wibowo'];
const SECTOR = ['kuliner', 'fesyen', 'kriya', 'pertanian', 'jasa'];
export const HEADER = ['nib', 'nama_usaha', 'pemilik', 'nik', 'sektor', 'kecamatan', 'berdiri', 'tenaga_kerja'];

/** The synthetic rows, as text cells, deterministically (seed 13). */
export function* syntheticMicroBusinesses(n: number, seed = 13): Generator<string[]> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const pad = (x: number, w: number): string => String(x).padStart(w, '0');
  for (let i = 1; i <= n; i++) {
    const y = 1960 + Math.floor(r() * 45);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const est = 2000 + Math.floor(r() * 26);
    yield [
      `9999${pad(i, 9)}`,
      `${pick(KIND)} ${pick(WORD)} ${pick(WORD)} ${i}`,
      `${pick(FIRST)} ${pick(LAST)}`,
      `999901${pad(d, 2)}${pad(m, 2)}${pad(y % 100, 2)}${pad(i % 10_000, 4)}`,
      pick(SECTOR),
      pick(KECAMATAN),
      `${est}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`,
      String(1 + Math.floor(r() * 9)),
    ];
  }
}

/**
 * The bench's dataset: the register fixtures with one more, optional field on `usaha_mikro` — the
 * cooperative that mentors the business, a reference to `koperasi` — so that a file can hold an
 * unknown reference. The good files leave its column out.
 */
export function bulkDataset(): Dataset {
  const ds = registerDataset();
  ds.registers!.find((r) => r.id === 'usaha_mikro')!.fields.push({ id: 'koperasi', name: 'Koperasi Pembina', type: 'reference', register: 'koperasi' });
  return ds;
}

/** The kinds of bad row {@link withBadRows} writes, in turn: the column and the problem's code. */
export const BAD_KINDS = [
  { column: 'nik', code: 'pattern' },
  { column: 'sektor', code: 'not-allowed' },
  { column: 'nib', code: 'duplicate-key' },
  { column: 'koperasi', code: 'dangling-reference' },
  { column: 'berdiri', code: 'not-a-date' },
  { column: 'tenaga_kerja', code: 'not-a-number' },
] as const;

/**
 * The synthetic rows with a `koperasi` column (empty) and `bad` of them spoiled, spread evenly
 * over the file, one kind after the other ({@link BAD_KINDS}): a short NIK, a sector not allowed,
 * the key of the first row again, an unknown cooperative, 31 February, a word as a number.
 * `badRows` gets the file rows (header = row 1) of the spoiled ones, in order.
 */
export function* withBadRows(n: number, bad: number, badRows: number[] = []): Generator<string[]> {
  const every = Math.floor(n / bad);
  let i = 0;
  let firstKey = '';
  for (const row of syntheticMicroBusinesses(n)) {
    i++;
    if (i === 1) firstKey = row[0]!;
    const out = [...row, ''];
    const b = i % every === 0 ? i / every - 1 : -1;
    if (b >= 0 && b < bad) {
      badRows.push(i + 1);
      const kind = BAD_KINDS[b % BAD_KINDS.length]!;
      const col = kind.column === 'koperasi' ? out.length - 1 : HEADER.indexOf(kind.column);
      out[col] = { pattern: '3509', 'not-allowed': 'perikanan', 'duplicate-key': firstKey, 'dangling-reference': 'BH-TIDAK-ADA', 'not-a-date': '31/02/2020', 'not-a-number': 'banyak' }[kind.code];
    }
    yield out;
  }
}
