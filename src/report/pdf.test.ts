import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installed } from './installed.js';
import { ChromiumMissingError, chromiumPath, createPdfRenderer, namedDestinationPages, renderPdf, type PdfRenderer } from './pdf.js';
import { sampleDocument } from './sample.js';

const haveChromium = existsSync(chromiumPath());
const havePoppler = installed('pdftotext');

describe('createPdfRenderer without Chromium', () => {
  it('says how to install it', async () => {
    const renderer = createPdfRenderer({ executablePath: '/nonexistent/chromium' });
    const err = await renderer.render(sampleDocument()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as Error).message).toContain('/nonexistent/chromium');
    expect((err as Error).message).toContain('apt-get install chromium-headless-shell fonts-liberation2');
    expect((err as Error).message).toContain('CHROMIUM_PATH');
    await renderer.close();
  });

  it('takes the executable from CHROMIUM_PATH, else Debian\'s headless shell when installed, else Debian\'s chromium', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' }, () => true)).toBe('/opt/chromium/chrome');
    expect(chromiumPath({}, (p) => p === '/usr/bin/chromium-headless-shell')).toBe('/usr/bin/chromium-headless-shell');
    expect(chromiumPath({}, () => false)).toBe('/usr/bin/chromium');
  });
});

// Skipped only where the machine has no Chromium or no poppler-utils (.ci/run installs both).
describe.skipIf(!haveChromium || !havePoppler)('PDF of the sample report', () => {
  let renderer: PdfRenderer;
  let dir: string;
  let pdf: Buffer;
  let file: string;
  let text: string;

  beforeAll(async () => {
    renderer = createPdfRenderer();
    dir = mkdtempSync(join(tmpdir(), 'kinerja-pdf-'));
    pdf = await renderer.render(sampleDocument());
    file = join(dir, 'sample.pdf');
    writeFileSync(file, pdf);
    text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  });

  afterAll(async () => {
    await renderer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is an A4 PDF of several pages with the document title', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(info).toMatch(/^Title:\s+Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025$/m);
    // A4 portrait on the first page (595 x 842 pt), landscape where the chapter asks
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
    expect(sizes).toMatch(/Page\s+\d+ size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts/);
  });

  it('shows the headings, the formatted values and the signatures', () => {
    for (const s of ['LAPORAN KINERJA', 'KATA PENGANTAR', 'DAFTAR ISI', 'BAB I PENDAHULUAN', 'A. Latar Belakang', 'BAB III AKUNTABILITAS KINERJA', 'Tabel 3.2 Capaian Kinerja Tahun 2025']) {
      expect(text).toContain(s);
    }
    for (const s of ['Rp 26.796.144.571,60', '1.234.567,89', '66,67%', '106,67%', 'Sangat Rendah', 'Target (100%)', 'NIP. 196707061998032005', 'PIHAK PERTAMA']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/NaN|undefined|\[object Object\]/);
  });

  it('numbers the pages: none on the cover, roman on the front matter, arabic from chapter I', () => {
    const pages = text.split('\f').filter((p) => p.trim());
    const footer = (p: string): string => (p.trim().split('\n').pop() ?? '').trim();
    expect(pages[0]).toContain('LAPORAN KINERJA');
    expect(footer(pages[0]!)).not.toMatch(/\d$|\bi$/);
    expect(footer(pages[1]!)).toMatch(/Tahun 2025\s+i$/); // Kata Pengantar
    expect(footer(pages[2]!)).toMatch(/Tahun 2025\s+ii$/); // Daftar Isi
    expect(footer(pages[3]!)).toMatch(/Tahun 2025\s+1$/); // BAB I
    expect(footer(pages[4]!)).toMatch(/Tahun 2025\s+2$/);
  });

  it('fills the table of contents with the pages the headings are on', () => {
    const toc = text.split('\f').find((p) => p.includes('DAFTAR ISI')) ?? '';
    expect(toc).toMatch(/KATA PENGANTAR\s+i\n/);
    expect(toc).toMatch(/BAB I PENDAHULUAN\s+1\n/);
    expect(toc).toMatch(/C\. Sumber Daya Keuangan\s+2\n/);
    // each heading really is on the page the contents give
    const pages = text.split('\f');
    const bab3 = Number(/BAB III AKUNTABILITAS KINERJA\s+(\d+)\n/.exec(toc)?.[1]);
    const bab3Page = pages.findIndex((p, i) => i > 3 && p.includes('BAB III AKUNTABILITAS KINERJA'));
    expect(bab3Page - 2).toBe(bab3); // before chapter I's page 1: the cover and the two roman pages
  });

  it('reads the named destinations Chromium writes', () => {
    const dests = namedDestinationPages(pdf);
    expect(dests.get('h-bab-i-pendahuluan')).toBe(3);
    expect(dests.get('kata-pengantar')).toBe(1);
  });

  it('renders pages that can be looked at (artifacts/report-sample-*.png)', () => {
    const out = join(process.cwd(), 'artifacts');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '50', file, join(out, 'report-sample')]);
    const pngs = readdirSync(out).filter((f) => /^report-sample-\d+\.png$/.test(f));
    expect(pngs.length).toBeGreaterThanOrEqual(6);
  });

  it('serves concurrent renders from one browser, and a one-shot render closes its own', async () => {
    const doc = sampleDocument();
    doc.sections = doc.sections.filter((s) => !s.blocks.some((b) => b.type === 'toc')); // a single pass
    const [a, b] = await Promise.all([renderer.render(doc), renderer.render(doc)]);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const one = await renderPdf(doc);
    expect(one.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
