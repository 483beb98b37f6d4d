import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shotsDir, signIn, startBrowserSession, storeIndependentSweep, visitMainPages, type BrowserSession } from './browser.ts';

/*
 * axe-core on every main page of the demo clinic (the i18n crawl's list, tabs included) in each
 * language: no violation of serious or critical impact. And the shell by keyboard alone: the first
 * Tab reaches a skip link, which lands on the page; focus is always visible.
 */

// Evaluated through the DevTools protocol, which the app's CSP (script-src 'self', no inline) does
// not govern: a <script> tag with axe's source would be blocked, as any injected script must be.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-a11y-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  await signIn(page, url, 'admin@demo.verity.local');
});

afterAll(async () => {
  await session?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axeSource);
  const found = (await p.evaluate(
    `axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  // One line per rule and kind of element (its last selector step without :nth-child), so that forty
  // cards with the same fault read as one.
  const lines = new Set<string>();
  for (const v of found.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
    for (const n of v.nodes) {
      const kind = (n.target.at(-1) ?? '')
        .split(/\s*>\s*|\s+/)
        .at(-1)!
        .replace(/:nth-child\(\d+\)/g, '');
      const summary = n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? '';
      lines.add(`[${v.impact}] ${v.id} at ${kind} (${n.target.join(' ')}): ${v.help}${summary ? ` — ${summary}` : ''}`);
    }
  }
  const byKind = new Map<string, string>();
  for (const line of lines) {
    const key = line.replace(/ \(.*?\): /, ': ').replace(/ — .*$/, '');
    if (!byKind.has(key)) byKind.set(key, line);
  }
  return [...byKind.values()];
}

describe.skipIf(storeIndependentSweep)('accessibility', () => {
  for (const locale of ['en', 'ru', 'zh-CN'] as const) {
    test(`no serious or critical axe violation on any main page in ${locale}`, async () => {
      await page.evaluate((l) => localStorage.setItem('verity.lang', l), locale);
      const problems: string[] = [];
      const visited: string[] = [];
      await visitMainPages(page, url, async (name) => {
        visited.push(name);
        // The page speaks the UI language, and says so.
        expect(await page.evaluate(() => document.documentElement.lang), name).toBe(locale);
        for (const v of await violations(page)) problems.push(`${name}: ${v}`);
        if (problems.length && visited.length === 1) await page.screenshot({ path: join(shotsDir, `a11y-${locale}-${name.replace(/\W+/g, '-')}.png`) });
      });
      expect(visited.length).toBeGreaterThanOrEqual(12);
      expect(problems, problems.join('\n')).toEqual([]);
    }, 180_000);
  }

  test('a toast is announced (a live region), can be dismissed, and covers none of the page’s buttons (.btn)', async () => {
    await page.evaluate(() => localStorage.setItem('verity.lang', 'en'));
    await page.goto(`${url}/inbox`);
    await page.locator('[data-testid=mention-card]').first().click();
    const status = page.locator('[data-testid=mention-detail] select[name=status]');
    await status.waitFor();
    const values = await status.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const current = await status.inputValue();
    await status.selectOption(values.find((v) => v !== current)!);
    const toast = page.locator('[data-testid=notices] .notice').first();
    await toast.waitFor();
    expect(await page.locator('[data-testid=notices]').getAttribute('aria-live')).toBe('polite');
    const covered = await page.evaluate(`(() => {
      const t = document.querySelector('[data-testid=notices] .notice').getBoundingClientRect();
      return [...document.querySelectorAll('.content .btn, .topbar button')]
        .map((b) => [b, b.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.bottom > 0 && r.top < window.innerHeight)
        .filter(([, r]) => r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top)
        .map(([b]) => b.textContent.trim());
    })()`);
    expect(covered).toEqual([]);
    await page.screenshot({ path: join(shotsDir, 'a11y-toast-desk.png') });
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('[data-testid=notices] .notice').count()).toBe(0);
  });

  test('the shell by keyboard: a skip link first, a visible focus, every page of the navigation reachable', async () => {
    await page.evaluate(() => localStorage.setItem('verity.lang', 'en'));
    await page.goto(`${url}/inbox`);
    await page.locator('[data-testid=mention-card]').first().waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, top: document.activeElement?.getBoundingClientRect().top ?? -1 }));
    expect(first.text).toBe('Skip to content');
    expect(first.top).toBeGreaterThanOrEqual(0); // it shows itself when focused
    await page.screenshot({ path: join(shotsDir, 'a11y-skip-link.png') });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // Tab from the top reaches every navigation link, each with a visible outline.
    await page.goto(`${url}/inbox`);
    await page.locator('[data-testid=mention-card]').first().waitFor();
    const links = await page.locator('.sidenav nav a').count();
    const reached = new Set<string>();
    for (let i = 0; i < links + 3; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.closest('.sidenav nav')) return null;
        const style = getComputedStyle(el);
        return { href: el.getAttribute('href') ?? '', outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
      });
      if (!focus) continue;
      expect(focus.outline, focus.href).toBe(true);
      reached.add(focus.href);
    }
    expect(reached.size).toBe(links);
  });
});

describe.skipIf(storeIndependentSweep)('accessibility, signed out', () => {
  test('the sign-in page has no serious or critical violation in any language', async () => {
    await page.context().clearCookies();
    const problems: string[] = [];
    for (const locale of ['en', 'ru', 'zh-CN'] as const) {
      await page.evaluate((l) => localStorage.setItem('verity.lang', l), locale);
      await page.goto(`${url}/login`);
      await page.locator('input[name=email]').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      for (const v of await violations(page)) problems.push(`login ${locale}: ${v}`);
    }
    expect(problems).toEqual([]);
  });
});
