import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * Stories in Chromium on a fresh clinic: a patient writes a story on the form of the lobby QR
 * (no JavaScript needed), staff approve it, it is used by a post, a poster and a share link; the
 * patient revokes the social-media consent on their own page, and the story's page in the staff UI
 * shows all three uses flagged (and the post taken down). The library and the story page fit 1440
 * and 390 px in all three languages (screenshots in VERITY_SHOTS_DIR).
 */

let session: BrowserSession;
let page: Page;
let url: string;
let orgId: string;
let lobbyToken: string;
const ADMIN = 'stories.admin@clinic.test';
const MARKETING = 'stories.marketing@clinic.test';
const PASSWORD = 'a long stories password';

beforeAll(async () => {
  session = await startBrowserSession('verity-stories-', { demo: false, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  const db = session.verity.ctx.db;
  orgId = (await db.insertInto('organisations').values({ slug: 'stories-e2e', name: '仁心诊所', default_locale: 'zh-CN' }).returning('id').executeTakeFirstOrThrow()).id;
  const { createUser } = await import('../src/auth/create-user.ts');
  await createUser(db, { orgId, email: ADMIN, name: 'Admin', role: 'admin', password: PASSWORD });
  await createUser(db, { orgId, email: MARKETING, name: '林晓', role: 'marketing', password: PASSWORD });
  const { createStoryRequest } = await import('../src/stories/story-requests.ts');
  lobbyToken = (await createStoryRequest(db, { orgId, patientId: null, label: 'Lobby QR', locale: null, userId: null })).token;
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

test('revoking a consent on /my-story flags every use, and the story page shows the flags', async () => {
  const db = session.verity.ctx.db;
  const org = { id: orgId };

  // The patient, on the form: English, website and social media, one year, no connection.
  await page.goto(`${url}/tell/${lobbyToken}?lang=en`);
  await page.fill('#title', 'Kind nurses on the night shift');
  await page.fill('#body', 'The night nurses checked on me quietly and explained every medicine. I felt looked after.');
  await page.check('input[name=use][value=website]');
  await page.check('input[name=use][value=social]');
  await page.check('input[name=duration][value="1y"]');
  await page.check('input[name=material][value=none]');
  await page.click('button[type=submit]');
  await page.getByText('your story has been received').waitFor();
  const manage = await page.getByRole('link', { name: 'Open my story and consents' }).getAttribute('href');
  expect(manage).toMatch(/^\/my-story\//);

  // Staff approve it on its page.
  await page.context().clearCookies();
  await page.goto(`${url}/login`);
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
  await signIn(page, url, ADMIN, PASSWORD);
  const story = await db.selectFrom('stories').select('id').where('org_id', '=', org.id).where('title', '=', 'Kind nurses on the night shift').executeTakeFirstOrThrow();
  await page.goto(`${url}/stories`);
  await page.locator('[data-testid=stories]').getByText('Kind nurses on the night shift').click();
  await page.locator('[data-testid=story-detail]').waitFor();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.locator('.badge', { hasText: 'Approved' }).first().waitFor();

  // It is used by a post, a poster and a share link, each with an owner.
  const owner = await db.selectFrom('users').select('id').where('org_id', '=', org.id).where('email', '=', MARKETING).executeTakeFirstOrThrow();
  const { recordStoryUse } = await import('../src/stories/index.ts');
  const { createShareLink } = await import('../src/sharing/index.ts');
  const post = await db
    .insertInto('content_posts')
    .values({
      org_id: org.id,
      title: 'Night shift voices',
      channel: 'wechat',
      use: 'social',
      market: 'cn',
      status: 'scheduled',
      owner_user_id: owner.id,
      scheduled_for: new Date(Date.now() + 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const poster = await db
    .insertInto('posters')
    .values({ org_id: org.id, story_id: story.id, quote: 'The night nurses checked on me quietly', locale: 'en', use: 'social', channel: 'weibo' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const link = await createShareLink(db, { orgId: org.id, targetKind: 'story', targetId: story.id, channel: 'wechat', ownerUserId: owner.id });
  await recordStoryUse(db, { orgId: org.id, storyId: story.id, kind: 'post', refId: post.id, use: 'social', channel: 'wechat', label: 'Night shift voices', ownerUserId: owner.id });
  await recordStoryUse(db, { orgId: org.id, storyId: story.id, kind: 'poster', refId: poster.id, use: 'social', channel: 'weibo', label: 'Warm poster', ownerUserId: owner.id });
  await recordStoryUse(db, { orgId: org.id, storyId: story.id, kind: 'share_link', refId: link.id, use: 'social', channel: 'wechat', label: link.code, ownerUserId: owner.id });

  // The patient revokes the social-media consent on their own page.
  await page.context().clearCookies();
  await page.goto(`${url}${manage}`);
  await page.getByRole('button', { name: 'Revoke consent for social media' }).click();
  await page.getByText('Your consent is revoked').waitFor();
  expect(await page.getByRole('button', { name: 'Revoke consent for social media' }).count()).toBe(0);

  // Staff see every use flagged on the story's page.
  await page.goto(`${url}/login`);
  await signIn(page, url, ADMIN, PASSWORD);
  await page.goto(`${url}/stories/${story.id}`);
  await page.locator('[data-testid=story-flag-alert]').waitFor();
  const uses = page.locator('[data-testid=story-uses] li[data-flagged=true]');
  expect(await uses.count()).toBe(3);
  for (const kind of ['post', 'poster', 'share_link']) expect(await page.locator(`[data-testid=story-uses] li[data-kind=${kind}][data-flagged=true]`).count()).toBe(1);
  expect(await page.locator('[data-testid=story-consents] li[data-use=social][data-state=revoked]').count()).toBe(1);
  expect((await db.selectFrom('content_posts').select('status').where('id', '=', post.id).executeTakeFirstOrThrow()).status).toBe('taken_down');
  await page.screenshot({ path: join(shotsDir, 'stories-flagged-en-1440.png'), fullPage: true });

  // Marking one taken down clears its highlight.
  await page.locator('[data-testid=story-uses] li[data-kind=poster]').getByRole('button', { name: 'Mark taken down' }).click();
  await page.locator('[data-testid=story-uses] li[data-kind=poster].down').waitFor();
  expect(await page.locator('[data-testid=story-uses] li.flagged').count()).toBe(2);

  // The library shows the flags too; both pages fit a phone and a desktop in every language.
  for (const locale of ['en', 'ru', 'zh-CN']) {
    await page.evaluate(`localStorage.setItem('verity.lang', ${JSON.stringify(locale)})`);
    for (const [w, h] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${url}/stories`);
      await page.locator('[data-testid=stories] tbody tr').first().waitFor();
      await noSidewaysScroll();
      await page.screenshot({ path: join(shotsDir, `stories-library-${locale}-${w}.png`), fullPage: true });
      await page.goto(`${url}/stories/${story.id}`);
      await page.locator('[data-testid=story-compliance]').waitFor();
      await noSidewaysScroll();
      await page.screenshot({ path: join(shotsDir, `stories-detail-${locale}-${w}.png`), fullPage: true });
    }
  }
}, 240_000);
