import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { callApi, shotsDir, signIn, startBrowserSession, type BrowserSession, expectNoSidewaysScroll } from './browser.ts';

/*
 * The dashboards in Chromium on the demo clinic: leadership opens the overview and the heat map,
 * clicks a cell and lands on the inbox filtered to exactly the mentions the cell counts; the
 * address holds the filters (a reload and back keep the view); a department head's heat map and
 * department list hold only their departments; the overview and the heat map fit 1440 and 390 px
 * in the three languages (screenshots in shotsDir).
 */

interface HeatmapAnswer {
  period: { from: string; to: string; timezone: string };
  rows: { id: string | null; name: string | null; total: number }[];
  cells: { rowId: string | null; aspect: string; total: number; sparse: boolean }[];
}

let session: BrowserSession;
let page: Page;
let url: string;

beforeAll(async () => {
  session = await startBrowserSession('verity-dashboards-', { demo: true, viewport: { width: 1440, height: 900 } });
  page = session.page;
  url = session.verity.url;
  // The demo clinic counts days in Asia/Shanghai; the inbox's date filter is the browser's days, so the browser is there too.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Shanghai' });
}, 600_000);

afterAll(async () => {
  await session?.close();
});

async function setLanguage(locale: string): Promise<void> {
  await page.evaluate(`localStorage.setItem('verity.lang', ${JSON.stringify(locale)})`);
}

const noSidewaysScroll = () => expectNoSidewaysScroll(page);

/** Opens a dashboard tab and waits for its answer; returns the parsed answer. */
async function openTab<T>(path: string, endpoint: string): Promise<T> {
  const answer = page.waitForResponse((r) => r.url().includes(endpoint) && r.request().method() === 'GET');
  await page.goto(`${url}${path}`);
  const res = await answer;
  expect(res.status()).toBe(200);
  await page.waitForLoadState('networkidle');
  return (await res.json()) as T;
}

test('leadership opens the overview: every tile has a figure or says "No data yet", never a bare zero', async () => {
  await signIn(page, url, 'director@demo.verity.local');
  await setLanguage('en');
  await openTab('/dashboards', '/api/dashboards/overview');
  await page.locator('[data-testid=dash-mentions] .dash-figure').waitFor();
  expect(Number((await page.locator('[data-testid=dash-mentions] .dash-figure').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
  // The demo's share links and referrals fill the word-of-mouth funnel: each step a figure, the first above zero.
  const funnel = page.locator('[data-testid=dash-referrals]');
  await expect.poll(() => funnel.innerText()).toContain('Shared a link');
  const steps = (await funnel.innerText()).split('\n').filter((line) => /^\d[\d,]*$/.test(line.trim()));
  expect(steps).toHaveLength(4);
  expect(Number(steps[0]!.replace(/\D/g, ''))).toBeGreaterThan(0);
  // The charts are drawn (ECharts' own chunk arrived) and the table view shows the same rows.
  await page.locator('[data-testid=dash-sentiment] svg').first().waitFor();
  await page.locator('[data-testid=dash-by-source]').getByRole('button', { name: 'Table' }).click();
  expect(await page.locator('[data-testid=dash-by-source] table tbody tr').count()).toBeGreaterThan(3);
  // Export CSV: UTF-8 with a BOM, a header and one line per source.
  const download = page.waitForEvent('download');
  await page.locator('[data-testid=dash-by-source]').getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Source,Total,Negative');
  expect(lines.length - 1).toBe(await page.locator('[data-testid=dash-by-source] table tbody tr').count());
});

test('the period is in the address: a preset survives a reload, back returns to the previous one', async () => {
  await openTab('/dashboards', '/api/dashboards/overview');
  const answer = page.waitForResponse((r) => r.url().includes('/api/dashboards/overview'));
  await page.locator('select[name=period]').selectOption('30');
  const q = new URL((await answer).url()).searchParams;
  expect(new URL(page.url()).searchParams.get('period')).toBe('30');
  expect((Date.parse(q.get('to')!) - Date.parse(q.get('from')!)) / 86_400_000).toBe(29);
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('select[name=period]').inputValue()).toBe('30');
  await page.goBack();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('select[name=period]').inputValue()).toBe('90');
});

test('a heat-map cell opens the inbox filtered to its department and aspect, listing exactly its mentions', async () => {
  const h = await openTab<HeatmapAnswer>('/dashboards/heatmap', '/api/dashboards/heatmap');
  await page.locator('[data-testid=dash-heatmap-chart] svg').waitFor();
  // A coloured cell of a department whose volume no other cell shares, so its label names it alone.
  const counts = new Map<number, number>();
  for (const c of h.cells) counts.set(c.total, (counts.get(c.total) ?? 0) + 1);
  const cell = h.cells.filter((c) => c.rowId && !c.sparse && counts.get(c.total) === 1).sort((a, b) => b.total - a.total)[0];
  expect(cell, 'a heat-map cell with a volume of its own').toBeDefined();
  await page
    .locator('[data-testid=dash-heatmap-chart] svg text')
    .filter({ hasText: new RegExp(`^${cell!.total}$`) })
    .first()
    .click();
  await page.waitForURL((u) => u.pathname === '/inbox');
  const params = new URL(page.url()).searchParams;
  expect({ department: params.get('department'), aspect: params.get('aspect'), from: params.get('from'), to: params.get('to') }).toEqual({
    department: cell!.rowId,
    aspect: cell!.aspect,
    from: h.period.from,
    to: h.period.to,
  });
  // The inbox shows those filters as set, and its total is the cell's number.
  await expect.poll(() => page.locator('select[name=department]').inputValue()).toBe(cell!.rowId);
  await expect.poll(() => page.locator('select[name=aspect]').inputValue()).toBe(cell!.aspect);
  await page.locator('[data-testid=mention-card]').first().waitFor();
  await expect.poll(() => page.locator('[data-testid=inbox-total]').innerText()).toBe(`${cell!.total} mentions`);
  // Back returns to the heat map.
  await page.goBack();
  await page.locator('[data-testid=dash-heatmap-chart] svg').waitFor();
  expect(new URL(page.url()).pathname).toBe('/dashboards/heatmap');
});

test('from the keyboard: the table view of the heat map has a link per cell to the same inbox', async () => {
  const h = await openTab<HeatmapAnswer>('/dashboards/heatmap?by=location', '/api/dashboards/heatmap');
  expect(new URL(page.url()).searchParams.get('by')).toBe('location');
  await page.locator('[data-testid=dash-heatmap]').getByRole('button', { name: 'Table' }).click();
  const link = page.locator('[data-testid=dash-cell-link]').first();
  const href = (await link.getAttribute('href'))!;
  const target = new URL(href, url).searchParams;
  const cell = h.cells.find((c) => c.rowId === target.get('location') && c.aspect === target.get('aspect'))!;
  expect(cell).toBeDefined();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/inbox');
  await expect.poll(() => page.locator('[data-testid=inbox-total]').innerText()).toBe(`${cell.total} mentions`);
});

test('the overview and the heat map fit 1440 and 390 px in every language', async () => {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const lang of ['en', 'ru', 'zh-CN']) {
      await setLanguage(lang);
      for (const tab of ['overview', 'heatmap'] as const) {
        await openTab(tab === 'overview' ? '/dashboards' : '/dashboards/heatmap', `/api/dashboards/${tab}`);
        await page
          .locator(tab === 'overview' ? '[data-testid=dash-sentiment] svg' : '[data-testid=dash-heatmap-chart] svg')
          .first()
          .waitFor();
        await noSidewaysScroll();
        await page.screenshot({ path: join(shotsDir, `dashboards-${tab}-${lang}-${width}.png`), fullPage: true });
      }
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await setLanguage('en');
});

test('the competitors tab compares our clinic with each named competitor of the demo', async () => {
  const b = await openTab<{ entities: { competitor: string | null }[] }>('/dashboards/competitors', '/api/dashboards/benchmark');
  expect(b.entities[0]?.competitor).toBeNull();
  expect(b.entities.filter((e) => e.competitor !== null).length).toBeGreaterThan(0);
  await page.locator('[data-testid=dash-compare] table').waitFor();
  expect(await page.locator('[data-testid=dash-compare] tbody tr').count()).toBe(b.entities.length);
  await page.locator('[data-testid=dash-compare-aspects] svg').first().waitFor();
});

test('a department head sees only their departments in the heat map and the department filter', async () => {
  await page.context().clearCookies();
  await signIn(page, url, 'dent.head@demo.verity.local');
  await setLanguage('en');
  const me = await callApi<{ user: { departmentIds: string[] } }>(page, url, 'GET', '/api/auth/me');
  expect(me.user.departmentIds.length).toBeGreaterThan(0);
  const h = await openTab<HeatmapAnswer>('/dashboards/heatmap', '/api/dashboards/heatmap');
  expect(h.rows.length).toBeGreaterThan(0);
  for (const row of h.rows) expect(me.user.departmentIds).toContain(row.id);
  const options = await page.locator('select[name=department] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(options.sort()).toEqual([...me.user.departmentIds].sort());
  await page.locator('[data-testid=dash-heatmap]').getByRole('button', { name: 'Table' }).click();
  const rowNames = new Set(await page.locator('[data-testid=dash-heatmap] tbody tr td:first-child').allInnerTexts());
  expect([...rowNames].sort()).toEqual(h.rows.map((r) => r.name ?? '').sort());
});
