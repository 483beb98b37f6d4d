import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callApi, shotsDir, startBrowserSession, type BrowserSession } from './browser.ts';
import { startSmtpSink, type SmtpSink } from '../src/notifications/test-receivers.ts';

// A risky review arrives by the push API, opens a major case by itself, e-mails the duty inbox,
// and is worked to closure in a real Chromium against a real Verity (PGlite, queue workers, SMTP).
const marker = 'Quillfeather';
const complaint = `The surgeon made a medical error and my lawyer will sue the clinic. ${marker} ward, room 4.`;
const dutyInbox = 'duty@clinic.test';

let session: BrowserSession;
let verity: BrowserSession['verity'];
let smtp: SmtpSink;
let page: Page;
let caseId: string;

/** Calls the API with the browser's session and CSRF cookie; throws with the server's answer on failure. */
const call = <T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown, headers: Record<string, string> = {}) => callApi<T>(page, verity.url, method, path, data, headers);

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.VERITY_SMTP_URL = smtp.url;
  process.env.VERITY_DELIVERY_RETRY_DELAY = '0';
  session = await startBrowserSession('verity-e2e-cases-', { demo: false, viewport: { width: 1366, height: 900 } });
  ({ verity, page } = session);
  // A small demo organisation: its users and roster, and few enough mentions that the e-mails
  // their own cases send do not queue ahead of the one this test waits for.
  const { seedDemo } = await import('../src/demo/seed-demo.ts');
  await seedDemo(verity.ctx, { count: 40 });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await smtp?.close();
  delete process.env.VERITY_SMTP_URL;
  delete process.env.VERITY_DELIVERY_RETRY_DELAY;
});

describe('cases', () => {
  test('signs in and sets up an e-mail alert for risky mentions', async () => {
    await page.goto(`${verity.url}/login`);
    await page.fill('input[name=email]', 'admin@demo.verity.local');
    await page.fill('input[name=password]', 'verity-demo');
    await page.click('button[type=submit]');
    await page.waitForURL('**/inbox');

    const { channel } = await call<{ channel: { id: string } }>('POST', '/api/alert-channels', {
      name: 'Duty inbox',
      kind: 'email',
      config: { to: [dutyInbox] },
    });
    const { channel: inApp } = await call<{ channel: { id: string } }>('POST', '/api/alert-channels', {
      name: 'Administrators in the app',
      kind: 'in_app',
      config: { roles: ['admin'] },
    });
    await call('POST', '/api/alert-rules', {
      name: 'Risk flag',
      kind: 'mention',
      mention: { anyRisk: true, keywords: [marker] },
      channelIds: [channel.id, inApp.id],
      cooldownMinutes: 60,
    });
    await page.click('a[href="/alerts"]');
    await page.getByRole('tab', { name: 'Rules' }).click();
    await expect.poll(() => page.locator('[data-testid=alert-rules]').textContent()).toContain('Risk flag');
  });

  test('opens a major case by itself for a pushed review that threatens legal action, and e-mails the duty inbox', async () => {
    const { source, token } = await call<{ source: { id: string }; token: string }>('POST', '/api/sources', { name: 'Partner app', kind: 'push' });
    const pushed = await page.request.post(`${verity.url}/api/v1/sources/${source.id}/mentions`, {
      headers: { authorization: `Bearer ${token}` },
      data: { mentions: [{ externalId: 'e2e-risk-1', text: complaint, lang: 'en' }] },
    });
    expect(pushed.status(), await pushed.text()).toBeLessThan(300);

    let mentionId = '';
    await expect
      .poll(
        async () => {
          mentionId = (await call<{ items: { id: string }[] }>('GET', `/api/mentions?q=${marker}`)).items[0]?.id ?? '';
          return mentionId;
        },
        { timeout: 30_000, interval: 500 },
      )
      .not.toBe('');

    const findCase = async () =>
      (await call<{ items: { id: string; tier: string; mentionIds: string[] }[] }>('GET', '/api/cases?tier=major')).items.find((c) => c.mentionIds.includes(mentionId)) ?? null;
    await expect.poll(findCase, { timeout: 30_000, interval: 500 }).not.toBeNull();
    caseId = (await findCase())!.id;

    try {
      await expect.poll(() => smtp.mails.some((m) => m.to.includes(dutyInbox) && m.raw.includes(marker)), { timeout: 45_000, interval: 500 }).toBe(true);
    } catch (e) {
      // What the server did instead, so a failure here says where the e-mail got stuck.
      console.log('DEBUG mails', JSON.stringify(smtp.mails.map((m) => m.to)));
      console.log('DEBUG alerts', JSON.stringify(await call('GET', '/api/alerts')));
      for (const st of ['pending', 'sent', 'dead']) console.log('DEBUG deliveries', st, JSON.stringify(await call('GET', `/api/deliveries?status=${st}`)));
      console.log('DEBUG mention', JSON.stringify(await call('GET', `/api/mentions/${mentionId}`)).slice(0, 1500));
      throw e;
    }
  }, 120_000);

  test('acknowledges the case, and the live privacy check blocks a revealing reply and passes a careful one', async () => {
    await page.click('a[href="/cases"]');
    const card = page.locator(`a[href="/cases/${caseId}"]`);
    await card.waitFor();
    expect(await card.locator('.badge-tier-major').count()).toBe(1);
    await page.screenshot({ path: join(shotsDir, 'cases-en.png') });
    await card.click();

    const workflow = page.locator('[data-testid=case-workflow]');
    await workflow.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => page.locator('[data-testid=case-status]').textContent()).toBe('Acknowledged');

    const editor = page.locator('[data-testid=reply-editor]');
    await editor.locator('select[name=replyLang]').selectOption('en');
    await editor.locator('textarea[name=replyText]').fill('Sorry about your surgery on March 3, Dr. Wang will call you back.');
    const check = editor.locator('[data-testid=reply-check]');
    await expect.poll(() => check.getAttribute('data-ok')).toBe('false');
    expect(await editor.locator('[data-testid=reply-preview] mark.hl-privacy').count()).toBeGreaterThanOrEqual(2);
    expect(await editor.locator('[data-testid=reply-findings]').textContent()).toContain('your surgery');
    await page.screenshot({ path: join(shotsDir, 'case-reply-blocked-en.png'), fullPage: true });

    // Saved as a draft, the revealing reply can be neither submitted nor approved; the server refuses it too and names the words.
    await editor.getByRole('button', { name: 'Save draft' }).click();
    const blocked = page.locator('[data-testid=reply]').first();
    await blocked.waitFor();
    expect(await blocked.getByRole('button', { name: 'Submit for approval' }).isDisabled()).toBe(true);
    expect(await blocked.textContent()).toContain('Cannot be approved until the marked words are fixed.');
    const { replies } = await call<{ replies: { id: string }[] }>('GET', `/api/cases/${caseId}`);
    await expect(call('PATCH', `/api/replies/${replies[0]!.id}`, { status: 'ready' })).rejects.toThrow('your surgery');

    // The editor offers the draft without its flagged sentences; the careful text is submitted for approval.
    await editor
      .locator('textarea[name=replyText]')
      .fill("We're sorry to hear this. Please contact our patient service team at 400-123-4567 so we can look into it. Your surgery on March 3 went well.");
    await expect.poll(() => check.getAttribute('data-ok')).toBe('false');
    await editor.locator('[data-testid=reply-suggestions] button').first().click();
    await expect.poll(() => check.getAttribute('data-ok')).toBe('true');
    expect(await editor.locator('[data-testid=reply-preview] mark').count()).toBe(0);
    await editor.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => page.locator('[data-testid=reply]').count()).toBe(2);
    const reply = page.locator('[data-testid=reply]').first(); // newest first
    await expect.poll(() => reply.getAttribute('data-status')).toBe('ready');
    expect(await reply.textContent()).toContain('patient service team');
    // Four-eyes: the author waits for a second person, who approves it; the case moves on to handling.
    expect(await reply.locator('[data-testid=reply-waiting-second]').count()).toBe(1);
    expect(await reply.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    // Each lands where their role starts the day: leadership on the dashboards, the admin in the inbox.
    const signInAs = async (email: string, landing: string) => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/login');
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', 'verity-demo');
      await page.click('button[type=submit]');
      await page.waitForURL(`**${landing}`);
      await page.goto(`${verity.url}/cases/${caseId}`);
    };
    await signInAs('director@demo.verity.local', '/dashboards');
    await page.locator('[data-testid=reply][data-status=ready]').getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => page.locator('[data-testid=reply]').first().getAttribute('data-status')).toBe('approved');
    await expect.poll(() => page.locator('[data-testid=case-status]').textContent()).toBe('Handling');
    await signInAs('admin@demo.verity.local', '/inbox');
  });

  test('closes the case with a corrective action and a root cause', async () => {
    // The approved reply moved the case to handling; posting it would move it to responded, as marking it does.
    const workflow = page.locator('[data-testid=case-workflow]');
    await workflow.getByRole('button', { name: 'Mark responded' }).click();
    await expect.poll(() => page.locator('[data-testid=case-status]').textContent()).toBe('Responded');

    // Without an action the server refuses to close, and the dialog says why.
    await page.locator('[data-testid=close-case]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name=rootCauseId]').selectOption({ index: 1 });
    await dialog.locator('textarea[name=closeNote]').fill('Consent conversation was rushed.');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('.form-error').textContent()).toContain('action');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const form = page.locator('[data-testid=action-form]');
    await form.locator('select[name=actionKind]').selectOption('corrective');
    await form.locator('select[name=actionAspect]').selectOption('process.communication.clarity');
    await form.locator('input[name=actionDue]').fill('2026-12-31');
    await form.locator('input[name=actionDescription]').fill('Surgeons walk every patient through the consent form.');
    await form.getByRole('button', { name: 'Add action' }).click();
    await expect.poll(() => page.locator('[data-testid=actions]').textContent()).toContain('consent form');

    await page.locator('[data-testid=close-case]').click();
    await dialog.locator('select[name=rootCauseId]').selectOption({ index: 1 });
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=case-status]').textContent()).toBe('Closed');
    expect(await page.locator('[data-testid=timeline] [data-type=closed]').count()).toBe(1);
    await page.screenshot({ path: join(shotsDir, 'case-closed-en.png'), fullPage: true });
  });

  test('opens a general case from a mention in the inbox', async () => {
    // A mention that is in no case yet: one already in a case offers "Add to case…" instead.
    await page.goto(`${verity.url}/inbox?status=new`);
    await page.locator('[data-testid=mention-card]').first().click();
    await page.locator('[data-testid=open-case]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name=caseTier]').selectOption('general');
    await dialog.locator('button[type=submit]').click();
    await page.waitForURL('**/cases/*');
    await expect.poll(() => page.locator('[data-testid=case-status]').textContent()).toBe('New');
    expect(await page.locator('.badge-tier-general').count()).toBe(1);
    expect(await page.locator('[data-testid=sla]').getAttribute('data-state')).toBe('ok');
  });

  test('shows the new pages in English, Chinese and Russian', async () => {
    const pages: [string, string][] = [
      ['/cases', 'cases'],
      [`/cases/${caseId}`, 'case'],
      ['/alerts', 'alerts'],
      ['/alerts/rules', 'alert-rules'],
      ['/alerts/channels', 'alert-channels'],
      ['/my-work', 'my-work'],
    ];
    for (const locale of ['en', 'zh-CN', 'ru']) {
      await page.selectOption('[data-testid=language-switch]', locale);
      for (const [path, name] of pages) {
        await page.goto(`${verity.url}${path}`);
        await page.locator('.page').first().waitFor();
        await page.waitForLoadState('networkidle');
        if (name === 'alert-rules' || name === 'alert-channels') await page.locator('.card-head .btn-primary').click();
        if (name === 'alert-channels') await page.locator('[data-testid=channel-form] select[name=kind]').selectOption('telegram');
        if (name === 'cases') await page.locator('[data-status=closed] .btn-link').click();
        await page.screenshot({ path: join(shotsDir, `${name}-${locale}.png`), fullPage: true });
      }
      await page.goto(`${verity.url}/settings`);
      await page.getByRole('tab').last().click();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(shotsDir, `settings-replies-${locale}.png`), fullPage: true });
      await page.getByRole('tab').nth(4).click();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(shotsDir, `settings-cases-${locale}.png`), fullPage: true });
    }
    // The in-app channel told every administrator about the alert; the bell counts it until it is read.
    const bell = page.locator('[data-testid=notification-bell]');
    await expect.poll(() => bell.locator('.bell-count').count()).toBe(1);
    await bell.click();
    await page.screenshot({ path: join(shotsDir, 'notifications-ru.png') });
    // Other notices are unread too (the cases auto-assigned to this admin): marking one read leaves them.
    const unread = await page.locator('.bell-item.unread').count();
    expect(unread).toBeGreaterThan(0);
    await page.locator('.bell-item.unread .btn-link').first().click();
    await expect.poll(() => page.locator('.bell-item.unread').count()).toBe(unread - 1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
  });
});
