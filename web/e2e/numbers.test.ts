/**
 * End to end, numbers typed the Indonesian way (issue 10): the planner types "0,25", "1.234,5"
 * and "0.250" as the 2026 realization of a % indicator of the demo; the form shows what it read
 * before saving ("terbaca: 0,25"), refuses the ambiguous "0.250" with its hint and the share
 * above 100 % with its range, each marked on the field, and stores exactly 0.25. The real server
 * with the demo agency and Chromium, as in app.test.ts.
 */
import { expect, it } from 'vitest';
import { apiCall, open, shot, useE2E } from './harness.js';

const e2e = useE2E();
const { as } = e2e;

const UM_AKTIF = 'renstra-2025-2029/UM_AKTIF';
const ROUTE = `/a/diskopum/realizations/2026?indicator=${encodeURIComponent(UM_AKTIF)}`;

it('the planner types 0,25, 1.234,5 and 0.250: each is read (or refused) on the field, and 0,25 is stored as 0.25', async () => {
  const { page, context, errors } = await as('perencana@diskopum');
  await open(page, e2e.base, ROUTE);
  await page.getByTestId('editor').waitFor();
  await page.getByLabel('Periode').selectOption('Y');
  const field = page.locator('#r-value');
  // the valid range is said before anything is typed
  expect(await page.getByTestId('valid-range').textContent()).toBe('Rentang yang sah: 0 sampai 100 (persentase)');
  const stored = async () => {
    const list = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/realizations?year=2026')).json as {
      indicators: { ref: string; entries: { record: { value?: number; period?: string } }[] }[];
    };
    return list.indicators.find((i) => i.ref === UM_AKTIF)?.entries.map((e) => e.record.value) ?? [];
  };

  // "0.250": ambiguous, refused on the field with the hint, before anything is sent
  await field.fill('0.250');
  const error = page.getByTestId('r-value-error');
  await error.waitFor();
  expect(await error.textContent()).toBe(
    '"0.250" tidak jelas: titik adalah pemisah ribuan, padahal 0.250 bukan ribuan; tulis 0,25 (dengan koma) bila yang dimaksud bilangan desimal, atau 250 tanpa titik',
  );
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await field.getAttribute('aria-describedby')).toContain('r-value-error');
  expect(await page.getByTestId('r-value-read').count()).toBe(0);
  await shot(page, '30-number-ambiguous');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  expect(await stored()).toEqual([]);

  // "1.234,5": read as 1234.5, shown before saving; the server refuses it (a % share is 0 to 100), at the field
  await field.fill('1.234,5');
  expect(await page.getByTestId('r-value-read').textContent()).toBe('terbaca: 1.234,5');
  expect(await field.getAttribute('aria-invalid')).toBeNull();
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await expect.poll(() => page.getByTestId('r-value-error').textContent()).toMatch(/1\.234,5 lebih dari 100; seharusnya 0 sampai 100 \(persentase\)/);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await stored()).toEqual([]);
  await shot(page, '31-number-out-of-range');

  // "0,25": a quarter, shown and stored as 0.25
  await field.fill('0,25');
  expect(await page.getByTestId('r-value-read').textContent()).toBe('terbaca: 0,25');
  await page.getByRole('button', { name: 'Simpan draf' }).click();
  await page.locator('[data-testid="entries"] tr[data-period="Y"]').waitFor();
  expect(await stored()).toEqual([0.25]);
  expect(await field.getAttribute('aria-invalid')).toBeNull();
  expect(errors).toEqual([]);
});
