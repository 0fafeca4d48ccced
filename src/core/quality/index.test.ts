import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset, ExpenditureLine } from '../dataset/schema.js';
import { validateDocument } from '../dataset/validate.js';
import { measure } from '../measure/index.js';
import { agreement, dataset, indicator, node, plan, real, row } from '../measure/testkit.js';
import { QUALITY_CHECKS, qualityFindings, qualityOfYear, type QualityCheck } from './index.js';

const codes = (ds: Dataset, year = 2025) => qualityOfYear(ds, year).map((f) => `${f.code} ${f.where}`);
const of = (ds: Dataset, code: string, year = 2025) => qualityOfYear(ds, year).filter((f) => f.code === code);

/** One plan indicator with a 2025 target and the given realizations. */
function withRealizations(values: [number, number][], fields: Parameters<typeof indicator>[1] = {}, ds: Partial<Dataset> = {}): Dataset {
  return dataset({
    plans: [plan([indicator('A', { targets: { '2024': 50, '2025': 50 }, ...fields })])],
    agreements: [agreement('pk', [row('A', 50)])],
    realizations: values.map(([year, value]) => real('A', year, { value })),
    ...ds,
  });
}

describe('implausible-jump', () => {
  it('fires on a realization 3 × the previous year’s, with the indicator’s name and the realization’s path', () => {
    const f = of(withRealizations([[2024, 40], [2025, 130]]), 'implausible-jump');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ where: 'realizations[1]', subject: 'Indikator A', year: 2025, severity: 'warning' });
    expect(f[0]!.localized!.id).toContain('130,00, 3,25 kali realisasi 2024 40,00');
    expect(f[0]!.message).toContain('3.25 times the 2024 realization');
  });
  it('fires on a fall to a third, and against the baseline when no earlier year is realized', () => {
    expect(of(withRealizations([[2024, 90], [2025, 20]]), 'implausible-jump')[0]!.message).toContain('only 1/4.50 of the 2024 realization');
    const base = withRealizations([[2025, 222]], { baseline: { year: 2024, value: 41 } });
    expect(of(base, 'implausible-jump')[0]!.localized!.id).toContain('5,41 kali baseline (2024) 41,00');
  });
  it('does not fire on an ordinary change, nor on zero', () => {
    expect(of(withRealizations([[2024, 40], [2025, 110]]), 'implausible-jump')).toEqual([]);
    expect(of(withRealizations([[2024, 0], [2025, 110]]), 'implausible-jump')).toEqual([]);
  });
  it('takes its threshold from the indicator, then the dataset’s settings, then the region’s', () => {
    const ds = withRealizations([[2024, 40], [2025, 110]], {}, { settings: { quality: { jumpFactor: 2 } } });
    expect(of(ds, 'implausible-jump')).toHaveLength(1);
    const own = withRealizations([[2024, 40], [2025, 110]], { quality: { jumpFactor: 5 } }, { settings: { quality: { jumpFactor: 2 } } });
    expect(of(own, 'implausible-jump')).toEqual([]);
    const region = withRealizations([[2024, 40], [2025, 110]]);
    const m = measure(region, 2025);
    expect(qualityFindings({ ds: region, measurement: m, regionSettings: { quality: { jumpFactor: 2 } } }).map((f) => f.code)).toContain('implausible-jump');
  });
  it('fires on an achievement far from the previous year’s when the target moved, not the realization', () => {
    const ds = dataset({
      plans: [plan([indicator('A', { targets: { '2024': 100, '2025': 10 } })])],
      agreements: [agreement('pk', [row('A', 10)])],
      realizations: [real('A', 2024, { value: 20 }), real('A', 2025, { value: 25 })],
    });
    const f = of(ds, 'implausible-jump');
    expect(f).toHaveLength(1);
    expect(f[0]!.localized!.id).toContain('capaian 2025 "Indikator A" 250,00%, dibanding 20,00% pada 2024');
  });
});

const line = (id: string, name: string, ceiling: number, realized?: number): ExpenditureLine => ({ id, year: 2025, name, ceiling, ...(realized !== undefined ? { realized } : {}) });

describe('spent-above-budget', () => {
  it('fires on an expenditure line, a program node and a support entry above their budgets', () => {
    const ds = dataset({
      programs: [
        node('p1', {
          budgets: [{ year: 2025, stage: 'initial', amount: 100 }],
          spending: [{ year: 2025, amount: 120 }],
          supports: [{ indicator: 'renstra/A', year: 2025, amount: 10, spent: 11 }],
        }),
        node('p2', { budgets: [{ year: 2025, stage: 'initial', amount: 100 }], spending: [{ year: 2025, amount: 100 }] }),
      ],
      plans: [plan([indicator('A', { targets: { '2025': 1 } })])],
      expenditures: [line('e1', 'Belanja A', 87_500_000, 197_149_568), line('e2', 'Belanja B', 10, 10)],
    });
    const f = of(ds, 'spent-above-budget');
    expect(f.map((x) => x.where)).toEqual(['programs[0].spending', 'programs[0].supports[0].spent', 'expenditures[0].realized']);
    expect(f[2]).toMatchObject({ subject: 'Belanja A' });
    expect(f[2]!.localized!.id).toBe('belanja "Belanja A" membelanjakan Rp 197.149.568 pada 2025, Rp 109.649.568 di atas anggarannya Rp 87.500.000');
  });
  it('does not fire on spending equal to the budget, nor on another year', () => {
    const ds = dataset({ expenditures: [line('e1', 'Belanja A', 10, 10), { ...line('e2', 'Belanja B', 10, 20), year: 2024 }] });
    expect(of(ds, 'spent-above-budget')).toEqual([]);
  });
});

describe('negative-remainder', () => {
  it('fires on a printed negative remainder and on an agency total spent above its budget', () => {
    const ds = dataset({
      programs: [node('p1', { budgets: [{ year: 2025, stage: 'initial', amount: 100 }], spending: [{ year: 2025, amount: 150 }] })],
      expenditures: [line('e1', 'Belanja A', 10, 15)],
      claims: [{ where: 'Tabel 1', subject: 'expenditures/e1', quantity: 'unspent', value: -5 }, { where: 'Tabel 1', subject: 'p1', quantity: 'unspent', value: 0 }],
    });
    const f = of(ds, 'negative-remainder');
    expect(f.map((x) => `${x.where} ${x.subject}`)).toEqual(['claims[0].value Belanja A', 'programs Dinas Uji']);
    expect(f[1]!.localized!.id).toBe('sisa anggaran perangkat daerah tahun 2025 -Rp 50 (pagu Rp 100 − realisasi Rp 150)');
  });
  it('does not fire on a remainder of zero or above', () => {
    const ds = dataset({
      programs: [node('p1', { budgets: [{ year: 2025, stage: 'initial', amount: 100 }], spending: [{ year: 2025, amount: 100 }] })],
      claims: [{ where: 'Tabel 1', subject: 'p1', quantity: 'unspentPct', value: 0 }],
    });
    expect(of(ds, 'negative-remainder')).toEqual([]);
  });
});

describe('duplicate-line', () => {
  it('fires on a line with the same name and amount, and on a line repeating another’s figures under another name', () => {
    const ds = dataset({
      expenditures: [line('e1', 'Belanja ATK', 100, 90), line('e2', 'Belanja  atk', 100, 90), line('e3', 'Belanja souvenir', 1_024_248_000, 927_573_043), line('e4', 'Belanja alat', 1_024_248_000, 927_573_043)],
    });
    const f = of(ds, 'duplicate-line');
    expect(f.map((x) => x.where)).toEqual(['expenditures[1]', 'expenditures[3]']);
    expect(f[0]!.localized!.id).toContain('mengulang baris ke-1 dengan nama dan jumlah yang sama (Rp 100 / Rp 90)');
    expect(f[1]!.message).toContain('has the same ceiling and realization (Rp 1,024,248,000 / Rp 927,573,043) as "Belanja souvenir"');
  });
  it('fires on a node’s spending entry repeated', () => {
    const ds = dataset({ programs: [node('p1', { budgets: [], spending: [{ year: 2025, amount: 7 }, { year: 2025, period: 'Q1', amount: 7 }, { year: 2025, amount: 7 }] })] });
    expect(codes(ds)).toEqual(['duplicate-line programs[0].spending[2]']);
  });
  it('does not fire on different names with one amount in common, nor on equal zero lines', () => {
    const ds = dataset({ expenditures: [line('e1', 'Belanja A', 100, 90), line('e2', 'Belanja B', 100, 80), line('e3', 'Belanja C', 0, 0), line('e4', 'Belanja D', 0, 0)] });
    expect(of(ds, 'duplicate-line')).toEqual([]);
  });
});

describe('approved-without-evidence', () => {
  const ds = (settings: Dataset['settings']) =>
    withRealizations([], {}, {
      settings,
      realizations: [real('A', 2025, { value: 50, state: 'approved' }), real('A', 2025, { period: 'Q1', value: 10, state: 'approved', evidence: ['kinerja-evidence:ev_1'] }), real('A', 2024, { value: 50 })],
    });
  it('fires where the settings require evidence, on the approved realization without any', () => {
    const f = of(ds({ quality: { requireEvidence: true } }), 'approved-without-evidence');
    expect(f.map((x) => x.where)).toEqual(['realizations[0].evidence']);
    expect(f[0]!.localized!.id).toBe('realisasi Y 2025 "Indikator A" disetujui tanpa bukti dukung; pengaturan mewajibkan bukti dukung');
  });
  it('does not fire when evidence is not required (the default), nor on a realization without a state', () => {
    expect(of(ds(undefined), 'approved-without-evidence')).toEqual([]);
    const imported = withRealizations([[2025, 50]], {}, { settings: { quality: { requireEvidence: true } } });
    expect(of(imported, 'approved-without-evidence')).toEqual([]);
  });
  it('the region may require it', () => {
    const d = ds(undefined);
    const f = qualityFindings({ ds: d, measurement: measure(d, 2025), regionSettings: { quality: { requireEvidence: true } } });
    expect(f.filter((x) => x.code === 'approved-without-evidence')).toHaveLength(1);
  });
});

describe('target-differs-from-plan', () => {
  it('fires on an agreed target other than the plan’s, with the indicator’s name; not on an equal one', () => {
    const ds = dataset({
      plans: [plan([indicator('A', { targets: { '2025': 60 } }), indicator('B', { targets: { '2025': 5 } })])],
      agreements: [agreement('pk', [row('A', 50), row('B', 5)])],
    });
    const f = of(ds, 'target-differs-from-plan');
    expect(f.map((x) => `${x.where} ${x.subject}`)).toEqual(['agreements[0].rows[0].target Indikator A']);
    expect(f[0]!.localized!.id).toBe('Perjanjian Kinerja Tahun 2025 menyepakati target 50,00 untuk "Indikator A", sedangkan target Renstra tahun 2025 60,00');
  });
});

describe('the collection', () => {
  it('a producer is one more check', () => {
    const extra: QualityCheck = (c) => [{ severity: 'warning', code: 'out-of-range', where: 'x', message: 'm', localized: { id: 'i' }, year: c.year, subject: 's' }];
    const ds = dataset();
    expect(qualityFindings({ ds, measurement: measure(ds, 2025) }, [...QUALITY_CHECKS, extra]).map((f) => f.code)).toEqual(['out-of-range']);
  });
  it('the demo 2025: the jumps, the line above its ceiling, the souvenir line, the target of Koperasi Berkualitas', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8'));
    const v = validateDocument(doc);
    if (v.kind !== 'dataset') throw new Error('demo is not a dataset');
    expect(qualityOfYear(v.dataset, 2025).map((f) => `${f.code} ${f.where} ${f.subject}`)).toEqual([
      'out-of-range realizations[9].numerator Persentase Koperasi yang difasilitasi',
      'out-of-range realizations[54].value Persentase Pengawasan dan Pemeriksaan Koperasi (%)',
      'out-of-range realizations[65].value Persentase Usaha Mikro yang Bertransformasi dari informal ke formal (%)',
      'implausible-jump realizations[3] Persentase Usaha Mikro Mandiri',
      'implausible-jump realizations[7] Persentase Usaha Mikro Aktif',
      'implausible-jump realizations[8] Persentase usaha mikro yang difasilitasi',
      'implausible-jump realizations[9] Persentase Koperasi yang difasilitasi',
      'spent-above-budget expenditures[39].realized Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah',
      'duplicate-line expenditures[17] Belanja souvenir',
      'target-differs-from-plan agreements[0].rows[3].target Persentase Koperasi Berkualitas',
    ]);
  });
});
