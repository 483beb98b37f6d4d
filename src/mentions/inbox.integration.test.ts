import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { analysePending } from './analyse-pending.ts';

// The inbox: search finds authors as well as words, every page says how many match, and the list sorts.

let app: TestApp;
let orgId: string;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('inbox');
  admin = await app.userClient(orgId, 'admin');
  const add = (text: string, extra: Record<string, unknown>) => admin.post('/api/mentions', { kind: 'review', text, ...extra });
  await add('The nurse was wonderful and kind.', { authorHandle: 'li.wei', ratingRaw: 5, ratingScale: 5, publishedAt: '2026-11-01T10:00:00Z' });
  await add('Rude receptionist, terrible experience, never again.', { authorHandle: 'Иванова М.', ratingRaw: 1, ratingScale: 5, publishedAt: '2026-11-02T10:00:00Z' });
  await add('医生很耐心，解释得很清楚。', { authorHandle: '王女士', ratingRaw: 4, ratingScale: 5, publishedAt: '2026-11-03T10:00:00Z' });
  await add('Average visit, nothing special.', { authorHandle: 'li.wei.2', publishedAt: '2026-11-04T10:00:00Z' });
  await analysePending(app.ctx, orgId);
});
afterAll(() => app?.close());

const authors = (body: { items: { authorHandle: string | null }[] }) => body.items.map((m) => m.authorHandle);

test('the search box finds authors by their handle in any script, and words as before', async () => {
  expect(authors((await admin.get('/api/mentions?q=li.wei')).json()).sort()).toEqual(['li.wei', 'li.wei.2']);
  expect(authors((await admin.get(`/api/mentions?q=${encodeURIComponent('иванова')}`)).json())).toEqual(['Иванова М.']);
  expect(authors((await admin.get(`/api/mentions?q=${encodeURIComponent('王女士')}`)).json())).toEqual(['王女士']);
  expect(authors((await admin.get('/api/mentions?q=receptionist')).json())).toEqual(['Иванова М.']);
  expect(authors((await admin.get('/api/mentions?author=LI.WEI')).json())).toEqual(['li.wei']);
});

test('each page carries the total that match the filters', async () => {
  const page = (await admin.get('/api/mentions?limit=2')).json();
  expect(page.items).toHaveLength(2);
  expect(page.total).toBe(4);
  expect((await admin.get('/api/mentions?q=li.wei&limit=1')).json().total).toBe(2);
});

test('sorts newest, oldest, most negative and by rating, and pages through each order', async () => {
  expect(authors((await admin.get('/api/mentions')).json())).toEqual(['li.wei.2', '王女士', 'Иванова М.', 'li.wei']);
  expect(authors((await admin.get('/api/mentions?sort=oldest')).json())).toEqual(['li.wei', 'Иванова М.', '王女士', 'li.wei.2']);
  expect(authors((await admin.get('/api/mentions?sort=negative')).json())[0]).toBe('Иванова М.');
  expect(authors((await admin.get('/api/mentions?sort=rating')).json())).toEqual(['Иванова М.', '王女士', 'li.wei', 'li.wei.2']);
  expect(authors((await admin.get('/api/mentions?sort=rating_high')).json())).toEqual(['li.wei', '王女士', 'Иванова М.', 'li.wei.2']);
  const seen: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { authorHandle: string | null }[]; nextCursor: string | null } = (await admin.get(`/api/mentions?sort=rating&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
    seen.push(...authors(page));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual(['Иванова М.', '王女士', 'li.wei', 'li.wei.2']);
  const newest = (await admin.get('/api/mentions?limit=1')).json();
  expect((await admin.get(`/api/mentions?sort=oldest&cursor=${newest.nextCursor}`)).statusCode).toBe(400);
});
