import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AuditAction } from '../audit/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

// Teams, round-robin assignment, reassignment, the case list's queues/filters/sort/paging, bulk actions, manual linking, and their audit entries.
let app: TestApp;
let orgId: string;
let admin: TestClient;
let alice: TestClient;
let bob: TestClient;
let carol: TestClient;
const ids = {} as Record<'admin' | 'alice' | 'bob' | 'carol', string>;
let general: { id: string; name: string };
let major: { id: string; name: string };

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('queues');
  admin = await app.userClient(orgId, 'admin');
  alice = await app.userClient(orgId, 'service');
  bob = await app.userClient(orgId, 'service');
  carol = await app.userClient(orgId, 'service');
  for (const [key, client] of [
    ['admin', admin],
    ['alice', alice],
    ['bob', bob],
    ['carol', carol],
  ] as const)
    ids[key] = (await client.get('/api/auth/me')).json().user.id;
  const teams = (await admin.get('/api/teams')).json().items as { id: string; name: string; defaultKey: string }[];
  general = teams.find((t) => t.defaultKey === 'general')!;
  major = teams.find((t) => t.defaultKey === 'major')!;
});
afterAll(async () => {
  await app?.close();
});

let n = 0;
async function newMention(text = 'Waited two hours at reception', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await admin.post('/api/mentions', { kind: 'offline_complaint', text: `${text} (${++n})`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().mention.id;
}
type CaseJson = { id: string; number: number; assigneeId: string | null; teamId: string | null; team: string; status: string; outcome: string | null; mentionIds: string[]; dueAt: string | null };
async function openCase(tier = 'general', extra: Record<string, unknown> = {}): Promise<CaseJson> {
  const res = await admin.post('/api/cases', { mentionIds: [await newMention()], tier, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().case;
}
async function audit(action: AuditAction, caseNumber: number) {
  const rows = await app.ctx.db.selectFrom('audit_log').select(['action', 'actor', 'details']).where('org_id', '=', orgId).where('action', '=', action).orderBy('id').execute();
  return rows.filter((r) => (r.details as { case?: string }).case === `#${caseNumber}`).map((r) => r.details as Record<string, unknown>);
}

test('lists the three default teams in the reader’s language, never stored in English', async () => {
  const ru = await admin.request({ method: 'GET', url: '/api/teams', headers: { 'accept-language': 'ru' } });
  expect(ru.json().items.map((t: { name: string }) => t.name)).toEqual(['Служба заботы о пациентах', 'Рабочая группа руководства', 'Юристы и PR']);
  const stored = await app.ctx.db.selectFrom('teams').select('name').where('org_id', '=', orgId).execute();
  expect(stored.every((t) => t.name === null)).toBe(true);
  const settings = await admin.request({ method: 'GET', url: '/api/case-settings', headers: { 'accept-language': 'zh-CN' } });
  expect(settings.json().tiers.general).toMatchObject({ team: '患者服务部', teamId: general.id });
  expect((await alice.post('/api/teams', { name: 'Night desk' })).statusCode).toBe(403);
});

test('opens cases unassigned while the team has no members, then round-robins among those on shift, skipping the off-shift', async () => {
  const before = await openCase();
  expect(before).toMatchObject({ assigneeId: null, teamId: general.id, team: 'Patient service' });
  for (const who of ['alice', 'bob', 'carol'] as const) expect((await admin.post(`/api/teams/${general.id}/members`, { userId: ids[who] })).statusCode).toBe(200);
  const off = await admin.patch(`/api/teams/${general.id}/members/${ids.bob}`, { onShift: false });
  expect(off.json().team.members.find((m: { userId: string }) => m.userId === ids.bob).onShift).toBe(false);
  const got = [];
  for (let i = 0; i < 4; i++) got.push((await openCase()).assigneeId);
  expect(new Set(got)).toEqual(new Set([ids.alice, ids.carol]));
  expect(got[0]).not.toBe(got[1]);
  expect(got[0]).toBe(got[2]);
  expect(got[1]).toBe(got[3]);
  expect(got).not.toContain(ids.bob);

  const c = await openCase();
  const detail = (await admin.get(`/api/cases/${c.id}`)).json();
  expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['opened', 'assigned']);
  expect(detail.timeline[1].data).toMatchObject({ auto: true, assigneeId: c.assigneeId });
  expect(await audit('case.opened', c.number)).toEqual([expect.objectContaining({ after: expect.objectContaining({ tier: 'general', status: 'new', team: 'Patient service' }) })]);
  expect(await audit('case.assigned', c.number)).toEqual([expect.objectContaining({ auto: true, after: { assignee: 'service user' } })]);
  const notified = await app.ctx.db.selectFrom('notification_recipients').select('user_id').where('user_id', '=', c.assigneeId!).execute();
  expect(notified.length).toBeGreaterThan(0);
});

test('deals cases opened at the same time fairly: the team row is locked while the next person is picked', async () => {
  const opened = await Promise.all(Array.from({ length: 6 }, () => newMention('Opened at once')).map(async (m) => admin.post('/api/cases', { mentionIds: [await m], tier: 'general' })));
  const assignees = opened.map((r) => r.json().case.assigneeId as string);
  expect(assignees.filter((a) => a === ids.alice)).toHaveLength(3);
  expect(assignees.filter((a) => a === ids.carol)).toHaveLength(3);
});

test('stops assigning when the team’s auto-assignment is switched off', async () => {
  const res = await admin.patch(`/api/teams/${general.id}`, { autoAssign: false });
  expect(res.json().team.autoAssign).toBe(false);
  expect((await openCase()).assigneeId).toBeNull();
  await admin.patch(`/api/teams/${general.id}`, { autoAssign: true });
  expect((await openCase()).assigneeId).not.toBeNull();
  const teamAudit = await app.ctx.db.selectFrom('audit_log').select('details').where('org_id', '=', orgId).where('action', '=', 'team.update').execute();
  expect(teamAudit.map((r) => r.details)).toContainEqual(expect.objectContaining({ before: { autoAssign: true }, after: { autoAssign: false } }));
});

test('reassigns with a reason and moves a case to another team’s queue, naming people and teams in the audit log', async () => {
  const c = await openCase();
  const to = c.assigneeId === ids.alice ? 'carol' : 'alice';
  const res = await admin.post(`/api/cases/${c.id}/assign`, { assigneeId: ids[to], reason: 'Speaks Chinese' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().case.assigneeId).toBe(ids[to]);
  const moved = await admin.post(`/api/cases/${c.id}/assign`, { teamId: major.id, assigneeId: null, reason: 'Sounds like a medical error' });
  expect(moved.json().case).toMatchObject({ teamId: major.id, team: 'Leadership task force', assigneeId: null });
  const rows = await audit('case.assigned', c.number);
  expect(rows.at(-2)).toMatchObject({ before: { assignee: 'service user' }, after: { assignee: 'service user' }, reason: 'Speaks Chinese' });
  expect(rows.at(-1)).toMatchObject({ after: { assignee: null }, reason: 'Sounds like a medical error' });
  expect(await audit('case.team_changed', c.number)).toEqual([expect.objectContaining({ before: { team: 'Patient service' }, after: { team: 'Leadership task force' } })]);
  const timeline = (await admin.get(`/api/cases/${c.id}`)).json().timeline.map((e: { type: string }) => e.type);
  expect(timeline.slice(-3)).toEqual(['assigned', 'team_changed', 'assigned']);
  expect((await admin.post(`/api/cases/${c.id}/assign`, { teamId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  expect((await admin.post(`/api/cases/${c.id}/assign`, {})).statusCode).toBe(400);
});

test('the queue “unassigned in my team” holds the open unassigned cases of the viewer’s teams', async () => {
  await admin.patch(`/api/teams/${general.id}`, { autoAssign: false });
  const waiting = await openCase();
  const elsewhere = await openCase('major');
  await admin.patch(`/api/teams/${general.id}`, { autoAssign: true });
  const queue = (await alice.get('/api/cases?queue=my_team_unassigned&limit=200')).json();
  const numbers = queue.items.map((c: CaseJson) => c.number);
  expect(numbers).toContain(waiting.number);
  expect(numbers).not.toContain(elsewhere.number);
  expect(queue.items.every((c: CaseJson) => c.assigneeId === null && c.teamId === general.id)).toBe(true);
  expect(queue.total).toBe(queue.items.length);
  expect((await admin.get('/api/cases?queue=my_team_unassigned')).json().total).toBe(0);
  const unassigned = (await admin.get(`/api/cases?assignee=unassigned&team=${major.id}`)).json().items.map((c: CaseJson) => c.number);
  expect(unassigned).toContain(elsewhere.number);
});

test('sorts by the current SLA due time, pages with a total, and filters by tier, assignee, location, source and words', async () => {
  const location = (await admin.post('/api/org/locations', { code: 'q1', name: 'Queue clinic', timezone: 'UTC' })).json().location;
  const located = await admin.post('/api/cases', { mentionIds: [await newMention('Parking was full', { locationId: location.id })], tier: 'malicious', title: 'Parking was full at the new site' });
  const all = (await admin.get('/api/cases?sort=due&status=open&limit=200')).json();
  const dues = all.items.map((c: CaseJson) => new Date(c.dueAt!).getTime());
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  expect(all.total).toBe(all.items.length);
  const first = (await admin.get('/api/cases?sort=due&status=open&limit=3')).json();
  const second = (await admin.get(`/api/cases?sort=due&status=open&limit=3&offset=${first.nextOffset}`)).json();
  expect(first.total).toBe(all.total);
  expect([...first.items, ...second.items].map((c: CaseJson) => c.id)).toEqual(all.items.slice(0, 6).map((c: CaseJson) => c.id));
  const byNumber = (await admin.get('/api/cases?limit=2')).json();
  const next = (await admin.get(`/api/cases?limit=2&cursor=${byNumber.nextCursor}`)).json();
  expect(next.items[0].number).toBeLessThan(byNumber.items[1].number);
  expect((await admin.get(`/api/cases?location=${location.id}`)).json().items.map((c: CaseJson) => c.id)).toEqual([located.json().case.id]);
  expect((await admin.get('/api/cases?tier=malicious')).json().items.every((c: { tier: string }) => c.tier === 'malicious')).toBe(true);
  expect((await admin.get('/api/cases?q=parking')).json().items.map((c: CaseJson) => c.id)).toEqual([located.json().case.id]);
  expect((await admin.get(`/api/cases?q=%23${located.json().case.number}`)).json().items.map((c: CaseJson) => c.id)).toEqual([located.json().case.id]);
  const mine = (await alice.get('/api/cases?assignee=me')).json();
  expect(mine.total).toBeGreaterThan(0);
  expect(mine.items.every((c: CaseJson) => c.assigneeId === ids.alice)).toBe(true);
  const source = (await app.ctx.db.selectFrom('mentions').select('source_id').where('id', '=', located.json().case.mentionIds[0]).executeTakeFirstOrThrow()).source_id;
  expect((await admin.get(`/api/cases?source=${source}`)).json().total).toBe(all.total);
  const work = (await alice.get('/api/my-work')).json().cases.map((c: CaseJson) => new Date(c.dueAt!).getTime());
  expect(work.length).toBeGreaterThan(0);
  expect(work).toEqual([...work].sort((a, b) => a - b));
});

test('bulk-assigns cases, each checked against the viewer and audited, and names a bad id', async () => {
  const a = await openCase();
  const b = await openCase();
  const res = await admin.post('/api/cases/bulk', { action: 'assign', ids: [a.id, b.id], assigneeId: ids.bob, reason: 'Covering the night shift' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().items.map((c: CaseJson) => c.assigneeId)).toEqual([ids.bob, ids.bob]);
  expect(await audit('case.assigned', a.number)).toContainEqual(expect.objectContaining({ after: { assignee: 'service user' }, reason: 'Covering the night shift' }));
  const foreign = '00000000-0000-4000-8000-000000000000';
  const bad = await admin.post('/api/cases/bulk', { action: 'assign', ids: [a.id, foreign], assigneeId: ids.alice });
  expect(bad.statusCode).toBe(404);
  expect(bad.json().error.message).toContain(foreign);
  expect((await admin.get(`/api/cases/${a.id}`)).json().case.assigneeId).toBe(ids.bob);
});

test('bulk-closes duplicates: their mentions join the kept case, no root cause needed, both timelines and audits', async () => {
  const kept = await openCase();
  const d1 = await openCase();
  const d2 = await openCase();
  const res = await admin.post('/api/cases/bulk', { action: 'close_duplicate', ids: [d1.id, d2.id], duplicateOf: kept.id });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().items.map((c: CaseJson) => [c.status, c.outcome])).toEqual([
    ['closed', 'duplicate'],
    ['closed', 'duplicate'],
  ]);
  const detail = (await admin.get(`/api/cases/${kept.id}`)).json();
  expect(detail.case.mentionIds).toEqual(expect.arrayContaining([...kept.mentionIds, ...d1.mentionIds, ...d2.mentionIds]));
  expect(detail.mentions).toHaveLength(3);
  expect(detail.timeline.filter((e: { type: string }) => e.type === 'mention_added')).toHaveLength(2);
  expect(await audit('case.closed', d1.number)).toEqual([expect.objectContaining({ after: { status: 'closed', outcome: 'duplicate', duplicateOf: `#${kept.number}` } })]);
  expect(await audit('case.mention_linked', kept.number)).toHaveLength(2);
  expect((await admin.post('/api/cases/bulk', { action: 'close_duplicate', ids: [kept.id], duplicateOf: kept.id })).statusCode).toBe(400);
  expect((await admin.post('/api/cases/bulk', { action: 'close_duplicate', ids: [kept.id], duplicateOf: d1.id })).statusCode).toBe(400);
  // The normal close still needs its root cause.
  expect((await admin.post(`/api/cases/${kept.id}/close`, { rootCauseId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
});

test('links a further mention by hand, refuses one in another open case with 409 naming it, and unlinks it', async () => {
  const c = await openCase();
  const other = await openCase();
  const extra = await newMention('Same story, told on another site');
  const linked = await alice.post(`/api/cases/${c.id}/mentions`, { mentionId: extra, reason: 'Same patient, same visit' });
  expect(linked.statusCode, linked.body).toBe(200);
  expect(linked.json().case.mentionIds).toEqual([...c.mentionIds, extra]);
  expect((await alice.post(`/api/cases/${c.id}/mentions`, { mentionId: extra })).statusCode).toBe(200);
  const taken = await alice.post(`/api/cases/${c.id}/mentions`, { mentionId: other.mentionIds[0] });
  expect(taken.statusCode).toBe(409);
  expect(taken.json().error.message).toContain(`#${other.number}`);
  const detail = (await alice.get(`/api/cases/${c.id}`)).json();
  expect(detail.mentions.map((m: { id: string }) => m.id)).toEqual([...c.mentionIds, extra]);
  expect(await audit('case.mention_linked', c.number)).toEqual([expect.objectContaining({ reason: 'Same patient, same visit', after: { mention: expect.stringContaining('Same story') } })]);
  expect((await alice.delete(`/api/cases/${c.id}/mentions/${c.mentionIds[0]}`)).statusCode).toBe(400);
  const unlinked = await alice.delete(`/api/cases/${c.id}/mentions/${extra}`);
  expect(unlinked.statusCode, unlinked.body).toBe(200);
  expect(unlinked.json().case.mentionIds).toEqual(c.mentionIds);
  expect((await alice.delete(`/api/cases/${c.id}/mentions/${extra}`)).statusCode).toBe(404);
  expect(await audit('case.mention_unlinked', c.number)).toHaveLength(1);
  const mention = (await alice.get(`/api/mentions/${extra}`)).json().mention;
  expect(mention.status).toBe('triaged');
});

test('records status changes and reopening in the audit log with before and after', async () => {
  const c = await openCase();
  expect((await admin.post(`/api/cases/${c.id}/transition`, { to: 'acknowledged', note: 'Called back' })).statusCode).toBe(200);
  expect(await audit('case.status', c.number)).toEqual([expect.objectContaining({ before: { status: 'new' }, after: { status: 'acknowledged' }, reason: 'Called back' })]);
});

test('the audit page words the case entries in Russian: action names, fields and codes, no raw ids', async () => {
  const res = await admin.request({ method: 'GET', url: '/api/audit?limit=200', headers: { 'accept-language': 'ru' } });
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { action: string; actionLabel: string; detailLines: { field: string; value?: string; before?: string; after?: string }[] }[];
  const ours = items.filter((i) => i.action.startsWith('case.') || i.action.startsWith('team.'));
  expect(new Set(ours.map((i) => i.action))).toEqual(
    new Set(['case.opened', 'case.assigned', 'case.team_changed', 'case.status', 'case.closed', 'case.mention_linked', 'case.mention_unlinked', 'team.update', 'team.members']),
  );
  for (const item of ours) {
    expect(item.actionLabel).not.toBe(item.action);
    const text = item.detailLines.map((l) => [l.field, l.value, l.before, l.after].filter(Boolean).join(' ')).join(' | ');
    expect(text, item.action).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text, item.action).not.toMatch(/\b(status|assignee|team|outcome|duplicateOf|autoAssign|onShift|member)\b/);
  }
  const status = ours.find((i) => i.action === 'case.status')!;
  expect(status.detailLines).toContainEqual(expect.objectContaining({ before: 'новое', after: 'принято' }));
});

test('a member puts themself on or off shift, but not someone else', async () => {
  const own = await alice.patch(`/api/teams/${general.id}/members/${ids.alice}`, { onShift: false });
  expect(own.statusCode, own.body).toBe(200);
  expect((await alice.patch(`/api/teams/${general.id}/members/${ids.carol}`, { onShift: false })).statusCode).toBe(403);
  expect((await alice.patch(`/api/teams/${general.id}/members/${ids.alice}`, { onShift: true })).statusCode).toBe(200);
});
