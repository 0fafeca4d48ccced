/**
 * The narrative of a second report year: the demo dataset (Jember 2025) given a 2026 agreement
 * and a 2026 narrative. The 2026 LKIP prints its own foreword, signing and conclusions; the 2025
 * LKIP, rendered to HTML, is byte-identical to the one of the demo as it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLkip } from '../core/report/lkip.js';
import { Dataset, type Narrative } from '../core/dataset/schema.js';
import { validateDataset } from '../core/dataset/validate.js';
import { hasErrors } from '../core/findings.js';
import { renderHtml } from './html.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

/** The demo with the agreement of 2026 (the 2025 one again, signed a year later). */
function withAgreement2026(ds: Dataset): Dataset {
  const pk = ds.agreements.find((a) => a.id === 'pk-2025')!;
  const { note: _note, ...rest } = pk;
  return { ...ds, agreements: [...ds.agreements, { ...rest, id: 'pk-2026', year: 2026, signedOn: '2026-02-09' }] };
}

const N2026: Narrative = {
  year: 2026,
  place: 'Jember',
  signedOn: '2027-02-15',
  foreword: 'Kata pengantar laporan kinerja tahun kedua, ditulis untuk tahun 2026.',
  conclusions: 'Kesimpulan tahun 2026 yang ditulis sendiri.',
};

const html = (ds: Dataset, year: number): string => renderHtml(buildLkip(ds, year));

describe('an LKIP of a second year reads its own narrative', () => {
  const base = demo();
  const before2025 = html(base, 2025);
  const original = base.narrative as Narrative;

  it('the demo keeps one undated narrative (the first form) and still validates', () => {
    expect(Array.isArray(base.narrative)).toBe(false);
    expect(original.year).toBeUndefined();
  });

  it('the 2025 LKIP is byte-identical with the narrative listed per year (undated kept, or dated 2025)', () => {
    for (const narrative of [[original, N2026], [{ ...original, year: 2025 }, N2026], [N2026, original]]) {
      const listed: Dataset = { ...base, narrative };
      expect(hasErrors(validateDataset(JSON.parse(JSON.stringify(listed))).findings)).toBe(false);
      expect(html(listed, 2025)).toBe(before2025);
    }
  });

  it("the 2026 LKIP prints the 2026 foreword, signing date and conclusions, none of 2025's", () => {
    const two = withAgreement2026(base);
    const listed: Dataset = { ...two, narrative: [original, N2026] };
    expect(hasErrors(validateDataset(JSON.parse(JSON.stringify(listed))).findings)).toBe(false);
    const y2026 = html(listed, 2026);
    expect(y2026).toContain(N2026.foreword);
    expect(y2026).toContain(N2026.conclusions);
    expect(y2026).toContain('15 Februari 2027');
    expect(y2026).not.toContain(original.foreword!.slice(0, 60));
    expect(y2026).not.toContain('19 Februari 2026');
    // without its own narrative, 2026 reads the undated one (the first form applies to any year)
    const fallback = html(two, 2026);
    expect(fallback).toContain(original.foreword!.slice(0, 60));
    expect(fallback).toContain('19 Februari 2026');
    // and with the 2025 narrative dated, 2026 without its own has none: the generated foreword
    const datedOnly = html({ ...two, narrative: [{ ...original, year: 2025 }] }, 2026);
    expect(datedOnly).not.toContain(original.foreword!.slice(0, 60));
    expect(datedOnly).toContain('Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2026 disusun sesuai');
    // adding 2026 leaves the 2025 LKIP of the same dataset as it was with one narrative
    expect(html(listed, 2025)).toBe(html(two, 2025));
  });
});
