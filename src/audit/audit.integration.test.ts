import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

/** The audit page's API: names and details in the reader's language, filters by action, actor and day. */

let app: TestApp;
let admin: TestClient;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('audit');
  admin = await app.userClient(orgId, 'admin', { email: 'boss@audit.test' });
  await app.userClient(orgId, 'admin', { email: 'second@audit.test' });
  expect((await admin.post('/api/users', { email: 'nurse@audit.test', name: 'Nurse Olga', role: 'service', password: 'long enough password' })).statusCode).toBe(201);
});
afterAll(async () => {
  await app?.close();
});

type Entry = { action: string; actionLabel: string; userEmail: string; detailLines: { field: string; value?: string; before?: string; after?: string }[] };
const entries = async (query = '', lang = 'en') => (await admin.request({ method: 'GET', url: `/api/audit${query}`, headers: { 'accept-language': lang } })).json().items as Entry[];

test('names actions and renders details in the reader’s language, never as JSON', async () => {
  const [created] = await entries('?action=user.create', 'ru');
  expect(created!.actionLabel).toBe('Создан пользователь');
  // jsonb keeps its own key order; the lines are the same set.
  expect(created!.detailLines).toHaveLength(2);
  expect(created!.detailLines).toEqual(
    expect.arrayContaining([
      { field: 'Эл. почта', value: 'nurse@audit.test' },
      { field: 'Роль', value: 'Служба пациентов' },
    ]),
  );
  const logins = await entries('?action=auth.login', 'zh-CN');
  expect(logins.length).toBeGreaterThanOrEqual(2);
  expect(logins.every((e) => e.action === 'auth.login' && e.actionLabel === '登录')).toBe(true);
});

test('filters by actor and by day in the organisation’s time zone', async () => {
  const second = await entries('?actor=SECOND@audit');
  expect(second.length).toBeGreaterThan(0);
  expect(second.every((e) => e.userEmail === 'second@audit.test')).toBe(true);
  const today = new Date().toISOString().slice(0, 10);
  expect((await entries(`?from=${today}&to=${today}`)).length).toBeGreaterThan(0);
  expect(await entries('?to=2000-01-01')).toEqual([]);
  expect((await admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  expect((await admin.get('/api/audit?action=no.such')).statusCode).toBe(400);
});

test('lists the actions by name for the filter', async () => {
  const items = (await admin.request({ method: 'GET', url: '/api/audit/actions', headers: { 'accept-language': 'ru' } })).json().items as { id: string; label: string }[];
  expect(items.find((a) => a.id === 'auth.login')).toEqual({ id: 'auth.login', label: 'Вход в систему' });
});
