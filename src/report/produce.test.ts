import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../core/dataset/fixtures.js';
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

  it('throws the core error for an agreement the dataset does not have', async () => {
    await expect(produceReport(minimalDataset(), { kind: 'agreement', agreementId: 'pk-1900' }, 'html')).rejects.toBeInstanceOf(UnknownAgreement);
  });
});
