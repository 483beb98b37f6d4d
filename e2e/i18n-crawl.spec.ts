import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callApi, shotsDir, startBrowserSession, storeIndependentSweep, visitGrowthPages, visitPatientSidePages, type BrowserSession } from './browser.ts';

/*
 * Crawls every page of the demo clinic in Russian and in Chinese and fails on any English sentence
 * or raw identifier (`legal_threat`, `auth.login`) that Verity itself wrote there. What people wrote
 * (patients' mentions, the clinic's names of its locations, staff, sources, teams and templates) is
 * theirs to write in any language: the crawl reads those words from the organisation's own data
 * through the API and takes them out of the page before it looks. Machine data meant for auditors
 * (ids, JSON details) is shown as `<code>` and skipped. What is left is Verity's own words.
 */

let session: BrowserSession;
let page: Page;
let verity: BrowserSession['verity'];

beforeAll(async () => {
  session = await startBrowserSession('verity-crawl-', { demo: true, viewport: { width: 1440, height: 900 } });
  ({ page, verity } = session);
  await page.goto(`${verity.url}/login`);
  await page.fill('input[name=email]', 'admin@demo.verity.local');
  await page.fill('input[name=password]', 'verity-demo');
  await page.click('button[type=submit]');
  await page.waitForURL('**/inbox');
});

afterAll(async () => {
  await session?.close();
});

// The organisation's own words, by the API that holds them. Notifications, alerts and deliveries
// are left out on purpose: their titles and reasons are Verity's words and must be translated.
const PEOPLES_WORDS = [
  '/api/sources',
  '/api/imports',
  '/api/org',
  '/api/org/locations',
  '/api/org/departments',
  '/api/org/staff',
  '/api/users',
  '/api/alert-channels',
  '/api/alert-rules',
  '/api/cases?limit=200',
  '/api/root-causes',
  '/api/case-settings',
  '/api/reply-templates',
  '/api/brand-voice',
  '/api/my-work',
  // Mail as it was sent: each in its recipient's language, not the reader's.
  '/api/mail-outbox',
  // The patient side: the clinic's survey names and review-link labels, patients, plans and what patients wrote.
  '/api/surveys',
  '/api/survey-settings',
  '/api/patients?limit=200',
  '/api/outreach/invitations?limit=200',
  '/api/outreach/sms-outbox',
  '/api/followups/plans',
  '/api/followups/enrolments',
  '/api/followups/tasks',
  // Word of mouth: programme names, stories as patients wrote them, posts, posters and link labels.
  '/api/referral-programmes',
  '/api/stories',
  '/api/content-posts',
  '/api/posters',
  '/api/sharing/links',
  '/api/story-requests',
  '/api/brand',
];
// Fields of those answers that are vocabulary or Verity's own words, not people's.
const VERITY_FIELDS = new Set([
  'kind',
  'status',
  'tier',
  'role',
  'sentiment',
  'aspects',
  'risks',
  'channel',
  'lang',
  'code',
  'reason',
  'message',
  'action',
  'actionLabel',
  'lastError',
  'error',
  'label',
  'builtIn',
  'sourceBuiltIn',
  'id',
  'format',
]);

/** Every mention's words, read once: the demo's mentions are all in before the crawl starts. */
let mentionAnswers: unknown[] | null = null;

async function peoplesWords(p: Page): Promise<string[]> {
  // Every mention, not only the newest page: alerts and notifications quote older ones too.
  mentionAnswers ??= await p.evaluate(async () => {
    const pages: unknown[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const res = (await (await fetch(`/api/mentions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { items: unknown[]; nextCursor: string | null };
      pages.push(res.items);
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    return pages;
  });
  const answers = [...mentionAnswers, ...(await p.evaluate(async (paths) => Promise.all(paths.map(async (path) => (await fetch(path)).json() as Promise<unknown>)), PEOPLES_WORDS))];
  const words = new Set<string>();
  const collect = (value: unknown, key: string | null): void => {
    if (key && VERITY_FIELDS.has(key)) return;
    if (typeof value === 'string') {
      if (value.trim().length >= 2) words.add(value.trim());
    } else if (Array.isArray(value)) {
      for (const v of value) collect(v, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) collect(v, k);
    }
  };
  collect(answers, null);
  return [...words].sort((a, b) => b.length - a.length);
}

/** A page's text without people's words: each known string is cut out, and a shortened one (…) is dropped. */
function withoutPeoplesWords(texts: string[], words: string[]): string[] {
  const joined = words.join('\n');
  return texts.flatMap((text) => {
    // A value after its field's name ("Title: The wait was…") is its own text node with the colon.
    const bare = (t: string) => t.replace(/^[:·—–-]\s*/, '').replace(/\s*…$/, '');
    if (joined.includes(bare(text))) return [];
    // "<a title>: <the first words of a text>…": a whole quote, then a shortened one.
    if (words.some((word) => text.startsWith(word) && joined.includes(bare(text.slice(word.length).trim())))) return [];
    let rest = text;
    for (const word of words) if (rest.includes(word)) rest = rest.split(word).join(' ');
    return rest.trim() ? [rest.trim()] : [];
  });
}

/** Text Verity wrote on the page: every visible text node outside people's own words and machine data. */
async function ownText(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const skip = 'code, script, style, noscript';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest(skip)) continue;
      // Words marked as another language than the page's (a consent as the patient read it) are people's, in their language.
      const marked = el.closest('[lang]');
      if (marked && marked !== document.documentElement && marked.getAttribute('lang') !== document.documentElement.lang) continue;
      // Hidden by any ancestor (another language's panel of a builder, a closed menu) is not read.
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      out.push(text);
    }
    // Placeholders, titles, labels for assistive technology are words people read too.
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')) {
      if (el.closest(skip)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

const ALLOWED =
  /^(Verity|V|CSV|XLSX|JSON|JSONL|RSS|Atom|SLA|NPS|URL|API|IP|SMTP|HMAC|ID|WeCom|DingTalk|Telegram|Slack|Webhook|HTTP|HTTPS|UTF-8|GB18030|Windows-1251|Bearer|English|Русский|中文|PDF|OK|FHIR|HL7|ADT|MRN|QR|SMS|CAHPS|FFT|CSAT|PNG|SVG)$/i;

/** What in `texts` reads as English or as a raw id in a Russian or Chinese page. */
function findings(texts: string[]): string[] {
  const bad = new Set<string>();
  for (const text of texts) {
    const cleaned = text
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' ');
    // A raw identifier: snake_case or dotted lower-case (`legal_threat`, `auth.login`, `in_app`).
    for (const m of cleaned.matchAll(/\b[a-z]+(?:[_.][a-z0-9]+)+\b/g)) bad.add(`raw id "${m[0]}" in "${text}"`);
    // An English phrase: two or more Latin words that are not names of formats and products.
    const words = cleaned.match(/[A-Za-z][A-Za-z'-]+/g)?.filter((w) => !ALLOWED.test(w)) ?? [];
    if (words.length >= 2 && /[A-Za-z]{3,}\s+[A-Za-z]{2,}/.test(cleaned)) bad.add(`English "${text}"`);
  }
  return [...bad];
}

/** Every page a patient-service team opens, reached the way a user would. */
async function visitAll(p: Page, visit: (name: string) => Promise<void>): Promise<void> {
  const go = async (path: string, name: string, ready: string) => {
    await p.goto(`${verity.url}${path}`);
    await p.locator(ready).first().waitFor();
    await p.waitForLoadState('networkidle');
    await visit(name);
  };
  await go('/inbox', 'inbox', '[data-testid=mention-card]');
  await p.locator('[data-testid=mention-card]').first().click();
  await p.waitForLoadState('networkidle');
  await visit('mention detail');
  await go('/my-work', 'my work', '.page');
  await go('/cases', 'case board', '.page');
  const firstCase = p.locator('a[href^="/cases/"]').first();
  if (await firstCase.count()) {
    await firstCase.click();
    await p.waitForLoadState('networkidle');
    await visit('case');
  }
  await go('/alerts', 'alerts', '.page');
  for (const tab of await p.locator('[role=tab]').all()) {
    await tab.click();
    await p.waitForLoadState('networkidle');
    await visit(`alerts tab ${await tab.innerText()}`);
  }
  await go('/import', 'import', '.page');
  await go('/sources', 'sources', '.page');
  await go('/settings', 'settings', '.page');
  for (const tab of await p.locator('[role=tab]').all()) {
    await tab.click();
    await p.waitForLoadState('networkidle');
    await visit(`settings tab ${await tab.innerText()}`);
  }
  await go('/audit', 'audit', '.page');
  await visitPatientSidePages(p, verity.url, visit);
  await visitGrowthPages(p, verity.url, visit);
  await p
    .locator('.bell-button, [data-testid=notification-bell]')
    .first()
    .click()
    .catch(() => {});
  await p.waitForLoadState('networkidle');
  await visit('notifications');
}

describe.skipIf(storeIndependentSweep)('every page speaks the reader’s language', () => {
  for (const locale of ['ru', 'zh-CN'] as const) {
    test(`no English sentence or raw id in the ${locale} UI`, async () => {
      await page.evaluate((l) => localStorage.setItem('verity.lang', l), locale);
      const problems: string[] = [];
      const visited: string[] = [];
      await visitAll(page, async (name) => {
        const texts = await ownText(page);
        // People's words are read again at each page: the demo's analysis keeps opening cases while
        // the crawl runs, so a list read once at the start would miss the newest.
        // A page that rendered nothing would pass vacuously: each must show a good deal of Verity's words.
        expect(texts.length, name).toBeGreaterThan(15);
        visited.push(name);
        await page.screenshot({ path: join(shotsDir, `crawl-${locale}-${visited.length}.png`) });
        for (const f of findings(withoutPeoplesWords(texts, await peoplesWords(page)))) problems.push(`${name}: ${f}`);
      });
      expect(visited.length).toBeGreaterThanOrEqual(12);
      expect(problems, problems.join('\n')).toEqual([]);
    }, 180_000);
  }
});

describe.skipIf(storeIndependentSweep)('the survey a patient opens speaks their language', () => {
  for (const locale of ['ru', 'zh-CN'] as const) {
    test(`no English sentence or raw id on the survey page in ${locale}`, async () => {
      const surveys = await callApi<{ items: { id: string; status: string }[] }>(page, verity.url, 'GET', '/api/surveys');
      const active = surveys.items.filter((s) => s.status === 'active');
      expect(active.length).toBeGreaterThan(0);
      // Read on the app's page: the survey page's policy allows it no requests of its own.
      await page.goto(`${verity.url}/my-work`);
      await page.locator('.page').first().waitFor();
      const words = await peoplesWords(page);
      let pages = 0;
      for (const survey of active) {
        const links = await callApi<{ items: { token: string; disabled?: boolean }[] }>(page, verity.url, 'GET', `/api/surveys/${survey.id}/links`);
        const link = links.items[0];
        if (!link) continue;
        await page.goto(`${verity.url}/s/${link.token}?lang=${locale}`);
        await page.screenshot({ path: join(shotsDir, `crawl-survey-${locale}-${pages}.png`), fullPage: true });
        const texts = await ownText(page);
        expect(texts.length).toBeGreaterThan(5);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(findings(withoutPeoplesWords(texts, words))).toEqual([]);
        pages++;
      }
      expect(pages).toBeGreaterThan(0);
    });
  }
});
