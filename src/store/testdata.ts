/**
 * Store test data: a dataset that uses every field of format v1 at least once (each
 * optional field, `extra` and `note` on nested objects, empty optional lists, JSON null where
 * allowed, money with cents, long decimals), so a round trip through the store proves that
 * nothing is lost or invented. Used by the store's tests only.
 */
import type { Dataset, Region } from '../core/dataset/schema.js';

const person = (name: string, position: string) => ({ name, position });

/** Every field of the format, with awkward values. `variant` changes ids and names. */
export function everyFieldDataset(variant = 'a'): Dataset {
  const v = variant;
  return {
    format: 'kinerja-dataset/1',
    agency: {
      name: `Dinas Koperasi ${v}`,
      region: 'Kabupaten Uji',
      head: { name: 'Kepala', position: 'Kepala Dinas', nip: '19700101 199003 1 001', rank: 'Pembina Utama Muda', acting: true, aliases: ['Plt. Kepala'], extra: { signature: { file: 'ttd.png' } }, note: 'Plt. sejak Mei' },
      code: `2.17.01.${v}`,
      abbreviation: `Dk${v}`,
      address: 'Jl. Kalimantan 1',
      phone: '0331-123',
      email: 'dk@example.go.id',
      website: 'https://dk.example.go.id',
      tasks: ['membantu bupati'],
      functions: ['perumusan kebijakan', 'pelaksanaan kebijakan'],
      legalBasis: ['Perbup 1/2021'],
      successor: 'Dinas Koperasi dan UKM',
      successorFrom: 2026,
      extra: { nested: { deep: [1, 'two', null, { three: 3.25 }] }, 'key with spaces': true },
      note: 'profil',
    },
    settings: {
      ratingScale: [
        { min: 90, label: 'Sangat Tinggi', color: '#9cf' },
        { min: 0, label: 'Rendah' },
      ],
      negativeMethod: 'ratio',
      efficiency: { rule: 'band', margin: 5 },
      achievementCap: 120,
      extra: { why: 'perda' },
    },
    organization: {
      units: [
        { id: 'kadis', name: 'Kepala Dinas', kind: 'pimpinan' },
        { id: 'sekre', name: 'Sekretariat', kind: 'sekretariat', parent: 'kadis', tasks: ['tata usaha'], functions: [], extra: { floor: 2 }, note: 'lantai 2' },
      ],
      staffing: {
        asOf: '2025-12-31',
        source: 'SIMPEG',
        basis: 'ABK',
        rows: [{ id: 'st1', positionClass: 'Analis', group: 'III', needed: { S1: 3, S2: 1 }, filled: { S1: 2 }, male: 1, female: 1 }],
      },
      assets: {
        asOf: '2025-12-31',
        rows: [{ id: 'as1', name: 'Laptop', quantity: 10, condition: { good: 7, lightDamage: 2, damaged: 1 }, idealQuantity: 12 }],
      },
      note: 'organisasi',
    },
    decrees: [{ id: 'kep-iku', number: '188/1/2025', date: '2025-01-15', title: 'IKU Dinas', issuer: 'Kepala Dinas', plan: 'renstra', extra: { pages: 3 } }, { id: 'kep2', number: '2', title: 'Lain' }],
    plans: [
      {
        id: 'rpjmd',
        level: 'rpjmd',
        title: 'RPJMD 2021-2026',
        startYear: 2021,
        endYear: 2026,
        legalBasis: 'Perda 1/2021',
        adoptedOn: '2021-06-30',
        source: 'Tabel 2.1',
        goals: [
          { id: 'M1', kind: 'misi', statement: 'Misi satu' },
          { id: 'SS1', kind: 'sasaran', statement: 'Sasaran daerah', parent: 'M1', aliases: ['Sasaran 1'] },
        ],
        indicators: [],
      },
      {
        id: 'renstra',
        level: 'renstra',
        title: 'Renstra 2021-2026',
        startYear: 2021,
        endYear: 2026,
        revises: 'renstra-lama',
        goals: [
          { id: 'T1', kind: 'tujuan', statement: 'Tujuan', supports: ['rpjmd/SS1'], extra: { code: 'T.1' }, note: 'n' },
          { id: 'S1', kind: 'sasaran', statement: 'Sasaran', parent: 'T1', supports: [] },
        ],
        indicators: [
          {
            id: 'UMM',
            goal: 'S1',
            name: 'Persentase Usaha Mikro Mandiri',
            unit: '%',
            polarity: 'positive',
            polarityStated: false,
            measure: { type: 'ratio', numerator: 'mandiri', denominator: 'dibina', factor: 100, extra: { x: 1 } },
            key: true,
            additional: false,
            periodValues: 'cumulative',
            definition: 'definisi',
            formulaText: 'a / b × 100',
            criteria: ['omzet naik'],
            responsibleUnits: ['sekre'],
            dataSource: 'Laporan Data',
            decrees: ['kep-iku'],
            baseline: { year: 2020, value: 9.285714285714286, source: 'BPS' },
            targets: { '0999': 1, '2024': 0.30000000000000004, '2025': 70, '2026': 75.5 },
            periodTargets: { '2025': { Q1: 10, Q2: 20, S1: 20, Q4: 70 } },
            endTarget: 75.5,
            aliases: ['UMM'],
            extra: { legacyCode: 'IKU-1' },
            note: 'catatan',
          },
          {
            id: 'NEG',
            goal: 'S1',
            name: 'Angka Negatif',
            polarity: 'negative',
            negativeMethod: 'reverse',
            periodValues: 'separate',
            measure: { type: 'category', categories: [{ label: 'Juara 1', score: 100 }, { label: 'Juara 2', score: 90, note: 'n' }] },
            targets: {},
          },
          {
            id: 'DER',
            goal: 'T1',
            name: 'Persentase indikator tercapai',
            measure: { type: 'derived', rule: 'shareAchieved', of: ['renstra/UMM', 'renstra/NEG'] },
          },
        ],
        extra: { table: '2.3' },
      },
    ],
    agreements: [
      {
        id: `pk-2025`,
        year: 2025,
        kind: 'original',
        plan: 'renstra',
        signedOn: '2025-01-02',
        place: 'Jember',
        firstParty: { ...person('Kepala', 'Kepala Dinas'), acting: false },
        secondParty: person('Bupati', 'Bupati Uji'),
        rows: [
          { goal: 'S1', indicator: 'UMM', target: 70 },
          { goal: 'S1', indicator: 'NEG', target: 'Juara 1', note: 'kategori' },
          { goal: 'S1', indicator: 'AWARDS', target: -0.5, extra: { printed: '(0,5)' } },
        ],
        goals: [],
        indicators: [{ id: 'AWARDS', name: 'Penghargaan', measure: { type: 'count' } }],
        budget: [
          { program: 'p1', amount: 26796144571.6, source: 'APBD', stage: 'revised' },
          { program: 'p1', amount: 0, source: 'APBN' },
        ],
        extra: { scan: 'pk.pdf' },
      },
      {
        id: 'pk-2025-p',
        year: 2025,
        kind: 'amendment',
        amends: 'pk-2025',
        plan: 'renstra',
        signedOn: '2025-09-30',
        place: 'Jember',
        firstParty: person('Kepala', 'Kepala Dinas'),
        secondParty: person('Bupati', 'Bupati Uji'),
        rows: [],
        goals: [{ id: 'SX', kind: 'sasaran', statement: 'Tambahan' }],
        budget: [],
      },
    ],
    programs: [
      {
        id: 'p1',
        code: '2.17.02',
        level: 'program',
        name: 'Program Pemberdayaan',
        supports: [{ indicator: 'renstra/UMM', share: 0.5 }, { indicator: 'pk-2025/AWARDS', year: 2025, amount: 1000.01, spent: 999.99, note: 'n' }],
        budgets: [
          { year: 2025, stage: 'initial', amount: 4711024340.6, source: 'APBD', date: '2025-01-01', where: 'DPA', extra: { doc: 'DPA' } },
          { year: 2025, stage: 'revised', amount: 0 },
        ],
        spending: [
          { year: 2025, period: 'Q2', amount: 14212164755.76, physical: 48.5, source: 'SIPD', where: 'LRA' },
          { year: 2025, amount: 22433977123.76 },
        ],
        aliases: ['Program 1'],
      },
      { id: 'p1-k1', level: 'kegiatan', parent: 'p1', name: 'Kegiatan', budgets: [], supports: [], spending: [], indicators: [] },
      {
        id: 'p1-k1-s1',
        level: 'subkegiatan',
        parent: 'p1-k1',
        name: 'Sub',
        budgets: [{ year: 2025, stage: 'shift', amount: 123.45 }],
        indicators: [{ id: 'OUT1', name: 'Output', unit: 'unit usaha', measure: { type: 'count' }, targets: { '2025': 100 } }],
      },
    ],
    realizations: [
      { indicator: 'renstra/UMM', year: 2025, value: 6.5, numerator: 65, denominator: 1000, state: 'verified', evidence: ['a.pdf'], where: 'Tabel 3.2', extra: { r: 1 } },
      { indicator: 'renstra/UMM', year: 2025, period: 'Q1', value: 1.25, state: 'draft' },
      { indicator: 'renstra/NEG', year: 2025, category: 'Juara 2', categories: ['Juara 2', 'Juara 3'] },
      { indicator: 'renstra/DER', year: 2024, status: 'no-data', note: 'belum ada data' },
      { indicator: 'p1-k1-s1/OUT1', year: 2025, value: 120, state: 'approved' },
      { indicator: 'renstra/UMM', year: 2023, value: -1e-7 },
    ],
    benchmarks: [
      { indicator: 'renstra/UMM', year: 2025, value: 71, label: 'BB', kind: 'national target', source: 'RPJMN' },
      { indicator: 'renstra/NEG', year: 2025, value: null, source: 'tidak ada', note: 'no benchmark' },
    ],
    expenditures: [
      { id: 'e1', year: 2025, name: 'Belanja ATK', ceiling: 1500000.5, realized: 1499999.99, node: 'p1-k1-s1', class: 'operating', group: 'Tabel 3.9' },
      { id: 'e2', year: 2025, name: 'Kertas', ceiling: 100, parent: 'e1', class: 'capital' },
    ],
    evaluation: {
      scores: [{ year: 2024, value: 87.24, grade: 'A', evaluator: 'Inspektorat', reference: 'LHE 700/1', date: '2025-03-01', period: '2024', scope: 'SAKIP' }],
      recommendations: [
        { id: 'r1', no: 1, year: 2024, text: 'Perbaiki IKU', action: 'IKU direviu', owner: 'Sekretariat', status: 'done', due: '2025-06-30', evidence: ['x.pdf'], source: 'LHE' },
        { id: 'r2', no: '2a', year: 2024, text: 'Cascading', action: '', evidence: 'y.pdf' },
      ],
      extra: { reviewer: 'tim' },
    },
    activities: [
      { id: 'act1', title: 'Fasilitasi Pemasaran', node: 'p1-k1-s1', rows: [{ name: 'Bazar', unit: 'kali', target: 2, realization: 3 }, { name: 'Pameran', realization: 'dibatalkan', note: 'cuaca' }] },
      { id: 'act2', title: 'Program Bupati', tags: ['bupati'], rows: [] },
    ],
    narrative: {
      place: 'Jember',
      signedOn: '2026-02-01',
      foreword: 'Kata pengantar',
      strategicIssues: ['isu 1'],
      awards: [{ title: 'Juara', date: '2025-08-17' }],
      analyses: [{ subject: 'renstra/UMM', drivers: ['a'], text: 't' }],
    },
    claims: [
      { where: 'Tabel 3.2, baris 2', subject: 'pk-2025/UMM', quantity: 'achievement', value: 9.29, year: 2025, raw: '9,29' },
      { where: [{ section: 'III', table: '3.9', row: 2, column: 'Realisasi' }, 'Lampiran'], subject: 'agency', quantity: 'total', value: 26796144571.6, aspect: 'budget', stage: 'revised' },
      { where: 'Bab III', subject: 'p1', quantity: 'difference', value: -2830000, fromStage: 'initial', toStage: 'revised', raw: '(2.83.000)' },
      { where: 'Bab III', subject: 'pk-2025/NEG', quantity: 'predicate', value: 'Tinggi' },
      { where: 'Bab III', subject: 'pk-2025/UMM', quantity: 'achieved', value: false },
      { where: 'Bab III', subject: 'pk-2025/NEG', quantity: 'realization', value: null, note: 'kosong', extra: { k: 'v' } },
    ],
    extra: { converter: { name: 'manual', version: 2 } },
    note: 'dokumen uji',
  };
}

/** The sparsest valid dataset: every optional section absent. */
export function bareDataset(name = 'Badan Kosong'): Dataset {
  return {
    format: 'kinerja-dataset/1',
    agency: { name, region: 'Kabupaten Uji', head: person('Kepala', 'Kepala Badan') },
    plans: [],
    agreements: [],
    programs: [],
    realizations: [],
  };
}

/** Optional sections present but empty (they must come back empty, not absent). */
export function emptySectionsDataset(): Dataset {
  return {
    ...bareDataset('Badan Kosong Berseksi'),
    settings: {},
    organization: { units: [] },
    decrees: [],
    benchmarks: [],
    expenditures: [],
    evaluation: { scores: [], recommendations: [] },
    activities: [],
    narrative: {},
    claims: [],
  };
}

export function testRegion(): Region {
  return {
    format: 'kinerja-region/1',
    region: 'Kabupaten Uji',
    settings: { achievementCap: 150 },
    agencies: [everyFieldDataset('a'), bareDataset(), everyFieldDataset('b')],
    note: 'wilayah',
  };
}
