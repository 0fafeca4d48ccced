/**
 * The demo LKIP's prose against its own tables (issue 10): the converted narrative refers to
 * computed figures, so the HTML report prints no sentence its tables contradict.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../core/dataset/schema.js';
import { validateDataset } from '../core/dataset/validate.js';
import { measure } from '../core/measure/index.js';
import { buildLkip } from '../core/report/lkip.js';
import { review } from '../core/review/index.js';
import { renderHtml } from './html.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

/** The HTML's text: tags dropped, entities of the renderer decoded, white space collapsed. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the demo LKIP 2025: prose that its tables cannot contradict', () => {
  const ds = demo();
  const text = htmlText(renderHtml(buildLkip(ds, 2025)));

  it('prints no "dua buah sasaran", no sasaran that does not exist, no 2026 agency name, no unresolved reference', () => {
    expect(text).not.toMatch(/dua buah sasaran/i);
    expect(text).not.toMatch(/usaha perdagangan besar dan eceran/i);
    expect(text).not.toContain('Usaha Kecil Dan Menengah Dan Perdagangan');
    expect(text).not.toContain('{{');
  });

  it('prints the computed figures where the references are', () => {
    const pk = measure(ds, 2025).agreements.find((a) => a.id === 'pk-2025')!;
    expect(pk.rows).toHaveLength(5);
    expect(text).toContain('memuat 3 sasaran dengan 5 indikator kinerja');
    expect(text).toContain('pada tahun 2025 tercatat 3 penghargaan yang diraih dari target 1 penghargaan');
    expect(text).toContain('memuat 1 tujuan, yaitu Meningkatnya daya saing koperasi, usaha mikro, dan perdagangan, dan 2 sasaran');
    expect(text).toContain('dengan 4 indikator kinerja');
  });

  it('measures the award indicator from the three awards of 2025 instead of "data tidak tersedia"', () => {
    const row = measure(ds, 2025).agreements.find((a) => a.id === 'pk-2025')!.rows.find((r) => r.indicator === 'pk-2025/AWARDS')!;
    expect(row).toMatchObject({ realization: 3, target: 1, achievement: 300, predicate: 'Sangat Tinggi', realizationPeriod: 'computed' });
    expect(text).not.toMatch(/Jumlah Penghargaan Yang Diraih[^.]{0,80}data realisasi tidak tersedia/);
    expect(text).toContain('Target Jumlah Penghargaan Yang Diraih tahun 2025 sebesar 1 penghargaan terealisasi 3 penghargaan');
  });

  it('the converted narrative types no figure: validation warns of none, review finds none in the prose', () => {
    expect(validateDataset(ds).findings.filter((f) => f.code === 'typed-figure' || f.code === 'unknown-value-reference')).toEqual([]);
    expect(review(ds, 2025).narrative.summary.figures).toBe(0);
  });
});
