import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, TEST_PASSWORD, TestClient, type TestApp } from '../test-support/test-app.ts';
import { createUser } from './create-user.ts';

let app: TestApp;
let orgId: string;
let admin: TestClient;
let viewer: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('auth');
  admin = await app.userClient(orgId, 'admin', { email: 'admin@auth.test' });
  viewer = await app.userClient(orgId, 'viewer');
});
afterAll(async () => {
  await app?.close();
});

async function newUser(email: string, extra: { disabled?: boolean } = {}): Promise<string> {
  const id = await createUser(app.ctx.db, { orgId, email, name: 'Someone', role: 'service', password: TEST_PASSWORD });
  if (extra.disabled) await app.ctx.db.updateTable('users').set({ disabled: true }).where('id', '=', id).execute();
  return id;
}

const login = (client: TestClient, email: string, password: string) => client.post('/api/auth/login', { email, password });

test('logs in with the right password and answers me', async () => {
  await newUser('ok@auth.test');
  const client = new TestClient(app.server);
  const res = await login(client, 'OK@auth.test', TEST_PASSWORD);
  expect(res.statusCode).toBe(200);
  expect(res.json().user).toMatchObject({ email: 'ok@auth.test', role: 'service', org: { id: orgId } });
  const me = await client.get('/api/auth/me');
  expect(me.statusCode).toBe(200);
  expect(me.json().user.email).toBe('ok@auth.test');
});

test('refuses a wrong password with 401 and the error shape', async () => {
  await newUser('wrong@auth.test');
  const res = await login(new TestClient(app.server), 'wrong@auth.test', 'not the password');
  expect(res.statusCode).toBe(401);
  // Nothing but the code, the message and the message's code (for the web's own words): no hint which half was wrong.
  expect(res.json()).toEqual({ error: { code: 'unauthorized', message: 'wrong e-mail or password', details: { reason: 'auth.wrongCredentials' } } });
  expect(res.cookies).toEqual([]);
});

// Until issue 13 ten failures locked the account for 15 minutes, its owner too; now they only slow the guesser down (auth.security.test.ts has the rest).
test('slows repeated failures for an e-mail down with growing waits (429 and Retry-After), then takes the right password', async () => {
  await newUser('locked@auth.test');
  const client = new TestClient(app.server);
  const statuses: number[] = [];
  let throttled: Awaited<ReturnType<typeof login>> | null = null;
  for (let i = 0; i < 20 && !throttled; i++) {
    const res = await login(client, 'locked@auth.test', `guess ${i}`);
    statuses.push(res.statusCode);
    if (res.statusCode === 429) throttled = res;
  }
  // The first five failures are free; the sixth makes the next attempt wait 1 s, the seventh 2 s …
  expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
  expect(throttled!.json().error).toMatchObject({ code: 'rate_limited', details: { reason: 'auth.tooManyFailures' } });
  expect(Number(throttled!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  // Once the wait is over (moved to now rather than slept through), the right password opens a session.
  await app.ctx.db.updateTable('login_attempts').set({ wait_until: new Date() }).where('key', 'like', '%locked@auth.test%').execute();
  expect((await login(client, 'locked@auth.test', TEST_PASSWORD)).statusCode).toBe(200);
});

test('ignores X-Forwarded-For when no proxy is trusted (VERITY_TRUST_PROXY unset)', async () => {
  await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@auth.test', password: 'wrong one here' }, headers: { 'x-forwarded-for': '198.51.100.99' } });
  const keys = (await app.ctx.db.selectFrom('login_attempts').select('key').execute()).map((r) => r.key);
  expect(keys).toContain('ip:127.0.0.1');
  expect(keys).not.toContain('ip:198.51.100.99');
});

test('refuses a write without the x-csrf-token header', async () => {
  const res = await admin.request({ method: 'POST', url: '/api/org/locations', payload: { code: 'csrf', name: 'No token' }, csrf: false });
  expect(res.statusCode).toBe(403);
  expect(res.json().error.code).toBe('forbidden');
  const rows = await app.ctx.db.selectFrom('locations').select('id').where('code', '=', 'csrf').execute();
  expect(rows).toEqual([]);
});

test('ends the session on logout', async () => {
  await newUser('bye@auth.test');
  const client = new TestClient(app.server);
  const res = await login(client, 'bye@auth.test', TEST_PASSWORD);
  expect(res.statusCode).toBe(200);
  const cookie = (res.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join('; ');
  expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
  expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  // The old cookie, replayed by hand, no longer works either.
  const replay = await app.server.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  expect(replay.statusCode).toBe(401);
  expect(replay.json().error.code).toBe('unauthorized');
});

test('refuses a disabled user', async () => {
  await newUser('disabled@auth.test', { disabled: true });
  const res = await login(new TestClient(app.server), 'disabled@auth.test', TEST_PASSWORD);
  expect(res.statusCode).toBe(401);
});

test('forbids a viewer every write its role lacks', async () => {
  const mention = (await admin.post('/api/mentions', { text: 'Viewer cannot triage this' })).json().mention;
  const upload = multipartBody({}, { name: 'v.csv', content: 'text\nHello\n', type: 'text/csv' });
  const attempts = [
    await viewer.request({ method: 'POST', url: '/api/imports', ...upload }),
    await viewer.post('/api/sources', { name: 'Nope', kind: 'push' }),
    await viewer.post('/api/users', { email: 'x@auth.test', name: 'X', role: 'admin', password: 'long enough password' }),
    await viewer.patch(`/api/mentions/${mention.id}`, { status: 'dismissed' }),
  ];
  for (const res of attempts) {
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  }
  const row = await app.ctx.db.selectFrom('mentions').select('status').where('id', '=', mention.id).executeTakeFirstOrThrow();
  expect(row.status).toBe('new');
});

test('shows a department head only the mentions of their departments', async () => {
  const dept = async (code: string) => (await admin.post('/api/org/departments', { code, name: code })).json().department.id as string;
  const mine = await dept('cardio');
  const other = await dept('ortho');
  const inMine = (await admin.post('/api/mentions', { text: 'Cardiology was great', departmentId: mine })).json().mention.id;
  const inOther = (await admin.post('/api/mentions', { text: 'Orthopaedics lost my file', departmentId: other })).json().mention.id;
  const head = await app.userClient(orgId, 'department_head', { departmentIds: [mine] });
  const list = (await head.get('/api/mentions')).json().items.map((m: { id: string }) => m.id);
  expect(list).toEqual([inMine]);
  expect((await head.get(`/api/mentions/${inMine}`)).statusCode).toBe(200);
  const hidden = await head.get(`/api/mentions/${inOther}`);
  expect(hidden.statusCode).toBe(404);
  expect(hidden.json().error.code).toBe('not_found');
  expect((await head.patch(`/api/mentions/${inOther}`, { status: 'triaged' })).statusCode).toBe(404);
});

test('records every sensitive action in the audit log with actor, action and ip', async () => {
  const client = new TestClient(app.server);
  await login(client, 'admin@auth.test', TEST_PASSWORD);
  const user = (await admin.post('/api/users', { email: 'audited@auth.test', name: 'Audited', role: 'pr', password: 'long enough password' })).json().user;
  const source = (await admin.post('/api/sources', { name: 'Audited push', kind: 'push' })).json().source;
  const run = (await admin.request({ method: 'POST', url: '/api/imports', ...multipartBody({}, { name: 'a.csv', content: 'text\nAudited row\n', type: 'text/csv' }) })).json();
  const entries = (await admin.get('/api/audit?limit=500')).json().items as { action: string; userEmail: string; ip: string | null; targetId: string | null }[];
  const find = (action: string, targetId?: string) => entries.find((e) => e.action === action && (targetId === undefined || e.targetId === targetId));
  for (const entry of [find('auth.login'), find('user.create', user.id), find('source.create', source.id), find('import.file', run.id)]) {
    expect(entry).toMatchObject({ userEmail: 'admin@auth.test', ip: expect.stringMatching(/^127\.0\.0\.1$|^::1$|^::ffff:127/) });
  }
});

test('publishes an OpenAPI 3 document listing the mentions API', async () => {
  const res = await admin.get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toContain('/api/mentions');
  expect(doc.paths['/api/mentions'].get).toBeDefined();
});

test('answers the health check without a session', async () => {
  const res = await app.server.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ status: 'ok' });
});

test('answers an unknown /api route with 404 and the error shape', async () => {
  const res = await admin.get('/api/no-such-thing');
  expect(res.statusCode).toBe(404);
  expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/no-such-thing') } });
});

test('answers bad input with 400 naming the field', async () => {
  const cases = [
    [await admin.post('/api/users', { email: 'short@auth.test', name: 'Short', role: 'pr', password: 'short' }), 'password'],
    [await admin.post('/api/org/locations', { code: 'tz', name: 'Bad zone', timezone: 'Mars/Olympus' }), 'timezone'],
    [await admin.get('/api/mentions?limit=abc'), 'limit'],
  ] as const;
  for (const [res, field] of cases) {
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain(field);
    expect(JSON.stringify(body.error.details)).toContain(field);
  }
});

test('refuses an empty PATCH of a location, department or staff member with 400', async () => {
  const location = (await admin.post('/api/org/locations', { code: 'empty', name: 'Empty patch' })).json().location.id;
  const department = (await admin.post('/api/org/departments', { code: 'empty', name: 'Empty patch' })).json().department.id;
  const staff = (await admin.post('/api/org/staff', { name: 'Empty patch' })).json().staff.id;
  for (const url of [`/api/org/locations/${location}`, `/api/org/departments/${department}`, `/api/org/staff/${staff}`]) {
    const res = await admin.patch(url, {});
    expect(res.statusCode, url).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('at least one field') });
  }
});

test('ends the open sessions of a user the admin disables', async () => {
  const id = await newUser('soon-disabled@auth.test');
  const client = new TestClient(app.server);
  expect((await login(client, 'soon-disabled@auth.test', TEST_PASSWORD)).statusCode).toBe(200);
  expect((await admin.patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(200);
  expect((await client.get('/api/auth/me')).statusCode).toBe(401);
});

test('applies a role change to an open session at once', async () => {
  const id = await createUser(app.ctx.db, { orgId, email: 'promoted@auth.test', name: 'Promoted', role: 'viewer', password: TEST_PASSWORD });
  const client = new TestClient(app.server);
  await login(client, 'promoted@auth.test', TEST_PASSWORD);
  expect((await client.post('/api/sources', { name: 'Before promotion', kind: 'push' })).statusCode).toBe(403);
  expect((await admin.patch(`/api/users/${id}`, { role: 'pr' })).statusCode).toBe(200);
  expect((await client.post('/api/sources', { name: 'After promotion', kind: 'push' })).statusCode).toBe(201);
});

test('pages through the audit log without repeating an entry', async () => {
  const first = (await admin.get('/api/audit?limit=3')).json();
  expect(first.items).toHaveLength(3);
  expect(first.nextCursor).toBe(first.items[2].id);
  const second = (await admin.get(`/api/audit?limit=3&cursor=${first.nextCursor}`)).json();
  expect(second.items.length).toBeGreaterThan(0);
  // Entry ids are random UUIDs (issue 13: no global sequence); the pages follow each other without overlap.
  const firstIds = new Set(first.items.map((e: { id: string }) => e.id));
  expect(second.items.every((e: { id: string }) => /^[0-9a-f-]{36}$/.test(e.id) && !firstIds.has(e.id))).toBe(true);
  expect(new Date(second.items[0].at).getTime()).toBeLessThanOrEqual(new Date(first.items[2].at).getTime());
});

test('answers a wrong password in the language the browser asks for', async () => {
  await newUser('russian@auth.test');
  const res = await new TestClient(app.server).request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'russian@auth.test', password: 'nope' },
    headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
  });
  expect(res.statusCode).toBe(401);
  expect(res.json().error).toMatchObject({ message: 'неверный адрес электронной почты или пароль', details: { reason: 'auth.wrongCredentials' } });
});

test('stores the language a user chooses and answers it in me and at login', async () => {
  await newUser('polyglot@auth.test');
  const client = new TestClient(app.server);
  expect((await login(client, 'polyglot@auth.test', TEST_PASSWORD)).json().user.locale).toBeNull();
  const patched = await client.patch('/api/auth/me', { locale: 'zh-CN' });
  expect(patched.statusCode).toBe(200);
  expect(patched.json().user).toMatchObject({ email: 'polyglot@auth.test', locale: 'zh-CN' });
  expect((await client.get('/api/auth/me')).json().user.locale).toBe('zh-CN');
  const row = await app.ctx.db.selectFrom('users').select('locale').where('email', '=', 'polyglot@auth.test').executeTakeFirstOrThrow();
  expect(row.locale).toBe('zh-CN');
  expect((await login(new TestClient(app.server), 'polyglot@auth.test', TEST_PASSWORD)).json().user.locale).toBe('zh-CN');
  expect((await client.patch('/api/auth/me', { locale: 'fr' })).statusCode).toBe(400);
  expect((await client.patch('/api/auth/me', { locale: null })).json().user.locale).toBeNull();
});

test("refuses a change of one's language without the CSRF token", async () => {
  await newUser('no-csrf-locale@auth.test');
  const client = new TestClient(app.server);
  await login(client, 'no-csrf-locale@auth.test', TEST_PASSWORD);
  const res = await client.request({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'ru' }, csrf: false });
  expect(res.statusCode).toBe(403);
  expect((await client.get('/api/auth/me')).json().user.locale).toBeNull();
});

test("lets an admin set a user's language and lists it", async () => {
  const id = await newUser('set-by-admin@auth.test');
  const res = await admin.patch(`/api/users/${id}`, { locale: 'ru' });
  expect(res.statusCode).toBe(200);
  expect(res.json().user).toMatchObject({ id, locale: 'ru' });
  const listed = (await admin.get('/api/users')).json().items.find((u: { id: string }) => u.id === id);
  expect(listed.locale).toBe('ru');
  const created = await admin.post('/api/users', { email: 'born-chinese@auth.test', name: 'Born Chinese', role: 'staff', password: 'long enough password', locale: 'zh-CN' });
  expect(created.json().user.locale).toBe('zh-CN');
});

test("names each audit action in the reader's language beside its id", async () => {
  const res = await admin.request({ method: 'GET', url: '/api/audit?limit=500', headers: { 'accept-language': 'zh-CN' } });
  const login = (res.json().items as { action: string; actionLabel: string }[]).find((e) => e.action === 'auth.login');
  expect(login).toMatchObject({ action: 'auth.login', actionLabel: '登录' });
  const english = (await admin.get('/api/audit?limit=1')).json().items[0];
  expect(english.actionLabel).not.toBe('');
});

test("reads and changes the organisation's default language, for admins only", async () => {
  expect((await admin.get('/api/org')).json().org).toMatchObject({ id: orgId, defaultLocale: 'en' });
  expect((await viewer.patch('/api/org', { defaultLocale: 'ru' })).statusCode).toBe(403);
  expect((await admin.patch('/api/org', { defaultLocale: 'de' })).statusCode).toBe(400);
  const res = await admin.patch('/api/org', { defaultLocale: 'zh-CN' });
  expect(res.statusCode).toBe(200);
  expect(res.json().org).toMatchObject({ id: orgId, defaultLocale: 'zh-CN' });
  expect((await viewer.get('/api/org')).json().org.defaultLocale).toBe('zh-CN');
  const entries = (await admin.get('/api/audit?limit=500')).json().items as { action: string; targetId: string | null; details: unknown }[];
  expect(entries.find((e) => e.action === 'org.update' && e.targetId === orgId)).toMatchObject({ details: { before: { defaultLocale: 'en' }, after: { defaultLocale: 'zh-CN' } } });
  expect((await admin.patch('/api/org', { defaultLocale: 'en' })).statusCode).toBe(200);
});

test("names a location that does not exist in the reader's language", async () => {
  const payload = { code: 'ghost', name: 'Ghost ward', locationId: '00000000-0000-4000-8000-000000000000' };
  const english = await admin.post('/api/org/departments', payload);
  expect(english.statusCode).toBe(400);
  expect(english.json().error).toMatchObject({ message: 'locationId names a location that does not exist', details: { reason: 'orgs.noSuchLocation', params: { field: 'locationId' } } });
  const chinese = await admin.request({ method: 'POST', url: '/api/org/departments', payload, headers: { 'accept-language': 'zh-CN' } });
  expect(chinese.json().error.message).toBe('locationId 指定的院区不存在');
});
