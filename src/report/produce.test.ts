import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { Dataset } from '../core/dataset/schema.js';
import { withLandscapeParts } from './layout.js';
import { UnknownAgreement } from '../core/report/agreement.js';
import { produceReport, reportFileName } from './produce.js';

describe('produceReport', () => {
  it('names the files in Indonesian after the agency, the year or the agreement', () => {
    const ds = minimalDataset();
    expect(reportFileName(ds, { kind: 'lkip', year: 2025 }, 'docx')).toBe('LKIP-dinco-2025.docx');
    expect(reportFileName(ds, { kind: 'agreement', agreementId: 'pk 2025/P' }, 'pdf')).toBe('PK-dinco-pk-2025-P.pdf');
    expect(reportFileName(ds, { kind: 'review', year: 2024 }, 'html')).toBe('Reviu-LKIP-dinco-2024.html');
  });

  it('builds and renders: DOCX bytes that unzip, HTML text with the executive summary', async () => {
    const ds = minimalDataset();
    const docx = await produceReport(ds, { kind: 'lkip', year: 2025 }, 'docx');
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.isBuffer(docx.content)).toBe(true);
    const xml = await (await JSZip.loadAsync(docx.content)).file('word/document.xml')!.async('string');
    expect(xml).toContain(ds.agency.name);
    const html = await produceReport(ds, { kind: 'lkip', year: 2025 }, 'html');
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.content).toContain('IKHTISAR EKSEKUTIF');
    expect(html.doc.title).toBe(docx.doc.title);
  });

  it('gives the DOCX the landscape parts the PDF prints: a section of its own for each wide table of the demo LKIP (issue 11)', async () => {
    const demo = Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
    const docx = await produceReport(demo, { kind: 'lkip', year: 2025 }, 'docx');
    const parts = withLandscapeParts(docx.doc).sections.filter((s) => s.orientation === 'landscape');
    expect(parts.length).toBeGreaterThanOrEqual(5);
    const xml = await (await JSZip.loadAsync(docx.content)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:pgSz [^>]*w:orient="landscape"\/>/g)).toHaveLength(parts.length);
  });

  it('throws the core error for an agreement the dataset does not have', async () => {
    await expect(produceReport(minimalDataset(), { kind: 'agreement', agreementId: 'pk-1900' }, 'html')).rejects.toBeInstanceOf(UnknownAgreement);
  });
});
