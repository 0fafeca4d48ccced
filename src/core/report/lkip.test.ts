import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { Dataset } from '../dataset/schema.js';
import type { Block, Cell, DocumentModel, Table } from '../document/model.js';
import { formatPercent, formatRupiah } from '../format.js';
import { measure } from '../measure/index.js';
import { DEFAULT_RATING_SCALE } from '../measure/rules.js';
import { buildLkip } from './lkip.js';
import { cellString, documentProblems, tableGrid } from './walk.js';

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

const inlineText = (b: Block): string => (b.type === 'paragraph' ? b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('') : '');
const paragraphs = (doc: DocumentModel, sectionId?: string): string[] =>
  doc.sections.filter((s) => sectionId === undefined || s.id === sectionId).flatMap((s) => s.blocks.filter((b) => b.type === 'paragraph').map(inlineText));
const allBlocks = (doc: DocumentModel): Block[] => doc.sections.flatMap((s) => s.blocks);
function table(doc: DocumentModel, id: string): Table {
  const t = allBlocks(doc).find((b): b is Table => b.type === 'table' && b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
const tableByCaption = (doc: DocumentModel, re: RegExp): Table[] => allBlocks(doc).filter((b): b is Table => b.type === 'table' && re.test(b.caption ?? ''));
/** The column whose header (in any header row) reads exactly `label`. */
function column(t: Table, label: string): number {
  for (const row of tableGrid(t.header)) {
    const j = row.findIndex((c) => cellString(c) === label);
    if (j >= 0) return j;
  }
  throw new Error(`no column "${label}" in ${t.caption}`);
}
const numberOf = (c: Cell | undefined): number | undefined => (c?.value.kind === 'number' ? c.value.value : undefined);

const SUMMARY = /Dari hasil pengukuran terhadap (\d+) indikator, (\d+) tercapai, (\d+) tidak tercapai, (\d+) belum dapat diukur\./;

describe('buildLkip on the demo dataset (Jember 2025)', () => {
  const ds = demo();
  const m = measure(ds, 2025);
  const doc = buildLkip(ds, 2025);

  it('is sound: no empty table, no NaN/undefined/null text, consistent table widths', () => {
    expect(documentProblems(doc)).toEqual([]);
  });

  it("prints the prose's table references as the numbers the tables got in this report", () => {
    const texts = allBlocks(doc).flatMap((b) => (b.type === 'paragraph' ? [inlineText(b)] : b.type === 'list' ? b.items.map((i) => i.map((x) => (typeof x === 'string' ? x : x.text)).join('')) : []));
    expect(texts.filter((x) => x.includes('{{'))).toEqual([]);
    // the narrative's "Fasilitasi pelatihan ({{tabel:t3-7}})": the table of activity list t3-7
    const pelatihan = tableByCaption(doc, /Daftar Kegiatan Fasilitasi Pelatihan Usaha Mikro$/)[0]!;
    const number = /^Tabel \d+\.\d+/.exec(pelatihan.caption!)![0];
    expect(number).not.toBe('Tabel 3.7'); // the old report's number, which the prose used to carry
    expect(texts).toContain(`Fasilitasi pelatihan (${number})`);
  });

  it('lists the data-quality findings in "Catatan Kualitas Data" as Indonesian sentences naming what they are about', () => {
    const section = doc.sections.find((x) => x.id === 'catatan-kualitas-data')!;
    const items = section.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.map((x) => (typeof x === 'string' ? x : x.text)).join('')) : []));
    expect(items).toHaveLength(10); // 3 values kept out of their range, then the 7 others
    expect(items[6]).toBe(
      'Lonjakan tidak wajar — Realisasi 2025 "Persentase Koperasi yang difasilitasi" 222,29, 5,42 kali baseline (2024) 41,00 (ambang 3,00 ×).',
    );
    // a signed report states; it gives its reader no instruction ("periksa …")
    expect([...items, ...paragraphs(doc, 'catatan-kualitas-data')].join(' ')).not.toMatch(/\bperiksa\b/i);
    expect(items[7]).toBe(
      'Belanja melebihi anggaran — Belanja "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah" membelanjakan Rp 197.149.568 pada 2025, Rp 109.649.568 di atas anggarannya Rp 87.500.000.',
    );
    expect(items[8]).toContain('Baris belanja berulang — Belanja "Belanja souvenir" memiliki pagu dan realisasi yang sama');
    expect(paragraphs(doc, 'catatan-kualitas-data')[0]).toMatch(/^Pemeriksaan data tahun 2025 menemukan 10 catatan/);
  });

  it('gives each agreement’s headline as counts per predicate and a capped mean with its rule, never a bare mean', () => {
    const summary = paragraphs(doc, 'ikhtisar-eksekutif');
    expect(summary).toContain(
      'Sebaran kriteria Perjanjian Kinerja Perubahan Tahun 2025: 4 indikator: 2 Sangat Tinggi, 1 Sangat Rendah, 1 belum terukur; rata-rata capaian (setiap capaian dibatasi 100%) 69,11% dari 3 indikator terukur.',
    );
    expect(summary.join(' ')).not.toContain('257,74');
    // the goal table counts its rows per predicate beside the mean, and states the mean's rule
    const goals = tableByCaption(doc, /Capaian per Tujuan\/Sasaran atas Perjanjian Kinerja Perubahan/)[0]!;
    const col = column(goals, 'Sebaran Kriteria Indikator');
    expect(tableGrid(goals.body).map((r) => cellString(r[col]))).toContain('1 Sangat Rendah, 1 belum terukur');
    expect(paragraphs(doc, 'bab-3').some((p) => p.startsWith('Rata-rata capaian per tujuan/sasaran: capaian tidak dibatasi sebelum dirata-ratakan'))).toBe(true);
  });

  it('has no "Catatan Kualitas Data" when the data has no finding', () => {
    const fine = minimalDataset();
    fine.plans[0]!.indicators![0]!.baseline = { year: 2020, value: 5 };
    expect(buildLkip(fine, 2025).sections.map((x) => x.id)).not.toContain('catatan-kualitas-data');
    expect(buildLkip(minimalDataset(), 2025).sections.map((x) => x.id)).toContain('catatan-kualitas-data');
  });

  it('has the chapters of PermenPAN-RB 53/2014 in order, then both agreements as appendices', () => {
    expect(doc.cover?.lines).toEqual(['LAPORAN KINERJA', 'DINAS KOPERASI DAN USAHA MIKRO', 'KABUPATEN JEMBER', 'TAHUN 2025']);
    expect(doc.sections.map((s) => s.id)).toEqual([
      'kata-pengantar',
      'daftar-isi',
      'ikhtisar-eksekutif',
      'bab-1',
      'bab-2',
      'bab-3',
      'bab-4',
      'catatan-kualitas-data',
      'lampiran-1',
      'lampiran-2',
      'lampiran-3',
      'lampiran-4',
      'lampiran-5',
      'lampiran-6',    ]);
    const chapters = allBlocks(doc)
      .filter((b) => b.type === 'heading' && b.level === 1)
      .map((b) => (b.type === 'heading' ? b.text : ''));
    expect(chapters).toEqual([
      'KATA PENGANTAR',
      'IKHTISAR EKSEKUTIF',
      'BAB I PENDAHULUAN',
      'BAB II PERENCANAAN DAN PERJANJIAN KINERJA',
      'BAB III AKUNTABILITAS KINERJA',
      'BAB IV PENUTUP',
      'CATATAN KUALITAS DATA',
      'LAMPIRAN',
    ]);
    expect(doc.sections[1]?.blocks).toEqual([{ type: 'toc', title: 'DAFTAR ISI' }]);
    const lampiran = allBlocks(doc)
      .filter((b) => b.type === 'heading' && b.level === 2 && b.text.startsWith('Lampiran'))
      .map((b) => (b.type === 'heading' ? b.text : ''));
    expect(lampiran.slice(0, 2)).toEqual(['Lampiran 1. Perjanjian Kinerja Tahun 2025', 'Lampiran 2. Perjanjian Kinerja Perubahan Tahun 2025']);
    // the two IKU decrees whose text the data holds, as printed (the seed's Lampiran 3 and 4), then the other decrees listed
    expect(lampiran.slice(2).map((t) => t.replace(/ tentang .*/, ''))).toEqual([
      'Lampiran 3. Keputusan Kepala Dinas Koperasi dan Usaha Mikro Kabupaten Jember Nomor 065/101/324/2024',
      'Lampiran 4. Keputusan Kepala Dinas Koperasi dan Usaha Mikro Kabupaten Jember Nomor 500.3/015/35.09.324/2025',
      'Lampiran 5. Keputusan',
      'Lampiran 6. Catatan atas Data',
    ]);
  });

  it('signs the foreword with the head of the agency, at the narrative place and date', () => {
    const sig = doc.sections[0]?.blocks.find((b) => b.type === 'signature');
    expect(sig).toMatchObject({ place: 'Jember', date: '19 Februari 2026', parties: [{ name: 'Dra. Sartini, MM', nip: '196707061998032005' }] });
  });

  it('reports both agreements of 2025, each row with the achievement measure() computes', () => {
    expect(m.agreements.map((a) => a.id)).toEqual(['pk-2025', 'pk-2025-perubahan']);
    for (const a of m.agreements) {
      const t = table(doc, `capaian-${a.id}`);
      const ind = column(t, 'Indikator');
      const ach = column(t, '%');
      const crit = column(t, 'Kriteria');
      const grid = tableGrid(t.body);
      // the agreement's rows and its plan's goal-level indicators it does not list (Nilai SAKIP OPD and Cakupan; PDRB)
      expect(grid).toHaveLength(a.rows.length + (a.id === 'pk-2025' ? 2 : 1));
      a.rows.forEach((row) => {
        const line = grid.find((l) => cellString(l[ind]) === row.name) ?? [];
        expect(cellString(line[ind])).toBe(row.name);
        const cell = line[ach];
        if (row.achievement === null) {
          expect(cell?.value.kind).toBe('empty');
          expect(cellString(line[crit])).toMatch(/^Belum dapat diukur: /);
        } else {
          expect(cell?.value).toEqual({ kind: 'number', value: row.achievement, format: { kind: 'percent', decimals: 2 } });
          expect(formatPercent(numberOf(cell) ?? Number.NaN)).toBe(formatPercent(row.achievement));
          expect(cellString(line[crit])).toBe(row.predicate);
          expect(line[crit]?.fill).toBe(row.predicateColor);
        }
      });
    }
  });

  it('measures the agreed award count from the awards the report lists (countOf), not "data tidak tersedia"', () => {
    const t = table(doc, 'capaian-pk-2025');
    const row = tableGrid(t.body).find((r) => r.some((c) => cellString(c) === 'Jumlah Penghargaan Yang Diraih'));
    expect(numberOf(row?.[column(t, 'Realisasi')])).toBe(3);
    expect(cellString(row?.[column(t, 'Kriteria')])).toBe('Sangat Tinggi');
  });

  it('states the counts of the summary sentence from the same measurement, agreement by agreement', () => {
    const found = paragraphs(doc, 'ikhtisar-eksekutif')
      .map((p) => SUMMARY.exec(p))
      .filter((x): x is RegExpExecArray => x !== null)
      .map((x) => x.slice(1, 5).map(Number));
    expect(found).toEqual(m.agreements.map((a) => [a.summary.rows, a.summary.achieved, a.summary.notAchieved, a.summary.unmeasured]));
    expect(found).toEqual([
      [5, 2, 3, 0],
      [4, 2, 1, 1], // the printed 222,29 % share is kept, out of its range, not scored
    ]);
  });

  it('states the budget as realisasi Rp … atau …% dari pagu Rp …, computed', () => {
    const b = m.budget;
    const sentence = `realisasi ${formatRupiah(b.spent ?? 0)} atau ${formatPercent(b.absorption ?? 0)} dari pagu ${formatRupiah(b.final ?? 0)}`;
    expect(paragraphs(doc, 'ikhtisar-eksekutif').some((p) => p.includes(sentence))).toBe(true);
    expect(sentence).toBe('realisasi Rp 22.427.040.122,76 atau 83,70% dari pagu Rp 26.796.144.571,60');
  });

  it('totals the staffing table from its rows, with the gap needed − filled', () => {
    const t = table(doc, 'tabel-sdm');
    const rows = ds.organization?.staffing?.rows ?? [];
    const needed = rows.reduce((s, r) => s + Object.values(r.needed).reduce((a, b) => a + b, 0), 0);
    const filled = rows.reduce((s, r) => s + Object.values(r.filled).reduce((a, b) => a + b, 0), 0);
    const footer = tableGrid(t.footer ?? [])[0] ?? [];
    const sigmas = tableGrid(t.header)[1]
      ?.map((c, j) => (cellString(c) === 'Σ' ? j : -1))
      .filter((j) => j >= 0);
    expect(sigmas).toHaveLength(2);
    expect(numberOf(footer[sigmas?.[0] ?? -1])).toBe(needed);
    expect(numberOf(footer[sigmas?.[1] ?? -1])).toBe(filled);
    expect(numberOf(footer[column(t, 'Kekurangan')])).toBe(needed - filled);
    expect([needed, filled]).toEqual([33, 30]);
    expect(paragraphs(doc, 'bab-1').some((p) => p.includes('kekurangan pegawai sebanyak 3 orang'))).toBe(true);
  });

  it('sums the assets table from the condition counts', () => {
    const t = table(doc, 'tabel-sarpras');
    const footer = tableGrid(t.footer ?? [])[0] ?? [];
    const body = tableGrid(t.body);
    const j = column(t, 'Baik');
    expect(numberOf(footer[j])).toBe(body.reduce((s, r) => s + (numberOf(r[j]) ?? 0), 0));
  });

  it('shows the rating scale of the rules in force, with its colours', () => {
    const [t] = tableByCaption(doc, /Skala Nilai Peringkat Kinerja/);
    expect(t).toBeDefined();
    const grid = tableGrid(t?.body ?? []);
    expect(grid.map((r) => cellString(r[2]))).toEqual(DEFAULT_RATING_SCALE.map((b) => b.label));
    expect(grid.map((r) => r[3]?.fill)).toEqual(DEFAULT_RATING_SCALE.map((b) => b.color));
  });

  it('gives every indicator the seven analyses, with generated figures', () => {
    const texts = paragraphs(doc, 'bab-3');
    for (const label of ['a. Target dan realisasi. ', 'b. Dibandingkan', 'c. Dibandingkan target akhir', 'd. Dibandingkan pembanding', 'e. Penyebab', 'f. Perhitungan realisasi. ', 'g. Program, kegiatan']) {
      // the 9 agreement rows and the plans' 3 goal-level indicators the agreements do not list
      expect(texts.filter((p) => p.startsWith(label))).toHaveLength(12);
    }
    expect(texts).toContain(
      'a. Target dan realisasi. Target Persentase Usaha Mikro Mandiri tahun 2025 sebesar 70% terealisasi 6,46%, sehingga capaian kinerja sebesar 9,23% dengan kriteria Sangat Rendah. Dengan demikian target tidak tercapai.',
    );
    expect(texts.some((p) => p.includes('= 2 ÷ 6 × 100 = 33,33%'))).toBe(true); // p2/IND1 548 % and p5/IND1 124 %: out of range, not scored
    expect(texts.some((p) => p.includes('Target Persentase Koperasi yang difasilitasi tahun 2025 sebesar 42%, realisasi 222,29%; capaian belum dapat diukur karena realisasi di luar rentang yang sah.'))).toBe(true);
    expect(texts.some((p) => p.includes('= 18.951 ÷ 293.212 × 100 = 6,46%'))).toBe(true);
    expect(texts.some((p) => p.includes('Pembanding target nasional sebesar 71 (BB / Sangat Baik)'))).toBe(true);
  });

  it('draws the achievement chart per agreement with a 100% reference line', () => {
    const charts = allBlocks(doc).filter((b) => b.type === 'chart');
    expect(charts).toHaveLength(2);
    expect(charts[0]).toMatchObject({ kind: 'bar', reference: { value: 100, label: 'Target' }, series: [{ values: m.agreements[0]?.rows.map((r) => r.achievement) }] });
  });

  it('takes the totals of the program structure from the budget functions', () => {
    const [t] = tableByCaption(doc, /Realisasi Anggaran Tahun 2025/);
    const footer = tableGrid(t?.footer ?? [])[0] ?? [];
    expect(numberOf(footer[column(t!, 'Pagu')])).toBe(m.budget.final);
    expect(numberOf(footer[column(t!, 'Realisasi')])).toBe(m.budget.spent);
  });

  it('numbers program rows by hierarchy (1, 1.1, 1.1.1) with the budget code in a column of its own (issue 11)', () => {
    for (const re of [/Struktur Program, Kegiatan dan Sub Kegiatan Tahun 2025/, /Realisasi Anggaran Tahun 2025/]) {
      const [t] = tableByCaption(doc, re);
      const rows = tableGrid(t!.body);
      const no = rows.map((r) => cellString(r[column(t!, 'No')]) ?? '');
      const codes = rows.map((r) => cellString(r[column(t!, 'Kode')]) ?? '');
      expect(no[0]).toBe('1');
      expect(no).toContain('1.1');
      expect(no).toContain('1.1.1');
      // every number is its parent's (the nearest shorter one before it) followed by the next child
      no.forEach((n, i) => {
        const parent = n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : '';
        const siblingsBefore = no.slice(0, i).filter((x) => (x.includes('.') ? x.slice(0, x.lastIndexOf('.')) : '') === parent);
        expect(n.split('.').pop()).toBe(String(siblingsBefore.length + 1));
        if (parent) expect(no.slice(0, i)).toContain(parent);
      });
      expect(no.every((n) => /^\d+(\.\d+)*$/.test(n))).toBe(true);
      expect(codes).toContain('2.17.06.2.01.0005');
    }
  });

  it('never uses the printed claims: changing every claim changes nothing', () => {
    const altered = demo();
    for (const c of altered.claims ?? []) {
      if (typeof c.value === 'number') c.value = c.value * 7 + 1;
      else if (typeof c.value === 'boolean') c.value = !c.value;
      else c.value = 'salah';
    }
    expect(JSON.stringify(buildLkip(altered, 2025))).toBe(JSON.stringify(doc));
  });
});

describe('buildLkip on the minimal dataset', () => {
  it('builds a sound report with the fixture agreement measured', () => {
    const ds = minimalDataset();
    const doc = buildLkip(ds, 2025);
    expect(documentProblems(doc)).toEqual([]);
    const s = measure(ds, 2025).agreements[0]?.summary;
    const sentence = paragraphs(doc, 'ikhtisar-eksekutif').find((p) => SUMMARY.test(p));
    expect(sentence).toBe(`Dari hasil pengukuran terhadap ${s?.rows} indikator, ${s?.achieved} tercapai, ${s?.notAchieved} tidak tercapai, ${s?.unmeasured} belum dapat diukur.`);
  });

  it('reports an original and its amendment of one year both, with an appendix each', () => {
    const ds = minimalDataset();
    const original = ds.agreements[0]!;
    ds.agreements.push({
      ...original,
      id: 'pk-2025-perubahan',
      kind: 'amendment',
      amends: original.id,
      signedOn: '2025-09-24',
      secondParty: { name: 'Siti Aminah', position: 'Bupati Contoh', acting: true },
      rows: [{ goal: 'S1', indicator: 'UMM', target: 65 }],
      budget: [{ program: 'p1', amount: 90000000, source: 'P-APBD' }],
    });
    const doc = buildLkip(ds, 2025);
    expect(documentProblems(doc)).toEqual([]);
    expect(() => table(doc, 'capaian-pk-2025')).not.toThrow();
    const t = table(doc, 'capaian-pk-2025-perubahan');
    // the amendment lists only UMM: its plan's tujuan indicator (Nilai SAKIP) is reported first, then UMM
    const grid = tableGrid(t.body);
    expect(grid.map((r) => cellString(r[column(t, 'Indikator')]))).toEqual(['Nilai SAKIP', 'Persentase Usaha Mikro Mandiri']);
    expect(numberOf(grid[1]?.[column(t, '%')])).toBe(measure(ds, 2025).agreements[1]?.rows[0]?.achievement);
    expect(doc.sections.filter((s) => s.id.startsWith('lampiran-')).map((s) => s.title)).toEqual(['Lampiran 1', 'Lampiran 2']);
    expect(paragraphs(doc).some((p) => p.includes('Jabatan : Plt. Bupati Contoh'))).toBe(true);
  });

  it('uses the region settings for predicates and the rating scale', () => {
    const ds = minimalDataset();
    const doc = buildLkip(ds, 2025, {
      regionSettings: { ratingScale: [{ min: 100, label: 'Tercapai', color: '#00FF00' }, { min: 0, label: 'Belum Tercapai', color: '#FF0000' }] },
    });
    expect(documentProblems(doc)).toEqual([]);
    const t = table(doc, 'capaian-pk-2025');
    const crit = tableGrid(t.body).map((r) => cellString(r[column(t, 'Kriteria')]));
    expect(crit).toEqual(['Belum Tercapai', 'Belum Tercapai', 'Tercapai']);
    // a scale of the settings names its regulation beside it, or has no source line at all
    const [scale] = tableByCaption(doc, /Skala Nilai/);
    expect(scale?.source).toBeUndefined();
    const cited = buildLkip(ds, 2025, {
      regionSettings: { ratingScale: [{ min: 100, label: 'Tercapai' }, { min: 0, label: 'Belum Tercapai' }], ratingScaleSource: 'Peraturan Bupati Contoh Nomor 12 Tahun 2024' },
    });
    expect(tableByCaption(cited, /Skala Nilai/)[0]?.source).toBe('Sumber: Peraturan Bupati Contoh Nomor 12 Tahun 2024');
    // the default scale cites its regulation, nothing about software
    expect(tableByCaption(buildLkip(ds, 2025), /Skala Nilai/)[0]?.source).toBe('Sumber: Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017');
  });

  it('says so, without empty tables, for a year without an agreement', () => {
    const doc = buildLkip(minimalDataset(), 2031);
    expect(documentProblems(doc)).toEqual([]);
    expect(paragraphs(doc, 'ikhtisar-eksekutif')).toContain('Tidak ada perjanjian kinerja tahun 2031 yang dapat diukur.');
    expect(paragraphs(doc, 'ikhtisar-eksekutif')).toContain('Data pagu anggaran tahun 2031 belum tersedia.');
  });

  it('explains a negative-polarity achievement with the reverse formula and its figures', () => {
    const ds = minimalDataset();
    const sakip = ds.plans[0]!.indicators!.find((i) => i.id === 'SAKIP')!;
    sakip.polarity = 'negative';
    const doc = buildLkip(ds, 2025);
    const row = measure(ds, 2025).agreements[0]!.rows.find((r) => r.indicator.endsWith('/SAKIP'))!;
    expect(row.achievement).toBeCloseTo(((2 * 75 - 76.1) / 75) * 100, 10);
    expect(paragraphs(doc, 'bab-3').some((p) => p.includes(`= (75 − (76,1 − 75)) ÷ 75 × 100 = ${formatPercent(row.achievement!)}`))).toBe(true);
  });
});
