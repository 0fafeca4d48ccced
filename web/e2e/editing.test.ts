/**
 * End to end, the editing pages: accounts (the region's admin), one's own password and signing
 * out everywhere, the LKIP narrative, the plan's goals and indicators, and a program node's
 * budget stages and supported indicators. The real server with the demo agency and Debian's
 * Chromium at 1366×768, as in app.test.ts: one server and one browser for the file, each role in
 * its own browser context; the steps build on each other in order. Screenshots go to
 * artifacts/screenshots/ (20-…).
 */
import { describe, expect, it } from 'vitest';
import { dayText } from '../../src/core/date-input.js';
import { formatRupiah } from '../../src/core/format.js';
import { apiCall, fitsWidth, open, shot, useE2E, type Session } from './harness.js';

const e2e = useE2E();
const { as, sessions } = e2e;
/** the admin's browser context, for reading the accounts the other roles may not */
let admin: Session;

/** An amount as a program table cell prints it (`8.520.000`), read back as a number. */
const amountOf = (text: string | null) => Number((text ?? '').trim().replace(/\./g, '').replace(',', '.'));
const cell = (amount: number) => formatRupiah(amount).replace('Rp ', '');

const NEW_LOGIN = 'pemasaran@diskopum';
const NEW_PASSWORD = 'pemasaran-rahasia-1';

describe('accounts', () => {
  it('an admin creates an operator account in the browser (a taken login is shown at its field) and it signs in with that role', async () => {
    admin = await as('admin@demo');
    const { page } = admin;
    await page.getByRole('link', { name: 'Akun pengguna' }).click();
    await page.getByRole('heading', { name: 'Akun pengguna Kabupaten Jember' }).waitFor();
    const table = page.getByTestId('accounts');
    await table.locator('tr[data-account="perencana@diskopum"]').waitFor();
    expect(await table.locator('tr[data-account="perencana@diskopum"] [data-col="role"]').textContent()).toBe('Perencana');
    expect(await table.locator('tr[data-account="perencana@diskopum"] [data-col="agency"]').textContent()).toBe('Diskopum');

    const form = page.getByTestId('new-account');
    // a login that is taken: the server's 409 is shown beside the login field
    await form.getByLabel('Nama pengguna').fill('operator@diskopum');
    await form.getByLabel('Nama', { exact: true }).fill('Duplikat');
    await form.getByLabel('Peran', { exact: true }).selectOption('operator');
    await form.getByLabel('Perangkat Daerah').selectOption('diskopum');
    await form.getByLabel('Unit kerja').selectOption('bid-pemasaran');
    await form.getByLabel(/^Kata sandi awal/).fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Buat akun' }).click();
    const loginError = form.locator('#na-username-error');
    await loginError.waitFor();
    expect(await loginError.textContent()).toContain('operator@diskopum');
    expect(await form.getByLabel('Nama pengguna').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Nama pengguna').fill(NEW_LOGIN);
    await form.getByLabel('Nama', { exact: true }).fill('Operator Bidang Pemasaran');
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByTestId('account-created').waitFor();
    const row = table.locator(`tr[data-account="${NEW_LOGIN}"]`);
    await row.waitFor();
    expect(await row.locator('[data-col="role"]').textContent()).toBe('Operator');
    // the unit by its name, never its id
    expect(await row.textContent()).toContain('Bidang Pemasaran');
    expect(await row.textContent()).not.toContain('bid-pemasaran');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '20-accounts');

    const created = await as(NEW_LOGIN, NEW_PASSWORD);
    await expect.poll(() => created.page.getByTestId('user-role').textContent()).toBe('Operator · Diskopum');
    const session = (await apiCall(created.context, e2e.base, 'GET', '/api/auth/session')).json as { user: { role: string; agencyId: string; unitId: string } };
    expect(session.user).toMatchObject({ role: 'operator', agencyId: 'diskopum', unitId: 'bid-pemasaran' });
    // an operator has no accounts link
    expect(await created.page.getByRole('link', { name: 'Akun pengguna' }).count()).toBe(0);

    // the admin makes it a planner: the new role ends its sessions, and it signs in as a planner
    await row.getByRole('button', { name: `Ubah ${NEW_LOGIN}` }).click();
    const edit = page.getByRole('form', { name: `Ubah ${NEW_LOGIN}` });
    await edit.getByLabel('Peran', { exact: true }).selectOption('planner');
    expect(await edit.getByLabel('Unit kerja').count()).toBe(0);
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => row.locator('[data-col="role"]').textContent()).toBe('Perencana');
    expect((await apiCall(created.context, e2e.base, 'GET', '/api/auth/session')).status).toBe(401);
    const again = await as(NEW_LOGIN, NEW_PASSWORD);
    await expect.poll(() => again.page.getByTestId('user-role').textContent()).toBe('Perencana · Diskopum');
  });

  it('a non-admin has no accounts link, and the accounts API and page refuse them', async () => {
    type Listed = { accounts: { record: { id: string; username: string; role: string; active: boolean }; version: string }[] };
    const list = async () => (await apiCall(admin.context, e2e.base, 'GET', '/api/accounts')).json as Listed;
    const target = (await list()).accounts.find((a) => a.record.username === 'operator@diskopum')!;
    for (const login of ['perencana@diskopum', 'inspektorat@demo']) {
      const { page, context } = await as(login);
      await page.locator('main h1').first().waitFor();
      expect(await page.getByRole('link', { name: 'Akun pengguna' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Akun saya' }).count()).toBe(1);
      expect((await apiCall(context, e2e.base, 'GET', '/api/accounts')).status).toBe(403);
      const create = await apiCall(context, e2e.base, 'POST', '/api/accounts', {
        username: 'penyusup@diskopum',
        name: 'Penyusup',
        role: 'planner',
        agencyId: 'diskopum',
        password: 'rahasia-sekali',
      });
      expect(create.status).toBe(403);
      const patch = await apiCall(context, e2e.base, 'PATCH', `/api/accounts/${target.record.id}`, { version: target.version, active: false });
      expect(patch.status).toBe(403);
      // the address typed by hand shows the server's refusal and no list
      await page.goto(`${e2e.base}/#/accounts`);
      const alert = page.locator('main [role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('tidak berwenang');
      expect(await page.getByTestId('accounts').count()).toBe(0);
    }
    // the refused requests changed nothing
    const after = await list();
    expect(after.accounts.find((a) => a.record.username === 'operator@diskopum')).toEqual(target);
    expect(after.accounts.some((a) => a.record.username === 'penyusup@diskopum')).toBe(false);
  });

  it("the user changes their own password (a wrong current one is shown at its field) and signs out everywhere", async () => {
    const first = await as(NEW_LOGIN, NEW_PASSWORD);
    const second = await as(NEW_LOGIN, NEW_PASSWORD);
    const { page } = first;
    await page.getByRole('link', { name: 'Akun saya' }).click();
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor();
    expect(await page.getByTestId('own-account').textContent()).toContain(NEW_LOGIN);

    // sign out everywhere from the second browser: the first's session ends too
    await second.page.getByRole('link', { name: 'Akun saya' }).click();
    await second.page.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await second.page.getByTestId('signin-notice').waitFor();
    expect(await second.page.getByTestId('signin-notice').textContent()).toBe('Anda telah keluar dari semua perangkat.');
    expect((await apiCall(first.context, e2e.base, 'GET', '/api/auth/session')).status).toBe(401);

    const again = await as(NEW_LOGIN, NEW_PASSWORD);
    const p = again.page;
    await open(p, e2e.base, '/account');
    await p.getByLabel('Kata sandi saat ini').fill('bukan-kata-sandinya');
    await p.getByLabel(/^Kata sandi baru/).fill('pemasaran-baru-22');
    await p.getByLabel('Ulangi kata sandi baru').fill('pemasaran-baru-22');
    await p.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await p.locator('#pw-current-error').waitFor();
    expect(await p.locator('#pw-current-error').textContent()).toBe('Kata sandi saat ini salah.');
    expect(await p.getByLabel('Kata sandi saat ini').getAttribute('aria-invalid')).toBe('true');
    expect(await fitsWidth(p)).toBe(true);
    await shot(p, '21-own-account');

    await p.getByLabel('Kata sandi saat ini').fill(NEW_PASSWORD);
    await p.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await p.getByTestId('signin-notice').waitFor();
    expect(await p.getByTestId('signin-notice').textContent()).toContain('Kata sandi telah diganti');
    expect((await apiCall(again.context, e2e.base, 'GET', '/api/auth/session')).status).toBe(401);
    // the old password no longer works, the new one does
    expect((await apiCall(again.context, e2e.base, 'POST', '/api/auth/sign-in', { username: NEW_LOGIN, password: NEW_PASSWORD })).status).toBe(401);
    await p.getByLabel('Email atau nama pengguna').fill(NEW_LOGIN);
    await p.getByLabel('Kata sandi').fill('pemasaran-baru-22');
    await p.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => p.getByTestId('user-role').textContent()).toBe('Perencana · Diskopum');
  });
});

describe('narrative', () => {
  it('a planner edits the narrative, reloads and sees it kept; the LKIP prints it; a conflict keeps the input', async () => {
    const { page, context } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/narrative');
    await page.getByRole('link', { name: 'Narasi LKIP' }).waitFor();
    const background = page.getByLabel('Latar belakang', { exact: true });
    await background.waitFor();
    // the year of the latest agreement, 2025; the demo's one narrative (undated) is its text until 2025 has its own
    expect(await page.getByLabel('Tahun laporan').inputValue()).toBe('2025');
    await page.getByTestId('narrative-fallback').waitFor();
    const before = await background.inputValue();
    expect(before.length).toBeGreaterThan(100);
    const added = 'Kalimat tambahan e2e: koperasi dan usaha mikro tumbuh bersama.';
    await background.fill(`${before}\n\n${added}`);
    const steps = page.getByLabel('Langkah perbaikan kinerja');
    const stepsBefore = await steps.inputValue();
    await steps.fill(`${stepsBefore}\nMemperbarui basis data UMKM setiap triwulan`);
    // an analysis of an indicator: causes and solutions
    const analysis = page.locator('fieldset[data-subject="renstra-2025-2029/UM_AKTIF"]');
    await analysis.getByLabel('Faktor penghambat').fill('Pendamping usaha terbatas\nData usaha mikro belum tunggal');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('narrative-saved').waitFor();
    expect(await page.getByTestId('narrative-fallback').count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '22-narrative');

    await page.reload();
    await page.getByLabel('Latar belakang', { exact: true }).waitFor();
    expect(await page.getByTestId('narrative-fallback').count()).toBe(0);
    expect(await page.getByLabel('Latar belakang', { exact: true }).inputValue()).toContain(added);
    expect(await page.getByLabel('Langkah perbaikan kinerja').inputValue()).toContain('Memperbarui basis data UMKM setiap triwulan');
    expect(await page.locator('fieldset[data-subject="renstra-2025-2029/UM_AKTIF"]').getByLabel('Faktor penghambat').inputValue()).toBe(
      'Pendamping usaha terbatas\nData usaha mikro belum tunggal',
    );
    // what the page does not show is kept as it was read
    const stored = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/narrative?year=2025')).json as {
      record: { year: number; extra: Record<string, unknown>; analyses: unknown[] };
      version: string;
    };
    expect(stored.record.year).toBe(2025);
    expect(Object.keys(stored.record.extra)).toEqual(expect.arrayContaining(['headOfRegionSupport', 'measurementFramework', 'reportingBasis']));
    // the LKIP prints the new background and step
    const lkip = await context.request.get(`${e2e.base}/api/agencies/diskopum/reports/lkip?year=2025&format=html`);
    expect(lkip.status()).toBe(200);
    const html = await lkip.text();
    expect(html).toContain('Kalimat tambahan e2e');
    expect(html).toContain('Memperbarui basis data UMKM setiap triwulan');

    // someone saves the narrative behind this page's back: saving here answers 409, the input stays
    const behind = await apiCall(context, e2e.base, 'PUT', '/api/agencies/diskopum/narrative?year=2025', { version: stored.version, narrative: { ...stored.record, purpose: 'Diubah di tab lain.' } });
    expect(behind.status).toBe(200);
    await page.getByLabel('Kesimpulan').fill('Kesimpulan baru dari e2e.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByLabel('Kesimpulan').inputValue()).toBe('Kesimpulan baru dari e2e.');
    await page.getByRole('button', { name: 'Muat data terbaru (isian Anda tetap)' }).click();
    await page.getByTestId('conflict').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('narrative-saved').waitFor();
    const after = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/narrative?year=2025')).json as { record: { conclusions: string } };
    expect(after.record.conclusions).toBe('Kesimpulan baru dari e2e.');
  });

  it('in the second year the planner writes the 2026 narrative; 2025 stays as it was, in the page and in its LKIP', async () => {
    const { page, context } = await as('perencana@diskopum');
    const read = async (year: number) =>
      (await apiCall(context, e2e.base, 'GET', `/api/agencies/diskopum/narrative?year=${year}`)).json as { record: Record<string, unknown> & { year?: number }; version: string; years: number[] };
    const n2025 = await read(2025);
    const lkip2025 = await (await context.request.get(`${e2e.base}/api/agencies/diskopum/reports/lkip?year=2025&format=html`)).text();
    // the year 2026 begins with its agreement (PK 2026, drafted from the new Renstra)
    const pk = await apiCall(context, e2e.base, 'POST', '/api/agencies/diskopum/agreements', { plan: 'renstra-2025-2029', year: 2026, signedOn: '2026-02-09' });
    expect(pk.status).toBe(201);
    try {
      await open(page, e2e.base, '/a/diskopum/narrative');
      const yearSelect = page.getByLabel('Tahun laporan');
      await yearSelect.waitFor();
      // the latest agreement's year is the default; without its own narrative it opens with the undated one's text
      await expect.poll(() => yearSelect.inputValue()).toBe('2026');
      expect(await yearSelect.locator('option').allTextContents()).toEqual(['2025', '2026']);
      await page.getByTestId('narrative-fallback').waitFor();
      const foreword = page.getByLabel('Kata pengantar', { exact: true });
      await foreword.fill('Kata pengantar Laporan Kinerja Tahun 2026, ditulis pada tahun kedua.');
      await page.getByLabel('Tanggal penandatanganan').fill('15/02/2027');
      await page.getByLabel('Kesimpulan').fill('Kesimpulan tahun 2026.');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByTestId('narrative-saved').waitFor();
      expect(await page.getByTestId('narrative-fallback').count()).toBe(0);

      // back to 2025 with the selector: its text is as it was
      await yearSelect.selectOption('2025');
      await expect.poll(() => page.getByLabel('Kesimpulan').inputValue()).toBe('Kesimpulan baru dari e2e.');
      expect(await page.getByLabel('Kata pengantar', { exact: true }).inputValue()).toBe(n2025.record.foreword);
      // the day as Indonesians write it (dd/mm/yyyy), read back in words under the field
      expect(await page.getByLabel('Tanggal penandatanganan').inputValue()).toBe(dayText(n2025.record.signedOn as string));
      // and 2026 again, from its address, holds what was written
      await open(page, e2e.base, '/a/diskopum/narrative/2026');
      await expect.poll(() => page.getByLabel('Kesimpulan').inputValue()).toBe('Kesimpulan tahun 2026.');
      await shot(page, '22-narrative-2026');

      const n2026 = await read(2026);
      expect(n2026.record).toMatchObject({ year: 2026, signedOn: '2027-02-15', conclusions: 'Kesimpulan tahun 2026.' });
      expect(n2026.years).toEqual([2025, 2026]);
      expect(await read(2025)).toEqual({ ...n2025, years: [2025, 2026] });
      // the 2025 LKIP is the same document as before; the 2026 LKIP prints the 2026 narrative
      expect(await (await context.request.get(`${e2e.base}/api/agencies/diskopum/reports/lkip?year=2025&format=html`)).text()).toBe(lkip2025);
      const lkip2026 = await (await context.request.get(`${e2e.base}/api/agencies/diskopum/reports/lkip?year=2026&format=html`)).text();
      expect(lkip2026).toContain('Kata pengantar Laporan Kinerja Tahun 2026, ditulis pada tahun kedua.');
      expect(lkip2026).toContain('15 Februari 2027');
      expect(lkip2026).toContain('Kesimpulan tahun 2026.');
      expect(lkip2026).not.toContain('Kesimpulan baru dari e2e.');
    } finally {
      // the later steps read the demo's years: the 2026 agreement goes again
      const made = (pk.json as { record: { id: string }; version: string } | null);
      if (made) expect((await apiCall(context, e2e.base, 'DELETE', `/api/agencies/diskopum/agreements/${made.record.id}?version=${encodeURIComponent(made.version)}`)).status).toBe(200);
    }
  });

  it('the head reads the narrative without a way to change it', async () => {
    const { page, context } = await as('kepala@diskopum');
    await open(page, e2e.base, '/a/diskopum/narrative');
    const background = page.getByLabel('Latar belakang', { exact: true });
    await background.waitFor();
    expect(await background.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Simpan' }).count()).toBe(0);
    const put = await apiCall(context, e2e.base, 'PUT', '/api/agencies/diskopum/narrative', { narrative: { background: 'x' } });
    expect(put.status).toBe(403);
  });
});

type PlanList = { plans: { id: string; goals: { record: { id: string } }[]; indicators: { record: Record<string, unknown> & { id: string; targets?: Record<string, number> }; version: string }[] }[] };

describe('plans', () => {
  it('a planner edits an indicator target and sees it in the plan, the rest of the indicator kept', async () => {
    const { page, context } = await as('perencana@diskopum');
    const read = async () => ((await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/plans')).json as PlanList).plans.find((p) => p.id === 'renstra-2025-2029')!;
    const before = (await read()).indicators.find((i) => i.record.id === 'UM_AKTIF')!.record;
    expect(before.targets?.['2027']).toBe(23.5);

    await open(page, e2e.base, '/a/diskopum/plans');
    const card = page.locator('[data-indicator="renstra-2025-2029/UM_AKTIF"]');
    await card.getByRole('button', { name: 'Ubah Persentase Usaha Mikro Aktif' }).click();
    const form = page.locator('form.indicator-form');
    await form.waitFor();
    expect(await form.getByLabel('Target 2027').inputValue()).toBe('23,5');
    expect(await form.getByLabel('Kondisi awal', { exact: true }).inputValue()).toBe('22,3');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '23-plans-indicator-edit');
    // by keyboard: the field, a new value, Enter saves
    await form.getByLabel('Target 2027').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('24,75');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.locator('td[data-year="2027"]').textContent()).toBe('24,75');

    const after = (await read()).indicators.find((i) => i.record.id === 'UM_AKTIF')!.record;
    expect(after).toEqual({ ...before, targets: { ...before.targets, '2027': 24.75 } });
  });

  it('a planner adds a goal with its cascade and an indicator under it; removing a goal still measured is refused with the findings; both are removed', async () => {
    const { page, context } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/plans');
    const t1 = page.locator('li[data-goal="renstra-2025-2029/T1"]');
    await t1.getByRole('button', { name: 'Tambah di bawahnya T1' }).first().click();
    const goalForm = page.getByRole('form', { name: 'Tujuan/sasaran baru' });
    await goalForm.getByLabel('Kode (mis. S3)').fill('S3');
    expect(await goalForm.getByLabel('Jenis').inputValue()).toBe('sasaran');
    expect(await goalForm.getByLabel('Di bawah').inputValue()).toBe('T1');
    await goalForm.getByLabel('Pernyataan').fill('Meningkatnya kemitraan usaha mikro');
    await goalForm.getByRole('checkbox', { name: /M5-T1-S1/ }).check();
    await goalForm.getByRole('button', { name: 'Simpan' }).click();
    const s3 = page.locator('li[data-goal="renstra-2025-2029/S3"]');
    await s3.waitFor();
    // the supported goal by its plan's title and its statement, never its reference
    expect(await s3.locator('.cascade').textContent()).toMatch(/RPJMD .* — /);
    expect(await s3.locator('.cascade').textContent()).not.toContain('rpjmd-2025-2029/M5-T1-S1');

    await s3.getByRole('button', { name: 'Tambah indikator S3' }).click();
    const indForm = page.getByRole('form', { name: 'Indikator baru' });
    await indForm.getByLabel('Kode indikator (mis. IKU_3)').fill('UM_MITRA');
    await indForm.getByLabel('Nama indikator').fill('Persentase usaha mikro bermitra');
    expect(await indForm.getByLabel('Sasaran yang diukur').inputValue()).toBe('S3');
    await indForm.getByLabel('Satuan').fill('%');
    await indForm.getByLabel('Cara pengukuran').selectOption('ratio');
    await indForm.getByLabel('Pembilang').fill('Usaha mikro bermitra');
    await indForm.getByLabel('Penyebut').fill('Usaha mikro binaan');
    await indForm.getByRole('checkbox', { name: 'Bidang Pemasaran' }).check();
    // a number that is not one is shown at its field before anything is sent
    await indForm.getByLabel('Target 2026').fill('sepuluh');
    await indForm.getByRole('button', { name: 'Simpan' }).click();
    await indForm.locator('[id$="-t2026-error"]').waitFor();
    expect(await indForm.getByLabel('Target 2026').getAttribute('aria-invalid')).toBe('true');
    await indForm.getByLabel('Target 2026').fill('10');
    await indForm.getByLabel('Target 2029').fill('25');
    await indForm.getByRole('button', { name: 'Simpan' }).click();
    const card = page.locator('[data-indicator="renstra-2025-2029/UM_MITRA"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Rasio: Usaha mikro bermitra ÷ Usaha mikro binaan × 100');
    expect(await card.textContent()).toContain('Bidang Pemasaran');
    expect(await card.locator('td[data-year="2029"]').textContent()).toBe('25');

    // the goal is still measured by the indicator: the server refuses and says where
    await s3.getByRole('button', { name: 'Hapus Sasaran S3' }).click();
    await s3.getByRole('button', { name: 'Ya, hapus' }).click();
    const refused = s3.locator('.delete-error [role="alert"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('UM_MITRA');
    await shot(page, '24-plans-delete-refused');

    await card.getByRole('button', { name: 'Hapus Persentase usaha mikro bermitra' }).click();
    await card.getByRole('button', { name: 'Ya, hapus' }).press('Enter');
    await card.waitFor({ state: 'detached' });
    await s3.getByRole('button', { name: 'Hapus Sasaran S3' }).click();
    await s3.getByRole('button', { name: 'Ya, hapus' }).click();
    await s3.waitFor({ state: 'detached' });
    const plan = ((await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/plans')).json as PlanList).plans.find((p) => p.id === 'renstra-2025-2029')!;
    expect(plan.goals.map((g) => g.record.id)).toEqual(['T1', 'S1', 'S2']);
    expect(plan.indicators.some((i) => i.record.id === 'UM_MITRA')).toBe(false);
  });
});

describe('programs', () => {
  it('a planner changes a budget stage and sees the totals recomputed, then sets the indicators a node supports', async () => {
    const { page } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/programs/2025');
    const table = page.getByTestId('programs');
    await table.waitFor();
    await page.getByRole('button', { name: /^Buka/ }).first().click();
    const row = (id: string) => table.locator(`tr[data-node="${id}"]`);
    const final = async (id: string) => amountOf(await row(id).locator('[data-col="final"]').textContent());
    const total = async () => amountOf(await table.locator('tfoot [data-col="final"]').textContent());
    const before = { node: await final('p1-k1-s1'), kegiatan: await final('p1-k1'), program: await final('p1'), total: await total() };
    expect(amountOf(await row('p1-k1-s1').locator('[data-col="revised"]').textContent())).toBe(7_520_000);

    await row('p1-k1-s1').getByRole('button', { name: /^Ubah anggaran/ }).click();
    const form = page.locator('form.budget-form');
    expect(await form.getByLabel('Perubahan (Rp)').inputValue()).toBe('7520000');
    await form.getByLabel('Perubahan (Rp)').fill('8.520.000');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '25-programs-budget');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => row('p1-k1-s1').locator('[data-col="revised"]').textContent()).toBe(cell(8_520_000));
    // the final budget of the node, its kegiatan and program, and the table's total, each one million more
    expect(await final('p1-k1-s1')).toBe(before.node + 1_000_000);
    expect(await final('p1-k1')).toBe(before.kegiatan + 1_000_000);
    expect(await final('p1')).toBe(before.program + 1_000_000);
    expect(await total()).toBe(before.total + 1_000_000);
    expect(await table.locator('tfoot [data-col="final"]').textContent()).toBe(cell(before.total + 1_000_000));

    await row('p1-k1-s1').getByRole('button', { name: /^Ubah indikator didukung/ }).click();
    const supports = page.locator('form.supports-form');
    await supports.getByRole('checkbox', { name: /Persentase Usaha Mikro Aktif/ }).check();
    await supports.getByLabel('Porsi untuk Persentase Usaha Mikro Aktif (%)').fill('40');
    await supports.getByRole('button', { name: 'Simpan' }).click();
    await supports.waitFor({ state: 'detached' });
    await expect.poll(() => row('p1-k1-s1').textContent()).toContain('Indikator yang didukung: Persentase Usaha Mikro Aktif (40,00%)');
    await shot(page, '26-programs-supports');
  });
});

describe('the editing pages on a tablet', () => {
  it('the narrative, an indicator form and a budget form fit 820 px', async () => {
    const tablet = await e2e.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    const page = await tablet.newPage();
    sessions.push({ context: tablet, page, errors: [], csp: [] });
    await page.goto(e2e.base);
    await page.getByLabel('Email atau nama pengguna').fill('perencana@diskopum');
    await page.getByLabel('Kata sandi').fill('kinerja-demo');
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.getByTestId('user-name').waitFor();
    await open(page, e2e.base, '/a/diskopum/narrative');
    await page.getByTestId('narrative-form').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await open(page, e2e.base, '/a/diskopum/plans');
    await page.locator('[data-indicator="renstra-2025-2029/UM_FASILITASI"]').getByRole('button', { name: /^Ubah/ }).tap();
    await page.locator('form.indicator-form').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.locator('form.indicator-form').scrollIntoViewIfNeeded();
    await shot(page, '27-tablet-plans-edit');
    await open(page, e2e.base, '/a/diskopum/programs/2025');
    await page.getByTestId('programs').locator('tr[data-node="p1"]').getByRole('button', { name: /^Ubah anggaran/ }).tap();
    await page.locator('form.budget-form').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '28-tablet-budget');
  });
});

describe('the browser', () => {
  it('saw no uncaught error on any page of this file', () => {
    expect(sessions.length).toBeGreaterThan(5);
    expect(sessions.flatMap((s) => s.errors)).toEqual([]);
  });
});
