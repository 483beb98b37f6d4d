import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Shared set-up of the browser tests: the built web app and Debian's Chromium, headless. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const shotsDir = process.env.VERITY_SHOTS_DIR ?? '/tmp/verity-shots';

/** Where the built web app is: web/dist, or VERITY_WEB_DIST (which the server reads too). */
export const webDist = process.env.VERITY_WEB_DIST ?? join(repoRoot, 'web/dist');

/** Builds the web app when it is missing; throws when Chromium is not installed. */
export async function prepareBrowserTests(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`the browser tests need Chromium at ${chromiumPath} (apt-get install -y chromium fonts-wqy-microhei, once per machine)`);
  }
  mkdirSync(shotsDir, { recursive: true });
  if (existsSync(join(webDist, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}

/** A fresh Chromium profile in `profileDir` (launchPersistentContext), with the flags this closed network needs. */
export async function launchBrowser(profileDir: string, viewport: { width: number; height: number }): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    locale: 'en-US',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(15_000);
  return { browser, page };
}

/**
 * Where the Verity under test keeps its data: a fresh PGlite directory, or a fresh database on the
 * server when DATABASE_URL is set (never the server's shared database). drop() removes it.
 */
export async function freshStore(workDir: string): Promise<{ dataDir?: string; databaseUrl?: string; drop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const { freshPostgresDatabase } = await import('../src/db/fresh-database.ts');
    const db = await freshPostgresDatabase(process.env.DATABASE_URL, 'verity_e2e');
    return { databaseUrl: db.url, drop: db.drop };
  }
  return { dataDir: join(workDir, 'data'), drop: async () => {} };
}

export interface BrowserSession {
  verity: Awaited<ReturnType<typeof import('../src/app.ts').startVerity>>;
  browser: BrowserContext;
  page: Page;
  workDir: string;
  /** Closes the browser and Verity, drops the store and removes the work folder. */
  close(): Promise<void>;
}

/**
 * What every browser spec starts with: the built web app, a Verity on a fresh store (with a copy of
 * the demo organisation when `demo`), listening on a free port, and a fresh Chromium profile.
 */
export async function startBrowserSession(prefix: string, options: { demo: boolean; viewport: { width: number; height: number } }): Promise<BrowserSession> {
  await prepareBrowserTests();
  const workDir = mkdtempSync(join(tmpdir(), prefix));
  // The demo organisation is seeded once per run and copied (e2e/demo-template.ts).
  const store = options.demo ? await (await import('./demo-template.ts')).demoStore(workDir) : await freshStore(workDir);
  const { startVerity } = await import('../src/app.ts');
  const verity = await startVerity({ dataDir: store.dataDir, databaseUrl: store.databaseUrl, port: 0, host: '127.0.0.1', demo: false, logLevel: 'warn' });
  const { browser, page } = await launchBrowser(join(workDir, 'profile'), options.viewport);
  return {
    verity,
    browser,
    page,
    workDir,
    async close() {
      await browser.close();
      await verity.close();
      await store.drop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** An answer of Verity's API: its status, its text and the text parsed (undefined when empty). */
export interface ApiAnswer<T> {
  status: number;
  text: string;
  body: T;
}

/** Calls Verity's API at `url` with the page's session and CSRF cookie, as the web app does. */
export async function fetchApi<T = unknown>(
  page: Page,
  url: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const csrf = (await page.context().cookies(url)).find((c) => c.name === 'verity_csrf')?.value;
  const res = await page.request.fetch(`${url}${path}`, { method, data, headers: { ...(csrf && method !== 'GET' ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}), ...headers } });
  const text = await res.text();
  return { status: res.status(), text, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Like fetchApi, but the parsed answer, and an error with the server's answer unless it succeeded. */
export async function callApi<T>(page: Page, url: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetchApi<T>(page, url, method, path, data, headers);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** Signs a demo user in through the login form (every demo user's password is verity-demo) and waits for the first page. */
/** The page fits its viewport: nothing scrolls sideways (`slack` pixels allowed for sub-pixel rounding). */
export async function expectNoSidewaysScroll(page: Page, slack = 1): Promise<void> {
  const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')) as { scrollWidth: number; innerWidth: number };
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + slack);
}

export async function signIn(page: Page, url: string, email: string, password = 'verity-demo'): Promise<void> {
  await page.goto(`${url}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('.topbar').waitFor();
}

/**
 * Every main page a patient-service team opens, reached the way a user would, tabs included:
 * `visit(name)` runs on each once it has settled. The accessibility and phone specs walk it.
 */
export async function visitMainPages(page: Page, url: string, visit: (name: string) => Promise<void>): Promise<void> {
  const go = async (path: string, name: string, ready: string) => {
    await page.goto(`${url}${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await visit(name);
  };
  const tabs = async (prefix: string) => {
    for (const tab of await page.locator('[role=tab]').all()) {
      await tab.click();
      await page.waitForLoadState('networkidle');
      await visit(`${prefix} tab ${await tab.innerText()}`);
    }
  };
  await go('/inbox', 'inbox', '[data-testid=mention-card]');
  await page.locator('[data-testid=mention-card]').first().click();
  await page.locator('[data-testid=mention-detail]').waitFor();
  await page.waitForLoadState('networkidle');
  await visit('mention detail');
  await go('/my-work', 'my work', '.page');
  await go('/cases/list', 'case list', '.page');
  await go('/cases', 'case board', '.page');
  const firstCase = page.locator('[data-testid=case-board] a[href^="/cases/"], a.case-card').first();
  if (await firstCase.count()) {
    await firstCase.click();
    await page.locator('[data-testid=case-workflow]').waitFor();
    await page.waitForLoadState('networkidle');
    await visit('case');
  }
  await go('/alerts', 'alerts', '.page');
  await tabs('alerts');
  await go('/import', 'import', '.page');
  await go('/sources', 'sources', '.page');
  await go('/settings', 'settings', '.page');
  await tabs('settings');
  await go('/audit', 'audit', '.page');
  await visitPatientSidePages(page, url, visit);
  await visitGrowthPages(page, url, visit);
  await page.locator('.bell-button, [data-testid=notification-bell]').first().click();
  await page.waitForLoadState('networkidle');
  await visit('notifications');
}

/**
 * Steps of a walk over staff pages: open a page and wait for it, visit each tab of its own (first)
 * tab list — a tab may hold tabs of its own, a builder's languages — and follow a link to a page.
 */
function pageWalker(page: Page, url: string, visit: (name: string) => Promise<void>) {
  const settle = async (name: string) => {
    await page.locator('.page').first().waitFor();
    await page.waitForLoadState('networkidle');
    await visit(name);
  };
  return {
    go: async (path: string, name: string) => {
      await page.goto(`${url}${path}`);
      await settle(name);
    },
    tabs: async (prefix: string) => {
      for (const tab of await page.locator('[role=tablist]').first().locator('[role=tab]').all()) {
        await tab.click();
        await page.waitForLoadState('networkidle');
        await visit(`${prefix} tab ${await tab.innerText()}`);
      }
    },
    /** Follows the first link matching `selector`; false when there is none. */
    open: async (selector: string, name: string) => {
      const link = page.locator(selector).first();
      if (!(await link.count())) return false;
      await link.click();
      await settle(name);
      return true;
    },
  };
}

/**
 * The patient side's pages staff open: surveys (a survey's builder, links and versions), outreach,
 * follow-ups (tasks, patients, plans, one enrolment), patients (one patient's timeline) and the
 * survey reports, tabs included. The crawl, the accessibility and the phone specs walk them.
 */
export async function visitPatientSidePages(page: Page, url: string, visit: (name: string) => Promise<void>): Promise<void> {
  const { go, tabs, open } = pageWalker(page, url, visit);
  await go('/surveys', 'surveys');
  await tabs('surveys');
  await go('/surveys', 'surveys');
  if (await open('main a[href^="/surveys/"]', 'survey')) await tabs('survey');
  await go('/outreach', 'outreach');
  await tabs('outreach');
  await go('/follow-ups', 'follow-ups');
  await tabs('follow-ups');
  await go('/follow-ups', 'follow-ups');
  for (const tab of await page.locator('[role=tablist]').first().locator('[role=tab]').all()) {
    await tab.click();
    await page.waitForLoadState('networkidle');
    if (await open('main a[href^="/follow-ups/enrolments/"]', 'follow-up enrolment')) break;
  }
  await go('/patients', 'patients');
  await open('main a[href^="/patients/"]', 'patient');
  await go('/survey-reports', 'survey reports');
  await go('/dashboards', 'dashboards');
  await tabs('dashboards');
}

/**
 * The word-of-mouth pages: referrals, stories (and one story), content, key patients and sharing,
 * every tab of each (a page's first tab list only). The crawl, the accessibility and the phone specs walk them.
 */
export async function visitGrowthPages(page: Page, url: string, visit: (name: string) => Promise<void>): Promise<void> {
  const { go, tabs, open } = pageWalker(page, url, visit);
  for (const [path, name] of [
    ['/referrals', 'referrals'],
    ['/stories', 'stories'],
    ['/content', 'content'],
    ['/advocates', 'key patients'],
    ['/sharing', 'sharing'],
  ] as const) {
    await go(path, name);
    await tabs(name);
  }
  await go('/stories', 'stories');
  await open('main a[href^="/stories/"]', 'story');
}

/**
 * The sweeps over every page (the language crawl, accessibility, the phone layout) check words and
 * layout, which do not depend on the store: they run on the embedded database only, so the second,
 * PostgreSQL pass of the suite does not repeat them (every flow spec still runs on both).
 */
export const storeIndependentSweep = !!process.env.DATABASE_URL;
