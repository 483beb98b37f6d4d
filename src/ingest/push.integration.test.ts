import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { signWebhook } from '../core/webhook-signing.ts';

let app: TestApp;
let admin: TestClient;
let push: { id: string; token: string };
let webhook: { id: string; secret: string };

beforeAll(async () => {
  app = await createTestApp();
  const orgId = await app.createOrg('push');
  admin = await app.userClient(orgId, 'admin');
  const p = (await admin.post('/api/sources', { name: 'Partner app', kind: 'push' })).json();
  push = { id: p.source.id, token: p.token };
  const w = (await admin.post('/api/sources', { name: 'Booking webhook', kind: 'webhook' })).json();
  webhook = { id: w.source.id, secret: w.webhookSecret };
});
afterAll(async () => {
  await app?.close();
});

const pushMentions = (mentions: unknown[], token: string | null = push.token, sourceId = push.id) =>
  app.server.inject({
    method: 'POST',
    url: `/api/v1/sources/${sourceId}/mentions`,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
    payload: { mentions },
  });

const countMentions = async (sourceId: string) =>
  Number(
    (
      await app.ctx.db
        .selectFrom('mentions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('source_id', '=', sourceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

test('hands out a token once for a push source and keeps only its hash', async () => {
  expect(push.token).toMatch(/^vt_/);
  const row = await app.ctx.db.selectFrom('sources').select(['token_hash']).where('id', '=', push.id).executeTakeFirstOrThrow();
  expect(row.token_hash).toBeTruthy();
  expect(row.token_hash).not.toContain(push.token);
});

test('accepts pushed mentions with the bearer token and counts them', async () => {
  const res = await pushMentions([
    { externalId: 'p1', text: 'The nurse was very patient', rating: 5 },
    { externalId: 'p2', text: 'Parking was impossible', rating: 2 },
  ]);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ accepted: 2, duplicates: 0, updated: 0, rejected: [] });
  expect(await countMentions(push.id)).toBe(2);
});

test('adds nothing when the same payload is pushed again', async () => {
  const payload = [
    { externalId: 'd1', text: 'Same again' },
    { externalId: 'd2', text: 'And again' },
  ];
  expect((await pushMentions(payload)).json().accepted).toBe(2);
  const before = await countMentions(push.id);
  const res = await pushMentions(payload);
  expect(res.json()).toMatchObject({ accepted: 0, duplicates: 2, updated: 0 });
  expect(await countMentions(push.id)).toBe(before);
});

test('keeps the good items of a batch and names the bad one by its 1-based row', async () => {
  const res = await pushMentions([
    { externalId: 'g1', text: 'Good one' },
    { externalId: 'b1', rating: 4 },
    { externalId: 'g2', text: 'Good two' },
  ]);
  expect(res.statusCode).toBe(200);
  const body = res.json();
  expect(body.accepted).toBe(2);
  expect(body.rejected).toHaveLength(1);
  expect(body.rejected[0]).toMatchObject({ row: 2, reason: expect.stringContaining('text') });
  const ids = await app.ctx.db.selectFrom('mentions').select('external_id').where('source_id', '=', push.id).where('external_id', 'in', ['g1', 'b1', 'g2']).orderBy('external_id').execute();
  expect(ids.map((r) => r.external_id)).toEqual(['g1', 'g2']);
});

test('refuses a wrong or missing token with 401', async () => {
  const before = await countMentions(push.id);
  for (const token of ['vt_wrong', null]) {
    const res = await pushMentions([{ externalId: 'x1', text: 'Should not land' }], token);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  }
  // The right token for another source's id does not work either.
  expect((await pushMentions([{ text: 'Should not land' }], push.token, webhook.id)).statusCode).toBe(401);
  expect(await countMentions(push.id)).toBe(before);
});

test('keeps an edited item pushed again as a new version', async () => {
  await pushMentions([{ externalId: 'v1', text: 'Friendly staff', rating: 5 }]);
  const res = await pushMentions([{ externalId: 'v1', text: 'Friendly staff, but billed twice', rating: 2 }]);
  expect(res.json()).toMatchObject({ accepted: 0, updated: 1 });
  const id = (await app.ctx.db.selectFrom('mentions').select('id').where('source_id', '=', push.id).where('external_id', '=', 'v1').executeTakeFirstOrThrow()).id;
  const detail = (await admin.get(`/api/mentions/${id}`)).json();
  expect(detail.versions.map((v: { version: number; text: string }) => [v.version, v.text])).toEqual([
    [1, 'Friendly staff'],
    [2, 'Friendly staff, but billed twice'],
  ]);
});

const deliver = (body: string, headers: Record<string, string>) =>
  app.server.inject({ method: 'POST', url: `/api/v1/sources/${webhook.id}/webhook`, headers: { 'content-type': 'application/json', ...headers }, payload: body });
const signed = (body: string, timestamp?: number) => {
  const { timestamp: ts, signature } = signWebhook(webhook.secret, body, timestamp);
  return { 'x-verity-timestamp': ts, 'x-verity-signature': signature };
};

test('accepts a signed webhook delivery', async () => {
  const body = JSON.stringify({ mentions: [{ externalId: 'w1', text: 'Booked online, easy' }] });
  const res = await deliver(body, signed(body));
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ accepted: 1 });
  expect(await countMentions(webhook.id)).toBe(1);
});

test('refuses the same webhook delivery again as a replay', async () => {
  const body = JSON.stringify({ mentions: [{ externalId: 'w2', text: 'Replayed delivery' }] });
  const headers = signed(body);
  expect((await deliver(body, headers)).statusCode).toBe(200);
  const res = await deliver(body, headers);
  expect(res.statusCode).toBe(409);
  expect(res.json().error.code).toBe('conflict');
});

test('refuses a webhook with a bad signature', async () => {
  const body = JSON.stringify({ mentions: [{ externalId: 'w3', text: 'Forged' }] });
  const headers = signed(JSON.stringify({ mentions: [{ externalId: 'w3', text: 'Original' }] }));
  const res = await deliver(body, headers);
  expect(res.statusCode).toBe(401);
  expect(res.json().error.message).toMatch(/signature/);
  const forged = await app.ctx.db.selectFrom('mentions').select('id').where('external_id', '=', 'w3').execute();
  expect(forged).toEqual([]);
});

test('refuses a webhook signed 10 minutes ago', async () => {
  const body = JSON.stringify({ mentions: [{ externalId: 'w4', text: 'Stale' }] });
  const res = await deliver(body, signed(body, Math.floor(Date.now() / 1000) - 600));
  expect(res.statusCode).toBe(401);
  expect(res.json().error.message).toMatch(/timestamp/);
});

test('lists a manual offline complaint under the source Manual entry', async () => {
  const created = await admin.post('/api/mentions', { kind: 'offline_complaint', text: 'Patient complained at the front desk about the queue' });
  expect(created.statusCode).toBe(201);
  const id = created.json().mention.id;
  const items = (await admin.get('/api/mentions?kind=offline_complaint')).json().items as { id: string; sourceName: string; kind: string }[];
  expect(items.find((m) => m.id === id)).toMatchObject({ sourceName: 'Manual entry', kind: 'offline_complaint' });
});

test('refuses a webhook signed 10 minutes in the future', async () => {
  const body = JSON.stringify({ mentions: [{ externalId: 'w5', text: 'From the future' }] });
  const res = await deliver(body, signed(body, Math.floor(Date.now() / 1000) + 600));
  expect(res.statusCode).toBe(401);
});

test('refuses a push of more than 1000 items as a whole', async () => {
  const res = await pushMentions(Array.from({ length: 1001 }, (_, i) => ({ externalId: `big${i}`, text: 'x' })));
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toMatch(/1000/);
});

test('accepts a signed webhook sent as application/json with a charset', async () => {
  const body = JSON.stringify({ mentions: [{ externalId: 'w6', text: 'Записались онлайн, всё быстро' }] });
  const res = await deliver(body, { ...signed(body), 'content-type': 'application/json; charset=utf-8' });
  expect(res.statusCode).toBe(200);
  expect(res.json().accepted).toBe(1);
});

test('refuses a new source named like a built-in one, so staff entries cannot land in it', async () => {
  const res = await admin.post('/api/sources', { name: 'manual ENTRY', kind: 'push' });
  expect(res.statusCode).toBe(409);
  expect(res.json().error.message).toMatch(/keeps for itself/);
});
