import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumPath, fetchApi, shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * Share links in Chromium on the demo clinic: marketing makes a link to a survey in the form; a
 * visitor in a fresh browser context with a normal Chrome user agent is redirected to the survey
 * and counted once, a crawler's user agent is redirected too but counted apart; the propagation
 * tab shows the demo's chain (three shares deep) as a tree and as a table, at 1440 and 390 px.
 */

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BAIDUSPIDER = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)';

let session: BrowserSession;
let page: Page;
let url: string;
/** The visitors' browser: contexts of their own, with no staff session and their own user agent. */
let visitors: Browser;

beforeAll(async () => {
  session = await startBrowserSession('verity-sharing-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  visitors = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  await page.goto(`${url}/login`);
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
  await signIn(page, url, 'marketing@demo.verity.local');
}, 600_000);

afterAll(async () => {
  await visitors?.close();
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

async function openAs(userAgent: string, link: string): Promise<string> {
  const context = await visitors.newContext({ userAgent, locale: 'en-US' });
  const visitor = await context.newPage();
  await visitor.goto(link);
  const landed = visitor.url();
  await context.close();
  return landed;
}

test('a link made in the form redirects a visitor, counts a person once and a crawler apart', async () => {
  await page.goto(`${url}/sharing`);
  await page.locator('[data-testid=links] tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'Make a link' }).click();
  const form = page.locator('[data-testid=make-link]');
  await form.locator('select[name=targetKind]').selectOption('survey');
  const target = form.locator('select[name=targetId]');
  await target.locator('option:nth-child(2)').waitFor({ state: 'attached' });
  await target.selectOption({ index: 1 });
  await form.locator('select[name=channel]').selectOption('telegram');
  await form.locator('input[name=label]').fill('E2E waiting room');
  await form.getByRole('button', { name: 'Make the link' }).click();
  const shown = page.locator('[data-testid=share-url]');
  await shown.waitFor();
  const link = await shown.innerText();
  expect(link).toMatch(/\/l\/[2-9A-Z]{8}$/);
  await page.screenshot({ path: join(shotsDir, 'sharing-links-1440.png'), fullPage: true });

  expect(new URL(await openAs(CHROME, link)).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]+$/);
  expect(new URL(await openAs(BAIDUSPIDER, link)).pathname).toMatch(/^\/s\//);

  const code = link.slice(-8);
  const list = await fetchApi<{ items: { code: string; visitors: number; clicks: number; botClicks: number }[] }>(page, url, 'GET', '/api/sharing/links');
  expect(list.body.items.find((l) => l.code === code)).toMatchObject({ visitors: 1, clicks: 1, botClicks: 1 });
  await page.reload();
  const row = page.locator('[data-testid=links] tbody tr', { hasText: code });
  await row.waitFor();
  expect(await row.locator('[data-testid=visitors]').innerText()).toBe('1');
  expect(await row.locator('[data-testid=bots]').innerText()).toBe('1');
});

test('the propagation tab shows the demo chain three shares deep as a tree and as a table, on a desktop and a phone', async () => {
  await page.goto(`${url}/sharing`);
  await page.getByRole('tab', { name: 'Propagation' }).click();
  await page.locator('[data-testid=origin-list] tbody tr').first().waitFor();
  const chart = page.locator('[data-testid=propagation-chart] svg');
  await chart.waitFor();
  expect(await page.locator('[data-testid=propagation-chart] svg text').count()).toBeGreaterThan(4);
  // The widest-reaching origin is the demo's WeChat article: its chain went three shares deep.
  const figures = page.locator('[data-testid=propagation-figures]');
  expect(await figures.locator('div', { hasText: 'Depth' }).locator('dd').innerText()).toBe('3');
  const rows = page.locator('[data-testid=propagation-table] tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(8);
  expect(await page.locator('[data-testid=propagation-table]').innerText()).toContain('A patient who came');
  await page.screenshot({ path: join(shotsDir, 'sharing-propagation-1440.png'), fullPage: true });
  await noSidewaysScroll();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByRole('tab', { name: 'Propagation' }).click();
  await page.locator('[data-testid=propagation-chart] svg').waitFor();
  await noSidewaysScroll();
  await page.screenshot({ path: join(shotsDir, 'sharing-propagation-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
});
