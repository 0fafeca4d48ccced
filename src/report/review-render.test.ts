/**
 * The demo's review rendered by the real DOCX and PDF renderers and read back: the text a
 * reader gets carries no English word and no internal id or path, the groups and the statement
 * survive, and the signature block shows the reviewer given.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../core/dataset/schema.js';
import { buildReviewDocument } from '../core/report/review-doc.js';
import { review } from '../core/review/index.js';
import { englishWordsIn, internalReferencesIn } from '../core/review/language.js';
import { GROUP_KEYS, GROUP_TEXT } from '../core/review/rank.js';
import { chromiumAvailable } from './chromium.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import { readPdf } from './pdf-text.js';

const ds = Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
const reviewer = { name: 'Nama Pereviu Contoh', nip: '198001012005011001', position: 'Auditor Ahli Madya', unit: 'Inspektorat Kabupaten Jember', place: 'Jember', date: '2026-02-27' };
const doc = buildReviewDocument(ds, 2025, review(ds, 2025), undefined, { reviewer });

/** The program, agreement and plan ids and indicator references of the demo. */
const ids = new Set<string>([
  ...ds.programs.flatMap((p) => [p.id, ...(p.indicators ?? []).map((i) => `${p.id}/${i.id}`)]),
  ...ds.agreements.flatMap((a) => [a.id, ...a.rows.map((r) => `${a.id}/${r.indicator}`)]),
  ...ds.plans.flatMap((p) => [p.id, ...(p.indicators ?? []).map((i) => `${p.id}/${i.id}`)]),
]);
const idsIn = (text: string) => text.split(/[\s,;:()"'“”[\]{}]+/).filter((t) => ids.has(t.replace(/\.+$/, '')));

function checkText(text: string): void {
  expect(englishWordsIn(text)).toEqual([]);
  expect(internalReferencesIn(text)).toEqual([]);
  expect(idsIn(text)).toEqual([]);
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('PERNYATAAN TELAH DIREVIU');
  expect(flat).toContain('Kami telah mereviu Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025');
  expect(flat).toContain('Nama Pereviu Contoh');
  expect(flat).toContain('198001012005011001');
  for (const k of GROUP_KEYS) expect(flat).toContain(GROUP_TEXT[k].title);
  expect(flat).toContain('(2.440.800)');
  expect(flat).not.toContain('DRAF');
}

describe('the demo review as DOCX, read back', () => {
  let text = '';
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    text = xml
      .split(/<\/w:p>/)
      .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('\n')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  }, 60_000);

  it('has no English and no ids, and keeps the groups, the statement and the signature', () => {
    expect(text.length).toBeGreaterThan(10_000);
    checkText(text);
  });
});

describe.skipIf(!chromiumAvailable())('the demo review as PDF, read back', () => {
  let text = '';
  beforeAll(async () => {
    text = (await readPdf(await renderPdf(doc))).text;
  }, 180_000);

  it('has no English and no ids, and keeps the groups, the statement and the signature', () => {
    expect(text.length).toBeGreaterThan(10_000);
    checkText(text);
  });
});
