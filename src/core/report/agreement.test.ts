import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalDataset } from '../dataset/fixtures.js';
import { Dataset } from '../dataset/schema.js';
import type { Block, DocumentModel, Signature, Table } from '../document/model.js';
import { buildAgreement, UnknownAgreement } from './agreement.js';
import { cellString, documentProblems, tableGrid } from './walk.js';
import type { Cell } from '../document/model.js';
import { formatRupiah } from '../format.js';

/** A money cell as printed (the renderers format a rupiah cell with formatRupiah). */
const rupiahOf = (c: Cell | undefined): string | undefined => (c?.value.kind === 'number' ? formatRupiah(c.value.value) : undefined);

const demo = (): Dataset =>
  Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

const blocks = (doc: DocumentModel): Block[] => doc.sections.flatMap((s) => s.blocks);
const texts = (doc: DocumentModel): string[] =>
  blocks(doc)
    .filter((b) => b.type === 'paragraph')
    .map((b) => (b.type === 'paragraph' ? b.content.map((i) => (typeof i === 'string' ? i : i.text)).join('') : ''));
const tables = (doc: DocumentModel): Table[] => blocks(doc).filter((b): b is Table => b.type === 'table');
const signatures = (doc: DocumentModel): Signature[] => blocks(doc).filter((b): b is Signature => b.type === 'signature');

describe('buildAgreement', () => {
  const ds = demo();

  it('writes the original 2025 agreement as signed: parties (Plt. for the acting Bupati), place and date', () => {
    const doc = buildAgreement(ds, 'pk-2025');
    expect(documentProblems(doc)).toEqual([]);
    expect(doc.title).toBe('Perjanjian Kinerja Tahun 2025 Dinas Koperasi dan Usaha Mikro');
    const t = texts(doc);
    expect(t).toContain('PEMERINTAH KABUPATEN JEMBER');
    expect(t.filter((x) => x === 'PERJANJIAN KINERJA TAHUN 2025')).toHaveLength(2);
    expect(t).toContain('Nama : Dra. Sartini, MM');
    expect(t).toContain('Jabatan : Kepala Dinas Koperasi Dan Usaha Mikro');
    expect(t).toContain('Nama : Muhammad Balya Firjaun Barlamam');
    expect(t).toContain('Jabatan : Plt. Bupati Jember');
    expect(t.some((x) => x.startsWith('Pihak pertama berjanji akan mewujudkan target kinerja'))).toBe(true);
    expect(t.some((x) => x.startsWith('Pihak kedua akan memberikan supervisi'))).toBe(true);
    const sigs = signatures(doc);
    expect(sigs).toHaveLength(2);
    expect(sigs[0]).toEqual({
      type: 'signature',
      place: 'Jember',
      date: '10 Februari 2025',
      parties: [
        { role: 'Pihak Kedua', position: 'Plt. Bupati Jember', name: 'Muhammad Balya Firjaun Barlamam' },
        { role: 'Pihak Pertama', position: 'Kepala Dinas Koperasi Dan Usaha Mikro', name: 'Dra. Sartini, MM', nip: '196707061998032005' },
      ],
    });
    expect(doc.sections[1]?.newPage).toBe(true);
  });

  it('lists every row under its goal (goal cells merged), with targets and units', () => {
    const doc = buildAgreement(ds, 'pk-2025');
    const [goals] = tables(doc);
    const grid = tableGrid(goals?.body ?? []);
    const ag = ds.agreements.find((a) => a.id === 'pk-2025')!;
    expect(grid).toHaveLength(ag.rows.length);
    expect(grid.map((r) => cellString(r[2]))).toEqual([
      'Persentase indikator program yang tercapai',
      'Persentase Usaha Mikro Mandiri',
      'Persentase Koperasi Sehat',
      'Persentase Koperasi Berkualitas',
      'Jumlah Penghargaan Yang Diraih',
    ]);
    expect(goals?.body[1]?.[1]).toMatchObject({ rowSpan: 3, value: { kind: 'text', text: 'Meningkatkan pertumbuhan Usaha Mikro dan Koperasi' } });
    expect(grid[1]?.[3]?.value).toEqual({ kind: 'number', value: 70, format: { kind: 'percent', decimals: 2, trim: true } });
    expect(cellString(grid[4]?.[3])).toBe('1 penghargaan');
  });

  it('totals the program budget from its lines and names its source', () => {
    const doc = buildAgreement(ds, 'pk-2025-perubahan');
    const budget = tables(doc)[1];
    const ag = ds.agreements.find((a) => a.id === 'pk-2025-perubahan')!;
    const total = ag.budget.reduce((s, l) => s + l.amount, 0);
    const footer = tableGrid(budget?.footer ?? [])[0];
    // whole rupiah, as the agreement was signed: the exact total 26.796.144.571,60 rounded half up
    expect(total).toBeCloseTo(26796144571.6, 2);
    expect(footer?.[2]?.value).toEqual({ kind: 'number', value: 26796144572, format: { kind: 'rupiah' } });
    expect(rupiahOf(footer?.[2])).toBe('Rp 26.796.144.572');
    expect(cellString(footer?.[3])).toBe('P-APBD');
    expect(tableGrid(budget?.body ?? []).map((r) => cellString(r[1]))).toEqual(ag.budget.map((l) => ds.programs.find((p) => p.id === l.program)?.name));
    expect(texts(doc)).toContain('PERJANJIAN KINERJA PERUBAHAN TAHUN 2025');
    expect(texts(doc)).toContain('Jabatan : Bupati Jember');
  });

  it('prints the amounts as signed: whole rupiah by default, the cents when the settings ask for them', () => {
    const amounts = (d: ReturnType<typeof buildAgreement>) => [...tableGrid(tables(d)[1]?.body ?? []), ...tableGrid(tables(d)[1]?.footer ?? [])].map((r) => rupiahOf(r[2]));
    const whole = amounts(buildAgreement(ds, 'pk-2025-perubahan'));
    expect(whole[0]).toBe('Rp 6.370.874.772');
    for (const a of whole) expect(a).toMatch(/^Rp \d{1,3}(\.\d{3})*$/);
    // the region's setting, and the agency's over it
    expect(amounts(buildAgreement(ds, 'pk-2025-perubahan', { regionSettings: { agreementAmountDecimals: 2 } }))[0]).toBe('Rp 6.370.874.771,60');
    const own = { ...ds, settings: { agreementAmountDecimals: 0 as const } };
    expect(amounts(buildAgreement(own, 'pk-2025-perubahan', { regionSettings: { agreementAmountDecimals: 2 } }))[0]).toBe('Rp 6.370.874.772');
  });

  it('names the known agreements when the id is unknown', () => {
    expect(() => buildAgreement(ds, 'pk-2099')).toThrow(UnknownAgreement);
    expect(() => buildAgreement(ds, 'pk-2099')).toThrow(/pk-2025, pk-2025-perubahan/);
  });

  it('works on the minimal dataset, including a category target', () => {
    const doc = buildAgreement(minimalDataset(), 'pk-2025');
    expect(documentProblems(doc)).toEqual([]);
    const grid = tableGrid(tables(doc)[0]?.body ?? []);
    expect(cellString(grid[1]?.[3])).toBe('Juara 1');
    expect(grid[2]?.[3]?.value).toMatchObject({ kind: 'number', value: 75 });
  });
});
