import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { analysePending } from '../mentions/analyse-pending.ts';
import { openChannelConfig } from '../notifications/index.ts';
import { eventually, mailPart, startHttpReceiver, startSmtpSink, type HttpReceiver, type SmtpSink } from '../notifications/test-receivers.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { evaluateVolumeRules } from './evaluate-volume-rules.ts';
import { sendAlertSummaries } from './record-alert.ts';

let app: TestApp;
let admin: TestClient;
let orgId: string;
let smtp: SmtpSink;
let receiver: HttpReceiver;
let push: { id: string; token: string };
let locationId: string;

beforeAll(async () => {
  smtp = await startSmtpSink();
  receiver = await startHttpReceiver();
  process.env.VERITY_SMTP_URL = smtp.url;
  process.env.VERITY_DELIVERY_RETRY_DELAY = '0';
  // The test's receivers listen on loopback, which only an operator's allow-list opens.
  app = await createTestApp({ workers: true, config: { outboundAllow: ['127.0.0.1'] } });
  orgId = await app.createOrg('alerts');
  admin = await app.userClient(orgId, 'admin');
  const source = (await admin.post('/api/sources', { name: 'Partner app', kind: 'push' })).json();
  push = { id: source.source.id, token: source.token };
  locationId = (await admin.post('/api/org/locations', { code: 'main', name: 'Main campus' })).json().location.id;
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await receiver?.close();
});

async function created<T = Record<string, { id: string }>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`not created (${r.statusCode}): ${r.body}`);
  return r.json() as T;
}
const channel = async (name: string, kind: string, config: Record<string, unknown>) => (await created(admin.post('/api/alert-channels', { name, kind, config }))).channel!.id;
const rule = async (body: Record<string, unknown>) => (await created(admin.post('/api/alert-rules', body))).rule!.id;

let pushed = 0;
async function pushMentions(mentions: Record<string, unknown>[]): Promise<void> {
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/sources/${push.id}/mentions`,
    headers: { authorization: `Bearer ${push.token}` },
    payload: { mentions: mentions.map((m) => ({ externalId: `m${++pushed}`, ...m })) },
  });
  if (res.statusCode !== 200 || res.json().accepted !== mentions.length) throw new Error(`push failed: ${res.body}`);
  // Analyse now rather than waiting for the throttled job; the analysis publishes mentions.analysed to the alert workers.
  await analysePending(app.ctx, orgId);
}

const alertsOf = async (ruleId: string) =>
  ((await admin.get('/api/alerts')).json().items as { ruleId: string; count: number; status: string; id: string; mentionIds: string[] }[]).filter((a) => a.ruleId === ruleId);
const requestsTo = (path: string) => receiver.requests.filter((r) => r.url.startsWith(path));

test.each([
  ['no conditions at all', { kind: 'mention', mention: {} }, 'at least one condition'],
  ['a mention rule without mention conditions', { kind: 'mention' }, 'at least one condition'],
  ['a rating at most 0', { kind: 'mention', mention: { ratingAtMost: 0 } }, 'ratingAtMost must be at least 1'],
  ['a share above 1', { kind: 'volume', volume: { metric: 'negative_share', windowMinutes: 60, threshold: 1.5, minCount: 5 } }, 'at most 1'],
  ['a window of 0 minutes', { kind: 'volume', volume: { metric: 'negative_count', windowMinutes: 0, threshold: 5, minCount: 1 } }, 'windowMinutes must be at least 1'],
  ['a spike threshold that is no multiple', { kind: 'volume', volume: { metric: 'spike', windowMinutes: 60, threshold: 1, minCount: 5 } }, 'above 1'],
  ['a scope naming a location that does not exist', { kind: 'mention', mention: { anyRisk: true }, scope: { locationIds: ['00000000-0000-4000-8000-000000000000'] } }, 'scope.locationIds'],
  ['a risk the analysis never flags', { kind: 'mention', mention: { risks: ['bad_parking'] } }, 'bad_parking'],
  ['quiet hours that start when they end', { kind: 'mention', mention: { anyRisk: true }, quietHours: { start: '22:00', end: '22:00', timezone: 'UTC' } }, 'same time'],
  ['a channel that does not exist', { kind: 'mention', mention: { anyRisk: true }, channelIds: ['00000000-0000-4000-8000-000000000000'] }, 'channelIds'],
])('refuses a rule with %s and names the reason', async (_name, body, reason) => {
  const res = await admin.post('/api/alert-rules', { name: 'Cannot fire', ...body });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe('bad_request');
  expect(res.json().error.message).toContain(reason);
});

test.each([
  ['an e-mail channel with a malformed address', { kind: 'email', config: { to: ['not-an-address'] } }, 'e-mail address'],
  ['a webhook with an ftp URL', { kind: 'webhook', config: { url: 'ftp://example.com/x', secret: 'long enough secret' } }, 'http(s)'],
  ['a Slack channel without a URL', { kind: 'slack', config: {} }, 'config.url'],
])('refuses %s', async (_name, body, reason) => {
  const res = await admin.post('/api/alert-channels', { name: 'Bad', ...body });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain(reason);
});

test('masks channel secrets on read and keeps a secret sent back masked', async () => {
  const id = await channel('Signed hook', 'webhook', { url: `${receiver.url}/masked`, secret: 'super-secret-value-1234' });
  const listed = (await admin.get('/api/alert-channels')).json().items.find((c: { id: string }) => c.id === id);
  // The URL is masked too (a webhook URL may carry its key), and both are encrypted at rest.
  expect(listed.config).toEqual({ url: `${receiver.url}/…/••••sked`, secret: '••••1234' });
  const patched = await admin.patch(`/api/alert-channels/${id}`, { config: { ...listed.config, url: `${receiver.url}/masked2` } });
  expect(patched.statusCode).toBe(200);
  const row = await app.ctx.db.selectFrom('alert_channels').select('config').where('id', '=', id).executeTakeFirstOrThrow();
  expect(JSON.stringify(row.config)).not.toContain('super-secret-value-1234');
  expect(openChannelConfig('webhook', row.config)).toEqual({ url: `${receiver.url}/masked2`, secret: 'super-secret-value-1234' });
});

test('opens an alert for a pushed negative mention with a risk and notifies every channel', async () => {
  const ids = [
    await channel('Leaders mail', 'email', { to: ['leaders@alerts.test'] }),
    await channel('WeCom', 'wecom', { url: `${receiver.url}/e2e/wecom?key=k` }),
    await channel('DingTalk', 'dingtalk', { url: `${receiver.url}/e2e/dingtalk?access_token=t`, secret: 'SECe2e' }),
    await channel('Slack', 'slack', { url: `${receiver.url}/e2e/slack` }),
    await channel('Telegram', 'telegram', { botToken: '42:tok', chatId: '7', apiBase: `${receiver.url}/e2e/tg` }),
    await channel('Hook', 'webhook', { url: `${receiver.url}/e2e/hook`, secret: 'e2e-hook-secret' }),
    await channel('In app', 'in_app', {}),
  ];
  const ruleId = await rule({ name: 'Legal threats', kind: 'mention', mention: { anyRisk: true }, scope: { locationIds: [locationId] }, channelIds: ids });
  const mailsBefore = smtp.mails.length;
  await pushMentions([{ text: 'The nurse was rude and I will sue the clinic <b>now</b>, terrible experience', rating: 1, location: 'main' }]);

  const [alert] = await eventually(async () => ((await alertsOf(ruleId)).length ? alertsOf(ruleId) : null), 15_000, 'the alert');
  expect(alert).toMatchObject({ count: 1, status: 'open', mentionIds: [expect.any(String)] });

  const [mail] = (await smtp.waitFor(mailsBefore + 1)).slice(mailsBefore);
  expect(mail!.to).toEqual(['leaders@alerts.test']);
  expect(mailPart(mail!.raw, 'text/plain')).toContain('I will sue the clinic <b>now</b>');
  expect(mailPart(mail!.raw, 'text/html')).toContain('I will sue the clinic &lt;b&gt;now&lt;/b&gt;');

  await eventually(async () => requestsTo('/e2e/').length >= 5, 15_000, 'five chat and webhook requests');
  const wecom = JSON.parse(requestsTo('/e2e/wecom')[0]!.body);
  expect(wecom.msgtype).toBe('markdown');
  expect(wecom.markdown.content).toContain('Legal threats');
  const ding = requestsTo('/e2e/dingtalk')[0]!;
  const dingUrl = new URL(ding.url, receiver.url);
  const timestamp = dingUrl.searchParams.get('timestamp')!;
  expect(dingUrl.searchParams.get('sign')).toBe(createHmac('sha256', 'SECe2e').update(`${timestamp}\nSECe2e`).digest('base64'));
  expect(JSON.parse(ding.body)).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('Legal threats') } });
  expect(JSON.parse(requestsTo('/e2e/slack')[0]!.body)).toMatchObject({ text: expect.stringContaining('Legal threats'), blocks: expect.any(Array) });
  const tg = requestsTo('/e2e/tg')[0]!;
  expect(tg.url).toBe('/e2e/tg/bot42:tok/sendMessage');
  expect(JSON.parse(tg.body)).toMatchObject({ chat_id: '7', parse_mode: 'HTML', text: expect.stringContaining('&lt;b&gt;now&lt;/b&gt;') });
  const hook = requestsTo('/e2e/hook')[0]!;
  const ts = hook.headers['x-verity-timestamp'] as string;
  expect(hook.headers['x-verity-signature']).toBe(`sha256=${createHmac('sha256', 'e2e-hook-secret').update(`${ts}.${hook.body}`).digest('hex')}`);
  expect(JSON.parse(hook.body)).toMatchObject({ event: 'notification', urgent: true, url: expect.stringContaining(alert!.id) });
  expect((await admin.get('/api/notifications')).json().items[0]).toMatchObject({ title: expect.stringContaining('Legal threats') });
});

test("shows an alert's notification in the reader's language, its facts in words", async () => {
  type Notice = { title: string; body: string };
  const russian = ((await admin.request({ method: 'GET', url: '/api/notifications', headers: { 'accept-language': 'ru' } })).json().items as Notice[]).find((n) => n.title.includes('Legal threats'));
  expect(russian).toMatchObject({ title: 'Срочно: Legal threats', body: expect.stringMatching(/^«The nurse was rude.*» \(оценка 1; .+; риски: .+\)$/) });
  expect(russian!.body).not.toMatch(/legal_threat|negative|rating/);
  const english = ((await admin.get('/api/notifications')).json().items as Notice[]).find((n) => n.title.includes('Legal threats'));
  expect(english).toMatchObject({ title: 'Urgent: Legal threats', body: expect.stringMatching(/^“The nurse was rude.*” \(rating 1; Negative; risks: .*Legal threat.*\)$/) });
});

test('groups 200 negatives within the cooldown into one alert that counts them, with one message', async () => {
  const hook = await channel('Grouped', 'webhook', { url: `${receiver.url}/grouped`, secret: 'grouped-secret' });
  const ruleId = await rule({ name: 'Negatives', kind: 'mention', mention: { sentimentNegative: true, keywords: ['queue'] }, channelIds: [hook], cooldownMinutes: 60 });
  for (let batch = 0; batch < 4; batch++) {
    await pushMentions(Array.from({ length: 50 }, (_, i) => ({ text: `Awful queue, waited three hours, terrible service, never again (${batch}-${i})`, rating: 1 })));
  }
  await eventually(async () => (await alertsOf(ruleId))[0]?.count === 200, 20_000, 'the alert to count 200');
  const alerts = await alertsOf(ruleId);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]!.mentionIds).toHaveLength(50);
  await new Promise((r) => setTimeout(r, 1500));
  expect(requestsTo('/grouped')).toHaveLength(1);
});

test('sends one summary of the absorbed matches once the cooldown has passed', async () => {
  const [alert] = (await admin.get('/api/alerts')).json().items.filter((a: { ruleName: string }) => a.ruleName === 'Negatives');
  expect(await sendAlertSummaries(app.ctx, new Date())).toBe(0);
  const later = new Date(Date.now() + 61 * 60_000);
  expect(await sendAlertSummaries(app.ctx, later)).toBe(1);
  expect(await sendAlertSummaries(app.ctx, later)).toBe(0);
  await eventually(async () => requestsTo('/grouped').length === 2, 10_000, 'the summary');
  const summary = JSON.parse(requestsTo('/grouped')[1]!.body);
  expect(summary).toMatchObject({ title: expect.stringContaining('Update'), text: expect.stringContaining('200 matches'), url: expect.stringContaining(alert.id) });
});

test('holds a non-urgent alert during quiet hours', async () => {
  const hook = await channel('Quiet', 'webhook', { url: `${receiver.url}/quiet`, secret: 'quiet-secret' });
  const hh = (offset: number) => `${String((new Date().getUTCHours() + offset + 24) % 24).padStart(2, '0')}:00`;
  const ruleId = await rule({ name: 'Bad parking', kind: 'mention', mention: { keywords: ['parking lot'] }, channelIds: [hook], quietHours: { start: hh(-1), end: hh(2), timezone: 'UTC' } });
  await pushMentions([{ text: 'The parking lot was full again', rating: 3 }]);
  await eventually(async () => (await alertsOf(ruleId)).length === 1, 15_000, 'the alert');
  const pending = await eventually(async () => (await admin.get('/api/deliveries?status=pending')).json().items.find((d: { channelId: string }) => d.channelId === hook), 5_000, 'a pending delivery');
  expect(pending.attempts).toBe(0);
  const row = await app.ctx.db.selectFrom('notification_deliveries').select('not_before').where('id', '=', pending.id).executeTakeFirstOrThrow();
  expect(row.not_before!.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
  await new Promise((r) => setTimeout(r, 1500));
  expect(requestsTo('/quiet')).toHaveLength(0);
});

test('sends an alert with a risk flag during quiet hours', async () => {
  const hook = await channel('Quiet urgent', 'webhook', { url: `${receiver.url}/urgent`, secret: 'urgent-secret' });
  const hh = (offset: number) => `${String((new Date().getUTCHours() + offset + 24) % 24).padStart(2, '0')}:00`;
  await rule({ name: 'Misdiagnosis', kind: 'mention', mention: { risks: ['medical_error'] }, channelIds: [hook], quietHours: { start: hh(-1), end: hh(2), timezone: 'UTC' } });
  await pushMentions([{ text: 'Doctor misdiagnosed me, I am going to report to the health authority', rating: 1 }]);
  await receiver.waitFor(receiver.requests.length + 1);
  await eventually(async () => requestsTo('/urgent').length === 1, 10_000, 'the urgent request');
});

test('removes a deleted channel from the rules that used it', async () => {
  const id = await channel('Short-lived', 'slack', { url: `${receiver.url}/short` });
  const ruleId = await rule({ name: 'Uses short-lived', kind: 'mention', mention: { keywords: ['short-lived'] }, channelIds: [id] });
  expect((await admin.delete(`/api/alert-channels/${id}`)).statusCode).toBe(204);
  const listed = (await admin.get('/api/alert-rules')).json().items.find((r: { id: string }) => r.id === ruleId);
  expect(listed.channelIds).toEqual([]);
});

test('refuses a PATCH that would leave a rule unable to fire', async () => {
  const ruleId = await rule({ name: 'Low ratings', kind: 'mention', mention: { ratingAtMost: 2 } });
  const res = await admin.patch(`/api/alert-rules/${ruleId}`, { mention: { ratingAtMost: 0 } });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('ratingAtMost');
  const ok = await admin.patch(`/api/alert-rules/${ruleId}`, { mention: { ratingAtMost: 1 }, enabled: false });
  expect(ok.json().rule).toMatchObject({ enabled: false, mention: { ratingAtMost: 1 } });
});

test('lets a viewer read alerts but not change rules', async () => {
  const viewer = await app.userClient(orgId, 'viewer');
  expect((await viewer.get('/api/alerts')).statusCode).toBe(200);
  expect((await viewer.post('/api/alert-rules', { name: 'X', kind: 'mention', mention: { anyRisk: true } })).statusCode).toBe(403);
  expect((await viewer.get('/api/deliveries')).statusCode).toBe(403);
});

test('pages alerts with a cursor and refuses a forged one', async () => {
  const source = (await created(admin.post('/api/sources', { name: 'Paging feed', kind: 'push' }))).source!.id;
  const ruleId = await rule({ name: 'Paging', kind: 'mention', mention: { anyRisk: true }, scope: { sourceIds: [source] } });
  await app.ctx.db
    .insertInto('alerts')
    .values(Array.from({ length: 55 }, (_, i) => ({ org_id: orgId, rule_id: ruleId, scope_key: `page-${i}`, title: `Alert ${i}`, summary: 's', count: 1 })))
    .execute();
  const first = (await admin.get('/api/alerts')).json();
  expect(first.items).toHaveLength(50);
  const second = (await admin.get(`/api/alerts?cursor=${first.nextCursor}`)).json();
  const ids = [...first.items, ...second.items].map((a: { id: string }) => a.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe((await app.ctx.db.selectFrom('alerts').select('id').where('org_id', '=', orgId).execute()).length);
  expect(second.nextCursor).toBeNull();
  const forged = await admin.get('/api/alerts?cursor=bm90LWEtY3Vyc29y');
  expect(forged.statusCode).toBe(400);
});

test('acknowledges an alert', async () => {
  const [open] = (await admin.get('/api/alerts?status=open')).json().items;
  const res = await admin.post(`/api/alerts/${open.id}/acknowledge`);
  expect(res.statusCode).toBe(200);
  expect(res.json().alert).toMatchObject({ id: open.id, status: 'acknowledged' });
  expect((await admin.get('/api/alerts?status=open')).json().items.map((a: { id: string }) => a.id)).not.toContain(open.id);
});

async function insertNegatives(sourceId: string, at: Date[], tag: string): Promise<void> {
  await app.ctx.db
    .insertInto('mentions')
    .values(
      at.map((t, i) => ({
        org_id: orgId,
        source_id: sourceId,
        kind: 'review',
        external_key: `${tag}-${i}`,
        text: 'Bad',
        content_hash: `${tag}-${i}`,
        published_at: t,
        analysed_at: t,
        sentiment: 'negative',
      })),
    )
    .execute();
}

test('does not fire a spike on a tiny count but fires on a real spike', async () => {
  const sourceId = (await created(admin.post('/api/sources', { name: 'Spike feed', kind: 'push' }))).source!.id;
  const ruleId = await rule({ name: 'Spike', kind: 'volume', volume: { metric: 'spike', windowMinutes: 60, threshold: 3, minCount: 5 }, scope: { sourceIds: [sourceId] } });
  const now = new Date();
  const week = 7 * 24 * 60 * 60_000;
  // Baseline: one negative in the same hour of each of the previous six weeks.
  await insertNegatives(
    sourceId,
    [1, 2, 3, 4, 5, 6].map((w) => new Date(now.getTime() - w * week - 20 * 60_000)),
    'base',
  );
  await insertNegatives(
    sourceId,
    [1, 2, 3].map((m) => new Date(now.getTime() - m * 60_000)),
    'tiny',
  );
  expect(await evaluateVolumeRules(app.ctx, now, orgId)).toBe(0);
  expect(await alertsOf(ruleId)).toHaveLength(0);
  await insertNegatives(
    sourceId,
    Array.from({ length: 12 }, (_, m) => new Date(now.getTime() - (m + 5) * 60_000)),
    'spike',
  );
  // The minute cron may evaluate the rule too; either way there is one alert.
  await evaluateVolumeRules(app.ctx, now, orgId);
  const alerts = await alertsOf(ruleId);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({ count: 15, status: 'open' });
});

test('fires a negative share rule only above its minimum count', async () => {
  const sourceId = (await created(admin.post('/api/sources', { name: 'Share feed', kind: 'push' }))).source!.id;
  const ruleId = await rule({ name: 'Share', kind: 'volume', volume: { metric: 'negative_share', windowMinutes: 30, threshold: 0.5, minCount: 4 }, scope: { sourceIds: [sourceId] } });
  const now = new Date();
  await insertNegatives(
    sourceId,
    [1, 2, 3].map((m) => new Date(now.getTime() - m * 60_000)),
    'share-a',
  );
  expect(await evaluateVolumeRules(app.ctx, now, orgId)).toBe(0);
  await insertNegatives(
    sourceId,
    [4].map((m) => new Date(now.getTime() - m * 60_000)),
    'share-b',
  );
  await evaluateVolumeRules(app.ctx, now, orgId);
  const alerts = await alertsOf(ruleId);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({ count: 4 });
});

test("names the reason a rule is refused in the reader's language, with its code", async () => {
  const res = await admin.request({ method: 'POST', url: '/api/alert-rules', payload: { name: 'Cannot fire', kind: 'mention', mention: {} }, headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
  expect(res.statusCode).toBe(400);
  expect(res.json().error).toMatchObject({ code: 'bad_request', details: { reason: 'alerts.mentionNeedsCondition' } });
  expect(res.json().error.message).toContain('至少需要一个条件');
  const [open] = (await admin.get('/api/alerts?status=acknowledged')).json().items;
  const again = await admin.request({ method: 'POST', url: `/api/alerts/${open.id}/acknowledge`, headers: { 'accept-language': 'ru' } });
  expect(again.statusCode).toBe(409);
  expect(again.json().error).toMatchObject({ message: 'оповещение уже принято', details: { reason: 'alerts.alreadyAcknowledged' } });
});
