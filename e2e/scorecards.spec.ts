import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fetchApi, shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * Scorecards in Chromium on the demo clinic: the demo doctor (linked to the roster's 王建国) sees
 * their own scorecard and is refused another staff member's; leadership sees the leaderboard,
 * where the doctor with 12 responses is shown but not ranked; a scorecard fits 1440 and 390 px in
 * all three languages (screenshots in VERITY_SHOTS_DIR).
 */

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-scorecards-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
}, 600_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

async function setLanguage(locale: string): Promise<void> {
  await page.evaluate(`localStorage.setItem('verity.lang', ${JSON.stringify(locale)})`);
}

/** Starts signed in as `email` whatever the test before left, in English. */
async function signInAs(email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${url}/login`);
  await setLanguage('en');
  await signIn(page, url, email);
}

test('the demo doctor sees their own scorecard and nobody else’s', async () => {
  await signInAs('doctor@demo.verity.local');
  await page.goto(`${url}/scorecards`);
  const card = page.locator('[data-testid=sc-scorecard]');
  await card.waitFor();
  expect(await card.locator('h2').innerText()).toBe('王建国');
  // The doctor has no leaderboard tab and no manager's panel.
  expect(await page.getByRole('tab', { name: 'Leaderboard' }).count()).toBe(0);
  expect(await page.getByRole('tab', { name: 'Indicators and weights' }).count()).toBe(0);

  const db = session.verity.ctx.db;
  const other = await db
    .selectFrom('staff as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .select('s.id')
    .where('o.slug', '=', 'demo')
    .where('s.name', '=', '张伟')
    .executeTakeFirstOrThrow();
  const refused = await fetchApi<{ error: { message: string } }>(page, url, 'GET', `/api/scorecards/staff/${other.id}`);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toBe('You may see only your own scorecard');
  expect((await fetchApi(page, url, 'GET', '/api/scorecards/leaderboard')).status).toBe(403);
  await page.goto(`${url}/scorecards/staff/${other.id}`);
  const refusal = page.locator('.sc-page .empty-title');
  await refusal.waitFor();
  await page.screenshot({ path: join(shotsDir, 'scorecards-refused-en-1440.png') });
  expect(await refusal.innerText()).toBe('You may see only your own scorecard');
  expect(await page.locator('[data-testid=sc-scorecard]').count()).toBe(0);
}, 120_000);

test('leadership sees the leaderboard; the doctor with 12 responses is shown, not ranked', async () => {
  await signInAs('director@demo.verity.local');
  await page.goto(`${url}/scorecards`);
  await page.locator('[data-testid=sc-leaderboard]').waitFor();
  const few = page.locator('[data-testid=sc-entry]', { hasText: 'not enough responses to rank: 12 of 30' });
  await few.first().waitFor();
  expect(await few.first().getAttribute('data-ranked')).toBe('false');
  expect(await page.locator('[data-testid=sc-entry][data-ranked=true]').count()).toBeGreaterThanOrEqual(2);
  const board = await fetchApi<{ entries: { name: string; responses: number; place: number | null }[] }>(page, url, 'GET', '/api/scorecards/leaderboard');
  const twelve = board.body.entries.filter((e) => e.responses === 12);
  expect(twelve.length).toBeGreaterThanOrEqual(1);
  expect(twelve.every((e) => e.place === null)).toBe(true);
  expect(board.body.entries.filter((e) => e.responses >= 30).every((e) => e.place !== null)).toBe(true);
  await page.screenshot({ path: join(shotsDir, 'scorecards-leaderboard-en-1440.png'), fullPage: true });
}, 120_000);

test('a scorecard fits 1440 and 390 px in Chinese, Russian and English', async () => {
  const db = session.verity.ctx.db;
  await signInAs('director@demo.verity.local');
  const wang = await db
    .selectFrom('staff as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .select('s.id')
    .where('o.slug', '=', 'demo')
    .where('s.name', '=', '王建国')
    .executeTakeFirstOrThrow();
  for (const locale of ['zh-CN', 'ru', 'en']) {
    await setLanguage(locale);
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${url}/scorecards/staff/${wang.id}`);
      await page.locator('[data-testid=sc-components]').waitFor();
      await page.locator('[data-testid=sc-trend]').waitFor();
      await noSidewaysScroll();
      await page.screenshot({ path: join(shotsDir, `scorecard-${locale}-${width}.png`), fullPage: true });
      await page.goto(`${url}/scorecards`);
      await page.locator('[data-testid=sc-leaderboard]').waitFor();
      await noSidewaysScroll();
      await page.screenshot({ path: join(shotsDir, `scorecards-leaderboard-${locale}-${width}.png`), fullPage: width === 390 });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}, 240_000);
