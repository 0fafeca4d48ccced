/**
 * The demo's 2026 draft LKIP with its register figures (core/report/lkip-registers.ts), rendered:
 * the register tables and the source of the computed realizations reach the page a reader opens,
 * and no personal value of the registers does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../core/dataset/schema.js';
import { agreementFromPlan } from '../core/edit/agreements.js';
import { demoEntities } from '../core/registers/demo.js';
import { figuresInMemory } from '../core/registers/figures.js';
import { buildLkip } from '../core/report/lkip.js';
import { renderHtml } from './html.js';

const demo = (): Dataset => Dataset.parse(JSON.parse(readFileSync(new URL('../../examples/diskopum-jember-2025.json', import.meta.url), 'utf8')));
const textOf = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&quot;|&#34;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the demo 2026 LKIP from its registers, as HTML', () => {
  it('prints the register tables with their totals and sources, the computed realizations with theirs, no NIK or owner', () => {
    const ds = agreementFromPlan(demo(), { plan: 'renstra-2025-2029', year: 2026, signedOn: '2026-01-15' }).dataset;
    const entities = demoEntities(ds.registers ?? []);
    const figures = figuresInMemory(ds, entities, [2026], '2026-10-15');
    const html = renderHtml(buildLkip(ds, 2026, { registerFigures: figures }));
    const text = textOf(html);
    expect(text).toContain('DRAF');
    const byKecamatan = figures.tables.get('kop-difasilitasi-kecamatan')!.get(2026)!;
    expect(text).toMatch(/Tabel 3\.\d+ Koperasi Aktif yang Difasilitasi per Kecamatan No Kecamatan Jumlah Koperasi/);
    expect(text).toContain(`Jumlah ${byKecamatan.total.toLocaleString('de-DE')} Sumber: register Koperasi per 30 September 2026`);
    expect(text).toContain('Realisasi dihitung dari register Koperasi per 30 September 2026 (Triwulan III 2026; sementara sampai akhir tahun)');
    expect(text).toContain('Realisasi dihitung dari register Usaha Mikro per 30 September 2026');
    expect(html).not.toMatch(/9999\d{12}|Pemilik Contoh/);
  });
});
