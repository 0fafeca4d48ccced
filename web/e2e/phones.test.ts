/**
 * End to end, phones, the keyboard and accessibility (issue 12), on the real server with the demo
 * and the npm Chromium: every page of every role at 360, 390 and 430 px never scrolls sideways
 * (`document.documentElement.scrollWidth` ≤ the viewport's width), axe-core finds no serious or
 * critical violation on any of them, focus lands on the page's heading after following a link, and
 * the section tabs say that they scroll. Screenshots at 390 px and on the desktop in
 * artifacts/screenshots (phone-<role>-<page>.png, desktop-<role>-<page>.png).
 *
 * PAGES is the one list of pages (a new page is one line), ROLES the accounts that see them.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { open, SCREENSHOTS, shot, useE2E, VIEWPORT } from './harness.js';

const e2e = useE2E();

type RoleName = 'planner' | 'operator' | 'head' | 'admin' | 'evaluator';
const ROLES: Record<RoleName, string> = {
  planner: 'perencana@diskopum',
  operator: 'operator@diskopum',
  head: 'kepala@diskopum',
  admin: 'admin@demo',
  evaluator: 'inspektorat@demo',
};
const AGENCY_ROLES: RoleName[] = ['planner', 'operator', 'head', 'admin', 'evaluator'];
const AUDIT_READERS: RoleName[] = ['planner', 'head', 'admin', 'evaluator'];
const REGION_ROLES: RoleName[] = ['admin', 'evaluator'];

/** Every page: its name (in file names), its hash route, who opens it, and what shows it is loaded. */
interface PageSpec {
  name: string;
  route: string;
  roles: RoleName[];
  /** a selector that appears once the page's data is shown (besides its h1) */
  ready?: string;
}
const PAGES: PageSpec[] = [
  { name: 'worklist', route: '/tugas', roles: AGENCY_ROLES },
  { name: 'dashboard', route: '/a/diskopum/dashboard/2025', roles: AGENCY_ROLES, ready: '.chart svg' },
  { name: 'profile', route: '/a/diskopum/profile', roles: AGENCY_ROLES },
  { name: 'plans', route: '/a/diskopum/plans', roles: AGENCY_ROLES },
  { name: 'agreements', route: '/a/diskopum/agreements/2025', roles: AGENCY_ROLES },
  { name: 'agreement-print', route: '/a/diskopum/agreements/print/pk-2025', roles: ['planner', 'evaluator'] },
  { name: 'programs', route: '/a/diskopum/programs/2025', roles: AGENCY_ROLES },
  { name: 'realizations', route: '/a/diskopum/realizations/2025', roles: AGENCY_ROLES },
  { name: 'realization', route: `/a/diskopum/realizations/2025?indicator=${encodeURIComponent('renstra-2021-2026/KOP_SEHAT')}`, roles: AGENCY_ROLES, ready: '[data-testid="entries"]' },
  { name: 'evaluation', route: '/a/diskopum/evaluation', roles: AGENCY_ROLES },
  { name: 'narrative', route: '/a/diskopum/narrative', roles: AGENCY_ROLES },
  { name: 'issued', route: '/a/diskopum/issued/2025', roles: AGENCY_ROLES },
  { name: 'audit', route: '/a/diskopum/audit', roles: AUDIT_READERS },
  { name: 'register', route: '/a/diskopum/register', roles: AGENCY_ROLES },
  { name: 'data', route: '/a/diskopum/data', roles: AGENCY_ROLES },
  { name: 'region', route: '/region/Kabupaten%20Jember/2025', roles: REGION_ROLES, ready: '.chart svg' },
  { name: 'region-audit', route: '/audit', roles: ['admin'] },
  { name: 'accounts', route: '/accounts', roles: ['admin'] },
  { name: 'account', route: '/account', roles: AGENCY_ROLES },
];
const WIDTHS = [360, 390, 430];

/** Wait until the page's heading is there, nothing is loading any more, and its `ready` part is shown. */
async function settle(page: Page, spec?: PageSpec): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
  if (spec?.ready) await page.locator(spec.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** How far the page reaches beyond the viewport, and which elements stick out (for the failure's message). */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0) {
        // only the outermost culprit: skip those whose parent also sticks out, and those inside a box that scrolls or clips
        const pr = el.parentElement?.getBoundingClientRect();
        if (pr && pr.right > width + 0.5) continue;
        let clipped = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
        if (clipped) continue;
        culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} → ${Math.round(r.right)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 8) };
  });
}

/** axe-core's serious and critical violations, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('phones, keyboard and accessibility', () => {
  it('the sign-in page fits 360–430 px and has no serious accessibility violation', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(e2e.base);
      await page.getByLabel('Kata sandi').waitFor();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 844 });
        expect(await overflow(page), `sign-in at ${width} px`).toMatchObject({ culprits: [] });
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'phone-sign-in');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const role of Object.keys(ROLES) as RoleName[]) {
    it(`every page of the ${role} fits 360–430 px, passes axe-core and is photographed`, async () => {
      const s = await e2e.as(ROLES[role]);
      const { page } = s;
      const failures: string[] = [];
      for (const spec of PAGES.filter((p) => p.roles.includes(role))) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`${e2e.base}/#${spec.route}`);
        await page.reload();
        await settle(page, spec);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 844 });
          await page.waitForTimeout(50); // charts follow their box through a ResizeObserver
          const o = await overflow(page);
          if (o.scrollWidth > o.width) failures.push(`${spec.name} at ${width} px: ${o.scrollWidth} px wide; ${o.culprits.join(', ')}`);
        }
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(50);
        await page.screenshot({ path: join(SCREENSHOTS, `phone-${role}-${spec.name}.png`), fullPage: true });
        // each chart at 390 px on its own, to see its labels (the whole page is too long to read)
        if (role === 'planner' || role === 'admin') {
          const charts = page.locator('main .chart');
          for (let i = 0; i < Math.min(2, await charts.count()); i++) await charts.nth(i).screenshot({ path: join(SCREENSHOTS, `phone-${role}-${spec.name}-chart${i + 1}.png`) });
        }
        for (const v of await axeViolations(page)) failures.push(`${spec.name}: ${v}`);
        if (role === 'planner' || spec.roles.length === 1 || (role === 'admin' && spec.name === 'region')) {
          await page.setViewportSize(VIEWPORT);
          await page.waitForTimeout(50);
          for (const v of await axeViolations(page)) failures.push(`${spec.name} (desktop): ${v}`);
          await shot(page, `desktop-${role}-${spec.name}`);
        }
      }
      expect(failures).toEqual([]);
      expect(s.errors).toEqual([]);
    }, 600_000);
  }

  it('focus moves to the new page’s heading after a section tab or a link is followed, and the tabs say they scroll', async () => {
    const s = await e2e.as(ROLES.planner);
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    await settle(page);
    // the section tabs: the row scrolls, and says so (a hint beside it while some tabs are out of sight)
    const nav = page.locator('nav.sections');
    const scrolls = await nav.evaluate((el) => {
      const box = el.querySelector('.sections-scroll') ?? el;
      return box.scrollWidth > box.clientWidth;
    });
    expect(scrolls).toBe(true);
    expect(await nav.getAttribute('data-more-after')).toBe('true');
    // the current tab is scrolled into view; an unseen tab comes into view when focused, its ring not cut off
    const tabs = nav.locator('a');
    const last = tabs.last();
    await last.focus();
    const ring = await last.evaluate((a) => {
      const r = a.getBoundingClientRect();
      const box = (a.closest('.sections-scroll') ?? a.closest('nav'))!.getBoundingClientRect();
      const style = getComputedStyle(a);
      const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      return { top: r.top - reach >= box.top - 0.5, bottom: r.bottom + reach <= box.bottom + 0.5, left: r.left - reach >= box.left - 0.5, right: r.right + reach <= box.right + 0.5 };
    });
    expect(ring).toEqual({ top: true, bottom: true, left: true, right: true });
    await page.waitForFunction(() => document.querySelector('nav.sections')?.getAttribute('data-more-after') === 'false');

    // a tab followed with the keyboard: the new page's heading has the focus
    await page.setViewportSize(VIEWPORT);
    await nav.getByRole('link', { name: 'Renstra', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await page.locator('main h1').first().textContent());
    expect(await page.locator('main h1').first().getAttribute('tabindex')).toBe('-1');

    // a link in a page, clicked
    await nav.getByRole('link', { name: 'Dasbor', exact: true }).click();
    await settle(page);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && (document.activeElement.textContent ?? '').length > 0);
    // back to the dashboard (history): focus on its heading again
    await page.goBack();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1' && !!document.activeElement.closest('main'));
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('charts keep readable labels at 390 px (none overlaps another) and the SAKIP score axis runs 0–100', async () => {
    const { page } = await e2e.as(ROLES.planner);
    /** pairs of a chart's texts whose boxes overlap (labels piled up: "100200300400") */
    const overlaps = (n: number) =>
      page.locator('main .chart').nth(n).evaluate((fig) => {
        const boxes = Array.from(fig.querySelectorAll('svg text'))
          .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
          .filter((b) => b.text.trim() !== '' && b.r.width > 0);
        const out: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r;
            const b = boxes[j]!.r;
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > 1 && y > 1) out.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
          }
        return out;
      });
    for (const [width, height] of [[390, 844], [VIEWPORT.width, VIEWPORT.height]] as const) {
      await page.setViewportSize({ width, height });
      await open(page, e2e.base, '/a/diskopum/dashboard/2025');
      await settle(page, { name: 'dashboard', route: '', roles: [], ready: '.chart svg' });
      await page.waitForTimeout(200);
      expect(await overlaps(0), `achievement chart at ${width} px`).toEqual([]);
      await open(page, e2e.base, '/a/diskopum/evaluation');
      await settle(page, { name: 'evaluation', route: '', roles: [], ready: '.chart svg' });
      await page.waitForTimeout(200);
      expect(await overlaps(0), `score chart at ${width} px`).toEqual([]);
      const axis = await page.locator('main .chart').first().evaluate((fig) => Array.from(fig.querySelectorAll('svg text')).map((t) => t.textContent));
      expect(axis).toContain('0');
      expect(axis).toContain('100');
      if (width === 390) await page.locator('main .chart').first().screenshot({ path: join(SCREENSHOTS, 'phone-evaluation-score-chart.png') });
    }
  }, 120_000);

  it('data tables have captions and wide ones scroll in their own box with a hint', async () => {
    const { page } = await e2e.as(ROLES.planner);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of ['/a/diskopum/dashboard/2025', '/a/diskopum/realizations/2025', '/a/diskopum/programs/2025', '/a/diskopum/evaluation']) {
      await open(page, e2e.base, route);
      await settle(page);
      const missing = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main table'))
          .filter((t) => t.querySelector('thead') && !t.querySelector('caption')?.textContent?.trim() && !t.getAttribute('aria-label') && !t.getAttribute('aria-labelledby'))
          .map((t) => t.outerHTML.slice(0, 120)),
      );
      expect(missing, route).toEqual([]);
      // every table wider than its box sits in a scroll box that says it scrolls
      const unhinted = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main .table-wrap'))
          .filter((w) => w.scrollWidth > w.clientWidth + 1)
          .filter((w) => {
            const box = w.parentElement;
            return !box?.classList.contains('scrolls') || !box.querySelector(':scope > .scroll-hint') || w.getAttribute('tabindex') !== '0' || !w.getAttribute('aria-label');
          })
          .map((w) => w.outerHTML.slice(0, 120)),
      );
      expect(unhinted, route).toEqual([]);
    }
    // at the desktop's width the dashboard's tables fit: no hint
    await page.setViewportSize(VIEWPORT);
    await open(page, e2e.base, '/a/diskopum/dashboard/2025');
    await settle(page);
    await page.waitForTimeout(100);
    expect(await page.locator('main [data-testid="rows-pk-2025"]').locator('xpath=ancestor::div[contains(@class,"table-scroll")]').getAttribute('class')).toBe('table-scroll');
  }, 120_000);
});
