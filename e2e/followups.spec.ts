import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * A patient on a phone (390×844) scans a diabetes plan's QR code, joins with the consent step,
 * sends an out-of-range fasting glucose and a wound photo from the portal (no script anywhere);
 * a nurse of the care team signs in and finds the urgent task at the top of today's tasks.
 */

let session: BrowserSession;
let page: Page;
let url: string;
let enrolPath: string;
const NURSE = 'nurse.e2e@clinic.test';
const PASSWORD = 'a long nurse password';

beforeAll(async () => {
  session = await startBrowserSession('verity-followups-', { demo: false, viewport: { width: 390, height: 844 } });
  page = session.page;
  url = session.verity.url;
  const db = session.verity.ctx.db;
  const orgId = (await db.insertInto('organisations').values({ slug: 'follow-e2e', name: '康复医院', default_locale: 'zh-CN' }).returning('id').executeTakeFirstOrThrow()).id;
  const dept = (await db.insertInto('departments').values({ org_id: orgId, code: 'endo', name: '内分泌科' }).returning('id').executeTakeFirstOrThrow()).id;
  const { createUser } = await import('../src/auth/create-user.ts');
  await createUser(db, { orgId, email: NURSE, name: '护士 王', role: 'staff', password: PASSWORD, departmentIds: [dept] });
  const nurse = await db.selectFrom('users').select('id').where('email', '=', NURSE).executeTakeFirstOrThrow();
  await db.updateTable('users').set({ locale: 'zh-CN' }).where('id', '=', nurse.id).execute();
  const { ensureDefaultPlans } = await import('../src/followups/index.ts');
  await ensureDefaultPlans(db, { orgId, userId: null, actor: 'e2e', ip: null }, 'zh-CN');
  // The diabetes plan belongs to endocrinology, whose nurse is its care team.
  await db.updateTable('followup_plans').set({ department_id: dept }).where('org_id', '=', orgId).where('condition', '=', 'diabetes').execute();
  const plan = await db.selectFrom('followup_plans').select('enrol_token').where('org_id', '=', orgId).where('condition', '=', 'diabetes').where('risk', '=', 'medium').executeTakeFirstOrThrow();
  enrolPath = `/f/${plan.enrol_token}`;
}, 180_000);

afterAll(async () => {
  await session?.close();
});

const noSidewaysScroll = () => expectNoSidewaysScroll(page, 0);

test('a patient enrols by QR, sends an out-of-range reading and a photo; the care team sees the urgent task', async () => {
  // The clinic prints the QR code of the Chinese enrolment page (a phone in English would get English without ?lang).
  await page.goto(`${url}${enrolPath}?lang=zh-CN`);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await page.locator('#consent-text', { hasText: '我同意康复医院' }).waitFor();
  expect(await page.locator('script').count()).toBe(0);
  await noSidewaysScroll();
  await page.screenshot({ path: join(shotsDir, 'followups-enrol-390-zh.png'), fullPage: true });

  // Without the consent ticked nothing is enrolled, and what was typed stays.
  await page.fill('#name', '测试患者 李');
  await page.fill('#phone', '+86 100 0000 0001');
  await page.locator('button[type=submit]').click();
  await page.locator('.field-error', { hasText: '请阅读知情同意' }).waitFor();
  expect(await page.inputValue('#name')).toBe('测试患者 李');
  await page.locator('input[name=consent]').check();
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => u.pathname.startsWith('/p/'));
  await page.locator('.notice', { hasText: '您已加入随访' }).waitFor();
  await noSidewaysScroll();

  await page.fill('input[name=glucose_fasting]', '13.2');
  await page.locator('form[action*="/readings"] button[type=submit]').click();
  await page.locator('.notice', { hasText: '医护团队已收到通知' }).waitFor();
  await page.screenshot({ path: join(shotsDir, 'followups-portal-390-zh.png'), fullPage: true });

  const photo = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#d88' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } })
    .toBuffer();
  await page.locator('input[name=file]').setInputFiles({ name: 'wound.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('form[action*="/photo"] button[type=submit]').click();
  await page.locator('.notice', { hasText: '照片已保存' }).waitFor();
  expect(await page.content()).not.toMatch(/<script/i);

  // The nurse (in another browser context: the patient has no session) opens today's tasks.
  await page.context().clearCookies();
  await signIn(page, url, NURSE, PASSWORD);
  await page.goto(`${url}/follow-ups`);
  const first = page.locator('[data-testid=fu-tasks] tbody tr, [data-testid=fu-tasks] .record').first();
  await first.waitFor();
  await page.locator('[data-testid=fu-tasks]', { hasText: '指标异常' }).waitFor();
  await page.locator('[data-testid=fu-tasks]', { hasText: '测试患者 李' }).waitFor();
  expect(await first.innerText()).toContain('紧急');
  await noSidewaysScroll();
  await page.screenshot({ path: join(shotsDir, 'followups-tasks-390-zh.png'), fullPage: true });
  await page.locator('[data-testid=fu-tasks] a', { hasText: '测试患者 李' }).first().click();
  await page.locator('[data-testid=fu-readings]', { hasText: '13.2' }).waitFor();
  await page.locator('.fu-photos img').first().waitFor();
  await page.screenshot({ path: join(shotsDir, 'followups-enrolment-390-zh.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: join(shotsDir, 'followups-enrolment-1440-zh.png'), fullPage: true });
  await page.goto(`${url}/follow-ups/plans`);
  await page.locator('[data-testid=fu-plans]', { hasText: '糖尿病' }).waitFor();
  await page.screenshot({ path: join(shotsDir, 'followups-plans-1440-zh.png'), fullPage: true });
  // The staff pages in Russian and English, at both widths: no message key shows through.
  for (const [locale, word] of [
    ['ru', 'Пациенты'],
    ['en', 'Patients'],
  ] as const) {
    await page.locator('[data-testid=language-switch]').selectOption(locale);
    for (const [path, ready] of [
      ['/follow-ups/enrolments', '[data-testid=fu-enrolments]'],
      ['/follow-ups', '[data-testid=fu-tasks]'],
    ] as const) {
      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`${url}${path}`);
        await page.locator(ready).waitFor();
        await page.locator('[role=tab]', { hasText: word }).waitFor();
        expect(await page.locator('main, .page').first().innerText()).not.toMatch(/\bfu\.[a-zA-Z]/);
        if (width === 390) await noSidewaysScroll();
        await page.screenshot({ path: join(shotsDir, `followups-${path.split('/')[2] ?? 'tasks'}-${width}-${locale}.png`), fullPage: true });
      }
    }
  }
}, 180_000);
