import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let service: TestClient;
let pr: TestClient;
let caseId: string;

const GOOD = "We're sorry to hear this. Please contact our patient service team at 400-123-4567 so we can look into it.";

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('replies');
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
  pr = await app.userClient(orgId, 'pr');
  await admin.post('/api/org/staff', { name: 'Zhang Min', aliases: ['张敏'] });
  const mention = (await admin.post('/api/mentions', { text: 'Waited two hours at reception', authorHandle: 'li.wei' })).json().mention.id;
  caseId = (await service.post('/api/cases', { mentionIds: [mention], tier: 'general' })).json().case.id;
});
afterAll(async () => {
  await app?.close();
});

const draft = (text: string, lang = 'en', extra: Record<string, unknown> = {}) => service.post(`/api/cases/${caseId}/replies`, { text, lang, kind: 'public', ...extra });

test('checks a draft and names the words that break privacy, in each language', async () => {
  for (const [lang, text, term] of [
    ['en', 'We are sorry your surgery was delayed.', 'your surgery'],
    ['zh', '您3月5日就诊时等待过久，非常抱歉。', '您3月5日就诊'],
    ['ru', 'Ваш диагноз мы обсудим лично.', 'Ваш диагноз'],
    ['en', 'Zhang Min will call you.', 'Zhang Min'],
  ] as const) {
    const res = await service.post('/api/replies/check', { text, lang });
    expect(res.statusCode).toBe(200);
    const { privacy } = res.json();
    expect(privacy.ok).toBe(false);
    const finding = privacy.findings.find((f: { term: string }) => f.term === term);
    expect(finding, `${lang}: ${JSON.stringify(privacy.findings)}`).toBeDefined();
    expect(text.slice(finding.span[0], finding.span[1])).toBe(term);
  }
});

test('passes a good draft', async () => {
  const res = await service.post('/api/replies/check', { text: GOOD, lang: 'en' });
  expect(res.json()).toEqual({ privacy: { ok: true, findings: [] }, brandVoice: { ok: true, findings: [] }, suggestions: [] });
});

test('stores a blocked draft with its findings and refuses to approve it', async () => {
  const res = await draft('As your doctor Dr. Wang said, your visit on March 3 went fine.');
  expect(res.statusCode, res.body).toBe(201);
  const reply = res.json().reply;
  expect(reply).toMatchObject({ caseId, status: 'draft', kind: 'public', privacy: { ok: false } });
  const approve = await pr.post(`/api/replies/${reply.id}/approve`);
  expect(approve.statusCode).toBe(400);
  expect(approve.json().error.message).toContain('your visit');
  expect(approve.json().error.details.findings.length).toBeGreaterThan(0);
  const stored = await app.ctx.db.selectFrom('replies').select('status').where('id', '=', reply.id).executeTakeFirstOrThrow();
  expect(stored.status).toBe('draft');
});

test('approves a good draft, marks it posted with its link and counts it as the first response', async () => {
  const reply = (await draft(GOOD)).json().reply;
  expect((await service.post(`/api/replies/${reply.id}/approve`)).statusCode).toBe(403);
  const approved = await pr.post(`/api/replies/${reply.id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
  expect(approved.json().reply).toMatchObject({ status: 'approved', approvedBy: expect.any(String) });
  const posted = await service.post(`/api/replies/${reply.id}/posted`, { url: 'https://reviews.example/r/1#reply' });
  expect(posted.json().reply).toMatchObject({ status: 'posted', postedUrl: 'https://reviews.example/r/1#reply' });
  const detail = (await service.get(`/api/cases/${caseId}`)).json();
  expect(detail.case.respondedAt).not.toBeNull();
  expect(detail.replies.map((r: { id: string }) => r.id)).toContain(reply.id);
  const replyEvents = detail.timeline.filter((e: { data: { replyId?: string } }) => e.data.replyId === reply.id);
  expect(replyEvents.filter((e: { type: string }) => e.type !== 'status').map((e: { type: string }) => e.type)).toEqual(['reply_drafted', 'reply_approved', 'reply_posted']);
  expect(detail.case.status).toBe('responded');
});

test('applies the organisation’s brand voice to checks and approval', async () => {
  const rules = { requiredPhrases: { zh: [], ru: [], en: ['patient service team'] }, bannedWords: ['unfortunately'], maxLength: 200, noExclamation: true };
  const put = await admin.request({ method: 'PUT', url: '/api/brand-voice', payload: rules });
  expect(put.statusCode, put.body).toBe(200);
  expect((await service.get('/api/brand-voice')).json()).toEqual(rules);
  const res = await service.post('/api/replies/check', { text: 'Unfortunately we were busy!', lang: 'en' });
  expect(res.json().privacy.ok).toBe(true);
  expect(res.json().brandVoice.findings.map((f: { term: string }) => f.term)).toEqual(['patient service team', 'Unfortunately', '!']);
  const reply = (await draft('Unfortunately we were busy!')).json().reply;
  expect((await pr.post(`/api/replies/${reply.id}/approve`)).statusCode).toBe(400);
  await admin.request({ method: 'PUT', url: '/api/brand-voice', payload: { requiredPhrases: { zh: [], ru: [], en: [] }, bannedWords: [] } });
});

test('serves default templates per language and fills their placeholders in a draft', async () => {
  const templates = (await service.get('/api/reply-templates?lang=zh')).json().items;
  expect(templates.length).toBeGreaterThan(0);
  expect(templates.every((t: { lang: string }) => t.lang === 'zh')).toBe(true);
  const created = await admin.post('/api/reply-templates', {
    name: 'Waiting',
    lang: 'en',
    tier: 'general',
    aspect: 'process.waiting',
    text: 'Dear {{author}}, {{clinic}} is sorry about the wait. Please contact {{contact}}.',
  });
  expect(created.statusCode, created.body).toBe(201);
  const template = created.json().template;
  expect((await service.get('/api/reply-templates?tier=major')).json().items.map((t: { id: string }) => t.id)).not.toContain(template.id);
  const reply = (await draft(template.text, 'en', { templateId: template.id })).json().reply;
  expect(reply.text).toBe('Dear li.wei, Clinic replies is sorry about the wait. Please contact our patient service team.');
  expect(reply.privacy.ok).toBe(true);
});

test('refuses another organisation’s template id with 400', async () => {
  const other = await app.createOrg('replies-other');
  const otherAdmin = await app.userClient(other, 'admin');
  const templateId = (await otherAdmin.get('/api/reply-templates')).json().items[0].id;
  expect((await draft(GOOD, 'en', { templateId })).statusCode).toBe(400);
});

test('lists replies submitted for approval in the work of those who may publish', async () => {
  const reply = (await draft(GOOD, 'en', { status: 'ready' })).json().reply;
  expect(reply.status).toBe('ready');
  expect((await pr.get('/api/my-work')).json().approvals.map((r: { id: string }) => r.id)).not.toContain((await draft(GOOD)).json().reply.id);
  expect((await pr.get('/api/my-work')).json().approvals.map((r: { id: string }) => r.id)).toContain(reply.id);
  expect((await service.get('/api/my-work')).json().approvals).toEqual([]);
});

test('names the findings and refuses approval in the reader’s language', async () => {
  const ru = { 'accept-language': 'ru' };
  const checked = (await service.request({ method: 'POST', url: '/api/replies/check', payload: { text: 'We hope your surgery went well.', lang: 'en' }, headers: ru })).json();
  expect(checked.privacy.findings[0]).toMatchObject({ term: 'your surgery', code: 'confirms_patient', reason: 'подтверждает, что автор был пациентом' });
  const reply = (await draft('We hope your surgery went well.')).json().reply;
  const refused = await pr.request({ method: 'POST', url: `/api/replies/${reply.id}/approve`, headers: ru });
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error.message).toBe('ответ нельзя утвердить: «your surgery» (подтверждает, что автор был пациентом)');
  expect(refused.json().error.details).toMatchObject({ reason: 'replies.cannotApprove', findings: [{ check: 'privacy', term: 'your surgery', code: 'confirms_patient' }] });
  const posted = await service.request({ method: 'POST', url: `/api/replies/${reply.id}/posted`, payload: {}, headers: { 'accept-language': 'zh-CN' } });
  expect(posted.json().error.message).toBe('只有已批准的回复才能标记为已发布；此回复当前为“草稿”');
});
