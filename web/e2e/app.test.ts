/**
 * End to end: the real server with the demo agency, driven through Chromium at 1366×768.
 *
 * One server and one browser for the whole file; each role signs in in its own browser context.
 * The steps build on each other in order: an operator enters a Q4 realization of 2026 and sees
 * its achievement and predicate apart from the official figure, awaiting approval (and a 409
 * conflict keep the input), a planner drafts the 2026
 * agreement from the plan, verifies the realization and amends the agreement, the head approves,
 * the admin imports a second agency through the browser and sees the region, and that agency's
 * operator is refused the first agency's pages and requests. Screenshots of the main pages go to
 * artifacts/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../src/core/format.js';
import { apiCall, DEMO_PASSWORD, fitsWidth, open, REPO, shot, useE2E, VIEWPORT, type Session } from './harness.js';

const e2e = useE2E();
const { as, sessions } = e2e;

/**
 * the cooperative indicator the operator's unit still enters in 2026 (Persentase Koperasi yang
 * difasilitasi and Koperasi Berkualitas are counted from the registers from 2026)
 */
const KOP = 'renstra-2021-2026/KOP_SEHAT';
const KOP_ROUTE = `/a/diskopum/realizations/2026?indicator=${encodeURIComponent(KOP)}`;
/** the 2026 plan target of KOP_SEHAT in the demo dataset */
const KOP_TARGET_2026 = 40;
/** achievement of a positive ratio indicator, formatted as the page prints it */
const expectedAchievement = (numerator: number, denominator: number, target: number) => formatPercent(((numerator / denominator) * 100 * 100) / target);

describe('the web application against the real server', () => {
  it('refuses a wrong password, signs in, shows the user with role and agency, switches language, signs out', async () => {
    const context = await e2e.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(e2e.base);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    // the first page's JavaScript, gzipped as the build reports it, stays under 150 KB (a development build of React,
    // which a build under the test runner once produced, is over it); no chart library in it
    const gzipped = await Promise.all(scripts.map(async (path) => gzipSync(await readFile(join(REPO, 'web', 'dist', path))).byteLength));
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzipped.reduce((a, b) => a + b, 0)).toBeLessThan(150 * 1024);
    expect(scripts.some((p) => p.includes('echarts'))).toBe(false);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await shot(page, '00-sign-in');
    await page.getByLabel('Email atau nama pengguna').fill('perencana@diskopum');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Email atau kata sandi salah.').waitFor();
    await context.close();

    // by keyboard alone: the login field has the focus, Tab to the password, Enter signs in
    const kb = await e2e.browser.newContext({ viewport: VIEWPORT });
    const s: Session = { context: kb, page: await kb.newPage(), errors: [], csp: [] };
    sessions.push(s);
    const { page: p } = s;
    await p.goto(e2e.base);
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await p.keyboard.type('perencana@diskopum');
    await p.keyboard.press('Tab');
    await p.keyboard.type(DEMO_PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByTestId('user-name').waitFor();
    expect(await p.getByTestId('user-name').textContent()).toBe('Perencana Diskopum (demo)');
    await expect.poll(() => p.getByTestId('user-role').textContent()).toBe('Perencana · Diskopum');
    // the home page after sign-in is the worklist "Tugas saya" (web/e2e/worklist.test.ts)
    await p.locator('main h1').first().waitFor();
    await expect.poll(() => p.locator('main h1').first().textContent()).toBe('Tugas saya');

    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'My tasks', exact: true }).waitFor();
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => p.getByTestId('user-role').textContent()).toBe('Planner · Diskopum');
    await p.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await p.getByRole('heading', { name: 'Tugas saya', exact: true }).waitFor();

    await p.getByRole('button', { name: 'Keluar' }).click();
    await p.getByRole('button', { name: 'Masuk' }).waitFor();
    const after = await s.context.request.get(`${e2e.base}/api/auth/session`);
    expect(after.status()).toBe(401);
  });

  it('shows the 2025 dashboard: both agreements, predicates in their colours, counts, Indonesian numbers', async () => {
    const { page, csp } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    const original = page.getByTestId('rows-pk-2025');
    const amendment = page.getByTestId('rows-pk-2025-perubahan');
    await original.waitFor();
    await amendment.waitFor();
    expect(await original.locator('tbody tr').count()).toBe(5);
    expect(await amendment.locator('tbody tr').count()).toBe(4);
    // Persentase Usaha Mikro Mandiri: 18.951 / 293.212 × 100 against 70
    const umm = original.locator('tr[data-indicator="renstra-2021-2026/UMM"]');
    expect(await umm.locator('[data-col="achievement"]').textContent()).toBe(expectedAchievement(18951, 293212, 70));
    const badge = umm.locator('[data-col="predicate"] .predicate');
    expect(await badge.textContent()).toBe('Sangat Rendah');
    expect(await badge.getAttribute('data-color')).toBe('#FF0000');
    // the demo's realizations have no workflow state (imported from the published report): all official, none pending
    expect(await page.getByTestId('pending-count').count()).toBe(0);
    expect(await original.locator('[data-col="pending"]').count()).toBe(0);
    expect(await page.getByTestId('sakip-score').textContent()).toBe('87,24 — A / Memuaskan');
    // budget is printed the Indonesian way
    expect(await page.locator('main').textContent()).toContain('Rp 6.370.874.771,60');
    await page.locator('.chart svg').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '01-dashboard-2025');
    // the Content-Security-Policy (src/server/transfer.ts) refused nothing the page does: React, ECharts, the sign-in
    expect(csp).toEqual([]);
  });

  it('shows the plans, programs, evaluation and the printable agreement', async () => {
    const { page } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/plans');
    await page.getByRole('tab', { name: 'Renstra 2021–2026' }).click();
    const umm = page.locator('[data-indicator="renstra-2021-2026/UMM"]');
    await umm.waitFor();
    expect(await umm.textContent()).toContain('Rasio: Jumlah Usaha Mikro Yang Difasilitasi tahun ini ÷ Jumlah usaha mikro × 100');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '02-plans');

    await open(page, e2e.base, '/a/diskopum/programs/2025');
    await page.getByTestId('programs').waitFor();
    await page.getByRole('button', { name: /^Buka/ }).first().click();
    expect(await page.getByTestId('programs').locator('tbody tr').count()).toBeGreaterThan(10);
    // spending by quarter, entered for one sub-kegiatan; the quarter columns appear
    expect(await page.getByTestId('programs').locator('thead').textContent()).not.toContain('TW I');
    const node = page.getByTestId('programs').locator('tr', { hasText: 'Penyusunan Dokumen Perencanaan Perangkat Daerah' });
    await node.getByRole('button', { name: /Isi realisasi per triwulan/ }).click();
    const amounts = ['1.500.000', '3.200.000', '5.900.000', '7.511.500'];
    for (const [i, q] of ['TW I', 'TW II', 'TW III', 'TW IV'].entries()) {
      await page.getByLabel(`Realisasi kumulatif ${q} (Rp)`).fill(amounts[i]!);
    }
    await page.getByLabel('Fisik TW IV (%)').fill('100');
    await page.locator('.spending-form').getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.spending-form').waitFor({ state: 'detached' });
    await page.getByTestId('programs').locator('thead th', { hasText: 'TW IV' }).waitFor();
    const cells = await node.locator('td.num').allTextContents();
    expect(cells.some((c) => c.startsWith('1.500.000'))).toBe(true);
    expect(cells.some((c) => c.startsWith('7.511.500') && c.includes('Fisik 100,00%'))).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '03-programs-2025');

    await open(page, e2e.base, '/a/diskopum/evaluation');
    await page.getByTestId('scores').waitFor();
    expect(await page.getByTestId('scores').textContent()).toContain('87,24');
    // the grade is derived from the score (PermenPAN-RB 88/2021), the demo printing none
    expect(await page.getByTestId('score-grade').first().textContent()).toBe('A / Memuaskan');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '04-evaluation');

    await open(page, e2e.base, '/a/diskopum/agreements/print/pk-2025');
    const doc = page.getByTestId('agreement-document');
    await doc.waitFor();
    expect(await doc.textContent()).toContain('PERJANJIAN KINERJA TAHUN 2025');
    expect(await doc.textContent()).toContain('10 Februari 2025');
    await shot(page, '05-agreement-print');
  });

  it('an operator enters a Q4 realization, sees achievement and predicate change, and keeps the input through a 409 conflict', async () => {
    const s = await as('operator@diskopum');
    const { page, context } = s;
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Operator · Diskopum');
    await open(page, e2e.base, KOP_ROUTE);
    const editor = page.getByTestId('editor');
    await editor.waitFor();
    // not measured yet: no realization for 2026
    expect(await page.getByTestId('outcome-achievement').first().textContent()).toBe('—');
    expect(await page.getByTestId('outcome-predicate').first().textContent()).toMatch(/Belum terukur/);

    await page.getByLabel('Periode').selectOption('Q4');
    await page.getByLabel(/^Pembilang/).fill('100');
    await page.getByLabel(/^Penyebut/).fill('857');
    // the value is computed as it is typed
    expect(await page.getByTestId('computed').textContent()).toBe('11,67');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    // a draft does not move the official figure: it stands apart, awaiting approval
    const low = expectedAchievement(100, 857, KOP_TARGET_2026);
    await page.getByTestId('outcome-pending-achievement').first().filter({ hasText: low }).waitFor();
    expect(await page.getByTestId('outcome-pending-predicate').first().textContent()).toBe('Sangat Rendah');
    expect(await page.getByTestId('outcome-pending').first().textContent()).toContain('Menunggu persetujuan');
    expect(await page.getByTestId('outcome-achievement').first().textContent()).toBe('—');
    expect(await page.getByTestId('outcome-predicate').first().textContent()).toMatch(/Belum terukur: realisasi menunggu persetujuan/);
    await page.locator('[data-testid="entries"] tr[data-period="Q4"]').locator('.state', { hasText: 'Draf' }).waitFor();

    // someone changes the same draft behind this page's back (another tab of the same operator)
    const list = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/realizations?year=2026')).json as {
      indicators: { ref: string; entries: { version: string; record: { period?: string } }[] }[];
    };
    const q4 = list.indicators.find((i) => i.ref === KOP)?.entries.find((e) => e.record.period === 'Q4');
    expect(q4).toBeDefined();
    const behind = await apiCall(context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', {
      indicator: KOP,
      year: 2026,
      period: 'Q4',
      version: q4!.version,
      numerator: 200,
      denominator: 857,
    });
    expect(behind.status).toBe(200);

    await page.getByLabel(/^Pembilang/).fill('400');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('409');
    expect(await conflict.textContent()).toContain('200 / 857');
    // the user's input is still there
    expect(await page.getByLabel(/^Pembilang/).inputValue()).toBe('400');
    expect(await page.getByLabel(/^Penyebut/).inputValue()).toBe('857');
    await shot(page, '06-realization-conflict');

    await page.getByRole('button', { name: 'Muat data terbaru (isian Anda tetap)' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByLabel(/^Pembilang/).inputValue()).toBe('400');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    const high = expectedAchievement(400, 857, KOP_TARGET_2026);
    await page.getByTestId('outcome-pending-achievement').first().filter({ hasText: high }).waitFor();
    expect(await page.getByTestId('outcome-pending-predicate').first().textContent()).toBe('Sangat Tinggi');
    expect(await page.getByTestId('outcome-achievement').first().textContent()).toBe('—');

    // evidence: a PDF attached to the draft
    await page.getByLabel('Unggah bukti (PDF, JPG, PNG)').setInputFiles({
      name: 'berita-acara-tw4.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const evidence = page.locator('[data-testid="entries"] tr[data-period="Q4"]').getByRole('link', { name: 'berita-acara-tw4.pdf' });
    await evidence.waitFor();
    expect(await evidence.getAttribute('href')).toMatch(/^\/api\/agencies\/diskopum\/evidence\/ev_[0-9a-f]{24}$/);
    expect(await fitsWidth(page)).toBe(true);

    // submit it for verification
    const row = page.locator('[data-testid="entries"] tr[data-period="Q4"]');
    await row.getByRole('button', { name: 'Ajukan' }).click();
    await row.locator('.state', { hasText: 'Diajukan' }).waitFor();
    await shot(page, '07-realization-submitted');
    expect(s.errors).toEqual([]);
  });

  it('a planner drafts the 2026 agreement from the plan, verifies the realization and amends the agreement keeping the original', async () => {
    const { page } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/agreements/2026');
    await page.getByRole('link', { name: 'Susun PK 2026 dari Renstra' }).click();
    // the Renstra 2021-2026 still runs in 2026 and holds the indicator the operator enters
    await page.getByLabel('Renstra acuan').selectOption('renstra-2021-2026');
    await page.getByLabel('Tanggal penandatanganan').fill('15/01/2026');
    const sakip = page.getByLabel('Target PK Nilai SAKIP OPD');
    expect(await sakip.inputValue()).toBe('85'); // prefilled from the plan
    await sakip.fill('85,5');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const pk = page.getByTestId('agreement-pk-2026');
    await pk.waitFor();
    const sakipRow = pk.locator('tr', { hasText: 'Nilai SAKIP OPD' });
    expect(await sakipRow.getAttribute('class')).toContain('differs');
    expect(await sakipRow.locator('.diff').textContent()).toContain('+0,5');
    expect(await pk.locator('tr', { hasText: 'Persentase Koperasi Sehat' }).locator('td.num').nth(1).textContent()).toBe('40');

    // verify the operator's submitted Q4 entry
    await open(page, e2e.base, KOP_ROUTE);
    const row = page.locator('[data-testid="entries"] tr[data-period="Q4"]');
    await row.getByRole('button', { name: 'Verifikasi' }).click();
    await row.locator('.state', { hasText: 'Diverifikasi' }).waitFor();

    // amend the 2026 agreement: a new PK Perubahan, the original stays
    await open(page, e2e.base, '/a/diskopum/agreements/2026');
    await page.getByRole('link', { name: 'Susun PK Perubahan' }).click();
    await page.getByLabel('Tanggal penandatanganan').fill('01/07/2026');
    await page.getByRole('button', { name: 'Susun PK Perubahan' }).click();
    const amended = page.getByTestId('agreement-pk-2026-perubahan');
    await amended.waitFor();
    const card = page.locator('.card', { has: amended });
    await card.getByRole('button', { name: /Target PK/ }).click();
    await card.getByLabel('Target PK Persentase Koperasi Sehat').fill('45');
    await card.getByRole('button', { name: 'Simpan' }).click();
    const kopRow = amended.locator('tr', { hasText: 'Persentase Koperasi Sehat' });
    await kopRow.getByText('semula 40').waitFor();
    expect(await kopRow.locator('.diff').textContent()).toContain('+5');
    // the original keeps its target
    expect(await pk.locator('tr', { hasText: 'Persentase Koperasi Sehat' }).locator('td.num').nth(1).textContent()).toBe('40');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '08-agreements-2026');

    // the dashboard: the verified (not yet approved) entry is no official figure; its figure stands apart,
    // measured against the amended row's new target
    await open(page, e2e.base, '/a/diskopum/dashboard/2026');
    const dashRow = page.getByTestId('rows-pk-2026-perubahan').locator(`tr[data-indicator="${KOP}"]`);
    await dashRow.waitFor();
    expect(await dashRow.locator('[data-col="achievement"]').textContent()).toBe('—');
    expect(await dashRow.locator('[data-col="pending"]').textContent()).toContain(expectedAchievement(400, 857, 45));
    expect(await dashRow.locator('[data-col="pending"]').textContent()).toContain('Diverifikasi');
    expect(await page.getByTestId('rows-pk-2026').locator(`tr[data-indicator="${KOP}"] [data-col="pending"]`).textContent()).toContain(
      expectedAchievement(400, 857, KOP_TARGET_2026),
    );
    expect(await page.getByTestId('official-note').textContent()).toContain('Angka resmi hanya memuat realisasi yang disetujui');
    expect(Number(await page.getByTestId('pending-count').textContent())).toBeGreaterThan(0);
    await shot(page, '09-dashboard-2026');
  });

  it('the head approves and the entry is locked', async () => {
    const { page } = await as('kepala@diskopum');
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Kepala Perangkat Daerah · Diskopum');
    await open(page, e2e.base, KOP_ROUTE);
    const row = page.locator('[data-testid="entries"] tr[data-period="Q4"]');
    await row.getByRole('button', { name: 'Setujui' }).click();
    await row.locator('.state', { hasText: 'Disetujui' }).waitFor();
    // each measured row says where it is measured: both agreements and the plan
    const outcome = page.getByTestId('outcome');
    const amendedRow = outcome.locator('tr', { hasText: 'Perjanjian Kinerja Perubahan Tahun 2026' });
    expect(await amendedRow.getByTestId('outcome-achievement').textContent()).toBe(expectedAchievement(400, 857, 45));
    expect(await outcome.locator('tr', { hasText: 'Perjanjian Kinerja Tahun 2026' }).getByTestId('outcome-achievement').textContent()).toBe(
      expectedAchievement(400, 857, KOP_TARGET_2026),
    );
    expect(await outcome.locator('tbody tr').count()).toBe(3);
    expect(await outcome.getByTestId('outcome-pending').count()).toBe(0);
    expect(await outcome.locator('tbody tr').last().textContent()).toContain('Renstra (target tahunan)');
    await page.getByLabel('Periode').selectOption('Q4');
    expect(await page.getByRole('button', { name: 'Simpan draf' }).isDisabled()).toBe(true);
    await shot(page, '10-realization-approved');

    // approved: now the official figure on the dashboard, nothing awaiting approval beside it
    await open(page, e2e.base, '/a/diskopum/dashboard/2026');
    const approvedRow = page.getByTestId('rows-pk-2026-perubahan').locator(`tr[data-indicator="${KOP}"]`);
    await approvedRow.waitFor();
    expect(await approvedRow.locator('[data-col="achievement"]').textContent()).toBe(expectedAchievement(400, 857, 45));
    expect(await approvedRow.locator('[data-col="pending"]').count()).toBe(0);

    // the operator can no longer change it
    const op = await as('operator@diskopum');
    await open(op.page, e2e.base, KOP_ROUTE);
    await op.page.getByLabel('Periode').selectOption('Q4');
    expect(await op.page.getByLabel(/^Pembilang/).isDisabled()).toBe(true);
    const refused = await apiCall(op.context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', {
      indicator: KOP,
      year: 2026,
      period: 'Q4',
      numerator: 1,
      denominator: 857,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });

  it('the admin imports a second agency in the browser (errors listed by path first) and sees the region side by side', async () => {
    const demo = JSON.parse(await readFile(join(REPO, 'examples', 'diskopum-jember-2025.json'), 'utf8')) as {
      agency: Record<string, unknown>;
      plans: { goals: Record<string, unknown>[] }[];
    };
    demo.agency.name = 'Dinas Kesehatan';
    demo.agency.abbreviation = 'Dinkes';
    const broken = structuredClone(demo);
    delete broken.agency.name;
    broken.plans[0]!.goals[0]!.colour = 'biru';

    const { page, context } = await as('admin@demo');
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Admin (Bappeda) · Kabupaten Jember');
    await open(page, e2e.base, '/a/diskopum/data');
    const file = page.getByLabel('Berkas dataset');
    await file.setInputFiles({ name: 'rusak.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole('button', { name: 'Impor' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    // each finding at its place in words (the path stays in data-where, never on the screen)
    expect(await errors.locator('[data-where="agency.name"]').count()).toBeGreaterThan(0);
    expect(await errors.locator('[data-where^="plans[0].goals[0]"]').count()).toBeGreaterThan(0);
    expect(text).not.toContain('agency.name');
    // in the interface's language: the server's Indonesian text of each finding
    expect(text).toContain('isian wajib tidak ada: seharusnya berupa teks');
    expect(text).toContain('isian "colour" tidak dikenal (bukan bagian dari Goal');
    expect(text).not.toContain('required field missing');
    await shot(page, '11-import-errors');

    await file.setInputFiles({ name: 'dinkes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(demo)) });
    await page.getByRole('button', { name: 'Impor' }).click();
    // a new agency: the check shows what it brings, and nothing is stored until confirmed
    await page.getByTestId('import-detail-dinkes').getByText('perangkat daerah baru').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Simpan perubahan ini' }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-done').textContent()).toContain('dinkes');

    const created = await apiCall(context, e2e.base, 'POST', '/api/accounts', {
      username: 'operator@dinkes',
      name: 'Operator Dinkes',
      role: 'operator',
      agencyId: 'dinkes',
      unitId: 'bid-kelembagaan',
      password: 'rahasia-dinkes-2025',
    });
    expect(created.status).toBe(201);

    await open(page, e2e.base, '/region/Kabupaten%20Jember/2025');
    const table = page.getByTestId('region-agencies');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.textContent()).toContain('Diskopum');
    expect(await table.textContent()).toContain('Dinkes');
    await page.locator('.chart svg').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '12-region-dashboard');
  });

  it("an operator of another agency is refused the first agency's pages and requests", async () => {
    const { page, context } = await as('operator@dinkes', 'rahasia-dinkes-2025');
    await expect.poll(() => page.getByTestId('user-role').textContent()).toBe('Operator · Dinkes');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Tugas saya');

    for (const route of ['/a/diskopum/dashboard/2025', KOP_ROUTE, '/a/diskopum/agreements/2026', '/a/diskopum/plans']) {
      await page.goto(`${e2e.base}/#${route}`);
      const alert = page.locator('main [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/tidak ditemukan|tidak berwenang/);
      // no data of the agency: only the error (with where it happened) is shown
      expect(await page.locator('main table:not(.findings)').count()).toBe(0);
    }
    await shot(page, '13-other-agency-refused');

    for (const path of ['/api/agencies/diskopum', '/api/agencies/diskopum/dashboard?year=2025', '/api/agencies/diskopum/realizations?year=2026', '/api/agencies/diskopum/export']) {
      const res = await apiCall(context, e2e.base, 'GET', path);
      expect([403, 404], path).toContain(res.status);
    }
    const write = await apiCall(context, e2e.base, 'PUT', '/api/agencies/diskopum/realizations', {
      indicator: KOP,
      year: 2026,
      period: 'Q3',
      numerator: 1,
      denominator: 2,
    });
    expect([403, 404]).toContain(write.status);
    const agencies = (await apiCall(context, e2e.base, 'GET', '/api/agencies')).json as { agencies: { id: string }[] };
    expect(agencies.agencies.map((a) => a.id)).toEqual(['dinkes']);
  });

  it('overdue recommendations stand out; the dataset exports from the browser with the approved realization', async () => {
    const evaluator = await as('inspektorat@demo');
    const added = await apiCall(evaluator.context, e2e.base, 'POST', '/api/agencies/diskopum/evaluation/recommendations', {
      recommendation: { id: 'rek-e2e', year: 2025, text: 'Lengkapi bukti dukung realisasi triwulan', action: 'Unggah bukti', owner: 'Sekretariat', status: 'open', due: '2025-01-31' },
    });
    expect(added.status).toBe(201);

    const { page, context } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/evaluation');
    const row = page.getByTestId('recommendations').locator('tr', { hasText: 'Lengkapi bukti dukung realisasi triwulan' });
    await row.waitFor();
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await row.textContent()).toContain('31 Januari 2025');
    expect(await row.textContent()).toContain('Lewat batas waktu');

    await open(page, e2e.base, '/a/diskopum/data');
    const href = await page.getByTestId('export-link').getAttribute('href');
    expect(href).toBe('/api/agencies/diskopum/export');
    const res = await context.request.get(`${e2e.base}${href}`);
    expect(res.status()).toBe(200);
    const ds = (await res.json()) as { format: string; realizations: { indicator: string; year: number; period?: string; state?: string; numerator?: number }[] };
    expect(ds.format).toBe('kinerja-dataset/1');
    const q4 = ds.realizations.find((r) => r.indicator === KOP && r.year === 2026 && r.period === 'Q4');
    expect(q4).toMatchObject({ state: 'approved', numerator: 400 });
    await shot(page, '14-data');
  });

  it('works on a tablet (820×1180, touch): dashboard and realization entry fit the screen', async () => {
    const tablet = await e2e.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    const page = await tablet.newPage();
    sessions.push({ context: tablet, page, errors: [], csp: [] });
    await page.goto(e2e.base);
    await page.getByLabel('Email atau nama pengguna').fill('operator@diskopum');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.getByTestId('user-name').waitFor();
    await open(page, e2e.base, '/a/diskopum/dashboard/2026');
    await page.getByTestId('rows-pk-2026').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '15-tablet-dashboard');
    await open(page, e2e.base, KOP_ROUTE);
    await page.getByTestId('editor').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '16-tablet-realization');
  });
});
