import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Shared set-up of the browser tests: the built web app and Debian's Chromium, headless. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const shotsDir = process.env.VERITY_SHOTS_DIR ?? '/tmp/verity-shots';

/** Builds web/dist when it is missing; throws when Chromium is not installed. */
export async function prepareBrowserTests(): Promise<void> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`the browser tests need Chromium at ${chromiumPath} (apt-get install -y chromium fonts-wqy-microhei, once per machine)`);
  }
  mkdirSync(shotsDir, { recursive: true });
  if (existsSync(join(repoRoot, 'web/dist/index.html'))) return;
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
