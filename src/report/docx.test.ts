import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { installed, skipReason } from './installed.js';
import { readPdf } from './pdf-text.js';
import type { DocumentModel, Paragraph } from '../core/document/model.js';
import { renderDocx } from './docx.js';
import { sampleDocument } from './sample.js';

const soffice = skipReason('soffice', 'libreoffice-writer-nogui', 'opening the DOCX in LibreOffice');


interface Unpacked {
  zip: JSZip;
  document: string;
  files: string[];
}

async function unpack(buf: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buf);
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { zip, document, files: Object.keys(zip.files) };
}

/** The visible text of a piece of WordprocessingML (runs' w:t), paragraphs on their own lines. */
function textOf(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** The paragraphs with a given style id, as text. */
function styled(xml: string, style: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => textOf(p).trim());
}

describe('renderDocx', () => {
  let sample: Unpacked;
  let buf: Buffer;

  beforeAll(async () => {
    buf = await renderDocx(sampleDocument());
    sample = await unpack(buf);
  });

  it('is a Word document with its parts', () => {
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const f of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '[Content_Types].xml', 'docProps/core.xml']) expect(sample.files).toContain(f);
    expect(sample.files.some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
  });

  it('uses Word\'s heading styles, so the navigation pane and the contents field see them', () => {
    expect(styled(sample.document, 'Heading1')).toEqual(['KATA PENGANTAR', 'BAB I PENDAHULUAN', 'BAB III AKUNTABILITAS KINERJA', 'LAMPIRAN 1 PERJANJIAN KINERJA TAHUN 2025']);
    expect(styled(sample.document, 'Heading2')).toEqual(['A. Latar Belakang', 'B. Tujuan', 'C. Sumber Daya Keuangan', 'A. Capaian Kinerja Tahun 2025']);
  });

  it('keeps a heading out of the contents when asked, still looking like a heading', async () => {
    const doc = sampleDocument();
    doc.sections[2]!.blocks.push({ type: 'heading', level: 3, text: 'B.1.1 Analisis Ketercapaian', toc: false });
    const { document, zip } = await unpack(await renderDocx(doc));
    expect(styled(document, 'KHeading3Plain')).toEqual(['B.1.1 Analisis Ketercapaian']);
    expect(styled(document, 'Heading3')).toEqual([]);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(/<w:style [^>]*w:styleId="KHeading3Plain"/);
  });

  it('writes the contents as links with PAGEREF fields to bookmarks on the headings, and asks Word to update fields', async () => {
    const entries = sample.document.split('</w:p>').filter((p) => /<w:pStyle w:val="TOC[123]"\/>/.test(p));
    expect(entries.map((p) => textOf(p).trim())).toEqual([
      'KATA PENGANTAR',
      'BAB I PENDAHULUAN',
      'A. Latar Belakang',
      'B. Tujuan',
      'C. Sumber Daya Keuangan',
      'BAB III AKUNTABILITAS KINERJA',
      'A. Capaian Kinerja Tahun 2025',
      'LAMPIRAN 1 PERJANJIAN KINERJA TAHUN 2025',
    ]);
    expect(entries.map((p) => /<w:pStyle w:val="TOC(\d)"\/>/.exec(p)?.[1])).toEqual(['1', '1', '2', '2', '2', '1', '2', '1']);
    // each entry: a link to a bookmark, a dot-leader tab to the right margin, a PAGEREF field to the same bookmark
    const bookmarks = new Map([...sample.document.matchAll(/<w:bookmarkStart w:name="(_Toc\d+)" w:id="\d+"\/>(?:<w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>)/g)].map((m) => [m[1], m[2]]));
    for (const p of entries) {
      const anchor = /<w:hyperlink [^>]*w:anchor="(_Toc\d+)"/.exec(p)?.[1];
      expect(anchor).toBeDefined();
      expect(bookmarks.get(anchor!)?.toUpperCase()).toBe(textOf(p).trim().toUpperCase());
      expect(p).toContain(`<w:instrText xml:space="preserve">PAGEREF ${anchor} \\h</w:instrText>`);
      expect(p).toMatch(/<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/);
    }
    // not Word's TOC field, whose stored result LibreOffice would show as it is
    expect(sample.document).not.toContain('TOC \\');
    expect(styled(sample.document, 'KTocTitle')).toEqual(['DAFTAR ISI']);
    const settings = (await sample.zip.file('word/settings.xml')?.async('string')) ?? '';
    expect(settings).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    // a heading left out of the contents gets no bookmark and no entry
    const doc = sampleDocument();
    doc.sections[2]!.blocks.push({ type: 'heading', level: 3, text: 'B.1.1 Analisis Ketercapaian', toc: false });
    const { document } = await unpack(await renderDocx(doc));
    expect(document.split('</w:p>').filter((p) => /<w:pStyle w:val="TOC[123]"\/>/.test(p))).toHaveLength(8);
    expect(document).not.toMatch(/<w:bookmarkStart [^>]*\/><w:r><w:t[^>]*>B\.1\.1/);
  });

  it('writes a page break as "page break before" on what follows, never as a paragraph of its own', async () => {
    const doc = sampleDocument();
    doc.sections[2]!.blocks.push({ type: 'pageBreak' }, { type: 'paragraph', content: ['Sesudah pemisah halaman.'] });
    // a break at the end of a section that begins a page anyway is dropped
    doc.sections[2]!.blocks.push({ type: 'pageBreak' });
    const { document } = await unpack(await renderDocx(doc));
    expect(document).not.toContain('<w:br w:type="page"/>');
    const after = document.split('</w:p>').find((p) => p.includes('Sesudah pemisah halaman.')) ?? '';
    expect(after).toContain('<w:pageBreakBefore/>');
    // one more than the sample has (its appendix breaks once), none for the break at the section's end
    const count = (xml: string): number => (xml.match(/<w:pageBreakBefore\/>/g) ?? []).length;
    expect(count(sample.document)).toBe(1);
    expect(count(document)).toBe(2);
  });

  it('keeps introductory sentences and the text before a signature with what follows', async () => {
    const doc = sampleDocument();
    doc.sections[2]!.blocks.push(
      { type: 'paragraph', content: ['Rinciannya sebagai berikut:'] },
      { type: 'list', ordered: true, items: [['satu'], ['dua']] },
      { type: 'paragraph', content: ['Kalimat biasa.'] },
      // the model's own keep flag, where the model has one (core/document/flow.ts)
      { type: 'paragraph', content: ['Kalimat yang ditandai.'], keepWithNext: true } as Paragraph,
      { type: 'paragraph', content: ['Kalimat terakhir sebelum tanda tangan.'] },
      { type: 'signature', parties: [{ role: 'Yang membuat,', name: 'NAMA', position: 'Kepala Dinas' }] },
    );
    const { document } = await unpack(await renderDocx(doc));
    const para = (text: string): string => document.split('</w:p>').find((p) => p.includes(text)) ?? '';
    expect(para('Rinciannya sebagai berikut:')).toContain('<w:keepNext/>');
    expect(para('Kalimat biasa.')).not.toContain('<w:keepNext/>');
    expect(para('Kalimat yang ditandai.')).toContain('<w:keepNext/>');
    expect(para('Kalimat terakhir sebelum tanda tangan.')).toMatch(/<w:keepNext\/>.*<w:keepLines\/>/);
  });

  it('merges header cells across columns (gridSpan) and down rows (vMerge)', () => {
    const tables = sample.document.split('<w:tbl>').slice(1).map((t) => t.split('</w:tbl>')[0] ?? '');
    const t32 = tables.find((t) => t.includes('Capaian Tahun 2025')) ?? '';
    const rows = t32.split('</w:tr>').filter((r) => r.includes('<w:tc>'));
    const header1 = rows[0] ?? '';
    const header2 = rows[1] ?? '';
    expect(header1).toContain('<w:tblHeader/>');
    expect(header2).toContain('<w:tblHeader/>');
    expect((header1.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length).toBe(4);
    expect(header1).toMatch(/<w:gridSpan w:val="4"\/>.*Capaian Tahun 2025/s);
    // the second header row: four continuations, then Target, Realisasi, %, Kriteria
    expect((header2.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length).toBe(4);
    expect((header2.match(/<w:tc>/g) ?? []).length).toBe(8);
    expect(textOf(header2).split('\n').filter(Boolean)).toEqual(['Target', 'Realisasi', '%', 'Kriteria']);
    // the body's merged "Sasaran" runs down three rows
    expect((t32.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length).toBe(4 + 2 * 2);
    expect(t32).toContain('<w:gridCol w:w=');
  });

  it('shades predicate and header cells, formats numbers the Indonesian way, right-aligned', () => {
    const doc = sample.document;
    expect(doc).toMatch(/<w:shd w:fill="9FC5E8" w:color="auto" w:val="clear"\/>.*?Sangat Tinggi/s);
    expect(doc).toMatch(/<w:shd w:fill="E06666" w:color="auto" w:val="clear"\/>.*?Sangat Rendah/s);
    expect(doc).toMatch(/<w:shd w:fill="D9D9D9"/);
    const text = textOf(doc);
    // numbers keep "Rp" with the digits (non-breaking space)
    for (const v of ['Rp\u00A026.796.144.571,60', 'Rp\u00A014.543.788.541', '1.234.567,89', '66,67%', '106,67%', '83,72%']) expect(text).toContain(v);
    expect(doc).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">66,67%<\/w:t>/);
    expect(text).not.toMatch(/26796144571|NaN|undefined|\[object Object\]/);
  });

  it('numbers pages roman in the front matter and arabic from chapter I, with landscape where asked', async () => {
    const sect = [...sample.document.matchAll(/<w:sectPr>.*?<\/w:sectPr>/gs)].map((m) => m[0]);
    expect(sect).toHaveLength(6); // cover, Kata Pengantar, Daftar Isi, BAB I, BAB III, Lampiran
    expect(sect[1]).toContain('<w:pgNumType w:start="1" w:fmt="lowerRoman"/>');
    expect(sect[2]).toContain('<w:pgNumType w:fmt="lowerRoman"/>');
    expect(sect[3]).toContain('<w:pgNumType w:start="1" w:fmt="decimal"/>');
    expect(sect[4]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sect[5]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // a footer with the PAGE field on numbered pages, an empty one on the cover
    const footerOf = async (s: string): Promise<string> => {
      const rid = /<w:footerReference w:type="default" r:id="(rId\d+)"\/>/.exec(s)?.[1];
      const rels = (await sample.zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
      return (await sample.zip.file(`word/${target}`)?.async('string')) ?? '';
    };
    expect(await footerOf(sect[0]!)).not.toContain('PAGE');
    const footer = await footerOf(sect[1]!);
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toContain('Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025');
  });

  it('embeds the chart as its SVG with a PNG for applications without SVG, at its size, with the caption under it', async () => {
    const media = sample.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const svgFile = media.find((f) => f.endsWith('.svg'));
    const svg = (await sample.zip.file(svgFile!)!.async('string')) ?? '';
    expect(svg).toMatch(/^<svg[^>]*width="720"[^>]*height="260"/);
    expect(svg).toContain('Koperasi sehat'); // the chart's own text, as text
    // Word's SVG extension names it, the blip itself is the PNG
    expect(sample.document).toContain('<asvg:svgBlip');
    const png = await sample.zip.file(media.find((f) => f.endsWith('.png'))!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1440); // 720 px at 2×
    expect(png.readUInt32BE(20)).toBe(520);
    // 720 × 260 px = 6 858 000 × 2 476 500 EMU, within the landscape text width
    expect(sample.document).toContain('<wp:extent cx="6858000" cy="2476500"/>');
    expect(sample.document).toMatch(/<\/w:drawing>.*?Grafik 3\.1 Persentase Capaian/s);
  });

  it('writes lists with Word numbering, each ordered list from 1', async () => {
    const numbering = (await sample.zip.file('word/numbering.xml')?.async('string')) ?? '';
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    expect(sample.document).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>.*Peraturan Presiden Nomor 29/s);
  });

  it('lays out signatures as one borderless row that cannot split: place and date over the last column, name, rank, NIP', () => {
    const sigs = sample.document.split('<w:tbl>').slice(1).map((t) => t.split('</w:tbl>')[0] ?? '').filter((t) => t.includes('NIP.'));
    expect(sigs).toHaveLength(2);
    const pk = sigs[1]!;
    expect(pk).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect((pk.match(/<w:tr>/g) ?? []).length).toBe(1);
    expect(pk).toContain('<w:cantSplit/>');
    expect(textOf(pk).split('\n').filter(Boolean)).toEqual([
      'PIHAK KEDUA',
      'Plt. Bupati Jember',
      'MUHAMMAD BALYA FIRJAUN BARLAMAM',
      'Jember, 10 Februari 2025',
      'PIHAK PERTAMA',
      'Kepala Dinas Koperasi dan Usaha Mikro',
      'Dra. SARTINI, MM',
      'Pembina Tk. I (IV/b)',
      'NIP. 196707061998032005',
    ]);
  });

  it('escapes text from the data', async () => {
    const doc: DocumentModel = sampleDocument();
    doc.sections[2]!.blocks.push({ type: 'paragraph', content: ['<w:p>&"\'</w:p> ]]>'] });
    const { document } = await unpack(await renderDocx(doc));
    expect(document).toContain('&lt;w:p&gt;&amp;');
    expect(textOf(document)).toContain('<w:p>&"\'</w:p> ]]>');
  });

  it('refuses a model with a bad fill or a non-finite number, saying where', async () => {
    const doc = sampleDocument();
    const t = doc.sections[2]!.blocks.find((b) => b.type === 'table');
    if (t?.type !== 'table') throw new Error('sample changed');
    t.body[0]![4] = { value: { kind: 'number', value: Number.POSITIVE_INFINITY, format: { kind: 'percent', decimals: 2 } } };
    await expect(renderDocx(doc)).rejects.toThrow(/Tabel 1\.1 Anggaran dan Realisasi Tahun 2025" body row 1, column 5: expected a finite number, got Infinity/);
    t.body[0]![4] = { value: { kind: 'text', text: 'x' }, fill: 'blue' };
    await expect(renderDocx(doc)).rejects.toThrow(/body row 1, column 5: expected a fill colour as CSS hex/);
  });

  it.runIf(process.env.CI === 'true')('has LibreOffice in CI (.ci/run installs it), so the next test runs there', () => {
    expect(installed('soffice'), 'soffice').toBe(true);
  });

  it.skipIf(!!soffice)(`opens cleanly in LibreOffice${soffice}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-docx-'));
    try {
      const file = join(dir, 'sample.docx');
      writeFileSync(file, buf);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
      const pdf = readFileSync(join(dir, 'sample.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { text } = await readPdf(pdf);
      for (const s of ['LAPORAN KINERJA', 'DAFTAR ISI', 'BAB III AKUNTABILITAS KINERJA', 'Sangat Tinggi', '106,67%', 'NIP. 196707061998032005']) expect(text).toContain(s);
      expect(text).toMatch(/BAB I PENDAHULUAN\.{5,}1/); // the contents, filled in
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
