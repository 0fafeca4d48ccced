/**
 * End to end, an indicator's targets within the year and its criteria: a planner sets the 2026
 * quarter targets of KOP_SEHAT (the cooperative indicator still entered in 2026; the others are
 * counted from the registers) and its criteria in the plan's indicator form (a box that is
 * not a number is shown at that box before anything is sent), saves, reloads and sees them, with
 * every other field of the indicator kept; an emptied box is left out of the record. Then the
 * operator enters a Q2 realization of 2026 for that indicator on the Realizations page: the page
 * shows the Q2 target the planner set, and the provisional achievement the core computes — which,
 * as measurement.md says, is against the year's agreed target (here the plan's 2026 target), not
 * against the quarter's. The form fits 1366×768 and an 820 px tablet. Screenshots 32–35.
 * Then the fields the form gained later: a planner reads SAKIP_PD's values within the year as
 * separate (the grid's legend follows at once), adds two other names and a note, saves, reloads and
 * sees them on the card and in the form, and the plans and the export carry them; cumulative again
 * leaves the field out. UMM, with decrees and `extra` the form does not show, keeps them when the
 * form saves it. Screenshot 36.
 * Its own server and browser, as the other e2e files.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/core/dataset/schema.js';
import { formatPercent } from '../../src/core/format.js';
import { apiCall, DEMO_PASSWORD, fitsWidth, open, shot, useE2E } from './harness.js';

const e2e = useE2E();
const { as, sessions } = e2e;

const PLAN = 'renstra-2025-2029';
/** the Renstra 2021-2026, which still runs in 2026, holds the cooperative indicator the operator's unit still enters */
const KOP_PLAN = 'renstra-2021-2026';
const KOP = `${KOP_PLAN}/KOP_SEHAT`;
const KOP_NAME = 'Persentase Koperasi Sehat';
/** the 2026 plan target of KOP_SEHAT in the demo dataset (no agreement of 2026 exists there, so the plan's target is the one measured) */
const KOP_TARGET_2026 = 40;
/** the quarter targets the planner sets, cumulative (the indicator records no `periodValues`): Q4 is the year's target */
const QUARTERS = { Q1: 10, Q2: 20.5, Q3: 30, Q4: 40 } as const;
/** the quarters as the interface names them */
const LABEL = { Q1: 'TW I', Q2: 'TW II', Q3: 'TW III', Q4: 'TW IV' } as const;
/** as typed, the Indonesian way */
const TYPED = { Q1: '10', Q2: '20,5', Q3: '30', Q4: '40' } as const;
const CRITERIA = ['Melaksanakan RAT minimal setahun sekali', 'Berbadan hukum koperasi'];
/** the operator's Q2 realization: 150 of 857 active cooperatives healthy */
const Q2_NUMERATOR = 150;
const Q2_DENOMINATOR = 857;

/** The workflow through the API: the operator submits, the planner verifies, the head approves the 2026 entry of `period`. */
async function approve(operator: BrowserContext, period: string) {
  const steps: [string, BrowserContext][] = [
    ['submit', operator],
    ['verify', (await as('perencana@diskopum')).context],
    ['approve', (await as('kepala@diskopum')).context],
  ];
  for (const [action, context] of steps) {
    const list = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/realizations?year=2026')).json as {
      indicators: { ref: string; entries: { version: string; record: { period?: string } }[] }[];
    };
    const entry = list.indicators.find((i) => i.ref === KOP)?.entries.find((x) => x.record.period === period);
    const res = await apiCall(context, e2e.base, 'POST', '/api/agencies/diskopum/realizations/transition', { indicator: KOP, year: 2026, period, action, version: entry?.version });
    expect(res.status, action).toBe(200);
  }
}

type PlanList = { plans: { id: string; indicators: { record: Indicator }[] }[] };

describe('targets by quarter and criteria of an indicator', () => {
  let before: Indicator;

  it('a planner sets the 2026 quarter targets and the criteria, saves, reloads and sees them; the rest of the indicator is kept', async () => {
    const { page, context } = await as('perencana@diskopum');
    const read = async () =>
      ((await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/plans')).json as PlanList).plans.find((p) => p.id === KOP_PLAN)!.indicators.find((i) => i.record.id === 'KOP_SEHAT')!
        .record;
    before = await read();
    expect(before.periodTargets).toBeUndefined();
    expect(before.criteria).not.toEqual(CRITERIA);

    await open(page, e2e.base, '/a/diskopum/plans');
    await page.getByRole('tab', { name: 'Renstra 2021–2026' }).click();
    const card = page.locator(`[data-indicator="${KOP}"]`);
    await card.getByRole('button', { name: `Ubah ${KOP_NAME}` }).click();
    const form = page.locator('form.indicator-form');
    await form.waitFor();
    // the grid says how its targets are read: cumulative, as the indicator's quarterly realizations
    const grid = form.getByRole('group', { name: /^Target triwulan dan semester \(kumulatif\)/ });
    expect(await grid.textContent()).toContain('capaian kinerja tetap dihitung terhadap target tahunan');
    // one row per year of the plan, the year's own target beside it
    expect(await grid.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-year')))).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    expect(await grid.locator('tr[data-year="2026"] [data-col="year-target"]').textContent()).toBe('40');

    for (const q of ['Q1', 'Q2', 'Q3', 'Q4'] as const) await form.getByLabel(`Target ${LABEL[q]} 2026`).fill(TYPED[q]);
    await form.getByLabel('Kriteria').fill(`${CRITERIA[0]}\n\n  ${CRITERIA[1]}  \n`);
    // a box that is not a number is shown at that box, before anything is sent
    await form.getByLabel('Target TW II 2026').fill('dua puluh');
    await form.getByRole('button', { name: 'Simpan' }).click();
    const q2Error = form.locator('[id$="-pt2026Q2-error"]');
    await q2Error.waitFor();
    expect(await q2Error.textContent()).toBe('Bukan angka: dua puluh');
    expect(await q2Error.getAttribute('data-where')).toBe('body.indicator.periodTargets["2026"].Q2');
    expect(await form.getByLabel('Target TW II 2026').getAttribute('aria-invalid')).toBe('true');
    await grid.scrollIntoViewIfNeeded();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '32-plans-period-targets');

    await form.getByLabel('Target TW II 2026').fill(TYPED.Q2);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('tab', { name: 'Renstra 2021–2026' }).click();
    await card.waitFor();
    const row = card.getByTestId('period-targets').locator('tr[data-year="2026"]');
    expect(await row.locator('td').allTextContents()).toEqual(['10', '20,5', '30', '40']);
    expect(await card.getByTestId('period-targets').locator('caption').textContent()).toBe('Target triwulan dan semester (kumulatif)');
    expect(await card.getByTestId('criteria').locator('li').allTextContents()).toEqual(CRITERIA);
    await card.scrollIntoViewIfNeeded();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '33-plans-period-targets-card');

    const after = await read();
    expect(after).toEqual({ ...before, periodTargets: { '2026': QUARTERS }, criteria: CRITERIA });

    // the form shows them again; a box emptied is left out of the record (no key), the others stay
    await card.getByRole('button', { name: `Ubah ${KOP_NAME}` }).click();
    await form.waitFor();
    expect(await form.getByLabel('Target TW II 2026').inputValue()).toBe('20,5');
    expect(await form.getByLabel('Target TW I 2026').inputValue()).toBe('10');
    expect(await form.getByLabel('Kriteria').inputValue()).toBe(CRITERIA.join('\n'));
    await form.getByLabel('Target TW I 2026').fill('');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => (await read()).periodTargets).toEqual({ '2026': { Q2: 20.5, Q3: 30, Q4: 40 } });
    expect(await row.locator('td').allTextContents()).toEqual(['—', '20,5', '30', '40']);
    // the server names a period target by the same path the form's boxes answer to
    const wrong = await apiCall(context, e2e.base, 'PUT', `/api/agencies/diskopum/plans/${KOP_PLAN}/indicators/KOP_SEHAT`, {
      version: 'x',
      indicator: { ...after, periodTargets: { '2026': { Q2: '21,5' } } },
    });
    expect(wrong.status).toBe(400);
    expect((wrong.json as { error: { findings: { where: string }[] } }).error.findings.map((f) => f.where)).toContain('body.indicator.periodTargets["2026"].Q2');
  });

  it("the operator's Q2 realization of 2026 shows the Q2 target; its provisional achievement is the core's against the year's target, and against the quarter's for monitoring", async () => {
    const { page } = await as('operator@diskopum');
    await open(page, e2e.base, `/a/diskopum/realizations/2026?indicator=${encodeURIComponent(KOP)}`);
    const editor = page.getByTestId('editor');
    await editor.waitFor();
    await page.getByLabel('Periode').selectOption('Q2');
    // the quarter's target the planner set, how it is read, beside the year's
    expect(await editor.getByTestId('period-target').textContent()).toBe(' · Target TW II 2026 (kumulatif): 20,5');
    await page.getByLabel(/^Pembilang/).fill(String(Q2_NUMERATOR));
    await page.getByLabel(/^Penyebut/).fill(String(Q2_DENOMINATOR));
    await page.getByRole('button', { name: 'Simpan draf' }).click();

    // the core: a ratio's value is numerator × 100 ÷ denominator; a positive indicator's achievement is R × 100 ÷ T
    const realized = (Q2_NUMERATOR * 100) / Q2_DENOMINATOR;
    const expected = formatPercent((realized * 100) / KOP_TARGET_2026);
    const againstQuarter = formatPercent((realized * 100) / QUARTERS.Q2);
    expect(expected).not.toBe(againstQuarter);
    // a draft: its figure stands apart, awaiting approval; approved (submit, verify, approve), it is the official one
    await page.getByTestId('outcome-pending-achievement').first().filter({ hasText: expected }).waitFor();
    expect(await page.getByTestId('outcome-achievement').first().textContent()).toBe('—');
    await approve(page.context(), 'Q2');
    await page.reload();
    const achievement = page.getByTestId('outcome-achievement').first();
    await achievement.filter({ hasText: expected }).waitFor();
    expect(await achievement.textContent()).toBe(expected);
    const outcome = page.getByTestId('outcome');
    expect(await outcome.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('40');
    expect(await outcome.textContent()).toContain('sementara TW II');
    // and, to monitor the year, the same realization against the Q2 target the planner set (the server's figure)
    const period = outcome.getByTestId('outcome-period').first();
    expect(await period.locator('td').nth(1).textContent()).toBe('20,5');
    expect(await period.getByTestId('outcome-period-achievement').textContent()).toBe(againstQuarter);
    expect(await period.locator('td').first().textContent()).toBe('Terhadap target TW II (pemantauan)');
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '34-realization-period-target');
  });

  it('the indicator form with its quarter grid fits an 820 px tablet', async () => {
    const tablet = await e2e.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1, locale: 'id-ID' });
    const page = await tablet.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    sessions.push({ context: tablet, page, errors, csp: [] });
    await page.goto(e2e.base);
    await page.getByLabel('Email atau nama pengguna').fill('perencana@diskopum');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.getByTestId('user-name').waitFor();
    await open(page, e2e.base, '/a/diskopum/plans');
    await page.getByRole('tab', { name: 'Renstra 2021–2026' }).tap();
    await page.locator(`[data-indicator="${KOP}"]`).getByRole('button', { name: `Ubah ${KOP_NAME}` }).tap();
    const grid = page.locator('form.indicator-form fieldset.period-targets');
    await grid.waitFor();
    await grid.scrollIntoViewIfNeeded();
    expect(await fitsWidth(page)).toBe(true);
    // every box of the grid is inside the fieldset: nothing scrolls sideways within it either
    const overflow = await grid.locator('.table-wrap').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBe(0);
    await shot(page, '35-tablet-period-targets');
  });
});

/** SAKIP_PD in the demo: one alias, no note, no `periodValues` (so cumulative) */
const SAKIP = 'SAKIP_PD';
const SAKIP_NAME = 'Nilai SAKIP Perangkat Daerah';
const NEW_ALIASES = ['Nilai AKIP Perangkat Daerah', 'Nilai Evaluasi SAKIP Dinas'];
const NOTE = 'Nilai dari LHE AKIP Inspektorat; dicatat per semester, tidak kumulatif.';
/** UMM of the 2021–2026 Renstra: it carries decrees and `extra`, which the form does not show */
const OLD_PLAN = 'renstra-2021-2026';
const UMM_NAME = 'Persentase Usaha Mikro Mandiri';
const UMM_NOTE = 'Diperiksa ulang oleh perencana.';

type Exported = { plans: { id: string; indicators?: Indicator[] }[] };

describe("an indicator's period values, other names and note", () => {
  it('a planner reads the values within the year as separate, adds two other names and a note, saves, reloads and sees them; the plans and the export carry them', async () => {
    const { page, context } = await as('perencana@diskopum');
    const read = async () =>
      ((await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/plans')).json as PlanList).plans.find((p) => p.id === PLAN)!.indicators.find((i) => i.record.id === SAKIP)!.record;
    const before = await read();
    expect(before.periodValues).toBeUndefined();
    expect(before.note).toBeUndefined();
    const oldAliases = before.aliases ?? [];
    expect(oldAliases).toEqual(['Nilai SAKIP Perangkat Daerah (Nilai)']);

    await open(page, e2e.base, '/a/diskopum/plans');
    // the page keeps the plan tab chosen before (the Renstra 2021-2026, for KOP_SEHAT above)
    await page.getByRole('tab', { name: 'Renstra 2025–2029' }).click();
    const card = page.locator(`[data-indicator="${PLAN}/${SAKIP}"]`);
    expect(await card.getByTestId('period-values').textContent()).toBe('kumulatif');
    await card.getByRole('button', { name: `Ubah ${SAKIP_NAME}` }).click();
    const form = page.locator('form.indicator-form');
    await form.waitFor();
    const select = form.getByLabel('Nilai triwulan dan semester', { exact: true });
    expect(await select.inputValue()).toBe('cumulative');
    expect(await form.getByLabel('Nama lain', { exact: true }).inputValue()).toBe(oldAliases.join('\n'));
    expect(await form.getByLabel('Catatan', { exact: true }).inputValue()).toBe('');
    // the grid of targets within the year is read as the select says, as soon as it is chosen
    const grid = form.locator('fieldset.period-targets');
    expect(await grid.locator('legend').textContent()).toBe('Target triwulan dan semester (kumulatif)');
    await select.selectOption('separate');
    expect(await grid.locator('legend').textContent()).toBe('Target triwulan dan semester (per periode)');
    expect(await grid.locator('p').textContent()).toContain('tiap triwulan atau semester punya targetnya sendiri');

    await form.getByLabel('Nama lain', { exact: true }).fill(`${oldAliases.join('\n')}\n  ${NEW_ALIASES[0]}\n\n${NEW_ALIASES[1]}  \n`);
    await form.getByLabel('Catatan', { exact: true }).fill(NOTE);
    await select.scrollIntoViewIfNeeded();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '36-plans-period-values');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });

    await page.reload();
    await card.waitFor();
    expect(await card.getByTestId('period-values').textContent()).toBe('per periode');
    expect(await card.getByTestId('aliases').locator('li').allTextContents()).toEqual([...oldAliases, ...NEW_ALIASES]);
    expect(await card.getByTestId('note').textContent()).toBe(NOTE);
    await card.getByRole('button', { name: `Ubah ${SAKIP_NAME}` }).click();
    await form.waitFor();
    expect(await select.inputValue()).toBe('separate');
    expect(await form.getByLabel('Nama lain', { exact: true }).inputValue()).toBe([...oldAliases, ...NEW_ALIASES].join('\n'));
    expect(await form.getByLabel('Catatan', { exact: true }).inputValue()).toBe(NOTE);
    expect(await grid.locator('legend').textContent()).toBe('Target triwulan dan semester (per periode)');
    await form.getByRole('button', { name: 'Batal' }).click();
    await form.waitFor({ state: 'detached' });

    const changed = { ...before, periodValues: 'separate', aliases: [...oldAliases, ...NEW_ALIASES], note: NOTE };
    expect(await read()).toEqual(changed);
    const exported = await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/export');
    expect(exported.status).toBe(200);
    expect((exported.json as Exported).plans.find((p) => p.id === PLAN)!.indicators!.find((i) => i.id === SAKIP)).toEqual(changed);

    // back to cumulative: the default, so the field is left out of the record again
    await card.getByRole('button', { name: `Ubah ${SAKIP_NAME}` }).click();
    await form.waitFor();
    await select.selectOption('cumulative');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(async () => (await read()).periodValues).toBeUndefined();
    expect(await read()).toEqual({ ...before, aliases: [...oldAliases, ...NEW_ALIASES], note: NOTE });
  });

  it("an indicator with decrees and extra keeps them when the form saves it", async () => {
    const { page, context } = await as('perencana@diskopum');
    const read = async () =>
      ((await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/plans')).json as PlanList).plans.find((p) => p.id === OLD_PLAN)!.indicators.find((i) => i.record.id === 'UMM')!.record;
    const before = await read();
    expect(before.decrees).toEqual(['kep-iku-2024', 'kep-iku-2025', 'kep-iku-tabel-2-5']);
    expect(before.extra).toHaveProperty('definitionInDecrees');
    expect(before.note).toBeUndefined();

    await open(page, e2e.base, '/a/diskopum/plans');
    await page.getByRole('tab', { name: 'Renstra 2021–2026' }).click();
    const card = page.locator(`[data-indicator="${OLD_PLAN}/UMM"]`);
    await card.getByRole('button', { name: `Ubah ${UMM_NAME}` }).click();
    const form = page.locator('form.indicator-form');
    await form.waitFor();
    expect(await form.getByLabel('Nama lain', { exact: true }).inputValue()).toBe((before.aliases ?? []).join('\n'));
    await form.getByLabel('Catatan', { exact: true }).fill(UMM_NOTE);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.waitFor({ state: 'detached' });

    const after = await read();
    expect(after).toEqual({ ...before, note: UMM_NOTE });
    const exported = (await apiCall(context, e2e.base, 'GET', '/api/agencies/diskopum/export')).json as Exported;
    const stored = exported.plans.find((p) => p.id === OLD_PLAN)!.indicators!.find((i) => i.id === 'UMM')!;
    expect(stored.decrees).toEqual(before.decrees);
    expect(stored.extra).toEqual(before.extra);
    expect(stored.note).toBe(UMM_NOTE);
  });
});

describe('the browser', () => {
  it('saw no uncaught error on any page of this file', () => {
    // five pages, and the planner's and the head's sessions that approve the Q2 entry through the API
    expect(sessions.length).toBe(7);
    expect(sessions.flatMap((s) => s.errors)).toEqual([]);
  });
});
