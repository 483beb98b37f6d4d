import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROLES, type Permission, type Role } from '../core/access.vocab.ts';
import { can } from '../permissions.ts';
import { openApiOperations, type Operation } from '../test-support/openapi-operations.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { ROUTE_TABLE } from './route-table.ts';

/*
 * Isolation and permissions, generated: every operation of the OpenAPI document × every role ×
 * own and foreign organisation, against the permission table (src/permissions.ts) and the route
 * table (route-table.ts, which a new route must join). A role without the permission gets 403
 * before anything is looked up; a role with it never gets 401, 403 or a 5xx for well-formed
 * input; an id of another organisation answers 404 to every role that holds the permission.
 * Source-token and public routes take no session and are left to their own tests
 * (push.integration.test.ts, the auth tests).
 */

/** A well-formed id that names nothing. */
const NO_ID = '00000000-0000-4000-8000-000000000000';

type Kind = 'location' | 'department' | 'staff' | 'user' | 'source' | 'mention' | 'alertChannel' | 'alertRule' | 'case' | 'team' | 'survey';
/** Which kind of object an `:id` names, by the path's prefix; other `:id` routes are called with NO_ID (tenant-isolation.integration.test.ts seeds every kind). */
const KIND_OF_PREFIX: [string, Kind][] = [
  ['/api/org/locations/', 'location'],
  ['/api/org/departments/', 'department'],
  ['/api/scorecards/departments/', 'department'],
  ['/api/org/staff/', 'staff'],
  ['/api/scorecards/staff/', 'staff'],
  ['/api/users/', 'user'],
  ['/api/sources/', 'source'],
  ['/api/mentions/', 'mention'],
  ['/api/alert-channels/', 'alertChannel'],
  ['/api/alert-rules/', 'alertRule'],
  ['/api/cases/', 'case'],
  ['/api/teams/', 'team'],
  ['/api/surveys/', 'survey'],
];

let app: TestApp;
const clients = {} as Record<Role, TestClient>;
const foreign = {} as Record<Kind, string>;
let operations: Operation[];

beforeAll(async () => {
  app = await createTestApp();
  const orgA = await app.createOrg('matrix-a');
  const orgB = await app.createOrg('matrix-b');
  const adminA = await app.userClient(orgA, 'admin');
  const ownDepartment = (await adminA.post('/api/org/departments', { code: 'own', name: 'Own' })).json().department.id as string;
  for (const role of ROLES) clients[role] = role === 'admin' ? adminA : await app.userClient(orgA, role, { departmentIds: [ownDepartment] });

  const adminB = await app.userClient(orgB, 'admin');
  const created = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await res;
    if (r.statusCode !== 201) throw new Error(`setup failed (${r.statusCode}): ${r.body}`);
    return r.json() as Record<string, { id: string }>;
  };
  foreign.location = (await created(adminB.post('/api/org/locations', { code: 'north', name: 'North campus' }))).location!.id;
  foreign.department = (await created(adminB.post('/api/org/departments', { code: 'dent', name: 'Dentistry', locationId: foreign.location }))).department!.id;
  foreign.staff = (await created(adminB.post('/api/org/staff', { name: 'Dr. Wang', departmentId: foreign.department }))).staff!.id;
  foreign.user = (await created(adminB.post('/api/users', { email: 'nurse@matrix-b.test', name: 'Nurse', role: 'service', password: 'long enough password' }))).user!.id;
  foreign.source = (await created(adminB.post('/api/sources', { name: 'Partner push', kind: 'push' }))).source!.id;
  foreign.mention = (await created(adminB.post('/api/mentions', { kind: 'offline_complaint', text: 'Waited two hours', departmentId: foreign.department }))).mention!.id;
  foreign.alertChannel = (await created(adminB.post('/api/alert-channels', { name: 'Bell', kind: 'in_app', config: {} }))).channel!.id;
  foreign.alertRule = (await created(adminB.post('/api/alert-rules', { name: 'Negatives', kind: 'mention', mention: { sentimentNegative: true }, channelIds: [foreign.alertChannel] }))).rule!.id;
  foreign.case = (await created(adminB.post('/api/cases', { mentionIds: [foreign.mention], tier: 'malicious' }))).case!.id;
  foreign.team = ((await adminB.get('/api/teams')).json() as { items: { id: string }[] }).items[0]!.id;
  foreign.survey = (await created(adminB.post('/api/surveys', { template: 'fft', activate: true }))).survey!.id;
  operations = openApiOperations(app.server);
});
afterAll(async () => {
  await app?.close();
});

const key = (op: Operation) => `${op.method} ${op.path}`;
/** Logging out ends the session every later request needs: it is called last, by the last test. */
const LOGOUT = 'POST /api/auth/logout';
const sessionRoute = (op: Operation) => op.access !== 'public' && op.access !== 'source-token' && key(op) !== LOGOUT;
const mayCall = (role: Role, access: string) => access === 'authenticated' || can(role, access as Permission);

function request(client: TestClient, op: Operation, ids: (param: string) => string) {
  const url = op.path.replace(/:(\w+)/g, (_, param: string) => ids(param));
  const body = ROUTE_TABLE[key(op)]?.body ?? {};
  return client.request({ method: op.method as 'GET', url, ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: body as object }) });
}

test('every operation of the OpenAPI document has a line in the route table, with the access it declares', () => {
  expect(operations.length).toBeGreaterThan(200);
  const missing = operations.filter((op) => !ROUTE_TABLE[key(op)]).map((op) => `${key(op)}: add it to src/security/route-table.ts with access '${op.access}'`);
  expect(missing).toEqual([]);
  const stale = Object.keys(ROUTE_TABLE).filter((k) => !operations.some((op) => key(op) === k));
  expect(stale, 'lines of the route table for routes that are gone').toEqual([]);
  const changed = operations.filter((op) => ROUTE_TABLE[key(op)]!.access !== op.access).map((op) => `${key(op)} declares '${op.access}', the table says '${ROUTE_TABLE[key(op)]!.access}'`);
  expect(changed).toEqual([]);
});

test('every role gets 403 from each route it holds no permission for, and no 401, 403 or 5xx from the others', async () => {
  const wrong: string[] = [];
  let refused = 0;
  let allowed = 0;
  for (const op of operations.filter(sessionRoute)) {
    for (const role of ROLES) {
      const res = await request(clients[role], op, () => NO_ID);
      if (!mayCall(role, op.access)) {
        refused++;
        if (res.statusCode !== 403 || res.json().error?.details?.reason !== 'errors.roleMayNot') wrong.push(`${role} ${key(op)}: ${res.statusCode}, not 403 roleMayNot`);
      } else {
        allowed++;
        if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500) wrong.push(`${role} ${key(op)}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(refused).toBeGreaterThan(500);
  expect(allowed).toBeGreaterThan(500);
  console.info(`route matrix, own organisation: ${operations.filter(sessionRoute).length} routes × ${ROLES.length} roles: ${refused} refused (403), ${allowed} allowed`);
}, 300_000);

test('an id of another organisation answers 404 to every role holding the permission, 403 to the others', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const op of operations.filter((o) => sessionRoute(o) && o.path.includes('/:id'))) {
    const kind = KIND_OF_PREFIX.find(([prefix]) => op.path.startsWith(prefix))?.[1];
    if (!kind) continue;
    for (const role of ROLES) {
      const res = await request(clients[role], op, (param) => (param === 'id' ? foreign[kind] : param === 'mentionId' ? foreign.mention : param === 'userId' ? foreign.user : NO_ID));
      checked++;
      // A body the schema refuses answers 400 before any lookup, which says nothing of the id either.
      const expected = mayCall(role, op.access) ? [400, 404] : [403];
      if (!expected.includes(res.statusCode)) wrong.push(`${role} ${key(op)} with a foreign ${kind}: ${res.statusCode}, not ${expected.join(' or ')} ${res.body.slice(0, 160)}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(checked).toBeGreaterThan(200);
  console.info(`route matrix, foreign organisation: ${checked} requests (route × role) with another organisation's ids`);
}, 300_000);

test('every role may log out, last', async () => {
  const logout = operations.find((op) => key(op) === LOGOUT);
  expect(logout?.access).toBe('authenticated');
  for (const role of ROLES) {
    const res = await request(clients[role], logout!, () => NO_ID);
    expect(res.statusCode, role).toBeLessThan(300);
    expect((await clients[role].get('/api/auth/me')).statusCode, role).toBe(401);
  }
});
