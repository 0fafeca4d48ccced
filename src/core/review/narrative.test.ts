import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { indexDataset } from '../dataset/model.js';
import type { Dataset, Narrative } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { DEFAULT_RATING_SCALE } from '../measure/rules.js';
import { review } from './index.js';
import { figuresInText, parseIdNumber } from './narrative.js';

// the fixture's pk-2025: rows UMM (S1, 70; realized 6,5% → 9,29%, Sangat Rendah), AWD (S1), SAKIP (T1, 75; 76,1)
const withNarrative = (n: Narrative): Dataset => ({ ...minimalDataset(), narrative: n });
const labels = DEFAULT_RATING_SCALE.map((b) => b.label);
const read = (text: string) => {
  const ds = minimalDataset();
  return figuresInText(text, 'narrative.conclusions', ds, indexDataset(ds), 2025, labels).map((f) => [f.subject, f.quantity, f.value]);
};

describe('figures typed into the narrative', () => {
  it('reads counts of an agreement’s goals and indicators, in digits or words', () => {
    expect(read('Perjanjian Kinerja tahun 2025 memuat satu buah tujuan, dua buah sasaran dan 3 (tiga) indikator.')).toEqual([
      ['pk-2025', 'tujuanCount', 1],
      ['pk-2025', 'sasaranCount', 2],
      ['pk-2025', 'rowCount', 3],
    ]);
    expect(parseIdNumber('1.234,5')).toBe(1234.5);
    expect(parseIdNumber('dua belas')).toBe(12);
  });

  it('reads the target, realization, achievement and predicate stated for a named indicator', () => {
    expect(read('Indikator Persentase Usaha Mikro Mandiri ditargetkan sebesar 70% dan terealisasi 6,5% sehingga capaian adalah sebesar 9,29% dengan kriteria Sangat Rendah.')).toEqual([
      ['pk-2025/UMM', 'target', 70],
      ['pk-2025/UMM', 'realization', 6.5],
      ['pk-2025/UMM', 'achievement', 9.29],
      ['pk-2025/UMM', 'predicate', 'Sangat Rendah'],
    ]);
  });

  it('leaves alone references, figures of no named indicator, and numbers of headings such as "B.1.2 Indikator"', () => {
    expect(read('Capaian {{nilai:pk-2025/UMM/capaian}} untuk Persentase Usaha Mikro Mandiri.')).toEqual([]);
    expect(read('Realisasi anggaran mencapai 83,70%.')).toEqual([]);
    expect(read('B.1.2 Indikator pertama dibahas di bawah.')).toEqual([]);
  });

  it('review lists a contradicted typed figure with its narrative path, apart from the claims', () => {
    const ds = withNarrative({
      executiveSummary: 'Perjanjian Kinerja memuat tiga buah sasaran.',
      conclusions: 'Persentase Usaha Mikro Mandiri mencapai capaian 9,29% dengan predikat Tinggi.',
    });
    const r = review(ds, 2025);
    expect(r.summary.claims).toBe(0);
    expect(r.narrative.summary).toEqual({ figures: 3, agreed: 1, contradicted: 2, unchecked: 0 });
    const bad = r.narrative.checks.filter((c) => c.status === 'contradicts');
    expect(bad.map((c) => [c.where, c.text, c.computed])).toEqual([
      ['narrative.executiveSummary', 'tiga buah sasaran', 1],
      ['narrative.conclusions', 'predikat Tinggi', 'Sangat Rendah'],
    ]);
    const f = r.findings.filter((x) => x.code === 'narrative-figure-contradicted');
    expect(f.map((x) => x.where)).toEqual(['narrative.executiveSummary', 'narrative.conclusions']);
    expect(f[0]?.localized?.id).toContain('narasi menyatakan "tiga buah sasaran"');
    expect(f[0]?.message).toContain('{{nilai:pk-2025/sasaran}}');
  });

  it('validation warns of each typed figure, with its path and the reference to write, in both languages', () => {
    const { findings } = validateDataset(withNarrative({ conclusions: 'Terdapat dua buah sasaran; capaian {{nilai:pk-2025/UMM/capaian}}.' }));
    const w = findings.filter((x) => x.code === 'typed-figure');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', where: 'narrative.conclusions' });
    expect(w[0]?.message).toContain('write {{nilai:pk-2025/sasaran}}');
    expect(w[0]?.localized?.id).toContain('"dua buah sasaran" adalah angka yang diketik dalam narasi');
  });
});
