/**
 * The demo agency's registers (examples/diskopum-jember-2025.json, agency `diskopum`): their
 * definitions — the dataset holds a copy, held equal to `demoRegisterDefinitions()` by the tests —
 * and a deterministic generator of their rows, clearly synthetic, as a file would give them to
 * `createRegisterQueries(pool).importRows` (a header row of field ids, then one row per entity).
 *
 * Nothing here is a real cooperative, business or person: names are "Koperasi Contoh Sejahtera
 * 0123", "Usaha Contoh Kuliner 000123", "Pemilik Contoh 000123"; registration numbers carry
 * "CONTOH"; NIB start with "0000" (no NIB issued by OSS does); NIK start with "9999" (province 99,
 * regency 9999, which do not exist). Rows come from a seeded PRNG (never Math.random): the same
 * options give the same rows. IO-free.
 *
 * What the demo holds (the choices, examples/README.md "Registers"):
 * - `koperasi`: 2.262 cooperatives (the report's "Data Jumlah koperasi pada tahun 2025 sebanyak
 *   2.262 unit"), 857 of them `aktif` in 2025 and 274 of those `sehat` (the report's 857 and 274);
 *   in 2026 40 of 2025's active ones stopped (no RAT) and 84 inactive ones became active again
 *   (Koperasi Merah Putih formed in 2025 starting to work), 901 active, 332 of them `sehat`.
 * - `usaha_mikro`: 20.000 micro businesses by default (the report's 293.212 exist only as a
 *   number; `usahaMikro` asks for more, e.g. the full 293.212 for the bench), founded before 2026.
 * - `fasilitasi_koperasi`: events of 2026 up to 30 September (Q1–Q3): about 640 active
 *   cooperatives facilitated once to four times, and some events for inactive ones (which the
 *   indicator's population leaves out, unlike the 1.905 events against 857 cooperatives of 2025).
 * - `fasilitasi_usaha_mikro`: events of 2026 up to 30 September for about 7,5 % of the micro
 *   businesses (2025: 18.951 of 293.212, 6,5 %), once to three times each.
 */
import type { Register } from '../dataset/schema.js';
import { planColumns, problemText, rowChecker, type Cell, type Entity, type SourceRow } from './rows.js';
import { mulberry32 } from '../random.js';

/** The 31 kecamatan of Kabupaten Jember. */
export const KECAMATAN_JEMBER = [
  'Ajung',
  'Ambulu',
  'Arjasa',
  'Balung',
  'Bangsalsari',
  'Gumukmas',
  'Jelbuk',
  'Jenggawah',
  'Jombang',
  'Kalisat',
  'Kaliwates',
  'Kencong',
  'Ledokombo',
  'Mayang',
  'Mumbulsari',
  'Pakusari',
  'Panti',
  'Patrang',
  'Puger',
  'Rambipuji',
  'Semboro',
  'Silo',
  'Sukorambi',
  'Sukowono',
  'Sumberbaru',
  'Sumberjambe',
  'Sumbersari',
  'Tanggul',
  'Tempurejo',
  'Umbulsari',
  'Wuluhan',
] as const;

/** The sub-kegiatan of the demo's program tree that facilitation events belong to (their names as a reader knows them). */
export const SUB_KEGIATAN = {
  pengawasan: 'Pelaksanaan Proses Pemeriksaan dan Pengawasan Koperasi',
  diklat: 'Peningkatan Pemahaman dan Pengetahuan Perkoperasian serta Kapasitas dan Kompetensi SDM Koperasi',
  kemitraan: 'Fasilitasi Kemitraan Koperasi',
  produktivitas: 'Peningkatan Produktivitas, Nilai Tambah, Akses Pasar, Akses Pembiayaan, Penguatan Kelembagaan, Penataan Manajemen, Standarisasi, dan Restrukturisasi Usaha',
  pemberdayaanUm: 'Pemberdayaan Kelembagaan Potensi dan Pengembangan Usaha Mikro',
  pengembanganUm: 'Pengembangan Usaha Mikro',
  inkubasi: 'Fasilitasi Pengembangan Inkubasi Secara Terpadu dan Berjenjang',
} as const;

/** The kinds of cooperative facilitation (Tabel 3.12 and 3.13 of the 2025 report), each with its sub-kegiatan and weight. */
export const JENIS_FASILITASI_KOPERASI: ReadonlyArray<{ jenis: string; sub: string; weight: number }> = [
  { jenis: 'Pemeriksaan dan pengawasan koperasi', sub: SUB_KEGIATAN.pengawasan, weight: 10 },
  { jenis: 'Penilaian kesehatan koperasi', sub: SUB_KEGIATAN.pengawasan, weight: 6 },
  { jenis: 'Bimbingan teknis perkoperasian', sub: SUB_KEGIATAN.diklat, weight: 24 },
  { jenis: 'Diklat SKKNI pengurus/pengawas koperasi', sub: SUB_KEGIATAN.diklat, weight: 6 },
  { jenis: 'Fasilitasi kemitraan koperasi', sub: SUB_KEGIATAN.kemitraan, weight: 16 },
  { jenis: 'Sosialisasi Gerakan Masyarakat Sadar Koperasi (GEMASKOP)', sub: SUB_KEGIATAN.produktivitas, weight: 8 },
  { jenis: 'Sosialisasi Hak Atas Tanah (SHAT)', sub: SUB_KEGIATAN.produktivitas, weight: 6 },
  { jenis: 'Pendampingan Koperasi Desa/Kelurahan Merah Putih', sub: SUB_KEGIATAN.produktivitas, weight: 24 },
];

/** The kinds of micro-business facilitation (Tabel 3.4–3.7 of the 2025 report), each with its sub-kegiatan and weight. */
export const JENIS_FASILITASI_USAHA_MIKRO: ReadonlyArray<{ jenis: string; sub: string; weight: number }> = [
  { jenis: 'Fasilitasi pemasaran (pameran dan bazar)', sub: SUB_KEGIATAN.pemberdayaanUm, weight: 18 },
  { jenis: 'Fasilitasi sarana pengembangan usaha', sub: SUB_KEGIATAN.pemberdayaanUm, weight: 10 },
  { jenis: 'Penerbitan Surat Keterangan Usaha (SKU)', sub: SUB_KEGIATAN.pengembanganUm, weight: 4 },
  { jenis: 'Fasilitasi perizinan On The Spot', sub: SUB_KEGIATAN.pengembanganUm, weight: 14 },
  { jenis: 'Pendampingan legalitas usaha', sub: SUB_KEGIATAN.pengembanganUm, weight: 26 },
  { jenis: 'Fasilitasi sertifikat halal', sub: SUB_KEGIATAN.pengembanganUm, weight: 12 },
  { jenis: 'Pelatihan vokasional', sub: SUB_KEGIATAN.pengembanganUm, weight: 14 },
  { jenis: 'Inkubasi bisnis', sub: SUB_KEGIATAN.inkubasi, weight: 2 },
];

/** The kinds of micro-business facilitation that are licensing (Tabel 3.6, "Fasilitasi Kemudahan Perijinan"). */
export const JENIS_PERIZINAN = ['Penerbitan Surat Keterangan Usaha (SKU)', 'Fasilitasi perizinan On The Spot', 'Pendampingan legalitas usaha', 'Fasilitasi sertifikat halal'] as const;

const JENIS_KOPERASI = ['Koperasi Konsumen', 'Koperasi Produsen', 'Koperasi Simpan Pinjam', 'Koperasi Pemasaran', 'Koperasi Jasa'] as const;
const JENIS_KOPERASI_WEIGHT = [30, 14, 36, 10, 10];
const SEKTOR = ['kuliner', 'fesyen', 'kriya', 'pertanian', 'perdagangan', 'jasa'] as const;
const SEKTOR_WEIGHT = [34, 10, 9, 17, 20, 10];
const KESEHATAN = ['sehat', 'cukup sehat', 'dalam pengawasan', 'dalam pengawasan khusus'] as const;
const NAMA_KOPERASI = ['Sejahtera', 'Makmur', 'Mandiri', 'Sentosa', 'Bersama', 'Maju', 'Jaya', 'Amanah', 'Berkah', 'Lestari'];
const NAMA_SEKTOR: Record<(typeof SEKTOR)[number], string> = { kuliner: 'Kuliner', fesyen: 'Busana', kriya: 'Kerajinan', pertanian: 'Tani', perdagangan: 'Dagang', jasa: 'Jasa' };

/** The owning units: cooperatives with the Bidang Kelembagaan dan Pengawasan, micro businesses with the Bidang Pemasaran. */
export const DEMO_REGISTER_UNITS = { koperasi: 'bid-kelembagaan', usahaMikro: 'bid-pemasaran' } as const;

/** The demo's register definitions (the dataset's `registers`). */
export function demoRegisterDefinitions(): Register[] {
  return [
    {
      id: 'koperasi',
      name: 'Koperasi',
      key: 'nomor_badan_hukum',
      label: 'nama',
      unit: DEMO_REGISTER_UNITS.koperasi,
      fields: [
        { id: 'nomor_badan_hukum', name: 'Nomor Badan Hukum', type: 'text' },
        { id: 'nama', name: 'Nama Koperasi', type: 'text', required: true },
        { id: 'kecamatan', name: 'Kecamatan', type: 'category', values: [...KECAMATAN_JEMBER], required: true },
        { id: 'jenis', name: 'Jenis Koperasi', type: 'category', values: [...JENIS_KOPERASI] },
        { id: 'status', name: 'Status', type: 'category', values: ['aktif', 'tidak aktif'], perYear: true },
        { id: 'rat', name: 'RAT Dilaksanakan', type: 'yesno', perYear: true },
        { id: 'kesehatan', name: 'Klasifikasi Kesehatan', type: 'category', values: [...KESEHATAN], perYear: true },
      ],
    },
    {
      id: 'usaha_mikro',
      name: 'Usaha Mikro',
      key: 'nib',
      label: 'nama_usaha',
      unit: DEMO_REGISTER_UNITS.usahaMikro,
      fields: [
        { id: 'nib', name: 'NIB', type: 'text', pattern: '[0-9]{13}' },
        { id: 'nama_usaha', name: 'Nama Usaha', type: 'text', required: true },
        { id: 'pemilik', name: 'Pemilik', type: 'text', personal: true },
        { id: 'nik', name: 'NIK Pemilik', type: 'text', personal: true, pattern: '[0-9]{16}' },
        { id: 'sektor', name: 'Sektor', type: 'category', values: [...SEKTOR] },
        { id: 'kecamatan', name: 'Kecamatan', type: 'category', values: [...KECAMATAN_JEMBER] },
        { id: 'berdiri', name: 'Tanggal Berdiri', type: 'date' },
      ],
    },
    {
      id: 'fasilitasi_koperasi',
      name: 'Fasilitasi Koperasi',
      key: 'nomor',
      unit: DEMO_REGISTER_UNITS.koperasi,
      fields: [
        { id: 'nomor', name: 'Nomor', type: 'text' },
        { id: 'tanggal', name: 'Tanggal', type: 'date', required: true },
        { id: 'jenis', name: 'Jenis Fasilitasi', type: 'category', values: JENIS_FASILITASI_KOPERASI.map((j) => j.jenis), required: true },
        { id: 'sub_kegiatan', name: 'Sub Kegiatan', type: 'category', values: [...new Set(JENIS_FASILITASI_KOPERASI.map((j) => j.sub))] },
        { id: 'koperasi', name: 'Koperasi', type: 'reference', register: 'koperasi', required: true },
      ],
    },
    {
      id: 'fasilitasi_usaha_mikro',
      name: 'Fasilitasi Usaha Mikro',
      key: 'nomor',
      unit: DEMO_REGISTER_UNITS.usahaMikro,
      fields: [
        { id: 'nomor', name: 'Nomor', type: 'text' },
        { id: 'tanggal', name: 'Tanggal', type: 'date', required: true },
        { id: 'jenis', name: 'Jenis Fasilitasi', type: 'category', values: JENIS_FASILITASI_USAHA_MIKRO.map((j) => j.jenis), required: true },
        { id: 'sub_kegiatan', name: 'Sub Kegiatan', type: 'category', values: [...new Set(JENIS_FASILITASI_USAHA_MIKRO.map((j) => j.sub))] },
        { id: 'usaha_mikro', name: 'Usaha Mikro', type: 'reference', register: 'usaha_mikro', required: true },
      ],
    },
  ];
}

// ---------------------------------------------------------------- sizes and choices

export interface DemoRegisterOptions {
  /** the PRNG's seed (default 2026) */
  seed?: number;
  /** how many micro businesses (default `DEMO_USAHA_MIKRO`; the bench asks for `FULL_USAHA_MIKRO`) */
  usahaMikro?: number;
}

/** The cooperatives of Kabupaten Jember in 2025 (the report: "2.262 unit"). */
export const KOPERASI_TOTAL = 2262;
/** Active in 2025 (the report's 857) and, of them, healthy (the report's 274). */
export const AKTIF_2025 = 857;
export const SEHAT_2025 = 274;
/** 2026 (chosen for the demo): 40 of 2025's active ones stop, 84 inactive ones start again; 332 healthy. */
export const BERHENTI_2026 = 40;
export const AKTIF_LAGI_2026 = 84;
export const AKTIF_2026 = AKTIF_2025 - BERHENTI_2026 + AKTIF_LAGI_2026;
export const SEHAT_2026 = 332;
/** Micro businesses the demo loads on the first start (the first `npm start` stays under a minute). */
export const DEMO_USAHA_MIKRO = 20_000;
/** The micro businesses the 2025 report divides by. */
export const FULL_USAHA_MIKRO = 293_212;
/** The last day of the demo's events: 30 September 2026 (Q1–Q3 have ended; the demo's "today" is in Q4). */
export const EVENTS_UNTIL = '2026-09-30';

/** The order the registers are loaded in (a reference's register first). */
export const DEMO_REGISTER_ORDER = ['koperasi', 'usaha_mikro', 'fasilitasi_koperasi', 'fasilitasi_usaha_mikro'] as const;
export type DemoRegisterId = (typeof DEMO_REGISTER_ORDER)[number];

// ---------------------------------------------------------------- PRNG

const prng = mulberry32;

/** A seed from several numbers (a stream per register, or per entity). */
function mix(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

const pick = <T>(r: () => number, xs: readonly T[], weights?: readonly number[]): T => {
  if (!weights) return xs[Math.floor(r() * xs.length)]!;
  const total = weights.reduce((s, w) => s + w, 0);
  let x = r() * total;
  for (let i = 0; i < xs.length; i++) {
    x -= weights[i]!;
    if (x < 0) return xs[i]!;
  }
  return xs[xs.length - 1]!;
};

function shuffled(n: number, r: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const DAY = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** A day between two (inclusive), YYYY-MM-DD. */
const dayBetween = (r: () => number, from: string, to: string): string => {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return isoDay(a + Math.floor(r() * ((b - a) / DAY + 1)) * DAY);
};

// ---------------------------------------------------------------- cooperatives

interface Cooperative {
  key: string;
  name: string;
  kecamatan: string;
  jenis: string;
  aktif: Record<2025 | 2026, boolean>;
  rat: Record<2025 | 2026, boolean>;
  kesehatan: Record<2025 | 2026, string | null>;
}

/** The key of cooperative `i` (0-based): "0001/BH/CONTOH/1998". */
const cooperativeKey = (i: number, founded: number): string => `${pad(i + 1, 4)}/BH/CONTOH/${founded}`;

function cooperatives(seed: number): Cooperative[] {
  const r = prng(mix(seed, 1));
  const out: Cooperative[] = [];
  for (let i = 0; i < KOPERASI_TOTAL; i++) {
    const founded = 1975 + Math.floor(r() ** 0.6 * 51); // 1975–2025, more of them recent
    out.push({
      key: cooperativeKey(i, founded),
      name: `Koperasi Contoh ${pick(r, NAMA_KOPERASI)} ${pad(i + 1, 4)}`,
      kecamatan: pick(r, KECAMATAN_JEMBER),
      jenis: pick(r, JENIS_KOPERASI, JENIS_KOPERASI_WEIGHT),
      aktif: { 2025: false, 2026: false },
      rat: { 2025: false, 2026: false },
      kesehatan: { 2025: null, 2026: null },
    });
  }
  // which are active: exactly the report's 857 in 2025; 40 stop and 84 start again in 2026
  const order = shuffled(KOPERASI_TOTAL, prng(mix(seed, 2)));
  const active2025 = order.slice(0, AKTIF_2025);
  const inactive2025 = order.slice(AKTIF_2025);
  const stopped = new Set(active2025.slice(-BERHENTI_2026));
  const restarted = new Set(inactive2025.slice(0, AKTIF_LAGI_2026));
  for (const i of active2025) out[i]!.aktif[2025] = true;
  for (const i of active2025) if (!stopped.has(i)) out[i]!.aktif[2026] = true;
  for (const i of restarted) out[i]!.aktif[2026] = true;
  // RAT: an active cooperative held it (the report's definition of aktif); a few inactive ones too
  const rr = prng(mix(seed, 3));
  for (const c of out) {
    for (const y of [2025, 2026] as const) c.rat[y] = c.aktif[y] ? true : rr() < 0.03;
  }
  // health classification of the year, for the active ones assessed: exactly SEHAT_YYYY healthy
  for (const [y, sehat] of [
    [2025, SEHAT_2025],
    [2026, SEHAT_2026],
  ] as const) {
    const rh = prng(mix(seed, 4, y));
    const active = shuffled(KOPERASI_TOTAL, rh).filter((i) => out[i]!.aktif[y]);
    active.forEach((i, k) => {
      const c = out[i]!;
      if (k < sehat) c.kesehatan[y] = 'sehat';
      else if (rh() < 0.55) c.kesehatan[y] = pick(rh, KESEHATAN.slice(1), [6, 3, 1]);
    });
  }
  return out;
}

// ---------------------------------------------------------------- micro businesses

/** Micro business `i` (0-based), from its own stream: the same whatever the register's size. */
function microBusiness(seed: number, i: number): { row: Cell[]; nib: string } {
  const r = prng(mix(seed, 5, i));
  const n = i + 1;
  const nib = `0000${pad(n, 9)}`;
  const sektor = pick(r, SEKTOR, SEKTOR_WEIGHT);
  const kecamatan = pick(r, KECAMATAN_JEMBER);
  const berdiri = dayBetween(r, r() < 0.5 ? '2021-01-01' : '2005-01-01', '2025-12-31');
  return { nib, row: [nib, `Usaha Contoh ${NAMA_SEKTOR[sektor]} ${pad(n, 6)}`, `Pemilik Contoh ${pad(n, 6)}`, `9999${pad(n, 12)}`, sektor, kecamatan, berdiri] };
}

// ---------------------------------------------------------------- the rows

/** The rows of one demo register as a file gives them: the header (row 1), then one row per entity. */
export function* demoRegisterRows(register: DemoRegisterId, opts: DemoRegisterOptions = {}): Generator<SourceRow> {
  const seed = opts.seed ?? 2026;
  const nUm = opts.usahaMikro ?? DEMO_USAHA_MIKRO;
  let row = 1;
  const emit = (cells: Cell[]): SourceRow => ({ row: row++, cells });
  const yn = (b: boolean): string => (b ? 'ya' : 'tidak');
  switch (register) {
    case 'koperasi': {
      yield emit(['nomor_badan_hukum', 'nama', 'kecamatan', 'jenis', 'status_2025', 'status_2026', 'rat_2025', 'rat_2026', 'kesehatan_2025', 'kesehatan_2026']);
      for (const c of cooperatives(seed)) {
        yield emit([
          c.key,
          c.name,
          c.kecamatan,
          c.jenis,
          c.aktif[2025] ? 'aktif' : 'tidak aktif',
          c.aktif[2026] ? 'aktif' : 'tidak aktif',
          yn(c.rat[2025]),
          yn(c.rat[2026]),
          c.kesehatan[2025],
          c.kesehatan[2026],
        ]);
      }
      return;
    }
    case 'usaha_mikro': {
      yield emit(['nib', 'nama_usaha', 'pemilik', 'nik', 'sektor', 'kecamatan', 'berdiri']);
      for (let i = 0; i < nUm; i++) yield emit(microBusiness(seed, i).row);
      return;
    }
    case 'fasilitasi_koperasi': {
      yield emit(['nomor', 'tanggal', 'jenis', 'sub_kegiatan', 'koperasi']);
      const r = prng(mix(seed, 6));
      const coops = cooperatives(seed);
      const events: Array<[string, string, string, string]> = [];
      for (const c of coops) {
        // about 70 % of the active cooperatives are facilitated in Q1–Q3, once to four times; a few inactive ones too
        const p = c.aktif[2026] ? 0.71 : 0.02;
        if (r() >= p) continue;
        const times = 1 + Math.floor(r() ** 2 * 4);
        for (let t = 0; t < times; t++) {
          const j = pick(r, JENIS_FASILITASI_KOPERASI, JENIS_FASILITASI_KOPERASI.map((x) => x.weight));
          events.push([dayBetween(r, '2026-01-05', EVENTS_UNTIL), j.jenis, j.sub, c.key]);
        }
      }
      events.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      let n = 0;
      for (const [tanggal, jenis, sub, koperasi] of events) yield emit([`FK-2026-${pad(++n, 5)}`, tanggal, jenis, sub, koperasi]);
      return;
    }
    case 'fasilitasi_usaha_mikro': {
      yield emit(['nomor', 'tanggal', 'jenis', 'sub_kegiatan', 'usaha_mikro']);
      const r = prng(mix(seed, 7));
      let n = 0;
      for (let i = 0; i < nUm; i++) {
        if (r() >= 0.075) continue;
        const { nib } = microBusiness(seed, i);
        const times = 1 + Math.floor(r() ** 2 * 3);
        for (let t = 0; t < times; t++) {
          const j = pick(r, JENIS_FASILITASI_USAHA_MIKRO, JENIS_FASILITASI_USAHA_MIKRO.map((x) => x.weight));
          yield emit([`FUM-2026-${pad(++n, 6)}`, dayBetween(r, '2026-01-05', EVENTS_UNTIL), j.jenis, j.sub, nib]);
        }
      }
      return;
    }
  }
}

/**
 * The demo's rows read as an import reads them (the header planned, every row checked against the
 * definitions, references against the keys read before): the entities by register, for
 * `figuresInMemory` and the tests. Throws on any problem (the generator and definitions disagree).
 */
export function demoEntities(regs: readonly Register[], opts: DemoRegisterOptions = {}): Map<string, Entity[]> {
  const out = new Map<string, Entity[]>();
  const keys = (id: string): Set<string> => new Set((out.get(id) ?? []).map((e) => e.key));
  for (const id of DEMO_REGISTER_ORDER) {
    const reg = regs.find((r) => r.id === id);
    if (!reg) continue;
    const rows = demoRegisterRows(id, opts);
    const header = rows.next();
    const planned = header.done ? undefined : planColumns(reg, header.value.cells);
    if (!planned?.plan) throw new Error(`demo register ${id}: ${planned?.problems.map((p) => problemText(p, 'en')).join('; ') ?? 'no header'}`);
    const refs = new Map<string, Set<string>>();
    const check = rowChecker(planned.plan, { keysOf: (r) => refs.get(r) ?? refs.set(r, keys(r)).get(r)! });
    const entities: Entity[] = [];
    for (const { row, cells } of rows) {
      const r = check(row, cells);
      if (!r.entity) throw new Error(`demo register ${id}: ${r.problems.map((p) => problemText(p, 'en')).join('; ')}`);
      entities.push(r.entity);
    }
    out.set(id, entities);
  }
  return out;
}
