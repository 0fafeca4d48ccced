import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseChromium, chromiumAvailable, chromiumName, NPM_CHROMIUM_PACKAGE } from './chromium.js';
import { installed, skipReason } from './installed.js';
import { ChromiumMissingError, createPdfRenderer, namedDestinationPages, renderPdf, type PdfRenderer } from './pdf.js';
import { readPdf } from './pdf-text.js';
import { sampleDocument } from './sample.js';

const haveChromium = chromiumAvailable();
const pdftoppm = skipReason('pdftoppm', 'poppler-utils', 'pictures of the pages');

describe('createPdfRenderer without Chromium', () => {
  it('says where it looked and what to do', async () => {
    const renderer = createPdfRenderer({ executablePath: '/nonexistent/chromium' });
    const err = await renderer.render(sampleDocument()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as Error).message).toContain('/nonexistent/chromium');
    expect((err as Error).message).toContain('CHROMIUM_PATH');
    expect((err as Error).message).toContain(NPM_CHROMIUM_PACKAGE);
    expect((err as ChromiumMissingError).localized.id).toContain('Chromium tidak ditemukan di /nonexistent/chromium');
    await renderer.close();
  });

  it('takes CHROMIUM_PATH, else the npm build, else Debian\'s headless shell, else Debian\'s chromium', () => {
    const npm = { version: '143.0.4', binDir: '/x/bin' };
    const choose = (env: NodeJS.ProcessEnv, build: typeof npm | 'missing' | 'platform', exists: (p: string) => boolean) => chooseChromium(env, { exists, npm: () => build });
    expect(choose({ CHROMIUM_PATH: '/opt/chromium/chrome' }, npm, () => true)).toEqual({ kind: 'path', path: '/opt/chromium/chrome', from: 'CHROMIUM_PATH' });
    expect(chromiumName(choose({}, npm, () => true))).toBe('@sparticuz/chromium@143.0.4');
    expect(chromiumName(choose({}, 'platform', (p) => p === '/usr/bin/chromium-headless-shell'))).toBe('/usr/bin/chromium-headless-shell');
    expect(chromiumName(choose({}, 'missing', () => false))).toBe('/usr/bin/chromium');
  });

  it('says the npm build does not run here when it is another system, and that it is not installed when it is not', () => {
    const platform = ChromiumMissingError.at({ kind: 'path', path: '/usr/bin/chromium', from: 'debian', npm: 'platform' });
    expect(platform.message).toContain('runs on Linux x64 only');
    expect(platform.localized.id).toContain('hanya berjalan di Linux x64');
    const missing = ChromiumMissingError.at({ kind: 'path', path: '/usr/bin/chromium', from: 'debian', npm: 'missing' });
    expect(missing.message).toContain('is not installed (run `npm ci`)');
    expect(missing.message).toContain('apt-get install chromium-headless-shell');
  });

  it('on this machine (Linux x64 with node_modules) prints with the npm build', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64' || process.env['CHROMIUM_PATH']) return;
    expect(chooseChromium().kind).toBe('npm');
    expect(createPdfRenderer().chromium).toMatch(/^@sparticuz\/chromium@\d+\.\d+\.\d+$/);
  });
});

// Chromium comes with npm: skipped only on a machine where it does not run and none is installed.
describe.skipIf(!haveChromium)('PDF of the sample report', () => {
  let renderer: PdfRenderer;
  let dir: string;
  let pdf: Buffer;
  let file: string;
  let text: string;
  let read: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    renderer = createPdfRenderer();
    dir = mkdtempSync(join(tmpdir(), 'kinerja-pdf-'));
    pdf = await renderer.render(sampleDocument());
    file = join(dir, 'sample.pdf');
    writeFileSync(file, pdf);
    read = await readPdf(pdf);
    text = read.text;
  });

  afterAll(async () => {
    await renderer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is an A4 PDF of several pages with the document title', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(read.pages.length).toBeGreaterThanOrEqual(6);
    expect(read.title).toBe('Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025');
    // A4 portrait on the first page (595 x 842 pt), landscape where the chapter asks
    const a4 = (s: { width: number; height: number }): string => `${Math.round(s.width)}x${Math.round(s.height)}`;
    expect(a4(read.sizes[0]!)).toBe('595x842');
    expect(read.sizes.map(a4)).toContain('842x595');
  });

  it('sets every text in the fonts it embeds from npm, never a system font', () => {
    expect(read.fonts.length).toBeGreaterThan(0);
    for (const f of read.fonts) expect(f).toMatch(/^(Tinos|Arimo|NotoSansMath)-/);
    expect(read.fonts).toEqual(expect.arrayContaining(['Arimo-Bold', 'Arimo-Regular', 'Tinos-Regular']));
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

  it.skipIf(!!pdftoppm)(`renders pages that can be looked at (artifacts/report-sample-*.png)${pdftoppm}`, () => {
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
