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
import { measure } from '../measure/index.js';
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
