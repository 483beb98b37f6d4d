import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

let app: TestApp;
let admin: TestClient;
const ids: Record<string, string> = {};
const mentionIds: Record<string, string> = {};
const tokens: Record<string, string> = {};

async function push(source: string, mentions: unknown[]) {
  const res = await app.server.inject({ method: 'POST', url: `/api/v1/sources/${ids[source]}/mentions`, headers: { authorization: `Bearer ${tokens[source]}` }, payload: { mentions } });
  if (res.statusCode !== 200 || res.json().rejected.length) throw new Error(`push failed: ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  app = await createTestApp();
  const orgId = await app.createOrg('mentions');
  admin = await app.userClient(orgId, 'admin');
  for (const [key, code] of [
    ['north', 'north'],
    ['south', 'south'],
  ] as const)
    ids[key] = (await admin.post('/api/org/locations', { code, name: `${code} campus` })).json().location.id;
  for (const [key, code] of [
    ['dent', 'dent'],
    ['cardio', 'cardio'],
  ] as const)
    ids[key] = (await admin.post('/api/org/departments', { code, name: code })).json().department.id;
  for (const name of ['s1', 's2', 'paged', 'undated', 'edited']) {
    const body = (await admin.post('/api/sources', { name, kind: 'push' })).json();
    ids[name] = body.source.id;
    tokens[name] = body.token;
  }
  await push('s1', [
    { externalId: 'm1', text: '医院排隊太久了，護士態度還可以', lang: 'zh', rating: 2, location: 'north', department: 'dent', publishedAt: '2026-11-01T08:00:00Z' },
    { externalId: 'm2', text: 'Долго ждали в очереди, но врач хороший', lang: 'ru', rating: 4, location: 'south', department: 'cardio', publishedAt: '2026-11-05T08:00:00Z' },
  ]);
  await push('s2', [
    { externalId: 'm3', text: 'We waited three hours for the doctor', lang: 'en', rating: 1, location: 'north', department: 'cardio', publishedAt: '2026-11-10T12:00:00Z' },
    { externalId: 'm4', text: 'Friendly dentist and clean rooms', lang: 'en', rating: 5, location: 'south', department: 'dent', publishedAt: '2026-11-15T08:00:00Z' },
  ]);
  const rows = await app.ctx.db.selectFrom('mentions').select(['id', 'external_id']).where('external_id', 'in', ['m1', 'm2', 'm3', 'm4']).execute();
  for (const r of rows) mentionIds[r.external_id!] = r.id;
});
afterAll(async () => {
  await app?.close();
});

/** The external ids of the seeded mentions (m1..m4) that the query returns, sorted. */
async function seeded(query: string): Promise<string[]> {
  const res = await admin.get(`/api/mentions?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { externalId: string }[])
    .map((m) => m.externalId)
    .filter((e) => /^m\d$/.test(e))
    .sort();
}

test('filters by source', async () => {
  expect(await seeded(`source=${ids.s1}`)).toEqual(['m1', 'm2']);
});

test('filters by location', async () => {
  expect(await seeded(`location=${ids.north}`)).toEqual(['m1', 'm3']);
});

test('filters by department', async () => {
  expect(await seeded(`department=${ids.dent}`)).toEqual(['m1', 'm4']);
});

test('filters by language', async () => {
  expect(await seeded('lang=en')).toEqual(['m3', 'm4']);
  expect(await seeded('lang=ru')).toEqual(['m2']);
});

test('filters by rating range on the 1 to 5 scale', async () => {
  expect(await seeded('ratingMin=2&ratingMax=4.5')).toEqual(['m1', 'm2']);
  expect(await seeded('ratingMin=4.9')).toEqual(['m4']);
});

test('filters by status', async () => {
  expect((await admin.patch(`/api/mentions/${mentionIds.m4}`, { status: 'resolved' })).statusCode).toBe(200);
  expect(await seeded('status=resolved')).toEqual(['m4']);
  expect(await seeded('status=new')).toEqual(['m1', 'm2', 'm3']);
});

test('filters by date range, a bare end date meaning the whole day', async () => {
  expect(await seeded('from=2026-11-05&to=2026-11-10')).toEqual(['m2', 'm3']);
  expect(await seeded('from=2026-11-05T08:00:01Z')).toEqual(['m3', 'm4']);
});

test('finds traditional Chinese text with a simplified query', async () => {
  expect(await seeded(`q=${encodeURIComponent('排队')}`)).toEqual(['m1']);
});

test('finds an inflected Russian word', async () => {
  expect(await seeded(`q=${encodeURIComponent('очередь')}`)).toEqual(['m2']);
});

test('finds an English word in another form', async () => {
  expect(await seeded('q=waiting')).toEqual(['m3']);
  expect(await seeded('q=hospital')).toEqual([]);
});

test('returns every mention exactly once across cursor pages', async () => {
  // Many share one timestamp, so the page boundary must fall between equal sort keys.
  const items = Array.from({ length: 23 }, (_, i) => ({
    externalId: `p${i}`,
    text: `Paged mention number ${i}`,
    publishedAt: i % 3 === 0 ? '2026-10-01T00:00:00Z' : `2026-10-${String(2 + (i % 20)).padStart(2, '0')}T00:00:00Z`,
  }));
  await push('paged', items);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await admin.get(`/api/mentions?source=${ids.paged}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { externalId: string; publishedAt: string }[]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(4);
    seen.push(...body.items.map((m) => m.externalId));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  expect(pages).toBe(6);
  expect(seen).toHaveLength(23);
  expect(new Set(seen).size).toBe(23);
});

test('returns every undated mention exactly once across pages though they share one microsecond timestamp', async () => {
  // Without a publication time the sort key is received_at, which PostgreSQL keeps to the
  // microsecond and which is the same for a whole batch: the cursor must not round it.
  await push(
    'undated',
    Array.from({ length: 9 }, (_, i) => ({ externalId: `u${i}`, text: `Undated mention ${i}` })),
  );
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await admin.get(`/api/mentions?source=${ids.undated}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = res.json() as { items: { externalId: string }[]; nextCursor: string | null };
    seen.push(...body.items.map((m) => m.externalId));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  expect(seen.sort()).toEqual(Array.from({ length: 9 }, (_, i) => `u${i}`).sort());
});

test('refuses a malformed cursor with 400', async () => {
  for (const cursor of ['not-a-cursor', Buffer.from('["yesterday","x"]').toString('base64url')]) {
    const res = await admin.get(`/api/mentions?cursor=${cursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('cursor') });
  }
});

test('returns the earlier and current versions of a mention edited through the push API', async () => {
  await push('edited', [{ externalId: 'e1', text: 'Good clinic', rating: 5 }]);
  await push('edited', [{ externalId: 'e1', text: 'Good clinic, but the bill was wrong', rating: 2 }]);
  const id = (await app.ctx.db.selectFrom('mentions').select('id').where('source_id', '=', ids.edited!).where('external_id', '=', 'e1').executeTakeFirstOrThrow()).id;
  const res = await admin.get(`/api/mentions/${id}`);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.mention).toMatchObject({ id, version: 2, text: 'Good clinic, but the bill was wrong', ratingRaw: 2 });
  expect(body.versions).toMatchObject([
    { version: 1, text: 'Good clinic', ratingRaw: 5 },
    { version: 2, text: 'Good clinic, but the bill was wrong', ratingRaw: 2 },
  ]);
});

test('records a status change in the audit log', async () => {
  const res = await admin.patch(`/api/mentions/${mentionIds.m3}`, { status: 'triaged' });
  expect(res.statusCode).toBe(200);
  expect(res.json().mention.status).toBe('triaged');
  const audit = (await admin.get('/api/audit')).json().items as { action: string; targetId: string; details: Record<string, unknown>; userEmail: string }[];
  expect(audit.find((e) => e.action === 'mention.status' && e.targetId === mentionIds.m3)).toMatchObject({ details: { from: 'new', to: 'triaged' }, userEmail: expect.stringContaining('@') });
});

test('shows a department head without departments no mentions', async () => {
  const orgId = (await admin.get('/api/auth/me')).json().user.org.id;
  const head = await app.userClient(orgId, 'department_head', { departmentIds: [] });
  const res = await head.get('/api/mentions');
  expect(res.statusCode).toBe(200);
  expect(res.json().items).toEqual([]);
  expect((await head.get(`/api/mentions/${mentionIds.m1}`)).statusCode).toBe(404);
});

test('refuses an unknown status with 400 naming the field', async () => {
  const res = await admin.patch(`/api/mentions/${mentionIds.m1}`, { status: 'deleted' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('status');
});

test('refuses a typed-in rating above its scale with 400 naming ratingRaw', async () => {
  const res = await admin.post('/api/mentions', { text: 'Out of range rating', ratingRaw: 9, ratingScale: 5 });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('ratingRaw');
  expect((await admin.post('/api/mentions', { text: 'In range rating', ratingRaw: 9, ratingScale: 10 })).statusCode).toBe(201);
});
