import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shotsDir, signIn, startBrowserSession, storeIndependentSweep, visitGrowthPages, visitPatientSidePages, type BrowserSession } from './browser.ts';

/*
 * The demo clinic on a phone (390×844) in English, Russian and Chinese: the pages a patient-service
 * team lives in all day (the inbox, a mention, the case board and list, a case with its reply
 * editor, my work, alerts, and the patient side's pages) never scroll sideways; the navigation is a drawer behind the menu
 * button; a mention is its own screen with a Back button; toasts go with the session that made them.
 */

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-phone-', { demo: true, viewport: { width: 390, height: 844 } });
  page = session.page;
  url = session.verity.url;
  await signIn(page, url, 'admin@demo.verity.local');
});

afterAll(async () => {
  await session?.close();
});

/** What is wider than the screen: the page's scroll width, and the first elements that stick out (outside any box that scrolls by itself). */
async function sideways(p: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  // A string, so that the test's own compiler adds nothing the page does not know.
  return p.evaluate(`(() => {
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(el))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits };
  })()`);
}

async function settle(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.evaluate(() => document.fonts.ready);
}

const locales = ['en', 'ru', 'zh-CN'] as const;

describe.skipIf(storeIndependentSweep)('a phone, 390×844', () => {
  for (const locale of locales) {
    test(`no page scrolls sideways in ${locale}`, async () => {
      await page.evaluate((l) => localStorage.setItem('verity.lang', l), locale);
      const problems: string[] = [];
      const seen: string[] = [];
      const check = async (name: string) => {
        await settle(page);
        const s = await sideways(page);
        seen.push(name);
        await page.screenshot({ path: join(shotsDir, `phone-${locale}-${seen.length}-${name.replace(/\W+/g, '-')}.png`) });
        if (s.scrollWidth > s.innerWidth) problems.push(`${name}: ${s.scrollWidth}px wide for ${s.innerWidth}px (${s.culprits.join(', ')})`);
      };
      const go = async (path: string, ready: string) => {
        await page.goto(`${url}${path}`);
        await page.locator(ready).first().waitFor();
      };

      await go('/inbox', '[data-testid=mention-card]');
      await check('inbox');
      // A mention is its own screen, from its top: the list and its filters are gone until Back,
      // which returns to the same place in the list.
      const card = page.locator('[data-testid=mention-card]').nth(5);
      await card.scrollIntoViewIfNeeded();
      const listY = await page.evaluate(() => window.scrollY);
      expect(listY).toBeGreaterThan(0);
      await card.click();
      const detail = page.locator('[data-testid=mention-detail]');
      await detail.waitFor();
      await check('mention');
      expect(await page.locator('.inbox-list-pane').isVisible()).toBe(false);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await detail.getByRole('button', { name: { en: 'Back', ru: 'Назад', 'zh-CN': '返回' }[locale] }).click();
      await page.locator('[data-testid=mention-card]').first().waitFor();
      expect(await detail.count()).toBe(0);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(listY);

      await go('/cases', '[data-testid=case-board]');
      await check('case board');
      // The list view beside the board (/cases/list).
      await go('/cases/list', '[data-testid=case-list], .page');
      if (await page.locator('[data-testid=case-list]').count()) {
        await page.locator('[data-testid=case-table], [data-testid=case-list] .empty-state').first().waitFor();
        await check('case list');
      }
      await go('/cases', '[data-testid=case-board]');
      const firstCase = page.locator('[data-testid=case-board] a[href^="/cases/"]').first();
      await firstCase.waitFor();
      await firstCase.click();
      await page.locator('[data-testid=case-workflow]').waitFor();
      await check('case');
      const editor = page.locator('[data-testid=reply-editor]');
      if (await editor.count()) {
        await editor.scrollIntoViewIfNeeded();
        await check('reply editor');
      }

      await go('/my-work', '.page');
      await check('my work');
      await go('/alerts', '.page');
      await check('alerts');
      // The patient side: surveys, outreach, follow-ups, patients and the survey reports.
      await visitPatientSidePages(page, url, check);
      await visitGrowthPages(page, url, check);

      expect(seen.length).toBeGreaterThanOrEqual(15);
      expect(problems).toEqual([]);
    }, 240_000);
  }

  test('the navigation is a drawer: the menu button opens it, Escape and choosing a page close it', async () => {
    await page.evaluate(() => localStorage.setItem('verity.lang', 'en'));
    await page.goto(`${url}/inbox`);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.locator('#app-navigation');
    await menu.waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => nav.isVisible()).toBe(true);
    // The first page of the drawer has the focus; Escape gives it back to the menu button.
    expect(await page.evaluate(() => document.activeElement?.closest('#app-navigation') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('app-navigation');

    await menu.click();
    await nav.getByRole('link', { name: 'Cases' }).click();
    await page.waitForURL('**/cases');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => nav.isVisible()).toBe(false);
  });

  test('a toast sits under the top bar, and leaves with the session that made it', async () => {
    await page.goto(`${url}/inbox`);
    await page.locator('[data-testid=mention-card]').first().click();
    const detail = page.locator('[data-testid=mention-detail]');
    const status = detail.locator('select').first();
    await status.waitFor();
    const values = await status.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await status.inputValue();
    await status.selectOption(values.find((v) => v !== current)!);
    const toast = page.locator('[data-testid=notices] .notice');
    await toast.first().waitFor();
    const bar = await page.locator('.topbar').boundingBox();
    const box = await toast.first().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(shotsDir, 'phone-toast.png') });

    // Signed out straight away: the toast does not follow into the next user's session.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    expect(await toast.count()).toBe(0);
    await signIn(page, url, 'service@demo.verity.local');
    expect(await toast.count()).toBe(0);
  });
});
