import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset/schema.js';
import { validateDataset } from '../dataset/validate.js';
import { AKTIF_2025, AKTIF_2026, demoEntities, demoRegisterDefinitions, demoRegisterRows, EVENTS_UNTIL, KECAMATAN_JEMBER, KOPERASI_TOTAL, SEHAT_2025, SEHAT_2026 } from './demo.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));

describe('the demo agency registers', () => {
  it('the demo dataset holds the definitions of the generator, valid, kept by the bidang that own them', () => {
    const ds = demo();
    expect(ds.registers).toEqual(demoRegisterDefinitions());
    expect(validateDataset(ds).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const units = new Set(ds.organization?.units?.map((u) => u.id));
    for (const r of ds.registers ?? []) expect(units.has(r.unit!)).toBe(true);
    expect(KECAMATAN_JEMBER).toHaveLength(31);
    expect(new Set(KECAMATAN_JEMBER).size).toBe(31);
  });

  it('generates the same rows for the same options, and micro business i whatever the size', () => {
    const a = [...demoRegisterRows('fasilitasi_koperasi')];
    expect([...demoRegisterRows('fasilitasi_koperasi')]).toEqual(a);
    expect([...demoRegisterRows('fasilitasi_koperasi', { seed: 7 })]).not.toEqual(a);
    const small = [...demoRegisterRows('usaha_mikro', { usahaMikro: 50 })];
    const larger = [...demoRegisterRows('usaha_mikro', { usahaMikro: 120 })];
    expect(small).toHaveLength(51);
    expect(larger.slice(0, 51)).toEqual(small);
  });

  const ds = demo();
  const entities = demoEntities(ds.registers ?? []);
  const kop = entities.get('koperasi')!;
  const um = entities.get('usaha_mikro')!;

  it('passes the import checks, with the report sizes: 2.262 cooperatives, 857 active and 274 healthy in 2025', () => {
    expect(kop).toHaveLength(KOPERASI_TOTAL);
    expect(kop.filter((e) => e.years['2025']?.status === 'aktif')).toHaveLength(AKTIF_2025);
    expect(kop.filter((e) => e.years['2025']?.status === 'aktif' && e.years['2025']?.kesehatan === 'sehat')).toHaveLength(SEHAT_2025);
    expect(kop.filter((e) => e.years['2026']?.status === 'aktif')).toHaveLength(AKTIF_2026);
    expect(kop.filter((e) => e.years['2026']?.kesehatan === 'sehat')).toHaveLength(SEHAT_2026);
    // a healthy cooperative of a year is an active one of that year
    expect(kop.filter((e) => e.years['2026']?.kesehatan !== undefined && e.years['2026']?.status !== 'aktif')).toEqual([]);
    expect(um).toHaveLength(20_000);
  });

  it('is clearly synthetic: generated names, NIK under the nonexistent code 9999, NIB starting 0000', () => {
    for (const e of kop) {
      expect(e.data.nama).toMatch(/^Koperasi Contoh \w+ \d{4}$/);
      expect(e.key).toMatch(/^\d{4}\/BH\/CONTOH\/\d{4}$/);
    }
    for (const e of um) {
      expect(e.data.nik).toMatch(/^9999\d{12}$/);
      expect(e.key).toMatch(/^0000\d{9}$/);
      expect(e.data.pemilik).toMatch(/^Pemilik Contoh \d{6}$/);
      expect(e.data.nama_usaha).toMatch(/^Usaha Contoh \w+ \d{6}$/);
      expect(String(e.data.berdiri) < '2026-01-01').toBe(true);
    }
  });

  it('dates the events of 2026 up to 30 September, each naming a stored entity; some cooperatives several times', () => {
    for (const id of ['fasilitasi_koperasi', 'fasilitasi_usaha_mikro']) {
      const evs = entities.get(id)!;
      expect(evs.length).toBeGreaterThan(1000);
      for (const e of evs) {
        expect(String(e.data.tanggal) >= '2026-01-01' && String(e.data.tanggal) <= EVENTS_UNTIL).toBe(true);
      }
    }
    const kopKeys = new Set(kop.map((e) => e.key));
    const evs = entities.get('fasilitasi_koperasi')!;
    const per = new Map<string, number>();
    for (const e of evs) {
      expect(kopKeys.has(String(e.data.koperasi))).toBe(true);
      per.set(String(e.data.koperasi), (per.get(String(e.data.koperasi)) ?? 0) + 1);
    }
    // more events than cooperatives facilitated: counting events would overstate the share (the 2025 report's 1.905 against 857)
    expect(evs.length).toBeGreaterThan(per.size);
    const active2026 = new Set(kop.filter((e) => e.years['2026']?.status === 'aktif').map((e) => e.key));
    expect([...per.keys()].some((k) => !active2026.has(k))).toBe(true);
  });
});
