import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi, shotsDir, signIn, startBrowserSession, type BrowserSession } from './browser.ts';

/*
 * Referrals in Chromium on the demo clinic: staff make a demo patient's referral link on the
 * patient page; a new patient opens it, books from the landing page and, once marked visited, the
 * ledger shows both rewards; then the referrer books on their own link with their own phone: the
 * self-referral is held and shows in Review with its reason.
 */

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-referrals-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
}, 600_000);

afterAll(async () => {
  await session?.close();
});

async function book(code: string, fields: { name: string; phone: string }): Promise<void> {
  await page.goto(`${url}/r/${code}?lang=en`);
  await page.fill('input[name=name]', fields.name);
  await page.fill('input[name=phone]', fields.phone);
  await page.check('input[name=consent]');
  await page.click('button[type=submit]');
  await page.getByText('We have your request').waitFor();
}

async function markVisited(rowText: string | RegExp, alsoText?: string): Promise<void> {
  await page.goto(`${url}/referrals?tab=referrals`);
  let row = page.locator('[data-testid=referrals-table] tbody tr', { hasText: rowText });
  if (alsoText) row = row.filter({ hasText: alsoText });
  await row.first().getByRole('button', { name: 'Mark visited' }).click();
  await row.first().getByText('Visited', { exact: true }).waitFor();
}

test('a demo patient’s link brings a new patient who books; once visited the ledger shows both rewards; a self-referral is held for review', async () => {
  await page.goto(`${url}/login`);
  await page.evaluate(`localStorage.setItem('verity.lang', 'en')`);
  await signIn(page, url, 'admin@demo.verity.local');
  const db = session.verity.ctx.db;
  // A demo patient who has visited, with a phone, and no referral link yet.
  const referrer = await db
    .selectFrom('patients as p')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.phone'])
    .where('o.slug', '=', 'demo')
    .where('p.phone', 'is not', null)
    .where('p.phone', '<>', '')
    .where((eb) => eb.exists(eb.selectFrom('visits as v').select('v.id').whereRef('v.patient_id', '=', 'p.id')))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('share_links as l').select('l.id').whereRef('l.owner_patient_id', '=', 'p.id'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('referrals as r').select('r.id').whereRef('r.referee_patient_id', '=', 'p.id'))))
    .orderBy('p.external_id')
    .executeTakeFirstOrThrow();

  await page.goto(`${url}/patients/${referrer.id}`);
  const panel = page.locator('[data-testid=patient-referrals]');
  await panel.getByRole('button', { name: 'Make a referral link' }).click();
  const code = (await panel.locator('[data-testid=referral-code]').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  expect(await panel.locator('[data-testid=referral-url]').innerText()).toBe(`${url}/r/${code}`);
  await page.screenshot({ path: join(shotsDir, 'referrals-patient-panel-en-1440.png'), fullPage: true });

  // The landing page: the offer, and the referrer named by first name or initial at most.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${url}/r/${code}?lang=en`);
  expect(await page.locator('.notice').innerText()).toContain('免费健康检查一次');
  expect(await page.content()).not.toContain(referrer.phone!);
  await page.click('button[type=submit]');
  await page.getByText('Please tick the box so that we may contact you.').waitFor();
  await page.screenshot({ path: join(shotsDir, 'referrals-landing-errors-en-390.png'), fullPage: true });
  await book(code, { name: 'E2E New Patient', phone: '+86 100 0000 9911' });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The programme pays on the visit: the front desk marks it, then both rewards are in the ledger.
  await markVisited('E2E New Patient');
  await page.goto(`${url}/referrals?tab=ledger`);
  const rewards = page.locator('[data-testid=rewards-table] tbody tr');
  await rewards.first().waitFor();
  const newPatient = rewards.filter({ hasText: 'E2E New Patient' });
  expect(await newPatient.count()).toBe(1);
  expect(await newPatient.innerText()).toContain('Earned');
  const ours = await callApi<{ items: { referralId: string; role: string; status: string; patient: { id: string } | null }[] }>(page, url, 'GET', '/api/rewards');
  const referral = ours.items.find((r) => r.role === 'referee' && r.status === 'earned' && r.patient && r.patient.id !== referrer.id)!;
  const pair = ours.items.filter((r) => r.referralId === referral.referralId);
  expect(pair.map((r) => [r.role, r.status]).sort()).toEqual([
    ['referee', 'earned'],
    ['referrer', 'earned'],
  ]);
  expect(pair.find((r) => r.role === 'referrer')!.patient!.id).toBe(referrer.id);
  expect(await rewards.filter({ hasText: referrer.name }).filter({ hasText: 'Earned' }).count()).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: join(shotsDir, 'referrals-ledger-en-1440.png'), fullPage: true });

  // The referrer books on their own link with their own phone: held for review with the reason.
  await book(code, { name: 'Not Really New', phone: referrer.phone! });
  await markVisited(referrer.name, 'Self-referral');
  await page.goto(`${url}/referrals?tab=review`);
  const held = page.locator('[data-testid=review-table] tbody tr', { hasText: referrer.name });
  await held.first().waitFor();
  expect(await held.count()).toBe(2);
  expect(await held.first().innerText()).toContain('Self-referral: the new patient is the referrer');
  await page.screenshot({ path: join(shotsDir, 'referrals-review-en-1440.png'), fullPage: true });
}, 240_000);
