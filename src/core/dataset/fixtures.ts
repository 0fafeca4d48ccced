/**
 * A small, valid, stable dataset for tests across the project. Every call returns a fresh
 * object, so a test may mutate it freely.
 *
 * Contents (keep them stable; other tests rely on them):
 * - plan `renstra-2021-2026` (renstra, 2021–2026): goals `T1` (tujuan) and `S1` (sasaran, parent T1);
 *   indicators `UMM` (ratio, key, targets 2024–2026), `AWD` (category Juara 1/2/3, target 2025 = 100),
 *   `SAKIP` (value, goal T1, target 2025 = 75)
 * - agreement `pk-2025` (original, 2025) with rows UMM = 70, AWD = "Juara 1", SAKIP = 75 and budget p1
 * - program tree `p1` → `p1-k1` → `p1-k1-s1`; the subkegiatan has a 2025 initial budget, spending and
 *   an output indicator `OUT1` (count); `p1` supports `renstra-2021-2026/UMM`
 * - realizations for 2025 of UMM (6.5 = 65 / 1000 × 100), AWD ("Juara 2"), SAKIP (76.1) and OUT1 (120)
 * - a narrative whose analyses give the causes of every agreement row (goal S1 for UMM and AWD,
 *   indicator SAKIP), so its LKIP is final, not a draft
 *
 * It validates with no findings at all (not even warnings).
 */
import type { Dataset } from './schema.js';

export const FIXTURE_PLAN = 'renstra-2021-2026';
export const FIXTURE_AGREEMENT = 'pk-2025';

export function minimalDataset(): Dataset {
  return {
    format: 'kinerja-dataset/1',
    agency: {
      name: 'Dinas Contoh',
      region: 'Kabupaten Contoh',
      abbreviation: 'Dinco',
      head: { name: 'Budi Santoso', position: 'Kepala Dinas Contoh' },
    },
    plans: [
      {
        id: FIXTURE_PLAN,
        level: 'renstra',
        title: 'Renstra Dinas Contoh 2021-2026',
        startYear: 2021,
        endYear: 2026,
        goals: [
          { id: 'T1', kind: 'tujuan', statement: 'Meningkatnya kemandirian usaha mikro' },
          { id: 'S1', kind: 'sasaran', statement: 'Meningkatnya usaha mikro yang mandiri', parent: 'T1' },
        ],
        indicators: [
          {
            id: 'UMM',
            goal: 'S1',
            name: 'Persentase Usaha Mikro Mandiri',
            unit: '%',
            measure: { type: 'ratio', numerator: 'usaha mikro mandiri', denominator: 'usaha mikro dibina', factor: 100 },
            key: true,
            baseline: { year: 2020, value: 50 },
            targets: { '2024': 65, '2025': 70, '2026': 75 },
            endTarget: 75,
          },
          {
            id: 'AWD',
            goal: 'S1',
            name: 'Penghargaan yang diraih',
            measure: {
              type: 'category',
              categories: [
                { label: 'Juara 1', score: 100 },
                { label: 'Juara 2', score: 90 },
                { label: 'Juara 3', score: 80 },
              ],
            },
            targets: { '2025': 100 },
          },
          {
            id: 'SAKIP',
            goal: 'T1',
            name: 'Nilai SAKIP',
            unit: 'nilai',
            measure: { type: 'value' },
            targets: { '2025': 75 },
          },
        ],
      },
    ],
    agreements: [
      {
        id: FIXTURE_AGREEMENT,
        year: 2025,
        kind: 'original',
        plan: FIXTURE_PLAN,
        signedOn: '2025-01-02',
        place: 'Kota Contoh',
        firstParty: { name: 'Budi Santoso', position: 'Kepala Dinas Contoh' },
        secondParty: { name: 'Siti Aminah', position: 'Bupati Contoh' },
        rows: [
          { goal: 'S1', indicator: 'UMM', target: 70 },
          { goal: 'S1', indicator: 'AWD', target: 'Juara 1' },
          { goal: 'T1', indicator: 'SAKIP', target: 75 },
        ],
        budget: [{ program: 'p1', amount: 100000000, source: 'APBD' }],
      },
    ],
    programs: [
      {
        id: 'p1',
        level: 'program',
        name: 'Program Pemberdayaan Usaha Mikro',
        supports: [{ indicator: `${FIXTURE_PLAN}/UMM` }],
        budgets: [],
      },
      { id: 'p1-k1', level: 'kegiatan', parent: 'p1', name: 'Pembinaan Usaha Mikro', budgets: [] },
      {
        id: 'p1-k1-s1',
        level: 'subkegiatan',
        parent: 'p1-k1',
        name: 'Fasilitasi Pemasaran Usaha Mikro',
        budgets: [{ year: 2025, stage: 'initial', amount: 100000000 }],
        spending: [{ year: 2025, amount: 90000000 }],
        indicators: [
          {
            id: 'OUT1',
            name: 'Jumlah usaha mikro yang difasilitasi',
            unit: 'unit usaha',
            measure: { type: 'count' },
            targets: { '2025': 100 },
          },
        ],
      },
    ],
    realizations: [
      { indicator: `${FIXTURE_PLAN}/UMM`, year: 2025, numerator: 65, denominator: 1000, value: 6.5 },
      { indicator: `${FIXTURE_PLAN}/AWD`, year: 2025, category: 'Juara 2' },
      { indicator: `${FIXTURE_PLAN}/SAKIP`, year: 2025, value: 76.1 },
      { indicator: 'p1-k1-s1/OUT1', year: 2025, value: 120 },
    ],
    narrative: {
      analyses: [
        { subject: `${FIXTURE_PLAN}/S1`, drivers: ['Pendampingan usaha mikro oleh petugas lapangan'], obstacles: ['Akses permodalan usaha mikro masih terbatas'] },
        { subject: `${FIXTURE_PLAN}/SAKIP`, drivers: ['Rencana aksi tindak lanjut evaluasi disusun tepat waktu'] },
      ],
    },
  };
}
