import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signIn, startBrowserSession, type BrowserSession } from './browser.ts';

// A patient-service user on a phone: their auto-assigned cases in My work, the case list, linking a
// second mention to a case and reassigning it with a reason; on a desk, bulk assign and close as duplicates.
let session: BrowserSession;
let page: Page;
let url: string;

const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

beforeAll(async () => {
  session = await startBrowserSession('verity-e2e-queues-', { demo: false, viewport: { width: 390, height: 844 } });
  page = session.page;
  url = session.verity.url;
  const { seedDemo } = await import('../src/demo/seed-demo.ts');
  await seedDemo(session.verity.ctx, { count: 200, settle: true });
  await signIn(page, url, 'service@demo.verity.local');
}, 180_000);
afterAll(async () => {
  await session?.close();
});

test('shows the cases auto-assigned to a patient-service user in My work, on a phone', async () => {
  await page.goto(`${url}/my-work`);
  await page.locator('a[href^="/cases/"]').first().waitFor();
  expect(await page.locator('a[href^="/cases/"]').count()).toBeGreaterThan(0);
  // They are on shift in the patient-service team, and may go off shift themselves.
  const shift = page.locator('[data-testid=my-shifts] input[type=checkbox]').first();
  expect(await shift.isChecked()).toBe(true);
  expect(await sideways()).toBeLessThanOrEqual(0);
});

test('lists cases with a total, filters to the team queue, and fits a phone', async () => {
  await page.goto(`${url}/cases/list`);
  await page.locator('[data-testid=case-row]').first().waitFor();
  await expect.poll(() => page.locator('[data-testid=case-total]').innerText()).toMatch(/of \d+/);
  expect(await sideways()).toBeLessThanOrEqual(0);
  await page.locator('input[name=queue]').check();
  await page.waitForLoadState('networkidle');
  // Auto-assignment leaves nothing waiting in the demo's patient-service queue.
  await expect.poll(() => page.locator('[data-testid=case-row]').count()).toBe(0);
});

test('links a second mention to a case and reassigns it with a reason', async () => {
  await page.goto(`${url}/cases/list`);
  await page.locator('[data-testid=case-row] a').first().click();
  await page.locator('[data-testid=case-mentions]').waitFor();
  const before = await page.locator('[data-testid=case-mention]').count();
  await page.click('[data-testid=link-mention]');
  await page.fill('input[name=mentionSearch]', 'doctor');
  await page.locator('[data-testid=link-hits] li[data-in-case=false] button').first().click();
  await expect.poll(() => page.locator('[data-testid=case-mention]').count()).toBe(before + 1);
  expect(await sideways()).toBeLessThanOrEqual(0);

  await page.click('[data-testid=reassign]');
  const options = await page.locator('select[name=assigneeId] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const current = await page.locator('select[name=assigneeId]').inputValue();
  await page.selectOption(
    'select[name=assigneeId]',
    options.find((v) => v !== current)!,
  );
  await page.fill('textarea[name=reason]', 'Speaks the patient’s language');
  await page.click('.modal button[type=submit]');
  await page.locator('[data-testid=timeline]').getByText('Speaks the patient’s language').waitFor();
});

test('assigns two cases at once and closes one as a duplicate of the other, on a desk', async () => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${url}/cases/list`);
  await page.locator('[data-testid=case-row]').first().waitFor();
  const total = Number(/of (\d+)/.exec(await page.locator('[data-testid=case-total]').innerText())![1]);
  const boxes = page.locator('[data-testid=case-row] input[type=checkbox]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const bar = page.locator('[data-testid=bulk-bar]');
  const me = await bar.locator('select[name=bulkAssignee] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  await bar.locator('select[name=bulkAssignee]').selectOption(me[0]!);
  await bar.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect.poll(() => bar.count()).toBe(0);

  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await bar.getByRole('button', { name: 'Close as duplicates' }).click();
  await page.click('.modal button[type=submit]');
  await expect.poll(async () => Number(/of (\d+)/.exec(await page.locator('[data-testid=case-total]').innerText())?.[1])).toBe(total - 1);
});
