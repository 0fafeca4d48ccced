/**
 * The dashboard's data-quality findings through the API: each with its code, a path into the
 * dataset and the name of what it is about (not only a path), on both engines.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../store/testing.js';
import { AGENCY, agencyA, startTestServer, type TestServer } from './testing.js';

const UMM = 'renstra-2021-2026/UMM';
const PDF = Buffer.from('%PDF-1.7\n% evidence\n%%EOF\n');

function withQualityProblems() {
  const ds = agencyA();
  // the agency requires evidence of approved realizations
  ds.settings = { quality: { requireEvidence: true } };
  // UMM: 40 % in 2024, 6,5 % in 2025 (a sixth): implausible-jump
  ds.realizations.push({ indicator: 'renstra-2021-2026/UMM', year: 2024, numerator: 400, denominator: 1000, value: 40 });
  ds.expenditures = [
    { id: 'e1', year: 2025, name: 'Belanja alat tulis kantor', ceiling: 10_000_000, realized: 12_500_000 },
    { id: 'e2', year: 2025, name: 'Belanja souvenir', ceiling: 7_000_000, realized: 6_000_000 },
    { id: 'e3', year: 2025, name: 'Belanja cetak', ceiling: 7_000_000, realized: 6_000_000 },
  ];
  return ds;
}

forEachEngine('API: data-quality findings', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine, { datasets: [withQualityProblems()] });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the dashboard answers the findings of the year with the indicator’s or line’s name', async () => {
    const res = await s.clients.head.get(`/api/agencies/${AGENCY}/dashboard`, { query: { year: 2025 } });
    expect(res.status).toBe(200);
    const ds = await s.dataset();
    const umm = ds.plans[0]!.indicators!.find((i) => i.id === 'UMM')!.name;
    const quality = res.body.quality as { code: string; where: string; subject: string; year: number; localized: { id: string } }[];
    expect(quality.map((f) => [f.code, f.subject])).toEqual([
      ['implausible-jump', umm],
      ['spent-above-budget', 'Belanja alat tulis kantor'],
      ['duplicate-line', 'Belanja cetak'],
    ]);
    expect(quality[0]!.where).toMatch(/^realizations\[\d+\]$/);
    expect(quality[0]!.localized.id).toContain(`"${umm}" 6,50, hanya 1/6,15 dari realisasi 2024 40,00`);
    expect(quality[1]).toMatchObject({ where: 'expenditures[0].realized', year: 2025 });
    // the headline counts rows per predicate; the mean states its cap
    expect(res.body.standing.headline.id).toMatch(/^3 indikator: /);
    expect(res.body.standing.mean.id).toMatch(/^rata-rata capaian \(setiap capaian dibatasi 100%\) /);
  });

  it('a year without problems has none', async () => {
    const res = await s.clients.head.get(`/api/agencies/${AGENCY}/dashboard`, { query: { year: 2024 } });
    expect(res.status).toBe(200);
    expect(res.body.quality).toEqual([]);
  });

  it('an approval through the workflow without evidence is noted where evidence is required; one with evidence is not', async () => {
    const { operator } = s.clients;
    const transition = (period: string, action: string, version: string) =>
      s.clients[action === 'submit' ? 'operator' : action === 'verify' ? 'planner' : 'head'].post(`/api/agencies/${AGENCY}/realizations/transition`, {
        body: { indicator: UMM, year: 2026, period, action, version },
      });
    const approve = async (period: string, version: string) => {
      const submitted = await transition(period, 'submit', version);
      const verified = await transition(period, 'verify', submitted.body.version);
      const approved = await transition(period, 'approve', verified.body.version);
      expect(approved.body.record.state).toBe('approved');
    };
    const q1 = await operator.put(`/api/agencies/${AGENCY}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q1', numerator: 300, denominator: 1000 } });
    expect(q1.status).toBe(200);
    const drafted = await s.clients.head.get(`/api/agencies/${AGENCY}/dashboard`, { query: { year: 2026 } });
    expect(drafted.body.quality.filter((f: { code: string }) => f.code === 'approved-without-evidence')).toEqual([]);
    await approve('Q1', q1.body.version);

    const q2 = await operator.put(`/api/agencies/${AGENCY}/realizations`, { body: { indicator: UMM, year: 2026, period: 'Q2', numerator: 350, denominator: 1000 } });
    const form = new FormData();
    for (const [k, v] of Object.entries({ indicator: UMM, year: '2026', period: 'Q2', version: q2.body.version })) form.set(k, v);
    form.set('file', new File([new Uint8Array(PDF)], 'Berita Acara.pdf', { type: 'application/pdf' }));
    const attached = await operator.post(`/api/agencies/${AGENCY}/realizations/evidence`, { form });
    expect(attached.status).toBe(201);
    await approve('Q2', attached.body.version);

    const res = await s.clients.head.get(`/api/agencies/${AGENCY}/dashboard`, { query: { year: 2026 } });
    const ds = await s.dataset();
    const umm = ds.plans[0]!.indicators!.find((i) => i.id === 'UMM')!.name;
    const noted = res.body.quality.filter((f: { code: string }) => f.code === 'approved-without-evidence');
    const q1At = ds.realizations.findIndex((r) => r.indicator === UMM && r.year === 2026 && r.period === 'Q1');
    expect(noted).toEqual([
      expect.objectContaining({ subject: umm, where: `realizations[${q1At}].evidence`, year: 2026, localized: { id: `realisasi Q1 2026 "${umm}" disetujui tanpa bukti dukung; pengaturan mewajibkan bukti dukung` } }),
    ]);
  });
});
