import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { analysePending } from '../mentions/analyse-pending.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { checkSla } from './check-sla.ts';
import { openCasesForMentions } from './open-cases-for-mentions.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let service: TestClient;
let departmentId: string;
let otherDepartmentId: string;
let adminId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('cases');
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
  adminId = (await admin.get('/api/auth/me')).json().user.id;
  departmentId = (await admin.post('/api/org/departments', { code: 'dent', name: 'Dentistry' })).json().department.id;
  otherDepartmentId = (await admin.post('/api/org/departments', { code: 'eye', name: 'Ophthalmology' })).json().department.id;
});
afterAll(async () => {
  await app?.close();
});

let mentionCount = 0;
async function newMention(text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.post('/api/mentions', { kind: 'offline_complaint', text: `${text} (${++mentionCount})`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().mention.id;
}

async function openCase(tier = 'general', extra: Record<string, unknown> = {}) {
  const mentionId = await newMention('Waited two hours at reception', { departmentId });
  const res = await service.post('/api/cases', { mentionIds: [mentionId], tier, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case as { id: string; number: number; status: string; mentionIds: string[]; escalationLevel: number; firstResponseDueAt: string };
}

async function walk(caseId: string, statuses: string[]) {
  for (const to of statuses) {
    const res = await service.post(`/api/cases/${caseId}/transition`, { to });
    expect(res.statusCode, res.body).toBe(200);
  }
}

async function rootCauseId(label = 'Waiting-time process'): Promise<string> {
  const items = (await admin.get('/api/root-causes')).json().items as { id: string; label: string }[];
  return items.find((r) => r.label === label)!.id;
}

async function addAction(caseId: string, aspect = 'process.waiting') {
  const res = await service.post(`/api/cases/${caseId}/actions`, { kind: 'corrective', description: 'Open a second reception desk', aspect, ownerId: adminId, dueAt: '2030-01-31' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().actions.at(-1).id as string;
}

test('opens a case with a per-organisation number, the tier’s team and a due time', async () => {
  const first = await openCase();
  const second = await openCase();
  expect(second.number).toBe(first.number + 1);
  const detail = (await service.get(`/api/cases/${first.id}`)).json();
  expect(detail.case).toMatchObject({ tier: 'general', status: 'new', team: 'Patient service', escalationLevel: 0, slaState: expect.stringMatching(/ok|due_soon|breached/), departmentId });
  expect(detail.mentions.map((m: { id: string }) => m.id)).toEqual(first.mentionIds);
  expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['opened']);
  expect(new Date(detail.case.firstResponseDueAt).getTime()).toBeGreaterThan(new Date(detail.case.openedAt).getTime());
});

test('walks the workflow and records every step on the timeline', async () => {
  const c = await openCase();
  await walk(c.id, ['acknowledged', 'investigating', 'handling']);
  expect((await service.post(`/api/cases/${c.id}/handling`, { type: 'apology', note: 'Called the author to apologise' })).statusCode).toBe(201);
  expect((await service.post(`/api/cases/${c.id}/handling`, { type: 'compensation', note: 'Refunded the fee', amount: 120 })).statusCode).toBe(201);
  await walk(c.id, ['responded', 'repairing']);
  const detail = (await service.get(`/api/cases/${c.id}`)).json();
  expect(detail.case.status).toBe('repairing');
  expect(detail.case.respondedAt).not.toBeNull();
  expect(detail.handling.map((h: { type: string; amount: number | null }) => [h.type, h.amount])).toEqual([
    ['apology', null],
    ['compensation', 120],
  ]);
  expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['opened', 'status', 'status', 'status', 'handling', 'handling', 'status', 'status']);
  expect(detail.timeline[1]).toMatchObject({ actorName: 'service user', data: { from: 'new', to: 'acknowledged' } });
});

test('refuses a second case on a mention that is already in an open case', async () => {
  const mentionId = await newMention('The receptionist shouted at my mother');
  const first = await admin.post('/api/cases', { mentionIds: [mentionId], tier: 'general' });
  expect(first.statusCode).toBe(201);
  const second = await admin.post('/api/cases', { mentionIds: [mentionId], tier: 'major' });
  expect(second.statusCode).toBe(409);
  expect(second.json().error.message).toContain(`#${first.json().case.number}`);
});

test('refuses an illegal transition and names the allowed ones', async () => {
  const c = await openCase();
  const res = await service.post(`/api/cases/${c.id}/transition`, { to: 'responded' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('allowed: acknowledged');
  expect(res.json().error.details).toMatchObject({ from: 'new', to: 'responded', allowed: ['acknowledged'] });
});

test('refuses a transition to closed and points to closing with a root cause', async () => {
  const c = await openCase();
  await walk(c.id, ['acknowledged', 'investigating', 'responded', 'repairing']);
  const res = await service.post(`/api/cases/${c.id}/transition`, { to: 'closed' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('root cause');
});

test('refuses to close a case without a root cause', async () => {
  const c = await openCase();
  await walk(c.id, ['acknowledged', 'investigating', 'responded']);
  await addAction(c.id);
  const res = await service.post(`/api/cases/${c.id}/close`, {});
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('rootCauseId');
  expect((await service.get(`/api/cases/${c.id}`)).json().case.status).toBe('responded');
});

test('refuses to close a case without any corrective or preventive action', async () => {
  const c = await openCase();
  await walk(c.id, ['acknowledged', 'investigating', 'responded']);
  const res = await service.post(`/api/cases/${c.id}/close`, { rootCauseId: await rootCauseId() });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('action');
});

test('closes a case with a root cause and an action, and reopens it by hand', async () => {
  const c = await openCase();
  await walk(c.id, ['acknowledged', 'investigating', 'responded']);
  await addAction(c.id);
  const closed = await service.post(`/api/cases/${c.id}/close`, { rootCauseId: await rootCauseId(), note: 'Desk staffed at peak hours' });
  expect(closed.statusCode, closed.body).toBe(200);
  expect(closed.json().case).toMatchObject({ status: 'closed', rootCause: 'Waiting-time process', closedAt: expect.any(String) });
  const reopened = await service.post(`/api/cases/${c.id}/reopen`, { note: 'The author wrote again' });
  expect(reopened.json().case).toMatchObject({ status: 'investigating', rootCause: null, closedAt: null });
  const types = (await service.get(`/api/cases/${c.id}`)).json().timeline.map((e: { type: string }) => e.type);
  expect(types.slice(-3)).toEqual(['action_added', 'closed', 'reopened']);
});

test('refuses another organisation’s ids in bodies with 400', async () => {
  const otherOrg = await app.createOrg('cases-other');
  const otherAdmin = await app.userClient(otherOrg, 'admin');
  const otherUserId = (await otherAdmin.get('/api/auth/me')).json().user.id;
  const otherMention = (await otherAdmin.post('/api/mentions', { text: 'Elsewhere' })).json().mention.id;
  const c = await openCase();
  const refs: [string, unknown][] = [
    ['/api/cases', { mentionIds: [otherMention], tier: 'general' }],
    ['/api/cases', { mentionIds: [c.mentionIds[0]], tier: 'general', assigneeId: otherUserId }],
    [`/api/cases/${c.id}/assign`, { assigneeId: otherUserId }],
    [`/api/cases/${c.id}/actions`, { kind: 'preventive', description: 'x', aspect: 'process.waiting', ownerId: otherUserId, dueAt: '2030-01-01' }],
  ];
  for (const [url, body] of refs) {
    const res = await service.post(url, body);
    expect(res.statusCode, url).toBe(400);
  }
  const otherRootCause = (await otherAdmin.get('/api/root-causes')).json().items[0].id;
  await walk(c.id, ['acknowledged', 'investigating', 'responded']);
  await addAction(c.id);
  expect((await service.post(`/api/cases/${c.id}/close`, { rootCauseId: otherRootCause })).statusCode).toBe(400);
});

test('shows department-scoped roles only the cases of their departments', async () => {
  const mine = await openCase();
  const elsewhereMention = await newMention('Rude at the eye clinic', { departmentId: otherDepartmentId });
  const elsewhere = (await service.post('/api/cases', { mentionIds: [elsewhereMention], tier: 'general' })).json().case;
  const head = await app.userClient(orgId, 'department_head', { departmentIds: [departmentId] });
  const ids = (await head.get('/api/cases?limit=200')).json().items.map((c: { id: string }) => c.id);
  expect(ids).toContain(mine.id);
  expect(ids).not.toContain(elsewhere.id);
  expect((await head.get(`/api/cases/${elsewhere.id}`)).statusCode).toBe(404);
});

test('filters by assignee=me and pages with a cursor', async () => {
  const c = await openCase('general', { assigneeId: adminId });
  const mine = (await admin.get('/api/cases?assignee=me')).json();
  expect(mine.items.map((x: { id: string }) => x.id)).toContain(c.id);
  expect(mine.items.every((x: { assigneeId: string }) => x.assigneeId === adminId)).toBe(true);
  const page1 = (await admin.get('/api/cases?limit=2')).json();
  const page2 = (await admin.get(`/api/cases?limit=2&cursor=${page1.nextCursor}`)).json();
  expect(page1.items).toHaveLength(2);
  expect(page2.items[0].number).toBeLessThan(page1.items[1].number);
  const work = (await admin.get('/api/my-work')).json();
  expect(work.cases.map((x: { id: string }) => x.id)).toContain(c.id);
});

test('opens a major case automatically for a risk-flagged mention, and only once', async () => {
  const mentionId = await newMention('I have spoken to my lawyer about this and we will sue the hospital.', { departmentId });
  await analysePending(app.ctx, orgId);
  const first = await openCasesForMentions(app.ctx, { orgId, mentionIds: [mentionId] });
  const again = await openCasesForMentions(app.ctx, { orgId, mentionIds: [mentionId] });
  expect(first).toHaveLength(1);
  expect(again).toEqual([]);
  const cases = await app.ctx.db.selectFrom('case_mentions').select('case_id').where('mention_id', '=', mentionId).execute();
  expect(cases).toHaveLength(1);
  const detail = (await admin.get(`/api/cases/${first[0]}`)).json();
  expect(detail.case).toMatchObject({ tier: 'major', team: 'Leadership task force', mentionIds: [mentionId] });
  expect(detail.timeline[0]).toMatchObject({ type: 'opened', actorName: 'Verity', data: { auto: true, risks: ['legal_threat'] } });
  const notified = await app.ctx.db.selectFrom('notifications').select('title').where('org_id', '=', orgId).where('title', 'like', `Case #${detail.case.number} opened%`).execute();
  expect(notified).toHaveLength(1);
});

test('leaves a mention without a risk flag alone', async () => {
  const mentionId = await newMention('The waiting room was clean and bright.');
  await analysePending(app.ctx, orgId);
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [mentionId] })).toEqual([]);
});

test('reopens a closed case when the same author writes again', async () => {
  const first = await newMention('Waited two hours and nobody told me why', { authorHandle: 'li.wei', departmentId });
  const c = (await service.post('/api/cases', { mentionIds: [first], tier: 'general' })).json().case;
  await walk(c.id, ['acknowledged', 'investigating', 'responded']);
  await addAction(c.id);
  expect((await service.post(`/api/cases/${c.id}/close`, { rootCauseId: await rootCauseId() })).statusCode).toBe(200);
  const second = await newMention('Same story again today, another long wait', { authorHandle: 'li.wei', departmentId });
  const other = await newMention('Another long wait for me as well', { authorHandle: 'someone.else', departmentId });
  await analysePending(app.ctx, orgId);
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [second, other] })).toEqual([c.id]);
  const detail = (await service.get(`/api/cases/${c.id}`)).json();
  expect(detail.case.status).toBe('investigating');
  expect(detail.case.mentionIds).toEqual([first, second]);
  expect(detail.timeline.slice(-2).map((e: { type: string }) => e.type)).toEqual(['mention_added', 'reopened']);
  // Delivered twice, the event changes nothing more.
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [second] })).toEqual([]);
});

test('a message the same author wrote before the case closed joins it as history and does not reopen it', async () => {
  const first = await newMention('The bill had two charges I never agreed to', { authorHandle: 'zhao.min', departmentId });
  const c = (await service.post('/api/cases', { mentionIds: [first], tier: 'general' })).json().case;
  await walk(c.id, ['acknowledged', 'investigating', 'responded']);
  await addAction(c.id);
  expect((await service.post(`/api/cases/${c.id}/close`, { rootCauseId: await rootCauseId() })).statusCode).toBe(200);
  // Imported late: written a week ago, before the case was closed.
  const older = await newMention('Also the receipt was missing', { authorHandle: 'zhao.min', departmentId, publishedAt: new Date(Date.now() - 7 * 86_400_000).toISOString() });
  await analysePending(app.ctx, orgId);
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [older] })).toEqual([c.id]);
  const detail = (await service.get(`/api/cases/${c.id}`)).json();
  expect(detail.case.status).toBe('closed');
  expect(detail.case.mentionIds).toEqual([first, older]);
  expect(detail.timeline.at(-1)).toMatchObject({ type: 'mention_added', data: { reason: 'same_author' } });
});

test('escalates a breached case to the department head, then to leadership, once per level', async () => {
  const c = await openCase();
  const past = new Date(Date.now() - 3 * 3_600_000);
  await app.ctx.db
    .updateTable('cases')
    .set({ first_response_due_at: past, opened_at: new Date(past.getTime() - 3_600_000) })
    .where('id', '=', c.id)
    .execute();
  expect((await service.get(`/api/cases/${c.id}`)).json().case.slaState).toBe('breached');
  await checkSla(app.ctx);
  await checkSla(app.ctx);
  let detail = (await service.get(`/api/cases/${c.id}`)).json();
  expect(detail.case.escalationLevel).toBe(1);
  const escalations = detail.timeline.filter((e: { type: string }) => e.type === 'escalated');
  expect(escalations).toHaveLength(1);
  expect(escalations[0]).toMatchObject({ actorName: 'Verity', data: { level: 1, to: 'department head', breached: 'first_response' } });
  await app.ctx.db
    .updateTable('cases')
    .set({ escalated_at: new Date(Date.now() - 2 * 3_600_000) })
    .where('id', '=', c.id)
    .execute();
  await checkSla(app.ctx);
  detail = (await service.get(`/api/cases/${c.id}`)).json();
  expect(detail.case.escalationLevel).toBe(2);
  expect(detail.timeline.at(-1).data).toMatchObject({ level: 2, to: 'leadership' });
  const notes = await app.ctx.db.selectFrom('notifications').select('title').where('org_id', '=', orgId).where('title', 'like', `Case #${c.number} escalated%`).execute();
  expect(notes.map((n) => n.title).sort()).toEqual([`Case #${c.number} escalated to department head`, `Case #${c.number} escalated to leadership`]);
});

test('does not escalate a case that is within its due time', async () => {
  const c = await openCase('major');
  await checkSla(app.ctx);
  expect((await service.get(`/api/cases/${c.id}`)).json().case.escalationLevel).toBe(0);
});

test('reports first-response compliance per team', async () => {
  const org = await app.createOrg('compliance');
  const boss = await app.userClient(org, 'admin');
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const m = (await boss.post('/api/mentions', { text: `Complaint number ${i}` })).json().mention.id;
    ids.push((await boss.post('/api/cases', { mentionIds: [m], tier: i < 3 ? 'general' : 'major' })).json().case.id);
  }
  const hour = 3_600_000;
  const now = Date.now();
  const set = (id: string, v: { due: number; responded: number | null }) =>
    app.ctx.db
      .updateTable('cases')
      .set({ first_response_due_at: new Date(v.due), responded_at: v.responded === null ? null : new Date(v.responded) })
      .where('id', '=', id)
      .execute();
  await set(ids[0]!, { due: now - hour, responded: now - 2 * hour }); // met
  await set(ids[1]!, { due: now - 2 * hour, responded: now - hour }); // late
  await set(ids[2]!, { due: now - hour, responded: null }); // breached, unanswered
  const res = await boss.get('/api/sla/compliance?days=30');
  expect(res.statusCode).toBe(200);
  expect(res.json().items).toEqual([
    { team: 'Leadership task force', cases: 1, firstResponseMet: 0, firstResponseRate: null, breached: 0 },
    { team: 'Patient service', cases: 3, firstResponseMet: 1, firstResponseRate: 1 / 3, breached: 2 },
  ]);
});

test('exports the evidence pack of a malicious case with versions and a manifest whose hashes verify', async () => {
  const source = (await admin.post('/api/sources', { name: 'Review site push', kind: 'push' })).json();
  const push = (text: string) =>
    app.server.inject({
      method: 'POST',
      url: `/api/v1/sources/${source.source.id}/mentions`,
      headers: { authorization: `Bearer ${source.token}` },
      payload: { mentions: [{ externalId: 'fake-1', text, url: 'https://reviews.example/fake-1', author: 'bot123', rating: 1 }] },
    });
  expect((await push('Worst clinic ever, never go there')).statusCode).toBe(200);
  expect((await push('Worst clinic ever, never go there. Everyone says so')).json().updated).toBe(1);
  await analysePending(app.ctx, orgId);
  const mention = await app.ctx.db.selectFrom('mentions').select('id').where('source_id', '=', source.source.id).executeTakeFirstOrThrow();
  const c = (await service.post('/api/cases', { mentionIds: [mention.id], tier: 'malicious', title: 'Coordinated fake reviews' })).json().case;

  const res = await service.get(`/api/cases/${c.id}/evidence.zip`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(res.rawPayload));
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  expect(res.headers['x-manifest-sha256']).toBe(sha(files['manifest.json']!));
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
  expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(['case.json', `mentions/${mention.id}.json`]);
  for (const f of manifest.files as { path: string; sha256: string }[]) expect(sha(files[f.path]!)).toBe(f.sha256);
  const m = JSON.parse(new TextDecoder().decode(files[`mentions/${mention.id}.json`]));
  expect(m).toMatchObject({ url: 'https://reviews.example/fake-1', authenticity: { score: expect.any(Number), signals: expect.any(Array) } });
  expect(m.versions.map((v: { version: number; text: string }) => [v.version, v.text])).toEqual([
    [1, 'Worst clinic ever, never go there'],
    [2, 'Worst clinic ever, never go there. Everyone says so'],
  ]);
  expect(m.versions[0].receivedAt).toEqual(expect.any(String));
  const audit = await app.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.evidence_export').where('target_id', '=', c.id).executeTakeFirstOrThrow();
  expect(audit.details).toEqual({ manifestSha256: res.headers['x-manifest-sha256'] });
});

test('refuses an evidence pack for a case that is not malicious', async () => {
  const c = await openCase();
  const res = await service.get(`/api/cases/${c.id}/evidence.zip`);
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toContain('malicious');
});

test('shows an action’s aspect negative share before and after it was done', async () => {
  // A department of its own, so that mentions of the other tests stay out of scope.
  const lab = (await admin.post('/api/org/departments', { code: 'lab', name: 'Laboratory' })).json().department.id;
  const c = (await service.post('/api/cases', { mentionIds: [await newMention('Slow lab results', { departmentId: lab })], tier: 'general' })).json().case;
  const actionId = await addAction(c.id, 'process.waiting');
  const patched = await service.patch(`/api/cases/${c.id}/actions/${actionId}`, { status: 'done' });
  expect(patched.statusCode, patched.body).toBe(200);
  expect(patched.json().action).toMatchObject({ status: 'done', effect: { aspect: 'process.waiting', days: 30 } });
  const doneAt = new Date(Date.now() - 20 * 86_400_000);
  await app.ctx.db.updateTable('case_actions').set({ done_at: doneAt }).where('id', '=', actionId).execute();
  const source = await app.ctx.db.selectFrom('sources').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const day = 86_400_000;
  const rows: [number, string[], string | null][] = [
    [-25, ['process.waiting', 'process.waiting:negative'], lab],
    [-24, ['process.waiting', 'process.waiting:negative'], lab],
    [-23, ['process.waiting', 'process.waiting:negative'], lab],
    [-22, ['process.waiting', 'process.waiting:positive'], lab],
    [-10, ['process.waiting', 'process.waiting:negative'], lab],
    [-9, ['process.waiting', 'process.waiting:positive'], lab],
    [-8, ['process.waiting', 'process.waiting:positive'], lab],
    [-7, ['process.waiting', 'process.waiting:positive'], lab],
    [-6, ['process.waiting', 'process.waiting:negative'], departmentId], // another department: out of scope
    [-60, ['process.waiting', 'process.waiting:negative'], lab], // outside the 30-day window
  ];
  let i = 0;
  for (const [offset, aspects, dept] of rows) {
    await app.ctx.db
      .insertInto('mentions')
      .values({
        org_id: orgId,
        source_id: source.id,
        kind: 'review',
        external_key: `effect-${i++}`,
        text: 'x',
        content_hash: `h${i}`,
        aspects,
        department_id: dept,
        published_at: new Date(Date.now() + offset * day),
      })
      .execute();
  }
  const action = (await service.get(`/api/cases/${c.id}`)).json().actions.find((a: { id: string }) => a.id === actionId);
  expect(action.effect).toEqual({ aspect: 'process.waiting', days: 30, before: { negativeShare: 0.75, n: 4 }, after: { negativeShare: 0.25, n: 4 } });
  const work = (await admin.get('/api/my-work')).json();
  expect(work.actions.map((a: { id: string }) => a.id)).not.toContain(actionId);
});

test('answers a refused step in the reader’s language, with the ids for programs', async () => {
  const c = await openCase();
  const res = await service.request({ method: 'POST', url: `/api/cases/${c.id}/transition`, payload: { to: 'responded' }, headers: { 'accept-language': 'ru' } });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toBe('обращение не может перейти из статуса «новое» в «ответ дан»; допустимо: принято');
  expect(res.json().error.details).toMatchObject({ reason: 'cases.illegalTransition', from: 'new', to: 'responded', allowed: ['acknowledged'] });
  const close = await service.request({ method: 'POST', url: `/api/cases/${c.id}/close`, payload: { rootCauseId: await rootCauseId() }, headers: { 'accept-language': 'zh-CN' } });
  expect(close.json().error.message).toBe('一般工单不能在“新建”状态下关闭；可关闭的状态：已回应、整改中');
  const causes = (await service.request({ method: 'GET', url: '/api/root-causes', headers: { 'accept-language': 'zh-CN' } })).json().items.map((r: { label: string }) => r.label);
  expect(causes).toEqual(expect.arrayContaining(['候诊流程', '沟通']));
});
