/**
 * The demo's indicators and activity tables counted from its registers from 2026: the register
 * figures computed in memory (`figuresInMemory`) over the generator's rows read as an import reads
 * them, measured and reported. 2025 keeps the published report's figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/schema.js';
import type { Table } from '../document/model.js';
import { agreementFromPlan } from '../edit/agreements.js';
import { measure } from '../measure/index.js';
import type { MeasuredRow } from '../measure/types.js';
import { demoEntities } from '../registers/demo.js';
import { figuresInMemory } from '../registers/figures.js';
import { buildLkip } from './lkip.js';
import { documentProblems, documentTables, documentTexts } from './walk.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
/** the demo's "today": Q1–Q3 of 2026 have ended */
const TODAY = '2026-10-15';
const REGISTER_INDICATORS = [
  'renstra-2025-2029/KOP_FASILITASI',
  'renstra-2025-2029/UM_FASILITASI',
  'renstra-2021-2026/UMM',
  'renstra-2021-2026/KOP_BERKUALITAS',
];
const REGISTER_TABLES = ['t3-12', 't3-13-daftar', 't3-6', 'kop-difasilitasi-kecamatan', 'um-difasilitasi-sektor'];

const ds = demo();
const entities = demoEntities(ds.registers ?? []);
const figures = figuresInMemory(ds, entities, [2025, 2026], TODAY);

// the counts taken directly from the generated rows, without the conditions' evaluation
const kop = entities.get('koperasi')!;
const active2026 = new Set(kop.filter((e) => e.years['2026']?.status === 'aktif').map((e) => e.key));
const kopFacilitated = new Set(entities.get('fasilitasi_koperasi')!.map((e) => String(e.data.koperasi)));
const umFacilitated = new Set(entities.get('fasilitasi_usaha_mikro')!.map((e) => String(e.data.usaha_mikro)));
const expected: Record<string, [number, number]> = {
  'renstra-2025-2029/KOP_FASILITASI': [[...active2026].filter((k) => kopFacilitated.has(k)).length, active2026.size],
  'renstra-2025-2029/UM_FASILITASI': [umFacilitated.size, entities.get('usaha_mikro')!.length],
  'renstra-2021-2026/UMM': [umFacilitated.size, entities.get('usaha_mikro')!.length],
  'renstra-2021-2026/KOP_BERKUALITAS': [[...active2026].filter((k) => kopFacilitated.has(k)).length, kop.length],
};

const rowOf = (rows: readonly MeasuredRow[], ref: string): MeasuredRow | undefined => rows.find((r) => r.indicator === ref);

describe('the demo measured from its registers', () => {
  it('2026: each chosen indicator is the distinct count of its register at 30 September, as a share of at most 100 %', () => {
    const m = measure(ds, 2026, { registerFigures: figures });
    for (const ref of REGISTER_INDICATORS) {
      const row = rowOf(m.planIndicators, ref);
      const [num, den] = expected[ref]!;
      expect(row, ref).toBeDefined();
      expect(row!.realizationParts, ref).toEqual({ numerator: num, denominator: den });
      expect(row!.realization, ref).toBeCloseTo((num / den) * 100, 10);
      expect(row!.realization as number).toBeLessThanOrEqual(100);
      expect(row!.fromRegister, ref).toEqual({ register: ref.includes('KOP_') ? 'koperasi' : 'usaha_mikro', asOf: '2026-09-30' });
      expect(row!.provisional, ref).toBe(true);
      expect(row!.realizationPeriod, ref).toBe('Q3');
      expect(row!.achievement, ref).not.toBeNull();
    }
    // the facilitation events outnumber the cooperatives they reached (the 2025 report counted the events)
    expect(entities.get('fasilitasi_koperasi')!.length).toBeGreaterThan(expected['renstra-2025-2029/KOP_FASILITASI']![0]);
  });

  it('2025 keeps the published report: the same measurement with or without the register figures', () => {
    const withFigures = measure(ds, 2025, { registerFigures: figures });
    const without = measure(ds, 2025);
    expect(withFigures).toEqual(without);
    const kopRow = without.agreements.flatMap((a) => a.rows).find((r) => r.indicator === 'renstra-2025-2029/KOP_FASILITASI');
    // the published 1.905 events against 857 cooperatives, kept as printed (out of range, not scored)
    expect(kopRow?.realization).toBeCloseTo((1905 / 857) * 100, 10);
    expect(kopRow?.fromRegister).toBeUndefined();
  });

  it('without the register figures, 2026 is unmeasured with the reason that the register rows are not available', () => {
    const m = measure(ds, 2026);
    for (const ref of REGISTER_INDICATORS) {
      const row = rowOf(m.planIndicators, ref);
      expect(row?.realization, ref).toBeNull();
      expect(row?.fromRegister, ref).toBeUndefined();
    }
  });
});

describe('the 2026 draft LKIP of the demo from its registers', () => {
  // the 2026 agreement as the planner drafts it in the app ("Susun PK 2026 dari Renstra"): the Renstra's targets
  const drafted = agreementFromPlan(ds, { plan: 'renstra-2025-2029', year: 2026, signedOn: '2026-01-15' }).dataset;
  const doc = buildLkip(drafted, 2026, { registerFigures: figures });
  const texts = documentTexts(doc).map((v) => v.text);
  const all = texts.join('\n');
  const tables = documentTables(doc).map((t) => t.table);
  const tableOf = (title: string): Table => {
    const t = tables.find((x) => x.caption?.endsWith(title));
    if (!t) throw new Error(`no table "${title}"`);
    return t;
  };
  const numberOf = (c: Table['body'][number][number]): number => (c.value.kind === 'number' ? c.value.value : Number.NaN);

  it('is a well-formed document, a draft for the year still open but not for want of register data', () => {
    expect(documentProblems(doc)).toEqual([]);
    expect(doc.draft?.label).toBe('DRAF');
    expect(doc.draft?.note).not.toContain('data register');
  });

  it('shows each register table with its groups, a Jumlah that is their total, and the source and day', () => {
    for (const id of REGISTER_TABLES) {
      const list = drafted.activities!.find((l) => l.id === id)!;
      const fig = figures.tables.get(id)!.get(2026)!;
      const t = tableOf(list.title);
      const counts = t.body.map((r) => numberOf(r[2]!));
      expect(counts, id).toEqual(fig.groups.map((g) => g.count));
      const total = numberOf(t.footer![0]![1]!);
      expect(total, id).toBe(fig.total);
      expect(counts.reduce((s, x) => s + x, 0), id).toBe(total);
      expect(t.source, id).toContain('per 30 September 2026 (Triwulan III 2026; sementara sampai akhir tahun)');
      // the typed rows of the 2025 report are not this year's table
      expect(t.body.map((b) => numberOf(b[2]!)), id).not.toEqual(list.rows.map((r) => r.realization));
    }
    const byKecamatan = tableOf('Koperasi Aktif yang Difasilitasi per Kecamatan');
    expect(numberOf(byKecamatan.footer![0]![1]!)).toBe(expected['renstra-2025-2029/KOP_FASILITASI']![0]);
  });

  it('says where each register-based realization comes from, none above 100 %', () => {
    const [n, d] = expected['renstra-2025-2029/KOP_FASILITASI']!;
    const fmt = (x: number): string => x.toLocaleString('de-DE');
    expect(all).toContain(`Realisasi dihitung dari register Koperasi per 30 September 2026 (Triwulan III 2026; sementara sampai akhir tahun): ${fmt(n)} dari ${fmt(d)} (koperasi dengan status aktif pada tahun berjalan dan sedikitnya satu fasilitasi koperasi dalam tahun berjalan, dari koperasi dengan status aktif pada tahun berjalan)`);
    const [un, ud] = expected['renstra-2025-2029/UM_FASILITASI']!;
    expect(all).toContain(`Realisasi dihitung dari register Usaha Mikro per 30 September 2026 (Triwulan III 2026; sementara sampai akhir tahun): ${fmt(un)} dari ${fmt(ud)}`);
    expect(all).toContain('Realisasi Persentase Koperasi yang difasilitasi dihitung dari register Koperasi per 30 September 2026.');
    const m = measure(drafted, 2026, { registerFigures: figures });
    for (const r of m.agreements.flatMap((a) => a.rows).filter((x) => x.fromRegister)) expect(r.realization as number).toBeLessThanOrEqual(100);
  });

  it('never shows a personal field: no owner, no NIK, anywhere in the document', () => {
    const um = entities.get('usaha_mikro')!;
    const personal = new Set(um.flatMap((e) => [String(e.data.pemilik), String(e.data.nik)]));
    for (const t of texts) {
      expect(t).not.toMatch(/9999\d{12}/);
      expect(t).not.toMatch(/Pemilik Contoh/);
    }
    expect(texts.some((t) => personal.has(t.trim()))).toBe(false);
    expect(JSON.stringify(doc)).not.toMatch(/9999\d{12}|Pemilik Contoh/);
  });

  it('without the register figures says so in place and is a draft for that reason', () => {
    const bare = buildLkip(drafted, 2026);
    expect(documentProblems(bare)).toEqual([]);
    expect(bare.draft?.note).toContain('data register Koperasi, Usaha Mikro, Fasilitasi Koperasi dan Fasilitasi Usaha Mikro belum tersedia');
    const said = documentTexts(bare).map((v) => v.text).join('\n');
    expect(said).toContain('Koperasi Aktif yang Difasilitasi per Kecamatan: tabel ini dihitung dari register Koperasi, yang datanya belum tersedia untuk laporan ini');
    expect(said).toContain('Realisasi indikator ini dihitung dari register Koperasi sejak tahun 2026; data register tersebut belum tersedia untuk laporan ini');
  });

  it('the 2025 LKIP is the same with or without the register figures', () => {
    expect(buildLkip(ds, 2025, { registerFigures: figures })).toEqual(buildLkip(ds, 2025));
  });
});
