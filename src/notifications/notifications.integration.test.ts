import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { enqueueNotification, type NotificationInput } from './enqueue-notification.ts';
import { eventually, mailPart, startHttpReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from './test-receivers.ts';

let app: TestApp;
let admin: TestClient;
let leader: TestClient;
let orgId: string;
let smtp: SmtpSink;
let receiver: HttpReceiver;

beforeAll(async () => {
  smtp = await startSmtpSink();
  receiver = await startHttpReceiver();
  process.env.VERITY_SMTP_URL = smtp.url;
  process.env.VERITY_DELIVERY_RETRY_DELAY = '0';
  // The test's receivers listen on loopback, which only an operator's allow-list opens.
  app = await createTestApp({ workers: true, config: { outboundAllow: ['127.0.0.1'] } });
  orgId = await app.createOrg('notify');
  admin = await app.userClient(orgId, 'admin');
  leader = await app.userClient(orgId, 'leadership', { email: 'chief@notify.test' });
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await receiver?.close();
});

const notify = (input: Omit<NotificationInput, 'orgId'>) => app.ctx.db.transaction().execute((trx) => enqueueNotification(app.ctx.boss, trx, { orgId, ...input }));

async function channel(name: string, kind: string, config: Record<string, unknown>): Promise<string> {
  const res = await admin.post('/api/alert-channels', { name, kind, config });
  if (res.statusCode !== 201) throw new Error(`channel not created (${res.statusCode}): ${res.body}`);
  return res.json().channel.id;
}

test('e-mails the users of a role with escaped HTML and plain text, and shows it in their in-app list', async () => {
  const before = smtp.mails.length;
  await notify({ title: 'Major case opened', text: 'Patient wrote: <script>alert(1)</script> & left', url: 'http://verity.test/cases/1', roles: ['leadership'] });
  const mails = await smtp.waitFor(before + 1);
  const mail = mails.at(-1)!;
  expect(mail.to).toEqual(['chief@notify.test']);
  expect(mailPart(mail.raw, 'text/plain')).toContain('Patient wrote: <script>alert(1)</script> & left');
  const html = mailPart(mail.raw, 'text/html')!;
  expect(html).toContain('Patient wrote: &lt;script&gt;alert(1)&lt;/script&gt; &amp; left');
  expect(html).not.toContain('<script>');
  expect(html).toContain('<a href="http://verity.test/cases/1">');
  const inbox = (await leader.get('/api/notifications')).json();
  expect(inbox.unread).toBe(1);
  expect(inbox.items[0]).toMatchObject({ title: 'Major case opened', body: 'Patient wrote: <script>alert(1)</script> & left', url: 'http://verity.test/cases/1', readAt: null });
  const read = await leader.post(`/api/notifications/${inbox.items[0].id}/read`);
  expect(read.statusCode).toBe(200);
  expect(read.json().notification.readAt).not.toBeNull();
  expect((await leader.get('/api/notifications')).json().unread).toBe(0);
});

test('posts the WeCom group robot markdown payload', async () => {
  const id = await channel('WeCom', 'wecom', { url: `${receiver.url}/wecom?key=k1` });
  const before = receiver.requests.length;
  await notify({ title: 'Negative review', text: 'Waited 3 hours', channelIds: [id] });
  const request = (await receiver.waitFor(before + 1)).at(-1)!;
  expect(request.url).toBe('/wecom?key=k1');
  const body = JSON.parse(request.body);
  expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
  expect(body.msgtype).toBe('markdown');
  expect(body.markdown.content).toContain('Negative review');
  expect(body.markdown.content).toContain('Waited 3 hours');
});

test('posts the DingTalk robot markdown payload with a valid signature', async () => {
  const secret = 'SECdingtalk-secret-123';
  const id = await channel('DingTalk', 'dingtalk', { url: `${receiver.url}/robot/send?access_token=t1`, secret });
  const before = receiver.requests.length;
  await notify({ title: 'Negative review', text: 'Rude at reception', channelIds: [id] });
  const request = (await receiver.waitFor(before + 1)).at(-1)!;
  const url = new URL(request.url, receiver.url);
  expect(url.pathname).toBe('/robot/send');
  expect(url.searchParams.get('access_token')).toBe('t1');
  const timestamp = url.searchParams.get('timestamp')!;
  expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
  const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  expect(url.searchParams.get('sign')).toBe(expected);
  // The sign is URL-encoded in the query as DingTalk requires.
  expect(request.url).toContain(`sign=${encodeURIComponent(expected)}`);
  const body = JSON.parse(request.body);
  expect(body).toEqual({ msgtype: 'markdown', markdown: { title: 'Negative review', text: expect.stringContaining('Rude at reception') } });
});

test('posts the Slack incoming webhook payload with text and blocks', async () => {
  const id = await channel('Slack', 'slack', { url: `${receiver.url}/services/T0/B0/x` });
  const before = receiver.requests.length;
  await notify({ title: 'Spike of complaints', text: 'Billing <issues> & more', url: 'http://verity.test/alerts', channelIds: [id] });
  const request = (await receiver.waitFor(before + 1)).at(-1)!;
  expect(request.url).toBe('/services/T0/B0/x');
  const body = JSON.parse(request.body);
  expect(body.text).toBe('Spike of complaints\nBilling &lt;issues&gt; &amp; more');
  expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Spike of complaints' } });
  expect(body.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Billing &lt;issues&gt; &amp; more' } });
});

test('posts Telegram sendMessage in HTML mode to the bot API', async () => {
  const id = await channel('Telegram', 'telegram', { botToken: '123456:ABC-token', chatId: '-1001', apiBase: receiver.url });
  const before = receiver.requests.length;
  await notify({ title: 'Risk: legal threat', text: 'I will sue <you>', channelIds: [id] });
  const request = (await receiver.waitFor(before + 1)).at(-1)!;
  expect(request.url).toBe('/bot123456:ABC-token/sendMessage');
  expect(JSON.parse(request.body)).toEqual({ chat_id: '-1001', text: '<b>Risk: legal threat</b>\n\nI will sue &lt;you&gt;', parse_mode: 'HTML' });
});

test('posts the generic webhook signed over timestamp and body', async () => {
  const secret = 'webhook-secret-abc';
  const id = await channel('Hook', 'webhook', { url: `${receiver.url}/hook`, secret });
  const before = receiver.requests.length;
  await notify({ title: 'Alert', text: 'Hello', urgent: true, channelIds: [id] });
  const request = (await receiver.waitFor(before + 1)).at(-1)!;
  const timestamp = request.headers['x-verity-timestamp'] as string;
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  expect(request.headers['x-verity-signature']).toBe(expected);
  expect(JSON.parse(request.body)).toMatchObject({ event: 'notification', orgId, title: 'Alert', text: 'Hello', urgent: true });
});

test('retries a target answering 500, dead-letters it after the last retry, and delivers it on an admin retry', async () => {
  const id = await channel('Flaky', 'webhook', { url: `${receiver.url}/flaky`, secret: 'flaky-secret-1' });
  receiver.respond.status = 500;
  try {
    await notify({ title: 'Dead letter me', text: 'x', channelIds: [id] });
    const dead = await eventually(async () => (await admin.get('/api/deliveries?status=dead')).json().items.find((d: { title: string }) => d.title === 'Dead letter me'), 30_000, 'a dead delivery');
    expect(dead).toMatchObject({ channelId: id, channelName: 'Flaky', channelKind: 'webhook', status: 'dead', attempts: 6, lastError: expect.stringContaining('HTTP 500') });
    expect(receiver.requests.filter((r) => r.url === '/flaky')).toHaveLength(6);
    receiver.respond.status = 200;
    const retried = await admin.post(`/api/deliveries/${dead.id}/retry`);
    expect(retried.statusCode).toBe(200);
    await eventually(async () => (await admin.get('/api/deliveries?status=sent')).json().items.find((d: { id: string }) => d.id === dead.id), 15_000, 'the retried delivery sent');
    expect(receiver.requests.filter((r) => r.url === '/flaky')).toHaveLength(7);
  } finally {
    receiver.respond.status = 200;
  }
});

test('delivers to a fast channel while a slow one is still waiting for its answer', async () => {
  const slow = await startHttpReceiver();
  slow.respond.delayMs = 4000;
  try {
    const slowId = await channel('Slow', 'slack', { url: `${slow.url}/slow` });
    const fastId = await channel('Fast', 'slack', { url: `${receiver.url}/fast` });
    await notify({ title: 'Slow one', text: 'x', channelIds: [slowId] });
    await slow.waitFor(1);
    // The slow target now holds its delivery for 4 s; the fast one must not wait for it.
    const started = Date.now();
    await notify({ title: 'Fast one', text: 'x', channelIds: [fastId] });
    await eventually(async () => receiver.requests.some((r) => r.url === '/fast'), 10_000, 'the fast channel');
    expect(Date.now() - started).toBeLessThan(2500);
  } finally {
    await slow.close();
  }
});

test('renders a coded notification in each reader’s language: in-app in the viewer’s, e-mail in the user’s own, a channel in the organisation’s', async () => {
  const reader = await app.userClient(orgId, 'pr', { email: 'ru@notify.test' });
  const readerId = (await reader.get('/api/auth/me')).json().user.id;
  await app.ctx.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', readerId).execute();
  const hook = await channel('Hook in the default language', 'webhook', { url: `${receiver.url}/hook-locale`, secret: 'webhook-secret-locale' });
  const mailsBefore = smtp.mails.length;
  const requestsBefore = receiver.requests.length;
  // A case notification: the tier inside the title is a code of its own.
  await notify({ title: { code: 'cases.notify.opened', params: { number: '7', tier: { code: 'cases.tier.major' } } }, text: 'Waited 3 hours', userIds: [readerId], channelIds: [hook] });

  const mail = (await smtp.waitFor(mailsBefore + 1)).at(-1)!;
  expect(mail.to).toEqual(['ru@notify.test']);
  expect(mailPart(mail.raw, 'text/plain')).toContain('Открыто обращение №7 (серьёзное)\n\nWaited 3 hours');
  const request = (await receiver.waitFor(requestsBefore + 1)).at(-1)!;
  expect(JSON.parse(request.body)).toMatchObject({ title: 'Case #7 opened (major)', text: 'Waited 3 hours' });

  const stored = await app.ctx.db.selectFrom('notifications').select(['title', 'text', 'message']).where('org_id', '=', orgId).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
  expect(stored).toMatchObject({ title: 'Case #7 opened (major)', text: 'Waited 3 hours', message: { title: { code: 'cases.notify.opened' } } });

  const inbox = (lang?: string) => reader.request({ method: 'GET', url: '/api/notifications', headers: lang ? { 'accept-language': lang } : {} }).then((r) => r.json().items[0]);
  expect(await inbox('zh-CN,zh;q=0.9')).toMatchObject({ title: '工单 #7 已创建（重大）', body: 'Waited 3 hours' });
  expect(await inbox('ru')).toMatchObject({ title: 'Открыто обращение №7 (серьёзное)' });
  expect(await inbox()).toMatchObject({ title: 'Case #7 opened (major)' });
  const deliveries = (await admin.request({ method: 'GET', url: '/api/deliveries', headers: { 'accept-language': 'ru' } })).json().items;
  expect(deliveries.find((d: { channelId: string | null; title: string }) => d.channelId === null && d.title.startsWith('Открыто обращение №7'))).toMatchObject({
    channelName: 'Письмо на ru@notify.test',
  });
});
