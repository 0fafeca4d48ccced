import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { validateDataset } from '../dataset/validate.js';
import { createMeasureContext } from './context.js';
import { rowsWithoutCauses } from './causes.js';

const warnings = (ds: unknown, code: string) => validateDataset(ds).findings.filter((f) => f.code === code);

describe('the causes of an agreement row (faktor pendorong/penghambat)', () => {
  it('the fixture gives them all (goal S1 for two rows, the indicator for the third): no warning', () => {
    expect(rowsWithoutCauses(createMeasureContext(minimalDataset()), 2025)).toEqual([]);
    expect(validateDataset(minimalDataset()).findings).toEqual([]);
  });

  it('a row without them is a missing-analysis warning at the row, in both languages, and the dataset stays valid', () => {
    const ds = minimalDataset();
    ds.narrative = { analyses: [{ subject: 'renstra-2021-2026/S1', drivers: ['Pendampingan usaha mikro'] }] };
    const r = validateDataset(ds);
    expect(r.dataset).toBeDefined();
    const w = warnings(ds, 'missing-analysis');
    expect(w.map((f) => [f.severity, f.where])).toEqual([['warning', 'agreements[0].rows[2]']]);
    expect(w[0]!.localized?.id).toBe(
      'narasi tahun 2025 belum menguraikan faktor pendorong, penghambat atau tantangan untuk "Nilai SAKIP", sasaran/tujuannya, maupun program pendukungnya: LKIP 2025 tetap berstatus draf sampai uraian itu ditulis pada analisis dalam narasi',
    );
    expect(w[0]!.message).toContain('the LKIP 2025 stays a draft');
  });

  it('a note without drivers, obstacles or challenges does not count; a supporting program’s analysis does', () => {
    const ds = minimalDataset();
    ds.narrative = { analyses: [{ subject: 'renstra-2021-2026/UMM', text: 'catatan saja' }] };
    expect(rowsWithoutCauses(createMeasureContext(ds), 2025).map((r) => r.name)).toEqual(['Persentase Usaha Mikro Mandiri', 'Penghargaan yang diraih', 'Nilai SAKIP']);
    // p1 supports UMM; an analysis of its sub-kegiatan explains UMM
    ds.narrative = { analyses: [{ subject: 'p1-k1-s1', obstacles: ['Anggaran pemasaran terbatas'] }] };
    expect(rowsWithoutCauses(createMeasureContext(ds), 2025).map((r) => r.name)).toEqual(['Penghargaan yang diraih', 'Nilai SAKIP']);
  });

  it('reads the narrative of the agreement’s year; an agreement row named by the agreement’s ref counts', () => {
    const ds = minimalDataset();
    ds.narrative = [
      { year: 2024, analyses: [{ subject: 'pk-2025/SAKIP', drivers: ['x'] }] },
      { year: 2025, analyses: [{ subject: 'pk-2025/S1', drivers: ['y'] }, { subject: 'pk-2025/SAKIP', drivers: ['z'] }] },
    ];
    expect(rowsWithoutCauses(createMeasureContext(ds), 2025)).toEqual([]);
    ds.narrative = [{ year: 2024, analyses: [{ subject: 'pk-2025/S1', drivers: ['y'] }, { subject: 'pk-2025/SAKIP', drivers: ['z'] }] }];
    expect(warnings(ds, 'missing-analysis')).toHaveLength(3);
  });
});
