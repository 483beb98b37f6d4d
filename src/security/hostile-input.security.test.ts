import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { HOSTILE_PAYLOADS, hostileName, hostileText, hostileUrls } from './hostile-corpus.ts';

/*
 * The hostile corpus through the API (the browser half is e2e/hostile-input.security.spec.ts): every
 * payload is stored as sent (less control characters), as text, in every field — never refused for its content, never
 * a 500 — and a link that is not http(s) is refused on its row, naming the column.
 */

let app: TestApp;
let admin: TestClient;
let push: { id: string; token: string };

beforeAll(async () => {
  app = await createTestApp();
  const orgId = await app.createOrg('hostile');
  admin = await app.userClient(orgId, 'admin');
  const p = (await admin.post('/api/sources', { name: hostileName('src', 0), kind: 'push' })).json();
  push = { id: p.source.id, token: p.token };
});
afterAll(async () => {
  await app?.close();
});

// What ingest keeps of a text (map-record.ts): control characters dropped (line breaks kept) in the text, a run of them a space in one-line fields, trimmed.
const asText = (t: string) =>
  t
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .trim();
// eslint-disable-next-line no-control-regex
const asLine = (t: string) => t.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();

const pushMentions = (mentions: unknown[]) =>
  app.server.inject({ method: 'POST', url: `/api/v1/sources/${push.id}/mentions`, headers: { authorization: `Bearer ${push.token}` }, payload: { mentions } });

test('every payload in text, title and author is stored as sent (less control characters) (a 6,000-character word once failed its whole batch with a 500)', async () => {
  const items = [
    ...HOSTILE_PAYLOADS.map((payload, i) => ({ externalId: `p${i}`, text: payload.text('push'), title: payload.text('title').slice(0, 500), authorHandle: payload.text('author').slice(0, 200) })),
    { externalId: 'all', text: hostileText('push-all') },
    { externalId: 'ru-word', text: `Ж${'ж'.repeat(3000)} и 很长${'长'.repeat(3000)}` },
  ];
  const res = await pushMentions(items);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ accepted: items.length, rejected: [] });
  const stored = await app.ctx.db.selectFrom('mentions').select(['external_id', 'text', 'title', 'author_handle']).where('source_id', '=', push.id).execute();
  const byId = new Map(stored.map((m) => [m.external_id, m]));
  for (const item of items) {
    const m = byId.get(item.externalId);
    expect(m?.text, item.externalId).toBe(asText(item.text));
    if ('title' in item) expect(m?.title, item.externalId).toBe(asLine(item.title));
    if ('authorHandle' in item) expect(m?.author_handle, item.externalId).toBe(asLine(item.authorHandle));
  }
  // Still found by search, by an ordinary word beside the payloads.
  const found = (await admin.get(`/api/mentions?q=${encodeURIComponent('hover')}&limit=100`)).json();
  expect(found.items.length).toBeGreaterThan(0);
});

test('a link that is not http(s) is refused on its row, naming the url; the other rows go in', async () => {
  const urls = hostileUrls('push');
  const res = await pushMentions([{ externalId: 'ok', text: 'Long wait', url: 'https://reviews.example/ok' }, ...urls.map((url, i) => ({ externalId: `u${i}`, text: 'Rude', url }))]);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.accepted).toBe(1);
  expect(body.rejected).toHaveLength(urls.length);
  for (const r of body.rejected) expect(r.reason).toMatch(/url/);
});

test('manual entry and names (department, staff, source) take the corpus as text and answer it unchanged', async () => {
  const text = hostileText('manual');
  const created = await admin.post('/api/mentions', { kind: 'offline_complaint', text, title: hostileName('t', 3, 500), authorHandle: hostileName('a', 4, 200) });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().mention.id;
  const back = (await admin.get(`/api/mentions/${id}`)).json().mention;
  expect(back.text).toBe(text.trim());
  const deptName = hostileName('dept', 5, 200);
  const dept = await admin.post('/api/org/departments', { code: 'hx', name: deptName });
  expect(dept.statusCode, dept.body).toBe(201);
  expect(dept.json().department.name).toBe(deptName.trim());
  const staffName = hostileName('staff', 6, 200);
  const staff = await admin.post('/api/org/staff', { name: staffName, aliases: [hostileName('alias', 7, 200)] });
  expect(staff.statusCode, staff.body).toBe(201);
  expect(staff.json().staff.name).toBe(staffName.trim());
});
