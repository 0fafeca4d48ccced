/**
 * "Tugas saya" end to end: the real server with the demo agency on a fixed day (KINERJA_TODAY =
 * 22 April 2026, so Q1 2026 is 12 days overdue), each role signing in and landing on its worklist.
 * The admin and the evaluator first, while the data ends in 2025 (their region dashboard opens on
 * 2025, not on an empty 2026); then the planner drafts the 2026 agreement, and one realization
 * moves through the workflow: the operator's overdue item links to its entry, the operator
 * enters and submits → the planner sees it to verify → verifies → the head sees it to approve →
 * approves → gone for everyone. Screenshots (desktop and 390 px) 60–66 in artifacts/screenshots/.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, fitsWidth, shot, useE2E, VIEWPORT, type Session } from './harness.js';

const TODAY = '2026-04-22';
const e2e = useE2E({ env: { KINERJA_TODAY: TODAY } });
const { as } = e2e;

/** the cooperative indicator the operator's unit still enters in 2026 (the others are counted from the registers, and owe nothing) */
const KOP = 'renstra-2021-2026/KOP_SEHAT';
const KOP_Q1 = 'Realisasi Triwulan I 2026 — Persentase Koperasi Sehat';
const PHONE = { width: 390, height: 844 };

type Worklist = { today: string; latestYear: number | null; counts: { total: number; overdue: number }; items: { kind: string; title: { id: string }; detail: { id: string }; indicator: { ref: string } | null; period: string | null; year: number | null; overdue: { realizations: number } | null }[] };
const worklistOf = async (s: Session): Promise<Worklist> => (await apiCall(s.context, e2e.base, 'GET', '/api/worklist')).json as Worklist;

/** the worklist page shown again (the page and the header's count read the server anew on every page change) */
async function reloadWorklist(s: Session): Promise<void> {
  await s.page.goto(`${e2e.base}/#/tugas`);
  await s.page.reload();
  await s.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
}

const item = (s: Session, title: string) => s.page.locator('.work-item', { has: s.page.getByRole('link', { name: title, exact: true }) });

async function onPhone(s: Session, name: string): Promise<void> {
  await s.page.setViewportSize(PHONE);
  await s.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
  expect(await fitsWidth(s.page), `${name} at 390 px scrolls sideways`).toBe(true);
  await shot(s.page, name);
  await s.page.setViewportSize(VIEWPORT);
}

describe('the worklist "Tugas saya"', () => {
  it('lands the admin and the evaluator on their worklist; their region dashboard opens on the latest year with data', async () => {
    const evaluator = await as('inspektorat@demo');
    await evaluator.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
    expect(await evaluator.page.getByTestId('work-today').textContent()).toContain('Keadaan per 22 April 2026.');
    // the demo's nine recommendations have no due date: the evaluator is asked to set them
    await expect.poll(() => evaluator.page.locator('[data-testid="work-undated"] .work-item').count()).toBe(9);
    expect(await evaluator.page.locator('[data-testid="work-undated"] .work-item').first().textContent()).toContain('belum diberi batas waktu');
    await shot(evaluator.page, '60-worklist-evaluator');
    // each links to its row on the evaluation page, marked
    const rec = evaluator.page.locator('[data-testid="work-undated"] .work-item a').first();
    const recHref = await rec.getAttribute('href');
    expect(recHref).toMatch(/^#\/a\/diskopum\/evaluation\?rec=/);
    await rec.click();
    const marked = evaluator.page.locator('tr[aria-current="true"]');
    await marked.waitFor();
    expect(await marked.getAttribute('data-rec')).toBe(decodeURIComponent(recHref!.split('rec=')[1]!));
    // the region dashboard: 2025, the last year with data, not the empty current 2026
    const region = evaluator.page.getByRole('link', { name: 'Dasbor Daerah', exact: true });
    expect(await region.getAttribute('href')).toBe('#/region/Kabupaten%20Jember/2025');
    await region.click();
    await expect.poll(() => evaluator.page.locator('main h1').first().textContent()).toContain('2025');
    // and without a year in the address, the same
    await evaluator.page.goto(`${e2e.base}/#/region/Kabupaten%20Jember`);
    await expect.poll(() => evaluator.page.locator('main h1').first().textContent()).toContain('2025');

    const admin = await as('admin@demo');
    await admin.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
    // nothing overdue while 2025 is closed and 2026 has no agreement yet
    await admin.page.getByTestId('work-empty').waitFor();
    expect(await admin.page.getByTestId('nav-worklist-count').count()).toBe(0);
  });

  it('moves a realization through the workflow: each role sees it while it waits for them, then it is gone', async () => {
    const planner = await as('perencana@diskopum');
    const pk = await apiCall(planner.context, e2e.base, 'POST', '/api/agencies/diskopum/agreements', { plan: 'renstra-2021-2026', year: 2026, signedOn: '2026-01-05' });
    expect(pk.status, JSON.stringify(pk.json)).toBe(201);
    // the rows that owe realizations: not those counted from the registers from 2026 (UMM, KOP_BERKUALITAS)
    const rows = (pk.json as { record: { rows: { indicator: string }[] } }).record.rows.filter((r) => !['UMM', 'KOP_BERKUALITAS'].includes(r.indicator)).length;

    // the operator of Bidang Kelembagaan lands on the overdue Q1 of the indicator their unit enters
    const operator = await as('operator@diskopum');
    await operator.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
    const overdue = item(operator, KOP_Q1);
    await overdue.waitFor();
    expect(await overdue.locator('.work-detail').textContent()).toBe('terlambat 12 hari (jatuh tempo 10 April 2026)');
    expect(await operator.page.getByTestId('work-count-overdue').textContent()).toBe('1');
    expect(await operator.page.getByTestId('nav-worklist-count').textContent()).toContain('1');
    // the agency's pages stay one click away
    expect(await operator.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Realisasi', exact: true }).getAttribute('href')).toBe('#/a/diskopum/realizations');
    await shot(operator.page, '61-worklist-operator');
    await onPhone(operator, '62-worklist-operator-390');

    // its link opens the entry of that indicator and quarter
    await overdue.getByRole('link').click();
    await operator.page.locator('#r-period').waitFor();
    expect(operator.page.url()).toContain(`indicator=${encodeURIComponent(KOP)}&period=Q1`);
    expect(await operator.page.locator('#r-period').inputValue()).toBe('Q1');
    expect(await operator.page.locator('nav.indicator-list a[aria-current="true"]').getAttribute('data-ref')).toBe(KOP);

    // entered: still the operator's (a draft not submitted); submitted: the planner's
    const put = await apiCall(operator.context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', { indicator: KOP, year: 2026, period: 'Q1', numerator: 120, denominator: 1000 });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    await reloadWorklist(operator);
    expect(await item(operator, KOP_Q1).locator('.work-detail').textContent()).toBe('draf belum diajukan; terlambat 12 hari (jatuh tempo 10 April 2026)');
    const step = async (s: Session, action: string, version: string) => {
      const r = await apiCall(s.context, e2e.base, 'POST', '/api/agencies/diskopum/realizations/transition', { indicator: KOP, year: 2026, period: 'Q1', action, version });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return (r.json as { version: string }).version;
    };
    let v = await step(operator, 'submit', (put.json as { version: string }).version);
    await reloadWorklist(operator);
    expect(await item(operator, KOP_Q1).count()).toBe(0);

    await reloadWorklist(planner);
    const toVerify = planner.page.locator('[data-testid="work-waiting"] .work-item', { hasText: KOP_Q1 });
    await toVerify.waitFor();
    expect(await toVerify.locator('.work-detail').textContent()).toBe('diajukan, menunggu verifikasi Anda; realisasi ini jatuh tempo 10 April 2026, sudah lewat 12 hari');
    expect(await toVerify.getAttribute('data-kind')).toBe('verify');
    // the planner also enters the indicators no unit is responsible for: their Q1 is overdue too
    expect(Number(await planner.page.getByTestId('work-count-overdue').textContent())).toBeGreaterThan(0);
    await shot(planner.page, '63-worklist-planner');
    await onPhone(planner, '64-worklist-planner-390');

    v = await step(planner, 'verify', v);
    await reloadWorklist(planner);
    expect(await planner.page.locator('.work-item', { hasText: KOP_Q1 }).count()).toBe(0);

    const head = await as('kepala@diskopum');
    await head.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
    const toApprove = head.page.locator('.work-item', { hasText: KOP_Q1 });
    await toApprove.waitFor();
    expect(await toApprove.getAttribute('data-kind')).toBe('approve');
    expect(await toApprove.locator('.work-detail').textContent()).toContain('diverifikasi, menunggu persetujuan Anda');
    await shot(head.page, '65-worklist-head');
    await step(head, 'approve', v);
    await reloadWorklist(head);
    await head.page.getByTestId('work-empty').waitFor();

    for (const s of [operator, planner, head]) {
      const w = await worklistOf(s);
      expect(w.today).toBe(TODAY);
      expect(w.items.filter((i) => i.indicator?.ref === KOP && i.year === 2026 && i.period === 'Q1')).toEqual([]);
    }

    // the admin: Diskopum behind schedule by the agreement's other rows' Q1, the region dashboard now on 2026
    const admin = await as('admin@demo');
    await admin.page.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();
    const behind = admin.page.locator('.work-item', { hasText: 'tertinggal dari jadwal' });
    await behind.waitFor();
    expect(await behind.locator('.work-detail').textContent()).toBe(`${rows - 1} realisasi terlambat`);
    expect(await admin.page.getByRole('link', { name: 'Dasbor Daerah', exact: true }).getAttribute('href')).toBe('#/region/Kabupaten%20Jember/2026');
    await shot(admin.page, '66-worklist-admin');
    await onPhone(admin, '67-worklist-admin-390');

    for (const s of [planner, operator, head, admin]) expect(s.errors).toEqual([]);
  });
});
