/**
 * Synthetic datasets and regions for tests, demos and the benchmark. Deterministic: the same
 * options give the same document (a small seeded PRNG, never Math.random). A generated
 * document is valid (no error findings) and exercises the whole model: RPJMD and Renstra
 * plans with cascading goals, a mix of measures and polarities, agreements and amendments, a
 * program tree with staged budgets and quarterly spending, realizations (quarterly-only ones
 * and a few with a status), benchmarks, evaluation, activities, narrative and claims. IO-free.
 */
import { valueRange } from './ranges.js';
import type {
  ActivityList,
  Agreement,
  AgreementRow,
  Benchmark,
  BudgetEntry,
  Claim,
  Dataset,
  ExpenditureLine,
  Goal,
  Indicator,
  Person,
  Plan,
  ProgramNode,
  Realization,
  Region,
  SpendingEntry,
  StaffingRow,
  Support,
} from './schema.js';
import { DATASET_FORMAT, REGION_FORMAT } from './schema.js';
import { roundHalfUp } from '../format.js';
import { mulberry32 } from '../random.js';

// ---------------------------------------------------------------- PRNG

/** Numbers of a seed (mulberry32, core/random.ts) and the shapes the generator draws. */
function prng(seed: number) {
  const next = mulberry32(mix(seed, 0x2545f491));
  return {
    next,
    /** an integer in [lo, hi] */
    int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)),
    /** a number in [lo, hi) rounded to `decimals` */
    num: (lo: number, hi: number, decimals: number): number => {
      const f = 10 ** decimals;
      return Math.round((lo + next() * (hi - lo)) * f) / f;
    },
    chance: (p: number): boolean => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Rng = ReturnType<typeof prng>;

/** Mix two integers into a 32-bit seed (so agency i of a region gets its own stream). */
function mix(a: number, b: number): number {
  let h = Math.imul((Math.trunc(a) | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(Math.trunc(b) | 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}

// ---------------------------------------------------------------- vocabulary

const AGENCY_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Dinas Koperasi dan Usaha Mikro', 'Diskopum'],
  ['Dinas Pendidikan', 'Dispendik'],
  ['Dinas Kesehatan', 'Dinkes'],
  ['Dinas Pertanian', 'Distan'],
  ['Dinas Perhubungan', 'Dishub'],
  ['Dinas Sosial', 'Dinsos'],
  ['Dinas Pariwisata dan Kebudayaan', 'Disparbud'],
  ['Dinas Lingkungan Hidup', 'DLH'],
  ['Dinas Perindustrian dan Perdagangan', 'Disperindag'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR'],
  ['Badan Perencanaan Pembangunan Daerah', 'Bappeda'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Dispendukcapil'],
  ['Dinas Tenaga Kerja', 'Disnaker'],
  ['Dinas Perikanan', 'Diskan'],
  ['Dinas Komunikasi dan Informatika', 'Diskominfo'],
  ['Badan Pendapatan Daerah', 'Bapenda'],
];
const FIRST_NAMES = ['Sartini', 'Budi', 'Siti', 'Agus', 'Dewi', 'Hendra', 'Rina', 'Joko', 'Wahyuni', 'Bambang', 'Lestari', 'Eko'];
const LAST_NAMES = ['Santoso', 'Rahayu', 'Wibowo', 'Susanti', 'Prasetyo', 'Handayani', 'Kurniawan', 'Wulandari', 'Hidayat', 'Saputra'];

type Kind = 'value' | 'negative' | 'ratio' | 'ratioNegative' | 'count' | 'category' | 'derived';

const TEMPLATES: Record<Exclude<Kind, 'derived' | 'category'>, ReadonlyArray<{ name: string; unit: string; numerator?: string; denominator?: string }>> = {
  value: [
    { name: 'Nilai SAKIP Perangkat Daerah', unit: 'nilai' },
    { name: 'Indeks Kepuasan Masyarakat', unit: 'indeks' },
    { name: 'Nilai Reformasi Birokrasi', unit: 'nilai' },
    { name: 'Indeks Daya Saing Usaha', unit: 'indeks' },
    { name: 'Indeks Kualitas Layanan', unit: 'indeks' },
  ],
  negative: [
    { name: 'Tingkat Pengangguran Terbuka', unit: '%' },
    { name: 'Persentase Penduduk Miskin', unit: '%' },
    { name: 'Rata-rata Waktu Penyelesaian Layanan', unit: 'hari' },
    { name: 'Persentase Jalan dalam Kondisi Rusak', unit: '%' },
  ],
  ratio: [
    { name: 'Persentase Usaha Mikro Mandiri', unit: '%', numerator: 'usaha mikro mandiri', denominator: 'usaha mikro dibina' },
    { name: 'Persentase Koperasi Sehat', unit: '%', numerator: 'koperasi sehat', denominator: 'koperasi aktif' },
    { name: 'Persentase Layanan Selesai Tepat Waktu', unit: '%', numerator: 'layanan tepat waktu', denominator: 'layanan diterima' },
    { name: 'Cakupan Pembinaan Pelaku Usaha', unit: '%', numerator: 'pelaku usaha dibina', denominator: 'pelaku usaha terdaftar' },
  ],
  ratioNegative: [
    { name: 'Persentase Koperasi Tidak Aktif', unit: '%', numerator: 'koperasi tidak aktif', denominator: 'koperasi terdaftar' },
    { name: 'Persentase Pengaduan Tidak Terselesaikan', unit: '%', numerator: 'pengaduan belum selesai', denominator: 'pengaduan diterima' },
  ],
  count: [
    { name: 'Jumlah Penghargaan yang Diraih', unit: 'penghargaan' },
    { name: 'Jumlah Usaha Mikro yang Difasilitasi', unit: 'unit usaha' },
    { name: 'Jumlah Inovasi Daerah yang Diterapkan', unit: 'inovasi' },
    { name: 'Jumlah Wirausaha Baru', unit: 'orang' },
  ],
};
const CATEGORIES = [
  { label: 'Juara 1', score: 100 },
  { label: 'Juara 2', score: 90 },
  { label: 'Juara 3', score: 80 },
  { label: 'Juara Harapan', score: 70 },
];
const PROGRAM_NAMES = [
  'Program Penunjang Urusan Pemerintahan Daerah',
  'Program Pemberdayaan Usaha Mikro',
  'Program Pengawasan dan Pemeriksaan Koperasi',
  'Program Pengembangan Sumber Daya Manusia',
];
const KEGIATAN_NAMES = ['Perencanaan dan Evaluasi Kinerja', 'Pembinaan dan Pendampingan', 'Fasilitasi dan Koordinasi', 'Pengembangan Kapasitas'];
const SUB_NAMES = ['Penyusunan Dokumen Perencanaan', 'Fasilitasi Pemasaran', 'Pelatihan Teknis', 'Monitoring dan Evaluasi', 'Sosialisasi dan Bimbingan Teknis', 'Penyediaan Data dan Informasi'];

// ---------------------------------------------------------------- options

export interface GenerateDatasetOptions {
  seed: number;
  /** position of the agency in its region (its code is `opd-` + index + 1, three digits); default 0 */
  agencyIndex?: number;
  /** number of Renstra indicators; default 8, at least 1 */
  indicators?: number;
  /** number of years of the plans, agreements and realizations; default 5, at least 1 */
  years?: number;
  /** default 2021 */
  firstYear?: number;
  /** 2 adds an amendment to each year's agreement; default 1 */
  agreementsPerYear?: 1 | 2;
  /** default "Kabupaten Contoh" */
  region?: string;
}

export interface GenerateRegionOptions {
  seed: number;
  agencies: number;
  indicators: number;
  years: number;
  firstYear?: number;
  agreementsPerYear?: 1 | 2;
}

export const DEFAULT_REGION = 'Kabupaten Contoh';

// ---------------------------------------------------------------- dataset

interface PlannedIndicator {
  indicator: Indicator;
  kind: Kind;
  /** the base value the targets start from (baseline) */
  base: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const cents = (x: number): number => Math.round(x * 100) / 100;
const thousands = (x: number): number => Math.round(x / 1000) * 1000;

function person(r: Rng, position: string): Person {
  return { name: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`, position };
}

/** The measure mix: a fixed opening so every kind appears in small datasets, then a random mix. */
function kindOf(i: number, n: number, r: Rng): Kind {
  if (n >= 6 && i === n - 1) return 'derived';
  const opening: Kind[] = ['value', 'ratio', 'category', 'negative', 'count', 'ratio', 'ratioNegative', 'value', 'count'];
  return opening[i] ?? r.pick<Kind>(['value', 'ratio', 'count', 'negative', 'ratio', 'value', 'ratioNegative']);
}

function categoryForScore(score: number): string {
  return (CATEGORIES.find((c) => c.score <= score) ?? CATEGORIES[CATEGORIES.length - 1])?.label ?? 'Juara 1';
}

export function generateDataset(opts: GenerateDatasetOptions): Dataset {
  const r = prng(opts.seed);
  const agencyIndex = Math.max(0, Math.trunc(opts.agencyIndex ?? 0));
  const nInd = Math.max(1, Math.trunc(opts.indicators ?? 8));
  const nYears = Math.max(1, Math.trunc(opts.years ?? 5));
  const firstYear = Math.trunc(opts.firstYear ?? 2021);
  const lastYear = firstYear + nYears - 1;
  const years = Array.from({ length: nYears }, (_, k) => firstYear + k);
  const amendments = opts.agreementsPerYear === 2;
  const regionName = opts.region ?? DEFAULT_REGION;
  const town = regionName.replace(/^(Kabupaten|Kota|Provinsi)\s+/, '');

  // ---- agency and organization
  const [baseName, baseAbbr] = AGENCY_NAMES[agencyIndex % AGENCY_NAMES.length] ?? ['Dinas Contoh', 'Dinco'];
  const round = Math.floor(agencyIndex / AGENCY_NAMES.length);
  const agencyName = round === 0 ? `${baseName} ${regionName}` : `${baseName} ${regionName} Wilayah ${round + 1}`;
  const head = person(r, `Kepala ${baseName}`);
  const bupati = person(r, `Bupati ${town}`);
  const code = `opd-${pad(agencyIndex + 1, 3)}`;

  const units = [
    { id: 'u-kepala', name: `Kepala ${baseName}`, kind: 'pimpinan' as const },
    { id: 'u-sekretariat', name: 'Sekretariat', kind: 'sekretariat' as const, parent: 'u-kepala' },
    { id: 'u-program', name: 'Sub Bagian Perencanaan dan Pelaporan', kind: 'subbagian' as const, parent: 'u-sekretariat' },
    { id: 'u-bidang-1', name: 'Bidang Pemberdayaan', kind: 'bidang' as const, parent: 'u-kepala' },
    { id: 'u-bidang-2', name: 'Bidang Pengawasan', kind: 'bidang' as const, parent: 'u-kepala' },
  ];
  const bidang = ['u-bidang-1', 'u-bidang-2', 'u-program'];

  // ---- plans
  const rpjmdId = `rpjmd-${firstYear}-${lastYear}`;
  const renstraId = `renstra-${firstYear}-${lastYear}`;
  const rpjmdGoals: Goal[] = [
    { id: 'M1', kind: 'misi', statement: 'Mewujudkan tata kelola pemerintahan yang bersih dan melayani' },
    { id: 'M2', kind: 'misi', statement: 'Mewujudkan ekonomi kerakyatan yang berdaya saing' },
    { id: 'T1', kind: 'tujuan', statement: 'Meningkatnya kualitas tata kelola pemerintahan', parent: 'M1' },
    { id: 'T2', kind: 'tujuan', statement: 'Meningkatnya pertumbuhan ekonomi daerah', parent: 'M2' },
    { id: 'SS1', kind: 'sasaran', statement: 'Meningkatnya akuntabilitas kinerja', parent: 'T1' },
    { id: 'SS2', kind: 'sasaran', statement: 'Meningkatnya kualitas pelayanan publik', parent: 'T1' },
    { id: 'SS3', kind: 'sasaran', statement: 'Meningkatnya daya saing usaha', parent: 'T2' },
  ];
  const rpjmd: Plan = {
    id: rpjmdId,
    level: 'rpjmd',
    title: `RPJMD ${regionName} ${firstYear}-${lastYear}`,
    startYear: firstYear,
    endYear: lastYear,
    legalBasis: `Peraturan Daerah ${regionName} Nomor 3 Tahun ${firstYear}`,
    goals: rpjmdGoals,
  };

  const nTujuan = nInd >= 4 ? 2 : 1;
  const nSasaran = Math.min(8, Math.max(1, Math.ceil(nInd / 3)));
  const renstraGoals: Goal[] = [];
  for (let t = 1; t <= nTujuan; t++) {
    renstraGoals.push({
      id: `TJ${t}`,
      kind: 'tujuan',
      statement: t === 1 ? `Meningkatnya kinerja ${baseName}` : `Meningkatnya kualitas layanan ${baseName}`,
      supports: [`${rpjmdId}/T${t}`],
    });
  }
  for (let s = 1; s <= nSasaran; s++) {
    renstraGoals.push({
      id: `S${s}`,
      kind: 'sasaran',
      statement: `Sasaran strategis ${s} ${baseName}`,
      parent: `TJ${((s - 1) % nTujuan) + 1}`,
      supports: [`${rpjmdId}/SS${((s - 1) % 3) + 1}`],
    });
  }
  const goalOf = (i: number): string => (i === 0 ? 'TJ1' : `S${((i - 1) % nSasaran) + 1}`);

  const planned: PlannedIndicator[] = [];
  const usedNames = new Map<string, number>();
  const nameOnce = (name: string): string => {
    const k = usedNames.get(name) ?? 0;
    usedNames.set(name, k + 1);
    return k === 0 ? name : `${name} ${k + 1}`;
  };
  const nKey = Math.max(1, Math.ceil(nInd / 2));
  const indicatorId = (i: number): string => `I${pad(i + 1, 2)}`;

  for (let i = 0; i < nInd; i++) {
    const kind = kindOf(i, nInd, r);
    const id = indicatorId(i);
    let base: number;
    let step: number;
    const ind: Indicator = { id, goal: goalOf(i), name: '', measure: { type: 'value' } };
    switch (kind) {
      case 'value': {
        const t = r.pick(TEMPLATES.value);
        Object.assign(ind, { name: nameOnce(t.name), unit: t.unit });
        base = r.num(60, 78, 2);
        step = r.num(0.5, 2, 2);
        break;
      }
      case 'negative': {
        const t = r.pick(TEMPLATES.negative);
        Object.assign(ind, { name: nameOnce(t.name), unit: t.unit, polarity: 'negative', polarityStated: true });
        base = r.num(6, 14, 2);
        step = -r.num(0.1, 0.6, 2);
        break;
      }
      case 'ratio':
      case 'ratioNegative': {
        const t = r.pick(kind === 'ratio' ? TEMPLATES.ratio : TEMPLATES.ratioNegative);
        ind.name = nameOnce(t.name);
        ind.unit = t.unit;
        ind.measure = { type: 'ratio', numerator: t.numerator ?? 'pembilang', denominator: t.denominator ?? 'penyebut', factor: 100 };
        ind.formulaText = `(${t.numerator} / ${t.denominator}) x 100%`;
        if (kind === 'ratioNegative') {
          ind.polarity = 'negative';
          ind.negativeMethod = 'reverse';
          base = r.num(12, 30, 2);
          step = -r.num(0.5, 2, 2);
        } else {
          base = r.num(35, 65, 2);
          step = r.num(1, 4, 2);
        }
        break;
      }
      case 'count': {
        const t = r.pick(TEMPLATES.count);
        Object.assign(ind, { name: nameOnce(t.name), unit: t.unit });
        ind.measure = { type: 'count' };
        base = r.int(5, 40);
        step = r.int(1, 5);
        break;
      }
      case 'category':
        ind.name = nameOnce('Peringkat Penghargaan Tingkat Provinsi');
        ind.unit = 'peringkat';
        ind.measure = { type: 'category', categories: CATEGORIES.map((c) => ({ ...c })) };
        base = 80;
        step = 0;
        break;
      case 'derived': {
        const of: string[] = [];
        for (let k = 0; k < i && of.length < 5; k++) if (k !== 2) of.push(`${renstraId}/${indicatorId(k)}`);
        ind.name = nameOnce('Persentase Indikator Program yang Tercapai');
        ind.unit = '%';
        ind.measure = { type: 'derived', rule: 'shareAchieved', of };
        base = 60;
        step = 5;
        break;
      }
    }
    const targets: Record<string, number> = {};
    years.forEach((y, k) => {
      let t: number;
      if (kind === 'category') t = k < nYears / 2 ? 90 : 100;
      else if (kind === 'count') t = base + step * (k + 1);
      else if (kind === 'derived') t = Math.min(100, base + step * (k + 1));
      else if (kind === 'ratio') t = Math.min(100, roundHalfUp(base + step * (k + 1), 2));
      else t = Math.max(0.5, roundHalfUp(base + step * (k + 1), 2));
      targets[String(y)] = t;
    });
    ind.targets = targets;
    ind.endTarget = targets[String(lastYear)] as number;
    ind.baseline = { year: firstYear - 1, value: kind === 'category' ? 80 : base, source: `Renstra ${firstYear}-${lastYear}` };
    ind.responsibleUnits = [bidang[i % bidang.length] as string];
    ind.dataSource = r.pick(['Laporan Data', 'Aplikasi SIPD', 'Survei Kepuasan Masyarakat', 'BPS']);
    if (i < nKey) {
      ind.key = true;
      ind.decrees = ['kep-iku'];
    } else if (r.chance(0.3)) ind.additional = true;
    if (kind === 'value' && r.chance(0.5)) {
      const t = targets[String(lastYear)] as number;
      ind.periodTargets = { [String(lastYear)]: { Q1: roundHalfUp(t * 0.25, 2), Q2: roundHalfUp(t * 0.5, 2), Q3: roundHalfUp(t * 0.75, 2), Q4: t } };
    }
    planned.push({ indicator: ind, kind, base });
  }

  const renstra: Plan = {
    id: renstraId,
    level: 'renstra',
    title: `Rencana Strategis ${baseName} ${firstYear}-${lastYear}`,
    startYear: firstYear,
    endYear: lastYear,
    legalBasis: `Peraturan Bupati ${town} Nomor 12 Tahun ${firstYear}`,
    adoptedOn: `${firstYear}-03-15`,
    goals: renstraGoals,
    indicators: planned.map((p) => p.indicator),
  };

  // ---- program tree, budgets and spending
  const nPrograms = Math.min(4, Math.max(2, Math.ceil(nInd / 8) + 1));
  const programs: ProgramNode[] = [];
  const subsOf = new Map<string, ProgramNode[]>();
  /** final budget and spent of each subkegiatan per year */
  const finals = new Map<string, Map<number, { initial: number; final: number; spent: number }>>();
  const urusan = `${r.int(1, 3)}.${pad(r.int(1, 30), 2)}`;
  for (let p = 1; p <= nPrograms; p++) {
    const pid = `p${p}`;
    const program: ProgramNode = {
      id: pid,
      code: `${urusan}.${pad(p, 2)}`,
      level: 'program',
      name: PROGRAM_NAMES[(p - 1) % PROGRAM_NAMES.length] as string,
      budgets: [],
    };
    programs.push(program);
    const subs: ProgramNode[] = [];
    for (let k = 1; k <= 2; k++) {
      const kid = `${pid}-k${k}`;
      programs.push({
        id: kid,
        code: `${program.code}.2.${pad(k, 2)}`,
        level: 'kegiatan',
        parent: pid,
        name: `${KEGIATAN_NAMES[(p + k) % KEGIATAN_NAMES.length]}`,
        budgets: [],
      });
      for (let s = 1; s <= 2; s++) {
        const sid = `${kid}-s${s}`;
        const budgets: BudgetEntry[] = [];
        const spending: SpendingEntry[] = [];
        const perYear = new Map<number, { initial: number; final: number; spent: number }>();
        for (const y of years) {
          const initial = r.int(50, 900) * 1_000_000 + r.int(0, 999) * 1000;
          budgets.push({ year: y, stage: 'initial', amount: initial, source: 'APBD', date: `${y - 1}-12-20` });
          let final = initial;
          if (r.chance(0.3)) {
            final = thousands(initial * r.num(0.9, 1.1, 3));
            budgets.push({ year: y, stage: 'shift', amount: final, source: 'APBD', date: `${y}-05-10` });
          }
          if (amendments || r.chance(0.3)) {
            final = r.chance(0.02) ? 0 : thousands(final * r.num(0.85, 1.15, 3));
            budgets.push({ year: y, stage: 'revised', amount: final, source: 'APBD', date: `${y}-09-30` });
          }
          const absorption = r.num(0.7, 0.99, 3);
          const spent = cents(final * absorption + (final > 0 ? r.int(0, 99) / 100 : 0));
          const shares = [0.15, 0.4, 0.7, 1];
          (['Q1', 'Q2', 'Q3', 'Q4'] as const).forEach((q, k) => {
            spending.push({ year: y, period: q, amount: cents(spent * (shares[k] as number)) });
          });
          spending.push({ year: y, amount: spent, physical: final > 0 ? r.num(80, 100, 1) : 0 });
          perYear.set(y, { initial, final, spent });
        }
        finals.set(sid, perYear);
        const sub: ProgramNode = {
          id: sid,
          code: `${program.code}.2.${pad(k, 2)}.${pad(s, 4)}`,
          level: 'subkegiatan',
          parent: kid,
          name: `${SUB_NAMES[(p * 4 + k * 2 + s) % SUB_NAMES.length]}`,
          budgets,
          spending,
        };
        programs.push(sub);
        subs.push(sub);
      }
    }
    subsOf.set(pid, subs);
    // the program's output indicator
    const outBase = r.int(60, 85);
    const outTargets: Record<string, number> = {};
    years.forEach((y, k) => {
      outTargets[String(y)] = Math.min(100, outBase + 2 * (k + 1));
    });
    program.indicators = [
      {
        id: 'OUT1',
        name: `Persentase kegiatan ${program.name.replace(/^Program /, '')} yang terlaksana`,
        unit: '%',
        measure: { type: 'value' },
        targets: outTargets,
        responsibleUnits: [bidang[p % bidang.length] as string],
      },
    ];
  }

  // supports: plan indicators spread over programs (shares within one plan add up to at most 1)
  const supportable = planned.filter((p) => p.kind !== 'derived').map((p) => p.indicator.id);
  for (let p = 1; p <= nPrograms; p++) {
    const mine = supportable.filter((_id, k) => k % nPrograms === p - 1).slice(0, 3);
    if (mine.length === 0) continue;
    const share = mine.length === 1 ? undefined : Math.floor(100 / mine.length) / 100;
    const node = programs.find((n) => n.id === `p${p}`);
    if (node) node.supports = mine.map((id): Support => (share === undefined ? { indicator: `${renstraId}/${id}` } : { indicator: `${renstraId}/${id}`, share }));
  }

  const stageSum = (pid: string, y: number, which: 'initial' | 'final'): number =>
    (subsOf.get(pid) ?? []).reduce((sum, n) => sum + (finals.get(n.id)?.get(y)?.[which] ?? 0), 0);

  // ---- agreements
  const agreements: Agreement[] = [];
  const keyIndicators = planned.filter((_p, i) => i < nKey || planned[i]?.kind === 'derived');
  const addedId = 'TAMBAH1';
  const addedTargets = new Map<number, number>();
  for (const y of years) {
    const rows: AgreementRow[] = keyIndicators.map((p) => {
      const t = p.indicator.targets?.[String(y)] as number;
      return { goal: p.indicator.goal as string, indicator: p.indicator.id, target: p.kind === 'category' ? categoryForScore(t) : t };
    });
    const addedTarget = r.int(10, 30);
    addedTargets.set(y, addedTarget);
    rows.push({ goal: 'S1', indicator: addedId, target: addedTarget });
    const pkId = `pk-${y}`;
    agreements.push({
      id: pkId,
      year: y,
      kind: 'original',
      plan: renstraId,
      signedOn: `${y}-01-${pad(r.int(2, 28), 2)}`,
      place: town,
      firstParty: head,
      secondParty: bupati,
      rows,
      indicators: [
        {
          id: addedId,
          goal: 'S1',
          name: 'Jumlah Kegiatan Fasilitasi Pemasaran',
          unit: 'kegiatan',
          measure: { type: 'count' },
          targets: { [String(y)]: addedTarget },
          responsibleUnits: ['u-bidang-1'],
        },
      ],
      budget: programs
        .filter((n) => n.level === 'program')
        .map((n) => ({ program: n.id, amount: stageSum(n.id, y, 'initial'), source: 'APBD', stage: 'initial' as const })),
    });
    if (amendments) {
      const amendedRows = rows.map((row, k) => {
        // the amendment lowers one numeric target: a difference from the plan, reported as a warning
        if (k === 0 && typeof row.target === 'number' && planned[0]?.kind !== 'negative') {
          return { ...row, target: roundHalfUp(row.target * 0.98, 2) };
        }
        return { ...row };
      });
      agreements.push({
        id: `${pkId}-perubahan`,
        year: y,
        kind: 'amendment',
        amends: pkId,
        plan: renstraId,
        signedOn: `${y}-09-${pad(r.int(10, 28), 2)}`,
        place: town,
        firstParty: head,
        secondParty: bupati,
        rows: amendedRows,
        budget: programs
          .filter((n) => n.level === 'program')
          .map((n) => ({ program: n.id, amount: stageSum(n.id, y, 'final'), source: 'P-APBD', stage: 'revised' as const })),
      });
    }
  }

  // a subkegiatan serving the agreement's own indicator with stated amounts for the last year
  const statedSub = subsOf.get('p2')?.[0];
  const statedYear = statedSub ? finals.get(statedSub.id)?.get(lastYear) : undefined;
  if (statedSub && statedYear) {
    statedSub.supports = [{ indicator: `pk-${lastYear}/${addedId}`, year: lastYear, amount: statedYear.final, spent: statedYear.spent }];
  }

  // ---- realizations
  const realizations: Realization[] = [];
  const realizedValue = new Map<string, number>();
  const quarterlyOnly = (i: number): boolean => i % 5 === 4;
  planned.forEach((p, i) => {
    if (p.kind === 'derived') return; // computed from the indicators it counts; nothing to enter
    const indRef = `${renstraId}/${p.indicator.id}`;
    years.forEach((y, k) => {
      const target = p.indicator.targets?.[String(y)] as number;
      if (i === 3 && k === 0 && nYears > 1) {
        realizations.push({ indicator: indRef, year: y, status: 'no-data', note: 'Data belum dirilis oleh BPS pada saat laporan disusun' });
        return;
      }
      const partial = y === lastYear && quarterlyOnly(i);
      const periods = partial ? (['Q1', 'Q2', 'Q3'] as const) : ([undefined] as const);
      const factor = r.num(0.8, 1.15, 3);
      for (const [pi, period] of periods.entries()) {
        const part = partial ? (pi + 1) / 4 : 1;
        const entry: Realization = { indicator: indRef, year: y };
        if (period) entry.period = period;
        switch (p.kind) {
          case 'ratio':
          case 'ratioNegative': {
            const denominator = r.int(200, 5000);
            const pct = Math.min(100, Math.max(0, target * factor));
            const numerator = Math.round(denominator * (pct / 100) * (partial ? part : 1));
            entry.numerator = numerator;
            entry.denominator = denominator;
            if (!r.chance(0.3)) entry.value = roundHalfUp((numerator / denominator) * 100, 2);
            break;
          }
          case 'category':
            if (r.chance(0.2)) entry.categories = [r.pick(CATEGORIES).label, r.pick(CATEGORIES).label].filter((v, j, a) => a.indexOf(v) === j);
            else entry.category = r.pick(CATEGORIES).label;
            break;
          case 'count':
            entry.value = Math.max(0, Math.round(target * factor * part));
            break;
          default: {
            // within the indicator's valid range (ranges.ts): a score or a % stays at most 100
            const max = valueRange(p.indicator)?.max ?? Infinity;
            entry.value = roundHalfUp(Math.min(max, target * factor * part), 2);
          }
        }
        if (y === lastYear && r.chance(0.3)) entry.state = 'verified';
        if (r.chance(0.1)) entry.evidence = [`Laporan Data ${y}.pdf`];
        if (entry.value !== undefined && period === undefined) realizedValue.set(`${indRef}@${y}`, entry.value);
        realizations.push(entry);
      }
    });
  });
  for (const y of years) {
    realizations.push({ indicator: `pk-${y}/${addedId}`, year: y, value: Math.round((addedTargets.get(y) ?? 10) * r.num(0.7, 1.3, 2)) });
    for (const node of programs) {
      if (node.level !== 'program') continue;
      const t = node.indicators?.[0]?.targets?.[String(y)] ?? 80;
      realizations.push({ indicator: `${node.id}/OUT1`, year: y, value: roundHalfUp(Math.min(100, t * r.num(0.85, 1.1, 3)), 2) });
    }
  }

  // ---- benchmarks
  const benchmarks: Benchmark[] = [];
  planned
    .filter((p) => p.kind === 'value' || p.kind === 'ratio' || p.kind === 'negative')
    .slice(0, 3)
    .forEach((p, k) => {
      const target = p.indicator.targets?.[String(lastYear)] as number;
      if (k === 2) {
        benchmarks.push({ indicator: `${renstraId}/${p.indicator.id}`, year: lastYear, value: null, source: 'RPJMN 2025-2029', note: 'Tidak ada pembanding nasional untuk indikator ini' });
      } else {
        benchmarks.push({
          indicator: `${renstraId}/${p.indicator.id}`,
          year: lastYear,
          value: roundHalfUp(Math.min(valueRange(p.indicator)?.max ?? Number.POSITIVE_INFINITY, target * r.num(0.9, 1.1, 3)), 2), // within the indicator's range (ranges.ts)
          kind: k === 0 ? 'national target' : 'provincial average',
          label: k === 0 ? 'Target Nasional' : 'Rata-rata Provinsi',
          source: k === 0 ? 'RPJMN 2025-2029' : `BPS Provinsi ${lastYear}`,
        });
      }
    });

  // ---- expenditures, activities, evaluation
  const lastFinal = (id: string): number => finals.get(id)?.get(lastYear)?.final ?? 0;
  const firstSub = subsOf.get('p1')?.[0]?.id ?? 'p1-k1-s1';
  const secondSub = subsOf.get('p1')?.[1]?.id ?? 'p1-k1-s2';
  const atk = thousands(lastFinal(firstSub) * 0.2);
  const honor = thousands(lastFinal(firstSub) * 0.3);
  const modal = thousands(lastFinal(secondSub) * 0.25);
  const expenditures: ExpenditureLine[] = [
    { id: 'belanja-operasi', year: lastYear, name: 'Belanja Operasi', ceiling: atk + honor, realized: cents((atk + honor) * 0.9), class: 'operating', group: 'Tabel Realisasi Belanja' },
    { id: 'atk', year: lastYear, name: 'Belanja Alat Tulis Kantor', ceiling: atk, realized: cents(atk * 0.9), node: firstSub, class: 'operating', parent: 'belanja-operasi' },
    { id: 'honorarium', year: lastYear, name: 'Belanja Honorarium', ceiling: honor, realized: cents(honor * 0.9), node: firstSub, class: 'operating', parent: 'belanja-operasi' },
    { id: 'belanja-modal', year: lastYear, name: 'Belanja Modal Peralatan dan Mesin', ceiling: modal, realized: cents(modal * 0.8), node: secondSub, class: 'capital' },
  ];
  const activities: ActivityList[] = [
    {
      id: 'fasilitasi-pemasaran',
      title: 'Daftar Kegiatan Fasilitasi Pemasaran Usaha Mikro',
      node: firstSub,
      rows: [
        { name: 'Pameran produk unggulan daerah', unit: 'kegiatan', target: 2, realization: 2 },
        { name: 'Temu bisnis pelaku usaha', unit: 'kegiatan', target: 3, realization: 2, note: 'satu kegiatan ditunda' },
        { name: 'Kurasi produk', unit: 'produk', target: 50, realization: 'tidak dilaksanakan' },
      ],
    },
  ];
  const grade = (v: number): string => (v >= 80 ? 'A' : v >= 70 ? 'BB' : v >= 60 ? 'B' : v >= 50 ? 'CC' : 'C');
  const scores = years.map((y) => {
    const value = r.num(58, 82, 2);
    return { year: y, value, grade: grade(value), evaluator: `Inspektorat ${regionName}`, reference: `LHE SAKIP ${baseName} Tahun ${y}`, date: `${y}-11-${pad(r.int(1, 28), 2)}` };
  });

  const staffingRows: StaffingRow[] = [
    { id: 'st-struktural', positionClass: 'Jabatan Struktural', needed: { S1: 4, S2: 3 }, filled: { S1: 3, S2: 3 }, male: 4, female: 2 },
    { id: 'st-fungsional', positionClass: 'Jabatan Fungsional', needed: { S1: 8, D3: 2 }, filled: { S1: 6, D3: 2 }, male: 3, female: 5 },
    { id: 'st-pelaksana', positionClass: 'Pelaksana', needed: { SMA: 10, D3: 4 }, filled: { SMA: 9, D3: 3 }, male: 7, female: 5 },
  ];

  // ---- claims: printed figures that agree with the data (a review finds nothing to report)
  const firstRow = keyIndicators.find((p) => realizedValue.has(`${renstraId}/${p.indicator.id}@${lastYear}`));
  const claims: Claim[] = [
    {
      where: { table: 'Tabel 3.7', row: 1, column: 'Anggaran Awal' },
      subject: 'p1',
      quantity: 'budget',
      stage: 'initial',
      year: lastYear,
      value: stageSum('p1', lastYear, 'initial'),
    },
    { where: 'Tabel 2.1', subject: 'staffing/st-fungsional', quantity: 'total', aspect: 'filled', value: 8 },
    { where: ['Tabel 3.9, baris 2', { section: 'Bab III', table: 'Tabel 3.10' }], subject: 'expenditures/atk', quantity: 'budget', year: lastYear, value: atk },
  ];
  if (firstRow) {
    claims.push({
      where: { section: 'Bab III', table: 'Tabel 3.2', row: 1, column: 'Realisasi' },
      subject: `pk-${lastYear}/${firstRow.indicator.id}`,
      quantity: 'realization',
      year: lastYear,
      value: realizedValue.get(`${renstraId}/${firstRow.indicator.id}@${lastYear}`) ?? null,
    });
  }

  const firstInd = planned[0]?.indicator.id ?? 'I01';
  return {
    format: DATASET_FORMAT,
    agency: {
      name: agencyName,
      region: regionName,
      code,
      abbreviation: baseAbbr,
      head,
      address: `Jl. Merdeka No. ${agencyIndex + 1}, ${town}`,
      email: `${baseAbbr.toLowerCase()}@contoh.go.id`,
      tasks: [`Melaksanakan urusan pemerintahan bidang ${baseName.replace(/^(Dinas|Badan) /, '').toLowerCase()}`],
      functions: ['Perumusan kebijakan teknis', 'Pelaksanaan kebijakan', 'Evaluasi dan pelaporan'],
    },
    organization: {
      units,
      staffing: { asOf: `${lastYear}-12-31`, source: 'Data Kepegawaian', rows: staffingRows },
      assets: {
        asOf: `${lastYear}-12-31`,
        rows: [
          { id: 'as-kendaraan', name: 'Kendaraan Dinas Roda Empat', quantity: 3, condition: { good: 2, lightDamage: 1 }, idealQuantity: 4 },
          { id: 'as-komputer', name: 'Komputer', quantity: 20, condition: { good: 15, lightDamage: 3, heavyDamage: 2 } },
          { id: 'as-gedung', name: 'Gedung Kantor', quantity: 1, condition: { good: 1 } },
        ],
      },
    },
    decrees: [
      {
        id: 'kep-iku',
        number: `188.4/${r.int(10, 999)}/35.09.${pad(agencyIndex + 1, 3)}/${firstYear}`,
        date: `${firstYear}-04-01`,
        title: `Penetapan Indikator Kinerja Utama ${baseName} Tahun ${firstYear}-${lastYear}`,
        issuer: `Kepala ${baseName}`,
        plan: renstraId,
      },
    ],
    plans: [rpjmd, renstra],
    agreements,
    programs,
    realizations,
    benchmarks,
    expenditures,
    evaluation: {
      scores,
      recommendations: [
        { id: 'rek-1', no: 1, year: lastYear, text: 'Menyelaraskan indikator kinerja dengan pohon kinerja daerah', action: 'Reviu cascading kinerja', owner: 'u-program', status: 'in-progress', due: `${lastYear + 1}-06-30` },
        { id: 'rek-2', no: 2, year: lastYear, text: 'Melengkapi data dukung realisasi triwulanan', action: 'Penyusunan SOP pengumpulan data', status: 'done', evidence: ['SOP Pengumpulan Data.pdf'] },
        { id: 'rek-3', no: 3, year: lastYear, text: 'Memanfaatkan hasil evaluasi untuk perencanaan anggaran', action: 'Rapat evaluasi triwulanan', status: 'open' },
      ],
    },
    activities,
    narrative: {
      place: town,
      signedOn: `${lastYear + 1}-02-${pad(r.int(1, 28), 2)}`,
      executiveSummary: `Laporan kinerja ${agencyName} tahun ${lastYear}.`,
      strategicIssues: ['Rendahnya daya saing usaha mikro', 'Keterbatasan data kinerja yang mutakhir'],
      challenges: ['Keterbatasan anggaran'],
      obstacles: ['Data dukung belum lengkap'],
      successFactors: ['Dukungan pimpinan daerah'],
      improvementSteps: ['Memperkuat pengumpulan data triwulanan'],
      analyses: [
        { subject: `${renstraId}/${firstInd}`, drivers: ['Komitmen pimpinan'], obstacles: ['Keterbatasan sumber daya manusia'], text: 'Capaian dipengaruhi oleh kualitas perencanaan.' },
        { subject: `${renstraId}/S1`, text: 'Sasaran strategis pertama.' },
        { subject: 'p1', challenges: ['Efisiensi belanja'] },
      ],
    },
    claims,
  };
}

// ---------------------------------------------------------------- region

/** A region of `agencies` generated agencies (ids `opd-001` …), default name "Kabupaten Contoh". */
export function generateRegion(opts: GenerateRegionOptions): Region {
  const count = Math.max(0, Math.trunc(opts.agencies));
  const agencies: Dataset[] = [];
  for (let i = 0; i < count; i++) {
    agencies.push(
      generateDataset({
        seed: mix(opts.seed, i + 1),
        agencyIndex: i,
        indicators: opts.indicators,
        years: opts.years,
        ...(opts.firstYear !== undefined ? { firstYear: opts.firstYear } : {}),
        ...(opts.agreementsPerYear !== undefined ? { agreementsPerYear: opts.agreementsPerYear } : {}),
        region: DEFAULT_REGION,
      }),
    );
  }
  return { format: REGION_FORMAT, region: DEFAULT_REGION, agencies };
}
