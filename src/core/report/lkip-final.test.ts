/**
 * A final LKIP reads as a signed document (issue 11): no wording meant for software, no empty
 * status cells, one reason per unassessed row, agreement amounts as signed, corrected source
 * figures explained, and a report missing an indicator's causes is a draft that marks the place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { Dataset, type Narrative } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import type { Block, Cell, DocumentModel, Table } from '../document/model.js';
import { formatNumber, formatRupiah } from '../format.js';
import { buildLkip } from './lkip.js';
import { MISSING_CAUSES } from './lkip-results.js';
import { cellString, documentTexts, tableGrid } from './walk.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
/** The four indicators whose causes the printed 2025 report does not give. */
const UNEXPLAINED = ['renstra-2021-2026/PIPT', 'pk-2025/AWARDS', 'renstra-2025-2029/UM_AKTIF', 'renstra-2025-2029/SAKIP_PD'];
const narrativeOf = (ds: Dataset): Narrative => (Array.isArray(ds.narrative) ? ds.narrative[0]! : ds.narrative!);
/** The demo with those causes written, as the agency completes its draft. */
function completed(): Dataset {
  const ds = demo();
  const n = narrativeOf(ds);
  n.analyses = [...(n.analyses ?? []), ...UNEXPLAINED.map((subject) => ({ subject, obstacles: ['Data dukung belum lengkap pada awal tahun'] }))];
  return ds;
}

const allBlocks = (doc: DocumentModel): Block[] => doc.sections.flatMap((s) => s.blocks);
const tables = (doc: DocumentModel): Table[] => allBlocks(doc).filter((b): b is Table => b.type === 'table');
const table = (doc: DocumentModel, id: string): Table => {
  const t = tables(doc).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const texts = (doc: DocumentModel): string[] => documentTexts(doc).map((v) => v.text);
const paragraphTexts = (doc: DocumentModel): string[] =>
  allBlocks(doc).flatMap((b) =>
    b.type === 'paragraph'
      ? [b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('')]
      : b.type === 'list'
        ? b.items.map((i) => i.map((x) => (typeof x === 'string' ? x : x.text)).join(''))
        : [],
  );
/** A money cell as the renderers print it. */
const rupiahOf = (c: Cell | undefined): string | undefined => (c?.value.kind === 'number' ? formatRupiah(c.value.value) : undefined);
/** A cell as printed: text as it is, a rupiah or plain number the Indonesian way. */
function printed(c: Cell | undefined): string | undefined {
  const v = c?.value;
  if (v?.kind !== 'number') return cellString(c);
  if (v.format.kind === 'rupiah') return formatRupiah(v.value);
  return v.format.kind === 'number' ? formatNumber(v.value, v.format.decimals, { trim: v.format.trim ?? false }) : String(v.value);
}

describe('the demo LKIP 2025 as a signed document', () => {
  const doc = buildLkip(completed(), 2025);

  it('is final once the causes are written: no DRAF, no placeholder, nothing meant for software', () => {
    expect(doc.draft).toBeUndefined();
    const all = texts(doc).join('\n');
    for (const phrase of ['Belum ada uraian', 'BELUM DIISI', 'aturan bawaan', 'pengaturan perangkat daerah', 'pengaturan pemerintah daerah']) expect(all).not.toContain(phrase);
  });

  it('cites the rating scale by its regulation', () => {
    const scale = tables(doc).find((t) => /Skala Nilai Peringkat Kinerja/.test(t.caption ?? ''))!;
    expect(scale.source).toBe('Sumber: Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017');
  });

  it('has no source line that cites a table (the one it sits under or any other)', () => {
    const sources = tables(doc).flatMap((t) => (t.source ? [t.source] : []));
    expect(sources.length).toBeGreaterThan(3);
    expect(sources.filter((s) => /\bTabel\s+\d/.test(s))).toEqual([]);
    expect(table(doc, 'tabel-tindak-lanjut').source).toBe('Sumber: TL LHE SAKIP Dinas Koperasi Dan Usaha Mikro Tahun 2025 Triwulan 3');
  });

  it('validation warns about a source naming a table, as the demo’s did before', () => {
    const ds = completed();
    ds.organization!.assets!.source = 'Kartu Inventaris Barang Dinas Koperasi Dan Usaha Mikro 2025 (Tabel 1.2)';
    ds.evaluation!.recommendations![4]!.source = 'Tabel 1.3 (TL LHE SAKIP Dinas Koperasi Dan Usaha Mikro Tahun 2025 Triwulan 3)';
    const w = validateDataset(ds).findings.filter((f) => f.code === 'source-cites-table');
    expect(w.map((f) => [f.severity, f.where])).toEqual([
      ['warning', 'organization.assets.source'],
      ['warning', 'evaluation.recommendations[4].source'],
    ]);
    expect(w[0]!.localized?.id).toContain('menyebut "Tabel 1.2"');
    expect(validateDataset(completed()).findings.filter((f) => f.code === 'source-cites-table')).toEqual([]);
  });

  it('Tabel 1.3 has no empty cell: without a recorded follow-up state the column is left out and the text says so', () => {
    const t = table(doc, 'tabel-tindak-lanjut');
    const grid = tableGrid(t.body);
    expect(grid).toHaveLength(9);
    expect(grid.flat().filter((c) => c.value.kind === 'empty')).toEqual([]);
    expect(tableGrid(t.header)[0]!.map(cellString)).toEqual(['No', 'Rekomendasi', 'Rencana Aksi Tindak Lanjut']);
    expect(paragraphTexts(doc)).toContain('Status penyelesaian tindak lanjut atas rekomendasi tersebut belum dicatat.');
  });

  it('Tabel 1.3 shows a recorded state in words, and an unrecorded one beside it in words too', () => {
    const ds = completed();
    const recs = ds.evaluation!.recommendations!;
    recs[0]!.status = 'done';
    recs[1]!.status = 'in-progress';
    const t = table(buildLkip(ds, 2025), 'tabel-tindak-lanjut');
    const status = tableGrid(t.body).map((r) => cellString(r[r.length - 1]));
    expect(status.slice(0, 3)).toEqual(['Selesai', 'Dalam proses', 'Belum dicatat']);
    expect(status.filter((s) => s === undefined || s === '-')).toEqual([]);
  });

  it('gives one reason for an unassessed efficiency row, in the table and in the sentence under it', () => {
    const t = tables(doc).find((x) => x.id === 'efisiensi-pk-2025-perubahan')!;
    const row = tableGrid(t.body).find((r) => cellString(r[1]) === 'Persentase Koperasi yang difasilitasi')!;
    expect(cellString(row[row.length - 1])).toBe('Tidak dinilai: realisasi di luar rentang yang sah');
    expect(paragraphTexts(doc)).toContain('Persentase Koperasi yang difasilitasi: efisiensi tidak dinilai karena realisasi di luar rentang yang sah.');
  });

  it('prints the annexed agreements’ amounts as signed, in whole rupiah (and BAB II’s reproduction likewise)', () => {
    const budgets = tables(doc).filter((t) => /pk-.*-anggaran$/.test(t.id ?? ''));
    expect(budgets.map((t) => t.id)).toEqual(['bab2-pk-pk-2025-anggaran', 'bab2-pk-pk-2025-perubahan-anggaran', 'lampiran-1-pk-pk-2025-anggaran', 'lampiran-2-pk-pk-2025-perubahan-anggaran']);
    for (const t of budgets) {
      const amounts = [...tableGrid(t.body), ...tableGrid(t.footer ?? [])].map((r) => rupiahOf(r[2]));
      for (const a of amounts) expect(a, t.id).toMatch(/^Rp \d{1,3}(\.\d{3})*$/);
    }
    const annex = [...tableGrid(table(doc, 'lampiran-2-pk-pk-2025-perubahan-anggaran').body), ...tableGrid(table(doc, 'lampiran-2-pk-pk-2025-perubahan-anggaran').footer ?? [])];
    expect(rupiahOf(annex[0]![2])).toBe('Rp 6.370.874.772');
    expect(rupiahOf(annex[annex.length - 1]![2])).toBe('Rp 26.796.144.572');
    // the cents when the agency's settings ask for them
    const cents = completed();
    cents.settings = { agreementAmountDecimals: 2 };
    expect(rupiahOf(tableGrid(table(buildLkip(cents, 2025), 'lampiran-2-pk-pk-2025-perubahan-anggaran').body)[0]![2])).toBe('Rp 6.370.874.771,60');
  });

  it('explains every corrected source figure in the annex "Catatan atas Data", both values formatted', () => {
    const annex = doc.sections[doc.sections.length - 1]!;
    // after the two agreements, the two IKU decrees and the list of other decrees (the content of the printed report)
    expect(annex.title).toBe('Lampiran 6');
    expect(allBlocks({ ...doc, sections: [annex] }).some((b) => b.type === 'heading' && b.text === 'Lampiran 6. Catatan atas Data')).toBe(true);
    const rows = tableGrid(table(doc, 'catatan-atas-data').body).map((r) => r.map((c) => printed(c)));
    expect(rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['Realisasi anggaran Dinas Koperasi dan Usaha Mikro tahun 2025', 'Rp 22.433.977.123,76', 'Rp 22.427.040.122,76'],
      ['Realisasi anggaran Sub Kegiatan Penyediaan Jasa Pelayanan Umum Kantor tahun 2025', 'Rp 878.669.230', 'Rp 478.669.230'],
      ['Realisasi anggaran Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN tahun 2025', 'Rp 3.813.012.900', 'Rp 3.813.012.544'],
      ['Jumlah sarana dan prasarana per 31 Desember 2025', '796', '794'],
    ]);
    for (const r of rows) {
      expect(r[2]).toMatch(/^Laporan Kinerja 2025 \(cetak\)/);
      expect(r[5]!.length).toBeGreaterThan(40);
    }
    // the figure used is the one the report prints elsewhere
    expect(paragraphTexts(doc).some((p) => p.includes('realisasi Rp 22.427.040.122,76'))).toBe(true);
  });

  it('has no "Catatan atas Data" without corrections, nor for a correction the data no longer makes', () => {
    const none = completed();
    delete none.corrections;
    expect(tables(buildLkip(none, 2025)).some((t) => t.id === 'catatan-atas-data')).toBe(false);
    const undone = completed();
    undone.corrections = undone.corrections!.slice(3); // only the inventory total
    undone.corrections[0]!.printed = 794;
    expect(tables(buildLkip(undone, 2025)).some((t) => t.id === 'catatan-atas-data')).toBe(false);
  });
});

describe('an LKIP missing an indicator’s causes is a draft that marks the place', () => {
  it('the demo as converted: DRAF naming the four indicators, the mark at each, and nowhere else', () => {
    const doc = buildLkip(demo(), 2025);
    expect(doc.draft?.label).toBe('DRAF');
    expect(doc.draft?.note).toBe(
      'DRAF — belum dapat diterbitkan: uraian faktor pendorong dan penghambat belum ditulis untuk 4 indikator: Persentase indikator program yang tercapai, Jumlah Penghargaan Yang Diraih, Persentase Usaha Mikro Aktif dan Nilai SAKIP Perangkat Daerah.',
    );
    expect(paragraphTexts(doc).filter((p) => p.includes(MISSING_CAUSES))).toHaveLength(4);
  });

  it('a dataset without any analysis: DRAF; with its causes on the goal or the indicator: final', () => {
    const bare = minimalDataset();
    delete bare.narrative;
    const draft = buildLkip(bare, 2025);
    expect(draft.draft?.note).toContain('uraian faktor pendorong dan penghambat belum ditulis untuk 3 indikator: Persentase Usaha Mikro Mandiri, Penghargaan yang diraih dan Nilai SAKIP');
    expect(paragraphTexts(draft).filter((p) => p.includes(MISSING_CAUSES))).toHaveLength(3);
    const final = buildLkip(minimalDataset(), 2025);
    expect(final.draft).toBeUndefined();
    expect(texts(final).join('\n')).not.toContain('BELUM DIISI');
  });

  it('both reasons of a draft are named: unapproved realizations and missing causes', () => {
    const ds = minimalDataset();
    delete ds.narrative;
    ds.realizations[0]!.state = 'submitted';
    expect(buildLkip(ds, 2025).draft?.note).toMatch(/^DRAF — belum dapat diterbitkan: realisasi 1 indikator belum disetujui: Persentase Usaha Mikro Mandiri \(diajukan\)\. .*; uraian faktor pendorong/);
  });
});
