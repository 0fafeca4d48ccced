import { describe, expect, it } from 'vitest';
import type { DocumentModel, Table } from '../core/document/model.js';
import { cssString, escapeHtml, renderHtml, reportStylesheet } from './html.js';
import { sampleDocument } from './sample.js';

/** Output that shows a bug: a number that was not, a missing value, an object printed as text. */
export function expectNoGarbage(text: string): void {
  expect(text).not.toMatch(/NaN|undefined|\[object Object\]/);
}

/** The selectors of a stylesheet's style rules, also inside @media, leaving out @page rules and their margin boxes. */
function styleSelectors(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let skipFrom = -1; // depth at which an @page block started
  let prelude = '';
  for (const ch of css) {
    if (ch === '{') {
      const p = prelude.trim();
      if (skipFrom < 0 && p.startsWith('@page')) skipFrom = depth;
      else if (skipFrom < 0 && !p.startsWith('@')) out.push(p);
      depth++;
      prelude = '';
    } else if (ch === '}') {
      depth--;
      if (depth === skipFrom) skipFrom = -1;
      prelude = '';
    } else if (ch === ';' && skipFrom < 0) {
      prelude = '';
    } else {
      prelude += ch;
    }
  }
  return out;
}

const HOSTILE = '<script>alert("x")</script> & </style><img src=x onerror=alert(1)>';

function tableById(doc: DocumentModel, id: string): Table {
  for (const s of doc.sections) for (const b of s.blocks) if (b.type === 'table' && b.id === id) return b;
  throw new Error(`no table ${id}`);
}

describe('renderHtml', () => {
  const html = renderHtml(sampleDocument());

  it('writes a whole self-contained page', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025</title>');
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
    expectNoGarbage(html);
  });

  it('prints on A4 with named pages: roman front matter, arabic body, landscape parts, a bare cover', () => {
    expect(html).toContain('@page kp-roman {');
    expect(html).toMatch(/@page kp-roman \{[^}]*size: A4 portrait;[^}]*counter-increment: kfront;/);
    expect(html).toContain('counter(kfront, lower-roman)');
    expect(html).toMatch(/@page kl-arabic \{[^}]*size: A4 landscape;[^}]*counter-increment: kbody;/);
    expect(html).toMatch(/@page kcover \{ size: A4 portrait; margin: 20mm; \}/);
    expect(html).toContain('<section class="k-section k-pg-p-roman k-new-page" data-section="kata-pengantar"');
    expect(html).toContain('<section class="k-section k-pg-l-arabic k-new-page" data-section="bab-3"');
    expect(html).toContain('.kinerja-doc .k-pg-l-arabic { page: kl-arabic; }');
    expect(html).toMatch(/<section class="k-cover"[^>]*>.*LAPORAN KINERJA.*Surel: diskopum@jemberkab\.go\.id/s);
  });

  it('generates the table of contents from the headings, linked to their anchors', () => {
    const toc = /<nav class="k-toc"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
    const links = [...toc.matchAll(/<a href="#([^"]+)"><span class="k-toc-text">([^<]+)<\/span>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['kata-pengantar', 'KATA PENGANTAR'],
      ['h-bab-i-pendahuluan', 'BAB I PENDAHULUAN'],
      ['h-a-latar-belakang', 'A. Latar Belakang'],
      ['h-b-tujuan', 'B. Tujuan'],
      ['h-c-sumber-daya-keuangan', 'C. Sumber Daya Keuangan'],
      ['h-bab-iii-akuntabilitas-kinerja', 'BAB III AKUNTABILITAS KINERJA'],
      ['h-a-capaian-kinerja-tahun-2025', 'A. Capaian Kinerja Tahun 2025'],
      ['h-lampiran-1-perjanjian-kinerja-tahun-2025', 'LAMPIRAN 1 PERJANJIAN KINERJA TAHUN 2025'],
    ]);
    for (const [id] of links) expect(html).toMatch(new RegExp(`<h[123] id="${id}">`));
    // without known page numbers there is no page column; with them, each entry shows its page
    expect(toc).not.toContain('k-toc-page');
    const paged = renderHtml(sampleDocument(), { tocPages: new Map([['kata-pengantar', 'i'], ['h-bab-i-pendahuluan', '1']]) });
    expect(paged).toContain('KATA PENGANTAR</span><span class="k-toc-dots"></span><span class="k-toc-page">i</span>');
    expect(paged).toContain('BAB I PENDAHULUAN</span><span class="k-toc-dots"></span><span class="k-toc-page">1</span>');
  });

  it('writes merged header cells, repeated headers and formatted, right-aligned numbers', () => {
    // a short table is kept on one page
    const table = /<figure class="k-table k-keep" id="tabel-3-2">(.*?)<\/figure>/s.exec(html)?.[1] ?? '';
    expect(table).toContain('<figcaption>Tabel 3.2 Capaian Kinerja Tahun 2025');
    const thead = /<thead>(.*?)<\/thead>/s.exec(table)?.[1] ?? '';
    const rows = thead.split('</tr>').filter((r) => r.includes('<th'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('<th rowspan="2" scope="col" class="k-center">No</th>');
    expect(rows[0]).toContain('<th colspan="4" scope="colgroup" class="k-center">Capaian Tahun 2025</th>');
    expect(rows[1]?.match(/<th /g)).toHaveLength(4);
    expect(table).toContain('<td class="k-right k-num">66,67%</td>');
    expect(table).toContain('<td rowspan="3" class="k-left">Meningkatkan pertumbuhan usaha mikro dan koperasi</td>');
    expect(html).toContain('table.k-data thead { display: table-header-group; }');
    expect(html).toContain('<col style="width:');
  });

  it('colours predicate cells with their fill and a readable text colour', () => {
    expect(html).toContain('<td class="k-center" style="background:#E06666;color:#000000">Sangat Rendah</td>');
    expect(html).toContain('<td class="k-center" style="background:#9FC5E8;color:#000000">Sangat Tinggi</td>');
    const doc = sampleDocument();
    const t = tableById(doc, 'tabel-3-2');
    t.body[0]![7] = { value: { kind: 'text', text: 'Rendah' }, fill: '#595959' };
    expect(renderHtml(doc)).toContain('style="background:#595959;color:#FFFFFF">Rendah</td>');
  });

  it('formats rupiah, plain numbers, percentages and empty cells the Indonesian way', () => {
    expect(html).toContain('>Rp 26.796.144.571,60</td>');
    expect(html).toContain('>Rp 14.543.788.541</td>');
    expect(html).toContain('>1.234.567,89</td>');
    expect(html).toContain('>83,72%</td>');
    expect(html).toContain('<td class="k-center" title="belum ada laporan realisasi">-</td>');
    // totals are bold rows after the body, not a tfoot (which Chromium repeats on every page)
    expect(html).toMatch(/<tbody class="k-total"><tr><td colspan="2" class="k-center">Jumlah<\/td>/);
    expect(html).not.toContain('<tfoot');
    expect(html).not.toMatch(/>\s*26796144571/);
  });

  it('embeds charts as inline SVG with their caption', () => {
    const fig = /<figure class="k-chart" id="grafik-3-1"[^>]*>(.*?)<\/figure>/s.exec(html)?.[1] ?? '';
    expect(fig).toMatch(/^<svg /);
    expect(fig).toContain('106,67%');
    expect(fig).toContain('<figcaption>Grafik 3.1 Persentase Capaian Indikator Kinerja Tahun 2025</figcaption>');
  });

  it('lays out signature blocks: place and date over the last column, room to sign, name, rank, NIP', () => {
    const sigs = [...html.matchAll(/<table class="k-sig"[^>]*>(.*?)<\/table>/gs)].map((m) => m[1] ?? '');
    expect(sigs).toHaveLength(2);
    // the foreword: one signer, on the right half
    expect(sigs[0]).toMatch(/^<tr><td><\/td><td><p>Jember, 19 Februari 2026<\/p><\/td><\/tr><tr><td><\/td><td>/);
    expect(sigs[0]).toContain('Kepala Dinas Koperasi dan Usaha Mikro<br>Kabupaten Jember');
    expect(sigs[0]).toContain('<div class="k-sig-space"></div><p class="k-sig-name">Dra. SARTINI, MM</p><p>Pembina Tk. I (IV/b)</p><p>NIP. 196707061998032005</p>');
    // the agreement: PIHAK KEDUA left, PIHAK PERTAMA right under the date
    expect(sigs[1]).toMatch(/<td><p class="k-sig-role">PIHAK KEDUA<\/p>.*<td><p class="k-sig-role">PIHAK PERTAMA<\/p>/s);
    const doc = sampleDocument();
    const sig = doc.sections[4]!.blocks[2]!;
    if (sig.type === 'signature') sig.date = '2025-02-10';
    expect(renderHtml(doc)).toContain('<p>Jember, 10 Februari 2025</p>');
  });

  it('writes lists, page breaks and paragraph styles', () => {
    expect(html).toContain('<ol><li>Peraturan Presiden Nomor 29 Tahun 2014');
    expect(html).toContain('<ul><li>Memberikan informasi kinerja');
    expect(html).toContain('<div class="k-page-break"></div>');
    expect(html).toContain('<p class="k-note">Catatan:');
    expect(html).toContain('<em>Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025</em>');
    expect(html).toContain('<strong>Sistem Akuntabilitas Kinerja Instansi Pemerintah</strong>');
    const doc = sampleDocument();
    doc.sections[2]!.blocks.push({ type: 'list', ordered: true, style: 'lower-alpha', items: [['satu'], ['dua']] });
    expect(renderHtml(doc)).toContain('<ol style="list-style-type:lower-alpha"><li>satu</li><li>dua</li></ol>');
  });

  it('escapes every text from the data', () => {
    const doc = sampleDocument();
    doc.title = `Judul ${HOSTILE}`;
    doc.cover!.lines.push(HOSTILE);
    const bab1 = doc.sections[2]!;
    bab1.blocks.push({ type: 'heading', level: 2, text: HOSTILE, id: 'x" onclick="alert(1)' });
    bab1.blocks.push({ type: 'paragraph', content: [HOSTILE, { text: HOSTILE, bold: true }] });
    bab1.blocks.push({ type: 'list', ordered: false, items: [[HOSTILE]] });
    const t = tableById(doc, 'tabel-1-1');
    t.caption = HOSTILE;
    t.source = HOSTILE;
    t.body[1]![1] = { value: { kind: 'text', text: HOSTILE } };
    t.body[1]![3] = { value: { kind: 'empty', reason: HOSTILE } };
    const sig = doc.sections[4]!.blocks[2]!;
    if (sig.type === 'signature') sig.parties[0]!.name = HOSTILE;
    const out = renderHtml(doc);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('" onclick="');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;');
    // the title also reaches the stylesheet (page footers) as a CSS string: no way out of <style>
    const style = /<style>(.*?)<\/style>/s.exec(out)?.[1] ?? '';
    expect(style).not.toMatch(/<\/?(style|script|img)/i);
    expect(style).toContain(cssString(doc.title));
    expectNoGarbage(out);
  });

  it('refuses a fill that is not a hex colour, and a non-finite number', () => {
    const doc = sampleDocument();
    tableById(doc, 'tabel-3-2').body[0]![7]!.fill = 'red;background:url(//x)';
    expect(() => renderHtml(doc)).toThrow(/table "Tabel 3\.2 .*" body row 1, column 8: expected a fill colour as CSS hex/);
    const doc2 = sampleDocument();
    tableById(doc2, 'tabel-1-1').body[0]![4] = { value: { kind: 'number', value: Number.NaN, format: { kind: 'percent', decimals: 2 } } };
    expect(() => renderHtml(doc2)).toThrow(/table "Tabel 1\.1 Anggaran dan Realisasi Tahun 2025" body row 1, column 5: expected a finite number, got NaN/);
  });

  it('gives a fragment and its stylesheet for the web preview', () => {
    const fragment = renderHtml(sampleDocument(), { standalone: false });
    expect(fragment.startsWith('<div class="kinerja-doc" lang="id">')).toBe(true);
    expect(fragment.trimEnd().endsWith('</div>')).toBe(true);
    expect(fragment).not.toMatch(/<html|<head|<style|<body/);
    const css = reportStylesheet(sampleDocument());
    expect(css).toContain('.kinerja-doc table.k-data');
    // every rule of the look is scoped to the document element
    const selectors = styleSelectors(css);
    expect(selectors.length).toBeGreaterThan(30);
    for (const s of selectors) expect(s.split(',').every((part) => part.trim().startsWith('.kinerja-doc'))).toBe(true);
    const landscape = renderHtml({ ...sampleDocument(), orientation: 'landscape' }, { standalone: false });
    expect(landscape).toContain('class="kinerja-doc k-landscape"');
    // a landscape document prints every part on landscape pages unless the part says otherwise
    expect(landscape).toContain('<section class="k-section k-pg-l-roman k-new-page" data-section="kata-pengantar"');
    expect(reportStylesheet({ title: 'T', orientation: 'landscape' })).toMatch(/^@page \{ size: A4 landscape;/);
  });

  it('escapes the five HTML characters and writes CSS strings with hex escapes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(cssString('Tahun 2025')).toBe('"Tahun 2025"');
    expect(cssString('a"b\\c\n</style>')).toBe('"a\\22 b\\5c c\\a \\3c /style\\3e "');
  });

  it('keeps an introduction with its table, lets rows inside merged cells break, and prints a wide table on a landscape part (issue 11)', () => {
    const c = (t: string, o: { rowSpan?: number } = {}) => ({ value: { kind: 'text' as const, text: t }, ...o });
    const rp = { value: { kind: 'number' as const, value: 6_370_874_771.6, format: { kind: 'rupiah' as const } } };
    const merged: Table = { type: 'table', header: [[c('Sasaran'), c('Indikator')]], body: [[c('S1', { rowSpan: 2 }), c('I1')], [c('I2')], [c('S2'), c('I3')]] };
    const wide: Table = { type: 'table', orientation: 'fit', header: [['No', 'A', 'B', 'C', 'D', 'E', 'F', 'G'].map((t) => c(t))], body: [[c('1'), rp, rp, rp, rp, rp, rp, rp]] };
    const doc: DocumentModel = {
      title: 'T', agency: 'A', year: 2025, language: 'id', orientation: 'portrait',
      sections: [{ id: 'bab-3', newPage: true, blocks: [{ type: 'paragraph', content: ['Tabel berikut:'], keepWithNext: true }, merged, { type: 'paragraph', content: ['Anggaran:'], keepWithNext: true }, wide] }],
    };
    const html = renderHtml(doc, { standalone: false });
    expect(html).toContain('<p class="k-keep-next">Tabel berikut:</p>');
    expect(reportStylesheet(doc)).toContain('.kinerja-doc p.k-keep-next { break-after: avoid;');
    // the two rows under S1 may break between pages; the row of S2 alone stays whole
    expect(html.match(/<tr class="k-spanned">/g)).toHaveLength(2);
    expect(reportStylesheet(doc)).toContain('tr.k-spanned { break-inside: auto;');
    expect(html).toMatch(/<section class="k-section k-pg-p-arabic k-new-page" data-section="bab-3">/);
    expect(html).toMatch(/<section class="k-section k-pg-l-arabic" data-section="bab-3-2"><p class="k-keep-next">Anggaran:<\/p>/);
  });
});
