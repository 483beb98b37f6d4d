import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditMessages } from '../src/audit/audit.messages.ts';
import { callApi, fetchApi, shotsDir, signIn as signInAs, startBrowserSession, type BrowserSession } from './browser.ts';

// A patient-service nurse's day on a phone, end to end in Chromium against a real Verity (PGlite
// or PostgreSQL, queue workers running): a colleague opens a case from a complaint, the general
// team's round-robin gives it to the one member on shift, she finds it in My work, links the
// patient's second message to it, drafts a public answer that the privacy check refuses, fixes it,
// and a second person (PR) approves it; the case moves on, and the audit log tells each step in Russian.
const PHONE = { width: 390, height: 844 };
const marker = 'Lindenbaum';
const first = `Waited two hours at the ${marker} reception and nobody told us why. Very disappointing visit.`;
const second = `Still no call back after the ${marker} reception wait. The receptionist was rude on the phone.`;
const service = 'service@demo.verity.local';

let session: BrowserSession;
let verity: BrowserSession['verity'];
let page: Page;
let caseId = '';
let caseNumber = 0;

/** Calls the API with the browser's session and CSRF cookie: the status and the parsed answer, or (call) the answer, throwing unless it succeeded. */
const api = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => fetchApi<T>(page, verity.url, method, path, data);
const call = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => callApi<T>(page, verity.url, method, path, data);

/** The page has nothing wider than the phone's screen. */
async function expectNoSidewaysScroll(what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

const signIn = (email: string) => signInAs(page, verity.url, email);

/** Signs out the way a person would on a phone: the sign-out button is in the menu drawer. */
async function signOut() {
  const button = page.locator('.logout-button:visible');
  if ((await button.count()) === 0) await page.locator('.nav-toggle').click();
  await button.first().click();
  await page.waitForURL('**/login');
}

beforeAll(async () => {
  session = await startBrowserSession('verity-e2e-team-day-', { demo: false, viewport: PHONE });
  ({ verity, page } = session);
  const { seedDemo } = await import('../src/demo/seed-demo.ts');
  await seedDemo(verity.ctx, { count: 40 });
}, 180_000);

afterAll(async () => {
  await session?.close();
});

describe("a patient-service nurse's day on a phone", () => {
  test('a colleague opens a case from a complaint, and the general team round-robin gives it to the one member on shift', async () => {
    await signIn('admin@demo.verity.local');
    const { items: teams } = await call<{ items: { id: string; defaultKey: string | null; autoAssign: boolean; members: { userId: string; name: string; onShift: boolean }[] }[] }>(
      'GET',
      '/api/teams',
    );
    const general = teams.find((t) => t.defaultKey === 'general')!;
    const { items: users } = await call<{ items: { id: string; email: string }[] }>('GET', '/api/users');
    const nurse = users.find((u) => u.email === service)!;
    expect(general.autoAssign).toBe(true);
    expect(general.members.map((m) => m.userId)).toContain(nurse.id);
    // Everyone else in the team is off shift today: the round-robin must pick her.
    for (const m of general.members) if (m.userId !== nurse.id && m.onShift) await call('PATCH', `/api/teams/${general.id}/members/${m.userId}`, { onShift: false });

    const { mention } = await call<{ mention: { id: string } }>('POST', '/api/mentions', { kind: 'offline_complaint', text: first, authorHandle: 'Mrs Petrova' });
    await call('POST', '/api/mentions', { kind: 'offline_complaint', text: second, authorHandle: 'M. Petrova (phone)' });
    const opened = await call<{ case: { id: string; number: number; assigneeId: string | null; tier: string } }>('POST', '/api/cases', {
      mentionIds: [mention.id],
      tier: 'general',
      title: `${marker} reception wait`,
    });
    expect(opened.case.tier).toBe('general');
    expect(opened.case.assigneeId).toBe(nurse.id);
    caseId = opened.case.id;
    caseNumber = opened.case.number;
    await signOut();
  });

  test('she finds it at the top of My work, opens it, and links the second message to it', async () => {
    await signIn(service);
    await page.goto(`${verity.url}/my-work`);
    const link = page.locator(`a[href="/cases/${caseId}"]`).first();
    await link.waitFor();
    await expectNoSidewaysScroll('my work');
    await page.screenshot({ path: join(shotsDir, 'team-day-my-work-390.png'), fullPage: true });
    await link.click();
    await page.locator('[data-testid=case-page]').waitFor();
    await expectNoSidewaysScroll('the case');

    const mentions = page.locator('[data-testid=case-mentions]');
    await mentions.locator('[data-testid=link-mention]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=mentionSearch]').fill('receptionist was rude');
    await dialog.locator('input[name=linkReason]').fill('Same patient, same visit');
    const hit = dialog.locator('[data-testid=link-hits] li').filter({ hasText: 'Still no call back' });
    await hit.getByRole('button').click();
    await expect.poll(() => mentions.locator('[data-testid=case-mention]').count()).toBe(2);
    await page.screenshot({ path: join(shotsDir, 'team-day-case-linked-390.png'), fullPage: true });
  });

  test('her first public draft names the patient and her diagnosis: it is refused until she fixes it', async () => {
    const editor = page.locator('[data-testid=reply-editor]');
    await editor.locator('select[name=replyLang]').selectOption('en');
    await editor.locator('select[name=replyKind]').selectOption('public');
    const unsafe = 'Dear Mrs Petrova, we are sorry about the wait before your diabetes check-up on March 3. Please call us at 400-123-4567.';
    await editor.locator('textarea[name=replyText]').fill(unsafe);
    const check = editor.locator('[data-testid=reply-check]');
    await expect.poll(() => check.getAttribute('data-ok')).toBe('false');
    expect(await editor.getByRole('button', { name: 'Submit for approval' }).isDisabled()).toBe(true);
    await expectNoSidewaysScroll('the reply editor');
    await page.screenshot({ path: join(shotsDir, 'team-day-reply-refused-390.png'), fullPage: true });

    // The server refuses it too, whatever the page shows, and says what is wrong.
    const refused = await api<{ error: { message: string } }>('POST', `/api/cases/${caseId}/replies`, { text: unsafe, lang: 'en', kind: 'public', status: 'ready' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message.length).toBeGreaterThan(10);

    await editor.locator('textarea[name=replyText]').fill("We're sorry about the long wait at reception. Please contact our patient service team at 400-123-4567 so we can put it right.");
    await expect.poll(() => check.getAttribute('data-ok')).toBe('true');
    await editor.getByRole('button', { name: 'Submit for approval' }).click();
    const reply = page.locator('[data-testid=reply]').first();
    await expect.poll(() => reply.getAttribute('data-status')).toBe('ready');
    // Four-eyes: she cannot approve her own public reply.
    expect(await reply.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await signOut();
  });

  test('a second person approves it on her phone, and the case moves on', async () => {
    await signIn('pr@demo.verity.local');
    await page.goto(`${verity.url}/cases/${caseId}`);
    await page.locator('[data-testid=reply][data-status=ready]').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('[data-testid=reply]').first().getAttribute('data-status')).toBe('approved');
    await expect.poll(() => page.locator('[data-testid=case-status]').textContent()).toBe('Handling');
    await expectNoSidewaysScroll('the approved case');
    await page.screenshot({ path: join(shotsDir, 'team-day-approved-390.png'), fullPage: true });
    await signOut();
  });

  test('the audit log tells each step in Russian', async () => {
    await signIn('admin@demo.verity.local');
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${verity.url}/audit`);
    await page.locator('[data-testid=language-switch]').first().selectOption('ru');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    const tag = `#${caseNumber}`;
    const { items } = await call<{ items: { action: string; actionLabel?: string }[] }>('GET', '/api/audit?limit=200');
    const actions = new Set(items.map((i) => i.action));
    const steps = ['case.opened', 'case.assigned', 'case.mention_linked', 'reply.refused', 'reply.drafted', 'reply.approved', 'case.status'] as const;
    expect([...actions].sort()).toEqual(expect.arrayContaining([...steps]));
    const body = page.locator('main');
    for (const step of steps) {
      const name = auditMessages.render('ru', `action.${step}`);
      await expect.poll(() => body.textContent(), { message: `the audit page shows "${name}"` }).toContain(name);
    }
    expect(await body.textContent()).toContain(tag);
    await expectNoSidewaysScroll('the audit log');
    await page.screenshot({ path: join(shotsDir, 'team-day-audit-ru-390.png'), fullPage: true });
  });
});
