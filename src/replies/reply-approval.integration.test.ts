import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let service: TestClient;
let pr: TestClient;
let pr2: TestClient;

const GOOD = "We're sorry to hear this. Please contact our patient service team at 400-123-4567 so we can look into it.";
const UNSAFE = 'We are sorry for the long wait. We hope your diabetes is under control now.';
const ru = { 'accept-language': 'ru' };

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('reply-approval');
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
  pr = await app.userClient(orgId, 'pr');
  pr2 = await app.userClient(orgId, 'leadership');
});
afterAll(async () => {
  await app?.close();
});

let mentionCount = 0;
/** A fresh general case (status new) on a mention of li.wei. */
async function newCase(): Promise<{ id: string; number: number }> {
  const mention = (await admin.post('/api/mentions', { text: `Waited two hours at reception (${++mentionCount})`, authorHandle: 'li.wei' })).json().mention.id;
  const res = await service.post('/api/cases', { mentionIds: [mention], tier: 'general' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case;
}
const draftOn = (by: TestClient, caseId: string, text: string, extra: Record<string, unknown> = {}) => by.post(`/api/cases/${caseId}/replies`, { text, lang: 'en', kind: 'public', ...extra });
const caseOf = async (id: string) => (await service.get(`/api/cases/${id}`)).json();
const auditOf = (targetId: string) => app.ctx.db.selectFrom('audit_log').select(['action', 'details', 'actor']).where('target_id', '=', targetId).where('org_id', '=', orgId).orderBy('id').execute();

test('an unsafe public draft is refused as ready, approved and posted, naming the words; it may be kept as an internal note', async () => {
  const c = await newCase();
  const ready = await draftOn(service, c.id, UNSAFE, { status: 'ready' });
  expect(ready.statusCode).toBe(400);
  expect(ready.json().error.message).toBe('the reply cannot be submitted for approval: “diabetes” (discloses a health detail (diagnosis, treatment or condition))');
  expect(ready.json().error.details).toMatchObject({ reason: 'replies.cannotSubmit', findings: [{ check: 'privacy', term: 'diabetes', code: 'health_detail' }] });
  expect((await caseOf(c.id)).replies).toEqual([]);
  const inRussian = await service.request({ method: 'POST', url: `/api/cases/${c.id}/replies`, payload: { text: UNSAFE, lang: 'en', kind: 'public', status: 'ready' }, headers: ru });
  expect(inRussian.json().error.message).toBe('ответ нельзя отправить на утверждение: «diabetes» (раскрывает сведения о здоровье (диагноз, лечение или состояние))');

  const draft = (await draftOn(service, c.id, UNSAFE)).json().reply;
  expect(draft).toMatchObject({ status: 'draft', privacy: { ok: false } });
  const detailRu = (await service.request({ method: 'GET', url: `/api/cases/${c.id}`, headers: ru })).json();
  expect(detailRu.replies[0].privacy.findings[0]).toMatchObject({ term: 'diabetes', reason: 'раскрывает сведения о здоровье (диагноз, лечение или состояние)' });
  const approve = await pr.post(`/api/replies/${draft.id}/approve`);
  expect(approve.statusCode).toBe(400);
  expect(approve.json().error.message).toContain('“diabetes”');
  expect((await service.post(`/api/replies/${draft.id}/posted`, {})).statusCode).toBe(400);
  expect((await caseOf(c.id)).case.status).toBe('new');

  // Kept as an internal note: no approval, and the case does not move.
  const note = await service.request({ method: 'PATCH', url: `/api/replies/${draft.id}`, payload: { kind: 'internal' } });
  expect(note.statusCode, note.body).toBe(200);
  expect(note.json().reply).toMatchObject({ kind: 'internal', status: 'draft' });
  const noteApproval = await pr.post(`/api/replies/${draft.id}/approve`);
  expect(noteApproval.statusCode).toBe(400);
  expect(noteApproval.json().error.message).toBe('an internal note is not published, so it needs no approval');
  const direct = await draftOn(service, c.id, UNSAFE, { kind: 'internal', status: 'ready' });
  expect(direct.statusCode, direct.body).toBe(201);
  expect(direct.json().reply).toMatchObject({ kind: 'internal', status: 'draft' });
});

test('an approved reply is refused as posted when the checks find something new', async () => {
  const c = await newCase();
  const reply = (await draftOn(service, c.id, 'Anna Petrova from our patient service team will call you.', { status: 'ready' })).json().reply;
  expect((await pr.post(`/api/replies/${reply.id}/approve`)).statusCode).toBe(200);
  await admin.post('/api/org/staff', { name: 'Anna Petrova', aliases: [] });
  const posted = await service.post(`/api/replies/${reply.id}/posted`, { url: 'https://reviews.example/r/9' });
  expect(posted.statusCode).toBe(400);
  expect(posted.json().error.message).toBe('the reply cannot be marked posted: “Anna Petrova” (names a staff member)');
  expect((await caseOf(c.id)).replies[0].status).toBe('approved');
});

test('editing fixes a flagged draft in place and submits it for approval', async () => {
  const c = await newCase();
  const draft = (await draftOn(service, c.id, UNSAFE)).json().reply;
  const stillUnsafe = await service.request({ method: 'PATCH', url: `/api/replies/${draft.id}`, payload: { status: 'ready' } });
  expect(stillUnsafe.statusCode).toBe(400);
  expect(stillUnsafe.json().error.details.suggestions.length).toBeGreaterThan(0);
  const fixed = await service.request({ method: 'PATCH', url: `/api/replies/${draft.id}`, payload: { text: GOOD, status: 'ready' } });
  expect(fixed.statusCode, fixed.body).toBe(200);
  expect(fixed.json().reply).toMatchObject({ id: draft.id, status: 'ready', text: GOOD, privacy: { ok: true, findings: [] }, editedBy: expect.any(String) });
  expect((await pr.get('/api/my-work')).json().approvals.map((r: { id: string }) => r.id)).toContain(draft.id);
  expect((await pr.post(`/api/replies/${draft.id}/approve`)).statusCode).toBe(200);
  // An approved reply that is edited needs approval again; a posted one cannot be edited.
  const reopened = await service.request({ method: 'PATCH', url: `/api/replies/${draft.id}`, payload: { text: `${GOOD} Thank you.` } });
  expect(reopened.json().reply).toMatchObject({ status: 'draft', approvedBy: null });
  await service.request({ method: 'PATCH', url: `/api/replies/${draft.id}`, payload: { status: 'ready' } });
  await pr.post(`/api/replies/${draft.id}/approve`);
  await service.post(`/api/replies/${draft.id}/posted`, {});
  const late = await service.request({ method: 'PATCH', url: `/api/replies/${draft.id}`, payload: { text: GOOD } });
  expect(late.statusCode).toBe(400);
  expect(late.json().error.message).toBe('a posted reply cannot be edited; this reply is posted');
});

test('the check suggests a safe rewrite: the draft without the flagged sentence, and a template for the case', async () => {
  const c = await newCase();
  const res = await service.post('/api/replies/check', { text: UNSAFE, lang: 'en', caseId: c.id });
  expect(res.statusCode, res.body).toBe(200);
  const { suggestions } = res.json();
  expect(suggestions[0]).toEqual({ source: 'masked', text: 'We are sorry for the long wait.' });
  expect(suggestions[1]).toMatchObject({ source: 'template', templateId: expect.any(String), text: expect.stringContaining('Dear li.wei') });
  for (const s of suggestions) expect((await service.post('/api/replies/check', { text: s.text, lang: 'en' })).json().privacy.ok).toBe(true);
  const zh = (await service.post('/api/replies/check', { text: '您的糖尿病我们很关心。', lang: 'zh', caseId: c.id })).json().suggestions;
  expect(zh).toEqual([expect.objectContaining({ source: 'template', text: expect.stringContaining('li.wei您好') })]);
  // A case of another organisation reads as not found.
  const other = await app.createOrg('reply-approval-other');
  const otherService = await app.userClient(other, 'service');
  expect((await otherService.post('/api/replies/check', { text: UNSAFE, lang: 'en', caseId: c.id })).statusCode).toBe(404);
});

test('four-eyes: the author of a public reply may not approve it; a second person may', async () => {
  expect((await service.get('/api/reply-settings')).json()).toEqual({ fourEyes: true });
  const c = await newCase();
  const reply = (await draftOn(pr, c.id, GOOD, { status: 'ready' })).json().reply;
  expect((await pr.get('/api/my-work')).json().approvals.map((r: { id: string }) => r.id)).not.toContain(reply.id);
  expect((await pr2.get('/api/my-work')).json().approvals.map((r: { id: string }) => r.id)).toContain(reply.id);
  const own = await pr.request({ method: 'POST', url: `/api/replies/${reply.id}/approve`, headers: ru });
  expect(own.statusCode).toBe(403);
  expect(own.json().error.message).toBe('вы написали или последним изменили этот публичный ответ, поэтому утвердить его должен другой человек (принцип четырёх глаз)');
  const second = await pr2.post(`/api/replies/${reply.id}/approve`);
  expect(second.statusCode, second.body).toBe(200);
  expect(second.json().reply).toMatchObject({ status: 'approved', approvedByName: 'leadership user', createdByName: 'pr user' });

  // Whoever last edited a reply counts as its author too; a private reply needs no second person.
  const edited = (await draftOn(service, c.id, GOOD)).json().reply;
  await pr.request({ method: 'PATCH', url: `/api/replies/${edited.id}`, payload: { text: `${GOOD} Thank you.`, status: 'ready' } });
  expect((await pr.post(`/api/replies/${edited.id}/approve`)).statusCode).toBe(403);
  expect((await pr2.post(`/api/replies/${edited.id}/approve`)).statusCode).toBe(200);
  const privateReply = (await draftOn(pr, c.id, GOOD, { kind: 'private', status: 'ready' })).json().reply;
  expect((await pr.post(`/api/replies/${privateReply.id}/approve`)).statusCode).toBe(200);
});

test('with four-eyes switched off, the author may approve their own public reply', async () => {
  expect((await service.request({ method: 'PUT', url: '/api/reply-settings', payload: { fourEyes: false } })).statusCode).toBe(403);
  const off = await admin.request({ method: 'PUT', url: '/api/reply-settings', payload: { fourEyes: false } });
  expect(off.statusCode, off.body).toBe(200);
  expect((await pr.get('/api/reply-settings')).json()).toEqual({ fourEyes: false });
  const c = await newCase();
  const reply = (await draftOn(pr, c.id, GOOD, { status: 'ready' })).json().reply;
  expect((await pr.get('/api/my-work')).json().approvals.map((r: { id: string }) => r.id)).toContain(reply.id);
  expect((await pr.post(`/api/replies/${reply.id}/approve`)).statusCode).toBe(200);
  await admin.request({ method: 'PUT', url: '/api/reply-settings', payload: { fourEyes: true } });
  const settingsAudit = await app.ctx.db.selectFrom('audit_log').select(['details']).where('org_id', '=', orgId).where('action', '=', 'reply.settings').orderBy('id').execute();
  expect(settingsAudit.map((a) => a.details)).toEqual([
    { before: { fourEyes: true }, after: { fourEyes: false } },
    { before: { fourEyes: false }, after: { fourEyes: true } },
  ]);
});

test('approval moves a new case to handling and posting to responded, each step on the timeline; never backwards', async () => {
  const c = await newCase();
  expect((await caseOf(c.id)).case.status).toBe('new');
  const reply = (await draftOn(service, c.id, GOOD, { status: 'ready' })).json().reply;
  await pr.post(`/api/replies/${reply.id}/approve`);
  let detail = await caseOf(c.id);
  expect(detail.case.status).toBe('handling');
  const moves = (d: typeof detail) => d.timeline.filter((e: { type: string }) => e.type === 'status').map((e: { data: { from: string; to: string } }) => `${e.data.from}>${e.data.to}`);
  expect(moves(detail)).toEqual(['new>acknowledged', 'acknowledged>investigating', 'investigating>handling']);
  await service.post(`/api/replies/${reply.id}/posted`, { url: 'https://reviews.example/r/2' });
  detail = await caseOf(c.id);
  expect(detail.case.status).toBe('responded');
  expect(detail.case.respondedAt).not.toBeNull();
  expect(moves(detail).at(-1)).toBe('handling>responded');
  // A later reply's approval leaves a responded case where it is.
  const later = (await draftOn(service, c.id, GOOD, { status: 'ready' })).json().reply;
  await pr.post(`/api/replies/${later.id}/approve`);
  expect((await caseOf(c.id)).case.status).toBe('responded');
  const caseAudit = await auditOf(c.id);
  expect(caseAudit.filter((a) => a.action === 'case.status').map((a) => a.details)).toEqual(
    ['new>acknowledged', 'acknowledged>investigating', 'investigating>handling', 'handling>responded'].map((m) => {
      const [before, after] = m.split('>');
      return { case: `#${c.number}`, before: { status: before }, after: { status: after } };
    }),
  );
});

test('drafting, refusing, editing, submitting, approving and posting are in the audit log with readable details', async () => {
  const c = await newCase();
  const reply = (await draftOn(service, c.id, UNSAFE)).json().reply;
  await pr.post(`/api/replies/${reply.id}/approve`);
  await service.request({ method: 'PATCH', url: `/api/replies/${reply.id}`, payload: { text: GOOD } });
  await service.request({ method: 'PATCH', url: `/api/replies/${reply.id}`, payload: { status: 'ready' } });
  await pr.post(`/api/replies/${reply.id}/approve`);
  await service.post(`/api/replies/${reply.id}/posted`, {});
  const entries = await auditOf(reply.id);
  const base = { case: `#${c.number}`, kind: 'public', author: 'service user' };
  expect(entries.map((e) => e.action)).toEqual(['reply.drafted', 'reply.refused', 'reply.edited', 'reply.submitted', 'reply.approved', 'reply.posted']);
  expect(entries.map((e) => e.details)).toEqual([
    { ...base, after: { status: 'draft' } },
    { ...base, before: { status: 'draft' }, after: { status: 'approved' }, refused: 'findings', terms: ['diabetes'] },
    { ...base, before: { status: 'draft' }, after: { status: 'draft' } },
    { ...base, before: { status: 'draft' }, after: { status: 'ready' } },
    { ...base, before: { status: 'ready', caseStatus: 'new' }, after: { status: 'approved', caseStatus: 'handling' } },
    { ...base, before: { status: 'approved', caseStatus: 'handling' }, after: { status: 'posted', caseStatus: 'responded' } },
  ]);
  expect(entries[4]!.actor).toMatch(/pr@|-pr@/);
});
