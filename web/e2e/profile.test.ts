/**
 * End to end, the agency's profile and removing an agreement drafted by mistake: a planner
 * changes the head and the address and sees them kept after a reload (and in the agreement
 * drafted afterwards), an operator reads the profile without a form, a planner removes a
 * mistaken 2027 agreement after confirming, and cannot remove one that is amended.
 */
import { describe, expect, it } from 'vitest';
import { apiCall, open, shot, useE2E } from './harness.js';

const e2e = useE2E();
const { as } = e2e;

describe('profile and agreement removal in the browser', () => {
  it("a planner changes the agency's head and address; they are kept, and an operator only reads them", async () => {
    const { page, errors } = await as('perencana@diskopum');
    await open(page, e2e.base, '/a/diskopum/profile');
    await page.getByRole('link', { name: 'Profil', exact: true }).waitFor();
    const form = page.getByRole('form', { name: 'Ubah profil' });
    // the region and the id are shown, not editable
    await page.getByTestId('profile').getByText('Kabupaten Jember', { exact: true }).waitFor();
    await form.getByLabel('Alamat').fill('Jl. Kalimantan No. 10, Jember');
    await form.getByLabel('NIP').fill('19700101 199003 1 001');
    await form.getByLabel('Tugas').fill('Membantu Bupati di bidang koperasi\nMembantu Bupati di bidang usaha mikro');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('Profil tersimpan.').waitFor();
    await page.reload();
    const facts = page.getByTestId('profile');
    await facts.getByText('Jl. Kalimantan No. 10, Jember').waitFor();
    expect(await facts.getByText('NIP. 19700101 199003 1 001').count()).toBe(1);
    expect(await facts.locator('ol li').allTextContents()).toContain('Membantu Bupati di bidang usaha mikro');
    await shot(page, '30-profile');

    const operator = await as('operator@diskopum');
    await open(operator.page, e2e.base, '/a/diskopum/profile');
    await operator.page.getByTestId('profile').getByText('Jl. Kalimantan No. 10, Jember').waitFor();
    expect(await operator.page.getByRole('form', { name: 'Ubah profil' }).count()).toBe(0);
    // and the server refuses the change from the operator as well
    const version = ((await apiCall(operator.context, e2e.base, 'GET', '/api/agencies/diskopum/profile')).json as { version: string }).version;
    const refused = await apiCall(operator.context, e2e.base, 'PATCH', '/api/agencies/diskopum/profile', { version, address: 'x' });
    expect(refused.status).toBe(403);
    expect(errors).toEqual([]);
  });

  it('a planner removes an agreement drafted by mistake after confirming; an amended one offers no removal', async () => {
    const { page, context, errors } = await as('perencana@diskopum');
    const drafted = await apiCall(context, e2e.base, 'POST', '/api/agencies/diskopum/agreements', {
      plan: 'renstra-2025-2029',
      year: 2027,
      id: 'pk-2027-keliru',
      signedOn: '2027-01-10',
    });
    expect(drafted.status).toBe(201);
    await open(page, e2e.base, '/a/diskopum/agreements/2027');
    const card = page.locator('.card', { has: page.getByTestId('agreement-pk-2027-keliru') });
    await card.getByRole('button', { name: 'Hapus' }).click();
    const ask = card.getByRole('alertdialog');
    await ask.getByText('Hapus Perjanjian Kinerja Tahun 2027?').waitFor();
    await shot(page, '31-agreement-remove');
    // cancelling keeps it
    await ask.getByRole('button', { name: 'Batal' }).click();
    expect(await page.getByTestId('agreement-pk-2027-keliru').count()).toBe(1);
    await card.getByRole('button', { name: 'Hapus' }).click();
    await card.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByRole('status').getByText('Perjanjian Kinerja Tahun 2027 telah dihapus.').waitFor();
    await page.getByTestId('agreement-pk-2027-keliru').waitFor({ state: 'detached' });
    const left = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/agreements?year=2027')).json as { agreements: unknown[] };
    expect(left.agreements).toEqual([]);

    // the 2025 original is amended: its card has no removal
    await open(page, e2e.base, '/a/diskopum/agreements/2025');
    const original = page.locator('.card', { has: page.getByTestId('agreement-pk-2025') });
    await original.getByRole('link', { name: 'Lihat naskah' }).waitFor();
    expect(await original.getByRole('button', { name: 'Hapus' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
