import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * The staff side of surveys in Chromium: an admin creates a survey from a template, changes a
 * question in the builder and saves version 2, sees a clear error naming a broken question,
 * creates a link for a doctor and downloads its A6 card; the pages fit 1440 and 390 px in all three
 * languages.
 */

let session: BrowserSession;
let page: Page;
let url: string;
const email = 'surveys-admin@survey-builder.test';

beforeAll(async () => {
  session = await startBrowserSession('verity-surveys-', { demo: false, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  const db = session.verity.ctx.db;
  const { createUser } = await import('../src/auth/create-user.ts');
  const orgId = (await db.insertInto('organisations').values({ slug: 'survey-builder', name: '仁和医院', default_locale: 'zh-CN' }).returning('id').executeTakeFirstOrThrow()).id;
  const loc = (await db.insertInto('locations').values({ org_id: orgId, code: 'n', name: '北院区' }).returning('id').executeTakeFirstOrThrow()).id;
  const dept = (await db.insertInto('departments').values({ org_id: orgId, code: 'c', name: '心内科', location_id: loc }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('staff').values({ org_id: orgId, name: '王医生', department_id: dept }).execute();
  await createUser(db, { orgId, email, name: 'Admin', role: 'admin', password: 'correct horse battery' });
  await signIn(page, url, email, 'correct horse battery');
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

async function setLanguage(locale: string): Promise<void> {
  await page.evaluate(`localStorage.setItem('verity.lang', ${JSON.stringify(locale)})`);
}

test('creates a survey from a template, saves version 2 and shows a clear error for a broken question', async () => {
  await setLanguage('en');
  await page.goto(`${url}/surveys`);
  await page.locator('select[name=template]').selectOption('fft');
  await page.click('[data-testid=sv-create]');
  await page.locator('[data-testid=sv-builder]').waitFor();
  expect(await page.locator('textarea[name=text-0]').inputValue()).toBe('Overall, how was your experience of our service?');
  // Add a free-text question in English and Russian, then save.
  await page.locator('select[name=add-type-0]').selectOption('free_text');
  await page.click('[data-testid=sv-add-question]');
  const last = (await page.locator('[data-testid=sv-question]').count()) - 1;
  await page.fill(`textarea[name=text-${last}]`, 'Anything else?');
  await page.getByRole('tab', { name: 'Русский' }).click();
  await page.fill(`textarea[name=text-${last}]`, 'Что-нибудь ещё?');
  await page.click('[data-testid=sv-save]');
  await page.getByRole('button', { name: 'Save as version 3' }).waitFor();
  // A question emptied in every language: the server names it.
  await page.fill('textarea[name=text-1]', '');
  await page.getByRole('tab', { name: 'English' }).click();
  await page.fill('textarea[name=text-1]', '');
  await page.getByRole('tab', { name: '中文' }).click();
  await page.fill('textarea[name=text-1]', '');
  await page.click('[data-testid=sv-save]');
  await expect.poll(() => page.locator('.form-error').first().textContent()).toContain('page 1, question 2 ("why"): text: a text needs at least one language');
  await page.screenshot({ path: join(shotsDir, 'surveys-builder-1440.png'), fullPage: false });
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await page.getByRole('tab', { name: 'Versions' }).click();
  await expect.poll(() => page.locator('.sv-version').count()).toBe(2);
});

test('creates a doctor’s link and its A6 card downloads as a PDF', async () => {
  await page.getByRole('tab', { name: 'Links and QR codes' }).click();
  await page.locator('select[name=scope]').selectOption('staff');
  await page.locator('select[name=target]').selectOption({ label: '王医生' });
  await page.locator('select[name=locale]').selectOption('ru');
  await page.getByRole('button', { name: 'Create link' }).click();
  const row = page.locator('[data-testid=sv-link-table] tbody tr').first();
  await row.waitFor();
  expect(await row.textContent()).toContain('王医生 · 心内科');
  const href = await row.getByRole('link', { name: 'A6 card (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(`${url}${href}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: join(shotsDir, 'surveys-links-1440.png'), fullPage: true });
});

test('the pages fit a phone in every language', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const locale of ['zh-CN', 'ru', 'en']) {
    await setLanguage(locale);
    await page.goto(`${url}/surveys`);
    await page.locator('[data-testid=sv-list]').waitFor();
    await noSidewaysScroll();
    await page.screenshot({ path: join(shotsDir, `surveys-list-390-${locale}.png`), fullPage: true });
    await page.locator('[data-testid=sv-list] a').first().click();
    await page.locator('[data-testid=sv-builder]').waitFor();
    const surveyId = new URL(page.url()).pathname.split('/')[2];
    await noSidewaysScroll();
    await page.screenshot({ path: join(shotsDir, `surveys-builder-390-${locale}.png`), fullPage: false });
    await page.goto(`${url}/surveys/settings`);
    await page.locator('[data-testid=sv-review-links]').waitFor();
    await noSidewaysScroll();
    await page.goto(`${url}/surveys/${surveyId}/links`);
    await page.locator('[data-testid=sv-link-table]').waitFor();
    await noSidewaysScroll();
    await page.screenshot({ path: join(shotsDir, `surveys-links-390-${locale}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
});
