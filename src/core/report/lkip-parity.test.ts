/**
 * The parts of the LKIP the printed 2025 report has and the generated one lacked (issue 11):
 * goal-level indicators, the legal basis of two agreements and of the plans, the April budget
 * shift, the staffing gap, belanja operasi/modal and the IKU decrees' text. Each is generated
 * from the dataset, its numbers computed: the tests change the data and see the text follow.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/schema.js';
import type { Block, DocumentModel, Table } from '../document/model.js';
import { formatRupiah } from '../format.js';
import { indexBudgets, stageBudget } from '../measure/budget.js';
import { measure } from '../measure/index.js';
import { sumMoney, toCents } from '../measure/money.js';
import { buildLkip } from './lkip.js';
import { cellString, documentProblems, tableGrid } from './walk.js';

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
const inline = (xs: readonly (string | { text: string })[]): string => xs.map((i) => (typeof i === 'string' ? i : i.text)).join('');
const textsOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [inline(b.content)] : b.type === 'list' ? b.items.map(inline) : b.type === 'heading' ? [b.text] : []));
const sectionTexts = (doc: DocumentModel, id: string): string[] => textsOf(doc.sections.find((s) => s.id === id)?.blocks ?? []);
const tables = (doc: DocumentModel): Table[] => doc.sections.flatMap((s) => s.blocks).filter((b): b is Table => b.type === 'table');
function table(doc: DocumentModel, id: string): Table {
  const t = tables(doc).find((b) => b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}
const rowOf = (t: Table, name: string) => tableGrid(t.body).find((r) => r.some((c) => cellString(c) === name));

describe('goal-level (tujuan) indicators of the plans', () => {
  const ds = demo();
  const m = measure(ds, 2025);
  const doc = buildLkip(ds, 2025);
  const planRow = (ref: string) => m.planIndicators.find((r) => r.indicator === ref)!;

  it('are in the Ikhtisar and BAB III tables, measured against the plan target of the year, before their sasaran', () => {
    for (const id of ['ringkasan-pk-2025', 'capaian-pk-2025']) {
      const t = table(doc, id);
      const names = tableGrid(t.body).map((r) => r.map(cellString));
      const order = names.map((r) => r.find((c) => ['Nilai SAKIP OPD', 'Persentase indikator program yang tercapai', 'Cakupan pembinaan usaha mikro dan koperasi', 'Persentase Usaha Mikro Mandiri'].includes(c ?? '')));
      expect(order.filter(Boolean)).toEqual(['Nilai SAKIP OPD', 'Persentase indikator program yang tercapai', 'Cakupan pembinaan usaha mikro dan koperasi', 'Persentase Usaha Mikro Mandiri']);
      const cakupan = rowOf(t, 'Cakupan pembinaan usaha mikro dan koperasi')!;
      const r = planRow('renstra-2021-2026/CAKUPAN');
      expect(r.target).toBe(7175);
      expect(r.realization).toBe(21094);
      expect(cakupan.map((c) => (c.value.kind === 'number' ? c.value.value : null))).toEqual(expect.arrayContaining([7175, 21094, r.achievement]));
      expect(cakupan.map(cellString)).toContain(r.predicate);
    }
    // Nilai SAKIP OPD: 87,24 against the Renstra's 2025 target 84 (the Ikhtisar printed 85: a claim)
    expect(planRow('renstra-2021-2026/NILAI_SAKIP').achievement).toBeCloseTo((87.24 / 84) * 100, 10);
  });

  it('join the tujuan the agreement already lists, unmeasured with the reason when there is no realization', () => {
    const t = table(doc, 'ringkasan-pk-2025-perubahan');
    const grid = tableGrid(t.body).map((r) => r.map(cellString));
    const pdrb = grid.findIndex((r) => r.includes('Persentase Kontribusi PDRB Sektor perdagangan'));
    const aktif = grid.findIndex((r) => r.includes('Persentase Usaha Mikro Aktif'));
    expect(pdrb).toBeGreaterThanOrEqual(0);
    expect(aktif).toBe(pdrb + 1);
    expect(grid[pdrb]?.some((c) => c?.startsWith('Belum dapat diukur: '))).toBe(true);
  });

  it('are analysed in BAB III but never counted among the agreement’s rows', () => {
    const bab3 = sectionTexts(doc, 'bab-3');
    expect(bab3.some((p) => /^B\.\d Analisis Capaian Tujuan: Meningkatnya jumlah dan kualitas usaha mikro$/.test(p))).toBe(true);
    expect(bab3.some((p) => p.startsWith('a. Target dan realisasi. Target Cakupan pembinaan usaha mikro dan koperasi tahun 2025 sebesar 7.175 terealisasi 21.094'))).toBe(true);
    expect(bab3).toContain('Dari hasil pengukuran terhadap 5 indikator, 2 tercapai, 3 tidak tercapai, 0 belum dapat diukur.');
    expect(bab3.some((p) => p.includes('dengan 5 indikator yang diperjanjikan dan 2 indikator tujuan rencana strategis'))).toBe(true);
  });

  it('follow the data: a changed realization changes the row, a removed plan indicator removes it', () => {
    const changed = demo();
    const real = changed.realizations.find((r) => r.indicator === 'renstra-2021-2026/CAKUPAN' && r.year === 2025)!;
    real.value = 1435; // a count: whole; 1.435 ÷ 7.175 = 20 %
    const t = table(buildLkip(changed, 2025), 'ringkasan-pk-2025');
    const line = rowOf(t, 'Cakupan pembinaan usaha mikro dan koperasi')!;
    expect(line.map((c) => (c.value.kind === 'number' ? c.value.value : null))).toEqual(expect.arrayContaining([7175, 1435]));
    expect(line.some((c) => c.value.kind === 'number' && Math.abs(c.value.value - 20) < 1e-9)).toBe(true);
    expect(line.map(cellString)).toContain('Sangat Rendah');
    const removed = demo();
    const plan = removed.plans.find((p) => p.id === 'renstra-2021-2026')!;
    plan.indicators = plan.indicators!.filter((i) => i.id !== 'CAKUPAN');
    removed.realizations = removed.realizations.filter((r) => r.indicator !== 'renstra-2021-2026/CAKUPAN');
    removed.claims = [];
    const doc2 = buildLkip(removed, 2025);
    expect(rowOf(table(doc2, 'ringkasan-pk-2025'), 'Cakupan pembinaan usaha mikro dan koperasi')).toBeUndefined();
    expect(documentProblems(doc2)).toEqual([]);
  });
});

const paragraphsWith = (doc: DocumentModel, id: string, re: RegExp): string[] => sectionTexts(doc, id).filter((p) => re.test(p));
const rupiah = (x: number): string => formatRupiah(x);

describe('the budget shift and the revision (BAB II D), from the budget stages', () => {
  const ds = demo();
  const doc = buildLkip(ds, 2025);
  const b = indexBudgets(ds);
  const total = (stage: 'initial' | 'shift' | 'revised'): number => sumMoney(b.roots.map((r) => stageBudget(b, r.id, 2025, stage))) ?? 0;

  it('states when and why the budget was shifted, and the totals before and after with their difference', () => {
    const [shift] = paragraphsWith(doc, 'bab-2', /pergeseran anggaran pada bulan April 2025/);
    expect(shift).toBe(
      `Pada tahun 2025 dilakukan pergeseran anggaran pada bulan April 2025, dalam rangka kebijakan penyesuaian alokasi anggaran untuk mendukung program prioritas Kepala Daerah. Jumlah anggaran program berubah dari ${rupiah(total('initial'))} (anggaran awal) menjadi ${rupiah(total('shift'))} (pergeseran anggaran), berkurang ${rupiah(toCents(total('initial') - total('shift')))} (16,71%).`,
    );
    const [revised] = paragraphsWith(doc, 'bab-2', /^Pada tahun 2025 dilakukan perubahan anggaran/);
    expect(revised).toContain('berdasarkan Peraturan Daerah Kabupaten Jember Nomor 4 Tahun 2025 tentang Perubahan APBD Tahun 2025');
    expect(revised).toContain(`bertambah ${rupiah(toCents(total('revised') - total('shift')))}`);
  });

  it('lists what moved: each program whose budget changed, by the difference of its stage budgets', () => {
    const moves = sectionTexts(doc, 'bab-2').filter((t) => /^(berkurang|bertambah): /.test(t));
    for (const r of b.roots) {
      const [i, s] = [stageBudget(b, r.id, 2025, 'initial'), stageBudget(b, r.id, 2025, 'shift')];
      const d = toCents((s ?? 0) - (i ?? 0));
      if (d === 0) continue;
      expect(moves).toContain(`${d < 0 ? 'berkurang' : 'bertambah'}: ${r.name} sebesar ${rupiah(Math.abs(d))} (dari ${rupiah(i ?? 0)} menjadi ${rupiah(s ?? 0)})`);
    }
    // the UMKM program gave up most of it: 5.918.329.900 → 1.342.999.700
    expect(moves[0]).toBe('berkurang: Program Pemberdayaan usaha menengah, usaha kecil dan usaha mikro (UMKM) sebesar Rp 4.575.330.200 (dari Rp 5.918.329.900 menjadi Rp 1.342.999.700)');
  });

  it('follows the data: another month and purpose, another sentence; no note, no date', () => {
    const changed = demo();
    changed.budgetStages = [{ year: 2025, stage: 'shift', month: '2025-06', purpose: 'untuk penanganan bencana' }];
    const [p] = paragraphsWith(buildLkip(changed, 2025), 'bab-2', /^Pada tahun 2025 dilakukan pergeseran anggaran/);
    expect(p).toMatch(/^Pada tahun 2025 dilakukan pergeseran anggaran pada bulan Juni 2025, untuk penanganan bencana\. /);
    delete changed.budgetStages;
    const [q] = paragraphsWith(buildLkip(changed, 2025), 'bab-2', /^Pada tahun 2025 dilakukan pergeseran anggaran/);
    expect(q).toMatch(/^Pada tahun 2025 dilakukan pergeseran anggaran\. Jumlah anggaran program/);
  });
});

describe('belanja operasi and belanja modal (BAB III, Akuntabilitas Keuangan)', () => {
  const ds = demo();
  const doc = buildLkip(ds, 2025);
  const m = measure(ds, 2025);
  const items = sectionTexts(doc, 'bab-3').filter((t) => /^Belanja (Operasi|Modal) sebesar /.test(t));
  const amount = (s: string | undefined): number => Number((/sebesar Rp ([\d.,]+)/.exec(s ?? '')?.[1] ?? 'NaN').replace(/\./g, '').replace(',', '.'));

  it('computes belanja modal from the capital lines (a part line once) and belanja operasi as the rest: together the total', () => {
    expect(items).toHaveLength(2);
    const capital = amount(items[1]);
    const operating = amount(items[0]);
    expect(capital).toBe(42153000 + 30610000 + 54400000); // the three "Belanja Modal" lines; the Peralatan line is part of the first
    expect(toCents(operating + capital)).toBe(m.budget.final);
    expect(items[0]).toBe('Belanja Operasi sebesar Rp 26.668.981.571,60 (99,53% dari pagu), terealisasi Rp 22.370.400.702,76 atau 83,88%');
    expect(items[1]).toBe('Belanja Modal sebesar Rp 127.163.000 (0,47% dari pagu), terealisasi Rp 56.639.420 atau 44,54%');
  });

  it('follows the classes: a line reclassed moves its ceiling; no classified line, no split', () => {
    const changed = demo();
    changed.expenditures!.find((l) => l.id === 'e318-29')!.class = 'operating';
    const s = sectionTexts(buildLkip(changed, 2025), 'bab-3').filter((t) => /^Belanja (Operasi|Modal) sebesar /.test(t));
    // both classes now have lines: each is its lines' sum, and the unclassified rest is stated
    expect(amount(s[1])).toBe(42153000 + 30610000);
    expect(amount(s[0])).toBe(54400000);
    for (const l of changed.expenditures!) delete l.class;
    expect(sectionTexts(buildLkip(changed, 2025), 'bab-3').some((t) => /^Belanja (Operasi|Modal) sebesar /.test(t))).toBe(false);
  });
});

describe('the legal basis, the staffing gap and the decrees', () => {
  const ds = demo();
  const doc = buildLkip(ds, 2025);

  it('cites the letter under which both agreements of 2025 are reported, with the plan of each', () => {
    const [p] = paragraphsWith(doc, 'bab-3', /^Menindaklanjuti /);
    expect(p).toBe(
      'Menindaklanjuti Surat Menteri PANRB Nomor B/37/AA.01/2025 tanggal 14 November 2025 hal Pemberitahuan Penyampaian Laporan Kinerja 2025, instansi pemerintah yang telah mengubah perjanjian kinerjanya berdasarkan dokumen perencanaan strategis (RPJMD/Renstra) periode baru melaporkan capaian atas 2 perjanjian kinerja yang dibuat pada tahun 2025: Perjanjian Kinerja Tahun 2025 berdasarkan Renstra (Perubahan) Dinas Koperasi Dan Usaha Mikro Kabupaten Jember 2021-2026 dan Perjanjian Kinerja Perubahan Tahun 2025 berdasarkan Renstra Dinas Koperasi Dan Usaha Mikro Kabupaten Jember 2025-2029.',
    );
    const without = demo();
    delete without.agreements[1]!.reportingBasis;
    expect(paragraphsWith(buildLkip(without, 2025), 'bab-3', /^Menindaklanjuti /)).toEqual([]);
  });

  it("names each plan's regulation (the RPJMD's Perda) and the budget revision's", () => {
    const texts = sectionTexts(doc, 'bab-2');
    expect(texts).toContain(
      'RPJMD Kabupaten Jember 2025-2029: Peraturan Daerah Kabupaten Jember Nomor 3 Tahun 2025 tentang Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Kabupaten Jember tahun 2025-2029.',
    );
    expect(texts).toContain('RPJMD Kabupaten Jember 2021-2026: dasar hukumnya tidak dicatat.');
    expect(texts).toContain('Perubahan anggaran tahun 2025 ditetapkan dengan Peraturan Daerah Kabupaten Jember Nomor 4 Tahun 2025 tentang Perubahan APBD Tahun 2025.');
  });

  it('states the staffing gap per position class, needed against present', () => {
    const [p] = paragraphsWith(doc, 'bab-1', /^Jumlah pegawai /);
    expect(p).toContain('sebanyak 33 orang, sehingga masih terdapat kekurangan pegawai sebanyak 3 orang. Kekurangan terdapat pada Pengawas (1 orang: kebutuhan 2, bezetting 1) dan Jabatan Fungsional (2 orang: kebutuhan 9, bezetting 7).');
    const changed = demo();
    changed.organization!.staffing!.rows.find((r) => r.id === 'pelaksana')!.filled = { SMA: 12, S1: 7 };
    const [q] = paragraphsWith(buildLkip(changed, 2025), 'bab-1', /^Jumlah pegawai /);
    expect(q).toContain('Kelebihan terdapat pada Pelaksana (3 orang: kebutuhan 16, bezetting 19).');
  });

  it('prints each IKU decree whose text the data holds, with a lampiran generated from the indicators that name it', () => {
    const sec = doc.sections.find((s) => s.blocks.some((b) => b.type === 'heading' && b.text.includes('Nomor 065/101/324/2024')))!;
    const texts = textsOf(sec.blocks);
    expect(texts).toContain('NOMOR 065/101/324/2024');
    expect(texts.filter((t) => /^(KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM): /.test(t))).toHaveLength(6);
    expect(texts).toContain('Peraturan Bupati Jember Nomor 41 Tahun 2023 tentang Perubahan atas Peraturan Bupati Nomor 99 Tahun 2021 tentang Rencana Strategis Perangkat Daerah Kabupaten Jember Tahun 2021-2026.');
    expect(texts).toContain('Indikator Tujuan: Cakupan pembinaan usaha mikro dan koperasi');
    const sig = sec.blocks.find((b) => b.type === 'signature');
    expect(sig).toMatchObject({ place: 'Jember', date: '12 Maret 2024', parties: [{ name: 'Dra. Sartini, MM' }] });
    const iku = tables(doc).find((t) => t.id === `${sec.id}-iku`)!;
    const names = tableGrid(iku.body).map((r) => r.map(cellString).find((c) => /^(\d\. |Sasaran: )/.test(c ?? '')));
    expect(names).toEqual(['Sasaran: Meningkatkan pertumbuhan Usaha Mikro dan Koperasi', '1. Persentase Usaha Mikro Mandiri (%)', '2. Persentase Koperasi Sehat (%)', '3. Persentase Koperasi Berkualitas (%)']);
    // an indicator that stops naming the decree leaves its lampiran
    const changed = demo();
    const kop = changed.plans.find((p) => p.id === 'renstra-2021-2026')!.indicators!.find((i) => i.id === 'KOP_SEHAT')!;
    kop.decrees = kop.decrees!.filter((d) => d !== 'kep-iku-2024');
    const doc2 = buildLkip(changed, 2025);
    const iku2 = tables(doc2).find((t) => t.id === `${sec.id}-iku`)!;
    expect(tableGrid(iku2.body).flatMap((r) => r.map(cellString).filter((c) => /^\d\. /.test(c ?? '')))).toEqual(['1. Persentase Usaha Mikro Mandiri (%)', '2. Persentase Koperasi Berkualitas (%)']);
    expect(documentProblems(doc2)).toEqual([]);
  });

  it('keeps the whole report sound', () => {
    expect(documentProblems(doc)).toEqual([]);
  });
});
