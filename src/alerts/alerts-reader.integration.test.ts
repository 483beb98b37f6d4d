import { afterAll, beforeAll, expect, test } from 'vitest';
import { analysePending } from '../mentions/analyse-pending.ts';
import { eventually } from '../notifications/test-receivers.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

/*
 * What each reader of an alert gets: its title and summary in their language, the case it caused,
 * and the right to acknowledge it for every role it reaches; rules that duplicate another are refused
 * unless saved on purpose.
 */

let app: TestApp;
let admin: TestClient;
let service: TestClient;
let orgId: string;
let push: { id: string; token: string };
let ruleId: string;

beforeAll(async () => {
  delete process.env.VERITY_SMTP_URL;
  process.env.VERITY_DELIVERY_RETRY_DELAY = '0';
  app = await createTestApp({ workers: true });
  orgId = await app.createOrg('alert-readers');
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
  const source = (await admin.post('/api/sources', { name: 'Partner app', kind: 'push' })).json();
  push = { id: source.source.id, token: source.token };
  const inApp = (await admin.post('/api/alert-channels', { name: 'Patient service bell', kind: 'in_app', config: { roles: ['service', 'staff'] } })).json().channel.id;
  const created = await admin.post('/api/alert-rules', { name: 'Bad ratings', kind: 'mention', mention: { ratingAtMost: 2 }, channelIds: [inApp] });
  expect(created.statusCode).toBe(201);
  ruleId = created.json().rule.id;
});
afterAll(async () => {
  await app?.close();
});

type AlertItem = { id: string; ruleId: string; title: string; summary: string; caseId: string | null; caseNumber: number | null; mentionIds: string[]; status: string };
const alertsIn = async (lang: string) =>
  ((await admin.request({ method: 'GET', url: '/api/alerts', headers: { 'accept-language': lang } })).json().items as AlertItem[]).filter((a) => a.ruleId === ruleId);

test('renders an alert’s title and summary in the reader’s language, and keeps an old row’s English text', async () => {
  const res = await app.server.inject({
    method: 'POST',
    url: `/api/v1/sources/${push.id}/mentions`,
    headers: { authorization: `Bearer ${push.token}` },
    payload: { mentions: [{ externalId: 'r1', text: 'The nurse was rude and I will sue the clinic', rating: 1 }] },
  });
  expect(res.statusCode).toBe(200);
  await analysePending(app.ctx, orgId);
  const [en] = await eventually(async () => ((await alertsIn('en')).length ? alertsIn('en') : null), 15_000, 'the alert');
  expect(en!.summary).toMatch(/^“The nurse was rude.*” \(rating 1; Negative; risks: .*Legal threat.*\)$/);
  const [ru] = await alertsIn('ru');
  expect(ru!.title).toBe('Срочно: Bad ratings');
  expect(ru!.summary).toMatch(/^«The nurse was rude.*» \(оценка 1; .+; риски: .+\)$/);
  expect(ru!.summary).not.toMatch(/legal_threat|negative|rating/);
  const [zh] = await alertsIn('zh-CN');
  expect(zh!.title).not.toContain('Urgent');
  expect(zh!.summary).not.toMatch(/legal_threat|negative|rating/);
  expect(zh!.summary).toContain('The nurse was rude');

  // A row from before the codes were stored reads as it was written.
  await app.ctx.db.insertInto('alerts').values({ org_id: orgId, rule_id: ruleId, scope_key: 'old', title: 'Old English title', summary: 'Old summary', count: 1 }).execute();
  expect((await alertsIn('ru')).find((a) => a.title === 'Old English title')).toMatchObject({ summary: 'Old summary', caseId: null, caseNumber: null });
});

test('links an alert to the case its mention is in', async () => {
  const alert = (await alertsIn('en')).find((a) => a.mentionIds.length)!;
  // Whether the analysis opened a case on its own depends on the Major rule; a case by hand settles it.
  const linked = await app.ctx.db.selectFrom('case_mentions').select('case_id').where('mention_id', '=', alert.mentionIds[0]!).executeTakeFirst();
  // The workers may open the Major case between the look and the post: then the post is refused (409) and that case is the one.
  const opened = linked ? null : await admin.post('/api/cases', { mentionIds: alert.mentionIds, tier: 'general' });
  if (opened && opened.statusCode !== 201) expect(opened.statusCode).toBe(409);
  const caseId =
    linked?.case_id ??
    (opened!.statusCode === 201
      ? opened!.json().case.id
      : (await app.ctx.db.selectFrom('case_mentions').select('case_id').where('mention_id', '=', alert.mentionIds[0]!).executeTakeFirstOrThrow()).case_id);
  const number = (await app.ctx.db.selectFrom('cases').select('number').where('id', '=', caseId).executeTakeFirstOrThrow()).number;
  expect((await alertsIn('en')).find((a) => a.id === alert.id)).toMatchObject({ caseId, caseNumber: number });
});

test('lets a patient-service user who receives the alert acknowledge it; a staff member named by the channel gets no bell row for it', async () => {
  const inbox = (await service.get('/api/notifications')).json();
  expect(inbox.items.some((n: { title: string }) => n.title.includes('Bad ratings'))).toBe(true);
  const alert = (await alertsIn('en')).find((a) => a.status === 'open' && a.mentionIds.length)!;
  const res = await service.post(`/api/alerts/${alert.id}/acknowledge`);
  expect(res.statusCode).toBe(200);
  expect(res.json().alert).toMatchObject({ id: alert.id, status: 'acknowledged' });
  const staff = await app.userClient(orgId, 'staff');
  expect((await staff.get('/api/notifications')).json().items).toEqual([]);
});

test('refuses a rule that duplicates another’s scope and conditions, naming it, and saves it when asked to', async () => {
  const body = { name: 'Low ratings again', kind: 'mention', mention: { ratingAtMost: 2 } };
  const refused = await admin.post('/api/alert-rules', body);
  expect(refused.statusCode).toBe(409);
  expect(refused.json().error).toMatchObject({
    code: 'conflict',
    message: expect.stringContaining('Bad ratings'),
    details: { reason: 'alerts.duplicateRule', duplicates: [{ id: ruleId, name: 'Bad ratings' }] },
  });
  const russian = await admin.request({ method: 'POST', url: '/api/alert-rules', payload: body, headers: { 'accept-language': 'ru' } });
  expect(russian.json().error.message).toContain('правило «Bad ratings»');

  // A different scope or condition is no duplicate; editing a rule into a copy of another is refused too.
  const other = await admin.post('/api/alert-rules', { ...body, mention: { ratingAtMost: 1 } });
  expect(other.statusCode).toBe(201);
  const edit = await admin.patch(`/api/alert-rules/${other.json().rule.id}`, { mention: { ratingAtMost: 2 } });
  expect(edit.statusCode).toBe(409);
  expect((await admin.patch(`/api/alert-rules/${other.json().rule.id}`, { name: 'Renamed' })).statusCode).toBe(200);

  const saved = await admin.post('/api/alert-rules', { ...body, allowDuplicate: true });
  expect(saved.statusCode).toBe(201);
});
