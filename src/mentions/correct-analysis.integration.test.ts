import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { analysePending, markForReanalysis } from './analyse-pending.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let head: TestClient;
let viewer: TestClient;
const ids: Record<string, string> = {};

interface View {
  analysis: { sentiment: { label: string; corrected?: boolean; engine?: { label: string } }; staff: { id: string; corrected?: boolean }[]; risks: { risk: string; corrected?: boolean }[] };
  corrections?: { id: string; kind: string; value: string; correctedBy: string | null }[];
}
const mention = async (id: string): Promise<View> => (await admin.get(`/api/mentions/${id}`)).json().mention;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('corrections');
  admin = await app.userClient(orgId, 'admin');
  for (const code of ['dent', 'cardio']) ids[code] = (await admin.post('/api/org/departments', { code, name: code })).json().department.id;
  head = await app.userClient(orgId, 'department_head', { departmentIds: [ids.dent!] });
  viewer = await app.userClient(orgId, 'viewer');
  ids.wang = (await admin.post('/api/org/staff', { name: '王建国', title: '主任医师', departmentId: ids.dent })).json().staff.id;
  ids.li = (await admin.post('/api/org/staff', { name: '李娜', title: '护士', departmentId: ids.dent })).json().staff.id;
  ids.zhao = (await admin.post('/api/org/staff', { name: '赵敏', title: '医生', departmentId: ids.cardio })).json().staff.id;
  ids.m = (await admin.post('/api/mentions', { kind: 'offline_complaint', text: '王建国医生很耐心，讲解清楚，谢谢。', departmentId: ids.dent })).json().mention.id;
  ids.pending = (await admin.post('/api/mentions', { kind: 'offline_complaint', text: 'Waited an hour.', departmentId: ids.dent })).json().mention.id;
  await analysePending(app.ctx, orgId);
  ids.pending2 = (await admin.post('/api/mentions', { kind: 'offline_complaint', text: 'Not analysed yet.', departmentId: ids.dent })).json().mention.id;
});
afterAll(() => app?.close());

test('the engine reads the mention as praise of Dr Wang', async () => {
  const m = await mention(ids.m!);
  expect(m.analysis.sentiment.label).toBe('positive');
  expect(m.analysis.staff.map((s) => s.id)).toEqual([ids.wang]);
  expect(m.corrections).toEqual([]);
});

test('a sentiment correction is stored, applied at once, shown with who made it, and a later one replaces it', async () => {
  const res = await head.post(`/api/mentions/${ids.m}/corrections`, { kind: 'sentiment', value: 'mixed' });
  expect(res.statusCode).toBe(201);
  expect(res.json().mention).toMatchObject({ analysis: { sentiment: { label: 'mixed', corrected: true, engine: { label: 'positive' } } } });
  expect(res.json().mention.corrections).toMatchObject([{ kind: 'sentiment', value: 'mixed', correctedBy: expect.any(String) }]);
  const again = await head.post(`/api/mentions/${ids.m}/corrections`, { kind: 'sentiment', value: 'negative' });
  expect(again.json().mention.corrections).toMatchObject([{ kind: 'sentiment', value: 'negative' }]);
  expect(again.json().mention.analysis.sentiment.engine.label).toBe('positive');
  const inbox = (await admin.get('/api/mentions?sentiment=negative')).json().items.map((x: { id: string }) => x.id);
  expect(inbox).toContain(ids.m);
  const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('org_id', '=', orgId).where('action', '=', 'mention.corrected').orderBy('id').execute();
  expect(audit).toHaveLength(2);
  expect(audit[1]!.details).toMatchObject({ kind: 'sentiment', value: 'negative', before: { sentiment: 'mixed' }, after: { sentiment: 'negative' } });
});

test('staff links are added and removed within the viewer’s departments, and risks added', async () => {
  const add = await head.post(`/api/mentions/${ids.m}/corrections`, { kind: 'staff_add', value: ids.li });
  expect(add.statusCode).toBe(201);
  const remove = await head.post(`/api/mentions/${ids.m}/corrections`, { kind: 'staff_remove', value: ids.wang });
  expect(remove.statusCode).toBe(201);
  const risk = await head.post(`/api/mentions/${ids.m}/corrections`, { kind: 'risk_add', value: 'privacy_breach' });
  expect(risk.statusCode).toBe(201);
  const row = await app.ctx.db.selectFrom('mentions').select(['staff_ids', 'risks']).where('id', '=', ids.m!).executeTakeFirstOrThrow();
  expect(row.staff_ids).toEqual([ids.li]);
  expect(row.risks).toEqual(['privacy_breach']);
  expect((await admin.get(`/api/mentions?staff=${ids.li}`)).json().items.map((x: { id: string }) => x.id)).toEqual([ids.m]);
  expect((await admin.get(`/api/mentions?risk=privacy_breach`)).json().items.map((x: { id: string }) => x.id)).toEqual([ids.m]);
});

test('bad corrections are refused with a message naming the field', async () => {
  const cases: [TestClient, string, unknown, number, RegExp][] = [
    [head, ids.m!, { kind: 'sentiment', value: 'furious' }, 400, /value must be a sentiment/],
    [head, ids.m!, { kind: 'risk_add', value: 'rudeness' }, 400, /value must be a risk/],
    [head, ids.m!, { kind: 'risk_add', value: 'privacy_breach' }, 400, /already flags/],
    [head, ids.m!, { kind: 'staff_add', value: '00000000-0000-4000-8000-000000000000' }, 400, /no staff member/],
    [head, ids.m!, { kind: 'staff_add', value: ids.zhao }, 400, /outside your departments/],
    [head, ids.m!, { kind: 'staff_add', value: ids.li }, 400, /already linked/],
    [head, ids.m!, { kind: 'staff_remove', value: ids.zhao }, 400, /outside your departments/],
    [admin, ids.m!, { kind: 'staff_remove', value: ids.zhao }, 400, /not linked/],
    [head, ids.m!, { kind: 'staff_remove', value: ids.li }, 400, /undo that correction/],
    [head, ids.m!, { kind: 'staff', value: ids.li }, 400, /kind must be one of/],
    [head, ids.m!, { kind: 'sentiment', value: 'positive', extra: 1 }, 400, /extra/],
    [head, ids.m!, { kind: 'sentiment' }, 400, /value/],
    [head, ids.pending2!, { kind: 'sentiment', value: 'positive' }, 400, /not been analysed/],
    [viewer, ids.m!, { kind: 'sentiment', value: 'positive' }, 403, /./],
  ];
  for (const [client, id, body, status, message] of cases) {
    const res = await client.post(`/api/mentions/${id}/corrections`, body);
    expect([res.statusCode, res.json().error?.message]).toEqual([status, expect.stringMatching(message)]);
  }
});

test('corrections win over a re-analysis', async () => {
  expect(await markForReanalysis(app.ctx.db, 'a-newer-model')).toBeGreaterThan(0);
  await analysePending(app.ctx, orgId);
  const m = await mention(ids.m!);
  expect(m.analysis.sentiment.label).toBe('negative');
  expect(m.analysis.sentiment.engine?.label).toBe('positive');
  expect(m.analysis.staff.map((s) => s.id)).toEqual([ids.li]);
  expect(m.analysis.risks.filter((r) => r.corrected).map((r) => r.risk)).toEqual(['privacy_breach']);
});

test('undo restores the engine’s reading, one correction at a time', async () => {
  const byKind = Object.fromEntries((await mention(ids.m!)).corrections!.map((c) => [c.kind, c.id]));
  const other = await admin.delete(`/api/mentions/${ids.pending}/corrections/${byKind.sentiment}`);
  expect(other.statusCode).toBe(404);
  const res = await head.delete(`/api/mentions/${ids.m}/corrections/${byKind.sentiment}`);
  expect(res.statusCode).toBe(200);
  expect(res.json().mention).toMatchObject({ analysis: { sentiment: { label: 'positive' } } });
  expect(res.json().mention.analysis.sentiment.corrected).toBeUndefined();
  for (const kind of ['staff_add', 'staff_remove', 'risk_add']) expect((await head.delete(`/api/mentions/${ids.m}/corrections/${byKind[kind]}`)).statusCode).toBe(200);
  expect((await head.delete(`/api/mentions/${ids.m}/corrections/${byKind.risk_add}`)).statusCode).toBe(404);
  const m = await mention(ids.m!);
  expect(m.corrections).toEqual([]);
  expect(m.analysis.staff.map((s) => s.id)).toEqual([ids.wang]);
  expect(m.analysis.risks.filter((r) => r.corrected)).toEqual([]);
  const row = await app.ctx.db.selectFrom('mentions').select(['sentiment', 'staff_ids', 'risks']).where('id', '=', ids.m!).executeTakeFirstOrThrow();
  expect(row).toEqual({ sentiment: 'positive', staff_ids: [ids.wang], risks: [] });
  const undone = await app.ctx.db.selectFrom('audit_log').select('action').where('org_id', '=', orgId).where('action', '=', 'mention.correction_undone').execute();
  expect(undone).toHaveLength(4);
});
