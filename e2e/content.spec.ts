import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_WEBSITE_ONLY_TITLE } from '../src/demo/demo-stories.ts';
import { shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * The content calendar and posters in Chromium on the demo clinic (China): 李阿姨's story, consented
 * for the website only, cannot be scheduled as an online advertisement — the page names the consent
 * rule and cn.ad_testimonial with its law and why; a poster made from a Chinese quote renders the
 * Chinese (its PNG is saved in VERITY_SHOTS_DIR to look at, and its pixels are checked); the pages
 * fit 1440 and 390 px in three languages.
 */

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-content-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  mkdirSync(shotsDir, { recursive: true });
  await signIn(page, url, 'admin@demo.verity.local');
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
}, 600_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

test('a website-only story cannot be scheduled as an advertisement in China, and the page says which rule and why', async () => {
  await page.goto(`${url}/content`);
  await page.locator('[data-testid=content-calendar]').waitFor();
  await expect.poll(() => page.locator('[data-testid=calendar-post]').count()).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'New post' }).click();
  const form = page.locator('[data-testid=post-form]');
  await form.locator('input[name=title]').fill('Online ad: patient story');
  await form.locator('select[name=channel]').selectOption('online_ads');
  await form.locator('select[name=use]').selectOption('advertising');
  const soon = new Date(Date.now() + 5 * 86_400_000);
  const local = `${soon.getFullYear()}-${String(soon.getMonth() + 1).padStart(2, '0')}-${String(soon.getDate()).padStart(2, '0')}T10:00`;
  await form.locator('input[name=when]').fill(local);
  await form.locator('select[name=status]').selectOption('scheduled');
  await form.locator('label', { hasText: DEMO_WEBSITE_ONLY_TITLE }).locator('input[type=checkbox]').check();
  await form.getByRole('button', { name: 'Save' }).click();
  const refusal = page.locator('[data-testid=use-refusal]');
  await refusal.waitFor();
  expect(await refusal.innerText()).toContain('This post cannot be scheduled');
  expect(await refusal.innerText()).toContain(DEMO_WEBSITE_ONLY_TITLE);
  const consent = refusal.locator('li[data-rule="consent.none"]');
  expect(await consent.innerText()).toContain('The patient has not consented to advertising.');
  const law = refusal.locator('li[data-rule="cn.ad_testimonial"]');
  expect(await law.innerText()).toContain("China: medical advertising may not use patients' testimonials");
  expect(await law.innerText()).toContain('《中华人民共和国广告法》第十六条');
  await page.screenshot({ path: join(shotsDir, 'content-refusal-1440.png') });
  // Nothing was scheduled.
  const db = session.verity.ctx.db;
  expect(await db.selectFrom('content_posts').select('id').where('title', '=', 'Online ad: patient story').execute()).toHaveLength(0);
});

test('a poster with a Chinese quote renders the Chinese (PNG saved to look at, pixels checked)', async () => {
  const db = session.verity.ctx.db;
  const li = await db.selectFrom('stories').select('id').where('title', '=', DEMO_WEBSITE_ONLY_TITLE).executeTakeFirstOrThrow();
  await page.goto(`${url}/content?tab=posters&story=${li.id}`);
  const maker = page.locator('[data-testid=poster-maker]');
  await maker.waitFor();
  // The story's text fills the quote once the stories have loaded; type over it only after that.
  const quote = maker.locator('textarea[name=quote]');
  await expect.poll(() => quote.inputValue()).not.toBe('');
  await quote.fill('夜班的护士每次查房都轻声细语，耐心地给我讲每一种药是做什么的。');
  await maker.locator('select[name=size]').selectOption('square');
  await page.locator('[data-testid=poster-preview]').waitFor({ timeout: 30_000 });
  const before = await page.locator('[data-testid=poster-item]').count();
  await page.locator('[data-testid=make-poster]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=poster-item]').length > n, before, { timeout: 30_000 });
  await page.screenshot({ path: join(shotsDir, 'content-posters-1440.png'), fullPage: true });
  const poster = await db.selectFrom('posters').select(['id', 'quote', 'png']).where('story_id', '=', li.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  expect(poster.quote).toBe('夜班的护士每次查房都轻声细语，耐心地给我讲每一种药是做什么的。');
  const res = await page.request.get(`${url}/api/posters/${poster.id}/png`);
  expect(res.status()).toBe(200);
  const png = Buffer.from(await res.body());
  writeFileSync(join(shotsDir, 'content-poster-zh.png'), png);
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect(info).toMatchObject({ width: 1080, height: 1080 });
  // The quote's band (between the header and the attribution) holds dark glyph pixels; the poster is not blank.
  let dark = 0;
  const colours = new Set<number>();
  for (let y = Math.floor(info.height * 0.25); y < Math.floor(info.height * 0.55); y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      if (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]! < 100) dark++;
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
  expect(dark / (info.width * info.height * 0.3)).toBeGreaterThan(0.02);
  expect(colours.size).toBeGreaterThan(20);
});

test('the content pages fit 1440 and 390 px in three languages', async () => {
  for (const lang of ['zh-CN', 'ru', 'en']) {
    await page.evaluate(`localStorage.setItem('verity.lang', ${JSON.stringify(lang)})`);
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const tab of ['calendar', 'posters', 'brand']) {
        await page.goto(`${url}/content${tab === 'calendar' ? '' : `?tab=${tab}`}`);
        await page.locator(tab === 'calendar' ? '[data-testid=content-calendar]' : tab === 'posters' ? '[data-testid=poster-list]' : '[data-testid=brand-settings]').waitFor();
        await page.waitForLoadState('networkidle');
        await noSidewaysScroll();
        await page.screenshot({ path: join(shotsDir, `content-${tab}-${lang}-${w}.png`), fullPage: tab !== 'posters' });
      }
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
});
