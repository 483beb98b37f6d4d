import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi, shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * Corrections in Chromium on the demo clinic: a triager (the PR officer) changes a mention's
 * sentiment and links a staff member on the mention's page; the inbox shows both (its card's badge,
 * the sentiment and staff filters); undo brings the engine's reading back. The corrections fit
 * 1440 and 390 px in all three languages (screenshots in VERITY_SHOTS_DIR).
 */

let session: BrowserSession;
let page: Page;
let url: string;
let mentionId: string;
let engineLabel: string;

interface Listed {
  id: string;
  analysis: { sentiment: { label: string }; staff: { id: string }[] } | null;
}

beforeAll(async () => {
  session = await startBrowserSession('verity-corrections-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  await page.goto(`${url}/login`);
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
  await signIn(page, url, 'pr@demo.verity.local');
  const { items } = await callApi<{ items: Listed[] }>(page, url, 'GET', '/api/mentions?sentiment=positive&limit=20');
  const chosen = items.find((m) => m.analysis);
  if (!chosen) throw new Error('the demo has no analysed positive mention');
  mentionId = chosen.id;
  engineLabel = chosen.analysis!.sentiment.label;
}, 600_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

const detail = () => page.locator('[data-testid=mention-detail]');
const corrections = () => page.locator('[data-testid=corrections]');

async function openMention(query = ''): Promise<void> {
  await page.goto(`${url}/inbox?${query}${query ? '&' : ''}mention=${mentionId}`);
  await corrections().waitFor();
}

test('a triager corrects the sentiment and links a staff member; the inbox shows both; undo restores the engine', async () => {
  await openMention();
  expect(engineLabel).toBe('positive');
  await page.selectOption('[data-testid=correct-sentiment]', 'negative');
  await page.locator('[data-testid=sentiment-corrected]').waitFor();
  expect(await page.locator('[data-testid=sentiment-corrected]').innerText()).toMatch(/The engine said Positive · Corrected by Лиза Орлова \(PR\)/);
  expect(await detail().locator('.detail-badges .badge-negative').innerText()).toBe('Negative');

  const pick = page.locator('[data-testid=add-staff-pick]');
  const option = pick.locator('option:not([value=""])').first();
  const staffId = (await option.getAttribute('value'))!;
  const staffName = (await option.innerText()).split(' · ')[0]!;
  await pick.selectOption(staffId);
  await page.click('[data-testid=add-staff]');
  await page.locator('[data-testid=undo-staff-add]').waitFor();
  expect(await corrections().locator('[data-testid=correct-staff]').allInnerTexts()).toContainEqual(expect.stringContaining(staffName));

  // The inbox: the card's badge, and the sentiment and staff filters find the mention.
  await openMention('sentiment=negative');
  const card = page.locator('[data-testid=mention-card].selected');
  expect(await card.locator('.badge-negative').innerText()).toBe('Negative');
  const byStaff = await callApi<{ items: Listed[] }>(page, url, 'GET', `/api/mentions?staff=${staffId}&limit=200`);
  expect(byStaff.items.map((m) => m.id)).toContain(mentionId);

  await page.setViewportSize({ width: 1440, height: 900 });
  for (const locale of ['en', 'ru', 'zh-CN']) {
    await page.evaluate(`localStorage.setItem('verity.lang', ${JSON.stringify(locale)})`);
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await openMention();
      await corrections().scrollIntoViewIfNeeded();
      await noSidewaysScroll();
      await corrections().screenshot({ path: join(shotsDir, `corrections-${locale}-${w}.png`) });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
  await openMention();

  // Undo, both: the engine's reading is back.
  await page.click('[data-testid=undo-sentiment]');
  await page.locator('[data-testid=sentiment-corrected]').waitFor({ state: 'detached' });
  expect(await detail().locator('.detail-badges .badge-positive').innerText()).toBe('Positive');
  await page.click('[data-testid=undo-staff-add]');
  await page.locator('[data-testid=undo-staff-add]').waitFor({ state: 'detached' });
  const after = await callApi<{ mention: Listed & { corrections: unknown[] } }>(page, url, 'GET', `/api/mentions/${mentionId}`);
  expect(after.mention.corrections).toEqual([]);
  expect(after.mention.analysis!.sentiment.label).toBe('positive');
  expect(after.mention.analysis!.staff.map((s) => s.id)).not.toContain(staffId);
}, 300_000);
