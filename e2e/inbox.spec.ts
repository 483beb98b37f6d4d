import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shotsDir, startBrowserSession, type BrowserSession } from './browser.ts';

// Drives the built web app (web/dist) in a real Chromium against a real Verity on a fresh PGlite store.
const marker = 'Quillfeather';

let session: BrowserSession;
let verity: BrowserSession['verity'];
let page: Page;
let workDir: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-e2e-', { demo: true, viewport: { width: 1366, height: 860 } });
  ({ verity, page, workDir } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('inbox', () => {
  test('signs in as the demo admin and lands in the inbox', async () => {
    await page.goto(`${verity.url}/inbox`);
    await page.waitForURL('**/login');
    await page.fill('input[name=email]', 'admin@demo.verity.local');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('.form-error').count()).toBe(1);

    await page.fill('input[name=password]', 'verity-demo');
    await page.click('button[type=submit]');
    await page.waitForURL('**/inbox');
    await page.locator('[data-testid=mention-card]').first().waitFor();
  });

  test('imports a CSV file and reports accepted and rejected rows', async () => {
    const csv = [
      'id,author,rating,lang,date,text',
      `e2e-1,Ann Lee,2,en,2026-11-20T10:00:00Z,"The receptionist ${marker} lost my referral letter twice and we waited two hours."`,
      'e2e-2,Иван П.,5,ru,2026-11-21T09:30:00Z,"Спасибо доктору за внимательный приём, всё объяснили понятно."',
      'e2e-3,Nobody,4,en,2026-11-22T08:00:00Z,""',
    ].join('\n');
    const file = join(workDir, 'reviews.csv');
    writeFileSync(file, csv);

    await page.click('a[href="/import"]');
    await page.setInputFiles('input[name=file]', file);
    const preview = page.locator('[data-testid=import-preview]');
    await preview.waitFor();
    expect(await page.inputValue('select[name="mapping.text"]')).toBe('text');
    expect(await preview.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);

    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.locator('[data-testid=import-result]');
    await result.waitFor();
    expect(await result.locator('[data-testid=stat-accepted] .stat-value').textContent()).toBe('2');
    expect(await result.locator('[data-testid=stat-rejected] .stat-value').textContent()).toBe('1');
    expect(await result.locator('tbody tr').count()).toBe(1);
    expect(await result.locator('tbody tr td').first().textContent()).toBe('4'); // the CSV line of the empty text
    await page.screenshot({ path: join(shotsDir, 'import-en.png') });
  });

  test('finds the imported mention by language and text and opens it', async () => {
    await page.click('a[href="/inbox"]');
    await page.locator('[data-testid=mention-card]').first().waitFor();
    await page.selectOption('select[name=lang]', 'en');
    await page.fill('input[name=q]', marker);

    const cards = page.locator('[data-testid=mention-card]');
    await expect
      .poll(async () => (await cards.allTextContents()).every((text) => text.includes(marker)) && (await cards.count()) === 1, {
        timeout: 15_000,
      })
      .toBe(true);
    await cards.first().click();

    const detail = page.locator('[data-testid=mention-detail]');
    await detail.waitFor();
    const text = (await detail.locator('.mention-text').textContent()) ?? '';
    expect(text).toContain(`The receptionist ${marker} lost my referral letter`);
    const details = (await detail.locator('.meta-grid').allTextContents()).join(' ');
    expect(details).toContain('Ann Lee');
    expect(details).toContain('e2e-1');
    expect(details).toContain('2 / 5');
    await page.screenshot({ path: join(shotsDir, 'inbox-en.png') });
  });

  test('records an offline complaint and triages it', async () => {
    const complaint = `Hotline: the night-shift pharmacy was closed, ${marker} Jr. waited until morning.`;
    await page.getByRole('button', { name: /New offline complaint/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name=kind]').selectOption('hotline_note');
    await dialog.locator('textarea[name=text]').fill(complaint);
    await dialog.locator('input[name=authorHandle]').fill('caller 138****0000');
    await dialog.locator('select[name=rating]').selectOption('1');
    await dialog.locator('button[type=submit]').click();
    await dialog.waitFor({ state: 'detached' });

    const detail = page.locator('[data-testid=mention-detail]');
    await expect.poll(() => detail.locator('.mention-text').textContent()).toBe(complaint);
    expect((await detail.locator('.meta-grid').allTextContents()).join(' ')).toContain('Hotline note');

    await detail.locator('select[name=status]').selectOption('triaged');
    await expect.poll(() => detail.locator('.badge-status').textContent()).toBe('Triaged');

    // The open mention is in the address, so a reload shows it again, with the saved status.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=mention-detail] select[name=status]').inputValue()).toBe('triaged');
  });

  test('switches the interface to Chinese and Russian and remembers the choice', async () => {
    await page.click('a[href="/inbox"]'); // a fresh, unfiltered inbox
    await page.locator('[data-testid=mention-card]').first().click();
    await page.selectOption('[data-testid=language-switch]', 'zh-CN');
    await expect.poll(() => page.locator('.topbar-title').textContent()).toBe('收件箱');
    await page.locator('[data-testid=mention-card]').nth(1).click();
    await page.locator('[data-testid=mention-detail] .meta-grid').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('verity.lang'))).toBe('zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.screenshot({ path: join(shotsDir, 'inbox-zh-CN.png') });

    await page.reload();
    await expect.poll(() => page.locator('.topbar-title').textContent()).toBe('收件箱');
    await page.click('a[href="/import"]');
    await page.locator('.card h2').first().waitFor();
    await page.screenshot({ path: join(shotsDir, 'import-zh-CN.png') });

    await page.selectOption('[data-testid=language-switch]', 'ru');
    await expect.poll(() => page.locator('.topbar-title').textContent()).toBe('Импорт');
    await page.click('a[href="/inbox"]');
    await page.locator('[data-testid=mention-card]').first().click();
    await page.locator('[data-testid=mention-detail]').waitFor();
    await page.screenshot({ path: join(shotsDir, 'inbox-ru.png') });
    await page.click('a[href="/settings"]');
    await page.getByRole('tab', { name: 'Филиалы' }).click();
    await page.locator('.table').first().waitFor();
    await page.screenshot({ path: join(shotsDir, 'settings-ru.png') });
  });
});
