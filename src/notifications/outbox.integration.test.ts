import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { enqueueNotification, type NotificationInput } from './enqueue-notification.ts';
import { eventually } from './test-receivers.ts';

/*
 * With no SMTP server configured (the demo, a fresh install) e-mail is kept in the organisation's
 * local outbox instead of failing; only an admin of that organisation reads it. The dead-letter
 * list takes bulk retry and dismiss.
 */

let app: TestApp;
let admin: TestClient;
let otherAdmin: TestClient;
let pr: TestClient;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  delete process.env.VERITY_SMTP_URL;
  process.env.VERITY_DELIVERY_RETRY_DELAY = '0';
  // The test's receivers listen on loopback, which only an operator's allow-list opens.
  app = await createTestApp({ workers: true, config: { outboundAllow: ['127.0.0.1'] } });
  orgId = await app.createOrg('outbox');
  otherOrgId = await app.createOrg('outbox-other');
  admin = await app.userClient(orgId, 'admin');
  pr = await app.userClient(orgId, 'pr');
  await app.userClient(orgId, 'leadership', { email: 'chief@outbox.test' });
  otherAdmin = await app.userClient(otherOrgId, 'admin');
});
afterAll(async () => {
  await app?.close();
});

const notify = (input: Omit<NotificationInput, 'orgId'>, org = orgId) => app.ctx.db.transaction().execute((trx) => enqueueNotification(app.ctx.boss, trx, { orgId: org, ...input }));

test('keeps e-mail to users and to an e-mail channel in the outbox, marks it sent, and lets the admin page through and read it', async () => {
  expect(app.ctx.config.smtpUrl).toBeNull();
  const channel = await admin.post('/api/alert-channels', { name: 'Ops mail', kind: 'email', config: { to: ['ops@outbox.test'] } });
  expect(channel.statusCode).toBe(201);
  await notify({ title: 'Major case opened', text: 'Patient wrote: <b>rude</b>', url: 'http://verity.test/cases/1', roles: ['leadership'], channelIds: [channel.json().channel.id] });

  const list = await eventually(
    async () => {
      const body = (await admin.get('/api/mail-outbox')).json();
      return body.total >= 2 ? body : undefined;
    },
    15_000,
    'two mails in the outbox',
  );
  expect(list).toMatchObject({ total: 2, pageSize: 50, smtpConfigured: false });
  expect(list.items.map((m: { recipients: string[] }) => m.recipients[0]).sort()).toEqual(['chief@outbox.test', 'ops@outbox.test']);
  expect(list.items[0]).toMatchObject({ subject: 'Major case opened', createdAt: expect.any(String) });
  expect(list.items[0].text).toBeUndefined();

  const mail = (await admin.get(`/api/mail-outbox/${list.items[0].id}`)).json().mail;
  expect(mail.text).toContain('Patient wrote: <b>rude</b>');
  expect(mail.text).toContain('http://verity.test/cases/1');
  expect(mail.html).toContain('Patient wrote: &lt;b&gt;rude&lt;/b&gt;');

  // Nothing failed: both deliveries are sent, the dead-letter list is empty.
  const deliveries = (await admin.get('/api/deliveries')).json().items;
  expect(deliveries.filter((d: { title: string }) => d.title === 'Major case opened').map((d: { status: string }) => d.status)).toEqual(['sent', 'sent']);
  expect((await admin.get('/api/deliveries?status=dead')).json().items).toEqual([]);

  // Paged: a second page exists only beyond 50 mails.
  expect((await admin.get('/api/mail-outbox?page=2')).json()).toMatchObject({ items: [], total: 2 });
});

test('another organisation’s admin and a non-admin cannot read the outbox', async () => {
  const { items } = (await admin.get('/api/mail-outbox')).json();
  const id = items[0].id;
  expect((await otherAdmin.get('/api/mail-outbox')).json()).toMatchObject({ items: [], total: 0 });
  const foreign = await otherAdmin.get(`/api/mail-outbox/${id}`);
  expect(foreign.statusCode).toBe(404);
  expect((await pr.get('/api/mail-outbox')).statusCode).toBe(403);
  expect((await pr.get(`/api/mail-outbox/${id}`)).statusCode).toBe(403);
});

test('retries and dismisses dead deliveries in bulk, skipping ids that are not dead or not the organisation’s', async () => {
  // Three dead deliveries of this organisation and one of another, written dead directly (no waiting out the retries).
  const hook = (await admin.post('/api/alert-channels', { name: 'Dead hook', kind: 'webhook', config: { url: 'http://127.0.0.1:9/hook', secret: 'secret-dead-1' } })).json().channel.id;
  const notificationId = (await app.ctx.db.insertInto('notifications').values({ org_id: orgId, title: 'Dead one', text: 'x' }).returning('id').executeTakeFirstOrThrow()).id;
  const dead = await app.ctx.db
    .insertInto('notification_deliveries')
    .values(
      [1, 2, 3].map(() => ({
        org_id: orgId,
        notification_id: notificationId,
        channel_id: hook,
        kind: 'webhook' as const,
        label: 'Dead hook',
        status: 'dead' as const,
        attempts: 6,
        attempt_limit: 6,
        last_error: 'gone',
      })),
    )
    .returning('id')
    .execute();
  const [a, b, c] = dead.map((d) => d.id) as [string, string, string];
  const foreignNote = (await app.ctx.db.insertInto('notifications').values({ org_id: otherOrgId, title: 'Other', text: 'x' }).returning('id').executeTakeFirstOrThrow()).id;
  const foreign = (
    await app.ctx.db
      .insertInto('notification_deliveries')
      .values({ org_id: otherOrgId, notification_id: foreignNote, kind: 'webhook', label: 'Theirs', status: 'dead', attempts: 6, attempt_limit: 6, last_error: 'gone' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

  const dismissed = await admin.post('/api/deliveries/dismiss', { ids: [a, b, foreign] });
  expect(dismissed.statusCode).toBe(200);
  expect(dismissed.json()).toEqual({ dismissed: expect.arrayContaining([a, b]), skipped: 1 });
  const deadList = (await admin.get('/api/deliveries?status=dead')).json().items.map((d: { id: string }) => d.id);
  expect(deadList).toContain(c);
  expect(deadList).not.toContain(a);
  expect((await admin.get('/api/deliveries')).json().items.find((d: { id: string }) => d.id === a).dismissedAt).not.toBeNull();

  const retried = await admin.post('/api/deliveries/retry', { ids: [c, foreign] });
  expect(retried.json()).toEqual({ retried: [c], skipped: 1 });
  const theirs = await app.ctx.db.selectFrom('notification_deliveries').select(['status', 'dismissed_at']).where('id', '=', foreign).executeTakeFirstOrThrow();
  expect(theirs).toEqual({ status: 'dead', dismissed_at: null });
  const viewer = await app.userClient(orgId, 'viewer');
  expect((await viewer.post('/api/deliveries/dismiss', { ids: [c] })).statusCode).toBe(403);
  const audit = (await admin.get('/api/audit')).json().items.map((e: { action: string }) => e.action);
  expect(audit).toContain('delivery.dismiss');
  expect(audit).toContain('delivery.retry');
});
