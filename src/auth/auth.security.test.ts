import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, TEST_PASSWORD, TestClient, type TestApp } from '../test-support/test-app.ts';
import { LOGIN_THROTTLE } from './auth.vocab.ts';
import { createUser } from './create-user.ts';

/*
 * Issue 13, auth hardening: each failure the probe found, reproduced and now refused. The app
 * trusts 127.0.0.1 (inject's peer) as a proxy, as VERITY_TRUST_PROXY would, so a test picks the
 * client's address with X-Forwarded-For.
 */

let app: TestApp;
let orgA: string;
let orgB: string;
let adminA: TestClient;

beforeAll(async () => {
  app = await createTestApp({ config: { trustProxy: ['127.0.0.1'] } });
  orgA = await app.createOrg('sec-a');
  orgB = await app.createOrg('sec-b');
  adminA = await app.userClient(orgA, 'admin', { email: 'admin@sec-a.test' });
});
afterAll(async () => {
  await app?.close();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const login = (client: TestClient, email: string, password: string, ip: string, lang = 'en') =>
  client.request({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers: { ...from(ip), 'accept-language': lang } });
const newUser = (orgId: string, email: string, password = TEST_PASSWORD) => createUser(app.ctx.db, { orgId, email, name: 'Someone Else', role: 'service', password });

describe('throttling that an attacker cannot turn into a lock-out', () => {
  test('a burst of wrong passwords from one address never keeps the owner out from another', async () => {
    await newUser(orgA, 'owner@sec-a.test');
    const attacker = new TestClient(app.server);
    const seen: number[] = [];
    // Before: ten failures locked the account for everyone for 15 minutes.
    for (let i = 0; i < 12; i++) seen.push((await login(attacker, 'owner@sec-a.test', `guess number ${i}`, '198.51.100.7')).statusCode);
    expect(seen.slice(0, LOGIN_THROTTLE.pair.freeFailures + 1).every((s) => s === 401)).toBe(true);
    expect(seen).toContain(429);
    const throttled = await login(attacker, 'owner@sec-a.test', TEST_PASSWORD, '198.51.100.7');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.json().error.message).toMatch(/^too many failed logins; try again in \d+ seconds$/);
    const owner = await login(new TestClient(app.server), 'owner@sec-a.test', TEST_PASSWORD, '203.0.113.20');
    expect(owner.statusCode).toBe(200);
  });

  test('many failures from one shared address (a proxy) do not lock its other users out', async () => {
    await newUser(orgA, 'regular@sec-a.test');
    await newUser(orgA, 'newcomer@sec-a.test');
    const shared = '192.0.2.50';
    expect((await login(new TestClient(app.server), 'regular@sec-a.test', TEST_PASSWORD, shared)).statusCode).toBe(200);
    // Before: fifty failures from an address locked every user behind it. Now the address only waits, at most its cap.
    const attacker = new TestClient(app.server);
    let waited: { statusCode: number; headers: Record<string, unknown> } | null = null;
    for (let i = 0; i < LOGIN_THROTTLE.address.freeFailures + 12 && !waited; i++) {
      const res = await login(attacker, `nobody${i}@sec-a.test`, 'wrong wrong wrong', shared);
      if (res.statusCode === 429) waited = res;
      else expect(res.statusCode).toBe(401);
    }
    expect(waited).not.toBeNull();
    expect(Number(waited!.headers['retry-after'])).toBeLessThanOrEqual(LOGIN_THROTTLE.address.capSeconds);
    // A user who signed in from this address before goes straight in; a new one waits, but never longer than the cap.
    expect((await login(new TestClient(app.server), 'regular@sec-a.test', TEST_PASSWORD, shared)).statusCode).toBe(200);
    const fresh = await login(new TestClient(app.server), 'newcomer@sec-a.test', TEST_PASSWORD, shared, 'ru');
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeLessThanOrEqual(LOGIN_THROTTLE.address.capSeconds);
    expect(fresh.json().error.message).toMatch(/^слишком много неудачных попыток входа; повторите через \d+ с$/);
  });

  test('a signed-in user changes their password from the live session while the account is throttled', async () => {
    await newUser(orgA, 'busy@sec-a.test');
    const session = new TestClient(app.server);
    expect((await login(session, 'busy@sec-a.test', TEST_PASSWORD, '203.0.113.30')).statusCode).toBe(200);
    // The account is under a distributed attack: its account-wide key waits (set directly: a hundred failures would cost seconds).
    await app.ctx.db
      .insertInto('login_attempts')
      .values({ key: 'email:busy@sec-a.test', last_failure_at: new Date(), attempts: 500, wait_until: new Date(Date.now() + 60_000) })
      .execute();
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    const wrong = await session.post('/api/auth/password', { currentPassword: 'not it at all', newPassword: 'a brand new long phrase' });
    expect(wrong.json().error.details.reason).toBe('auth.wrongCurrentPassword');
    const changed = await session.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long phrase' });
    expect(changed.statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });

  test('X-Forwarded-For names the client only when the peer is a trusted proxy', async () => {
    // The other half (no proxy configured: the header is ignored) is in auth.integration.test.ts, whose app trusts none.
    await login(new TestClient(app.server), 'nobody@sec-a.test', 'wrong one here', '198.51.100.99');
    const keys = (await app.ctx.db.selectFrom('login_attempts').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('ip:198.51.100.99');
  });
});

describe('password policy', () => {
  test.each([
    ['password', 'auth.passwordTooShort'],
    ['12345678', 'auth.passwordTooShort'],
    ['password1234', 'auth.passwordCommon'],
    ['qwertyuiop123', 'auth.passwordCommon'],
    ['newadmin@sec-a.test!', 'auth.passwordPersonal'],
    ['aaaaaaaaaaaaaa', 'auth.passwordGuessable'],
  ])('refuses %s for an admin (%s)', async (password, reason) => {
    const res = await adminA.post('/api/users', { email: 'newadmin@sec-a.test', name: 'New Admin', role: 'admin', password });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.reason).toBe(reason);
  });

  test('names why in the reader’s language, on creation, reset and the CLI path alike', async () => {
    const zh = await adminA.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'zh@sec-a.test', name: 'Zh', role: 'pr', password: 'password1234' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json().error.message).toBe('该密码在常见或已泄露密码列表中，请换一个');
    const id = await newUser(orgA, 'reset@sec-a.test');
    const reset = await adminA.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { password: 'iloveyou1234' }, headers: { 'accept-language': 'ru' } });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toBe('этот пароль есть в списке распространённых или утёкших паролей; выберите другой');
    // `verity users add` goes through createUser.
    await expect(newUser(orgA, 'cli@sec-a.test', '12345678')).rejects.toThrow('at least 12 characters');
    expect((await adminA.post('/api/users', { email: 'fine@sec-a.test', name: 'Fine', role: 'admin', password: 'violet tractor sings loudly' })).statusCode).toBe(201);
  });
});

describe('cookies and headers', () => {
  test('session cookie is HttpOnly and SameSite=Lax, Secure when the request came over HTTPS through the trusted proxy', async () => {
    await newUser(orgA, 'cookie@sec-a.test');
    const plain = await login(new TestClient(app.server), 'cookie@sec-a.test', TEST_PASSWORD, '203.0.113.40');
    const session = (plain.cookies as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]).find((c) => c.name === 'verity_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(session.secure).toBeFalsy();
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const https = await app.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'cookie@sec-a.test', password: TEST_PASSWORD },
      headers: { ...from('203.0.113.40'), 'x-forwarded-proto': 'https' },
    });
    expect(https.statusCode).toBe(200);
    expect((https.cookies as { name: string; secure?: boolean }[]).every((c) => c.secure)).toBe(true);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  test('every answer carries a CSP without unsafe-inline scripts, frame-ancestors, nosniff and a referrer policy', async () => {
    for (const url of ['/api/health', '/', '/some/app/page']) {
      const res = await app.server.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  test('public pages allow their one stylesheet by hash, never unsafe-inline', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/o/not-a-real-token' });
    expect(res.headers['content-type']).toContain('text/html');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('tenant-blind answers', () => {
  test('the same e-mail may exist in two organisations, and each signs in with its own password', async () => {
    await newUser(orgA, 'shared@clinics.test', 'first clinic password phrase');
    // Before: 409 'a user with e-mail … already exists', telling clinic B of clinic A's user.
    const adminB = await app.userClient(orgB, 'admin', { email: 'admin@sec-b.test' });
    const created = await adminB.post('/api/users', { email: 'Shared@clinics.test', name: 'Shared B', role: 'pr', password: 'second clinic password phrase' });
    expect(created.statusCode).toBe(201);
    expect((await adminB.post('/api/users', { email: 'shared@clinics.test', name: 'Again', role: 'pr', password: 'second clinic password phrase' })).statusCode).toBe(409);
    const inA = await login(new TestClient(app.server), 'shared@clinics.test', 'first clinic password phrase', '203.0.113.50');
    expect(inA.json().user.org.id).toBe(orgA);
    const inB = await login(new TestClient(app.server), 'shared@clinics.test', 'second clinic password phrase', '203.0.113.50');
    expect(inB.json().user.org.id).toBe(orgB);
    // Each organisation's log shows the failed login against its own user only.
    await login(new TestClient(app.server), 'shared@clinics.test', 'neither of them', '203.0.113.51');
    const failed = await app.ctx.db.selectFrom('audit_log').select('org_id').where('action', '=', 'auth.login_failed').where('actor', '=', 'shared@clinics.test').execute();
    expect(failed.map((r) => r.org_id).sort()).toEqual([orgA, orgB].sort());
  });

  test('audit ids are random and a cursor of another organisation is refused', async () => {
    const adminB = await app.userClient(orgB, 'admin', { email: 'second-admin@sec-b.test' });
    const a = (await adminA.get('/api/audit?limit=2')).json();
    const b = (await adminB.get('/api/audit?limit=2')).json();
    // Before: bigint ids of one global sequence (how busy the other clinics are).
    for (const e of [...a.items, ...b.items]) expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const foreign = await adminA.get(`/api/audit?cursor=${b.items[0].id}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.reason).toBe('audit.badCursor');
  });
});
