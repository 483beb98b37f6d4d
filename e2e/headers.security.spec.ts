import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn, startBrowserSession, type BrowserSession } from './browser.ts';

/*
 * Issue 13: the app's Content-Security-Policy (no inline script, no inline style element, never
 * framed) must not break a page. Chromium opens every page of the route table signed in as an admin and a
 * patient-facing page (a survey link), and records every `securitypolicyviolation` event and every
 * CSP complaint on the console: there must be none.
 */

let session: BrowserSession;
let page: Page;
let url: string;
let surveyToken: string;
const violations: string[] = [];
const ADMIN = 'admin@headers.test';
const PASSWORD = 'violet tractor sings loudly';

beforeAll(async () => {
  // A fresh store (the demo's seed costs minutes on a loaded machine): one clinic and its admin.
  session = await startBrowserSession('verity-headers-', { demo: false, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  const db = session.verity.ctx.db;
  const orgId = (await db.insertInto('organisations').values({ slug: 'headers-e2e', name: 'Clinic Headers' }).returning('id').executeTakeFirstOrThrow()).id;
  const { createUser } = await import('../src/auth/index.ts');
  await createUser(db, { orgId, email: ADMIN, name: 'Header Admin', role: 'admin', password: PASSWORD });
  const { createSurveyFromTemplate, createSurveyLink } = await import('../src/surveys/index.ts');
  const surveyId = await createSurveyFromTemplate(db, { orgId, template: 'nps_why' });
  surveyToken = (await createSurveyLink(db, { orgId, surveyId, scope: 'organisation', locale: 'en', label: 'Lobby QR' })).token;
  await page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`csp-violation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('csp-violation') || text.includes('Content Security Policy')) violations.push(`${page.url()}: ${text}`);
  });
}, 420_000);

afterAll(async () => {
  await session?.close();
});

test('every main page works under the CSP with no violation', async () => {
  const first = await page.goto(`${url}/login`);
  const csp = first!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(first!.headers()['x-content-type-options']).toBe('nosniff');
  await signIn(page, url, ADMIN, PASSWORD);
  // Every page of the route table, on an empty clinic: each loads its bundle, styles and data calls under the policy.
  for (const path of [
    '/inbox',
    '/my-work',
    '/cases',
    '/alerts',
    '/dashboards',
    '/scorecards',
    '/surveys',
    '/outreach',
    '/follow-ups',
    '/patients',
    '/referrals',
    '/stories',
    '/content',
    '/advocates',
    '/sharing',
    '/import',
    '/sources',
    '/survey-reports',
    '/reports',
    '/settings',
    '/audit',
  ]) {
    await page.goto(`${url}${path}`);
    await page.locator('.topbar').waitFor();
    await page.waitForLoadState('networkidle');
    expect(violations, `after ${path}`).toEqual([]);
  }
}, 240_000);

test('a public survey page renders its stylesheet under its hash-only CSP', async () => {
  const res = await page.goto(`${url}/s/${surveyToken}`);
  expect(res!.status()).toBe(200);
  expect(res!.headers()['content-security-policy']).toMatch(/style-src 'sha256-/);
  // The stylesheet applied: the page's main column is centred with its max width, not the browser default.
  const maxWidth = await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth);
  expect(maxWidth).not.toBe('none');
  expect(violations).toEqual([]);
}, 60_000);
