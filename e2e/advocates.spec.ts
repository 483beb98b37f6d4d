import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fetchApi, shotsDir, signIn, startBrowserSession, type BrowserSession } from './browser.ts';

/*
 * Key patients in Chromium on the demo clinic: marketing sees a ranked list of at least eight
 * people with each score's parts and opens the evidence; invites a public author in person; the
 * author agrees on the join page (no JavaScript, in Chinese), and the invitations tab shows them
 * as joined. A staff member is refused the list. The page fits 390 px without sideways scroll.
 */

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-advocates-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
}, 600_000);

afterAll(async () => {
  await session?.close();
});

test('the ranked list, its evidence, an invitation in person accepted on the join page', async () => {
  await page.goto(`${url}/login`);
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
  await signIn(page, url, 'marketing@demo.verity.local');
  await page.goto(`${url}/advocates`);
  const list = page.locator('[data-testid=adv-list]');
  await list.waitFor();
  expect(await list.locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
  await page.screenshot({ path: join(shotsDir, 'advocates-list-en-1440.png') });

  await list.locator('tbody tr').first().getByRole('button', { name: 'Evidence' }).click();
  const evidence = page.locator('[data-testid=adv-evidence]');
  await evidence.locator('h3').first().waitFor();
  expect(await evidence.innerText()).toContain('Referrals that came');
  await page.keyboard.press('Escape');

  // The first author nobody has invited yet.
  await page.getByRole('tab', { name: 'Public authors' }).click();
  const row = list.locator('tbody tr', { hasText: 'Not invited' }).first();
  await row.waitFor();
  await row.getByRole('button', { name: 'Invite' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Invite' }).click();
  const joinUrl = await page.locator('[data-testid=adv-join-url]').innerText();
  expect(joinUrl).toMatch(/\/join\/[\w-]+$/);

  await page.goto(`${joinUrl.replace(/^https?:\/\/[^/]+/, url)}?lang=zh-CN`);
  expect(await page.locator('main').innerText()).toContain('我们从不要求您写评价');
  await page.getByRole('button', { name: '我同意，加入' }).click();
  expect(await page.locator('.notice').first().innerText()).toContain('欢迎');

  await page.goto(`${url}/advocates/invitations`);
  const invitations = page.locator('[data-testid=adv-invitations]');
  await invitations.waitFor();
  expect(await invitations.locator('tbody tr').first().innerText()).toContain('Joined');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${url}/advocates`);
  await list.waitFor();
  const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
  await page.screenshot({ path: join(shotsDir, 'advocates-list-en-390.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('a staff member is refused the list', async () => {
  await page.context().clearCookies();
  await page.goto(`${url}/login`);
  await signIn(page, url, 'doctor@demo.verity.local');
  expect((await fetchApi(page, url, 'GET', '/api/advocates')).status).toBe(403);
});
