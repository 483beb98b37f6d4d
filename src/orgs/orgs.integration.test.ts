import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

/** Org and roster changes are audited with readable before/after values: names, not ids. */

let app: TestApp;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  const orgId = await app.createOrg('orgs');
  admin = await app.userClient(orgId, 'admin');
});
afterAll(async () => {
  await app?.close();
});

const lastEntry = async (action: string) =>
  ((await admin.request({ method: 'GET', url: `/api/audit?action=${action}`, headers: { 'accept-language': 'ru' } })).json().items as { detailLines: unknown[] }[])[0]!;

test('audits the default language as before → after, in the reader’s language', async () => {
  expect((await admin.patch('/api/org', { defaultLocale: 'ru' })).json().org.defaultLocale).toBe('ru');
  expect((await lastEntry('org.update')).detailLines).toEqual([{ field: 'Язык по умолчанию', before: 'английский', after: 'русский' }]);
});

test('audits a staff member’s new department by its name, not its id', async () => {
  const department = (await admin.post('/api/org/departments', { code: 'dent', name: 'Стоматология' })).json().department;
  const staff = (await admin.post('/api/org/staff', { name: 'Dr. Wang' })).json().staff;
  expect((await admin.patch(`/api/org/staff/${staff.id}`, { departmentId: department.id })).statusCode).toBe(200);
  const entry = await lastEntry('staff.update');
  expect(entry.detailLines).toEqual([{ field: 'Отделение', after: 'Стоматология' }]);
  expect(JSON.stringify(entry)).not.toContain(department.id);
});
