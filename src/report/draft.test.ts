/** An LKIP resting on realizations not yet approved is a draft: DRAF on every page of HTML (so PDF) and DOCX. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { buildLkip } from '../core/report/lkip.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';

function pendingDataset() {
  const ds = minimalDataset();
  ds.realizations[0]!.state = 'draft'; // UMM
  return ds;
}

describe('an LKIP on unapproved data is marked DRAF', () => {
  it('the document says so, naming the indicator; on approved data it does not', () => {
    const doc = buildLkip(pendingDataset(), 2025);
    expect(doc.draft?.label).toBe('DRAF');
    expect(doc.draft?.note).toContain('Persentase Usaha Mikro Mandiri (draf)');
    expect(buildLkip(minimalDataset(), 2025).draft).toBeUndefined();
  });

  it('HTML (and the PDF printed from it): a mark fixed on every printed page and the note', () => {
    const html = renderHtml(buildLkip(pendingDataset(), 2025));
    expect(html).toContain('<div class="k-draft-mark" aria-hidden="true">DRAF</div>');
    expect(html).toMatch(/@media print \{\s*\.kinerja-doc \.k-draft-mark \{ position: fixed;/);
    expect(html).toContain('<p class="k-draft-note" role="note">DRAF — belum dapat diterbitkan');
    expect(renderHtml(buildLkip(minimalDataset(), 2025))).not.toContain('k-draft-mark"');
  });

  it('DOCX: DRAF in the header of every section and the note in the text', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(buildLkip(pendingDataset(), 2025)));
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const sections = ((await zip.file('word/document.xml')!.async('string')).match(/<w:sectPr/g) ?? []).length;
    expect(headers.length).toBe(sections);
    for (const h of headers) expect(await zip.file(h)!.async('string')).toContain('>DRAF</w:t>');
    expect(await zip.file('word/document.xml')!.async('string')).toContain('DRAF — belum dapat diterbitkan');
    const approved = await JSZip.loadAsync(await renderDocx(buildLkip(minimalDataset(), 2025)));
    expect(Object.keys(approved.files).some((f) => /^word\/header\d+\.xml$/.test(f))).toBe(false);
  });

  it('the report prints the SAKIP grade derived from the score, not the typed one', () => {
    const ds = minimalDataset();
    ds.evaluation = { scores: [{ year: 2025, value: 87.24, grade: 'BB', evaluator: 'Inspektorat', reference: 'LHE 1' }] };
    const html = renderHtml(buildLkip(ds, 2025));
    expect(html).toContain('memberikan nilai 87,24 dengan predikat A (Memuaskan).');
  });
});
