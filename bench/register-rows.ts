/**
 * The synthetic micro-business rows of the register bench (bench/registers.ts), deterministic from
 * a seed: names made of word lists, NIB and NIK under region code 9999, which no region has, so
 * no row can be mistaken for a real person. A module of its own so that other scripts can import
 * the generator without running the bench.
 */
import { KECAMATAN } from '../src/core/registers/fixtures.js';

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
