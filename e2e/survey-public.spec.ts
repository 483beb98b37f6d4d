import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shotsDir, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * A patient on a phone (390×844) scans the clinic's QR code: the survey opens in Russian (the
 * link's language), without a script and without sideways scrolling; a detractor answers 2 and
 * asks to be called back; the thank-you page offers the same review links a promoter gets; and the
 * workers turn the low score into a general case.
 */

let session: BrowserSession;
let page: Page;
let url: string;
let orgId: string;
let token: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-survey-', { demo: false, viewport: { width: 390, height: 844 } });
  page = session.page;
  url = session.verity.url;
  const db = session.verity.ctx.db;
  const { createSurveyFromTemplate, createSurveyLink } = await import('../src/surveys/index.ts');
  const { setReviewLinks } = await import('../src/surveys/public/test-fixture.ts');
  orgId = (await db.insertInto('organisations').values({ slug: 'survey-e2e', name: 'Клиника «Здоровье»', default_locale: 'en' }).returning('id').executeTakeFirstOrThrow()).id;
  const surveyId = await createSurveyFromTemplate(db, { orgId, template: 'nps_why' });
  token = (await createSurveyLink(db, { orgId, surveyId, scope: 'organisation', locale: 'ru', label: 'QR в холле' })).token;
  await setReviewLinks(db, orgId, [
    { label: 'Яндекс Карты', url: 'https://yandex.example/maps/org/zdorovie' },
    { label: '2ГИС', url: 'https://2gis.example/firm/zdorovie' },
  ]);
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page, 0);

/** Answers every page (the NPS with `score`, the comment when given) and submits; returns the thank-you page's review-link markup. */
async function answer(score: number, comment: string, callback?: { name: string; phone: string }): Promise<string> {
  await page.goto(`${url}/s/${token}`);
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  expect(await page.content()).not.toMatch(/<script/i);
  expect(await page.locator('script').count()).toBe(0);
  await noSidewaysScroll();
  for (let guard = 0; guard < 10; guard++) {
    const nps = page.locator(`label[for="q.nps-${score}"]`);
    if (await nps.count()) await nps.click();
    const why = page.locator('textarea[name="q.why"]');
    if ((await why.count()) && comment) await why.fill(comment);
    if (callback && (await page.locator('input[name="q.contact.ok"]').count())) {
      await page.locator('label[for="q.contact.ok"]').click();
      await page.fill('input[name="q.contact.name"]', callback.name);
      await page.fill('input[name="q.contact.phone"]', callback.phone);
    }
    const submit = page.locator('button[value=submit]');
    if (await submit.count()) {
      await submit.click();
      break;
    }
    await page.locator('button[value=next]').click();
  }
  await page.locator('h1', { hasText: 'Спасибо' }).waitFor();
  await noSidewaysScroll();
  expect(await page.content()).not.toMatch(/<script/i);
  return page.locator('ul.links').evaluate((el) => el.outerHTML);
}

test('a detractor answering in Russian on a phone sees the same review links as a promoter, and a general case opens', async () => {
  await page.goto(`${url}/s/${token}`);
  await page.locator('legend', { hasText: 'Насколько вероятно' }).waitFor();
  await page.screenshot({ path: join(shotsDir, 'survey-public-390-ru.png'), fullPage: true });
  // The first press on an empty required question names it, in Russian.
  await page.locator('button[value=submit]').click();
  await page.locator('.error', { hasText: 'Пожалуйста, ответьте на вопрос' }).waitFor();
  await noSidewaysScroll();

  const detractor = await answer(2, 'Ждали приёма полтора часа, никто ничего не объяснил.', { name: 'Анна', phone: '+7 900 000-00-00' });
  await page.screenshot({ path: join(shotsDir, 'survey-thanks-390-ru.png'), fullPage: true });
  // Another patient on the same link (a fresh phone: no response cookie).
  await page.context().clearCookies();
  const promoter = await answer(10, 'Очень внимательный врач, спасибо!');
  expect(detractor).toContain('Яндекс Карты');
  expect(detractor).toBe(promoter);

  const db = session.verity.ctx.db;
  const low = await db
    .selectFrom('survey_responses')
    .select(['mention_id', 'score_band', 'review_links_shown', 'contact_ok'])
    .where('org_id', '=', orgId)
    .where('nps', '=', 2)
    .executeTakeFirstOrThrow();
  const high = await db.selectFrom('survey_responses').select(['review_links_shown', 'score_band']).where('org_id', '=', orgId).where('nps', '=', 10).executeTakeFirstOrThrow();
  expect(low).toMatchObject({ score_band: 'low', review_links_shown: 2, contact_ok: true });
  expect(high).toMatchObject({ score_band: 'high', review_links_shown: 2 });
  // The analysis worker, then the cases job, open the general case.
  let opened: { tier: string } | undefined;
  for (let i = 0; i < 120 && !opened; i++) {
    opened = await db.selectFrom('cases').select('tier').where('org_id', '=', orgId).where('origin_mention_id', '=', low.mention_id!).executeTakeFirst();
    if (!opened) await new Promise((r) => setTimeout(r, 500));
  }
  expect(opened).toEqual({ tier: 'general' });
}, 180_000);
