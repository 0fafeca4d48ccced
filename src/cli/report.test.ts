/**
 * `kinerja report`, `agreement` and `review-doc`, run in-process on the demo dataset and the
 * minimal fixture, writing real files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipReason } from '../report/installed.js';
import { minimalDataset } from '../core/dataset/fixtures.js';
import { Dataset } from '../core/dataset/schema.js';
import type { DocumentModel, Table } from '../core/document/model.js';
import { formatPercent } from '../core/format.js';
import { measure } from '../core/measure/index.js';
import { documentProblems } from '../core/report/walk.js';
import { review } from '../core/review/index.js';
import { GROUP_KEYS } from '../core/review/rank.js';
import { chromiumAvailable, launchChromium } from '../report/chromium.js';
import { textWidthMm } from '../report/layout.js';
import { readPdf } from '../report/pdf-text.js';
import { runCli } from './testing.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = 'examples/diskopum-jember-2025.json';
const haveChromium = chromiumAvailable();
const pdftoppm = skipReason('pdftoppm', 'poppler-utils', 'pictures of the pages');
let dir: string;

const kinerja = (...argv: string[]) => runCli(argv, { env: { KINERJA_DATA_DIR: join(dir, 'data') }, cwd: repo });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kinerja-report-'));
  await writeFile(join(dir, 'minimal.json'), JSON.stringify(minimalDataset()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kinerja report', () => {
  it('writes the demo LKIP 2025 as HTML with the computed figures', async () => {
    const out = join(dir, 'lkip.html');
    const r = await kinerja('report', DEMO, '--year', '2025', '--format', 'html', '-o', out);
    expect(r.err).toContain(`Ditulis: ${out} (HTML`);
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const s of ['LAPORAN KINERJA', 'KATA PENGANTAR', 'IKHTISAR EKSEKUTIF', 'BAB I PENDAHULUAN', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP']) {
      expect(html).toContain(s);
    }
    expect(html).toContain('Dari hasil pengukuran terhadap 5 indikator, 2 tercapai, 3 tidak tercapai, 0 belum dapat diukur.');
    expect(html).toContain('Dari hasil pengukuran terhadap 4 indikator, 2 tercapai, 1 tidak tercapai, 1 belum dapat diukur.'); // 222,29 %: out of range, not scored
    const ds = Dataset.parse(JSON.parse(await readFile(join(repo, DEMO), 'utf8')));
    for (const a of measure(ds, 2025).agreements) {
      for (const row of a.rows) if (row.achievement !== null) expect(html).toContain(formatPercent(row.achievement));
    }
    expect(html).not.toMatch(/\bNaN\b|\bundefined\b/);
  });

  it('infers the format from the output name, and writes DOCX and XLSX files', async () => {
    const docx = join(dir, 'lkip.docx');
    const xlsx = join(dir, 'lkip.xlsx');
    expect((await kinerja('report', DEMO, '--year', '2025', '-o', docx)).code).toBe(0);
    expect((await kinerja('report', DEMO, '--year', '2025', '--format', 'xlsx', '-o', xlsx)).code).toBe(0);
    for (const f of [docx, xlsx]) expect((await readFile(f)).subarray(0, 2).toString('latin1')).toBe('PK'); // zip containers
  });

  it('prints the document model as JSON to standard output', async () => {
    const r = await kinerja('report', join(dir, 'minimal.json'), '--year', '2025', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as DocumentModel;
    expect(doc.title).toBe('Laporan Kinerja Dinas Contoh Kabupaten Contoh Tahun 2025');
    expect(documentProblems(doc)).toEqual([]);
  });

  it('refuses a binary format without an output file, and a missing format', async () => {
    const r = await kinerja('report', DEMO, '--year', '2025', '--format', 'docx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('menulis berkas: berikan -o BERKAS');
    expect((await kinerja('--lang', 'en', 'report', DEMO, '--year', '2025', '--format', 'docx')).err).toContain('give -o FILE');
    const r2 = await kinerja('report', DEMO, '--year', '2025', '-o', join(dir, 'lkip.txt'));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('berikan --format');
  });

  it.skipIf(!haveChromium)('writes a PDF', async () => {
    const pdf = join(dir, 'minimal.pdf');
    const r = await kinerja('report', join(dir, 'minimal.json'), '--year', '2025', '--format', 'pdf', '-o', pdf);
    expect(r.code).toBe(0);
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.skipIf(!haveChromium)('writes the demo LKIP as a PDF that reads as the report: contents, page numbers, figures, no stranded caption, only its own fonts', async () => {
    const pdf = join(dir, 'lkip-demo.pdf');
    const r = await kinerja('report', DEMO, '--year', '2025', '--format', 'pdf', '-o', pdf);
    expect(r.code).toBe(0);
    const read = await readPdf(pdf);
    const pages = read.pages.length;
    expect(pages).toBeGreaterThan(40);
    const text = read.text;
    const sheets = text.split('\f');
    expect(sheets.length - 1).toBe(pages);
    // every text in the fonts the report embeds from npm (≤ and ≥ of the demo from Noto Sans Math)
    expect(read.fonts).toEqual(['Arimo-Bold', 'Arimo-BoldItalic', 'Arimo-Italic', 'Arimo-Regular', 'NotoSansMath-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-Regular']);
    // the contents list each chapter on the page it starts on (arabic numbers count from BAB I)
    const toc = sheets.find((p) => p.includes('DAFTAR ISI'))!;
    const babI = sheets.findIndex((p, i) => i > 0 && p.includes('BAB I PENDAHULUAN') && !p.includes('DAFTAR ISI'));
    for (const chapter of ['BAB I PENDAHULUAN', 'BAB II PERENCANAAN DAN PERJANJIAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP']) {
      const listed = Number(new RegExp(`${chapter}\\s+(\\d+)\\n`).exec(toc)?.[1]);
      const at = sheets.findIndex((p, i) => i >= babI && p.includes(chapter));
      expect(at - babI + 1, chapter).toBe(listed);
      // the page's own footer says the same number
      expect(sheets[at]!.trim().split('\n').pop()!.trim().endsWith(` ${listed}`), chapter).toBe(true);
    }
    // every computed achievement is printed, nothing uncomputed is
    const ds = Dataset.parse(JSON.parse(await readFile(join(repo, DEMO), 'utf8')));
    for (const a of measure(ds, 2025).agreements) {
      for (const row of a.rows) if (row.achievement !== null) expect(text).toContain(formatPercent(row.achievement));
    }
    expect(text).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
    // a table's caption never stands alone at the foot of a page (the line above the footer), even
    // on a page of its own (a small table kept together although taller than a page did that)
    const stranded = sheets
      .map((p, i) => ({ page: i + 1, lines: p.split('\n').filter((l) => l.trim()) }))
      // (a table's caption: its number and title; a chart's caption is under the chart, and "Tabel 3.4."
      // may end a sentence of the prose)
      .filter(({ lines }) => lines.length >= 2 && /^Tabel \d+\.\d+ \S/.test(lines.at(-2)!.trim()))
      .map(({ page, lines }) => `${page}: ${lines.at(-2)!.trim()}`);
    expect(stranded).toEqual([]);
  });

  it.skipIf(!haveChromium || !!pdftoppm)(`writes pictures of the demo LKIP's pages (artifacts/lkip-demo-*.png)${pdftoppm}`, async () => {
    const pdf = join(dir, 'lkip-demo.pdf');
    if (!(await readFile(pdf).catch(() => undefined))) expect((await kinerja('report', DEMO, '--year', '2025', '--format', 'pdf', '-o', pdf)).code).toBe(0);
    const pages = (await readPdf(pdf)).pages.length;
    const out = join(repo, 'artifacts');
    mkdirSync(out, { recursive: true });
    // the pictures of an earlier, longer report would be counted too
    for (const f of readdirSync(out).filter((f) => /^lkip-demo-\d+\.png$/.test(f))) rmSync(join(out, f));
    execFileSync('pdftoppm', ['-png', '-r', '40', pdf, join(out, 'lkip-demo')]);
    expect(readdirSync(out).filter((f) => /^lkip-demo-\d+\.png$/.test(f))).toHaveLength(pages);
  });
});

/** What does not fit in the demo LKIP's table cells, as Chromium lays them out at the page's text width. */
interface Misfits {
  /** number cells whose text is wider than the cell (it runs into the next column or off the page) */
  numbers: string[];
  /** header words broken across lines */
  headerWords: string[];
}

describe('kinerja report: tables on the page', () => {
  it.skipIf(!haveChromium)('fits every number of the demo LKIP in its cell and breaks no header word, portrait and landscape', async () => {
    const out = join(dir, 'lkip-tables.html');
    expect((await kinerja('report', DEMO, '--year', '2025', '--format', 'html', '-o', out)).code).toBe(0);
    const html = await readFile(out, 'utf8');
    const browser = await launchChromium();
    try {
      const seen: Record<string, Misfits & { tables: number }> = {};
      for (const orientation of ['portrait', 'landscape'] as const) {
        // print media at the width of the page's text: the width Chromium lays a printed page out at
        const width = Math.floor((textWidthMm(orientation) / 25.4) * 96);
        const page = await browser.newPage({ viewport: { width, height: 1000 } });
        await page.emulateMedia({ media: 'print' });
        await page.setContent(html);
        await page.evaluate(() => document.fonts.ready); // the embedded fonts, as the print waits for them
        seen[orientation] = await page.evaluate((prefix) => {
          const found = { numbers: [] as string[], headerWords: [] as string[], tables: 0 };
          const where = (el: Element): string => el.closest('figure')?.querySelector('figcaption')?.textContent?.slice(0, 40) ?? '(no caption)';
          for (const table of document.querySelectorAll(`section[class*="${prefix}"] table.k-data`)) {
            found.tables++;
            for (const cell of table.querySelectorAll<HTMLElement>('.k-num')) {
              if (cell.scrollWidth > cell.clientWidth) found.numbers.push(`${where(cell)}: ${cell.textContent} (${cell.scrollWidth} > ${cell.clientWidth} px)`);
            }
            for (const th of table.querySelectorAll('th')) {
              for (const node of th.childNodes) {
                if (node.nodeType !== Node.TEXT_NODE) continue;
                const text = node.textContent ?? '';
                // each piece a line may not break inside: a word, split after a hyphen
                for (const m of text.matchAll(/[^\s-]+-?/g)) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  if (range.getClientRects().length > 1) found.headerWords.push(`${where(th)}: "${m[0]}" in "${text}"`);
                }
              }
            }
          }
          return found;
        }, orientation === 'portrait' ? 'k-pg-p-' : 'k-pg-l-');
        await page.close();
      }
      expect(seen['portrait']!.tables).toBeGreaterThan(10);
      // landscape only for the tables too wide for portrait (issue 11)
      expect(seen['landscape']!.tables).toBeGreaterThanOrEqual(5);
      for (const o of ['portrait', 'landscape']) {
        expect(seen[o]!.numbers, o).toEqual([]);
        expect(seen[o]!.headerWords, o).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});

describe('kinerja agreement', () => {
  it('writes the signed amendment with its parties and rows', async () => {
    const out = join(dir, 'pk.html');
    const r = await kinerja('agreement', DEMO, '--id', 'pk-2025-perubahan', '-o', out);
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    for (const s of ['PERJANJIAN KINERJA PERUBAHAN TAHUN 2025', 'Muhammad Fawait', 'Dra. Sartini, MM', 'Persentase Koperasi yang difasilitasi', '24 September 2025']) {
      expect(html).toContain(s);
    }
  });

  it('names the known agreements when the id is unknown', async () => {
    const r = await kinerja('agreement', DEMO, '--id', 'pk-2099', '--format', 'html');
    expect(r.code).toBe(1);
    expect(r.err).toContain('tidak ada perjanjian kinerja "pk-2099"');
    expect(r.err).toContain('pk-2025, pk-2025-perubahan');
  });
});

describe('kinerja review-doc', () => {
  it('lists every contradiction of the demo report', async () => {
    const r = await kinerja('review-doc', DEMO, '--year', '2025', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as DocumentModel;
    const ds = Dataset.parse(JSON.parse(await readFile(join(repo, DEMO), 'utf8')));
    const listed = doc.sections
      .flatMap((s) => s.blocks)
      .filter((b): b is Table => b.type === 'table' && GROUP_KEYS.some((k) => b.id === `reviu-tabel-${k}`))
      .reduce((n, t) => n + t.body.length, 0);
    expect(listed).toBe(review(ds, 2025).summary.contradicted);
    // no reviewer given: a draft
    expect(doc.draft?.label).toBe('DRAF');
  });

  it('signs with the reviewer given by the options, and refuses a date it cannot read', async () => {
    const r = await kinerja(
      'review-doc', DEMO, '--year', '2025', '--format', 'json',
      '--reviewer-name', 'Nama Pereviu Contoh', '--reviewer-nip', '198001012005011001', '--reviewer-position', 'Auditor Ahli Madya',
      '--review-place', 'Jember', '--review-date', '2026-02-27',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as DocumentModel;
    expect(doc.draft).toBeUndefined();
    const sig = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'signature');
    expect(sig).toEqual({
      type: 'signature',
      place: 'Jember',
      date: '27 Februari 2026',
      parties: [{ role: 'Inspektorat Kabupaten Jember,', position: 'Auditor Ahli Madya', name: 'Nama Pereviu Contoh', nip: '198001012005011001' }],
    });
    const bad = await kinerja('review-doc', DEMO, '--year', '2025', '--format', 'json', '--review-date', '27-02-2026');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--review-date: diharapkan tanggal TTTT-BB-HH seperti 2026-02-27, tertulis "27-02-2026"');
  });

  it('does not offer a spreadsheet', async () => {
    const r = await kinerja('review-doc', DEMO, '--year', '2025', '--format', 'xlsx', '-o', join(dir, 'r.xlsx'));
    expect(r.code).toBe(2);
  });
});
