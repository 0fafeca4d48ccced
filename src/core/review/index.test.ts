import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import type { Claim, Dataset } from '../dataset/schema.js';
import { claimPrecision, countsInText, placeText, review } from './index.js';

function withClaims(claims: Claim[], edit?: (ds: Dataset) => void): Dataset {
  const ds = minimalDataset();
  ds.claims = claims;
  edit?.(ds);
  return ds;
}

const statusOf = (ds: Dataset) => review(ds, 2025).checks.map((c) => c.status);

describe('review: claims against computed figures', () => {
  it('agrees at the printed precision and contradicts beyond it', () => {
    // UMM: 65 / 1000 × 100 = 6.5 against target 70 → 9.2857…
    const ds = withClaims([
      { where: 'Tabel 3.2', subject: 'pk-2025/UMM', quantity: 'achievement', value: 9 },
      { where: 'Tabel 3.2', subject: 'pk-2025/UMM', quantity: 'achievement', value: 9.29 },
      { where: 'Tabel 3.2', subject: 'pk-2025/UMM', quantity: 'achievement', value: 10 },
      { where: 'Tabel 3.2', subject: 'pk-2025/UMM', quantity: 'achievement', value: 9.3, raw: '9,30%' },
    ]);
    expect(statusOf(ds)).toEqual(['agrees', 'agrees', 'contradicts', 'contradicts']);
  });

  it('explains a contradiction with what was printed and what the data gives', () => {
    const result = review(withClaims([{ where: { table: 'Tabel 3.2', row: 2, column: '%' }, subject: 'pk-2025/UMM', quantity: 'achievement', value: 14, raw: '14%' }]), 2025);
    const check = result.checks[0]!;
    expect(check.status).toBe('contradicts');
    expect(check.computed).toBeCloseTo(9.285714285714286, 12);
    expect(check.where).toBe('Tabel 3.2, baris 2, kolom %');
    const f = result.findings.find((x) => x.code === 'claim-contradicted');
    expect(f?.message).toContain('printed 14%');
    expect(f?.message).toContain('9,29');
    expect(f?.localized?.id).toContain('tercetak 14%, data memberi 9,29');
    // the Indonesian text names the subject and the quantity, not their ids
    expect(f?.localized?.id).toMatch(/^Perjanjian Kinerja Tahun 2025: Persentase Usaha Mikro Mandiri, capaian \(%\): tercetak 14%/);
    expect(result.summary).toEqual({ claims: 1, agreed: 0, contradicted: 1, unchecked: 0 });
  });

  it('checks predicates, achieved flags, targets and realizations of agreement rows', () => {
    const ds = withClaims([
      { where: 'a', subject: 'pk-2025/UMM', quantity: 'predicate', value: 'sangat rendah' },
      { where: 'b', subject: 'pk-2025/UMM', quantity: 'achieved', value: true },
      { where: 'c', subject: 'pk-2025/SAKIP', quantity: 'achieved', value: true },
      { where: 'd', subject: 'pk-2025/UMM', quantity: 'target', value: 65 },
      { where: 'e', subject: 'pk-2025/UMM', quantity: 'realization', value: 6.5 },
      { where: 'f', subject: 'pk-2025/AWD', quantity: 'achievement', value: 90 },
    ]);
    expect(statusOf(ds)).toEqual(['agrees', 'contradicts', 'agrees', 'contradicts', 'agrees', 'agrees']);
  });

  it('checks an agreement’s counts and budget total', () => {
    // UMM 9.29 (no), AWD 90 (no), SAKIP 101.47 (yes)
    const ds = withClaims([
      { where: 'Ikhtisar', subject: 'pk-2025', quantity: 'measuredCount', value: 3 },
      { where: 'Ikhtisar', subject: 'pk-2025', quantity: 'achievedCount', value: 2 },
      { where: 'Ikhtisar', subject: 'pk-2025', quantity: 'notAchievedCount', value: 2 },
      { where: 'PK', subject: 'pk-2025', quantity: 'total', aspect: 'budget', value: 100000000 },
    ]);
    expect(statusOf(ds)).toEqual(['agrees', 'contradicts', 'agrees', 'agrees']);
  });

  it('checks node budgets, spending, absorption, differences and unspent amounts', () => {
    const ds = withClaims(
      [
        { where: 'T', subject: 'p1', quantity: 'budget', value: 100000000 },
        { where: 'T', subject: 'p1', quantity: 'budget', stage: 'initial', value: 100000000 },
        { where: 'T', subject: 'p1-k1', quantity: 'spent', value: 90000000 },
        { where: 'T', subject: 'p1', quantity: 'absorption', value: 90 },
        { where: 'T', subject: 'p1', quantity: 'difference', fromStage: 'initial', toStage: 'revised', value: -20000000 },
        { where: 'T', subject: 'p1', quantity: 'unspent', value: 10000000 },
        { where: 'T', subject: 'agency', quantity: 'absorption', value: 91 },
      ],
      (ds) => {
        ds.programs[2]!.budgets.push({ year: 2025, stage: 'revised', amount: 80000000 });
      },
    );
    // final budget is now the revised 80.000.000: absorption 112.5, unspent −10.000.000
    expect(statusOf(ds)).toEqual(['contradicts', 'agrees', 'agrees', 'contradicts', 'agrees', 'contradicts', 'contradicts']);
  });

  it('checks staffing, assets and activity totals', () => {
    const ds = withClaims(
      [
        { where: 'Tabel 1.1', subject: 'agency', quantity: 'total', aspect: 'staffing.needed', value: 5 },
        { where: 'Tabel 1.1', subject: 'agency', quantity: 'total', aspect: 'staffing.gap', value: 1 },
        { where: 'Tabel 1.2', subject: 'assets/a1', quantity: 'total', aspect: 'condition', value: 33 },
        { where: 'Tabel 3.4', subject: 'activities/l1', quantity: 'total', aspect: 'realization', value: 50 },
      ],
      (ds) => {
        ds.organization = {
          staffing: {
            asOf: '2025-12-31',
            rows: [
              { id: 'r1', positionClass: 'Pelaksana', needed: { SMA: 3, S1: 2 }, filled: { SMA: 2, S1: 1 }, male: 2, female: 1 },
            ],
          },
          assets: { asOf: '2025-12-31', rows: [{ id: 'a1', name: 'Meja Tulis', condition: { good: 30, lightDamage: 5, heavyDamage: 3 } }] },
        };
        ds.activities = [{ id: 'l1', title: 'Pameran', rows: [{ name: 'A', realization: 20 }, { name: 'B', realization: 25 }, { name: 'C', realization: '3 desa' }] }];
      },
    );
    expect(statusOf(ds)).toEqual(['agrees', 'contradicts', 'contradicts', 'contradicts']);
  });

  it('reports a claim it cannot compute as unchecked, never as agreeing', () => {
    const ds = withClaims([
      { where: 'x', subject: 'agency', quantity: 'total', aspect: 'staffing.needed', value: 33 },
      { where: 'y', subject: 'pk-2025/UMM', quantity: 'somethingElse', value: 1 },
    ]);
    const r = review(ds, 2025);
    expect(r.checks.map((c) => c.status)).toEqual(['unchecked', 'unchecked']);
    expect(r.summary.unchecked).toBe(2);
    expect(r.findings.filter((f) => f.code === 'claim-contradicted')).toHaveLength(0);
  });

  it('treats a printed "-" (null) as agreeing only with an absent value', () => {
    const ds = withClaims(
      [
        { where: 'x', subject: 'pk-2025/UMM', quantity: 'realization', value: null, raw: '-' },
        { where: 'y', subject: 'pk-2025/SAKIP', quantity: 'realization', value: null, raw: '-' },
      ],
      (ds) => {
        ds.realizations = ds.realizations.filter((r) => !r.indicator.endsWith('/UMM'));
      },
    );
    expect(statusOf(ds)).toEqual(['agrees', 'contradicts']);
  });

  it('never changes what is measured', () => {
    const plain = review(minimalDataset(), 2025);
    const claimed = review(withClaims([{ where: 'x', subject: 'pk-2025/UMM', quantity: 'achievement', value: 500 }]), 2025);
    expect(claimed.findings.filter((f) => f.code !== 'claim-contradicted')).toEqual(plain.findings);
  });
});

describe('printed precision', () => {
  it('reads decimals from a clean Indonesian number, else from the value', () => {
    expect(claimPrecision(10.19, '10,19%')).toBe(2);
    expect(claimPrecision(87, '87,00')).toBe(2);
    expect(claimPrecision(81, '81$')).toBe(0);
    expect(claimPrecision(83, '.83%')).toBe(0);
    expect(claimPrecision(4711024340.6, 'Rp 4.711.024.340,60')).toBe(2);
    expect(claimPrecision(2830000, '(2.83.000)')).toBe(0);
    expect(claimPrecision(6.5, undefined)).toBe(1);
  });

  it('reads the counts a worded cell prints, as a printed total adds them', () => {
    expect(countsInText('266 desa 22 kelurahan')).toEqual([266, 22]);
    expect(countsInText('1.178 peserta (Koperasi Merah Putih) 50 peserta/koperasi')).toEqual([1178, 50]);
    expect(countsInText('(2 tahap) 3,5 ton')).toEqual([3.5]);
    expect(countsInText('tahun 2025')).toEqual([]);
    expect(countsInText('selesai')).toEqual([]);
    const ds = withClaims([{ where: 'Tabel 3.13', subject: 'activities/l1', quantity: 'total', aspect: 'realization', value: 333 }], (d) => {
      d.activities = [{ id: 'l1', title: 'Fasilitasi', rows: [{ name: 'A', realization: '266 desa 22 kelurahan' }, { name: 'B', realization: 45 }] }];
    });
    const r = review(ds, 2025);
    expect(r.checks[0]).toMatchObject({ status: 'agrees', computed: 333 });
    expect(r.checks[0]?.explanation).toBe('jumlah realisasi = 266 + 22 + 45 = 333; angka dari sel bertulisan: "266 desa 22 kelurahan" → 266 + 22');
    // a worded cell without a number: the total cannot be checked
    const none = withClaims([{ where: 'Tabel 3.13', subject: 'activities/l1', quantity: 'total', aspect: 'realization', value: 45 }], (d) => {
      d.activities = [{ id: 'l1', title: 'Fasilitasi', rows: [{ name: 'A', realization: 'selesai' }, { name: 'B', realization: 45 }] }];
    });
    expect(review(none, 2025).checks[0]).toMatchObject({ status: 'unchecked', explanation: 'baris "A" memuat realisasi berupa teks tanpa angka ("selesai")' });
  });

  it('renders places', () => {
    expect(placeText(['Tabel 3.2', { table: 'Tabel 3.14', row: 1 }])).toBe('Tabel 3.2; Tabel 3.14, baris 1');
  });
});
