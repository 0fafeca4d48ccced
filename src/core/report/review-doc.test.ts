import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_AGREEMENT, minimalDataset } from '../dataset/fixtures.js';
import { Dataset } from '../dataset/schema.js';
import type { Cell, DocumentModel, Signature, Table } from '../document/model.js';
import { ENGLISH_WORDS, englishWordsIn, internalReferencesIn } from '../review/language.js';
import { GROUP_KEYS, GROUP_TEXT } from '../review/rank.js';
import { review } from '../review/index.js';
import { buildReviewDocument, quantityName, reviewerOf } from './review-doc.js';
import { cellString, documentProblems, documentTexts, tableGrid } from './walk.js';

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

const blocks = (doc: DocumentModel) => doc.sections.flatMap((s) => s.blocks);
const table = (doc: DocumentModel, id: string): Table | undefined => blocks(doc).find((b): b is Table => b.type === 'table' && b.id === id);
const paragraphs = (doc: DocumentModel): string[] =>
  blocks(doc).flatMap((b) => (b.type === 'paragraph' ? [b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('')] : []));
const numberOf = (c: Cell | undefined): number | undefined => (c?.value.kind === 'number' ? c.value.value : undefined);
const header = (t: Table): string[] => t.header[0]!.map((c) => cellString(c) ?? '');
const column = (t: Table, name: string): Cell[] => {
  const i = header(t).indexOf(name);
  expect(i, `column "${name}"`).toBeGreaterThanOrEqual(0);
  return tableGrid(t.body).map((r) => r[i]!);
};

/** Every id of the demo a reader must never see: programs, agreements, plans, indicators (`owner/local`), goals. */
function idsOf(ds: Dataset): Set<string> {
  const ids = new Set<string>();
  for (const p of ds.programs) {
    ids.add(p.id);
    p.indicators?.forEach((i) => ids.add(`${p.id}/${i.id}`));
  }
  for (const a of ds.agreements) {
    ids.add(a.id);
    a.indicators?.forEach((i) => ids.add(`${a.id}/${i.id}`));
    a.rows.forEach((r) => ids.add(`${a.id}/${r.indicator}`));
  }
  for (const p of ds.plans) {
    ids.add(p.id);
    p.indicators?.forEach((i) => ids.add(`${p.id}/${i.id}`));
    p.goals?.forEach((g) => ids.add(`${p.id}/${g.id}`));
  }
  ds.activities?.forEach((l) => ids.add(`activities/${l.id}`));
  ds.expenditures?.forEach((l) => ids.add(`expenditures/${l.id}`));
  return ids;
}

/** The tokens of a text that are one of the ids (split on spaces and punctuation other than - / _ .). */
function idsIn(text: string, ids: Set<string>): string[] {
  return text
    .split(/[\s,;:()"'“”[\]{}]+/)
    .map((t) => t.replace(/[.]+$/, ''))
    .filter((t) => ids.has(t));
}

describe('buildReviewDocument on the demo dataset', () => {
  const ds = demo();
  const result = review(ds, 2025);
  const doc = buildReviewDocument(ds, 2025, result);
  const texts = documentTexts(doc);

  it('is sound', () => {
    expect(documentProblems(doc)).toEqual([]);
  });

  it('has no English word, checked against a list of common ones', () => {
    expect(ENGLISH_WORDS.length).toBeGreaterThanOrEqual(50);
    // the list finds English where there is some
    expect(englishWordsIn('Ikhtisar Eksekutif (after the PK 2025 table), printed 81')).toEqual(['after', 'the', 'table', 'printed']);
    const found = texts.flatMap((t) => englishWordsIn(t.text).map((w) => `${w} — ${t.where}: ${t.text.slice(0, 120)}`));
    expect(found).toEqual([]);
  });

  it('shows no id, dataset path or reference', () => {
    const ids = idsOf(ds);
    expect(ids.size).toBeGreaterThan(100);
    expect(idsIn('program pendukung: p4-k1-s2, p5 (pk-2025/UMM)', ids)).toEqual(['p4-k1-s2', 'p5', 'pk-2025/UMM']);
    const found = texts.flatMap((t) => [...internalReferencesIn(t.text), ...idsIn(t.text, ids)].map((x) => `${x} — ${t.where}: ${t.text.slice(0, 120)}`));
    expect(found).toEqual([]);
    for (const t of texts) {
      expect(t.text, t.where).not.toMatch(/[a-z]+\[\d+\]/);
      expect(t.text, t.where).not.toContain('{{');
    }
  });

  it('groups the contradictions by kind, each ranked by size, largest first', () => {
    const present = GROUP_KEYS.filter((k) => table(doc, `reviu-tabel-${k}`));
    // the demo has contradictions of every kind
    expect(present).toEqual([...GROUP_KEYS]);
    for (const k of present) {
      const t = table(doc, `reviu-tabel-${k}`)!;
      const rel = column(t, 'Selisih relatif (%)');
      const diff = column(t, 'Selisih (tercetak − hitung)');
      const exact = column(t, 'Nilai tepat');
      // tiers: numeric relative differences, then "< 0,01", then label steps, then no size
      const tier = (c: Cell, d: Cell) => (c.value.kind === 'number' ? 0 : cellString(c) === '< 0,01' ? 1 : cellString(c) === 'tak terhingga' ? -1 : cellString(d)?.endsWith('tingkat') ? 2 : 3);
      // a relative difference below 0,01 is printed as such: recomputed from the exact value
      const relOf = (c: Cell, i: number) => numberOf(c) ?? Math.abs(numberOf(diff[i]) ?? 0) / Math.abs(numberOf(exact[i]) ?? 1);
      const keys = rel.map((c, i) => ({ tier: tier(c, diff[i]!), rel: relOf(c, i), abs: Math.abs(numberOf(diff[i]) ?? 0), steps: Number.parseInt(cellString(diff[i]) ?? '0', 10) || 0 }));
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1]!, keys[i]!];
        expect(a.tier, `${k} row ${i + 1}`).toBeLessThanOrEqual(b.tier);
        if (a.tier !== b.tier) continue;
        if (a.tier === 0) {
          expect(a.rel, `${k} row ${i + 1}`).toBeGreaterThanOrEqual(b.rel);
          if (a.rel === b.rel) expect(a.abs).toBeGreaterThanOrEqual(b.abs);
        }
        if (a.tier === 1) expect(a.rel).toBeGreaterThanOrEqual(b.rel);
        if (a.tier === 2) expect(a.steps).toBeGreaterThanOrEqual(b.steps);
      }
    }
    // the headings name the groups in order, with their counts
    const headings = blocks(doc).flatMap((b) => (b.type === 'heading' && b.level === 2 ? [b.text] : []));
    expect(headings.map((t) => t.replace(/^A\.\d+ | \(\d+\)$/g, ''))).toEqual(present.map((k) => GROUP_TEXT[k].title));
  });

  it('opens with a summary per group whose counts are the items listed', () => {
    const t = table(doc, 'reviu-ringkasan-kelompok')!;
    const grid = tableGrid(t.body);
    let total = 0;
    GROUP_KEYS.forEach((k, i) => {
      expect(cellString(grid[i]![1])).toBe(GROUP_TEXT[k].title);
      const listed = tableGrid(table(doc, `reviu-tabel-${k}`)?.body ?? []).length;
      expect(numberOf(grid[i]![2]), k).toBe(listed);
      total += listed;
      // the largest difference is the first item's
      const first = table(doc, `reviu-tabel-${k}`) && column(table(doc, `reviu-tabel-${k}`)!, 'Selisih relatif (%)')[0];
      if (first?.value.kind === 'number') expect(numberOf(grid[i]![3])).toBe(first.value.value);
    });
    expect(total).toBe(result.summary.contradicted + result.narrative.summary.contradicted);
    expect(numberOf(grid[GROUP_KEYS.length + 1]![2])).toBe(tableGrid(table(doc, 'reviu-tabel-kualitas')!.body).length);
    expect(numberOf(grid[GROUP_KEYS.length]![2])).toBe(tableGrid(table(doc, 'reviu-tabel-temuan')!.body).length);
    // the summary comes before the first group
    const ids = blocks(doc).flatMap((b) => (b.type === 'table' && b.id ? [b.id] : []));
    expect(ids.indexOf('reviu-ringkasan-kelompok')).toBeLessThan(ids.indexOf('reviu-tabel-arithmetic'));
  });

  it('does not flag the Tabel 3.13 list whose worded cells add to 1.631 (266 + 22 + 1.178 + 50 + 30 + 40 + 45)', () => {
    const check = result.checks.find((c) => c.subject === 'activities/t3-13-daftar');
    expect(check?.status).toBe('agrees');
    expect(check?.computed).toBe(1631);
    expect(check?.explanation).toContain('"266 desa 22 kelurahan" → 266 + 22');
    const all = texts.map((t) => t.text).join('\n');
    expect(all).not.toContain('Daftar Kegiatan Fasilitasi koperasi');
  });

  it('prints the printed text verbatim, the computed value at the printed precision and the exact value', () => {
    const t = table(doc, 'reviu-tabel-arithmetic')!;
    const printed = column(t, 'Tercetak (apa adanya)').map((c) => cellString(c));
    const at = column(t, 'Hasil hitung (ketelitian tercetak)');
    const exact = column(t, 'Nilai tepat');
    const i = printed.indexOf('(2.440.800)');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(at[i]!.value).toEqual({ kind: 'number', value: -2449800, format: { kind: 'number', decimals: 0 } });
    // "10.19%": the printed text as printed, the computed 7,3238… at two decimals and exactly
    const j = printed.indexOf('10.19%');
    expect(j).toBeGreaterThanOrEqual(0);
    expect(at[j]!.value).toMatchObject({ kind: 'number', format: { kind: 'number', decimals: 2 } });
    // every exact value alike: four decimals, trailing zeros trimmed
    for (const c of exact) if (c.value.kind === 'number') expect(c.value.format).toEqual({ kind: 'number', decimals: 4, trim: true });
  });

  it('is a draft without a reviewer, and says so in the signature place', () => {
    expect(doc.draft).toEqual({
      label: 'DRAF',
      note: 'DRAF — belum dapat ditandatangani: nama, NIP, jabatan dan tanggal pereviu belum diisi. Tanpa identitas pereviu, hasil reviu ini adalah bahan kerja, bukan pernyataan reviu.',
    });
    expect(englishWordsIn(doc.draft!.note)).toEqual([]);
    const last = doc.sections.at(-1)!;
    expect(last.blocks[0]).toMatchObject({ type: 'heading', text: 'PERNYATAAN TELAH DIREVIU' });
    expect(paragraphs(doc).some((p) => p.startsWith('DRAF — BELUM DITANDATANGANI.'))).toBe(true);
    const sig = last.blocks.find((b): b is Signature => b.type === 'signature')!;
    // the unit is the year's evaluator; no name is invented
    expect(sig.parties).toEqual([{ role: 'Inspektorat Kabupaten Jember,', position: '(jabatan belum diisi)', name: '(nama belum diisi — draf)' }]);
  });
});

describe('buildReviewDocument with a reviewer', () => {
  const ds = demo();
  const reviewer = { name: 'Nama Pereviu Contoh', nip: '198001012005011001', position: 'Auditor Ahli Madya', unit: 'Inspektorat Kabupaten Jember', place: 'Jember', date: '2026-02-27' };
  const doc = buildReviewDocument(ds, 2025, review(ds, 2025), undefined, { reviewer });

  it('carries the identity, the statement and the signature block', () => {
    expect(doc.title).toBe('Reviu atas Laporan Kinerja Dinas Koperasi dan Usaha Mikro Tahun 2025');
    const id = tableGrid(blocks(doc).find((b): b is Table => b.type === 'table' && b.caption === 'Identitas Reviu')!.body).map((r) => `${cellString(r[0])}: ${cellString(r[1])}`);
    expect(id).toContain('Nama pereviu: Nama Pereviu Contoh');
    expect(id).toContain('NIP: 198001012005011001');
    expect(id).toContain('Tanggal reviu: 27 Februari 2026');
    const sig = doc.sections.at(-1)!.blocks.find((b): b is Signature => b.type === 'signature');
    expect(sig).toEqual({
      type: 'signature',
      place: 'Jember',
      date: '27 Februari 2026',
      parties: [{ role: 'Inspektorat Kabupaten Jember,', position: 'Auditor Ahli Madya', name: 'Nama Pereviu Contoh', nip: '198001012005011001' }],
    });
    expect(paragraphs(doc).some((p) => p.startsWith('Kami telah mereviu Laporan Kinerja Dinas Koperasi dan Usaha Mikro Kabupaten Jember Tahun 2025'))).toBe(true);
    expect(doc.draft).toBeUndefined();
    expect(documentTexts(doc).filter((t) => /DRAF/.test(t.text))).toEqual([]);
  });

  it('lists what is missing for a signature', () => {
    expect(reviewerOf(ds, 2025, { name: 'X' }).missing).toEqual(['NIP', 'jabatan', 'tanggal']);
    expect(reviewerOf(minimalDataset(), 2025).missing).toEqual(['nama', 'NIP', 'jabatan', 'unit kerja', 'tanggal']);
  });
});

describe('buildReviewDocument on the minimal dataset', () => {
  function withClaims(): Dataset {
    const ds = minimalDataset();
    ds.claims = [
      // agrees: UMM achievement 9,29% (6.5 / 70)
      { where: 'Tabel 3.2, baris 1', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 9.29 },
      // contradicts: printed 10%, computed 9,2857…
      { where: 'Tabel 3.2, baris 1', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 10, raw: '10%' },
      // contradicts: the budget of p1 at the initial stage is 100.000.000
      { where: 'Tabel 2.9', subject: 'p1', quantity: 'budget', stage: 'initial', value: 120000000 },
      // unchecked: the indicator has no baseline
      { where: 'Tabel 3.2, kolom 4', subject: `${FIXTURE_AGREEMENT}/SAKIP`, quantity: 'baseline', value: 70 },
      // prose: printed only in the text
      { where: 'Ikhtisar Eksekutif', subject: `${FIXTURE_AGREEMENT}/UMM`, quantity: 'achievement', value: 12, raw: '12 %' },
    ];
    return ds;
  }

  it('shows each contradiction in its group with the printed text, the computed value at the printed precision, exactly, and the difference', () => {
    const ds = withClaims();
    const result = review(ds, 2025);
    expect(result.summary).toMatchObject({ claims: 5, agreed: 1, contradicted: 3, unchecked: 1 });
    const doc = buildReviewDocument(ds, 2025, result);
    expect(documentProblems(doc)).toEqual([]);
    const arith = tableGrid(table(doc, 'reviu-tabel-arithmetic')!.body);
    expect(arith.map((r) => [cellString(r[1]), cellString(r[2]), cellString(r[3]), cellString(r[4])])).toEqual([
      ['Tabel 3.2, baris 1', 'Perjanjian Kinerja Tahun 2025: Persentase Usaha Mikro Mandiri', 'Capaian (%)', '10%'],
    ]);
    const v = (6.5 * 100) / 70;
    expect(arith[0]![5]!.value).toEqual({ kind: 'number', value: v, format: { kind: 'number', decimals: 0 } });
    expect(arith[0]![6]!.value).toEqual({ kind: 'number', value: v, format: { kind: 'number', decimals: 4, trim: true } });
    expect(numberOf(arith[0]![7])).toBeCloseTo(10 - v, 10);
    expect(numberOf(arith[0]![8])).toBeCloseTo(((10 - v) / v) * 100, 10);
    const input = tableGrid(table(doc, 'reviu-tabel-input')!.body);
    expect(input.map((r) => [cellString(r[2]), cellString(r[3]), cellString(r[4])])).toEqual([['Program Pemberdayaan Usaha Mikro', 'Anggaran Awal', '120.000.000']]);
    expect(numberOf(input[0]![8])).toBe(20);
    const prose = tableGrid(table(doc, 'reviu-tabel-prose')!.body);
    expect(prose.map((r) => cellString(r[1]))).toEqual(['Ikhtisar Eksekutif']);
    const unchecked = tableGrid(table(doc, 'reviu-tabel-tidak-diperiksa')?.body ?? []);
    expect(unchecked.map((r) => cellString(r[3]))).toEqual(['Kondisi awal']);
    const counts = tableGrid(table(doc, 'reviu-ringkasan-angka')!.body).map((r) => numberOf(r[1]));
    expect(counts).toEqual([5, 1, 3, 1]);
  });

  it('lists figures typed into the narrative that contradict the data as prose, by the narrative’s name', () => {
    const ds: Dataset = {
      ...minimalDataset(),
      narrative: { executiveSummary: 'Perjanjian Kinerja memuat tiga buah sasaran.', conclusions: 'Persentase Usaha Mikro Mandiri mencapai capaian 9,29% dengan predikat Tinggi.' },
    };
    const doc = buildReviewDocument(ds, 2025, review(ds, 2025));
    const prose = tableGrid(table(doc, 'reviu-tabel-prose')!.body);
    expect(prose.map((r) => [cellString(r[1]), cellString(r[3]), cellString(r[4])])).toEqual([
      // 3 against 1: a relative difference of 200 %, before the label one step off
      ['Narasi: Ikhtisar Eksekutif', 'Jumlah sasaran', 'tiga buah sasaran'],
      ['Narasi: Kesimpulan', 'Kriteria', 'predikat Tinggi'],
    ]);
    expect(numberOf(prose[0]![8])).toBe(200);
    const found = documentTexts(doc).flatMap((t) => [...englishWordsIn(t.text), ...internalReferencesIn(t.text)]);
    expect(found).toEqual([]);
  });

  it('ranks a difference from a computed 0 first and calls it infinite', () => {
    const ds = minimalDataset();
    ds.activities = [{ id: 'l1', title: 'Pameran', rows: [{ name: 'A', realization: 0 }, { name: 'B', realization: 10 }] }];
    ds.claims = [
      { where: 'Tabel 3.4', subject: 'activities/l1', quantity: 'total', aspect: 'realization', value: 12 },
      { where: 'Tabel 3.4, baris 1', subject: 'activities/l1', quantity: 'total', aspect: 'realization', value: 10.5 },
    ];
    ds.activities.push({ id: 'l2', title: 'Pelatihan', rows: [{ name: 'A', realization: 0 }] });
    ds.claims.push({ where: 'Tabel 3.5', subject: 'activities/l2', quantity: 'total', aspect: 'realization', value: 5 });
    const doc = buildReviewDocument(ds, 2025, review(ds, 2025));
    const t = table(doc, 'reviu-tabel-totals')!;
    expect(column(t, 'Tercetak (apa adanya)').map((c) => cellString(c))).toEqual(['5', '12', '10,5']);
    expect(cellString(column(t, 'Selisih relatif (%)')[0])).toBe('tak terhingga');
    expect(numberOf(column(t, 'Selisih relatif (%)')[1])).toBe(20);
  });

  it('says so when nothing contradicts, without an empty table', () => {
    const ds = minimalDataset();
    const doc = buildReviewDocument(ds, 2025, review(ds, 2025));
    expect(documentProblems(doc)).toEqual([]);
    for (const k of GROUP_KEYS) expect(table(doc, `reviu-tabel-${k}`)).toBeUndefined();
    expect(paragraphs(doc)).toContain('Tidak ada angka tercetak yang bertentangan dengan data.');
  });

  it('words quantities in Indonesian, with stages and aspects', () => {
    expect(quantityName({ quantity: 'difference', fromStage: 'shift', toStage: 'revised' })).toBe('Selisih anggaran perubahan − pergeseran anggaran');
    expect(quantityName({ quantity: 'total', aspect: 'staffing.needed.S2' })).toBe('Jumlah kebutuhan pegawai S2');
    expect(quantityName({ quantity: 'budget' })).toBe('Pagu');
  });
});
