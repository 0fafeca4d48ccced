import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../core/document/model.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { chromiumAvailable, chromiumName, createPdfRenderer, type PdfRenderer } from './pdf.js';
import { sampleDocument } from './sample.js';
import { canonicalDocxIds, canonicalPdfNodeIds, issueDate, normalizePackage, pdfDate, stampCoreProperties, stampPdfDates, w3cdtf } from './stamp.js';
import { renderXlsx } from './xlsx.js';

const ISSUED = '2026-01-31T08:15:42Z';
const issued = (issuedAt = ISSUED): DocumentModel => ({ ...sampleDocument(), issuedAt });

/** The DOS date and time of every entry of a zip, read from its central directory. */
function zipEntryTimes(zip: Buffer): { name: string; date: number; time: number }[] {
  const out: { name: string; date: number; time: number }[] = [];
  for (let i = zip.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')), n = zip.readUInt16LE(i + 10), p = zip.readUInt32LE(i + 16); n > 0; n--) {
    const nameLength = zip.readUInt16LE(p + 28);
    out.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLength), time: zip.readUInt16LE(p + 12), date: zip.readUInt16LE(p + 14) });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** 2026-01-31 08:15:42 UTC in DOS form (seconds halved). */
const DOS = { date: ((2026 - 1980) << 9) | (1 << 5) | 31, time: (8 << 11) | (15 << 5) | (42 >> 1) };

describe('issueDate', () => {
  it('reads an ISO date-time with a zone, or a date as midnight UTC, in whole seconds', () => {
    expect(issueDate({ issuedAt: '2026-01-31T08:15:42.987Z' }).toISOString()).toBe('2026-01-31T08:15:42.000Z');
    expect(issueDate({ issuedAt: '2026-01-31T15:15:42+07:00' }).toISOString()).toBe('2026-01-31T08:15:42.000Z');
    expect(issueDate({ issuedAt: '2026-01-31' }).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(issueDate({}, () => new Date('2030-05-06T07:08:09.500Z')).toISOString()).toBe('2030-05-06T07:08:09.000Z');
  });

  it('refuses what is not one, and dates a zip cannot carry', () => {
    expect(() => issueDate({ issuedAt: '31/01/2026' })).toThrow(/issuedAt: expected an ISO date-time .*got "31\/01\/2026"/);
    expect(() => issueDate({ issuedAt: '2026-01-31T08:00:00' })).toThrow(/with a time zone/);
    expect(() => issueDate({ issuedAt: '1970-01-01T00:00:00Z' })).toThrow(/between 1980 and 2107/);
  });
});

describe('stamping helpers', () => {
  it('writes W3CDTF and PDF dates in UTC', () => {
    const d = new Date('2026-01-31T08:15:42Z');
    expect(w3cdtf(d)).toBe('2026-01-31T08:15:42Z');
    expect(pdfDate(d)).toBe("D:20260131081542+00'00'");
  });

  it('sets both core property dates', () => {
    const xml =
      '<cp:coreProperties><dc:title>T</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00.123Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>';
    expect(stampCoreProperties(xml, new Date(ISSUED))).toBe(
      '<cp:coreProperties><dc:title>T</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-31T08:15:42Z</dcterms:created>' +
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-31T08:15:42Z</dcterms:modified></cp:coreProperties>',
    );
  });

  it('renumbers bookmarks, contents anchors and drawings in document order', () => {
    const a =
      '<w:hyperlink w:anchor="_Toc31"><w:instrText>PAGEREF _Toc31 \\h</w:instrText></w:hyperlink>' +
      '<w:bookmarkStart w:name="_Toc31" w:id="31"/><w:bookmarkEnd w:id="31"/><w:bookmarkStart w:name="_Toc32" w:id="32"/><w:bookmarkEnd w:id="32"/>' +
      '<wp:docPr id="7" name="x"/><wp:docPr id="8" name="y"/><w:t>_Toc99 stays</w:t>';
    expect(canonicalDocxIds(a)).toBe(
      '<w:hyperlink w:anchor="_Toc1"><w:instrText>PAGEREF _Toc1 \\h</w:instrText></w:hyperlink>' +
        '<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkEnd w:id="1"/><w:bookmarkStart w:name="_Toc2" w:id="2"/><w:bookmarkEnd w:id="2"/>' +
        '<wp:docPr id="1" name="x"/><wp:docPr id="2" name="y"/><w:t>_Toc99 stays</w:t>',
    );
  });

  it('rewrites a PDF’s dates in place, keeping its length and every other byte', () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<</Creator (X)\n/CreationDate (D:20991127181820+00'00')\n/ModDate (D:20991127181820Z)>>\nendobj\n", 'latin1');
    const out = stampPdfDates(pdf, new Date(ISSUED));
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toBe(
      "%PDF-1.4\n1 0 obj\n<</Creator (X)\n/CreationDate (D:20260131081542+00'00')\n/ModDate (D:20260131081542Z)>>\nendobj\n",
    );
    expect(() => stampPdfDates(Buffer.from('%PDF-1.4\n<<>>\n', 'latin1'), new Date(ISSUED))).toThrow(/found neither/);
  });

  it('renumbers a tagged PDF’s structure ids by rank, in place', () => {
    const pdf = Buffer.from('<</ID (node00000321)>> <</Headers [(node00000325) (node00000321)]>> <</Names [(node00000321) 1 0 R (node00000325) 2 0 R]>> (node00000009 is text)', 'latin1');
    const out = canonicalPdfNodeIds(pdf);
    expect(out.toString('latin1')).toBe(
      '<</ID (node00000001)>> <</Headers [(node00000002) (node00000001)]>> <</Names [(node00000001) 1 0 R (node00000002) 2 0 R]>> (node00000009 is text)',
    );
    expect(out.length).toBe(pdf.length);
    expect(canonicalPdfNodeIds(out).equals(out)).toBe(true);
  });

  it('writes a package again with fixed entry times and the entries in their order', async () => {
    const zip = new JSZip();
    zip.file('b.xml', '<b/>', { date: new Date('2001-01-01T00:00:00Z') });
    zip.file('a/c.xml', '<c/>', { date: new Date('2002-01-01T00:00:00Z'), createFolders: false });
    const src = await zip.generateAsync({ type: 'nodebuffer' });
    const out = await normalizePackage(src, new Date(ISSUED), (name, text) => (name === 'b.xml' ? '<B/>' : text));
    const times = zipEntryTimes(out);
    expect(times.map((t) => t.name)).toEqual(['b.xml', 'a/c.xml']);
    for (const t of times) expect({ date: t.date, time: t.time }).toEqual(DOS);
    const back = await JSZip.loadAsync(out);
    expect(await back.file('b.xml')!.async('string')).toBe('<B/>');
  });
});

describe('renderers give the same bytes for the same document and issue date', () => {
  it('DOCX: byte-identical in one process (where docx counts ids across documents), dated at the issue time', async () => {
    const a = await renderDocx(issued());
    await new Promise((r) => setTimeout(r, 2100)); // across a zip time step (2 s)
    const b = await renderDocx(issued());
    expect(b.equals(a)).toBe(true);
    const times = zipEntryTimes(a);
    expect(times.length).toBeGreaterThan(5);
    for (const t of times) expect({ date: t.date, time: t.time }).toEqual(DOS);
    const core = await (await JSZip.loadAsync(a)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-31T08:15:42Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-31T08:15:42Z</dcterms:modified>');
    const body = await (await JSZip.loadAsync(a)).file('word/document.xml')!.async('string');
    expect(body).toMatch(/<w:bookmarkStart w:name="_Toc1" w:id="1"\/>/);
    expect(body).toMatch(/<wp:docPr id="1" /);
    // another issue date changes the dates, and only those
    const c = await renderDocx(issued('2027-03-01T00:00:00Z'));
    expect(c.equals(a)).toBe(false);
    const cz = await JSZip.loadAsync(c);
    expect(await cz.file('word/document.xml')!.async('string')).toBe(body);
    expect(await cz.file('docProps/core.xml')!.async('string')).toContain('2027-03-01T00:00:00Z');
  });

  it('XLSX: byte-identical, dated at the issue time, text cells still quote-prefixed', async () => {
    const doc = issued();
    doc.sections.push({
      id: 'formula',
      blocks: [{ type: 'table', caption: 'Rumus', header: [[{ value: { kind: 'text', text: 'Teks' } }]], body: [[{ value: { kind: 'text', text: '=1+1' } }]] }],
    });
    const a = await renderXlsx(doc);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await renderXlsx(doc);
    expect(b.equals(a)).toBe(true);
    for (const t of zipEntryTimes(a)) expect({ date: t.date, time: t.time }).toEqual(DOS);
    const zip = await JSZip.loadAsync(a);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('>2026-01-31T08:15:42Z</dcterms:created>');
    expect(await zip.file('xl/styles.xml')!.async('string')).toMatch(/numFmtId="49"[^>]*quotePrefix="1"/);
  });

  it('HTML: the same text, with the issue date in its metadata; none without one', () => {
    const html = renderHtml(issued());
    expect(renderHtml(issued())).toBe(html);
    expect(html).toContain('<meta name="dcterms.issued" content="2026-01-31T08:15:42Z">');
    expect(renderHtml(sampleDocument())).not.toContain('dcterms.issued');
  });
});

// Chromium comes with npm (Linux x64); in CI its absence is a failure, never a silent pass.
const haveChromium = chromiumAvailable();
describe('PDF reproducibility', () => {
  let renderer: PdfRenderer | undefined;
  afterAll(async () => {
    await renderer?.close();
  });

  it.runIf(process.env.CI === 'true')('has Chromium in CI', () => {
    expect(haveChromium, `no Chromium (${chromiumName()})`).toBe(true);
  });

  it.skipIf(!haveChromium)('two prints of one document are byte-identical, with the issue date as creation and modification date', async () => {
    renderer = createPdfRenderer();
    const a = await renderer.render(issued());
    await new Promise((r) => setTimeout(r, 1100)); // Chromium dates in whole seconds
    const b = await renderer.render(issued());
    expect(b.equals(a)).toBe(true);
    const text = a.toString('latin1');
    expect(text).toContain("/CreationDate (D:20260131081542+00'00')");
    expect(text).toContain("/ModDate (D:20260131081542+00'00')");
    expect(await renderer.version()).toMatch(/^\d+\.\d+/);
  });
});
