/**
 * Human words everywhere (issue 12): every page, as each role of the demo, is read as a person
 * reads it (the visible text of the page) and must show no internal id (`pk-2025-perubahan`), no
 * dataset path (`agreements[0].rows[4]`), no plan or indicator reference (`renstra-2021-2026/KOP_SEHAT`),
 * no English word in the Indonesian interface, and every percentage by the one rule (two decimals,
 * `83,70%`: src/core/format.ts `formatPercentShown`). English, when chosen, still shows English
 * and still no ids.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2E } from './harness.js';

const e2e = useE2E();

const AGENCY = 'diskopum';
const REGION = 'Kabupaten Jember';
const YEAR = 2025;

/** What each role may open, every page of the application (a refusal is a page too: it must read as words). */
const AGENCY_PAGES = ['dashboard', 'profile', 'plans', 'agreements', 'programs', 'realizations', 'evaluation', 'narrative', 'issued', 'audit', 'register', 'data'] as const;
const ROUTES: string[] = [
  ...AGENCY_PAGES.map((s) => `/a/${AGENCY}/${s}/${YEAR}`),
  // an indicator opened: its entries, notes and outcome rows
  `/a/${AGENCY}/realizations/${YEAR}?indicator=${encodeURIComponent('renstra-2021-2026/UMM')}`,
  `/region/${encodeURIComponent(REGION)}/${YEAR}`,
  '/accounts',
  '/account',
  // "Tugas saya", everyone's landing page
  '/tugas',
];
/** The region's audit trail: its admin's page (to anyone else the address is no page) */
const routesOf = (login: string): string[] => (login === 'admin@demo' ? [...ROUTES, '/audit'] : ROUTES);
const ROLES = ['admin@demo', 'perencana@diskopum', 'operator@diskopum', 'kepala@diskopum', 'inspektorat@demo'] as const;

/** Ids and paths as the data holds them: never shown to a person. */
export const ID_PATTERNS: readonly RegExp[] = [
  /\b[a-z]+-\d{4}(?:-[a-z]+)?\b/, // pk-2025-perubahan, renstra-2021
  /\w+\[\d+\]/, // agreements[0], rows[4]
  /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\/[A-Za-z0-9_.-]+/, // renstra-2021-2026/KOP_SEHAT
  /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/, // KOP_SEHAT on its own
  /(?<!NIP\.?\s?)\b\d{10,}\b/, // 6390219141 (a line's internal number); a civil servant's NIP is a person's number, shown
];

/** Common English words that never belong in the Indonesian interface (whole words, case-insensitive). */
export const ENGLISH_WORDS: readonly string[] = [
  'the', 'and', 'of', 'is', 'are', 'was', 'were', 'with', 'from', 'this', 'that', 'these', 'those', 'which', 'when',
  'where', 'what', 'who', 'will', 'would', 'should', 'must', 'could', 'not', 'for', 'by', 'to', 'an', 'has', 'have',
  'been', 'it', 'its', 'or', 'if', 'then', 'than', 'but', 'all', 'any', 'each', 'every', 'other', 'into', 'after',
  'before', 'between', 'about', 'required', 'taken', 'invalid', 'expected', 'received', 'string', 'error', 'please',
  'try', 'again', 'loading', 'save', 'cancel', 'delete', 'edit', 'yes', 'year', 'years', 'month', 'seconds', 'minutes',
  'agreement', 'indicator', 'goal', 'plan', 'budget', 'spending', 'converted', 'note', 'source', 'achievement',
  'realization', 'page', 'sign', 'account', 'user', 'new', 'figure', 'figures', 'printed', 'report', 'because',
  'missing', 'here', 'there', 'only', 'also', 'one', 'two', 'three', 'first', 'last', 'see', 'field', 'characters',
];
const ENGLISH_RE = new RegExp(`(?<![\\p{L}\\p{N}@.])(?:${ENGLISH_WORDS.join('|')})(?![\\p{L}\\p{N}@])`, 'iu');

/**
 * The rule for a percentage figure: exactly two decimals, no space (`83,70%`). Figures are what the
 * interface computes and prints in a table cell, a card, a bar or a chart label: an element (or an
 * SVG text) whose whole text is a percentage. Percentages inside prose the agency wrote (a formula
 * "x 100%", a printed figure quoted in a note) are its own words, not figures of the interface.
 */
const PERCENT_RULE = /^-?\d{1,3}(?:\.\d{3})*,\d{2}%$/;

/** The visible text of the page (header, navigation, the page; not hidden elements), and its percentage figures. */
async function visibleText(page: Page): Promise<{ text: string; figures: string[] }> {
  return page.evaluate(() => {
    const figures: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (el.children.length > 0) continue;
      const t = (el.textContent ?? '').trim();
      if (!/^-?[\d.,]+\s*%$/.test(t)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const ctx = (el.parentElement?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 80);
      figures.push(`${t}\u0000${el.tagName.toLowerCase()}: ${ctx}`);
    }
    return { text: document.body.innerText, figures };
  });
}

/** What in a page's text breaks the rules, each problem with the text around it. */
export function problems(text: string, lang: 'id' | 'en', figures: readonly string[] = []): string[] {
  const out: string[] = [];
  // the narrative's figure references ({{nilai:pk-2025/UMM/capaian}}) are a syntax the writer types, ids included
  text = text.replace(/\{\{[^}]*\}\}/g, '{{…}}');
  const around = (i: number, len: number) => text.slice(Math.max(0, i - 40), i + len + 40).replace(/\s+/g, ' ');
  for (const re of ID_PATTERNS) {
    const g = new RegExp(re.source, 'g');
    for (const m of text.matchAll(g)) out.push(`id ${JSON.stringify(m[0])}: …${around(m.index, m[0].length)}…`);
  }
  if (lang === 'id') {
    const g = new RegExp(ENGLISH_RE.source, 'giu');
    for (const m of text.matchAll(g)) out.push(`English ${JSON.stringify(m[0])}: …${around(m.index, m[0].length)}…`);
  }
  for (const f of figures) {
    const [figure = '', where = ''] = f.split('\u0000');
    if (!PERCENT_RULE.test(figure)) out.push(`percent ${JSON.stringify(figure)} in ${where}`);
  }
  return out;
}

/** Opens a route and waits until it has settled (its heading or its refusal shown, no "Memuat…" left). */
async function settle(page: Page, route: string): Promise<void> {
  await page.goto(`${e2e.base}/#${route}`);
  // a page's heading, or a refusal (which has none); the page before stays hidden meanwhile
  try {
    await page.locator('main h1:visible, main [role="alert"]:visible').first().waitFor();
  } catch (e) {
    throw new Error(`${route}: neither a heading nor a refusal shown (${String(e)})`);
  }
  await page.waitForLoadState('networkidle');
  await page
    .getByText(/^(Memuat…|Loading…)$/)
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

describe('every page, as each role, in words', () => {
  it('the rules catch what the issue saw', () => {
    expect(problems('Perjanjian pk-2025-perubahan', 'id')).toHaveLength(1);
    expect(problems('di renstra-2021-2026/KOP_SEHAT', 'id').length).toBeGreaterThan(0);
    expect(problems('agreements[0].rows[4] dan 6390219141', 'id')).toHaveLength(3);
    expect(problems('Capaian', 'id', ['83,7 %', '83,70%', '100%'])).toHaveLength(2);
    expect(problems('NIP. 196707061998032005', 'id')).toEqual([]);
    expect(problems('Contoh: {{nilai:pk-2025/UMM/capaian}}', 'id')).toEqual([]);
    expect(problems('Converted from the printed table', 'id').length).toBeGreaterThan(2);
    expect(problems('Capaian 83,70% dari target 1.234,50%; Renstra 2021–2026; perencana@diskopum', 'id')).toEqual([]);
    expect(ENGLISH_WORDS.length).toBeGreaterThanOrEqual(50);
  });

  for (const login of ROLES) {
    it(`${login}: no id, no path, no English word, one percentage rule`, async () => {
      const { page, errors } = await e2e.as(login);
      const found: string[] = [];
      for (const route of routesOf(login)) {
        await settle(page, route);
        const { text, figures } = await visibleText(page);
        for (const p of problems(text, 'id', figures)) found.push(`${route}: ${p}`);
      }
      expect(errors).toEqual([]);
      expect(found).toEqual([]);
    }, 240_000);
  }

  it('English when chosen: the pages in English, still no id or path, the same percentages', async () => {
    const { page } = await e2e.as('perencana@diskopum');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).waitFor();
    const found: string[] = [];
    for (const route of ROUTES) {
      await settle(page, route);
      const { text, figures } = await visibleText(page);
      for (const p of problems(text, 'en', figures)) found.push(`${route}: ${p}`);
    }
    await settle(page, `/a/${AGENCY}/dashboard/${YEAR}`);
    const { text } = await visibleText(page);
    expect(text).toMatch(/Performance dashboard/i);
    expect(text).toMatch(/Performance Agreement 2025/);
    expect(text).not.toMatch(/Perjanjian Kinerja Tahun/);
    expect(found).toEqual([]);
  }, 240_000);

  it('forms speak Indonesian: their own checks, the server\'s refusals at the field, a refusal with no retry, days typed dd/mm/yyyy, findings linked', async () => {
    const { page, errors } = await e2e.as('admin@demo');
    await settle(page, '/accounts');
    const form = page.getByTestId('new-account');
    // an empty form: the form's own messages beside each field, none of the browser's
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await form.locator('#na-username-error', { hasText: 'Isi nama pengguna.' }).waitFor();
    expect(await form.locator('#na-name-error').textContent()).toBe('Isi nama.');
    expect(await form.locator('#na-password-error').textContent()).toBe('Isi kata sandi awal.');
    expect(await page.getByLabel('Nama pengguna', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // a short password, counted
    await page.getByLabel('Nama pengguna', { exact: true }).fill('perencana@diskopum');
    await form.getByLabel('Nama', { exact: true }).fill('Orang Kedua');
    await page.locator('#na-role').selectOption('planner');
    await page.locator('#na-agency').selectOption('diskopum');
    await page.locator('#na-password').fill('pendek');
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await form.locator('#na-password-error', { hasText: 'Kata sandi paling sedikit 8 karakter (sekarang 6).' }).waitFor();
    // a login that is taken: the server's refusal, in Indonesian, at the field
    await page.locator('#na-password').fill('cukup-panjang-1');
    await form.getByRole('button', { name: 'Buat akun' }).click();
    const taken = await form.locator('#na-username-error').textContent({ timeout: 15_000 });
    expect(taken).toContain('sudah dipakai');
    expect(problems(taken ?? '', 'id')).toEqual([]);

    // the dashboard's findings: the indicator's name and the place in words, linked to where it is entered
    await settle(page, '/a/diskopum/dashboard/2025');
    const jump = page.locator('table[data-testid="quality"] tr[data-code="implausible-jump"]').first();
    const link = jump.locator('td:first-child a');
    expect(await link.getAttribute('href')).toMatch(/^#\/a\/diskopum\/realizations\/2025\?indicator=/);
    const place = await jump.locator('[data-where]').textContent();
    expect(place).toMatch(/^realisasi Tahun 2025 — /);
    const subject = await jump.locator('td:first-child').textContent();
    await link.click();
    await page.getByTestId('editor').waitFor();
    expect(await page.getByTestId('editor').locator('h2').textContent()).toBe(subject);
    expect(errors).toEqual([]);
  }, 120_000);

  it('a refusal offers no retry; a day is typed dd/mm/yyyy and read back in words', async () => {
    const op = await e2e.as('operator@diskopum');
    await settle(op.page, '/accounts');
    await op.page.getByRole('alert').getByText('Anda tidak berwenang membuka data ini.', { exact: false }).waitFor();
    expect(await op.page.getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);

    const { page } = await e2e.as('perencana@diskopum');
    await settle(page, '/a/diskopum/agreements/2025?mode=amend&of=pk-2025-perubahan');
    const day = page.getByLabel('Tanggal penandatanganan');
    await day.fill('24/09/2025');
    await page.getByTestId('amend-signed-read').getByText('24 September 2025').waitFor();
    await day.fill('31/02/2025');
    await page.getByTestId('amend-signed-read').getByText('tulis tanggal sebagai hari/bulan/tahun, misalnya 24/09/2025').waitFor();
    expect(await day.getAttribute('aria-invalid')).toBe('true');
  }, 120_000);
});
