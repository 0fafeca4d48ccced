import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { Dataset } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { correctedFigures } from './corrections.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
const correction = { item: 'Realisasi anggaran sub kegiatan', subject: 'p1-k1-s1', quantity: 'spent', year: 2025, printed: 95000000, source: 'LRA 2025', reason: 'Salah ketik pada LRA.' };

describe('corrections of printed sources', () => {
  it('the demo’s four: the printed value beside the one computed from the data', () => {
    const figures = correctedFigures(demo(), 2025);
    expect(figures.map((f) => [f.correction.subject, f.correction.printed, f.value])).toEqual([
      ['agency', 22433977123.76, 22427040122.76],
      ['p1-k5-s3', 878669230, 478669230],
      ['p1-k2-s1', 3813012900, 3813012544],
      ['agency', 796, 794],
    ]);
    expect(correctedFigures(demo(), 2024)).toEqual([]);
    expect(validateDataset(demo()).findings.filter((f) => f.code.startsWith('correction'))).toEqual([]);
  });

  it('validated: an unknown subject is an error with its path; a figure the data cannot give, or equal to the printed one, a warning', () => {
    const bad = { ...minimalDataset(), corrections: [{ ...correction, subject: 'p9' }] };
    const e = validateDataset(bad).findings.filter((f) => f.severity === 'error');
    expect(e.map((f) => [f.code, f.where])).toEqual([['dangling-reference', 'corrections[0].subject']]);

    const missingReason = validateDataset({ ...minimalDataset(), corrections: [{ ...correction, reason: '' }] }).findings;
    expect(missingReason.some((f) => f.severity === 'error' && f.where === 'corrections[0].reason')).toBe(true);

    const odd = { ...minimalDataset(), corrections: [{ ...correction, quantity: 'bogus' }, { ...correction, printed: 90000000 }, correction] };
    const w = validateDataset(odd).findings;
    expect(w.map((f) => [f.severity, f.code, f.where])).toEqual([
      ['warning', 'correction-not-computed', 'corrections[0]'],
      ['warning', 'correction-equals-printed', 'corrections[1]'],
    ]);
    expect(w[1]!.localized?.id).toContain('data kembali memberikan angka yang tercetak 90.000.000');
  });
});
