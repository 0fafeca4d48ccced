/**
 * The demo's DOCX opened in LibreOffice (issue 11): the LKIP 2025 and both agreements are written as
 * DOCX, converted to PDF by `soffice` (one conversion for all three: it is slow) and read back.
 * The contents carry page numbers that LibreOffice worked out itself, each pointing at the page its
 * heading is on; no page is empty; every signature block shares its page with the text before it.
 * Skips, saying why, where LibreOffice is not installed (CI installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../core/dataset/schema.js';
import type { Block, DocumentModel, Signature } from '../core/document/model.js';
import { renderDocx } from './docx.js';
import { signaturePlaceDate } from './html.js';
import { skipReason } from './installed.js';
import { headingAnchors, pageStyleOf } from './layout.js';
import { readPdf } from './pdf-text.js';
import { buildReport } from './produce.js';

const soffice = skipReason('soffice', 'libreoffice-writer-nogui', 'opening the DOCX in LibreOffice');

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

/** White space collapsed, so text wrapped over lines compares with the model's. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

const ROMAN: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function roman(n: number): string {
  let out = '';
  for (const [v, r] of ROMAN) for (; n >= v; n -= v) out += r;
  return out;
}

interface Converted {
  doc: DocumentModel;
  /** each page's lines */
  pages: string[][];
}

/** The page number printed in each page's footer (its last line ends with it), '' where none. */
function footerLabels(pages: string[][]): string[] {
  return pages.map((lines) => /(?:^|\s)(\d+|[ivxlc]+)$/.exec(lines[lines.length - 1] ?? '')?.[1] ?? '');
}

/** The end of a block's text as it prints, to find on a page: a paragraph's last words, a table's last row's first cell. */
function tailOf(b: Block): string {
  if (b.type === 'paragraph') return b.content.map((p) => (typeof p === 'string' ? p : p.text)).join('').split(/\s+/).slice(-4).join(' ');
  if (b.type === 'table') {
    const last = b.footer?.[b.footer.length - 1] ?? b.body[b.body.length - 1];
    const cell = last?.find((c) => c.value.kind === 'text' && c.value.text.trim() !== '');
    return cell?.value.kind === 'text' ? cell.value.text : '';
  }
  if (b.type === 'list') return (b.items[b.items.length - 1] ?? []).map((p) => (typeof p === 'string' ? p : p.text)).join('').split(/\s+/).slice(-4).join(' ');
  return '';
}

/** Each signature of the model with the block before it. */
function signatures(doc: DocumentModel): { signature: Signature; before: Block | undefined }[] {
  const out: { signature: Signature; before: Block | undefined }[] = [];
  for (const s of doc.sections)
    s.blocks.forEach((b, i) => {
      if (b.type === 'signature') out.push({ signature: b, before: s.blocks.slice(0, i).filter((x) => x.type !== 'pageBreak').pop() });
    });
  return out;
}

describe.skipIf(!!soffice)(`the demo's DOCX in LibreOffice${soffice}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-docx-lo-'));
  const converted = new Map<string, Converted>();

  beforeAll(async () => {
    const ds = demo();
    const docs: Record<string, DocumentModel> = {
      lkip: buildReport(ds, { kind: 'lkip', year: 2025 }),
      pk: buildReport(ds, { kind: 'agreement', agreementId: 'pk-2025' }),
      'pk-perubahan': buildReport(ds, { kind: 'agreement', agreementId: 'pk-2025-perubahan' }),
    };
    for (const [name, doc] of Object.entries(docs)) writeFileSync(join(dir, `${name}.docx`), await renderDocx(doc));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(docs).map((n) => join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const [name, doc] of Object.entries(docs)) {
      const { pages } = await readPdf(join(dir, `${name}.pdf`));
      // a draft's watermark ("DRAF", in the page header) is read first on every page: not part of the page's text
      const lines = (p: string) => p.split('\n').filter((l) => l.trim() !== '');
      converted.set(name, { doc, pages: pages.map((p) => (doc.draft ? lines(p).filter((l, i) => !(i === 0 && l.trim() === doc.draft!.label)) : lines(p))) });
    }
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the LKIP contents with page numbers, each the page its heading is on', () => {
    const { doc, pages } = converted.get('lkip')!;
    const labels = footerLabels(pages);
    const tocPage = pages.findIndex((p) => p[0] === 'DAFTAR ISI');
    expect(tocPage).toBeGreaterThan(0);
    // the contents' entries: "TEXT ........ N", an entry wrapping over lines ends on the line with the dots
    // (a text that fills its line leaves room for a few leader dots only, which the PDF's text reads spaced: ". . .52")
    const entries: { text: string; page: string }[] = [];
    let pending = '';
    for (const pageLines of pages.slice(tocPage, tocPage + 3)) {
      for (const line of pageLines.slice(0, -1)) {
        const m = /^(.*?)\s*(?:\.\s*){3,}(\d+|[ivxlc]+)$/.exec(line);
        if (m) {
          entries.push({ text: flat(`${pending} ${m[1]}`), page: m[2]! });
          pending = '';
        } else if (line !== 'DAFTAR ISI') pending = `${pending} ${line}`;
      }
    }
    const listed = [...headingAnchors(doc).values()].filter((e) => e.inToc);
    expect(entries.map((e) => e.text)).toEqual(listed.map((e) => flat(e.text)));
    listed.forEach((heading, i) => {
      const n = entries[i]!.page;
      // LibreOffice 7.4 writes a page reference in digits also where the page is numbered in roman (iv → 4)
      const label = pageStyleOf(doc, heading.section).numbering === 'roman' && /^\d+$/.test(n) ? roman(Number(n)) : n;
      const at = labels.indexOf(label);
      expect(at, `page ${label} in the footers`).toBeGreaterThan(0);
      expect(flat(pages[at]!.join(' ')), `"${heading.text}" on page ${label}`).toContain(flat(heading.text));
    });
  });

  it('leaves no page without text (no blank page) in the LKIP and the agreements', () => {
    for (const [name, { pages }] of converted) {
      pages.forEach((lines, i) => {
        // the footer (title and page number) alone does not count as text
        const body = name === 'lkip' && i > 0 ? lines.slice(0, -1) : lines;
        expect(body.length, `${name} page ${i + 1}: ${lines.join(' | ')}`).toBeGreaterThan(0);
      });
    }
  });

  it('keeps every signature block on the page of the text before it', () => {
    for (const [name, { doc, pages }] of converted) {
      let from = 0;
      const list = signatures(doc);
      expect(list.length, name).toBeGreaterThan(0);
      for (const { signature, before } of list) {
        const marks = [signaturePlaceDate(signature), ...signature.parties.map((p) => p.name)].filter(Boolean).map(flat);
        const page = pages.findIndex((p, i) => i >= from && marks.every((m) => flat(p.join(' ')).includes(m)));
        expect(page, `${name}: the signature of ${marks.join(', ')} whole on one page`).toBeGreaterThanOrEqual(0);
        const tail = before ? flat(tailOf(before)) : '';
        expect(tail, `${name}: the text before the signature`).not.toBe('');
        expect(flat(pages[page]!.join(' ')), `${name} page ${page + 1}`).toContain(tail);
        from = page + 1;
      }
    }
  });
});
