import { afterAll, beforeAll, expect, test } from 'vitest';
import { evaluateMentionRules } from '../alerts/evaluate-mention-rules.ts';
import type { Permission, Role } from '../core/access.vocab.ts';
import { can } from '../permissions.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { openApiOperations } from '../test-support/openapi-operations.ts';

/*
 * Department scope, generated: a department head (and a staff member) of department One calls
 * every GET route of the OpenAPI document that takes no path parameter, with patient text, names
 * and notifications planted in department One and in department Two. No answer may carry the
 * marker planted in Two; the marker planted in One must reach them somewhere (so the check can
 * fail). A new list route is called without anyone listing it here; one that needs a query
 * parameter gets it from LIST_QUERIES, and one that answers anything but 200 or a role refusal
 * fails with a message saying so.
 */

/** Planted in department Two's texts and names: a scoped reader of One must never see it. */
const HIDDEN = 'Zqxhiddenmark';
/** Planted in department One's: the same reader must see it. */
const SEEN = 'Plainseenmark';

/** Query strings for list routes that cannot be called bare (a required filter). */
const LIST_QUERIES: Record<string, string> = {};

/** Lists that answer 404 to these readers for a reason of their own (no roster entry linked to the account). */
const NOT_FOUND_FOR_THEM = new Set(['/api/scorecards/me']);

const SCOPED_ROLES: Role[] = ['department_head', 'staff'];

let app: TestApp;
let orgId: string;
const readers = {} as Record<Role, TestClient>;
const ids = { one: {} as Record<string, string>, two: {} as Record<string, string> };

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('scoped');
  const admin = await app.userClient(orgId, 'admin');
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 201) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`setup failed (${r.statusCode}): ${r.body}`);
    return r.json() as Record<string, { id: string }> & { id: string };
  };
  const one = (await ok(admin.post('/api/org/departments', { code: 'one', name: 'Department One' }))).department!.id;
  const two = (await ok(admin.post('/api/org/departments', { code: 'two', name: 'Department Two' }))).department!.id;
  for (const role of SCOPED_ROLES) readers[role] = await app.userClient(orgId, role, { departmentIds: [one] });

  const channel = (await ok(admin.post('/api/alert-channels', { name: 'Everyone in the app', kind: 'in_app', config: {} }))).channel!.id;
  // One rule over the whole organisation (its alert holds both departments' mentions) and one per department.
  await ok(admin.post('/api/alert-rules', { name: 'Negatives', kind: 'mention', mention: { sentimentNegative: true }, channelIds: [channel] }));
  for (const departmentId of [one, two]) {
    await ok(
      admin.post('/api/alert-rules', { name: `Negatives ${departmentId}`, kind: 'mention', mention: { sentimentNegative: true }, scope: { departmentIds: [departmentId] }, channelIds: [channel] }),
    );
  }

  for (const [key, departmentId, marker] of [
    ['one', one, SEEN],
    ['two', two, HIDDEN],
  ] as const) {
    const mention = (
      await ok(admin.post('/api/mentions', { kind: 'offline_complaint', text: `${marker} waited two hours on the ward`, title: `${marker} title`, authorHandle: `${marker} author`, departmentId }))
    ).mention!.id;
    ids[key].mention = mention;
    // As the analysis would leave it (this app runs no workers): negative, so the rule opens an alert.
    await app.ctx.db.updateTable('mentions').set({ analysed_at: new Date(), sentiment: 'negative' }).where('id', '=', mention).execute();
    await evaluateMentionRules(app.ctx, orgId, [mention]);
    ids[key].case = (await ok(admin.post('/api/cases', { mentionIds: [mention], tier: 'malicious', title: `${marker} case` }))).case!.id;
    await ok(admin.post(`/api/cases/${ids[key].case}/replies`, { text: `${marker} we are sorry`, lang: 'en', kind: 'public' }));
    const visits = multipartBody({}, { name: 'visits.csv', content: `patient id,name,visit id,department\n${key}-MRN,${marker} Patient,${key}-VISIT,${key}\n`, type: 'text/csv' });
    await ok(admin.request({ method: 'POST', url: '/api/visits/import', ...visits }), 200);
    ids[key].patient = (await app.ctx.db.selectFrom('patients').select('id').where('org_id', '=', orgId).where('external_id', '=', `${key}-MRN`).executeTakeFirstOrThrow()).id;
  }
  const alerts = await app.ctx.db.selectFrom('alerts').select('id').where('org_id', '=', orgId).execute();
  if (alerts.length !== 3) throw new Error(`setup opened ${alerts.length} alerts, not one per rule`);
});
afterAll(async () => {
  await app?.close();
});

test.each(SCOPED_ROLES)('a %s of one department sees nothing of another in any list route', async (role) => {
  const reader = readers[role];
  const lists = openApiOperations(app.server).filter((op) => op.method === 'GET' && !op.path.includes(':'));
  expect(lists.length).toBeGreaterThan(40);
  const leaks: string[] = [];
  const unexpected: string[] = [];
  let answered = 0;
  let sawOwn = 0;
  for (const { path, access } of lists) {
    const url = `${path}${LIST_QUERIES[path] ? `?${LIST_QUERIES[path]}` : ''}`;
    const res = await reader.get(url);
    const mayRead = access === 'authenticated' || (access !== 'public' && access !== 'source-token' && can(role, access as Permission));
    const expected = mayRead ? (NOT_FOUND_FOR_THEM.has(path) ? 404 : 200) : access === 'public' ? res.statusCode : 403;
    if (res.statusCode !== expected) unexpected.push(`GET ${url} answered ${res.statusCode}, not ${expected} (a required query goes in LIST_QUERIES): ${res.body.slice(0, 200)}`);
    if (res.body.includes(HIDDEN)) leaks.push(`GET ${url}`);
    if (res.statusCode !== 200) continue;
    answered++;
    if (res.body.includes(SEEN)) sawOwn++;
  }
  expect(unexpected).toEqual([]);
  expect(leaks, `lists quoting department Two to a ${role} of department One`).toEqual([]);
  expect(answered).toBeGreaterThan(5);
  expect(sawOwn, 'the reader sees their own department somewhere').toBeGreaterThan(0);
});

test.each(SCOPED_ROLES)('a %s of one department gets 404 for the other department’s records', async (role) => {
  const reader = readers[role];
  for (const url of [
    `/api/mentions/${ids.two.mention}`,
    `/api/cases/${ids.two.case}`,
    `/api/cases/${ids.two.case}/evidence.zip`,
    `/api/patients/${ids.two.patient}`,
    `/api/patients/${ids.two.patient}/timeline`,
  ]) {
    const res = await reader.get(url);
    expect([403, 404], `GET ${url}`).toContain(res.statusCode);
    expect(res.body).not.toContain(HIDDEN);
  }
  const res = await reader.get(`/api/mentions/${ids.one.mention}`);
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain(SEEN);
});
